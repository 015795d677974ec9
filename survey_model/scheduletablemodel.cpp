#include "scheduletablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace fs::model {

namespace {

QTime localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().time() : QTime();
}

} // namespace

QString ScheduleTableModel::timeSpan(const QTime &start, const QTime &end)
{
    const QString format = QStringLiteral("HH:mm");
    if (!start.isValid())
        return end.isValid() ? QStringLiteral("–") + end.toString(format) : QString();
    if (!end.isValid())
        return start.toString(format) + QStringLiteral("–");
    if (end == start)
        return start.toString(format);
    return start.toString(format) + QStringLiteral("–") + end.toString(format);
}

void ScheduleTableModel::setDay(const DayProgress &day)
{
    beginResetModel();
    m_day = day;
    endResetModel();
}

int ScheduleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_day.steps.size());
}

int ScheduleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScheduleTableModel::stateKey(StepState state)
{
    switch (state) {
    case StepState::NotStarted:
        return QStringLiteral("not_started");
    case StepState::InProgress:
        return QStringLiteral("in_progress");
    case StepState::Done:
        return QStringLiteral("done");
    }
    return {};
}

QVariant ScheduleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StepProgress &progress = m_day.steps.at(index.row());
    const ScheduleStep &step = progress.step;
    const bool current = index.row() == m_day.currentStep;
    switch (role) {
    case IdRole:
        return step.id;
    case KeyRole:
        if (index.column() == Step)
            return kStepKindKeys.key(step.kind);
        if (index.column() == Status)
            return stateKey(progress.state);
        return {};
    case Qt::FontRole:
        if (current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.row() == m_day.lateStep && (index.column() == Planned || index.column() == Status))
            return QBrush(QColor(0xb0, 0x2a, 0x37));
        if (progress.state == StepState::Done && index.column() == Status)
            return QBrush(QColor(0x19, 0x6c, 0x2e));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Progress)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Planned:
        return timeSpan(step.plannedStart, step.plannedEnd);
    case Step:
        return step.kind == StepKind::Custom ? step.title
                                             : label(QStringLiteral("step"), kStepKindKeys.key(step.kind));
    case Actual:
        return timeSpan(localTime(step.actualStart), localTime(step.actualEnd));
    case Progress:
        return progress.total > 0 ? QStringLiteral("%1 / %2").arg(progress.done).arg(progress.total)
                                  : QString();
    case Status: {
        const QString state = label(QStringLiteral("status"), stateKey(progress.state));
        const QString marker = label(QStringLiteral("status"), QStringLiteral("current"));
        return current && marker.contains(QStringLiteral("%1")) ? marker.arg(state) : state;
    }
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fs::model
