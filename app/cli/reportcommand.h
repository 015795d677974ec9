#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli findings SURVEY [--json] [--date D] [--refresh]
// The survey's findings: what the rules raise with the investigator's judgment on top.
int findingsCommand(const QStringList &arguments);

// fieldsurvey-cli report SURVEY --pdf OUT.pdf [--xlsx OUT.xlsx] [--date D] [--no-photos]
// The survey report (調査報告書) and the Excel export. Needs a QGuiApplication (fonts, QPdfWriter).
int reportCommand(const QStringList &arguments);

} // namespace fs::cli
