#pragma once

#include "connectionpoint.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AddLineDialog;
}

namespace fs::app {

// Asks for what an investigator knows of a line found on site that the hospital did not declare
// (未申告): what terminates it (ONU, CATV modem, HGW, CTU, ADSL modem, home or mobile router, USB
// dongle) and where it was found.
class AddLineDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddLineDialog(QWidget *parent = nullptr);
    ~AddLineDialog() override;

    // The line to add: origin found on site, its location recorded as found.
    [[nodiscard]] fs::model::ConnectionPoint connectionPoint() const;

private:
    std::unique_ptr<Ui::AddLineDialog> m_ui;
};

} // namespace fs::app
