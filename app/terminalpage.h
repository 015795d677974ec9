#pragma once

#include "entity.h"
#include "photo.h"
#include "reviewcomment.h"
#include "terminal.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;

namespace Ui {
class TerminalPage;
}

namespace fs::model {
class Clock;
class SurveyEditor;
class SurveyStore;
class TerminalFacts;
} // namespace fs::model

namespace fs::app {

// 調査端末: the five terminals on the left; on the right what the workbook declared, the state of
// the check, the five checked items (OS, Windows Update, internet, antivirus/EDR, USB storage)
// with an evaluation each, the findings of the rules, a note and photos. The five items come from
// the collector's JSON (Ctrl+Shift+I) or the manual form (Ctrl+Shift+M), both judged by the same
// rules; each item can still be corrected by hand.
class TerminalPage : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalPage(QWidget *parent = nullptr);
    ~TerminalPage() override;

    void setEditor(fs::model::SurveyEditor *editor);
    // The clock that says which day it is (the evaluation date when no visit day is planned).
    void setClock(const fs::model::Clock *clock);
    void setSurvey(const fs::model::SurveyStore *store, const QList<fs::model::Terminal> &terminals,
                   const QList<fs::model::Photo> &photos);

    [[nodiscard]] QString selectedTerminalUuid() const;
    void selectTerminalNo(int terminalNo, const QString &field = {});
    void showField(fs::model::Entity entity, const QString &uuid, const QString &field);
    // The team lead's comments not dealt with yet: their rows are highlighted (set before setSurvey).
    void setReviewComments(const QList<fs::model::ReviewComment> &open);
    void selectNext(int delta);
    void focusList();
    void choosePhotos();
    void addPhotoFiles(const QStringList &paths);
    // Asks for collector files. One is imported for the selected terminal (or the one its computer
    // name names, after asking); a file that cannot be read changes nothing and says why.
    void chooseFactsFile();
    void importFactsFile(const QString &path);
    // Several files at once (the USB stick after all five terminals): each to the terminal its
    // computer name names, one undo step; a summary says what was imported and what was not.
    void importFactsFiles(const QStringList &paths);
    // Opens the manual form for the selected terminal, filled with what was entered before.
    void enterFactsByHand();

signals:
    void statusMessage(const QString &message);

protected:
    // Collector files dropped from the file manager (the USB stick) are imported as if chosen.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct CheckRow
    {
        QString item;
        QLineEdit *value;
        QComboBox *evaluation;
    };

    [[nodiscard]] const fs::model::Terminal *selectedTerminal() const;
    void fillList();
    void showTerminal();
    void commitCheck(const CheckRow &row);
    void showFindings(const fs::model::Terminal &terminal);
    // terminal is a copy: recording reloads the survey, which replaces m_terminals.
    bool record(fs::model::Terminal terminal, const fs::model::TerminalFacts &facts, const QString &fileName,
                const QString &undoText);

    std::unique_ptr<Ui::TerminalPage> m_ui;
    QList<CheckRow> m_checkRows;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::SurveyStore *m_store = nullptr;
    const fs::model::Clock *m_clock = nullptr;
    QList<fs::model::Terminal> m_terminals;
    QList<fs::model::Photo> m_photos;
    QList<fs::model::ReviewComment> m_reviewComments;
};

} // namespace fs::app
