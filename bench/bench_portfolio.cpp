// bench_portfolio: figures for the team lead's portfolio (issue 11).
//
//   bench_portfolio [--surveys N] [--keep DIR]
//
// Generates N surveys (default 200, fixed seed) through the store's public API — timed on its own,
// it is the set-up, not the figure — then times what the team lead waits for when opening the
// folder: finding the files, reading every summary (Portfolio::load, in parallel) and building the
// five dashboards; then the same in the real review window (offscreen): the folder opened, the
// portfolio table filled and the dashboards' charts drawn. Target: 200 surveys in under 3 s.
#include "benchsupport.h"
#include "clock.h"
#include "dashboard.h"
#include "portfolio.h"
#include "reviewwindow.h"
#include "surveygenerator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace fs::model;

namespace {

constexpr quint32 kSeed = 20261124;
constexpr qint64 kTargetMs = 3000;

[[noreturn]] void die(const QString &what)
{
    fs::bench::die("bench_portfolio", what);
}

struct PortfolioTiming
{
    qint64 findMs = 0;
    qint64 loadMs = 0;
    qint64 dashboardMs = 0;
    PortfolioLoad load;
    QList<ChartData> charts;
};

// The model's part of opening a portfolio: the step a widget benchmark builds on (the list model
// and the charts get m.load.surveys and m.charts).
PortfolioTiming openPortfolio(const QString &folder)
{
    PortfolioTiming m;
    QElapsedTimer timer;
    timer.start();
    const QStringList paths = Portfolio::findSurveys(folder);
    m.findMs = timer.restart();
    m.load = Portfolio::load(paths);
    m.loadMs = timer.restart();
    m.charts = Dashboard::build(m.load.surveys);
    m.dashboardMs = timer.elapsed();
    return m;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption surveysOption(QStringLiteral("surveys"), QStringLiteral("Surveys to generate."),
                                           QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Write the surveys into DIR and keep them."),
                                        QStringLiteral("DIR"));
    parser.addOptions({surveysOption, keepOption});
    parser.process(app);
    const int count = parser.value(surveysOption).toInt();
    if (count < 1)
        die(QStringLiteral("--surveys needs a positive number"));

    QTemporaryDir temporary;
    if (!temporary.isValid())
        die(QStringLiteral("cannot create a temporary folder"));
    const QString folder =
        parser.isSet(keepOption) ? parser.value(keepOption) : temporary.filePath(QStringLiteral("surveys"));
    if (QDir(folder).exists() && !QDir(folder).isEmpty())
        die(folder + QStringLiteral(" is not empty"));

    QElapsedTimer timer;
    timer.start();
    const QStringList generated = fs::test::generateSurveys(folder, count, kSeed);
    if (generated.size() != count)
        die(QStringLiteral("generating the surveys failed (see the log)"));
    std::printf("generate: %d surveys in %lld ms (set-up, not measured)\n", count,
                static_cast<long long>(timer.elapsed()));

    const PortfolioTiming m = openPortfolio(folder);
    if (!m.load.failures.isEmpty())
        die(QStringLiteral("%1 surveys failed to load: %2")
                .arg(m.load.failures.size())
                .arg(fs::describe(m.load.failures.first())));
    if (m.load.surveys.size() != count)
        die(QStringLiteral("loaded %1 surveys, expected %2").arg(m.load.surveys.size()).arg(count));

    int lines = 0;
    int findings = 0;
    for (const SurveySummary &s : m.load.surveys) {
        lines += int(s.lines.size());
        findings += int(s.findings.size());
    }
    const qint64 total = m.findMs + m.loadMs + m.dashboardMs;
    std::printf("  find %lld ms, read %lld ms on %d threads, dashboards %lld ms (%d lines, %d findings)\n",
                static_cast<long long>(m.findMs), static_cast<long long>(m.loadMs),
                QThread::idealThreadCount(), static_cast<long long>(m.dashboardMs), lines, findings);
    std::printf("portfolio: %d surveys loaded in %lld ms (target < %lld ms)%s\n", count,
                static_cast<long long>(total), static_cast<long long>(kTargetMs),
                total < kTargetMs ? "" : "  ** over target **");
    // What the team lead waits for: the window opened on the folder, the table filled, both tabs
    // drawn (grab() paints the widgets, the charts included).
    timer.restart();
    fs::app::ReviewWindow window(Clock::system());
    window.resize(1600, 1000);
    window.show();
    QEventLoop wait;
    QObject::connect(&window, &fs::app::ReviewWindow::surveysLoaded, &wait, &QEventLoop::quit);
    window.openFolder(folder);
    wait.exec();
    window.grab();
    const qint64 portfolioMs = timer.elapsed();
    window.showTab(fs::app::ReviewWindow::DashboardTab);
    window.grab();
    QCoreApplication::processEvents();
    const qint64 windowMs = timer.elapsed();
    if (window.loaded().surveys.size() != count)
        die(QStringLiteral("the review window read %1 surveys").arg(window.loaded().surveys.size()));
    std::printf("review window: %d surveys opened into the portfolio in %lld ms and the dashboards drawn by "
                "%lld ms (target < %lld ms)%s\n",
                count, static_cast<long long>(portfolioMs), static_cast<long long>(windowMs),
                static_cast<long long>(kTargetMs), windowMs < kTargetMs ? "" : "  ** over target **");
    std::printf("peak memory %lld KiB\n", static_cast<long long>(fs::bench::peakRssKiB()));
    return 0;
}
