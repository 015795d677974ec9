#pragma once

#include "enumkeys.h"

namespace fs::model {

// Whether a line or device was declared by the hospital or found on site.
enum class Origin
{
    Declared,    // listed in the hospital's workbook
    FoundOnSite, // found by the investigator (未申告)
};

inline constexpr EnumKeys<Origin, 2> kOriginKeys({{
    {Origin::Declared, u"declared"},
    {Origin::FoundOnSite, u"found_on_site"},
}});

} // namespace fs::model
