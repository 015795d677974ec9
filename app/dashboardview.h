#pragma once

#include "review/dashboard.h"
#include "review/reviewitem.h"
#include "review/surveysummary.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fs::app {

// The team lead's dashboards over the surveys given (the portfolio's filter applies): progress
// per hospital, findings by category and status, the terminals' Windows support, lines by 通信形態
// and EMR reachability, and the most frequent vulnerable firmware. Clicking a bar or a slice lists
// the items behind it beside the charts; double-clicking one asks for it to be opened.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget *parent = nullptr);
    ~DashboardView() override;

    // Rebuilds every chart; the list of items is emptied (it belonged to the old charts).
    void setSurveys(const QList<fs::model::SurveySummary> &surveys);

    // What the charts show, as Dashboard::build made it. A chart's bar sets and slices follow its
    // series and categories in order; a horizontal bar chart draws its first category at the top,
    // so there bar i is category count - 1 - i.
    [[nodiscard]] const QList<fs::model::ChartData> &chartData() const { return m_data; }
    // The chart of a ChartData id (progress, findings, terminal_os, lines, firmware), or nullptr.
    [[nodiscard]] QChart *chart(const QString &id) const;

    // Lists the items behind one bar (series, category) or slice (series 0, category = slice):
    // what a click does.
    void showItems(const QString &chartId, int seriesIndex, int categoryIndex);
    [[nodiscard]] QList<fs::model::ReviewItem> listedItems() const { return m_listed; }

    // The text a chart shows for a category or series key ("" → "(not written)", "ended" →
    // "End of support"), translated.
    [[nodiscard]] static QString chartTitle(const QString &chartId);
    [[nodiscard]] static QString seriesName(const QString &key);
    [[nodiscard]] static QString categoryName(const QString &chartId, const QString &category);

signals:
    void itemActivated(const fs::model::ReviewItem &item);

private:
    [[nodiscard]] QChartView *viewFor(const QString &id);
    [[nodiscard]] QChart *buildChart(const fs::model::ChartData &data);
    void buildBars(QChart *chart, const fs::model::ChartData &data, const QStringList &categories);
    void buildPie(QChart *chart, const fs::model::ChartData &data, const QStringList &categories);
    void showHint();
    void activateListed(QTreeWidgetItem *item);

    QList<fs::model::ChartData> m_data;
    QHash<QString, QChartView *> m_views;
    QGridLayout *m_grid = nullptr;
    QLabel *m_caption = nullptr;
    QTreeWidget *m_itemsList = nullptr;
    QList<fs::model::ReviewItem> m_listed;
};

} // namespace fs::app
