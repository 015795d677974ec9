#include "planslogging.h"

namespace fs::plans {

Q_LOGGING_CATEGORY(lcPlans, "fs.plans")

} // namespace fs::plans
