#include "logging.h"

namespace fs::sync {

Q_LOGGING_CATEGORY(lcPortal, "fs.sync.portal")
Q_LOGGING_CATEGORY(lcNetwork, "fs.sync.network")

} // namespace fs::sync
