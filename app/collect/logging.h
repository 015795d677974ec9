#pragma once

#include <QLoggingCategory>

namespace fs::collect {

Q_DECLARE_LOGGING_CATEGORY(lcSsh)      // fs.collect.ssh
Q_DECLARE_LOGGING_CATEGORY(lcSerial)   // fs.collect.serial
Q_DECLARE_LOGGING_CATEGORY(lcProfiles) // fs.collect.profiles

} // namespace fs::collect
