#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace fs::model {

// One row of an entity as the portal sync reads it: the mapped sources (columns) as text, the
// way the portal stores values.
struct SyncRow
{
    QString uuid;
    bool removed = false; // tombstoned here (deleted_at set)
    QHash<QString, QString> values;
};

// The stored file behind a photo or a floor plan, for upload.
struct SyncFile
{
    qint64 blobId = 0;
    QString name; // the file name the portal shows
    QString contentType;
    QString sha256;
    qint64 size = 0;
};

// A row of the outbox: an entity the portal has not confirmed since its last change.
struct OutboxEntry
{
    qint64 id = 0;
    QString entity;
    QString uuid;
    QString operation; // upsert, delete, upload
    int generation = 1;
    QString state; // pending, in_flight, conflict
    int attempts = 0;
    QString lastError;
    QDateTime changedAt;
};

// What the portal last confirmed of one synced record.
struct SyncRecordState
{
    QString remoteId;
    QString remoteRevision;
    QString baseJson; // the record in the mapping's terms, as last confirmed
    QDateTime syncedAt;
};

// A file sent to the portal's temporary storage, not yet confirmed attached.
struct PendingUpload
{
    QString entity;
    QString uuid;
    QString sha256;
    QString fileKey;
    QDateTime uploadedAt;
};

// The same field changed here and on the portal since the last sync.
struct SyncConflict
{
    qint64 id = 0;
    QString entity;
    QString uuid;
    QString field;     // the mapping's source name (a column)
    QString fieldCode; // the portal's field code
    QString baseValue;
    QString localValue;
    QString portalValue;
    QString portalRevision;
    QString portalModifier;
    QDateTime detectedAt;
    bool open = true;
    QString resolution; // "local" or "portal" once decided
    QDateTime resolvedAt;
    QString resolvedBy;
};

// A review comment on the survey's portal record.
struct PortalComment
{
    QString remoteId;
    QString text;
    QString author; // the portal user's name (code when no name)
    QDateTime createdAt;
};

// What one successful push confirmed, stored in one transaction.
struct SyncConfirmation
{
    QString entity; // "survey"
    QString uuid;
    SyncRecordState record;
    QList<OutboxEntry> confirmed;  // removed when their generation is unchanged
    QStringList attachedKeys;      // uploads now attached (forgotten)
    QList<SyncConflict> conflicts; // open conflicts found (added or refreshed)
};

} // namespace fs::model
