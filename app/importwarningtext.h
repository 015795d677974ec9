#pragma once

#include <QCoreApplication>
#include <QString>

namespace fs::app {

// What an import warning's code means, in the user's language.
class ImportWarningText
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ImportWarningText)

public:
    [[nodiscard]] static QString describe(const QString &code);
    // "回線 3" / "端末 2" / "基本情報" for a warning's subject ("line:3/global_ip").
    [[nodiscard]] static QString subject(const QString &subject);
};

} // namespace fs::app
