#include "fieldmapping.h"

#include "syncsources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace fs::sync {

namespace {

constexpr qsizetype kMaxMappingBytes = 1024 * 1024;

struct Reader
{
    QString source;
    QSet<QString> codes;

    tl::unexpected<Error> invalid(const QString &path, const QString &what) const
    {
        return fail(ErrorCode::InvalidData,
                    source + QStringLiteral(": ") + path + QStringLiteral(": ") + what);
    }

    // kintone field codes: up to 128 characters, no spaces or symbols other than _ ・ ＿ ＄ ￥, and
    // not starting with a digit.
    Result<QString> code(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString value = o.value(key).toString();
        static const QRegularExpression valid(
            QStringLiteral("^[^\\d\\s!-/:-@\\[-^`{-~][^\\s!-/:-@\\[-^`{-~]{0,127}$"));
        if (value.isEmpty())
            return invalid(path + QLatin1Char('.') + key, QStringLiteral("a field code is required"));
        if (!valid.match(value).hasMatch() && value != QStringLiteral("_"))
            return invalid(path + QLatin1Char('.') + key,
                           QStringLiteral("«%1» is not a valid kintone field code").arg(value.left(60)));
        if (codes.contains(value))
            return invalid(path + QLatin1Char('.') + key,
                           QStringLiteral("«%1» is used twice; field codes are unique in an app").arg(value));
        codes.insert(value);
        return value;
    }

    Result<MappedField> field(const QJsonObject &o, const QString &entity, const QString &path)
    {
        MappedField f;
        auto c = code(o, QStringLiteral("code"), path);
        if (!c)
            return tl::unexpected(c.error());
        f.code = *c;
        f.entity =
            o.contains(QStringLiteral("entity")) ? o.value(QStringLiteral("entity")).toString() : entity;
        f.source = o.value(QStringLiteral("source")).toString();
        if (auto s = model::SyncSources::check(f.entity, f.source); !s)
            return invalid(path, s.error().detail);
        f.label = o.value(QStringLiteral("label")).toString(f.code);
        f.type = o.value(QStringLiteral("type")).toString(f.type);
        if (f.type != QStringLiteral("SINGLE_LINE_TEXT") && f.type != QStringLiteral("MULTI_LINE_TEXT"))
            return invalid(
                path + QStringLiteral(".type"),
                QStringLiteral("«%1»: values are sent as text, so SINGLE_LINE_TEXT or MULTI_LINE_TEXT")
                    .arg(f.type.left(40)));
        f.unique = o.value(QStringLiteral("unique")).toBool();
        f.required = o.value(QStringLiteral("required")).toBool();
        return f;
    }
};

QJsonObject property(const QString &type, const QString &code, const QString &label)
{
    return QJsonObject{
        {QStringLiteral("type"), type}, {QStringLiteral("code"), code}, {QStringLiteral("label"), label}};
}

QJsonObject property(const MappedField &f)
{
    QJsonObject p = property(f.type, f.code, f.label);
    p.insert(QStringLiteral("required"), f.required);
    if (f.type == QStringLiteral("SINGLE_LINE_TEXT"))
        p.insert(QStringLiteral("unique"), f.unique);
    return p;
}

} // namespace

const MappedField *MappedTable::field(const QString &code) const
{
    for (const MappedField &f : fields) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

Result<FieldMapping> FieldMapping::builtIn()
{
    return load(QStringLiteral(":/fieldsurvey/portal/kintone-mapping.json"));
}

Result<FieldMapping> FieldMapping::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, path + QStringLiteral(": ") + file.errorString());
    if (file.size() > kMaxMappingBytes)
        return fail(ErrorCode::InvalidData, path + QStringLiteral(": larger than 1 MB; not a field mapping"));
    return fromJson(file.read(kMaxMappingBytes), path);
}

Result<FieldMapping> FieldMapping::fromJson(const QByteArray &json, const QString &sourceName)
{
    Reader r{sourceName, {}};
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return r.invalid(QStringLiteral("$"), QStringLiteral("not a JSON object (%1 at byte %2)")
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return r.invalid(QStringLiteral("format"), QStringLiteral("must be 1"));
    FieldMapping m;
    const QJsonObject survey = root.value(QStringLiteral("survey")).toObject();
    m.m_surveyApp = survey.value(QStringLiteral("app")).toInt();
    if (m.m_surveyApp <= 0)
        return r.invalid(QStringLiteral("survey.app"),
                         QStringLiteral("the survey app's id (a positive number)"));
    const QJsonArray fields = survey.value(QStringLiteral("fields")).toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString path = QStringLiteral("survey.fields[%1]").arg(i);
        const QJsonObject o = fields.at(i).toObject();
        const QString entity = o.value(QStringLiteral("entity")).toString();
        if (entity != QStringLiteral("survey") && entity != QStringLiteral("hospital"))
            return r.invalid(path + QStringLiteral(".entity"),
                             QStringLiteral("top-level fields come from survey or hospital"));
        auto f = r.field(o, entity, path);
        if (!f)
            return tl::unexpected(f.error());
        m.m_fields << *f;
    }
    m.m_updateKey = survey.value(QStringLiteral("updateKey")).toString();
    const MappedField *key = m.field(m.m_updateKey);
    if (!key || key->entity != QStringLiteral("survey") || key->source != QStringLiteral("uuid") ||
        !key->unique || key->type != QStringLiteral("SINGLE_LINE_TEXT"))
        return r.invalid(QStringLiteral("survey.updateKey"),
                         QStringLiteral("must name a SINGLE_LINE_TEXT field with source survey.uuid and "
                                        "unique: true (the upsert key)"));
    const QJsonObject dataFile = survey.value(QStringLiteral("dataFile")).toObject();
    if (!dataFile.isEmpty()) {
        auto c = r.code(dataFile, QStringLiteral("code"), QStringLiteral("survey.dataFile"));
        if (!c)
            return tl::unexpected(c.error());
        m.m_dataFileCode = *c;
        m.m_dataFileLabel = dataFile.value(QStringLiteral("label")).toString(*c);
    }
    const QJsonArray tables = survey.value(QStringLiteral("subtables")).toArray();
    QSet<QString> entities;
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const QString path = QStringLiteral("survey.subtables[%1]").arg(i);
        const QJsonObject o = tables.at(i).toObject();
        MappedTable t;
        auto c = r.code(o, QStringLiteral("code"), path);
        if (!c)
            return tl::unexpected(c.error());
        t.code = *c;
        t.label = o.value(QStringLiteral("label")).toString(t.code);
        t.entity = o.value(QStringLiteral("entity")).toString();
        if (t.entity == QStringLiteral("survey") || t.entity == QStringLiteral("hospital") ||
            !model::SyncSources::table(t.entity))
            return r.invalid(path + QStringLiteral(".entity"),
                             QStringLiteral("«%1» is not an entity with rows").arg(t.entity.left(40)));
        if (entities.contains(t.entity))
            return r.invalid(path + QStringLiteral(".entity"), t.entity + QStringLiteral(" is mapped twice"));
        entities.insert(t.entity);
        const QJsonArray inner = o.value(QStringLiteral("fields")).toArray();
        for (qsizetype j = 0; j < inner.size(); ++j) {
            auto f = r.field(inner.at(j).toObject(), t.entity, path + QStringLiteral(".fields[%1]").arg(j));
            if (!f)
                return tl::unexpected(f.error());
            if (f->entity != t.entity)
                return r.invalid(path + QStringLiteral(".fields[%1].entity").arg(j),
                                 QStringLiteral("a subtable's fields come from its own entity"));
            t.fields << *f;
        }
        t.keyCode = o.value(QStringLiteral("key")).toString();
        const MappedField *k = t.field(t.keyCode);
        if (!k || k->source != QStringLiteral("uuid"))
            return r.invalid(path + QStringLiteral(".key"),
                             QStringLiteral("must name a field of this subtable "
                                            "whose source is uuid"));
        const QJsonObject file = o.value(QStringLiteral("file")).toObject();
        if (!file.isEmpty()) {
            if (t.entity != QStringLiteral("photo") && t.entity != QStringLiteral("floor_plan"))
                return r.invalid(path + QStringLiteral(".file"),
                                 QStringLiteral("only photos and floor plans have files"));
            auto fc = r.code(file, QStringLiteral("code"), path + QStringLiteral(".file"));
            if (!fc)
                return tl::unexpected(fc.error());
            t.fileCode = *fc;
            t.fileLabel = file.value(QStringLiteral("label")).toString(t.fileCode);
        }
        m.m_tables << t;
    }
    const QJsonObject hospitals = root.value(QStringLiteral("hospitals")).toObject();
    if (!hospitals.isEmpty()) {
        m.m_hospitals.app = hospitals.value(QStringLiteral("app")).toInt();
        const QJsonObject hf = hospitals.value(QStringLiteral("fields")).toObject();
        m.m_hospitals.codeField = hf.value(QStringLiteral("code")).toString();
        m.m_hospitals.nameField = hf.value(QStringLiteral("name")).toString();
        m.m_hospitals.prefectureField = hf.value(QStringLiteral("prefecture")).toString();
        m.m_hospitals.fiscalYearField = hf.value(QStringLiteral("fiscalYear")).toString();
        m.m_hospitals.workbookField = hf.value(QStringLiteral("workbook")).toString();
        if (m.m_hospitals.app <= 0 || m.m_hospitals.codeField.isEmpty() ||
            m.m_hospitals.nameField.isEmpty() || m.m_hospitals.workbookField.isEmpty())
            return r.invalid(QStringLiteral("hospitals"), QStringLiteral("app, fields.code, fields.name and "
                                                                         "fields.workbook are required"));
    }
    m.m_comments = root.value(QStringLiteral("comments")).toBool(true);
    return m;
}

const MappedField *FieldMapping::field(const QString &code) const
{
    for (const MappedField &f : m_fields) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QJsonObject FieldMapping::surveyFormFields() const
{
    QJsonObject properties;
    for (const MappedField &f : m_fields)
        properties.insert(f.code, property(f));
    if (!m_dataFileCode.isEmpty())
        properties.insert(m_dataFileCode, property(QStringLiteral("FILE"), m_dataFileCode, m_dataFileLabel));
    for (const MappedTable &t : m_tables) {
        QJsonObject inner;
        for (const MappedField &f : t.fields)
            inner.insert(f.code, property(f));
        if (!t.fileCode.isEmpty())
            inner.insert(t.fileCode, property(QStringLiteral("FILE"), t.fileCode, t.fileLabel));
        QJsonObject table = property(QStringLiteral("SUBTABLE"), t.code, t.label);
        table.insert(QStringLiteral("fields"), inner);
        properties.insert(t.code, table);
    }
    return QJsonObject{{QStringLiteral("app"), QString::number(m_surveyApp)},
                       {QStringLiteral("properties"), properties}};
}

QJsonObject FieldMapping::hospitalFormFields() const
{
    QJsonObject properties;
    const auto text = [&properties](const QString &code, const QString &label, bool unique) {
        if (code.isEmpty())
            return;
        QJsonObject p = property(QStringLiteral("SINGLE_LINE_TEXT"), code, label);
        p.insert(QStringLiteral("unique"), unique);
        p.insert(QStringLiteral("required"), unique);
        properties.insert(code, p);
    };
    text(m_hospitals.codeField, QStringLiteral("医療機関コード"), true);
    text(m_hospitals.nameField, QStringLiteral("医療機関名"), false);
    text(m_hospitals.prefectureField, QStringLiteral("都道府県"), false);
    text(m_hospitals.fiscalYearField, QStringLiteral("年度"), false);
    properties.insert(m_hospitals.workbookField, property(QStringLiteral("FILE"), m_hospitals.workbookField,
                                                          QStringLiteral("提出された別紙2-1")));
    return QJsonObject{{QStringLiteral("app"), QString::number(m_hospitals.app)},
                       {QStringLiteral("properties"), properties}};
}

} // namespace fs::sync
