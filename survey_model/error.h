#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace fs {

// What went wrong, as a code the application maps to a translated message. The detail is for the
// log and for developers (file names, SQL errors); it never carries a secret.
enum class ErrorCode
{
    Io,              // a file could not be read or written
    NotASurvey,      // the file is not a FieldSurvey survey (.fsv)
    SchemaTooNew,    // the survey was written by a newer FieldSurvey
    Database,        // SQLite reported an error
    ReadOnly,        // a write was attempted on a survey opened read-only
    NotFound,        // the requested record does not exist
    InvalidData,     // input that does not have the expected shape (JSON, workbook, device output)
    InvalidArgument, // a caller passed a value the API does not accept
    DiskFull,        // the disk (or the SQLite size limit) is full; nothing was written
    ReadOnlyMedia,   // the file or its folder cannot be written (read-only medium or permissions)
    Locked,          // another FieldSurvey has the survey open for editing
    Corrupt,         // the file is damaged
    Duplicate,       // the same content is already in the survey (a photo imported twice)
    // device sessions (survey_collect)
    ConnectionFailed,     // the device could not be reached or the session broke
    Timeout,              // the device did not answer in time
    Cancelled,            // the investigator stopped it
    AuthenticationFailed, // user name, password or key refused
    HostKeyUnknown,       // first contact: the host key must be accepted explicitly
    HostKeyChanged,       // the host key differs from the one accepted for this survey
    NotReadOnly,          // a command that could change the device was refused
    // the portal (survey_sync)
    TlsFailed,   // the secure connection failed: client certificate, passphrase, untrusted server
    PortalError, // the portal refused a request; the detail keeps its code and message
    Conflict,    // the same field changed here and on the portal; someone must decide
};

struct Error
{
    ErrorCode code;
    QString detail;
};

// The stable name of a code, for logs and the command line ("schema_too_new").
[[nodiscard]] QString errorCodeName(ErrorCode code);

// "code: detail", for logs.
[[nodiscard]] QString describe(const Error &error);

template <typename T>
using Result = tl::expected<T, Error>;

[[nodiscard]] inline tl::unexpected<Error> fail(ErrorCode code, QString detail)
{
    return tl::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace fs
