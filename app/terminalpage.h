#pragma once

#include "entity.h"
#include "photo.h"
#include "terminal.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;

namespace Ui {
class TerminalPage;
}

namespace fs::model {
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// 調査端末: the five terminals on the left; on the right what the workbook declared, the state of
// the check, the five checked items (OS, Windows Update, internet, antivirus/EDR, USB storage)
// with an evaluation each, a note and photos. Collector import and automatic evaluation come
// with the terminal-check feature; everything can be entered by hand.
class TerminalPage : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalPage(QWidget *parent = nullptr);
    ~TerminalPage() override;

    void setEditor(fs::model::SurveyEditor *editor);
    void setSurvey(const fs::model::SurveyStore *store, const QList<fs::model::Terminal> &terminals,
                   const QList<fs::model::Photo> &photos);

    [[nodiscard]] QString selectedTerminalUuid() const;
    void selectTerminalNo(int terminalNo, const QString &field = {});
    void showField(fs::model::Entity entity, const QString &uuid, const QString &field);
    void selectNext(int delta);
    void focusList();
    void choosePhotos();
    void addPhotoFiles(const QStringList &paths);

signals:
    void statusMessage(const QString &message);

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

    std::unique_ptr<Ui::TerminalPage> m_ui;
    QList<CheckRow> m_checkRows;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::SurveyStore *m_store = nullptr;
    QList<fs::model::Terminal> m_terminals;
    QList<fs::model::Photo> m_photos;
};

} // namespace fs::app
