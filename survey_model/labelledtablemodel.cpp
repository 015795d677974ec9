#include "labelledtablemodel.h"

namespace fs::model {

void LabelledTableModel::setHeaderLabels(const QStringList &labels)
{
    m_headerLabels = labels;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void LabelledTableModel::setValueLabels(const QHash<QString, QString> &labels)
{
    m_valueLabels = labels;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

QVariant LabelledTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_headerLabels.size())
        return m_headerLabels.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString LabelledTableModel::label(const QString &group, const QString &key) const
{
    return m_valueLabels.value(group + QLatin1Char('/') + key, key);
}

} // namespace fs::model
