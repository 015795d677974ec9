#include "terminaltablemodel.h"

namespace fs::model {

void TerminalTableModel::setTerminals(const QList<Terminal> &terminals)
{
    beginResetModel();
    m_terminals = terminals;
    endResetModel();
}

int TerminalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_terminals.size());
}

int TerminalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TerminalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Terminal &t = m_terminals.at(index.row());
    if (role == IdRole)
        return t.id;
    if (role == KeyRole && index.column() == CheckState)
        return kTerminalCheckStateKeys.key(t.checkState);
    if (role == Qt::TextAlignmentRole && index.column() == TerminalNo)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole && index.column() == Note)
        return t.note;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case TerminalNo:
        return t.terminalNo;
    case SystemType:
        return t.systemType;
    case UsageForm:
        return t.usageForm;
    case Hostname:
        return t.vdiHostname.isEmpty() ? t.hostname
                                       : t.hostname + QStringLiteral(" (") + t.vdiHostname + QLatin1Char(')');
    case Ip:
        return t.ip;
    case Location:
        return t.location;
    case SecurityProduct:
        return t.securityProduct;
    case CheckState:
        return label(QStringLiteral("check_state"), kTerminalCheckStateKeys.key(t.checkState));
    case Note:
        return t.note;
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags TerminalTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = LabelledTableModel::flags(index);
    if (index.isValid() && index.column() == Note && isEditable())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool TerminalTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isEditable() || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != Note)
        return false;
    emit fieldEdited(FieldRef{Entity::Terminal, m_terminals.at(index.row()).uuid, QStringLiteral("note")},
                     value);
    return true;
}

} // namespace fs::model
