// The session driver against the device emulator on pipes (the same emulator the SSH and serial
// tests put behind real peers): prompts, pagers, banners, enable, the Yamaha quirks, silence,
// floods, cancellation, the read-only guard, pasted transcripts, and secrets kept out.
#include "clisession.h"
#include "devicecollector.h"
#include "pastedtranscript.h"
#include "profileset.h"
#include "secretredactor.h"
#include "testpaths.h"
#include "transport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace fs::collect;

namespace {

QString emulatorPath()
{
    return fs::test::sourceDir() + QStringLiteral("/tests/collect/emulator/device_emulator.py");
}

// The emulator as a device on pipes.
class ProcessTransport final : public Transport
{
public:
    explicit ProcessTransport(QStringList arguments)
        : m_arguments(std::move(arguments))
    {
    }
    ~ProcessTransport() override { close(); }

    fs::Result<void> open() override
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(QStringLiteral("python3"), QStringList{emulatorPath()} + m_arguments);
        if (!m_process->waitForStarted(5000))
            return fs::fail(fs::ErrorCode::ConnectionFailed, m_process->errorString());
        return {};
    }
    fs::Result<QByteArray> read(int timeoutMs) override
    {
        if (m_process->bytesAvailable() == 0 && !m_process->waitForReadyRead(timeoutMs)) {
            if (m_process->state() == QProcess::NotRunning)
                return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("emulator exited"));
            return QByteArray();
        }
        return m_process->readAllStandardOutput();
    }
    fs::Result<void> write(const QByteArray &bytes) override
    {
        written += bytes;
        m_process->write(bytes);
        m_process->waitForBytesWritten(2000);
        return {};
    }
    void close() override
    {
        if (m_process) {
            m_process->closeWriteChannel();
            if (!m_process->waitForFinished(2000)) {
                m_process->kill();
                m_process->waitForFinished(2000);
            }
            m_process.reset();
        }
    }
    QString peer() const override { return QStringLiteral("emulator"); }
    fs::model::TranscriptMethod method() const override { return fs::model::TranscriptMethod::Console; }

    QByteArray written;

private:
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
};

Secret secret(const char *text)
{
    QByteArray bytes(text);
    return Secret::fromUtf8(bytes);
}

QString logText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestCliSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed for the device emulator (installer/deps-debian.sh installs it)");
        auto profiles = ProfileSet::builtIn();
        QVERIFY2(profiles, profiles ? "" : qPrintable(fs::describe(profiles.error())));
        m_profiles = std::make_unique<ProfileSet>(std::move(*profiles));
        QVERIFY(m_dir.isValid());
    }

    void ciscoWithEnableAndPager()
    {
        const QString log = m_dir.filePath(QStringLiteral("cisco.log"));
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("cisco"),
                                    QStringLiteral("--log"), log, QStringLiteral("--enable-password"),
                                    QStringLiteral("s3cret-enable")});
        SessionOptions options;
        options.enablePassword = secret("s3cret-enable");
        const DeviceCollector collector(*m_profiles);
        auto outcome =
            collector.collect(transport, {{}, QStringLiteral("cisco_ios"), {}}, std::move(options));
        QVERIFY2(!outcome.error, outcome.error ? qPrintable(fs::describe(*outcome.error)) : "");
        QCOMPARE(outcome.facts.vendor, QStringLiteral("Cisco"));
        QCOMPARE(outcome.facts.model, QStringLiteral("WS-C4948E"));
        QCOMPARE(outcome.facts.version, QStringLiteral("12.2(54)SG1"));
        const QString transcript = outcome.record.transcript.text;
        QVERIFY(transcript.contains(QStringLiteral("show version")));
        QVERIFY(!transcript.contains(QStringLiteral("s3cret-enable")));
        QVERIFY(!transcript.contains(QStringLiteral("--More--")));
        const QString events = logText(log);
        QVERIFY2(!events.contains(QStringLiteral("FORBIDDEN")), qPrintable(events));
        QVERIFY2(events.contains(QStringLiteral("SECRET")), qPrintable(events));
        QVERIFY2(!events.contains(QStringLiteral("s3cret-enable")), qPrintable(events));
    }

    void ciscoPagerAnsweredWhenPagingStaysOn()
    {
        // Without enable, the session still pages; every --More-- gets a space.
        const QString log = m_dir.filePath(QStringLiteral("cisco-pager.log"));
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("cisco"),
                                    QStringLiteral("--log"), log, QStringLiteral("--page-lines"),
                                    QStringLiteral("5")});
        auto rules = SessionRules::fromProfile(*m_profiles->profile(QStringLiteral("cisco_ios")));
        rules.pagingOff.clear();
        CliSession session(transport, rules, SessionOptions());
        auto result = session.run();
        QVERIFY2(result, result ? "" : qPrintable(fs::describe(result.error())));
        const QString version = QString::fromUtf8(result->outputs.value(QStringLiteral("show version")));
        QVERIFY2(version.contains(QStringLiteral("12.2(54)SG1")), qPrintable(version));
        QVERIFY(!version.contains(QStringLiteral("More")));
        QVERIFY(logText(log).contains(QStringLiteral("PAGER SPACE")));
    }

    void yamahaCrShiftJisAndTheDroppedFirstCommand()
    {
        const QString log = m_dir.filePath(QStringLiteral("yamaha.log"));
        ProcessTransport transport(
            {QStringLiteral("--personality"), QStringLiteral("yamaha"), QStringLiteral("--log"), log});
        const DeviceCollector collector(*m_profiles);
        auto outcome = collector.collect(transport, {{}, QStringLiteral("yamaha"), {}}, SessionOptions());
        QVERIFY2(!outcome.error, outcome.error ? qPrintable(fs::describe(*outcome.error)) : "");
        QCOMPARE(outcome.facts.vendor, QStringLiteral("Yamaha"));
        QCOMPARE(outcome.facts.version, QStringLiteral("10.01.71"));
        QVERIFY(transport.written.contains("\r"));
        // The device's own secrets (PPP password, IPsec pre-shared key, login passwords) are not
        // kept in the transcript, nor shown live.
        for (const char *secret : {"emulator-pp-not-a-secret", "emulator-psk-not-a-secret",
                                   "emulator-login-not-a-secret", "emulator-admin-not-a-secret"})
            QVERIFY2(!outcome.record.transcript.text.contains(QLatin1StringView(secret)), secret);
        QVERIFY(!transport.written.contains("\n"));
        const QString events = logText(log);
        QVERIFY2(!events.contains(QStringLiteral("FORBIDDEN")), qPrintable(events));
        QVERIFY2(events.contains(QStringLiteral("DROPPED")), qPrintable(events));
    }

    void fortiosDisclaimerAndAutoDetection()
    {
        const QString log = m_dir.filePath(QStringLiteral("fortios.log"));
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("fortios"),
                                    QStringLiteral("--log"), log, QStringLiteral("--banner-accept")});
        const DeviceCollector collector(*m_profiles);
        auto outcome = collector.collect(transport, {{}, QString(), {}}, SessionOptions());
        QVERIFY2(!outcome.error, outcome.error ? qPrintable(fs::describe(*outcome.error)) : "");
        QCOMPARE(outcome.facts.profileId, QStringLiteral("fortinet"));
        QCOMPARE(outcome.facts.model, QStringLiteral("FortiGate-60F"));
        QVERIFY2(outcome.facts.version.startsWith(QStringLiteral("v7.0.7")),
                 qPrintable(outcome.facts.version));
        const QString events = logText(log);
        QVERIFY2(!events.contains(QStringLiteral("FORBIDDEN")), qPrintable(events));
        QVERIFY2(events.contains(QStringLiteral("KEY a")), qPrintable(events));
    }

    void silentDeviceTimesOut()
    {
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("silent")});
        SessionOptions options;
        options.promptTimeoutMs = 1500;
        options.idleTimeoutMs = 1500;
        CliSession session(transport,
                           SessionRules::fromProfile(*m_profiles->profile(QStringLiteral("cisco_ios"))),
                           std::move(options));
        QElapsedTimer timer;
        timer.start();
        auto result = session.run();
        QVERIFY(!result);
        QCOMPARE(result.error().code, fs::ErrorCode::Timeout);
        qInfo("silent device given up after %lld ms", qlonglong(timer.elapsed()));
    }

    void floodingDeviceIsCutOff()
    {
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("flood")});
        SessionOptions options;
        options.maxBytes = 2 * 1024 * 1024;
        CliSession session(transport,
                           SessionRules::fromProfile(*m_profiles->profile(QStringLiteral("cisco_ios"))),
                           std::move(options));
        auto result = session.run();
        QVERIFY(!result);
        QCOMPARE(result.error().code, fs::ErrorCode::InvalidData);
        QVERIFY(session.transcript().size() < 3 * 1024 * 1024);
    }

    void cancelStopsAWaitingSession()
    {
        ProcessTransport transport({QStringLiteral("--personality"), QStringLiteral("silent")});
        Cancellation cancellation;
        CliSession session(transport,
                           SessionRules::fromProfile(*m_profiles->profile(QStringLiteral("cisco_ios"))),
                           SessionOptions(), &cancellation);
        std::thread stopper([&cancellation] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            cancellation.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        auto result = session.run();
        stopper.join();
        QVERIFY(!result);
        QCOMPARE(result.error().code, fs::ErrorCode::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
    }

    void guardRefusesAConfigurationCommand()
    {
        const QString log = m_dir.filePath(QStringLiteral("guard.log"));
        ProcessTransport transport(
            {QStringLiteral("--personality"), QStringLiteral("cisco"), QStringLiteral("--log"), log});
        auto rules = SessionRules::fromProfile(*m_profiles->profile(QStringLiteral("cisco_ios")));
        rules.commands.append(
            SessionRules::Command{QStringLiteral("bad"), QStringLiteral("configure terminal")});
        CliSession session(transport, rules, SessionOptions());
        auto result = session.run();
        QVERIFY(!result);
        QCOMPARE(result.error().code, fs::ErrorCode::NotReadOnly);
        QVERIFY(!logText(log).contains(QStringLiteral("FORBIDDEN")));
        QVERIFY(!logText(log).contains(QStringLiteral("configure")));
    }

    void pastedTranscriptsAreSplitAtTheirPrompts()
    {
        const QString text = QStringLiteral("login as: admin\n"
                                            "Router#show version\n"
                                            "Cisco IOS Software, Version 15.2\n"
                                            "Router uptime is 2 weeks\n"
                                            "Router#show inventory\n"
                                            "NAME: \"Chassis\"\n"
                                            "Router#exit\n");
        const auto outputs = PastedTranscript::commandOutputs(
            text, {QStringLiteral("show version"), QStringLiteral("show inventory")});
        QCOMPARE(outputs.value(QStringLiteral("show version")),
                 QStringLiteral("Cisco IOS Software, Version 15.2\nRouter uptime is 2 weeks"));
        QCOMPARE(outputs.value(QStringLiteral("show inventory")), QStringLiteral("NAME: \"Chassis\""));
        // Yamaha: a bare "> " prompt; the "# …" lines of its output are not prompts.
        const auto yamaha = PastedTranscript::commandOutputs(
            QStringLiteral("> show config\n# RTX1220 Rev.15.02.29\nip lan1 address 192.168.0.1/24\n> exit\n"),
            {QStringLiteral("show config")});
        QCOMPARE(yamaha.value(QStringLiteral("show config")),
                 QStringLiteral("# RTX1220 Rev.15.02.29\nip lan1 address 192.168.0.1/24"));
    }

    void pastedSessionFromTheCorpusParses()
    {
        QFile raw(fs::test::sharedFile(QStringLiteral("corpus/devices/fortinet/get_system_status/"
                                                      "fortinet_get_system_status_7.0.raw")));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray log = "FGT60F # get system status\n" + raw.readAll() + "\nFGT60F # exit\n";
        const DeviceCollector collector(*m_profiles);
        auto outcome = collector.importTranscript(log, {{}, QString(), {}});
        QVERIFY2(outcome, outcome ? "" : qPrintable(fs::describe(outcome.error())));
        QCOMPARE(outcome->facts.model, QStringLiteral("FortiGate-60F"));
        QCOMPARE(outcome->record.transcript.method, fs::model::TranscriptMethod::Transcript);
        // Garbage is refused clearly.
        auto garbage = collector.importTranscript(QByteArray(1000, '\x01'), {{}, QString(), {}});
        QVERIFY(garbage);
        QVERIFY(!garbage->facts.identified());
        QVERIFY(!garbage->facts.notes.isEmpty());
        auto huge =
            collector.importTranscript(QByteArray(PastedTranscript::kMaxBytes + 1, 'a'), {{}, QString(), {}});
        QVERIFY(!huge);
    }

    void configurationSecretsAreMasked_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("masked");
        const auto row = [](const char *name, const char *line, const char *masked) {
            QTest::newRow(name) << QString::fromUtf8(line) << QString::fromUtf8(masked);
        };
        row("yamaha pp", " pp auth myname user@isp.example.jp Pp-Pass",
            " pp auth myname user@isp.example.jp ********");
        row("yamaha psk", "  ipsec ike pre-shared-key 1 text Psk-Value",
            "  ipsec ike pre-shared-key 1 text ********");
        row("yamaha login", "login password encrypted 0Abc", "login password encrypted ********");
        row("cisco enable", "enable secret 5 $1$mERr$hx5rVt7", "enable secret 5 ********");
        row("cisco user", "username admin privilege 15 password 7 0822455D0A16",
            "username admin privilege 15 password 7 ********");
        row("cisco isakmp", "crypto isakmp key Isakmp-Key address 203.0.113.10",
            "crypto isakmp key ******** address 203.0.113.10");
        row("cisco snmp", "snmp-server community Public-Ro RO", "snmp-server community ******** RO");
        row("fortios psk", "        set psksecret ENC AbCdEf==", "        set psksecret ENC ********");
        row("fortios password", "        set password ENC SH2xyz", "        set password ENC ********");
        row("junos", "encrypted-password \"$6$abc\"; ## SECRET-DATA",
            "encrypted-password \"********\"; ## SECRET-DATA");
        row("huawei", " pre-shared-key cipher %^%#abc%^%#", " pre-shared-key cipher ********");
        row("generic", "wifi passphrase=Guest-2026", "wifi passphrase=********");
        row("no secret", "ip lan1 address 192.168.100.1/24", "ip lan1 address 192.168.100.1/24");
        row("version line", "RTX1200 Rev.10.01.71 (Thu Sep 29 15:08:40 2016)",
            "RTX1200 Rev.10.01.71 (Thu Sep 29 15:08:40 2016)");
    }

    void configurationSecretsAreMasked()
    {
        QFETCH(QString, line);
        QFETCH(QString, masked);
        QCOMPARE(SecretRedactor::redact(line), masked);
    }

    void secretsPrintRedacted()
    {
        Secret s = secret("hunter2");
        QString printed;
        QDebug(&printed) << s;
        QCOMPARE(printed.trimmed(), QStringLiteral("<redacted>"));
        Secret moved = std::move(s);
        QVERIFY(s.isEmpty());
        QCOMPARE(QByteArray(moved.reveal(), moved.size()), QByteArray("hunter2"));
        QString typed = QStringLiteral("typed");
        Secret fromText = Secret::fromString(typed);
        QVERIFY(typed.isEmpty());
        QCOMPARE(fromText.size(), 5);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileSet> m_profiles;
};

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
