#include "portaltestserver.h"

#include "processrun.h"
#include "sshtestserver.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QThread>
#include <QTimer>

namespace fs::test {

namespace {

QString portalDir()
{
    return sourceDir() + QStringLiteral("/tests/portal");
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    return writeFile(path, QJsonDocument(o).toJson());
}

} // namespace

PortalTestServer::PortalTestServer() = default;

PortalTestServer::~PortalTestServer()
{
    stop();
}

QString PortalTestServer::start(const fs::sync::FieldMapping &mapping, const Options &options)
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    if (!QFile::exists(cert(QStringLiteral("client.p12")))) {
        const ProcessRun certs =
            runProgram(QStringLiteral("sh"), {portalDir() + QStringLiteral("/make_certs.sh"), certDir(),
                                              QString::fromLatin1(kPassphrase)});
        if (certs.exitCode != 0)
            return QStringLiteral("make_certs.sh failed: ") + QString::fromLocal8Bit(certs.err);
    }
    const QString surveys = m_dir.filePath(QStringLiteral("surveys-app.json"));
    const QString hospitals = m_dir.filePath(QStringLiteral("hospitals-app.json"));
    if (!writeJson(surveys, mapping.surveyFormFields()) ||
        !writeJson(hospitals, mapping.hospitalFormFields()))
        return QStringLiteral("cannot write the app forms");
    const QString ready = m_dir.filePath(QStringLiteral("ready"));
    QFile::remove(ready);
    QStringList arguments{portalDir() + QStringLiteral("/kintone_server.py"),
                          QStringLiteral("--port"),
                          QStringLiteral("0"),
                          QStringLiteral("--ready-file"),
                          ready,
                          QStringLiteral("--cert"),
                          cert(QStringLiteral("server.pem")),
                          QStringLiteral("--key"),
                          cert(QStringLiteral("server.key")),
                          QStringLiteral("--client-ca"),
                          cert(QStringLiteral("ca.pem")),
                          QStringLiteral("--db"),
                          m_dir.filePath(QStringLiteral("portal.sqlite")),
                          QStringLiteral("--log"),
                          accessLog(),
                          QStringLiteral("--app"),
                          QStringLiteral("%1=%2").arg(mapping.surveyApp()).arg(surveys),
                          QStringLiteral("--user"),
                          QStringLiteral("investigator:") + QString::fromLatin1(kPassword),
                          QStringLiteral("--user"),
                          QStringLiteral("lead:") + QString::fromLatin1(kLeadPassword)};
    if (mapping.hospitals().app > 0)
        arguments << QStringLiteral("--app")
                  << QStringLiteral("%1=%2").arg(mapping.hospitals().app).arg(hospitals);
    arguments << options.extraArguments;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(python3Path(), arguments);
    if (!m_process->waitForStarted(10000))
        return QStringLiteral("the portal server did not start: ") + m_process->errorString();
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(ready)) {
        if (m_process->state() != QProcess::Running)
            return QStringLiteral("the portal server exited (%1)").arg(m_process->exitCode());
        if (timer.elapsed() > 30000)
            return QStringLiteral("the portal server did not become ready in 30 s");
        QThread::msleep(20);
    }
    m_port = readFile(ready).trimmed().toInt();
    return m_port > 0 ? QString() : QStringLiteral("no port in the ready file");
}

void PortalTestServer::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QString PortalTestServer::writeConfig(const QString &login) const
{
    const QString path = m_dir.filePath(login + QStringLiteral("-portal.json"));
    const QJsonObject o{{QStringLiteral("baseUrl"), QStringLiteral("https://127.0.0.1:%1").arg(m_port)},
                        {QStringLiteral("auth"), QStringLiteral("password")},
                        {QStringLiteral("login"), login},
                        {QStringLiteral("clientCertificate"), QStringLiteral("certs/client.p12")},
                        {QStringLiteral("caCertificates"), QStringLiteral("certs/ca.pem")},
                        {QStringLiteral("timeoutSeconds"), 20},
                        {QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 12},
                                                              {QStringLiteral("initialDelayMs"), 5},
                                                              {QStringLiteral("maxDelayMs"), 50}}}};
    if (!writeJson(path, o))
        return {};
    return path;
}

fs::sync::PortalConfig PortalTestServer::config(const QString &login) const
{
    auto config = fs::sync::PortalConfig::load(writeConfig(login));
    if (!config)
        qWarning("portal config: %s", qPrintable(config.error().detail));
    return config ? *config : fs::sync::PortalConfig{};
}

fs::sync::PortalCredentials PortalTestServer::credentials(const QString &login)
{
    QString passphrase = QString::fromLatin1(kPassphrase);
    QString password = QString::fromLatin1(login == QStringLiteral("lead") ? kLeadPassword : kPassword);
    fs::sync::PortalCredentials c;
    c.passphrase = fs::model::Secret::fromString(passphrase);
    c.password = fs::model::Secret::fromString(password);
    return c;
}

QJsonObject PortalTestServer::control(const QByteArray &method, const QString &path,
                                      const QJsonObject &body) const
{
    QNetworkAccessManager network;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(QSslCertificate::fromPath(cert(QStringLiteral("ca.pem"))));
    const QList<QSslCertificate> client = QSslCertificate::fromPath(cert(QStringLiteral("client.pem")));
    QFile keyFile(cert(QStringLiteral("client.key")));
    if (client.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        qWarning("portal control: no client certificate");
        return {};
    }
    ssl.setLocalCertificate(client.first());
    ssl.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port) + path));
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qWarning("portal control %s %s: %s %s", method.constData(), qPrintable(path),
                 qPrintable(reply->errorString()), answer.left(300).constData());
    delete reply;
    return QJsonDocument::fromJson(answer).object();
}

void PortalTestServer::setFaults(const QJsonObject &schedule) const
{
    (void)control("POST", QStringLiteral("/__fs/faults"), schedule);
}

void PortalTestServer::resetFaults() const
{
    (void)control("POST", QStringLiteral("/__fs/reset-faults"));
}

QJsonObject PortalTestServer::stats() const
{
    return control("GET", QStringLiteral("/__fs/stats"));
}

QJsonArray PortalTestServer::dump(int app) const
{
    return control("GET", QStringLiteral("/__fs/dump?app=%1").arg(app))
        .value(QStringLiteral("records"))
        .toArray();
}

} // namespace fs::test
