#pragma once

#include "surveyprogress.h"

#include <QDockWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fs::app {

// What is still missing for the day, per step; Enter (or a double click) on an item goes to where
// it is entered. Docked beside every page, so nothing is forgotten whichever page is open.
class CompletenessPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit CompletenessPanel(QWidget *parent = nullptr);

    void setDay(const fs::model::DayProgress &day, const QString &dayTitle);
    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    [[nodiscard]] int missingCount() const { return int(m_items.size()); }
    // Shows the panel and puts the focus on its first open item.
    void focusItems();

signals:
    void itemActivated(const fs::model::MissingItem &item);

private:
    void activate(QTreeWidgetItem *item);

    QLabel *m_summary;
    QTreeWidget *m_tree;
    QList<fs::model::MissingItem> m_items;
};

} // namespace fs::app
