#include "reviewwindow.h"

#include "clock.h"
#include "dashboardview.h"
#include "errormessages.h"
#include "logging.h"
#include "portfolioview.h"
#include "surveyreviewpane.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::app {

namespace {
const QString kFolderKey = QStringLiteral("review/folder");
} // namespace

ReviewWindow::ReviewWindow(const fs::model::Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_clock(clock)
    , m_tabs(new QTabWidget(this))
    , m_portfolio(new PortfolioView(this))
    , m_dashboard(new DashboardView(this))
    , m_review(new SurveyReviewPane(clock, this))
    , m_countLabel(new QLabel(this))
    , m_watcher(new QFutureWatcher<fs::model::PortfolioLoad>(this))
{
    setObjectName(QStringLiteral("reviewWindow"));
    setWindowTitle(tr("Review — FieldSurvey"));
    setWindowIcon(QIcon(QStringLiteral(":/fieldsurvey/icons/fieldsurvey.svg")));
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->addTab(m_portfolio, tr("&Portfolio"));
    m_tabs->addTab(m_dashboard, tr("&Dashboards"));
    m_tabs->addTab(m_review, tr("&Review"));
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_countLabel, 1);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open folder of surveys…"), this, &ReviewWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    QAction *refresh = file->addAction(tr("&Reload"), this, &ReviewWindow::reload);
    refresh->setShortcut(QKeySequence::Refresh);
    QAction *csv =
        file->addAction(tr("&Export the portfolio as CSV…"), m_portfolio, &PortfolioView::chooseCsvFile);
    csv->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Portfolio"), this, [this] { showTab(PortfolioTab); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+1")));
    view->addAction(tr("&Dashboards"), this, [this] { showTab(DashboardTab); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+2")));
    view->addAction(tr("&Review"), this, [this] { showTab(ReviewTab); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+3")));

    // The dashboards count what the portfolio shows: filter the table, the charts follow.
    connect(m_portfolio, &PortfolioView::shownSurveysChanged, this,
            [this] { m_dashboard->setSurveys(m_portfolio->shownSurveys()); });
    connect(m_portfolio, &PortfolioView::surveyActivated, this,
            [this](const QString &path) { reviewSurvey(path); });
    connect(m_dashboard, &DashboardView::itemActivated, this, [this](const fs::model::ReviewItem &item) {
        reviewSurvey(item.surveyPath, item.entity, item.uuid);
    });
    connect(m_review, &SurveyReviewPane::surveyChanged, this, &ReviewWindow::refreshSurvey);
    connect(m_watcher, &QFutureWatcher<fs::model::PortfolioLoad>::finished, this, [this] {
        if (m_reloadAgain) {
            m_reloadAgain = false;
            reload();
            return;
        }
        m_loaded = m_watcher->result();
        for (const fs::Error &e : std::as_const(m_loaded.failures))
            qCWarning(lcUi) << "survey not read for the portfolio:" << describe(e);
        showLoaded();
        emit surveysLoaded();
    });
    resize(1400, 900);
    showLoaded();
}

ReviewWindow::~ReviewWindow() = default;

void ReviewWindow::setActor(const QString &actor)
{
    m_review->setActor(actor);
}

void ReviewWindow::chooseFolder()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of survey files"),
                                                             settings.value(kFolderKey).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(kFolderKey, folder);
    openFolder(folder);
}

void ReviewWindow::openFolder(const QString &folder)
{
    setWindowTitle(tr("Review %1 — FieldSurvey").arg(QDir::toNativeSeparators(folder)));
    openSurveys(fs::model::Portfolio::findSurveys(folder));
}

void ReviewWindow::openSurveys(const QStringList &paths)
{
    m_paths = paths;
    reload();
}

void ReviewWindow::reload()
{
    if (m_watcher->isRunning()) {
        m_reloadAgain = true;
        return;
    }
    m_countLabel->setText(tr("Reading %n survey(s)…", nullptr, int(m_paths.size())));
    const QStringList paths = m_paths;
    m_watcher->setFuture(QtConcurrent::run([paths] {
        QElapsedTimer timer;
        timer.start();
        fs::model::PortfolioLoad loaded = fs::model::Portfolio::load(paths);
        qCInfo(lcUi) << "portfolio:" << loaded.surveys.size() << "surveys read in" << timer.elapsed() << "ms";
        return loaded;
    }));
}

bool ReviewWindow::isLoading() const
{
    return m_watcher->isRunning();
}

void ReviewWindow::showLoaded()
{
    m_portfolio->setSurveys(m_loaded.surveys);
    m_dashboard->setSurveys(m_portfolio->shownSurveys());
    QString text = tr("%n survey(s)", nullptr, int(m_loaded.surveys.size()));
    if (!m_loaded.failures.isEmpty()) {
        text +=
            tr(" — %n file(s) could not be read (see the tooltip)", nullptr, int(m_loaded.failures.size()));
        QStringList reasons;
        for (const fs::Error &e : std::as_const(m_loaded.failures))
            reasons << ErrorMessages::headline(e) + QStringLiteral(": ") + e.detail;
        m_countLabel->setToolTip(reasons.join(QLatin1Char('\n')));
    } else {
        m_countLabel->setToolTip(QString());
    }
    m_countLabel->setText(text);
}

void ReviewWindow::refreshSurvey(const QString &path)
{
    // Only the survey just reviewed changed: read it alone.
    const fs::model::PortfolioLoad one = fs::model::Portfolio::load({path});
    if (one.surveys.isEmpty())
        return;
    for (auto &s : m_loaded.surveys) {
        if (QFileInfo(s.path) == QFileInfo(path))
            s = one.surveys.constFirst();
    }
    m_portfolio->setSurveys(m_loaded.surveys);
    m_dashboard->setSurveys(m_portfolio->shownSurveys());
}

bool ReviewWindow::reviewSurvey(const QString &path, const QString &entity, const QString &uuid)
{
    if (QFileInfo(m_review->path()) != QFileInfo(path) || m_review->path().isEmpty()) {
        if (!m_review->openSurvey(path)) {
            showTab(ReviewTab);
            return false;
        }
    }
    if (!entity.isEmpty())
        m_review->selectItem(entity, uuid);
    showTab(ReviewTab);
    return true;
}

void ReviewWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

} // namespace fs::app
