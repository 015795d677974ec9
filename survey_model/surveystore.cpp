#include "surveystore.h"

#include "auditlog.h"
#include "database.h"
#include "defaultschedule.h"
#include "logging.h"
#include "migrator.h"
#include "outbox.h"
#include "transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QThread>
#include <QUuid>

namespace fs::model {

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString uuidOrNew(const QString &uuid)
{
    return uuid.isEmpty() ? newUuid() : uuid;
}

QString timeText(const QTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("HH:mm")) : QStringLiteral("");
}

QTime timeFromText(const QString &text)
{
    return QTime::fromString(text, QStringLiteral("HH:mm"));
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("");
}

// Reads column `name` of the current row as text ("" for NULL).
QString text(const QSqlQuery &query, const char *name)
{
    return query.value(QString::fromLatin1(name)).toString();
}

template <typename T>
Result<T> wrapError(const Error &error)
{
    return tl::unexpected(error);
}

constexpr int kCafDigits = 4;

// Takes <path>.lock for editing. A lock whose process is gone (a crash on this machine) is taken
// over; a live one, here or on another machine sharing the folder, refuses the edit.
Result<std::unique_ptr<QLockFile>> lockForEditing(const QString &path)
{
    auto lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    lock->setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (lock->tryLock(0))
            return lock;
        if (lock->error() == QLockFile::PermissionError)
            return fail(ErrorCode::ReadOnlyMedia,
                        QStringLiteral("cannot create %1.lock: the folder is not writable").arg(path));
        if (lock->error() != QLockFile::LockFailedError)
            return fail(ErrorCode::Io, QStringLiteral("cannot lock %1").arg(path));
        qint64 pid = 0;
        QString host;
        QString application;
        if (lock->getLockInfo(&pid, &host, &application) && pid > 0)
            return fail(
                ErrorCode::Locked,
                QStringLiteral("%1 is being edited by %2 (process %3 on %4)")
                    .arg(path, application.isEmpty() ? QStringLiteral("another program") : application)
                    .arg(pid)
                    .arg(host));
        // A lock file without its owner's details: a process killed while taking it, or one
        // writing it this very moment. Give a live one time to finish, then take the lock over.
        if (attempt == 0) {
            QThread::msleep(200);
            if (lock->tryLock(0))
                return lock;
            if (!lock->getLockInfo(&pid, &host, &application) || pid <= 0) {
                qCWarning(lcStore) << "removing an unreadable lock file for" << path;
                lock->removeStaleLockFile();
            }
        }
    }
    return fail(ErrorCode::Locked,
                QStringLiteral("%1 is locked (%1.lock) and the lock cannot be taken over").arg(path));
}

} // namespace

SurveyStore::SurveyStore(std::unique_ptr<Database> database, const Clock &clock)
    : m_database(std::move(database))
    , m_clock(clock)
{
}

SurveyStore::~SurveyStore()
{
    m_database.reset(); // close (and checkpoint) before another process may take the lock
    m_lock.reset();
}

QString SurveyStore::path() const
{
    return m_database->path();
}

bool SurveyStore::isReadOnly() const
{
    return m_database->isReadOnly();
}

QString SurveyStore::now() const
{
    return toStoredTimestamp(m_clock.now());
}

Result<std::unique_ptr<SurveyStore>> SurveyStore::create(const QString &path, const Clock &clock)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::Io, QStringLiteral("refusing to overwrite existing file ") + path);
    auto lock = lockForEditing(path);
    if (!lock)
        return tl::unexpected(lock.error());
    auto database = Database::open(path, Database::Mode::ReadWrite);
    if (!database)
        return tl::unexpected(database.error());
    if (auto r = (*database)->exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)); !r)
        return tl::unexpected(r.error());
    auto version = Migrator::migrate(**database);
    if (!version)
        return tl::unexpected(version.error());

    std::unique_ptr<SurveyStore> store(new SurveyStore(std::move(*database), clock));
    store->m_lock = std::move(*lock);
    store->m_schemaVersion = *version;
    if (auto r = store->initialise(); !r)
        return tl::unexpected(r.error());
    qCInfo(lcStore) << "created survey" << path;
    return store;
}

Result<std::unique_ptr<SurveyStore>> SurveyStore::createWith(const QString &path, const SurveyData &data,
                                                             const QString &actor, const Clock &clock)
{
    const auto removeAll = [&path] {
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
            QFile::remove(path + suffix);
    };
    const bool existed = QFileInfo::exists(path);
    auto store = create(path, clock);
    if (!store) {
        if (!existed)
            removeAll();
        return store;
    }
    (*store)->setActor(actor);
    if (auto r = (*store)->importSurvey(data); !r) {
        store->reset();
        removeAll();
        return tl::unexpected(r.error());
    }
    return store;
}

Result<void> SurveyStore::initialise()
{
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    const QString stamp = now();
    const QString surveyUuid = newUuid();
    if (auto r = m_database->exec(
            QStringLiteral("INSERT INTO survey (id, uuid, created_at, updated_at) VALUES (1, ?, ?, ?)"),
            {surveyUuid, stamp, stamp});
        !r)
        return tl::unexpected(r.error());
    if (auto r =
            m_database->exec(QStringLiteral("INSERT INTO hospital (id, uuid, updated_at) VALUES (1, ?, ?)"),
                             {newUuid(), stamp});
        !r)
        return tl::unexpected(r.error());
    if (auto r = insertDay(DefaultSchedule::day(1)); !r)
        return r;
    if (auto r = audit(QStringLiteral("insert"), QStringLiteral("survey"), surveyUuid); !r)
        return r;
    return transaction.commit();
}

Result<std::unique_ptr<SurveyStore>> SurveyStore::open(const QString &path, OpenMode mode, const Clock &clock)
{
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::Io, QStringLiteral("no such file: ") + path);
    std::unique_ptr<QLockFile> lock;
    if (mode == OpenMode::ReadWrite) {
        auto taken = lockForEditing(path);
        if (!taken)
            return tl::unexpected(taken.error());
        lock = std::move(*taken);
    }
    const auto dbMode = mode == OpenMode::ReadOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite;
    auto database = Database::open(path, dbMode);
    if (!database)
        return tl::unexpected(database.error());

    auto applicationId = (*database)->scalar(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return tl::unexpected(applicationId.error());
    if (applicationId->toInt() != kApplicationId)
        return fail(ErrorCode::NotASurvey,
                    QStringLiteral("%1 has application_id %2, not a FieldSurvey survey")
                        .arg(path)
                        .arg(applicationId->toLongLong()));

    auto version = Migrator::currentVersion(**database);
    if (!version)
        return tl::unexpected(version.error());

    std::optional<Error> readOnlyReason;
    if (*version > Migrator::latestVersion()) {
        readOnlyReason = Error{ErrorCode::SchemaTooNew,
                               QStringLiteral("%1 has schema version %2; this FieldSurvey knows up to %3")
                                   .arg(path)
                                   .arg(*version)
                                   .arg(Migrator::latestVersion())};
        if (mode == OpenMode::ReadWrite) {
            qCWarning(lcStore) << describe(*readOnlyReason) << "- opening read-only";
            database->reset();
            lock.reset();
            database = Database::open(path, Database::Mode::ReadOnly);
            if (!database)
                return tl::unexpected(database.error());
        }
    } else if (mode == OpenMode::ReadWrite && *version < Migrator::latestVersion()) {
        version = Migrator::migrate(**database);
        if (!version)
            return tl::unexpected(version.error());
    }

    std::unique_ptr<SurveyStore> store(new SurveyStore(std::move(*database), clock));
    store->m_lock = std::move(lock);
    store->m_schemaVersion = *version;
    store->m_readOnlyReason = readOnlyReason;
    return store;
}

Result<void> SurveyStore::ensureWritable() const
{
    if (!isReadOnly())
        return {};
    if (m_readOnlyReason)
        return tl::unexpected(*m_readOnlyReason);
    return fail(ErrorCode::ReadOnly, path() + QStringLiteral(" is open read-only"));
}

Result<void> SurveyStore::audit(const QString &action, const QString &entity, const QString &uuid,
                                const QString &field, const QVariant &oldValue,
                                const QVariant &newValue) const
{
    return AuditLog::record(
        *m_database, AuditEntry{0, m_clock.now(), m_actor, action, entity, uuid, field, oldValue, newValue});
}

Result<QList<AuditEntry>> SurveyStore::auditTrail() const
{
    return AuditLog::trail(*m_database);
}

Result<QString> SurveyStore::meta(const QString &key) const
{
    auto value = m_database->scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!value)
        return tl::unexpected(value.error());
    return value->toString();
}

Result<void> SurveyStore::setMeta(const QString &key, const QString &value)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto old = meta(key);
    if (!old)
        return tl::unexpected(old.error());
    if (auto r = m_database->exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                  {key, textValue(value)});
        !r)
        return tl::unexpected(r.error());
    if (auto r = audit(QStringLiteral("update"), QStringLiteral("meta"), key, key, *old, value); !r)
        return r;
    return transaction.commit();
}

// ---- reading ---------------------------------------------------------------------------------

Result<SurveyInfo> SurveyStore::surveyInfo() const
{
    auto q = m_database->exec(QStringLiteral("SELECT * FROM survey WHERE id = 1"));
    if (!q)
        return tl::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotASurvey, path() + QStringLiteral(" has no survey row"));
    SurveyInfo info;
    info.uuid = text(*q, "uuid");
    info.state = kSurveyStateKeys.parseOr(text(*q, "state"), SurveyState::Draft);
    info.stateChangedAt = fromStoredTimestamp(text(*q, "state_changed_at"));
    info.stateChangedBy = text(*q, "state_changed_by");
    info.fiscalYear = q->value(QStringLiteral("fiscal_year")).toInt();
    info.sourceWorkbook = text(*q, "source_workbook");
    info.note = text(*q, "note");
    info.createdAt = fromStoredTimestamp(text(*q, "created_at"));
    info.updatedAt = fromStoredTimestamp(text(*q, "updated_at"));
    // The last change anywhere in the survey is the audit trail's last row.
    auto lastChange = m_database->scalar(QStringLiteral("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!lastChange)
        return tl::unexpected(lastChange.error());
    info.updatedAt = std::max(info.updatedAt, fromStoredTimestamp(lastChange->toString()));
    return info;
}

Result<Hospital> SurveyStore::hospital() const
{
    auto q = m_database->exec(QStringLiteral("SELECT * FROM hospital WHERE id = 1"));
    if (!q)
        return tl::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotASurvey, path() + QStringLiteral(" has no hospital row"));
    Hospital h;
    h.uuid = text(*q, "uuid");
    h.code = text(*q, "code");
    h.name = text(*q, "name");
    h.nameKana = text(*q, "name_kana");
    h.postal = text(*q, "postal");
    h.prefecture = text(*q, "prefecture");
    h.address = text(*q, "address");
    h.addressKana = text(*q, "address_kana");
    h.building = text(*q, "building");
    const QVariant beds = q->value(QStringLiteral("beds"));
    if (!beds.isNull())
        h.beds = beds.toInt();
    h.consent = text(*q, "consent");
    h.confirmer = text(*q, "confirmer");
    return h;
}

Result<QList<Investigator>> SurveyStore::investigators() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT * FROM investigator WHERE deleted_at IS NULL ORDER BY position, id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<Investigator> list;
    while (q->next()) {
        Investigator i;
        i.id = q->value(QStringLiteral("id")).toLongLong();
        i.uuid = text(*q, "uuid");
        i.name = text(*q, "name");
        i.role = kInvestigatorRoleKeys.parseOr(text(*q, "role"), InvestigatorRole::Member);
        list.append(i);
    }
    return list;
}

Result<QList<Contact>> SurveyStore::contacts() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT * FROM contact WHERE deleted_at IS NULL ORDER BY position, id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<Contact> list;
    while (q->next()) {
        Contact c;
        c.id = q->value(QStringLiteral("id")).toLongLong();
        c.uuid = text(*q, "uuid");
        c.dept = text(*q, "dept");
        c.name = text(*q, "name");
        c.phone = text(*q, "phone");
        c.mail = text(*q, "mail");
        list.append(c);
    }
    return list;
}

Result<QList<VisitDay>> SurveyStore::schedule() const
{
    auto days = m_database->exec(QStringLiteral("SELECT * FROM visit_day ORDER BY day_no"));
    if (!days)
        return tl::unexpected(days.error());
    QList<VisitDay> list;
    while (days->next()) {
        VisitDay d;
        d.id = days->value(QStringLiteral("id")).toLongLong();
        d.uuid = text(*days, "uuid");
        d.dayNo = days->value(QStringLiteral("day_no")).toInt();
        d.date = QDate::fromString(text(*days, "date"), Qt::ISODate);
        d.note = text(*days, "note");
        d.attendees = text(*days, "attendees");
        list.append(d);
    }
    for (VisitDay &d : list) {
        auto q = m_database->exec(
            QStringLiteral("SELECT * FROM schedule_step WHERE day_id = ? ORDER BY position"), {d.id});
        if (!q)
            return tl::unexpected(q.error());
        while (q->next()) {
            ScheduleStep s;
            s.id = q->value(QStringLiteral("id")).toLongLong();
            s.uuid = text(*q, "uuid");
            s.kind = kStepKindKeys.parseOr(text(*q, "kind"), StepKind::Custom);
            s.title = text(*q, "title");
            s.plannedStart = timeFromText(text(*q, "planned_start"));
            s.plannedEnd = timeFromText(text(*q, "planned_end"));
            s.actualStart = fromStoredTimestamp(text(*q, "actual_start"));
            s.actualEnd = fromStoredTimestamp(text(*q, "actual_end"));
            s.note = text(*q, "note");
            d.steps.append(s);
        }
    }
    return list;
}

Result<QList<ConnectionPoint>> SurveyStore::connectionPoints() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT * FROM connection_point WHERE deleted_at IS NULL ORDER BY line_no"));
    if (!q)
        return tl::unexpected(q.error());
    QList<ConnectionPoint> list;
    while (q->next()) {
        ConnectionPoint c;
        c.id = q->value(QStringLiteral("id")).toLongLong();
        c.uuid = text(*q, "uuid");
        c.cafId = text(*q, "caf_id");
        c.lineNo = q->value(QStringLiteral("line_no")).toInt();
        c.origin = kOriginKeys.parseOr(text(*q, "origin"), Origin::Declared);
        c.equipmentType = kEquipmentTypeKeys.parseOr(text(*q, "equipment_type"), EquipmentType::Other);
        c.wantsVersionCheck = text(*q, "wants_version_check");
        c.wantsVulnerabilityScan = text(*q, "wants_vulnerability_scan");
        c.connectsToEmr = text(*q, "connects_to_emr");
        c.purpose = text(*q, "purpose");
        c.lineType = text(*q, "line_type");
        c.carrier = text(*q, "carrier");
        c.carrierService = text(*q, "carrier_service");
        c.lineId = text(*q, "line_id");
        c.provider = text(*q, "provider");
        c.providerProduct = text(*q, "provider_product");
        c.onuLocation = text(*q, "onu_location");
        c.connectionType = text(*q, "connection_type");
        c.usesGlobalIp = text(*q, "uses_global_ip");
        c.ipAssignment = text(*q, "ip_assignment");
        c.globalIp = text(*q, "global_ip");
        c.fqdn = text(*q, "fqdn");
        c.declaredNote = text(*q, "declared_note");
        c.scanIpConfirmed = text(*q, "scan_ip_confirmed");
        c.scanIp = text(*q, "scan_ip");
        c.scanIpConfirmedBy = text(*q, "scan_ip_confirmed_by");
        c.scanIpConfirmedAt = fromStoredTimestamp(text(*q, "scan_ip_confirmed_at"));
        c.onuLocationStatus =
            kOnuLocationStatusKeys.parseOr(text(*q, "onu_location_status"), OnuLocationStatus::Unchecked);
        c.onuLocationFound = text(*q, "onu_location_found");
        c.emrReachability =
            kEmrReachabilityKeys.parseOr(text(*q, "emr_reachability"), EmrReachability::Unknown);
        c.protection = kProtectionKeys.parseOr(text(*q, "protection"), Protection::Unknown);
        c.note = text(*q, "note");
        list.append(c);
    }
    // The current facts of every device, in one query.
    QHash<qint64, QList<Observation>> facts;
    auto o = m_database->exec(
        QStringLiteral("SELECT id, uuid, entity_id, key, value, source, observed_at, transcript_id "
                       "FROM observation WHERE entity = 'device' AND superseded_by IS NULL "
                       "ORDER BY id"));
    if (!o)
        return tl::unexpected(o.error());
    while (o->next()) {
        facts[o->value(2).toLongLong()].append(Observation{
            o->value(0).toLongLong(), o->value(1).toString(), o->value(3).toString(), o->value(4).toString(),
            kFactSourceKeys.parseOr(o->value(5).toString(), FactSource::Manual),
            fromStoredTimestamp(o->value(6).toString()), o->value(7).toLongLong()});
    }
    for (ConnectionPoint &c : list) {
        auto d = m_database->exec(QStringLiteral("SELECT * FROM device WHERE connection_point_id = ? "
                                                 "AND deleted_at IS NULL ORDER BY position"),
                                  {c.id});
        if (!d)
            return tl::unexpected(d.error());
        while (d->next()) {
            Device dev;
            dev.id = d->value(QStringLiteral("id")).toLongLong();
            dev.uuid = text(*d, "uuid");
            dev.origin = kOriginKeys.parseOr(text(*d, "origin"), Origin::Declared);
            dev.deviceType = text(*d, "device_type");
            dev.maker = text(*d, "maker");
            dev.model = text(*d, "model");
            dev.hostname = text(*d, "hostname");
            dev.managementIp = text(*d, "management_ip");
            dev.accessMethod = text(*d, "access_method");
            dev.accessPort = text(*d, "access_port");
            dev.maintenanceVendor = text(*d, "maintenance_vendor");
            dev.chainRole = kChainRoleKeys.parseOr(text(*d, "chain_role"), ChainRole::Unknown);
            dev.note = text(*d, "note");
            dev.facts = facts.value(dev.id);
            c.devices.append(dev);
        }
    }
    return list;
}

Result<QList<Terminal>> SurveyStore::terminals() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT * FROM terminal WHERE deleted_at IS NULL ORDER BY terminal_no"));
    if (!q)
        return tl::unexpected(q.error());
    QList<Terminal> list;
    while (q->next()) {
        Terminal t;
        t.id = q->value(QStringLiteral("id")).toLongLong();
        t.uuid = text(*q, "uuid");
        t.terminalNo = q->value(QStringLiteral("terminal_no")).toInt();
        t.systemType = text(*q, "system_type");
        t.usageForm = text(*q, "usage_form");
        t.hostname = text(*q, "hostname");
        t.ip = text(*q, "ip");
        t.location = text(*q, "location");
        t.vdiHostname = text(*q, "vdi_hostname");
        t.vdiIp = text(*q, "vdi_ip");
        t.securityProduct = text(*q, "security_product");
        t.declaredNote = text(*q, "declared_note");
        t.checkState =
            kTerminalCheckStateKeys.parseOr(text(*q, "check_state"), TerminalCheckState::NotStarted);
        t.note = text(*q, "note");
        list.append(t);
    }
    auto checks = m_database->exec(
        QStringLiteral("SELECT id, uuid, terminal_id, item, value, evaluation, detail, source, "
                       "checked_at FROM terminal_check ORDER BY id"));
    if (!checks)
        return tl::unexpected(checks.error());
    QHash<qint64, QList<TerminalCheck>> byTerminal;
    while (checks->next()) {
        byTerminal[checks->value(2).toLongLong()].append(TerminalCheck{
            checks->value(0).toLongLong(), checks->value(1).toString(), checks->value(3).toString(),
            checks->value(4).toString(), checks->value(5).toString(), checks->value(6).toString(),
            checks->value(7).toString(), fromStoredTimestamp(checks->value(8).toString())});
    }
    for (Terminal &t : list) {
        QList<TerminalCheck> ordered = byTerminal.value(t.id);
        std::sort(ordered.begin(), ordered.end(), [](const TerminalCheck &a, const TerminalCheck &b) {
            return kTerminalCheckItems.indexOf(a.item) < kTerminalCheckItems.indexOf(b.item);
        });
        t.checks = ordered;
    }
    return list;
}

Result<SurveyData> SurveyStore::load() const
{
    SurveyData data;
    auto info = surveyInfo();
    if (!info)
        return wrapError<SurveyData>(info.error());
    data.survey = *info;
    auto h = hospital();
    if (!h)
        return wrapError<SurveyData>(h.error());
    data.hospital = *h;
    auto inv = investigators();
    if (!inv)
        return wrapError<SurveyData>(inv.error());
    data.investigators = *inv;
    auto c = contacts();
    if (!c)
        return wrapError<SurveyData>(c.error());
    data.contacts = *c;
    auto days = schedule();
    if (!days)
        return wrapError<SurveyData>(days.error());
    data.days = *days;
    auto points = connectionPoints();
    if (!points)
        return wrapError<SurveyData>(points.error());
    data.connectionPoints = *points;
    auto t = terminals();
    if (!t)
        return wrapError<SurveyData>(t.error());
    data.terminals = *t;
    auto plans = floorPlans();
    if (!plans)
        return wrapError<SurveyData>(plans.error());
    data.floorPlans = *plans;
    auto warnings = importWarnings();
    if (!warnings)
        return wrapError<SurveyData>(warnings.error());
    data.importWarnings = *warnings;
    return data;
}

Result<int> SurveyStore::pendingChangeCount() const
{
    return Outbox::pendingCount(*m_database);
}

// ---- writing ---------------------------------------------------------------------------------

Result<QString> SurveyStore::nextCafId() const
{
    auto next = m_database->scalar(QStringLiteral("SELECT next_value FROM id_sequence WHERE name = 'caf'"));
    if (!next)
        return tl::unexpected(next.error());
    const qint64 value = next->toLongLong();
    if (auto r = m_database->exec(QStringLiteral("UPDATE id_sequence SET next_value = ? WHERE name = 'caf'"),
                                  {value + 1});
        !r)
        return tl::unexpected(r.error());
    return QStringLiteral("CAF%1").arg(value, kCafDigits, 10, QLatin1Char('0'));
}

Result<void> SurveyStore::reserveCafId(const QString &cafId) const
{
    bool ok = false;
    const qint64 value = cafId.mid(3).toLongLong(&ok);
    if (!cafId.startsWith(QStringLiteral("CAF")) || !ok || value < 1)
        return fail(ErrorCode::InvalidData, QStringLiteral("malformed connection-point ID «%1»").arg(cafId));
    auto r = m_database->exec(
        QStringLiteral("UPDATE id_sequence SET next_value = max(next_value, ?) WHERE name = 'caf'"),
        {value + 1});
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

Result<void> SurveyStore::insertDay(const VisitDay &day) const
{
    const QString stamp = now();
    auto r = m_database->exec(QStringLiteral("INSERT INTO visit_day (uuid, day_no, date, note, attendees, "
                                             "updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                              {uuidOrNew(day.uuid), day.dayNo, dateText(day.date), textValue(day.note),
                               textValue(day.attendees), stamp});
    if (!r)
        return tl::unexpected(r.error());
    const qint64 dayId = r->lastInsertId().toLongLong();
    int position = 0;
    for (const ScheduleStep &s : day.steps) {
        auto step = m_database->exec(
            QStringLiteral("INSERT INTO schedule_step (uuid, day_id, position, kind, title, planned_start, "
                           "planned_end, actual_start, actual_end, note, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {uuidOrNew(s.uuid), dayId, ++position, kStepKindKeys.key(s.kind), textValue(s.title),
             timeText(s.plannedStart), timeText(s.plannedEnd), nullableText(toStoredTimestamp(s.actualStart)),
             nullableText(toStoredTimestamp(s.actualEnd)), textValue(s.note), stamp});
        if (!step)
            return tl::unexpected(step.error());
    }
    return {};
}

Result<qint64> SurveyStore::insertConnectionPoint(const ConnectionPoint &c, const QString &action) const
{
    QString cafId = c.cafId;
    if (cafId.isEmpty()) {
        auto next = nextCafId();
        if (!next)
            return tl::unexpected(next.error());
        cafId = *next;
    } else if (auto r = reserveCafId(cafId); !r) {
        return tl::unexpected(r.error());
    }
    const QString stamp = now();
    const QString uuid = uuidOrNew(c.uuid);
    auto r = m_database->exec(
        QStringLiteral(
            "INSERT INTO connection_point (uuid, caf_id, line_no, origin, equipment_type, "
            "wants_version_check, "
            "wants_vulnerability_scan, connects_to_emr, purpose, line_type, carrier, carrier_service, "
            "line_id, "
            "provider, provider_product, onu_location, connection_type, uses_global_ip, ip_assignment, "
            "global_ip, "
            "fqdn, declared_note, onu_location_status, onu_location_found, emr_reachability, protection, "
            "note, created_at, updated_at, scan_ip_confirmed, scan_ip, scan_ip_confirmed_by, "
            "scan_ip_confirmed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?)"),
        {uuid,
         cafId,
         c.lineNo,
         kOriginKeys.key(c.origin),
         kEquipmentTypeKeys.key(c.equipmentType),
         textValue(c.wantsVersionCheck),
         textValue(c.wantsVulnerabilityScan),
         textValue(c.connectsToEmr),
         textValue(c.purpose),
         textValue(c.lineType),
         textValue(c.carrier),
         textValue(c.carrierService),
         textValue(c.lineId),
         textValue(c.provider),
         textValue(c.providerProduct),
         textValue(c.onuLocation),
         textValue(c.connectionType),
         textValue(c.usesGlobalIp),
         textValue(c.ipAssignment),
         textValue(c.globalIp),
         textValue(c.fqdn),
         textValue(c.declaredNote),
         kOnuLocationStatusKeys.key(c.onuLocationStatus),
         textValue(c.onuLocationFound),
         kEmrReachabilityKeys.key(c.emrReachability),
         kProtectionKeys.key(c.protection),
         textValue(c.note),
         stamp,
         stamp,
         textValue(c.scanIpConfirmed),
         textValue(c.scanIp),
         textValue(c.scanIpConfirmedBy),
         nullableText(toStoredTimestamp(c.scanIpConfirmedAt))});
    if (!r)
        return tl::unexpected(r.error());
    const qint64 pointId = r->lastInsertId().toLongLong();
    if (auto a = audit(action, QStringLiteral("connection_point"), uuid, QStringLiteral("caf_id"), {}, cafId);
        !a)
        return tl::unexpected(a.error());

    int position = 0;
    for (const Device &d : c.devices) {
        const QString deviceUuid = uuidOrNew(d.uuid);
        auto dev = m_database->exec(
            QStringLiteral(
                "INSERT INTO device (uuid, connection_point_id, position, origin, device_type, maker, "
                "model, hostname, management_ip, access_method, access_port, maintenance_vendor, "
                "chain_role, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {deviceUuid, pointId, ++position, kOriginKeys.key(d.origin), textValue(d.deviceType),
             textValue(d.maker), textValue(d.model), textValue(d.hostname), textValue(d.managementIp),
             textValue(d.accessMethod), textValue(d.accessPort), textValue(d.maintenanceVendor),
             kChainRoleKeys.key(d.chainRole), textValue(d.note), stamp, stamp});
        if (!dev)
            return tl::unexpected(dev.error());
        if (auto a = audit(action, QStringLiteral("device"), deviceUuid); !a)
            return tl::unexpected(a.error());
    }
    return pointId;
}

Result<void> SurveyStore::insertTerminal(const Terminal &t) const
{
    const QString stamp = now();
    const QString uuid = uuidOrNew(t.uuid);
    auto r = m_database->exec(
        QStringLiteral(
            "INSERT INTO terminal (uuid, terminal_no, system_type, usage_form, hostname, ip, location, "
            "vdi_hostname, vdi_ip, security_product, declared_note, check_state, note, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuid, t.terminalNo, textValue(t.systemType), textValue(t.usageForm), textValue(t.hostname),
         textValue(t.ip), textValue(t.location), textValue(t.vdiHostname), textValue(t.vdiIp),
         textValue(t.securityProduct), textValue(t.declaredNote), kTerminalCheckStateKeys.key(t.checkState),
         textValue(t.note), stamp, stamp});
    if (!r)
        return tl::unexpected(r.error());
    return audit(QStringLiteral("import"), QStringLiteral("terminal"), uuid);
}

Result<void> SurveyStore::importSurvey(const SurveyData &data)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();

    auto existing = m_database->scalar(
        QStringLiteral("SELECT (SELECT count(*) FROM connection_point) + (SELECT count(*) FROM terminal) "
                       "+ (SELECT count(*) FROM contact)"));
    if (!existing)
        return tl::unexpected(existing.error());
    if (existing->toInt() > 0)
        return fail(ErrorCode::InvalidArgument,
                    path() + QStringLiteral(" already has content; import needs an empty survey"));

    const QString stamp = now();
    const SurveyInfo &info = data.survey;
    if (!info.uuid.isEmpty()) {
        if (auto r = m_database->exec(QStringLiteral("UPDATE survey SET uuid = ? WHERE id = 1"), {info.uuid});
            !r)
            return tl::unexpected(r.error());
    }
    if (auto r = m_database->exec(
            QStringLiteral("UPDATE survey SET fiscal_year = ?, source_workbook = ?, note = ?, updated_at = ? "
                           "WHERE id = 1"),
            {info.fiscalYear > 0 ? QVariant(info.fiscalYear) : QVariant(QMetaType::fromType<int>()),
             textValue(info.sourceWorkbook), textValue(info.note), stamp});
        !r)
        return tl::unexpected(r.error());

    const Hospital &h = data.hospital;
    if (auto r = m_database->exec(
            QStringLiteral(
                "UPDATE hospital SET code = ?, name = ?, name_kana = ?, postal = ?, prefecture = ?, "
                "address = ?, address_kana = ?, building = ?, beds = ?, consent = ?, confirmer = ?, "
                "updated_at = ? WHERE id = 1"),
            {textValue(h.code), textValue(h.name), textValue(h.nameKana), textValue(h.postal),
             textValue(h.prefecture), textValue(h.address), textValue(h.addressKana), textValue(h.building),
             h.beds ? QVariant(*h.beds) : QVariant(QMetaType::fromType<int>()), textValue(h.consent),
             textValue(h.confirmer), stamp});
        !r)
        return tl::unexpected(r.error());
    auto hospitalUuid = m_database->scalar(QStringLiteral("SELECT uuid FROM hospital WHERE id = 1"));
    if (!hospitalUuid)
        return tl::unexpected(hospitalUuid.error());
    if (auto r = audit(QStringLiteral("import"), QStringLiteral("hospital"), hospitalUuid->toString(),
                       QStringLiteral("name"), {}, h.name);
        !r)
        return r;

    int position = 0;
    for (const Investigator &i : data.investigators) {
        const QString uuid = uuidOrNew(i.uuid);
        if (auto r = m_database->exec(
                QStringLiteral("INSERT INTO investigator (uuid, position, name, role, "
                               "updated_at) VALUES (?, ?, ?, ?, ?)"),
                {uuid, ++position, textValue(i.name), kInvestigatorRoleKeys.key(i.role), stamp});
            !r)
            return tl::unexpected(r.error());
        if (auto r = audit(QStringLiteral("import"), QStringLiteral("investigator"), uuid); !r)
            return r;
    }

    position = 0;
    for (const Contact &c : data.contacts) {
        const QString uuid = uuidOrNew(c.uuid);
        if (auto r = m_database->exec(
                QStringLiteral("INSERT INTO contact (uuid, position, dept, name, phone, mail, "
                               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {uuid, ++position, textValue(c.dept), textValue(c.name), textValue(c.phone),
                 textValue(c.mail), stamp});
            !r)
            return tl::unexpected(r.error());
        if (auto r = audit(QStringLiteral("import"), QStringLiteral("contact"), uuid); !r)
            return r;
    }

    if (!data.days.isEmpty()) {
        if (auto r = m_database->exec(QStringLiteral("DELETE FROM visit_day")); !r)
            return tl::unexpected(r.error());
        for (const VisitDay &day : data.days) {
            if (auto r = insertDay(day); !r)
                return r;
        }
    }

    for (const ConnectionPoint &c : data.connectionPoints) {
        if (auto r = insertConnectionPoint(c, QStringLiteral("import")); !r)
            return tl::unexpected(r.error());
    }
    for (const Terminal &t : data.terminals) {
        if (auto r = insertTerminal(t); !r)
            return r;
    }
    for (qsizetype i = 0; i < data.floorPlans.size(); ++i) {
        if (auto r = insertFloorPlan(data.floorPlans[i], int(i) + 1, QStringLiteral("import")); !r)
            return tl::unexpected(r.error());
    }
    if (auto r = insertImportWarnings(data.importWarnings); !r)
        return r;
    if (auto r = transaction.commit(); !r)
        return r;
    qCInfo(lcStore) << "imported" << data.connectionPoints.size() << "lines and" << data.terminals.size()
                    << "terminals into" << path();
    return {};
}

} // namespace fs::model
