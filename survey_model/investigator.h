#pragma once

#include "enumkeys.h"

#include <QString>

namespace fs::model {

enum class InvestigatorRole
{
    Lead,
    Member
};

inline constexpr EnumKeys<InvestigatorRole, 2> kInvestigatorRoleKeys({{
    {InvestigatorRole::Lead, u"lead"},
    {InvestigatorRole::Member, u"member"},
}});

// 調査員: an investigator on the visit.
struct Investigator
{
    qint64 id = 0;
    QString uuid;
    QString name;
    InvestigatorRole role = InvestigatorRole::Member;

    friend bool operator==(const Investigator &, const Investigator &) = default;
};

} // namespace fs::model
