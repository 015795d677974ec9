#pragma once

#include "finding.h"

#include <QSqlQuery>
#include <QString>

namespace fs::model::detail {

// The columns findingFromRow() reads, for "SELECT <columns> FROM finding f".
[[nodiscard]] const QString &findingColumns();
[[nodiscard]] Finding findingFromRow(const QSqlQuery &query);

} // namespace fs::model::detail
