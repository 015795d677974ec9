#pragma once

#include "finding.h"
#include "reportdata.h"

#include <QDialog>

#include <memory>

namespace Ui {
class FindingDialog;
}

namespace fs::app {

// Asks for the investigator's own finding: what it is about (the survey, a line, a device or a
// terminal), its status, category, text, evidence and recommendation.
class FindingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindingDialog(const fs::report::ReportData &report, QWidget *parent = nullptr);
    ~FindingDialog() override;

    // Preselects a target ("connection_point", id), e.g. the finding selected on the page.
    void setTarget(const QString &entity, qint64 id);
    [[nodiscard]] fs::model::Finding finding() const;

    void accept() override;

private:
    std::unique_ptr<Ui::FindingDialog> m_ui;
};

} // namespace fs::app
