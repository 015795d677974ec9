#pragma once

#include "fieldref.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace fs::model {

// Base of the survey table models. Libraries do not translate, so the application hands in the
// header labels and the display text of stable keys ("origin/found_on_site" → 未申告); a key
// without a label shows as itself.
//
// Editable cells do not write: they emit fieldEdited() and the application applies the edit
// through SurveyEditor (one undo step, one transaction), then refreshes the model.
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
    // Whether editable cells accept edits (false for a read-only survey).
    void setEditable(bool editable) { m_editable = editable; }
    [[nodiscard]] bool isEditable() const { return m_editable; }

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

signals:
    void fieldEdited(const fs::model::FieldRef &ref, const QVariant &value);

protected:
    // The label of "group/key", or key itself.
    [[nodiscard]] QString label(const QString &group, const QString &key) const;

private:
    bool m_editable = false;
    QStringList m_headerLabels;
    QHash<QString, QString> m_valueLabels;
};

} // namespace fs::model
