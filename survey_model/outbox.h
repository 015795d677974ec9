#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>

namespace fs::model {

class Database;

// The outbox of changes the portal has not confirmed: one row per changed entity, its generation
// counting the edits since it was queued. Writes happen inside the caller's transaction.
class Outbox
{
public:
    // "upsert", "delete" or "upload".
    [[nodiscard]] static Result<void> enqueue(const Database &database, const QString &entity,
                                              const QString &uuid, const QString &operation,
                                              const QDateTime &now);
    [[nodiscard]] static Result<int> pendingCount(const Database &database);
};

} // namespace fs::model
