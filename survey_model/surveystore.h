#pragma once

#include "clock.h"
#include "error.h"
#include "surveydata.h"

#include <QString>

#include <memory>
#include <optional>

namespace fs::model {

class Database;

// One survey file (.fsv): an SQLite database with its schema migrated to the current version.
// The one API the GUI, the command line and sync use to read and change a survey; no SQL runs
// outside survey_model. Every write is one transaction, committed before the call returns.
class SurveyStore
{
public:
    // PRAGMA application_id of every survey file: "FSVY".
    static constexpr qint32 kApplicationId = 0x46535659;
    static constexpr char kFileSuffix[] = "fsv";

    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };

    SurveyStore(const SurveyStore &) = delete;
    SurveyStore &operator=(const SurveyStore &) = delete;
    ~SurveyStore();

    // Creates a new, empty survey at path (which must not exist yet) with the default day plan.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>> create(const QString &path,
                                                                     const Clock &clock = Clock::system());
    // Opens an existing survey, migrating it forward when opened ReadWrite. A survey written by a
    // newer FieldSurvey opens read-only; readOnlyReason() then says why.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>>
    open(const QString &path, OpenMode mode = OpenMode::ReadWrite, const Clock &clock = Clock::system());

    [[nodiscard]] QString path() const;
    [[nodiscard]] bool isReadOnly() const;
    // Set when the store is read-only although ReadWrite was asked for (SchemaTooNew).
    [[nodiscard]] const std::optional<Error> &readOnlyReason() const { return m_readOnlyReason; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    // Who is making changes, recorded in the audit log (the investigator's name).
    void setActor(const QString &actor) { m_actor = actor; }
    [[nodiscard]] QString actor() const { return m_actor; }

    // Reading
    [[nodiscard]] Result<SurveyData> load() const;
    [[nodiscard]] Result<SurveyInfo> surveyInfo() const;
    [[nodiscard]] Result<Hospital> hospital() const;
    [[nodiscard]] Result<QList<Investigator>> investigators() const;
    [[nodiscard]] Result<QList<Contact>> contacts() const;
    [[nodiscard]] Result<QList<VisitDay>> schedule() const;
    [[nodiscard]] Result<QList<ConnectionPoint>> connectionPoints() const;
    [[nodiscard]] Result<QList<Terminal>> terminals() const;
    // Local changes the portal has not confirmed yet (the outbox).
    [[nodiscard]] Result<int> pendingChangeCount() const;
    [[nodiscard]] Result<QString> meta(const QString &key) const;

    // Writing
    // Fills a survey that has no lines, terminals or contacts yet from imported data (a workbook,
    // the demo, a portal download), in one transaction. CAF IDs are assigned to lines that have
    // none; days replace the default plan when data carries any.
    [[nodiscard]] Result<void> importSurvey(const SurveyData &data);
    [[nodiscard]] Result<void> setMeta(const QString &key, const QString &value);

private:
    SurveyStore(std::unique_ptr<Database> database, const Clock &clock);

    [[nodiscard]] Result<void> ensureWritable() const;
    [[nodiscard]] Result<void> initialise();
    [[nodiscard]] Result<void> audit(const QString &action, const QString &entity, const QString &uuid,
                                     const QString &field = {}, const QVariant &oldValue = {},
                                     const QVariant &newValue = {}) const;
    [[nodiscard]] Result<QString> nextCafId() const;
    [[nodiscard]] Result<void> reserveCafId(const QString &cafId) const;
    [[nodiscard]] Result<void> insertDay(const VisitDay &day) const;
    [[nodiscard]] Result<void> insertConnectionPoint(const ConnectionPoint &point) const;
    [[nodiscard]] Result<void> insertTerminal(const Terminal &terminal) const;
    [[nodiscard]] QString now() const;

    std::unique_ptr<Database> m_database;
    const Clock &m_clock;
    QString m_actor;
    int m_schemaVersion = 0;
    std::optional<Error> m_readOnlyReason;
};

} // namespace fs::model
