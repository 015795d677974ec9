#pragma once

#include <QLoggingCategory>

namespace fs::sync {

Q_DECLARE_LOGGING_CATEGORY(lcPortal)  // fs.sync.portal
Q_DECLARE_LOGGING_CATEGORY(lcNetwork) // fs.sync.network

} // namespace fs::sync
