#pragma once

#include <QLoggingCategory>

namespace fs::model {

Q_DECLARE_LOGGING_CATEGORY(lcStore)  // fs.model.store
Q_DECLARE_LOGGING_CATEGORY(lcIntake) // fs.model.intake

} // namespace fs::model
