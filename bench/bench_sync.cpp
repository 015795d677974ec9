// Pushes N (default 200) photos of ~4 MB to the kintone test server (tests/portal, mutual TLS on
// 127.0.0.1) with the sync engine, then uploads the same files one after another with curl to
// the same endpoint (one curl process, one connection, as fast as curl goes), and prints both
// throughputs. Then kills `fieldsurvey-cli sync` with SIGKILL halfway through a fresh push and
// counts how many files the resumed sync sent again.
//   bench_sync [--photos N]
#include "benchsupport.h"
#include "demosurvey.h"
#include "kintoneclient.h"
#include "portaltestserver.h"
#include "surveystore.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

namespace {

using fs::test::PortalTestServer;

const char kProgram[] = "bench_sync";

[[noreturn]] void die(const QString &what)
{
    fs::bench::die(kProgram, what);
}

// ~4 MB: a 3264 × 2448 picture with sensor-like noise.
QByteArray fourMegabyteJpeg()
{
    QImage image(3264, 2448, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(72));
            line[x] = qRgb((x / 14 + noise) & 0xff, (y / 11 + noise) & 0xff, ((x + y) / 18 + noise) & 0xff);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 90);
    return bytes;
}

int uploads(const PortalTestServer &server)
{
    return server.stats().value(QStringLiteral("uploads")).toInt();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption photosOption(QStringLiteral("photos"), QStringLiteral("How many photos."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    parser.addOption(photosOption);
    parser.addHelpOption();
    parser.process(app);
    const int count = parser.value(photosOption).toInt();

    QTemporaryDir dir;
    if (!dir.isValid())
        die(QStringLiteral("no temporary folder"));
    const QString folder = dir.filePath(QStringLiteral("photos"));
    QDir().mkpath(folder);
    const QByteArray jpeg = fourMegabyteJpeg();
    QStringList files;
    qint64 bytes = 0;
    for (int n = 0; n < count; ++n) {
        const QString path =
            QDir(folder).filePath(QStringLiteral("IMG_%1.JPG").arg(n, 4, 10, QLatin1Char('0')));
        const QByteArray photo = fs::bench::distinct(jpeg, n);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(photo) != photo.size())
            die(QStringLiteral("cannot write ") + path);
        files << path;
        bytes += photo.size();
    }
    std::printf("bench_sync: %d photos of %.2f MB, %.2f GB in all\n", count, double(jpeg.size()) / 1e6,
                double(bytes) / 1e9);

    const QString surveyPath = dir.filePath(QStringLiteral("bench-sync.fsv"));
    {
        auto store =
            fs::bench::check(kProgram, fs::model::DemoSurvey::createOrReplace(surveyPath), "demo survey");
        for (const QString &path : files)
            (void)fs::bench::check(kProgram, store->addPhoto(path), "add photo");
    }
    QFile::remove(surveyPath + QStringLiteral(".lock"));
    const QString pristine = dir.filePath(QStringLiteral("pristine.fsv"));
    QFile::copy(surveyPath, pristine);

    auto mapping = fs::bench::check(kProgram, fs::sync::FieldMapping::builtIn(), "mapping");
    PortalTestServer server;
    if (const QString e = server.start(mapping); !e.isEmpty())
        die(e);

    // FieldSurvey's sync: every photo (plus the demo's floor plans and the survey JSON), then the record.
    double syncSeconds = 0;
    qint64 syncBytes = 0;
    {
        auto store = fs::bench::check(kProgram, fs::model::SurveyStore::open(surveyPath), "open survey");
        fs::sync::KintoneClient client(server.config());
        (void)fs::bench::check(kProgram, client.setCredentials(PortalTestServer::credentials()),
                               "credentials");
        fs::sync::SyncEngine engine(*store, client, mapping);
        QElapsedTimer timer;
        timer.start();
        auto report = fs::bench::check(kProgram, engine.run(), "sync");
        syncSeconds = double(timer.nsecsElapsed()) / 1e9;
        syncBytes = report.bytesSent;
        std::printf(
            "fieldsurvey sync: %d files, %.1f MB in %.2f s = %.1f MB/s (record created: %s, %d round(s))\n",
            report.uploaded, double(report.bytesSent) / 1e6, syncSeconds,
            double(report.bytesSent) / 1e6 / syncSeconds, report.created ? "yes" : "no", report.rounds);
    }

    // curl, the same files one after another to the same endpoint, one connection.
    {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) {
            std::printf("curl: not installed; no reference figure\n");
        } else {
            QString config;
            const QString authorization = QString::fromLatin1(
                QByteArray(QByteArray("investigator:") + PortalTestServer::kPassword).toBase64());
            for (qsizetype i = 0; i < files.size(); ++i) {
                if (i > 0)
                    config += QStringLiteral("next\n");
                config +=
                    QStringLiteral("url = \"https://127.0.0.1:%1/k/v1/file.json\"\n").arg(server.port()) +
                    QStringLiteral("cert = \"%1:%2\"\ncert-type = P12\ncacert = \"%3\"\n")
                        .arg(server.cert(QStringLiteral("client.p12")),
                             QString::fromLatin1(PortalTestServer::kPassphrase),
                             server.cert(QStringLiteral("ca.pem"))) +
                    QStringLiteral("header = \"X-Cybozu-Authorization: %1\"\n").arg(authorization) +
                    QStringLiteral("form = \"file=@%1;type=image/jpeg\"\nsilent\noutput = /dev/null\n")
                        .arg(files.at(i));
            }
            const int before = uploads(server);
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QElapsedTimer timer;
            timer.start();
            process.start(curl, {QStringLiteral("--fail"), QStringLiteral("-K"), QStringLiteral("-")});
            process.write(config.toUtf8());
            process.closeWriteChannel();
            if (!process.waitForFinished(-1) || process.exitCode() != 0)
                die(QStringLiteral("curl failed (%1)").arg(process.exitCode()));
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            const int sent = uploads(server) - before;
            std::printf("curl (one process, one after another): %d files, %.1f MB in %.2f s = %.1f MB/s\n",
                        sent, double(bytes) / 1e6, seconds, double(bytes) / 1e6 / seconds);
            std::printf("fieldsurvey / curl throughput: %.2f (target >= 1.00)\n",
                        (double(syncBytes) / syncSeconds) / (double(bytes) / seconds));
        }
    }

    // SIGKILL halfway through a fresh push, then resume: how many files are sent twice.
    {
        PortalTestServer fresh;
        if (const QString e = fresh.start(mapping); !e.isEmpty())
            die(e);
        const QString killed = dir.filePath(QStringLiteral("killed.fsv"));
        QFile::copy(pristine, killed);
        const QString config = fresh.writeConfig();
        const QByteArray secrets =
            QByteArray(PortalTestServer::kPassphrase) + '\n' + PortalTestServer::kPassword + '\n';
        QProcess process;
        process.start(QStringLiteral(FS_CLI), {QStringLiteral("sync"), killed, QStringLiteral("--portal"),
                                               config, QStringLiteral("--secrets-stdin")});
        process.write(secrets);
        process.closeWriteChannel();
        while (uploads(fresh) < count / 2 && process.state() == QProcess::Running)
            QThread::msleep(5);
        const int atKill = uploads(fresh);
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished(10000);
        QFile::remove(killed + QStringLiteral(".lock"));
        QProcess resume;
        resume.start(QStringLiteral(FS_CLI), {QStringLiteral("sync"), killed, QStringLiteral("--portal"),
                                              config, QStringLiteral("--secrets-stdin")});
        resume.write(secrets);
        resume.closeWriteChannel();
        if (!resume.waitForFinished(-1) || resume.exitCode() != 0)
            die(QStringLiteral("the resumed sync failed: ") +
                QString::fromLocal8Bit(resume.readAllStandardError()));
        const int total = uploads(fresh);
        const int files = count + 2 + 1; // photos, the demo's floor-plan pages, the survey JSON
        std::printf("SIGKILL after %d uploads; resumed: %d uploads in all for %d files = %d sent twice "
                    "(at most the 2 in flight)\n",
                    atKill, total, files, total - files);
    }
    std::printf("peak RSS %.0f MB\n", double(fs::bench::peakRssKiB()) / 1024.0);
    return 0;
}
