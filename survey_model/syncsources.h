#pragma once

#include "error.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace fs::model {

// What the portal mapping may name, per entity: the columns and derived values a survey row can
// send ("device" → "line_uuid", "maker", …). The mapping is configuration; these names are the
// contract it is checked against, so that no configured text ever reaches SQL.
struct SyncSourceTable
{
    QString entity; // survey, hospital, connection_point, device, terminal, finding, photo, floor_plan, pin,
                    // review_comment
    QString from;   // FROM clause, the entity's table aliased as t
    QString order;  // ORDER BY clause
    bool tombstones = false;
    QHash<QString, QString> expressions; // source name → SQL expression
};

class SyncSources
{
public:
    [[nodiscard]] static const SyncSourceTable *table(const QString &entity);
    [[nodiscard]] static QStringList entities();
    // Whether the portal may change this source here: a field of FieldCatalog. Other sources
    // (identity, derived values, findings) are sent, never taken from the portal.
    [[nodiscard]] static bool isWritable(const QString &entity, const QString &source);
    // InvalidArgument naming the entity and source when the mapping names something unknown.
    [[nodiscard]] static Result<void> check(const QString &entity, const QString &source);
};

} // namespace fs::model
