#pragma once

#include "backupquestionnaire.h"

#include <QDialog>

#include <memory>

namespace Ui {
class BackupOverrideDialog;
}

namespace fs::app {

// The office decides a hospital's support class otherwise than the answers say: the class and the
// reason (required — OK stays disabled without one).
class BackupOverrideDialog : public QDialog
{
    Q_OBJECT

public:
    BackupOverrideDialog(fs::model::SupportClass computed, fs::model::SupportClass current,
                         const QString &reason, QWidget *parent = nullptr);
    ~BackupOverrideDialog() override;

    [[nodiscard]] fs::model::SupportClass chosenClass() const;
    [[nodiscard]] QString reason() const;

private:
    void updateOk();

    std::unique_ptr<Ui::BackupOverrideDialog> m_ui;
};

} // namespace fs::app
