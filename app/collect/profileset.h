#pragma once

#include "deviceprofile.h"
#include "error.h"

#include <QList>
#include <QString>

namespace fs::collect {

// How well one profile recognises some output.
struct Detection
{
    QString profileId;
    int score = 0;    // sum of the weights of the profile's detect patterns that match
    int patterns = 0; // how many distinct patterns matched
};

// The device profiles FieldSurvey knows: the built-in ones (resources/profiles/*.json, compiled into
// survey_collect) or those of a folder. Ids are unique.
class ProfileSet
{
public:
    // A detection below this score is a guess, not a recognition (parseAuto ignores it).
    static constexpr int kMinimumScore = 4;
    // Detection looks at the beginning of the output only; version commands print their
    // identifying lines first, and the bound keeps detection fast on hostile input.
    static constexpr qsizetype kDetectWindow = 1024 * 1024;

    // Every :/fieldsurvey/profiles/*.json; fails when one does not load (a broken or unsafe
    // profile is a build error, not something to skip).
    [[nodiscard]] static fs::Result<ProfileSet> builtIn();
    // Every *.json in a folder.
    [[nodiscard]] static fs::Result<ProfileSet> fromDirectory(const QString &path);
    // A set of already loaded profiles (tests, or the built-in set plus the user's own).
    [[nodiscard]] static fs::Result<ProfileSet> fromProfiles(const QList<DeviceProfile> &profiles);

    // nullptr when there is no such profile.
    [[nodiscard]] const DeviceProfile *profile(const QString &id) const;
    // The profile that lists platform (netmiko / ntc-templates name) in its "platforms".
    [[nodiscard]] const DeviceProfile *profileForPlatform(const QString &platform) const;
    [[nodiscard]] const QList<DeviceProfile> &profiles() const { return m_profiles; }
    // Every encoding some profile lists, in first-seen order (to decode output of unknown origin).
    [[nodiscard]] QStringList encodings() const;

    // Profiles that recognise text (cleaned device output), best first: higher score, then more
    // patterns, then profile id. Only scores above zero are listed.
    [[nodiscard]] QList<Detection> detect(const QString &text) const;

private:
    QList<DeviceProfile> m_profiles;
};

} // namespace fs::collect
