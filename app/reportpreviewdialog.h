#pragma once

#include <QDialog>
#include <QTemporaryDir>

#include <memory>

namespace Ui {
class ReportPreviewDialog;
}

namespace Poppler {
class Document;
}

namespace fs::model {
class Clock;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// Previews the survey report: writes the PDF to a temporary folder and shows its pages as a
// reader would (rendered by Poppler), with Save as PDF and Export to Excel beside them.
class ReportPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    ReportPreviewDialog(const fs::model::SurveyStore &store, const fs::model::Clock &clock,
                        QWidget *parent = nullptr);
    ~ReportPreviewDialog() override;

    // Writes and shows the report; false (with the reason shown) when it could not be written.
    bool generate();
    [[nodiscard]] int pageCount() const;
    [[nodiscard]] QString pdfPath() const;
    // Where Save as PDF / Export to Excel write without asking (tests); empty asks.
    void setTargetPaths(const QString &pdf, const QString &xlsx);
    void savePdf();
    void saveXlsx();

private:
    void renderNextPages();

    std::unique_ptr<Ui::ReportPreviewDialog> m_ui;
    const fs::model::SurveyStore &m_store;
    const fs::model::Clock &m_clock;
    QTemporaryDir m_folder;
    std::unique_ptr<Poppler::Document> m_document;
    int m_rendered = 0;
    QString m_pdfTarget;
    QString m_xlsxTarget;
};

} // namespace fs::app
