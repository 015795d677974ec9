#pragma once

#include <QString>

namespace fs::model {

// Something an import noticed: a stable code (see docs/import-warnings.md), where it is in the
// source ("回線・機器情報記入シート!P6", or a sheet name), what it concerns ("line:1",
// "terminal:2", "hospital") for jumping to it, and a detail for people.
struct ImportWarning
{
    QString code;
    QString where;
    QString subject;
    QString detail;

    friend bool operator==(const ImportWarning &, const ImportWarning &) = default;
};

} // namespace fs::model
