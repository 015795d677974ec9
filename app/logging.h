#pragma once

#include <QLoggingCategory>

namespace fs::app {

Q_DECLARE_LOGGING_CATEGORY(lcUi) // fs.app.ui

} // namespace fs::app
