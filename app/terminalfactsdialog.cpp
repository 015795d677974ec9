#include "terminalfactsdialog.h"

#include "ui_terminalfactsdialog.h"

#include <QPushButton>

namespace fs::app {

namespace {

using fs::model::ManualTerminalFacts;
using Answer = fs::model::ManualTerminalFacts::Answer;

void setComboData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

TerminalFactsDialog::TerminalFactsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TerminalFactsDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Save and evaluate"));

    m_ui->editionCombo->addItem(tr("Unknown"), QString());
    for (const auto &e : ManualTerminalFacts::editions())
        m_ui->editionCombo->addItem(QString(e.caption).remove(QStringLiteral("Microsoft ")), e.key);
    m_ui->editionCombo->setMaxVisibleItems(20);
    const QList<std::pair<QString, QString>> yesNo = {{tr("Unknown"), QStringLiteral("unknown")},
                                                      {tr("Yes"), QStringLiteral("yes")},
                                                      {tr("No"), QStringLiteral("no")}};
    fillCombo(m_ui->esuCombo, {{tr("Unknown"), QStringLiteral("unknown")},
                               {tr("Licensed (ESU)"), QStringLiteral("yes")},
                               {tr("Not licensed"), QStringLiteral("no")}});
    fillCombo(m_ui->internetCombo, {{tr("Not checked"), QString()},
                                    {tr("Not reachable"), QStringLiteral("unreachable")},
                                    {tr("Name resolution only"), QStringLiteral("partial")},
                                    {tr("Reachable"), QStringLiteral("reachable")}});
    fillCombo(m_ui->antivirusStateCombo, {{tr("Unknown"), QString()},
                                          {tr("On, definitions up to date"), QStringLiteral("on")},
                                          {tr("On, definitions out of date"), QStringLiteral("outdated")},
                                          {tr("Off"), QStringLiteral("off")},
                                          {tr("None installed"), QStringLiteral("none")}});
    fillCombo(m_ui->usbCombo, {{tr("Not checked"), QString()},
                               {tr("Blocked"), QStringLiteral("blocked")},
                               {tr("Read-only"), QStringLiteral("read_only")},
                               {tr("Not blocked"), QStringLiteral("not_blocked")}});
    fillCombo(m_ui->smb1Combo, {{tr("Unknown"), QStringLiteral("unknown")},
                                {tr("Enabled"), QStringLiteral("yes")},
                                {tr("Disabled"), QStringLiteral("no")}});
    fillCombo(m_ui->rdpCombo, {{tr("Unknown"), QStringLiteral("unknown")},
                               {tr("Allowed"), QStringLiteral("yes")},
                               {tr("Not allowed"), QStringLiteral("no")}});
    fillCombo(m_ui->adminCombo, yesNo);
    m_ui->lastUpdateEdit->setDate(QDate::currentDate());
    connect(m_ui->lastUpdateUnknownCheck, &QCheckBox::toggled, m_ui->lastUpdateEdit, &QWidget::setDisabled);
    connect(m_ui->editionCombo, &QComboBox::currentIndexChanged, this, &TerminalFactsDialog::updateEsu);
    connect(m_ui->buildEdit, &QLineEdit::textChanged, this, &TerminalFactsDialog::updateEsu);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TerminalFactsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setFacts({});
    resize(std::max(width(), fontMetrics().averageCharWidth() * 95), sizeHint().height());
}

TerminalFactsDialog::~TerminalFactsDialog() = default;

void TerminalFactsDialog::fillCombo(QComboBox *combo, const QList<std::pair<QString, QString>> &items)
{
    for (const auto &[text, key] : items)
        combo->addItem(text, key);
}

void TerminalFactsDialog::setFacts(const ManualTerminalFacts &facts)
{
    m_facts = facts;
    const auto answerKey = [](Answer a) {
        return a == Answer::Yes ? QStringLiteral("yes")
                                : (a == Answer::No ? QStringLiteral("no") : QStringLiteral("unknown"));
    };
    setComboData(m_ui->editionCombo, facts.editionKey);
    m_ui->buildEdit->setText(facts.buildText());
    m_ui->displayVersionEdit->setText(facts.displayVersion);
    setComboData(m_ui->esuCombo, answerKey(facts.esu));
    m_ui->lastUpdateUnknownCheck->setChecked(!facts.lastUpdate.isValid());
    if (facts.lastUpdate.isValid())
        m_ui->lastUpdateEdit->setDate(facts.lastUpdate);
    m_ui->lastUpdateEdit->setDisabled(!facts.lastUpdate.isValid());
    m_ui->rebootCheck->setChecked(facts.rebootPending);
    setComboData(m_ui->internetCombo, facts.internet);
    m_ui->antivirusNameEdit->setText(facts.antivirusName);
    setComboData(m_ui->antivirusStateCombo, facts.antivirusState);
    setComboData(m_ui->usbCombo, facts.usb);
    setComboData(m_ui->smb1Combo, answerKey(facts.smb1));
    setComboData(m_ui->rdpCombo, answerKey(facts.rdp));
    setComboData(m_ui->adminCombo, answerKey(facts.adminUser));
    updateEsu();
}

ManualTerminalFacts TerminalFactsDialog::facts() const
{
    ManualTerminalFacts f = m_facts;
    const auto answer = [](const QComboBox *combo) {
        const QString key = combo->currentData().toString();
        return key == QStringLiteral("yes") ? Answer::Yes
                                            : (key == QStringLiteral("no") ? Answer::No : Answer::Unknown);
    };
    f.editionKey = m_ui->editionCombo->currentData().toString();
    f.build = 0;
    f.ubr = -1;
    if (!m_ui->buildEdit->text().trimmed().isEmpty())
        f.setBuildText(m_ui->buildEdit->text());
    f.displayVersion = m_ui->displayVersionEdit->text().trimmed().toUpper();
    f.esu = m_ui->esuCombo->isEnabled() ? answer(m_ui->esuCombo) : Answer::Unknown;
    f.lastUpdate = m_ui->lastUpdateUnknownCheck->isChecked() ? QDate() : m_ui->lastUpdateEdit->date();
    f.rebootPending = m_ui->rebootCheck->isChecked();
    f.internet = m_ui->internetCombo->currentData().toString();
    f.antivirusName = m_ui->antivirusNameEdit->text().trimmed();
    f.antivirusState = m_ui->antivirusStateCombo->currentData().toString();
    f.usb = m_ui->usbCombo->currentData().toString();
    f.smb1 = answer(m_ui->smb1Combo);
    f.rdp = answer(m_ui->rdpCombo);
    f.adminUser = answer(m_ui->adminCombo);
    return f;
}

void TerminalFactsDialog::accept()
{
    ManualTerminalFacts probe;
    const QString build = m_ui->buildEdit->text().trimmed();
    if (!build.isEmpty() && !probe.setBuildText(build)) {
        m_ui->errorLabel->setText(
            tr("The OS build is the number winver shows after \"OS build\", e.g. 19045.6456."));
        m_ui->errorLabel->show();
        m_ui->buildEdit->setFocus();
        m_ui->buildEdit->selectAll();
        return;
    }
    if (m_ui->editionCombo->currentData().toString().isEmpty() && build.isEmpty() &&
        m_ui->antivirusStateCombo->currentData().toString().isEmpty() &&
        m_ui->usbCombo->currentData().toString().isEmpty() &&
        m_ui->internetCombo->currentData().toString().isEmpty() &&
        m_ui->lastUpdateUnknownCheck->isChecked()) {
        m_ui->errorLabel->setText(tr("Nothing was entered. Enter at least what winver shows."));
        m_ui->errorLabel->show();
        m_ui->editionCombo->setFocus();
        return;
    }
    QDialog::accept();
}

void TerminalFactsDialog::updateEsu()
{
    // ESU exists for Windows 10 22H2 only.
    const QString edition = m_ui->editionCombo->currentData().toString();
    ManualTerminalFacts probe;
    const bool win10 =
        edition.startsWith(QStringLiteral("win10-")) && !edition.contains(QStringLiteral("ltsc"));
    const bool build22h2 = !probe.setBuildText(m_ui->buildEdit->text()) || probe.build == 19045;
    m_ui->esuCombo->setEnabled(win10 && build22h2);
}

} // namespace fs::app
