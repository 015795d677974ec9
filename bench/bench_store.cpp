// bench_store: figures for the survey store (issue: durable survey store).
//
//   bench_store [--edits N] [--photos N] [--keep DIR]
//
// 1. N single-field edits (default 10,000), each its own durable transaction through
//    SurveyStore::applyChanges (UPDATE + audit row + outbox + survey stamp), side by side with the
//    sqlite3 shell running N single-row UPDATE transactions with the same pragmas on a copy of the
//    same survey file, in the same run.
// 2. A survey holding N photos (default 500, ~4 MB each, ~2 GB): the time and peak memory of a
//    fresh process that opens it and reads everything but the image bytes.
#include "benchsupport.h"
#include "demosurvey.h"
#include "surveystore.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace fs::model;

namespace {

using fs::bench::peakRssKiB;

[[noreturn]] void die(const QString &what)
{
    fs::bench::die("bench_store", what);
}

template <typename T>
T check(fs::Result<T> result, const char *what)
{
    return fs::bench::check("bench_store", std::move(result), what);
}

// The measured child: open the survey and read all but the image bytes.
int openOnly(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    auto store = check(SurveyStore::open(path), "open");
    const SurveyData data = check(store->load(), "load");
    const QList<Photo> photos = check(store->photos(), "photos");
    const qint64 ms = timer.elapsed();
    std::printf("%lld %lld %lld\n", static_cast<long long>(ms), static_cast<long long>(peakRssKiB()),
                static_cast<long long>(photos.size()));
    return data.connectionPoints.isEmpty() ? 1 : 0;
}

void benchEdits(const QString &dir, int edits)
{
    const QString ours = QDir(dir).filePath(QStringLiteral("edits-api.fsv"));
    const QString reference = QDir(dir).filePath(QStringLiteral("edits-sqlite3.fsv"));
    {
        auto store = check(DemoSurvey::createOrReplace(ours), "create");
        store.reset();
        QFile::remove(reference);
        if (!QFile::copy(ours, reference))
            die(QStringLiteral("cannot copy the survey file"));
    }

    // The sqlite3 shell: one UPDATE per transaction (autocommit), same pragmas.
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        die(QStringLiteral("sqlite3 is not installed (Debian package sqlite3)"));
    QByteArray script = "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nPRAGMA foreign_keys = ON;\n";
    for (int i = 0; i < edits; ++i)
        script +=
            "UPDATE connection_point SET note = 'edit " + QByteArray::number(i) + "' WHERE line_no = 1;\n";
    QProcess shell;
    shell.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    shell.start(sqlite3, {reference});
    shell.write(script);
    shell.closeWriteChannel();
    if (!shell.waitForFinished(-1) || shell.exitCode() != 0)
        die(QStringLiteral("sqlite3 failed"));
    const double shellMs = double(timer.nsecsElapsed()) / 1e6;

    // FieldSurvey: the same number of single-field edits through the API.
    auto store = check(SurveyStore::open(ours), "open");
    store->setActor(QStringLiteral("bench"));
    const FieldRef ref = check(store->resolvePath(QStringLiteral("line.1.note")), "resolve");
    timer.restart();
    for (int i = 0; i < edits; ++i)
        check(store->applyChanges({FieldChange{ref, QStringLiteral("edit %1").arg(i)}}), "edit");
    const double apiMs = double(timer.nsecsElapsed()) / 1e6;
    if (check(store->fieldValue(ref), "read").toString() != QStringLiteral("edit %1").arg(edits - 1))
        die(QStringLiteral("the last edit is missing"));

    std::printf("\n%d single-field edits, each its own durable transaction (WAL, synchronous=FULL)\n", edits);
    std::printf("  %-50s %10.0f ms  %8.3f ms/edit\n", "sqlite3 shell, one UPDATE per transaction", shellMs,
                shellMs / edits);
    std::printf("  %-50s %10.0f ms  %8.3f ms/edit\n", "FieldSurvey API (read old, UPDATE, audit, outbox)",
                apiMs, apiMs / edits);
    std::printf("  ratio FieldSurvey / sqlite3: %.2f (target <= 1.5)\n", apiMs / shellMs);
}

QByteArray noiseJpeg(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 92);
    return bytes;
}

void benchPhotos(const QString &dir, int count)
{
    const QString path = QDir(dir).filePath(QStringLiteral("photos.fsv"));
    if (!QFile::exists(path)) {
        const QByteArray base = noiseJpeg(2400, 1800); // ~4 MB
        auto store = check(DemoSurvey::createOrReplace(path), "create");
        const auto lines = check(store->connectionPoints(), "lines");
        QElapsedTimer timer;
        timer.start();
        qint64 bytes = 0;
        for (int i = 0; i < count; ++i) {
            // A JPEG comment segment right after SOI makes every photo's bytes unique.
            const QByteArray text = "photo " + QByteArray::number(i);
            QByteArray jpeg = base;
            const int length = int(text.size()) + 2;
            jpeg.insert(2, QByteArray("\xFF\xFE", 2) + char(length >> 8) + char(length & 0xff) + text);
            QBuffer source(&jpeg);
            source.open(QIODevice::ReadOnly);
            const auto &line = lines[i % lines.size()];
            check(store->addPhoto(source, QStringLiteral("IMG_%1.JPG").arg(i, 4, 10, QLatin1Char('0')),
                                  PhotoTarget{QStringLiteral("connection_point"), line.id}),
                  "add photo");
            bytes += jpeg.size();
        }
        std::printf("\nwrote %d photos, %.2f GB, in %.1f s\n", count, double(bytes) / 1e9,
                    timer.elapsed() / 1000.0);
    }
    std::printf(
        "\nopen a survey holding %d photos (%.2f GB file) in a fresh process: open + load + photo list\n",
        count, double(QFileInfo(path).size()) / 1e9);
    for (int run = 0; run < 3; ++run) {
        // The first run starts from a cold page cache where the machine allows it (root).
        bool cold = false;
        if (run == 0) {
            QProcess::execute(QStringLiteral("sync"), {});
            QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
            cold = drop.open(QIODevice::WriteOnly) && drop.write("3\n") == 2;
        }
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--open-only"), path});
        if (!child.waitForFinished(-1) || child.exitCode() != 0)
            die(QStringLiteral("open-only run failed: ") +
                QString::fromLocal8Bit(child.readAllStandardError()));
        const QList<QByteArray> figures = child.readAllStandardOutput().trimmed().split(' ');
        std::printf("  run %d%s: %5s ms, peak RSS %6.1f MB, %s photos listed (targets < 300 ms, < 100 MB)\n",
                    run + 1, cold ? " (cold cache)" : "", figures.value(0).constData(),
                    figures.value(1).toDouble() / 1024.0, figures.value(2).constData());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false\nfs.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption editsOption(QStringLiteral("edits"), QStringLiteral("Edits to time."),
                                         QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption photosOption(QStringLiteral("photos"),
                                          QStringLiteral("Photos in the big survey."), QStringLiteral("n"),
                                          QStringLiteral("500"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"),
        QStringLiteral("Work in DIR and keep the files (the photo survey is reused)."),
        QStringLiteral("dir"));
    const QCommandLineOption openOnlyOption(
        QStringLiteral("open-only"), QStringLiteral("(internal) measured child."), QStringLiteral("survey"));
    parser.addOptions({editsOption, photosOption, keepOption, openOnlyOption});
    parser.process(app);
    if (parser.isSet(openOnlyOption))
        return openOnly(parser.value(openOnlyOption));

    QTemporaryDir temporary;
    const QString dir = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    QDir().mkpath(dir);
    std::printf("bench_store: files in %s\n", qPrintable(dir));
    benchEdits(dir, parser.value(editsOption).toInt());
    benchPhotos(dir, parser.value(photosOption).toInt());
    return 0;
}
