#include "kintoneerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace fs::sync {

bool KintoneError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus >= 500 || code == QStringLiteral("GAIA_TO04");
    case Kind::Tls:
    case Kind::Protocol:
    case Kind::Cancelled:
    case Kind::Local:
        return false;
    }
    return false;
}

QString KintoneError::describe() const
{
    if (kind != Kind::Http)
        return detail;
    QString text = QStringLiteral("[%1]").arg(httpStatus);
    if (!code.isEmpty())
        text += QLatin1Char(' ') + code;
    if (!message.isEmpty())
        text += QLatin1Char(' ') + message;
    if (!id.isEmpty())
        text += QStringLiteral(" (") + id + QLatin1Char(')');
    if (!errors.isEmpty())
        text += QLatin1Char(' ') +
                QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)).left(400);
    if (!detail.isEmpty())
        text += QStringLiteral(" — ") + detail;
    return text;
}

fs::Error KintoneError::toError() const
{
    switch (kind) {
    case Kind::Network:
        return {ErrorCode::ConnectionFailed, describe()};
    case Kind::Tls:
        return {ErrorCode::TlsFailed, describe()};
    case Kind::Cancelled:
        return {ErrorCode::Cancelled, describe()};
    case Kind::Local:
        return {ErrorCode::Io, describe()};
    case Kind::Protocol:
        return {ErrorCode::InvalidData, describe()};
    case Kind::Http:
        break;
    }
    if (httpStatus == 401 || code == QStringLiteral("CB_WA01") || code == QStringLiteral("CB_AU01"))
        return {ErrorCode::AuthenticationFailed, describe()};
    if (isRevisionConflict())
        return {ErrorCode::Conflict, describe()};
    return {ErrorCode::PortalError, describe()};
}

KintoneError KintoneError::noAnswer(const QString &request, const QString &sslErrors, bool handshakeFailed,
                                    const QString &errorString)
{
    KintoneError e;
    if (!sslErrors.isEmpty()) {
        e.kind = Kind::Tls;
        e.detail =
            QStringLiteral("the portal's certificate is not trusted (%1); check the portal address and "
                           "caCertificates")
                .arg(sslErrors);
    } else if (handshakeFailed || errorString.contains(QStringLiteral("alert"), Qt::CaseInsensitive)) {
        e.kind = Kind::Tls;
        e.detail = QStringLiteral("the secure connection failed (%1); the portal may not accept this client "
                                  "certificate")
                       .arg(errorString);
    } else {
        e.kind = Kind::Network;
        e.detail = QStringLiteral("%1: no answer (%2)").arg(request, errorString);
    }
    return e;
}

KintoneError KintoneError::fromResponse(int status, const QByteArray &body)
{
    KintoneError e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body.left(1024 * 1024), &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        QJsonObject o = document.object();
        // bulkRequest.json: the failing sub-request's error sits at its index, {} elsewhere.
        const QJsonArray results = o.value(QStringLiteral("results")).toArray();
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (!results.at(i).toObject().isEmpty()) {
                o = results.at(i).toObject();
                e.detail = QStringLiteral("bulk request %1").arg(i);
                break;
            }
        }
        e.code = o.value(QStringLiteral("code")).toString().left(64);
        e.id = o.value(QStringLiteral("id")).toString().left(128);
        e.message = o.value(QStringLiteral("message")).toString().left(1000);
        e.errors = o.value(QStringLiteral("errors")).toObject();
        return e;
    }
    // Maintenance pages and proxies answer with text or HTML: keep a readable first line.
    QString text = QString::fromUtf8(body.left(400)).simplified();
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    e.message = text.left(200);
    return e;
}

} // namespace fs::sync
