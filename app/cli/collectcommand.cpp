#include "collectcommand.h"

#include "actor.h"
#include "clicommands.h"
#include "clisupport.h"
#include "devicecollector.h"
#include "pastedtranscript.h"
#include "profileset.h"
#include "secret.h"
#include "serialtransport.h"
#include "sshtransport.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs::cli {

using fs::model::Secret;

namespace {

// "CAF0001/1": the first device in the wiring of line CAF0001.
fs::Result<QString> deviceUuid(const fs::model::SurveyStore &store, const QString &reference)
{
    const QString caf = reference.section(QLatin1Char('/'), 0, 0);
    bool ok = false;
    const int position = reference.section(QLatin1Char('/'), 1, 1).toInt(&ok);
    if (caf.isEmpty() || !ok || position < 1)
        return fs::fail(fs::ErrorCode::InvalidArgument,
                        QStringLiteral("--device wants LINE/N, e.g. CAF0001/1 (got «%1»)").arg(reference));
    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());
    for (const auto &line : *lines) {
        if (line.cafId.compare(caf, Qt::CaseInsensitive) != 0)
            continue;
        if (position > line.devices.size())
            return fs::fail(fs::ErrorCode::NotFound, QStringLiteral("line %1 has %2 devices, not %3")
                                                         .arg(line.cafId)
                                                         .arg(line.devices.size())
                                                         .arg(position));
        return line.devices[position - 1].uuid;
    }
    return fs::fail(fs::ErrorCode::NotFound, QStringLiteral("no line %1 in the survey").arg(caf));
}

QJsonObject outcomeJson(const fs::collect::CollectOutcome &outcome)
{
    QJsonObject json = outcome.facts.toJson();
    json.insert(QStringLiteral("transcript"), outcome.record.transcript.uuid);
    json.insert(QStringLiteral("transcript_sha256"), outcome.record.transcript.sha256);
    json.insert(QStringLiteral("facts_recorded"), int(outcome.record.observations.size()));
    json.insert(QStringLiteral("missing_commands"), QJsonValue::fromVariant(outcome.missing));
    return json;
}

} // namespace

int collect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read a device's facts (vendor, model, firmware, serial, host name, uptime, VPN and remote-admin\n"
        "facts) from the device itself and keep the session as evidence in the survey. Read-only: no\n"
        "configuration command is ever sent. Passwords are asked for (no echo) or read from standard input\n"
        "with --password-stdin (first line: login password, second line: enable password); never from the\n"
        "command line. Exactly one of --ssh, --serial, --transcript."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    const QCommandLineOption deviceOption(
        QStringLiteral("device"),
        QStringLiteral("The device: LINE/N, the N-th device in the wiring of "
                       "line LINE (CAF0001/1)."),
        QStringLiteral("line/n"));
    const QCommandLineOption sshOption(QStringLiteral("ssh"), QStringLiteral("SSH to HOST[:PORT]."),
                                       QStringLiteral("host[:port]"));
    const QCommandLineOption serialOption(QStringLiteral("serial"),
                                          QStringLiteral("The serial console on DEV (/dev/ttyUSB0, COM3)."),
                                          QStringLiteral("dev"));
    const QCommandLineOption baudOption(QStringLiteral("baud"),
                                        QStringLiteral("Serial speed (default 9600)."),
                                        QStringLiteral("rate"), QStringLiteral("9600"));
    const QCommandLineOption flowOption(
        QStringLiteral("flow"), QStringLiteral("Serial flow control: none (default), hardware, software."),
        QStringLiteral("kind"), QStringLiteral("none"));
    const QCommandLineOption breakOption(
        QStringLiteral("send-break"),
        QStringLiteral("Send a break after opening the serial port (never while the "
                       "device boots: it stops a Cisco in ROMMON)."));
    const QCommandLineOption transcriptOption(
        QStringLiteral("transcript"), QStringLiteral("A saved session (another terminal program's log)."),
        QStringLiteral("file"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("The login name."),
                                        QStringLiteral("user"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("SSH private key file."),
                                       QStringLiteral("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("The vendor profile, or auto (default)."),
                                           QStringLiteral("id"), QStringLiteral("auto"));
    const QCommandLineOption legacyOption(
        QStringLiteral("legacy-algorithms"),
        QStringLiteral("Offer old SSH algorithms (group1/14-sha1, ssh-rsa, CBC) "
                       "for this device."));
    const QCommandLineOption acceptOption(
        QStringLiteral("accept-host-key"),
        QStringLiteral("Accept this host key (SHA256:…) for the survey after checking it with the hospital."),
        QStringLiteral("fingerprint"));
    const QCommandLineOption enableOption(
        QStringLiteral("enable"), QStringLiteral("Enter privileged mode (asks for the enable password)."));
    const QCommandLineOption stdinOption(QStringLiteral("password-stdin"),
                                         QStringLiteral("Read the password(s) from standard input."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Seconds a command may take (default 60)."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    for (const auto *o : {&deviceOption, &sshOption, &serialOption, &baudOption, &flowOption, &breakOption,
                          &transcriptOption, &userOption, &keyOption, &profileOption, &legacyOption,
                          &acceptOption, &enableOption, &stdinOption, &timeoutOption})
        parser.addOption(*o);
    if (!parse(parser, QStringLiteral("collect"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("collect needs one survey file"), parser);
    const int methods =
        int(parser.isSet(sshOption)) + int(parser.isSet(serialOption)) + int(parser.isSet(transcriptOption));
    if (methods != 1)
        return usage(QStringLiteral("give exactly one of --ssh, --serial, --transcript"), parser);

    auto profiles = fs::collect::ProfileSet::builtIn();
    if (!profiles)
        return failWith(profiles.error());
    const QString profileId = parser.value(profileOption);
    if (profileId != QLatin1StringView(fs::collect::DeviceCollector::kAuto) && !profiles->profile(profileId))
        return usage(QStringLiteral("no profile «%1» (fieldsurvey-cli parse --list-profiles)").arg(profileId),
                     parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    QString device;
    if (parser.isSet(deviceOption)) {
        auto uuid = deviceUuid(**store, parser.value(deviceOption));
        if (!uuid)
            return failWith(uuid.error());
        device = *uuid;
    }
    const fs::collect::DeviceCollector collector(*profiles);
    fs::collect::CollectRequest request{device, profileId, parser.value(userOption)};
    fs::collect::CollectOutcome outcome;

    if (parser.isSet(transcriptOption)) {
        QFile file(parser.value(transcriptOption));
        if (!file.open(QIODevice::ReadOnly))
            return failWith(
                fs::Error{fs::ErrorCode::Io, file.fileName() + QStringLiteral(": ") + file.errorString()});
        auto imported =
            collector.importTranscript(file.read(fs::collect::PastedTranscript::kMaxBytes + 1), request);
        if (!imported)
            return failWith(imported.error());
        outcome = *imported;
    } else {
        const bool fromStdin = parser.isSet(stdinOption);
        fs::collect::SessionOptions options;
        options.user = parser.value(userOption);
        options.commandTimeoutMs = parser.value(timeoutOption).toInt() * 1000;
        if (options.commandTimeoutMs <= 0)
            return usage(QStringLiteral("--timeout wants seconds"), parser);
        options.idleTimeoutMs = std::min(options.commandTimeoutMs, 20000);
        const bool needPassword = !parser.isSet(keyOption) || fromStdin;
        Secret password = needPassword ? readSecretLine(QStringLiteral("Password: "), fromStdin) : Secret();
        if (parser.isSet(enableOption))
            options.enablePassword = readSecretLine(QStringLiteral("Enable password: "), fromStdin);

        if (parser.isSet(sshOption)) {
            const QString target = parser.value(sshOption);
            fs::collect::SshOptions ssh;
            ssh.host = target.section(QLatin1Char(':'), 0, 0);
            ssh.port = target.contains(QLatin1Char(':')) ? target.section(QLatin1Char(':'), 1).toInt() : 22;
            ssh.user = parser.value(userOption);
            ssh.password = password.clone();
            options.password = std::move(password); // a shell that asks again (rare) gets it too
            ssh.privateKeyPath = parser.value(keyOption);
            ssh.legacyAlgorithms = parser.isSet(legacyOption);
            if (ssh.host.isEmpty() || ssh.port <= 0 || ssh.user.isEmpty())
                return usage(QStringLiteral("--ssh needs HOST[:PORT] and --user"), parser);
            auto known = (*store)->knownHost(ssh.host, ssh.port);
            if (!known)
                return failWith(known.error());
            const QString accept = parser.value(acceptOption);
            std::optional<fs::model::KnownHost> acceptedNow;
            auto check = fs::collect::DeviceCollector::knownHostCheck(*known);
            auto verify = [&](const fs::collect::HostKeyInfo &key) -> fs::Result<void> {
                auto r = check(key);
                if (!r && r.error().code == fs::ErrorCode::HostKeyUnknown && accept == key.fingerprint) {
                    acceptedNow =
                        fs::model::KnownHost{key.host, key.port, key.keyType, key.fingerprint, {}, {}};
                    return {};
                }
                return r;
            };
            fs::collect::SshTransport transport(std::move(ssh), verify);
            outcome = collector.collect(transport, request, std::move(options));
            if (acceptedNow) {
                if (auto a = (*store)->acceptHostKey(*acceptedNow); !a)
                    return failWith(a.error());
            }
            if (outcome.error && outcome.error->code == fs::ErrorCode::HostKeyUnknown) {
                err() << "fieldsurvey-cli: " << outcome.error->detail << '\n'
                      << "Check the fingerprint with the device's administrator, then run again with "
                         "--accept-host-key "
                      << transport.hostKey().fingerprint << Qt::endl;
                return Commands::kFailed;
            }
        } else {
            fs::collect::SerialOptions serial;
            serial.port = parser.value(serialOption);
            serial.baudRate = parser.value(baudOption).toInt();
            if (serial.baudRate <= 0)
                return usage(QStringLiteral("--baud wants a speed such as 9600"), parser);
            const QString flow = parser.value(flowOption);
            if (flow == QStringLiteral("hardware"))
                serial.flowControl = QSerialPort::HardwareControl;
            else if (flow == QStringLiteral("software"))
                serial.flowControl = QSerialPort::SoftwareControl;
            else if (flow != QStringLiteral("none"))
                return usage(QStringLiteral("--flow wants none, hardware or software"), parser);
            serial.sendBreakOnOpen = parser.isSet(breakOption);
            options.password = std::move(password);
            fs::collect::SerialTransport transport(serial);
            outcome = collector.collect(transport, request, std::move(options));
        }
    }
    if (auto kept = fs::collect::DeviceCollector::keep(**store, outcome); !kept)
        return failWith(kept.error());
    if (outcome.error)
        return failWith(*outcome.error);
    out() << QJsonDocument(outcomeJson(outcome)).toJson(QJsonDocument::Indented) << Qt::flush;
    return outcome.facts.identified() ? Commands::kOk : Commands::kFailed;
}

} // namespace fs::cli
