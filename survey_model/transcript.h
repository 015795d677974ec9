#pragma once

#include "enumkeys.h"

#include <QDateTime>
#include <QString>

namespace fs::model {

// How a device session reached the device.
enum class TranscriptMethod
{
    Ssh,
    Console,   // a serial console
    Transcript // pasted or loaded from another terminal program's log
};

inline constexpr EnumKeys<TranscriptMethod, 3> kTranscriptMethodKeys({{
    {TranscriptMethod::Ssh, u"ssh"},
    {TranscriptMethod::Console, u"console"},
    {TranscriptMethod::Transcript, u"transcript"},
}});

// A saved device session, kept as evidence for the facts read from it: what was sent and what
// came back, with the typed secrets already removed.
struct Transcript
{
    qint64 id = 0;
    QString uuid;
    QString deviceUuid; // empty when the device is not known (yet)
    TranscriptMethod method = TranscriptMethod::Ssh;
    QString profile;            // the vendor profile used
    QString peer;               // host:port, or the serial port and its settings
    QString userName;           // never the password
    QString hostKeyFingerprint; // SSH: "SHA256:…"
    QDateTime startedAt;
    QDateTime endedAt;
    QString text;
    QString sha256; // of text (UTF-8), set by the store

    friend bool operator==(const Transcript &, const Transcript &) = default;
};

// An SSH host key the investigator accepted for this survey.
struct KnownHost
{
    QString host;
    int port = 22;
    QString keyType;
    QString fingerprint; // "SHA256:…"
    QDateTime acceptedAt;
    QString acceptedBy;

    friend bool operator==(const KnownHost &, const KnownHost &) = default;
};

} // namespace fs::model
