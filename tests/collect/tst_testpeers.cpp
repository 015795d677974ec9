// Self-tests of the SSH and serial test peers (tests/support/sshtestserver.h) and of the device
// emulator behind them, driven by the real OpenSSH client (/usr/bin/ssh, ssh-keyscan) and plain POSIX
// terminal I/O - never by product code, so that a product test failing against these peers points at
// the product.
#include "sshtestserver.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>

using namespace fs::test;

namespace {

constexpr int expectTimeoutMs = 10000;
const QString sshProgram = QStringLiteral("/usr/bin/ssh");

// Shows control characters, so that a failure message shows what the peer really sent.
QString visible(const QByteArray &bytes)
{
    QString text;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\n')
            text += QStringLiteral("\\n\n");
        else if (byte == '\r')
            text += QStringLiteral("\\r");
        else if (byte < 0x20 || byte == 0x7f)
            text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        else
            text += QChar::fromLatin1(c);
    }
    return text;
}

// ssh runs in a session of its own (no controlling terminal: passwords come only from SSH_ASKPASS)
// and ends with the test.
void detachFromTerminal(QProcess &process)
{
    process.setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
}

// One run of /usr/bin/ssh with send / expect on its stdin and stdout.
class SshRun
{
public:
    explicit SshRun(const QStringList &arguments,
                    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProgram(sshProgram);
        m_process.setArguments(arguments);
        m_process.setProcessEnvironment(environment);
        detachFromTerminal(m_process);
        m_process.start();
    }
    ~SshRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(peerStopTimeoutMs);
        }
    }

    // Waits until text arrives after what earlier expect() calls consumed.
    bool expect(const QByteArray &text, int timeoutMs = expectTimeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            collect();
            const qsizetype at = m_output.indexOf(text, m_position);
            if (at >= 0) {
                m_position = at + text.size();
                return true;
            }
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(
                static_cast<int>(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
        }
    }
    void send(const QByteArray &bytes) { m_process.write(bytes); }
    bool finish(int timeoutMs = expectTimeoutMs)
    {
        const bool finished =
            m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
        collect();
        return finished;
    }
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(peerStopTimeoutMs);
        collect();
    }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QByteArray output() const { return m_output; }
    QByteArray sinceLastExpect() const { return m_output.mid(m_position); }
    QString errors() const { return QString::fromUtf8(m_errors); }
    QProcess &process() { return m_process; }
    QString describe() const
    {
        return QStringLiteral("ssh exit %1\n--- ssh stdout ---\n%2\n--- ssh stderr ---\n%3")
            .arg(m_process.state() == QProcess::NotRunning ? QString::number(m_process.exitCode())
                                                           : QStringLiteral("(running)"),
                 visible(m_output.right(3000)), errors());
    }

    void collect()
    {
        m_output += m_process.readAllStandardOutput();
        m_errors += m_process.readAllStandardError();
    }

private:
    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
    qsizetype m_position = 0;
};

// ssh options shared by every run: no config files, no agent, no terminal, a known_hosts of the test's own.
QStringList sshBase(quint16 port, const QString &knownHosts)
{
    return {QStringLiteral("-F"), QStringLiteral("/dev/null"),
            QStringLiteral("-p"), QString::number(port),
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + knownHosts,
            QStringLiteral("-o"), QStringLiteral("GlobalKnownHostsFile=/dev/null"),
            QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=accept-new"),
            QStringLiteral("-o"), QStringLiteral("ConnectTimeout=5"),
            QStringLiteral("-o"), QStringLiteral("IdentityAgent=none"),
            QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes")};
}

// Public-key login to the OpenSSH peer as the current user, with a PTY.
QStringList opensshArguments(const OpenSshServer &server, const QString &knownHosts,
                             const QStringList &extra = {})
{
    return sshBase(server.port(), knownHosts) + extra +
           QStringList{QStringLiteral("-o"),  QStringLiteral("BatchMode=yes"),
                       QStringLiteral("-i"),  server.clientPrivateKeyPath(),
                       QStringLiteral("-tt"), server.userName() + QLatin1Char('@') + server.host()};
}

// Password (or keyboard-interactive) login to the libssh peer; the secret comes from an askpass script.
struct PasswordLogin
{
    QStringList arguments;
    QProcessEnvironment environment;
};

PasswordLogin passwordLogin(const LibsshTestServer &server, const QString &knownHosts, const QString &method,
                            const QString &password, const QStringList &extra = {}, bool tty = true)
{
    static int counter = 0;
    const QString script = QStringLiteral("%1/askpass-%2.sh").arg(server.directory()).arg(++counter);
    QString quoted = password;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    if (!writeFile(script, QStringLiteral("#!/bin/sh\nprintf '%s\\n' '%1'\n").arg(quoted).toUtf8()))
        qWarning("cannot write %s", qPrintable(script));
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    PasswordLogin login;
    login.environment = QProcessEnvironment::systemEnvironment();
    login.environment.insert(QStringLiteral("SSH_ASKPASS"), script);
    login.environment.insert(QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force"));
    login.environment.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0"));
    login.arguments = sshBase(server.port(), knownHosts) + extra +
                      QStringList{QStringLiteral("-o"), QStringLiteral("BatchMode=no"),
                                  QStringLiteral("-o"), QStringLiteral("PubkeyAuthentication=no"),
                                  QStringLiteral("-o"), QStringLiteral("PreferredAuthentications=") + method,
                                  QStringLiteral("-o"), QStringLiteral("NumberOfPasswordPrompts=1")};
    if (tty)
        login.arguments << QStringLiteral("-tt");
    login.arguments << server.userName() + QLatin1Char('@') + server.host();
    return login;
}

// A pseudo-terminal opened the way a serial console client opens it: raw, no echo, non-blocking.
class RawTerminal
{
public:
    explicit RawTerminal(const QString &path)
    {
        m_fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (m_fd < 0)
            return;
        termios mode{};
        ::tcgetattr(m_fd, &mode);
        ::cfmakeraw(&mode);
        ::cfsetispeed(&mode, B9600);
        ::cfsetospeed(&mode, B9600);
        ::tcsetattr(m_fd, TCSANOW, &mode);
    }
    ~RawTerminal()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isOpen() const { return m_fd >= 0; }
    void send(const QByteArray &bytes)
    {
        qsizetype done = 0;
        QDeadlineTimer deadline(expectTimeoutMs);
        while (done < bytes.size() && !deadline.hasExpired()) {
            const ssize_t n =
                ::write(m_fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
            if (n > 0)
                done += n;
            else
                QTest::qWait(5);
        }
    }
    bool expect(const QByteArray &text, int timeoutMs = expectTimeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            const qsizetype at = m_input.indexOf(text, m_position);
            if (at >= 0) {
                m_position = at + text.size();
                return true;
            }
            if (deadline.hasExpired())
                return false;
            pollfd fd{m_fd, POLLIN, 0};
            if (::poll(&fd, 1, 50) > 0 && (fd.revents & POLLIN)) {
                char buffer[4096];
                const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
                if (n > 0)
                    m_input.append(buffer, n);
            }
        }
    }
    QByteArray input() const { return m_input; }
    qsizetype position() const { return m_position; }

private:
    int m_fd = -1;
    QByteArray m_input;
    qsizetype m_position = 0;
};

const QByteArray iosVersionLine =
    "Cisco IOS Software, Catalyst 4500 L3 Switch Software (cat4500e-ENTSERVICESK9-M), "
    "Version 12.2(54)SG1, RELEASE SOFTWARE (fc1)";

} // namespace

class TestTestPeers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const QString &tool :
             {QStringLiteral("/usr/sbin/sshd"), sshProgram, QStringLiteral("/usr/bin/ssh-keygen"),
              QStringLiteral("/usr/bin/ssh-keyscan")})
            QVERIFY2(QFile::exists(tool),
                     qPrintable(tool + QStringLiteral(" missing: installer/deps-debian.sh")));
        QVERIFY2(!python3Path().isEmpty(), "python3 missing: installer/deps-debian.sh");
        QVERIFY2(QFile::exists(deviceEmulatorPath()), qPrintable(deviceEmulatorPath()));
        QVERIFY2(QFile::exists(deviceCorpusDir()), qPrintable(deviceCorpusDir()));
    }

    // The OpenSSH peer: public key, PTY, enable, no paging, show version, and nothing that changes config.
    void openSshCiscoSession()
    {
        OpenSshServer server(OpenSshServer::Options{
            .emulator = {QStringLiteral("cisco"),
                         {QStringLiteral("--enable-password"), QStringLiteral("en-Secret1")}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        QVERIFY(server.port() > 0);
        QVERIFY(server.hostKeyFingerprintSha256().startsWith(QLatin1String("SHA256:")));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");

        SshRun ssh(opensshArguments(server, knownHosts));
        QVERIFY2(ssh.expect("Router>"), qPrintable(ssh.describe() + server.diagnostics()));
        ssh.send("enable\n");
        QVERIFY2(ssh.expect("Password: "), qPrintable(ssh.describe()));
        ssh.send("en-Secret1\n");
        QVERIFY2(ssh.expect("Router#"), qPrintable(ssh.describe()));
        ssh.send("terminal length 0\n");
        QVERIFY2(ssh.expect("Router#"), qPrintable(ssh.describe()));
        ssh.send("show version\n");
        QVERIFY2(ssh.expect("Configuration register is 0x2102\r\nRouter#"), qPrintable(ssh.describe()));
        ssh.send("exit\n");
        QVERIFY2(ssh.finish(), qPrintable(ssh.describe()));
        QCOMPARE(ssh.exitCode(), 0);

        QVERIFY2(ssh.output().contains(iosVersionLine), qPrintable(ssh.describe()));
        QVERIFY2(!ssh.output().contains("--More--"), "terminal length 0 must switch the pager off");
        QVERIFY2(!ssh.output().contains("en-Secret1"), "the enable password must not be echoed");
        const QString log = server.emulatorLog();
        QVERIFY2(log.contains(QLatin1String("START personality=cisco tty=yes")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("SECRET LF accepted")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("RECV LF show version")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("FORBIDDEN")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("en-Secret1")), "the emulator log must not hold the password");
        QVERIFY2(
            server.logText().contains(QStringLiteral("Accepted publickey for %1").arg(server.userName())),
            qPrintable(server.logText()));
        // accept-new stored exactly the key the server reports.
        QVERIFY2(readFile(knownHosts).contains(server.hostPublicKey().toUtf8()),
                 readFile(knownHosts).constData());
    }

    // The IOS pager and the FORBIDDEN marker a collector test relies on.
    void openSshPagerAndForbiddenMarker()
    {
        OpenSshServer server(OpenSshServer::Options{
            .emulator = {QStringLiteral("cisco"),
                         {QStringLiteral("--enable-password"), QStringLiteral("pw")}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshRun ssh(opensshArguments(server, server.directory() + QStringLiteral("/known_hosts")));
        QVERIFY2(ssh.expect("Router>"), qPrintable(ssh.describe() + server.diagnostics()));
        ssh.send("show version\n");
        QVERIFY2(
            ssh.expect("to comply with U.S. and local laws, return this product immediately.\r\n --More-- "),
            qPrintable(ssh.describe()));
        ssh.send(" ");
        QVERIFY2(ssh.expect(QByteArray(9, '\b') + QByteArray(9, ' ') + QByteArray(9, '\b') +
                            "\r\nA summary of U.S. laws"),
                 qPrintable(ssh.describe()));
        QVERIFY2(ssh.expect("Configuration register is 0x2102\r\nRouter>"), qPrintable(ssh.describe()));
        ssh.send("enable\n");
        QVERIFY(ssh.expect("Password: "));
        ssh.send("wrong\n");
        QVERIFY2(ssh.expect("% Access denied\r\n\r\nRouter>"), qPrintable(ssh.describe()));
        ssh.send("enable\n");
        QVERIFY(ssh.expect("Password: "));
        ssh.send("pw\n");
        QVERIFY(ssh.expect("Router#"));
        ssh.send("show running-config | include crypto map\n");
        QVERIFY2(ssh.expect("crypto map VPN-VENDOR 10 ipsec-isakmp\r\n crypto map VPN-VENDOR\r\nRouter#"),
                 qPrintable(ssh.describe()));
        ssh.send("sh foo\n");
        QVERIFY2(ssh.expect("          ^\r\n% Invalid input detected at '^' marker."),
                 qPrintable(ssh.describe()));
        ssh.send("conf t\n");
        QVERIFY2(
            ssh.expect("Enter configuration commands, one per line.  End with CNTL/Z.\r\nRouter(config)#"),
            qPrintable(ssh.describe()));
        ssh.send("end\n");
        QVERIFY(ssh.expect("Router#"));
        ssh.send("exit\n");
        QVERIFY(ssh.finish());
        const QString log = server.emulatorLog();
        QVERIFY2(log.contains(QLatin1String("PAGER SPACE")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("SECRET LF rejected")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("FORBIDDEN conf t")), qPrintable(log));
        QCOMPARE(log.count(QLatin1String("FORBIDDEN")), 1);
    }

    void openSshLegacyAlgorithms_data()
    {
        QTest::addColumn<QString>("kex");
        QTest::addColumn<QString>("cipher");
        QTest::newRow("dh-group14-sha1 aes128-cbc")
            << QStringLiteral("diffie-hellman-group14-sha1") << QStringLiteral("aes128-cbc");
        QTest::newRow("dh-group1-sha1 3des-cbc")
            << QStringLiteral("diffie-hellman-group1-sha1") << QStringLiteral("3des-cbc");
    }

    // A legacy-only server: a modern client's defaults fail, the old algorithms enabled one by one work.
    void openSshLegacyAlgorithms()
    {
        QFETCH(QString, kex);
        QFETCH(QString, cipher);
        OpenSshServer server(
            OpenSshServer::Options{.emulator = {QStringLiteral("cisco"), {}}, .legacy = true});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        QCOMPARE(server.hostKeyType(), QStringLiteral("ssh-rsa"));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");

        SshRun modern(opensshArguments(server, knownHosts));
        QVERIFY(modern.finish());
        QCOMPARE(modern.exitCode(), 255);
        QVERIFY2(modern.errors().contains(QLatin1String("no matching key exchange method found")),
                 qPrintable(modern.describe()));

        const QStringList legacy{QStringLiteral("-v"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("KexAlgorithms=") + kex,
                                 QStringLiteral("-o"),
                                 QStringLiteral("HostKeyAlgorithms=ssh-rsa"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("PubkeyAcceptedAlgorithms=+ssh-rsa"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("Ciphers=") + cipher,
                                 QStringLiteral("-o"),
                                 QStringLiteral("MACs=hmac-sha1")};
        SshRun old(opensshArguments(server, knownHosts, legacy));
        QVERIFY2(old.expect("Router>"), qPrintable(old.describe() + server.diagnostics()));
        old.send("exit\n");
        QVERIFY(old.finish());
        QCOMPARE(old.exitCode(), 0);
        QVERIFY2(old.errors().contains(QStringLiteral("kex: algorithm: ") + kex), qPrintable(old.errors()));
        QVERIFY2(old.errors().contains(QLatin1String("kex: host key algorithm: ssh-rsa")),
                 qPrintable(old.errors()));
        QVERIFY2(old.errors().contains(QStringLiteral("cipher: %1 MAC: hmac-sha1").arg(cipher)),
                 qPrintable(old.errors()));
    }

    // replaceHostKey(): same port, new key; the stored known_hosts entry now refuses the server.
    void openSshHostKeyChange()
    {
        OpenSshServer server(OpenSshServer::Options{.emulator = {QStringLiteral("linux"), {}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");
        {
            SshRun first(opensshArguments(server, knownHosts));
            QVERIFY2(first.expect("user@host:~$ "), qPrintable(first.describe() + server.diagnostics()));
            first.send("exit\n");
            QVERIFY(first.finish());
            QCOMPARE(first.exitCode(), 0);
        }
        const quint16 port = server.port();
        const QString oldFingerprint = server.hostKeyFingerprintSha256();
        QVERIFY2(server.replaceHostKey(), qPrintable(server.diagnostics()));
        QCOMPARE(server.port(), port);
        QVERIFY(server.hostKeyFingerprintSha256() != oldFingerprint);

        QProcess keyscan;
        keyscan.start(QStringLiteral("/usr/bin/ssh-keyscan"),
                      {QStringLiteral("-p"), QString::number(port), QStringLiteral("-t"),
                       QStringLiteral("ed25519"), server.host()});
        QVERIFY(keyscan.waitForFinished(expectTimeoutMs));
        QVERIFY2(keyscan.readAllStandardOutput().contains(server.hostPublicKey().toUtf8()),
                 "ssh-keyscan sees the new key");

        SshRun second(opensshArguments(server, knownHosts,
                                       {QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes")}));
        QVERIFY(second.finish());
        QCOMPARE(second.exitCode(), 255);
        QVERIFY2(second.errors().contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED")),
                 qPrintable(second.describe()));
    }

    // A silent device: the SSH session opens, the emulator runs, nothing ever comes back.
    void openSshSilentDevice()
    {
        OpenSshServer server(OpenSshServer::Options{.emulator = {QStringLiteral("silent"), {}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshRun ssh(opensshArguments(server, server.directory() + QStringLiteral("/known_hosts")));
        QDeadlineTimer started(expectTimeoutMs);
        while (!server.emulatorLog().contains(QLatin1String("START personality=silent")) &&
               !started.hasExpired())
            ssh.process().waitForReadyRead(50);
        QVERIFY2(server.emulatorLog().contains(QLatin1String("START personality=silent")),
                 qPrintable(server.diagnostics()));
        ssh.send("show version\n");
        QVERIFY(!ssh.expect("\n", 2000));
        ssh.collect();
        QVERIFY2(ssh.output().isEmpty(), qPrintable(ssh.describe()));
        QCOMPARE(ssh.process().state(), QProcess::Running);
        ssh.kill();
    }

    // A flooding device: 5 MB arrive quickly and the test can walk away.
    void openSshFloodingDevice()
    {
        OpenSshServer server(OpenSshServer::Options{.emulator = {QStringLiteral("flood"), {}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        QProcess ssh;
        detachFromTerminal(ssh);
        ssh.start(sshProgram, opensshArguments(server, server.directory() + QStringLiteral("/known_hosts")));
        QVERIFY(ssh.waitForStarted(expectTimeoutMs));
        ssh.write("\n");
        constexpr qint64 wanted = 5 * 1024 * 1024;
        qint64 received = 0;
        QByteArray sample;
        QElapsedTimer clock;
        clock.start();
        while (received < wanted && clock.elapsed() < 20000 && ssh.state() == QProcess::Running) {
            ssh.waitForReadyRead(200);
            const QByteArray chunk = ssh.readAllStandardOutput();
            if (sample.size() < 4096)
                sample += chunk.left(4096);
            received += chunk.size();
        }
        ssh.kill();
        ssh.waitForFinished(peerStopTimeoutMs);
        QVERIFY2(received >= wanted, qPrintable(QStringLiteral("%1 bytes in %2 ms\n%3")
                                                    .arg(received)
                                                    .arg(clock.elapsed())
                                                    .arg(server.diagnostics())));
        QVERIFY2(sample.contains("\r\n"), qPrintable(visible(sample.left(300))));
        qInfo("flood: %lld bytes in %lld ms", received, clock.elapsed());
    }

    // FortiOS: disclaimer answered with 'a', the "--More-- " pager, and a read-only session.
    void openSshFortiOS()
    {
        OpenSshServer server(OpenSshServer::Options{
            .emulator = {QStringLiteral("fortios"), {QStringLiteral("--banner-accept")}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        SshRun ssh(opensshArguments(server, server.directory() + QStringLiteral("/known_hosts")));
        QVERIFY2(ssh.expect("(Press 'a' to accept):"), qPrintable(ssh.describe() + server.diagnostics()));
        ssh.send("a");
        QVERIFY2(ssh.expect("FGT60F # "), qPrintable(ssh.describe()));
        ssh.send("get system status\n");
        QVERIFY2(
            ssh.expect("get system status\r\r\nVersion: FortiGate-60F v7.0.7,build0367,221005 (GA.F)\r\n"),
            qPrintable(ssh.describe()));
        QVERIFY2(ssh.expect("Current HA mode: standalone\r\n--More-- "), qPrintable(ssh.describe()));
        ssh.send(" ");
        QVERIFY2(ssh.expect("\r         \rBranch point: 0367\r\n"), qPrintable(ssh.describe()));
        QVERIFY2(ssh.expect("Last reboot reason: warm reboot\r\n\r\nFGT60F # "), qPrintable(ssh.describe()));
        ssh.send("show vpn ipsec phase1-interface\n");
        QVERIFY2(ssh.expect("edit \"to-hq\"\r\n        set interface \"wan1\""), qPrintable(ssh.describe()));
        QVERIFY(ssh.expect("FGT60F # "));
        ssh.send("get system interface\n");
        QVERIFY2(ssh.expect("Unknown action 0\r\nCommand fail. Return code -61\r\n"),
                 qPrintable(ssh.describe()));
        ssh.send("exit\n");
        QVERIFY(ssh.finish());
        QCOMPARE(ssh.exitCode(), 0);
        const QString log = server.emulatorLog();
        QVERIFY2(log.contains(QLatin1String("KEY a")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("FORBIDDEN")), qPrintable(log));
    }

    void libsshAuthentication_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("password") << QStringLiteral("password") << QStringLiteral("Lib-Secret9") << true;
        QTest::newRow("wrong password") << QStringLiteral("password") << QStringLiteral("nope") << false;
        QTest::newRow("keyboard-interactive")
            << QStringLiteral("keyboard-interactive") << QStringLiteral("Lib-Secret9") << true;
        QTest::newRow("wrong keyboard-interactive")
            << QStringLiteral("keyboard-interactive") << QStringLiteral("nope") << false;
    }

    void libsshAuthentication()
    {
        QFETCH(QString, method);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        LibsshTestServer::Options options;
        options.emulator = {QStringLiteral("cisco"), {QStringLiteral("--page-lines"), QStringLiteral("0")}};
        options.password = QStringLiteral("Lib-Secret9");
        LibsshTestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");
        const PasswordLogin login = passwordLogin(server, knownHosts, method, password);
        SshRun ssh(login.arguments, login.environment);
        if (accepted) {
            QVERIFY2(ssh.expect("Router>"), qPrintable(ssh.describe() + server.diagnostics()));
            ssh.send("show version\n");
            QVERIFY2(ssh.expect("Configuration register is 0x2102\r\nRouter>"), qPrintable(ssh.describe()));
            ssh.send("exit\n");
            QVERIFY2(ssh.finish(), qPrintable(ssh.describe()));
            QCOMPARE(ssh.exitCode(), 0);
            QVERIFY(ssh.output().contains(iosVersionLine));
            QVERIFY2(readFile(knownHosts).contains(server.hostPublicKey().toUtf8()),
                     readFile(knownHosts).constData());
        } else {
            QVERIFY2(ssh.finish(), qPrintable(ssh.describe()));
            QCOMPARE(ssh.exitCode(), 255);
            QVERIFY2(ssh.errors().contains(QLatin1String("Permission denied")), qPrintable(ssh.describe()));
        }
        const QString expected =
            QStringLiteral("%1 authentication for admin: %2")
                .arg(method == QLatin1String("password") ? QStringLiteral("password")
                                                         : QStringLiteral("keyboard-interactive"),
                     accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"));
        QVERIFY2(server.logText().contains(expected), qPrintable(server.diagnostics()));
        QVERIFY2(!server.logText().contains(password), "the server log must not hold the password");
    }

    // Ten clients at once (the collection benchmark's load), each with its own emulator.
    void libsshConcurrentSessions()
    {
        LibsshTestServer::Options options;
        options.emulator = {QStringLiteral("cisco"), {QStringLiteral("--page-lines"), QStringLiteral("0")}};
        LibsshTestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");
        // All clients share one known_hosts: write it first so that they only read it.
        QVERIFY(writeFile(knownHosts, QStringLiteral("[%1]:%2 %3\n")
                                          .arg(server.host())
                                          .arg(server.port())
                                          .arg(server.hostPublicKey())
                                          .toUtf8()));
        constexpr int clients = 10;
        std::vector<std::unique_ptr<SshRun>> runs;
        for (int i = 0; i < clients; ++i) {
            const PasswordLogin login =
                passwordLogin(server, knownHosts, QStringLiteral("password"), server.password(),
                              {QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes")});
            runs.push_back(std::make_unique<SshRun>(login.arguments, login.environment));
        }
        for (auto &run : runs)
            QVERIFY2(run->expect("Router>"), qPrintable(run->describe() + server.diagnostics()));
        QCOMPARE(server.activeConnectionCount(), clients);
        for (auto &run : runs)
            run->send("show version\nexit\n");
        for (auto &run : runs) {
            QVERIFY2(run->finish(), qPrintable(run->describe()));
            QCOMPARE(run->exitCode(), 0);
            QVERIFY2(run->output().contains(iosVersionLine), qPrintable(run->describe()));
        }
        QCOMPARE(server.connectionCount(), clients);
        QCOMPARE(server.emulatorLog().count(QLatin1String("RECV LF show version")), clients);
    }

    // The libssh peer with old algorithms only.
    void libsshLegacyAlgorithms()
    {
        LibsshTestServer::Options options;
        options.legacy = true;
        LibsshTestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        QCOMPARE(server.hostKeyType(), QStringLiteral("ssh-rsa"));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");
        {
            const PasswordLogin login =
                passwordLogin(server, knownHosts, QStringLiteral("password"), server.password());
            SshRun modern(login.arguments, login.environment);
            QVERIFY(modern.finish());
            QCOMPARE(modern.exitCode(), 255);
            QVERIFY2(modern.errors().contains(QLatin1String("no matching")), qPrintable(modern.describe()));
        }
        const PasswordLogin login = passwordLogin(
            server, knownHosts, QStringLiteral("password"), server.password(),
            {QStringLiteral("-o"),
             QStringLiteral("KexAlgorithms=+diffie-hellman-group1-sha1,diffie-hellman-group14-sha1"),
             QStringLiteral("-o"), QStringLiteral("HostKeyAlgorithms=+ssh-rsa"), QStringLiteral("-o"),
             QStringLiteral("Ciphers=+aes128-cbc"), QStringLiteral("-o"), QStringLiteral("MACs=+hmac-sha1")});
        SshRun old(login.arguments, login.environment);
        QVERIFY2(old.expect("Router>"), qPrintable(old.describe() + server.diagnostics()));
        old.send("exit\n");
        QVERIFY(old.finish());
        QCOMPARE(old.exitCode(), 0);
    }

    // Yamaha behind the libssh peer: Shift_JIS banner, first command dropped, CR line ends, ---more---,
    // 80 columns, no exec channel.
    void libsshYamaha()
    {
        LibsshTestServer::Options options;
        options.emulator = {QStringLiteral("yamaha"), {QStringLiteral("--page-lines"), QStringLiteral("8")}};
        LibsshTestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const QString knownHosts = server.directory() + QStringLiteral("/known_hosts");
        const PasswordLogin login =
            passwordLogin(server, knownHosts, QStringLiteral("password"), server.password());
        SshRun ssh(login.arguments, login.environment);
        QVERIFY2(ssh.expect("Memory 128Mbytes, 3LAN, 1BRI\r\n"),
                 qPrintable(ssh.describe() + server.diagnostics()));
        // 前回のログイン： (full-width colon) in Shift_JIS, as the console's character set prints it.
        const QByteArray lastLogin("\x91\x4f\x89\xf1\x82\xcc\x83\x8d\x83\x4f\x83\x43\x83\x93\x81\x46"
                                   "2026/11/20");
        QVERIFY2(ssh.expect(lastLogin), qPrintable(ssh.describe()));
        QVERIFY(ssh.expect("> "));
        ssh.send("show environment\r");
        QVERIFY2(ssh.expect("\r\n> "), qPrintable(ssh.describe()));
        QVERIFY2(!ssh.output().contains("BootROM"), "the first command after the banner is dropped");
        ssh.send("show environment\r");
        QVERIFY2(ssh.expect("show environment\r\nRTX1200 BootROM Ver.1.01\r\n"), qPrintable(ssh.describe()));
        QVERIFY2(ssh.expect("MAC-Addr\r\ness=00:a0:de:aa:bb:22"), qPrintable(ssh.describe()));
        QVERIFY2(ssh.expect("---more---"), qPrintable(ssh.describe()));
        ssh.send(" ");
        QVERIFY2(ssh.expect("Inside Temperature(C.): 36\r\n> "), qPrintable(ssh.describe()));
        ssh.send("console character ascii\r");
        QVERIFY(ssh.expect("> "));
        ssh.send("show running\r");
        QVERIFY2(ssh.expect("Error: Invalid command name\r\n> "), qPrintable(ssh.describe()));
        ssh.send("exit\r");
        QVERIFY(ssh.finish());
        QCOMPARE(ssh.exitCode(), 0);
        const QString log = server.emulatorLog();
        QVERIFY2(log.contains(QLatin1String("DROPPED CR show environment")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("RECV CR show environment")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("FORBIDDEN")), qPrintable(log));

        // No exec channel on an RTX.
        const PasswordLogin exec =
            passwordLogin(server, knownHosts, QStringLiteral("password"), server.password(), {}, false);
        SshRun command(exec.arguments + QStringList{QStringLiteral("show environment")}, exec.environment);
        QVERIFY(command.finish());
        QVERIFY2(command.exitCode() != 0, qPrintable(command.describe()));
        QVERIFY2(command.errors().contains(QLatin1String("exec request failed")),
                 qPrintable(command.describe()));
    }

    // The exec channel of the libssh peer (linux personality): one command, its output, exit 0.
    void libsshExec()
    {
        LibsshTestServer server(LibsshTestServer::Options{.emulator = {QStringLiteral("linux"), {}}});
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        const PasswordLogin login = passwordLogin(server, server.directory() + QStringLiteral("/known_hosts"),
                                                  QStringLiteral("password"), server.password(), {}, false);
        SshRun ssh(login.arguments + QStringList{QStringLiteral("cat /etc/os-release")}, login.environment);
        QVERIFY(ssh.finish());
        QCOMPARE(ssh.exitCode(), 0);
        QVERIFY2(ssh.output().contains("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\""),
                 qPrintable(ssh.describe()));
        QVERIFY2(server.emulatorLog().contains(QLatin1String("EXEC cat /etc/os-release")),
                 qPrintable(server.diagnostics()));
    }

    void serialConsole_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right password") << QByteArray("s3rial-Pass") << true;
        QTest::newRow("wrong password") << QByteArray("s3rial-Wrong") << false;
    }

    // A console on a pty: login (password not echoed), pager, exit.
    void serialConsole()
    {
        QFETCH(QByteArray, password);
        QFETCH(bool, accepted);
        SerialPair serial(SerialPair::Options{
            .emulator = {QStringLiteral("cisco"),
                         {QStringLiteral("--serial-login"), QStringLiteral("admin:s3rial-Pass")}}});
        QVERIFY2(serial.start(), qPrintable(serial.diagnostics()));
        RawTerminal console(serial.devicePath());
        QVERIFY2(console.isOpen(), qPrintable(serial.devicePath()));
        QVERIFY2(console.expect("User Access Verification\r\n\r\nUsername: "),
                 qPrintable(visible(console.input()) + serial.diagnostics()));
        console.send("\r");
        QVERIFY2(console.expect("Username: "), qPrintable(visible(console.input())));
        console.send("admin\r");
        QVERIFY2(console.expect("admin\r\nPassword: "), qPrintable(visible(console.input())));
        const qsizetype afterPrompt = console.position();
        console.send(password + '\r');
        if (!accepted) {
            QVERIFY2(console.expect("% Login invalid\r\n\r\nUsername: "),
                     qPrintable(visible(console.input())));
            QVERIFY(serial.emulatorLog().contains(QLatin1String("SECRET CR rejected")));
            return;
        }
        QVERIFY2(console.expect("Router>"), qPrintable(visible(console.input()) + serial.diagnostics()));
        QVERIFY2(!console.input().mid(afterPrompt).contains("s3rial"),
                 "the console must not echo the password");
        console.send("show version\r");
        QVERIFY2(console.expect(" --More-- "), qPrintable(visible(console.input())));
        console.send(" ");
        QVERIFY2(console.expect("Configuration register is 0x2102\r\nRouter>"),
                 qPrintable(visible(console.input())));
        console.send("exit\r");
        QDeadlineTimer deadline(expectTimeoutMs);
        while (!serial.emulatorLog().contains(QLatin1String("EXIT 0")) && !deadline.hasExpired())
            QTest::qWait(20);
        const QString log = serial.emulatorLog();
        QVERIFY2(log.contains(QLatin1String("START personality=cisco tty=yes")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("SECRET CR accepted")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("EXIT 0")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("FORBIDDEN")), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(TestTestPeers)
#include "tst_testpeers.moc"
