// SurveyStore: what the investigator captures on site — facts, terminal checks, devices found in
// the wiring, a second visit day.
#include "database.h"
#include "defaultschedule.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QUuid>

namespace fs::model {

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Result<Observation> SurveyStore::recordObservation(Entity entity, const QString &uuid, const QString &key,
                                                   const QString &value, FactSource source,
                                                   qint64 transcriptId)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto o = insertObservation(entity, uuid, key, value, source, transcriptId);
    if (!o)
        return o;
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return o;
}

Result<Observation> SurveyStore::insertObservation(Entity entity, const QString &uuid, const QString &key,
                                                   const QString &value, FactSource source,
                                                   qint64 transcriptId) const
{
    if (entity != Entity::ConnectionPoint && entity != Entity::Device && entity != Entity::Terminal)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("facts are recorded for lines, devices and terminals"));
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a fact needs a key"));
    const QString table = kEntityKeys.key(entity);
    auto id = m_database->scalar(
        QStringLiteral("SELECT id FROM %1 WHERE uuid = ? AND deleted_at IS NULL").arg(table), {uuid});
    if (!id)
        return tl::unexpected(id.error());
    if (!id->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no %1 %2").arg(table, uuid));
    auto previous = m_database->firstRow(
        QStringLiteral("SELECT id, value FROM observation WHERE entity = ? AND entity_id = ? "
                       "AND key = ? AND superseded_by IS NULL"),
        {table, *id, key});
    if (!previous)
        return tl::unexpected(previous.error());

    const QString stamp = now();
    Observation o{0, newUuid(), key, value, source, m_clock.now(), transcriptId};
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO observation (uuid, entity, entity_id, key, value, source, transcript_id, "
                       "observed_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {o.uuid, table, *id, key, textValue(value), kFactSourceKeys.key(source),
         transcriptId > 0 ? QVariant(transcriptId) : QVariant(QMetaType::fromType<qlonglong>()), stamp,
         stamp});
    if (!inserted)
        return tl::unexpected(inserted.error());
    o.id = inserted->lastInsertId;
    QVariant oldValue;
    if (*previous) {
        oldValue = (*previous)->at(1);
        if (auto r = m_database->run(QStringLiteral("UPDATE observation SET superseded_by = ? WHERE id = ?"),
                                     {o.id, (*previous)->at(0)});
            !r)
            return tl::unexpected(r.error());
    }
    if (auto a = audit(QStringLiteral("insert"), table, uuid, QStringLiteral("fact:") + key, oldValue, value);
        !a)
        return tl::unexpected(a.error());
    if (auto q = Outbox::enqueue(*m_database, table, uuid, QStringLiteral("upsert"), m_clock.now()); !q)
        return tl::unexpected(q.error());
    return o;
}

Result<void> SurveyStore::withdrawObservation(qint64 observationId)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto row =
        m_database->firstRow(QStringLiteral("SELECT o.entity, o.key, o.value, o.entity_id, o.superseded_by "
                                            "FROM observation o WHERE o.id = ?"),
                             {observationId});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("no fact %1").arg(observationId));
    const QString table = (*row)->at(0).toString();
    const QVariant key = (*row)->at(1);
    const QVariant entityId = (*row)->at(3);
    const QVariant successor = (*row)->at(4);
    if (table != QStringLiteral("connection_point") && table != QStringLiteral("device") &&
        table != QStringLiteral("terminal"))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("fact %1 is about «%2»").arg(observationId).arg(table));
    auto uuid = m_database->scalar(QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table), {entityId});
    if (!uuid)
        return tl::unexpected(uuid.error());
    // A fact that was superseded already (a newer one came from a device session after it) leaves
    // the chain: the one before it is superseded by the one after it, so only one stays current.
    // Deleting the current fact makes the one before it current again (ON DELETE SET NULL).
    if (!successor.isNull()) {
        if (auto r = m_database->run(
                QStringLiteral("UPDATE observation SET superseded_by = ? WHERE superseded_by = ?"),
                {successor, observationId});
            !r)
            return tl::unexpected(r.error());
    }
    if (auto r = m_database->run(QStringLiteral("DELETE FROM observation WHERE id = ?"), {observationId}); !r)
        return tl::unexpected(r.error());
    auto current =
        m_database->scalar(QStringLiteral("SELECT value FROM observation WHERE entity = ? AND entity_id = ? "
                                          "AND key = ? AND superseded_by IS NULL"),
                           {table, entityId, key});
    if (!current)
        return tl::unexpected(current.error());
    if (auto a = audit(QStringLiteral("delete"), table, uuid->toString(),
                       QStringLiteral("fact:") + key.toString(), (*row)->at(2), *current);
        !a)
        return a;
    if (auto q =
            Outbox::enqueue(*m_database, table, uuid->toString(), QStringLiteral("upsert"), m_clock.now());
        !q)
        return q;
    return transaction.commit();
}

Result<std::optional<TerminalCheck>> SurveyStore::setTerminalCheck(const QString &terminalUuid,
                                                                   const TerminalCheck &check)
{
    if (!kTerminalCheckItems.contains(check.item))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("«%1» is not a terminal check item (%2)")
                        .arg(check.item, kTerminalCheckItems.join(QStringLiteral(", "))));
    static const QStringList evaluations = {QStringLiteral("unknown"), QStringLiteral("ok"),
                                            QStringLiteral("caution"), QStringLiteral("danger")};
    if (!evaluations.contains(check.evaluation))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("«%1» is not an evaluation").arg(check.evaluation));
    if (check.source != QStringLiteral("manual") && check.source != QStringLiteral("collector"))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("«%1» is not a source of terminal checks").arg(check.source));
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto terminalId = liveTerminalId(terminalUuid);
    if (!terminalId)
        return tl::unexpected(terminalId.error());
    auto old = storedChecks(*terminalId, check.item);
    if (!old)
        return tl::unexpected(old.error());
    const std::optional<TerminalCheck> previous =
        old->isEmpty() ? std::nullopt : std::optional<TerminalCheck>(old->constFirst());
    if (auto r = upsertTerminalCheck(*terminalId, check, now()); !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("update"), QStringLiteral("terminal"), terminalUuid,
                       QStringLiteral("check:") + check.item,
                       previous ? QVariant(previous->value) : QVariant(), check.value);
        !a)
        return tl::unexpected(a.error());
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("terminal"), terminalUuid,
                                 QStringLiteral("upsert"), m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return previous;
}

Result<void> SurveyStore::clearTerminalCheck(const QString &terminalUuid, const QString &item)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto old = m_database->scalar(
        QStringLiteral("SELECT c.value FROM terminal_check c JOIN terminal t ON t.id = c.terminal_id "
                       "WHERE t.uuid = ? AND c.item = ?"),
        {terminalUuid, item});
    if (!old)
        return tl::unexpected(old.error());
    if (!old->isValid())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("terminal %1 has no %2 check").arg(terminalUuid, item));
    if (auto r = m_database->run(QStringLiteral("DELETE FROM terminal_check WHERE item = ? AND terminal_id = "
                                                "(SELECT id FROM terminal WHERE uuid = ?)"),
                                 {item, terminalUuid});
        !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("delete"), QStringLiteral("terminal"), terminalUuid,
                       QStringLiteral("check:") + item, *old, {});
        !a)
        return a;
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("terminal"), terminalUuid,
                                 QStringLiteral("upsert"), m_clock.now());
        !q)
        return q;
    return transaction.commit();
}

Result<Device> SurveyStore::addDevice(const QString &lineUuid, const Device &device)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto line = m_database->scalar(
        QStringLiteral("SELECT id FROM connection_point WHERE uuid = ? AND deleted_at IS NULL"), {lineUuid});
    if (!line)
        return tl::unexpected(line.error());
    if (!line->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no line %1").arg(lineUuid));
    auto position = m_database->scalar(
        QStringLiteral("SELECT coalesce(max(position), 0) + 1 FROM device WHERE connection_point_id = ?"),
        {*line});
    if (!position)
        return tl::unexpected(position.error());
    const QString stamp = now();
    Device d = device;
    d.uuid = device.uuid.isEmpty() ? newUuid() : device.uuid;
    auto r = m_database->run(
        QStringLiteral(
            "INSERT INTO device (uuid, connection_point_id, position, origin, device_type, maker, model, "
            "hostname, "
            "management_ip, access_method, access_port, maintenance_vendor, chain_role, note, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {d.uuid, *line, *position, kOriginKeys.key(d.origin), textValue(d.deviceType), textValue(d.maker),
         textValue(d.model), textValue(d.hostname), textValue(d.managementIp), textValue(d.accessMethod),
         textValue(d.accessPort), textValue(d.maintenanceVendor), kChainRoleKeys.key(d.chainRole),
         textValue(d.note), stamp, stamp});
    if (!r)
        return tl::unexpected(r.error());
    d.id = r->lastInsertId;
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("device"), d.uuid); !a)
        return tl::unexpected(a.error());
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("device"), d.uuid, QStringLiteral("upsert"),
                                 m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    d.facts.clear();
    return d;
}

Result<void> SurveyStore::moveDevice(const QString &deviceUuid, int direction)
{
    if (direction != -1 && direction != 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a device moves one place up or down"));
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto self = m_database->firstRow(QStringLiteral("SELECT id, connection_point_id, position FROM device "
                                                    "WHERE uuid = ? AND deleted_at IS NULL"),
                                     {deviceUuid});
    if (!self)
        return tl::unexpected(self.error());
    if (!*self)
        return fail(ErrorCode::NotFound, QStringLiteral("no device %1").arg(deviceUuid));
    const qint64 id = (*self)->at(0).toLongLong();
    const int position = (*self)->at(2).toInt();
    auto neighbour = m_database->firstRow(
        QStringLiteral(
            "SELECT id, uuid, position FROM device WHERE connection_point_id = ? AND deleted_at IS NULL AND "
            "position %1 ? ORDER BY position %2 LIMIT 1")
            .arg(direction < 0 ? QStringLiteral("<") : QStringLiteral(">"),
                 direction < 0 ? QStringLiteral("DESC") : QStringLiteral("ASC")),
        {(*self)->at(1), position});
    if (!neighbour)
        return tl::unexpected(neighbour.error());
    if (!*neighbour)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the device is already at that end of the chain"));
    const int other = (*neighbour)->at(2).toInt();
    const QString stamp = now();
    // Positions are unique per line: swap through a free one.
    for (const auto &[row, to] :
         {std::pair{id, -1}, std::pair{(*neighbour)->at(0).toLongLong(), position}, std::pair{id, other}}) {
        if (auto r =
                m_database->run(QStringLiteral("UPDATE device SET position = ?, updated_at = ? WHERE id = ?"),
                                {to, stamp, row});
            !r)
            return tl::unexpected(r.error());
    }
    // Both devices changed place: one audit row each.
    if (auto a = audit(QStringLiteral("update"), QStringLiteral("device"), deviceUuid,
                       QStringLiteral("position"), position, other);
        !a)
        return a;
    if (auto a = audit(QStringLiteral("update"), QStringLiteral("device"), (*neighbour)->at(1).toString(),
                       QStringLiteral("position"), other, position);
        !a)
        return a;
    for (const QString &uuid : {deviceUuid, (*neighbour)->at(1).toString()}) {
        if (auto q = Outbox::enqueue(*m_database, QStringLiteral("device"), uuid, QStringLiteral("upsert"),
                                     m_clock.now());
            !q)
            return q;
    }
    return transaction.commit();
}

Result<VisitDay> SurveyStore::addVisitDay(const QString &uuid)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto last = m_database->firstRow(
        QStringLiteral("SELECT day_no, date FROM visit_day ORDER BY day_no DESC LIMIT 1"));
    if (!last)
        return tl::unexpected(last.error());
    const int dayNo = *last ? (*last)->at(0).toInt() + 1 : 1;
    const QDate previousDate = *last ? QDate::fromString((*last)->at(1).toString(), Qt::ISODate) : QDate();
    VisitDay day = DefaultSchedule::day(dayNo, previousDate.isValid() ? previousDate.addDays(1) : QDate());
    day.uuid = uuid.isEmpty() ? newUuid() : uuid;
    if (auto r = insertDay(day); !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("visit_day"), day.uuid,
                       QStringLiteral("day_no"), {}, dayNo);
        !a)
        return tl::unexpected(a.error());
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("visit_day"), day.uuid, QStringLiteral("upsert"),
                                 m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    auto days = schedule();
    if (!days)
        return tl::unexpected(days.error());
    for (const VisitDay &d : *days) {
        if (d.uuid == day.uuid)
            return d;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("the new day was not found after adding it"));
}

Result<void> SurveyStore::removeVisitDay(const QString &uuid)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto used = m_database->firstRow(
        QStringLiteral(
            "SELECT d.id, d.day_no, (SELECT count(*) FROM schedule_step s WHERE s.day_id = d.id AND "
            "(s.actual_start IS NOT NULL OR s.actual_end IS NOT NULL)), (SELECT count(*) FROM visit_day) "
            "FROM visit_day d WHERE d.uuid = ?"),
        {uuid});
    if (!used)
        return tl::unexpected(used.error());
    if (!*used)
        return fail(ErrorCode::NotFound, QStringLiteral("no visit day %1").arg(uuid));
    if ((*used)->at(2).toInt() > 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("day %1 has recorded times; it is kept").arg((*used)->at(1).toInt()));
    if ((*used)->at(3).toInt() <= 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a survey keeps at least one visit day"));
    if (auto r = m_database->run(QStringLiteral("DELETE FROM visit_day WHERE id = ?"), {(*used)->at(0)}); !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("delete"), QStringLiteral("visit_day"), uuid, QStringLiteral("day_no"),
                       (*used)->at(1), {});
        !a)
        return a;
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("visit_day"), uuid, QStringLiteral("delete"),
                                 m_clock.now());
        !q)
        return q;
    return transaction.commit();
}

Result<qint64> SurveyStore::liveTerminalId(const QString &uuid) const
{
    auto id = m_database->scalar(
        QStringLiteral("SELECT id FROM terminal WHERE uuid = ? AND deleted_at IS NULL"), {uuid});
    if (!id)
        return tl::unexpected(id.error());
    if (!id->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no terminal %1").arg(uuid));
    return id->toLongLong();
}

Result<QList<TerminalCheck>> SurveyStore::storedChecks(qint64 terminalId, const QString &item) const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT id, uuid, item, value, evaluation, detail, source, checked_at "
                       "FROM terminal_check WHERE terminal_id = ? AND (? = '' OR item = ?)"),
        {terminalId, textValue(item), textValue(item)});
    if (!q)
        return tl::unexpected(q.error());
    QList<TerminalCheck> checks;
    while (q->next())
        checks << TerminalCheck{q->value(0).toLongLong(), q->value(1).toString(),
                                q->value(2).toString(),   q->value(3).toString(),
                                q->value(4).toString(),   q->value(5).toString(),
                                q->value(6).toString(),   fromStoredTimestamp(q->value(7).toString())};
    return checks;
}

Result<void> SurveyStore::upsertTerminalCheck(qint64 terminalId, const TerminalCheck &check,
                                              const QString &stamp) const
{
    auto r = m_database->run(
        QStringLiteral(
            "INSERT INTO terminal_check (uuid, terminal_id, item, value, evaluation, detail, source, "
            "checked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, item) "
            "DO UPDATE SET value = excluded.value, evaluation = excluded.evaluation, detail = "
            "excluded.detail, source = excluded.source, checked_at = excluded.checked_at, "
            "updated_at = excluded.updated_at"),
        {check.uuid.isEmpty() ? newUuid() : check.uuid, terminalId, check.item, textValue(check.value),
         check.evaluation, textValue(check.detail), check.source,
         check.checkedAt.isValid() ? toStoredTimestamp(check.checkedAt) : stamp, stamp});
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

} // namespace fs::model
