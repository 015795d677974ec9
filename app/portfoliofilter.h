#pragma once

#include "surveyinfo.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace fs::app {

class PortfolioTableModel;

// Which surveys of the portfolio are shown: by prefecture, review state, investigator and a text
// searched in the hospital's code and name. An empty criterion lets every survey through. Sorting
// uses PortfolioTableModel::SortRole, so numbers and dates sort as such.
class PortfolioFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PortfolioFilter(QObject *parent = nullptr);

    // The source must be a PortfolioTableModel: the filter reads the summaries, not the texts.
    void setPortfolioModel(PortfolioTableModel *model);

    void setPrefecture(const QString &prefecture);
    void setState(std::optional<fs::model::SurveyState> state);
    // A survey matches when any of its investigators has this name.
    void setInvestigator(const QString &name);
    // Part of the hospital code or name, case-insensitive.
    void setSearchText(const QString &text);

    [[nodiscard]] const QString &prefecture() const { return m_prefecture; }
    [[nodiscard]] std::optional<fs::model::SurveyState> state() const { return m_state; }
    [[nodiscard]] const QString &investigator() const { return m_investigator; }
    [[nodiscard]] const QString &searchText() const { return m_searchText; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    PortfolioTableModel *m_model = nullptr;
    QString m_prefecture;
    std::optional<fs::model::SurveyState> m_state;
    QString m_investigator;
    QString m_searchText;
};

} // namespace fs::app
