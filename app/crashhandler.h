#pragma once

#include <QCoreApplication>
#include <QString>

namespace fs::app {

// What happens when FieldSurvey crashes. A fatal signal (or an exception nobody caught) writes a
// crash report — version, signal, stack — into the log folder, starts FieldSurvey again in its
// report mode to tell the user, and ends the process. Nothing more is needed to keep the survey:
// every edit was committed when it was made, so the survey file is intact.
//
// The report holds no command line, no environment and no survey data; the report dialog adds
// the tail of the application log (which never carries secrets) with anything that looks like a
// credential blanked out.
class CrashHandler
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::CrashHandler)

public:
    // Installs the handlers. executable is started as `executable --lang LANGUAGE --crash-report
    // FILE` after a crash. On platforms without POSIX signals only std::terminate is handled.
    static void install(const QString &logDirectory, const QString &executable, const QString &language);

    // The report mode: shows the crash dialog for reportPath and appends the log tail to it.
    // Returns the exit status.
    static int showReport(const QString &reportPath, const QString &logPath);

    // Removes lines that look as if they carry a credential (password, passphrase, token,
    // secret, authorization), whatever the log says.
    [[nodiscard]] static QString redacted(const QString &text);
};

} // namespace fs::app
