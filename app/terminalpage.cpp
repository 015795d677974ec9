#include "terminalpage.h"

#include "keycombo.h"
#include "missingitemtext.h"
#include "pageicons.h"
#include "surveyeditor.h"
#include "surveyprogress.h"
#include "ui_terminalpage.h"

#include <QFileDialog>
#include <QImageReader>
#include <QSignalBlocker>

namespace fs::app {

namespace {

using fs::model::Entity;
using fs::model::FieldRef;
using fs::model::Terminal;

constexpr int kUuidRole = Qt::UserRole + 1;

const QStringList &evaluationKeys()
{
    static const QStringList keys = {QStringLiteral("unknown"), QStringLiteral("ok"),
                                     QStringLiteral("caution"), QStringLiteral("danger")};
    return keys;
}

} // namespace

TerminalPage::TerminalPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TerminalPage>())
{
    m_ui->setupUi(this);
    m_ui->terminalSplitter->setStretchFactor(0, 0);
    m_ui->terminalSplitter->setStretchFactor(1, 1);
    m_ui->terminalListPanel->setMinimumWidth(fontMetrics().averageCharWidth() * 26);
    m_ui->terminalSplitter->setSizes({fontMetrics().averageCharWidth() * 34, width()});
    m_ui->terminalList->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    QFont title = m_ui->terminalTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.3);
    m_ui->terminalTitleLabel->setFont(title);
    // A few lines of note; the photos below stay in sight at 1366×768.
    m_ui->terminalNoteEdit->setMaximumHeight(fontMetrics().lineSpacing() * 5 + 12);
    fillKeyCombo(m_ui->checkStateCombo, QStringLiteral("check_state"), fs::model::kTerminalCheckStateKeys);

    m_checkRows = {
        {QStringLiteral("os"), m_ui->osEdit, m_ui->osEvaluationCombo},
        {QStringLiteral("windows_update"), m_ui->windowsUpdateEdit, m_ui->windowsUpdateEvaluationCombo},
        {QStringLiteral("internet"), m_ui->internetEdit, m_ui->internetEvaluationCombo},
        {QStringLiteral("antivirus"), m_ui->antivirusEdit, m_ui->antivirusEvaluationCombo},
        {QStringLiteral("usb_storage"), m_ui->usbStorageEdit, m_ui->usbStorageEvaluationCombo},
    };
    Q_ASSERT(m_checkRows.size() == fs::model::kTerminalCheckItems.size());
    for (const CheckRow &row : m_checkRows) {
        for (const QString &key : evaluationKeys())
            row.evaluation->addItem(ModelLabels::value(QStringLiteral("evaluation"), key), key);
        connect(row.value, &QLineEdit::editingFinished, this, [this, row] { commitCheck(row); });
        connect(row.evaluation, &QComboBox::activated, this, [this, row] { commitCheck(row); });
    }

    connect(m_ui->terminalList, &QListWidget::currentRowChanged, this, &TerminalPage::showTerminal);
    connect(m_ui->checkStateCombo, &QComboBox::activated, this, [this] {
        if (const auto *t = selectedTerminal(); t && m_editor)
            m_editor->setField(FieldRef{Entity::Terminal, t->uuid, QStringLiteral("check_state")},
                               m_ui->checkStateCombo->currentData(),
                               tr("Set the state of the terminal check"));
    });
    connect(m_ui->terminalNoteEdit, &NoteEdit::editingFinished, this, [this] {
        if (const auto *t = selectedTerminal(); t && m_editor && !m_ui->terminalNoteEdit->isReadOnly())
            m_editor->setField(FieldRef{Entity::Terminal, t->uuid, QStringLiteral("note")},
                               m_ui->terminalNoteEdit->toPlainText(), tr("Edit terminal note"));
    });
    connect(m_ui->terminalPhotoStrip, &PhotoStrip::addRequested, this, &TerminalPage::choosePhotos);
    connect(m_ui->terminalPhotoStrip, &PhotoStrip::statusMessage, this, &TerminalPage::statusMessage);
    setEditor(nullptr);
}

TerminalPage::~TerminalPage() = default;

void TerminalPage::setEditor(fs::model::SurveyEditor *editor)
{
    m_editor = editor;
    m_ui->terminalPhotoStrip->setEditor(editor);
    showTerminal();
}

void TerminalPage::setSurvey(const fs::model::SurveyStore *store, const QList<Terminal> &terminals,
                             const QList<fs::model::Photo> &photos)
{
    const QString uuid = selectedTerminalUuid();
    m_store = store;
    m_terminals = terminals;
    m_photos = photos;
    fillList();
    int row = -1;
    for (int i = 0; i < m_terminals.size(); ++i) {
        if (m_terminals[i].uuid == uuid)
            row = i;
    }
    {
        const QSignalBlocker blocker(m_ui->terminalList);
        m_ui->terminalList->setCurrentRow(row >= 0 ? row : (m_terminals.isEmpty() ? -1 : 0));
    }
    showTerminal();
}

void TerminalPage::fillList()
{
    const QSignalBlocker blocker(m_ui->terminalList);
    m_ui->terminalList->clear();
    for (const Terminal &t : m_terminals) {
        const auto missing = fs::model::SurveyProgress::terminalMissing(t);
        const QString name = t.hostname.isEmpty() ? t.systemType : t.hostname;
        const QString state = ModelLabels::value(QStringLiteral("check_state"),
                                                 fs::model::kTerminalCheckStateKeys.key(t.checkState));
        const QString detail = missing.isEmpty()
                                   ? state
                                   : tr("%1 · %n item(s) missing", nullptr, int(missing.size())).arg(state);
        auto *item = new QListWidgetItem(PageIcons::status(missing.isEmpty()),
                                         tr("Terminal %1　%2").arg(t.terminalNo).arg(name) +
                                             QLatin1Char('\n') + detail);
        item->setData(kUuidRole, t.uuid);
        QStringList tip;
        for (const auto &m : missing)
            tip << MissingItemText::describe(m);
        item->setToolTip(tip.join(QLatin1Char('\n')));
        m_ui->terminalList->addItem(item);
    }
}

const Terminal *TerminalPage::selectedTerminal() const
{
    const int row = m_ui->terminalList->currentRow();
    return row >= 0 && row < m_terminals.size() ? &m_terminals[row] : nullptr;
}

QString TerminalPage::selectedTerminalUuid() const
{
    const auto *t = selectedTerminal();
    return t ? t->uuid : QString();
}

void TerminalPage::showTerminal()
{
    const auto *t = selectedTerminal();
    m_ui->detailStack->setCurrentIndex(t ? 1 : 0);
    if (!t)
        return;
    const bool editable = m_editor != nullptr;
    m_ui->terminalTitleLabel->setText(
        tr("Terminal %1　%2").arg(t->terminalNo).arg(t->hostname.isEmpty() ? t->systemType : t->hostname));
    const auto missing = fs::model::SurveyProgress::terminalMissing(*t);
    if (missing.isEmpty()) {
        m_ui->terminalProgressLabel->setText(tr("Everything for this terminal is recorded"));
        m_ui->terminalProgressLabel->setStyleSheet(QStringLiteral("QLabel { color: #196c2e; }"));
    } else {
        m_ui->terminalProgressLabel->setText(tr("%n item(s) still missing", nullptr, int(missing.size())));
        m_ui->terminalProgressLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
    }
    const auto orDash = [this](const QString &s) { return s.trimmed().isEmpty() ? tr("—") : s; };
    m_ui->systemTypeLabel->setText(orDash(t->systemType));
    m_ui->usageFormLabel->setText(orDash(t->usageForm));
    m_ui->hostnameLabel->setText(orDash(t->hostname));
    m_ui->ipLabel->setText(orDash(t->ip));
    m_ui->locationLabel->setText(orDash(t->location));
    QStringList vdi;
    for (const QString &s : {t->vdiHostname, t->vdiIp}) {
        if (!s.isEmpty())
            vdi << s;
    }
    m_ui->vdiLabel->setText(orDash(vdi.join(QStringLiteral(" / "))));
    m_ui->securityProductLabel->setText(orDash(t->securityProduct));
    m_ui->declaredNoteLabel->setText(orDash(t->declaredNote));

    setComboKey(m_ui->checkStateCombo, fs::model::kTerminalCheckStateKeys.key(t->checkState));
    m_ui->checkStateCombo->setEnabled(editable);
    for (const CheckRow &row : m_checkRows) {
        const fs::model::TerminalCheck *check = nullptr;
        for (const auto &c : t->checks) {
            if (c.item == row.item)
                check = &c;
        }
        const QString value = check ? check->value : QString();
        if (row.value->text() != value) {
            row.value->setText(value);
            row.value->setCursorPosition(0);
        }
        row.value->setReadOnly(!editable);
        setComboKey(row.evaluation, check ? check->evaluation : QStringLiteral("unknown"));
        row.evaluation->setEnabled(editable);
    }
    m_ui->terminalNoteEdit->setNote(t->note);
    m_ui->terminalNoteEdit->setReadOnly(!editable);

    QList<fs::model::Photo> photos;
    for (const auto &p : m_photos) {
        if (p.target.entity == QStringLiteral("terminal") && p.target.id == t->id)
            photos << p;
    }
    m_ui->terminalPhotoStrip->setPhotos(m_store, photos);
}

void TerminalPage::commitCheck(const CheckRow &row)
{
    const auto *t = selectedTerminal();
    if (!m_editor || !t || row.value->isReadOnly())
        return;
    const QString value = row.value->text().trimmed();
    const QString evaluation = row.evaluation->currentData().toString();
    const fs::model::TerminalCheck *existing = nullptr;
    for (const auto &c : t->checks) {
        if (c.item == row.item)
            existing = &c;
    }
    if (existing ? (existing->value == value && existing->evaluation == evaluation)
                 : (value.isEmpty() && evaluation == QStringLiteral("unknown")))
        return;
    fs::model::TerminalCheck check;
    check.item = row.item;
    check.value = value;
    check.evaluation = evaluation;
    check.source = QStringLiteral("manual");
    if (existing)
        check.uuid = existing->uuid;
    m_editor->setTerminalCheck(
        t->uuid, check, tr("Record %1").arg(ModelLabels::value(QStringLiteral("check_item"), row.item)));
}

void TerminalPage::selectTerminalNo(int terminalNo, const QString &field)
{
    for (int i = 0; i < m_terminals.size(); ++i) {
        if (m_terminals[i].terminalNo == terminalNo) {
            showField(Entity::Terminal, m_terminals[i].uuid, field);
            return;
        }
    }
    focusList();
}

void TerminalPage::showField(fs::model::Entity entity, const QString &uuid, const QString &field)
{
    if (entity != Entity::Terminal)
        return;
    for (int i = 0; i < m_terminals.size(); ++i) {
        if (m_terminals[i].uuid == uuid)
            m_ui->terminalList->setCurrentRow(i);
    }
    if (selectedTerminalUuid() != uuid)
        return;
    QWidget *target = m_ui->terminalList;
    for (const CheckRow &row : m_checkRows) {
        if (row.item == field)
            target = row.value;
    }
    if (field == QStringLiteral("check_state"))
        target = m_ui->checkStateCombo;
    else if (field == QStringLiteral("note"))
        target = m_ui->terminalNoteEdit;
    if (target != m_ui->terminalList)
        m_ui->detailScroll->ensureWidgetVisible(target);
    target->setFocus();
}

void TerminalPage::selectNext(int delta)
{
    if (m_terminals.isEmpty())
        return;
    m_ui->terminalList->setCurrentRow(
        std::clamp(m_ui->terminalList->currentRow() + delta, 0, int(m_terminals.size()) - 1));
    m_ui->terminalList->setFocus();
}

void TerminalPage::focusList()
{
    m_ui->terminalList->setFocus();
}

void TerminalPage::choosePhotos()
{
    const auto *t = selectedTerminal();
    if (!m_editor || !t)
        return;
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    addPhotoFiles(
        QFileDialog::getOpenFileNames(this, tr("Add photos of terminal %1").arg(t->terminalNo), QString(),
                                      tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' ')))));
}

void TerminalPage::addPhotoFiles(const QStringList &paths)
{
    const auto *t = selectedTerminal();
    if (!m_editor || !t || paths.isEmpty())
        return;
    const fs::model::PhotoTarget target{QStringLiteral("terminal"), t->id};
    int added = 0;
    for (const QString &path : paths) {
        if (m_editor->addPhoto(path, target, tr("Add photo")))
            ++added;
    }
    emit statusMessage(tr("%n photo(s) added.", nullptr, added));
}

} // namespace fs::app
