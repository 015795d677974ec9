#include "clisupport.h"

#include "actor.h"
#include "clicommands.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

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

// A line from the terminal without echo, or from standard input when it is not a terminal.
fs::model::Secret readSecretLine(const QString &prompt, bool fromStdin)
{
    QByteArray line;
#ifdef Q_OS_UNIX
    const bool tty = !fromStdin && isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
#else
    Q_UNUSED(prompt);
    Q_UNUSED(fromStdin);
#endif
    for (int c = std::getchar(); c != EOF && c != '\n' && line.size() < 1024; c = std::getchar())
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
#ifdef Q_OS_UNIX
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
#endif
    return fs::model::Secret::fromUtf8(line);
}

} // namespace fs::cli
