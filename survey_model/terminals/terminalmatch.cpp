#include "terminalmatch.h"

namespace fs::model {

namespace {

QString shortName(const QString &name)
{
    return name.trimmed().section(QLatin1Char('.'), 0, 0).toCaseFolded();
}

} // namespace

std::optional<Terminal> TerminalMatch::byComputerName(const QList<Terminal> &terminals,
                                                      const QString &computerName)
{
    const QString wanted = shortName(computerName);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const Terminal &t : terminals) {
        if (shortName(t.hostname) == wanted)
            return t;
    }
    return std::nullopt;
}

QDate TerminalMatch::evaluationDate(const QList<VisitDay> &days, const QDate &today)
{
    QDate best;
    for (const VisitDay &day : days) {
        if (!day.date.isValid() || day.date > today)
            continue;
        const bool hasTerminals = std::any_of(day.steps.begin(), day.steps.end(), [](const ScheduleStep &s) {
            return s.kind == StepKind::Terminals;
        });
        if (hasTerminals && (!best.isValid() || day.date > best))
            best = day.date;
    }
    return best.isValid() ? best : today;
}

} // namespace fs::model
