#pragma once

#include "backupclassifier.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;

namespace Ui {
class BackupPage;
}

namespace fs::model {
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// オフラインバックアップ: the hospital's offline-backup questionnaire (its EMR, the backups it
// keeps today and how each is kept apart from the network, the restore test, its intentions) on
// the left; on the right the support class computed from it with the reasons, what contradicts
// or needs checking, the office's decision when it differs (with its reason), and the checklist
// of what the hospital must do. Every answer is saved when it is given; Edit › Undo takes it back.
class BackupPage : public QWidget
{
    Q_OBJECT

public:
    explicit BackupPage(QWidget *parent = nullptr);
    ~BackupPage() override;

    // Null editor: read-only.
    void setSurvey(fs::model::SurveyStore *store, fs::model::SurveyEditor *editor);
    // Reads the survey again now; scheduleReload does it once control returns to the event loop
    // (after an edit made from one of this page's own widgets, which a reload replaces).
    void reload();
    void scheduleReload();
    void focusList();

    // The actions behind the buttons without their dialogs (tests, the menu).
    bool addCopy();
    bool setOverride(fs::model::SupportClass value, const QString &reason);
    bool clearOverride();
    bool setTaskState(const QString &key, const QString &state, const QString &reason = {});
    void chooseOverride();

    [[nodiscard]] const fs::model::BackupQuestionnaire &questionnaire() const { return m_questionnaire; }
    [[nodiscard]] const fs::model::BackupAssessment &assessment() const { return m_assessment; }

signals:
    void statusMessage(const QString &message);

private:
    void setupAnswers();
    void fillAnswers();
    void fillCopies();
    void fillResult();
    void fillChecklist();
    void setAnswer(const char *field, const QVariant &value);
    void setCopyAnswer(const QString &uuid, const QString &field, const QVariant &value);
    void removeSelectedCopy();
    void chooseTaskState(const QString &key, const QString &state);
    [[nodiscard]] QComboBox *choiceCombo(const QString &field, const QString &current);

    std::unique_ptr<Ui::BackupPage> m_ui;
    fs::model::SurveyStore *m_store = nullptr;
    fs::model::SurveyEditor *m_editor = nullptr;
    fs::model::BackupQuestionnaire m_questionnaire;
    fs::model::BackupAssessment m_assessment;
    bool m_filling = false;
    bool m_reloadScheduled = false;
};

} // namespace fs::app
