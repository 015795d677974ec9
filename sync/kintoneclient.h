#pragma once

#include "kintoneerror.h"
#include "portalconfig.h"
#include "uploadjob.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslSocket;

namespace fs::sync {

// A kintone REST API client on QtNetwork. TLS always verifies the portal against the system CAs
// (plus the configured CA file) and presents the PKCS#12 client certificate; verification is never
// turned off. Authenticates with X-Cybozu-Authorization or X-Cybozu-API-Token, uses guest-space
// paths, sends long GETs as POST + X-HTTP-Method-Override, accepts gzip, and follows the system's
// proxy settings. Logs the method, path, status and kintone code of each request — never a
// header or a body.
//
// Calls block while running a local event loop (the sync runs step by step on the GUI thread and
// keeps the window responsive); startUpload/waitForAny let a caller keep two uploads in flight.
class KintoneClient : public QObject
{
    Q_OBJECT

public:
    explicit KintoneClient(PortalConfig config, QObject *parent = nullptr);
    ~KintoneClient() override;

    [[nodiscard]] const PortalConfig &config() const { return m_config; }

    // Opens the PKCS#12 client certificate with the passphrase and checks its dates; loads the
    // configured CA file. TlsFailed says what is wrong (wrong passphrase, expired, unreadable).
    [[nodiscard]] Result<void> setCredentials(PortalCredentials credentials);

    // GET an API (records, record, record/comments, app/form/fields, …) with its parameters.
    // Retried on transient failures (429, 5xx, no answer) with exponential backoff.
    [[nodiscard]] KintoneResult<QJsonObject> get(const QString &api, const QJsonObject &params);
    // POST / PUT / DELETE with a JSON body. retry: whether a transient failure may be sent again
    // as is (only for requests that are safe to repeat).
    [[nodiscard]] KintoneResult<QJsonObject> send(const QByteArray &method, const QString &api,
                                                  const QJsonObject &body, bool retry);

    // Starts one upload to file.json (multipart, part "file"); data is read as the request goes.
    // Uploads reuse up to two kept connections.
    [[nodiscard]] UploadJob *startUpload(const QString &name, const QString &contentType,
                                         std::unique_ptr<QIODevice> data);
    // The upload key of an upload, once it has finished (and deletes the job).
    [[nodiscard]] KintoneResult<QString> finishUpload(UploadJob *job);
    // Downloads a file (its download key) into out, refusing more than maxBytes.
    [[nodiscard]] KintoneResult<qint64> download(const QString &fileKey, QIODevice &out, qint64 maxBytes);

    // Runs the event loop until one of the uploads has finished, or the sync is cancelled.
    void waitForAny(const QList<UploadJob *> &jobs);
    // Waits ms (backoff) while the window stays responsive; false when cancelled meanwhile.
    [[nodiscard]] bool sleep(int ms);
    // How long to wait before attempt number `attempt` (1-based) after error.
    [[nodiscard]] int backoffMs(int attempt, const KintoneError &error) const;

    // Stops every request in flight; later calls fail with Kind::Cancelled until resetCancel().
    void cancel();
    void resetCancel() { m_cancelled = false; }
    [[nodiscard]] bool isCancelled() const { return m_cancelled; }

    [[nodiscard]] static KintoneError cancelledError();

signals:
    // Bytes of an upload's body sent so far.
    void uploadProgress(fs::sync::UploadJob *job, qint64 sent, qint64 total);
    void cancelled();

private:
    [[nodiscard]] QNetworkRequest request(const QString &path, const QByteArray &contentType) const;
    [[nodiscard]] KintoneResult<QJsonObject> sendOnce(const QByteArray &method, const QString &api,
                                                      const QJsonObject &body, bool asQuery);
    [[nodiscard]] KintoneResult<QJsonObject>
    withRetry(const std::function<KintoneResult<QJsonObject>()> &call, bool retry);
    [[nodiscard]] KintoneResult<QByteArray> finish(QNetworkReply *reply);
    void track(QNetworkReply *reply);

    PortalConfig m_config;
    PortalCredentials m_credentials;
    QNetworkAccessManager *m_network;
    QSslConfiguration m_ssl;
    bool m_ready = false;
    bool m_cancelled = false;
    QList<QNetworkReply *> m_inFlight;
    QList<UploadJob *> m_jobs;
    QList<QSslSocket *> m_idleSockets; // kept upload connections
};

} // namespace fs::sync
