#include "syncdialog.h"

#include "credentialcache.h"
#include "errormessages.h"
#include "kintoneclient.h"
#include "logging.h"
#include "surveystore.h"
#include "syncsources.h"
#include "timetext.h"
#include "ui_syncdialog.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTimeZone>

namespace fs::app {

using fs::model::Secret;
using fs::model::SyncConflict;

namespace {

const QString kConfigPathKey = QStringLiteral("portal/configPath");
const QString kRememberKey = QStringLiteral("portal/rememberToday"); // whether to look in the keychain

enum QueueColumn
{
    QueueItemColumn,
    QueueIdColumn,
    QueueChangeColumn,
    QueueAttemptsColumn,
    QueueErrorColumn,
    QueueChangedColumn,
};

enum ConflictColumn
{
    ConflictFieldColumn,
    ConflictBaseColumn,
    ConflictLocalColumn,
    ConflictPortalColumn,
    ConflictModifierColumn,
    ConflictDetectedColumn,
};

QString japanTime(const QDateTime &time)
{
    return TimeText::japanTime(time);
}

QString shortId(const QString &uuid)
{
    return uuid.left(8);
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 2);
}

// Columns as wide as their text, but none so wide that the values beside it scroll away (a
// long value is elided; its tooltip shows it whole).
void fitColumns(QTableWidget *table)
{
    table->resizeColumnsToContents();
    const int widest = table->fontMetrics().averageCharWidth() * 40;
    for (int column = 0; column < table->columnCount() - 1; ++column) {
        if (table->columnWidth(column) > widest)
            table->setColumnWidth(column, widest);
    }
}

} // namespace

SyncDialog::SyncDialog(fs::model::SurveyStore &store, QWidget *parent, const QString &configPath)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SyncDialog>())
    , m_store(store)
{
    m_ui->setupUi(this);
    m_ui->detailText->hide();
    m_ui->configErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: #a4262c; }"));
    m_ui->configErrorLabel->hide();
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    for (QTableWidget *table : {m_ui->queueTable, m_ui->conflictTable}) {
        table->verticalHeader()->hide();
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        table->horizontalHeader()->setStretchLastSection(true);
    }
    {
        QSettings settings;
        m_ui->rememberCheck->setChecked(settings.value(kRememberKey, false).toBool());
    }

    connect(m_ui->chooseConfigButton, &QPushButton::clicked, this, &SyncDialog::chooseConfig);
    connect(m_ui->configPathEdit, &QLineEdit::editingFinished, this, &SyncDialog::loadConfigFromEdit);
    connect(m_ui->syncButton, &QPushButton::clicked, this, &SyncDialog::startSync);
    connect(m_ui->pauseButton, &QPushButton::toggled, this, &SyncDialog::pause);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SyncDialog::stop);
    connect(m_ui->keepLocalButton, &QPushButton::clicked, this, &SyncDialog::keepLocal);
    connect(m_ui->takePortalButton, &QPushButton::clicked, this, &SyncDialog::takePortal);
    connect(m_ui->conflictTable, &QTableWidget::itemSelectionChanged, this,
            &SyncDialog::updateDecisionButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SyncDialog::reject);
    connect(m_ui->rememberCheck, &QCheckBox::toggled, this, [this](bool remember) {
        QSettings().setValue(kRememberKey, remember);
        if (!remember && m_config) {
            // Unticked: what was remembered today goes too.
            for (const QString &kind : {QStringLiteral("portal-certificate"), QStringLiteral("portal"),
                                        QStringLiteral("portal-token")})
                CredentialCache::forget(keychainAccount(kind));
        }
    });

    const QString path = configPath.isEmpty() ? QSettings().value(kConfigPathKey).toString() : configPath;
    if (path.isEmpty())
        m_ui->portalLabel->setText(tr("Choose the portal configuration file the programme office gave you."));
    else
        setConfigPath(path);
    setRunning(false);
    if (m_store.isReadOnly())
        showInline(tr("This survey is open read-only: it cannot be synced."));
    refresh();
}

SyncDialog::~SyncDialog() = default;

QString SyncDialog::configPath() const
{
    return QDir::fromNativeSeparators(m_ui->configPathEdit->text().trimmed());
}

bool SyncDialog::setConfigPath(const QString &path)
{
    m_ui->configPathEdit->setText(QDir::toNativeSeparators(path));
    m_config.reset();
    m_mapping.reset();
    m_ui->portalLabel->clear();
    m_ui->configErrorLabel->clear();
    m_ui->configErrorLabel->hide();
    const auto fail = [this](const fs::Error &error) {
        // The detail names the file and the key (or the mapping's JSON path) to fix.
        m_ui->configErrorLabel->setText(tr("This configuration cannot be used: %1").arg(error.detail));
        m_ui->configErrorLabel->show();
        qCInfo(lcUi) << "portal configuration refused:" << describe(error);
        setRunning(false);
        return false;
    };
    auto config = fs::sync::PortalConfig::load(path);
    if (!config)
        return fail(config.error());
    auto mapping = config->mappingFile.isEmpty() ? fs::sync::FieldMapping::builtIn()
                                                 : fs::sync::FieldMapping::load(config->mappingFile);
    if (!mapping)
        return fail(mapping.error());
    m_config = std::move(*config);
    m_mapping = std::move(*mapping);
    QSettings().setValue(kConfigPathKey, QFileInfo(path).absoluteFilePath());

    const QString url = m_config->baseUrl.toDisplayString();
    const bool token = m_config->auth == fs::sync::PortalConfig::Auth::ApiToken;
    m_ui->portalLabel->setText(token ? tr("%1 with an API token").arg(url)
                                     : tr("%1 as %2", "portal URL as login").arg(url, m_config->login));
    m_ui->passwordLabel->setText(token ? tr("&API token:") : tr("Pass&word:"));
    const bool certificate = !m_config->clientCertificate.isEmpty();
    m_ui->passphraseEdit->setPlaceholderText(
        certificate ? QFileInfo(m_config->clientCertificate).fileName()
                    : tr("not needed: the configuration names no client certificate"));
    setRunning(false);
    refreshConflicts(); // the field labels come from the mapping
    return true;
}

void SyncDialog::loadConfigFromEdit()
{
    const QString path = configPath();
    if (path.isEmpty() || isRunning())
        return;
    if (m_config && QSettings().value(kConfigPathKey).toString() == QFileInfo(path).absoluteFilePath())
        return; // unchanged
    setConfigPath(path);
}

void SyncDialog::chooseConfig()
{
    const QString current = configPath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Portal configuration"), current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Portal configuration (*.json);;All files (*)"));
    if (!path.isEmpty())
        setConfigPath(path);
}

QString SyncDialog::keychainAccount(const QString &kind) const
{
    if (!m_config)
        return {};
    QString peer = m_config->baseUrl.host();
    if (m_config->baseUrl.port() > 0)
        peer += QStringLiteral(":%1").arg(m_config->baseUrl.port());
    return CredentialCache::account(kind, m_config->login, peer);
}

Secret SyncDialog::takeSecret(QLineEdit *edit, const QString &account, bool *typed)
{
    *typed = false;
    QString text = edit->text();
    edit->clear(); // the edit lets go of its copy first, so that fromString wipes the only one
    if (!text.isEmpty()) {
        *typed = true;
        return Secret::fromString(text);
    }
    if (account.isEmpty())
        return Secret();
    if (auto remembered = CredentialCache::recall(account, QDate::currentDate()))
        return std::move(*remembered);
    return Secret();
}

void SyncDialog::startSync()
{
    if (isRunning())
        return;
    m_report.reset();
    m_error.reset();
    m_ui->statusLabel->clear();
    m_ui->detailText->clear();
    m_ui->detailText->hide();
    m_ui->progressLabel->clear();
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    if (m_store.isReadOnly()) {
        showInline(tr("This survey is open read-only: it cannot be synced."));
        return;
    }
    if (!m_config && (configPath().isEmpty() || !setConfigPath(configPath()))) {
        showInline(tr("Choose a portal configuration that can be used first."));
        m_ui->configPathEdit->setFocus();
        return;
    }

    const bool token = m_config->auth == fs::sync::PortalConfig::Auth::ApiToken;
    // Remembering for today also means looking in the keychain when a field is left empty.
    const bool remember = m_ui->rememberCheck->isChecked();
    const QString passwordAccount =
        remember ? keychainAccount(token ? QStringLiteral("portal-token") : QStringLiteral("portal"))
                 : QString();
    const QString passphraseAccount =
        remember ? keychainAccount(QStringLiteral("portal-certificate")) : QString();
    // The password first: without it nothing is taken out of the form.
    if (m_ui->passwordEdit->text().isEmpty() && !remember) {
        showInline(token ? tr("Enter the API token.") : tr("Enter the password of %1.").arg(m_config->login));
        m_ui->passwordEdit->setFocus();
        return;
    }
    bool passwordTyped = false;
    Secret password = takeSecret(m_ui->passwordEdit, passwordAccount, &passwordTyped);
    if (password.isEmpty()) {
        showInline(token
                       ? tr("Enter the API token (none is remembered for today).")
                       : tr("Enter the password of %1 (none is remembered for today).").arg(m_config->login));
        m_ui->passwordEdit->setFocus();
        return;
    }
    bool passphraseTyped = false;
    Secret passphrase;
    if (!m_config->clientCertificate.isEmpty())
        passphrase = takeSecret(m_ui->passphraseEdit, passphraseAccount, &passphraseTyped);
    m_ui->passphraseEdit->clear();
    // Kept only to go into the keychain once the portal has accepted them.
    std::optional<Secret> rememberPassword;
    std::optional<Secret> rememberPassphrase;
    if (remember && passwordTyped)
        rememberPassword = password.clone();
    if (remember && passphraseTyped)
        rememberPassphrase = passphrase.clone();

    fs::sync::PortalCredentials credentials;
    credentials.passphrase = std::move(passphrase);
    (token ? credentials.apiToken : credentials.password) = std::move(password);
    fs::sync::KintoneClient client(*m_config);
    if (auto c = client.setCredentials(std::move(credentials)); !c) {
        // A remembered passphrase the certificate refuses is not offered again.
        if (remember && !passphraseTyped && c.error().code == ErrorCode::TlsFailed)
            CredentialCache::forget(passphraseAccount);
        showError(c.error());
        return;
    }

    fs::sync::SyncEngine engine(m_store, client, *m_mapping);
    connect(&engine, &fs::sync::SyncEngine::progress, this, &SyncDialog::showProgress);
    m_engine = &engine;
    setRunning(true);
    qCInfo(lcUi) << "portal sync started:" << m_config->baseUrl.host();
    auto result = engine.run();
    m_engine = nullptr;
    setRunning(false);

    if (result) {
        m_report = *result;
        const QDate today = QDate::currentDate();
        for (const auto &[account, secret] : {std::pair{passwordAccount, &rememberPassword},
                                              std::pair{passphraseAccount, &rememberPassphrase}}) {
            if (!*secret)
                continue;
            if (auto r = CredentialCache::remember(account, **secret, today); !r)
                qCInfo(lcUi) << "not remembered:" << describe(r.error());
        }
    } else if (remember && !passwordTyped && result.error().code == ErrorCode::AuthenticationFailed) {
        CredentialCache::forget(passwordAccount); // the portal refuses the remembered password
    }
    refresh();
    if (result)
        showReport(*result);
    else
        showError(result.error());
    emit syncStateChanged();
    // A failed sync may have taken portal changes in an earlier round: reload then too.
    if (!result || result->pulled > 0 || result->removedHere > 0)
        emit surveyChanged();
}

void SyncDialog::pause(bool paused)
{
    m_ui->pauseButton->setText(paused ? tr("&Resume") : tr("Pa&use"));
    if (!m_engine)
        return;
    m_engine->setPaused(paused);
    m_ui->statusLabel->setText(paused ? tr("Paused: nothing more is sent until you resume.") : QString());
}

void SyncDialog::stop()
{
    if (!m_engine)
        return;
    m_engine->cancel();
    m_ui->statusLabel->setText(tr("Stopping…"));
}

void SyncDialog::reject()
{
    if (isRunning()) {
        stop(); // the dialog closes once the sync has stopped and Close is pressed again
        return;
    }
    QDialog::reject();
}

void SyncDialog::setRunning(bool running)
{
    m_ui->syncButton->setEnabled(!running && m_config && !m_store.isReadOnly());
    m_ui->cancelButton->setEnabled(running);
    m_ui->pauseButton->setEnabled(running);
    if (!running && m_ui->pauseButton->isChecked()) {
        const QSignalBlocker blocker(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(false);
        m_ui->pauseButton->setText(tr("Pa&use"));
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->configPathEdit, m_ui->chooseConfigButton,
                                                       m_ui->passwordEdit, m_ui->rememberCheck})
        w->setEnabled(!running);
    m_ui->passphraseEdit->setEnabled(!running && (!m_config || !m_config->clientCertificate.isEmpty()));
    if (running) {
        m_ui->progressBar->setRange(0, 0); // busy until the engine says how much there is
        m_ui->cancelButton->setFocus();
    }
    updateDecisionButtons();
}

QString SyncDialog::stepLabel(const QString &step)
{
    if (step == QStringLiteral("read"))
        return tr("Reading the portal's record…");
    if (step == QStringLiteral("upload"))
        return tr("Sending files…");
    if (step == QStringLiteral("record"))
        return tr("Writing the survey's record…");
    if (step == QStringLiteral("confirm"))
        return tr("Checking what the portal stored…");
    if (step == QStringLiteral("comments"))
        return tr("Reading review comments…");
    if (step == QStringLiteral("done"))
        return tr("Done");
    if (step == QStringLiteral("failed"))
        return tr("Failed");
    return step;
}

void SyncDialog::showProgress(const fs::sync::SyncProgress &progress)
{
    QProgressBar *bar = m_ui->progressBar;
    // The record is the last item; the others are files.
    const int filesTotal = qMax(0, progress.itemsTotal - 1);
    const int filesDone = qMin(progress.itemsDone, filesTotal);
    if (progress.step == QStringLiteral("done")) {
        bar->setRange(0, 1);
        bar->setValue(1);
    } else if (progress.step == QStringLiteral("failed")) {
        bar->setRange(0, 1);
        bar->setValue(0);
    } else if (progress.step == QStringLiteral("upload") && progress.bytesTotal > 0) {
        bar->setRange(0, 1000);
        bar->setValue(int(qBound(qint64(0), progress.bytesDone * 1000 / progress.bytesTotal, qint64(1000))));
    } else if (progress.itemsTotal > 0) {
        bar->setRange(0, progress.itemsTotal);
        bar->setValue(qBound(0, progress.itemsDone, progress.itemsTotal));
    } else {
        bar->setRange(0, 0);
    }
    QString text = stepLabel(progress.step);
    if (progress.itemsTotal > 0)
        text = tr("%1 — %2 / %3 files, %4 / %5 MB")
                   .arg(text)
                   .arg(filesDone)
                   .arg(filesTotal)
                   .arg(megabytes(progress.bytesDone), megabytes(progress.bytesTotal));
    m_ui->progressLabel->setText(text);
}

void SyncDialog::showInline(const QString &headline, const QString &detail)
{
    m_ui->statusLabel->setText(QStringLiteral("<b>%1</b>").arg(headline.toHtmlEscaped()));
    m_ui->detailText->setPlainText(detail);
    m_ui->detailText->setVisible(!detail.isEmpty());
}

void SyncDialog::showReport(const fs::sync::SyncReport &report)
{
    m_ui->detailText->clear();
    m_ui->detailText->hide();
    QStringList lines;
    if (report.created)
        lines << tr("Created the survey's record on the portal (record %1).").arg(report.recordId);
    else if (report.pushed)
        lines << tr("Updated the survey's record on the portal (record %1).").arg(report.recordId);
    else
        lines << tr("The portal's record was already up to date (record %1).").arg(report.recordId);
    lines << tr("Files sent: %1; already on the portal from an earlier attempt: %2.")
                 .arg(report.uploaded)
                 .arg(report.reused);
    lines << tr("Portal changes taken into the survey: %1; items the portal removed, removed here: %2.")
                 .arg(report.pulled)
                 .arg(report.removedHere);
    lines << (report.conflicts > 0
                  ? tr("Conflicts to decide: %1 (the Conflicts tab; the next sync sends your decision).")
                        .arg(report.conflicts)
                  : tr("Conflicts to decide: none."));
    lines << tr("New review comments: %1.").arg(report.newComments);
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Synced with the portal.").toHtmlEscaped());
    for (const QString &line : std::as_const(lines))
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    m_ui->statusLabel->setText(html);
    if (report.conflicts > 0)
        m_ui->tabs->setCurrentWidget(m_ui->conflictTab);
    else if (report.newComments > 0)
        m_ui->tabs->setCurrentWidget(m_ui->commentTab);
}

void SyncDialog::showError(const fs::Error &error)
{
    m_error = error;
    qCWarning(lcUi) << "portal sync failed:" << describe(error);
    QString headline;
    switch (error.code) {
    case ErrorCode::ConnectionFailed:
        headline = tr("The portal could not be reached: check the network and the portal's address.");
        break;
    case ErrorCode::Timeout:
        headline = tr("The portal did not answer in time.");
        break;
    case ErrorCode::AuthenticationFailed:
        headline = tr("The portal refused the login, the password or the API token.");
        break;
    default:
        headline = ErrorMessages::headline(error);
    }
    QString html = QStringLiteral("<b>%1</b>").arg(headline.toHtmlEscaped());
    html +=
        QStringLiteral("<br>") +
        tr("Nothing confirmed was lost: the unsent changes stay queued for the next sync.").toHtmlEscaped();
    m_ui->statusLabel->setText(html);
    m_ui->detailText->setPlainText(error.detail);
    m_ui->detailText->setVisible(!error.detail.isEmpty());
}

void SyncDialog::refresh()
{
    refreshQueue();
    refreshConflicts();
    refreshComments();
}

QString SyncDialog::entityLabel(const QString &entity)
{
    const auto is = [&entity](const char *key) { return entity == QLatin1String(key); };
    if (is("survey"))
        return tr("Survey");
    if (is("hospital"))
        return tr("Hospital");
    if (is("investigator"))
        return tr("Investigator");
    if (is("contact"))
        return tr("Contact");
    if (is("visit_day"))
        return tr("Visit day");
    if (is("schedule_step"))
        return tr("Schedule step");
    if (is("connection_point"))
        return tr("Line");
    if (is("device"))
        return tr("Device");
    if (is("terminal"))
        return tr("Terminal");
    if (is("photo"))
        return tr("Photo");
    if (is("floor_plan"))
        return tr("Floor plan");
    if (is("pin"))
        return tr("Pin");
    if (is("finding"))
        return tr("Finding");
    if (is("scan_import"))
        return tr("Scan result");
    if (is("backup_questionnaire"))
        return tr("Backup questionnaire");
    if (is("backup_copy"))
        return tr("Backup copy");
    if (is("backup_checklist"))
        return tr("Backup checklist item");
    return entity;
}

void SyncDialog::refreshQueue()
{
    QTableWidget *table = m_ui->queueTable;
    table->setRowCount(0);
    auto entries = m_store.outboxEntries();
    if (!entries) {
        showInline(tr("The list of unsent changes cannot be read."), describe(entries.error()));
        m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->queueTab), tr("Unsent (?)"));
        return;
    }
    table->setRowCount(int(entries->size()));
    for (int row = 0; row < int(entries->size()); ++row) {
        const fs::model::OutboxEntry &e = entries->at(row);
        QString change = e.operation == QStringLiteral("delete")   ? tr("Removed")
                         : e.operation == QStringLiteral("upload") ? tr("File to send")
                                                                   : tr("Changed");
        if (e.state == QStringLiteral("conflict"))
            change = tr("%1 (waiting for your decision)", "change (conflict)").arg(change);
        table->setItem(row, QueueItemColumn, cell(entityLabel(e.entity)));
        QTableWidgetItem *id = cell(shortId(e.uuid));
        id->setToolTip(e.uuid);
        table->setItem(row, QueueIdColumn, id);
        table->setItem(row, QueueChangeColumn, cell(change));
        QTableWidgetItem *attempts = cell(QString::number(e.attempts));
        attempts->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, QueueAttemptsColumn, attempts);
        table->setItem(row, QueueErrorColumn, cell(e.lastError));
        table->setItem(row, QueueChangedColumn, cell(japanTime(e.changedAt)));
    }
    fitColumns(table);
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->queueTab), tr("Unsent (%1)").arg(entries->size()));
}

QString SyncDialog::fieldLabel(const SyncConflict &conflict) const
{
    QString label;
    if (m_mapping) {
        if (const auto *f = m_mapping->field(conflict.fieldCode))
            label = f->label;
        for (const auto &table : m_mapping->tables()) {
            if (const auto *f = label.isEmpty() ? table.field(conflict.fieldCode) : nullptr)
                label = f->label;
        }
    }
    const QString code = conflict.fieldCode.isEmpty() ? conflict.field : conflict.fieldCode;
    const QString field = label.isEmpty() ? code : tr("%1 (%2)", "field label (field code)").arg(label, code);
    if (conflict.entity == QStringLiteral("survey") || conflict.entity == QStringLiteral("hospital"))
        return tr("%1: %2", "item: field").arg(entityLabel(conflict.entity), field);
    return tr("%1 %2: %3", "item, its id: field")
        .arg(entityLabel(conflict.entity), shortId(conflict.uuid), field);
}

void SyncDialog::refreshConflicts()
{
    QTableWidget *table = m_ui->conflictTable;
    const QSignalBlocker blocker(table);
    table->setRowCount(0);
    m_conflicts.clear();
    auto conflicts = m_store.syncConflicts(true);
    if (!conflicts) {
        showInline(tr("The conflicts cannot be read."), describe(conflicts.error()));
        m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->conflictTab), tr("Conflicts (?)"));
        updateDecisionButtons();
        return;
    }
    m_conflicts = *conflicts;
    table->setRowCount(int(m_conflicts.size()));
    for (int row = 0; row < int(m_conflicts.size()); ++row) {
        const SyncConflict &k = m_conflicts.at(row);
        QTableWidgetItem *field = cell(fieldLabel(k));
        field->setData(Qt::UserRole, k.id);
        table->setItem(row, ConflictFieldColumn, field);
        table->setItem(row, ConflictBaseColumn, cell(k.baseValue));
        table->setItem(row, ConflictLocalColumn, cell(k.localValue));
        table->setItem(row, ConflictPortalColumn, cell(k.portalValue));
        table->setItem(row, ConflictModifierColumn, cell(k.portalModifier));
        table->setItem(row, ConflictDetectedColumn, cell(japanTime(k.detectedAt)));
    }
    fitColumns(table);
    if (!m_conflicts.isEmpty())
        table->selectRow(0);
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->conflictTab),
                           tr("Conflicts (%1)").arg(m_conflicts.size()));
    updateDecisionButtons();
}

void SyncDialog::refreshComments()
{
    QListWidget *list = m_ui->commentList;
    list->clear();
    auto comments = m_store.portalComments();
    if (!comments) {
        showInline(tr("The review comments cannot be read."), describe(comments.error()));
        m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->commentTab), tr("Review comments (?)"));
        return;
    }
    for (const fs::model::PortalComment &c : std::as_const(*comments)) {
        auto *item =
            new QListWidgetItem(tr("%1 — %2", "author — time").arg(c.author, japanTime(c.createdAt)) +
                                QLatin1Char('\n') + c.text);
        item->setData(Qt::UserRole, c.remoteId);
        list->addItem(item);
    }
    if (list->count() > 0)
        list->scrollToBottom(); // the newest last
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->commentTab),
                           tr("Review comments (%1)").arg(comments->size()));
}

const SyncConflict *SyncDialog::selectedConflict() const
{
    const QTableWidgetItem *item =
        m_ui->conflictTable->item(m_ui->conflictTable->currentRow(), ConflictFieldColumn);
    if (!item || !item->isSelected())
        return nullptr;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    for (const SyncConflict &k : m_conflicts) {
        if (k.id == id)
            return &k;
    }
    return nullptr;
}

void SyncDialog::updateDecisionButtons()
{
    const SyncConflict *k = isRunning() || m_store.isReadOnly() ? nullptr : selectedConflict();
    m_ui->keepLocalButton->setEnabled(k != nullptr);
    const bool writable = k && fs::model::SyncSources::isWritable(k->entity, k->field);
    m_ui->takePortalButton->setEnabled(writable);
    m_ui->takePortalButton->setToolTip(
        k && !writable ? tr("FieldSurvey works this value out itself, so it cannot take the portal's value. "
                            "Keep yours: the next sync sends it.")
                       : QString());
}

void SyncDialog::keepLocal()
{
    decide(true);
}

void SyncDialog::takePortal()
{
    decide(false);
}

void SyncDialog::decide(bool keepLocal)
{
    const SyncConflict *k = selectedConflict();
    if (!k || isRunning())
        return;
    const qint64 id = k->id;
    const QString field = fieldLabel(*k);
    if (!keepLocal && !fs::model::SyncSources::isWritable(k->entity, k->field))
        return;
    if (auto r = m_store.resolveConflict(id, keepLocal); !r) {
        qCWarning(lcUi) << "conflict" << id << "not decided:" << describe(r.error());
        m_ui->conflictMessageLabel->setText(
            QStringLiteral("<b>%1</b> %2")
                .arg(ErrorMessages::headline(r.error()).toHtmlEscaped(), r.error().detail.toHtmlEscaped()));
        return;
    }
    m_ui->conflictMessageLabel->setText(
        (keepLocal ? tr("Kept your value of %1. The next sync sends it to the portal.")
                   : tr("Took the portal's value of %1 into the survey. The next sync confirms it with the "
                        "portal."))
            .arg(field)
            .toHtmlEscaped());
    refresh();
    emit syncStateChanged();
    if (!keepLocal)
        emit surveyChanged();
}

} // namespace fs::app
