#pragma once

#include <QLoggingCategory>

namespace fs::plans {

Q_DECLARE_LOGGING_CATEGORY(lcPlans) // fs.plans

} // namespace fs::plans
