#pragma once

#include "error.h"
#include "secret.h"

#include <QString>
#include <QUrl>

namespace fs::sync {

// Where and how to reach the programme's portal (a kintone domain): read from a JSON file the
// office hands out. It never holds a secret: the certificate passphrase, password or API token
// are asked for at sync time (PortalCredentials) and a file that contains one is refused.
struct PortalConfig
{
    enum class Auth
    {
        Password, // X-Cybozu-Authorization (login + password)
        ApiToken, // X-Cybozu-API-Token
    };

    QUrl baseUrl; // https://example.s.cybozu.com
    int guestSpace = 0;
    Auth auth = Auth::Password;
    QString login;
    QString clientCertificate; // PKCS#12 file (absolute, resolved against the config's folder)
    QString caCertificates;    // PEM file of extra trusted CAs; empty = the system store only
    QString mappingFile;       // empty = the built-in mapping
    int timeoutMs = 60000;     // no byte for this long: the request has failed
    int maxAttempts = 8;       // per request, on 429 / 5xx / network errors
    int initialBackoffMs = 500;
    int maxBackoffMs = 30000;
    int uploadMaxAgeHours = 48; // an unattached upload older than this is sent again (kintone keeps 3 days)

    // Reads path; errors name the file and the key.
    [[nodiscard]] static Result<PortalConfig> load(const QString &path);
    [[nodiscard]] static Result<PortalConfig> fromJson(const QByteArray &json, const QString &sourceName,
                                                       const QString &baseDir);
    // The REST path of an API ("record" → /k/v1/record.json or /k/guest/N/v1/record.json).
    [[nodiscard]] QString apiPath(const QString &api) const;
};

// The secrets a sync needs, typed at sync time and never stored.
struct PortalCredentials
{
    model::Secret passphrase; // of the PKCS#12 client certificate
    model::Secret password;   // the login's password (Auth::Password)
    model::Secret apiToken;   // Auth::ApiToken
};

} // namespace fs::sync
