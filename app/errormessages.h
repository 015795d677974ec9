#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QString>

namespace fs::app {

// Translated, user-facing text for library errors. The error's detail is technical and goes to
// the log and the dialog's details, never into the headline.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ErrorMessages)

public:
    [[nodiscard]] static QString headline(const fs::Error &error);
};

} // namespace fs::app
