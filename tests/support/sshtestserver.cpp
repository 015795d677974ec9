#include "sshtestserver.h"

#include "testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QTime>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <string>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs::test {

namespace {

constexpr int toolTimeoutMs = 15000;

QString readText(const QString &path)
{
    return QString::fromUtf8(readFile(path));
}

// Runs a helper tool to completion (bounded); stdout + stderr in *output.
bool runTool(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    const bool finished = process.waitForStarted(toolTimeoutMs) && process.waitForFinished(toolTimeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(peerStopTimeoutMs);
    }
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString sshKeygen()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
    return found.isEmpty() ? QStringLiteral("/usr/bin/ssh-keygen") : found;
}

// type: ed25519 | rsa | ecdsa; writes path and path.pub (0600, as sshd wants).
bool generateKey(const QString &type, const QString &path, QString *error)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QStringList arguments{QStringLiteral("-q"), QStringLiteral("-t"), type};
    if (type == QLatin1String("rsa"))
        arguments << QStringLiteral("-b") << QStringLiteral("2048");
    arguments << QStringLiteral("-N") << QString() << QStringLiteral("-C")
              << QStringLiteral("fieldsurvey-test") << QStringLiteral("-f") << path;
    QString output;
    if (runTool(sshKeygen(), arguments, &output))
        return true;
    *error = QStringLiteral("ssh-keygen -t %1 failed: %2").arg(type, output);
    return false;
}

// "SHA256:..." of a public key file, as ssh-keygen -lf -E sha256 prints it.
QString fingerprintSha256(const QString &publicKeyPath)
{
    QString output;
    if (!runTool(sshKeygen(),
                 {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
                  publicKeyPath},
                 &output))
        return {};
    const QStringList fields = output.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return fields.size() >= 2 ? fields.at(1) : QString();
}

// "<type> <base64>" from a .pub file.
QString publicKeyLine(const QString &publicKeyPath)
{
    const QStringList fields = readText(publicKeyPath).simplified().split(QLatin1Char(' '));
    return fields.size() >= 2 ? fields.at(0) + QLatin1Char(' ') + fields.at(1) : QString();
}

// A port on 127.0.0.1 that nobody listens on right now (the kernel's choice for port 0).
quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString shellQuote(const QString &argument)
{
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Process ids of every descendant of pid (from /proc), deepest first.
std::vector<pid_t> descendantsOf(pid_t root)
{
    QHash<pid_t, std::vector<pid_t>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 2)
            continue;
        children[static_cast<pid_t>(fields.at(1).toInt())].push_back(pid);
    }
    std::vector<pid_t> result;
    std::vector<pid_t> stack{root};
    while (!stack.empty()) {
        const pid_t parent = stack.back();
        stack.pop_back();
        for (const pid_t child : children.value(parent)) {
            result.push_back(child);
            stack.push_back(child);
        }
    }
    std::reverse(result.begin(), result.end());
    return result;
}

bool processExists(pid_t pid)
{
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)) &&
           !readFile(QStringLiteral("/proc/%1/stat").arg(pid)).contains(") Z ");
}

// Ends the processes a peer started (sshd sessions, emulators): SIGTERM, then SIGKILL after a bounded wait.
void endDescendants(pid_t root)
{
    if (root <= 0)
        return;
    const std::vector<pid_t> pids = descendantsOf(root);
    for (const pid_t pid : pids)
        ::kill(pid, SIGTERM);
    QDeadlineTimer deadline(2000);
    for (const pid_t pid : pids) {
        while (processExists(pid) && !deadline.hasExpired())
            QThread::msleep(20);
        if (processExists(pid))
            ::kill(pid, SIGKILL);
    }
}

// A peer process must not outlive a test that crashes or is killed by ctest's timeout.
void endWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    endDescendants(static_cast<pid_t>(process.processId()));
    process.terminate();
    if (!process.waitForFinished(peerStopTimeoutMs)) {
        process.kill();
        process.waitForFinished(peerStopTimeoutMs);
    }
}

// OpenSSH version of /usr/sbin/sshd as {major, minor}; {0, 0} when unknown.
std::pair<int, int> sshdVersion(const QString &sshd)
{
    QString output;
    runTool(sshd, {QStringLiteral("-V")}, &output); // 9.2 rejects -V but still prints its version
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("OpenSSH_(\\d+)\\.(\\d+)")).match(output);
    if (!match.hasMatch())
        return {0, 0};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

const QString legacyKex = QStringLiteral("diffie-hellman-group14-sha1,diffie-hellman-group1-sha1");
const QString legacyHostKeyAlgorithms = QStringLiteral("ssh-rsa");
const QString legacyCiphers = QStringLiteral("aes128-cbc,aes256-cbc,3des-cbc");
const QString legacyMacs = QStringLiteral("hmac-sha1");

} // namespace

QString deviceEmulatorPath()
{
    return QStringLiteral(FS_DEVICE_EMULATOR);
}

QString deviceCorpusDir()
{
    return QDir(sharedDir()).filePath(QStringLiteral("corpus/devices"));
}

QString python3Path()
{
    // Debian's interpreter first: a python3 earlier in PATH may be a version-manager shim that takes
    // ten times as long to start, once per emulated session.
    const QString debian = QStringLiteral("/usr/bin/python3");
    return QFileInfo(debian).isExecutable() ? debian
                                            : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString currentUserName()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

QStringList emulatorCommandLine(const EmulatorOptions &emulator, const QString &logPath)
{
    QStringList command{python3Path(), deviceEmulatorPath(), QStringLiteral("--personality"),
                        emulator.personality};
    if (!logPath.isEmpty())
        command << QStringLiteral("--log") << logPath;
    command << QStringLiteral("--corpus") << deviceCorpusDir();
    command << emulator.arguments;
    return command;
}

// ---------------------------------------------------------------------------------------------------
// OpenSshServer

OpenSshServer::OpenSshServer()
    : OpenSshServer(Options{})
{
}

OpenSshServer::OpenSshServer(Options options)
    : m_options(std::move(options))
    , m_user(currentUserName())
{
}

OpenSshServer::~OpenSshServer()
{
    stop();
}

void OpenSshServer::fail(const QString &error)
{
    m_error = error;
}

QString OpenSshServer::hostKeyType() const
{
    return m_options.legacy ? QStringLiteral("ssh-rsa") : QStringLiteral("ssh-ed25519");
}

QString OpenSshServer::hostPublicKey() const
{
    return publicKeyLine(m_dir.filePath(QStringLiteral("host_key.pub")));
}

QString OpenSshServer::clientPrivateKeyPath() const
{
    return m_dir.filePath(QStringLiteral("client_key"));
}

QString OpenSshServer::emulatorLogPath() const
{
    return m_dir.filePath(QStringLiteral("emulator.log"));
}

QString OpenSshServer::emulatorLog() const
{
    return readText(emulatorLogPath());
}

QString OpenSshServer::logText() const
{
    return readText(m_dir.filePath(QStringLiteral("sshd.log")));
}

QString OpenSshServer::diagnostics() const
{
    return QStringLiteral("%1\n--- sshd log ---\n%2\n--- emulator log ---\n%3")
        .arg(m_error, logText(), emulatorLog());
}

bool OpenSshServer::isRunning() const
{
    return m_sshd.state() == QProcess::Running;
}

bool OpenSshServer::prepareKeys()
{
    const QString type = m_options.legacy ? QStringLiteral("rsa") : QStringLiteral("ed25519");
    QString error;
    if (!generateKey(type, m_dir.filePath(QStringLiteral("host_key")), &error) ||
        (!m_keysReady && !generateKey(type, clientPrivateKeyPath(), &error))) {
        fail(error);
        return false;
    }
    if (!m_keysReady && !writeFile(m_dir.filePath(QStringLiteral("authorized_keys")),
                                   readFile(clientPrivateKeyPath() + QStringLiteral(".pub")))) {
        fail(QStringLiteral("cannot write authorized_keys"));
        return false;
    }
    m_fingerprint = fingerprintSha256(m_dir.filePath(QStringLiteral("host_key.pub")));
    if (m_fingerprint.isEmpty()) {
        fail(QStringLiteral("ssh-keygen -lf gave no fingerprint"));
        return false;
    }
    m_keysReady = true;
    return true;
}

bool OpenSshServer::writeConfig()
{
    QStringList command;
    for (const QString &argument : emulatorCommandLine(m_options.emulator, emulatorLogPath()))
        command << shellQuote(argument);
    QStringList lines{
        QStringLiteral("# fs::test::OpenSshServer"),
        QStringLiteral("ListenAddress %1:%2").arg(QString::fromLatin1(peerHost)).arg(m_port),
        QStringLiteral("HostKey %1").arg(m_dir.filePath(QStringLiteral("host_key"))),
        QStringLiteral("PidFile %1").arg(m_dir.filePath(QStringLiteral("sshd.pid"))),
        QStringLiteral("AuthorizedKeysFile %1").arg(m_dir.filePath(QStringLiteral("authorized_keys"))),
        QStringLiteral("AllowUsers %1").arg(m_user),
        QStringLiteral("PermitRootLogin prohibit-password"),
        QStringLiteral("PubkeyAuthentication yes"),
        QStringLiteral("PasswordAuthentication no"),
        QStringLiteral("KbdInteractiveAuthentication no"),
        QStringLiteral("HostbasedAuthentication no"),
        QStringLiteral("UsePAM no"),
        QStringLiteral("StrictModes no"),
        QStringLiteral("PermitTTY yes"),
        QStringLiteral("X11Forwarding no"),
        QStringLiteral("AllowTcpForwarding no"),
        QStringLiteral("AllowAgentForwarding no"),
        QStringLiteral("PrintMotd no"),
        QStringLiteral("PrintLastLog no"),
        QStringLiteral("UseDNS no"),
        QStringLiteral("LogLevel VERBOSE"),
        QStringLiteral("LoginGraceTime 30"),
        QStringLiteral("MaxStartups 64"),
        QStringLiteral("MaxSessions 16"),
        QStringLiteral("ForceCommand %1").arg(command.join(QLatin1Char(' '))),
        // sshd runs ForceCommand with the user's shell; bash started by sshd reads ~/.bashrc unless
        // it is a nested shell. A developer's bashrc (version managers ...) costs up to a second a
        // session and may print; SHLVL=1 makes bash skip it.
        QStringLiteral("SetEnv SHLVL=1"),
    };
    if (m_options.legacy) {
        lines << QStringLiteral("KexAlgorithms %1").arg(legacyKex)
              << QStringLiteral("HostKeyAlgorithms %1").arg(legacyHostKeyAlgorithms)
              << QStringLiteral("PubkeyAcceptedAlgorithms +ssh-rsa")
              << QStringLiteral("Ciphers %1").arg(legacyCiphers) << QStringLiteral("MACs %1").arg(legacyMacs);
    }
    // OpenSSH 9.8 penalises addresses that fail authentication; tests fail on purpose, often.
    static const std::pair<int, int> version = sshdVersion(QStringLiteral("/usr/sbin/sshd"));
    if (version >= std::pair<int, int>{9, 8})
        lines << QStringLiteral("PerSourcePenalties no");
    if (!writeFile(m_dir.filePath(QStringLiteral("sshd_config")),
                   lines.join(QLatin1Char('\n')).toUtf8() + '\n')) {
        fail(QStringLiteral("cannot write sshd_config"));
        return false;
    }
    return true;
}

bool OpenSshServer::startOnce(bool *portTaken)
{
    *portTaken = false;
    if (!writeConfig())
        return false;
    const QString logPath = m_dir.filePath(QStringLiteral("sshd.log"));
    const qint64 logStart = QFileInfo(logPath).size();
    m_sshd.setProgram(QStringLiteral("/usr/sbin/sshd"));
    m_sshd.setArguments({QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                         m_dir.filePath(QStringLiteral("sshd_config"))});
    m_sshd.setStandardInputFile(QProcess::nullDevice());
    endWithParent(m_sshd);
    m_sshd.setStandardOutputFile(logPath, QIODevice::Append);
    m_sshd.setStandardErrorFile(logPath, QIODevice::Append);
    m_sshd.start();
    if (!m_sshd.waitForStarted(peerStartTimeoutMs)) {
        fail(QStringLiteral("cannot start /usr/sbin/sshd: %1").arg(m_sshd.errorString()));
        return false;
    }
    const QByteArray ready = QStringLiteral("Server listening on %1 port %2")
                                 .arg(QString::fromLatin1(peerHost))
                                 .arg(m_port)
                                 .toUtf8();
    QDeadlineTimer deadline(peerStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (readFile(logPath).mid(logStart).contains(ready))
            return true;
        if (m_sshd.waitForFinished(50)) // exited: bad config, port taken, missing privsep directory ...
            break;
    }
    const QByteArray log = readFile(logPath).mid(logStart);
    *portTaken = log.contains("Address already in use") || log.contains("Cannot bind any address");
    fail(QStringLiteral("sshd did not come up on port %1 within %2 ms").arg(m_port).arg(peerStartTimeoutMs));
    stopProcess(m_sshd);
    return false;
}

bool OpenSshServer::start()
{
    m_error.clear();
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        fail(QStringLiteral("no temporary directory: %1").arg(m_dir.errorString()));
        return false;
    }
    if (!QFileInfo(QStringLiteral("/usr/sbin/sshd")).isExecutable()) {
        fail(QStringLiteral("/usr/sbin/sshd is not installed (Debian package openssh-server)"));
        return false;
    }
    if (python3Path().isEmpty()) {
        fail(QStringLiteral("python3 is not installed"));
        return false;
    }
    if (m_user.isEmpty()) {
        fail(QStringLiteral("no user name for uid %1").arg(::geteuid()));
        return false;
    }
    if (::geteuid() == 0 && !QFileInfo::exists(QStringLiteral("/run/sshd"))) {
        // sshd's privilege-separation chroot; normally made by the ssh service, which tests don't run.
        ::mkdir("/run/sshd", 0755);
    }
    if (!m_keysReady && !prepareKeys())
        return false;
    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!keepPort)
            m_port = freeLoopbackPort();
        if (m_port == 0) {
            fail(QStringLiteral("no free port on 127.0.0.1"));
            return false;
        }
        bool portTaken = false;
        if (startOnce(&portTaken))
            return true;
        if (!portTaken)
            return false;
        QThread::msleep(keepPort ? 200 : 0);
    }
    return false;
}

void OpenSshServer::stop()
{
    stopProcess(m_sshd);
}

bool OpenSshServer::replaceHostKey()
{
    stop();
    const QString type = m_options.legacy ? QStringLiteral("rsa") : QStringLiteral("ed25519");
    QString error;
    if (!generateKey(type, m_dir.filePath(QStringLiteral("host_key")), &error)) {
        fail(error);
        return false;
    }
    m_fingerprint = fingerprintSha256(m_dir.filePath(QStringLiteral("host_key.pub")));
    return start();
}

// ---------------------------------------------------------------------------------------------------
// LibsshTestServer

namespace {

// Log lines of the libssh server, written from every connection thread.
struct ServerLog
{
    mutable std::mutex mutex;
    QStringList lines;

    void add(const QString &line)
    {
        const std::lock_guard lock(mutex);
        lines << QStringLiteral("%1 %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                             line);
    }
    QString text() const
    {
        const std::lock_guard lock(mutex);
        return lines.join(QLatin1Char('\n'));
    }
};

// What every connection needs, shared with the connection threads (which may outlive stop() when one
// does not end in time: they then hold their own reference).
struct Shared
{
    std::string user;
    std::string password;
    bool passwordAuthentication = true;
    bool keyboardInteractiveAuthentication = true;
    bool refuseExec = false; // Yamaha has no exec channel
    std::vector<std::string> emulatorArgv;
    std::atomic<bool> stopping{false};
    std::atomic<int> accepted{0};
    std::atomic<int> active{0};
    std::shared_ptr<ServerLog> log = std::make_shared<ServerLog>();
};

struct Connection
{
    std::shared_ptr<Shared> shared;
    int id = 0;
    ssh_session session = nullptr;
    int fd = -1;
    std::mutex fdMutex;
    bool fdOpen = true;
    std::atomic<bool> finished{false};
    std::thread thread;

    ssh_server_callbacks_struct serverCallbacks{};
    ssh_channel_callbacks_struct channelCallbacks{};
    ssh_channel channel = nullptr;
    std::string kbdintUser;
    bool authenticated = false;
    bool channelClosed = false;
    std::string term = "vt100";
    winsize window{24, 80, 0, 0};
    bool started = false;
    int master = -1;
    pid_t child = -1;
    std::string toChild;

    void log(const QString &line) { shared->log->add(QStringLiteral("[%1] %2").arg(id).arg(line)); }
};

int onPassword(ssh_session, const char *user, const char *password, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    const bool ok = connection->shared->passwordAuthentication && user && password &&
                    connection->shared->user == user && connection->shared->password == password;
    connection->log(QStringLiteral("password authentication for %1: %2")
                        .arg(QString::fromUtf8(user ? user : ""), ok ? u"accepted" : u"rejected"));
    if (ok)
        connection->authenticated = true;
    return ok ? SSH_AUTH_SUCCESS : SSH_AUTH_DENIED;
}

// Keyboard-interactive has no server callback in libssh 0.10: it comes as a message.
int onMessage(ssh_session session, ssh_message message, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    if (ssh_message_type(message) != SSH_REQUEST_AUTH ||
        ssh_message_subtype(message) != SSH_AUTH_METHOD_INTERACTIVE ||
        !connection->shared->keyboardInteractiveAuthentication)
        return 1; // default reply
    if (!ssh_message_auth_kbdint_is_response(message)) {
        const char *user = ssh_message_auth_user(message);
        connection->kbdintUser = user ? user : "";
        const char *prompts[] = {"Password: "};
        char echo[] = {0};
        ssh_message_auth_interactive_request(message, "", "", 1, prompts, echo);
        return 0;
    }
    const char *answer =
        ssh_userauth_kbdint_getnanswers(session) == 1 ? ssh_userauth_kbdint_getanswer(session, 0) : nullptr;
    const bool ok = answer && connection->kbdintUser == connection->shared->user &&
                    connection->shared->password == answer;
    connection->log(QStringLiteral("keyboard-interactive authentication for %1: %2")
                        .arg(QString::fromStdString(connection->kbdintUser), ok ? u"accepted" : u"rejected"));
    if (!ok)
        return 1; // failure, with the allowed methods
    connection->authenticated = true;
    ssh_message_auth_reply_success(message, 0);
    return 0;
}

int onChannelData(ssh_session, ssh_channel, void *data, uint32_t length, int, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->toChild.append(static_cast<const char *>(data), length);
    return static_cast<int>(length);
}

void onChannelEof(ssh_session, ssh_channel, void *userdata)
{
    // A device keeps the session after the client's EOF; only a close ends it.
    static_cast<Connection *>(userdata)->log(QStringLiteral("client sent EOF"));
}

void onChannelClose(ssh_session, ssh_channel, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->channelClosed = true;
    connection->log(QStringLiteral("client closed the channel"));
}

int onPtyRequest(ssh_session, ssh_channel, const char *term, int width, int height, int pxwidth, int pxheight,
                 void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->term = term && *term ? term : "vt100";
    connection->window = winsize{static_cast<unsigned short>(height > 0 ? height : 24),
                                 static_cast<unsigned short>(width > 0 ? width : 80),
                                 static_cast<unsigned short>(pxwidth), static_cast<unsigned short>(pxheight)};
    connection->log(
        QStringLiteral("pty-req %1 %2x%3").arg(QString::fromUtf8(connection->term)).arg(width).arg(height));
    return 0;
}

int onWindowChange(ssh_session, ssh_channel, int width, int height, int pxwidth, int pxheight, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->window = winsize{static_cast<unsigned short>(height), static_cast<unsigned short>(width),
                                 static_cast<unsigned short>(pxwidth), static_cast<unsigned short>(pxheight)};
    if (connection->master >= 0)
        ::ioctl(connection->master, TIOCSWINSZ, &connection->window);
    return 0;
}

// Starts the emulator on a new pseudo-terminal in raw mode (no line discipline echo: it echoes itself).
bool spawnEmulator(Connection *connection, const char *originalCommand)
{
    if (connection->started)
        return false;
    // Everything the child needs is built before fork(): only async-signal-safe calls after it.
    std::vector<std::string> environment{"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8",
                                         "PYTHONDONTWRITEBYTECODE=1", "TERM=" + connection->term};
    if (originalCommand)
        environment.push_back(std::string("SSH_ORIGINAL_COMMAND=") + originalCommand);
    std::vector<char *> envp;
    for (std::string &entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::vector<std::string> arguments = connection->shared->emulatorArgv;
    std::vector<char *> argv;
    for (std::string &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    termios mode{};
    ::cfmakeraw(&mode);
    mode.c_cc[VMIN] = 1;
    mode.c_cc[VTIME] = 0;
    ::cfsetispeed(&mode, B38400);
    ::cfsetospeed(&mode, B38400);

    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, &mode, &connection->window);
    if (pid < 0) {
        connection->log(
            QStringLiteral("forkpty failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    if (pid == 0) {
        // Other connections' sockets and ptys must not stay open in this emulator.
        ::syscall(SYS_close_range, 3U, ~0U, 0U);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    connection->master = master;
    connection->child = pid;
    connection->started = true;
    connection->log(QStringLiteral("emulator started, pid %1").arg(pid));
    return true;
}

int onShellRequest(ssh_session, ssh_channel, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->log(QStringLiteral("shell request"));
    return spawnEmulator(connection, nullptr) ? 0 : 1;
}

int onExecRequest(ssh_session, ssh_channel, const char *command, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    connection->log(QStringLiteral("exec request: %1").arg(QString::fromUtf8(command ? command : "")));
    if (connection->shared->refuseExec)
        return 1; // "exec request failed on channel 0", as on a Yamaha RTX
    return spawnEmulator(connection, command ? command : "") ? 0 : 1;
}

ssh_channel onChannelOpen(ssh_session session, void *userdata)
{
    auto *connection = static_cast<Connection *>(userdata);
    if (!connection->authenticated || connection->channel)
        return nullptr;
    connection->channel = ssh_channel_new(session);
    if (!connection->channel)
        return nullptr;
    ssh_channel_callbacks_struct &callbacks = connection->channelCallbacks;
    callbacks = {};
    callbacks.userdata = connection;
    callbacks.channel_data_function = onChannelData;
    callbacks.channel_eof_function = onChannelEof;
    callbacks.channel_close_function = onChannelClose;
    callbacks.channel_pty_request_function = onPtyRequest;
    callbacks.channel_shell_request_function = onShellRequest;
    callbacks.channel_exec_request_function = onExecRequest;
    callbacks.channel_pty_window_change_function = onWindowChange;
    ssh_callbacks_init(&callbacks);
    ssh_set_channel_callbacks(connection->channel, &callbacks);
    connection->log(QStringLiteral("session channel opened"));
    return connection->channel;
}

void endEmulator(Connection *connection)
{
    if (connection->master >= 0) {
        ::close(connection->master); // the emulator gets SIGHUP
        connection->master = -1;
    }
    if (connection->child <= 0)
        return;
    int status = 0;
    QDeadlineTimer deadline(2000);
    while (::waitpid(connection->child, &status, WNOHANG) == 0) {
        if (deadline.hasExpired()) {
            ::kill(connection->child, SIGKILL);
            ::waitpid(connection->child, &status, 0);
            break;
        }
        ::kill(connection->child, SIGTERM);
        QThread::msleep(20);
    }
    connection->child = -1;
}

// Moves bytes between the channel and the emulator until one of them ends (or stop()).
void pump(Connection *connection, ssh_event event)
{
    char buffer[16384];
    const int socket = ssh_get_fd(connection->session);
    bool childOutputEnded = false;
    while (!connection->shared->stopping && !connection->channelClosed) {
        if (!connection->toChild.empty()) {
            const ssize_t written =
                ::write(connection->master, connection->toChild.data(), connection->toChild.size());
            if (written > 0)
                connection->toChild.erase(0, static_cast<size_t>(written));
        }
        const uint32_t window = ssh_channel_window_size(connection->channel);
        pollfd fds[2] = {{socket, POLLIN, 0}, {connection->master, 0, 0}};
        if (!childOutputEnded && window > 0)
            fds[1].events |= POLLIN;
        if (!connection->toChild.empty())
            fds[1].events |= POLLOUT;
        ::poll(fds, 2, 50);
        if (ssh_event_dopoll(event, 0) == SSH_ERROR || !ssh_is_connected(connection->session)) {
            connection->log(QStringLiteral("connection lost"));
            return;
        }
        if (!childOutputEnded && window > 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::read(connection->master, buffer, std::min<size_t>(sizeof buffer, window));
            if (n > 0) {
                if (ssh_channel_write(connection->channel, buffer, static_cast<uint32_t>(n)) == SSH_ERROR) {
                    connection->log(QStringLiteral("channel write failed"));
                    return;
                }
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                childOutputEnded = true; // EIO: the emulator and its pty are gone
            }
        }
        if (childOutputEnded) {
            int status = 0;
            const pid_t done = ::waitpid(connection->child, &status, WNOHANG);
            if (done == connection->child) {
                connection->child = -1;
                const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                connection->log(QStringLiteral("emulator exited with %1").arg(code));
                ssh_channel_request_send_exit_status(connection->channel, code);
                ssh_channel_send_eof(connection->channel);
                ssh_channel_close(connection->channel);
                // Let the client answer the close, so that everything before it has been delivered.
                QDeadlineTimer deadline(2000);
                while (!connection->channelClosed && !deadline.hasExpired() &&
                       !connection->shared->stopping && ssh_event_dopoll(event, 50) != SSH_ERROR &&
                       ssh_is_connected(connection->session)) {
                }
                return;
            }
        }
    }
}

void runConnection(const std::shared_ptr<Connection> &connection)
{
    Shared &shared = *connection->shared;
    ++shared.active;
    ssh_session session = connection->session;
    long timeoutSeconds = 10;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    // Callbacks before the key exchange: a client's first requests may arrive with its last kex packet.
    int methods = 0;
    if (shared.passwordAuthentication)
        methods |= SSH_AUTH_METHOD_PASSWORD;
    if (shared.keyboardInteractiveAuthentication)
        methods |= SSH_AUTH_METHOD_INTERACTIVE;
    ssh_set_auth_methods(session, methods);
    connection->serverCallbacks = {};
    connection->serverCallbacks.userdata = connection.get();
    connection->serverCallbacks.auth_password_function = onPassword;
    connection->serverCallbacks.channel_open_request_session_function = onChannelOpen;
    ssh_callbacks_init(&connection->serverCallbacks);
    ssh_set_server_callbacks(session, &connection->serverCallbacks);
    ssh_set_message_callback(session, onMessage, connection.get());
    ssh_event event = nullptr;
    if (ssh_handle_key_exchange(session) != SSH_OK) {
        connection->log(
            QStringLiteral("key exchange failed: %1").arg(QString::fromUtf8(ssh_get_error(session))));
    } else {
        event = ssh_event_new();
        ssh_event_add_session(event, session);
        // Authentication, channel, pty and shell: bounded like sshd's LoginGraceTime.
        QDeadlineTimer deadline(30000);
        while (!shared.stopping && !connection->started && !connection->channelClosed) {
            if (ssh_event_dopoll(event, 100) == SSH_ERROR || !ssh_is_connected(session)) {
                connection->log(QStringLiteral("client left before a shell"));
                break;
            }
            if (!connection->authenticated && deadline.hasExpired()) {
                connection->log(QStringLiteral("login grace time over"));
                break;
            }
        }
        if (connection->started)
            pump(connection.get(), event);
    }
    endEmulator(connection.get());
    if (event) {
        ssh_event_remove_session(event, session);
        ssh_event_free(event);
    }
    ssh_disconnect(session);
    {
        const std::lock_guard lock(connection->fdMutex);
        connection->fdOpen = false;
        ssh_free(session); // closes the socket
        connection->session = nullptr;
    }
    connection->log(QStringLiteral("connection closed"));
    --shared.active;
    connection->finished = true;
}

} // namespace

struct LibsshTestServer::Impl
{
    Options options;
    QTemporaryDir dir;
    QString error;
    QString fingerprint;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    ssh_bind bind = nullptr;
    int listenFd = -1;
    quint16 port = 0;
    std::thread acceptor;
    std::mutex connectionsMutex;
    std::vector<std::shared_ptr<Connection>> connections;
    bool running = false;

    QString keyType() const { return options.legacy ? QStringLiteral("rsa") : options.hostKeyType; }
    QString hostKeyPath() const { return dir.filePath(QStringLiteral("host_key")); }
    QString emulatorLogPath() const { return dir.filePath(QStringLiteral("emulator.log")); }

    bool setBindOption(ssh_bind_options_e option, const QString &value, const char *what)
    {
        if (value.isEmpty())
            return true;
        const QByteArray bytes = value.toUtf8();
        if (ssh_bind_options_set(bind, option, bytes.constData()) == SSH_OK)
            return true;
        error = QStringLiteral("libssh refuses %1 \"%2\": %3")
                    .arg(QString::fromLatin1(what), value, QString::fromUtf8(ssh_get_error(bind)));
        return false;
    }

    void acceptLoop()
    {
        while (!shared->stopping) {
            pollfd listening{listenFd, POLLIN, 0};
            if (::poll(&listening, 1, 100) <= 0 || !(listening.revents & POLLIN))
                continue;
            const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                continue;
            ssh_session session = ssh_new();
            if (!session || ssh_bind_accept_fd(bind, session, fd) != SSH_OK) {
                shared->log->add(
                    QStringLiteral("accept failed: %1").arg(QString::fromUtf8(ssh_get_error(bind))));
                if (session)
                    ssh_free(session);
                ::shutdown(fd, SHUT_RDWR);
                continue;
            }
            auto connection = std::make_shared<Connection>();
            connection->shared = shared;
            connection->id = ++shared->accepted;
            connection->session = session;
            connection->fd = fd;
            shared->log->add(QStringLiteral("[%1] connection accepted").arg(connection->id));
            const std::lock_guard lock(connectionsMutex);
            // Forget connections that are over (their threads have returned).
            for (auto it = connections.begin(); it != connections.end();) {
                if ((*it)->finished) {
                    (*it)->thread.join();
                    it = connections.erase(it);
                } else {
                    ++it;
                }
            }
            connection->thread = std::thread([connection] { runConnection(connection); });
            connections.push_back(connection);
        }
    }
};

LibsshTestServer::LibsshTestServer()
    : LibsshTestServer(Options{})
{
}

LibsshTestServer::LibsshTestServer(Options options)
    : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
}

LibsshTestServer::~LibsshTestServer()
{
    stop();
}

bool LibsshTestServer::start()
{
    if (d->running)
        return true;
    d->error.clear();
    if (!d->dir.isValid()) {
        d->error = QStringLiteral("no temporary directory: %1").arg(d->dir.errorString());
        return false;
    }
    if (python3Path().isEmpty()) {
        d->error = QStringLiteral("python3 is not installed");
        return false;
    }
    if (!QFileInfo::exists(d->hostKeyPath()) && !generateKey(d->keyType(), d->hostKeyPath(), &d->error))
        return false;
    d->fingerprint = fingerprintSha256(d->hostKeyPath() + QStringLiteral(".pub"));

    // A new state for each run: threads left behind by an earlier stop() keep the old one (stopping).
    auto fresh = std::make_shared<Shared>();
    fresh->log = d->shared->log;
    d->shared = fresh;
    Shared &shared = *d->shared;
    shared.user = d->options.user.toStdString();
    shared.password = d->options.password.toStdString();
    shared.passwordAuthentication = d->options.passwordAuthentication;
    shared.keyboardInteractiveAuthentication = d->options.keyboardInteractiveAuthentication;
    shared.refuseExec = d->options.emulator.personality == QLatin1String("yamaha");
    shared.emulatorArgv.clear();
    for (const QString &argument : emulatorCommandLine(d->options.emulator, d->emulatorLogPath()))
        shared.emulatorArgv.push_back(argument.toStdString());

    ssh_init();
    d->bind = ssh_bind_new();
    bool processConfig = false; // never /etc/ssh/libssh_server_config
    ssh_bind_options_set(d->bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &processConfig);
    ssh_key key = nullptr;
    if (ssh_pki_import_privkey_file(d->hostKeyPath().toLocal8Bit().constData(), nullptr, nullptr, nullptr,
                                    &key) != SSH_OK ||
        ssh_bind_options_set(d->bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) != SSH_OK) {
        ssh_key_free(key);
        d->error = QStringLiteral("libssh cannot load the host key %1").arg(d->hostKeyPath());
        stop();
        return false;
    }
    const Options &o = d->options;
    if (!d->setBindOption(SSH_BIND_OPTIONS_KEY_EXCHANGE,
                          o.legacy && o.kexAlgorithms.isEmpty() ? legacyKex : o.kexAlgorithms,
                          "key exchange") ||
        !d->setBindOption(SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS,
                          o.legacy && o.hostKeyAlgorithms.isEmpty() ? legacyHostKeyAlgorithms
                                                                    : o.hostKeyAlgorithms,
                          "host key algorithms") ||
        !d->setBindOption(SSH_BIND_OPTIONS_CIPHERS_C_S,
                          o.legacy && o.ciphers.isEmpty() ? legacyCiphers : o.ciphers, "ciphers") ||
        !d->setBindOption(SSH_BIND_OPTIONS_CIPHERS_S_C,
                          o.legacy && o.ciphers.isEmpty() ? legacyCiphers : o.ciphers, "ciphers") ||
        !d->setBindOption(SSH_BIND_OPTIONS_HMAC_C_S, o.legacy && o.macs.isEmpty() ? legacyMacs : o.macs,
                          "MACs") ||
        !d->setBindOption(SSH_BIND_OPTIONS_HMAC_S_C, o.legacy && o.macs.isEmpty() ? legacyMacs : o.macs,
                          "MACs")) {
        stop();
        return false;
    }

    d->listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (d->listenFd < 0 || ::bind(d->listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(d->listenFd, 64) != 0 ||
        ::getsockname(d->listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        d->error = QStringLiteral("cannot listen on 127.0.0.1: %1")
                       .arg(QString::fromLocal8Bit(std::strerror(errno)));
        stop();
        return false;
    }
    d->port = ntohs(address.sin_port);
    d->shared->log->add(
        QStringLiteral("listening on 127.0.0.1 port %1, host key %2").arg(d->port).arg(d->fingerprint));
    d->acceptor = std::thread([impl = d.get()] { impl->acceptLoop(); });
    d->running = true;
    return true;
}

void LibsshTestServer::stop()
{
    d->shared->stopping = true;
    if (d->acceptor.joinable())
        d->acceptor.join();
    if (d->listenFd >= 0) {
        ::close(d->listenFd);
        d->listenFd = -1;
    }
    std::vector<std::shared_ptr<Connection>> connections;
    {
        const std::lock_guard lock(d->connectionsMutex);
        connections.swap(d->connections);
    }
    for (const auto &connection : connections) {
        const std::lock_guard lock(connection->fdMutex);
        if (connection->fdOpen)
            ::shutdown(connection->fd, SHUT_RDWR); // wakes a thread blocked in libssh
    }
    QDeadlineTimer deadline(peerStopTimeoutMs);
    for (const auto &connection : connections) {
        while (!connection->finished && !deadline.hasExpired())
            QThread::msleep(10);
        if (connection->finished) {
            connection->thread.join();
        } else {
            d->shared->log->add(QStringLiteral("[%1] did not end in time; left behind").arg(connection->id));
            connection->thread.detach(); // it holds its own references
        }
    }
    if (d->bind) {
        ssh_bind_free(d->bind);
        d->bind = nullptr;
    }
    d->running = false;
}

bool LibsshTestServer::isRunning() const
{
    return d->running;
}

quint16 LibsshTestServer::port() const
{
    return d->port;
}

QString LibsshTestServer::userName() const
{
    return d->options.user;
}

QString LibsshTestServer::password() const
{
    return d->options.password;
}

QString LibsshTestServer::hostKeyFingerprintSha256() const
{
    return d->fingerprint;
}

QString LibsshTestServer::hostKeyType() const
{
    return publicKeyLine(d->hostKeyPath() + QStringLiteral(".pub")).section(QLatin1Char(' '), 0, 0);
}

QString LibsshTestServer::hostPublicKey() const
{
    return publicKeyLine(d->hostKeyPath() + QStringLiteral(".pub"));
}

QString LibsshTestServer::emulatorLogPath() const
{
    return d->emulatorLogPath();
}

QString LibsshTestServer::emulatorLog() const
{
    return readText(d->emulatorLogPath());
}

QString LibsshTestServer::logText() const
{
    return d->shared->log->text();
}

QString LibsshTestServer::errorString() const
{
    return d->error;
}

QString LibsshTestServer::directory() const
{
    return d->dir.path();
}

QString LibsshTestServer::diagnostics() const
{
    return QStringLiteral("%1\n--- libssh server log ---\n%2\n--- emulator log ---\n%3")
        .arg(d->error, logText(), emulatorLog());
}

int LibsshTestServer::connectionCount() const
{
    return d->shared->accepted;
}

int LibsshTestServer::activeConnectionCount() const
{
    return d->shared->active;
}

// ---------------------------------------------------------------------------------------------------
// SerialPair

SerialPair::SerialPair()
    : SerialPair(Options{})
{
}

SerialPair::SerialPair(Options options)
    : m_options(std::move(options))
{
}

SerialPair::~SerialPair()
{
    stop();
}

QString SerialPair::devicePath() const
{
    return m_dir.filePath(QStringLiteral("ttyDEVICE"));
}

QString SerialPair::emulatorLogPath() const
{
    return m_dir.filePath(QStringLiteral("emulator.log"));
}

QString SerialPair::emulatorLog() const
{
    return readText(emulatorLogPath());
}

QString SerialPair::logText() const
{
    return readText(m_dir.filePath(QStringLiteral("socat.log")));
}

QString SerialPair::diagnostics() const
{
    return QStringLiteral("%1\n--- socat log ---\n%2\n--- emulator log ---\n%3")
        .arg(m_error, logText(), emulatorLog());
}

bool SerialPair::isRunning() const
{
    return m_socat.state() == QProcess::Running;
}

bool SerialPair::start()
{
    m_error.clear();
    if (isRunning())
        return true;
    const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
    if (socat.isEmpty() || python3Path().isEmpty()) {
        m_error = QStringLiteral("socat and python3 are needed (Debian packages socat, python3)");
        return false;
    }
    if (!m_dir.isValid() || m_dir.path().contains(QRegularExpression(QStringLiteral("[\\s,:!'\"]")))) {
        m_error = QStringLiteral("unusable temporary directory %1").arg(m_dir.path());
        return false;
    }
    // socat splits EXEC's command line itself and reads ',' and ':' as its own syntax: a script
    // carries the emulator's arguments instead.
    QStringList command;
    for (const QString &argument : emulatorCommandLine(m_options.emulator, emulatorLogPath()))
        command << shellQuote(argument);
    const QString script = m_dir.filePath(QStringLiteral("run-emulator.sh"));
    if (!writeFile(script,
                   QStringLiteral("#!/bin/sh\nexec %1\n").arg(command.join(QLatin1Char(' '))).toUtf8()) ||
        !QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_error = QStringLiteral("cannot write %1").arg(script);
        return false;
    }
    QFile::remove(devicePath());
    const QString logPath = m_dir.filePath(QStringLiteral("socat.log"));
    m_socat.setProgram(socat);
    m_socat.setArguments(
        {QStringLiteral("-d"), QStringLiteral("-d"),
         QStringLiteral("PTY,raw,echo=0,wait-slave,pty-interval=0.02,link=%1").arg(devicePath()),
         QStringLiteral("EXEC:%1,pty,raw,echo=0,setsid,ctty,stderr").arg(script)});
    m_socat.setStandardInputFile(QProcess::nullDevice());
    endWithParent(m_socat);
    m_socat.setStandardOutputFile(logPath, QIODevice::Append);
    m_socat.setStandardErrorFile(logPath, QIODevice::Append);
    m_socat.start();
    if (!m_socat.waitForStarted(peerStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start socat: %1").arg(m_socat.errorString());
        return false;
    }
    QDeadlineTimer deadline(peerStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (QFileInfo::exists(devicePath()))
            return true;
        if (m_socat.waitForFinished(20))
            break;
    }
    m_error =
        QStringLiteral("socat did not create %1 within %2 ms").arg(devicePath()).arg(peerStartTimeoutMs);
    stopProcess(m_socat);
    return false;
}

void SerialPair::stop()
{
    stopProcess(m_socat);
}

} // namespace fs::test
