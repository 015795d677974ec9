#include "buildinfo.h"
#include "languagesetup.h"
#include "logfile.h"
#include "logging.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Info and above reach the log file; QT_LOGGING_RULES overrides.
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false"));
    QApplication::setApplicationName(QString::fromLatin1(fs::buildinfo::kApplicationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(fs::buildinfo::kOrganizationDomain));
    QApplication::setApplicationVersion(QString::fromLatin1(fs::buildinfo::kVersion));

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
    parser.addOption(langOption);
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("A survey file (.fsv) to open."),
                                 QStringLiteral("[survey]"));
    parser.process(app);

    const QString logDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                     .filePath(QStringLiteral("logs"));
    fs::app::LogFile::install(logDirectory);

    if (!fs::app::LanguageSetup::install(app, parser.value(langOption))) {
        qCCritical(fs::app::lcUi) << "unsupported language" << parser.value(langOption) << "- use ja or en";
        return 2;
    }

    fs::app::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(demoOption))
        window.openDemoSurvey();
    else if (!positional.isEmpty())
        window.openSurveyFile(positional.constFirst());
    window.show();
    qCInfo(fs::app::lcUi) << "FieldSurvey" << fs::buildinfo::kVersion << "started";
    const int status = QApplication::exec();
    fs::app::LogFile::uninstall();
    return status;
}
