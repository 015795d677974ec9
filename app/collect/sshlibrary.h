#pragma once

#include <QString>

namespace fs::collect {

// libssh's process-wide state: ssh_init() before the first session, ssh_finalize() after the
// last. Hold one instance for as long as SSH sessions may run.
class SshLibrary
{
public:
    SshLibrary();
    SshLibrary(const SshLibrary &) = delete;
    SshLibrary &operator=(const SshLibrary &) = delete;
    ~SshLibrary();

    [[nodiscard]] bool isInitialised() const { return m_initialised; }

    // The linked libssh's version ("0.10.6/openssl/zlib").
    [[nodiscard]] static QString version();

private:
    bool m_initialised = false;
};

} // namespace fs::collect
