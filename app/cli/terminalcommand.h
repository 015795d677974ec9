#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli terminal evaluate FILE.json | import SURVEY FILE.json | script --out DIR
// Windows terminal checks: judge a collector file, record it in a survey, or write the collector.
int terminal(const QStringList &arguments);

} // namespace fs::cli
