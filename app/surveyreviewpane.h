#pragma once

#include "error.h"
#include "finding.h"
#include "photo.h"
#include "reviewcomment.h"
#include "surveydata.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace fs::model {
class Clock;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// The team lead's review of one survey: every captured item in a tree (the survey, lines with
// their devices, terminals, findings, photos), read-only, with what was captured beside it; the
// comments on the selected item and a box to add one; 承認 and 差戻し for the survey. The survey
// is opened for writing only the review (state and comments go through SurveyStore's review
// calls, never an editor), so the captured facts cannot change here.
class SurveyReviewPane : public QWidget
{
    Q_OBJECT

public:
    // Tree item roles: the entity key and uuid of the row an item shows.
    static constexpr int EntityRole = Qt::UserRole + 1;
    static constexpr int UuidRole = Qt::UserRole + 2;

    explicit SurveyReviewPane(const fs::model::Clock &clock, QWidget *parent = nullptr);
    ~SurveyReviewPane() override;

    // Opens a survey for review (taking its lock; a survey another FieldSurvey is editing opens
    // read-only and cannot be commented on). False with the reason shown when it cannot be read.
    bool openSurvey(const QString &path);
    void closeSurvey();
    [[nodiscard]] QString path() const;
    [[nodiscard]] fs::model::SurveyStore *store() const { return m_store.get(); }
    // Who reviews (recorded with every comment and state change).
    void setActor(const QString &actor);

    // Shows an item of the tree; false when the survey has no such row.
    bool selectItem(const QString &entity, const QString &uuid);
    // Adds a comment on the selected item (what the button does).
    bool addComment(const QString &body);
    // 承認 / 差戻し; a return needs an open comment saying what to fix.
    bool setState(fs::model::SurveyState state);

    [[nodiscard]] QTreeWidget *itemTree() const { return m_tree; }
    [[nodiscard]] QListWidget *commentList() const { return m_comments; }
    [[nodiscard]] QString errorText() const;

signals:
    // The survey's state or comments changed (the portfolio refreshes its row).
    void surveyChanged(const QString &path);

private:
    void reload();
    void fillTree();
    void showSelected();
    void updateHeader();
    void showError(const QString &action, const fs::Error &error);
    QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &entity, const QString &uuid,
                             const QString &text);
    void markComments(QTreeWidgetItem *item);
    [[nodiscard]] QString detailHtml(const QString &entity, const QString &uuid) const;

    const fs::model::Clock &m_clock;
    std::unique_ptr<fs::model::SurveyStore> m_store;
    QString m_actor;
    fs::model::SurveyData m_data;
    QList<fs::model::Photo> m_photos;
    QList<fs::model::Finding> m_findings;
    QList<fs::model::ReviewComment> m_allComments;

    QLabel *m_titleLabel;
    QLabel *m_stateLabel;
    QLabel *m_errorLabel;
    QPushButton *m_approveButton;
    QPushButton *m_returnButton;
    QTreeWidget *m_tree;
    QTextBrowser *m_detail;
    QListWidget *m_comments;
    QPlainTextEdit *m_commentEdit;
    QPushButton *m_addCommentButton;
};

} // namespace fs::app
