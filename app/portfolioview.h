#pragma once

#include "error.h"
#include "review/surveysummary.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fs::app {

class PortfolioFilter;
class PortfolioTableModel;

// The team lead's table of surveys (one row per hospital) with a filter bar above it: 都道府県,
// 状態, 調査員 and a search in the hospital's code and name; "n / m 件" counts what is shown. The
// rows shown, in their order, are what CSV export writes and what the dashboards summarise.
class PortfolioView : public QWidget
{
    Q_OBJECT

public:
    explicit PortfolioView(QWidget *parent = nullptr);
    ~PortfolioView() override;

    // Shows these surveys; the filter choices stay where they still exist.
    void setSurveys(QList<fs::model::SurveySummary> surveys);
    [[nodiscard]] const QList<fs::model::SurveySummary> &surveys() const;
    // The surveys the filter lets through, in display (sort) order.
    [[nodiscard]] QList<fs::model::SurveySummary> shownSurveys() const;

    // Writes the rows shown, in display order, with a header row: UTF-8 CSV for Excel (BOM, CRLF,
    // formula-safe cells). The CSV button asks for the file and calls this.
    [[nodiscard]] Result<void> exportCsv(const QString &path) const;
    // Asks for the file (the CSV button, File › Export) and writes it.
    void chooseCsvFile();

    [[nodiscard]] PortfolioFilter *filter() const { return m_filter; }
    [[nodiscard]] QTableView *table() const { return m_table; }

signals:
    // Double-click or Enter on a row: the survey file to open.
    void surveyActivated(const QString &path);
    // The set of surveys shown changed (new surveys or another filter); not sent for sorting.
    void shownSurveysChanged();

private:
    void fillFilterCombos();
    void applyFilter();
    void takeFilterBar();
    // Notes which source rows are shown; true when they differ from the last time.
    bool rememberShownRows();
    void updateCount();

    PortfolioTableModel *m_model = nullptr;
    PortfolioFilter *m_filter = nullptr;
    QComboBox *m_prefectureCombo = nullptr;
    QComboBox *m_stateCombo = nullptr;
    QComboBox *m_investigatorCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_csvButton = nullptr;
    QTableView *m_table = nullptr;
    QList<int> m_shownRows; // source rows last announced, sorted: to skip announcing no change
};

} // namespace fs::app
