#pragma once

#include "labelledtablemodel.h"
#include "visitday.h"

#include <QList>

namespace fs::model {

// The day schedule (当日スケジュール): one row per step, days in order.
class ScheduleTableModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Day,
        Planned,
        Step,
        Actual,
        Status,
        ColumnCount
    };

    // Value labels this model asks for: "day/format" ("%1日目"), "step/<kind>" and
    // "status/not_started|in_progress|done".
    using LabelledTableModel::LabelledTableModel;

    void setDays(const QList<VisitDay> &days);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "not_started", "in_progress" or "done" from the step's actual times.
    [[nodiscard]] static QString progressKey(const ScheduleStep &step);

private:
    struct Row
    {
        int dayNo = 0;
        ScheduleStep step;
    };
    QList<Row> m_rows;
};

} // namespace fs::model
