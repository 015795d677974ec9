// bench_report: figures for the survey report (issue: findings and the survey report).
//
//   bench_report [--lines N] [--photos N] [--keep DIR]
//
// Builds a survey of N lines (default 40, two devices each, every fourth FortiGate on a
// known-exploited release), the demo's 5 terminals with collector facts, and N photos (default
// 200) of 4000 × 3000 pixels (~6 MB JPEG each, distinct bytes), then writes the report in a fresh
// process — read the survey, run the rules, write the PDF — and prints that process's wall time
// and peak RSS (VmHWM) beside the targets (5 s, 400 MB). The Excel export is timed in the same
// process.
#include "benchsupport.h"
#include "clock.h"
#include "demosurvey.h"
#include "pdfreport.h"
#include "reportdata.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "xlsxexport.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace fs::model;

namespace {

using fs::bench::peakRssKiB;

[[noreturn]] void die(const QString &what)
{
    fs::bench::die("bench_report", what);
}

template <typename T>
T check(fs::Result<T> result, const char *what)
{
    return fs::bench::check("bench_report", std::move(result), what);
}

using fs::bench::cameraJpeg;
using fs::bench::distinct;

QString makeSurvey(const QString &dir, int lines, int photos)
{
    const QString path = QDir(dir).filePath(QStringLiteral("bench-report.fsv"));
    QFile::remove(path);
    const QDate visit(2026, 11, 24);
    SurveyData data = check(DemoSurvey::data(visit), "demo data");
    const QList<ConnectionPoint> demoLines = data.connectionPoints;
    data.connectionPoints.clear();
    for (int i = 0; i < lines; ++i) {
        ConnectionPoint cp = demoLines.at(i % demoLines.size());
        cp.id = 0;
        cp.uuid.clear();
        cp.cafId.clear();
        cp.lineNo = i + 1;
        cp.purpose = QStringLiteral("回線 %1 %2").arg(i + 1).arg(cp.purpose);
        for (int d = 0; d < cp.devices.size(); ++d) {
            cp.devices[d].uuid.clear();
            cp.devices[d].id = 0;
            cp.devices[d].hostname = QStringLiteral("edge-%1-%2").arg(i + 1).arg(d + 1);
        }
        data.connectionPoints << cp;
    }
    auto store = check(SurveyStore::createWith(path, data, QStringLiteral("bench")), "create survey");
    const auto stored = check(store->connectionPoints(), "lines");
    for (int i = 0; i < stored.size(); ++i) {
        const Device &d = stored.at(i).devices.first();
        const bool vulnerable = i % 4 == 0;
        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                 {QStringLiteral("model"), QStringLiteral("FortiGate-60F")},
                 {QStringLiteral("firmware"), vulnerable ? QStringLiteral("v6.0.4,build0231,190107 (GA)")
                                                         : QStringLiteral("v7.4.8,build2795,250523 (GA.M)")},
                 {QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes")},
                 {QStringLiteral("remote_admin_services"),
                  QStringLiteral("wan1: ping https ssh; internal: ping https")}})
            check(store->recordObservation(Entity::Device, d.uuid, key, value, FactSource::Ssh), "fact");
    }
    const auto facts =
        check(TerminalFacts::fromFile(QStringLiteral(FS_SOURCE_DIR) +
                                      QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json")),
              "terminal facts");
    for (const Terminal &t : check(store->terminals(), "terminals"))
        check(store->recordTerminalAssessment(t.uuid, facts, QStringLiteral("EMR-PC01.json"),
                                              TerminalEvaluator::evaluate(facts, {visit, t.systemType})),
              "terminal assessment");
    const QByteArray jpeg = cameraJpeg();
    std::printf("photo: 4000 x 3000 JPEG, %.1f MB\n", double(jpeg.size()) / 1e6);
    for (int n = 0; n < photos; ++n) {
        QByteArray bytes = distinct(jpeg, n);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        check(
            store->addPhoto(buffer, QStringLiteral("IMG_%1.JPG").arg(n, 4, 10, QLatin1Char('0')),
                            PhotoTarget{QStringLiteral("connection_point"), stored.at(n % stored.size()).id}),
            "photo");
    }
    return path;
}

// The measured part, in a process of its own.
int writeReport(const QString &survey, const QString &pdf, const QString &xlsx)
{
    QElapsedTimer timer;
    timer.start();
    auto store = check(SurveyStore::open(survey, SurveyStore::OpenMode::ReadOnly), "open");
    const auto report = check(fs::report::ReportData::gather(*store, QDate(2026, 11, 24)), "gather");
    const auto summary = check(fs::report::PdfReport::write(*store, report, pdf), "pdf");
    const qint64 pdfMs = timer.elapsed();
    timer.restart();
    check(fs::report::XlsxExport::write(report.data, report.findings, xlsx), "xlsx");
    const qint64 xlsxMs = timer.elapsed();
    std::printf("report: %d pages, %d photos, %d findings, %.1f MB PDF\n", summary.pageCount,
                summary.photoCount, int(report.findings.size()), double(QFileInfo(pdf).size()) / 1e6);
    std::printf("RESULT pdf_ms=%lld xlsx_ms=%lld peak_rss_kib=%lld\n", pdfMs, xlsxMs, peakRssKiB());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false\nfs.*.info=false"));
    QCommandLineParser parser;
    const QCommandLineOption linesOpt(QStringLiteral("lines"), QStringLiteral("Connection points."),
                                      QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption photosOpt(QStringLiteral("photos"), QStringLiteral("Photos."),
                                       QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("Keep the files in DIR."),
                                     QStringLiteral("dir"));
    const QCommandLineOption childOpt(QStringLiteral("write-report"), QStringLiteral("(internal)"),
                                      QStringLiteral("survey"));
    parser.addOptions({linesOpt, photosOpt, keepOpt, childOpt});
    parser.addHelpOption();
    parser.process(app);

    if (parser.isSet(childOpt)) {
        const QString survey = parser.value(childOpt);
        return writeReport(survey, survey + QStringLiteral(".pdf"), survey + QStringLiteral(".xlsx"));
    }

    QTemporaryDir temporary;
    const QString dir = parser.isSet(keepOpt) ? parser.value(keepOpt) : temporary.path();
    QDir().mkpath(dir);
    QElapsedTimer timer;
    timer.start();
    const QString survey = makeSurvey(dir, parser.value(linesOpt).toInt(), parser.value(photosOpt).toInt());
    std::printf("survey: %s lines, 5 terminals, %s photos, %.0f MB, built in %.1f s\n",
                qPrintable(parser.value(linesOpt)), qPrintable(parser.value(photosOpt)),
                double(QFileInfo(survey).size()) / 1e6, double(timer.elapsed()) / 1000);

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer wall;
    wall.start();
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--write-report"), survey});
    if (!child.waitForFinished(10 * 60 * 1000) || child.exitCode() != 0)
        die(QStringLiteral("the report process failed"));
    const qint64 processMs = wall.elapsed();
    const QByteArray out = child.readAllStandardOutput();
    std::fputs(out.constData(), stdout);
    const QByteArray result = out.mid(out.indexOf("RESULT "));
    const auto value = [&](const char *key) {
        const qsizetype at = result.indexOf(key);
        return at < 0 ? -1LL : result.mid(at + qstrlen(key) + 1).split(' ').first().trimmed().toLongLong();
    };
    std::printf("\n%-44s %12s %12s\n", "", "measured", "target");
    std::printf("%-44s %10.2f s %10.1f s\n", "PDF report (read, rules, write)",
                double(value("pdf_ms")) / 1000, 5.0);
    std::printf("%-44s %10.2f s %12s\n", "Excel export", double(value("xlsx_ms")) / 1000, "-");
    std::printf("%-44s %10.2f s %12s\n", "whole process (start to exit)", double(processMs) / 1000, "-");
    std::printf("%-44s %9.0f MB %9.0f MB\n", "peak RSS of the report process",
                double(value("peak_rss_kib")) / 1024, 400.0);
    return 0;
}
