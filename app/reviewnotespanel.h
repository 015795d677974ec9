#pragma once

#include "reviewcomment.h"
#include "surveyinfo.h"

#include <QFrame>

class QLabel;
class QListWidget;
class QPushButton;

namespace fs::app {

// The investigator's side of a review: a banner above the day view when the team lead returned
// the survey (差戻し) or left comments not dealt with yet. It lists the open comments with what
// they are about; double-clicking one shows the item, 対応済み marks it dealt with, and 再提出
// sends the survey back to the lead.
class ReviewNotesPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ReviewNotesPanel(QWidget *parent = nullptr);

    // The open comments with their target's text (ReviewTargetText), in order; hides the panel
    // when the survey is not returned and nothing is open.
    void setReview(const fs::model::SurveyInfo &survey, const QList<fs::model::ReviewComment> &open,
                   const QStringList &targets, bool editable);
    [[nodiscard]] QListWidget *commentList() const { return m_list; }

signals:
    void showTarget(const QString &entity, const QString &uuid);
    void resolveRequested(const QString &commentUuid);
    void resubmitRequested();

private:
    void updateButtons();

    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_resolveButton;
    QPushButton *m_resubmitButton;
    bool m_editable = false;
    bool m_returned = false;
};

} // namespace fs::app
