#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli backup …: the offline-backup questionnaire and the support classification.
//   backup show SURVEY [--json]
//   backup classify ANSWERS.json [--json]
//   backup answer SURVEY ANSWERS.json
//   backup override SURVEY --class CLASS --reason TEXT | --clear
//   backup task SURVEY ITEM --state open|done|not_needed [--reason TEXT]
//   backup summary SURVEY… [--csv FILE] [--json]
int backupCommand(const QStringList &arguments);

} // namespace fs::cli
