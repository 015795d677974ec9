#include "sshtransport.h"

#include "logging.h"
#include "sshlibrary.h"

#include <libssh/libssh.h>

namespace fs::collect {

namespace {

const SshLibrary &library()
{
    static const SshLibrary instance;
    return instance;
}

// What a current OpenSSH offers, then the old algorithms devices from before 2015 still need.
const char *const kLegacyKeyExchange =
    "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
    "ecdh-sha2-nistp521,diffie-hellman-group18-sha512,diffie-hellman-group16-sha512,"
    "diffie-hellman-group-exchange-sha256,diffie-hellman-group14-sha256,diffie-hellman-group14-sha1,"
    "diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1";
const char *const kLegacyHostKeys = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                                    "rsa-sha2-512,rsa-sha2-256,ssh-rsa";
const char *const kLegacyCiphers =
    "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,"
    "aes256-ctr,aes192-ctr,aes128-ctr,aes256-cbc,aes192-cbc,aes128-cbc,3des-cbc";
const char *const kLegacyMacs = "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,"
                                "hmac-sha2-512,hmac-sha1";

struct KeyHolder
{
    ssh_key key = nullptr;
    ~KeyHolder() { ssh_key_free(key); }
};

fs::Result<HostKeyInfo> readHostKey(ssh_session session, const SshOptions &options)
{
    KeyHolder key;
    if (ssh_get_server_publickey(session, &key.key) != SSH_OK)
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("the server sent no host key"));
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key.key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != 0)
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("cannot hash the host key"));
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    HostKeyInfo info{options.host, options.port,
                     QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.key))),
                     QString::fromLatin1(text)};
    ssh_string_free_char(text);
    return info;
}

fs::Result<ssh_session> newSession(const SshOptions &options)
{
    if (!library().isInitialised())
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("libssh could not be initialised"));
    if (options.host.isEmpty() || options.port <= 0 || options.port > 65535)
        return fs::fail(fs::ErrorCode::InvalidArgument, QStringLiteral("no host or port"));
    ssh_session session = ssh_new();
    if (!session)
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("ssh_new failed"));
    const QByteArray host = options.host.toUtf8();
    const QByteArray user = options.user.toUtf8();
    const int port = options.port;
    const long timeoutUsec = long(options.connectTimeoutMs) * 1000;
    const long seconds = timeoutUsec / 1000000;
    const long usec = timeoutUsec % 1000000;
    const int noConfig = 0;
    bool ok = ssh_options_set(session, SSH_OPTIONS_HOST, host.constData()) == 0 &&
              ssh_options_set(session, SSH_OPTIONS_PORT, &port) == 0 &&
              ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds) == 0 &&
              ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &usec) == 0 &&
              ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &noConfig) == 0 &&
              // Our own host-key list per survey; never the user's ~/.ssh/known_hosts.
              ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null") == 0 &&
              ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null") == 0;
    if (ok && !user.isEmpty())
        ok = ssh_options_set(session, SSH_OPTIONS_USER, user.constData()) == 0;
    if (ok && options.legacyAlgorithms) {
        ok = ssh_options_set(session, SSH_OPTIONS_KEY_EXCHANGE, kLegacyKeyExchange) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_HOSTKEYS, kLegacyHostKeys) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_CIPHERS_C_S, kLegacyCiphers) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_CIPHERS_S_C, kLegacyCiphers) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_HMAC_C_S, kLegacyMacs) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_HMAC_S_C, kLegacyMacs) == 0 &&
             ssh_options_set(session, SSH_OPTIONS_PUBLICKEY_ACCEPTED_TYPES, kLegacyHostKeys) == 0;
    }
    if (!ok) {
        const QString detail = QString::fromUtf8(ssh_get_error(session));
        ssh_free(session);
        return fs::fail(fs::ErrorCode::InvalidArgument, QStringLiteral("SSH options refused: ") + detail);
    }
    if (ssh_connect(session) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(session));
        ssh_free(session);
        const bool timedOut = detail.contains(QStringLiteral("imeout"));
        return fs::fail(timedOut ? fs::ErrorCode::Timeout : fs::ErrorCode::ConnectionFailed,
                        QStringLiteral("%1:%2: %3").arg(options.host).arg(options.port).arg(detail));
    }
    return session;
}

} // namespace

SshTransport::SshTransport(SshOptions options, HostKeyCheck verifyHostKey)
    : m_options(std::move(options))
    , m_verifyHostKey(std::move(verifyHostKey))
{
}

SshTransport::~SshTransport()
{
    close();
}

QString SshTransport::peer() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

fs::Error SshTransport::sessionError(fs::ErrorCode code, const QString &what) const
{
    return fs::Error{
        code, QStringLiteral("%1: %2: %3")
                  .arg(peer(), what, m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString())};
}

fs::Result<HostKeyInfo> SshTransport::probeHostKey(const SshOptions &options)
{
    auto session = newSession(options);
    if (!session)
        return tl::unexpected(session.error());
    auto key = readHostKey(*session, options);
    ssh_disconnect(*session);
    ssh_free(*session);
    return key;
}

fs::Result<void> SshTransport::connectSession()
{
    auto session = newSession(m_options);
    if (!session)
        return tl::unexpected(session.error());
    m_session = *session;
    auto key = readHostKey(m_session, m_options);
    if (!key)
        return tl::unexpected(key.error());
    m_hostKey = *key;
    qCInfo(lcSsh) << "connected to" << peer() << "host key" << m_hostKey.keyType << m_hostKey.fingerprint;
    if (!m_verifyHostKey)
        return fs::fail(fs::ErrorCode::HostKeyUnknown, QStringLiteral("no host-key check"));
    return m_verifyHostKey(m_hostKey);
}

fs::Result<void> SshTransport::authenticate()
{
    int methods = 0;
    // "none" first: it tells which methods the server offers (some devices need no password).
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return tl::unexpected(
            sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("authentication")));
    methods = ssh_userauth_list(m_session, nullptr);

    if (!m_options.privateKeyPath.isEmpty() && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
        KeyHolder key;
        const QByteArray path = m_options.privateKeyPath.toLocal8Bit();
        if (ssh_pki_import_privkey_file(path.constData(),
                                        m_options.keyPassphrase.isEmpty() ? nullptr
                                                                          : m_options.keyPassphrase.reveal(),
                                        nullptr, nullptr, &key.key) != SSH_OK)
            return fs::fail(fs::ErrorCode::AuthenticationFailed,
                            QStringLiteral("cannot read the private key %1 (wrong passphrase?)")
                                .arg(m_options.privateKeyPath));
        rc = ssh_userauth_publickey(m_session, nullptr, key.key);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return tl::unexpected(
                sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("public key")));
    }
    if (!m_options.password.isEmpty() && (methods & SSH_AUTH_METHOD_PASSWORD)) {
        rc = ssh_userauth_password(m_session, nullptr, m_options.password.reveal());
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("password")));
    }
    if (!m_options.password.isEmpty() && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
        // Keyboard-interactive: the password answers the prompts that do not echo; bounded rounds.
        for (int round = 0; round < 4; ++round) {
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            if (rc != SSH_AUTH_INFO)
                break;
            const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
                if (ssh_userauth_kbdint_setanswer(m_session, unsigned(i),
                                                  echo ? "" : m_options.password.reveal()) < 0)
                    return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed,
                                                       QStringLiteral("keyboard-interactive")));
            }
        }
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return tl::unexpected(
                sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("keyboard-interactive")));
    }
    qCInfo(lcSsh) << "authentication refused by" << peer() << "for user" << m_options.user;
    return fs::fail(fs::ErrorCode::AuthenticationFailed,
                    QStringLiteral("%1 refused user %2").arg(peer(), m_options.user));
}

fs::Result<void> SshTransport::open()
{
    close();
    auto result = [this]() -> fs::Result<void> {
        if (auto c = connectSession(); !c)
            return c;
        if (auto a = authenticate(); !a)
            return a;
        qCDebug(lcSsh) << "authenticated at" << peer();
        m_channel = ssh_channel_new(m_session);
        if (!m_channel || ssh_channel_open_session(m_channel) != SSH_OK)
            return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("channel")));
        if (ssh_channel_request_pty_size(m_channel, "vt100", m_options.columns, m_options.rows) != SSH_OK)
            return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("terminal")));
        if (ssh_channel_request_shell(m_channel) != SSH_OK)
            return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("shell")));
        qCDebug(lcSsh) << "shell open at" << peer();
        return {};
    }();
    if (!result)
        close();
    return result;
}

fs::Result<QByteArray> SshTransport::read(int timeoutMs)
{
    if (!m_channel)
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1: not connected").arg(peer()));
    char buffer[16384];
    QByteArray data;
    const int n = ssh_channel_read_timeout(m_channel, buffer, sizeof buffer, 0, timeoutMs);
    if (n == SSH_ERROR)
        return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("read")));
    if (n > 0)
        data.append(buffer, n);
    // What the device writes on its error stream belongs to the transcript too.
    const int e = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 1);
    if (e > 0)
        data.append(buffer, e);
    if (data.isEmpty() && (ssh_channel_is_eof(m_channel) || !ssh_channel_is_open(m_channel)))
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1 closed the session").arg(peer()));
    return data;
}

fs::Result<void> SshTransport::write(const QByteArray &bytes)
{
    if (!m_channel)
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1: not connected").arg(peer()));
    qsizetype done = 0;
    while (done < bytes.size()) {
        const int n = ssh_channel_write(m_channel, bytes.constData() + done, uint32_t(bytes.size() - done));
        if (n == SSH_ERROR)
            return tl::unexpected(sessionError(fs::ErrorCode::ConnectionFailed, QStringLiteral("write")));
        done += n;
    }
    return {};
}

void SshTransport::close()
{
    if (m_channel) {
        if (ssh_channel_is_open(m_channel)) {
            ssh_channel_send_eof(m_channel);
            ssh_channel_close(m_channel);
        }
        ssh_channel_free(m_channel);
        m_channel = nullptr;
    }
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
}

} // namespace fs::collect
