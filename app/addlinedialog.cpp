#include "addlinedialog.h"

#include "keycombo.h"
#include "ui_addlinedialog.h"

#include <QPushButton>

namespace fs::app {

AddLineDialog::AddLineDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddLineDialog>())
{
    m_ui->setupUi(this);
    fillKeyCombo(m_ui->equipmentTypeCombo, QStringLiteral("equipment"), fs::model::kEquipmentTypeKeys);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Add line"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AddLineDialog::~AddLineDialog() = default;

fs::model::ConnectionPoint AddLineDialog::connectionPoint() const
{
    using namespace fs::model;
    ConnectionPoint line;
    line.origin = Origin::FoundOnSite;
    line.equipmentType =
        kEquipmentTypeKeys.parseOr(m_ui->equipmentTypeCombo->currentData().toString(), EquipmentType::Other);
    line.purpose = m_ui->purposeEdit->text().trimmed();
    line.carrier = m_ui->carrierEdit->text().trimmed();
    line.lineType = m_ui->lineTypeEdit->text().trimmed();
    line.note = m_ui->noteEdit->text().trimmed();
    const QString location = m_ui->locationEdit->text().trimmed();
    if (!location.isEmpty()) {
        // Nothing was declared: where it was found is the corrected location.
        line.onuLocationStatus = OnuLocationStatus::Corrected;
        line.onuLocationFound = location;
    }
    return line;
}

} // namespace fs::app
