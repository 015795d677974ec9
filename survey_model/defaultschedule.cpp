#include "defaultschedule.h"

namespace fs::model {

namespace {

ScheduleStep step(StepKind kind, int startHour, int startMinute, int endHour, int endMinute)
{
    ScheduleStep s;
    s.kind = kind;
    s.plannedStart = QTime(startHour, startMinute);
    s.plannedEnd = QTime(endHour, endMinute);
    return s;
}

} // namespace

QList<ScheduleStep> DefaultSchedule::steps()
{
    return {
        step(StepKind::Arrival, 9, 0, 9, 0),
        step(StepKind::Briefing, 9, 0, 9, 30),
        step(StepKind::ConnectionPoints, 9, 30, 12, 0),
        // The server-room survey continues after lunch.
        step(StepKind::ConnectionPoints, 13, 0, 14, 0),
        step(StepKind::Terminals, 14, 0, 16, 30),
        step(StepKind::Departure, 16, 30, 17, 0),
    };
}

VisitDay DefaultSchedule::day(int dayNo, const QDate &date)
{
    VisitDay d;
    d.dayNo = dayNo;
    d.date = date;
    d.steps = steps();
    return d;
}

} // namespace fs::model
