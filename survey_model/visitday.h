#pragma once

#include "schedulestep.h"

#include <QDate>
#include <QList>
#include <QString>

namespace fs::model {

// One day of the visit with its schedule; a survey with many lines spans two days.
struct VisitDay
{
    qint64 id = 0;
    QString uuid;
    int dayNo = 1;
    QDate date; // invalid until planned
    QString note;
    QString attendees; // 立会い: who of the hospital attends, one per line
    QList<ScheduleStep> steps;

    friend bool operator==(const VisitDay &, const VisitDay &) = default;
};

} // namespace fs::model
