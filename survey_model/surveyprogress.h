#pragma once

#include "entity.h"
#include "photo.h"
#include "schedulestep.h"
#include "surveydata.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fs::model {

// One thing the day still needs, and where it is entered. The application words it (the
// library does not translate).
struct MissingItem
{
    enum class Kind
    {
        ArrivalTime,       // 入館時刻 not recorded
        Attendees,         // 立会者 not entered
        StepFinished,      // a step (打合せ, or one the investigator added) has no end time
        OnuLocation,       // the ONU location is neither confirmed nor corrected
        LinePhoto,         // no photo of the line (ONU and its line ID label)
        Wiring,            // nothing recorded below the line
        EmrReachability,   // 直通可 / 直通不可 not decided
        Protection,        // IPsec / SSL-VPN / none / closed network not decided
        DeviceRole,        // a device's place in the chain is unknown
        DeviceFirmware,    // a router, UTM, firewall or VPN gateway without its firmware version
        TerminalState,     // a terminal is neither done nor marked not possible
        TerminalCheck,     // one of the five checks of a terminal is empty
        NotPossibleReason, // a terminal marked not possible has no note saying why
        DepartureTime,     // 退館時刻 not recorded
    };

    Kind kind = Kind::ArrivalTime;
    StepKind step = StepKind::Custom;
    Entity entity = Entity::ScheduleStep; // the row where it is entered
    QString uuid;
    QString field; // the field, fact key or check item
    // Which line, device or terminal, for the text: "CAF0003", the device's name, "2".
    QString subject;

    friend bool operator==(const MissingItem &, const MissingItem &) = default;
};

enum class StepState
{
    NotStarted, // nothing captured, not started
    InProgress, // started, or some of it captured on site (what the workbook brought does not count)
    Done,       // everything it needs is captured
};

// A step of a day with what it needs. Steps of the same kind (the server-room survey before and
// after lunch) share their items: done/total and missing are those of the whole kind.
struct StepProgress
{
    ScheduleStep step;
    StepState state = StepState::NotStarted;
    int done = 0;
    int total = 0;
    QList<MissingItem> missing;
};

struct DayProgress
{
    QString dayUuid;
    int dayNo = 0;
    QDate date;
    QList<StepProgress> steps;
    int currentStep = -1; // index into steps
    // Minutes behind the plan (only for the day that is today): how long ago the planned end of a
    // step kind not yet done passed (the longest such delay). 0 when on time.
    int minutesLate = 0;
    int lateStep = -1; // the last step of the kind that is late

    [[nodiscard]] QList<MissingItem> missing() const; // per kind once, in step order
};

// What has been captured and what is missing, computed from the survey's data (never from ticks).
// Lines and terminals are survey-wide: on a two-day survey both days show the same line items.
class SurveyProgress
{
public:
    // now is local wall-clock time at the hospital.
    [[nodiscard]] static DayProgress forDay(const SurveyData &data, const QList<Photo> &photos,
                                            const VisitDay &day, const QDateTime &now);
    [[nodiscard]] static QList<DayProgress> forSurvey(const SurveyData &data, const QList<Photo> &photos,
                                                      const QDateTime &now);
    // The day to show first: the one dated today, else the first not yet done, else the last.
    [[nodiscard]] static int todayIndex(const QList<DayProgress> &days, const QDate &today);

    // What one line or terminal still needs (for list badges and the completeness panel).
    [[nodiscard]] static QList<MissingItem> lineMissing(const ConnectionPoint &line,
                                                        const QList<Photo> &photos);
    [[nodiscard]] static int lineItemCount(const ConnectionPoint &line);
    [[nodiscard]] static QList<MissingItem> terminalMissing(const Terminal &terminal);
    [[nodiscard]] static int terminalItemCount(const Terminal &terminal);

    // A device's place in the chain: as set, or read from its declared type (ルータ, UTM, …).
    [[nodiscard]] static ChainRole effectiveRole(const Device &device);
    // Routers, UTMs, firewalls and VPN gateways: their firmware is read on site.
    [[nodiscard]] static bool needsFirmware(ChainRole role);
};

} // namespace fs::model
