#pragma once

#include "error.h"

#include <QString>

namespace fs::model {

class SurveyStore;

// Photos leaving the survey (for the hospital, the office, a portal upload) never carry where
// they were taken: each is written with copyWithoutLocation (GPS EXIF and XMP removed).
class PhotoExport
{
public:
    // Writes every photo into folder as NNN_<camera file name>, in the survey's order; a file
    // already there keeps its name and the photo gets "-2", "-3"…. Returns how many were written.
    [[nodiscard]] static Result<int> writeAll(const SurveyStore &store, const QString &folder);
};

} // namespace fs::model
