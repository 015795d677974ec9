#include "dashboardview.h"

#include "logging.h"
#include "missingitemtext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace fs::app {

namespace {

using fs::model::ChartData;
using fs::model::ChartKind;

// A chart of a few categories is readable at this height; the progress chart grows instead, one
// bar per hospital, so that every hospital keeps a readable label (the area scrolls).
constexpr int kChartHeight = 380;
constexpr int kBarRowHeight = 22;
constexpr int kBarChartChrome = 130; // title, legend, value axis

QString objectNameFor(const QString &chartId)
{
    // terminal_os → terminalOsChart
    QString name;
    bool upper = false;
    for (const QChar c : chartId) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name + QStringLiteral("Chart");
}

// Where a chart sits in the two columns. Bar charts of categories take the whole width so that
// their Japanese labels fit under the bars; the pie and the short firmware list share a row; the
// progress of every hospital comes last, since it grows with the surveys shown.
struct Place
{
    int row;
    int column;
    int columnSpan;
};

Place placeOf(const QString &chartId, int fallbackIndex)
{
    static const QHash<QString, Place> places{
        {QStringLiteral("findings"), {0, 0, 2}}, {QStringLiteral("terminal_os"), {1, 0, 1}},
        {QStringLiteral("firmware"), {1, 1, 1}}, {QStringLiteral("lines"), {2, 0, 2}},
        {QStringLiteral("progress"), {3, 0, 2}},
    };
    return places.value(chartId, Place{4 + fallbackIndex / 2, fallbackIndex % 2, 1});
}

QColor seriesColour(const QString &key)
{
    // 危険 red and 注意 amber as on the findings page and the report; what is fine is green.
    static const QHash<QString, QColor> colours{
        {QStringLiteral("captured"), QColor(0x4c, 0x9a, 0x5a)},
        {QStringLiteral("missing"), QColor(0xc9, 0xcd, 0xd2)},
        {QStringLiteral("danger"), QColor(0xd6, 0x3c, 0x32)},
        {QStringLiteral("caution"), QColor(0xf0, 0xa2, 0x2e)},
        {QStringLiteral("direct"), QColor(0xd9, 0x6a, 0x3a)},
        {QStringLiteral("not_direct"), QColor(0x46, 0x86, 0xc0)},
        {QStringLiteral("unknown"), QColor(0xa9, 0xaf, 0xb5)},
        {QStringLiteral("devices"), QColor(0xb0, 0x3a, 0x2e)},
        {QStringLiteral("terminals"), QColor(0x46, 0x86, 0xc0)},
    };
    return colours.value(key);
}

QColor osColour(const QString &key)
{
    static const QHash<QString, QColor> colours{
        {QStringLiteral("supported"), QColor(0x4c, 0x9a, 0x5a)},
        {QStringLiteral("caution"), QColor(0xf0, 0xa2, 0x2e)},
        {QStringLiteral("ended"), QColor(0xd6, 0x3c, 0x32)},
        {QStringLiteral("unknown"), QColor(0x8a, 0x91, 0x98)},
        {QStringLiteral("unchecked"), QColor(0xd5, 0xd8, 0xdc)},
    };
    return colours.value(key);
}

// A value axis with whole-number ticks (counts), about five of them.
QValueAxis *countAxis(int maximum, const QFont &font)
{
    int step = 1;
    for (const int candidate : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000}) {
        step = candidate;
        if (maximum / candidate <= 6)
            break;
    }
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(step, int(std::ceil(double(maximum) / step)) * step));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setLabelsFont(font);
    return axis;
}

// QBarCategoryAxis drops a category equal to an earlier one, which would shift every bar after
// it; two hospitals of the same name get "(2)", "(3)".
QStringList distinct(const QStringList &labels)
{
    QStringList result;
    result.reserve(labels.size());
    for (const QString &label : labels) {
        QString unique = label;
        for (int n = 2; result.contains(unique); ++n)
            unique = QStringLiteral("%1 (%2)").arg(label).arg(n);
        result << unique;
    }
    return result;
}

// A missing item arrives as "CAF0003 · photo" or "CAF0003 / FGT-01 · firmware" (the model keeps
// stable words); the list words it as the investigator's progress panel does.
QString missingItemText(const fs::model::ReviewItem &item)
{
    static const QString separator = QStringLiteral(" · ");
    const qsizetype at = item.label.lastIndexOf(separator);
    if (at < 0)
        return item.label;
    using Kind = fs::model::MissingItem::Kind;
    static const QHash<QString, Kind> kinds{
        {QStringLiteral("onu_location"), Kind::OnuLocation},
        {QStringLiteral("photo"), Kind::LinePhoto},
        {QStringLiteral("wiring"), Kind::Wiring},
        {QStringLiteral("emr_reachability"), Kind::EmrReachability},
        {QStringLiteral("protection"), Kind::Protection},
        {QStringLiteral("device_role"), Kind::DeviceRole},
        {QStringLiteral("firmware"), Kind::DeviceFirmware},
        {QStringLiteral("check_state"), Kind::TerminalState},
        {QStringLiteral("not_possible_reason"), Kind::NotPossibleReason},
    };
    fs::model::MissingItem missing;
    missing.subject = item.label.left(at);
    missing.field = item.label.mid(at + separator.size());
    missing.kind = kinds.value(missing.field, Kind::TerminalCheck); // os, windows_update, …
    return MissingItemText::tr("%1: %2", "subject: what is missing")
        .arg(missing.subject.section(QStringLiteral(" / "), 0, 0), MissingItemText::brief(missing));
}

} // namespace

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
{
    auto *charts = new QWidget;
    charts->setObjectName(QStringLiteral("dashboardCharts"));
    m_grid = new QGridLayout(charts);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("dashboardScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(charts);

    auto *itemsPanel = new QWidget;
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("chartItemsCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_itemsList = new QTreeWidget;
    m_itemsList->setObjectName(QStringLiteral("chartItemsList"));
    m_itemsList->setHeaderLabels({tr("Hospital"), tr("Item")});
    m_itemsList->setRootIsDecorated(false);
    m_itemsList->setUniformRowHeights(true); // thousands of missing items stay quick
    m_itemsList->setAlternatingRowColors(true);
    m_itemsList->setColumnWidth(0, 160);
    m_itemsList->setToolTip(tr("Double-click an item to open it in its survey"));
    connect(m_itemsList, &QTreeWidget::itemActivated, this, &DashboardView::activateListed);
    auto *itemsLayout = new QVBoxLayout(itemsPanel);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addWidget(m_caption);
    itemsLayout->addWidget(m_itemsList, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(itemsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1100, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    showHint();
}

DashboardView::~DashboardView() = default;

void DashboardView::setSurveys(const QList<fs::model::SurveySummary> &surveys)
{
    m_data = fs::model::Dashboard::build(surveys);
    int index = 0;
    for (const ChartData &data : std::as_const(m_data)) {
        QChartView *view = viewFor(data.id);
        if (m_grid->indexOf(view) < 0) {
            const Place place = placeOf(data.id, index);
            m_grid->addWidget(view, place.row, place.column, 1, place.columnSpan);
        }
        ++index;
        QChart *old = view->chart();
        view->setChart(buildChart(data));
        delete old; // setChart hands the old chart back to us
        const bool grows = data.id == QStringLiteral("progress");
        view->setMinimumHeight(
            grows ? std::max(kChartHeight, kBarChartChrome + kBarRowHeight * int(data.categories.size()))
                  : kChartHeight);
    }
    m_listed.clear();
    m_itemsList->clear();
    showHint();
}

QChart *DashboardView::chart(const QString &id) const
{
    QChartView *view = m_views.value(id);
    return view ? view->chart() : nullptr;
}

QChartView *DashboardView::viewFor(const QString &id)
{
    if (QChartView *view = m_views.value(id))
        return view;
    auto *view = new QChartView;
    view->setObjectName(objectNameFor(id));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumWidth(320);
    m_views.insert(id, view);
    return view;
}

QChart *DashboardView::buildChart(const ChartData &data)
{
    auto *chart = new QChart;
    // Animations cost more than the drawing when 200 surveys are opened at once.
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(chartTitle(data.id));
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    // The chart theme's own font is Arial, which has no Japanese; the widget's font does.
    chart->setTitleFont(titleFont);
    chart->legend()->setFont(font());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->setBackgroundRoundness(0);

    QStringList categories;
    categories.reserve(data.categories.size());
    for (const QString &category : data.categories)
        categories << categoryName(data.id, category);
    categories = distinct(categories);

    if (data.kind == ChartKind::Pie)
        buildPie(chart, data, categories);
    else
        buildBars(chart, data, categories);
    return chart;
}

void DashboardView::buildBars(QChart *chart, const ChartData &data, const QStringList &categories)
{
    const bool horizontal = data.kind == ChartKind::HorizontalStackedBar;
    QAbstractBarSeries *series = horizontal
                                     ? static_cast<QAbstractBarSeries *>(new QHorizontalStackedBarSeries)
                                     : static_cast<QAbstractBarSeries *>(new QStackedBarSeries);
    // A horizontal chart draws its first category at the bottom; read top-down, the first
    // (most frequent firmware, first hospital) belongs at the top.
    const qsizetype count = categories.size();
    const auto category = [horizontal, count](qsizetype bar) { return horizontal ? count - 1 - bar : bar; };
    QStringList axisLabels;
    for (qsizetype bar = 0; bar < count; ++bar)
        axisLabels << categories.at(category(bar));
    QList<int> totals(count, 0);
    for (qsizetype s = 0; s < data.series.size(); ++s) {
        const fs::model::ChartSeries &source = data.series.at(s);
        auto *set = new QBarSet(seriesName(source.key));
        set->setObjectName(source.key);
        if (const QColor colour = seriesColour(source.key); colour.isValid()) {
            set->setColor(colour);
            set->setBorderColor(colour.darker(115));
        }
        for (qsizetype bar = 0; bar < count; ++bar) {
            const int value = source.values.value(category(bar));
            set->append(value);
            totals[bar] += value;
        }
        const QString chartId = data.id;
        const int seriesIndex = int(s);
        connect(set, &QBarSet::clicked, this, [this, chartId, seriesIndex, category](int bar) {
            showItems(chartId, seriesIndex, int(category(bar)));
        });
        connect(set, &QBarSet::hovered, this, [this, chartId, set, axisLabels](bool on, int bar) {
            QChartView *view = m_views.value(chartId);
            if (!on) {
                if (view)
                    view->unsetCursor();
                QToolTip::hideText();
                return;
            }
            if (view)
                view->setCursor(Qt::PointingHandCursor);
            // The full label: a long one may be cut short on the axis.
            QToolTip::showText(
                QCursor::pos(),
                QStringLiteral("%1, %2: %3").arg(axisLabels.value(bar), set->label()).arg(set->at(bar)));
        });
        series->append(set);
    }
    series->setBarWidth(horizontal ? 0.7 : 0.6);
    chart->addSeries(series);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(axisLabels);
    categoryAxis->setLabelsFont(font());
    if (horizontal) {
        // Beside the bars a label has the room it needs; cut short, the hospitals would all read
        // "…" (QtCharts also cuts a label taller than its bar's share of the height).
        categoryAxis->setTruncateLabels(false);
    }
    auto *valueAxis =
        countAxis(totals.isEmpty() ? 0 : *std::max_element(totals.cbegin(), totals.cend()), font());
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    // One series needs no legend: the title says what is counted.
    chart->legend()->setVisible(data.series.size() > 1);
}

void DashboardView::buildPie(QChart *chart, const ChartData &data, const QStringList &categories)
{
    auto *series = new QPieSeries;
    const fs::model::ChartSeries source = data.series.value(0);
    int sum = 0;
    for (const int value : source.values)
        sum += value;
    for (qsizetype c = 0; c < categories.size(); ++c) {
        const int value = source.values.value(c);
        // The count on the slice, the name in the legend: QtCharts gives a side legend only part
        // of the chart's width, too little for "要注意（期限間近・ESU）: 70".
        auto *slice = new QPieSlice(QString::number(value), value);
        slice->setObjectName(data.categories.at(c));
        slice->setLabelFont(font());
        slice->setLabelPosition(QPieSlice::LabelInsideHorizontal);
        slice->setLabelVisible(value > 0 && value * 25 >= sum); // no number on a sliver
        const QColor colour = data.id == QStringLiteral("terminal_os") ? osColour(data.categories.at(c))
                                                                       : seriesColour(data.categories.at(c));
        if (colour.isValid()) {
            slice->setColor(colour);
            slice->setBorderColor(Qt::white);
            slice->setLabelColor(colour.lightness() < 160 ? Qt::white : Qt::black);
        }
        const QString chartId = data.id;
        const int index = int(c);
        connect(slice, &QPieSlice::clicked, this, [this, chartId, index] { showItems(chartId, 0, index); });
        connect(slice, &QPieSlice::hovered, this, [this, chartId, slice](bool on) {
            slice->setExploded(on);
            if (QChartView *view = m_views.value(chartId)) {
                if (on)
                    view->setCursor(Qt::PointingHandCursor);
                else
                    view->unsetCursor();
            }
        });
        series->append(slice);
    }
    series->setPieSize(0.8);
    chart->addSeries(series);
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (qsizetype c = 0; c < markers.size() && c < categories.size(); ++c)
        markers.at(c)->setLabel(categories.at(c));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setVisible(true);
}

void DashboardView::showItems(const QString &chartId, int seriesIndex, int categoryIndex)
{
    m_listed.clear();
    m_itemsList->clear();
    const auto data = std::find_if(m_data.cbegin(), m_data.cend(),
                                   [&chartId](const ChartData &d) { return d.id == chartId; });
    if (data == m_data.cend() || seriesIndex < 0 || seriesIndex >= data->series.size() || categoryIndex < 0 ||
        categoryIndex >= data->categories.size()) {
        qCWarning(lcUi) << "dashboard: no bar" << chartId << seriesIndex << categoryIndex;
        showHint();
        return;
    }
    const fs::model::ChartSeries &series = data->series.at(seriesIndex);
    const int value = series.values.value(categoryIndex);
    m_listed = series.items.value(categoryIndex);

    const QString category = categoryName(chartId, data->categories.at(categoryIndex));
    QString caption = data->kind == ChartKind::Pie
                          ? tr("%1 — %2: %n item(s)", nullptr, value).arg(chartTitle(chartId), category)
                          : tr("%1 — %2, %3: %n item(s)", nullptr, value)
                                .arg(chartTitle(chartId), category, seriesName(series.key));
    if (m_listed.isEmpty() && value > 0)
        caption += QLatin1Char('\n') + tr("These are not listed one by one.");
    m_caption->setText(caption);

    const bool missing = chartId == QStringLiteral("progress") && series.key == QStringLiteral("missing");
    QList<QTreeWidgetItem *> rows;
    rows.reserve(m_listed.size());
    for (qsizetype i = 0; i < m_listed.size(); ++i) {
        const QString text = missing ? missingItemText(m_listed.at(i)) : m_listed.at(i).label;
        auto *row = new QTreeWidgetItem({m_listed.at(i).hospitalName, text});
        row->setData(0, Qt::UserRole, int(i));
        row->setToolTip(1, text);
        rows << row;
    }
    m_itemsList->addTopLevelItems(rows);
}

void DashboardView::showHint()
{
    m_caption->setText(tr("Click a bar or a slice to list the items behind it."));
}

void DashboardView::activateListed(QTreeWidgetItem *item)
{
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    if (index >= 0 && index < m_listed.size())
        emit itemActivated(m_listed.at(index));
}

QString DashboardView::chartTitle(const QString &chartId)
{
    if (chartId == QStringLiteral("progress"))
        return tr("Progress per hospital");
    if (chartId == QStringLiteral("findings"))
        return tr("Findings by status and category");
    if (chartId == QStringLiteral("terminal_os"))
        return tr("Windows support of the terminals");
    if (chartId == QStringLiteral("lines"))
        return tr("Lines by connection type and EMR reachability");
    if (chartId == QStringLiteral("firmware"))
        return tr("Vulnerable firmware (top 10)");
    return chartId;
}

QString DashboardView::seriesName(const QString &key)
{
    if (key == QStringLiteral("captured"))
        return tr("Captured");
    if (key == QStringLiteral("missing"))
        return tr("Missing");
    if (key == QStringLiteral("danger"))
        return tr("Danger");
    if (key == QStringLiteral("caution"))
        return tr("Caution");
    if (key == QStringLiteral("direct"))
        //: A line's reachability of the electronic medical records: 直通可
        return tr("Direct to the EMR");
    if (key == QStringLiteral("not_direct"))
        //: A line's reachability of the electronic medical records: 直通不可
        return tr("Not direct to the EMR");
    if (key == QStringLiteral("unknown"))
        return tr("Unknown");
    if (key == QStringLiteral("devices"))
        return tr("Devices");
    if (key == QStringLiteral("terminals"))
        return tr("Terminals");
    return key;
}

QString DashboardView::categoryName(const QString &chartId, const QString &category)
{
    if (chartId == QStringLiteral("terminal_os")) {
        if (category == QStringLiteral("supported"))
            return tr("Supported");
        if (category == QStringLiteral("caution"))
            return tr("Caution (ending soon, ESU)");
        if (category == QStringLiteral("ended"))
            return tr("End of support");
        if (category == QStringLiteral("unknown"))
            return tr("Unknown");
        if (category == QStringLiteral("unchecked"))
            return tr("Not checked");
    }
    if (category.isEmpty())
        return tr("(not written)");
    return category;
}

} // namespace fs::app
