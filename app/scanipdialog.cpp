#include "scanipdialog.h"

#include "scanday.h"
#include "ui_scanipdialog.h"

#include <QPushButton>

namespace fs::app {

ScanIpDialog::ScanIpDialog(const fs::model::ConnectionPoint &line, const QString &defaultBy,
                           const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ScanIpDialog>())
    , m_line(line)
{
    m_ui->setupUi(this);
    m_ui->scanIpIntroLabel->setText(
        tr("%1 (line %2, %3): the global IP the hospital reads from its router today. The scan team "
           "scans only this address.")
            .arg(line.cafId)
            .arg(line.lineNo)
            .arg(line.ipAssignment.isEmpty() ? tr("IP assignment not given") : line.ipAssignment));
    m_ui->scanIpEdit->setText(line.scanIp);
    m_ui->scanIpByEdit->setText(line.scanIpConfirmedBy.isEmpty() ? defaultBy : line.scanIpConfirmedBy);
    m_ui->scanIpAtEdit->setDateTime(
        (line.scanIpConfirmedAt.isValid() ? line.scanIpConfirmedAt : now).toLocalTime());
    m_ui->scanIpErrorLabel->hide();
    setMinimumWidth(460);
    adjustSize();
    m_ui->scanIpErrorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    connect(m_ui->scanIpButtons, &QDialogButtonBox::accepted, this, &ScanIpDialog::accept);
    connect(m_ui->scanIpButtons, &QDialogButtonBox::rejected, this, &ScanIpDialog::reject);
}

ScanIpDialog::~ScanIpDialog() = default;

QString ScanIpDialog::address() const
{
    return m_ui->scanIpEdit->text().trimmed();
}

QString ScanIpDialog::confirmedBy() const
{
    return m_ui->scanIpByEdit->text().trimmed();
}

QDateTime ScanIpDialog::confirmedAt() const
{
    return m_ui->scanIpAtEdit->dateTime();
}

void ScanIpDialog::accept()
{
    QString reason;
    if (fs::model::ScanDay::checkAddress(address(), &reason).isEmpty()) {
        m_ui->scanIpErrorLabel->setText(
            tr("«%1» is not a public IP address. Enter the global IP the hospital "
               "confirmed (not a private, loopback or CGNAT address).")
                .arg(address()));
        m_ui->scanIpErrorLabel->show();
        adjustSize();
        m_ui->scanIpEdit->setFocus();
        m_ui->scanIpEdit->selectAll();
        return;
    }
    if (confirmedBy().isEmpty()) {
        m_ui->scanIpErrorLabel->setText(tr("Say who confirmed the address with the hospital."));
        m_ui->scanIpErrorLabel->show();
        adjustSize();
        m_ui->scanIpByEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace fs::app
