#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace fs::model {

// Base of the survey table models. Libraries do not translate, so the application hands in the
// header labels and the display text of stable keys ("origin/found_on_site" → 未申告); a key
// without a label shows as itself.
class LabelledTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // The entity's database id of a row, for navigation.
    static constexpr int IdRole = Qt::UserRole + 1;
    // The stable key behind an enum-valued cell ("found_on_site").
    static constexpr int KeyRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setHeaderLabels(const QStringList &labels);
    void setValueLabels(const QHash<QString, QString> &labels);

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    // The label of "group/key", or key itself.
    [[nodiscard]] QString label(const QString &group, const QString &key) const;

private:
    QStringList m_headerLabels;
    QHash<QString, QString> m_valueLabels;
};

} // namespace fs::model
