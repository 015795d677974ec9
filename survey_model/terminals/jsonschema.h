#pragma once

#include "error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace fs::model {

// A small JSON Schema (draft 2020-12) validator for the schemas FieldSurvey ships: type (one or a
// list; "integer" is a number without a fraction), const, enum, properties, required,
// additionalProperties: false, items, maxItems, maxLength, minimum, maximum. Annotations
// (description, format, $id, title) are ignored. Any other keyword makes fromJson() fail, so a
// schema never silently checks less than it says.
class JsonSchema
{
public:
    [[nodiscard]] static Result<JsonSchema> fromJson(const QByteArray &schemaBytes);

    // The errors of value against the schema, each "$.os.build: …", at most maxErrors.
    [[nodiscard]] QStringList validate(const QJsonValue &value, int maxErrors = 20) const;

    // Every property path the schema declares: "os.build", "updates.hotfixes[].id", …
    [[nodiscard]] QStringList propertyPaths() const;

    [[nodiscard]] const QJsonObject &root() const { return m_root; }

private:
    explicit JsonSchema(QJsonObject root)
        : m_root(std::move(root))
    {
    }

    QJsonObject m_root;
};

} // namespace fs::model
