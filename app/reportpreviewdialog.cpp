#include "reportpreviewdialog.h"

#include "clock.h"
#include "errormessages.h"
#include "logging.h"
#include "pdfreport.h"
#include "reportdata.h"
#include "surveystore.h"
#include "ui_reportpreviewdialog.h"
#include "xlsxexport.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <poppler-qt6.h>

namespace fs::app {

namespace {

constexpr double kPreviewDpi = 80;
constexpr int kPagesPerStep = 3;

void showError(QWidget *parent, const QString &action, const fs::Error &error)
{
    ErrorMessages::show(parent, ReportPreviewDialog::tr("Survey report"), action, error);
}

} // namespace

ReportPreviewDialog::ReportPreviewDialog(const fs::model::SurveyStore &store, const fs::model::Clock &clock,
                                         QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReportPreviewDialog>())
    , m_store(store)
    , m_clock(clock)
{
    m_ui->setupUi(this);
    // A4 at kPreviewDpi.
    m_ui->pageList->setIconSize(QSize(qRound(210 / 25.4 * kPreviewDpi), qRound(297 / 25.4 * kPreviewDpi)));
    connect(m_ui->savePdfButton, &QPushButton::clicked, this, &ReportPreviewDialog::savePdf);
    connect(m_ui->saveXlsxButton, &QPushButton::clicked, this, &ReportPreviewDialog::saveXlsx);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 900);
}

ReportPreviewDialog::~ReportPreviewDialog() = default;

QString ReportPreviewDialog::pdfPath() const
{
    return QDir(m_folder.path()).filePath(QStringLiteral("report.pdf"));
}

int ReportPreviewDialog::pageCount() const
{
    return m_document ? m_document->numPages() : 0;
}

void ReportPreviewDialog::setTargetPaths(const QString &pdf, const QString &xlsx)
{
    m_pdfTarget = pdf;
    m_xlsxTarget = xlsx;
}

bool ReportPreviewDialog::generate()
{
    m_ui->pageList->clear();
    m_document.reset();
    m_rendered = 0;
    auto data = fs::report::ReportData::gather(m_store, m_clock.now().toLocalTime().date());
    fs::Result<fs::report::PdfReportSummary> written =
        data ? fs::report::PdfReport::write(m_store, *data, pdfPath()) : tl::unexpected(data.error());
    if (!written) {
        showError(this, tr("Writing the report"), written.error());
        return false;
    }
    m_document = Poppler::Document::load(pdfPath());
    if (!m_document) {
        QMessageBox::warning(this, windowTitle(), tr("The report was written but cannot be shown."));
        return false;
    }
    m_document->setRenderHint(Poppler::Document::Antialiasing);
    m_document->setRenderHint(Poppler::Document::TextAntialiasing);
    m_ui->pageCountLabel->setText(tr("%n page(s)", nullptr, m_document->numPages()));
    renderNextPages();
    return true;
}

void ReportPreviewDialog::renderNextPages()
{
    if (!m_document)
        return;
    const int end = std::min(m_document->numPages(), m_rendered + kPagesPerStep);
    for (; m_rendered < end; ++m_rendered) {
        std::unique_ptr<Poppler::Page> page = m_document->page(m_rendered);
        if (!page)
            continue;
        const QImage image = page->renderToImage(kPreviewDpi, kPreviewDpi);
        // The page alone (its number is printed on it); the number for screen readers and tooltips.
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(image)), QString());
        item->setToolTip(tr("Page %1").arg(m_rendered + 1));
        item->setData(Qt::AccessibleTextRole, tr("Page %1").arg(m_rendered + 1));
        item->setSizeHint(image.size() + QSize(4, 4));
        m_ui->pageList->addItem(item);
    }
    if (m_rendered < m_document->numPages())
        QTimer::singleShot(0, this, &ReportPreviewDialog::renderNextPages);
}

void ReportPreviewDialog::savePdf()
{
    QString target = m_pdfTarget;
    if (target.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        target = QFileDialog::getSaveFileName(this, tr("Save the report"),
                                              QDir(folder).filePath(tr("report.pdf")), tr("PDF (*.pdf)"));
        if (target.isEmpty())
            return;
    }
    QFile::remove(target);
    if (!QFile::copy(pdfPath(), target)) {
        QMessageBox::warning(
            this, windowTitle(),
            tr("The report could not be saved to %1.").arg(QDir::toNativeSeparators(target)));
        return;
    }
    qCInfo(lcUi) << "report saved to" << target;
}

void ReportPreviewDialog::saveXlsx()
{
    QString target = m_xlsxTarget;
    if (target.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        target = QFileDialog::getSaveFileName(this, tr("Export the results"),
                                              QDir(folder).filePath(tr("results.xlsx")),
                                              tr("Excel workbook (*.xlsx)"));
        if (target.isEmpty())
            return;
    }
    auto data = fs::report::ReportData::gather(m_store, m_clock.now().toLocalTime().date());
    auto written = data ? fs::report::XlsxExport::write(data->data, data->findings, target)
                        : fs::Result<void>(tl::unexpected(data.error()));
    if (!written)
        showError(this, tr("Exporting the results"), written.error());
}

} // namespace fs::app
