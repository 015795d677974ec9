#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli parse [--profile auto|ID] [--command TEXT] FILE | --list-profiles
// Reads saved device output with a vendor profile and prints the facts as JSON.
int parseDeviceOutput(const QStringList &arguments);

} // namespace fs::cli
