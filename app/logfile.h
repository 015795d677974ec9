#pragma once

#include <QString>

namespace fs::app {

// The application's one message handler: every qC* message goes to stderr and to a log file in
// the app's data folder (logs/fieldsurvey.log), rotated at 1 MiB with three old files kept.
// Messages never carry secrets (see STYLE.md); the file is there for support.
class LogFile
{
public:
    static constexpr qint64 kMaxBytes = 1024 * 1024;
    static constexpr int kKeptFiles = 3;

    // Installs the handler writing to directory/fieldsurvey.log; false when it cannot be opened
    // (messages then go to stderr only).
    static bool install(const QString &directory);
    static void uninstall();

    [[nodiscard]] static QString currentPath();
};

} // namespace fs::app
