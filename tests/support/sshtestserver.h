#pragma once

// Real SSH and serial peers for the collection tests, all on this machine and all started and stopped
// by the test itself: a real OpenSSH sshd, an in-process libssh server and a socat pseudo-terminal.
// Behind each one runs tests/collect/emulator/device_emulator.py, the router / UTM CLI emulator.
// Every wait is bounded (peerStartTimeoutMs, peerStopTimeoutMs); every file lives in a QTemporaryDir.
// Nothing here is product code: the rule "no libssh outside app/collect" is about the product.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace fs::test {

// Where the peers listen, and how long they may take to come up or go down.
inline constexpr char peerHost[] = "127.0.0.1";
inline constexpr int peerStartTimeoutMs = 10000;
inline constexpr int peerStopTimeoutMs = 5000;

// tests/collect/emulator/device_emulator.py (compile definition FS_DEVICE_EMULATOR).
[[nodiscard]] QString deviceEmulatorPath();
// ../shared/corpus/devices, the outputs the emulator prints.
[[nodiscard]] QString deviceCorpusDir();
// The python3 that runs the emulator (absolute path, or empty when there is none).
[[nodiscard]] QString python3Path();
// The user running the tests: the only account the OpenSSH peer lets in.
[[nodiscard]] QString currentUserName();

// What runs behind a peer. arguments are extra emulator options, e.g.
// {"--enable-password", "pw", "--page-lines", "0", "--banner-accept", "--serial-login", "admin:pw"}.
struct EmulatorOptions
{
    QString personality = QStringLiteral("cisco"); // cisco | yamaha | fortios | linux | silent | flood
    QStringList arguments{};
};

// The emulator's command line: python3, the script, --personality, --log, --corpus, then arguments.
[[nodiscard]] QStringList emulatorCommandLine(const EmulatorOptions &emulator, const QString &logPath);

// A real OpenSSH server (/usr/sbin/sshd -D -e) on 127.0.0.1 and a free port, running as the current
// user, with its own host key and a client key pair for public-key authentication of the current user
// (root in CI: PermitRootLogin prohibit-password). ForceCommand runs the emulator on the session's PTY
// (or with pipes when the client asks for none). As root, sshd needs /run/sshd and the sshd user
// (openssh-server provides the user; start() creates /run/sshd when it is missing). As another user
// sshd runs unprivileged: it can only let in that same user, and only if the user's login shell can
// run the ForceCommand.
class OpenSshServer
{
public:
    struct Options
    {
        EmulatorOptions emulator{};
        // Only old algorithms, like IOS 12.x / old FortiOS: kex diffie-hellman-group14-sha1 and
        // diffie-hellman-group1-sha1, host key ssh-rsa (RSA 2048), ciphers aes128-cbc / aes256-cbc /
        // 3des-cbc, MAC hmac-sha1; the client key is RSA 2048 and ssh-rsa signatures are accepted.
        bool legacy = false;
    };

    OpenSshServer();
    explicit OpenSshServer(Options options);
    ~OpenSshServer();
    OpenSshServer(const OpenSshServer &) = delete;
    OpenSshServer &operator=(const OpenSshServer &) = delete;

    // Generates the keys (first time), writes sshd_config, starts sshd and waits (bounded) until it
    // listens. False with errorString() (which includes sshd's log) when it does not.
    [[nodiscard]] bool start();
    // Ends the sessions sshd started, then sshd itself, within peerStopTimeoutMs.
    void stop();
    // Restarts sshd on the same port with a new host key of the same type (host-key-change tests).
    [[nodiscard]] bool replaceHostKey();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QString host() const { return QString::fromLatin1(peerHost); }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString userName() const { return m_user; }
    // "SHA256:..." as `ssh-keygen -lf -E sha256` prints it.
    [[nodiscard]] QString hostKeyFingerprintSha256() const { return m_fingerprint; }
    // "ssh-ed25519" or "ssh-rsa".
    [[nodiscard]] QString hostKeyType() const;
    // "<type> <base64>", the host key as it appears in a known_hosts line.
    [[nodiscard]] QString hostPublicKey() const;
    [[nodiscard]] QString clientPrivateKeyPath() const;
    [[nodiscard]] QString emulatorLogPath() const;
    [[nodiscard]] QString emulatorLog() const;
    // sshd's own log (stderr, LogLevel VERBOSE).
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    // A scratch directory inside the server's temporary directory (known_hosts files, scripts).
    [[nodiscard]] QString directory() const { return m_dir.path(); }
    // errorString, sshd's log and the emulator's log, for failure messages.
    [[nodiscard]] QString diagnostics() const;

private:
    bool prepareKeys();
    bool writeConfig();
    bool startOnce(bool *portTaken);
    void fail(const QString &error);

    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
    QString m_user;
    QString m_fingerprint;
    QString m_error;
    bool m_keysReady = false;
};

// An in-process SSH server on the libssh server API (ssh_bind, one thread per connection, up to many
// concurrent connections). Password and keyboard-interactive authentication for one configured user;
// a "session" channel with pty-req + shell (or exec) connects to the emulator on a pseudo-terminal
// (forkpty, raw mode from the start) until either side closes. Host key generated with ssh-keygen.
class LibsshTestServer
{
public:
    struct Options
    {
        EmulatorOptions emulator{};
        QString user = QStringLiteral("admin");
        QString password = QStringLiteral("emulator-pass");
        bool passwordAuthentication = true;
        bool keyboardInteractiveAuthentication = true;
        QString hostKeyType = QStringLiteral("ed25519"); // ed25519 | rsa | ecdsa
        // Old algorithms only: as OpenSshServer::Options::legacy (forces an RSA host key).
        bool legacy = false;
        // Explicit algorithm lists (comma-separated, libssh names); empty = libssh defaults / legacy.
        QString kexAlgorithms{};
        QString hostKeyAlgorithms{};
        QString ciphers{};
        QString macs{};
    };

    LibsshTestServer();
    explicit LibsshTestServer(Options options);
    ~LibsshTestServer();
    LibsshTestServer(const LibsshTestServer &) = delete;
    LibsshTestServer &operator=(const LibsshTestServer &) = delete;

    // Generates the host key, binds 127.0.0.1 on a free port and starts accepting.
    [[nodiscard]] bool start();
    // Stops accepting, disconnects every session and ends every emulator within peerStopTimeoutMs.
    void stop();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QString host() const { return QString::fromLatin1(peerHost); }
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString userName() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] QString hostKeyFingerprintSha256() const;
    [[nodiscard]] QString hostKeyType() const;
    [[nodiscard]] QString hostPublicKey() const;
    [[nodiscard]] QString emulatorLogPath() const;
    [[nodiscard]] QString emulatorLog() const;
    // The server's own log: connections, authentication results (never the secret), channels, exits.
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] QString directory() const;
    [[nodiscard]] QString diagnostics() const;
    // Connections accepted since start(), and those still open.
    [[nodiscard]] int connectionCount() const;
    [[nodiscard]] int activeConnectionCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// A serial console on a pseudo-terminal: socat creates a pty whose slave is linked at devicePath()
// and runs the emulator on a second pty (raw, no echo: the emulator echoes like a device). The
// client opens devicePath() like a serial port (QSerialPort or POSIX). The emulator starts only when
// the client opens the device (socat wait-slave), so the first login prompt is not lost; pressing
// Enter at "Username:" prints the prompt again, as a real console does. One session per start():
// when the client closes the device, socat and the emulator end; start() again for another.
class SerialPair
{
public:
    struct Options
    {
        // The usual console: cisco with --serial-login admin:pw.
        EmulatorOptions emulator{QStringLiteral("cisco"),
                                 {QStringLiteral("--serial-login"), QStringLiteral("admin:pw")}};
    };

    SerialPair();
    explicit SerialPair(Options options);
    ~SerialPair();
    SerialPair(const SerialPair &) = delete;
    SerialPair &operator=(const SerialPair &) = delete;

    // Starts socat and waits (bounded) until devicePath() exists.
    [[nodiscard]] bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QString devicePath() const;
    [[nodiscard]] QString emulatorLogPath() const;
    [[nodiscard]] QString emulatorLog() const;
    // socat's log (-d -d).
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString diagnostics() const;

private:
    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_socat;
    QString m_error;
};

} // namespace fs::test
