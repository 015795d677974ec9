#pragma once

#include "secret.h"
#include "transport.h"

#include <functional>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace fs::collect {

// The device's host key as seen on connect.
struct HostKeyInfo
{
    QString host;
    int port = 22;
    QString keyType;     // ssh-ed25519, ssh-rsa, …
    QString fingerprint; // "SHA256:…", as OpenSSH prints it
};

struct SshOptions
{
    QString host;
    int port = 22;
    QString user;
    Secret password;        // for password and keyboard-interactive authentication
    QString privateKeyPath; // public-key authentication when set
    Secret keyPassphrase;
    // Old key exchange, host-key and cipher algorithms (diffie-hellman-group1/14-sha1, ssh-rsa,
    // CBC ciphers, hmac-sha1), offered only when the investigator asks for this device.
    bool legacyAlgorithms = false;
    int connectTimeoutMs = 15000;
    int columns = 200;
    int rows = 24;
};

// An interactive shell on a device over SSH (libssh): a PTY, as a person at a terminal has.
// Before authenticating it shows the host key to verifyHostKey, which accepts it (known for this
// survey) or refuses with HostKeyUnknown / HostKeyChanged; nothing is accepted silently.
class SshTransport final : public Transport
{
public:
    using HostKeyCheck = std::function<fs::Result<void>(const HostKeyInfo &)>;

    SshTransport(SshOptions options, HostKeyCheck verifyHostKey);
    SshTransport(const SshTransport &) = delete;
    SshTransport &operator=(const SshTransport &) = delete;
    ~SshTransport() override;

    [[nodiscard]] fs::Result<void> open() override;
    [[nodiscard]] fs::Result<QByteArray> read(int timeoutMs) override;
    [[nodiscard]] fs::Result<void> write(const QByteArray &bytes) override;
    void close() override;
    [[nodiscard]] QString peer() const override;
    [[nodiscard]] fs::model::TranscriptMethod method() const override
    {
        return fs::model::TranscriptMethod::Ssh;
    }

    // The host key of the open session (or of the last attempt).
    [[nodiscard]] const HostKeyInfo &hostKey() const { return m_hostKey; }
    // Reads the host key only (connect, look, disconnect): for the acceptance dialog.
    [[nodiscard]] static fs::Result<HostKeyInfo> probeHostKey(const SshOptions &options);

private:
    [[nodiscard]] fs::Result<void> connectSession();
    [[nodiscard]] fs::Result<void> authenticate();
    [[nodiscard]] fs::Error sessionError(fs::ErrorCode code, const QString &what) const;

    SshOptions m_options;
    HostKeyCheck m_verifyHostKey;
    HostKeyInfo m_hostKey;
    ssh_session_struct *m_session = nullptr;
    ssh_channel_struct *m_channel = nullptr;
};

} // namespace fs::collect
