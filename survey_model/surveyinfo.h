#pragma once

#include "enumkeys.h"

#include <QDateTime>
#include <QString>

namespace fs::model {

// Review state of a survey: 作成中 → 提出済 → 差戻し / 承認.
enum class SurveyState
{
    Draft,
    Submitted,
    Returned,
    Approved
};

inline constexpr EnumKeys<SurveyState, 4> kSurveyStateKeys({{
    {SurveyState::Draft, u"draft"},
    {SurveyState::Submitted, u"submitted"},
    {SurveyState::Returned, u"returned"},
    {SurveyState::Approved, u"approved"},
}});

// The survey itself: identity, review state and provenance.
struct SurveyInfo
{
    QString uuid; // the update key on the portal
    SurveyState state = SurveyState::Draft;
    QDateTime stateChangedAt;
    QString stateChangedBy;
    int fiscalYear = 0; // 年度, 0 when unknown
    QString sourceWorkbook;
    QString note;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const SurveyInfo &, const SurveyInfo &) = default;
};

} // namespace fs::model
