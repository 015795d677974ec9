#include "scandaypage.h"

#include "actor.h"
#include "clock.h"
#include "errormessages.h"
#include "findingsengine.h"
#include "logging.h"
#include "scanimporter.h"
#include "scanipdialog.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "ui_scandaypage.h"

#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>

namespace fs::app {

namespace {

using namespace fs::model;

enum LineColumn
{
    NoColumn,
    IdColumn,
    StateColumn,
    TargetColumn,
    ByColumn,
    AtColumn,
    ResultColumn,
    AssignmentColumn,
    GlobalIpColumn,
    FqdnColumn,
    PurposeColumn
};

enum ResultColumnIndex
{
    HostColumn,
    LineOfHostColumn,
    PortStateColumn,
    ServiceColumn,
    ProductColumn,
    AssessmentColumn
};

constexpr int kUuidRole = Qt::UserRole + 1;

const QColor kFlagged(0xf8, 0xd0, 0xcc);
const QColor kCaution(0xfd, 0xeb, 0xb6);

QString stateText(ScanDayState state)
{
    switch (state) {
    case ScanDayState::FixedIp:
        return ScanDayPage::tr("Ready (fixed IP)");
    case ScanDayState::Confirmed:
        return ScanDayPage::tr("Confirmed (scan-day IP)");
    case ScanDayState::Unconfirmed:
        return ScanDayPage::tr("Not confirmed: cannot be scanned");
    case ScanDayState::NoAddress:
        return ScanDayPage::tr("No global IP: cannot be scanned");
    case ScanDayState::NotPublic:
        return ScanDayPage::tr("Not a global IP: cannot be scanned");
    }
    return {};
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy/MM/dd HH:mm"))
                          : QString();
}

} // namespace

ScanDayPage::ScanDayPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ScanDayPage>())
    , m_clock(&Clock::system())
{
    m_ui->setupUi(this);
    m_ui->scanSplitter->setStretchFactor(0, 2);
    m_ui->scanSplitter->setStretchFactor(1, 3);
    auto *header = m_ui->scanDayTree->header();
    header->setStretchLastSection(true);
    for (const auto &[column, width] : {std::pair{NoColumn, 36},
                                        {IdColumn, 72},
                                        {StateColumn, 160},
                                        {TargetColumn, 110},
                                        {ByColumn, 100},
                                        {AtColumn, 125},
                                        {ResultColumn, 130},
                                        {AssignmentColumn, 64},
                                        {GlobalIpColumn, 110},
                                        {FqdnColumn, 150}})
        m_ui->scanDayTree->setColumnWidth(column, width);
    for (const auto &[column, width] : {std::pair{HostColumn, 230},
                                        {LineOfHostColumn, 90},
                                        {PortStateColumn, 90},
                                        {ServiceColumn, 100},
                                        {ProductColumn, 260}})
        m_ui->scanResultsTree->setColumnWidth(column, width);

    connect(m_ui->confirmScanIpButton, &QPushButton::clicked, this, &ScanDayPage::chooseConfirmScanIp);
    connect(m_ui->exportScanListButton, &QPushButton::clicked, this, &ScanDayPage::chooseExportCsv);
    connect(m_ui->importScanButton, &QPushButton::clicked, this, &ScanDayPage::chooseImportFiles);
    connect(m_ui->rematchScanButton, &QPushButton::clicked, this, &ScanDayPage::rematch);
    connect(m_ui->removeScanImportButton, &QPushButton::clicked, this, &ScanDayPage::removeSelectedImport);
    connect(m_ui->scanDayTree, &QTreeWidget::currentItemChanged, this, &ScanDayPage::updateButtons);
    connect(m_ui->scanDayTree, &QTreeWidget::itemActivated, this, &ScanDayPage::chooseConfirmScanIp);
    updateButtons();
}

ScanDayPage::~ScanDayPage() = default;

void ScanDayPage::setSurvey(SurveyStore *store, SurveyEditor *editor)
{
    m_store = store;
    m_editor = store && !store->isReadOnly() ? editor : nullptr;
    reload();
}

void ScanDayPage::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
}

void ScanDayPage::focusList()
{
    m_ui->scanDayTree->setFocus();
}

void ScanDayPage::showError(const QString &action, const fs::Error &error)
{
    // The detail names the file and line of a bad scan file: the user needs it to fix the file.
    ErrorMessages::show(this, tr("FieldSurvey"), action, error, ErrorMessages::Detail::Shown);
}

void ScanDayPage::reload()
{
    m_lines.clear();
    m_rows.clear();
    m_hosts.clear();
    m_ports.clear();
    m_imports.clear();
    if (m_store) {
        if (m_editor) {
            // A line's address changed (an edit, or its undo): hosts follow.
            if (auto r = ScanImporter::rematch(*m_store); r && *r > 0)
                emit scansChanged();
        }
        auto lines = m_store->connectionPoints();
        auto hosts = m_store->scanHosts();
        auto ports = m_store->scanPorts();
        auto imports = m_store->scanImports();
        if (lines && hosts && ports && imports) {
            m_lines = *lines;
            m_hosts = *hosts;
            m_ports = *ports;
            m_imports = *imports;
            m_rows = ScanDay::rows(m_lines, m_hosts, m_ports);
        } else {
            qCWarning(lcUi) << "reading the scans failed:"
                            << describe(!lines   ? lines.error()
                                        : !hosts ? hosts.error()
                                        : !ports ? ports.error()
                                                 : imports.error());
        }
    }
    fillTrees();
}

void ScanDayPage::fillTrees()
{
    const QString current = m_ui->scanDayTree->currentItem()
                                ? m_ui->scanDayTree->currentItem()->data(0, kUuidRole).toString()
                                : QString();
    m_ui->scanDayTree->clear();
    int flagged = 0;
    QTreeWidgetItem *select = nullptr;
    for (const ScanDayRow &r : std::as_const(m_rows)) {
        auto *item = new QTreeWidgetItem(m_ui->scanDayTree);
        item->setData(0, kUuidRole, r.uuid);
        item->setText(NoColumn, QString::number(r.lineNo));
        item->setText(IdColumn, r.cafId);
        item->setText(PurposeColumn, r.purpose);
        item->setText(AssignmentColumn, r.ipAssignment);
        item->setText(GlobalIpColumn, r.declaredIp);
        item->setText(FqdnColumn, r.fqdn);
        item->setText(TargetColumn, r.target);
        item->setText(ByColumn, r.confirmedBy);
        item->setText(AtColumn, when(r.confirmedAt));
        item->setText(StateColumn, stateText(r.state));
        item->setText(ResultColumn, r.hostsScanned == 0
                                        ? (m_imports.isEmpty() ? QString() : tr("Not scanned"))
                                        : tr("%n open port(s)", nullptr, r.openPorts));
        if (r.isFlagged()) {
            ++flagged;
            for (int c = 0; c <= PurposeColumn; ++c)
                item->setBackground(c, kFlagged);
            item->setToolTip(StateColumn,
                             tr("The scan team cannot scan this line until its address is confirmed."));
        }
        if (r.uuid == current)
            select = item;
    }
    if (!select && m_ui->scanDayTree->topLevelItemCount() > 0)
        select = m_ui->scanDayTree->topLevelItem(0);
    if (select)
        m_ui->scanDayTree->setCurrentItem(select);

    int unmatched = 0;
    QString summary = tr("%n line(s) asked for the vulnerability scan", nullptr, int(m_rows.size()));
    if (flagged > 0)
        summary += QStringLiteral(" — ") + tr("%n cannot be scanned as they stand", nullptr, flagged);

    // Results: one item per host (latest import first), its ports below.
    m_ui->scanResultsTree->clear();
    QHash<qint64, QString> cafById;
    for (const ConnectionPoint &cp : std::as_const(m_lines))
        cafById.insert(cp.id, cp.cafId);
    QHash<qint64, QString> fileById;
    for (const ScanImport &s : std::as_const(m_imports))
        fileById.insert(s.id, s.fileName);
    QSet<qint64> currentPorts;
    for (const ScanPort &p : std::as_const(m_ports))
        currentPorts.insert(p.id);
    for (auto it = m_hosts.crbegin(); it != m_hosts.crend(); ++it) {
        const ScanHost &h = *it;
        auto *hostItem = new QTreeWidgetItem(m_ui->scanResultsTree);
        QString title = h.address;
        if (!h.hostnames.isEmpty())
            title += QStringLiteral(" (") + h.hostnames.section(QLatin1Char('\n'), 0, 0) + QLatin1Char(')');
        hostItem->setText(HostColumn, title);
        hostItem->setToolTip(HostColumn, tr("From %1").arg(fileById.value(h.scanImportId)));
        const bool matched = h.connectionPointId != 0;
        hostItem->setText(LineOfHostColumn, matched ? cafById.value(h.connectionPointId) : tr("No line"));
        hostItem->setText(PortStateColumn, h.status);
        hostItem->setText(ProductColumn, h.osMatch);
        if (!matched && h.status == QStringLiteral("up")) {
            ++unmatched;
            for (int c = 0; c <= AssessmentColumn; ++c)
                hostItem->setBackground(c, kCaution);
            hostItem->setText(AssessmentColumn, tr("Matched no line"));
        }
        int open = 0;
        for (const ScanPort &p : h.ports) {
            if (p.state == QStringLiteral("closed"))
                continue;
            auto *portItem = new QTreeWidgetItem(hostItem);
            portItem->setText(HostColumn, QStringLiteral("%1/%2").arg(p.port).arg(p.protocol));
            portItem->setText(PortStateColumn, p.state);
            portItem->setText(ServiceColumn, p.service);
            portItem->setText(
                ProductColumn,
                QStringList{p.product, p.version, p.extraInfo}.join(QLatin1Char(' ')).simplified());
            if (!p.scriptOutput.isEmpty())
                portItem->setToolTip(ProductColumn, p.scriptOutput.left(2000));
            open += p.isOpen() ? 1 : 0;
            if (!currentPorts.contains(p.id)) {
                portItem->setText(AssessmentColumn, tr("Superseded by a later scan"));
                portItem->setForeground(AssessmentColumn, palette().color(QPalette::PlaceholderText));
                continue;
            }
            const PortAssessment a = FindingsEngine::assessPort(p);
            if (!a.status.isEmpty()) {
                portItem->setText(AssessmentColumn,
                                  (a.status == QStringLiteral("danger") ? tr("Danger") : tr("Caution")) +
                                      QStringLiteral(": ") + a.note);
                portItem->setBackground(AssessmentColumn,
                                        a.status == QStringLiteral("danger") ? kFlagged : kCaution);
            }
        }
        hostItem->setText(ServiceColumn, tr("%n open", nullptr, open));
        hostItem->setExpanded(open > 0);
    }
    if (!m_imports.isEmpty()) {
        summary += QStringLiteral("\n") + tr("%n scan(s) imported", nullptr, int(m_imports.size()));
        if (unmatched > 0)
            summary += QStringLiteral(" — ") + tr("%n host(s) matched no line", nullptr, unmatched);
    }
    m_ui->scanSummaryLabel->setText(summary);

    m_ui->scanImportsCombo->clear();
    for (auto it = m_imports.crbegin(); it != m_imports.crend(); ++it) {
        const QDateTime scanned = QDateTime::fromString(it->scannedAt, Qt::ISODate);
        m_ui->scanImportsCombo->addItem(
            tr("%1 — nmap %2, %3, %n host(s)", nullptr, it->hostCount)
                .arg(it->fileName, it->scannerVersion, scanned.isValid() ? when(scanned) : it->scannedAt),
            it->uuid);
    }
    updateButtons();
}

void ScanDayPage::updateButtons()
{
    const bool editable = m_editor != nullptr;
    m_ui->confirmScanIpButton->setEnabled(editable && selectedRow());
    m_ui->importScanButton->setEnabled(editable);
    m_ui->rematchScanButton->setEnabled(editable && !m_hosts.isEmpty());
    m_ui->removeScanImportButton->setEnabled(editable && m_ui->scanImportsCombo->count() > 0);
    m_ui->exportScanListButton->setEnabled(m_store != nullptr);
}

const ScanDayRow *ScanDayPage::selectedRow() const
{
    const QTreeWidgetItem *item = m_ui->scanDayTree->currentItem();
    if (!item)
        return nullptr;
    const QString uuid = item->data(0, kUuidRole).toString();
    for (const ScanDayRow &r : m_rows) {
        if (r.uuid == uuid)
            return &r;
    }
    return nullptr;
}

bool ScanDayPage::selectLine(const QString &lineUuid)
{
    for (int i = 0; i < m_ui->scanDayTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->scanDayTree->topLevelItem(i);
        if (item->data(0, kUuidRole).toString() == lineUuid) {
            m_ui->scanDayTree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool ScanDayPage::confirmScanIp(const QString &lineUuid, const QString &address, const QString &by,
                                const QDateTime &at)
{
    if (!m_editor)
        return false;
    const auto line = std::find_if(m_lines.cbegin(), m_lines.cend(),
                                   [&](const ConnectionPoint &cp) { return cp.uuid == lineUuid; });
    if (line == m_lines.cend())
        return false;
    auto changes = ScanDay::confirmation(*line, address, by, at);
    if (!changes) {
        showError(tr("Confirming the scan-day IP of %1").arg(line->cafId), changes.error());
        return false;
    }
    const QString caf = line->cafId;
    if (!m_editor->setFields(*changes, tr("Confirm the scan-day IP of %1").arg(caf)))
        return false; // the editor reported it
    reload();
    emit statusMessage(tr("%1: scan-day IP %2 recorded").arg(caf, address.trimmed()));
    return true;
}

void ScanDayPage::chooseConfirmScanIp()
{
    const ScanDayRow *row = selectedRow();
    if (!row || !m_editor)
        return;
    const auto line = std::find_if(m_lines.cbegin(), m_lines.cend(),
                                   [&](const ConnectionPoint &cp) { return cp.uuid == row->uuid; });
    if (line == m_lines.cend())
        return;
    ScanIpDialog dialog(*line, m_store->actor().isEmpty() ? defaultActor() : m_store->actor(), m_clock->now(),
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    confirmScanIp(line->uuid, dialog.address(), dialog.confirmedBy(), dialog.confirmedAt());
}

bool ScanDayPage::importScanFile(const QString &path)
{
    if (!m_editor)
        return false;
    auto result = ScanImporter::importFile(*m_store, path);
    if (!result) {
        showError(tr("Importing %1").arg(QDir::toNativeSeparators(path)), result.error());
        return false;
    }
    reload();
    emit scansChanged();
    const ScanImport &s = result->import;
    QString message = tr("%1: %n host(s), ", nullptr, s.hostCount).arg(s.fileName) +
                      tr("%n matched to lines, ", nullptr, s.matchedHostCount) +
                      tr("%n open port(s)", nullptr, s.openPortCount);
    if (!result->unmatched.isEmpty())
        message +=
            QStringLiteral(" — ") + tr("not matched: %1").arg(result->unmatched.join(QStringLiteral(", ")));
    emit statusMessage(message);
    return true;
}

void ScanDayPage::chooseImportFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Nmap XML results"), QString(),
                                                            tr("Nmap XML (*.xml);;All files (*)"));
    for (const QString &path : paths)
        importScanFile(path);
}

bool ScanDayPage::exportCsv(const QString &path)
{
    if (!m_store)
        return false;
    auto hospital = m_store->hospital();
    const QByteArray csv = ScanDay::toCsv(m_rows, hospital ? hospital->name : QString());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        showError(tr("Writing %1").arg(QDir::toNativeSeparators(path)),
                  fs::Error{ErrorCode::Io, file.errorString()});
        return false;
    }
    emit statusMessage(tr("Wrote the scan-day list to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ScanDayPage::chooseExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the scan-day list"),
                                                      tr("scan-day-list.csv"), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void ScanDayPage::rematch()
{
    if (!m_editor)
        return;
    auto changed = ScanImporter::rematch(*m_store);
    if (!changed) {
        showError(tr("Matching the scanned hosts"), changed.error());
        return;
    }
    reload();
    emit scansChanged();
    emit statusMessage(tr("%n host(s) matched to a different line", nullptr, *changed));
}

void ScanDayPage::removeSelectedImport()
{
    if (!m_editor || m_ui->scanImportsCombo->currentIndex() < 0)
        return;
    const QString uuid = m_ui->scanImportsCombo->currentData().toString();
    if (QMessageBox::question(this, tr("Remove import"),
                              tr("Remove %1 with all its hosts and ports? Findings from it go as well.")
                                  .arg(m_ui->scanImportsCombo->currentText())) != QMessageBox::Yes)
        return;
    if (auto r = m_store->removeScanImport(uuid); !r) {
        showError(tr("Removing the import"), r.error());
        return;
    }
    reload();
    emit scansChanged();
}

} // namespace fs::app
