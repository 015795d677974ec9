#pragma once

#include "auditentry.h"
#include "error.h"

#include <QList>

namespace fs::model {

class Database;

// The append-only audit_log table. Writes happen inside the caller's transaction.
class AuditLog
{
public:
    [[nodiscard]] static Result<void> record(const Database &database, const AuditEntry &entry);
    // The whole trail, oldest first.
    [[nodiscard]] static Result<QList<AuditEntry>> trail(const Database &database);
};

} // namespace fs::model
