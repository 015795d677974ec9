#include "clicommands.h"

#include "backupcommand.h"
#include "buildinfo.h"
#include "clisupport.h"
#include "collectcommand.h"
#include "connectivitymonitor.h"
#include "database.h"
#include "demosurvey.h"
#include "importcommand.h"
#include "migrator.h"
#include "parsecommand.h"
#include "plancommand.h"
#include "reportcommand.h"
#include "reviewcommand.h"
#include "scancommand.h"
#include "sshlibrary.h"
#include "surveycommands.h"
#include "surveyjson.h"
#include "surveystore.h"
#include "synccommand.h"
#include "terminalcommand.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <functional>

namespace fs::cli {

namespace {

int info(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the versions of FieldSurvey and its components."));
    if (!parse(parser, QStringLiteral("info"), arguments))
        return stopStatus(parser);
    out() << "FieldSurvey " << fs::buildinfo::kVersion << '\n'
          << "survey schema " << fs::model::Migrator::latestVersion() << '\n'
          << "Qt " << qVersion() << '\n'
          << "SQLite " << fs::model::Database::sqliteVersion() << '\n'
          << "libssh " << fs::collect::SshLibrary::version() << Qt::endl;
    return Commands::kOk;
}

int demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the built-in demo survey to a new file."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The survey file to create (.fsv)."));
    if (!parse(parser, QStringLiteral("demo"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("demo needs exactly one file"), parser);
    const QString path = parser.positionalArguments().constFirst();
    if (QFileInfo::exists(path))
        return failWith({ErrorCode::Io, QStringLiteral("%1 exists already; not overwriting it").arg(path)});
    auto store = fs::model::DemoSurvey::createOrReplace(path);
    if (!store)
        return failWith(store.error());
    out() << "wrote " << path << Qt::endl;
    return Commands::kOk;
}

int show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a survey: a summary, or everything as JSON."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The survey file (.fsv)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the whole survey as JSON."));
    parser.addOption(jsonOption);
    if (!parse(parser, QStringLiteral("show"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("show needs exactly one survey file"), parser);

    auto store = fs::model::SurveyStore::open(parser.positionalArguments().constFirst(),
                                              fs::model::SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto data = (*store)->load();
    if (!data)
        return failWith(data.error());
    if (parser.isSet(jsonOption)) {
        out() << QString::fromUtf8(fs::model::SurveyJson::toBytes(*data)) << Qt::flush;
        return Commands::kOk;
    }
    const auto &h = data->hospital;
    out() << h.name << " (" << h.code << ")\n"
          << "survey " << data->survey.uuid << ", schema " << (*store)->schemaVersion() << '\n'
          << "lines: " << data->connectionPoints.size() << '\n';
    for (const auto &line : data->connectionPoints)
        out() << "  " << line.cafId << "  No." << line.lineNo << "  " << line.purpose << "  "
              << line.connectionType << "  devices: " << line.devices.size() << '\n';
    out() << "terminals: " << data->terminals.size() << '\n';
    for (const auto &t : data->terminals)
        out() << "  " << t.terminalNo << "  " << t.hostname << "  " << t.ip << "  " << t.systemType << '\n';
    out() << Qt::flush;
    return Commands::kOk;
}

int network(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the network state the app shows in its status bar: offline, local_network or online."));
    if (!parse(parser, QStringLiteral("network"), arguments))
        return stopStatus(parser);
    const fs::sync::ConnectivityMonitor monitor;
    out() << fs::sync::connectivityKey(monitor.connectivity()) << " (" << monitor.source() << ')' << Qt::endl;
    return Commands::kOk;
}

struct Command
{
    const char *name;
    const char *help;
    std::function<int(const QStringList &)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"import",
         "import a hospital's workbook (別紙2-1): import WORKBOOK.xlsx --out SURVEY.fsv | --dry-run",
         importWorkbook},
        {"show", "print a survey (summary, or --json)", show},
        {"demo", "write the built-in demo survey to a new file", demo},
        {"info", "print versions of FieldSurvey and its components", info},
        {"network", "print the network state (offline / local_network / online)", network},
        {"set", "change fields of a survey: set SURVEY line.CAF0001.note=... (all or nothing)", setFields},
        {"history", "print a survey's audit trail (who changed what, when)", history},
        {"verify", "check a survey file: integrity, format, every photo's SHA-256", verify},
        {"parse", "read saved device output with a vendor profile: parse [--profile auto|ID] FILE (JSON)",
         parseDeviceOutput},
        {"export", "write a verified, compact copy of a survey for review (export SURVEY --out COPY)",
         exportPackage},
        {"collect", "read a device's facts over SSH, a serial console or a saved transcript into a survey",
         collect},
        {"terminal",
         "Windows terminal checks: terminal evaluate FILE.json | import SURVEY FILE.json | script --out DIR",
         terminal},
        {"findings",
         "print a survey's findings (rules + the investigator's judgment): findings SURVEY [--json]",
         findingsCommand},
        {"report", "write the survey report: report SURVEY --pdf OUT.pdf [--xlsx OUT.xlsx]", reportCommand},
        {"scan",
         "the scan day (脆弱性診断): scan list SURVEY [--csv F] | confirm SURVEY LINE --ip A --by N | "
         "import SURVEY FILE.xml…",
         scanCommand},
        {"backup",
         "the offline-backup questionnaire and support class: backup show SURVEY | classify ANSWERS.json | "
         "answer SURVEY ANSWERS.json | override | task | summary SURVEY…",
         backupCommand},
        {"plan", "floor plans from images and PDF pages: plan list | pages | add | rotate | remove",
         planCommand},
        {"pin", "pins on a floor plan: pin add | move | link | remove", pinCommand},
        {"photo", "photos from files or a camera card: photo import | list | link | export", photoCommand},
        {"sync", "sync a survey with the programme's portal (kintone): sync SURVEY --portal CONFIG.json",
         syncCommand},
        {"portal", "the portal: portal schema | hospitals | workbook (the office's apps and submissions)",
         portalCommand},
        {"review",
         "the team lead's review: review SURVEY [--state submitted|returned|approved] [--comment TARGET "
         "--text T] "
         "[--resolve ID]",
         reviewCommand},
        {"portfolio",
         "many surveys at a glance: portfolio FOLDER|SURVEY… (state, 危険/注意, unsynced, comments)",
         portfolioCommand},
    };
    return list;
}

} // namespace

QString Commands::description()
{
    return QStringLiteral("FieldSurvey command-line tool: surveys without the GUI.");
}

QString Commands::summary()
{
    QString text = QStringLiteral("One of:");
    for (const Command &c : commands())
        text += QStringLiteral("\n  %1  %2")
                    .arg(QString::fromLatin1(c.name), -8)
                    .arg(QString::fromLatin1(c.help));
    text += QStringLiteral("\n'fieldsurvey-cli <command> --help' describes a command.");
    return text;
}

int Commands::run(const QString &command, const QStringList &arguments)
{
    for (const Command &c : commands()) {
        if (command == QLatin1StringView(c.name))
            return c.run(arguments);
    }
    err() << "fieldsurvey-cli: unknown command '" << command << "'\n" << summary() << Qt::endl;
    return kUsageError;
}

} // namespace fs::cli
