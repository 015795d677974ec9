#include "connectionpointtablemodel.h"

namespace fs::model {

namespace {

// "Fortinet FortiGate-60F / ヤマハ RTX830": the line's devices in the order they were listed.
QString deviceSummary(const QList<Device> &devices)
{
    QStringList parts;
    for (const Device &d : devices) {
        const QString name = QStringList{d.maker, d.model}.join(QLatin1Char(' ')).trimmed();
        parts.append(name.isEmpty() ? d.hostname : name);
    }
    return parts.join(QStringLiteral(" / "));
}

} // namespace

void ConnectionPointTableModel::setConnectionPoints(const QList<ConnectionPoint> &points)
{
    beginResetModel();
    m_points = points;
    endResetModel();
}

int ConnectionPointTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_points.size());
}

int ConnectionPointTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionPointTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionPoint &c = m_points.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role == KeyRole && index.column() == OriginColumn)
        return kOriginKeys.key(c.origin);
    if (role == Qt::TextAlignmentRole && index.column() == LineNo)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole && index.column() == Note)
        return c.note;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case CafId:
        return c.cafId;
    case LineNo:
        return c.lineNo;
    case Purpose:
        return c.purpose;
    case LineType:
        return c.lineType;
    case Carrier:
        return c.carrier;
    case ConnectionType:
        return c.connectionType;
    case OnuLocation:
        return c.onuLocationFound.isEmpty() ? c.onuLocation : c.onuLocationFound;
    case Devices:
        return deviceSummary(c.devices);
    case OriginColumn:
        return label(QStringLiteral("origin"), kOriginKeys.key(c.origin));
    case Note:
        return c.note;
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags ConnectionPointTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = LabelledTableModel::flags(index);
    if (index.isValid() && index.column() == Note && isEditable())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ConnectionPointTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isEditable() || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != Note)
        return false;
    emit fieldEdited(FieldRef{Entity::ConnectionPoint, m_points.at(index.row()).uuid, QStringLiteral("note")},
                     value);
    return true;
}

} // namespace fs::model
