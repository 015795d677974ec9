#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli review SURVEY.fsv [--state submitted|returned|approved] [--comment TARGET --text T]
// [--resolve COMMENT] [--reopen COMMENT] [--actor NAME]: the review state and comments; without an
// option, prints them.
int reviewCommand(const QStringList &arguments);
// fieldsurvey-cli portfolio FOLDER|FILE…: one line per survey (state, 危険, 注意, unsynced, open
// comments), as the review window's portfolio reads them.
int portfolioCommand(const QStringList &arguments);

} // namespace fs::cli
