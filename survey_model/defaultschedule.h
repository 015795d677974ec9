#pragma once

#include "visitday.h"

namespace fs::model {

// The programme's default day plan (DESIGN.md, 当日スケジュール), editable per hospital.
class DefaultSchedule
{
public:
    // The steps of one visit day, without ids or uuids.
    [[nodiscard]] static QList<ScheduleStep> steps();
    [[nodiscard]] static VisitDay day(int dayNo, const QDate &date = {});
};

} // namespace fs::model
