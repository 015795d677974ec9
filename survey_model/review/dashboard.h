#pragma once

#include "reviewitem.h"
#include "surveysummary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// One series of a chart: a value per category, with the items behind each value (what a click on
// the bar or slice lists). values[i] == items[i].size() except for progress, where the items are
// the missing ones behind the 未取得 bar and the captured bar has none.
struct ChartSeries
{
    QString key; // captured, missing, danger, caution, direct, not_direct, unknown, devices, terminals
    QList<int> values;
    QList<QList<ReviewItem>> items;
};

enum class ChartKind
{
    StackedBar,
    HorizontalStackedBar,
    Pie, // one series, a slice per category
};

struct ChartData
{
    QString id; // progress, findings, terminal_os, lines, firmware (the application words titles)
    ChartKind kind = ChartKind::StackedBar;
    // The axis labels (or slices) as data: hospital names, finding categories, 通信形態 as
    // written ("" when not written), firmware; for terminal_os the OsSupport keys.
    QStringList categories;
    QList<ChartSeries> series;
};

// The team lead's dashboards over the surveys shown (the portfolio's filter applies):
//   progress    — per hospital: items captured / still missing (horizontal stacked bars)
//   findings    — active findings by category, stacked by status 危険 / 注意
//   terminal_os — terminals by Windows support status (pie)
//   lines       — lines by 通信形態, stacked by EMR reachability 直通可 / 直通不可 / 不明
//   firmware    — the most frequent vulnerable firmware (top 10 by devices; horizontal bars)
// Categories are deterministic: progress in the surveys' order ("code name"), terminal_os in
// kOsSupportKeys order, the others by their total (most first), then by name.
class Dashboard
{
public:
    [[nodiscard]] static QList<ChartData> build(const QList<SurveySummary> &surveys);
};

} // namespace fs::model
