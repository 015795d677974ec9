// Floor plans rendered through Poppler and from images: page sizes, where things land at two
// scales, tiles that add up to a whole render, a bounded cache, and files that must be refused.
#include "planrenderer.h"
#include "plansource.h"
#include "resultcheck.h"
#include "tilecache.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTest>

#include <poppler-qt6.h>

using fs::plans::PlanRenderer;
using fs::plans::PlanSource;
using fs::plans::TileCache;

namespace {

struct TestPage
{
    QSizeF size;   // points
    QRectF square; // points, from the top-left
    QColor colour;
};

// A4 portrait, A3 landscape and A0, each with a square of its own colour.
const QList<TestPage> kPages = {
    {QSizeF(595, 842), QRectF(100, 150, 40, 40), QColor(220, 20, 20)},
    {QSizeF(1191, 842), QRectF(700, 300, 60, 60), QColor(20, 160, 40)},
    {QSizeF(2384, 3370), QRectF(1500, 2500, 120, 120), QColor(30, 40, 210)},
};

QByteArray threePagePdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageSize(QPageSize(kPages.first().size, QPageSize::Point, QString(), QPageSize::ExactMatch));
    QPainter painter(&writer);
    for (int i = 0; i < kPages.size(); ++i) {
        if (i > 0) {
            writer.setPageSize(
                QPageSize(kPages.at(i).size, QPageSize::Point, QString(), QPageSize::ExactMatch));
            writer.newPage();
        }
        painter.setPen(QPen(Qt::black, 2));
        painter.drawRect(QRectF(QPointF(10, 10), kPages.at(i).size - QSizeF(20, 20)));
        painter.fillRect(kPages.at(i).square, kPages.at(i).colour);
    }
    painter.end();
    return bytes;
}

bool sameColour(QRgb pixel, const QColor &expected, int tolerance = 24)
{
    return std::abs(qRed(pixel) - expected.red()) <= tolerance &&
           std::abs(qGreen(pixel) - expected.green()) <= tolerance &&
           std::abs(qBlue(pixel) - expected.blue()) <= tolerance;
}

QString describeColour(QRgb pixel)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

// Largest per-channel difference, and how many pixels differ by more than 2.
std::pair<int, qint64> compareImages(const QImage &a, const QImage &b)
{
    int worst = 0;
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::max({std::abs(qRed(lineA[x]) - qRed(lineB[x])),
                                    std::abs(qGreen(lineA[x]) - qGreen(lineB[x])),
                                    std::abs(qBlue(lineA[x]) - qBlue(lineB[x]))});
            worst = std::max(worst, d);
            if (d > 2)
                ++differing;
        }
    }
    return {worst, differing};
}

// A PDF put together by hand: objects 1..n and a trailer with extra entries.
QByteArray handMadePdf(const QList<QByteArray> &objects, const QByteArray &trailerExtra)
{
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R " + trailerExtra +
           " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray rc4(const QByteArray &key, const QByteArray &data)
{
    unsigned char s[256];
    for (int i = 0; i < 256; ++i)
        s[i] = static_cast<unsigned char>(i);
    for (int i = 0, j = 0; i < 256; ++i) {
        j = (j + s[i] + static_cast<unsigned char>(key.at(i % key.size()))) & 0xff;
        std::swap(s[i], s[j]);
    }
    QByteArray out(data.size(), Qt::Uninitialized);
    for (qsizetype n = 0, i = 0, j = 0; n < data.size(); ++n) {
        i = (i + 1) & 0xff;
        j = (j + s[i]) & 0xff;
        std::swap(s[i], s[j]);
        out[n] = char(data.at(n) ^ char(s[(s[i] + s[j]) & 0xff]));
    }
    return out;
}

// A one-page PDF under the standard security handler (40-bit RC4, revision 2) with user password
// "secret": it opens only with that password.
QByteArray encryptedPdf()
{
    const QByteArray padding =
        QByteArray::fromHex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");
    const auto pad = [&](const QByteArray &password) { return QByteArray(password + padding).left(32); };
    const QByteArray id = QByteArray::fromHex("0123456789abcdef0123456789abcdef");
    const QByteArray ownerKey =
        QCryptographicHash::hash(pad("owner-secret"), QCryptographicHash::Md5).left(5);
    const QByteArray o = rc4(ownerKey, pad("secret"));
    const QByteArray permissions("\xFC\xFF\xFF\xFF", 4); // P = -4, little-endian
    const QByteArray userKey =
        QCryptographicHash::hash(QByteArray(pad("secret") + o + permissions + id), QCryptographicHash::Md5)
            .left(5);
    const QByteArray u = rc4(userKey, padding);
    return handMadePdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
         "<< /Filter /Standard /V 1 /R 2 /O <" + o.toHex() + "> /U <" + u.toHex() + "> /P -4 >>"},
        "/Encrypt 4 0 R /ID [<" + id.toHex() + "> <" + id.toHex() + ">]");
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffff;
    for (const char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320 & (0 - (crc & 1)));
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk;
    const auto be32 = [](quint32 v) {
        const char bytes[4] = {char(v >> 24), char((v >> 16) & 0xff), char((v >> 8) & 0xff), char(v & 0xff)};
        return QByteArray(bytes, 4);
    };
    chunk += be32(quint32(data.size())) + type + data + be32(crc32(type + data));
    return chunk;
}

// A PNG whose header claims width × height pixels, with a few bytes of image data.
QByteArray claimingPng(quint32 width, quint32 height)
{
    QByteArray header;
    for (const quint32 v : {width, height}) {
        header += char(v >> 24);
        header += char((v >> 16) & 0xff);
        header += char((v >> 8) & 0xff);
        header += char(v & 0xff);
    }
    header += QByteArray("\x08\x02\x00\x00\x00", 5); // 8-bit RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) +
           pngChunk("IDAT", QByteArray::fromHex("789c63000000010001")) + pngChunk("IEND", {});
}

QByteArray encodedImage(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace

class TestPlanRender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pdfPagesListsSizes();
    void pagesRenderTheirSquares_data();
    void pagesRenderTheirSquares();
    void wholeLevelTilesEqualAWholeRender();
    void requestedTilesOfALargeLevelEqualARender();
    void asynchronousTilesArrive();
    void cacheStaysWithinItsBudget();
    void imagesRenderFromTheirPyramid();
    void exifOrientationIsApplied();
    void hostileInputIsRefused_data();
    void hostileInputIsRefused();
    void encryptedPdfIsRefused();
    void pageIndexOutOfRangeIsRefused();

private:
    QByteArray m_pdf;
};

void TestPlanRender::initTestCase()
{
    m_pdf = threePagePdf();
    QVERIFY(m_pdf.startsWith("%PDF-"));
}

void TestPlanRender::pdfPagesListsSizes()
{
    const auto pages = PlanSource::pdfPages(m_pdf, QStringLiteral("plans.pdf"));
    FS_VERIFY_OK(pages);
    QCOMPARE(pages->size(), kPages.size());
    for (int i = 0; i < kPages.size(); ++i) {
        QCOMPARE(pages->at(i).index, i);
        const QSizeF size = pages->at(i).sizePoints;
        QVERIFY2(std::abs(size.width() - kPages.at(i).size.width()) < 1 &&
                     std::abs(size.height() - kPages.at(i).size.height()) < 1,
                 qPrintable(QStringLiteral("page %1: expected %2 × %3 pt, got %4 × %5")
                                .arg(i + 1)
                                .arg(kPages.at(i).size.width())
                                .arg(kPages.at(i).size.height())
                                .arg(size.width())
                                .arg(size.height())));
    }
}

void TestPlanRender::pagesRenderTheirSquares_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<double>("scale");
    for (int page = 0; page < kPages.size(); ++page) {
        for (const double scale : {0.5, 2.5})
            QTest::addRow("page %d at %.1f", page + 1, scale) << page << scale;
    }
}

void TestPlanRender::pagesRenderTheirSquares()
{
    QFETCH(int, page);
    QFETCH(double, scale);
    const TestPage &expected = kPages.at(page);
    auto source = PlanSource::openPdf(m_pdf, page, QStringLiteral("plans.pdf"));
    FS_VERIFY_OK(source);
    QVERIFY((*source)->isVector());
    QVERIFY(std::abs((*source)->size().width() - expected.size.width()) < 1);

    // The part of the page around the square, 40 pt either side.
    const QRectF around = expected.square.adjusted(-40, -40, 40, 40);
    const QRect device(QPoint(int(around.left() * scale), int(around.top() * scale)),
                       QSize(int(around.width() * scale), int(around.height() * scale)));
    const auto image = (*source)->render(scale, device);
    FS_VERIFY_OK(image);
    QCOMPARE(image->size(), device.size());
    const auto pixel = [&](QPointF planPoint) {
        const QPoint at = (planPoint * scale).toPoint() - device.topLeft();
        return image->pixel(at);
    };
    const QRgb centre = pixel(expected.square.center());
    QVERIFY2(sameColour(centre, expected.colour),
             qPrintable(QStringLiteral("square centre: expected %1, got %2")
                            .arg(describeColour(expected.colour.rgb()), describeColour(centre))));
    // Just inside the corners, and just outside each edge (4 device pixels away).
    const double in = 3 / scale;
    const double out = 4 / scale;
    QVERIFY(sameColour(pixel(expected.square.topLeft() + QPointF(in, in)), expected.colour));
    QVERIFY(sameColour(pixel(expected.square.bottomRight() - QPointF(in, in)), expected.colour));
    for (const QPointF outside : {QPointF(expected.square.left() - out, expected.square.center().y()),
                                  QPointF(expected.square.right() + out, expected.square.center().y()),
                                  QPointF(expected.square.center().x(), expected.square.top() - out),
                                  QPointF(expected.square.center().x(), expected.square.bottom() + out)}) {
        const QRgb paper = pixel(outside);
        QVERIFY2(
            sameColour(paper, Qt::white),
            qPrintable(
                QStringLiteral("outside the square: expected white, got %1").arg(describeColour(paper))));
    }
}

void TestPlanRender::wholeLevelTilesEqualAWholeRender()
{
    auto source = PlanSource::openPdf(m_pdf, 1, QStringLiteral("plans.pdf")); // A3 landscape
    FS_VERIFY_OK(source);
    PlanRenderer renderer;
    renderer.setSource(*source);
    renderer.setSynchronous(true);
    const int level = renderer.levelFor(2.0);
    const double scale = renderer.scaleOfLevel(level);
    QVERIFY(scale >= 2.0);
    const QSize size = renderer.levelSize(level);
    QVERIFY2(size.width() > 2 * PlanRenderer::kTileSize && size.height() > PlanRenderer::kTileSize,
             "the level spans several tiles");

    QImage assembled(size, QImage::Format_RGB32);
    assembled.fill(Qt::black);
    {
        QPainter painter(&assembled);
        painter.scale(scale, scale);
        renderer.paint(painter, QRectF(QPointF(0, 0), (*source)->size()), scale);
    }
    const auto whole = (*source)->render(scale, QRect(QPoint(0, 0), size));
    FS_VERIFY_OK(whole);
    const auto [worst, differing] = compareImages(assembled, *whole);
    QVERIFY2(differing == 0 && worst <= 2,
             qPrintable(QStringLiteral("tiles differ from the whole render: %1 pixels, by up to %2")
                            .arg(differing)
                            .arg(worst)));
    // Every tile of the level is in the cache.
    for (int row = 0; row * PlanRenderer::kTileSize < size.height(); ++row) {
        for (int column = 0; column * PlanRenderer::kTileSize < size.width(); ++column)
            QVERIFY(renderer.cache().contains({level, column, row}));
    }
}

void TestPlanRender::requestedTilesOfALargeLevelEqualARender()
{
    // A0 at 300 dpi is ~140 megapixels: only the tiles asked for are rendered.
    auto source = PlanSource::openPdf(m_pdf, 2, QStringLiteral("plans.pdf"));
    FS_VERIFY_OK(source);
    PlanRenderer renderer;
    renderer.setSource(*source);
    renderer.setSynchronous(true);
    const int level = renderer.levelFor(300.0 / 72);
    const double scale = renderer.scaleOfLevel(level);
    const QSize size = renderer.levelSize(level);
    QVERIFY(qint64(size.width()) * size.height() > PlanRenderer::kWholeLevelPixels);

    const QRectF planRect = kPages.at(2).square.adjusted(-150, -150, 150, 150);
    const QRect device = QRectF(planRect.topLeft() * scale, planRect.size() * scale).toAlignedRect();
    QImage assembled(device.size(), QImage::Format_RGB32);
    {
        QPainter painter(&assembled);
        painter.translate(-device.topLeft());
        painter.scale(scale, scale);
        renderer.paint(painter, planRect, scale);
    }
    const int tileSize = PlanRenderer::kTileSize;
    const int visibleTiles = (device.right() / tileSize - device.left() / tileSize + 1) *
                             (device.bottom() / tileSize - device.top() / tileSize + 1);
    QVERIFY2(
        renderer.cache().count() == visibleTiles,
        qPrintable(
            QStringLiteral("%1 tiles rendered, %2 visible").arg(renderer.cache().count()).arg(visibleTiles)));
    const auto direct = (*source)->render(scale, device);
    FS_VERIFY_OK(direct);
    const auto [worst, differing] = compareImages(assembled, *direct);
    QVERIFY2(differing <= assembled.width() * assembled.height() / 1000 && worst <= 32,
             qPrintable(QStringLiteral("tiles differ from a direct render: %1 pixels, by up to %2")
                            .arg(differing)
                            .arg(worst)));
    const QPoint centre = (kPages.at(2).square.center() * scale).toPoint() - device.topLeft();
    QVERIFY(sameColour(assembled.pixel(centre), kPages.at(2).colour));
}

void TestPlanRender::asynchronousTilesArrive()
{
    auto source = PlanSource::openPdf(m_pdf, 0, QStringLiteral("plans.pdf"));
    FS_VERIFY_OK(source);
    PlanRenderer renderer;
    renderer.setSource(*source);
    int ready = 0;
    connect(&renderer, &PlanRenderer::tileReady, this, [&ready] { ++ready; });
    const double scale = 1.5;
    QImage image(((*source)->size() * scale).toSize(), QImage::Format_RGB32);
    const auto paint = [&] {
        image.fill(Qt::black);
        QPainter painter(&image);
        painter.scale(scale, scale);
        renderer.paint(painter, QRectF(QPointF(0, 0), (*source)->size()), scale);
    };
    QElapsedTimer timer;
    timer.start();
    paint(); // asks; draws placeholders (white paper) meanwhile
    QVERIFY2(timer.elapsed() < 2000, "paint() does not wait for rendering");
    QVERIFY(renderer.waitForIdle(20'000));
    QTRY_VERIFY(ready > 0);
    paint();
    const QPoint centre = (kPages.at(0).square.center() * scale).toPoint();
    QVERIFY(sameColour(image.pixel(centre), kPages.at(0).colour));
    QVERIFY(renderer.isIdle());
}

void TestPlanRender::cacheStaysWithinItsBudget()
{
    // The cache by itself: least recently used out first.
    TileCache cache(4 * 256 * 256 * 4);
    QImage tile(256, 256, QImage::Format_RGB32);
    tile.fill(Qt::white);
    for (int i = 0; i < 50; ++i) {
        cache.insert({0, i, 0}, tile.copy());
        if (i == 2)
            (void)cache.find({0, 0, 0}); // used: survives the next two insertions
        QVERIFY2(
            cache.bytes() <= cache.budget(),
            qPrintable(QStringLiteral("%1 bytes in a %2-byte cache").arg(cache.bytes()).arg(cache.budget())));
    }
    QCOMPARE(cache.count(), 4);
    QVERIFY(cache.contains({0, 49, 0}));
    QVERIFY(!cache.contains({0, 1, 0}));

    // The renderer over many levels, with a budget smaller than one of them.
    auto source = PlanSource::openPdf(m_pdf, 2, QStringLiteral("plans.pdf"));
    FS_VERIFY_OK(source);
    const qint64 budget = qint64(12) << 20;
    PlanRenderer renderer(budget);
    renderer.setSource(*source);
    renderer.setSynchronous(true);
    QImage viewport(800, 600, QImage::Format_RGB32);
    for (int level = renderer.minLevel(); level <= renderer.maxLevel(); ++level) {
        const double scale = renderer.scaleOfLevel(level);
        const QPointF centre = QPointF(kPages.at(2).square.center()) * scale;
        const QPointF topLeft = centre - QPointF(400, 300);
        viewport.fill(Qt::black);
        QPainter painter(&viewport);
        painter.translate(-topLeft);
        painter.scale(scale, scale);
        renderer.paint(painter, QRectF(topLeft / scale, QSizeF(800, 600) / scale), scale);
        painter.end();
        QVERIFY2(renderer.cache().bytes() <= budget,
                 qPrintable(QStringLiteral("level %1: %2 bytes cached, budget %3")
                                .arg(level)
                                .arg(renderer.cache().bytes())
                                .arg(budget)));
        QVERIFY2(sameColour(viewport.pixel(400, 300), kPages.at(2).colour),
                 qPrintable(QStringLiteral("level %1: the square is not in the middle").arg(level)));
    }
}

void TestPlanRender::imagesRenderFromTheirPyramid()
{
    QImage plan(1000, 800, QImage::Format_RGB32);
    plan.fill(Qt::white);
    {
        QPainter painter(&plan);
        painter.fillRect(QRect(600, 500, 80, 80), QColor(220, 20, 20));
    }
    auto source = PlanSource::openImage(encodedImage(plan, "PNG"), QStringLiteral("plan.png"));
    FS_VERIFY_OK(source);
    QVERIFY(!(*source)->isVector());
    QCOMPARE((*source)->size(), QSizeF(1000, 800));
    for (const double scale : {0.2, 0.5, 1.0, 3.0}) {
        const QRect device(QPoint(0, 0), ((*source)->size() * scale).toSize());
        const auto image = (*source)->render(scale, device);
        FS_VERIFY_OK(image);
        QCOMPARE(image->size(), device.size());
        const QRgb centre = image->pixel((QPointF(640, 540) * scale).toPoint());
        QVERIFY2(sameColour(centre, QColor(220, 20, 20)),
                 qPrintable(QStringLiteral("scale %1: got %2").arg(scale).arg(describeColour(centre))));
        QVERIFY(sameColour(image->pixel((QPointF(560, 540) * scale).toPoint()), Qt::white));
    }
}

void TestPlanRender::exifOrientationIsApplied()
{
    QImage photo(200, 100, QImage::Format_RGB32);
    photo.fill(Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "JPEG");
    if (!writer.supportsOption(QImageIOHandler::ImageTransformation))
        QSKIP("this Qt's JPEG writer does not write an EXIF orientation");
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    QVERIFY(writer.write(photo));
    auto source = PlanSource::openImage(bytes, QStringLiteral("scan.jpg"));
    FS_VERIFY_OK(source);
    QCOMPARE((*source)->size(), QSizeF(100, 200));
}

void TestPlanRender::hostileInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("pdf");
    QTest::addColumn<QString>("mentions");

    const QByteArray pdf = threePagePdf();
    QTest::newRow("truncated PDF") << pdf.left(pdf.size() / 2) << true << QStringLiteral("truncated");
    QRandomGenerator random(1);
    QByteArray noise(64 * 1024, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    QTest::newRow("random bytes as PDF") << noise << true << QStringLiteral("not a PDF");
    QTest::newRow("random bytes framed as PDF")
        << QByteArray("%PDF-1.7\n" + noise + "\n%%EOF\n") << true << QStringLiteral("bad.bin");
    QTest::newRow("zero pages") << handMadePdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                                "<< /Type /Pages /Kids [] /Count 0 >>"},
                                               {})
                                << true << QStringLiteral("bad.bin");
    QTest::newRow("empty PDF") << QByteArray() << true << QStringLiteral("empty");
    QTest::newRow("random bytes as image") << noise << false << QStringLiteral("bad.bin");
    QTest::newRow("PNG of 100000 × 100000")
        << claimingPng(100'000, 100'000) << false << QStringLiteral("200 megapixels");
    QTest::newRow("truncated PNG") << encodedImage(QImage(300, 300, QImage::Format_RGB32), "PNG").left(60)
                                   << false << QStringLiteral("bad.bin");
}

void TestPlanRender::hostileInputIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, pdf);
    QFETCH(QString, mentions);
    const QString name = QStringLiteral("bad.bin");
    QElapsedTimer timer;
    timer.start();
    if (pdf) {
        const auto pages = PlanSource::pdfPages(bytes, name);
        QVERIFY2(!pages, "pdfPages accepted it");
        QVERIFY2(pages.error().detail.contains(name), qPrintable(pages.error().detail));
        QVERIFY2(pages.error().detail.contains(mentions), qPrintable(pages.error().detail));
        const auto source = PlanSource::openPdf(bytes, 0, name);
        QVERIFY2(!source, "openPdf accepted it");
        QVERIFY2(source.error().detail.contains(mentions), qPrintable(source.error().detail));
    } else {
        const auto source = PlanSource::openImage(bytes, name);
        QVERIFY2(!source, "openImage accepted it");
        QVERIFY2(source.error().detail.contains(name), qPrintable(source.error().detail));
        QVERIFY2(source.error().detail.contains(mentions), qPrintable(source.error().detail));
    }
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void TestPlanRender::encryptedPdfIsRefused()
{
    const QByteArray pdf = encryptedPdf();
    // The file itself is sound: with its password Poppler opens it.
    std::unique_ptr<Poppler::Document> withPassword =
        Poppler::Document::loadFromData(pdf, "owner-secret", "secret");
    QVERIFY(withPassword);
    QVERIFY(!withPassword->isLocked());
    QCOMPARE(withPassword->numPages(), 1);
    std::unique_ptr<Poppler::Document> withoutPassword = Poppler::Document::loadFromData(pdf);
    QVERIFY(withoutPassword && withoutPassword->isLocked());

    const auto pages = PlanSource::pdfPages(pdf, QStringLiteral("locked.pdf"));
    QVERIFY(!pages);
    QVERIFY2(pages.error().detail.contains(QStringLiteral("locked.pdf")) &&
                 pages.error().detail.contains(QStringLiteral("password")),
             qPrintable(pages.error().detail));
    QVERIFY(!PlanSource::openPdf(pdf, 0, QStringLiteral("locked.pdf")));
}

void TestPlanRender::pageIndexOutOfRangeIsRefused()
{
    for (const int index : {3, -1, 1000}) {
        const auto source = PlanSource::openPdf(m_pdf, index, QStringLiteral("plans.pdf"));
        QVERIFY(!source);
        QCOMPARE(source.error().code, fs::ErrorCode::InvalidArgument);
        QVERIFY2(source.error().detail.contains(QStringLiteral("plans.pdf")) &&
                     source.error().detail.contains(QStringLiteral("3 pages")),
                 qPrintable(source.error().detail));
    }
}

QTEST_MAIN(TestPlanRender)
#include "tst_planrender.moc"
