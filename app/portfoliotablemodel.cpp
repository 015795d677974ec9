#include "portfoliotablemodel.h"

#include "modellabels.h"

#include <QColor>

namespace fs::app {

namespace {

QString dayText(const QDate &date)
{
    return date.toString(QStringLiteral("yyyy/MM/dd"));
}

// Japanese lists separate names with the ideographic comma; dates follow the same style so that
// one row reads as one sentence.
const QString kListSeparator = QStringLiteral("、");

} // namespace

PortfolioTableModel::PortfolioTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PortfolioTableModel::setSurveys(QList<fs::model::SurveySummary> surveys)
{
    beginResetModel();
    m_surveys = std::move(surveys);
    endResetModel();
}

int PortfolioTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_surveys.size());
}

int PortfolioTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int PortfolioTableModel::progressPercent(const fs::model::SurveySummary &survey)
{
    if (survey.itemsTotal <= 0)
        return -1;
    return int(qint64(survey.itemsCaptured) * 100 / survey.itemsTotal);
}

QString PortfolioTableModel::text(const fs::model::SurveySummary &survey, int column)
{
    switch (column) {
    case CodeColumn:
        return survey.hospitalCode;
    case NameColumn:
        return survey.hospitalName;
    case PrefectureColumn:
        return survey.prefecture;
    case StateColumn:
        return ModelLabels::surveyState(survey.state);
    case StateChangedColumn: {
        QStringList parts;
        if (!survey.stateChangedBy.isEmpty())
            parts << survey.stateChangedBy;
        if (survey.stateChangedAt.isValid())
            parts << dayText(survey.stateChangedAt.toLocalTime().date());
        return parts.join(QLatin1Char(' '));
    }
    case InvestigatorsColumn:
        return survey.investigators.join(kListSeparator);
    case VisitDatesColumn: {
        QStringList days;
        for (const QDate &date : survey.visitDates)
            days << dayText(date);
        return days.join(kListSeparator);
    }
    case DangerColumn:
        return QString::number(survey.dangerCount);
    case CautionColumn:
        return QString::number(survey.cautionCount);
    case UnsyncedColumn:
        return QString::number(survey.unsyncedChanges);
    case OpenCommentsColumn:
        return QString::number(survey.openComments);
    case ProgressColumn: {
        const int percent = progressPercent(survey);
        return percent < 0 ? QStringLiteral("—") : QString::number(percent) + QLatin1Char('%');
    }
    default:
        return {};
    }
}

QVariant PortfolioTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const fs::model::SurveySummary &survey = m_surveys.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(survey, column);
    case Qt::ToolTipRole:
        if (column == ProgressColumn)
            return tr("%1 of %2 items captured").arg(survey.itemsCaptured).arg(survey.itemsTotal);
        if (column == CodeColumn || column == NameColumn)
            return survey.path;
        return {};
    case Qt::TextAlignmentRole:
        if (column >= DangerColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        // The same tints as the findings page, so that 危険 and 注意 look alike everywhere.
        if (column == DangerColumn && survey.dangerCount > 0)
            return QColor(0xf8, 0xd0, 0xcc);
        if (column == CautionColumn && survey.cautionCount > 0)
            return QColor(0xfd, 0xeb, 0xb6);
        return {};
    case SortRole:
        switch (column) {
        case StateColumn:
            return int(survey.state); // the workflow order 作成中 → 承認, not the alphabet
        case StateChangedColumn:
            return survey.stateChangedAt;
        case VisitDatesColumn:
            return survey.visitDates.isEmpty() ? QDate() : survey.visitDates.constFirst();
        case DangerColumn:
            return survey.dangerCount;
        case CautionColumn:
            return survey.cautionCount;
        case UnsyncedColumn:
            return survey.unsyncedChanges;
        case OpenCommentsColumn:
            return survey.openComments;
        case ProgressColumn:
            return progressPercent(survey);
        default:
            return text(survey, column);
        }
    case PathRole:
        return survey.path;
    default:
        return {};
    }
}

QVariant PortfolioTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Hospital code");
    case NameColumn:
        return tr("Hospital");
    case PrefectureColumn:
        return tr("Prefecture");
    case StateColumn:
        return tr("State");
    case StateChangedColumn:
        return tr("State changed");
    case InvestigatorsColumn:
        return tr("Investigators");
    case VisitDatesColumn:
        return tr("Visit dates");
    case DangerColumn:
        return tr("Danger");
    case CautionColumn:
        return tr("Caution");
    case UnsyncedColumn:
        return tr("Unsynced");
    case OpenCommentsColumn:
        return tr("Open comments");
    case ProgressColumn:
        return tr("Progress");
    default:
        return {};
    }
}

} // namespace fs::app
