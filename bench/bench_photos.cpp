// bench_photos: figures for importing photos (issue: floor plans, pins and photos).
//
//   bench_photos [--photos N] [--keep DIR]
//
// Writes N (default 200) distinct camera-sized JPEGs (4000 × 3000, ~6 MB each) to files, then in a
// fresh process imports them one by one with SurveyStore::addPhoto(path) into a new survey and
// prints the file size, the total and per-photo time, the final survey size and that process's
// peak RSS (VmHWM) beside the target (< 300 MB).
#include "benchsupport.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace fs::model;

namespace {

using fs::bench::peakRssKiB;

[[noreturn]] void die(const QString &what)
{
    fs::bench::die("bench_photos", what);
}

template <typename T>
T check(fs::Result<T> result, const char *what)
{
    return fs::bench::check("bench_photos", std::move(result), what);
}

// The measured child: a new survey, every photo in folder added from its file.
int importAll(const QString &folder, const QString &survey)
{
    QFile::remove(survey);
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.JPG")}, QDir::Files, QDir::Name);
    auto store = check(SurveyStore::create(survey), "create survey");
    QList<qint64> times;
    QElapsedTimer total;
    total.start();
    for (const QString &name : files) {
        QElapsedTimer one;
        one.start();
        check(store->addPhoto(QDir(folder).filePath(name)), "add photo");
        times << one.elapsed();
    }
    const qint64 totalMs = total.elapsed();
    store.reset();
    std::sort(times.begin(), times.end());
    std::printf("%lld %lld %lld %lld %lld %lld\n", static_cast<long long>(files.size()),
                static_cast<long long>(totalMs), static_cast<long long>(times.value(times.size() / 2)),
                static_cast<long long>(times.value(times.size() * 95 / 100)),
                static_cast<long long>(times.isEmpty() ? 0 : times.last()),
                static_cast<long long>(peakRssKiB()));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false\nfs.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption photosOption(QStringLiteral("photos"), QStringLiteral("Photos to import."),
                                          QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Work in DIR and keep the files."), QStringLiteral("dir"));
    const QCommandLineOption importOption(
        QStringLiteral("import"), QStringLiteral("(internal) measured child."), QStringLiteral("folder"));
    const QCommandLineOption surveyOption(QStringLiteral("survey"), QStringLiteral("(internal) survey file."),
                                          QStringLiteral("path"));
    parser.addOptions({photosOption, keepOption, importOption, surveyOption});
    parser.process(app);
    if (parser.isSet(importOption))
        return importAll(parser.value(importOption), parser.value(surveyOption));

    QTemporaryDir temporary;
    const QString dir = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    const QString folder = QDir(dir).filePath(QStringLiteral("photos"));
    if (!QDir().mkpath(folder))
        die(QStringLiteral("cannot create ") + folder);
    const int count = parser.value(photosOption).toInt();
    std::printf("bench_photos: files in %s\n", qPrintable(dir));

    const QByteArray jpeg = fs::bench::cameraJpeg();
    qint64 bytes = 0;
    for (int n = 0; n < count; ++n) {
        QFile file(QDir(folder).filePath(QStringLiteral("IMG_%1.JPG").arg(n, 4, 10, QLatin1Char('0'))));
        const QByteArray photo = fs::bench::distinct(jpeg, n);
        if (!file.open(QIODevice::WriteOnly) || file.write(photo) != photo.size())
            die(QStringLiteral("cannot write ") + file.fileName());
        bytes += photo.size();
    }
    std::printf("photos: %d files of 4000 x 3000, %.2f MB each, %.2f GB in all\n", count,
                double(jpeg.size()) / 1e6, double(bytes) / 1e9);

    const QString survey = QDir(dir).filePath(QStringLiteral("bench-photos.fsv"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--import"), folder, QStringLiteral("--survey"), survey});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        die(QStringLiteral("the import run failed"));
    const QList<QByteArray> f = child.readAllStandardOutput().trimmed().split(' ');
    if (f.size() != 6)
        die(QStringLiteral("unexpected output from the import run"));
    const double totalS = f.at(1).toDouble() / 1000.0;
    const double rssMb = f.at(5).toDouble() / 1024.0;
    std::printf("import (fresh process, SurveyStore::addPhoto(path) each):\n");
    std::printf("  %s photos in %.1f s: %.0f ms per photo on average, median %s ms, p95 %s ms, max %s ms\n",
                f.at(0).constData(), totalS, f.at(1).toDouble() / std::max(1.0, f.at(0).toDouble()),
                f.at(2).constData(), f.at(3).constData(), f.at(4).constData());
    std::printf("  survey file: %.2f GB (photos %.2f GB)\n", double(QFileInfo(survey).size()) / 1e9,
                double(bytes) / 1e9);
    std::printf("  peak RSS %.1f MB (target < 300 MB): %s\n", rssMb, rssMb < 300 ? "met" : "MISSED");
    return 0;
}
