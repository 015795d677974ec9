#include "findingspage.h"

#include "clock.h"
#include "findingdialog.h"
#include "findingsengine.h"
#include "logging.h"
#include "modellabels.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "ui_findingspage.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>

namespace fs::app {

namespace {

enum Column
{
    StatusColumn,
    TargetColumn,
    CategoryColumn,
    TextColumn,
    SourceColumn
};

enum Filter
{
    AllFindings,
    ActiveFindings,
    DangerFindings,
    CautionFindings,
    DismissedFindings
};

QColor statusColour(const QString &status)
{
    if (status == QStringLiteral("danger"))
        return QColor(0xf8, 0xd0, 0xcc);
    if (status == QStringLiteral("caution"))
        return QColor(0xfd, 0xeb, 0xb6);
    return {};
}

} // namespace

FindingsPage::FindingsPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FindingsPage>())
    , m_clock(&fs::model::Clock::system())
{
    m_ui->setupUi(this);
    m_ui->findingsSplitter->setStretchFactor(0, 3);
    m_ui->findingsSplitter->setStretchFactor(1, 2);
    auto *header = m_ui->surveyFindingsTree->header();
    header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_ui->surveyFindingsTree->setColumnWidth(StatusColumn, 90);
    m_ui->surveyFindingsTree->setColumnWidth(TargetColumn, 170);
    m_ui->surveyFindingsTree->setColumnWidth(CategoryColumn, 110);
    m_ui->surveyFindingsTree->setColumnWidth(SourceColumn, 190);
    for (const QString &status :
         {QStringLiteral("danger"), QStringLiteral("caution"), QStringLiteral("none")})
        m_ui->findingStatusCombo->addItem(ModelLabels::value(QStringLiteral("finding_status"), status),
                                          status);
    m_ui->findingsFilterCombo->addItem(tr("All findings"), AllFindings);
    m_ui->findingsFilterCombo->addItem(tr("In the report"), ActiveFindings);
    m_ui->findingsFilterCombo->addItem(tr("Danger only"), DangerFindings);
    m_ui->findingsFilterCombo->addItem(tr("Caution only"), CautionFindings);
    m_ui->findingsFilterCombo->addItem(tr("Dismissed"), DismissedFindings);
    m_ui->findingTextEdit->setMinimumHeight(60);

    connect(m_ui->surveyFindingsTree, &QTreeWidget::currentItemChanged, this, &FindingsPage::showSelected);
    connect(m_ui->findingsFilterCombo, &QComboBox::currentIndexChanged, this, &FindingsPage::fillTree);
    connect(m_ui->refreshFindingsButton, &QPushButton::clicked, this, &FindingsPage::refresh);
    connect(m_ui->addFindingButton, &QPushButton::clicked, this, &FindingsPage::addFinding);
    connect(m_ui->saveFindingButton, &QPushButton::clicked, this, &FindingsPage::saveSelected);
    connect(m_ui->dismissFindingButton, &QPushButton::clicked, this, &FindingsPage::dismissSelected);
    connect(m_ui->undismissFindingButton, &QPushButton::clicked, this, &FindingsPage::undismissSelected);
    connect(m_ui->removeFindingButton, &QPushButton::clicked, this, &FindingsPage::removeSelected);
    updateButtons();
}

FindingsPage::~FindingsPage() = default;

void FindingsPage::setEditor(fs::model::SurveyEditor *editor)
{
    m_editor = editor;
    updateButtons();
}

void FindingsPage::setClock(const fs::model::Clock *clock)
{
    m_clock = clock ? clock : &fs::model::Clock::system();
}

void FindingsPage::setSurvey(const fs::model::SurveyStore *store)
{
    m_store = store;
    m_report = {};
    fillTree();
}

bool FindingsPage::editable() const
{
    return m_editor && m_store && !m_store->isReadOnly();
}

void FindingsPage::refresh()
{
    if (!m_store)
        return;
    const QDate today = m_clock->now().toLocalTime().date();
    if (editable()) {
        auto refreshed = fs::model::FindingsEngine::refresh(m_editor->store(), today);
        if (!refreshed) {
            qCWarning(lcUi) << "re-evaluating the findings failed:" << refreshed.error().detail;
            emit statusMessage(tr("The rules could not be run: %1").arg(refreshed.error().detail));
        } else if (refreshed->added + refreshed->updated + refreshed->removed > 0) {
            emit statusMessage(tr("Findings re-evaluated: %1 new, %2 changed, %3 no longer raised")
                                   .arg(refreshed->added)
                                   .arg(refreshed->updated)
                                   .arg(refreshed->removed));
            emit findingsRefreshed();
        }
    }
    reload();
}

void FindingsPage::reload()
{
    if (!m_store) {
        m_report = {};
        fillTree();
        return;
    }
    auto report = fs::report::ReportData::gather(*m_store, m_clock->now().toLocalTime().date());
    if (!report) {
        qCWarning(lcUi) << "reading the findings failed:" << report.error().detail;
        emit statusMessage(tr("The findings could not be read: %1").arg(report.error().detail));
        return;
    }
    m_report = std::move(*report);
    fillTree();
}

void FindingsPage::fillTree()
{
    const fs::model::Finding *previous = selected();
    const QString keep = previous ? previous->uuid : QString();
    const int filter = m_ui->findingsFilterCombo->currentData().toInt();
    QSignalBlocker blocker(m_ui->surveyFindingsTree);
    m_ui->surveyFindingsTree->clear();
    int danger = 0;
    int caution = 0;
    int dismissed = 0;
    QTreeWidgetItem *current = nullptr;
    for (qsizetype i = 0; i < m_report.findings.size(); ++i) {
        const fs::model::Finding &f = m_report.findings.at(i);
        danger += f.isActive() && f.status == QStringLiteral("danger") ? 1 : 0;
        caution += f.isActive() && f.status == QStringLiteral("caution") ? 1 : 0;
        dismissed += f.dismissed ? 1 : 0;
        const bool show =
            (filter == AllFindings) || (filter == ActiveFindings && f.isActive()) ||
            (filter == DangerFindings && f.isActive() && f.status == QStringLiteral("danger")) ||
            (filter == CautionFindings && f.isActive() && f.status == QStringLiteral("caution")) ||
            (filter == DismissedFindings && f.dismissed);
        if (!show)
            continue;
        auto *item = new QTreeWidgetItem(m_ui->surveyFindingsTree);
        item->setData(0, Qt::UserRole, int(i));
        item->setText(StatusColumn, ModelLabels::value(QStringLiteral("finding_status"), f.status));
        item->setText(TargetColumn, m_report.targetLabel(f));
        item->setText(CategoryColumn, f.category);
        QString text = f.text;
        if (f.needsConfirmation)
            text += tr(" (to be confirmed)");
        item->setText(TextColumn, text);
        item->setToolTip(TextColumn, f.recommendation);
        QString source = f.isRuleFinding() ? tr("Rule %1").arg(f.ruleId) : tr("Investigator");
        if (f.isRuleFinding() && f.isEdited())
            source += tr(", edited");
        if (f.dismissed)
            source = tr("Dismissed: %1").arg(f.dismissedReason);
        item->setText(SourceColumn, source);
        const QColor colour = statusColour(f.status);
        if (colour.isValid() && f.isActive())
            item->setBackground(StatusColumn, colour);
        if (f.dismissed) {
            for (int c = 0; c < m_ui->surveyFindingsTree->columnCount(); ++c)
                item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (!keep.isEmpty() && f.uuid == keep)
            current = item;
    }
    m_ui->findingsSummaryLabel->setText(
        tr("Danger %1 · Caution %2 · Dismissed %3 (as of %4)")
            .arg(danger)
            .arg(caution)
            .arg(dismissed)
            .arg(m_report.asOf.isValid() ? m_report.asOf.toString(Qt::ISODate) : QStringLiteral("—")));
    if (!current && m_ui->surveyFindingsTree->topLevelItemCount() > 0)
        current = m_ui->surveyFindingsTree->topLevelItem(0);
    m_ui->surveyFindingsTree->setCurrentItem(current);
    blocker.unblock();
    showSelected();
}

const fs::model::Finding *FindingsPage::selected() const
{
    const QTreeWidgetItem *item = m_ui->surveyFindingsTree->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(0, Qt::UserRole).toInt();
    if (index < 0 || index >= m_report.findings.size())
        return nullptr;
    return &m_report.findings.at(index);
}

bool FindingsPage::selectFinding(const QString &uuid)
{
    for (int i = 0; i < m_ui->surveyFindingsTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->surveyFindingsTree->topLevelItem(i);
        const int index = item->data(0, Qt::UserRole).toInt();
        if (m_report.findings.value(index).uuid == uuid) {
            m_ui->surveyFindingsTree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void FindingsPage::showSelected()
{
    const fs::model::Finding *f = selected();
    m_ui->findingStatusCombo->setCurrentIndex(f ? std::max(0, m_ui->findingStatusCombo->findData(f->status))
                                                : 0);
    m_ui->findingCategoryEdit->setText(f ? f->category : QString());
    m_ui->findingTextEdit->setPlainText(f ? f->text : QString());
    m_ui->findingRecommendationEdit->setPlainText(f ? f->recommendation : QString());
    m_ui->findingEvidenceView->setPlainText(f ? f->evidence : QString());
    QStringList provenance;
    if (f) {
        provenance << (f->isRuleFinding() ? tr("Raised by rule %1.").arg(f->ruleId)
                                          : tr("Added by the investigator."));
        if (f->isEdited() && f->isRuleFinding())
            provenance << tr("Edited by %1 on %2; the rules no longer change it.")
                              .arg(f->editedBy,
                                   f->editedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (f->needsConfirmation)
            provenance << tr(
                "To be confirmed: the rule rests on facts that were not read from the primary source.");
        if (f->dismissed)
            provenance << tr("Dismissed by %1: %2").arg(f->dismissedBy, f->dismissedReason);
        if (f->uuid.isEmpty())
            provenance << tr("Not stored yet (the survey is open read-only).");
    }
    m_ui->findingProvenanceLabel->setText(provenance.join(QLatin1Char(' ')));
    updateButtons();
}

void FindingsPage::updateButtons()
{
    const fs::model::Finding *f = selected();
    const bool canEdit = editable() && f && !f->uuid.isEmpty();
    m_ui->saveFindingButton->setEnabled(canEdit);
    m_ui->dismissFindingButton->setEnabled(canEdit && !f->dismissed);
    m_ui->undismissFindingButton->setEnabled(canEdit && f->dismissed);
    m_ui->removeFindingButton->setEnabled(canEdit && !f->isRuleFinding());
    m_ui->addFindingButton->setEnabled(editable());
    m_ui->refreshFindingsButton->setEnabled(m_store != nullptr);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->findingStatusCombo, m_ui->findingCategoryEdit})
        w->setEnabled(canEdit);
    m_ui->findingTextEdit->setReadOnly(!canEdit);
    m_ui->findingRecommendationEdit->setReadOnly(!canEdit);
}

void FindingsPage::saveSelected()
{
    const fs::model::Finding *f = selected();
    if (!f || !editable())
        return;
    const QString text = m_ui->findingTextEdit->toPlainText().trimmed();
    if (text.isEmpty()) {
        QMessageBox::warning(this, tr("Edit finding"), tr("A finding needs a text. Dismiss it instead."));
        return;
    }
    const QString uuid = f->uuid;
    if (m_editor->editFinding(uuid, m_ui->findingStatusCombo->currentData().toString(),
                              m_ui->findingCategoryEdit->text().trimmed(), text,
                              m_ui->findingRecommendationEdit->toPlainText().trimmed(), tr("Edit finding"))) {
        reload();
        selectFinding(uuid);
        emit statusMessage(tr("Finding saved; the rules will leave it as it is now."));
    }
}

void FindingsPage::dismissSelected()
{
    const fs::model::Finding *f = selected();
    if (!f || !editable())
        return;
    const QString uuid = f->uuid;
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(
        this, tr("Dismiss finding"),
        tr("Why does this finding not apply? The reason is kept with the finding and listed in the report."),
        {}, &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::warning(this, tr("Dismiss finding"), tr("A dismissal needs a reason."));
        return;
    }
    if (m_editor->dismissFinding(uuid, reason, tr("Dismiss finding"))) {
        reload();
        selectFinding(uuid);
    }
}

void FindingsPage::undismissSelected()
{
    const fs::model::Finding *f = selected();
    if (!f || !editable())
        return;
    const QString uuid = f->uuid;
    if (m_editor->dismissFinding(uuid, {}, tr("Take back dismissal"))) {
        reload();
        selectFinding(uuid);
    }
}

void FindingsPage::removeSelected()
{
    const fs::model::Finding *f = selected();
    if (!f || !editable() || f->isRuleFinding())
        return;
    if (m_editor->removeFinding(f->uuid, tr("Remove finding")))
        reload();
}

void FindingsPage::addFinding()
{
    if (!editable())
        return;
    FindingDialog dialog(m_report, this);
    if (const fs::model::Finding *f = selected())
        dialog.setTarget(f->targetEntity, f->targetId);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto added = m_editor->addFinding(dialog.finding(), tr("Add finding"))) {
        reload();
        selectFinding(added->uuid);
    }
}

void FindingsPage::focusList()
{
    m_ui->surveyFindingsTree->setFocus();
}

} // namespace fs::app
