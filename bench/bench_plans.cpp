// bench_plans: figures for the floor-plan view (issue: floor plans, pins and photos).
//
//   bench_plans [--keep DIR]
//
// Draws an A0 (2384 × 3370 pt) vector floor plan with QPdfWriter — thick wall polylines, 2400
// rooms with doors and dimension lines, a 12 pt grid, 2000 room labels — then prints beside their
// targets: pdftoppm -r 150 of the page (the reference) against FieldSurvey's first render of the
// whole page at 150 dpi from a cold cache; the first 1920 × 1080 viewport at 150 dpi; a zoom step
// served from cache (PlanRenderer::paint of a 1920 × 1080 viewport at a rendered level); peak RSS.
#include "benchsupport.h"
#include "planrenderer.h"
#include "plansource.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>

using fs::plans::PlanRenderer;
using fs::plans::PlanSource;

namespace {

constexpr double kDpi = 150;
constexpr QSize kViewport(1920, 1080);

[[noreturn]] void die(const QString &what)
{
    fs::bench::die("bench_plans", what);
}

template <typename T>
T check(fs::Result<T> result, const char *what)
{
    return fs::bench::check("bench_plans", std::move(result), what);
}

// A hospital floor as architects draw it: A0, in points.
QByteArray floorPlanPdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QSizeF(2384, 3370), QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator(QStringLiteral("FieldSurvey bench_plans"));
    QPainter p(&writer);
    const double width = 2384;
    const double height = 3370;
    QRandomGenerator random(7);

    p.setPen(QPen(QColor(205, 205, 225), 0.25));
    for (double x = 40; x < width - 40; x += 12)
        p.drawLine(QPointF(x, 40), QPointF(x, height - 40));
    for (double y = 40; y < height - 40; y += 12)
        p.drawLine(QPointF(40, y), QPointF(width - 40, y));

    const int columns = 40;
    const int rows = 60;
    const double roomWidth = (width - 160) / columns;
    const double roomHeight = (height - 160) / rows;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(4);
    p.setFont(font);
    int labels = 0;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const QRectF room(80 + column * roomWidth, 80 + row * roomHeight, roomWidth, roomHeight);
            // walls
            p.setPen(QPen(Qt::black, 2.5, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
            const QPolygonF wall{room.topLeft(), room.topRight(), room.bottomRight(), room.bottomLeft(),
                                 room.topLeft()};
            p.drawPolyline(wall);
            // a door and its swing
            p.setPen(QPen(Qt::darkGray, 0.6));
            const double offset = 4 + random.bounded(int(roomWidth) - 30);
            const QRectF swing(room.left() + offset, room.bottom() - 14, 20, 20);
            p.drawArc(swing, 90 * 16, 90 * 16);
            p.drawLine(swing.center(), swing.center() + QPointF(0, -10));
            // a dimension line with its ticks
            p.setPen(QPen(QColor(30, 60, 200), 0.3));
            const double y = room.top() + 4;
            p.drawLine(QPointF(room.left() + 2, y), QPointF(room.right() - 2, y));
            p.drawLine(QPointF(room.left() + 2, y - 2), QPointF(room.left() + 2, y + 2));
            p.drawLine(QPointF(room.right() - 2, y - 2), QPointF(room.right() - 2, y + 2));
            if (labels < 2000 && (row * columns + column) % 6 != 5) {
                p.setPen(Qt::black);
                p.drawText(
                    room.adjusted(6, 8, -2, -2), Qt::AlignLeft | Qt::AlignTop,
                    QStringLiteral("Room %1-%2\n病室 %3").arg(row + 1).arg(column + 1).arg(labels + 101));
                ++labels;
            }
        }
    }
    p.end();
    return bytes;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// PlanRenderer::paint of the plan part viewport (device pixels at scale) into image, as the view does.
void paintViewport(PlanRenderer &renderer, QImage &image, QPointF topLeft, double scale)
{
    image.fill(Qt::gray);
    QPainter painter(&image);
    painter.translate(-topLeft);
    painter.scale(scale, scale);
    const QRectF planRect(topLeft / scale, QSizeF(image.size()) / scale);
    renderer.paint(painter, planRect, scale);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a benchmark needs no display
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Keep the PDF and renders in DIR."), QStringLiteral("DIR"));
    parser.addOption(keepOption);
    parser.process(app);

    QTemporaryDir temporary;
    if (!temporary.isValid())
        die(QStringLiteral("no temporary directory"));
    const QString dir = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    QDir().mkpath(dir);

    QElapsedTimer timer;
    timer.start();
    const QByteArray pdf = floorPlanPdf();
    const QString pdfPath = QDir(dir).filePath(QStringLiteral("floorplan-a0.pdf"));
    QFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        die(QStringLiteral("cannot write ") + pdfPath);
    file.close();
    std::printf("A0 floor plan: %.1f MB PDF, drawn in %lld ms\n\n", pdf.size() / 1e6,
                qint64(timer.elapsed()));

    // The reference: Poppler's own command-line renderer, writing a PPM beside the PDF. Each side
    // runs kRuns times (the machine is shared); medians are compared.
    constexpr int kRuns = 3;
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    QList<double> referenceRuns;
    if (pdftoppm.isEmpty()) {
        std::printf("pdftoppm not found (poppler-utils): no reference\n");
    } else {
        for (int run = 0; run < kRuns; ++run) {
            QProcess process;
            timer.restart();
            process.start(pdftoppm, {QStringLiteral("-r"), QString::number(kDpi), QStringLiteral("-f"),
                                     QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdfPath,
                                     QDir(dir).filePath(QStringLiteral("reference"))});
            if (!process.waitForFinished(120'000) || process.exitCode() != 0)
                die(QStringLiteral("pdftoppm failed: ") +
                    QString::fromLocal8Bit(process.readAllStandardError()));
            referenceRuns.append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    const double referenceMs = referenceRuns.isEmpty() ? -1 : median(referenceRuns);

    const double scale = kDpi / 72;
    // The whole page from a cold cache (a new source: the PDF is parsed again): every tile of the
    // level rendered into the cache, then composited into one page-sized image.
    QList<double> wholeRuns;
    QList<double> compositeRuns;
    QSize wholeSize;
    int wholeLevel = 0;
    double wholeDpi = 0;
    for (int run = 0; run < kRuns; ++run) {
        timer.restart();
        auto source = check(PlanSource::openPdf(pdf, 0, QStringLiteral("floorplan-a0.pdf")), "open");
        PlanRenderer renderer;
        renderer.setSource(source);
        renderer.setSynchronous(true);
        wholeLevel = renderer.levelFor(scale);
        wholeSize = renderer.levelSize(wholeLevel);
        wholeDpi = 72 * renderer.scaleOfLevel(wholeLevel);
        {
            QImage probe(1, 1, QImage::Format_RGB32); // paint() renders all asked-for tiles, draws 1 px
            QPainter painter(&probe);
            painter.scale(scale, scale);
            renderer.paint(painter, QRectF(QPointF(0, 0), source->size()), scale);
        }
        wholeRuns.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const QSizeF page = source->size() * scale;
        QImage image(page.toSize(), QImage::Format_RGB32);
        paintViewport(renderer, image, QPointF(0, 0), scale);
        compositeRuns.append(double(timer.nsecsElapsed()) / 1e6);
        if (parser.isSet(keepOption) && run == 0)
            image.save(QDir(dir).filePath(QStringLiteral("fieldsurvey-whole.png")));
    }
    const double wholeMs = median(wholeRuns);
    const double compositeMs = median(compositeRuns);

    // The first visible viewport (the centre of the page), cold, through the worker as the view does.
    double viewportMs = 0;
    double stepMedian = 0;
    double stepMax = 0;
    double offLevelMedian = 0;
    double offLevelMax = 0;
    qint64 cacheBytes = 0;
    {
        timer.restart();
        auto source = check(PlanSource::openPdf(pdf, 0, QStringLiteral("floorplan-a0.pdf")), "open");
        PlanRenderer renderer;
        renderer.setSource(source);
        QImage image(kViewport, QImage::Format_RGB32);
        const QPointF centre = QPointF(source->size().width(), source->size().height()) * scale / 2;
        const QPointF topLeft = centre - QPointF(kViewport.width(), kViewport.height()) / 2;
        paintViewport(renderer, image, topLeft, scale);
        // The exact tiles come first in the queue; the overview follows them.
        const int level = renderer.levelFor(scale);
        const QSize size = renderer.levelSize(level);
        const auto exactTilesCached = [&] {
            const double s = renderer.scaleOfLevel(level);
            const QRectF plan(topLeft / scale, QSizeF(kViewport) / scale);
            for (int row = int(plan.top() * s) / PlanRenderer::kTileSize;
                 row <= std::min(int(plan.bottom() * s), size.height() - 1) / PlanRenderer::kTileSize;
                 ++row) {
                for (int column = int(plan.left() * s) / PlanRenderer::kTileSize;
                     column <= std::min(int(plan.right() * s), size.width() - 1) / PlanRenderer::kTileSize;
                     ++column) {
                    if (!renderer.cache().contains({level, column, row}))
                        return false;
                }
            }
            return true;
        };
        while (!exactTilesCached())
            QThread::usleep(500);
        paintViewport(renderer, image, topLeft, scale);
        viewportMs = double(timer.nsecsElapsed()) / 1e6;
        if (!renderer.waitForIdle(60'000))
            die(QStringLiteral("the renderer did not finish"));
        if (parser.isSet(keepOption))
            image.save(QDir(dir).filePath(QStringLiteral("fieldsurvey-viewport.png")));

        // Zoom steps served from cache: the level's own scale (tiles copied), and a scale between
        // levels (tiles resampled), each over 60 paints.
        const auto time = [&](double paintScale, double *medianMs, double *maxMs) {
            QList<double> runs;
            const QPointF paintTopLeft =
                centre / scale * paintScale - QPointF(kViewport.width(), kViewport.height()) / 2;
            paintViewport(renderer, image, paintTopLeft, paintScale); // warm: fills what is missing
            renderer.waitForIdle(60'000);
            for (int i = 0; i < 60; ++i) {
                QElapsedTimer run;
                run.start();
                paintViewport(renderer, image, paintTopLeft, paintScale);
                runs.append(double(run.nsecsElapsed()) / 1e6);
            }
            *medianMs = median(runs);
            *maxMs = *std::max_element(runs.begin(), runs.end());
        };
        time(renderer.scaleOfLevel(level), &stepMedian, &stepMax);
        time(renderer.scaleOfLevel(level) * std::exp2(-1.0 / 8), &offLevelMedian, &offLevelMax);
        cacheBytes = renderer.cache().bytes();
    }

    const double ratio = referenceMs > 0 ? wholeMs / referenceMs : 0;
    std::printf("%-62s %10s   %s\n", "", "measured", "target");
    if (referenceMs > 0)
        std::printf("%-62s %7.0f ms   (reference, median of %d)\n",
                    "pdftoppm -r 150 of the A0 page (PPM file)", referenceMs, kRuns);
    std::printf("%-62s %7.0f ms   (median of %d)\n",
                qPrintable(QStringLiteral("FieldSurvey whole page into tiles, cold (%1 dpi, %2 × %3 px)")
                               .arg(wholeDpi, 0, 'f', 0)
                               .arg(wholeSize.width())
                               .arg(wholeSize.height())),
                wholeMs, kRuns);
    if (referenceMs > 0)
        std::printf("%-62s %7.2f ×    ≤ 1.2 × %s\n", "  ratio to pdftoppm", ratio,
                    ratio <= 1.2 ? "ok" : "MISSED");
    std::printf("%-62s %7.0f ms   (not on the view's path)\n",
                "  then the tiles composited into one page image", compositeMs);
    std::printf("%-62s %7.0f ms\n", "first 1920 × 1080 viewport at 150 dpi, cold", viewportMs);
    std::printf("%-62s %7.2f ms   < 16 ms %s\n",
                "zoom step from cache, 1920 × 1080 at a level's scale: median", stepMedian,
                stepMedian < 16 ? "ok" : "MISSED");
    std::printf("%-62s %7.2f ms\n", "                                                       max", stepMax);
    std::printf("%-62s %7.2f ms   < 16 ms %s\n",
                "zoom step from cache, 1920 × 1080 at 138 dpi (resampled): median", offLevelMedian,
                offLevelMedian < 16 ? "ok" : "MISSED");
    std::printf("%-62s %7.2f ms\n", "                                                       max",
                offLevelMax);
    std::printf("%-62s %7.0f MB\n", "tile cache after the zoom steps", cacheBytes / 1e6);
    std::printf("%-62s %7.0f MB\n", "peak RSS (VmHWM)", fs::bench::peakRssKiB() / 1024.0);
    return 0;
}
