#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli import WORKBOOK.xlsx (--out SURVEY.fsv | --dry-run)
int importWorkbook(const QStringList &arguments);

} // namespace fs::cli
