#include "buildinfo.h"
#include "crashhandler.h"
#include "languagesetup.h"
#include "logfile.h"
#include "logging.h"
#include "mainwindow.h"
#include "reviewwindow.h"
#include "surveyeditor.h"
#include "surveystore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace {

// Only for the crash test (FIELDSURVEY_CRASH_TEST=1 and --crash-test): make an edit, then crash
// the way a bug would, so that the test can check the report and the survey afterwards.
void crashAfterAnEdit(fs::app::MainWindow &window)
{
    if (auto *editor = window.editor()) {
        auto ref = window.survey()->resolvePath(QStringLiteral("line.1.note"));
        if (ref)
            editor->setField(*ref, QStringLiteral("entered just before the crash"),
                             QStringLiteral("crash test"));
    }
    std::raise(SIGSEGV);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Info and above reach the log file; QT_LOGGING_RULES overrides.
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false"));
    QApplication::setApplicationName(QString::fromLatin1(fs::buildinfo::kApplicationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(fs::buildinfo::kOrganizationDomain));
    QApplication::setApplicationVersion(QString::fromLatin1(fs::buildinfo::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("jp.example.fieldsurvey"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("FieldSurvey: on-site survey workbench for hospital cybersecurity"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("User interface language: ja (default) or en."),
        QStringLiteral("language"), QString::fromLatin1(fs::app::LanguageSetup::kJapanese));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Open the built-in demo survey (recreated for today)."));
    const QCommandLineOption reviewOption(
        QStringLiteral("review"),
        QStringLiteral("Open the team lead's review window on a folder of survey files (portfolio, "
                       "dashboards, comments, return or approve)."),
        QStringLiteral("folder"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QStringLiteral("Start, open the survey, print what was opened and exit (for installation checks)."));
    QCommandLineOption crashReportOption(QStringLiteral("crash-report"),
                                         QStringLiteral("Show a crash report."), QStringLiteral("file"));
    crashReportOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption crashTestOption(QStringLiteral("crash-test"),
                                       QStringLiteral("Crash on purpose (tests)."));
    crashTestOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {langOption, demoOption, reviewOption, checkOption, crashReportOption, crashTestOption});
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("A survey file (.fsv) to open."),
                                 QStringLiteral("[survey]"));
    parser.process(app);

    const QString logDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                     .filePath(QStringLiteral("logs"));
    if (!fs::app::LanguageSetup::install(app, parser.value(langOption))) {
        std::fprintf(stderr, "fieldsurvey: unsupported language %s (use ja or en)\n",
                     qPrintable(parser.value(langOption)));
        return 2;
    }
    if (parser.isSet(crashReportOption))
        return fs::app::CrashHandler::showReport(
            parser.value(crashReportOption), QDir(logDirectory).filePath(QStringLiteral("fieldsurvey.log")));

    fs::app::LogFile::install(logDirectory);
    fs::app::CrashHandler::install(logDirectory, QCoreApplication::applicationFilePath(),
                                   parser.value(langOption));

    if (parser.isSet(reviewOption)) {
        fs::app::ReviewWindow review(fs::model::Clock::system());
        review.openFolder(parser.value(reviewOption));
        review.show();
        if (parser.isSet(checkOption))
            QTimer::singleShot(0, &app, [&review] {
                std::printf("FieldSurvey %s: review of %lld survey(s)\n", fs::buildinfo::kVersion,
                            static_cast<long long>(review.loaded().surveys.size()));
                std::fflush(stdout);
                QCoreApplication::exit(review.loaded().failures.isEmpty() ? 0 : 1);
            });
        const int status = QApplication::exec();
        fs::app::LogFile::uninstall();
        return status;
    }

    fs::app::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    bool opened = true;
    if (parser.isSet(demoOption))
        opened = window.openDemoSurvey();
    else if (!positional.isEmpty())
        opened = window.openSurveyFile(positional.constFirst());
    window.show();
    qCInfo(fs::app::lcUi) << "FieldSurvey" << fs::buildinfo::kVersion << "started";

    if (parser.isSet(checkOption)) {
        QTimer::singleShot(0, &app, [&window, opened] {
            const QString what = window.survey() ? window.windowTitle() : QStringLiteral("no survey");
            std::printf("FieldSurvey %s: %s\n", fs::buildinfo::kVersion, qPrintable(what));
            std::fflush(stdout);
            QCoreApplication::exit(opened ? 0 : 1);
        });
    }
    if (parser.isSet(crashTestOption) && qEnvironmentVariableIsSet("FIELDSURVEY_CRASH_TEST"))
        QTimer::singleShot(0, &app, [&window] { crashAfterAnEdit(window); });

    const int status = QApplication::exec();
    fs::app::LogFile::uninstall();
    return status;
}
