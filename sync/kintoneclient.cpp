#include "kintoneclient.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace fs::sync {

namespace {

// kintone answers "Request URI Too Large" beyond 8 KB; the official client switches at 4 KB.
constexpr int kMaxGetUrl = 4096;
constexpr qsizetype kMaxJsonAnswer = 64 * 1024 * 1024;

KintoneError tlsError(const QString &detail)
{
    KintoneError e;
    e.kind = KintoneError::Kind::Tls;
    e.detail = detail;
    return e;
}

// qs-style parameters, as the official client sends them: fields[0]=a&fields[1]=b.
void addQuery(QUrlQuery &query, const QString &key, const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addQuery(query, QStringLiteral("%1[%2]").arg(key).arg(i), array.at(i));
    } else if (value.isBool()) {
        query.addQueryItem(key, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    } else if (value.isDouble()) {
        query.addQueryItem(key, QString::number(value.toDouble(), 'g', 17));
    } else {
        query.addQueryItem(key, value.toString());
    }
}

QString percentEncodedQuery(const QJsonObject &params)
{
    QUrlQuery query;
    for (auto it = params.begin(); it != params.end(); ++it)
        addQuery(query, it.key(), it.value());
    // QUrlQuery leaves + & = ; unencoded in values; encode everything that is not unreserved.
    QStringList parts;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        parts << QString::fromLatin1(QUrl::toPercentEncoding(key, "[]")) + QLatin1Char('=') +
                     QString::fromLatin1(QUrl::toPercentEncoding(value));
    return parts.join(QLatin1Char('&'));
}

} // namespace

KintoneClient::KintoneClient(PortalConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

KintoneClient::~KintoneClient()
{
    cancel();
}

Result<void> KintoneClient::setCredentials(PortalCredentials credentials)
{
    m_ready = false;
    m_credentials = std::move(credentials);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.caCertificates.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_config.caCertificates, QSsl::Pem);
        if (cas.isEmpty())
            return fail(ErrorCode::TlsFailed,
                        m_config.caCertificates +
                            QStringLiteral(": no PEM certificate could be read (caCertificates)"));
        ssl.addCaCertificates(cas);
    }
    if (!m_config.clientCertificate.isEmpty()) {
        QFile file(m_config.clientCertificate);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::TlsFailed,
                        m_config.clientCertificate +
                            QStringLiteral(": the client certificate cannot be read: ") + file.errorString());
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> chain;
        QByteArray passphrase(m_credentials.passphrase.reveal(), m_credentials.passphrase.size());
        const bool opened = QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, passphrase);
        model::wipe(passphrase);
        if (!opened || key.isNull() || certificate.isNull())
            return fail(ErrorCode::TlsFailed,
                        m_config.clientCertificate +
                            QStringLiteral(": the client certificate could not be opened — wrong passphrase, "
                                           "or not a PKCS#12 (.p12/.pfx) file"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (certificate.expiryDate() < now)
            return fail(ErrorCode::TlsFailed,
                        m_config.clientCertificate +
                            QStringLiteral(": the client certificate expired on %1; ask the "
                                           "programme office for a new one")
                                .arg(certificate.expiryDate().toString(Qt::ISODate)));
        if (certificate.effectiveDate() > now)
            return fail(ErrorCode::TlsFailed,
                        m_config.clientCertificate +
                            QStringLiteral(": the client certificate is valid only from %1")
                                .arg(certificate.effectiveDate().toString(Qt::ISODate)));
        ssl.setLocalCertificate(certificate);
        ssl.setPrivateKey(key);
        if (!chain.isEmpty())
            ssl.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
        qCInfo(lcPortal) << "client certificate" << certificate.subjectDisplayName() << "valid until"
                         << certificate.expiryDate().toString(Qt::ISODate);
    }
    if (m_config.auth == PortalConfig::Auth::Password && m_credentials.password.isEmpty())
        return fail(ErrorCode::AuthenticationFailed,
                    QStringLiteral("no password given for ") + m_config.login);
    if (m_config.auth == PortalConfig::Auth::ApiToken && m_credentials.apiToken.isEmpty())
        return fail(ErrorCode::AuthenticationFailed, QStringLiteral("no API token given"));
    m_ssl = ssl;
    m_ready = true;
    return {};
}

QNetworkRequest KintoneClient::request(const QString &path, const QByteArray &contentType) const
{
    QUrl url = m_config.baseUrl;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1), QUrl::StrictMode);
    QNetworkRequest r(url);
    r.setSslConfiguration(m_ssl);
    r.setTransferTimeout(m_config.timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (m_config.auth == PortalConfig::Auth::Password) {
        QByteArray login = m_config.login.toUtf8() + ':' +
                           QByteArray(m_credentials.password.reveal(), m_credentials.password.size());
        r.setRawHeader("X-Cybozu-Authorization", login.toBase64());
        model::wipe(login);
    } else {
        r.setRawHeader("X-Cybozu-API-Token",
                       QByteArray(m_credentials.apiToken.reveal(), m_credentials.apiToken.size()));
    }
    return r;
}

void KintoneClient::track(QNetworkReply *reply)
{
    m_inFlight << reply;
    connect(reply, &QObject::destroyed, this, [this, reply] { m_inFlight.removeAll(reply); });
    // Never ignored: the errors are kept for the message, and the handshake fails.
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        reply->setProperty("fsSslErrors", texts.join(QStringLiteral("; ")));
    });
    reply->setProperty("fsStarted", QDateTime::currentMSecsSinceEpoch());
}

KintoneResult<QByteArray> KintoneClient::finish(QNetworkReply *reply)
{
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owner(
        reply, [](QNetworkReply *r) { r->deleteLater(); });
    if (!reply->isFinished()) {
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        connect(this, &KintoneClient::cancelled, &loop, &QEventLoop::quit);
        if (!reply->isFinished() && !m_cancelled)
            loop.exec();
        if (!reply->isFinished())
            reply->abort();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString path = reply->url().path();
    const QByteArray method =
        reply->operation() == QNetworkAccessManager::GetOperation      ? QByteArray("GET")
        : reply->operation() == QNetworkAccessManager::PostOperation   ? QByteArray("POST")
        : reply->operation() == QNetworkAccessManager::DeleteOperation ? QByteArray("DELETE")
        : reply->operation() == QNetworkAccessManager::PutOperation
            ? QByteArray("PUT")
            : reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    const qint64 ms = QDateTime::currentMSecsSinceEpoch() - reply->property("fsStarted").toLongLong();
    const QNetworkReply::NetworkError error = reply->error();
    if (m_cancelled) {
        qCInfo(lcPortal) << method << path << "cancelled";
        return tl::unexpected(cancelledError());
    }
    if (status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        const KintoneError e = KintoneError::noAnswer(
            QString::fromLatin1(method) + QLatin1Char(' ') + path, reply->property("fsSslErrors").toString(),
            error == QNetworkReply::SslHandshakeFailedError, reply->errorString());
        qCWarning(lcNetwork) << method << path << "failed after" << ms << "ms:" << e.detail;
        return tl::unexpected(e);
    }
    const QByteArray body = reply->read(kMaxJsonAnswer);
    if (status >= 200 && status < 300) {
        qCInfo(lcPortal) << method << path << status << ms << "ms";
        return body;
    }
    KintoneError e = KintoneError::fromResponse(status, body);
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
    if (ok && retryAfter >= 0)
        e.retryAfterMs = retryAfter * 1000;
    qCWarning(lcPortal) << method << path << status << ms << "ms" << e.code << e.message.left(200);
    return tl::unexpected(e);
}

KintoneResult<QJsonObject> KintoneClient::sendOnce(const QByteArray &method, const QString &api,
                                                   const QJsonObject &body, bool asQuery)
{
    if (m_cancelled)
        return tl::unexpected(cancelledError());
    if (!m_ready)
        return tl::unexpected(tlsError(QStringLiteral("the portal credentials have not been given")));
    const QString path = m_config.apiPath(api);
    QNetworkReply *reply = nullptr;
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (asQuery) {
        const QString query = percentEncodedQuery(body);
        const QString full = path + QLatin1Char('?') + query;
        if (m_config.baseUrl.toString().size() + full.size() <= kMaxGetUrl) {
            QNetworkRequest r = request(full, {});
            reply = method == "DELETE" ? m_network->deleteResource(r) : m_network->get(r);
        } else {
            QNetworkRequest r = request(path, "application/json");
            r.setRawHeader("X-HTTP-Method-Override", method);
            reply = m_network->post(r, json);
        }
    } else {
        QNetworkRequest r = request(path, "application/json");
        reply = method == "POST" ? m_network->post(r, json) : m_network->sendCustomRequest(r, method, json);
    }
    track(reply);
    auto bytes = finish(reply);
    if (!bytes)
        return tl::unexpected(bytes.error());
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        KintoneError e;
        e.kind = KintoneError::Kind::Protocol;
        e.detail = QStringLiteral("%1 %2: the answer is not a JSON object (%3)")
                       .arg(QString::fromLatin1(method), path, parseError.errorString());
        return tl::unexpected(e);
    }
    return document.object();
}

KintoneResult<QJsonObject> KintoneClient::withRetry(const std::function<KintoneResult<QJsonObject>()> &call,
                                                    bool retry)
{
    for (int attempt = 1;; ++attempt) {
        auto result = call();
        if (result || !retry || !result.error().isTransient() || attempt >= m_config.maxAttempts)
            return result;
        if (!sleep(backoffMs(attempt, result.error())))
            return tl::unexpected(cancelledError());
    }
}

KintoneResult<QJsonObject> KintoneClient::get(const QString &api, const QJsonObject &params)
{
    return withRetry([&] { return sendOnce("GET", api, params, true); }, true);
}

KintoneResult<QJsonObject> KintoneClient::send(const QByteArray &method, const QString &api,
                                               const QJsonObject &body, bool retry)
{
    return withRetry([&] { return sendOnce(method, api, body, false); }, retry);
}

UploadJob *KintoneClient::startUpload(const QString &name, const QString &contentType,
                                      std::unique_ptr<QIODevice> data)
{
    UploadJob::Target target;
    target.url = m_config.baseUrl;
    target.url.setPath(m_config.apiPath(QStringLiteral("file")));
    target.ssl = m_ssl;
    target.timeoutMs = m_config.timeoutMs;
    const QNetworkRequest auth = request(QStringLiteral("/"), {});
    for (const QByteArray &header : auth.rawHeaderList()) {
        if (header.startsWith("X-Cybozu-"))
            target.headers.append({header, auth.rawHeader(header)});
    }
    QSslSocket *socket = m_idleSockets.isEmpty() ? nullptr : m_idleSockets.takeLast();
    auto *job = new UploadJob(target, name, contentType, std::move(data), socket, this);
    m_jobs << job;
    connect(job, &QObject::destroyed, this, [this, job] { m_jobs.removeAll(job); });
    connect(job, &UploadJob::progress, this,
            [this, job](qint64 sent, qint64 total) { emit uploadProgress(job, sent, total); });
    if (m_cancelled || !m_ready) {
        job->abort(m_cancelled ? cancelledError()
                               : tlsError(QStringLiteral("the portal credentials have not been given")));
        return job;
    }
    job->start();
    return job;
}

KintoneResult<QString> KintoneClient::finishUpload(UploadJob *job)
{
    std::unique_ptr<UploadJob, void (*)(UploadJob *)> owner(job, [](UploadJob *j) { j->deleteLater(); });
    if (!job->isFinished()) {
        QEventLoop loop;
        connect(job, &UploadJob::finished, &loop, &QEventLoop::quit);
        connect(this, &KintoneClient::cancelled, &loop, &QEventLoop::quit);
        if (!job->isFinished() && !m_cancelled)
            loop.exec();
        if (!job->isFinished())
            job->abort(cancelledError());
    }
    if (m_cancelled)
        return tl::unexpected(cancelledError());
    if (QSslSocket *socket = job->takeReusableSocket()) {
        if (m_idleSockets.size() < 2) {
            socket->setParent(this);
            m_idleSockets << socket;
        } else {
            socket->disconnectFromHost();
            socket->deleteLater();
        }
    }
    return job->result();
}

KintoneResult<qint64> KintoneClient::download(const QString &fileKey, QIODevice &out, qint64 maxBytes)
{
    for (int attempt = 1;; ++attempt) {
        if (m_cancelled)
            return tl::unexpected(cancelledError());
        QJsonObject params{{QStringLiteral("fileKey"), fileKey}};
        QNetworkReply *reply = m_network->get(request(
            m_config.apiPath(QStringLiteral("file")) + QLatin1Char('?') + percentEncodedQuery(params), {}));
        track(reply);
        const qint64 start = out.pos();
        qint64 written = 0;
        bool tooLarge = false;
        connect(reply, &QNetworkReply::readyRead, this, [&] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200 || tooLarge)
                return;
            const QByteArray chunk = reply->readAll();
            written += chunk.size();
            if (written > maxBytes) {
                tooLarge = true;
                reply->abort();
                return;
            }
            out.write(chunk);
        });
        auto bytes = finish(reply);
        if (tooLarge) {
            KintoneError e;
            e.kind = KintoneError::Kind::Protocol;
            e.detail = QStringLiteral("the file is larger than %1 MB; refused").arg(maxBytes / (1024 * 1024));
            return tl::unexpected(e);
        }
        if (bytes) {
            written += bytes->size();
            if (written > maxBytes) {
                KintoneError e;
                e.kind = KintoneError::Kind::Protocol;
                e.detail =
                    QStringLiteral("the file is larger than %1 MB; refused").arg(maxBytes / (1024 * 1024));
                return tl::unexpected(e);
            }
            out.write(*bytes);
            return written;
        }
        if (!bytes.error().isTransient() || attempt >= m_config.maxAttempts)
            return tl::unexpected(bytes.error());
        out.seek(start); // start again from the first byte
        if (auto *file = qobject_cast<QFile *>(&out))
            file->resize(start);
        if (!sleep(backoffMs(attempt, bytes.error())))
            return tl::unexpected(cancelledError());
    }
}

void KintoneClient::waitForAny(const QList<UploadJob *> &jobs)
{
    QEventLoop loop;
    for (UploadJob *job : jobs) {
        if (job->isFinished())
            return;
        connect(job, &UploadJob::finished, &loop, &QEventLoop::quit);
    }
    connect(this, &KintoneClient::cancelled, &loop, &QEventLoop::quit);
    if (!m_cancelled)
        loop.exec();
}

bool KintoneClient::sleep(int ms)
{
    if (m_cancelled)
        return false;
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    connect(this, &KintoneClient::cancelled, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_cancelled;
}

int KintoneClient::backoffMs(int attempt, const KintoneError &error) const
{
    if (error.retryAfterMs >= 0)
        return std::min(error.retryAfterMs, m_config.maxBackoffMs);
    const double base = double(m_config.initialBackoffMs) * double(1 << std::min(attempt - 1, 16));
    const double capped = std::min(base, double(m_config.maxBackoffMs));
    // Full jitter on the upper half: retries of several clients spread out.
    return int(capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1));
}

void KintoneClient::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    const QList<QNetworkReply *> replies = m_inFlight;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished())
            reply->abort();
    }
    const QList<UploadJob *> jobs = m_jobs;
    for (UploadJob *job : jobs)
        job->abort(cancelledError());
    qDeleteAll(m_idleSockets);
    m_idleSockets.clear();
    emit cancelled();
}

KintoneError KintoneClient::cancelledError()
{
    KintoneError e;
    e.kind = KintoneError::Kind::Cancelled;
    e.detail = QStringLiteral("stopped by the user");
    return e;
}

} // namespace fs::sync
