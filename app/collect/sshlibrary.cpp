#include "sshlibrary.h"

#include "logging.h"

#include <libssh/libssh.h>

namespace fs::collect {

SshLibrary::SshLibrary()
{
    m_initialised = ssh_init() == SSH_OK;
    if (!m_initialised)
        qCWarning(lcSsh) << "ssh_init failed";
}

SshLibrary::~SshLibrary()
{
    if (m_initialised)
        ssh_finalize();
}

QString SshLibrary::version()
{
    return QString::fromLatin1(ssh_version(0));
}

} // namespace fs::collect
