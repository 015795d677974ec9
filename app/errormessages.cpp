#include "errormessages.h"

#include "logging.h"

#include <QMessageBox>

namespace fs::app {

QString ErrorMessages::headline(const fs::Error &error)
{
    switch (error.code) {
    case ErrorCode::Io:
        return tr("The file could not be read or written.");
    case ErrorCode::NotASurvey:
        return tr("This file is not a FieldSurvey survey.");
    case ErrorCode::SchemaTooNew:
        return tr("This survey was saved by a newer version of FieldSurvey. It is open read-only; update "
                  "FieldSurvey to edit it.");
    case ErrorCode::Database:
        return tr("The survey file reported an error. Nothing was changed.");
    case ErrorCode::ReadOnly:
        return tr("This survey is open read-only.");
    case ErrorCode::NotFound:
        return tr("The item no longer exists.");
    case ErrorCode::InvalidData:
        return tr("The data is not in the expected form.");
    case ErrorCode::InvalidArgument:
        return tr("The request could not be carried out.");
    case ErrorCode::DiskFull:
        return tr("The disk is full. The change was not saved; everything saved before is intact. Free some "
                  "space and try again.");
    case ErrorCode::ReadOnlyMedia:
        return tr(
            "The survey file cannot be written (read-only medium or folder). Copy it to a writable folder "
            "to edit it.");
    case ErrorCode::Locked:
        return tr(
            "Another FieldSurvey is editing this survey. Close it there, or open the survey read-only.");
    case ErrorCode::Corrupt:
        return tr("The survey file is damaged. Do not edit it; keep a copy and contact support.");
    case ErrorCode::ConnectionFailed:
        return tr("The device could not be reached, or the session broke off.");
    case ErrorCode::Timeout:
        return tr("The device did not answer in time.");
    case ErrorCode::Cancelled:
        return tr("Stopped.");
    case ErrorCode::AuthenticationFailed:
        return tr("The device refused the user name, the password or the key.");
    case ErrorCode::HostKeyUnknown:
        return tr("This device's host key has not been accepted for this survey yet.");
    case ErrorCode::HostKeyChanged:
        return tr("The device's host key is not the one accepted for this survey. The connection was "
                  "refused: someone may be in between. Ask the hospital whether the device was replaced.");
    case ErrorCode::NotReadOnly:
        return tr("A command that could change the device was refused. FieldSurvey only reads.");
    case ErrorCode::Duplicate:
        return tr("This is already in the survey.");
    case ErrorCode::TlsFailed:
        return tr("The secure connection to the portal failed: check the client certificate, its passphrase "
                  "and the portal's address.");
    case ErrorCode::PortalError:
        return tr("The portal refused the request. Nothing confirmed was lost; unsent changes stay queued.");
    case ErrorCode::Conflict:
        return tr("The same item was changed here and on the portal. Decide which value to keep.");
    }
    return tr("An unexpected error occurred.");
}

void ErrorMessages::show(QWidget *parent, const QString &title, const QString &action, const fs::Error &error,
                         Detail detail)
{
    qCWarning(lcUi) << action << "failed:" << describe(error);
    QMessageBox box(QMessageBox::Warning, title, action, QMessageBox::Ok, parent);
    box.setInformativeText(detail == Detail::Shown
                               ? headline(error) + QStringLiteral("\n\n") + error.detail.left(600)
                               : headline(error));
    box.setDetailedText(error.detail);
    box.exec();
}

} // namespace fs::app
