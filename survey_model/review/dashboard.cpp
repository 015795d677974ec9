#include "dashboard.h"

#include <QHash>

#include <algorithm>

namespace fs::model {

namespace {

// Items grouped by category and series key, counted into a chart whose values are the item
// counts.
class Tally
{
public:
    explicit Tally(QStringList seriesKeys)
        : m_seriesKeys(std::move(seriesKeys))
    {
    }

    void add(const QString &category, const QString &series, const ReviewItem &item)
    {
        m_items[category][series] << item;
        ++m_totals[category];
    }

    // Categories by how many items they hold (most first), then by name: the same order for the
    // same surveys, whatever order they were read in.
    [[nodiscard]] QStringList byTotal() const
    {
        QStringList categories = m_totals.keys();
        std::sort(categories.begin(), categories.end(), [this](const QString &a, const QString &b) {
            const int ta = m_totals.value(a);
            const int tb = m_totals.value(b);
            return ta != tb ? ta > tb : a < b;
        });
        return categories;
    }

    [[nodiscard]] ChartData chart(const QString &id, ChartKind kind, const QStringList &categories) const
    {
        ChartData c{id, kind, categories, {}};
        for (const QString &key : m_seriesKeys) {
            ChartSeries s{key, {}, {}};
            for (const QString &category : categories) {
                const QList<ReviewItem> items = m_items.value(category).value(key);
                s.values << int(items.size());
                s.items << items;
            }
            c.series << s;
        }
        return c;
    }

private:
    QStringList m_seriesKeys;
    QHash<QString, QHash<QString, QList<ReviewItem>>> m_items;
    QHash<QString, int> m_totals;
};

ChartData progressChart(const QList<SurveySummary> &surveys)
{
    ChartData c{QStringLiteral("progress"), ChartKind::HorizontalStackedBar, {}, {}};
    ChartSeries captured{QStringLiteral("captured"), {}, {}};
    ChartSeries missing{QStringLiteral("missing"), {}, {}};
    for (const SurveySummary &s : surveys) {
        c.categories << s.hospitalCode + QLatin1Char(' ') + s.hospitalName;
        captured.values << s.itemsCaptured;
        captured.items << QList<ReviewItem>();
        missing.values << int(s.missing.size());
        missing.items << s.missing;
    }
    c.series << captured << missing;
    return c;
}

ChartData findingsChart(const QList<SurveySummary> &surveys)
{
    const QString danger = QStringLiteral("danger");
    const QString caution = QStringLiteral("caution");
    Tally tally({danger, caution});
    for (const SurveySummary &s : surveys) {
        for (const SummaryFinding &f : s.findings) {
            if (f.status == danger || f.status == caution)
                tally.add(f.category, f.status, f.item);
        }
    }
    return tally.chart(QStringLiteral("findings"), ChartKind::StackedBar, tally.byTotal());
}

ChartData terminalOsChart(const QList<SurveySummary> &surveys)
{
    const QString series = QStringLiteral("terminals");
    Tally tally({series});
    for (const SurveySummary &s : surveys) {
        for (const SummaryTerminal &t : s.terminals)
            tally.add(kOsSupportKeys.key(t.os), series, t.item);
    }
    QStringList categories;
    for (const auto &[os, key] : kOsSupportKeys.entries())
        categories << QString::fromUtf16(key);
    return tally.chart(QStringLiteral("terminal_os"), ChartKind::Pie, categories);
}

ChartData linesChart(const QList<SurveySummary> &surveys)
{
    QStringList keys;
    for (const EmrReachability e :
         {EmrReachability::Direct, EmrReachability::NotDirect, EmrReachability::Unknown})
        keys << kEmrReachabilityKeys.key(e);
    Tally tally(keys);
    for (const SurveySummary &s : surveys) {
        for (const SummaryLine &l : s.lines)
            tally.add(l.connectionType.trimmed(), kEmrReachabilityKeys.key(l.emr), l.item);
    }
    return tally.chart(QStringLiteral("lines"), ChartKind::StackedBar, tally.byTotal());
}

ChartData firmwareChart(const QList<SurveySummary> &surveys)
{
    constexpr qsizetype kTop = 10;
    const QString series = QStringLiteral("devices");
    Tally tally({series});
    for (const SurveySummary &s : surveys) {
        for (const SummaryFirmware &f : s.vulnerableFirmware)
            tally.add(f.firmware, series, f.item);
    }
    return tally.chart(QStringLiteral("firmware"), ChartKind::HorizontalStackedBar,
                       tally.byTotal().mid(0, kTop));
}

} // namespace

QList<ChartData> Dashboard::build(const QList<SurveySummary> &surveys)
{
    return {progressChart(surveys), findingsChart(surveys), terminalOsChart(surveys), linesChart(surveys),
            firmwareChart(surveys)};
}

} // namespace fs::model
