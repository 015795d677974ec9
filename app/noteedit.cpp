#include "noteedit.h"

#include <QKeyEvent>

namespace fs::app {

NoteEdit::NoteEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void NoteEdit::setNote(const QString &text)
{
    if (toPlainText() != text)
        setPlainText(text);
}

void NoteEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    emit editingFinished();
}

void NoteEdit::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers().testFlag(Qt::ControlModifier)) {
        emit editingFinished();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace fs::app
