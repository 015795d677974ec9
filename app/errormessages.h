#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace fs::app {

// Translated, user-facing text for library errors. The error's detail is technical and goes to
// the log and the dialog's details, never into the headline.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ErrorMessages)

public:
    [[nodiscard]] static QString headline(const fs::Error &error);

    // Where the error's technical detail goes in show().
    enum class Detail
    {
        Folded, // behind "Show Details…"
        Shown   // under the headline as well: the file and line of a bad input the user must fix
    };
    // Logs "<action> failed: …" and shows a warning box: the action as its text, the headline
    // below, the detail as Detail says.
    static void show(QWidget *parent, const QString &title, const QString &action, const fs::Error &error,
                     Detail detail = Detail::Folded);
};

} // namespace fs::app
