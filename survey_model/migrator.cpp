#include "migrator.h"

#include "database.h"
#include "logging.h"
#include "transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace fs::model {

namespace {

QList<Migration> loadMigrations()
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/fieldsurvey/migrations"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = namePattern.match(file);
        if (!match.hasMatch()) {
            qCWarning(lcStore) << "ignoring migration with a malformed name:" << file;
            continue;
        }
        QFile source(dir.filePath(file));
        if (!source.open(QIODevice::ReadOnly)) {
            qCWarning(lcStore) << "cannot read built-in migration" << file;
            continue;
        }
        list.append(
            Migration{match.captured(1).toInt(), match.captured(2), QString::fromUtf8(source.readAll())});
    }
    std::sort(list.begin(), list.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < list.size(); ++i)
        Q_ASSERT_X(list[i].version == i + 1, "Migrator", "migration numbers must be contiguous from 0001");
    return list;
}

} // namespace

const QList<Migration> &Migrator::migrations()
{
    static const QList<Migration> list = loadMigrations();
    return list;
}

int Migrator::latestVersion()
{
    const auto &list = migrations();
    return list.isEmpty() ? 0 : list.constLast().version;
}

Result<int> Migrator::currentVersion(const Database &database)
{
    auto version = database.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return tl::unexpected(version.error());
    return version->toInt();
}

Result<int> Migrator::migrate(const Database &database, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = currentVersion(database);
    if (!current)
        return current;
    if (*current > targetVersion)
        return fail(ErrorCode::SchemaTooNew,
                    QStringLiteral("schema version %1 is newer than %2").arg(*current).arg(targetVersion));

    for (const Migration &migration : migrations()) {
        if (migration.version <= *current || migration.version > targetVersion)
            continue;
        Transaction transaction(database);
        if (!transaction.begun())
            return tl::unexpected(transaction.begun().error());
        if (auto r = database.execScript(migration.sql); !r)
            return fail(ErrorCode::Database, QStringLiteral("migration %1_%2: %3")
                                                 .arg(migration.version, 4, 10, QLatin1Char('0'))
                                                 .arg(migration.name, r.error().detail));
        if (auto r = database.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)); !r)
            return tl::unexpected(r.error());
        if (auto r = transaction.commit(); !r)
            return tl::unexpected(r.error());
        qCInfo(lcStore) << "migrated" << database.path() << "to schema" << migration.version
                        << migration.name;
        *current = migration.version;
    }
    return *current;
}

} // namespace fs::model
