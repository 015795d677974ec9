#include "shortcutoverlay.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace fs::app {

namespace {

QString plain(QString text)
{
    // "&Open survey…" → "Open survey…"; Japanese "開く(&O)" → "開く".
    static const QRegularExpression mnemonic(QStringLiteral("\\(&.\\)"));
    text.remove(mnemonic);
    text.remove(QLatin1Char('&'));
    return text;
}

struct Group
{
    QString title;
    QList<std::pair<QString, QString>> keys;
};

QString groupHtml(const Group &group)
{
    QString html = QStringLiteral("<h3 style='margin:0 0 4px 0'>") + group.title.toHtmlEscaped() +
                   QStringLiteral("</h3><table cellspacing='0' cellpadding='3'>");
    for (const auto &[key, text] : group.keys)
        html += QStringLiteral("<tr><td style='padding-right:12px'><b><tt>") + key.toHtmlEscaped() +
                QStringLiteral("</tt></b></td><td>") + text.toHtmlEscaped() + QStringLiteral("</td></tr>");
    return html + QStringLiteral("</table><br/>");
}

} // namespace

ShortcutOverlay::ShortcutOverlay(QWidget *parent)
    : QWidget(parent)
    , m_panel(new QWidget(this))
    , m_columns(new QHBoxLayout)
    , m_title(new QLabel(m_panel))
{
    setObjectName(QStringLiteral("shortcutOverlay"));
    setFocusPolicy(Qt::StrongFocus);
    m_panel->setObjectName(QStringLiteral("shortcutPanel"));
    m_panel->setAutoFillBackground(true);
    auto *panelLayout = new QVBoxLayout(m_panel);
    panelLayout->setContentsMargins(24, 16, 24, 16);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Keyboard shortcuts"));
    panelLayout->addWidget(m_title);
    panelLayout->addLayout(m_columns);
    auto *hint = new QLabel(tr("Esc or F1 closes this list."), m_panel);
    hint->setAlignment(Qt::AlignRight);
    panelLayout->addWidget(hint);
    parent->installEventFilter(this);
    hide();
}

void ShortcutOverlay::showFor(const QMenuBar *menus)
{
    QList<Group> groups;
    for (QAction *menuAction : menus->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        Group group{plain(menu->title()), {}};
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || action->shortcut().isEmpty())
                continue;
            group.keys.append({action->shortcut().toString(QKeySequence::NativeText), plain(action->text())});
        }
        if (!group.keys.isEmpty())
            groups.append(group);
    }
    groups.append(
        Group{tr("In every page"),
              {{tr("Alt+underlined letter"), tr("Go to that field")},
               {QStringLiteral("Tab / Shift+Tab"), tr("Next / previous field; leaving a field saves it")},
               {QStringLiteral("Enter"), tr("In a list: open the item (in the schedule: go to the work)")},
               {QStringLiteral("Ctrl+Enter"), tr("In a note: save it")},
               {QStringLiteral("F2"), tr("Photos: edit the caption")},
               {QStringLiteral("Delete"), tr("Photos, undeclared lines: remove (Ctrl+Z brings back)")},
               {QStringLiteral("Esc"), tr("Close a dialog")}}});

    m_entries.clear();
    while (QLayoutItem *child = m_columns->takeAt(0)) {
        delete child->widget();
        delete child;
    }
    // Groups flow into three columns of about equal length.
    int total = 0;
    for (const Group &g : groups) {
        total += int(g.keys.size()) + 2;
        for (const auto &[key, text] : g.keys)
            m_entries << key + QLatin1Char('\t') + text;
    }
    const int perColumn = (total + 2) / 3;
    QString html;
    int filled = 0;
    for (const Group &g : groups) {
        html += groupHtml(g);
        filled += int(g.keys.size()) + 2;
        if (filled >= perColumn) {
            auto *column = new QLabel(html, m_panel);
            column->setAlignment(Qt::AlignTop | Qt::AlignLeft);
            m_columns->addWidget(column, 1);
            html.clear();
            filled = 0;
        }
    }
    if (!html.isEmpty()) {
        auto *column = new QLabel(html, m_panel);
        column->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        m_columns->addWidget(column, 1);
    }
    setGeometry(parentWidget()->rect());
    m_panel->adjustSize();
    const QSize size = m_panel->sizeHint().boundedTo(this->size() - QSize(32, 32));
    m_panel->setGeometry(QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size));
    show();
    raise();
    setFocus();
}

bool ShortcutOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ShortcutOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

void ShortcutOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 140));
}

} // namespace fs::app
