#pragma once

#include "error.h"
#include "fieldmapping.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace fs::model {
class SurveyStore;
}

namespace fs::sync {

// A subtable row in the mapping's terms: its portal row id (empty for a row not on the portal),
// its key (the entity's UUID) and its values by field code.
struct PortalRow
{
    QString rowId;
    QString key;
    QHash<QString, QString> values;
    int files = 0; // files in the row's FILE field (portal side)
};

// The survey record in the mapping's terms: what the portal holds, what the survey holds, or the
// base (the portal's record as last confirmed). Values are text, as kintone stores them.
struct PortalRecord
{
    QString id;       // $id
    QString revision; // $revision
    QString modifier; // who changed it last (portal side)
    QHash<QString, QString> fields;
    QHash<QString, QList<PortalRow>> tables;
    QString dataSha256;   // base: the survey JSON the portal holds; local: the survey's current one
    QString dataFileName; // portal: the name of the survey JSON file it holds

    // The survey JSON's file name on the portal carries its hash: the portal's record says whether
    // it holds the current one, even after a write whose answer was lost.
    [[nodiscard]] static QString dataFileNameFor(const QString &sha256);

    // Local only: the UUIDs behind top-level fields, and rows removed here (tombstones).
    QString surveyUuid;
    QString hospitalUuid;
    QHash<QString, QSet<QString>> removed; // table code → keys

    [[nodiscard]] const PortalRow *row(const QString &table, const QString &key) const;

    // A record from kintone's JSON ({"$id": {"type": "__ID__", "value": "3"}, …}). Values of
    // fields the mapping does not know are ignored.
    [[nodiscard]] static PortalRecord fromKintone(const QJsonObject &record, const FieldMapping &mapping);
    // The survey as the mapping sees it.
    [[nodiscard]] static Result<PortalRecord> fromStore(const model::SurveyStore &store,
                                                        const FieldMapping &mapping);

    [[nodiscard]] QJsonObject toBaseJson() const;
    [[nodiscard]] static PortalRecord fromBaseJson(const QString &json);
};

} // namespace fs::sync
