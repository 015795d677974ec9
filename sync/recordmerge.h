#pragma once

#include "fieldmapping.h"
#include "portalrecord.h"
#include "syncstate.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace fs::sync {

// A field the portal changed and this survey did not: written here before the push.
struct LocalChange
{
    QString entity;
    QString uuid;
    QString source;
    QString value;
};

// What a three-way merge of the survey record decided.
struct MergePlan
{
    struct Row
    {
        QString rowId; // empty: a new row
        QString key;
        QHash<QString, QString> values; // the fields to send (all for a new row)
        bool needsFile = false;
    };

    bool recordExists = false;
    QHash<QString, QString> fields;               // top-level fields to send
    QHash<QString, QList<Row>> tables;            // subtables to send whole (rows not listed are deleted)
    bool sendData = false;                        // the survey JSON file
    QList<LocalChange> toLocal;                   // portal changes to write here
    QList<QPair<QString, QString>> removeLocally; // (entity, uuid) rows the portal deleted
    // Rows another FieldSurvey added on the portal that this survey takes in (review comments):
    // (entity, the row's values by source).
    QList<QPair<QString, QHash<QString, QString>>> createLocally;
    QList<model::SyncConflict> conflicts;       // the same field changed on both sides
    QList<QPair<QString, QString>> filesNeeded; // (entity, uuid) whose file must be uploaded

    [[nodiscard]] bool hasPush() const
    {
        return !recordExists || !fields.isEmpty() || !tables.isEmpty() || sendData;
    }
    // The "record" of the update: fileKeys by "entity:uuid" ("survey:<uuid>" for the JSON).
    [[nodiscard]] QJsonObject payload(const FieldMapping &mapping,
                                      const QHash<QString, QString> &fileKeys) const;
};

// Three-way merge of the survey record, field by field, against the base (the portal's record as
// last confirmed): a change on one side wins; the same change on both sides is no change; different
// changes on both sides are a conflict, and the field keeps the portal's value until someone
// decides. Rows are matched by their key (the entity's UUID), never by position.
class RecordMerge
{
public:
    // frozen: "entity|uuid|source" of fields with an open conflict (neither side is applied).
    [[nodiscard]] static MergePlan merge(const FieldMapping &mapping, const PortalRecord *base,
                                         const PortalRecord &local, const PortalRecord *server,
                                         const QSet<QString> &frozen);
    [[nodiscard]] static QString frozenKey(const QString &entity, const QString &uuid, const QString &source);
};

} // namespace fs::sync
