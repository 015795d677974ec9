#include "backuppage.h"

#include "backupoverridedialog.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "ui_backuppage.h"

#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>

namespace fs::app {

namespace {

using fs::model::BackupClassifier;
using fs::model::BackupFlag;
using fs::model::BackupOptions;
using fs::model::Entity;
using fs::model::FieldRef;
using fs::model::OfflineJudgement;
using fs::model::SupportClass;

// The copies table: one column per answer of a copy, then the judgement.
struct CopyColumn
{
    const char *field;
    bool choice;
};
constexpr CopyColumn kCopyColumns[] = {
    {"target_system", true}, {"method", true},
    {"media", false},        {"frequency", true},
    {"generations", false},  {"location", true},
    {"separation", true},    {"reachable_with_emr_credentials", true},
};
constexpr int kJudgementColumn = int(std::size(kCopyColumns));

enum ChecklistColumn
{
    TaskColumn,
    StateColumn,
    ReasonColumn
};

const char *const kUuidProperty = "backupUuid";

void setCombo(QComboBox *combo, const QString &key)
{
    const QSignalBlocker blocker(combo);
    const int index = combo->findData(key);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

void fillChoices(QComboBox *combo, const QString &field)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    if (BackupOptions::keys(field).contains(QString()))
        combo->addItem(BackupOptions::label(field, QString()), QString());
    for (const auto &o : BackupOptions::of(field))
        combo->addItem(o.label, o.key);
}

} // namespace

BackupPage::BackupPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BackupPage>())
{
    m_ui->setupUi(this);
    setupAnswers();

    QStringList copyHeaders = {
        tr("System"),      tr("Method"),  tr("Media"),      tr("Frequency"),
        tr("Generations"), tr("Kept at"), tr("Separation"), tr("Reachable from the EMR"),
        tr("Judgement")};
    m_ui->copiesTable->setColumnCount(int(copyHeaders.size()));
    m_ui->copiesTable->setHorizontalHeaderLabels(copyHeaders);
    m_ui->copiesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->copiesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->copiesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->copiesTable->verticalHeader()->setVisible(false);
    connect(m_ui->copiesTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() >= kJudgementColumn)
            return;
        setCopyAnswer(item->data(Qt::UserRole).toString(),
                      QString::fromLatin1(kCopyColumns[item->column()].field), item->text().trimmed());
    });
    connect(m_ui->copiesTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_ui->removeCopyButton->setEnabled(m_editor && m_ui->copiesTable->currentRow() >= 0); });
    connect(m_ui->addCopyButton, &QPushButton::clicked, this, [this] { addCopy(); });
    connect(m_ui->removeCopyButton, &QPushButton::clicked, this, &BackupPage::removeSelectedCopy);

    m_ui->checklistTable->setColumnCount(3);
    m_ui->checklistTable->setHorizontalHeaderLabels({tr("Item"), tr("State"), tr("Reason")});
    m_ui->checklistTable->horizontalHeader()->setSectionResizeMode(TaskColumn, QHeaderView::Stretch);
    // The state is a combo box in the cell, which ResizeToContents does not measure.
    QComboBox probe;
    fillChoices(&probe, QStringLiteral("state"));
    m_ui->checklistTable->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::Fixed);
    m_ui->checklistTable->setColumnWidth(StateColumn, probe.sizeHint().width());
    m_ui->checklistTable->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Interactive);
    m_ui->checklistTable->setColumnWidth(ReasonColumn, 16 * probe.fontMetrics().averageCharWidth());
    m_ui->checklistTable->verticalHeader()->setVisible(false);
    m_ui->checklistTable->setWordWrap(true);
    connect(m_ui->checklistTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != ReasonColumn || !m_editor)
            return;
        const QString uuid = item->data(Qt::UserRole).toString();
        m_editor->setField(FieldRef{Entity::BackupChecklist, uuid, QStringLiteral("reason")},
                           item->text().trimmed(), tr("Change the reason of a checklist item"));
    });

    connect(m_ui->overrideButton, &QPushButton::clicked, this, &BackupPage::chooseOverride);
    connect(m_ui->clearOverrideButton, &QPushButton::clicked, this, [this] { clearOverride(); });
    m_ui->classLabel->setObjectName(QStringLiteral("classLabel"));
    QFont big = m_ui->classLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_ui->classLabel->setFont(big);
    m_ui->backupSplitter->setStretchFactor(0, 3);
    m_ui->backupSplitter->setStretchFactor(1, 2);
}

BackupPage::~BackupPage() = default;

void BackupPage::setupAnswers()
{
    const struct
    {
        QComboBox *combo;
        const char *field;
    } combos[] = {{m_ui->restoreTestedCombo, "restore_tested"},
                  {m_ui->documentedInCombo, "documented_in"},
                  {m_ui->bcpCombo, "bcp"},
                  {m_ui->newServerCombo, "new_server"},
                  {m_ui->mediaOnExistingCombo, "media_on_existing"},
                  {m_ui->planningWithVendorCombo, "planning_with_vendor"},
                  {m_ui->alreadyOperatingCombo, "already_operating"}};
    for (const auto &c : combos) {
        fillChoices(c.combo, QString::fromLatin1(c.field));
        connect(c.combo, &QComboBox::currentIndexChanged, this, [this, combo = c.combo, field = c.field] {
            if (!m_filling)
                setAnswer(field, combo->currentData());
        });
    }
    const struct
    {
        QLineEdit *edit;
        const char *field;
    } edits[] = {{m_ui->emrProductEdit, "emr_product"},
                 {m_ui->emrVendorEdit, "emr_vendor"},
                 {m_ui->patientCountEdit, "patient_count"},
                 {m_ui->answeredByEdit, "answered_by"},
                 {m_ui->answeredOnEdit, "answered_on"},
                 {m_ui->restoreTestedOnEdit, "restore_tested_on"},
                 {m_ui->backupNoteEdit, "note"}};
    for (const auto &e : edits) {
        connect(e.edit, &QLineEdit::editingFinished, this, [this, edit = e.edit, field = e.field] {
            if (!m_filling && edit->isModified()) {
                edit->setModified(false);
                setAnswer(field, edit->text().trimmed());
            }
        });
    }
}

void BackupPage::setSurvey(fs::model::SurveyStore *store, fs::model::SurveyEditor *editor)
{
    m_store = store;
    m_editor = editor;
    reload();
}

void BackupPage::scheduleReload()
{
    if (m_reloadScheduled)
        return;
    m_reloadScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_reloadScheduled)
                reload();
        },
        Qt::QueuedConnection);
}

void BackupPage::reload()
{
    m_reloadScheduled = false;
    m_questionnaire = {};
    m_assessment = {};
    if (m_store) {
        auto q = m_store->backupQuestionnaire();
        if (q)
            m_questionnaire = *q;
        else
            emit statusMessage(
                tr("Could not read the backup questionnaire: %1").arg(fs::describe(q.error())));
        m_assessment = BackupClassifier::assess(m_questionnaire, QDate::currentDate());
    }
    m_filling = true;
    fillAnswers();
    fillCopies();
    fillResult();
    fillChecklist();
    m_filling = false;
    const bool editable = m_editor != nullptr;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->emrGroup), static_cast<QWidget *>(m_ui->restoreGroup),
                       static_cast<QWidget *>(m_ui->intentionsGroup)})
        w->setEnabled(editable);
    m_ui->addCopyButton->setEnabled(editable);
    m_ui->removeCopyButton->setEnabled(editable && m_ui->copiesTable->currentRow() >= 0);
    m_ui->overrideButton->setEnabled(editable);
    m_ui->clearOverrideButton->setEnabled(editable && m_assessment.overridden);
}

void BackupPage::fillAnswers()
{
    const auto &q = m_questionnaire;
    const auto text = [](QLineEdit *edit, const QString &value) {
        if (!edit->hasFocus() || !edit->isModified())
            edit->setText(value);
        edit->setModified(false);
    };
    text(m_ui->emrProductEdit, q.emrProduct);
    text(m_ui->emrVendorEdit, q.emrVendor);
    text(m_ui->patientCountEdit, q.patientCount ? QString::number(*q.patientCount) : QString());
    text(m_ui->answeredByEdit, q.answeredBy);
    text(m_ui->answeredOnEdit, q.answeredOn);
    text(m_ui->restoreTestedOnEdit, q.restoreTestedOn);
    text(m_ui->backupNoteEdit, q.note);
    setCombo(m_ui->restoreTestedCombo, q.restoreTested);
    setCombo(m_ui->documentedInCombo, q.documentedIn);
    setCombo(m_ui->bcpCombo, q.bcp);
    setCombo(m_ui->newServerCombo, q.newServer);
    setCombo(m_ui->mediaOnExistingCombo, q.mediaOnExisting);
    setCombo(m_ui->planningWithVendorCombo, q.planningWithVendor);
    setCombo(m_ui->alreadyOperatingCombo, q.alreadyOperating);
}

QComboBox *BackupPage::choiceCombo(const QString &field, const QString &current)
{
    auto *combo = new QComboBox;
    fillChoices(combo, field);
    setCombo(combo, current);
    combo->setEnabled(m_editor != nullptr);
    return combo;
}

void BackupPage::fillCopies()
{
    const int selected = m_ui->copiesTable->currentRow();
    m_ui->copiesTable->clearContents();
    m_ui->copiesTable->setRowCount(int(m_questionnaire.copies.size()));
    for (int row = 0; row < m_questionnaire.copies.size(); ++row) {
        const auto &c = m_questionnaire.copies[row];
        const QString values[] = {c.targetSystem,
                                  c.method,
                                  c.media,
                                  c.frequency,
                                  c.generations ? QString::number(*c.generations) : QString(),
                                  c.location,
                                  c.separation,
                                  c.reachableWithEmrCredentials};
        for (int col = 0; col < kJudgementColumn; ++col) {
            const QString field = QString::fromLatin1(kCopyColumns[col].field);
            if (kCopyColumns[col].choice) {
                QComboBox *combo = choiceCombo(field, values[col]);
                combo->setProperty(kUuidProperty, c.uuid);
                connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field] {
                    setCopyAnswer(combo->property(kUuidProperty).toString(), field, combo->currentData());
                });
                m_ui->copiesTable->setCellWidget(row, col, combo);
            } else {
                auto *item = new QTableWidgetItem(values[col]);
                item->setData(Qt::UserRole, c.uuid);
                if (!m_editor)
                    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                m_ui->copiesTable->setItem(row, col, item);
            }
        }
        const auto &j = m_assessment.copies.value(row);
        auto *judgement = new QTableWidgetItem(BackupClassifier::offlineLabel(j.offline));
        judgement->setToolTip(j.reason);
        judgement->setFlags(judgement->flags() & ~Qt::ItemIsEditable);
        judgement->setData(Qt::UserRole, c.uuid);
        const QColor tint = j.offline == OfflineJudgement::Offline  ? QColor(0xd8, 0xf0, 0xd8)
                            : j.offline == OfflineJudgement::Online ? QColor(0xf8, 0xd8, 0xd8)
                                                                    : QColor(0xf8, 0xf0, 0xc8);
        judgement->setBackground(tint);
        judgement->setForeground(QColor(Qt::black));
        m_ui->copiesTable->setItem(row, kJudgementColumn, judgement);
    }
    m_ui->copiesTable->resizeColumnsToContents();
    if (selected >= 0 && selected < m_ui->copiesTable->rowCount())
        m_ui->copiesTable->selectRow(selected);
}

void BackupPage::fillResult()
{
    const auto &a = m_assessment;
    m_ui->classLabel->setText(BackupOptions::classLabel(a.effective));
    QString support = BackupOptions::classSupport(a.effective);
    if (a.overridden)
        support += QLatin1Char('\n') + tr("Computed: %1. Decided by the office%2: %3")
                                           .arg(BackupOptions::classLabel(a.computed),
                                                m_questionnaire.overrideBy.isEmpty()
                                                    ? QString()
                                                    : tr(" (%1)").arg(m_questionnaire.overrideBy),
                                                m_questionnaire.overrideReason);
    m_ui->supportLabel->setText(support);
    QString reasons = QStringLiteral("<ul style=\"margin-left:0\">");
    for (const QString &r : a.reasons)
        reasons += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    reasons += QStringLiteral("</ul>");
    if (!a.missing.isEmpty())
        reasons += tr("<p>Not answered yet: %1</p>").arg(a.missing.join(tr(", ")).toHtmlEscaped());
    m_ui->reasonsLabel->setText(reasons);

    m_ui->flagsList->clear();
    for (const BackupFlag &f : a.flags) {
        const bool contradiction = f.kind == BackupFlag::Kind::Contradiction;
        auto *item = new QListWidgetItem(
            (contradiction ? tr("Contradiction: %1") : tr("Check: %1")).arg(f.text), m_ui->flagsList);
        item->setBackground(contradiction ? QColor(0xf8, 0xd0, 0xd0) : QColor(0xfa, 0xf0, 0xc8));
        item->setForeground(QColor(Qt::black));
        item->setData(Qt::UserRole, f.code);
    }
    if (a.flags.isEmpty())
        new QListWidgetItem(tr("No answer contradicts another."), m_ui->flagsList);
    m_ui->flagsTitleLabel->setText(tr("To check (%n contradiction(s))", nullptr, a.contradictionCount()));
}

void BackupPage::fillChecklist()
{
    const auto &lines = m_assessment.checklist;
    m_ui->checklistTable->clearContents();
    m_ui->checklistTable->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const auto &l = lines[row];
        auto *task = new QTableWidgetItem(l.text);
        task->setFlags(task->flags() & ~Qt::ItemIsEditable);
        task->setData(Qt::UserRole, l.key);
        m_ui->checklistTable->setItem(row, TaskColumn, task);
        QComboBox *state = choiceCombo(QStringLiteral("state"), l.state);
        connect(state, &QComboBox::currentIndexChanged, this,
                [this, state, key = l.key] { chooseTaskState(key, state->currentData().toString()); });
        m_ui->checklistTable->setCellWidget(row, StateColumn, state);
        auto *reason = new QTableWidgetItem(l.reason);
        reason->setData(Qt::UserRole, l.uuid);
        if (!m_editor)
            reason->setFlags(reason->flags() & ~Qt::ItemIsEditable);
        m_ui->checklistTable->setItem(row, ReasonColumn, reason);
    }
    m_ui->checklistTable->resizeRowsToContents();
    m_ui->checklistTitleLabel->setText(lines.isEmpty()
                                           ? tr("What the hospital must do: decided once the class is known")
                                           : tr("What the hospital must do"));
}

void BackupPage::setAnswer(const char *field, const QVariant &value)
{
    if (!m_editor)
        return;
    m_editor->setField(
        FieldRef{Entity::BackupQuestionnaire, m_questionnaire.uuid, QString::fromLatin1(field)}, value,
        tr("Answer the backup questionnaire"));
}

void BackupPage::setCopyAnswer(const QString &uuid, const QString &field, const QVariant &value)
{
    if (!m_editor || m_filling)
        return;
    m_editor->setField(FieldRef{Entity::BackupCopy, uuid, field}, value, tr("Change a backup"));
}

bool BackupPage::addCopy()
{
    if (!m_editor)
        return false;
    const auto added = m_editor->addBackupCopy({}, tr("Add a backup"));
    if (!added)
        return false;
    m_ui->copiesTable->selectRow(m_ui->copiesTable->rowCount() - 1);
    if (QWidget *first = m_ui->copiesTable->cellWidget(m_ui->copiesTable->rowCount() - 1, 1))
        first->setFocus();
    return true;
}

void BackupPage::removeSelectedCopy()
{
    const int row = m_ui->copiesTable->currentRow();
    if (!m_editor || row < 0 || row >= m_questionnaire.copies.size())
        return;
    m_editor->remove(Entity::BackupCopy, m_questionnaire.copies[row].uuid, tr("Remove a backup"));
}

bool BackupPage::setOverride(SupportClass value, const QString &reason)
{
    if (!m_editor)
        return false;
    return m_editor->setFields(BackupClassifier::overrideChanges(m_questionnaire.uuid, value, reason,
                                                                 m_store->actor(), m_store->clock().now()),
                               tr("Decide the support class"));
}

bool BackupPage::clearOverride()
{
    if (!m_editor)
        return false;
    return m_editor->setFields(
        BackupClassifier::overrideChanges(m_questionnaire.uuid, SupportClass::Unclassified, {}, {}, {}),
        tr("Use the computed support class"));
}

void BackupPage::chooseOverride()
{
    if (!m_editor)
        return;
    BackupOverrideDialog dialog(m_assessment.computed,
                                m_assessment.overridden ? m_assessment.effective : SupportClass::Unclassified,
                                m_questionnaire.overrideReason, this);
    if (dialog.exec() == QDialog::Accepted && setOverride(dialog.chosenClass(), dialog.reason()))
        emit statusMessage(
            tr("Support class decided: %1").arg(BackupOptions::classLabel(dialog.chosenClass())));
}

bool BackupPage::setTaskState(const QString &key, const QString &state, const QString &reason)
{
    if (!m_editor)
        return false;
    for (const auto &l : m_assessment.checklist) {
        if (l.key != key)
            continue;
        QList<fs::model::FieldChange> changes = {
            {FieldRef{Entity::BackupChecklist, l.uuid, QStringLiteral("state")}, state}};
        if (!reason.isEmpty())
            changes.append({FieldRef{Entity::BackupChecklist, l.uuid, QStringLiteral("reason")}, reason});
        return m_editor->setFields(changes, tr("Change a checklist item"));
    }
    return false;
}

void BackupPage::chooseTaskState(const QString &key, const QString &state)
{
    if (m_filling)
        return;
    QString reason;
    if (state == QStringLiteral("not_needed")) {
        QString current;
        for (const auto &l : m_assessment.checklist)
            current = l.key == key ? l.reason : current;
        if (current.trimmed().isEmpty()) {
            bool ok = false;
            reason = QInputDialog::getText(this, tr("Not needed"), tr("Why is this item not needed?"),
                                           QLineEdit::Normal, {}, &ok)
                         .trimmed();
            if (!ok || reason.isEmpty()) {
                reload(); // back to the stored state
                return;
            }
        }
    }
    if (!setTaskState(key, state, reason))
        reload();
}

void BackupPage::focusList()
{
    m_ui->newServerCombo->setFocus();
}

} // namespace fs::app
