#include "backupoverridedialog.h"

#include "ui_backupoverridedialog.h"

#include <QPushButton>

namespace fs::app {

using fs::model::BackupOptions;
using fs::model::SupportClass;

BackupOverrideDialog::BackupOverrideDialog(SupportClass computed, SupportClass current, const QString &reason,
                                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BackupOverrideDialog>())
{
    m_ui->setupUi(this);
    m_ui->overrideIntroLabel->setText(
        tr("The answers give %1. Choose the class the office decided and say why; the decision is recorded "
           "with your name and synced.")
            .arg(BackupOptions::classLabel(computed)));
    for (SupportClass c : {SupportClass::SupportA, SupportClass::SupportB, SupportClass::SupportC,
                           SupportClass::ReportOnly, SupportClass::NotApplicable}) {
        m_ui->overrideClassCombo->addItem(
            QStringLiteral("%1 — %2").arg(BackupOptions::classLabel(c), BackupOptions::classSupport(c)),
            int(c));
    }
    const int index =
        m_ui->overrideClassCombo->findData(int(current == SupportClass::Unclassified ? computed : current));
    m_ui->overrideClassCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_ui->overrideReasonEdit->setPlainText(reason);
    connect(m_ui->overrideReasonEdit, &QPlainTextEdit::textChanged, this, &BackupOverrideDialog::updateOk);
    connect(m_ui->overrideButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->overrideButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
    m_ui->overrideClassCombo->setFocus();
}

BackupOverrideDialog::~BackupOverrideDialog() = default;

SupportClass BackupOverrideDialog::chosenClass() const
{
    return SupportClass(m_ui->overrideClassCombo->currentData().toInt());
}

QString BackupOverrideDialog::reason() const
{
    return m_ui->overrideReasonEdit->toPlainText().trimmed();
}

void BackupOverrideDialog::updateOk()
{
    m_ui->overrideButtons->button(QDialogButtonBox::Ok)->setEnabled(!reason().isEmpty());
}

} // namespace fs::app
