#include "error.h"

namespace fs {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::NotASurvey:
        return QStringLiteral("not_a_survey");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::ReadOnly:
        return QStringLiteral("read_only");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::InvalidData:
        return QStringLiteral("invalid_data");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::DiskFull:
        return QStringLiteral("disk_full");
    case ErrorCode::ReadOnlyMedia:
        return QStringLiteral("read_only_media");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::ConnectionFailed:
        return QStringLiteral("connection_failed");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication_failed");
    case ErrorCode::HostKeyUnknown:
        return QStringLiteral("host_key_unknown");
    case ErrorCode::HostKeyChanged:
        return QStringLiteral("host_key_changed");
    case ErrorCode::NotReadOnly:
        return QStringLiteral("not_read_only");
    case ErrorCode::Duplicate:
        return QStringLiteral("duplicate");
    case ErrorCode::TlsFailed:
        return QStringLiteral("tls_failed");
    case ErrorCode::PortalError:
        return QStringLiteral("portal_error");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("unknown");
}

QString describe(const Error &error)
{
    return errorCodeName(error.code) + QStringLiteral(": ") + error.detail;
}

} // namespace fs
