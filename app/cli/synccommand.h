#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli sync SURVEY.fsv --portal CONFIG.json [--secrets-stdin] | --conflicts | --resolve ID --keep
// local|portal
int syncCommand(const QStringList &arguments);
// fieldsurvey-cli portal schema | hospitals | workbook
int portalCommand(const QStringList &arguments);

} // namespace fs::cli
