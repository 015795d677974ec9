#include "scheduletablemodel.h"

namespace fs::model {

namespace {

QString timeSpan(const QTime &start, const QTime &end)
{
    const QString format = QStringLiteral("HH:mm");
    if (!start.isValid())
        return {};
    if (!end.isValid() || end == start)
        return start.toString(format);
    return start.toString(format) + QStringLiteral("–") + end.toString(format);
}

} // namespace

void ScheduleTableModel::setDays(const QList<VisitDay> &days)
{
    beginResetModel();
    m_rows.clear();
    for (const VisitDay &day : days) {
        for (const ScheduleStep &step : day.steps)
            m_rows.append(Row{day.dayNo, step});
    }
    endResetModel();
}

int ScheduleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ScheduleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScheduleTableModel::progressKey(const ScheduleStep &step)
{
    if (step.actualEnd.isValid())
        return QStringLiteral("done");
    if (step.actualStart.isValid())
        return QStringLiteral("in_progress");
    return QStringLiteral("not_started");
}

QVariant ScheduleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ScheduleStep &step = row.step;
    if (role == IdRole)
        return step.id;
    if (role == KeyRole) {
        if (index.column() == Step)
            return kStepKindKeys.key(step.kind);
        if (index.column() == Status)
            return progressKey(step);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case Day: {
        const QString format = label(QStringLiteral("day"), QStringLiteral("format"));
        return format.contains(QStringLiteral("%1")) ? format.arg(row.dayNo) : QString::number(row.dayNo);
    }
    case Planned:
        return timeSpan(step.plannedStart, step.plannedEnd);
    case Step:
        return step.kind == StepKind::Custom ? step.title
                                             : label(QStringLiteral("step"), kStepKindKeys.key(step.kind));
    case Actual:
        return timeSpan(step.actualStart.toLocalTime().time(), step.actualEnd.toLocalTime().time());
    case Status:
        return label(QStringLiteral("status"), progressKey(step));
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fs::model
