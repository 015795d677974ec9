#pragma once

#include "error.h"
#include "fieldmapping.h"
#include "portalconfig.h"
#include "syncengine.h"
#include "syncstate.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLineEdit;

namespace Ui {
class SyncDialog;
}

namespace fs::model {
class SurveyStore;
}

namespace fs::app {

// Syncs the open survey with the programme's portal (kintone): the portal configuration file the
// office hands out, the certificate passphrase and password typed for this sync only, progress
// with pause and stop, then what is still unsent (未送信), the conflicts to decide (競合) and the
// reviewers' comments (レビューコメント). Everything is shown inline; the dialog opens no message
// box of its own.
class SyncDialog : public QDialog
{
    Q_OBJECT

public:
    // configPath: the portal configuration to use; empty = the one chosen last time (settings).
    explicit SyncDialog(fs::model::SurveyStore &store, QWidget *parent = nullptr,
                        const QString &configPath = {});
    ~SyncDialog() override;

    // Loads the configuration at path and shows its portal and login (or why it cannot be used);
    // a usable path is remembered for the next time.
    bool setConfigPath(const QString &path);
    [[nodiscard]] QString configPath() const;
    [[nodiscard]] bool hasConfig() const { return m_config.has_value(); }

    // Runs one sync with what the form holds (the Sync button); returns once it has ended. The
    // window stays responsive meanwhile: Pause and Stop act on the sync under way.
    void startSync();
    void pause(bool paused);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_engine != nullptr; }

    // What the last sync did, or why it failed (one of the two once a sync has ended).
    [[nodiscard]] const std::optional<fs::sync::SyncReport> &lastReport() const { return m_report; }
    [[nodiscard]] const std::optional<fs::Error> &lastError() const { return m_error; }

    // Decides the conflict selected on the Conflicts tab.
    void keepLocal();
    void takePortal();

    // Rereads the queue, the conflicts and the comments from the survey.
    void refresh();

signals:
    // The survey's data changed here (portal changes taken, a conflict decided with the portal's
    // value): the window showing it reloads.
    void surveyChanged();
    // What is unsent or in conflict may have changed (after a sync or a decision).
    void syncStateChanged();

protected:
    void reject() override;

private:
    void chooseConfig();
    void loadConfigFromEdit();
    void setRunning(bool running);
    void showProgress(const fs::sync::SyncProgress &progress);
    void showReport(const fs::sync::SyncReport &report);
    void showError(const fs::Error &error);
    void showInline(const QString &headline, const QString &detail = {});
    void refreshQueue();
    void refreshConflicts();
    void refreshComments();
    void updateDecisionButtons();
    void decide(bool keepLocal);
    [[nodiscard]] const fs::model::SyncConflict *selectedConflict() const;
    [[nodiscard]] QString fieldLabel(const fs::model::SyncConflict &conflict) const;
    // The secret typed in edit (then cleared), or the one remembered today for account.
    [[nodiscard]] fs::model::Secret takeSecret(QLineEdit *edit, const QString &account, bool *typed);
    [[nodiscard]] QString keychainAccount(const QString &kind) const;
    [[nodiscard]] static QString entityLabel(const QString &entity);
    [[nodiscard]] static QString stepLabel(const QString &step);

    std::unique_ptr<Ui::SyncDialog> m_ui;
    fs::model::SurveyStore &m_store;
    std::optional<fs::sync::PortalConfig> m_config;
    std::optional<fs::sync::FieldMapping> m_mapping;
    fs::sync::SyncEngine *m_engine = nullptr; // while a sync runs
    std::optional<fs::sync::SyncReport> m_report;
    std::optional<fs::Error> m_error;
    QList<fs::model::SyncConflict> m_conflicts; // as the Conflicts tab shows them
};

} // namespace fs::app
