#include "logging.h"

namespace fs::app {

Q_LOGGING_CATEGORY(lcUi, "fs.app.ui")

} // namespace fs::app
