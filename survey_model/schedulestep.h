#pragma once

#include "enumkeys.h"

#include <QDateTime>
#include <QString>
#include <QTime>

namespace fs::model {

// The steps of 当日スケジュール (DESIGN.md, "The day schedule").
enum class StepKind
{
    Arrival,          // 入館
    Briefing,         // 作業前打合せ
    ConnectionPoints, // 外部接続点調査
    Terminals,        // 端末調査
    Departure,        // 片付け・退館
    Custom,           // a step the investigator added; named by its title
};

inline constexpr EnumKeys<StepKind, 6> kStepKindKeys({{
    {StepKind::Arrival, u"arrival"},
    {StepKind::Briefing, u"briefing"},
    {StepKind::ConnectionPoints, u"connection_points"},
    {StepKind::Terminals, u"terminals"},
    {StepKind::Departure, u"departure"},
    {StepKind::Custom, u"custom"},
}});

struct ScheduleStep
{
    qint64 id = 0;
    QString uuid;
    StepKind kind = StepKind::Custom;
    QString title; // for custom steps
    QTime plannedStart;
    QTime plannedEnd;
    QDateTime actualStart; // invalid until the step starts
    QDateTime actualEnd;
    QString note;

    friend bool operator==(const ScheduleStep &, const ScheduleStep &) = default;
};

} // namespace fs::model
