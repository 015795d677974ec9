#pragma once

#include "../connectionpoint.h"
#include "../enumkeys.h"
#include "../error.h"
#include "../surveyinfo.h"
#include "reviewitem.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

class SurveyStore;

// A terminal's Windows support status, from its checked item "os" (its evaluation).
enum class OsSupport
{
    Supported, // ok: サポート中
    Caution,   // caution: ESU, ending soon, lifecycle unknown
    Ended,     // danger: サポート終了
    Unknown,   // checked, but the OS could not be read (unknown)
    Unchecked, // no "os" item recorded yet
};

inline constexpr EnumKeys<OsSupport, 5> kOsSupportKeys({{
    {OsSupport::Supported, u"supported"},
    {OsSupport::Caution, u"caution"},
    {OsSupport::Ended, u"ended"},
    {OsSupport::Unknown, u"unknown"},
    {OsSupport::Unchecked, u"unchecked"},
}});

struct SummaryLine
{
    ReviewItem item;        // entity connection_point
    QString connectionType; // 通信形態 as written (empty when not written)
    EmrReachability emr = EmrReachability::Unknown;
};

struct SummaryTerminal
{
    ReviewItem item; // entity terminal
    OsSupport os = OsSupport::Unchecked;
    QString osText; // the "os" item's value (Windows 10 22H2 …)
};

// An active finding (not dismissed, not removed).
struct SummaryFinding
{
    ReviewItem item; // entity finding
    QString status;  // danger, caution, none
    QString category;
};

// A device whose firmware a rule found in a known-exploited range (device.firmware.kev, active).
struct SummaryFirmware
{
    ReviewItem item;  // entity device
    QString firmware; // "FortiGate FortiOS 6.4.5": maker, model and the firmware fact
    QString status;   // danger or caution
};

// What the portfolio and the dashboards show of one survey, read once from its file.
struct SurveySummary
{
    QString path;
    QString surveyUuid;
    SurveyState state = SurveyState::Draft;
    QDateTime stateChangedAt;
    QString stateChangedBy;
    QString hospitalCode;
    QString hospitalName;
    QString prefecture;
    QStringList investigators; // names, lead first
    QList<QDate> visitDates;   // planned days, in order (invalid dates left out)
    int dangerCount = 0;       // active findings 危険
    int cautionCount = 0;      // active findings 注意
    int unsyncedChanges = 0;   // the outbox
    int openComments = 0;      // review comments not resolved
    int itemsCaptured = 0;     // of the lines' and terminals' items (SurveyProgress)
    int itemsTotal = 0;
    QList<ReviewItem> missing; // what the lines and terminals still need, one per item
    QList<SummaryLine> lines;
    QList<SummaryTerminal> terminals;
    QList<SummaryFinding> findings;
    QList<SummaryFirmware> vulnerableFirmware;

    // Reads the summary of an open survey (read-only is enough).
    [[nodiscard]] static Result<SurveySummary> read(const SurveyStore &store);
};

} // namespace fs::model
