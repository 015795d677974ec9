#pragma once

#include "entity.h"

#include <QString>
#include <QVariant>

namespace fs::model {

// One field of one row: the unit of an edit, an audit row and an undo step.
struct FieldRef
{
    Entity entity = Entity::Survey;
    QString uuid;
    QString field; // the column name, e.g. "onu_location_found"

    friend bool operator==(const FieldRef &, const FieldRef &) = default;
};

// A requested change of one field to a new value.
struct FieldChange
{
    FieldRef ref;
    QVariant value;
};

// A change as applied: what the field held before and holds now (in stored form).
struct AppliedChange
{
    FieldRef ref;
    QVariant oldValue;
    QVariant newValue;
};

} // namespace fs::model
