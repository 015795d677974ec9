#include "profileset.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

// Q_INIT_RESOURCE must be used outside any namespace. survey_collect is a static library: its
// resources are registered by this call even when the linker would drop the static initialiser.
static void initProfileResources()
{
    Q_INIT_RESOURCE(survey_collect_profiles);
}

namespace fs::collect {

namespace {

fs::Result<QList<DeviceProfile>> loadFolder(const QString &path, const QString &displayPrefix)
{
    const QDir dir(path);
    if (!dir.exists())
        return fs::fail(fs::ErrorCode::NotFound, QStringLiteral("%1: no such folder").arg(path));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QList<DeviceProfile> profiles;
    for (const QString &name : names) {
        const QString sourceName = displayPrefix.isEmpty() ? dir.filePath(name) : displayPrefix + name;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return fs::fail(fs::ErrorCode::Io,
                            QStringLiteral("%1: cannot read: %2").arg(sourceName, file.errorString()));
        auto profile = DeviceProfile::fromJson(file.readAll(), sourceName);
        if (!profile)
            return tl::unexpected(profile.error());
        if (profile->id != QFileInfo(name).completeBaseName())
            return fs::fail(
                fs::ErrorCode::InvalidData,
                QStringLiteral("%1: id: '%2' must equal the file name").arg(sourceName, profile->id));
        profiles.append(std::move(*profile));
    }
    return profiles;
}

} // namespace

fs::Result<ProfileSet> ProfileSet::fromProfiles(const QList<DeviceProfile> &profiles)
{
    ProfileSet set;
    for (const DeviceProfile &p : profiles) {
        if (set.profile(p.id))
            return fs::fail(
                fs::ErrorCode::InvalidData,
                QStringLiteral("%1: id: '%2' is used by another profile").arg(p.sourceName, p.id));
        set.m_profiles.append(p);
    }
    return set;
}

fs::Result<ProfileSet> ProfileSet::builtIn()
{
    // Loaded once: the files are part of the binary and cannot change while it runs.
    static const fs::Result<ProfileSet> loaded = []() -> fs::Result<ProfileSet> {
        initProfileResources();
        auto profiles = loadFolder(QStringLiteral(":/fieldsurvey/profiles"), QStringLiteral("profiles/"));
        if (!profiles)
            return tl::unexpected(profiles.error());
        if (profiles->isEmpty())
            return fs::fail(
                fs::ErrorCode::NotFound,
                QStringLiteral(":/fieldsurvey/profiles: no built-in device profiles (resource not linked)"));
        qCDebug(lcProfiles) << "built-in device profiles:" << profiles->size();
        return fromProfiles(*profiles);
    }();
    return loaded;
}

fs::Result<ProfileSet> ProfileSet::fromDirectory(const QString &path)
{
    auto profiles = loadFolder(path, {});
    if (!profiles)
        return tl::unexpected(profiles.error());
    return fromProfiles(*profiles);
}

const DeviceProfile *ProfileSet::profile(const QString &id) const
{
    for (const DeviceProfile &p : m_profiles) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const DeviceProfile *ProfileSet::profileForPlatform(const QString &platform) const
{
    for (const DeviceProfile &p : m_profiles) {
        if (p.id == platform || p.platforms.contains(platform))
            return &p;
    }
    return nullptr;
}

QStringList ProfileSet::encodings() const
{
    QStringList names;
    for (const DeviceProfile &p : m_profiles) {
        for (const QString &name : p.session.encodings) {
            if (!names.contains(name, Qt::CaseInsensitive))
                names.append(name);
        }
    }
    return names;
}

QList<Detection> ProfileSet::detect(const QString &text) const
{
    const QStringView window = QStringView(text).left(kDetectWindow);
    QList<Detection> detections;
    for (const DeviceProfile &p : m_profiles) {
        Detection d{p.id, 0, 0};
        for (const DeviceProfile::DetectPattern &pattern : p.detect) {
            if (pattern.regex.match(window).hasMatch()) {
                d.score += pattern.weight;
                ++d.patterns;
            }
        }
        if (d.score > 0)
            detections.append(d);
    }
    std::sort(detections.begin(), detections.end(), [](const Detection &a, const Detection &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.patterns != b.patterns)
            return a.patterns > b.patterns;
        return a.profileId < b.profileId;
    });
    return detections;
}

} // namespace fs::collect
