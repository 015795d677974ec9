// SurveyStore: verification and package export (the maintenance half of surveystore.h).
#include "blobstore.h"
#include "database.h"
#include "logging.h"
#include "migrator.h"
#include "surveystore.h"

#include <QFile>
#include <QFileInfo>

namespace fs::model {

Result<QStringList> SurveyStore::verify() const
{
    QStringList problems;

    auto integrity = m_database->exec(QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return tl::unexpected(integrity.error());
    while (integrity->next()) {
        const QString line = integrity->value(0).toString();
        if (line != QStringLiteral("ok"))
            problems << QStringLiteral("integrity: ") + line;
    }

    auto keys = m_database->exec(QStringLiteral("PRAGMA foreign_key_check"));
    if (!keys)
        return tl::unexpected(keys.error());
    while (keys->next())
        problems << QStringLiteral("foreign key: %1 row %2 refers to a missing %3")
                        .arg(keys->value(0).toString(), keys->value(1).toString(), keys->value(2).toString());

    auto applicationId = m_database->scalar(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return tl::unexpected(applicationId.error());
    if (applicationId->toInt() != kApplicationId)
        problems << QStringLiteral("format: application_id is %1").arg(applicationId->toLongLong());
    auto version = Migrator::currentVersion(*m_database);
    if (!version)
        return tl::unexpected(version.error());
    if (*version != Migrator::latestVersion())
        problems << QStringLiteral("format: schema version %1, this FieldSurvey writes %2")
                        .arg(*version)
                        .arg(Migrator::latestVersion());

    auto survey = m_database->scalar(QStringLiteral("SELECT count(*) FROM survey"));
    if (!survey)
        return tl::unexpected(survey.error());
    if (survey->toInt() != 1)
        problems << QStringLiteral("format: %1 survey rows instead of 1").arg(survey->toInt());

    auto blobs = m_database->exec(QStringLiteral("SELECT id FROM blob ORDER BY id"));
    if (!blobs)
        return tl::unexpected(blobs.error());
    QList<qint64> ids;
    while (blobs->next())
        ids << blobs->value(0).toLongLong();
    for (const qint64 id : ids) {
        auto ok = BlobStore::verify(*m_database, id);
        if (!ok)
            return tl::unexpected(ok.error());
        if (!*ok)
            problems << QStringLiteral("blob %1: content does not match its SHA-256").arg(id);
    }
    return problems;
}

Result<void> SurveyStore::exportPackage(const QString &destination) const
{
    if (QFileInfo::exists(destination))
        return fail(ErrorCode::Io, QStringLiteral("refusing to overwrite existing file ") + destination);
    if (auto r = m_database->run(QStringLiteral("VACUUM INTO ?"), {destination}); !r) {
        QFile::remove(destination);
        return tl::unexpected(r.error());
    }
    {
        // A rollback-journal file opens read-only anywhere (a USB stick, a CD); WAL would need a
        // writable folder for its index.
        auto copy = Database::open(destination, Database::Mode::ReadWrite);
        if (!copy) {
            QFile::remove(destination);
            return tl::unexpected(copy.error());
        }
        auto mode = (*copy)->scalar(QStringLiteral("PRAGMA journal_mode = DELETE"));
        if (!mode || mode->toString() != QStringLiteral("delete")) {
            copy->reset();
            QFile::remove(destination);
            return mode ? fail(ErrorCode::Database, QStringLiteral("cannot set the package's journal mode"))
                        : tl::unexpected(mode.error());
        }
    }
    auto copy = SurveyStore::open(destination, OpenMode::ReadOnly, m_clock);
    if (!copy) {
        QFile::remove(destination);
        return tl::unexpected(copy.error());
    }
    auto problems = (*copy)->verify();
    if (!problems || !problems->isEmpty()) {
        const QString detail = problems ? problems->join(QStringLiteral("; ")) : problems.error().detail;
        copy->reset();
        QFile::remove(destination);
        return fail(ErrorCode::Corrupt, QStringLiteral("the exported copy failed verification: ") + detail);
    }
    qCInfo(lcStore) << "exported" << path() << "to" << destination;
    return {};
}

} // namespace fs::model
