#pragma once

#include "fieldmapping.h"
#include "portalconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fs::test {

// tests/portal/kintone_server.py on 127.0.0.1 behind mutual TLS, with the two apps of a field
// mapping (surveys and hospitals) made from the mapping's form fields, and two logins:
// investigator / kPassword and lead / kLeadPassword. Certificates come from
// tests/portal/make_certs.sh in a temporary folder (passphrase kPassphrase). Stopped with the object.
class PortalTestServer
{
public:
    static constexpr char kPassphrase[] = "test-passphrase";
    static constexpr char kPassword[] = "s3cret-investigator-pw";
    static constexpr char kLeadPassword[] = "s3cret-lead-pw";

    struct Options
    {
        QStringList extraArguments; // e.g. --upload-ttl 5, --seed-records 2=10600
    };

    PortalTestServer();
    ~PortalTestServer();

    // Makes the certificates (once), writes the apps' forms and starts the server; error text on failure.
    [[nodiscard]] QString start(const fs::sync::FieldMapping &mapping, const Options &options);
    [[nodiscard]] QString start(const fs::sync::FieldMapping &mapping) { return start(mapping, Options{}); }
    void stop();

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString certDir() const { return m_dir.path() + QStringLiteral("/certs"); }
    [[nodiscard]] QString cert(const QString &name) const { return certDir() + QLatin1Char('/') + name; }
    // The access log the server writes (method, path, status).
    [[nodiscard]] QString accessLog() const { return m_dir.filePath(QStringLiteral("access.log")); }

    // A config for the investigator (or lead), written as a JSON file, and loaded.
    [[nodiscard]] fs::sync::PortalConfig config(const QString &login = QStringLiteral("investigator")) const;
    [[nodiscard]] QString writeConfig(const QString &login = QStringLiteral("investigator")) const;
    [[nodiscard]] static fs::sync::PortalCredentials
    credentials(const QString &login = QStringLiteral("investigator"));

    // The control API (/__fs/...): faults, stats, dumps. Fails the calling test on errors.
    [[nodiscard]] QJsonObject control(const QByteArray &method, const QString &path,
                                      const QJsonObject &body = {}) const;
    void setFaults(const QJsonObject &schedule) const;
    void resetFaults() const;
    [[nodiscard]] QJsonObject stats() const;
    [[nodiscard]] QJsonArray dump(int app) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace fs::test
