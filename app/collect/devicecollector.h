#pragma once

#include "clisession.h"
#include "error.h"
#include "profileparser.h"
#include "sshtransport.h"
#include "surveystore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fs::collect {

class Cancellation;
class ProfileSet;
class Transport;

struct CollectRequest
{
    QString deviceUuid; // the device the facts are about; empty: keep the transcript only
    QString profileId;  // empty or "auto": find out which platform it is
    QString userName;   // for the transcript (never the password)
};

struct CollectOutcome
{
    DeviceFacts facts;
    fs::model::CollectionRecord record; // the transcript, and once kept, the facts as stored
    QStringList missing;                // commands the device did not know
    std::optional<fs::Error> error;     // the session failed; the transcript shows how far it got
    HostKeyInfo hostKey;                // SSH: the key the device presented (also when refused)
};

// One device, start to end: drives the session with its profile (or finds the platform first),
// reads the facts from the device's own output, and keeps the transcript — also when the session
// failed, as evidence of what happened — with the facts linked to it.
class DeviceCollector
{
public:
    static constexpr const char *kAuto = "auto";

    explicit DeviceCollector(const ProfileSet &profiles);

    // The rules for a profile; for "auto", rules that can talk to every known platform: any
    // prompt, every pager, and the first identifying command of each platform.
    [[nodiscard]] SessionRules rulesFor(const QString &profileId) const;

    // Runs the session and reads the facts; touches no survey (it may run on a worker thread).
    [[nodiscard]] CollectOutcome collect(Transport &transport, const CollectRequest &request,
                                         SessionOptions options, const Cancellation *cancellation = nullptr,
                                         std::function<void(const QString &)> observer = {}) const;

    // A session pasted or loaded from another terminal program's log.
    [[nodiscard]] fs::Result<CollectOutcome> importTranscript(const QByteArray &log,
                                                              const CollectRequest &request) const;

    // Keeps the transcript (also of a failed session, unless nothing was exchanged) and, when the
    // session succeeded, the facts linked to it. On the survey's thread.
    [[nodiscard]] static fs::Result<void> keep(fs::model::SurveyStore &store, CollectOutcome &outcome);

    // Accepts a host key only when it is the one accepted for this survey (known, read from the
    // survey before connecting): HostKeyUnknown on first contact (the caller shows the
    // fingerprint and asks), HostKeyChanged when it differs.
    [[nodiscard]] static SshTransport::HostKeyCheck knownHostCheck(std::optional<fs::model::KnownHost> known);

    // Facts as the store keeps them: vendor, model, firmware, serial, hostname, uptime and the
    // profile's facts (ipsec_configured, …).
    [[nodiscard]] static QMap<QString, QString> observationsOf(const DeviceFacts &facts);

private:
    [[nodiscard]] DeviceFacts parse(const QString &profileId, const QMap<QString, QByteArray> &outputs) const;

    const ProfileSet &m_profiles;
};

} // namespace fs::collect
