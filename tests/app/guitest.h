#pragma once

// Helpers for the GUI tests: finding widgets, pressing keys where the focus is, answering the
// next dialog, typing as a Japanese user does and saving screenshots.

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QPixmap>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

namespace fs::test {

template <typename T>
T *child(const QWidget &window, const char *name)
{
    auto *widget = window.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget %s", name);
    return widget;
}

// Presses a key where the keyboard focus is, as the user does.
inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    if (!target)
        target = QApplication::activeWindow();
    QTest::keyClick(target, key, modifiers);
}

// After a dialog: the window manager gives the window back its focus.
inline bool reactivate(QWidget *window)
{
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window) && QApplication::focusWidget();
}

// Runs handle on the next modal dialog once it is shown and has the focus (the caller then
// opens it). A dialog still open 5 s later is closed, so that a test fails instead of waiting for
// ever.
inline void onNextDialog(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, handle] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (dialog && dialog->isVisible() && dialog->isAncestorOf(QApplication::focusWidget())) {
            timer->stop();
            timer->deleteLater();
            QPointer<QWidget> guard(dialog);
            QTimer::singleShot(5000, qApp, [guard] {
                if (guard && guard->isVisible())
                    guard->close();
            });
            handle(dialog);
        } else if (++*tries > 250) { // 5 s: the test fails on what did not happen
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

// Types text into widget: ASCII as key presses, everything else as an input method commits it
// (which is how Japanese text arrives from an IME).
inline void typeText(QWidget *widget, const QString &text)
{
    QString ascii;
    const auto flush = [&] {
        if (!ascii.isEmpty())
            QTest::keyClicks(widget, ascii);
        ascii.clear();
    };
    QString composed;
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            if (!composed.isEmpty()) {
                QInputMethodEvent event;
                event.setCommitString(composed);
                QCoreApplication::sendEvent(widget, &event);
                composed.clear();
            }
            ascii += c;
        } else {
            flush();
            composed += c;
        }
    }
    flush();
    if (!composed.isEmpty()) {
        QInputMethodEvent event;
        event.setCommitString(composed);
        QCoreApplication::sendEvent(widget, &event);
    }
}

// Saves what the widget shows into the build tree (FS_SCREENSHOT_DIR), for people to look at.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(FS_SCREENSHOT_DIR);
    if (!QDir().mkpath(dir))
        return false;
    QTest::qWait(50); // let pending layout requests settle, as on screen
    const QPixmap pixmap = widget.grab();
    const QString path = QDir(dir).filePath(name);
    if (pixmap.isNull() || !pixmap.save(path))
        return false;
    qInfo("screenshot: %s", qPrintable(path));
    return true;
}

} // namespace fs::test
