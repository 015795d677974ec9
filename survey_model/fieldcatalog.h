#pragma once

#include "entity.h"
#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace fs::model {

// How a field's value is checked and stored.
enum class FieldKind
{
    Text,      // free text, stored as is ("" when empty)
    Integer,   // a whole number, or NULL when empty
    Key,       // one of a fixed list of keys ("found_on_site")
    Date,      // YYYY-MM-DD, or "" when empty
    Time,      // HH:MM wall-clock time, or "" when empty
    Timestamp, // ISO 8601 UTC, or NULL when empty
    Real,      // a finite number, or NULL when empty
};

struct FieldSpec
{
    QString name; // column name
    FieldKind kind = FieldKind::Text;
    QStringList keys;           // for Key fields
    bool nullWhenEmpty = false; // a Key left blank is stored as NULL (an optional reference)
};

// Every field an edit may change, per entity. Identity (uuid, CAF ID, line and terminal numbers),
// provenance and bookkeeping columns are not editable.
class FieldCatalog
{
public:
    [[nodiscard]] static const FieldSpec *find(Entity entity, const QString &field);
    [[nodiscard]] static QList<FieldSpec> fields(Entity entity);
    // Whether the entity's table has deleted_at (rows are removed with a tombstone).
    [[nodiscard]] static bool hasTombstones(Entity entity);

    // The stored form of a value for the field: checked, normalised ("9:5" → "09:05"), NULL or ""
    // for empty. InvalidData names the field and the rejected value.
    [[nodiscard]] static Result<QVariant> normalise(const FieldSpec &spec, const QVariant &value);
};

} // namespace fs::model
