#pragma once

#include "error.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace fs::model {
class ConnectionPointTableModel;
class ScheduleTableModel;
class SurveyEditor;
class SurveyStore;
class TerminalTableModel;
struct FieldRef;
} // namespace fs::model

namespace fs::sync {
class ConnectivityMonitor;
enum class Connectivity;
} // namespace fs::sync

namespace fs::app {

class FloorPlanPreview;
class ImportResultDialog;

// The investigator's main window: the hospital header, the day schedule, connection points,
// terminals and floor plans of one survey, and a status bar that says what is not synced yet and
// whether there is a network.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the survey in store; the window owns it from now on.
    void setSurvey(std::unique_ptr<fs::model::SurveyStore> store);
    [[nodiscard]] fs::model::SurveyStore *survey() const { return m_store.get(); }
    // Applies edits to the open survey with undo; null when no survey is open.
    [[nodiscard]] fs::model::SurveyEditor *editor() const { return m_editor.get(); }

    // Opens a survey file and shows it; on failure shows the error and keeps the current survey.
    // A survey another FieldSurvey is editing can be opened read-only instead.
    bool openSurveyFile(const QString &path, bool readOnly = false);
    // Writes a fresh demo survey into the app's data folder and shows it.
    bool openDemoSurvey();
    // Imports a hospital's workbook into a new survey file at surveyPath, shows the survey and the
    // import's warnings. A refused workbook creates no file.
    bool importWorkbookFile(const QString &workbook, const QString &surveyPath);
    // Shows the item an import warning is about ("line:3/global_ip", "terminal:2", …).
    void jumpTo(const QString &subject);

    // Where the demo survey file lives.
    [[nodiscard]] static QString demoSurveyPath();

private:
    void chooseSurveyFile(bool readOnly);
    void chooseWorkbook();
    void showImportWarnings();
    void showAbout();
    // Refills the window from the store; floor plans (decoding their images) only when asked,
    // since field edits do not change them.
    void reload(bool floorPlans = true);
    void updateSyncStatus();
    void updateConnectivity(fs::sync::Connectivity connectivity);
    void showError(const QString &action, const fs::Error &error);
    void applyNoteEdit(const fs::model::FieldRef &ref, const QVariant &value);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<fs::model::SurveyStore> m_store;
    std::unique_ptr<fs::model::SurveyEditor> m_editor; // declared after m_store: destroyed first
    fs::model::ScheduleTableModel *m_scheduleModel;
    fs::model::ConnectionPointTableModel *m_connectionPointModel;
    fs::model::TerminalTableModel *m_terminalModel;
    fs::sync::ConnectivityMonitor *m_connectivity;
    FloorPlanPreview *m_floorPlanPreview;
    ImportResultDialog *m_importResult = nullptr;
    QLabel *m_fileLabel;
    QLabel *m_unsyncedLabel;
    QLabel *m_networkLabel;
};

} // namespace fs::app
