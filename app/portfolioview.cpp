#include "portfolioview.h"

#include "csvtext.h"
#include "errormessages.h"
#include "logging.h"
#include "modellabels.h"
#include "portfoliofilter.h"
#include "portfoliotablemodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace fs::app {

namespace {

// The prefectures in their official (JIS X 0401) order, north to south, which is how a Japanese
// reader expects to find one in a list; the alphabet of kanji readings would scatter them.
const QStringList &prefectureOrder()
{
    static const QStringList order =
        QStringLiteral("北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 "
                       "埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 "
                       "岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 "
                       "鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 "
                       "佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県")
            .split(QLatin1Char(' '));
    return order;
}

void sortPrefectures(QStringList &prefectures)
{
    const QStringList &order = prefectureOrder();
    std::sort(prefectures.begin(), prefectures.end(), [&order](const QString &a, const QString &b) {
        const qsizetype ia = order.indexOf(a);
        const qsizetype ib = order.indexOf(b);
        if (ia != ib)
            return (ia < 0 ? order.size() : ia) < (ib < 0 ? order.size() : ib);
        return QString::localeAwareCompare(a, b) < 0;
    });
}

// Refills a filter combo with "All" and values, keeping the current choice when it still exists.
void refill(QComboBox *combo, const QStringList &values, const QStringList &labels)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(PortfolioView::tr("All"), QString());
    for (qsizetype i = 0; i < values.size(); ++i)
        combo->addItem(labels.at(i), values.at(i));
    const int index = combo->findData(current);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

PortfolioView::PortfolioView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PortfolioTableModel(this))
    , m_filter(new PortfolioFilter(this))
{
    m_filter->setPortfolioModel(m_model);

    const auto makeCombo = [this](const char *name) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QString::fromLatin1(name));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &PortfolioView::applyFilter);
        return combo;
    };
    m_prefectureCombo = makeCombo("prefectureFilterCombo");
    m_stateCombo = makeCombo("stateFilterCombo");
    m_investigatorCombo = makeCombo("investigatorFilterCombo");
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("portfolioSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Hospital code or name"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMinimumWidth(220);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &PortfolioView::applyFilter);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("portfolioCountLabel"));
    m_csvButton = new QPushButton(tr("CSV…"), this);
    m_csvButton->setObjectName(QStringLiteral("portfolioCsvButton"));
    m_csvButton->setToolTip(tr("Save the rows shown as a CSV file for Excel"));
    connect(m_csvButton, &QPushButton::clicked, this, &PortfolioView::chooseCsvFile);

    auto *filterBar = new QHBoxLayout;
    const auto addLabelled = [this, filterBar](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        filterBar->addWidget(label);
        filterBar->addWidget(field);
        filterBar->addSpacing(8);
    };
    addLabelled(tr("&Prefecture:"), m_prefectureCombo);
    addLabelled(tr("S&tate:"), m_stateCombo);
    addLabelled(tr("&Investigator:"), m_investigatorCombo);
    addLabelled(tr("&Search:"), m_searchEdit);
    filterBar->addStretch(1);
    filterBar->addWidget(m_countLabel);
    filterBar->addSpacing(8);
    filterBar->addWidget(m_csvButton);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("portfolioTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PortfolioTableModel::CodeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Compact rows: a team lead scans 200 surveys, not a form.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(PortfolioTableModel::NameColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit surveyActivated(index.data(PortfolioTableModel::PathRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterBar);
    layout->addWidget(m_table, 1);

    fillFilterCombos();
    updateCount();
}

PortfolioView::~PortfolioView() = default;

void PortfolioView::setSurveys(QList<fs::model::SurveySummary> surveys)
{
    m_model->setSurveys(std::move(surveys));
    fillFilterCombos();
    takeFilterBar();
    // Fixed widths for the short columns, the name stretches; measured once per load, since
    // resizing to contents on every filter change costs more than it helps with 200 rows.
    for (int column = 0; column < PortfolioTableModel::ColumnCount; ++column) {
        if (column != PortfolioTableModel::NameColumn)
            m_table->resizeColumnToContents(column);
    }
    (void)rememberShownRows();
    emit shownSurveysChanged(); // new surveys, even when the same rows are shown
}

const QList<fs::model::SurveySummary> &PortfolioView::surveys() const
{
    return m_model->surveys();
}

QList<fs::model::SurveySummary> PortfolioView::shownSurveys() const
{
    QList<fs::model::SurveySummary> shown;
    shown.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        shown << m_model->survey(m_filter->mapToSource(m_filter->index(row, 0)).row());
    return shown;
}

void PortfolioView::fillFilterCombos()
{
    QStringList prefectures;
    QStringList investigators;
    for (const fs::model::SurveySummary &survey : m_model->surveys()) {
        if (!survey.prefecture.isEmpty() && !prefectures.contains(survey.prefecture))
            prefectures << survey.prefecture;
        for (const QString &name : survey.investigators) {
            if (!name.isEmpty() && !investigators.contains(name))
                investigators << name;
        }
    }
    sortPrefectures(prefectures);
    std::sort(investigators.begin(), investigators.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    refill(m_prefectureCombo, prefectures, prefectures);
    refill(m_investigatorCombo, investigators, investigators);

    QStringList stateKeys;
    QStringList stateLabels;
    for (const auto &[state, key] : fs::model::kSurveyStateKeys.entries()) {
        stateKeys << QString::fromUtf16(key);
        stateLabels << ModelLabels::surveyState(state);
    }
    refill(m_stateCombo, stateKeys, stateLabels);
}

void PortfolioView::applyFilter()
{
    takeFilterBar();
    // Typing in the search field refilters on every key; the dashboards only rebuild when the
    // surveys shown are really others.
    if (rememberShownRows())
        emit shownSurveysChanged();
}

void PortfolioView::takeFilterBar()
{
    m_filter->setPrefecture(m_prefectureCombo->currentData().toString());
    const QString stateKey = m_stateCombo->currentData().toString();
    m_filter->setState(stateKey.isEmpty() ? std::nullopt : fs::model::kSurveyStateKeys.parse(stateKey));
    m_filter->setInvestigator(m_investigatorCombo->currentData().toString());
    m_filter->setSearchText(m_searchEdit->text());
    updateCount();
}

bool PortfolioView::rememberShownRows()
{
    QList<int> rows;
    rows.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows << m_filter->mapToSource(m_filter->index(row, 0)).row();
    std::sort(rows.begin(), rows.end());
    if (rows == m_shownRows)
        return false;
    m_shownRows = rows;
    return true;
}

void PortfolioView::updateCount()
{
    m_countLabel->setText(tr("%1 / %2 surveys").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

Result<void> PortfolioView::exportCsv(const QString &path) const
{
    QStringList lines;
    lines.reserve(m_filter->rowCount() + 1);
    QStringList cells;
    for (int column = 0; column < PortfolioTableModel::ColumnCount; ++column)
        cells << fs::model::CsvText::cell(m_model->headerData(column, Qt::Horizontal).toString());
    lines << cells.join(QLatin1Char(','));
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const fs::model::SurveySummary &survey =
            m_model->survey(m_filter->mapToSource(m_filter->index(row, 0)).row());
        cells.clear();
        for (int column = 0; column < PortfolioTableModel::ColumnCount; ++column)
            cells << fs::model::CsvText::cell(PortfolioTableModel::text(survey, column));
        lines << cells.join(QLatin1Char(','));
    }

    // Written to a temporary file and renamed, so that a failed export never leaves half a file
    // where an older export was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray document = fs::model::CsvText::document(lines);
    if (file.write(document) != document.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    qCInfo(lcUi) << "portfolio exported:" << m_filter->rowCount() << "rows to" << path;
    return {};
}

void PortfolioView::chooseCsvFile()
{
    const QString proposal = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                 .filePath(tr("Portfolio.csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the portfolio"), proposal, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = exportCsv(path); !written)
        ErrorMessages::show(this, tr("Export the portfolio"),
                            tr("Writing %1").arg(QDir::toNativeSeparators(path)), written.error());
}

} // namespace fs::app
