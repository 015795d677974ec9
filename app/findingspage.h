#pragma once

#include "finding.h"
#include "reportdata.h"

#include <QWidget>

#include <memory>

namespace Ui {
class FindingsPage;
}

namespace fs::model {
class Clock;
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// 所見: every finding of the survey — what the rules raise from the captured facts (lines,
// devices, terminals) with the investigator's judgment on top. The investigator corrects a
// finding's status and words (the rules then leave it alone), dismisses one with a reason, or adds
// their own. Each change is one undo step, audited by the store.
class FindingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPage(QWidget *parent = nullptr);
    ~FindingsPage() override;

    // Null: read-only (a survey opened read-only shows the findings as the report would).
    void setEditor(fs::model::SurveyEditor *editor);
    void setClock(const fs::model::Clock *clock);
    void setSurvey(const fs::model::SurveyStore *store);
    // Runs the rules again and stores what they raise (when editable), then shows the findings.
    void refresh();
    // Shows the stored findings again (after an edit or undo), keeping the selection.
    void reload();
    void focusList();
    void addFinding();
    // Selects the finding with this uuid (tests, jumps from other pages).
    bool selectFinding(const QString &uuid);
    [[nodiscard]] const fs::report::ReportData &report() const { return m_report; }

signals:
    void statusMessage(const QString &message);
    // The rules ran and stored what they raise (the unsynced count may have changed).
    void findingsRefreshed();

private:
    void fillTree();
    void showSelected();
    void saveSelected();
    void dismissSelected();
    void undismissSelected();
    void removeSelected();
    void updateButtons();
    [[nodiscard]] const fs::model::Finding *selected() const;
    [[nodiscard]] bool editable() const;

    std::unique_ptr<Ui::FindingsPage> m_ui;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::SurveyStore *m_store = nullptr;
    const fs::model::Clock *m_clock = nullptr;
    fs::report::ReportData m_report;
};

} // namespace fs::app
