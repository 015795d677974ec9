#include "auditlog.h"

#include "clock.h"
#include "database.h"

namespace fs::model {

Result<void> AuditLog::record(const Database &database, const AuditEntry &entry)
{
    auto r =
        database.run(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_uuid, field, "
                                    "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {toStoredTimestamp(entry.at), textValue(entry.actor), entry.action, entry.entity,
                      textValue(entry.entityUuid), textValue(entry.field), entry.oldValue, entry.newValue});
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

Result<QList<AuditEntry>> AuditLog::trail(const Database &database)
{
    auto q =
        database.exec(QStringLiteral("SELECT id, at, actor, action, entity, entity_uuid, field, old_value, "
                                     "new_value FROM audit_log ORDER BY id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<AuditEntry> entries;
    while (q->next()) {
        entries.append(AuditEntry{q->value(0).toLongLong(), fromStoredTimestamp(q->value(1).toString()),
                                  q->value(2).toString(), q->value(3).toString(), q->value(4).toString(),
                                  q->value(5).toString(), q->value(6).toString(), q->value(7), q->value(8)});
    }
    return entries;
}

} // namespace fs::model
