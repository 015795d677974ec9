#pragma once

#include "error.h"

#include <QStringList>

namespace fs::model {

// The read-only terminal collector shipped in the application (resources/collector): the
// PowerShell 5.1 script and the .cmd wrapper the investigator double-clicks.
class TerminalCollector
{
public:
    [[nodiscard]] static QStringList fileNames();
    // Writes both files into folder (e.g. the USB stick); returns the paths written.
    [[nodiscard]] static Result<QStringList> writeTo(const QString &folder);
};

} // namespace fs::model
