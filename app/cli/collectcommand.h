#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli collect: reads a router's, UTM's or firewall's facts over SSH, a serial console
// or from a saved transcript into a survey; see Commands for the exit statuses.
int collect(const QStringList &arguments);

} // namespace fs::cli
