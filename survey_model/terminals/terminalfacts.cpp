#include "terminalfacts.h"

#include "jsonschema.h"
#include "jsontext.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace fs::model {

namespace {

// PowerShell 5.1 writes a one-element array as its element unless the script takes care: where
// the schema has an array and the file an object, read it as a one-element array.
QJsonValue unrolledArrays(const QJsonObject &schema, const QJsonValue &value)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    const bool arrayExpected = type.toString() == QStringLiteral("array") ||
                               type.toArray().contains(QJsonValue(QStringLiteral("array")));
    if (value.isObject() && arrayExpected)
        return QJsonArray{unrolledArrays(schema.value(QStringLiteral("items")).toObject(), value)};
    if (value.isArray()) {
        QJsonArray items;
        for (const QJsonValue &item : value.toArray())
            items.append(unrolledArrays(schema.value(QStringLiteral("items")).toObject(), item));
        return items;
    }
    if (value.isObject()) {
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key()))
                *it = unrolledArrays(properties.value(it.key()).toObject(), *it);
        }
        return object;
    }
    return value;
}

} // namespace

const JsonSchema &TerminalFacts::schema()
{
    static const JsonSchema schema = [] {
        QFile file(QStringLiteral(":/fieldsurvey/collector/terminal-facts.schema.json"));
        auto parsed =
            file.open(QIODevice::ReadOnly)
                ? JsonSchema::fromJson(file.readAll())
                : fail(ErrorCode::Io, QStringLiteral("terminal-facts.schema.json is not in the application"));
        if (!parsed) // a build without its resources: nothing could be imported safely
            qFatal("TerminalFacts: %s", qPrintable(describe(parsed.error())));
        return *parsed;
    }();
    return schema;
}

Result<TerminalFacts> TerminalFacts::fromBytes(const QByteArray &bytes, const QString &sourceName)
{
    auto object = JsonText::parseObject(bytes, sourceName, kMaxInputBytes, kMaxDepth);
    if (!object)
        return tl::unexpected(object.error());
    return fromJson(*object, sourceName);
}

Result<TerminalFacts> TerminalFacts::fromFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxInputBytes)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2 bytes is more than the %3 bytes accepted")
                                                .arg(name)
                                                .arg(file.size())
                                                .arg(kMaxInputBytes));
    return fromBytes(file.read(kMaxInputBytes + 1), name);
}

Result<TerminalFacts> TerminalFacts::fromJson(const QJsonObject &input, const QString &sourceName)
{
    const QJsonObject json = unrolledArrays(schema().root(), input).toObject();
    // The schema name first: a file of another kind gets one clear sentence, not twenty paths.
    const QJsonValue name = json.value(QStringLiteral("schema"));
    if (!name.isString() || !name.toString().startsWith(QStringLiteral("fieldsurvey-terminal-facts/")))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: not a FieldSurvey terminal-facts file ($.schema is not "
                                   "\"fieldsurvey-terminal-facts/1\")")
                        .arg(sourceName));
    if (name.toString() != QLatin1String(kSchemaName))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: $.schema \"%2\" is a newer format than this FieldSurvey reads (%3)")
                        .arg(sourceName, name.toString().left(64), QLatin1String(kSchemaName)));
    const QStringList errors = schema().validate(json, 5);
    if (!errors.isEmpty())
        return fail(ErrorCode::InvalidData,
                    sourceName + QStringLiteral(": ") + errors.join(QStringLiteral("; ")));
    return TerminalFacts(json);
}

QByteArray TerminalFacts::toBytes() const
{
    return QJsonDocument(m_json).toJson(QJsonDocument::Indented);
}

QString TerminalFacts::source() const
{
    return isManual() ? QStringLiteral("manual") : QStringLiteral("collector");
}

bool TerminalFacts::isManual() const
{
    return m_json.value(QStringLiteral("collector")).toObject().value(QStringLiteral("name")).toString() ==
           QLatin1String(kManual);
}

QString TerminalFacts::computerName() const
{
    return jsonText(m_json.value(QStringLiteral("computer")).toObject(), QStringLiteral("name"));
}

QDateTime TerminalFacts::collectedAt() const
{
    return jsonTime(m_json.value(QStringLiteral("collector")).toObject(), QStringLiteral("collectedAtUtc"))
        .value_or(QDateTime());
}

QJsonObject TerminalFacts::section(const QString &name) const
{
    const QJsonObject s = m_json.value(name).toObject();
    return s.value(QStringLiteral("status")).toString() == QStringLiteral("ok") ? s : QJsonObject();
}

QString TerminalFacts::sectionStatus(const QString &name) const
{
    const QJsonValue s = m_json.value(name);
    return s.isObject() ? s.toObject().value(QStringLiteral("status")).toString() : QStringLiteral("missing");
}

std::optional<qint64> jsonInt(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return qint64(v.toDouble());
}

std::optional<bool> jsonBool(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

QString jsonText(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString().trimmed();
}

std::optional<QDateTime> jsonTime(const QJsonObject &o, const QString &key)
{
    const QString text = jsonText(o, key);
    if (text.isEmpty())
        return std::nullopt;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

} // namespace fs::model
