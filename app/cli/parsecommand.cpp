#include "parsecommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "deviceoutput.h"
#include "profileparser.h"
#include "profileset.h"

#include <QFile>
#include <QJsonDocument>

namespace fs::cli {

namespace {

using fs::collect::DeviceFacts;
using fs::collect::DeviceOutput;
using fs::collect::ProfileParser;
using fs::collect::ProfileSet;

int listProfiles(const ProfileSet &profiles)
{
    for (const auto &profile : profiles.profiles())
        out() << profile.id << '\t' << profile.name << '\n';
    out() << Qt::flush;
    return Commands::kOk;
}

} // namespace

int parseDeviceOutput(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read saved output of a device's version command (show version, get system status, ...) with a\n"
        "vendor profile and print what it says as JSON: profile, vendor, model, version, serial,\n"
        "hostname, uptime, facts, encoding, notes. Exit status 0 when vendor and model or a version\n"
        "were found; 1 otherwise, with the reasons on stderr."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("The saved output (any encoding a profile lists)."));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("A profile id, or auto (default) to detect the platform."),
        QStringLiteral("id"), QStringLiteral("auto"));
    const QCommandLineOption commandOption(
        QStringLiteral("command"),
        QStringLiteral("The command that printed the output (\"show version\"); rules tied to other commands "
                       "are then skipped."),
        QStringLiteral("text"));
    const QCommandLineOption listOption(QStringLiteral("list-profiles"),
                                        QStringLiteral("List the profile ids and names, then exit."));
    const QCommandLineOption profilesDirOption(
        QStringLiteral("profiles-dir"),
        QStringLiteral("Use the profiles of this folder instead of the built-in ones."),
        QStringLiteral("folder"));
    parser.addOptions({profileOption, commandOption, listOption, profilesDirOption});
    if (!parse(parser, QStringLiteral("parse"), arguments))
        return stopStatus(parser);

    auto profiles = parser.isSet(profilesDirOption)
                        ? ProfileSet::fromDirectory(parser.value(profilesDirOption))
                        : ProfileSet::builtIn();
    if (!profiles)
        return failWith(profiles.error());
    if (parser.isSet(listOption))
        return listProfiles(*profiles);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("parse needs exactly one file"), parser);

    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failWith({ErrorCode::Io, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())});
    // One byte more than the decoder keeps, so it can say the output was cut.
    const QByteArray bytes = file.read(DeviceOutput::kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failWith({ErrorCode::Io, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())});

    const QString profileId = parser.value(profileOption);
    DeviceFacts facts;
    if (profileId == QLatin1StringView("auto")) {
        facts = ProfileParser::parseAutoBytes(*profiles, bytes);
        if (!facts.profileId.isEmpty() && parser.isSet(commandOption))
            facts = ProfileParser::parseBytes(*profiles->profile(facts.profileId), bytes,
                                              parser.value(commandOption));
    } else {
        const auto *profile = profiles->profile(profileId);
        if (!profile)
            return usage(QStringLiteral("no profile '%1' (see --list-profiles)").arg(profileId), parser);
        facts = ProfileParser::parseBytes(*profile, bytes, parser.value(commandOption));
    }

    out() << QString::fromUtf8(QJsonDocument(facts.toJson()).toJson(QJsonDocument::Indented)) << Qt::flush;
    if (facts.identified())
        return Commands::kOk;
    err() << "fieldsurvey-cli: " << path << ": the device could not be identified\n";
    for (const QString &note : std::as_const(facts.notes))
        err() << "  " << note << '\n';
    err() << Qt::flush;
    return Commands::kFailed;
}

} // namespace fs::cli
