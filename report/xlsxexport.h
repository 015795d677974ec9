#pragma once

#include "error.h"
#include "finding.h"
#include "surveydata.h"

#include <QList>
#include <QString>

namespace fs::report {

// The survey's results as an .xlsx in the layout of the hospital's workbook (別紙2-1), for the
// office to keep working in Excel (docs/report.md, "Excel export"):
//  - 基本情報記入シート, 回線・機器情報記入シート and 調査端末情報記入シート with the same sheet
//    names, header rows and column order as the hospital's workbook and the declared values as
//    imported, so that WorkbookImporter reads the file back;
//  - right of the declared columns, a 調査結果 group with what was found on site and the findings;
//  - 所見一覧: every finding (dismissed ones too, marked 却下), one per row.
// Every value is written as text (a 回線ID "0120…" or a firmware "10.2.36" stays as written). The
// file is written beside the target under a temporary name and renamed into place, so a failed
// export leaves nothing at path.
class XlsxExport
{
public:
    // Findings point at rows by id (Finding::targetEntity / targetId: connection_point, device,
    // terminal or survey); deleted ones are left out.
    [[nodiscard]] static Result<void> write(const fs::model::SurveyData &data,
                                            const QList<fs::model::Finding> &findings, const QString &path);
};

} // namespace fs::report
