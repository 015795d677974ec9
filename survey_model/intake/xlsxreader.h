#pragma once

#include "error.h"
#include "xlsxarchive.h"
#include "xlsxsheet.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace fs::model {

// Reads an Office Open XML workbook (.xlsx) with QuaZip and QXmlStreamReader: the workbook and
// its relationships, sheets by name, shared and inline strings (rich-text runs joined, phonetic
// guides skipped), numbers, booleans, dates (1900 and 1904 systems, from number formats), merged
// cells, data-validation lists, column widths and row heights, pictures and shapes from drawings
// (one-cell, two-cell and absolute anchors, groups, callout tails).
//
// Every part is untrusted: sizes are bounded (XlsxLimits), DTDs are refused, relationship targets
// that leave the package are ignored, and errors name the part and line.
class XlsxReader
{
public:
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;
    ~XlsxReader();

    [[nodiscard]] static Result<std::unique_ptr<XlsxReader>> open(const QString &path,
                                                                  const XlsxLimits &limits = {});
    [[nodiscard]] static Result<std::unique_ptr<XlsxReader>> open(std::unique_ptr<XlsxArchive> archive);

    // Sheet names in workbook order.
    [[nodiscard]] QStringList sheetNames() const;
    [[nodiscard]] bool date1904() const { return m_date1904; }
    // Reads one sheet (cells, geometry, drawings). Sheets not asked for are never parsed.
    [[nodiscard]] Result<XlsxSheet> readSheet(const QString &name) const;
    // The bytes of a picture's media part, within the media size limit.
    [[nodiscard]] Result<QByteArray> readMedia(const QString &part) const;
    // Enough of a picture's media part to read its format and size (the whole part when the
    // header lies further in, as in a JPEG with a large EXIF block).
    [[nodiscard]] Result<QByteArray> readMediaHeader(const QString &part) const;
    [[nodiscard]] const XlsxArchive &archive() const { return *m_archive; }

    // A date serial as ISO text in the given date system ("2026-12-03", with "THH:MM:SS" for a time, or
    // "HH:MM:SS" for a time of day alone).
    [[nodiscard]] static QString serialToIso(double serial, bool date1904);
    // Whether a number format code shows a date or time.
    [[nodiscard]] static bool isDateFormat(int numFmtId, const QString &formatCode);

private:
    struct Relationship
    {
        QString type; // the last segment: "worksheet", "image", "drawing", …
        QString target;
    };
    struct SheetEntry
    {
        QString name;
        QString part;
    };

    XlsxReader() = default;

    // "reference.xlsx: xl/worksheets/sheet1.xml", for error messages.
    [[nodiscard]] QString located(const QString &part) const;

    [[nodiscard]] Result<QHash<QString, Relationship>> readRelationships(const QString &part) const;
    [[nodiscard]] Result<void> readWorkbook();
    [[nodiscard]] Result<void> readSharedStrings(const QString &part);
    [[nodiscard]] Result<void> readStyles(const QString &part);
    [[nodiscard]] Result<void> readDrawing(const QString &part, XlsxSheet &sheet) const;

    std::unique_ptr<XlsxArchive> m_archive;
    QString m_workbookPart;
    QList<SheetEntry> m_sheets;
    QStringList m_sharedStrings;
    QList<bool> m_dateStyles; // cellXfs index → shows a date
    bool m_date1904 = false;
};

} // namespace fs::model
