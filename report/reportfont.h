#pragma once

#include <QString>

namespace fs::report {

// The report's typeface: Noto Sans CJK JP re-cut so that copied and searched text comes out as
// written (report/fonts/make-report-font.py), found beside the build or the installation.
class ReportFont
{
public:
    // Registers the derived font once and returns its family; falls back to the system's
    // "Noto Sans CJK JP" (logged) when the derived files are missing.
    [[nodiscard]] static QString family();
    // Whether family() is the derived font (tests check this; a fallback report is still usable).
    [[nodiscard]] static bool isDerived();
    // Where the derived .otf files are looked for, in order.
    [[nodiscard]] static QStringList searchPaths();
};

} // namespace fs::report
