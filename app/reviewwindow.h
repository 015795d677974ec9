#pragma once

#include "review/portfolio.h"
#include "review/reviewitem.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace fs::model {
class Clock;
}

namespace fs::app {

class DashboardView;
class PortfolioView;
class SurveyReviewPane;

// The team lead's window: the surveys of a folder (the investigators' survey files, as copied or
// shared) in a portfolio table, the dashboards over the hospitals the table shows, and the review
// of one survey — comments on its items, 承認 or 差戻し. Opening many surveys reads them
// read-only; only the survey under review is opened for its review.
class ReviewWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab
    {
        PortfolioTab,
        DashboardTab,
        ReviewTab
    };

    explicit ReviewWindow(const fs::model::Clock &clock, QWidget *parent = nullptr);
    ~ReviewWindow() override;

    // Every survey file in folder and its subfolders. The surveys are read on worker threads (the
    // window stays responsive; the status bar says so); surveysLoaded() follows.
    void openFolder(const QString &folder);
    void openSurveys(const QStringList &paths);
    // Reads the surveys again (after a sync, or an investigator's new copy).
    void reload();
    [[nodiscard]] bool isLoading() const;
    // Asks for a folder (File › Open folder).
    void chooseFolder();
    // Shows one survey on the review tab, at an item when given.
    bool reviewSurvey(const QString &path, const QString &entity = {}, const QString &uuid = {});
    void showTab(Tab tab);
    // Who reviews (the OS user by default).
    void setActor(const QString &actor);

    [[nodiscard]] PortfolioView *portfolio() const { return m_portfolio; }
    [[nodiscard]] DashboardView *dashboard() const { return m_dashboard; }
    [[nodiscard]] SurveyReviewPane *reviewPane() const { return m_review; }
    [[nodiscard]] const fs::model::PortfolioLoad &loaded() const { return m_loaded; }

signals:
    // The surveys asked for are read and shown.
    void surveysLoaded();

private:
    void showLoaded();
    void refreshSurvey(const QString &path);

    const fs::model::Clock &m_clock;
    QStringList m_paths;
    fs::model::PortfolioLoad m_loaded;
    QTabWidget *m_tabs;
    PortfolioView *m_portfolio;
    DashboardView *m_dashboard;
    SurveyReviewPane *m_review;
    QLabel *m_countLabel;
    QFutureWatcher<fs::model::PortfolioLoad> *m_watcher;
    bool m_reloadAgain = false; // asked for while reading
};

} // namespace fs::app
