#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli scan list|confirm|import|remove|rematch …: the scan day (脆弱性診断).
//   scan list SURVEY [--csv FILE|-] [--json]
//   scan confirm SURVEY LINE --ip ADDRESS --by NAME [--at TIME] | --clear
//   scan import SURVEY FILE.xml… [--json]
//   scan remove SURVEY IMPORT-UUID
//   scan rematch SURVEY
int scanCommand(const QStringList &arguments);

} // namespace fs::cli
