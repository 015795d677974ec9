#include "errormessages.h"

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
    }
    return tr("An unexpected error occurred.");
}

} // namespace fs::app
