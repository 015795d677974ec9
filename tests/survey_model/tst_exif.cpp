// EXIF facts of photos (orientation, time taken, GPS, camera) and copies without location data,
// from JPEGs and PNGs built here with crafted EXIF, and hostile EXIF that must neither crash nor
// loop.
#include "demosurvey.h"
#include "exif.h"
#include "exifjpeg.h"
#include "surveystore.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace fs::model;
using namespace fs::test;

namespace {

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = crc & 1 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray length(4, '\0');
    for (int i = 0; i < 4; ++i)
        length[3 - i] = char((data.size() >> (8 * i)) & 0xff);
    const quint32 crc = crc32(type + data);
    QByteArray crcBytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        crcBytes[3 - i] = char((crc >> (8 * i)) & 0xff);
    return length + type + data + crcBytes;
}

// A PNG with an eXIf chunk and an XMP iTXt chunk after IHDR.
QByteArray pngWithExif(const QImage &image, const ExifSpec &spec)
{
    QByteArray plain;
    QBuffer buffer(&plain);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    constexpr int afterIhdr = 8 + 25;
    const QByteArray xmp = QByteArray("XML:com.adobe.xmp\0\0\0\0\0", 22) + xmpPacket().mid(29);
    return plain.left(afterIhdr) + pngChunk("eXIf", tiffFor(spec)) + pngChunk("iTXt", xmp) +
           plain.mid(afterIhdr);
}

const QColor kTopLeft(220, 30, 30), kTopRight(30, 170, 30), kBottomLeft(30, 30, 220),
    kBottomRight(235, 215, 30);

// The upright picture: four coloured quadrants and a white marker in the top-left one.
QImage pattern()
{
    QImage image(320, 240, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, 160, 120, kTopLeft);
    p.fillRect(160, 0, 160, 120, kTopRight);
    p.fillRect(0, 120, 160, 120, kBottomLeft);
    p.fillRect(160, 120, 160, 120, kBottomRight);
    p.fillRect(24, 24, 40, 30, Qt::white);
    return image;
}

// What a viewer shows for stored pixels with EXIF orientation o.
QImage upright(const QImage &stored, int o)
{
    const int sw = stored.width(), sh = stored.height();
    const bool swap = o >= 5;
    QImage out(swap ? sh : sw, swap ? sw : sh, stored.format());
    for (int y = 0; y < out.height(); ++y) {
        for (int x = 0; x < out.width(); ++x) {
            QPoint s;
            switch (o) {
            case 2:
                s = {sw - 1 - x, y};
                break;
            case 3:
                s = {sw - 1 - x, sh - 1 - y};
                break;
            case 4:
                s = {x, sh - 1 - y};
                break;
            case 5:
                s = {y, x};
                break;
            case 6:
                s = {y, sh - 1 - x};
                break;
            case 7:
                s = {sw - 1 - y, sh - 1 - x};
                break;
            case 8:
                s = {sw - 1 - y, x};
                break;
            default:
                s = {x, y};
                break;
            }
            out.setPixel(x, y, stored.pixel(s));
        }
    }
    return out;
}

// The pixels to store so that orientation o shows picture upright (6 and 8 undo each other).
QImage storedFor(const QImage &picture, int o)
{
    return upright(picture, o == 6 ? 8 : o == 8 ? 6 : o);
}

bool near(QRgb actual, const QColor &expected)
{
    return std::abs(qRed(actual) - expected.red()) < 48 && std::abs(qGreen(actual) - expected.green()) < 48 &&
           std::abs(qBlue(actual) - expected.blue()) < 48;
}

// Checks the quadrant colours and the marker of a (possibly scaled) upright rendering.
QString uprightProblem(const QImage &image)
{
    if (image.isNull())
        return QStringLiteral("no image");
    if (image.width() * 3 != image.height() * 4)
        return QStringLiteral("size %1×%2 is not landscape 4:3").arg(image.width()).arg(image.height());
    const auto at = [&image](double fx, double fy) {
        return image.pixel(int(fx * image.width()), int(fy * image.height()));
    };
    const QList<std::tuple<double, double, QColor, const char *>> probes{
        {0.25, 0.75, kBottomLeft, "bottom left"},
        {0.75, 0.25, kTopRight, "top right"},
        {0.75, 0.75, kBottomRight, "bottom right"},
        {0.40, 0.35, kTopLeft, "top left"},
        {0.137, 0.162, QColor(Qt::white), "marker"}};
    for (const auto &[fx, fy, colour, what] : probes) {
        if (!near(at(fx, fy), colour))
            return QStringLiteral("%1: expected %2, got %3")
                .arg(QLatin1String(what), colour.name(), QColor(at(fx, fy)).name());
    }
    return {};
}

ExifFacts exifOf(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    auto facts = readExif(buffer, QStringLiteral("test.jpg"));
    if (!facts)
        qWarning("readExif failed: %s", qPrintable(describe(facts.error())));
    return facts.value_or(ExifFacts{});
}

fs::Result<QByteArray> withoutLocation(const QByteArray &bytes,
                                       const QString &name = QStringLiteral("test.jpg"))
{
    QByteArray in = bytes, out;
    QBuffer source(&in), target(&out);
    source.open(QIODevice::ReadOnly);
    target.open(QIODevice::WriteOnly);
    auto written = copyWithoutLocation(source, target, name);
    if (!written)
        return tl::unexpected(written.error());
    if (*written != out.size())
        return fs::fail(fs::ErrorCode::InvalidData,
                        QStringLiteral("returned %1, wrote %2").arg(*written).arg(out.size()));
    return out;
}

QDateTime japan(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::OffsetFromUTC, 9 * 3600);
}

} // namespace

class TestExif : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readsCameraFacts_data()
    {
        QTest::addColumn<bool>("bigEndian");
        QTest::newRow("little-endian (II)") << false;
        QTest::newRow("big-endian (MM)") << true;
    }

    void readsCameraFacts()
    {
        QFETCH(bool, bigEndian);
        ExifSpec spec;
        spec.bigEndian = bigEndian;
        spec.orientation = 6;
        spec.dateTimeOriginal = "2025:03:14 10:20:30";
        spec.gps = true;
        QByteArray jpeg = jpegWithExif(pattern(), spec);
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::ReadOnly);
        QVERIFY(buffer.seek(0));
        auto facts = readExif(buffer, QStringLiteral("onu.jpg"));
        QVERIFY(facts.has_value());
        QCOMPARE(buffer.pos(), 0); // left where it was
        QCOMPARE(facts->orientation, 6);
        QCOMPARE(facts->make, QStringLiteral("FieldCam"));
        QCOMPARE(facts->model, QStringLiteral("FC-1 Mark II"));
        QCOMPARE(facts->takenAt, japan(2025, 3, 14, 10, 20, 30));
        QVERIFY(facts->hasGps);
    }

    void imageWithoutExifGivesDefaults()
    {
        QCOMPARE(exifOf(plainJpeg(pattern())), ExifFacts{});
        QCOMPARE(exifOf(QByteArray("GIF89a not really")), ExifFacts{});
        QCOMPARE(exifOf(QByteArray()), ExifFacts{});
    }

    void unreadableDeviceIsAnError()
    {
        QBuffer closed;
        auto facts = readExif(closed, QStringLiteral("gone.jpg"));
        QVERIFY(!facts.has_value());
        QCOMPARE(facts.error().code, fs::ErrorCode::Io);
        QVERIFY(facts.error().detail.contains(QStringLiteral("gone.jpg")));
    }

    // Stored pixels differ for each orientation; the upright picture (and so the thumbnail and
    // the preview the survey keeps) is always the same.
    void allEightOrientations_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::addRow("orientation %d", o) << o;
    }

    void allEightOrientations()
    {
        QFETCH(int, orientation);
        const QImage picture = pattern();
        const QImage stored = storedFor(picture, orientation);
        QCOMPARE(upright(stored, orientation), picture); // the test's own arithmetic
        ExifSpec spec;
        spec.orientation = orientation;
        spec.bigEndian = orientation % 2 == 0;
        QByteArray jpeg = jpegWithExif(stored, spec);
        QCOMPARE(exifOf(jpeg).orientation, orientation);

        QTemporaryDir dir;
        auto store = DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("orientation.fsv")));
        QVERIFY(store.has_value());
        QBuffer source(&jpeg);
        source.open(QIODevice::ReadOnly);
        auto photo = (*store)->addPhoto(source, QStringLiteral("IMG_%1.JPG").arg(orientation));
        QVERIFY2(photo.has_value(), qPrintable(photo ? QString() : describe(photo.error())));
        QCOMPARE(photo->orientation, orientation);
        QCOMPARE(QSize(photo->width, photo->height), stored.size());
        for (const auto &[blobId, what] :
             {std::pair{photo->thumbnailBlobId, "thumbnail"}, std::pair{photo->previewBlobId, "preview"}}) {
            auto blob = (*store)->openBlob(blobId);
            QVERIFY(blob.has_value());
            const QImage shown = QImage::fromData((*blob)->readAll());
            const QString problem = uprightProblem(shown);
            QVERIFY2(problem.isEmpty(), qPrintable(QLatin1String(what) + QStringLiteral(": ") + problem));
        }
    }

    void dates_data()
    {
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<QByteArray>("offset");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("no offset: Japan time")
            << QByteArray("2025:11:24 09:15:00") << QByteArray() << japan(2025, 11, 24, 9, 15, 0);
        QTest::newRow("+09:00") << QByteArray("2025:11:24 09:15:00") << QByteArray("+09:00")
                                << japan(2025, 11, 24, 9, 15, 0);
        QTest::newRow("+01:00 (camera set abroad)")
            << QByteArray("2025:11:24 09:15:00") << QByteArray("+01:00")
            << QDateTime(QDate(2025, 11, 24), QTime(8, 15), Qt::UTC);
        QTest::newRow("-05:30") << QByteArray("2025:11:24 09:15:00") << QByteArray("-05:30")
                                << QDateTime(QDate(2025, 11, 24), QTime(14, 45), Qt::UTC);
        QTest::newRow("zero date") << QByteArray("0000:00:00 00:00:00") << QByteArray() << QDateTime();
        QTest::newRow("blank") << QByteArray("                   ") << QByteArray() << QDateTime();
        QTest::newRow("empty") << QByteArray("") << QByteArray() << QDateTime();
        QTest::newRow("impossible") << QByteArray("2025:13:45 25:61:00") << QByteArray() << QDateTime();
        QTest::newRow("garbage offset: Japan time")
            << QByteArray("2025:11:24 09:15:00") << QByteArray("+99:99") << japan(2025, 11, 24, 9, 15, 0);
    }

    void dates()
    {
        QFETCH(QByteArray, original);
        QFETCH(QByteArray, offset);
        QFETCH(QDateTime, expected);
        ExifSpec spec;
        spec.dateTimeOriginal = original;
        spec.offsetTimeOriginal = offset;
        const QDateTime takenAt = exifOf(jpegWithExif(pattern(), spec)).takenAt;
        QCOMPARE(takenAt.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(takenAt.toUTC(), expected.toUTC());
            QCOMPARE(takenAt.toString(u"yyyy-MM-dd HH:mm:ss"), QStringLiteral("2025-11-24 09:15:00"));
        }
    }

    void copyWithoutLocationJpeg_data() { readsCameraFacts_data(); }

    void copyWithoutLocationJpeg()
    {
        QFETCH(bool, bigEndian);
        ExifSpec spec;
        spec.bigEndian = bigEndian;
        spec.orientation = 8;
        spec.dateTimeOriginal = "2025:03:14 10:20:30";
        spec.offsetTimeOriginal = "+09:00";
        spec.gps = true;
        const QByteArray original = jpegWithExif(pattern(), spec, true);
        const TiffWriter w(bigEndian);
        const QByteArray latitude = w.u32(kLatitudeSeconds) + w.u32(100);
        const QByteArray longitude = w.u32(kLongitudeSeconds) + w.u32(100);
        const QByteArray gpsPointer = w.u16(0x8825) + w.u16(4) + w.u32(1);
        const ExifFacts before = exifOf(original);
        QVERIFY(before.hasGps);
        QVERIFY(original.contains(latitude) && original.contains(longitude) && original.contains(gpsPointer));
        QVERIFY(original.contains("http://ns.adobe.com/xap/1.0/"));

        auto copy = withoutLocation(original);
        QVERIFY2(copy.has_value(), qPrintable(copy ? QString() : describe(copy.error())));
        const ExifFacts after = exifOf(*copy);
        QVERIFY(!after.hasGps);
        QCOMPARE(after.orientation, 8);
        QCOMPARE(after.takenAt, before.takenAt);
        QCOMPARE(after.make, QStringLiteral("FieldCam"));
        QCOMPARE(after.model, QStringLiteral("FC-1 Mark II"));
        QVERIFY2(!copy->contains(latitude), "the latitude is still in the file");
        QVERIFY2(!copy->contains(longitude), "the longitude is still in the file");
        QVERIFY2(!copy->contains(gpsPointer), "the GPS IFD pointer is still in IFD0");
        QVERIFY(!copy->contains("http://ns.adobe.com/xap/1.0/"));
        QVERIFY(!copy->contains("GPSLatitude"));
        QCOMPARE(copy->size(), original.size() - (xmpPacket().size() + 4)); // only the XMP segment went

        QByteArray output = *copy;
        QBuffer buffer(&output);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        QCOMPARE(reader.format(), QByteArray("jpeg"));
        reader.setAutoTransform(false);
        const QImage decoded = reader.read();
        QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(decoded, QImage::fromData(original).convertToFormat(decoded.format()));
    }

    void copyWithoutExifIsIdentical()
    {
        const QByteArray plain = plainJpeg(pattern());
        auto copy = withoutLocation(plain);
        QVERIFY(copy.has_value());
        QCOMPARE(*copy, plain);
    }

    void copyWithoutLocationPng()
    {
        ExifSpec spec;
        spec.orientation = 3;
        spec.gps = true;
        const QByteArray png = pngWithExif(pattern(), spec);
        const ExifFacts before = exifOf(png);
        QVERIFY(before.hasGps);
        QCOMPARE(before.orientation, 3);
        auto copy = withoutLocation(png, QStringLiteral("plan.png"));
        QVERIFY2(copy.has_value(), qPrintable(copy ? QString() : describe(copy.error())));
        QVERIFY(!exifOf(*copy).hasGps);
        QVERIFY(!copy->contains("eXIf"));
        QVERIFY(!copy->contains("XML:com.adobe.xmp"));
        QCOMPARE(copy->size(),
                 png.size() - (tiffFor(spec).size() + 12) - (xmpPacket().size() - 29 + 22 + 12));
        const QImage decoded = QImage::fromData(*copy, "PNG");
        QVERIFY(!decoded.isNull());
        QCOMPARE(decoded, QImage::fromData(png, "PNG"));
    }

    void otherFormatsAreRefused()
    {
        QByteArray bmp;
        QBuffer buffer(&bmp);
        buffer.open(QIODevice::WriteOnly);
        pattern().save(&buffer, "BMP");
        auto copy = withoutLocation(bmp, QStringLiteral("scan.bmp"));
        QVERIFY(!copy.has_value());
        QCOMPARE(copy.error().detail, QStringLiteral("cannot remove location data from scan.bmp"));
    }

    // Every prefix of a small photo: facts or defaults, a copy or an error, never a crash.
    void truncatedAtEveryLength()
    {
        ExifSpec spec;
        spec.orientation = 6;
        spec.dateTimeOriginal = "2025:03:14 10:20:30";
        spec.gps = true;
        const QByteArray jpeg = jpegWithExif(pattern().scaled(16, 12), spec, true);
        for (qsizetype n = 0; n <= jpeg.size(); ++n) {
            const QByteArray prefix = jpeg.left(n);
            const ExifFacts facts = exifOf(prefix);
            QVERIFY(facts.orientation >= 1 && facts.orientation <= 8);
            auto copy = withoutLocation(prefix);
            if (copy)
                QVERIFY(!exifOf(*copy).hasGps);
        }
        QCOMPARE(exifOf(jpeg).orientation, 6);
    }

    void hostileStructures_data()
    {
        QTest::addColumn<bool>("bigEndian");
        QTest::addColumn<QByteArray>("tiff");
        for (const bool be : {false, true}) {
            const TiffWriter w(be);
            const char *order = be ? " (MM)" : " (II)";
            // IFD0 at 8 whose Exif and GPS pointers point back at IFD0.
            QTest::addRow("IFD pointing to itself%s", order)
                << be << w.header() + w.ifd({w.longValue(0x8769, 8), w.longValue(0x8825, 8)}, 8);
            // The Exif IFD and the GPS IFD pointing at each other.
            {
                const quint32 a = 8 + 2 + 24 + 4, b = a + 2 + 12 + 4;
                QTest::addRow("Exif and GPS IFDs in a cycle%s", order)
                    << be
                    << w.header() + w.ifd({w.longValue(0x8769, a), w.longValue(0x8825, b)}, 8) +
                           w.ifd({w.longValue(0x8825, b)}, a) + w.ifd({w.longValue(0x8769, a)}, b);
            }
            QTest::addRow("entry count 0xFFFF%s", order)
                << be << w.header() + w.u16(0xFFFF) + QByteArray(40, '\1');
            QTest::addRow("IFD0 past the end%s", order) << be << w.header(0xFFFFFFF0) + QByteArray(16, '\0');
            QTest::addRow("pointers past the end%s", order)
                << be
                << w.header() + w.ifd({w.longValue(0x8769, 0x7FFFFFFF), w.longValue(0x8825, 0xFFFFFFF8)}, 8);
            QTest::addRow("values past the end%s", order)
                << be
                << w.header() +
                       w.ifd({Tag{0x010F, 2, 0xFFFFFFFF, w.u32(0xFFFFFF00)}, Tag{0x0110, 2, 64, w.u32(60)},
                              Tag{0x0112, 3, 0x40000000, w.u32(0xFFFFFFF0)}},
                             8);
            QTest::addRow("GPS IFD whose count runs past the end%s", order)
                << be << w.header() + w.ifd({w.longValue(0x8825, 26)}, 8) + w.u16(400) + QByteArray(30, '\7');
            QTest::addRow("GPS values past the end%s", order)
                << be
                << w.header() + w.ifd({w.longValue(0x8825, 26)}, 8) +
                       w.ifd({Tag{0x0002, 5, 0x20000000, w.u32(0xFFFFFFF0)}}, 26);
        }
        QTest::newRow("wrong byte order marker")
            << false << QByteArray("IM*\0\x08\0\0\0", 8) + QByteArray(30, '\0');
        QTest::newRow("wrong magic") << false << QByteArray("II+\0\x08\0\0\0", 8) + QByteArray(30, '\0');
        QTest::newRow("empty TIFF") << false << QByteArray();
    }

    void hostileStructures()
    {
        QFETCH(QByteArray, tiff);
        const QByteArray plain = plainJpeg(pattern().scaled(16, 12));
        const QByteArray jpeg =
            plain.left(2) + segment(0xE1, QByteArray("Exif\0\0", 6) + tiff) + plain.mid(2);
        QElapsedTimer timer;
        timer.start();
        const ExifFacts facts = exifOf(jpeg);
        QCOMPARE(facts.orientation, 1);
        QVERIFY(!facts.takenAt.isValid());
        auto copy = withoutLocation(jpeg);
        QVERIFY2(copy.has_value(), qPrintable(copy ? QString() : describe(copy.error())));
        QVERIFY(!exifOf(*copy).hasGps);
        QVERIFY(!QImage::fromData(*copy).isNull()); // the photo itself survives
        QVERIFY(timer.elapsed() < 1000);
    }

    void randomBytes()
    {
        ExifSpec spec;
        spec.orientation = 5;
        spec.dateTimeOriginal = "2025:03:14 10:20:30";
        spec.gps = true;
        const QByteArray valid = jpegWithExif(pattern().scaled(16, 12), spec, true);
        const qsizetype exifEnd = valid.indexOf("http://ns.adobe.com");
        QRandomGenerator random(20251124);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3000; ++i) {
            QByteArray bytes;
            switch (i % 3) {
            case 0: { // noise
                bytes.resize(random.bounded(600));
                for (char &c : bytes)
                    c = char(random.bounded(256));
                break;
            }
            case 1: { // a JPEG Exif header followed by noise
                QByteArray body(random.bounded(400), '\0');
                for (char &c : body)
                    c = char(random.bounded(256));
                body.prepend(random.bounded(2) ? QByteArray("MM\0*", 4) : QByteArray("II*\0", 4));
                bytes = QByteArray("\xFF\xD8", 2) + segment(0xE1, QByteArray("Exif\0\0", 6) + body) +
                        QByteArray("\xFF\xDA\x00\x02\x01\x02", 6);
                break;
            }
            default: { // the valid photo with bytes of its EXIF changed
                bytes = valid;
                for (int k = 1 + random.bounded(6); k > 0; --k)
                    bytes[random.bounded(qint64(exifEnd))] = char(random.bounded(256));
                break;
            }
            }
            const ExifFacts facts = exifOf(bytes);
            QVERIFY(facts.orientation >= 1 && facts.orientation <= 8);
            auto copy = withoutLocation(bytes);
            if (copy)
                QVERIFY2(!exifOf(*copy).hasGps, qPrintable(QStringLiteral("case %1").arg(i)));
        }
        qInfo("3000 hostile inputs in %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 30000);
    }
};

QTEST_GUILESS_MAIN(TestExif)
#include "tst_exif.moc"
