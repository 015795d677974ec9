// Collection from real peers: the Debian OpenSSH server and a libssh server on 127.0.0.1, and a
// socat pseudo-terminal for the serial console, each with the device emulator behind it. Host keys
// are accepted only explicitly; a changed key refuses; secrets reach neither the survey file nor
// the log; `fieldsurvey-cli collect` does the same from the command line.
#include "demosurvey.h"
#include "devicecollector.h"
#include "processrun.h"
#include "profileset.h"
#include "serialtransport.h"
#include "sshtestserver.h"
#include "sshtransport.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::collect;
using fs::model::SurveyStore;

namespace {

QMutex g_messagesMutex;
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

// Every log line the code under test writes, to prove no secret is in one.
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_messagesMutex);
        g_messages.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

Secret secret(const QString &text)
{
    QString copy = text;
    return Secret::fromString(copy);
}

// The error of a session, for a failure message (empty when there is none).
QString errorText(const CollectOutcome &outcome)
{
    return outcome.error ? fs::describe(*outcome.error) : QString();
}

// Public-key login to the test sshd as the user running the test.
SshOptions keyLogin(const fs::test::OpenSshServer &server)
{
    SshOptions o;
    o.host = server.host();
    o.port = server.port();
    o.user = server.userName();
    o.privateKeyPath = server.clientPrivateKeyPath();
    return o;
}

const QString kEnablePassword = QStringLiteral("En4ble-S3cret");

} // namespace

class TestSshCollect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        g_previousHandler = qInstallMessageHandler(recordMessage);
        auto profiles = ProfileSet::builtIn();
        QVERIFY2(profiles, profiles ? "" : qPrintable(fs::describe(profiles.error())));
        m_profiles = std::make_unique<ProfileSet>(std::move(*profiles));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_path =
            m_dir.filePath(QStringLiteral("%1.fsv").arg(QString::fromLatin1(QTest::currentTestFunction())));
        auto store = fs::model::DemoSurvey::createOrReplace(m_path);
        QVERIFY2(store, store ? "" : qPrintable(fs::describe(store.error())));
        m_store = std::move(*store);
        m_device = m_store->connectionPoints()->at(0).devices.at(0).uuid;
    }

    void cleanup() { m_store.reset(); }

    void openSshHostKeyIsAcceptedOnlyExplicitly()
    {
        fs::test::OpenSshServer server(
            {{QStringLiteral("cisco"), {QStringLiteral("--enable-password"), kEnablePassword}}, false});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const DeviceCollector collector(*m_profiles);
        const auto options = [&server] { return keyLogin(server); };
        const auto session = [] {
            SessionOptions s;
            s.enablePassword = secret(kEnablePassword);
            return s;
        };

        // First contact: refused, with the fingerprint to check.
        SshTransport first(
            options(), DeviceCollector::knownHostCheck(*m_store->knownHost(server.host(), server.port())));
        auto refused =
            collector.collect(first, {m_device, QStringLiteral("cisco_ios"), server.userName()}, session());
        QVERIFY(refused.error);
        QCOMPARE(refused.error->code, fs::ErrorCode::HostKeyUnknown);
        QCOMPARE(first.hostKey().fingerprint, server.hostKeyFingerprintSha256());
        QVERIFY(refused.record.transcript.text.isEmpty());
        QVERIFY(!server.emulatorLog().contains(QStringLiteral("RECV")));

        // Accepted explicitly for this survey: the session runs, the facts and transcript are kept.
        QVERIFY(m_store->acceptHostKey(
            {server.host(), server.port(), first.hostKey().keyType, first.hostKey().fingerprint, {}, {}}));
        SshTransport second(
            options(), DeviceCollector::knownHostCheck(*m_store->knownHost(server.host(), server.port())));
        auto outcome =
            collector.collect(second, {m_device, QStringLiteral("cisco_ios"), server.userName()}, session());
        QVERIFY2(!outcome.error,
                 qPrintable(outcome.error ? errorText(outcome) + server.diagnostics() : QString()));
        QCOMPARE(outcome.facts.model, QStringLiteral("WS-C4948E"));
        QCOMPARE(outcome.facts.version, QStringLiteral("12.2(54)SG1"));
        QVERIFY(DeviceCollector::keep(*m_store, outcome));
        QCOMPARE(outcome.record.transcript.hostKeyFingerprint, server.hostKeyFingerprintSha256());
        QCOMPARE(outcome.record.transcript.method, fs::model::TranscriptMethod::Ssh);
        const auto device = m_store->connectionPoints()->at(0).devices.at(0);
        QCOMPARE(fs::model::factValue(device.facts, QStringLiteral("firmware")),
                 QStringLiteral("12.2(54)SG1"));
        for (const auto &fact : device.facts) {
            if (fact.key == QStringLiteral("firmware"))
                QCOMPARE(fact.transcriptId, outcome.record.transcript.id);
        }
        QVERIFY(!server.emulatorLog().contains(QStringLiteral("FORBIDDEN")));

        // The device's key changes: refused, nothing recorded.
        QVERIFY2(server.replaceHostKey(), qPrintable(server.diagnostics()));
        SshTransport third(
            options(), DeviceCollector::knownHostCheck(*m_store->knownHost(server.host(), server.port())));
        auto changed =
            collector.collect(third, {m_device, QStringLiteral("cisco_ios"), server.userName()}, session());
        QVERIFY(changed.error);
        QCOMPARE(changed.error->code, fs::ErrorCode::HostKeyChanged);
        QVERIFY(changed.error->detail.contains(server.hostKeyFingerprintSha256()));
        QCOMPARE(m_store->transcripts()->size(), 1);
    }

    void legacyAlgorithmsOnlyWhenAsked()
    {
        fs::test::OpenSshServer server({{QStringLiteral("cisco"), {}}, true});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshOptions options = keyLogin(server);
        auto modern = SshTransport::probeHostKey(options);
        QVERIFY(!modern);
        QCOMPARE(modern.error().code, fs::ErrorCode::ConnectionFailed);
        options.legacyAlgorithms = true;
        auto legacy = SshTransport::probeHostKey(options);
        QVERIFY2(legacy, legacy ? "" : qPrintable(fs::describe(legacy.error())));
        QCOMPARE(legacy->keyType, QStringLiteral("ssh-rsa"));
        QCOMPARE(legacy->fingerprint, server.hostKeyFingerprintSha256());

        const DeviceCollector collector(*m_profiles);
        SshTransport transport(std::move(options),
                               [](const HostKeyInfo &) -> fs::Result<void> { return {}; });
        auto outcome = collector.collect(transport, {{}, QStringLiteral("cisco_ios"), {}}, SessionOptions());
        QVERIFY2(!outcome.error,
                 qPrintable(outcome.error ? errorText(outcome) + server.diagnostics() : QString()));
        QCOMPARE(outcome.facts.version, QStringLiteral("12.2(54)SG1"));
    }

    void libsshPasswordKeyboardInteractiveAndWrongPassword()
    {
        fs::test::LibsshTestServer::Options serverOptions;
        serverOptions.emulator = {QStringLiteral("yamaha"), {}};
        fs::test::LibsshTestServer server(serverOptions);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const DeviceCollector collector(*m_profiles);
        const auto accept = [&server](const HostKeyInfo &key) -> fs::Result<void> {
            if (key.fingerprint != server.hostKeyFingerprintSha256())
                return fs::fail(fs::ErrorCode::HostKeyChanged, key.fingerprint);
            return {};
        };
        const auto options = [&server](const QString &password) {
            SshOptions o;
            o.host = server.host();
            o.port = server.port();
            o.user = server.userName();
            o.password = secret(password);
            return o;
        };
        SshTransport wrong(options(QStringLiteral("wrong-password")), accept);
        auto refused = collector.collect(wrong, {m_device, QStringLiteral("yamaha"), server.userName()},
                                         SessionOptions());
        QVERIFY(refused.error);
        QCOMPARE(refused.error->code, fs::ErrorCode::AuthenticationFailed);

        SshTransport right(options(server.password()), accept);
        auto outcome = collector.collect(right, {m_device, QStringLiteral("yamaha"), server.userName()},
                                         SessionOptions());
        QVERIFY2(!outcome.error,
                 qPrintable(outcome.error ? errorText(outcome) + server.diagnostics() : QString()));
        QCOMPARE(outcome.facts.vendor, QStringLiteral("Yamaha"));
        QCOMPARE(outcome.facts.version, QStringLiteral("10.01.71"));
        QVERIFY(DeviceCollector::keep(*m_store, outcome));
        QVERIFY(!outcome.record.transcript.text.contains(server.password()));
        QVERIFY(!server.emulatorLog().contains(QStringLiteral("FORBIDDEN")));
    }

    void keyboardInteractiveOnly()
    {
        fs::test::LibsshTestServer::Options serverOptions;
        serverOptions.emulator = {QStringLiteral("fortios"), {QStringLiteral("--banner-accept")}};
        serverOptions.passwordAuthentication = false;
        fs::test::LibsshTestServer server(serverOptions);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshOptions options;
        options.host = server.host();
        options.port = server.port();
        options.user = server.userName();
        options.password = secret(server.password());
        SshTransport transport(std::move(options),
                               [](const HostKeyInfo &) -> fs::Result<void> { return {}; });
        const DeviceCollector collector(*m_profiles);
        auto outcome = collector.collect(transport, {{}, QString(), {}}, SessionOptions());
        QVERIFY2(!outcome.error,
                 qPrintable(outcome.error ? errorText(outcome) + server.diagnostics() : QString()));
        QCOMPARE(outcome.facts.profileId, QStringLiteral("fortinet"));
        QCOMPARE(outcome.facts.model, QStringLiteral("FortiGate-60F"));
        QVERIFY(!server.emulatorLog().contains(QStringLiteral("FORBIDDEN")));
    }

    void silentDeviceTimesOutOverSsh()
    {
        fs::test::OpenSshServer server({{QStringLiteral("silent"), {}}, false});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshOptions options = keyLogin(server);
        SshTransport transport(std::move(options),
                               [](const HostKeyInfo &) -> fs::Result<void> { return {}; });
        SessionOptions session;
        session.promptTimeoutMs = 2000;
        session.idleTimeoutMs = 2000;
        const DeviceCollector collector(*m_profiles);
        auto outcome =
            collector.collect(transport, {{}, QStringLiteral("cisco_ios"), {}}, std::move(session));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, fs::ErrorCode::Timeout);
    }

    void floodingDeviceIsCutOffOverSsh()
    {
        fs::test::OpenSshServer server({{QStringLiteral("flood"), {}}, false});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshOptions options = keyLogin(server);
        SshTransport transport(std::move(options),
                               [](const HostKeyInfo &) -> fs::Result<void> { return {}; });
        SessionOptions session;
        session.maxBytes = 4 * 1024 * 1024;
        const DeviceCollector collector(*m_profiles);
        auto outcome =
            collector.collect(transport, {{}, QStringLiteral("cisco_ios"), {}}, std::move(session));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->code == fs::ErrorCode::InvalidData ||
                     outcome.error->code == fs::ErrorCode::Timeout,
                 qPrintable(errorText(outcome)));
        QVERIFY(outcome.record.transcript.text.size() < 6 * 1024 * 1024);
    }

    void serialConsoleWithLogin()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QFAIL("socat is needed (installer/deps-debian.sh installs it)");
        fs::test::SerialPair pair;
        QVERIFY2(pair.start(), qPrintable(pair.logText()));
        SerialOptions serial;
        serial.port = pair.devicePath();
        serial.baudRate = 9600;
        serial.sendBreakOnOpen = true; // a pty takes the break like a console cable does
        SerialTransport transport(serial);
        SessionOptions session;
        session.user = QStringLiteral("admin");
        session.password = secret(QStringLiteral("pw"));
        const DeviceCollector collector(*m_profiles);
        auto outcome = collector.collect(
            transport, {m_device, QStringLiteral("cisco_ios"), QStringLiteral("admin")}, std::move(session));
        QVERIFY2(!outcome.error,
                 qPrintable(outcome.error ? errorText(outcome) + pair.emulatorLog() : QString()));
        QCOMPARE(outcome.facts.version, QStringLiteral("12.2(54)SG1"));
        QCOMPARE(outcome.record.transcript.method, fs::model::TranscriptMethod::Console);
        QVERIFY(outcome.record.transcript.peer.contains(QStringLiteral("9600 8N1")));
        QVERIFY(DeviceCollector::keep(*m_store, outcome));
        QVERIFY(!pair.emulatorLog().contains(QStringLiteral("FORBIDDEN")));
        // Logged out at the end: the console is not left open.
        QVERIFY2(pair.emulatorLog().contains(QStringLiteral("RECV CR exit")) ||
                     pair.emulatorLog().contains(QStringLiteral("exit")),
                 qPrintable(pair.emulatorLog()));
    }

    void cliCollectsWithExplicitHostKeyAcceptance()
    {
        fs::test::LibsshTestServer::Options serverOptions;
        serverOptions.emulator = {QStringLiteral("cisco"), {}};
        fs::test::LibsshTestServer server(serverOptions);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        m_store.reset(); // the CLI opens the survey itself
        const auto run = [&](const QStringList &extra, QByteArray *output, QByteArray *error) {
            const auto result = fs::test::runProgram(
                QStringLiteral(FS_CLI),
                QStringList{QStringLiteral("collect"), m_path, QStringLiteral("--device"),
                            QStringLiteral("CAF0001/1"), QStringLiteral("--ssh"),
                            QStringLiteral("%1:%2").arg(server.host()).arg(server.port()),
                            QStringLiteral("--user"), server.userName(), QStringLiteral("--password-stdin"),
                            QStringLiteral("--profile"), QStringLiteral("cisco_ios")} +
                    extra,
                QProcessEnvironment::systemEnvironment(), server.password().toUtf8() + '\n');
            *output = result.out;
            *error = result.err;
            return result.exitCode;
        };
        QByteArray output;
        QByteArray error;
        QCOMPARE(run({}, &output, &error), 1);
        QVERIFY2(error.contains(server.hostKeyFingerprintSha256().toUtf8()), error.constData());
        QVERIFY2(error.contains("--accept-host-key"), error.constData());
        const int status =
            run({QStringLiteral("--accept-host-key"), server.hostKeyFingerprintSha256()}, &output, &error);
        QVERIFY2(status == 0, error.constData());
        const QJsonObject json = QJsonDocument::fromJson(output).object();
        QCOMPARE(json.value(QStringLiteral("version")).toString(), QStringLiteral("12.2(54)SG1"));
        QVERIFY(json.value(QStringLiteral("facts_recorded")).toInt() >= 3);

        auto store = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly);
        QVERIFY(store);
        QCOMPARE((*store)->knownHost(server.host(), server.port())->value().fingerprint,
                 server.hostKeyFingerprintSha256());
        QCOMPARE(fs::model::factValue((*store)->connectionPoints()->at(0).devices.at(0).facts,
                                      QStringLiteral("firmware")),
                 QStringLiteral("12.2(54)SG1"));
        QVERIFY(!output.contains(server.password().toUtf8()));
        QVERIFY(!error.contains(server.password().toUtf8()));
    }

    // Last: nothing written by the tests above holds a password.
    void secretsNeverReachDiskOrLog()
    {
        const QStringList secrets{kEnablePassword, QStringLiteral("emulator-pass"),
                                  QStringLiteral("wrong-password")};
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QString &s : secrets)
                QVERIFY2(!bytes.contains(s.toUtf8()), qPrintable(name + QStringLiteral(" holds a password")));
        }
        QMutexLocker lock(&g_messagesMutex);
        QVERIFY(!g_messages.isEmpty());
        for (const QString &message : std::as_const(g_messages)) {
            for (const QString &s : secrets)
                QVERIFY2(!message.contains(s),
                         qPrintable(QStringLiteral("log line with a password: ") + message));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_device;
    std::unique_ptr<SurveyStore> m_store;
    std::unique_ptr<ProfileSet> m_profiles;
};

QTEST_GUILESS_MAIN(TestSshCollect)
#include "tst_sshcollect.moc"
