#pragma once

#include "scanday.h"
#include "scanport.h"
#include "surveydata.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ScanDayPage;
}

namespace fs::model {
class Clock;
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// 脆弱性診断: the scan day. Every line that asked for the vulnerability scan with the address to
// scan — its fixed global IP, or for a dynamic IP the address the hospital confirmed that day, by
// whom and when; lines that cannot be scanned are flagged. The list goes to the scan team as CSV;
// their nmap XML comes back here, its hosts matched to lines (unmatched hosts stay listed).
class ScanDayPage : public QWidget
{
    Q_OBJECT

public:
    explicit ScanDayPage(QWidget *parent = nullptr);
    ~ScanDayPage() override;

    // Null editor: read-only. The store is read for the scans; the editor writes.
    void setSurvey(fs::model::SurveyStore *store, fs::model::SurveyEditor *editor);
    void setClock(const fs::model::Clock *clock);
    // Reads the survey again; hosts are matched again when a line's addresses changed (an edit
    // or its undo) and the survey is editable.
    void reload();
    void focusList();

    // The actions behind the buttons, without their file dialogs (tests, the menu).
    bool confirmScanIp(const QString &lineUuid, const QString &address, const QString &by,
                       const QDateTime &at);
    bool importScanFile(const QString &path);
    bool exportCsv(const QString &path);
    bool selectLine(const QString &lineUuid);

    [[nodiscard]] const QList<fs::model::ScanDayRow> &rows() const { return m_rows; }

    void chooseConfirmScanIp();
    void chooseImportFiles();
    void chooseExportCsv();

signals:
    void statusMessage(const QString &message);
    // Scans were imported, removed or matched again: findings and the unsynced count changed.
    void scansChanged();

private:
    void fillTrees();
    void removeSelectedImport();
    void rematch();
    void updateButtons();
    void showError(const QString &action, const fs::Error &error);
    [[nodiscard]] const fs::model::ScanDayRow *selectedRow() const;

    std::unique_ptr<Ui::ScanDayPage> m_ui;
    fs::model::SurveyStore *m_store = nullptr;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::Clock *m_clock = nullptr;
    QList<fs::model::ConnectionPoint> m_lines;
    QList<fs::model::ScanDayRow> m_rows;
    QList<fs::model::ScanHost> m_hosts;
    QList<fs::model::ScanPort> m_ports;
    QList<fs::model::ScanImport> m_imports;
};

} // namespace fs::app
