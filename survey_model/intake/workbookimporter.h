#pragma once

#include "error.h"
#include "surveydata.h"
#include "xlsxarchive.h"

#include <QString>
#include <QStringList>

namespace fs::model {

// The result of reading a hospital's 別紙2-1 workbook: the survey's data (hospital, contacts,
// lines with devices, terminals, floor plans with pins, warnings), ready for
// SurveyStore::importSurvey.
struct WorkbookImport
{
    SurveyData data;
    bool passwordSheetIgnored = false; // the sheet was there; none of it was read
    QStringList sheets;                // every sheet name, in workbook order
};

// Maps the five sheets of 別紙2-1 (DESIGN.md) onto a survey. Sheets are found by name and columns
// by header text (NFKC, whitespace folded, required marks ignored), never by position; 記入例 and
// blank rows are skipped, rows sharing a 回線No are one line with several devices, and the floor
// plan's callouts become pins. Whatever is odd becomes a warning with a code and a place
// (docs/import-warnings.md); only a file that is not a readable 別紙2-1 is refused.
class WorkbookImporter
{
public:
    struct Options
    {
        bool loadImages = true; // false: images are checked (header read) but not kept
        XlsxLimits limits;
    };

    [[nodiscard]] static Result<WorkbookImport> read(const QString &path, const Options &options);
    [[nodiscard]] static Result<WorkbookImport> read(const QString &path) { return read(path, Options{}); }
    // A workbook already in memory; name stands for the file in messages.
    [[nodiscard]] static Result<WorkbookImport> read(const QByteArray &bytes, const QString &name,
                                                     const Options &options);
};

} // namespace fs::model
