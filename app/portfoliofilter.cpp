#include "portfoliofilter.h"

#include "portfoliotablemodel.h"

namespace fs::app {

PortfolioFilter::PortfolioFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PortfolioTableModel::SortRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PortfolioFilter::setPortfolioModel(PortfolioTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void PortfolioFilter::setPrefecture(const QString &prefecture)
{
    if (prefecture == m_prefecture)
        return;
    m_prefecture = prefecture;
    invalidateFilter();
}

void PortfolioFilter::setState(std::optional<fs::model::SurveyState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

void PortfolioFilter::setInvestigator(const QString &name)
{
    if (name == m_investigator)
        return;
    m_investigator = name;
    invalidateFilter();
}

void PortfolioFilter::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

bool PortfolioFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid() || sourceRow < 0 || sourceRow >= m_model->rowCount())
        return false;
    const fs::model::SurveySummary &survey = m_model->survey(sourceRow);
    if (!m_prefecture.isEmpty() && survey.prefecture != m_prefecture)
        return false;
    if (m_state && survey.state != *m_state)
        return false;
    if (!m_investigator.isEmpty() && !survey.investigators.contains(m_investigator))
        return false;
    if (!m_searchText.isEmpty() && !survey.hospitalCode.contains(m_searchText, Qt::CaseInsensitive) &&
        !survey.hospitalName.contains(m_searchText, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace fs::app
