#pragma once

#include <QString>

namespace fs::model {

// Something an import noticed: a stable code (see docs/import-warnings.md), where it is in the
// source ("回線・機器情報記入シート!P6", or a sheet name), what it concerns for jumping to it
// ("line:1/global_ip", "terminal:2/hostname", "hospital/consent", "callout:吹き出し 5"), and a
// detail for the log and tooltips (English, technical).
struct ImportWarning
{
    QString code;
    QString where;
    QString subject;
    QString detail;

    friend bool operator==(const ImportWarning &, const ImportWarning &) = default;
};

} // namespace fs::model
