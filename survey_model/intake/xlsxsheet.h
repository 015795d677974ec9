#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace fs::model {

// A cell address, 1-based ("C7" is row 7, column 3).
struct CellRef
{
    int row = 0;
    int column = 0;

    [[nodiscard]] static std::optional<CellRef> parse(QStringView a1);
    [[nodiscard]] QString toA1() const;
    [[nodiscard]] static QString columnName(int column);

    friend bool operator==(const CellRef &, const CellRef &) = default;
};

struct CellRange
{
    CellRef first;
    CellRef last;

    [[nodiscard]] static std::optional<CellRange> parse(QStringView text); // "B3:C3" or "F3"
    [[nodiscard]] bool contains(const CellRef &cell) const
    {
        return cell.row >= first.row && cell.row <= last.row && cell.column >= first.column &&
               cell.column <= last.column;
    }
};

// One cell's value as the workbook stores it, with the text the importer reads.
struct XlsxCell
{
    enum class Kind
    {
        Empty,
        Text,
        Number,
        Boolean,
        Date,
        Error
    };
    Kind kind = Kind::Empty;
    QString text; // Text as written; Number "320" / "3.5"; Boolean TRUE/FALSE; Date YYYY-MM-DD[THH:MM:SS]
    double number = 0; // Number, Boolean (0/1) and Date (the serial)
};

struct DataValidation
{
    QList<CellRange> ranges;
    QString type;          // "list", "whole", …
    QStringList listItems; // for an inline list ("同意する,同意しない")
};

// A rectangle in EMU (914400 per inch), from the sheet's top-left corner.
struct EmuRect
{
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    [[nodiscard]] bool isEmpty() const { return width <= 0 || height <= 0; }
    [[nodiscard]] bool contains(const QPointF &p) const
    {
        return p.x() >= x && p.x() <= x + width && p.y() >= y && p.y() <= y + height;
    }
};

// A picture placed on the sheet (xl/media via a drawing).
struct XlsxPicture
{
    QString name;
    QString mediaPart; // "xl/media/image1.png"
    EmuRect rect;
};

// A shape with text, e.g. a callout (吹き出し) pointing at a spot on a floor plan.
struct XlsxShape
{
    QString name;
    QString preset;                 // "wedgeRectCallout", "rect", …
    QHash<QString, double> adjusts; // adj1, adj2 … as written (1/100000 of the size)
    QString text;                   // paragraphs joined with "\n"
    EmuRect rect;
    std::optional<QPointF> tail; // where a callout points, EMU
};

// A worksheet as read: cells, merged ranges, validations, geometry and drawings.
struct XlsxSheet
{
    QString name;
    QString part;
    QMap<int, QMap<int, XlsxCell>> rows; // row → column → cell (only stored cells)
    QList<CellRange> merged;
    QList<DataValidation> validations;
    double defaultColumnWidthPx = 64;
    QMap<int, double> columnWidthPx; // 1-based column → width
    double defaultRowHeightPt = 15;
    QMap<int, double> rowHeightPt; // 1-based row → height
    QList<XlsxPicture> pictures;
    QList<XlsxShape> shapes;

    // The stored cell, or an empty one.
    [[nodiscard]] const XlsxCell &cell(int row, int column) const;
    // The cell's text; inside a merged range, the text of the range's top-left cell.
    [[nodiscard]] QString text(int row, int column) const;
    [[nodiscard]] int lastRow() const { return rows.isEmpty() ? 0 : rows.lastKey(); }
    [[nodiscard]] int lastColumn() const;

    // Left edge of a column / top edge of a row (0-based, as drawings count), in EMU.
    [[nodiscard]] double columnLeftEmu(int column0) const;
    [[nodiscard]] double rowTopEmu(int row0) const;
};

} // namespace fs::model
