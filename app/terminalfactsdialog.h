#pragma once

#include "manualterminalfacts.h"

#include <QDialog>

#include <memory>

class QComboBox;

namespace Ui {
class TerminalFactsDialog;
}

namespace fs::app {

// 手入力: a terminal's facts as the investigator saw them (winver, the antivirus window, a test
// USB stick), for terminals where the collector may not run. The same rules judge them.
class TerminalFactsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TerminalFactsDialog(QWidget *parent = nullptr);
    ~TerminalFactsDialog() override;

    void setFacts(const fs::model::ManualTerminalFacts &facts);
    // The form; computerName, enteredBy and enteredAt stay as setFacts gave them.
    [[nodiscard]] fs::model::ManualTerminalFacts facts() const;

    void accept() override;

private:
    void fillCombo(QComboBox *combo, const QList<std::pair<QString, QString>> &items);
    void updateEsu();

    std::unique_ptr<Ui::TerminalFactsDialog> m_ui;
    fs::model::ManualTerminalFacts m_facts;
};

} // namespace fs::app
