#include "logging.h"

namespace fs::model {

Q_LOGGING_CATEGORY(lcStore, "fs.model.store")
Q_LOGGING_CATEGORY(lcIntake, "fs.model.intake")

} // namespace fs::model
