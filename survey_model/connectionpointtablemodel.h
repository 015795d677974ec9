#pragma once

#include "connectionpoint.h"
#include "labelledtablemodel.h"

#include <QList>

namespace fs::model {

// The survey's external lines (外部接続点), one row per line.
class ConnectionPointTableModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CafId,
        LineNo,
        Purpose,
        LineType,
        Carrier,
        ConnectionType,
        OnuLocation,
        Devices,
        OriginColumn,
        Note, // the investigator's note, editable
        ColumnCount
    };

    using LabelledTableModel::LabelledTableModel;

    void setConnectionPoints(const QList<ConnectionPoint> &points);
    [[nodiscard]] const QList<ConnectionPoint> &connectionPoints() const { return m_points; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QList<ConnectionPoint> m_points;
};

} // namespace fs::model
