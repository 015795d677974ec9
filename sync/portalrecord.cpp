#include "portalrecord.h"

#include "surveyjson.h"
#include "surveystore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace fs::sync {

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return QStringLiteral("");
}

QJsonObject valuesToJson(const QHash<QString, QString> &values)
{
    QJsonObject o;
    for (auto it = values.begin(); it != values.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QHash<QString, QString> valuesFromJson(const QJsonObject &o)
{
    QHash<QString, QString> values;
    for (auto it = o.begin(); it != o.end(); ++it)
        values.insert(it.key(), it.value().toString());
    return values;
}

} // namespace

QString PortalRecord::dataFileNameFor(const QString &sha256)
{
    return QStringLiteral("survey-") + sha256.left(16) + QStringLiteral(".json");
}

const PortalRow *PortalRecord::row(const QString &table, const QString &key) const
{
    const auto it = tables.constFind(table);
    if (it == tables.constEnd())
        return nullptr;
    for (const PortalRow &r : *it) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

PortalRecord PortalRecord::fromKintone(const QJsonObject &record, const FieldMapping &mapping)
{
    PortalRecord p;
    p.id = valueText(record.value(QStringLiteral("$id")).toObject().value(QStringLiteral("value")));
    p.revision =
        valueText(record.value(QStringLiteral("$revision")).toObject().value(QStringLiteral("value")));
    for (auto it = record.begin(); it != record.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        if (field.value(QStringLiteral("type")).toString() == QStringLiteral("MODIFIER")) {
            const QJsonObject user = field.value(QStringLiteral("value")).toObject();
            p.modifier =
                user.value(QStringLiteral("name")).toString(user.value(QStringLiteral("code")).toString());
        }
    }
    for (const MappedField &f : mapping.fields())
        p.fields.insert(f.code, valueText(record.value(f.code).toObject().value(QStringLiteral("value"))));
    if (!mapping.dataFileCode().isEmpty()) {
        const QJsonArray files =
            record.value(mapping.dataFileCode()).toObject().value(QStringLiteral("value")).toArray();
        if (files.size() == 1)
            p.dataFileName = files.first().toObject().value(QStringLiteral("name")).toString();
    }
    for (const MappedTable &t : mapping.tables()) {
        QList<PortalRow> rows;
        const QJsonArray array = record.value(t.code).toObject().value(QStringLiteral("value")).toArray();
        for (const QJsonValue &v : array) {
            const QJsonObject row = v.toObject();
            const QJsonObject value = row.value(QStringLiteral("value")).toObject();
            PortalRow r;
            r.rowId = valueText(row.value(QStringLiteral("id")));
            for (const MappedField &f : t.fields)
                r.values.insert(f.code,
                                valueText(value.value(f.code).toObject().value(QStringLiteral("value"))));
            r.key = r.values.value(t.keyCode);
            if (!t.fileCode.isEmpty())
                r.files =
                    int(value.value(t.fileCode).toObject().value(QStringLiteral("value")).toArray().size());
            rows << r;
        }
        p.tables.insert(t.code, rows);
    }
    return p;
}

Result<PortalRecord> PortalRecord::fromStore(const model::SurveyStore &store, const FieldMapping &mapping)
{
    PortalRecord p;
    QHash<QString, QStringList> topSources;
    for (const MappedField &f : mapping.fields())
        topSources[f.entity] << f.source;
    for (const QString &entity : {QStringLiteral("survey"), QStringLiteral("hospital")}) {
        auto rows = store.syncRows(entity, topSources.value(entity));
        if (!rows)
            return tl::unexpected(rows.error());
        if (rows->isEmpty())
            return fail(ErrorCode::Corrupt, QStringLiteral("the survey has no %1 row").arg(entity));
        const model::SyncRow &row = rows->constFirst();
        (entity == QStringLiteral("survey") ? p.surveyUuid : p.hospitalUuid) = row.uuid;
        for (const MappedField &f : mapping.fields()) {
            if (f.entity == entity)
                p.fields.insert(f.code, row.values.value(f.source));
        }
    }
    for (const MappedTable &t : mapping.tables()) {
        QStringList sources;
        for (const MappedField &f : t.fields)
            sources << f.source;
        auto rows = store.syncRows(t.entity, sources);
        if (!rows)
            return tl::unexpected(rows.error());
        QList<PortalRow> live;
        for (const model::SyncRow &row : *rows) {
            if (row.removed) {
                p.removed[t.code].insert(row.uuid);
                continue;
            }
            PortalRow r;
            r.key = row.uuid;
            for (const MappedField &f : t.fields)
                r.values.insert(f.code, row.values.value(f.source));
            live << r;
        }
        p.tables.insert(t.code, live);
    }
    if (!mapping.dataFileCode().isEmpty()) {
        auto data = store.load();
        if (!data)
            return tl::unexpected(data.error());
        p.dataSha256 = QString::fromLatin1(
            QCryptographicHash::hash(model::SurveyJson::toBytes(*data), QCryptographicHash::Sha256).toHex());
    }
    return p;
}

QJsonObject PortalRecord::toBaseJson() const
{
    QJsonObject tablesJson;
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        QJsonArray rows;
        for (const PortalRow &r : it.value())
            rows.append(QJsonObject{{QStringLiteral("id"), r.rowId},
                                    {QStringLiteral("key"), r.key},
                                    {QStringLiteral("files"), r.files},
                                    {QStringLiteral("values"), valuesToJson(r.values)}});
        tablesJson.insert(it.key(), rows);
    }
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("revision"), revision},
                       {QStringLiteral("fields"), valuesToJson(fields)},
                       {QStringLiteral("tables"), tablesJson},
                       {QStringLiteral("dataSha256"), dataSha256}};
}

PortalRecord PortalRecord::fromBaseJson(const QString &json)
{
    PortalRecord p;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    p.id = o.value(QStringLiteral("id")).toString();
    p.revision = o.value(QStringLiteral("revision")).toString();
    p.fields = valuesFromJson(o.value(QStringLiteral("fields")).toObject());
    p.dataSha256 = o.value(QStringLiteral("dataSha256")).toString();
    const QJsonObject tablesJson = o.value(QStringLiteral("tables")).toObject();
    for (auto it = tablesJson.begin(); it != tablesJson.end(); ++it) {
        QList<PortalRow> rows;
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject r = v.toObject();
            rows << PortalRow{r.value(QStringLiteral("id")).toString(),
                              r.value(QStringLiteral("key")).toString(),
                              valuesFromJson(r.value(QStringLiteral("values")).toObject()),
                              r.value(QStringLiteral("files")).toInt()};
        }
        p.tables.insert(it.key(), rows);
    }
    return p;
}

} // namespace fs::sync
