// Photo markup: the JSON kept beside a photo (round trip and every refusal) and the overlay it
// paints.
#include "photomarkup.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace fs::model;

namespace {

MarkupShape arrow(QPointF from, QPointF to, QColor colour = MarkupShape::defaultColour())
{
    MarkupShape s;
    s.kind = MarkupShape::Kind::Arrow;
    s.from = from;
    s.to = to;
    s.colour = colour;
    return s;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 180 && qGreen(pixel) < 110 && qBlue(pixel) < 110;
}

} // namespace

class TestPhotoMarkup : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        PhotoMarkup markup;
        markup.shapes << arrow({0.1, 0.2}, {0.55, 0.625});
        MarkupShape circle;
        circle.kind = MarkupShape::Kind::Circle;
        circle.from = {0.3, 0.3};
        circle.to = {0.7, 0.9};
        circle.colour = QColor(0x1e, 0x88, 0xe5);
        markup.shapes << circle;
        MarkupShape text;
        text.kind = MarkupShape::Kind::Text;
        text.from = {-0.05, 1.05};
        text.text = QStringLiteral("ONU（2階 EPS）");
        markup.shapes << text;

        const QString json = markup.toJson();
        QVERIFY(json.contains(QStringLiteral("\"version\":1")));
        QVERIFY(json.contains(QStringLiteral("\"kind\":\"circle\"")));
        QVERIFY(json.contains(QStringLiteral("#1e88e5")));
        QVERIFY(!json.contains(QStringLiteral("#e53935"))); // the default colour is left out
        auto back = PhotoMarkup::fromJson(json);
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().detail));
        QCOMPARE(back->shapes.size(), 3);
        QCOMPARE(*back, markup);
        QCOMPARE(back->toJson(), json);
    }

    void readsTheDocumentedFormat()
    {
        auto markup = PhotoMarkup::fromJson(QStringLiteral(
            R"({"version":1,"shapes":[{"kind":"arrow","from":[0.1,0.2],"to":[0.5,0.6],"colour":"#e53935"},)"
            R"({"kind":"text","from":[0.2,0.3],"text":"ONU"}]})"));
        QVERIFY2(markup.has_value(), qPrintable(markup ? QString() : markup.error().detail));
        QCOMPARE(markup->shapes.size(), 2);
        QCOMPARE(markup->shapes.at(0), arrow({0.1, 0.2}, {0.5, 0.6}));
        QCOMPARE(markup->shapes.at(1).kind, MarkupShape::Kind::Text);
        QCOMPARE(markup->shapes.at(1).text, QStringLiteral("ONU"));
    }

    void emptyIsNoMarkup()
    {
        auto markup = PhotoMarkup::fromJson(QString());
        QVERIFY(markup.has_value());
        QVERIFY(markup->shapes.isEmpty());
        QCOMPARE(PhotoMarkup::fromJson(PhotoMarkup{}.toJson())->shapes.size(), 0);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<fs::ErrorCode>("code");
        const auto row = [](const char *name, const char *json, const char *path,
                            fs::ErrorCode code = fs::ErrorCode::InvalidData) {
            QTest::newRow(name) << QString::fromUtf8(json) << QString::fromUtf8(path) << code;
        };
        row("not JSON", "{\"version\":1,", "$");
        row("not an object", "[1,2]", "$");
        row("unknown top-level key", R"({"version":1,"shapes":[],"author":"x"})", "author");
        row("no version", R"({"shapes":[]})", "version");
        row("version text", R"({"version":"1","shapes":[]})", "version");
        row("version 1.5", R"({"version":1.5,"shapes":[]})", "version");
        row("newer version", R"({"version":2,"shapes":[]})", "version", fs::ErrorCode::SchemaTooNew);
        row("shapes not an array", R"({"version":1,"shapes":{}})", "shapes");
        row("no shapes", R"({"version":1})", "shapes");
        row("shape not an object", R"({"version":1,"shapes":[3]})", "shapes[0]");
        row("unknown kind", R"({"version":1,"shapes":[{"kind":"star","from":[0,0]}]})", "shapes[0].kind");
        row("unknown key", R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0],"to":[1,1],"width":3}]})",
            "shapes[0].width");
        row("text on an arrow",
            R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0],"to":[1,1],"text":"x"}]})",
            "shapes[0].text");
        row("to on a text", R"({"version":1,"shapes":[{"kind":"text","from":[0,0],"to":[1,1],"text":"x"}]})",
            "shapes[0].to");
        row("no to", R"({"version":1,"shapes":[{"kind":"circle","from":[0,0]}]})", "shapes[0].to");
        row("from outside", R"({"version":1,"shapes":[{"kind":"arrow","from":[1.2,0],"to":[1,1]}]})",
            "shapes[0].from");
        row("to below", R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0],"to":[0.5,-0.2]}]})",
            "shapes[0].to");
        row("coordinate text",
            R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0],"to":[1,1]},)"
            R"({"kind":"arrow","from":["0.1",0],"to":[1,1]}]})",
            "shapes[1].from");
        row("three coordinates", R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0,0],"to":[1,1]}]})",
            "shapes[0].from");
        row("empty text", R"({"version":1,"shapes":[{"kind":"text","from":[0,0],"text":" "}]})",
            "shapes[0].text");
        row("bad colour",
            R"({"version":1,"shapes":[{"kind":"arrow","from":[0,0],"to":[1,1],"colour":"red"}]})",
            "shapes[0].colour");

        QString longText =
            QStringLiteral(R"({"version":1,"shapes":[{"kind":"text","from":[0,0],"text":"%1"}]})")
                .arg(QString(PhotoMarkup::kMaxTextLength + 1, QLatin1Char('x')));
        QTest::newRow("text too long")
            << longText << QStringLiteral("shapes[0].text") << fs::ErrorCode::InvalidData;

        PhotoMarkup many;
        for (int i = 0; i <= PhotoMarkup::kMaxShapes; ++i)
            many.shapes << arrow({0, 0}, {1, 1});
        QTest::newRow("too many shapes")
            << many.toJson() << QStringLiteral("shapes") << fs::ErrorCode::InvalidData;

        const QString padding(PhotoMarkup::kMaxJsonBytes, QLatin1Char(' '));
        QTest::newRow("JSON too large") << QStringLiteral(R"({"version":1,"shapes":[]})") + padding
                                        << QStringLiteral("$") << fs::ErrorCode::InvalidData;
    }

    void refusals()
    {
        QFETCH(QString, json);
        QFETCH(QString, path);
        QFETCH(fs::ErrorCode, code);
        auto markup = PhotoMarkup::fromJson(json);
        QVERIFY2(!markup.has_value(), "accepted");
        QCOMPARE(markup.error().code, code);
        QVERIFY2(markup.error().detail.startsWith(QStringLiteral("markup: ") + path + QStringLiteral(": ")),
                 qPrintable(QStringLiteral("expected the path %1 in: %2").arg(path, markup.error().detail)));
    }

    void exactlyTheLimitsAreAccepted()
    {
        PhotoMarkup markup;
        for (int i = 0; i < PhotoMarkup::kMaxShapes; ++i)
            markup.shapes << arrow({-0.1, -0.1}, {1.1, 1.1});
        MarkupShape text;
        text.kind = MarkupShape::Kind::Text;
        text.text = QString(PhotoMarkup::kMaxTextLength, QLatin1Char('x'));
        markup.shapes.last() = text;
        QVERIFY(PhotoMarkup::fromJson(markup.toJson()).has_value());
    }

    // The arrow is drawn along its line, scaled into the target; nothing outside it is touched.
    void paintsAnArrow()
    {
        QImage image(400, 300, QImage::Format_ARGB32);
        image.fill(Qt::white);
        PhotoMarkup markup;
        markup.shapes << arrow({0.1, 0.5}, {0.9, 0.5});
        const QRectF target(0, 0, 400, 300);
        {
            QPainter painter(&image);
            markup.paint(painter, target);
        }
        for (int x = 60; x <= 330; x += 10)
            QVERIFY2(isRed(image.pixel(x, 150)), qPrintable(QStringLiteral("no red at (%1, 150)").arg(x)));
        QVERIFY(!isRed(image.pixel(200, 100)));
        QVERIFY(!isRed(image.pixel(20, 150)));  // before the tail
        QVERIFY(!isRed(image.pixel(380, 150))); // past the head
        // The head is wider than the line.
        const auto redRun = [&image](int x) {
            int n = 0;
            for (int y = 100; y < 200; ++y)
                n += isRed(image.pixel(x, y));
            return n;
        };
        QVERIFY2(redRun(352) > redRun(200),
                 qPrintable(QStringLiteral("%1 vs %2").arg(redRun(352)).arg(redRun(200))));

        // Into a smaller target inside a larger image: scaled and offset.
        QImage offset(400, 300, QImage::Format_ARGB32);
        offset.fill(Qt::white);
        {
            QPainter painter(&offset);
            markup.paint(painter, QRectF(200, 0, 200, 150));
        }
        QVERIFY(isRed(offset.pixel(300, 75)));
        QVERIFY(!isRed(offset.pixel(100, 75)));
        QVERIFY(!isRed(offset.pixel(300, 150)));
    }

    void hitTesting()
    {
        PhotoMarkup markup;
        markup.shapes << arrow({0.1, 0.5}, {0.9, 0.5});
        MarkupShape circle;
        circle.kind = MarkupShape::Kind::Circle;
        circle.from = {0.25, 0.25};
        circle.to = {0.75, 0.75};
        markup.shapes << circle;
        const QRectF target(0, 0, 400, 400);
        QCOMPARE(markup.shapeAt({200, 100}, target), 1);  // on the circle's outline, top
        QCOMPARE(markup.shapeAt({60, 203}, target), 0);   // on the arrow, outside the circle
        QCOMPARE(markup.shapeAt({200, 160}, target), -1); // inside the circle, away from both lines
        QCOMPARE(markup.shapeAt({10, 10}, target), -1);
    }
};

QTEST_GUILESS_MAIN(TestPhotoMarkup)
#include "tst_photomarkup.moc"
