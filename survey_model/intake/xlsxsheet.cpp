#include "xlsxsheet.h"

namespace fs::model {

namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;
constexpr double kEmuPerPixel = 9525.0;
constexpr double kEmuPerPoint = 12700.0;

} // namespace

std::optional<CellRef> CellRef::parse(QStringView a1)
{
    int i = 0;
    int column = 0;
    while (i < a1.size() && a1[i] == QLatin1Char('$'))
        ++i;
    const int letters = i;
    while (i < a1.size() && a1[i].isLetter() && a1[i].unicode() < 128) {
        column = column * 26 + (a1[i].toUpper().unicode() - 'A' + 1);
        if (column > kMaxColumns)
            return std::nullopt;
        ++i;
    }
    if (i == letters)
        return std::nullopt;
    if (i < a1.size() && a1[i] == QLatin1Char('$'))
        ++i;
    bool ok = false;
    const int row = a1.mid(i).toInt(&ok);
    if (!ok || row < 1 || row > kMaxRows)
        return std::nullopt;
    return CellRef{row, column};
}

QString CellRef::columnName(int column)
{
    QString name;
    while (column > 0) {
        const int remainder = (column - 1) % 26;
        name.prepend(QChar(u'A' + remainder));
        column = (column - 1) / 26;
    }
    return name;
}

QString CellRef::toA1() const
{
    return columnName(column) + QString::number(row);
}

std::optional<CellRange> CellRange::parse(QStringView text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const auto first = CellRef::parse(colon < 0 ? text : text.left(colon));
    const auto last = colon < 0 ? first : CellRef::parse(text.mid(colon + 1));
    if (!first || !last)
        return std::nullopt;
    return CellRange{CellRef{std::min(first->row, last->row), std::min(first->column, last->column)},
                     CellRef{std::max(first->row, last->row), std::max(first->column, last->column)}};
}

const XlsxCell &XlsxSheet::cell(int row, int column) const
{
    static const XlsxCell empty;
    const auto r = rows.constFind(row);
    if (r == rows.constEnd())
        return empty;
    const auto c = r->constFind(column);
    return c == r->constEnd() ? empty : *c;
}

QString XlsxSheet::text(int row, int column) const
{
    const XlsxCell &own = cell(row, column);
    if (own.kind != XlsxCell::Kind::Empty && !own.text.isEmpty())
        return own.text;
    for (const CellRange &range : merged) {
        if (range.contains(CellRef{row, column}))
            return cell(range.first.row, range.first.column).text;
    }
    return own.text;
}

int XlsxSheet::lastColumn() const
{
    int last = 0;
    for (const auto &row : rows) {
        if (!row.isEmpty())
            last = std::max(last, row.lastKey());
    }
    return last;
}

double XlsxSheet::columnLeftEmu(int column0) const
{
    double px = 0;
    for (int c = 1; c <= column0; ++c)
        px += columnWidthPx.value(c, defaultColumnWidthPx);
    return px * kEmuPerPixel;
}

double XlsxSheet::rowTopEmu(int row0) const
{
    double pt = 0;
    for (int r = 1; r <= row0; ++r)
        pt += rowHeightPt.value(r, defaultRowHeightPt);
    return pt * kEmuPerPoint;
}

} // namespace fs::model
