#pragma once

#include "error.h"
#include "photo.h"
#include "surveydata.h"
#include "surveyprogress.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace fs::model {
class Clock;
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::collect {
class ProfileSet;
}

namespace fs::sync {
class ConnectivityMonitor;
enum class Connectivity;
} // namespace fs::sync

namespace fs::app {

class CompletenessPanel;
class FloorPlanPage;
class ImportResultDialog;
class ReviewNotesPanel;
class ShortcutOverlay;

// The investigator's main window: the hospital header; the day schedule, the connection points,
// the terminals and the floor plans of one survey on tabs; what is still missing for the day in a
// panel beside them; and a status bar that says what is not synced yet and whether there is a
// network. Every edit is saved when it is made; Edit › Undo takes it back.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        SchedulePageIndex,
        ConnectionPointPageIndex,
        TerminalPageIndex,
        FloorPlanPageIndex,
        FindingsPageIndex,
        ScanDayPageIndex,
        BackupPageIndex
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the survey in store; the window owns it from now on.
    void setSurvey(std::unique_ptr<fs::model::SurveyStore> store);
    [[nodiscard]] fs::model::SurveyStore *survey() const { return m_store.get(); }
    // Applies edits to the open survey with undo; null when no survey is open.
    [[nodiscard]] fs::model::SurveyEditor *editor() const { return m_editor.get(); }
    // Where "now" comes from for the schedule (recorded times, the late warning); tests set a
    // fixed clock. The clock must outlive the window.
    void setClock(const fs::model::Clock *clock);

    // Opens a survey file and shows it; on failure shows the error and keeps the current survey.
    // A survey another FieldSurvey is editing can be opened read-only instead.
    bool openSurveyFile(const QString &path, bool readOnly = false);
    // Writes every photo into folder with its location data removed (File › Export photos).
    bool exportPhotosTo(const QString &folder);
    // Writes a fresh demo survey into the app's data folder and shows it.
    bool openDemoSurvey();
    // Imports a hospital's workbook into a new survey file at surveyPath, shows the survey and the
    // import's warnings. A refused workbook creates no file.
    bool importWorkbookFile(const QString &workbook, const QString &surveyPath);
    // Shows the item an import warning is about ("line:3/global_ip", "terminal:2", …).
    void jumpTo(const QString &subject);
    // Shows where a missing item of the day is entered.
    void showMissingItem(const fs::model::MissingItem &item);
    void showPage(Page page);
    // Reads the selected device's facts from the device itself (SSH, console, pasted log).
    void collectFromDevice();
    // Syncs the survey with the programme's portal (File › Sync with the portal).
    void syncWithPortal();
    // Marks the survey submitted (提出済) for the team lead: from 作成中, or again after 差戻し.
    bool submitForReview();
    // Marks a team lead's comment dealt with (the next sync tells the lead).
    bool resolveReviewComment(const QString &commentUuid);
    // Opens the team lead's review window (File › Review surveys) on a folder the user picks.
    void openReviewWindow();
    [[nodiscard]] ReviewNotesPanel *reviewNotes() const { return m_reviewNotes; }

    // Where the demo survey file lives.
    [[nodiscard]] static QString demoSurveyPath();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseSurveyFile(bool readOnly);
    void chooseWorkbook();
    void showImportWarnings();
    void showAbout();
    void toggleShortcuts();
    // Refills the window from the store (a floor plan's picture is decoded once, when first
    // shown). reset starts over on today's day (a new survey).
    void reload(bool reset = false);
    // Recomputes the schedule's progress from the data already read (the clock moved on).
    void refreshProgress(bool reset = false);
    void updateCompleteness();
    void updateActions();
    // Writes the terminal collector script and its wrapper to a folder the investigator picks.
    void saveCollector();
    // The survey report: stores what the rules raise now (when editable), then previews the PDF,
    // saves it, or exports the results to Excel.
    void previewReport();
    void saveReport();
    void exportResults();
    void exportPhotos();
    void refreshFindingsBeforeReport();
    void updateSyncStatus();
    // The team lead's open comments: the banner above the tabs and the highlighted rows.
    void updateReviewNotes();
    void showReviewTarget(const QString &entity, const QString &uuid);
    void updateConnectivity(fs::sync::Connectivity connectivity);
    void showError(const QString &action, const fs::Error &error);
    void openStep(fs::model::StepKind kind);
    void selectNext(int delta);
    // Saves what is being typed in the focused field before the window acts on the survey.
    void commitPendingEdit();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<fs::model::SurveyStore> m_store;
    std::unique_ptr<fs::model::SurveyEditor> m_editor; // declared after m_store: destroyed first
    const fs::model::Clock *m_clock;
    fs::sync::ConnectivityMonitor *m_connectivity;
    FloorPlanPage *m_floorPlanPage;
    CompletenessPanel *m_completeness;
    ReviewNotesPanel *m_reviewNotes;
    ShortcutOverlay *m_shortcuts;
    ImportResultDialog *m_importResult = nullptr;
    QTimer *m_minuteTimer;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QLabel *m_fileLabel;
    QLabel *m_unsyncedLabel;
    QLabel *m_networkLabel;
    fs::model::SurveyData m_data;
    QList<fs::model::Photo> m_photos;
    QList<fs::model::DayProgress> m_progress;
    std::unique_ptr<fs::collect::ProfileSet> m_profiles; // loaded when first needed
};

} // namespace fs::app
