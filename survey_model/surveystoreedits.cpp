// SurveyStore: field edits, lines found on site, removal (the editing half of surveystore.h).
#include "database.h"
#include "fieldcatalog.h"
#include "outbox.h"
#include "photomarkup.h"
#include "surveystore.h"
#include "transaction.h"

namespace fs::model {

namespace {

QString table(Entity entity)
{
    return kEntityKeys.key(entity);
}

// "" and NULL are both "empty"; numbers compare by their text.
bool sameStoredValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() != b.isNull())
        return a.toString().isEmpty() && b.toString().isEmpty();
    return a.toString() == b.toString();
}

QString allowedFields(Entity entity)
{
    QStringList names;
    for (const FieldSpec &spec : FieldCatalog::fields(entity))
        names << spec.name;
    return names.join(QStringLiteral(", "));
}

// A positive 1-based index from a path segment.
std::optional<int> indexOf(const QString &segment)
{
    bool ok = false;
    const int n = segment.toInt(&ok);
    return ok && n >= 1 ? std::optional<int>(n) : std::nullopt;
}

} // namespace

Result<QString> SurveyStore::uuidAt(const QString &tableName, const QString &where,
                                    const QVariantList &values, const QString &what) const
{
    auto uuid =
        m_database->scalar(QStringLiteral("SELECT uuid FROM %1 WHERE %2").arg(tableName, where), values);
    if (!uuid)
        return tl::unexpected(uuid.error());
    if (!uuid->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no %1 in this survey").arg(what));
    return uuid->toString();
}

Result<FieldRef> SurveyStore::resolvePath(const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('.'));
    const auto bad = [&path](const QString &why) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("«%1»: %2").arg(path, why));
    };
    if (parts.size() < 2)
        return bad(QStringLiteral("expected <entity>.<field>, e.g. hospital.name or line.CAF0001.note"));

    Entity entity = Entity::Survey;
    Result<QString> uuid = QString();
    qsizetype fieldIndex = 0;
    const QString &head = parts[0];
    const QString live = QStringLiteral(" AND deleted_at IS NULL");

    if (head == QStringLiteral("hospital") || head == QStringLiteral("survey")) {
        entity = head == QStringLiteral("hospital") ? Entity::Hospital : Entity::Survey;
        uuid = uuidAt(head, QStringLiteral("id = 1"), {}, head);
        fieldIndex = 1;
    } else if (head == QStringLiteral("contact") || head == QStringLiteral("investigator")) {
        const auto n = parts.size() == 3 ? indexOf(parts[1]) : std::nullopt;
        if (!n)
            return bad(QStringLiteral("expected %1.<n>.<field>").arg(head));
        entity = head == QStringLiteral("contact") ? Entity::Contact : Entity::Investigator;
        uuid = uuidAt(head, QStringLiteral("deleted_at IS NULL ORDER BY position, id LIMIT 1 OFFSET ?"),
                      {*n - 1}, QStringLiteral("%1 %2").arg(head).arg(*n));
        fieldIndex = 2;
    } else if (head == QStringLiteral("day")) {
        const auto n = parts.size() >= 3 ? indexOf(parts[1]) : std::nullopt;
        if (!n)
            return bad(QStringLiteral("expected day.<n>.<field> or day.<n>.step.<m>.<field>"));
        if (parts.size() == 5 && parts[2] == QStringLiteral("step")) {
            const auto m = indexOf(parts[3]);
            if (!m)
                return bad(QStringLiteral("expected day.<n>.step.<m>.<field>"));
            entity = Entity::ScheduleStep;
            uuid = uuidAt(QStringLiteral("schedule_step"),
                          QStringLiteral("day_id = (SELECT id FROM visit_day WHERE day_no = ?) "
                                         "ORDER BY position LIMIT 1 OFFSET ?"),
                          {*n, *m - 1}, QStringLiteral("step %1 on day %2").arg(*m).arg(*n));
            fieldIndex = 4;
        } else if (parts.size() == 3) {
            entity = Entity::VisitDay;
            uuid = uuidAt(QStringLiteral("visit_day"), QStringLiteral("day_no = ?"), {*n},
                          QStringLiteral("day %1").arg(*n));
            fieldIndex = 2;
        } else {
            return bad(QStringLiteral("expected day.<n>.<field> or day.<n>.step.<m>.<field>"));
        }
    } else if (head == QStringLiteral("line")) {
        if (parts.size() != 3 && !(parts.size() == 5 && parts[2] == QStringLiteral("device")))
            return bad(QStringLiteral(
                "expected line.<CAF ID or n>.<field> or line.<CAF ID or n>.device.<m>.<field>"));
        const QString &id = parts[1];
        Result<QString> line = QString();
        if (id.startsWith(QStringLiteral("CAF")))
            line = uuidAt(QStringLiteral("connection_point"), QStringLiteral("caf_id = ?") + live, {id}, id);
        else if (const auto n = indexOf(id))
            line = uuidAt(QStringLiteral("connection_point"), QStringLiteral("line_no = ?") + live, {*n},
                          QStringLiteral("line %1").arg(*n));
        else
            return bad(QStringLiteral("«%1» is neither a CAF ID nor a line number").arg(id));
        if (!line)
            return tl::unexpected(line.error());
        if (parts.size() == 3) {
            entity = Entity::ConnectionPoint;
            uuid = line;
            fieldIndex = 2;
        } else {
            const auto m = indexOf(parts[3]);
            if (!m)
                return bad(QStringLiteral("expected a device number from 1"));
            entity = Entity::Device;
            uuid =
                uuidAt(QStringLiteral("device"),
                       QStringLiteral("connection_point_id = (SELECT id FROM connection_point WHERE uuid = ?)"
                                      " AND deleted_at IS NULL ORDER BY position LIMIT 1 OFFSET ?"),
                       {*line, *m - 1}, QStringLiteral("device %1 on %2").arg(*m).arg(id));
            fieldIndex = 4;
        }
    } else if (head == QStringLiteral("terminal")) {
        const auto n = parts.size() == 3 ? indexOf(parts[1]) : std::nullopt;
        if (!n)
            return bad(QStringLiteral("expected terminal.<n>.<field>"));
        entity = Entity::Terminal;
        uuid = uuidAt(QStringLiteral("terminal"), QStringLiteral("terminal_no = ?") + live, {*n},
                      QStringLiteral("terminal %1").arg(*n));
        fieldIndex = 2;
    } else if (head == QStringLiteral("backup")) {
        if (parts.size() == 2) {
            entity = Entity::BackupQuestionnaire;
            uuid = uuidAt(QStringLiteral("backup_questionnaire"), QStringLiteral("id = 1"), {},
                          QStringLiteral("backup questionnaire"));
            fieldIndex = 1;
        } else if (parts.size() == 4 && parts[1] == QStringLiteral("copy")) {
            const auto n = indexOf(parts[2]);
            if (!n)
                return bad(QStringLiteral("expected backup.copy.<n>.<field>"));
            entity = Entity::BackupCopy;
            uuid = uuidAt(QStringLiteral("backup_copy"),
                          QStringLiteral("deleted_at IS NULL ORDER BY position, id LIMIT 1 OFFSET ?"),
                          {*n - 1}, QStringLiteral("backup copy %1").arg(*n));
            fieldIndex = 3;
        } else if (parts.size() == 4 && parts[1] == QStringLiteral("task")) {
            entity = Entity::BackupChecklist;
            uuid = uuidAt(QStringLiteral("backup_checklist"), QStringLiteral("item_key = ?"), {parts[2]},
                          QStringLiteral("checklist item %1").arg(parts[2]));
            fieldIndex = 3;
        } else {
            return bad(QStringLiteral("expected backup.<field>, backup.copy.<n>.<field> or "
                                      "backup.task.<item>.<field>"));
        }
    } else {
        return bad(QStringLiteral("unknown entity «%1» (hospital, survey, contact, investigator, day, line, "
                                  "terminal, backup)")
                       .arg(head));
    }
    if (!uuid)
        return tl::unexpected(uuid.error());
    if (fieldIndex != parts.size() - 1)
        return bad(QStringLiteral("too many or too few parts"));
    const QString &field = parts[fieldIndex];
    if (!FieldCatalog::find(entity, field))
        return bad(QStringLiteral("«%1» is not an editable field of %2; editable: %3")
                       .arg(field, table(entity), allowedFields(entity)));
    return FieldRef{entity, *uuid, field};
}

Result<QVariant> SurveyStore::fieldValue(const FieldRef &ref) const
{
    const FieldSpec *spec = FieldCatalog::find(ref.entity, ref.field);
    if (!spec)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 has no editable field «%2»").arg(table(ref.entity), ref.field));
    auto row = m_database->firstRow(QStringLiteral("SELECT %1 FROM %2 WHERE uuid = ?%3")
                                        .arg(spec->name, table(ref.entity),
                                             FieldCatalog::hasTombstones(ref.entity)
                                                 ? QStringLiteral(" AND deleted_at IS NULL")
                                                 : QString()),
                                    {ref.uuid});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("no %1 %2").arg(table(ref.entity), ref.uuid));
    return (*row)->first();
}

Result<QList<AppliedChange>> SurveyStore::applyChanges(const QList<FieldChange> &changes)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto applied = applyInTransaction(changes);
    if (!applied)
        return applied;
    if (auto r = transaction.commit(); !r)
        return tl::unexpected(r.error());
    return applied;
}

Result<QList<AppliedChange>> SurveyStore::applyInTransaction(const QList<FieldChange> &changes, bool queue)
{
    QList<AppliedChange> applied;
    const QString stamp = now();
    for (const FieldChange &change : changes) {
        const FieldSpec *spec = FieldCatalog::find(change.ref.entity, change.ref.field);
        if (!spec)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 has no editable field «%2»")
                                                        .arg(table(change.ref.entity), change.ref.field));
        auto value = FieldCatalog::normalise(*spec, change.value);
        if (!value)
            return tl::unexpected(value.error());
        if (change.ref.entity == Entity::Photo && spec->name == QStringLiteral("markup")) {
            if (auto markup = PhotoMarkup::fromJson(value->toString()); !markup)
                return tl::unexpected(markup.error());
        }
        auto old = fieldValue(change.ref);
        if (!old)
            return tl::unexpected(old.error());
        if (sameStoredValue(*old, *value))
            continue;
        auto r = m_database->run(QStringLiteral("UPDATE %1 SET %2 = ?, updated_at = ? WHERE uuid = ?")
                                     .arg(table(change.ref.entity), spec->name),
                                 {*value, stamp, change.ref.uuid});
        if (!r)
            return tl::unexpected(r.error());
        if (auto a = audit(queue ? QStringLiteral("update") : QStringLiteral("import"),
                           table(change.ref.entity), change.ref.uuid, spec->name, *old, *value);
            !a)
            return tl::unexpected(a.error());
        if (queue) { // imported data is sent with the whole survey
            if (auto o = Outbox::enqueue(*m_database, table(change.ref.entity), change.ref.uuid,
                                         QStringLiteral("upsert"), m_clock.now());
                !o)
                return tl::unexpected(o.error());
        }
        applied.append(AppliedChange{change.ref, *old, *value});
    }
    // Rules that span fields hold when the edit is complete, whatever order its changes came in.
    if (auto r = checkBackupDecisions(); !r)
        return tl::unexpected(r.error());
    if (auto r = checkReferences(); !r)
        return tl::unexpected(r.error());
    return applied;
}

Result<ConnectionPoint> SurveyStore::addConnectionPoint(const ConnectionPoint &point)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());

    ConnectionPoint adding = point;
    adding.cafId.clear(); // assigned here, never taken from the caller
    if (adding.lineNo <= 0) {
        auto next =
            m_database->scalar(QStringLiteral("SELECT coalesce(max(line_no), 0) + 1 FROM connection_point"));
        if (!next)
            return tl::unexpected(next.error());
        adding.lineNo = next->toInt();
    }
    auto id = insertConnectionPoint(adding, QStringLiteral("insert"));
    if (!id)
        return tl::unexpected(id.error());
    auto uuids = m_database->exec(
        QStringLiteral("SELECT 'connection_point', uuid FROM connection_point WHERE id = ? "
                       "UNION ALL SELECT 'device', uuid FROM device WHERE connection_point_id = ?"),
        {*id, *id});
    if (!uuids)
        return tl::unexpected(uuids.error());
    QList<std::pair<QString, QString>> queued;
    while (uuids->next())
        queued.append({uuids->value(0).toString(), uuids->value(1).toString()});
    for (const auto &[entity, uuid] : queued) {
        if (auto o = Outbox::enqueue(*m_database, entity, uuid, QStringLiteral("upsert"), m_clock.now()); !o)
            return tl::unexpected(o.error());
    }
    if (auto r = transaction.commit(); !r)
        return tl::unexpected(r.error());

    auto points = connectionPoints();
    if (!points)
        return tl::unexpected(points.error());
    for (const ConnectionPoint &p : *points) {
        if (p.id == *id)
            return p;
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("the new line %1 was not found after adding it").arg(*id));
}

Result<void> SurveyStore::setRemoved(Entity entity, const QString &uuid, bool removed)
{
    if (!FieldCatalog::hasTombstones(entity))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 rows cannot be removed").arg(table(entity)));
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    const QString stamp = now();
    auto r = m_database->run(
        QStringLiteral("UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE uuid = ? AND deleted_at IS %2")
            .arg(table(entity), removed ? QStringLiteral("NULL") : QStringLiteral("NOT NULL")),
        {removed ? QVariant(stamp) : QVariant(QMetaType::fromType<QString>()), stamp, uuid});
    if (!r)
        return tl::unexpected(r.error());
    if (r->rowsAffected != 1)
        return fail(
            ErrorCode::NotFound,
            QStringLiteral("no %1 %2 %3")
                .arg(removed ? QStringLiteral("present") : QStringLiteral("removed"), table(entity), uuid));
    const QString present = QStringLiteral("present");
    const QString gone = QStringLiteral("removed");
    if (auto a = audit(removed ? QStringLiteral("delete") : QStringLiteral("insert"), table(entity), uuid,
                       QStringLiteral("deleted_at"), removed ? present : gone, removed ? gone : present);
        !a)
        return a;
    if (auto o = Outbox::enqueue(*m_database, table(entity), uuid,
                                 // A photo brought back must be sent with its file again.
                                 removed                   ? QStringLiteral("delete")
                                 : entity == Entity::Photo ? QStringLiteral("upload")
                                                           : QStringLiteral("upsert"),
                                 m_clock.now());
        !o)
        return o;
    return transaction.commit();
}

} // namespace fs::model
