#pragma once

#include "review/surveysummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace fs::app {

// The team lead's portfolio: one row per survey, read from its summary. Qt::DisplayRole is the
// text shown (and exported); SortRole is what the column sorts by (numbers as numbers, dates as
// dates), so that 10 sorts after 9.
class PortfolioTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,          // 医療機関コード
        NameColumn,          // 医療機関名
        PrefectureColumn,    // 都道府県
        StateColumn,         // 状態
        StateChangedColumn,  // 状態の変更: who and when
        InvestigatorsColumn, // 調査員
        VisitDatesColumn,    // 訪問日
        DangerColumn,        // 危険
        CautionColumn,       // 注意
        UnsyncedColumn,      // 未同期
        OpenCommentsColumn,  // 未解決コメント
        ProgressColumn,      // 進捗
        ColumnCount
    };

    enum Role
    {
        SortRole = Qt::UserRole,
        PathRole, // the survey file, on every column
    };

    explicit PortfolioTableModel(QObject *parent = nullptr);

    void setSurveys(QList<fs::model::SurveySummary> surveys);
    [[nodiscard]] const QList<fs::model::SurveySummary> &surveys() const { return m_surveys; }
    [[nodiscard]] const fs::model::SurveySummary &survey(int row) const { return m_surveys.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // The text of a cell as shown and exported.
    [[nodiscard]] static QString text(const fs::model::SurveySummary &survey, int column);
    // Captured items in percent, rounded down so that 100 % means nothing is missing; -1 when the
    // survey has no items yet.
    [[nodiscard]] static int progressPercent(const fs::model::SurveySummary &survey);

private:
    QList<fs::model::SurveySummary> m_surveys;
};

} // namespace fs::app
