#include "logging.h"

namespace fs::collect {

Q_LOGGING_CATEGORY(lcSsh, "fs.collect.ssh")
Q_LOGGING_CATEGORY(lcSerial, "fs.collect.serial")

} // namespace fs::collect
