#pragma once

#include "error.h"

#include <QJsonObject>
#include <QString>

#include <tl/expected.hpp>

namespace fs::sync {

// Why a portal request failed, keeping what kintone said: its code (GAIA_CO02, CB_VA01, …), the
// message in the portal user's language, the request id and the validation errors.
struct KintoneError
{
    enum class Kind
    {
        Network,   // no answer: connection refused, dropped, timed out
        Tls,       // the secure connection failed (certificate, passphrase, untrusted server)
        Http,      // the portal answered with an error status
        Protocol,  // the answer was not what the API promises (not JSON, missing keys)
        Cancelled, // the user stopped the sync
        Local,     // the survey file could not be read or written
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code; // kintone's error code, empty for non-JSON answers
    QString id;
    QString message;
    QJsonObject errors;
    QString detail;        // what happened, for the log and the dialog (never a secret)
    int retryAfterMs = -1; // from Retry-After, when the portal sent one

    // Worth trying again after a pause: no answer, 429 (too many requests), 5xx.
    [[nodiscard]] bool isTransient() const;
    [[nodiscard]] bool isRevisionConflict() const { return code == QStringLiteral("GAIA_CO02"); }
    // "[409] GAIA_CO02 指定したrevisionは最新ではありません。 (id)" or the network detail.
    [[nodiscard]] QString describe() const;
    // For callers outside sync: TlsFailed, PortalError, ConnectionFailed, Timeout, Cancelled, …
    [[nodiscard]] fs::Error toError() const;

    // A request that got no HTTP answer: untrusted portal certificate (sslErrors not empty), a failed
    // handshake (the portal refusing the client certificate), or a network failure.
    [[nodiscard]] static KintoneError noAnswer(const QString &request, const QString &sslErrors,
                                               bool handshakeFailed, const QString &errorString);

    // Parses an error answer; a text or HTML body (a 503 from a load balancer) keeps its first line.
    [[nodiscard]] static KintoneError fromResponse(int status, const QByteArray &body);
};

template <typename T>
using KintoneResult = tl::expected<T, KintoneError>;

} // namespace fs::sync
