#pragma once

#include "labelledtablemodel.h"
#include "terminal.h"

#include <QList>

namespace fs::model {

// The survey's terminals (調査端末), one row per terminal.
class TerminalTableModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TerminalNo,
        SystemType,
        UsageForm,
        Hostname,
        Ip,
        Location,
        SecurityProduct,
        CheckState,
        Note, // the investigator's note, editable
        ColumnCount
    };

    using LabelledTableModel::LabelledTableModel;

    void setTerminals(const QList<Terminal> &terminals);
    [[nodiscard]] const QList<Terminal> &terminals() const { return m_terminals; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QList<Terminal> m_terminals;
};

} // namespace fs::model
