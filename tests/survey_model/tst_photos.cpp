#include "blobstore.h"
#include "database.h"
#include "demosurvey.h"
#include "migrator.h"
#include "surveystore.h"
#include "testpaths.h"
#include "transaction.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;

namespace {

// A JPEG of noise (which compresses badly, so the file is large) with a marker that makes each
// file's bytes unique.
QByteArray noiseJpeg(int width, int height, quint32 seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    image.setText(QStringLiteral("Comment"), QString::number(seed));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    return bytes;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A device that produces `size` pseudo-random bytes without ever holding them.
class GeneratedDevice : public QIODevice
{
public:
    explicit GeneratedDevice(qint64 size)
        : m_size(size)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_produced >= m_size; }
    QByteArray hash() const { return m_hash.result(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_size - m_produced);
        for (qint64 i = 0; i < n; ++i)
            data[i] = static_cast<char>(m_random.generate() & 0xff);
        m_hash.addData(QByteArrayView(data, n));
        m_produced += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
    qint64 m_produced = 0;
    QRandomGenerator m_random{42};
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace

class TestPhotos : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SurveyStore> m_store;
    QString m_path;

    int count(const char *sql)
    {
        int n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QString::fromLatin1(sql)) && q.next())
                    n = q.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return n;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_path =
            m_dir.filePath(QStringLiteral("%1.fsv").arg(QString::fromLatin1(QTest::currentTestFunction())));
        auto store = DemoSurvey::createOrReplace(m_path);
        QVERIFY(store.has_value());
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    // Writing and reading a large object streams it: memory grows by a few chunks, not by the
    // object. (Runs first, while the process's peak memory is still low.)
    void largeBlobsAreNeverWhollyInMemory()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("peak memory is read from /proc");
#endif
        constexpr qint64 size = 128LL * 1024 * 1024;
        const qint64 before = peakRssKiB();
        QVERIFY(before > 0);

        auto database =
            Database::open(m_dir.filePath(QStringLiteral("large.sqlite")), Database::Mode::ReadWrite);
        QVERIFY(database.has_value());
        QVERIFY(Migrator::migrate(**database).has_value());
        GeneratedDevice source(size);
        BlobInfo info;
        {
            Transaction transaction(**database);
            auto stored = BlobStore::store(**database, source, QStringLiteral("application/octet-stream"),
                                           QDateTime::currentDateTimeUtc());
            QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : describe(stored.error())));
            QVERIFY(transaction.commit().has_value());
            info = *stored;
        }
        QCOMPARE(info.size, size);
        QCOMPARE(info.sha256, QString::fromLatin1(source.hash().toHex()));

        auto device = BlobStore::open(**database, info.id);
        QVERIFY(device.has_value());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 read = 0;
        while (!(*device)->atEnd()) {
            const QByteArray piece = (*device)->read(1024 * 1024);
            QVERIFY(!piece.isEmpty());
            hash.addData(piece);
            read += piece.size();
        }
        QCOMPARE(read, size);
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), info.sha256);
        QVERIFY(BlobStore::verify(**database, info.id).value_or(false));

        const qint64 grownMiB = (peakRssKiB() - before) / 1024;
        qInfo("peak memory grew by %lld MiB while writing and reading a %lld MiB blob", grownMiB, size >> 20);
        QVERIFY2(grownMiB < 48, qPrintable(QStringLiteral("grew by %1 MiB").arg(grownMiB)));
    }

    void storesOriginalInChunksWithThumbnail()
    {
        const QByteArray jpeg = noiseJpeg(1600, 1200, 1);
        QVERIFY(jpeg.size() > 3 * BlobStore::kChunkSize); // several chunks
        const QString file = m_dir.filePath(QStringLiteral("onu.jpg"));
        QVERIFY(fs::test::writeFile(file, jpeg));
        const auto line = m_store->connectionPoints()->first();

        auto photo = m_store->addPhoto(file, PhotoTarget{QStringLiteral("connection_point"), line.id});
        QVERIFY2(photo.has_value(), qPrintable(photo ? QString() : describe(photo.error())));
        QCOMPARE(photo->sha256, sha256Hex(jpeg));
        QCOMPARE(photo->size, jpeg.size());
        QCOMPARE(photo->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(photo->width, 1600);
        QCOMPARE(photo->height, 1200);
        QCOMPARE(photo->originalName, QStringLiteral("onu.jpg"));
        QCOMPARE(photo->target, (PhotoTarget{QStringLiteral("connection_point"), line.id}));
        QCOMPARE(photo->position, 1);

        const qint64 chunks = (jpeg.size() + BlobStore::kChunkSize - 1) / BlobStore::kChunkSize;
        QCOMPARE(count("SELECT count(*) FROM blob_chunk WHERE blob_id = (SELECT blob_id FROM photo)"),
                 int(chunks));

        // The original comes back byte for byte, read in pieces.
        auto device = m_store->openBlob(photo->blobId);
        QVERIFY(device.has_value());
        QByteArray back;
        while (!(*device)->atEnd()) {
            const QByteArray piece = (*device)->read(100000);
            QVERIFY(!piece.isEmpty());
            back += piece;
        }
        QCOMPARE(back.size(), jpeg.size());
        QVERIFY(back == jpeg);

        // The thumbnail is a JPEG within 320 px, same aspect ratio.
        auto thumbnail = m_store->openBlob(photo->thumbnailBlobId);
        QVERIFY(thumbnail.has_value());
        QImageReader reader(thumbnail->get());
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), QSize(320, 240));
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), 1);
    }

    void readerSeeksAcrossChunks()
    {
        const QByteArray jpeg = noiseJpeg(1200, 900, 2);
        QBuffer source;
        source.setData(jpeg);
        source.open(QIODevice::ReadOnly);
        auto photo = m_store->addPhoto(source, QStringLiteral("seek.jpg"));
        QVERIFY(photo.has_value());
        auto device = m_store->openBlob(photo->blobId);
        QVERIFY(device.has_value());
        QIODevice &d = **device;
        QCOMPARE(d.size(), jpeg.size());
        for (const qint64 at : {qint64(0), BlobStore::kChunkSize - 3, BlobStore::kChunkSize,
                                2 * BlobStore::kChunkSize + 17, qint64(jpeg.size()) - 10}) {
            QVERIFY(d.seek(at));
            QCOMPARE(d.read(20), jpeg.mid(at, 20));
        }
        QVERIFY(d.seek(jpeg.size()));
        QVERIFY(d.read(10).isEmpty());
    }

    void theSamePhotoTwiceIsRefusedAndStoredOnce()
    {
        const QByteArray jpeg = noiseJpeg(400, 300, 3);
        const QString file = m_dir.filePath(QStringLiteral("same.jpg"));
        const QString copy = m_dir.filePath(QStringLiteral("copy-of-same.jpg"));
        QVERIFY(fs::test::writeFile(file, jpeg));
        QVERIFY(fs::test::writeFile(copy, jpeg));
        auto first = m_store->addPhoto(file);
        QVERIFY(first.has_value());
        const int auditRows = count("SELECT count(*) FROM audit_log");
        auto second = m_store->addPhoto(copy); // another name, the same picture (by SHA-256)
        QVERIFY(!second.has_value());
        QCOMPARE(second.error().code, fs::ErrorCode::Duplicate);
        QVERIFY2(second.error().detail.contains(QStringLiteral("copy-of-same.jpg")) &&
                     second.error().detail.contains(QStringLiteral("same.jpg")),
                 qPrintable(second.error().detail));
        QCOMPARE(m_store->photos()->size(), 1);
        QCOMPARE(count("SELECT count(*) FROM audit_log"), auditRows); // nothing written
        QCOMPARE(count("SELECT count(*) FROM blob WHERE sha256 NOT LIKE 'pending:%'"),
                 count("SELECT count(*) FROM blob"));

        // A removed photo may be imported again; its bytes are stored once.
        QVERIFY(m_store->setRemoved(fs::model::Entity::Photo, first->uuid, true).has_value());
        auto again = m_store->addPhoto(copy);
        QVERIFY(again.has_value());
        QCOMPARE(again->blobId, first->blobId);
        QVERIFY(again->uuid != first->uuid);
    }

    void orientationIsRecorded()
    {
        // A JPEG whose EXIF says "rotate 90° clockwise" (orientation 6).
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "JPEG"));
        // APP1 Exif segment, big-endian TIFF with one IFD entry: Orientation (0x0112) = 6.
        const QByteArray exif = QByteArray::fromHex("FFE10022"
                                                    "457869660000"
                                                    "4D4D002A00000008"
                                                    "0001"
                                                    "011200030000000100060000"
                                                    "00000000");
        jpeg.insert(2, exif);
        QBuffer source(&jpeg);
        source.open(QIODevice::ReadOnly);
        auto photo = m_store->addPhoto(source, QStringLiteral("rotated.jpg"));
        QVERIFY2(photo.has_value(), qPrintable(photo ? QString() : describe(photo.error())));
        QCOMPARE(photo->orientation, 6);
        QCOMPARE(photo->width, 200); // as stored
        auto thumbnail = m_store->openBlob(photo->thumbnailBlobId);
        QVERIFY(thumbnail.has_value());
        QCOMPARE(QImageReader(thumbnail->get()).size(), QSize(100, 200)); // shown upright
    }

    void notAnImageIsRefusedAndNothingStored()
    {
        const int blobs = count("SELECT count(*) FROM blob");
        const int audit = count("SELECT count(*) FROM audit_log");
        QBuffer source;
        source.setData(QByteArray("this is a text file, not a photo"));
        source.open(QIODevice::ReadOnly);
        auto photo = m_store->addPhoto(source, QStringLiteral("notes.jpg"));
        QVERIFY(!photo.has_value());
        QCOMPARE(photo.error().code, fs::ErrorCode::InvalidData);
        QVERIFY(photo.error().detail.contains(QStringLiteral("notes.jpg")));

        // A truncated JPEG: the header reads, the image does not decode.
        const QByteArray jpeg = noiseJpeg(640, 480, 4);
        QBuffer truncated;
        truncated.setData(jpeg.left(200));
        truncated.open(QIODevice::ReadOnly);
        QVERIFY(!m_store->addPhoto(truncated, QStringLiteral("cut.jpg")).has_value());

        QCOMPARE(count("SELECT count(*) FROM blob"), blobs);
        QCOMPARE(count("SELECT count(*) FROM audit_log"), audit);
        QVERIFY(m_store->photos()->isEmpty());
    }

    void tamperingIsFoundByVerify()
    {
        const QString file = m_dir.filePath(QStringLiteral("evidence.jpg"));
        QVERIFY(fs::test::writeFile(file, noiseJpeg(800, 600, 5)));
        QVERIFY(m_store->addPhoto(file).has_value());
        QVERIFY(m_store->verify()->isEmpty());
        m_store.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE blob_chunk SET data = zeroblob(length(data)) "
                                          "WHERE seq = 1 AND blob_id = (SELECT blob_id FROM photo)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        auto store = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly);
        QVERIFY(store.has_value());
        auto problems = (*store)->verify();
        QVERIFY(problems.has_value());
        QCOMPARE(problems->size(), 1);
        QVERIFY2(problems->first().contains(QStringLiteral("SHA-256")), qPrintable(problems->first()));
    }
};

QTEST_GUILESS_MAIN(TestPhotos)
#include "tst_photos.moc"
