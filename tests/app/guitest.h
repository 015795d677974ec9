#pragma once

// Helpers for the GUI tests: typing as a Japanese user does and saving screenshots.

#include <QDir>
#include <QInputMethodEvent>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace fs::test {

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
