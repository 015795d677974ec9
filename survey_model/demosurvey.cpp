#include "demosurvey.h"

#include "backupjson.h"
#include "defaultschedule.h"
#include "demofloorplan.h"
#include "logging.h"
#include "surveyjson.h"

#include <QFile>
#include <QFileInfo>

namespace fs::model {

namespace {

const QString kResource = QStringLiteral(":/fieldsurvey/demo/demo_survey.json");

// A survey file and its SQLite companions.
QStringList surveyFiles(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
}

Result<void> removeSurveyFiles(const QString &path)
{
    for (const QString &file : surveyFiles(path)) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return fail(ErrorCode::Io, QStringLiteral("cannot remove ") + file);
    }
    return {};
}

} // namespace

Result<BackupQuestionnaire> DemoSurvey::backupAnswers()
{
    const QString resource = QStringLiteral(":/fieldsurvey/demo/demo_backup.json");
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("the demo survey resource is missing: ") + resource);
    return BackupJson::fromJson(file.readAll(), resource);
}

Result<SurveyData> DemoSurvey::data(const QDate &visitDate)
{
    QFile file(kResource);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("the demo survey resource is missing: ") + kResource);
    auto data = SurveyJson::fromJson(file.readAll(), kResource);
    if (!data)
        return data;
    if (data->days.isEmpty())
        data->days.append(DefaultSchedule::day(1));
    data->days.first().date = visitDate;
    data->floorPlans = DemoFloorPlan::plans();
    return data;
}

Result<std::unique_ptr<SurveyStore>> DemoSurvey::createOrReplace(const QString &path, const Clock &clock)
{
    auto demo = data(clock.now().toLocalTime().date());
    if (!demo)
        return tl::unexpected(demo.error());

    if (QFileInfo::exists(path)) {
        // Never replace an investigator's real survey by mistake.
        auto existing = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly, clock);
        const auto isDemo = existing ? (*existing)->meta(QStringLiteral("demo")) : Result<QString>(QString());
        if (!isDemo || *isDemo != QStringLiteral("1"))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("not replacing %1: it is not a demo survey").arg(path));
    }

    const QString staging = path + QStringLiteral(".new");
    if (auto r = removeSurveyFiles(staging); !r)
        return tl::unexpected(r.error());
    {
        auto store = SurveyStore::create(staging, clock);
        if (!store)
            return store;
        if (auto r = (*store)->importSurvey(*demo); !r)
            return tl::unexpected(r.error());
        auto backup = backupAnswers();
        if (!backup)
            return tl::unexpected(backup.error());
        if (auto r = (*store)->setBackupAnswers(*backup, SurveyStore::AnswersOrigin::Import); !r)
            return tl::unexpected(r.error());
        if (auto r = (*store)->setMeta(QStringLiteral("demo"), QStringLiteral("1")); !r)
            return tl::unexpected(r.error());
    } // closing the last connection checkpoints the WAL into the main file and removes it
    if (QFileInfo(staging + QStringLiteral("-wal")).size() > 0)
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 was not checkpointed; not replacing %2").arg(staging, path));

    if (auto r = removeSurveyFiles(path); !r)
        return tl::unexpected(r.error());
    if (!QFile::rename(staging, path))
        return fail(ErrorCode::Io, QStringLiteral("cannot move %1 to %2").arg(staging, path));
    qCInfo(lcStore) << "demo survey written to" << path;
    return SurveyStore::open(path, SurveyStore::OpenMode::ReadWrite, clock);
}

} // namespace fs::model
