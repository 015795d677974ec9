#include "xlsxreader.h"

#include "logging.h"
#include "safexmlreader.h"

#include <QBuffer>
#include <QDateTime>
#include <QImageReader>
#include <QRegularExpression>
#include <QTransform>

#include <cmath>

namespace fs::model {

namespace {

constexpr double kMaxDigitWidthPx = 7.0; // Calibri 11, the default font
constexpr double kEmuPerPixel = 9525.0;

QString relationshipsPartOf(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash < 0 ? QString() : part.left(slash + 1);
    const QString name = slash < 0 ? part : part.mid(slash + 1);
    return dir + QStringLiteral("_rels/") + name + QStringLiteral(".rels");
}

// Column width in characters (as stored) → pixels, as Excel renders it.
double columnWidthToPixels(double width)
{
    return std::trunc(((256.0 * width + std::trunc(128.0 / kMaxDigitWidthPx)) / 256.0) * kMaxDigitWidthPx);
}

// Text of <si>, <is> or <t> content: runs joined, phonetic guides (<rPh>) skipped.
QString richText(SafeXmlReader &xml)
{
    QString text;
    const qint64 depth = xml.depth();
    while (xml.nextChild(depth)) {
        if (xml.name() == QStringLiteral("rPh") || xml.name() == QStringLiteral("phoneticPr"))
            xml.skipElement();
        else if (xml.name() == QStringLiteral("t"))
            text += xml.elementText();
    }
    return text;
}

QString numberText(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 15);
}

double number(const QString &text, double fallback = 0)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? value : fallback;
}

// Parses "val 12345" (a shape guide formula) into 12345.
std::optional<double> guideValue(const QString &formula)
{
    const QStringList parts = formula.simplified().split(QLatin1Char(' '));
    if (parts.size() == 2 && parts[0] == QStringLiteral("val")) {
        bool ok = false;
        const double v = parts[1].toDouble(&ok);
        if (ok && std::isfinite(v))
            return v;
    }
    return std::nullopt;
}

// A DrawingML transform: offset and size in the parent's space, rotation, flips.
struct Xfrm
{
    bool present = false;
    double x = 0, y = 0, cx = 0, cy = 0;
    double chX = 0, chY = 0, chCx = 0, chCy = 0; // groups only
    double rotationDegrees = 0;
    bool flipH = false, flipV = false;
};

Xfrm readXfrm(SafeXmlReader &xml)
{
    Xfrm f;
    f.present = true;
    f.rotationDegrees = number(xml.attribute(u"rot")) / 60000.0;
    f.flipH =
        xml.attribute(u"flipH") == QStringLiteral("1") || xml.attribute(u"flipH") == QStringLiteral("true");
    f.flipV =
        xml.attribute(u"flipV") == QStringLiteral("1") || xml.attribute(u"flipV") == QStringLiteral("true");
    const qint64 depth = xml.depth();
    while (xml.nextChild(depth)) {
        const QStringView n = xml.name();
        if (n == QStringLiteral("off")) {
            f.x = number(xml.attribute(u"x"));
            f.y = number(xml.attribute(u"y"));
        } else if (n == QStringLiteral("ext")) {
            f.cx = number(xml.attribute(u"cx"));
            f.cy = number(xml.attribute(u"cy"));
        } else if (n == QStringLiteral("chOff")) {
            f.chX = number(xml.attribute(u"x"));
            f.chY = number(xml.attribute(u"y"));
        } else if (n == QStringLiteral("chExt")) {
            f.chCx = number(xml.attribute(u"cx"));
            f.chCy = number(xml.attribute(u"cy"));
        }
    }
    return f;
}

// Maps a group's child coordinates into its parent's.
QTransform groupTransform(const Xfrm &g)
{
    const double sx = g.chCx > 0 ? g.cx / g.chCx : 1.0;
    const double sy = g.chCy > 0 ? g.cy / g.chCy : 1.0;
    return QTransform(sx, 0, 0, sy, g.x - g.chX * sx, g.y - g.chY * sy);
}

// Where a callout shape points, in its own coordinates (EMU, before any group mapping), or none
// for a shape that is not a callout.
std::optional<QPointF> calloutTail(const QString &preset, const QHash<QString, double> &adjusts,
                                   const Xfrm &f)
{
    const double w = f.cx;
    const double h = f.cy;
    const QPointF centre(f.x + w / 2, f.y + h / 2);
    const auto adj = [&adjusts](const char *name, double fallback) {
        return adjusts.value(QString::fromLatin1(name), fallback);
    };
    QPointF offset; // from the centre, before rotation
    if (preset == QStringLiteral("wedgeRectCallout") || preset == QStringLiteral("wedgeRoundRectCallout") ||
        preset == QStringLiteral("wedgeEllipseCallout") || preset == QStringLiteral("cloudCallout")) {
        offset = QPointF(adj("adj1", -20833) / 100000.0 * w, adj("adj2", 62500) / 100000.0 * h);
    } else {
        // Line callouts: the last (y, x) guide pair is the tail, from the top-left corner.
        static const QRegularExpression linePreset(
            QStringLiteral("^(?:border|accent|accentBorder)?[Cc]allout([123])$"));
        const auto match = linePreset.match(preset);
        if (!match.hasMatch())
            return std::nullopt;
        const int points = match.captured(1).toInt();
        static const double defaults[3][2] = {{112500, -38333}, {112500, -46667}, {100000, -16667}};
        const QString yName = QStringLiteral("adj%1").arg(points * 2 + 1);
        const QString xName = QStringLiteral("adj%1").arg(points * 2 + 2);
        const double ty = adjusts.value(yName, defaults[points - 1][0]) / 100000.0 * h;
        const double tx = adjusts.value(xName, defaults[points - 1][1]) / 100000.0 * w;
        offset = QPointF(tx - w / 2, ty - h / 2);
    }
    if (f.flipH)
        offset.setX(-offset.x());
    if (f.flipV)
        offset.setY(-offset.y());
    QTransform rotation;
    rotation.rotate(f.rotationDegrees);
    return centre + rotation.map(offset);
}

// Text of a shape's <txBody>: paragraphs joined with "\n", line breaks kept.
QString shapeText(SafeXmlReader &xml)
{
    QStringList paragraphs;
    const qint64 depth = xml.depth();
    while (xml.nextChild(depth)) {
        if (xml.name() != QStringLiteral("p"))
            continue;
        QString paragraph;
        const qint64 pDepth = xml.depth();
        while (xml.nextChild(pDepth)) {
            if (xml.name() == QStringLiteral("t"))
                paragraph += xml.elementText();
            else if (xml.name() == QStringLiteral("br"))
                paragraph += QLatin1Char('\n');
        }
        paragraphs << paragraph;
    }
    while (!paragraphs.isEmpty() && paragraphs.constLast().trimmed().isEmpty())
        paragraphs.removeLast();
    return paragraphs.join(QLatin1Char('\n'));
}

struct AnchorPoint
{
    int column = 0;
    double columnOffset = 0;
    int row = 0;
    double rowOffset = 0;
};

AnchorPoint readAnchorPoint(SafeXmlReader &xml)
{
    AnchorPoint p;
    const qint64 depth = xml.depth();
    while (xml.nextChild(depth)) {
        const QStringView n = xml.name();
        const double value = number(xml.elementText());
        if (n == QStringLiteral("col"))
            p.column = std::clamp(static_cast<int>(value), 0, 16383);
        else if (n == QStringLiteral("colOff"))
            p.columnOffset = value;
        else if (n == QStringLiteral("row"))
            p.row = std::clamp(static_cast<int>(value), 0, 1048575);
        else if (n == QStringLiteral("rowOff"))
            p.rowOffset = value;
    }
    return p;
}

QPointF toEmu(const XlsxSheet &sheet, const AnchorPoint &p)
{
    return {sheet.columnLeftEmu(p.column) + p.columnOffset, sheet.rowTopEmu(p.row) + p.rowOffset};
}

} // namespace

XlsxReader::~XlsxReader() = default;

QString XlsxReader::located(const QString &part) const
{
    return m_archive->fileName() + QStringLiteral(": ") + part;
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const QString &path, const XlsxLimits &limits)
{
    auto archive = XlsxArchive::open(path, limits);
    if (!archive)
        return tl::unexpected(archive.error());
    return open(std::move(*archive));
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(std::unique_ptr<XlsxArchive> archive)
{
    std::unique_ptr<XlsxReader> reader(new XlsxReader);
    reader->m_archive = std::move(archive);
    if (auto r = reader->readWorkbook(); !r)
        return tl::unexpected(r.error());
    return reader;
}

QStringList XlsxReader::sheetNames() const
{
    QStringList names;
    for (const SheetEntry &s : m_sheets)
        names << s.name;
    return names;
}

Result<QHash<QString, XlsxReader::Relationship>> XlsxReader::readRelationships(const QString &part) const
{
    QHash<QString, Relationship> relationships;
    const QString relsPart = relationshipsPartOf(part);
    if (!m_archive->contains(relsPart))
        return relationships;
    auto data = m_archive->readXml(relsPart);
    if (!data)
        return tl::unexpected(data.error());
    SafeXmlReader xml(*data, located(relsPart));
    while (xml.nextStartElement()) {
        if (xml.name() != QStringLiteral("Relationship"))
            continue;
        if (xml.attribute(u"TargetMode") == QStringLiteral("External"))
            continue; // links to the outside world are never followed
        const QString type = xml.attribute(u"Type").section(QLatin1Char('/'), -1);
        const QString written = xml.attribute(u"Target");
        const QString target = XlsxArchive::resolve(part, written);
        if (target.isEmpty())
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("%1: unsafe relationship target «%2» leaves the package")
                            .arg(located(relsPart), written.left(200)));
        relationships.insert(xml.attribute(u"Id"), Relationship{type, target});
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    return relationships;
}

Result<void> XlsxReader::readWorkbook()
{
    const QString file = m_archive->fileName();
    auto root = readRelationships(QString());
    if (!root)
        return tl::unexpected(root.error());
    for (const Relationship &r : std::as_const(*root)) {
        if (r.type == QStringLiteral("officeDocument"))
            m_workbookPart = r.target;
    }
    if (m_workbookPart.isEmpty() && m_archive->contains(QStringLiteral("xl/workbook.xml")))
        m_workbookPart = QStringLiteral("xl/workbook.xml");
    if (m_workbookPart.isEmpty() || !m_archive->contains(m_workbookPart))
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral("%1 is not an Excel workbook: the workbook part (xl/workbook.xml) is missing")
                .arg(file));

    auto relationships = readRelationships(m_workbookPart);
    if (!relationships)
        return tl::unexpected(relationships.error());
    auto data = m_archive->readXml(m_workbookPart);
    if (!data)
        return tl::unexpected(data.error());
    SafeXmlReader xml(*data, located(m_workbookPart));
    bool sawWorkbook = false;
    while (xml.nextStartElement()) {
        const QStringView n = xml.name();
        if (n == QStringLiteral("workbook")) {
            sawWorkbook = true;
        } else if (n == QStringLiteral("workbookPr")) {
            const QString d = xml.attribute(u"date1904");
            m_date1904 = d == QStringLiteral("1") || d == QStringLiteral("true");
        } else if (n == QStringLiteral("sheet")) {
            const QString name = xml.attribute(u"name");
            const auto rel = relationships->constFind(xml.attribute(u"id"));
            if (rel == relationships->constEnd() || rel->type != QStringLiteral("worksheet"))
                continue; // chart sheets, dialog sheets, broken references
            m_sheets.append(SheetEntry{name, rel->target});
        }
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    if (!sawWorkbook)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 is not a workbook").arg(file, m_workbookPart));

    for (const Relationship &r : std::as_const(*relationships)) {
        if (r.type == QStringLiteral("sharedStrings") && m_archive->contains(r.target)) {
            if (auto s = readSharedStrings(r.target); !s)
                return s;
        } else if (r.type == QStringLiteral("styles") && m_archive->contains(r.target)) {
            if (auto s = readStyles(r.target); !s)
                return s;
        }
    }
    return {};
}

Result<void> XlsxReader::readSharedStrings(const QString &part)
{
    auto data = m_archive->readXml(part);
    if (!data)
        return tl::unexpected(data.error());
    SafeXmlReader xml(*data, located(part));
    while (xml.nextStartElement()) {
        if (xml.name() == QStringLiteral("si"))
            m_sharedStrings.append(richText(xml));
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    return {};
}

bool XlsxReader::isDateFormat(int numFmtId, const QString &formatCode)
{
    // Built-in date and time formats, including the East Asian ones.
    if ((numFmtId >= 14 && numFmtId <= 22) || (numFmtId >= 27 && numFmtId <= 36) ||
        (numFmtId >= 45 && numFmtId <= 47) || (numFmtId >= 50 && numFmtId <= 58))
        return true;
    if (formatCode.isEmpty())
        return false;
    // Look at the format's tokens outside quoted text, escapes and [colour]/[$-411] sections.
    QString tokens;
    bool quoted = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode[i];
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i;
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = formatCode.indexOf(QLatin1Char(']'), i);
            const QString section = formatCode.mid(i + 1, end < 0 ? -1 : end - i - 1).toLower();
            if (section == QStringLiteral("h") || section == QStringLiteral("hh") ||
                section == QStringLiteral("m") || section == QStringLiteral("mm") ||
                section == QStringLiteral("s") || section == QStringLiteral("ss"))
                tokens += section; // elapsed time
            i = end < 0 ? formatCode.size() : end;
        } else {
            tokens += c.toLower();
        }
    }
    // "General" and scientific exponents (0.00E+00) are not date letters.
    tokens.remove(QStringLiteral("general"));
    static const QRegularExpression exponent(QStringLiteral("e[+-]"));
    tokens.remove(exponent);
    static const QRegularExpression dateTokens(QStringLiteral("[ydegh]|m.*s|s.*m"));
    return dateTokens.match(tokens).hasMatch();
}

Result<void> XlsxReader::readStyles(const QString &part)
{
    auto data = m_archive->readXml(part);
    if (!data)
        return tl::unexpected(data.error());
    SafeXmlReader xml(*data, located(part));
    QHash<int, QString> formats;
    bool inCellXfs = false;
    qint64 cellXfsDepth = 0;
    while (xml.nextStartElement()) {
        const QStringView n = xml.name();
        if (inCellXfs && xml.depth() <= cellXfsDepth)
            inCellXfs = false;
        if (n == QStringLiteral("numFmt")) {
            formats.insert(xml.attribute(u"numFmtId").toInt(), xml.attribute(u"formatCode"));
        } else if (n == QStringLiteral("cellXfs")) {
            inCellXfs = true;
            cellXfsDepth = xml.depth();
        } else if (n == QStringLiteral("cellStyleXfs") || n == QStringLiteral("dxfs")) {
            xml.skipElement();
        } else if (n == QStringLiteral("xf") && inCellXfs) {
            const int id = xml.attribute(u"numFmtId").toInt();
            m_dateStyles.append(isDateFormat(id, formats.value(id)));
        }
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    return {};
}

QString XlsxReader::serialToIso(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) // up to 9999-12-31
        return numberText(serial);
    qint64 days = static_cast<qint64>(std::floor(serial));
    const double fraction = serial - std::floor(serial);
    QDate date;
    if (date1904) {
        date = QDate(1904, 1, 1).addDays(days);
    } else {
        // Serial 60 is Lotus 1-2-3's 1900-02-29, which did not exist; later serials are one off.
        if (days >= 61)
            date = QDate(1899, 12, 30).addDays(days);
        else if (days == 60)
            date = QDate(1900, 2, 28);
        else
            date = QDate(1899, 12, 31).addDays(days);
    }
    const qint64 seconds = std::llround(fraction * 86400.0);
    if (seconds == 0)
        return date.toString(Qt::ISODate);
    if (days == 0) // a time of day only
        return QTime(0, 0).addSecs(static_cast<int>(std::min<qint64>(seconds, 86399))).toString(Qt::ISODate);
    const QDateTime stamp(date, QTime(0, 0).addSecs(static_cast<int>(std::min<qint64>(seconds, 86399))));
    return stamp.toString(Qt::ISODate);
}

Result<XlsxSheet> XlsxReader::readSheet(const QString &name) const
{
    const auto entry =
        std::find_if(m_sheets.cbegin(), m_sheets.cend(), [&](const SheetEntry &s) { return s.name == name; });
    if (entry == m_sheets.cend())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("%1 has no sheet «%2»").arg(m_archive->fileName(), name));
    XlsxSheet sheet;
    sheet.name = entry->name;
    sheet.part = entry->part;
    auto data = m_archive->readXml(entry->part);
    if (!data)
        return tl::unexpected(data.error());

    SafeXmlReader xml(*data, located(entry->part));
    QString drawingId;
    bool defaultWidthGiven = false;
    double baseColumnWidth = 8;
    int nextRow = 1;
    bool sawWorksheet = false;
    while (xml.nextStartElement()) {
        const QStringView n = xml.name();
        if (n == QStringLiteral("worksheet")) {
            sawWorksheet = true;
        } else if (n == QStringLiteral("sheetFormatPr")) {
            if (const QString w = xml.attribute(u"defaultColWidth"); !w.isEmpty()) {
                sheet.defaultColumnWidthPx = columnWidthToPixels(number(w, 8.43));
                defaultWidthGiven = true;
            }
            if (const QString b = xml.attribute(u"baseColWidth"); !b.isEmpty())
                baseColumnWidth = std::clamp(number(b, 8), 0.0, 255.0);
            if (const QString h = xml.attribute(u"defaultRowHeight"); !h.isEmpty())
                sheet.defaultRowHeightPt = std::clamp(number(h, 15), 0.0, 409.0);
        } else if (n == QStringLiteral("col")) {
            const int first = std::clamp(xml.attribute(u"min").toInt(), 1, 16384);
            const int last = std::clamp(xml.attribute(u"max").toInt(), first, 16384);
            const bool hidden = xml.attribute(u"hidden") == QStringLiteral("1");
            const double px =
                hidden ? 0.0
                       : columnWidthToPixels(std::clamp(number(xml.attribute(u"width"), 8.43), 0.0, 255.0));
            if (last - first < 16384)
                for (int c = first; c <= last; ++c)
                    sheet.columnWidthPx.insert(c, px);
        } else if (n == QStringLiteral("row")) {
            const int row = xml.attribute(u"r").isEmpty() ? nextRow : xml.attribute(u"r").toInt();
            if (row < 1 || row > 1048576)
                return fail(
                    ErrorCode::InvalidData,
                    QStringLiteral("%1: row number %2 is out of range").arg(located(entry->part)).arg(row));
            nextRow = row + 1;
            if (xml.attribute(u"hidden") == QStringLiteral("1"))
                sheet.rowHeightPt.insert(row, 0);
            else if (const QString ht = xml.attribute(u"ht"); !ht.isEmpty())
                sheet.rowHeightPt.insert(row, std::clamp(number(ht, 15), 0.0, 409.0));
            int nextColumn = 1;
            const qint64 rowDepth = xml.depth();
            while (xml.nextChild(rowDepth)) {
                if (xml.name() != QStringLiteral("c")) {
                    xml.skipElement();
                    continue;
                }
                CellRef ref{row, nextColumn};
                if (const QString r = xml.attribute(u"r"); !r.isEmpty()) {
                    const auto parsed = CellRef::parse(r);
                    if (!parsed)
                        return fail(ErrorCode::InvalidData,
                                    QStringLiteral("%1: malformed cell reference «%2»")
                                        .arg(located(entry->part), r.left(20)));
                    ref = *parsed;
                }
                nextColumn = ref.column + 1;
                const QString type = xml.attribute(u"t");
                const int style = xml.attribute(u"s").toInt();
                QString value;
                QString inlineText;
                bool hasInline = false;
                const qint64 cellDepth = xml.depth();
                while (xml.nextChild(cellDepth)) {
                    if (xml.name() == QStringLiteral("v")) {
                        value = xml.elementText();
                    } else if (xml.name() == QStringLiteral("is")) {
                        inlineText = richText(xml);
                        hasInline = true;
                    } else {
                        xml.skipElement(); // <f> formulas: the cached value is what counts
                    }
                }
                XlsxCell cell;
                if (type == QStringLiteral("s")) {
                    bool ok = false;
                    const int index = value.toInt(&ok);
                    if (!ok || index < 0 || index >= m_sharedStrings.size())
                        return fail(ErrorCode::InvalidData,
                                    QStringLiteral("%1 cell %2: shared string %3 does not exist")
                                        .arg(located(entry->part), ref.toA1(), value.left(20)));
                    cell.kind = XlsxCell::Kind::Text;
                    cell.text = m_sharedStrings.at(index);
                } else if (type == QStringLiteral("inlineStr") || hasInline) {
                    cell.kind = XlsxCell::Kind::Text;
                    cell.text = inlineText;
                } else if (type == QStringLiteral("str")) {
                    cell.kind = XlsxCell::Kind::Text;
                    cell.text = value;
                } else if (type == QStringLiteral("b")) {
                    cell.kind = XlsxCell::Kind::Boolean;
                    cell.number = value.trimmed() == QStringLiteral("1") ? 1 : 0;
                    cell.text = cell.number != 0 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
                } else if (type == QStringLiteral("e")) {
                    cell.kind = XlsxCell::Kind::Error;
                    cell.text = value;
                } else if (type == QStringLiteral("d")) {
                    cell.kind = XlsxCell::Kind::Date;
                    cell.text = value.trimmed();
                } else if (!value.isEmpty()) {
                    cell.number = number(value);
                    const bool isDate = style >= 0 && style < m_dateStyles.size() && m_dateStyles.at(style);
                    cell.kind = isDate ? XlsxCell::Kind::Date : XlsxCell::Kind::Number;
                    cell.text = isDate ? serialToIso(cell.number, m_date1904) : numberText(cell.number);
                }
                if (cell.kind != XlsxCell::Kind::Empty)
                    sheet.rows[ref.row].insert(ref.column, cell);
            }
        } else if (n == QStringLiteral("mergeCell")) {
            if (const auto range = CellRange::parse(xml.attribute(u"ref")))
                sheet.merged.append(*range);
        } else if (n == QStringLiteral("dataValidation")) {
            DataValidation validation;
            validation.type = xml.attribute(u"type");
            const QStringList ranges = xml.attribute(u"sqref").split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &r : ranges) {
                if (const auto range = CellRange::parse(r))
                    validation.ranges.append(*range);
            }
            const qint64 depth = xml.depth();
            while (xml.nextChild(depth)) {
                if (xml.name() == QStringLiteral("formula1")) {
                    const QString formula = xml.elementText().trimmed();
                    if (formula.size() >= 2 && formula.startsWith(QLatin1Char('"')) &&
                        formula.endsWith(QLatin1Char('"')))
                        validation.listItems = formula.mid(1, formula.size() - 2).split(QLatin1Char(','));
                }
            }
            sheet.validations.append(validation);
        } else if (n == QStringLiteral("drawing")) {
            drawingId = xml.attribute(u"id");
        }
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    if (!sawWorksheet)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 is not a worksheet").arg(m_archive->fileName(), entry->part));
    if (!defaultWidthGiven) // Excel rounds the default width up to a multiple of 8 pixels
        sheet.defaultColumnWidthPx = std::ceil((baseColumnWidth * kMaxDigitWidthPx + 5.0) / 8.0) * 8.0;

    if (!drawingId.isEmpty()) {
        auto relationships = readRelationships(entry->part);
        if (!relationships)
            return tl::unexpected(relationships.error());
        const auto drawing = relationships->constFind(drawingId);
        if (drawing != relationships->constEnd() && m_archive->contains(drawing->target)) {
            if (auto r = readDrawing(drawing->target, sheet); !r)
                return tl::unexpected(r.error());
        }
    }
    return sheet;
}

Result<void> XlsxReader::readDrawing(const QString &part, XlsxSheet &sheet) const
{
    auto relationships = readRelationships(part);
    if (!relationships)
        return tl::unexpected(relationships.error());
    auto data = m_archive->readXml(part);
    if (!data)
        return tl::unexpected(data.error());
    SafeXmlReader xml(*data, located(part));

    // One anchor's objects. Groups map their children's coordinates into the sheet's.
    struct Pending
    {
        bool isPicture = false;
        XlsxPicture picture;
        XlsxShape shape;
        Xfrm xfrm;
        QTransform toSheet;
    };

    while (xml.nextStartElement()) {
        const QStringView anchorName = xml.name();
        const bool twoCell = anchorName == QStringLiteral("twoCellAnchor");
        const bool oneCell = anchorName == QStringLiteral("oneCellAnchor");
        const bool absolute = anchorName == QStringLiteral("absoluteAnchor");
        if (!twoCell && !oneCell && !absolute)
            continue;

        std::optional<QPointF> from;
        std::optional<QPointF> to;
        QSizeF extent;
        QList<Pending> objects;
        QList<QTransform> groups; // stack of group transforms, innermost last
        QList<qint64> groupDepths;
        const qint64 anchorDepth = xml.depth();

        while (xml.nextChild(anchorDepth)) {
            while (!groupDepths.isEmpty() && xml.depth() <= groupDepths.constLast()) {
                groupDepths.removeLast();
                groups.removeLast();
            }
            const QStringView n = xml.name();
            if (n == QStringLiteral("Fallback")) {
                xml.skipElement(); // mc:AlternateContent: the Choice holds the object, the Fallback a copy
                continue;
            }
            if (n == QStringLiteral("from") && xml.depth() == anchorDepth + 1) {
                from = toEmu(sheet, readAnchorPoint(xml));
            } else if (n == QStringLiteral("to") && xml.depth() == anchorDepth + 1) {
                to = toEmu(sheet, readAnchorPoint(xml));
            } else if (n == QStringLiteral("pos") && xml.depth() == anchorDepth + 1) {
                from = QPointF(number(xml.attribute(u"x")), number(xml.attribute(u"y")));
            } else if (n == QStringLiteral("ext") && xml.depth() == anchorDepth + 1) {
                extent = QSizeF(number(xml.attribute(u"cx")), number(xml.attribute(u"cy")));
            } else if (n == QStringLiteral("grpSp")) {
                // Until its grpSpPr says otherwise, a group maps children like its parent does.
                groups.append(groups.isEmpty() ? QTransform() : groups.constLast());
                groupDepths.append(xml.depth());
            } else if (n == QStringLiteral("grpSpPr") && !groups.isEmpty()) {
                const qint64 propertiesDepth = xml.depth();
                while (xml.nextChild(propertiesDepth)) {
                    if (xml.name() == QStringLiteral("xfrm")) {
                        const QTransform parent =
                            groups.size() > 1 ? groups.at(groups.size() - 2) : QTransform();
                        groups.last() = groupTransform(readXfrm(xml)) * parent;
                    }
                }
            } else if (n == QStringLiteral("pic") || n == QStringLiteral("sp")) {
                Pending object;
                object.isPicture = n == QStringLiteral("pic");
                object.toSheet = groups.isEmpty() ? QTransform() : groups.constLast();
                const qint64 objectDepth = xml.depth();
                while (xml.nextChild(objectDepth)) {
                    const QStringView c = xml.name();
                    if (c == QStringLiteral("cNvPr")) {
                        (object.isPicture ? object.picture.name : object.shape.name) = xml.attribute(u"name");
                    } else if (c == QStringLiteral("blip")) {
                        const auto rel = relationships->constFind(xml.attribute(u"embed"));
                        if (rel != relationships->constEnd() && m_archive->contains(rel->target))
                            object.picture.mediaPart = rel->target;
                    } else if (c == QStringLiteral("xfrm")) {
                        object.xfrm = readXfrm(xml);
                    } else if (c == QStringLiteral("prstGeom")) {
                        object.shape.preset = xml.attribute(u"prst");
                    } else if (c == QStringLiteral("gd")) {
                        if (const auto v = guideValue(xml.attribute(u"fmla")))
                            object.shape.adjusts.insert(xml.attribute(u"name"), *v);
                    } else if (c == QStringLiteral("txBody")) {
                        object.shape.text = shapeText(xml);
                    }
                }
                objects.append(object);
            }
        }

        // The anchor's own rectangle, for objects without a transform of their own.
        EmuRect anchorRect;
        if (from) {
            anchorRect.x = from->x();
            anchorRect.y = from->y();
            if (twoCell && to) {
                anchorRect.width = to->x() - from->x();
                anchorRect.height = to->y() - from->y();
            } else {
                anchorRect.width = extent.width();
                anchorRect.height = extent.height();
            }
        }
        for (Pending &object : objects) {
            EmuRect rect = anchorRect;
            Xfrm geometry = object.xfrm;
            bool ownGeometry = geometry.present && geometry.cx > 0 && geometry.cy > 0;
            // Some writers put a top-level object's transform at (0, 0) whatever its anchor: then
            // the anchor is what places it (as Excel reads it).
            if (ownGeometry && object.toSheet.isIdentity() && geometry.x == 0 && geometry.y == 0 && from &&
                (from->x() != 0 || from->y() != 0))
                ownGeometry = false;
            if (ownGeometry) {
                const QRectF mapped =
                    object.toSheet.mapRect(QRectF(geometry.x, geometry.y, geometry.cx, geometry.cy));
                rect = EmuRect{mapped.x(), mapped.y(), mapped.width(), mapped.height()};
            } else {
                // The anchor's box, keeping any rotation and flips the transform had.
                geometry.present = true;
                geometry.x = rect.x;
                geometry.y = rect.y;
                geometry.cx = rect.width;
                geometry.cy = rect.height;
                object.toSheet = QTransform();
            }
            if (object.isPicture) {
                object.picture.rect = rect;
                if (!rect.isEmpty())
                    sheet.pictures.append(object.picture);
            } else {
                object.shape.rect = rect;
                if (const auto tail = calloutTail(object.shape.preset, object.shape.adjusts, geometry))
                    object.shape.tail = object.toSheet.map(*tail);
                sheet.shapes.append(object.shape);
            }
        }
    }
    if (xml.hasError())
        return tl::unexpected(xml.error());
    return {};
}

Result<QByteArray> XlsxReader::readMedia(const QString &part) const
{
    return m_archive->read(part, m_archive->limits().maxMediaBytes);
}

Result<QByteArray> XlsxReader::readMediaHeader(const QString &part) const
{
    constexpr qint64 kHeaderBytes = 64 * 1024; // a PNG header, or a JPEG's after a usual EXIF block
    auto prefix = m_archive->readPrefix(part, kHeaderBytes);
    if (!prefix)
        return prefix;
    QBuffer buffer(&*prefix);
    buffer.open(QIODevice::ReadOnly);
    QImageReader probe(&buffer);
    if (prefix->size() < kHeaderBytes || probe.size().isValid())
        return prefix;
    return readMedia(part);
}

} // namespace fs::model
