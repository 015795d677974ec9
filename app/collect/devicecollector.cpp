#include "devicecollector.h"

#include "deviceoutput.h"
#include "logging.h"
#include "pastedtranscript.h"
#include "profileset.h"
#include "readonlyguard.h"
#include "secretredactor.h"
#include "transport.h"

#include <QSet>

namespace fs::collect {

using fs::model::Transcript;
using fs::model::TranscriptMethod;

namespace {

bool isAuto(const QString &profileId)
{
    return profileId.isEmpty() || profileId == QLatin1StringView(DeviceCollector::kAuto);
}

} // namespace

DeviceCollector::DeviceCollector(const ProfileSet &profiles)
    : m_profiles(profiles)
{
}

SessionRules DeviceCollector::rulesFor(const QString &profileId) const
{
    if (!isAuto(profileId)) {
        if (const DeviceProfile *profile = m_profiles.profile(profileId))
            return SessionRules::fromProfile(*profile);
    }
    SessionRules rules;
    // Any prompt: a short last line ending in a mode marker.
    rules.prompt = QRegularExpression(QStringLiteral("^[^\\n]{0,80}[>#$%\\]]\\s?$"));
    QSet<QString> commands;
    QSet<QString> pagers;
    for (const DeviceProfile &profile : m_profiles.profiles()) {
        const auto rules0 = SessionRules::fromProfile(profile);
        for (const auto &pager : rules0.pagers) {
            if (!pagers.contains(pager.pattern.pattern())) {
                pagers.insert(pager.pattern.pattern());
                rules.pagers.append(pager);
            }
        }
        for (const auto &banner : rules0.banners)
            rules.banners.append(banner);
        rules.errors += rules0.errors;
        for (const QString &encoding : rules0.encodings) {
            if (!rules.encodings.contains(encoding))
                rules.encodings.append(encoding);
        }
        if (!profile.commands.isEmpty()) {
            const QString first = profile.commands.first().command;
            if (!commands.contains(first) && ReadOnlyGuard::isAllowed(first)) {
                commands.insert(first);
                rules.commands.append(SessionRules::Command{profile.commands.first().id, first, true, false});
            }
        }
    }
    return rules;
}

DeviceFacts DeviceCollector::parse(const QString &profileId, const QMap<QString, QByteArray> &outputs) const
{
    if (!isAuto(profileId)) {
        if (const DeviceProfile *profile = m_profiles.profile(profileId))
            return ProfileParser::parse(*profile, outputs);
    }
    // Which platform answered: the best detection over everything it printed.
    QByteArray all;
    for (const QByteArray &output : outputs)
        all += output + '\n';
    const QString text = DeviceOutput::decode(all, m_profiles.encodings()).text;
    const auto detections = m_profiles.detect(text);
    if (detections.isEmpty() || detections.first().score < ProfileSet::kMinimumScore) {
        DeviceFacts none;
        none.notes.append(ProfileParser::noProfileNote());
        return none;
    }
    return ProfileParser::parse(*m_profiles.profile(detections.first().profileId), outputs);
}

QMap<QString, QString> DeviceCollector::observationsOf(const DeviceFacts &facts)
{
    QMap<QString, QString> map{
        {QStringLiteral("vendor"), facts.vendor},     {QStringLiteral("model"), facts.model},
        {QStringLiteral("firmware"), facts.version},  {QStringLiteral("serial"), facts.serial},
        {QStringLiteral("hostname"), facts.hostname}, {QStringLiteral("uptime"), facts.uptime}};
    for (auto it = facts.facts.cbegin(); it != facts.facts.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

CollectOutcome DeviceCollector::collect(Transport &transport, const CollectRequest &request,
                                        SessionOptions options, const Cancellation *cancellation,
                                        std::function<void(const QString &)> observer) const
{
    CollectOutcome outcome;
    Transcript &transcript = outcome.record.transcript;
    transcript.deviceUuid = request.deviceUuid;
    transcript.method = transport.method();
    transcript.peer = transport.peer();
    transcript.userName = request.userName;
    transcript.startedAt = QDateTime::currentDateTimeUtc();

    CliSession session(transport, rulesFor(request.profileId), std::move(options), cancellation);
    if (observer)
        session.setDataObserver(std::move(observer));
    auto result = session.run();
    transcript.endedAt = QDateTime::currentDateTimeUtc();
    transcript.text = session.transcript();
    if (const auto *ssh = dynamic_cast<const SshTransport *>(&transport)) {
        outcome.hostKey = ssh->hostKey();
        transcript.hostKeyFingerprint = ssh->hostKey().fingerprint;
    }
    if (!result) {
        outcome.error = result.error();
        qCInfo(lcSsh) << "session with" << transport.peer() << "failed:" << describe(result.error());
        return outcome;
    }
    outcome.facts = parse(request.profileId, result->outputs);
    outcome.missing = result->missing;
    transcript.profile = outcome.facts.profileId;
    qCInfo(lcSsh) << "collected from" << transport.peer() << "profile" << outcome.facts.profileId << "model"
                  << outcome.facts.model << "version" << outcome.facts.version;
    return outcome;
}

fs::Result<void> DeviceCollector::keep(fs::model::SurveyStore &store, CollectOutcome &outcome)
{
    if (outcome.record.transcript.text.trimmed().isEmpty())
        return {};
    const QMap<QString, QString> facts =
        outcome.error ? QMap<QString, QString>() : observationsOf(outcome.facts);
    auto record = store.recordCollection(outcome.record.transcript, facts);
    if (!record)
        return tl::unexpected(record.error());
    outcome.record = *record;
    return {};
}

fs::Result<CollectOutcome> DeviceCollector::importTranscript(const QByteArray &log,
                                                             const CollectRequest &request) const
{
    if (log.size() > PastedTranscript::kMaxBytes)
        return fs::fail(
            fs::ErrorCode::InvalidData,
            QStringLiteral("the transcript is larger than %1 MiB").arg(PastedTranscript::kMaxBytes >> 20));
    const DecodedText decoded = DeviceOutput::decode(log, m_profiles.encodings());
    // Every command any profile knows; the output under each found command line.
    QStringList commands;
    for (const DeviceProfile &profile : m_profiles.profiles()) {
        for (const auto &command : profile.commands) {
            if (!commands.contains(command.command))
                commands.append(command.command);
        }
    }
    const QMap<QString, QString> found = PastedTranscript::commandOutputs(decoded.text, commands);
    QMap<QString, QByteArray> outputs;
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        outputs.insert(it.key(), it.value().toUtf8());
    CollectOutcome outcome;
    if (outputs.isEmpty()) {
        // No command line in it: the output of one command, pasted alone.
        outcome.facts = isAuto(request.profileId) || !m_profiles.profile(request.profileId)
                            ? ProfileParser::parseAuto(m_profiles, decoded.text)
                            : ProfileParser::parseText(*m_profiles.profile(request.profileId), decoded.text);
    } else {
        outcome.facts = parse(request.profileId, outputs);
    }
    Transcript transcript;
    transcript.deviceUuid = request.deviceUuid;
    transcript.method = TranscriptMethod::Transcript;
    transcript.profile = outcome.facts.profileId;
    transcript.userName = request.userName;
    transcript.startedAt = QDateTime::currentDateTimeUtc();
    transcript.endedAt = transcript.startedAt;
    transcript.text = SecretRedactor::redact(decoded.text);
    outcome.record.transcript = transcript;
    return outcome;
}

SshTransport::HostKeyCheck DeviceCollector::knownHostCheck(std::optional<fs::model::KnownHost> known)
{
    return [known](const HostKeyInfo &key) -> fs::Result<void> {
        if (!known)
            return fs::fail(fs::ErrorCode::HostKeyUnknown,
                            QStringLiteral("%1:%2 presents %3 %4, not accepted for this survey yet")
                                .arg(key.host)
                                .arg(key.port)
                                .arg(key.keyType, key.fingerprint));
        if (known->fingerprint != key.fingerprint)
            return fs::fail(fs::ErrorCode::HostKeyChanged,
                            QStringLiteral("%1:%2 presents %3 %4; accepted for this survey was %5")
                                .arg(key.host)
                                .arg(key.port)
                                .arg(key.keyType, key.fingerprint, known->fingerprint));
        return {};
    };
}

} // namespace fs::collect
