#include "reportlogging.h"

namespace fs::report {

Q_LOGGING_CATEGORY(lcReport, "fs.report")

} // namespace fs::report
