#pragma once

#include "importwarning.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class ImportResultDialog;
}

namespace fs::app {

// What a workbook import brought in and every warning with its sheet and cell. Choosing a warning
// asks the main window to show the item concerned.
class ImportResultDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportResultDialog(QWidget *parent = nullptr);
    ~ImportResultDialog() override;

    void setResult(const QString &summary, const QList<fs::model::ImportWarning> &warnings);
    [[nodiscard]] int warningCount() const;

signals:
    // subject as stored with the warning, e.g. "line:1/global_ip".
    void jumpRequested(const QString &subject);

private:
    void jumpToCurrent();

    std::unique_ptr<Ui::ImportResultDialog> m_ui;
};

} // namespace fs::app
