#pragma once

#include "surveyprogress.h"

#include <QCoreApplication>
#include <QString>

namespace fs::app {

// What a missing item of the day means, in the user's language: "CAF0003: ONU の写真がありません".
class MissingItemText
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::MissingItemText)

public:
    [[nodiscard]] static QString describe(const fs::model::MissingItem &item);
    // The same without the line, device or terminal it is about: "ONU の写真がありません".
    [[nodiscard]] static QString brief(const fs::model::MissingItem &item);
    // What it is about: "CAF0003", "端末 2"; empty for the day's own items.
    [[nodiscard]] static QString about(const fs::model::MissingItem &item);
    // The step's name as the schedule shows it.
    [[nodiscard]] static QString stepName(const fs::model::ScheduleStep &step);
};

} // namespace fs::app
