#include "crashhandler.h"

#include "buildinfo.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTimer>

#include <cstdlib>
#include <cstring>
#include <exception>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <execinfo.h>
#endif
#endif

namespace fs::app {

namespace {

// Everything the signal handler needs, prepared beforehand: it may not allocate.
constexpr int kPathMax = 4096;
char g_reportPath[kPathMax];
char g_executable[kPathMax];
char g_language[16];
char g_header[512];
volatile std::sig_atomic_t g_handling = 0;

#if defined(Q_OS_UNIX)
constexpr int kSignals[] = {SIGSEGV, SIGABRT, SIGFPE, SIGILL, SIGBUS};

const char *signalName(int sig)
{
    switch (sig) {
    case SIGSEGV:
        return "SIGSEGV (invalid memory access)";
    case SIGABRT:
        return "SIGABRT (abort: an unhandled error)";
    case SIGFPE:
        return "SIGFPE (arithmetic error)";
    case SIGILL:
        return "SIGILL (illegal instruction)";
    case SIGBUS:
        return "SIGBUS (bus error)";
    default:
        return "unknown signal";
    }
}

void writeText(int fd, const char *text)
{
    const size_t length = std::strlen(text);
    size_t done = 0;
    while (done < length) {
        const ssize_t n = ::write(fd, text + done, length - done);
        if (n <= 0)
            return;
        done += static_cast<size_t>(n);
    }
}

void onFatalSignal(int sig)
{
    if (g_handling) { // a crash while reporting one: give up at once
        ::signal(sig, SIG_DFL);
        ::raise(sig);
        return;
    }
    g_handling = 1;
    const int fd = ::open(g_reportPath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
        writeText(fd, g_header);
        writeText(fd, "signal: ");
        writeText(fd, signalName(sig));
        writeText(fd, "\n\nstack:\n");
#if defined(__GLIBC__)
        void *frames[64];
        const int count = ::backtrace(frames, 64);
        ::backtrace_symbols_fd(frames, count, fd);
#endif
        ::close(fd);
        // Tell the user from a fresh process; this one is in no state to show windows.
        const pid_t child = ::fork();
        if (child == 0) {
            ::setsid();
            char langOption[] = "--lang";
            char mode[] = "--crash-report";
            char *argv[] = {g_executable, langOption, g_language, mode, g_reportPath, nullptr};
            ::execv(g_executable, argv);
            ::_exit(127);
        }
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}
#endif

void onTerminate()
{
    // An exception nobody caught: name it in the log, then crash through the signal path.
    if (const std::exception_ptr current = std::current_exception()) {
        try {
            std::rethrow_exception(current);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "fieldsurvey: unhandled exception: %s\n", e.what());
        } catch (...) {
            std::fprintf(stderr, "fieldsurvey: unhandled exception of unknown type\n");
        }
    }
    std::abort();
}

void copyInto(char *target, const QByteArray &source)
{
    const qsizetype n = std::min<qsizetype>(source.size(), kPathMax - 1);
    std::memcpy(target, source.constData(), static_cast<size_t>(n));
    target[n] = '\0';
}

} // namespace

void CrashHandler::install(const QString &logDirectory, const QString &executable, const QString &language)
{
    QDir().mkpath(logDirectory);
    const QString report =
        QDir(logDirectory)
            .filePath(QStringLiteral("crash-%1-%2.txt")
                          .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                          .arg(QCoreApplication::applicationPid()));
    copyInto(g_reportPath, QFile::encodeName(report));
    copyInto(g_executable, QFile::encodeName(executable));
    const QByteArray lang = language.toLatin1().left(sizeof g_language - 1);
    std::memcpy(g_language, lang.constData(), static_cast<size_t>(lang.size()));
    g_language[lang.size()] = '\0';
    const QByteArray header =
        QStringLiteral("FieldSurvey %1 crashed\nstarted: %2\nQt: %3\n")
            .arg(QString::fromLatin1(fs::buildinfo::kVersion),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate), QString::fromLatin1(qVersion()))
            .toUtf8();
    const qsizetype n = std::min<qsizetype>(header.size(), qsizetype(sizeof g_header) - 1);
    std::memcpy(g_header, header.constData(), static_cast<size_t>(n));
    g_header[n] = '\0';

    std::set_terminate(onTerminate);
#if defined(Q_OS_UNIX)
#if defined(__GLIBC__)
    void *warmUp[1];
    ::backtrace(warmUp, 1); // loads libgcc now, not in the signal handler
#endif
    struct sigaction action = {};
    action.sa_handler = onFatalSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (const int sig : kSignals)
        ::sigaction(sig, &action, nullptr);
#endif
}

QString CrashHandler::redacted(const QString &text)
{
    static const QRegularExpression credential(
        QStringLiteral("passw|passphrase|token|secret|authoriz|x-cybozu|パスワード"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (credential.match(line).hasMatch())
            line = QStringLiteral("<line removed: it may carry a credential>");
    }
    return lines.join(QLatin1Char('\n'));
}

int CrashHandler::showReport(const QString &reportPath, const QString &logPath)
{
    QFile report(reportPath);
    QString text;
    if (report.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(report.readAll());
    report.close();

    // The last lines of the application log, for support.
    QFile log(logPath);
    if (log.open(QIODevice::ReadOnly)) {
        if (log.size() > 64 * 1024)
            log.seek(log.size() - 64 * 1024);
        QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
        if (lines.size() > 200)
            lines = lines.mid(lines.size() - 200);
        const QString tail = redacted(lines.join(QLatin1Char('\n')));
        text += QStringLiteral("\nlog (last lines):\n") + tail;
        if (report.open(QIODevice::Append))
            report.write(QStringLiteral("\nlog (last lines):\n").toUtf8() + tail.toUtf8());
    }

    QMessageBox box(QMessageBox::Critical, tr("FieldSurvey"), tr("FieldSurvey stopped unexpectedly."),
                    QMessageBox::Ok);
    box.setInformativeText(
        tr("Everything you entered was saved in the survey file when you entered it; open the "
           "survey again to continue.\n\nA report was written to %1. Please send it to support.")
            .arg(QDir::toNativeSeparators(reportPath)));
    box.setDetailedText(text);
    if (qEnvironmentVariableIsSet("FIELDSURVEY_CRASH_TEST")) {
        // Tests: the dialog came up; note it and close it.
        QTimer::singleShot(300, &box, [&box, &reportPath] {
            QFile shown(reportPath + QStringLiteral(".shown"));
            if (shown.open(QIODevice::WriteOnly))
                shown.write(box.informativeText().toUtf8());
            box.accept();
        });
    }
    box.exec();
    return 0;
}

} // namespace fs::app
