#pragma once

#include <QLoggingCategory>

namespace fs::report {

Q_DECLARE_LOGGING_CATEGORY(lcReport) // fs.report

} // namespace fs::report
