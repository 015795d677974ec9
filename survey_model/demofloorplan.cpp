#include "demofloorplan.h"

#include <QRectF>
#include <QStringList>

namespace fs::model {

namespace {

constexpr double kWidth = 1190.55; // A3 landscape, points
constexpr double kHeight = 841.89;

struct Room
{
    QRectF box; // points from the top-left
    const char *name;
};

// PDF's y axis goes up from the bottom.
QByteArray rect(const QRectF &r)
{
    return QByteArray::number(r.left(), 'f', 1) + ' ' + QByteArray::number(kHeight - r.bottom(), 'f', 1) +
           ' ' + QByteArray::number(r.width(), 'f', 1) + ' ' + QByteArray::number(r.height(), 'f', 1) +
           " re\n";
}

QByteArray text(double x, double y, double size, const char *s)
{
    return "BT /F1 " + QByteArray::number(size, 'f', 1) + " Tf " + QByteArray::number(x, 'f', 1) + ' ' +
           QByteArray::number(kHeight - y, 'f', 1) + " Td (" + s + ") Tj ET\n";
}

QByteArray page(const char *title, const QList<Room> &rooms)
{
    QByteArray c;
    c += "1 1 1 rg 0 0 " + QByteArray::number(kWidth, 'f', 2) + ' ' + QByteArray::number(kHeight, 'f', 2) +
         " re f\n";
    c += "0.93 0.95 0.98 rg\n";
    for (const Room &room : rooms)
        c += rect(room.box) + "f\n";
    c += "0.2 0.2 0.25 RG 6 w\n" + rect(QRectF(60, 90, 1070, 690)) + "S\n";
    c += "0.3 0.3 0.35 RG 2.5 w\n";
    for (const Room &room : rooms)
        c += rect(room.box) + "S\n";
    // Grid lines and a scale bar, as on an architect's drawing.
    c += "0.75 0.75 0.8 RG 0.4 w [4 4] 0 d\n";
    for (int x = 60; x <= 1130; x += 107)
        c += QByteArray::number(x) + " 40 m " + QByteArray::number(x) + " 70 l S\n";
    c += "[] 0 d 0 0 0 RG 1 w 900 35 m 1100 35 l S 900 30 m 900 40 l S 1100 30 m 1100 40 l S\n";
    c += "0 0 0 rg\n" + text(60, 60, 20, title) + text(940, 826, 9, "10 m") +
         text(60, 826, 9, "FieldSurvey demo plan");
    for (const Room &room : rooms)
        c += text(room.box.left() + 8, room.box.top() + 20, 12, room.name);
    return c;
}

} // namespace

QByteArray DemoFloorPlan::pdf()
{
    const QList<QByteArray> contents{
        page("Main building 3F", {{QRectF(60, 90, 300, 260), "Server room"},
                                  {QRectF(80, 150, 60, 150), "Rack 1"},
                                  {QRectF(170, 150, 60, 150), "Rack 2"},
                                  {QRectF(360, 90, 260, 260), "Information systems"},
                                  {QRectF(620, 90, 250, 260), "Conference room"},
                                  {QRectF(870, 90, 260, 260), "Medical office"},
                                  {QRectF(60, 350, 1070, 110), "Corridor"},
                                  {QRectF(60, 460, 200, 320), "Stairs / EV"},
                                  {QRectF(260, 460, 430, 320), "Ward 3A"},
                                  {QRectF(690, 460, 440, 320), "Ward 3B"}}),
        page("Main building 1F", {{QRectF(60, 90, 330, 300), "Reception"},
                                  {QRectF(390, 90, 330, 300), "Medical affairs"},
                                  {QRectF(720, 90, 410, 300), "Laboratory"},
                                  {QRectF(60, 390, 1070, 100), "Corridor"},
                                  {QRectF(60, 490, 520, 290), "Outpatient"},
                                  {QRectF(580, 490, 550, 290), "Pharmacy"}}),
    };
    // Objects: 1 catalog, 2 pages, 3 font, then per page its page object and its content.
    QList<QByteArray> objects;
    QByteArray kids;
    for (qsizetype i = 0; i < contents.size(); ++i)
        kids += QByteArray::number(4 + 2 * i) + " 0 R ";
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " +
                   QByteArray::number(contents.size()) + " >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    for (qsizetype i = 0; i < contents.size(); ++i) {
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + QByteArray::number(kWidth, 'f', 2) + ' ' +
                       QByteArray::number(kHeight, 'f', 2) +
                       "] /Resources << /Font << /F1 3 0 R >> >> /Contents " + QByteArray::number(5 + 2 * i) +
                       " 0 R >>";
        objects << "<< /Length " + QByteArray::number(contents[i].size()) + " >>\nstream\n" + contents[i] +
                       "endstream";
    }
    QByteArray pdf("%PDF-1.4\n");
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QList<FloorPlan> DemoFloorPlan::plans()
{
    const QByteArray bytes = pdf();
    const auto pin = [](PinKind kind, double x, double y, const char *target, const QString &label) {
        Pin p;
        p.kind = kind;
        p.x = x / kWidth;
        p.y = y / kHeight;
        p.target = QString::fromLatin1(target);
        p.label = label;
        return p;
    };
    FloorPlan third;
    third.title = QStringLiteral("本館 3F");
    third.sourceKind = QStringLiteral("pdf_page");
    third.pageIndex = 0;
    third.width = kWidth;
    third.height = kHeight;
    third.mimeType = QStringLiteral("application/pdf");
    third.imageData = bytes;
    third.pins = {pin(PinKind::Onu, 110, 165, "line:1", QStringLiteral("回線1 ONU")),
                  pin(PinKind::Onu, 200, 235, "line:2", QStringLiteral("回線2 ONU")),
                  pin(PinKind::Onu, 110, 285, "line:4", QStringLiteral("回線4 ONU")),
                  pin(PinKind::Router, 110, 200, "line:1", QStringLiteral("rtx-emr"))};
    FloorPlan first = third;
    first.title = QStringLiteral("本館 1F");
    first.pageIndex = 1;
    first.pins = {pin(PinKind::Terminal, 555, 240, "terminal:2", QStringLiteral("医事課 端末2")),
                  pin(PinKind::Terminal, 925, 240, "terminal:4", QStringLiteral("検査科 端末4")),
                  pin(PinKind::Other, 200, 240, "", QStringLiteral("受付 無線LAN AP"))};
    return {third, first};
}

} // namespace fs::model
