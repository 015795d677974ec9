#pragma once

#include <QPlainTextEdit>

namespace fs::app {

// A multi-line note that commits like a line edit: editingFinished() when it loses the focus or
// on Ctrl+Return. Tab moves to the next field, as everywhere else in a form.
class NoteEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit NoteEdit(QWidget *parent = nullptr);

    // Replaces the text without disturbing the cursor when it is the same.
    void setNote(const QString &text);

signals:
    void editingFinished();

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace fs::app
