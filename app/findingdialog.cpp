#include "findingdialog.h"

#include "modellabels.h"
#include "ui_findingdialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace fs::app {

FindingDialog::FindingDialog(const fs::report::ReportData &report, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FindingDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FindingDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FindingDialog::reject);
    const auto addTarget = [this](const QString &label, const QString &entity, qint64 id) {
        m_ui->targetCombo->addItem(label, QVariantList{entity, id});
    };
    addTarget(tr("The whole survey"), QStringLiteral("survey"), 0);
    for (const fs::model::ConnectionPoint &cp : report.data.connectionPoints) {
        addTarget(tr("Line %1 %2").arg(cp.cafId, cp.purpose).trimmed(), QStringLiteral("connection_point"),
                  cp.id);
        for (const fs::model::Device &d : cp.devices) {
            addTarget(tr("Device %1 %2 %3").arg(cp.cafId, d.model, d.hostname).simplified(),
                      QStringLiteral("device"), d.id);
        }
    }
    for (const fs::model::Terminal &t : report.data.terminals)
        addTarget(tr("Terminal %1 %2").arg(t.terminalNo).arg(t.hostname).trimmed(),
                  QStringLiteral("terminal"), t.id);
    for (const QString &status :
         {QStringLiteral("danger"), QStringLiteral("caution"), QStringLiteral("none")})
        m_ui->statusCombo->addItem(ModelLabels::value(QStringLiteral("finding_status"), status), status);
    m_ui->statusCombo->setCurrentIndex(1);
    m_ui->textEdit->setMinimumHeight(70);
}

FindingDialog::~FindingDialog() = default;

void FindingDialog::setTarget(const QString &entity, qint64 id)
{
    for (int i = 0; i < m_ui->targetCombo->count(); ++i) {
        const QVariantList target = m_ui->targetCombo->itemData(i).toList();
        if (target.value(0).toString() == entity && target.value(1).toLongLong() == id) {
            m_ui->targetCombo->setCurrentIndex(i);
            return;
        }
    }
}

fs::model::Finding FindingDialog::finding() const
{
    fs::model::Finding f;
    const QVariantList target = m_ui->targetCombo->currentData().toList();
    f.targetEntity = target.value(0).toString();
    f.targetId = target.value(1).toLongLong();
    f.status = m_ui->statusCombo->currentData().toString();
    f.category = m_ui->categoryEdit->text().trimmed();
    f.text = m_ui->textEdit->toPlainText().trimmed();
    f.evidence = m_ui->evidenceEdit->toPlainText().trimmed();
    f.recommendation = m_ui->recommendationEdit->toPlainText().trimmed();
    return f;
}

void FindingDialog::accept()
{
    if (m_ui->textEdit->toPlainText().trimmed().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Write what was found."));
        m_ui->textEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace fs::app
