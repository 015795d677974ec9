#pragma once

#include "kintoneerror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <memory>

class QIODevice;
class QSslSocket;

namespace fs::sync {

// One file upload to file.json (multipart/form-data, part "file") on its own HTTP/1.1 connection
// over QSslSocket: the body is written in large blocks with TCP_NODELAY, which QtNetwork's HTTP
// stack does not do (it feeds TLS 16 KB per event-loop turn and leaves Nagle on, a third of
// curl's speed for a photo). TLS is verified exactly as for every other request; the connection
// is kept for the next upload when the server allows it.
class UploadJob : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QUrl url; // https://host:port/k/v1/file.json
        QSslConfiguration ssl;
        QList<QPair<QByteArray, QByteArray>> headers; // authentication; never logged
        int timeoutMs = 60000;
    };

    // socket: a kept connection to reuse, or nullptr for a new one. The job owns it until done.
    UploadJob(const Target &target, const QString &name, const QString &contentType,
              std::unique_ptr<QIODevice> data, QSslSocket *socket, QObject *parent = nullptr);
    ~UploadJob() override;

    void start();
    void abort(const KintoneError &why);
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const KintoneResult<QString> &result() const { return m_result; }
    // The connection, for the next upload (nullptr when it cannot be reused); the caller owns it.
    [[nodiscard]] QSslSocket *takeReusableSocket();
    [[nodiscard]] qint64 elapsedMs() const;

signals:
    void progress(qint64 sent, qint64 total);
    void finished();

private:
    void sendRequest();
    void writeMore();
    void readResponse();
    void finish(KintoneResult<QString> result);
    void fail(KintoneError::Kind kind, const QString &detail);

    Target m_target;
    QString m_name;
    QString m_contentType;
    std::unique_ptr<QIODevice> m_data;
    QSslSocket *m_socket = nullptr;
    bool m_reused = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_keepAlive = true;
    QByteArray m_tail;  // the multipart epilogue, written after the data
    qint64 m_total = 0; // body bytes
    qint64 m_sent = 0;  // body bytes handed to the socket
    bool m_tailWritten = false;
    QByteArray m_response;
    QStringList m_sslErrors;
    QTimer m_idle;
    qint64 m_startedAt = 0;
    KintoneResult<QString> m_result;
};

} // namespace fs::sync
