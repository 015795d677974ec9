#pragma once

#include "labelledtablemodel.h"
#include "surveyprogress.h"

#include <QList>

namespace fs::model {

// One day of the schedule (当日スケジュール): one row per step with its planned and actual times
// and how much of what it needs has been captured. The current step is bold; a step of a kind
// that is running late is shown in the warning colour.
class ScheduleTableModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Planned,
        Step,
        Actual,
        Progress,
        Status,
        ColumnCount
    };

    // Value labels this model asks for: "step/<kind>", "status/not_started|in_progress|done",
    // "status/current" (the marker of the current step).
    using LabelledTableModel::LabelledTableModel;

    void setDay(const DayProgress &day);
    [[nodiscard]] const DayProgress &day() const { return m_day; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    [[nodiscard]] static QString stateKey(StepState state);
    // "09:00–09:30", or "09:00" for a step planned as a moment (arrival).
    [[nodiscard]] static QString timeSpan(const QTime &start, const QTime &end);

private:
    DayProgress m_day;
};

} // namespace fs::model
