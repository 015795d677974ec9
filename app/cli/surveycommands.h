#pragma once

#include <QStringList>

namespace fs::cli {

// Subcommands that change or check a survey file; see Commands for the exit statuses.
int setFields(const QStringList &arguments);
int history(const QStringList &arguments);
int verify(const QStringList &arguments);
int exportPackage(const QStringList &arguments);

} // namespace fs::cli
