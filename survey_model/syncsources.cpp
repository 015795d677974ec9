#include "syncsources.h"

#include "fieldcatalog.h"

#include <QMap>

namespace fs::model {

namespace {

// "connection_point:<uuid>" for a row's target_entity / target_id pair.
QString targetExpression()
{
    return QStringLiteral(
        "CASE t.target_entity "
        "WHEN 'connection_point' THEN 'connection_point:' || (SELECT uuid FROM connection_point WHERE id = "
        "t.target_id) "
        "WHEN 'device' THEN 'device:' || (SELECT uuid FROM device WHERE id = t.target_id) "
        "WHEN 'terminal' THEN 'terminal:' || (SELECT uuid FROM terminal WHERE id = t.target_id) "
        "WHEN 'pin' THEN 'pin:' || (SELECT uuid FROM pin WHERE id = t.target_id) "
        "WHEN 'survey' THEN 'survey' ELSE '' END");
}

SyncSourceTable make(const QString &entity, const QString &from, const QString &order, bool tombstones,
                     const QStringList &columns, const QHash<QString, QString> &derived)
{
    SyncSourceTable table{entity, from, order, tombstones, derived};
    for (const QString &column : columns)
        table.expressions.insert(column, QStringLiteral("t.") + column);
    if (const auto e = kEntityKeys.parse(entity)) {
        for (const FieldSpec &spec : FieldCatalog::fields(*e)) {
            if (spec.name != QStringLiteral("target_entity") && spec.name != QStringLiteral("target_id"))
                table.expressions.insert(spec.name, QStringLiteral("t.") + spec.name);
        }
    }
    table.expressions.insert(QStringLiteral("uuid"), QStringLiteral("t.uuid"));
    return table;
}

QMap<QString, SyncSourceTable> buildTables()
{
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QMap<QString, SyncSourceTable> t;
    const auto add = [&t](SyncSourceTable table) { t.insert(table.entity, std::move(table)); };
    add(make(s("survey"), s("survey t"), s("t.id"), false,
             {s("source_workbook"), s("created_at"), s("updated_at")}, {}));
    add(make(s("hospital"), s("hospital t"), s("t.id"), false, {}, {}));
    add(make(s("connection_point"), s("connection_point t"), s("t.line_no"), true,
             {s("caf_id"), s("line_no")}, {}));
    add(make(s("device"), s("device t JOIN connection_point c ON c.id = t.connection_point_id"),
             s("c.line_no, t.position"), true, {s("position")},
             {{s("line_uuid"), s("c.uuid")}, {s("caf_id"), s("c.caf_id")}}));
    add(make(s("terminal"), s("terminal t"), s("t.terminal_no"), true, {s("terminal_no")}, {}));
    add(make(s("finding"), s("finding t"), s("t.id"), true,
             {s("status"), s("category"), s("text"), s("evidence"), s("recommendation"), s("rule_id"),
              s("dismissed_reason")},
             {{s("target"), targetExpression()},
              {s("dismissed"), s("CASE t.dismissed WHEN 1 THEN 'yes' ELSE 'no' END")}}));
    add(make(s("photo"), s("photo t JOIN blob b ON b.id = t.blob_id"), s("t.position, t.id"), true,
             {s("original_name"), s("taken_at")},
             {{s("target"), targetExpression()}, {s("sha256"), s("b.sha256")}}));
    add(make(s("floor_plan"), s("floor_plan t JOIN blob b ON b.id = t.blob_id"), s("t.position, t.id"), true,
             {s("source_kind"), s("page_index")}, {{s("sha256"), s("b.sha256")}}));
    add(make(s("pin"), s("pin t JOIN floor_plan f ON f.id = t.floor_plan_id"), s("f.position, t.id"), true,
             {s("source_text")}, {{s("target"), targetExpression()}, {s("plan_uuid"), s("f.uuid")}}));
    // The review's comments; those made in kintone itself (remote_id) come back as kintone comments.
    add(make(s("review_comment"), s("(SELECT * FROM review_comment WHERE remote_id IS NULL) t"),
             s("t.created_at, t.id"), false,
             {s("target_entity"), s("target_uuid"), s("author"), s("body"), s("created_at")}, {}));
    return t;
}

const QMap<QString, SyncSourceTable> &tables()
{
    static const QMap<QString, SyncSourceTable> all = buildTables();
    return all;
}

} // namespace

const SyncSourceTable *SyncSources::table(const QString &entity)
{
    const auto it = tables().constFind(entity);
    return it == tables().constEnd() ? nullptr : &*it;
}

QStringList SyncSources::entities()
{
    return tables().keys();
}

bool SyncSources::isWritable(const QString &entity, const QString &source)
{
    const auto e = kEntityKeys.parse(entity);
    if (!e || source == QStringLiteral("target_entity") || source == QStringLiteral("target_id"))
        return false;
    return FieldCatalog::find(*e, source) != nullptr;
}

Result<void> SyncSources::check(const QString &entity, const QString &source)
{
    const SyncSourceTable *t = table(entity);
    if (!t)
        return tl::unexpected(Error{ErrorCode::InvalidArgument,
                                    QStringLiteral("unknown entity «%1» (one of %2)")
                                        .arg(entity.left(80), entities().join(QStringLiteral(", ")))});
    if (!t->expressions.contains(source))
        return tl::unexpected(Error{ErrorCode::InvalidArgument,
                                    QStringLiteral("%1 has no field «%2»").arg(entity, source.left(80))});
    return {};
}

} // namespace fs::model
