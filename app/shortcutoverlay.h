#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QMenuBar;

namespace fs::app {

// F1: every keyboard shortcut of the window over a dimmed window, read from the menus themselves
// (so it is never out of date) plus the keys that work in every form. Esc, F1 or a click closes it.
class ShortcutOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit ShortcutOverlay(QWidget *parent);

    // Rebuilds the list from the menus and shows the overlay over the parent.
    void showFor(const QMenuBar *menus);
    // The shortcuts shown, as "key\tdescription" lines (for tests).
    [[nodiscard]] QStringList entries() const { return m_entries; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QWidget *m_panel;
    QHBoxLayout *m_columns;
    QLabel *m_title;
    QStringList m_entries;
};

} // namespace fs::app
