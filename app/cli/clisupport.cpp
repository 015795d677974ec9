#include "clisupport.h"

#include "actor.h"
#include "clicommands.h"

namespace fs::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int failWith(const fs::Error &error)
{
    err() << "fieldsurvey-cli: " << describe(error) << Qt::endl;
    return Commands::kFailed;
}

int usage(const QString &message, const QCommandLineParser &parser)
{
    err() << "fieldsurvey-cli: " << message << "\n\n" << parser.helpText() << Qt::flush;
    return Commands::kUsageError;
}

// Parses a subcommand's own arguments; false (with a usage message printed) on error.
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("fieldsurvey-cli ") + command} + arguments)) {
        usage(parser.errorText(), parser);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        return false;
    }
    return true;
}

int stopStatus(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("help")) ? Commands::kOk : Commands::kUsageError;
}

fs::Result<std::unique_ptr<fs::model::SurveyStore>> openForEditing(const QString &path)
{
    auto store = fs::model::SurveyStore::open(path, fs::model::SurveyStore::OpenMode::ReadWrite);
    if (!store)
        return store;
    if ((*store)->isReadOnly())
        return tl::unexpected(*(*store)->readOnlyReason());
    (*store)->setActor(fs::model::defaultActor());
    return store;
}

std::optional<QDate> dateOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return QDate();
    const QDate date = QDate::fromString(parser.value(option), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace fs::cli
