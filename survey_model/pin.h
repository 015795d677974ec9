#pragma once

#include "enumkeys.h"

#include <QString>

namespace fs::model {

enum class PinKind
{
    Onu,
    Router,
    Terminal,
    Other
};

inline constexpr EnumKeys<PinKind, 4> kPinKindKeys({{
    {PinKind::Onu, u"onu"},
    {PinKind::Router, u"router"},
    {PinKind::Terminal, u"terminal"},
    {PinKind::Other, u"other"},
}});

// A pin on a floor plan: where a line's ONU, a device or a terminal is.
struct Pin
{
    qint64 id = 0;
    QString uuid;
    PinKind kind = PinKind::Other;
    QString target; // "line:3", "terminal:1", "device:<uuid>", or "" when it names nothing
    double x = 0;   // 0..1 from the plan's left edge (unrotated)
    double y = 0;   // 0..1 from the plan's top edge
    QString label;
    QString sourceText;   // the workbook callout's text, when imported
    QString targetEntity; // as stored: "connection_point", "device", "terminal" or ""
    qint64 targetId = 0;

    friend bool operator==(const Pin &, const Pin &) = default;
};

} // namespace fs::model
