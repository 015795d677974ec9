#include "terminalpage.h"

#include "actor.h"
#include "clock.h"
#include "errormessages.h"
#include "keycombo.h"
#include "manualterminalfacts.h"
#include "missingitemtext.h"
#include "modellabels.h"
#include "pageicons.h"
#include "reviewmarks.h"
#include "surveyeditor.h"
#include "surveyprogress.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfactsdialog.h"
#include "terminalmatch.h"
#include "ui_terminalpage.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QImageReader>
#include <QJsonDocument>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalBlocker>
#include <QUndoStack>

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

// The local .json files of a drag, or nothing when it carries anything else.
QStringList droppedCollectorFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile() || !url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            return {};
        paths << url.toLocalFile();
    }
    return paths;
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
    m_ui->factsLayout->setStretch(0, 1); // where the facts came from takes the width; the buttons their own
    connect(m_ui->importFactsButton, &QPushButton::clicked, this, &TerminalPage::chooseFactsFile);
    connect(m_ui->manualFactsButton, &QPushButton::clicked, this, &TerminalPage::enterFactsByHand);
    m_ui->findingsTree->header()->setStretchLastSection(true);
    m_ui->findingsTree->setColumnWidth(0, fontMetrics().horizontalAdvance(QStringLiteral("M")) * 7);
    m_ui->findingsTree->setColumnWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("M")) * 22);
    m_ui->findingsTree->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    connect(m_ui->terminalPhotoStrip, &PhotoStrip::addRequested, this, &TerminalPage::choosePhotos);
    connect(m_ui->terminalPhotoStrip, &PhotoStrip::statusMessage, this, &TerminalPage::statusMessage);
    setAcceptDrops(true);
    setEditor(nullptr);
}

TerminalPage::~TerminalPage() = default;

void TerminalPage::setEditor(fs::model::SurveyEditor *editor)
{
    m_editor = editor;
    m_ui->terminalPhotoStrip->setEditor(editor);
    showTerminal();
}

void TerminalPage::setClock(const fs::model::Clock *clock)
{
    m_clock = clock;
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

void TerminalPage::setReviewComments(const QList<fs::model::ReviewComment> &open)
{
    m_reviewComments = open;
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
        ReviewMarks::mark(item, m_reviewComments, {t.uuid});
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
        row.value->setToolTip(value);
        row.value->setReadOnly(!editable);
        setComboKey(row.evaluation, check ? check->evaluation : QStringLiteral("unknown"));
        row.evaluation->setEnabled(editable);
    }
    m_ui->terminalNoteEdit->setNote(t->note);
    m_ui->terminalNoteEdit->setReadOnly(!editable);
    m_ui->importFactsButton->setEnabled(editable);
    m_ui->manualFactsButton->setEnabled(editable);
    showFindings(*t);

    QList<fs::model::Photo> photos;
    for (const auto &p : m_photos) {
        if (p.target.entity == QStringLiteral("terminal") && p.target.id == t->id)
            photos << p;
    }
    m_ui->terminalPhotoStrip->setPhotos(m_store, photos);
}

void TerminalPage::showFindings(const Terminal &terminal)
{
    m_ui->findingsTree->clear();
    QString source = tr("No collector file or manual entry yet.");
    if (m_store) {
        if (auto facts = m_store->currentTerminalFacts(terminal.uuid); facts && *facts) {
            const auto &f = **facts;
            const QString when = QLocale().toString(f.importedAt.toLocalTime(), QLocale::ShortFormat);
            source =
                f.source == QStringLiteral("manual")
                    ? tr("Entered by hand by %1 (%2).").arg(f.importedBy, when)
                    : tr("Collector file %1 from %2, imported %3.").arg(f.fileName, f.computerName, when);
        }
        if (auto findings = m_store->findings(QStringLiteral("terminal"), terminal.uuid); findings) {
            for (const fs::model::Finding &f : *findings) {
                const QString status = ModelLabels::value(QStringLiteral("finding_status"), f.status);
                QString text = f.text;
                if (f.needsConfirmation)
                    text += tr(" (to confirm)");
                if (f.dismissed)
                    text += tr(" — dismissed: %1").arg(f.dismissedReason);
                auto *item = new QTreeWidgetItem(m_ui->findingsTree, {status, text, f.evidence});
                item->setToolTip(
                    1, f.recommendation.isEmpty() ? f.text : f.text + QLatin1Char('\n') + f.recommendation);
                item->setToolTip(2, f.evidence);
                const QColor color =
                    f.status == QStringLiteral("danger")
                        ? QColor(0xb0, 0x00, 0x20)
                        : (f.status == QStringLiteral("caution") ? QColor(0x8a, 0x53, 0x00) : QColor());
                if (color.isValid())
                    item->setForeground(0, color);
                QFont bold = item->font(0);
                bold.setBold(f.status == QStringLiteral("danger"));
                item->setFont(0, bold);
            }
        }
    }
    if (m_ui->findingsTree->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_ui->findingsTree, {tr("—"), tr("No findings"), QString()});
    m_ui->factsSourceLabel->setText(source);
}

void TerminalPage::chooseFactsFile()
{
    const auto *t = selectedTerminal();
    if (!m_editor || !t)
        return;
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import the collector file of terminal %1").arg(t->terminalNo),
                                      QString(), tr("Collector files (*.json);;All files (*)"));
    if (paths.size() == 1)
        importFactsFile(paths.constFirst());
    else if (paths.size() > 1)
        importFactsFiles(paths);
}

void TerminalPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_editor && selectedTerminal() && !droppedCollectorFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QWidget::dragEnterEvent(event);
}

void TerminalPage::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedCollectorFiles(event->mimeData());
    if (!m_editor || paths.isEmpty()) {
        QWidget::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    if (paths.size() == 1)
        importFactsFile(paths.constFirst());
    else
        importFactsFiles(paths);
}

void TerminalPage::importFactsFiles(const QStringList &paths)
{
    if (!m_editor)
        return;
    // Each file goes to the terminal its computer name names; oldest collection first, so that
    // the newest of two files for one terminal is the one that stays.
    struct Candidate
    {
        QString fileName;
        fs::model::TerminalFacts facts;
        Terminal terminal;
    };
    QList<Candidate> candidates;
    QStringList refused;
    for (const QString &path : paths) {
        const QString fileName = QFileInfo(path).fileName();
        auto facts = fs::model::TerminalFacts::fromFile(path);
        if (!facts) {
            refused << tr("%1: %2").arg(fileName,
                                        facts.error().detail.section(QStringLiteral(": "), 1).left(200));
            continue;
        }
        const auto terminal = fs::model::TerminalMatch::byComputerName(m_terminals, facts->computerName());
        if (!terminal) {
            refused << tr("%1: no terminal is declared as %2").arg(fileName, facts->computerName());
            continue;
        }
        candidates.append({fileName, *facts, *terminal});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.facts.collectedAt() < b.facts.collectedAt();
    });
    QStringList imported;
    if (!candidates.isEmpty()) {
        m_editor->undoStack()->beginMacro(tr("Import %n collector file(s)", nullptr, int(candidates.size())));
        for (const Candidate &c : std::as_const(candidates)) {
            if (record(c.terminal, c.facts, c.fileName, tr("Import collector file %1").arg(c.fileName)))
                imported << tr("%1 → terminal %2").arg(c.fileName).arg(c.terminal.terminalNo);
        }
        m_editor->undoStack()->endMacro();
    }
    QMessageBox box(refused.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Import collector file"), tr("%n file(s) imported.", nullptr, int(imported.size())),
                    QMessageBox::Ok, this);
    QString details = imported.join(QLatin1Char('\n'));
    if (!refused.isEmpty())
        details += (details.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Not imported:") +
                   QLatin1Char('\n') + refused.join(QLatin1Char('\n'));
    box.setInformativeText(details);
    box.exec();
}

void TerminalPage::importFactsFile(const QString &path)
{
    // A copy: the survey is reloaded (and the list replaced) while a dialog is open or after the edit.
    const auto *current = selectedTerminal();
    if (!m_editor || !current)
        return;
    const Terminal selectedCopy = *current;
    const Terminal *selected = &selectedCopy;
    const QString fileName = QFileInfo(path).fileName();
    auto facts = fs::model::TerminalFacts::fromFile(path);
    if (!facts) {
        ErrorMessages::show(this, tr("Import collector file"),
                            tr("%1 was not imported; nothing was changed.").arg(fileName), facts.error(),
                            ErrorMessages::Detail::Shown);
        return;
    }
    Terminal target = *selected;
    const QString computer = facts->computerName();
    const auto named = fs::model::TerminalMatch::byComputerName(m_terminals, computer);
    if (named && named->uuid != selected->uuid) {
        const auto answer = QMessageBox::question(
            this, tr("Import collector file"),
            tr("%1 was collected on %2, which is terminal %3. Import it for terminal %3?")
                .arg(fileName, computer)
                .arg(named->terminalNo),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
        target = *named;
    } else if (!named && !computer.isEmpty() && !selected->hostname.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Import collector file"),
            tr("%1 was collected on %2, but terminal %3 is declared as %4. Import it for terminal %3 anyway?")
                .arg(fileName, computer)
                .arg(selected->terminalNo)
                .arg(selected->hostname),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    record(target, *facts, fileName, tr("Import collector file %1").arg(fileName));
}

void TerminalPage::enterFactsByHand()
{
    const auto *current = selectedTerminal();
    if (!m_editor || !current)
        return;
    const Terminal terminal = *current; // the list is replaced when the survey reloads
    const Terminal *t = &terminal;
    fs::model::ManualTerminalFacts form;
    if (m_store) {
        if (auto stored = m_store->currentTerminalFacts(t->uuid);
            stored && *stored && (*stored)->source == QStringLiteral("manual"))
            form =
                fs::model::ManualTerminalFacts::fromJson(QJsonDocument::fromJson((*stored)->facts).object());
    }
    TerminalFactsDialog dialog(this);
    dialog.setWindowTitle(tr("Terminal %1: facts entered by hand").arg(t->terminalNo));
    dialog.setFacts(form);
    if (dialog.exec() != QDialog::Accepted)
        return;
    form = dialog.facts();
    form.computerName = t->hostname;
    form.enteredBy = m_store ? m_store->actor() : fs::model::defaultActor();
    form.enteredAt = (m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc()).toUTC();
    auto facts = fs::model::TerminalFacts::fromJson(form.toJson(), tr("manual entry"));
    if (!facts) {
        QMessageBox::warning(this, dialog.windowTitle(), ErrorMessages::headline(facts.error()));
        return;
    }
    record(*t, *facts, QString(), tr("Enter the facts of terminal %1").arg(t->terminalNo));
}

bool TerminalPage::record(Terminal terminal, const fs::model::TerminalFacts &facts, const QString &fileName,
                          const QString &undoText)
{
    const QDate today = (m_clock ? m_clock->now() : QDateTime::currentDateTime()).toLocalTime().date();
    QList<fs::model::VisitDay> days;
    if (m_store) {
        if (auto schedule = m_store->schedule())
            days = *schedule;
    }
    const QDate asOf = fs::model::TerminalMatch::evaluationDate(days, today);
    const auto assessment = fs::model::TerminalEvaluator::evaluate(facts, {asOf, terminal.systemType});
    if (!m_editor->recordTerminalAssessment(terminal.uuid, facts, fileName, assessment, undoText))
        return false;
    int danger = 0;
    int caution = 0;
    for (const auto &f : assessment.findings) {
        danger += f.status == QStringLiteral("danger") ? 1 : 0;
        caution += f.status == QStringLiteral("caution") ? 1 : 0;
    }
    emit statusMessage(tr("Terminal %1 evaluated on %2: %3 danger, %4 caution.")
                           .arg(terminal.terminalNo)
                           .arg(QLocale().toString(asOf, QLocale::ShortFormat))
                           .arg(danger)
                           .arg(caution));
    return true;
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
