#pragma once

#include "terminal.h"
#include "visitday.h"

#include <QDate>
#include <QList>

#include <optional>

namespace fs::model {

// Which surveyed terminal a collector file belongs to, and on which day it is judged.
class TerminalMatch
{
public:
    // The terminal whose declared host name is the file's computer name (case-insensitive; a
    // domain suffix on either side is ignored).
    [[nodiscard]] static std::optional<Terminal> byComputerName(const QList<Terminal> &terminals,
                                                                const QString &computerName);
    // The survey day a terminal check is judged on: the date of the visit day whose plan holds
    // the terminal step (the latest such day not after today), else today.
    [[nodiscard]] static QDate evaluationDate(const QList<VisitDay> &days, const QDate &today);
};

} // namespace fs::model
