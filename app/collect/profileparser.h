#pragma once

#include "deviceprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fs::collect {

class ProfileSet;

// What a device's own output says about it.
struct DeviceFacts
{
    QString profileId; // the profile that read the output; empty when none recognised it
    QString vendor;
    QString model;
    QString version;
    QString serial;
    QString hostname;
    QString uptime;
    QMap<QString, QString> facts; // ipsec_configured: yes, remote_admin_services: ssh; https, ...
    QString encoding;             // how the bytes were decoded ("UTF-8", "Shift_JIS", ...)
    QStringList notes;            // why something could not be read, in plain words

    // Enough to identify the device: vendor and model, or a version.
    [[nodiscard]] bool identified() const;
    // {profile, vendor, model, version, serial, hostname, uptime, facts{}, encoding, notes[]}
    [[nodiscard]] QJsonObject toJson() const;
};

// Applies a profile's rules to command output. Bounded: text beyond kMaxTextChars is not read, a
// rule collects at most kMaxMatches matches, and parsing stops (with a note) after kTimeBudgetMs.
// PCRE2's own match limit bounds a single pathological match.
class ProfileParser
{
public:
    static constexpr qsizetype kMaxTextChars = 4 * 1024 * 1024;
    static constexpr int kMaxMatches = 256;
    static constexpr int kTimeBudgetMs = 3000;

    // outputs: command text as sent -> the bytes the device printed for it (prompt and echo removed).
    [[nodiscard]] static DeviceFacts parse(const DeviceProfile &profile,
                                           const QMap<QString, QByteArray> &outputs);
    // Output already decoded. When command is empty (unknown), every rule applies, including rules
    // tied to a command.
    [[nodiscard]] static DeviceFacts parseText(const DeviceProfile &profile, const QString &text,
                                               const QString &command = {});
    // Bytes of one command's output (decoded with the profile's encodings and wrap width).
    [[nodiscard]] static DeviceFacts parseBytes(const DeviceProfile &profile, const QByteArray &bytes,
                                                const QString &command = {});
    // Detects the platform and parses with the best profile. When no profile reaches
    // ProfileSet::kMinimumScore the facts are empty and the notes say so (noProfileNote()).
    [[nodiscard]] static DeviceFacts parseAuto(const ProfileSet &profiles, const QString &text);
    [[nodiscard]] static DeviceFacts parseAutoBytes(const ProfileSet &profiles, const QByteArray &bytes);

    // "no profile recognises this output": the note parseAuto gives when nothing matched.
    [[nodiscard]] static QString noProfileNote();
};

} // namespace fs::collect
