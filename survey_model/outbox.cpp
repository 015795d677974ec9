#include "outbox.h"

#include "clock.h"
#include "database.h"

#include <QUuid>

namespace fs::model {

Result<void> Outbox::enqueue(const Database &database, const QString &entity, const QString &uuid,
                             const QString &operation, const QDateTime &now)
{
    const QString stamp = toStoredTimestamp(now);
    // Usually the row is queued already (an investigator edits the same line many times): one
    // UPDATE of one page. A row that a sync is sending (in_flight) goes back to pending, since the
    // portal must get this newer edit too. A delete wins; a file still to upload stays to upload.
    auto updated = database.run(
        QStringLiteral(
            "UPDATE outbox SET generation = generation + 1, changed_at = ?, state = 'pending', "
            "operation = CASE WHEN ? = 'delete' THEN 'delete' WHEN operation = 'upload' THEN 'upload' "
            "ELSE ? END WHERE entity = ? AND entity_uuid = ? AND state <> 'conflict'"),
        {stamp, operation, operation, entity, uuid});
    if (!updated)
        return tl::unexpected(updated.error());
    if (updated->rowsAffected > 0)
        return {};
    auto inserted = database.run(
        QStringLiteral(
            "INSERT INTO outbox (entity, entity_uuid, operation, request_id, created_at, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"),
        {entity, uuid, operation, QUuid::createUuid().toString(QUuid::WithoutBraces), stamp, stamp});
    if (!inserted)
        return tl::unexpected(inserted.error());
    return {};
}

Result<int> Outbox::pendingCount(const Database &database)
{
    auto count = database.scalar(QStringLiteral("SELECT count(*) FROM outbox"));
    if (!count)
        return tl::unexpected(count.error());
    return count->toInt();
}

} // namespace fs::model
