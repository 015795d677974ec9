#include "uploadjob.h"

#include "logging.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QUuid>

namespace fs::sync {

namespace {

constexpr qint64 kBlock = 1024 * 1024;          // read from the survey and written at once
constexpr qint64 kMaxPending = 4 * 1024 * 1024; // in the socket's buffers before waiting
constexpr qsizetype kMaxResponse = 1024 * 1024; // a fileKey answer is tiny

} // namespace

UploadJob::UploadJob(const Target &target, const QString &name, const QString &contentType,
                     std::unique_ptr<QIODevice> data, QSslSocket *socket, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_name(name)
    , m_contentType(contentType)
    , m_data(std::move(data))
    , m_socket(socket)
    , m_reused(socket != nullptr)
    , m_result(tl::unexpected(KintoneError{}))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(target.timeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        fail(KintoneError::Kind::Network, QStringLiteral("POST %1: no answer for %2 s")
                                              .arg(m_target.url.path())
                                              .arg(m_target.timeoutMs / 1000));
    });
}

UploadJob::~UploadJob()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

qint64 UploadJob::elapsedMs() const
{
    return QDateTime::currentMSecsSinceEpoch() - m_startedAt;
}

void UploadJob::start()
{
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_idle.start();
    if (!m_socket) {
        m_socket = new QSslSocket;
        m_socket->setSslConfiguration(m_target.ssl);
        m_socket->setPeerVerifyName(m_target.url.host());
    }
    m_socket->setParent(nullptr);
    connect(m_socket, &QSslSocket::encrypted, this, &UploadJob::sendRequest);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &UploadJob::writeMore);
    connect(m_socket, &QSslSocket::readyRead, this, &UploadJob::readResponse);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_sslErrors << e.errorString();
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_finished)
            return;
        const KintoneError e = KintoneError::noAnswer(
            QStringLiteral("POST ") + m_target.url.path(), m_sslErrors.join(QStringLiteral("; ")),
            error == QAbstractSocket::SslHandshakeFailedError, m_socket->errorString());
        fail(e.kind, e.detail);
    });
    if (m_reused && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->isEncrypted()) {
        sendRequest();
        return;
    }
    m_reused = false;
    m_socket->connectToHostEncrypted(m_target.url.host(), quint16(m_target.url.port(443)));
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

void UploadJob::sendRequest()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QString safeName = m_name;
    safeName.replace(QLatin1Char('"'), QLatin1Char('_')).replace(QLatin1Char('\r'), QLatin1Char('_'));
    safeName.replace(QLatin1Char('\n'), QLatin1Char('_'));
    const QByteArray boundary = "fieldsurvey-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray preamble =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
        safeName.toUtf8() + "\"\r\nContent-Type: " +
        (m_contentType.isEmpty() ? QByteArray("application/octet-stream") : m_contentType.toLatin1()) +
        "\r\n\r\n";
    m_tail = "\r\n--" + boundary + "--\r\n";
    m_total = preamble.size() + m_data->size() + m_tail.size();
    QByteArray head =
        "POST " + m_target.url.path(QUrl::FullyEncoded).toLatin1() +
        " HTTP/1.1\r\nHost: " + m_target.url.host(QUrl::FullyEncoded).toLatin1() + ':' +
        QByteArray::number(m_target.url.port(443)) +
        "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
        "\r\nContent-Length: " + QByteArray::number(m_total) +
        "\r\nAccept-Encoding: identity\r\nConnection: keep-alive\r\nUser-Agent: FieldSurvey\r\n";
    for (const auto &[name, value] : m_target.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    m_socket->write(head + preamble);
    m_sent = preamble.size();
    writeMore();
}

void UploadJob::writeMore()
{
    if (!m_started || m_finished)
        return;
    m_idle.start();
    while (!m_tailWritten && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < kMaxPending) {
        if (!m_data->atEnd()) {
            const QByteArray block = m_data->read(kBlock);
            if (block.isEmpty() && !m_data->atEnd()) {
                fail(KintoneError::Kind::Local,
                     QStringLiteral("the file could not be read: ") + m_data->errorString());
                return;
            }
            m_socket->write(block);
            m_sent += block.size();
            continue;
        }
        m_socket->write(m_tail);
        m_sent += m_tail.size();
        m_tailWritten = true;
    }
    emit progress(qMin(m_sent, m_total), m_total);
}

void UploadJob::readResponse()
{
    if (m_finished)
        return;
    m_idle.start();
    m_response += m_socket->read(kMaxResponse + 1 - m_response.size());
    if (m_response.size() > kMaxResponse) {
        fail(KintoneError::Kind::Protocol, QStringLiteral("the answer to an upload is larger than 1 MB"));
        return;
    }
    const qsizetype end = m_response.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = m_response.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    const int status = statusLine.value(1).toInt(&ok);
    if (!ok || !statusLine.value(0).startsWith("HTTP/1.")) {
        fail(KintoneError::Kind::Protocol, QStringLiteral("not an HTTP answer"));
        return;
    }
    qint64 length = -1;
    bool chunked = false;
    int retryAfter = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
        else if (name == "connection" && value.toLower() == "close")
            m_keepAlive = false;
        else if (name == "retry-after")
            retryAfter = value.toInt();
    }
    if (statusLine.value(0) == "HTTP/1.0")
        m_keepAlive = false;
    QByteArray body = m_response.mid(end + 4);
    if (chunked) {
        QByteArray decoded;
        qsizetype pos = 0;
        for (;;) {
            const qsizetype lineEnd = body.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return; // more to come
            const qint64 size =
                body.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(KintoneError::Kind::Protocol, QStringLiteral("a malformed chunked answer"));
                return;
            }
            if (body.size() < lineEnd + 2 + size + 2)
                return;
            if (size == 0)
                break;
            decoded += body.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        body = decoded;
    } else if (length >= 0) {
        if (body.size() < length)
            return;
        body.truncate(length);
    } else {
        m_keepAlive = false;
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            return; // the body ends with the connection
    }
    if (status >= 200 && status < 300) {
        const QString key =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("fileKey")).toString();
        if (key.isEmpty() || key.size() > 200) {
            fail(KintoneError::Kind::Protocol, QStringLiteral("file.json answered without a fileKey"));
            return;
        }
        qCInfo(lcPortal) << "POST" << m_target.url.path() << status << elapsedMs() << "ms" << m_total
                         << "bytes";
        finish(key);
        return;
    }
    KintoneError e = KintoneError::fromResponse(status, body);
    if (retryAfter >= 0)
        e.retryAfterMs = retryAfter * 1000;
    m_keepAlive = false;
    qCWarning(lcPortal) << "POST" << m_target.url.path() << status << elapsedMs() << "ms" << e.code
                        << e.message.left(200);
    finish(tl::unexpected(e));
}

void UploadJob::fail(KintoneError::Kind kind, const QString &detail)
{
    if (m_finished)
        return;
    KintoneError e;
    e.kind = kind;
    e.detail = detail;
    m_keepAlive = false;
    qCWarning(lcNetwork) << "POST" << m_target.url.path() << "failed after" << elapsedMs() << "ms:" << detail;
    finish(tl::unexpected(e));
}

void UploadJob::abort(const KintoneError &why)
{
    if (m_finished)
        return;
    m_keepAlive = false;
    if (m_socket)
        m_socket->abort();
    finish(tl::unexpected(why));
}

void UploadJob::finish(KintoneResult<QString> result)
{
    m_finished = true;
    m_idle.stop();
    m_result = std::move(result);
    if (m_socket)
        m_socket->disconnect(this);
    emit finished();
}

QSslSocket *UploadJob::takeReusableSocket()
{
    if (!m_finished || !m_result || !m_keepAlive || !m_socket ||
        m_socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    return socket;
}

} // namespace fs::sync
