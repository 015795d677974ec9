#include "completenesspanel.h"

#include "missingitemtext.h"
#include "pageicons.h"

#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fs::app {

namespace {

constexpr int kItemRole = Qt::UserRole + 1; // index into m_items, -1 for a step

} // namespace

CompletenessPanel::CompletenessPanel(QWidget *parent)
    : QDockWidget(tr("Still missing"), parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("completenessPanel"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setObjectName(QStringLiteral("completenessSummaryLabel"));
    m_summary->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("completenessTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setToolTip(tr("Enter goes to where the item is entered"));
    layout->addWidget(m_summary);
    layout->addWidget(m_tree);
    setWidget(content);
    connect(m_tree, &QTreeWidget::itemActivated, this, &CompletenessPanel::activate);
}

void CompletenessPanel::setDay(const fs::model::DayProgress &day, const QString &dayTitle)
{
    // Keep the place in the list when it is refilled after an edit.
    QString currentText;
    if (auto *current = m_tree->currentItem())
        currentText = current->toolTip(0).isEmpty() ? current->text(0) : current->toolTip(0);
    m_tree->clear();
    m_items.clear();
    QSet<fs::model::StepKind> shared;
    QTreeWidgetItem *restore = nullptr;
    for (const auto &step : day.steps) {
        const auto kind = step.step.kind;
        if (kind == fs::model::StepKind::ConnectionPoints || kind == fs::model::StepKind::Terminals) {
            if (shared.contains(kind))
                continue;
            shared.insert(kind);
        }
        const bool done = step.state == fs::model::StepState::Done;
        auto *top = new QTreeWidgetItem(m_tree);
        top->setText(
            0,
            step.total > 0
                ? tr("%1 (%2 / %3)").arg(MissingItemText::stepName(step.step)).arg(step.done).arg(step.total)
                : MissingItemText::stepName(step.step));
        top->setIcon(0, PageIcons::status(done));
        top->setData(0, kItemRole, -1);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        // Items of a line or terminal are grouped under it.
        QTreeWidgetItem *group = nullptr;
        QString groupName;
        for (const auto &missing : step.missing) {
            const QString about = MissingItemText::about(missing);
            QTreeWidgetItem *parent = top;
            if (!about.isEmpty()) {
                if (!group || about != groupName) {
                    group = new QTreeWidgetItem(top);
                    group->setText(0, about);
                    group->setData(0, kItemRole, -1);
                    group->setExpanded(true);
                    groupName = about;
                }
                parent = group;
            }
            auto *child = new QTreeWidgetItem(parent);
            child->setText(0, MissingItemText::brief(missing));
            child->setToolTip(0, MissingItemText::describe(missing));
            child->setData(0, kItemRole, int(m_items.size()));
            m_items.append(missing);
            if (child->toolTip(0) == currentText)
                restore = child;
        }
        top->setExpanded(!done);
        if (top->text(0) == currentText)
            restore = top;
    }
    if (restore)
        m_tree->setCurrentItem(restore);
    if (day.steps.isEmpty())
        m_summary->setText(tr("No survey open."));
    else if (m_items.isEmpty())
        m_summary->setText(tr("%1: everything is recorded.").arg(dayTitle));
    else
        m_summary->setText(tr("%1: %n item(s) still missing.", nullptr, int(m_items.size())).arg(dayTitle));
}

void CompletenessPanel::focusItems()
{
    show();
    raise();
    m_tree->setFocus();
    if (!m_tree->currentItem()) {
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            auto *top = m_tree->topLevelItem(i);
            QTreeWidgetItem *first = top;
            while (first->childCount() > 0)
                first = first->child(0);
            if (first != top) {
                m_tree->setCurrentItem(first);
                return;
            }
        }
    }
}

void CompletenessPanel::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int index = item->data(0, kItemRole).toInt();
    if (index < 0) {
        // A step or a line: go to its first open item.
        if (item->childCount() > 0)
            activate(item->child(0));
        return;
    }
    if (index < m_items.size())
        emit itemActivated(m_items[index]);
}

} // namespace fs::app
