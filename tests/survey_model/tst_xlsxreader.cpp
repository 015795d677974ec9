#include "xlsxbuilder.h"
#include "xlsxreader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;
using fs::test::XlsxBuilder;

namespace {

const QByteArray kMain = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

QByteArray sheet(const QByteArray &body)
{
    return "<worksheet " + kMain + ">" + body + "</worksheet>";
}

// Styles: 0 general, 1 built-in date (14), 2 a Japanese date, 3 an era date, 4 time, 5 a number
// format with text in quotes that only looks like it has date letters.
const QByteArray kStyles =
    "<styleSheet " + kMain +
    "><numFmts count=\"4\">"
    "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"h:mm\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"0&quot; days&quot;\"/>"
    "</numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf "
    "numFmtId=\"165\"/>"
    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/></cellXfs></styleSheet>";

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<XlsxReader> open(const XlsxBuilder &builder, const char *name,
                                     const XlsxLimits &limits = {})
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".xlsx"));
        if (!builder.write(path))
            return nullptr;
        auto reader = XlsxReader::open(path, limits);
        if (!reader) {
            qWarning("%s", qPrintable(describe(reader.error())));
            return nullptr;
        }
        return std::move(*reader);
    }

private slots:
    void readsEveryKindOfCell()
    {
        const QByteArray shared = "<sst " + kMain +
                                  "><si><t>回線1</t></si>"
                                  "<si><r><t>本館 </t></r><r><rPr><b/></rPr><t>3F</t></r><rPh sb=\"0\" "
                                  "eb=\"2\"><t>ホンカン</t></rPh></si>"
                                  "<si><t xml:space=\"preserve\">  spaced  </t></si></sst>";
        const QByteArray body = "<sheetData><row r=\"1\">"
                                "<c r=\"A1\" t=\"s\"><v>0</v></c>"
                                "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                                "<c r=\"C1\" t=\"inlineStr\"><is><r><t>端末</t></r><r><t>1</t></r></is></c>"
                                "<c r=\"D1\" t=\"str\"><f>A1&amp;\"x\"</f><v>回線1x</v></c>"
                                "<c r=\"E1\" t=\"b\"><v>1</v></c>"
                                "<c r=\"F1\" t=\"e\"><v>#N/A</v></c>"
                                "<c r=\"G1\"><v>22</v></c>"
                                "<c r=\"H1\"><v>3.5</v></c>"
                                "<c r=\"I1\" t=\"s\"><v>2</v></c>"
                                "</row><row r=\"2\">"
                                "<c r=\"A2\" s=\"1\"><v>43984</v></c>"
                                "<c r=\"B2\" s=\"2\"><v>43984</v></c>"
                                "<c r=\"C2\" s=\"3\"><v>43984</v></c>"
                                "<c r=\"D2\" s=\"4\"><v>0.5</v></c>"
                                "<c r=\"E2\" s=\"5\"><v>12</v></c>"
                                "<c r=\"F2\" t=\"d\"><v>2026-12-03</v></c>"
                                "<c r=\"G2\" s=\"1\"><v>60</v></c>"
                                "<c r=\"H2\" s=\"1\"><v>61</v></c>"
                                "<c r=\"I2\" s=\"1\"><v>43984.75</v></c>"
                                "</row><row><c><v>7</v></c><c><v>8</v></c></row></sheetData>";
        auto reader = open(
            XlsxBuilder::workbook({{QStringLiteral("S"), sheet(body)}}, false, shared, kStyles), "cells");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("S"));
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : describe(s.error())));
        QCOMPARE(s->cell(1, 1).text, QStringLiteral("回線1"));
        QCOMPARE(s->cell(1, 2).text, QStringLiteral("本館 3F")); // runs joined, furigana skipped
        QCOMPARE(s->cell(1, 3).text, QStringLiteral("端末1"));
        QCOMPARE(s->cell(1, 4).text, QStringLiteral("回線1x"));
        QCOMPARE(s->cell(1, 5).text, QStringLiteral("TRUE"));
        QCOMPARE(s->cell(1, 5).kind, XlsxCell::Kind::Boolean);
        QCOMPARE(s->cell(1, 6).kind, XlsxCell::Kind::Error);
        QCOMPARE(s->cell(1, 7).text, QStringLiteral("22"));
        QCOMPARE(s->cell(1, 8).text, QStringLiteral("3.5"));
        QCOMPARE(s->cell(1, 9).text, QStringLiteral("  spaced  "));
        QCOMPARE(s->cell(2, 1).text, QStringLiteral("2020-06-02"));
        QCOMPARE(s->cell(2, 1).kind, XlsxCell::Kind::Date);
        QCOMPARE(s->cell(2, 2).text, QStringLiteral("2020-06-02"));
        QCOMPARE(s->cell(2, 3).text, QStringLiteral("2020-06-02")); // 令和 format
        QCOMPARE(s->cell(2, 4).text, QStringLiteral("12:00:00"));   // a time of day
        QCOMPARE(s->cell(2, 5).kind, XlsxCell::Kind::Number);       // "days" in quotes is not a date
        QCOMPARE(s->cell(2, 6).text, QStringLiteral("2026-12-03"));
        QCOMPARE(s->cell(2, 7).text, QStringLiteral("1900-02-28")); // Lotus's 1900-02-29
        QCOMPARE(s->cell(2, 8).text, QStringLiteral("1900-03-01"));
        QCOMPARE(s->cell(2, 9).text, QStringLiteral("2020-06-02T18:00:00"));
        // Rows and cells without r= follow their predecessors.
        QCOMPARE(s->cell(3, 1).text, QStringLiteral("7"));
        QCOMPARE(s->cell(3, 2).text, QStringLiteral("8"));
        QCOMPARE(s->cell(9, 9).kind, XlsxCell::Kind::Empty);
    }

    void recognisesDateFormats_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("isDate");
        QTest::newRow("builtin 14") << 14 << QString() << true;
        QTest::newRow("builtin 0") << 0 << QString() << false;
        QTest::newRow("General") << 164 << QStringLiteral("General") << false;
        QTest::newRow("scientific") << 165 << QStringLiteral("0.00E+00") << false;
        QTest::newRow("number with text") << 166 << QStringLiteral("#,##0\"床\"") << false;
        QTest::newRow("ymd") << 167 << QStringLiteral("yyyy/m/d") << true;
        QTest::newRow("wareki") << 168 << QStringLiteral("[$-411]ggge\"年\"m\"月\"d\"日\"") << true;
        QTest::newRow("time") << 169 << QStringLiteral("h:mm:ss") << true;
        QTest::newRow("elapsed") << 170 << QStringLiteral("[h]:mm") << true;
        QTest::newRow("red negative") << 171 << QStringLiteral("0;[Red]-0") << false;
    }

    void recognisesDateFormats()
    {
        QFETCH(int, id);
        QFETCH(QString, code);
        QFETCH(bool, isDate);
        QCOMPARE(XlsxReader::isDateFormat(id, code), isDate);
    }

    void dates1904()
    {
        const QByteArray body =
            "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>42522</v></c><c r=\"B1\" s=\"1\"><v>0</v></c>"
            "</row></sheetData>";
        auto reader =
            open(XlsxBuilder::workbook({{QStringLiteral("S"), sheet(body)}}, true, {}, kStyles), "d1904");
        QVERIFY(reader);
        QVERIFY(reader->date1904());
        auto s = reader->readSheet(QStringLiteral("S"));
        QVERIFY(s.has_value());
        QCOMPARE(s->cell(1, 1).text, QStringLiteral("2020-06-02"));
        QCOMPARE(s->cell(1, 2).text, QStringLiteral("1904-01-01"));
    }

    void mergedCellsValidationsAndGeometry()
    {
        const QByteArray body =
            "<sheetFormatPr baseColWidth=\"10\" defaultRowHeight=\"18\"/>"
            "<cols><col min=\"2\" max=\"3\" width=\"20\" customWidth=\"1\"/><col min=\"4\" max=\"4\" "
            "width=\"9\" hidden=\"1\"/></cols>"
            "<sheetData><row r=\"3\" ht=\"30\" customHeight=\"1\"><c r=\"B3\" "
            "t=\"inlineStr\"><is><t>調査希望</t></is></c></row>"
            "<row r=\"5\" hidden=\"1\"/></sheetData>"
            "<mergeCells count=\"1\"><mergeCell ref=\"B3:C4\"/></mergeCells>"
            "<dataValidations count=\"1\"><dataValidation type=\"list\" sqref=\"F3 G6:G9\">"
            "<formula1>\"同意する,同意しない\"</formula1></dataValidation></dataValidations>";
        auto reader = open(XlsxBuilder::workbook({{QStringLiteral("S"), sheet(body)}}), "merged");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("S"));
        QVERIFY(s.has_value());
        QCOMPARE(s->text(4, 3), QStringLiteral("調査希望")); // inside the merged range
        QCOMPARE(s->cell(4, 3).kind, XlsxCell::Kind::Empty);
        QCOMPARE(s->validations.size(), 1);
        QCOMPARE(s->validations[0].type, QStringLiteral("list"));
        QCOMPARE(s->validations[0].listItems,
                 (QStringList{QStringLiteral("同意する"), QStringLiteral("同意しない")}));
        QCOMPARE(s->validations[0].ranges.size(), 2);
        QVERIFY(s->validations[0].ranges[1].contains(CellRef{7, 7}));
        // Widths: default from baseColWidth 10 (75 px, rounded up to 80), 20 chars = 140 px, hidden 0.
        QCOMPARE(s->defaultColumnWidthPx, 80.0);
        QCOMPARE(s->columnWidthPx.value(2), 140.0);
        QCOMPARE(s->columnWidthPx.value(4), 0.0);
        QCOMPARE(s->columnLeftEmu(4), (80.0 + 140.0 + 140.0 + 0.0) * 9525.0); // left edge of E
        QCOMPARE(s->rowTopEmu(2), 2 * 18 * 12700.0);                          // top of row 3
        QCOMPARE(s->rowTopEmu(3), (2 * 18 + 30) * 12700.0);                   // row 3 is 30 pt
        QCOMPARE(s->rowTopEmu(5), (2 * 18 + 30 + 18) * 12700.0);              // row 5 is hidden
    }

    void picturesAndCalloutsFromDrawings()
    {
        const QByteArray body = "<sheetData/><drawing r:id=\"rIdD\"/>";
        const QByteArray drawing =
            "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            // a picture between two cells, no transform of its own: B2 to D4 with offsets
            "<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>9525</xdr:colOff><xdr:row>1</"
            "xdr:row>"
            "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</"
            "xdr:colOff><xdr:row>3</xdr:row>"
            "<xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"2\" "
            "name=\"Plan\"/></xdr:nvPicPr>"
            "<xdr:blipFill><a:blip "
            "r:embed=\"rIdI\"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>"
            // a callout with the default adjustments (no avLst), absolute
            "<xdr:absoluteAnchor><xdr:pos x=\"1000000\" y=\"2000000\"/><xdr:ext cx=\"400000\" cy=\"200000\"/>"
            "<xdr:sp><xdr:nvSpPr><xdr:cNvPr id=\"3\" name=\"c1\"/></xdr:nvSpPr><xdr:spPr>"
            "<a:prstGeom "
            "prst=\"wedgeRectCallout\"/></xdr:spPr><xdr:txBody><a:p><a:r><a:t>回線</a:t></a:r><a:r><a:t>2</"
            "a:t></a:r>"
            "</a:p><a:p><a:r><a:t>2F</a:t></a:r><a:br/><a:r><a:t>奥</a:t></a:r></a:p><a:p/></xdr:txBody></"
            "xdr:sp>"
            "<xdr:clientData/></xdr:absoluteAnchor>"
            // a callout rotated by 90 degrees and flipped: its tail turns with it
            "<xdr:absoluteAnchor><xdr:pos x=\"0\" y=\"0\"/><xdr:ext cx=\"1\" cy=\"1\"/><xdr:sp><xdr:nvSpPr>"
            "<xdr:cNvPr id=\"4\" name=\"c2\"/></xdr:nvSpPr><xdr:spPr><a:xfrm rot=\"5400000\" "
            "flipH=\"1\"><a:off x=\"0\" "
            "y=\"0\"/><a:ext cx=\"1000000\" cy=\"500000\"/></a:xfrm><a:prstGeom "
            "prst=\"wedgeRoundRectCallout\"><a:avLst>"
            "<a:gd name=\"adj1\" fmla=\"val 50000\"/><a:gd name=\"adj2\" fmla=\"val "
            "100000\"/></a:avLst></a:prstGeom>"
            "</xdr:spPr></xdr:sp><xdr:clientData/></xdr:absoluteAnchor>"
            // a line callout (borderCallout1): the tail is the (adj3, adj4) point
            "<xdr:absoluteAnchor><xdr:pos x=\"0\" y=\"0\"/><xdr:ext cx=\"1\" cy=\"1\"/><xdr:sp><xdr:nvSpPr>"
            "<xdr:cNvPr id=\"5\" name=\"c3\"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x=\"100000\" "
            "y=\"100000\"/>"
            "<a:ext cx=\"200000\" cy=\"100000\"/></a:xfrm><a:prstGeom prst=\"borderCallout1\"><a:avLst>"
            "<a:gd name=\"adj1\" fmla=\"val 0\"/><a:gd name=\"adj2\" fmla=\"val 0\"/><a:gd name=\"adj3\" "
            "fmla=\"val 200000\"/>"
            "<a:gd name=\"adj4\" fmla=\"val "
            "-50000\"/></a:avLst></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/>"
            "</xdr:absoluteAnchor>"
            // a group scaling its children by two around an offset
            "<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</"
            "xdr:row><xdr:rowOff>0</xdr:rowOff>"
            "</xdr:from><xdr:ext cx=\"2000000\" cy=\"2000000\"/><xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr "
            "id=\"6\" name=\"g\"/>"
            "</xdr:nvGrpSpPr><xdr:grpSpPr><a:xfrm><a:off x=\"500000\" y=\"500000\"/><a:ext cx=\"1000000\" "
            "cy=\"1000000\"/>"
            "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"2000000\" cy=\"2000000\"/></a:xfrm></xdr:grpSpPr>"
            "<xdr:sp><xdr:nvSpPr><xdr:cNvPr id=\"7\" name=\"c4\"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off "
            "x=\"200000\" "
            "y=\"200000\"/><a:ext cx=\"400000\" cy=\"200000\"/></a:xfrm><a:prstGeom "
            "prst=\"wedgeEllipseCallout\"><a:avLst>"
            "<a:gd name=\"adj1\" fmla=\"val 0\"/><a:gd name=\"adj2\" fmla=\"val "
            "100000\"/></a:avLst></a:prstGeom></xdr:spPr>"
            "<xdr:txBody><a:p><a:r><a:t>端末3</a:t></a:r></a:p></xdr:txBody></xdr:sp></"
            "xdr:grpSp><xdr:clientData/>"
            "</xdr:oneCellAnchor></xdr:wsDr>";
        XlsxBuilder builder = XlsxBuilder::workbook({{QStringLiteral("Plan"), sheet(body)}});
        builder.add(QStringLiteral("xl/worksheets/_rels/sheet1.xml.rels"),
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rIdD\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "drawing\" Target=\"../drawings/drawing1.xml\"/></Relationships>");
        builder.add(QStringLiteral("xl/drawings/drawing1.xml"), drawing);
        builder.add(QStringLiteral("xl/drawings/_rels/drawing1.xml.rels"),
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rIdI\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "image\" Target=\"/xl/media/plan.png\"/></Relationships>");
        builder.add(QStringLiteral("xl/media/plan.png"), QByteArray("\x89PNG not really", 15));
        auto reader = open(builder, "drawing");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("Plan"));
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : describe(s.error())));

        QCOMPARE(s->pictures.size(), 1);
        const XlsxPicture &picture = s->pictures[0];
        QCOMPARE(picture.name, QStringLiteral("Plan"));
        QCOMPARE(picture.mediaPart, QStringLiteral("xl/media/plan.png"));
        QCOMPARE(picture.rect.x, 64 * 9525.0 + 9525);
        QCOMPARE(picture.rect.y, 15 * 12700.0);
        QCOMPARE(picture.rect.width, 2 * 64 * 9525.0 - 9525);
        QCOMPARE(picture.rect.height, 2 * 15 * 12700.0);
        QCOMPARE(reader->readMedia(picture.mediaPart).value_or(QByteArray()).size(), 15);

        QCOMPARE(s->shapes.size(), 4);
        const XlsxShape &c1 = s->shapes[0];
        QCOMPARE(c1.text,
                 QStringLiteral("回線2\n2F\n奥")); // runs joined, breaks kept, empty paragraph dropped
        QVERIFY(c1.tail.has_value());
        QCOMPARE(c1.tail->x(), 1200000 - 0.20833 * 400000);
        QCOMPARE(c1.tail->y(), 2100000 + 0.625 * 200000);

        const XlsxShape &c2 = s->shapes[1];
        QVERIFY(c2.tail.has_value());
        // Centre (500000, 250000); offset (+500000, +500000) flipped to (-500000, +500000),
        // then turned 90° clockwise to (-500000, -500000).
        QCOMPARE(qRound(c2.tail->x()), 0);
        QCOMPARE(qRound(c2.tail->y()), -250000);

        const XlsxShape &c3 = s->shapes[2];
        QVERIFY(c3.tail.has_value());
        QCOMPARE(c3.tail->x(), 100000 - 0.5 * 200000);
        QCOMPARE(c3.tail->y(), 100000 + 2.0 * 100000);

        const XlsxShape &c4 = s->shapes[3];
        QVERIFY(c4.tail.has_value());
        // In the group: tail (400000, 500000); mapped ×0.5 and moved by (500000, 500000).
        QCOMPARE(c4.tail->x(), 500000 + 400000 * 0.5);
        QCOMPARE(c4.tail->y(), 500000 + 500000 * 0.5);
        QCOMPARE(c4.rect.width, 200000.0);
        QCOMPARE(c4.text, QStringLiteral("端末3"));
    }

    void alternateContentAndZeroTransforms()
    {
        const QByteArray drawing =
            "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
            // Excel's compatibility wrapper: the shape in the Choice, a copy in the Fallback.
            "<xdr:absoluteAnchor><xdr:pos x=\"100\" y=\"200\"/><xdr:ext cx=\"1000\" cy=\"1000\"/>"
            "<mc:AlternateContent><mc:Choice Requires=\"a14\"><xdr:sp><xdr:nvSpPr><xdr:cNvPr id=\"2\" "
            "name=\"real\"/>"
            "</xdr:nvSpPr><xdr:spPr><a:prstGeom prst=\"wedgeRectCallout\"/></xdr:spPr></xdr:sp></mc:Choice>"
            "<mc:Fallback><xdr:sp><xdr:nvSpPr><xdr:cNvPr id=\"3\" name=\"copy\"/></xdr:nvSpPr><xdr:spPr>"
            "<a:prstGeom prst=\"wedgeRectCallout\"/></xdr:spPr></xdr:sp></mc:Fallback></mc:AlternateContent>"
            "<xdr:clientData/></xdr:absoluteAnchor>"
            // A transform stuck at (0, 0) while the anchor says otherwise: the anchor wins.
            "<xdr:oneCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>"
            "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx=\"609600\" cy=\"190500\"/><xdr:sp><xdr:nvSpPr>"
            "<xdr:cNvPr id=\"4\" name=\"zero\"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
            "<a:ext cx=\"609600\" cy=\"190500\"/></a:xfrm><a:prstGeom prst=\"rect\"/></xdr:spPr></xdr:sp>"
            "<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>";
        XlsxBuilder builder =
            XlsxBuilder::workbook({{QStringLiteral("Plan"), sheet("<sheetData/><drawing r:id=\"rIdD\"/>")}});
        builder.add(QStringLiteral("xl/worksheets/_rels/sheet1.xml.rels"),
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rIdD\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "drawing\" Target=\"../drawings/drawing1.xml\"/></Relationships>");
        builder.add(QStringLiteral("xl/drawings/drawing1.xml"), drawing);
        auto reader = open(builder, "alternate");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("Plan"));
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : describe(s.error())));
        QCOMPARE(s->shapes.size(), 2);
        QCOMPARE(s->shapes[0].name, QStringLiteral("real"));
        QCOMPARE(s->shapes[1].name, QStringLiteral("zero"));
        QCOMPARE(s->shapes[1].rect.x, 2 * 64 * 9525.0);
        QCOMPARE(s->shapes[1].rect.y, 4 * 15 * 12700.0);
    }

    void unknownSheetIsNotFound()
    {
        auto reader = open(XlsxBuilder::workbook({{QStringLiteral("S"), sheet("<sheetData/>")}}), "unknown");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("T"));
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, fs::ErrorCode::NotFound);
    }

    void refusesHostileParts_data()
    {
        QTest::addColumn<QByteArray>("sheetXml");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("dtd") << QByteArray("<!DOCTYPE w [<!ENTITY a \"aaaa\">]><worksheet " + kMain + "/>")
                             << QStringLiteral("DTD");
        QTest::newRow("undeclared entity")
            << sheet("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is>"
                     "</c></row></sheetData>")
            << QStringLiteral("line 1");
        QTest::newRow("bad cell reference")
            << sheet("<sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData>")
            << QStringLiteral("1A");
        QTest::newRow("row out of range")
            << sheet("<sheetData><row r=\"99999999\"/></sheetData>") << QStringLiteral("99999999");
        QTest::newRow("shared string out of range")
            << sheet("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row></sheetData>")
            << QStringLiteral("shared string");
        QTest::newRow("not a worksheet")
            << QByteArray("<html><body/></html>") << QStringLiteral("not a worksheet");
        QTest::newRow("not XML") << QByteArray("\x00\x01\x02garbage", 10) << QStringLiteral("line");
        QByteArray deep = "<worksheet " + kMain + "><sheetData>";
        for (int i = 0; i < 1000; ++i)
            deep += "<x>";
        QTest::newRow("deep nesting") << deep << QStringLiteral("nest");
    }

    void refusesHostileParts()
    {
        QFETCH(QByteArray, sheetXml);
        QFETCH(QString, mentions);
        auto reader = open(XlsxBuilder::workbook({{QStringLiteral("S"), sheetXml}}), "hostile");
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("S"));
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, fs::ErrorCode::InvalidData);
        QVERIFY2(s.error().detail.contains(mentions), qPrintable(s.error().detail));
        QVERIFY2(s.error().detail.contains(QStringLiteral("xl/worksheets/sheet1.xml")),
                 qPrintable(s.error().detail));
    }

    void partsAreBoundedWhenInflated()
    {
        QByteArray big = "<worksheet " + kMain + "><sheetData>";
        big += QByteArray(3 * 1024 * 1024, ' ');
        big += "</sheetData></worksheet>";
        XlsxLimits limits;
        limits.maxXmlPartBytes = 1024 * 1024;
        auto reader = open(XlsxBuilder::workbook({{QStringLiteral("S"), big}}), "bounded", limits);
        QVERIFY(reader);
        auto s = reader->readSheet(QStringLiteral("S"));
        QVERIFY(!s.has_value());
        QVERIFY2(s.error().detail.contains(QStringLiteral("too large")), qPrintable(s.error().detail));
    }

    void resolvesRelationshipTargets()
    {
        QCOMPARE(XlsxArchive::resolve(QStringLiteral("xl/drawings/drawing1.xml"),
                                      QStringLiteral("../media/a.png")),
                 QStringLiteral("xl/media/a.png"));
        QCOMPARE(XlsxArchive::resolve(QStringLiteral("xl/workbook.xml"), QStringLiteral("/xl/media/a.png")),
                 QStringLiteral("xl/media/a.png"));
        QCOMPARE(
            XlsxArchive::resolve(QStringLiteral("xl/workbook.xml"), QStringLiteral("./worksheets/s.xml")),
            QStringLiteral("xl/worksheets/s.xml"));
        QCOMPARE(XlsxArchive::resolve(QStringLiteral("xl/workbook.xml"), QStringLiteral("../../etc/passwd")),
                 QString());
        QCOMPARE(
            XlsxArchive::resolve(QStringLiteral("xl/workbook.xml"), QStringLiteral("http://example.com/x")),
            QString());
        QCOMPARE(XlsxArchive::resolve(QStringLiteral("xl/workbook.xml"), QStringLiteral("..\\x")), QString());
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
