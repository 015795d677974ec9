// fieldsurvey-cli: FieldSurvey without a GUI. A QCoreApplication: no widgets, no display needed.
#include "buildinfo.h"
#include "clicommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    // Writing the report needs fonts and QPdfWriter: a QGuiApplication, but never a display.
    const bool needsGui = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (needsGui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                             : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    // Quiet by default: results go to stdout, problems to stderr. QT_LOGGING_RULES overrides.
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false\nfs.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("fieldsurvey-cli"));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(fs::buildinfo::kOrganizationDomain));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fs::buildinfo::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(fs::cli::Commands::description());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), fs::cli::Commands::summary(),
                                 QStringLiteral("<command>"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return fs::cli::Commands::kUsageError;
    }
    const QString command = arguments.takeFirst();
    return fs::cli::Commands::run(command, arguments);
}
