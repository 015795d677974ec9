#pragma once

#include <QString>
#include <QStringList>

namespace fs::cli {

// The subcommands of fieldsurvey-cli. Each parses its own arguments and returns the exit status:
// 0 on success, 1 when the work failed, 2 for a usage error.
class Commands
{
public:
    static constexpr int kOk = 0;
    static constexpr int kFailed = 1;
    static constexpr int kUsageError = 2;

    [[nodiscard]] static QString description();
    [[nodiscard]] static QString summary();
    [[nodiscard]] static int run(const QString &command, const QStringList &arguments);
};

} // namespace fs::cli
