#include "portalconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs::sync {

namespace {

constexpr qsizetype kMaxConfigBytes = 256 * 1024;

tl::unexpected<Error> invalid(const QString &source, const QString &what)
{
    return fail(ErrorCode::InvalidData, source + QStringLiteral(": ") + what);
}

} // namespace

Result<PortalConfig> PortalConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, path + QStringLiteral(": ") + file.errorString());
    if (file.size() > kMaxConfigBytes)
        return invalid(
            path,
            QStringLiteral("larger than %1 KB; not a portal configuration").arg(kMaxConfigBytes / 1024));
    return fromJson(file.read(kMaxConfigBytes), path, QFileInfo(path).absolutePath());
}

Result<PortalConfig> PortalConfig::fromJson(const QByteArray &json, const QString &sourceName,
                                            const QString &baseDir)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(
            sourceName,
            QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return invalid(sourceName, QStringLiteral("the top level must be an object"));
    const QJsonObject o = document.object();
    // A secret in a file ends up in backups, mail and chat: refuse it outright.
    for (const QString &key : o.keys()) {
        const QString k = key.toLower();
        if (k.contains(QStringLiteral("password")) || k.contains(QStringLiteral("passphrase")) ||
            k.contains(QStringLiteral("token")) || k.contains(QStringLiteral("secret")))
            return invalid(sourceName, QStringLiteral("«%1»: secrets are never read from the configuration; "
                                                      "they are asked for when you sync")
                                           .arg(key.left(40)));
    }
    const QStringList known{QStringLiteral("baseUrl"),
                            QStringLiteral("guestSpace"),
                            QStringLiteral("auth"),
                            QStringLiteral("login"),
                            QStringLiteral("clientCertificate"),
                            QStringLiteral("caCertificates"),
                            QStringLiteral("mapping"),
                            QStringLiteral("timeoutSeconds"),
                            QStringLiteral("retry"),
                            QStringLiteral("uploadMaxAgeHours"),
                            QStringLiteral("comment")};
    for (const QString &key : o.keys()) {
        if (!known.contains(key))
            return invalid(sourceName, QStringLiteral("unknown key «%1» (known: %2)")
                                           .arg(key.left(40), known.join(QStringLiteral(", "))));
    }
    PortalConfig c;
    c.baseUrl = QUrl(o.value(QStringLiteral("baseUrl")).toString(), QUrl::StrictMode);
    if (!c.baseUrl.isValid() || c.baseUrl.host().isEmpty())
        return invalid(sourceName,
                       QStringLiteral("baseUrl: a URL such as https://example.s.cybozu.com is required"));
    if (c.baseUrl.scheme() != QStringLiteral("https"))
        return invalid(sourceName, QStringLiteral("baseUrl: only https is allowed"));
    if (!c.baseUrl.path().isEmpty() && c.baseUrl.path() != QStringLiteral("/"))
        return invalid(sourceName, QStringLiteral("baseUrl: give the domain only, without a path"));
    c.baseUrl.setPath({});
    c.guestSpace = o.value(QStringLiteral("guestSpace")).toInt(0);
    if (c.guestSpace < 0)
        return invalid(sourceName, QStringLiteral("guestSpace: a positive space id, or 0"));
    const QString auth = o.value(QStringLiteral("auth")).toString(QStringLiteral("password"));
    if (auth == QStringLiteral("password"))
        c.auth = Auth::Password;
    else if (auth == QStringLiteral("apiToken"))
        c.auth = Auth::ApiToken;
    else
        return invalid(sourceName,
                       QStringLiteral("auth: «%1» is not password or apiToken").arg(auth.left(40)));
    c.login = o.value(QStringLiteral("login")).toString();
    if (c.auth == Auth::Password && c.login.isEmpty())
        return invalid(sourceName, QStringLiteral("login: required for password authentication"));
    const auto resolve = [&baseDir](const QString &file) {
        return file.isEmpty() ? QString() : QDir(baseDir).absoluteFilePath(file);
    };
    c.clientCertificate = resolve(o.value(QStringLiteral("clientCertificate")).toString());
    c.caCertificates = resolve(o.value(QStringLiteral("caCertificates")).toString());
    c.mappingFile = resolve(o.value(QStringLiteral("mapping")).toString());
    const int timeout = o.value(QStringLiteral("timeoutSeconds")).toInt(60);
    if (timeout < 1 || timeout > 3600)
        return invalid(sourceName, QStringLiteral("timeoutSeconds: 1 to 3600"));
    c.timeoutMs = timeout * 1000;
    const QJsonObject retry = o.value(QStringLiteral("retry")).toObject();
    c.maxAttempts = retry.value(QStringLiteral("maxAttempts")).toInt(c.maxAttempts);
    c.initialBackoffMs = retry.value(QStringLiteral("initialDelayMs")).toInt(c.initialBackoffMs);
    c.maxBackoffMs = retry.value(QStringLiteral("maxDelayMs")).toInt(c.maxBackoffMs);
    if (c.maxAttempts < 1 || c.maxAttempts > 50 || c.initialBackoffMs < 0 ||
        c.maxBackoffMs < c.initialBackoffMs)
        return invalid(sourceName,
                       QStringLiteral("retry: maxAttempts 1..50, 0 <= initialDelayMs <= maxDelayMs"));
    c.uploadMaxAgeHours = o.value(QStringLiteral("uploadMaxAgeHours")).toInt(c.uploadMaxAgeHours);
    if (c.uploadMaxAgeHours < 0 || c.uploadMaxAgeHours > 71)
        return invalid(sourceName,
                       QStringLiteral("uploadMaxAgeHours: 0 to 71 (kintone drops unattached files "
                                      "after 3 days)"));
    return c;
}

QString PortalConfig::apiPath(const QString &api) const
{
    const QString prefix =
        guestSpace > 0 ? QStringLiteral("/k/guest/%1/v1/").arg(guestSpace) : QStringLiteral("/k/v1/");
    return prefix + api + QStringLiteral(".json");
}

} // namespace fs::sync
