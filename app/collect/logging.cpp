#include "logging.h"

namespace fs::collect {

Q_LOGGING_CATEGORY(lcSsh, "fs.collect.ssh")
Q_LOGGING_CATEGORY(lcSerial, "fs.collect.serial")
Q_LOGGING_CATEGORY(lcProfiles, "fs.collect.profiles")

} // namespace fs::collect
