#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace fs::model {

// One row of the audit trail: who changed which field of which row, from what to what.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action; // insert, update, delete, import, sync
    QString entity; // table name
    QString entityUuid;
    QString field;
    QVariant oldValue;
    QVariant newValue;
};

} // namespace fs::model
