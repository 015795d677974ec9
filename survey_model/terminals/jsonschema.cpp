#include "jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace fs::model {

namespace {

const QSet<QString> &knownKeywords()
{
    static const QSet<QString> keys = {
        QStringLiteral("$schema"),
        QStringLiteral("$id"),
        QStringLiteral("title"),
        QStringLiteral("description"),
        QStringLiteral("format"),
        QStringLiteral("type"),
        QStringLiteral("const"),
        QStringLiteral("enum"),
        QStringLiteral("properties"),
        QStringLiteral("required"),
        QStringLiteral("additionalProperties"),
        QStringLiteral("items"),
        QStringLiteral("maxItems"),
        QStringLiteral("maxLength"),
        QStringLiteral("minimum"),
        QStringLiteral("maximum"),
    };
    return keys;
}

// Checks that a schema uses only what validate() implements.
QString checkSchema(const QJsonObject &schema, const QString &where)
{
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!knownKeywords().contains(it.key()))
            return QStringLiteral("%1: unsupported keyword \"%2\"").arg(where, it.key());
    }
    if (schema.contains(QStringLiteral("additionalProperties")) &&
        schema.value(QStringLiteral("additionalProperties")) != QJsonValue(false))
        return QStringLiteral("%1: additionalProperties must be false").arg(where);
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (!it.value().isObject())
            return QStringLiteral("%1.%2: not a schema").arg(where, it.key());
        if (QString e = checkSchema(it.value().toObject(), where + QLatin1Char('.') + it.key()); !e.isEmpty())
            return e;
    }
    if (schema.contains(QStringLiteral("items"))) {
        if (!schema.value(QStringLiteral("items")).isObject())
            return QStringLiteral("%1[]: not a schema").arg(where);
        if (QString e =
                checkSchema(schema.value(QStringLiteral("items")).toObject(), where + QStringLiteral("[]"));
            !e.isEmpty())
            return e;
    }
    return {};
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return std::trunc(v.toDouble()) == v.toDouble() ? QStringLiteral("integer")
                                                        : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool hasType(const QJsonValue &v, const QString &type)
{
    const QString actual = typeName(v);
    if (type == QStringLiteral("number"))
        return actual == QStringLiteral("number") || actual == QStringLiteral("integer");
    if (type == QStringLiteral("integer"))
        return actual == QStringLiteral("integer") && std::abs(v.toDouble()) <= 9007199254740991.0;
    return actual == type;
}

class Validator
{
public:
    explicit Validator(int maxErrors)
        : m_maxErrors(maxErrors)
    {
    }

    void check(const QJsonObject &schema, const QJsonValue &value, const QString &path)
    {
        if (full())
            return;
        if (schema.contains(QStringLiteral("type"))) {
            const QJsonValue t = schema.value(QStringLiteral("type"));
            QStringList types;
            if (t.isArray()) {
                for (const QJsonValue &x : t.toArray())
                    types << x.toString();
            } else {
                types << t.toString();
            }
            bool ok = false;
            for (const QString &type : types)
                ok = ok || hasType(value, type);
            if (!ok) {
                add(path, QStringLiteral("expected %1, found %2")
                              .arg(types.join(QStringLiteral(" or ")), typeName(value)));
                return;
            }
        }
        if (schema.contains(QStringLiteral("const")) && value != schema.value(QStringLiteral("const"))) {
            add(path, QStringLiteral("expected %1").arg(render(schema.value(QStringLiteral("const")))));
            return;
        }
        if (schema.contains(QStringLiteral("enum")) && !value.isNull()) {
            const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
            if (!allowed.contains(value)) {
                QStringList names;
                for (const QJsonValue &a : allowed)
                    names << render(a);
                add(path, QStringLiteral("%1 is not one of %2")
                              .arg(render(value), names.join(QStringLiteral(", "))));
                return;
            }
        }
        if (value.isString() && schema.contains(QStringLiteral("maxLength")) &&
            value.toString().size() > schema.value(QStringLiteral("maxLength")).toInt())
            add(path, QStringLiteral("longer than %1 characters")
                          .arg(schema.value(QStringLiteral("maxLength")).toInt()));
        if (value.isDouble()) {
            if (schema.contains(QStringLiteral("minimum")) &&
                value.toDouble() < schema.value(QStringLiteral("minimum")).toDouble())
                add(path, QStringLiteral("%1 is below %2")
                              .arg(render(value), render(schema.value(QStringLiteral("minimum")))));
            if (schema.contains(QStringLiteral("maximum")) &&
                value.toDouble() > schema.value(QStringLiteral("maximum")).toDouble())
                add(path, QStringLiteral("%1 is above %2")
                              .arg(render(value), render(schema.value(QStringLiteral("maximum")))));
        }
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (schema.contains(QStringLiteral("maxItems")) &&
                array.size() > schema.value(QStringLiteral("maxItems")).toInt()) {
                add(path, QStringLiteral("more than %1 items")
                              .arg(schema.value(QStringLiteral("maxItems")).toInt()));
                return;
            }
            const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
            for (qsizetype i = 0; i < array.size() && !full(); ++i)
                check(items, array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
        }
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
            for (const QJsonValue &r : schema.value(QStringLiteral("required")).toArray()) {
                if (!object.contains(r.toString()))
                    add(path, QStringLiteral("\"%1\" is missing").arg(r.toString()));
            }
            const bool closed = schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false);
            for (auto it = object.begin(); it != object.end() && !full(); ++it) {
                const QString childPath = path + QLatin1Char('.') + it.key();
                if (properties.contains(it.key()))
                    check(properties.value(it.key()).toObject(), it.value(), childPath);
                else if (closed)
                    add(childPath, QStringLiteral("unknown property"));
            }
        }
    }

    QStringList errors;

private:
    [[nodiscard]] bool full() const { return errors.size() >= m_maxErrors; }

    void add(const QString &path, const QString &message)
    {
        if (!full())
            errors << path + QStringLiteral(": ") + message;
    }

    static QString render(const QJsonValue &v)
    {
        if (v.isString())
            return QLatin1Char('"') + v.toString().left(64) + QLatin1Char('"');
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 17);
        return typeName(v);
    }

    int m_maxErrors;
};

void collectPaths(const QJsonObject &schema, const QString &prefix, QStringList &out)
{
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        out << path;
        collectPaths(it.value().toObject(), path, out);
    }
    if (schema.contains(QStringLiteral("items")))
        collectPaths(schema.value(QStringLiteral("items")).toObject(), prefix + QStringLiteral("[]"), out);
}

} // namespace

Result<JsonSchema> JsonSchema::fromJson(const QByteArray &schemaBytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(schemaBytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::InvalidData, QStringLiteral("schema: %1").arg(error.errorString()));
    if (QString e = checkSchema(doc.object(), QStringLiteral("$")); !e.isEmpty())
        return fail(ErrorCode::InvalidData, QStringLiteral("schema: ") + e);
    return JsonSchema(doc.object());
}

QStringList JsonSchema::validate(const QJsonValue &value, int maxErrors) const
{
    Validator validator(maxErrors);
    validator.check(m_root, value, QStringLiteral("$"));
    return validator.errors;
}

QStringList JsonSchema::propertyPaths() const
{
    QStringList paths;
    collectPaths(m_root, {}, paths);
    return paths;
}

} // namespace fs::model
