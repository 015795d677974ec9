#include "mainwindow.h"

#include "actor.h"
#include "buildinfo.h"
#include "clock.h"
#include "collectdialog.h"
#include "completenesspanel.h"
#include "connectionpointpage.h"
#include "connectivitymonitor.h"
#include "demosurvey.h"
#include "errormessages.h"
#include "findingsengine.h"
#include "findingspage.h"
#include "floorplanpage.h"
#include "importresultdialog.h"
#include "logging.h"
#include "missingitemtext.h"
#include "modellabels.h"
#include "pdfreport.h"
#include "photoexport.h"
#include "profileset.h"
#include "reportdata.h"
#include "reportpreviewdialog.h"
#include "reviewnotespanel.h"
#include "reviewtargettext.h"
#include "reviewwindow.h"
#include "scandaypage.h"
#include "schedulepage.h"
#include "shortcutoverlay.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "syncdialog.h"
#include "terminalcollector.h"
#include "terminalpage.h"
#include "ui_mainwindow.h"
#include "workbookimporter.h"
#include "xlsxexport.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_clock(&fs::model::Clock::system())
    , m_connectivity(new fs::sync::ConnectivityMonitor(this))
    , m_floorPlanPage(new FloorPlanPage(this))
    , m_completeness(new CompletenessPanel(this))
    , m_reviewNotes(new ReviewNotesPanel(this))
    , m_shortcuts(nullptr)
    , m_minuteTimer(new QTimer(this))
    , m_undoAction(new QAction(tr("&Undo"), this))
    , m_redoAction(new QAction(tr("&Redo"), this))
    , m_fileLabel(new QLabel(this))
    , m_unsyncedLabel(new QLabel(this))
    , m_networkLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/fieldsurvey/icons/fieldsurvey.svg")));
    m_shortcuts = new ShortcutOverlay(this);

    QFont nameFont = m_ui->hospitalNameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    m_ui->hospitalNameLabel->setFont(nameFont);
    m_ui->demoBadgeLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a; "
                       "border-radius: 4px; padding: 2px 8px; }"));
    m_ui->demoBadgeLabel->hide();

    m_floorPlanPage->setObjectName(QStringLiteral("floorPlanPage"));
    m_ui->floorPlansLayout->addWidget(m_floorPlanPage);
    addDockWidget(Qt::RightDockWidgetArea, m_completeness);
    resizeDocks({m_completeness}, {fontMetrics().averageCharWidth() * 44}, Qt::Horizontal);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_unsyncedLabel->setObjectName(QStringLiteral("unsyncedLabel"));
    m_networkLabel->setObjectName(QStringLiteral("networkLabel"));
    statusBar()->addWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_unsyncedLabel);
    statusBar()->addPermanentWidget(m_networkLabel);

    // Undo and redo save the field being typed in first, so nothing typed is lost.
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    // Both habits, whatever the platform's own: Ctrl+Shift+Z and Ctrl+Y.
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                 QKeySequence(Qt::CTRL | Qt::Key_Y)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    m_redoAction->setShortcuts(redoKeys);
    m_ui->editMenu->addAction(m_undoAction);
    m_ui->editMenu->addAction(m_redoAction);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        if (m_editor)
            m_editor->undoStack()->undo();
    });
    connect(m_redoAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        if (m_editor)
            m_editor->undoStack()->redo();
    });

    connect(m_ui->openAction, &QAction::triggered, this, [this] { chooseSurveyFile(false); });
    connect(m_ui->openReadOnlyAction, &QAction::triggered, this, [this] { chooseSurveyFile(true); });
    connect(m_ui->openDemoAction, &QAction::triggered, this, &MainWindow::openDemoSurvey);
    connect(m_ui->importAction, &QAction::triggered, this, &MainWindow::chooseWorkbook);
    connect(m_ui->importWarningsAction, &QAction::triggered, this, &MainWindow::showImportWarnings);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->shortcutsAction, &QAction::triggered, this, &MainWindow::toggleShortcuts);
    connect(m_ui->showScheduleAction, &QAction::triggered, this, [this] { showPage(SchedulePageIndex); });
    connect(m_ui->showConnectionPointsAction, &QAction::triggered, this,
            [this] { showPage(ConnectionPointPageIndex); });
    connect(m_ui->showTerminalsAction, &QAction::triggered, this, [this] { showPage(TerminalPageIndex); });
    connect(m_ui->showFloorPlansAction, &QAction::triggered, this, [this] { showPage(FloorPlanPageIndex); });
    connect(m_ui->showFindingsAction, &QAction::triggered, this, [this] { showPage(FindingsPageIndex); });
    connect(m_ui->refreshFindingsAction, &QAction::triggered, this, [this] {
        showPage(FindingsPageIndex);
        m_ui->findingsPage->refresh();
    });
    connect(m_ui->addFindingAction, &QAction::triggered, this, [this] {
        showPage(FindingsPageIndex);
        m_ui->findingsPage->addFinding();
    });
    connect(m_ui->showScanDayAction, &QAction::triggered, this, [this] { showPage(ScanDayPageIndex); });
    connect(m_ui->showBackupAction, &QAction::triggered, this, [this] { showPage(BackupPageIndex); });
    connect(m_ui->confirmScanIpAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        showPage(ScanDayPageIndex);
        m_ui->scanDayPage->chooseConfirmScanIp();
    });
    connect(m_ui->importScanAction, &QAction::triggered, this, [this] {
        showPage(ScanDayPageIndex);
        m_ui->scanDayPage->chooseImportFiles();
    });
    connect(m_ui->exportScanListAction, &QAction::triggered, this, [this] {
        showPage(ScanDayPageIndex);
        m_ui->scanDayPage->chooseExportCsv();
    });
    connect(m_ui->previewReportAction, &QAction::triggered, this, &MainWindow::previewReport);
    connect(m_ui->saveReportAction, &QAction::triggered, this, &MainWindow::saveReport);
    connect(m_ui->exportXlsxAction, &QAction::triggered, this, &MainWindow::exportResults);
    connect(m_ui->showMissingAction, &QAction::triggered, m_completeness, &CompletenessPanel::focusItems);
    connect(m_ui->nextItemAction, &QAction::triggered, this, [this] { selectNext(1); });
    connect(m_ui->previousItemAction, &QAction::triggered, this, [this] { selectNext(-1); });
    connect(m_ui->focusListAction, &QAction::triggered, this, [this] {
        switch (m_ui->sectionTabs->currentIndex()) {
        case SchedulePageIndex:
            m_ui->schedulePage->focusList();
            break;
        case ConnectionPointPageIndex:
            m_ui->connectionPointPage->focusList();
            break;
        case TerminalPageIndex:
            m_ui->terminalPage->focusList();
            break;
        case FindingsPageIndex:
            m_ui->findingsPage->focusList();
            break;
        case ScanDayPageIndex:
            m_ui->scanDayPage->focusList();
            break;
        case BackupPageIndex:
            m_ui->backupPage->focusList();
            break;
        default:
            m_floorPlanPage->focusPlan();
        }
    });
    connect(m_ui->recordTimeAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        m_ui->schedulePage->recordTimeNow();
    });
    connect(m_ui->addDayAction, &QAction::triggered, this, [this] {
        showPage(SchedulePageIndex);
        m_ui->schedulePage->addVisitDay();
    });
    connect(m_ui->addLineAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        showPage(ConnectionPointPageIndex);
        m_ui->connectionPointPage->addLineFoundOnSite();
    });
    connect(m_ui->addDeviceAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        m_ui->connectionPointPage->addDevice();
    });
    connect(m_ui->collectAction, &QAction::triggered, this, &MainWindow::collectFromDevice);
    connect(m_ui->moveDeviceUpAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        m_ui->connectionPointPage->moveDevice(-1);
    });
    connect(m_ui->moveDeviceDownAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        m_ui->connectionPointPage->moveDevice(1);
    });
    connect(m_ui->addPhotoAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        if (m_ui->sectionTabs->currentIndex() == TerminalPageIndex)
            m_ui->terminalPage->choosePhotos();
        else
            m_ui->connectionPointPage->choosePhotos();
    });
    connect(m_ui->importPhotoFolderAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import photos from a folder"));
        if (folder.isEmpty())
            return;
        showPage(FloorPlanPageIndex);
        m_floorPlanPage->importPhotos({folder}, {});
    });
    connect(m_ui->exportPhotosAction, &QAction::triggered, this, &MainWindow::exportPhotos);
    connect(m_ui->syncAction, &QAction::triggered, this, &MainWindow::syncWithPortal);
    connect(m_ui->reviewAction, &QAction::triggered, this, &MainWindow::openReviewWindow);
    connect(m_ui->submitAction, &QAction::triggered, this, &MainWindow::submitForReview);
    m_ui->centralLayout->insertWidget(1, m_reviewNotes);
    connect(m_reviewNotes, &ReviewNotesPanel::showTarget, this, &MainWindow::showReviewTarget);
    connect(m_reviewNotes, &ReviewNotesPanel::resolveRequested, this, &MainWindow::resolveReviewComment);
    connect(m_reviewNotes, &ReviewNotesPanel::resubmitRequested, this, &MainWindow::submitForReview);
    m_ui->terminalPage->setClock(m_clock);
    connect(m_ui->importTerminalFactsAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        showPage(TerminalPageIndex);
        m_ui->terminalPage->chooseFactsFile();
    });
    connect(m_ui->enterTerminalFactsAction, &QAction::triggered, this, [this] {
        commitPendingEdit();
        showPage(TerminalPageIndex);
        m_ui->terminalPage->enterFactsByHand();
    });
    connect(m_ui->saveCollectorAction, &QAction::triggered, this, &MainWindow::saveCollector);
    connect(m_ui->sectionTabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    // The rules run when the findings are looked at (and before a report), not on every keystroke.
    connect(m_ui->sectionTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == FindingsPageIndex)
            m_ui->findingsPage->refresh();
    });

    connect(m_ui->schedulePage, &SchedulePage::dayChanged, this, &MainWindow::updateCompleteness);
    connect(m_ui->schedulePage, &SchedulePage::openStepRequested, this, &MainWindow::openStep);
    connect(m_completeness, &CompletenessPanel::itemActivated, this, &MainWindow::showMissingItem);
    const auto message = [this](const QString &text) { statusBar()->showMessage(text, 8000); };
    connect(m_ui->connectionPointPage, &ConnectionPointPage::statusMessage, this, message);
    connect(m_ui->terminalPage, &TerminalPage::statusMessage, this, message);
    connect(m_ui->findingsPage, &FindingsPage::statusMessage, this, message);
    connect(m_ui->findingsPage, &FindingsPage::findingsRefreshed, this, &MainWindow::updateSyncStatus);
    connect(m_ui->scanDayPage, &ScanDayPage::statusMessage, this, message);
    connect(m_ui->backupPage, &BackupPage::statusMessage, this, message);
    connect(m_floorPlanPage, &FloorPlanPage::statusMessage, this, message);
    connect(m_ui->scanDayPage, &ScanDayPage::scansChanged, this, &MainWindow::updateSyncStatus);
    connect(m_connectivity, &fs::sync::ConnectivityMonitor::connectivityChanged, this,
            &MainWindow::updateConnectivity);
    // The late warning and the current step follow the clock.
    m_minuteTimer->setInterval(30 * 1000);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] { refreshProgress(); });
    m_minuteTimer->start();

    updateConnectivity(m_connectivity->connectivity());
    reload();
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    // Save what is being typed, then let no page reach the survey while the widgets go away
    // (hiding them ends their edits).
    commitPendingEdit();
    qApp->removeEventFilter(this);
    m_ui->schedulePage->setEditor(nullptr, m_clock);
    m_ui->connectionPointPage->setEditor(nullptr);
    m_ui->terminalPage->setEditor(nullptr);
    m_ui->findingsPage->setEditor(nullptr);
    m_ui->scanDayPage->setSurvey(nullptr, nullptr);
    m_ui->backupPage->setSurvey(nullptr, nullptr);
    m_floorPlanPage->setSurvey(nullptr, nullptr);
    m_editor.reset(); // while the window that listens to it is still whole
}

QString MainWindow::demoSurveyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo/demo.fsv"));
}

void MainWindow::setSurvey(std::unique_ptr<fs::model::SurveyStore> store)
{
    m_editor.reset();
    m_store = std::move(store);
    if (m_store) {
        m_store->setActor(fs::model::defaultActor());
        m_editor = std::make_unique<fs::model::SurveyEditor>(*m_store);
        connect(m_editor.get(), &fs::model::SurveyEditor::changed, this, [this] { reload(); });
        connect(m_editor.get(), &fs::model::SurveyEditor::failed, this,
                [this](const fs::Error &error) { showError(tr("Saving the change"), error); });
        const auto *stack = m_editor->undoStack();
        connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateActions);
        connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateActions);
    }
    fs::model::SurveyEditor *editor = m_store && !m_store->isReadOnly() ? m_editor.get() : nullptr;
    m_ui->schedulePage->setEditor(editor, m_clock);
    m_ui->connectionPointPage->setEditor(editor);
    m_ui->terminalPage->setEditor(editor);
    m_ui->findingsPage->setEditor(editor);
    m_ui->findingsPage->setSurvey(m_store.get());
    m_ui->scanDayPage->setSurvey(m_store.get(), editor);
    m_ui->backupPage->setSurvey(m_store.get(), editor);
    m_floorPlanPage->setSurvey(m_store.get(), editor);
    if (m_ui->sectionTabs->currentIndex() == FindingsPageIndex)
        m_ui->findingsPage->refresh();
    reload(true);
}

void MainWindow::setClock(const fs::model::Clock *clock)
{
    m_clock = clock ? clock : &fs::model::Clock::system();
    m_ui->terminalPage->setClock(m_clock);
    m_ui->findingsPage->setClock(m_clock);
    m_ui->scanDayPage->setClock(m_clock);
    m_ui->schedulePage->setEditor(m_store && !m_store->isReadOnly() ? m_editor.get() : nullptr, m_clock);
    refreshProgress(true);
}

void MainWindow::commitPendingEdit()
{
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !isAncestorOf(focus))
        return;
    // Leaving the field commits it (editingFinished); the focus comes back where it was.
    focus->clearFocus();
    focus->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+Z in a field undoes what was typed there since it got the focus; once there is
    // nothing of that left (or in any other widget), it undoes the last saved change.
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || !isAncestorOf(widget))
        return false;
    auto *line = qobject_cast<QLineEdit *>(widget);
    auto *text = qobject_cast<QPlainTextEdit *>(widget);
    if (event->type() == QEvent::FocusIn) {
        if (line)
            line->setModified(false);
        if (text)
            text->document()->clearUndoRedoStacks();
    } else if (event->type() == QEvent::FocusOut && line &&
               static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason) {
        // A long value left behind reads from its beginning, not from where typing stopped.
        line->setCursorPosition(0);
    } else if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const QKeySequence pressed(key->keyCombination());
        const bool redo = key->matches(QKeySequence::Redo) || m_redoAction->shortcuts().contains(pressed);
        if (!undo && !redo)
            return false;
        bool fieldHasIt = false;
        if (line && !line->isReadOnly())
            fieldHasIt = line->isModified() && (undo ? line->isUndoAvailable() : line->isRedoAvailable());
        if (text && !text->isReadOnly())
            fieldHasIt = undo ? text->document()->isUndoAvailable() : text->document()->isRedoAvailable();
        // Not accepting the override lets the window's Undo / Redo shortcut have the key.
        return !fieldHasIt;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    commitPendingEdit();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openSurveyFile(const QString &path, bool readOnly)
{
    using fs::model::SurveyStore;
    auto store = SurveyStore::open(path, readOnly ? SurveyStore::OpenMode::ReadOnly
                                                  : SurveyStore::OpenMode::ReadWrite);
    if (!store && store.error().code == ErrorCode::Locked) {
        qCInfo(lcUi) << describe(store.error());
        const auto answer =
            QMessageBox::question(this, tr("FieldSurvey"),
                                  tr("Another FieldSurvey is editing %1.\n\nOpen it read-only to look at it?")
                                      .arg(QDir::toNativeSeparators(path)),
                                  QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
        if (answer != QMessageBox::Open)
            return false;
        store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
    }
    if (!store) {
        showError(tr("Opening %1").arg(QDir::toNativeSeparators(path)), store.error());
        return false;
    }
    const auto readOnlyReason = (*store)->readOnlyReason();
    setSurvey(std::move(*store));
    if (readOnlyReason)
        showError(tr("Opening %1").arg(QDir::toNativeSeparators(path)), *readOnlyReason);
    return true;
}

bool MainWindow::openDemoSurvey()
{
    const QString path = demoSurveyPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        showError(
            tr("Creating the demo survey"),
            fs::Error{ErrorCode::Io, QStringLiteral("cannot create ") + QFileInfo(path).absolutePath()});
        return false;
    }
    auto store = fs::model::DemoSurvey::createOrReplace(path);
    if (!store) {
        showError(tr("Creating the demo survey"), store.error());
        return false;
    }
    setSurvey(std::move(*store));
    return true;
}

void MainWindow::chooseSurveyFile(bool readOnly)
{
    const QString path =
        QFileDialog::getOpenFileName(this, readOnly ? tr("Open survey read-only") : tr("Open survey"),
                                     QString(), tr("FieldSurvey surveys (*.fsv);;All files (*)"));
    if (!path.isEmpty())
        openSurveyFile(path, readOnly);
}

void MainWindow::chooseWorkbook()
{
    const QString workbook = QFileDialog::getOpenFileName(
        this, tr("Import the hospital's workbook"), QString(), tr("Excel workbooks (*.xlsx);;All files (*)"));
    if (workbook.isEmpty())
        return;
    const QFileInfo info(workbook);
    const QString proposal = info.dir().filePath(info.completeBaseName() + QStringLiteral(".fsv"));
    const QString survey = QFileDialog::getSaveFileName(this, tr("Save the new survey as"), proposal,
                                                        tr("FieldSurvey surveys (*.fsv)"));
    if (!survey.isEmpty())
        importWorkbookFile(workbook, survey);
}

bool MainWindow::importWorkbookFile(const QString &workbook, const QString &surveyPath)
{
    const QString action = tr("Importing %1").arg(QDir::toNativeSeparators(workbook));
    if (QFileInfo::exists(surveyPath)) {
        showError(action, fs::Error{ErrorCode::Io,
                                    surveyPath + QStringLiteral(" exists already; choose a new file")});
        return false;
    }
    // Reading and checking the workbook runs off the GUI thread; the window stays responsive.
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(workbook).fileName()), QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    QFutureWatcher<fs::Result<fs::model::WorkbookImport>> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([workbook] { return fs::model::WorkbookImporter::read(workbook); }));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    progress.close();
    const auto result = watcher.result();
    if (!result) {
        showError(action, result.error());
        return false;
    }
    auto store = fs::model::SurveyStore::createWith(surveyPath, result->data, fs::model::defaultActor());
    if (!store) {
        showError(action, store.error());
        return false;
    }
    setSurvey(std::move(*store));
    showImportWarnings();
    return true;
}

void MainWindow::showImportWarnings()
{
    if (!m_store)
        return;
    auto data = m_store->load();
    if (!data) {
        showError(tr("Reading %1").arg(QDir::toNativeSeparators(m_store->path())), data.error());
        return;
    }
    if (!m_importResult) {
        m_importResult = new ImportResultDialog(this);
        connect(m_importResult, &ImportResultDialog::jumpRequested, this, &MainWindow::jumpTo);
    }
    int devices = 0;
    for (const auto &line : data->connectionPoints)
        devices += int(line.devices.size());
    int pins = 0;
    for (const auto &plan : data->floorPlans)
        pins += int(plan.pins.size());
    const QString source =
        data->survey.sourceWorkbook.isEmpty() ? tr("the workbook") : data->survey.sourceWorkbook;
    const QString summary =
        tr("%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warning(s).", nullptr,
           int(data->importWarnings.size()))
            .arg(source)
            .arg(data->connectionPoints.size())
            .arg(devices)
            .arg(data->terminals.size())
            .arg(data->floorPlans.size())
            .arg(pins);
    m_importResult->setResult(summary, data->importWarnings);
    m_importResult->show();
    m_importResult->raise();
}

void MainWindow::jumpTo(const QString &subject)
{
    const QString head = subject.section(QLatin1Char('/'), 0, 0);
    const QString field = subject.section(QLatin1Char('/'), 1, 1);
    const QString kind = head.section(QLatin1Char(':'), 0, 0);
    const int number = head.section(QLatin1Char(':'), 1).toInt();
    if (kind == QStringLiteral("line")) {
        showPage(ConnectionPointPageIndex);
        m_ui->connectionPointPage->selectLineNo(number, field);
    } else if (kind == QStringLiteral("terminal")) {
        showPage(TerminalPageIndex);
        m_ui->terminalPage->selectTerminalNo(number, field);
    } else if (kind == QStringLiteral("terminals")) {
        showPage(TerminalPageIndex);
        m_ui->terminalPage->focusList();
    } else if (kind == QStringLiteral("callout") || kind.startsWith(QStringLiteral("floorplan"))) {
        showPage(FloorPlanPageIndex);
    } else if (kind == QStringLiteral("hospital")) {
        statusBar()->showMessage(tr("Basic information is shown at the top of the window."), 5000);
    }
}

void MainWindow::showMissingItem(const fs::model::MissingItem &item)
{
    using fs::model::Entity;
    commitPendingEdit();
    switch (item.entity) {
    case Entity::VisitDay:
    case Entity::ScheduleStep:
        showPage(SchedulePageIndex);
        m_ui->schedulePage->showField(item.entity, item.uuid, item.field);
        break;
    case Entity::ConnectionPoint:
    case Entity::Device:
        showPage(ConnectionPointPageIndex);
        m_ui->connectionPointPage->showField(item.entity, item.uuid, item.field);
        break;
    case Entity::Terminal:
        showPage(TerminalPageIndex);
        m_ui->terminalPage->showField(item.entity, item.uuid, item.field);
        break;
    default:
        break;
    }
}

void MainWindow::collectFromDevice()
{
    commitPendingEdit();
    if (!m_store || m_store->isReadOnly())
        return;
    showPage(ConnectionPointPageIndex);
    const QString lineUuid = m_ui->connectionPointPage->selectedLineUuid();
    const QString deviceUuid = m_ui->connectionPointPage->selectedDeviceUuid();
    const auto line = std::find_if(m_data.connectionPoints.cbegin(), m_data.connectionPoints.cend(),
                                   [&](const auto &l) { return l.uuid == lineUuid; });
    if (line == m_data.connectionPoints.cend() || deviceUuid.isEmpty()) {
        statusBar()->showMessage(tr("Select a device in the wiring of a line first (Ctrl+Shift+D adds one)."),
                                 8000);
        return;
    }
    const auto device = std::find_if(line->devices.cbegin(), line->devices.cend(),
                                     [&](const auto &d) { return d.uuid == deviceUuid; });
    if (device == line->devices.cend())
        return;
    if (!m_profiles) {
        auto profiles = fs::collect::ProfileSet::builtIn();
        if (!profiles) {
            showError(tr("Loading the device profiles"), profiles.error());
            return;
        }
        m_profiles = std::make_unique<fs::collect::ProfileSet>(std::move(*profiles));
    }
    CollectDialog dialog(*m_store, *m_profiles, *line, *device, this);
    connect(&dialog, &CollectDialog::collected, this, [this] { reload(); });
    dialog.exec();
}

void MainWindow::syncWithPortal()
{
    commitPendingEdit();
    if (!m_store || m_store->isReadOnly())
        return;
    SyncDialog dialog(*m_store, this);
    connect(&dialog, &SyncDialog::surveyChanged, this, [this] { reload(); });
    connect(&dialog, &SyncDialog::syncStateChanged, this, &MainWindow::updateSyncStatus);
    dialog.exec();
    reload();
}

bool MainWindow::submitForReview()
{
    commitPendingEdit();
    if (!m_store || m_store->isReadOnly())
        return false;
    auto open = m_store->reviewComments(true);
    if (open && !open->isEmpty())
        statusBar()->showMessage(
            tr("Submitted with %n review comment(s) not marked dealt with.", nullptr, int(open->size())),
            8000);
    auto state = m_store->setSurveyState(fs::model::SurveyState::Submitted);
    if (!state) {
        showError(tr("Submitting the survey"), state.error());
        return false;
    }
    reload();
    return true;
}

bool MainWindow::resolveReviewComment(const QString &commentUuid)
{
    if (!m_store || m_store->isReadOnly())
        return false;
    if (auto r = m_store->setReviewCommentResolved(commentUuid, true); !r) {
        showError(tr("Marking the comment dealt with"), r.error());
        return false;
    }
    reload();
    return true;
}

void MainWindow::openReviewWindow()
{
    auto *window = new ReviewWindow(*m_clock);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->chooseFolder();
}

void MainWindow::updateReviewNotes()
{
    QList<fs::model::ReviewComment> open;
    QStringList targets;
    if (m_store) {
        auto comments = m_store->reviewComments(true);
        auto findings = m_store->findings();
        if (comments && findings) {
            open = *comments;
            for (const auto &c : std::as_const(open))
                targets << ReviewTargetText::describe(c.targetEntity, c.targetUuid, m_data, m_photos,
                                                      *findings);
        } else {
            qCWarning(lcUi) << "cannot read the review comments"
                            << describe(comments ? findings.error() : comments.error());
        }
    }
    m_ui->connectionPointPage->setReviewComments(open);
    m_ui->terminalPage->setReviewComments(open);
    m_reviewNotes->setReview(m_data.survey, open, targets, m_store && !m_store->isReadOnly());
}

void MainWindow::showReviewTarget(const QString &entity, const QString &uuid)
{
    using fs::model::Entity;
    const auto e = fs::model::kEntityKeys.parse(entity);
    if (e == Entity::ConnectionPoint || e == Entity::Device) {
        showPage(ConnectionPointPageIndex);
        m_ui->connectionPointPage->showField(*e, uuid, QString());
    } else if (e == Entity::Terminal) {
        showPage(TerminalPageIndex);
        m_ui->terminalPage->showField(*e, uuid, QString());
    } else if (entity == QStringLiteral("finding")) {
        showPage(FindingsPageIndex);
    } else if (e == Entity::FloorPlan || e == Entity::Pin || e == Entity::Photo) {
        showPage(FloorPlanPageIndex);
    }
}

void MainWindow::showPage(Page page)
{
    commitPendingEdit();
    m_ui->sectionTabs->setCurrentIndex(page);
}

void MainWindow::openStep(fs::model::StepKind kind)
{
    using fs::model::StepKind;
    switch (kind) {
    case StepKind::ConnectionPoints:
        showPage(ConnectionPointPageIndex);
        m_ui->connectionPointPage->focusList();
        break;
    case StepKind::Terminals:
        showPage(TerminalPageIndex);
        m_ui->terminalPage->focusList();
        break;
    case StepKind::Arrival:
        if (m_ui->schedulePage->currentDayIndex() >= 0)
            m_ui->schedulePage->showField(fs::model::Entity::VisitDay,
                                          m_data.days.value(m_ui->schedulePage->currentDayIndex()).uuid,
                                          QStringLiteral("attendees"));
        break;
    default:
        break;
    }
}

void MainWindow::selectNext(int delta)
{
    commitPendingEdit();
    switch (m_ui->sectionTabs->currentIndex()) {
    case SchedulePageIndex:
        m_ui->schedulePage->selectNext(delta);
        break;
    case ConnectionPointPageIndex:
        m_ui->connectionPointPage->selectNext(delta);
        break;
    case TerminalPageIndex:
        m_ui->terminalPage->selectNext(delta);
        break;
    default:
        break;
    }
}

void MainWindow::toggleShortcuts()
{
    if (m_shortcuts->isVisible())
        m_shortcuts->hide();
    else
        m_shortcuts->showFor(menuBar());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About FieldSurvey"),
        tr("<h3>FieldSurvey %1</h3>"
           "<p>The on-site survey workbench of the MHLW programme for cybersecurity in hospitals "
           "(医療機関におけるサイバーセキュリティ確保事業).</p>"
           "<p>Qt %2</p>")
            .arg(QString::fromLatin1(fs::buildinfo::kVersion), QString::fromLatin1(qVersion())));
}

void MainWindow::showError(const QString &action, const fs::Error &error)
{
    ErrorMessages::show(this, tr("FieldSurvey"), action, error);
}

void MainWindow::reload(bool reset)
{
    using namespace fs::model;
    const QLocale locale;
    if (!m_store) {
        m_ui->hospitalNameLabel->setText(tr("No survey open"));
        m_ui->hospitalDetailsLabel->clear();
        m_ui->visitLabel->clear();
        m_ui->surveyStateLabel->clear();
        m_ui->demoBadgeLabel->hide();
        m_data = {};
        m_photos.clear();
        updateReviewNotes();
        m_ui->connectionPointPage->setSurvey(nullptr, {}, {});
        m_ui->terminalPage->setSurvey(nullptr, {}, {});
        refreshProgress(true);
        m_floorPlanPage->setSurvey(nullptr, nullptr);
        m_ui->importWarningsAction->setEnabled(false);
        m_fileLabel->clear();
        setWindowTitle(tr("FieldSurvey"));
        updateSyncStatus();
        updateActions();
        return;
    }

    auto data = m_store->load();
    auto photos = m_store->photos();
    if (!data || !photos) {
        showError(tr("Reading %1").arg(QDir::toNativeSeparators(m_store->path())),
                  data ? photos.error() : data.error());
        return;
    }
    m_data = std::move(*data);
    m_photos = std::move(*photos);
    const Hospital &h = m_data.hospital;
    const QString name = h.name.isEmpty() ? tr("(hospital name not entered)") : h.name;
    m_ui->hospitalNameLabel->setText(name);
    QStringList details;
    if (!h.code.isEmpty())
        details << tr("Medical institution code %1").arg(h.code);
    if (!h.address.isEmpty())
        details << (h.postal.isEmpty() ? h.address : tr("〒%1 %2").arg(h.postal, h.address));
    if (h.beds)
        details << tr("%n bed(s)", nullptr, *h.beds);
    m_ui->hospitalDetailsLabel->setText(details.join(QStringLiteral("　")));

    QStringList dates;
    for (const VisitDay &day : m_data.days) {
        if (day.date.isValid())
            dates << locale.toString(day.date, tr("yyyy-MM-dd (ddd)", "visit date format"));
    }
    QStringList people;
    for (const Investigator &i : m_data.investigators) {
        const QString role = ModelLabels::investigatorRole(i.role);
        people << (role.isEmpty() ? i.name : tr("%1 (%2)", "investigator (role)").arg(i.name, role));
    }
    QStringList visit;
    visit << tr("Visit: %1").arg(dates.isEmpty() ? tr("not planned") : dates.join(tr(", ")));
    if (!people.isEmpty())
        visit << tr("Investigators: %1").arg(people.join(tr(", ")));
    m_ui->visitLabel->setText(visit.join(QStringLiteral("　")));
    m_ui->surveyStateLabel->setText(tr("State: %1").arg(ModelLabels::surveyState(m_data.survey.state)));

    const auto demo = m_store->meta(QStringLiteral("demo"));
    m_ui->demoBadgeLabel->setVisible(demo && *demo == QStringLiteral("1"));

    updateReviewNotes();
    m_ui->connectionPointPage->setSurvey(m_store.get(), m_data.connectionPoints, m_photos);
    m_ui->terminalPage->setSurvey(m_store.get(), m_data.terminals, m_photos);
    m_ui->scanDayPage->reload();
    m_ui->backupPage->scheduleReload();
    refreshProgress(reset);
    auto findings = m_store->findings();
    if (!findings)
        qCWarning(lcUi) << "cannot read the findings for the floor plans" << describe(findings.error());
    m_floorPlanPage->setData(m_data, m_photos, findings ? *findings : QList<fs::model::Finding>{});
    m_ui->importWarningsAction->setEnabled(!m_data.importWarnings.isEmpty());

    QString fileText = QDir::toNativeSeparators(m_store->path());
    if (m_store->isReadOnly())
        fileText = tr("%1 (read-only)").arg(fileText);
    m_fileLabel->setText(fileText);
    setWindowTitle(tr("%1 — FieldSurvey").arg(name));
    updateSyncStatus();
    updateActions();
}

void MainWindow::refreshProgress(bool reset)
{
    m_progress = fs::model::SurveyProgress::forSurvey(m_data, m_photos, m_clock->now().toLocalTime());
    m_ui->schedulePage->setSurvey(m_data.days, m_progress, reset);
    int lines = 0;
    for (const auto &line : m_data.connectionPoints)
        lines += fs::model::SurveyProgress::lineMissing(line, m_photos).isEmpty() ? 0 : 1;
    int terminals = 0;
    for (const auto &t : m_data.terminals)
        terminals += fs::model::SurveyProgress::terminalMissing(t).isEmpty() ? 0 : 1;
    m_ui->sectionTabs->setTabText(
        ConnectionPointPageIndex,
        lines ? tr("&Connection points (%1, %2 open)").arg(m_data.connectionPoints.size()).arg(lines)
              : tr("&Connection points (%1)").arg(m_data.connectionPoints.size()));
    m_ui->sectionTabs->setTabText(
        TerminalPageIndex, terminals
                               ? tr("&Terminals (%1, %2 open)").arg(m_data.terminals.size()).arg(terminals)
                               : tr("&Terminals (%1)").arg(m_data.terminals.size()));
    m_ui->sectionTabs->setTabText(FloorPlanPageIndex, tr("Floor &plans (%1)").arg(m_data.floorPlans.size()));
    // An edit, undo or redo may have changed a finding the tab shows.
    if (m_ui->sectionTabs->currentIndex() == FindingsPageIndex)
        m_ui->findingsPage->reload();
    updateCompleteness();
}

void MainWindow::updateCompleteness()
{
    const int index = m_ui->schedulePage->currentDayIndex();
    if (index < 0 || index >= m_progress.size()) {
        m_completeness->setDay({}, QString());
        return;
    }
    m_completeness->setDay(m_progress[index], tr("Day %1").arg(m_progress[index].dayNo));
}

void MainWindow::updateActions()
{
    const bool editable = m_store && !m_store->isReadOnly();
    const int page = m_ui->sectionTabs->currentIndex();
    const auto *stack = m_editor ? m_editor->undoStack() : nullptr;
    m_undoAction->setEnabled(editable && stack && stack->canUndo());
    m_undoAction->setText(stack && stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redoAction->setEnabled(editable && stack && stack->canRedo());
    m_redoAction->setText(stack && stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    m_ui->recordTimeAction->setEnabled(editable);
    m_ui->addDayAction->setEnabled(editable);
    m_ui->addLineAction->setEnabled(editable);
    const bool lines = editable && page == ConnectionPointPageIndex;
    m_ui->addDeviceAction->setEnabled(lines);
    m_ui->collectAction->setEnabled(lines);
    m_ui->moveDeviceUpAction->setEnabled(lines);
    m_ui->moveDeviceDownAction->setEnabled(lines);
    m_ui->importPhotoFolderAction->setEnabled(editable);
    m_ui->syncAction->setEnabled(editable);
    m_ui->submitAction->setEnabled(editable && (m_data.survey.state == fs::model::SurveyState::Draft ||
                                                m_data.survey.state == fs::model::SurveyState::Returned));
    m_ui->exportPhotosAction->setEnabled(m_store != nullptr && !m_photos.isEmpty());
    m_ui->addPhotoAction->setEnabled(editable &&
                                     (page == ConnectionPointPageIndex || page == TerminalPageIndex));
    const bool terminals = editable && !m_data.terminals.isEmpty();
    m_ui->importTerminalFactsAction->setEnabled(terminals);
    m_ui->enterTerminalFactsAction->setEnabled(terminals);
    m_ui->addFindingAction->setEnabled(editable);
    m_ui->confirmScanIpAction->setEnabled(editable);
    m_ui->importScanAction->setEnabled(editable);
    m_ui->exportScanListAction->setEnabled(m_store != nullptr);
    m_ui->refreshFindingsAction->setEnabled(m_store != nullptr);
    m_ui->previewReportAction->setEnabled(m_store != nullptr);
    m_ui->saveReportAction->setEnabled(m_store != nullptr);
    m_ui->exportXlsxAction->setEnabled(m_store != nullptr);
}

void MainWindow::refreshFindingsBeforeReport()
{
    commitPendingEdit();
    if (!m_store || m_store->isReadOnly())
        return;
    if (auto r = fs::model::FindingsEngine::refresh(*m_store, m_clock->now().toLocalTime().date()); !r)
        showError(tr("Re-evaluating the findings"), r.error());
    if (m_ui->sectionTabs->currentIndex() == FindingsPageIndex)
        m_ui->findingsPage->reload();
    updateSyncStatus();
}

void MainWindow::previewReport()
{
    if (!m_store)
        return;
    refreshFindingsBeforeReport();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    ReportPreviewDialog dialog(*m_store, *m_clock, this);
    const bool written = dialog.generate();
    QApplication::restoreOverrideCursor();
    if (written)
        dialog.exec();
}

void MainWindow::saveReport()
{
    if (!m_store)
        return;
    const QString name = tr("Survey report %1.pdf").arg(m_data.hospital.name).simplified();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the report"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    refreshFindingsBeforeReport();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto data = fs::report::ReportData::gather(*m_store, m_clock->now().toLocalTime().date());
    fs::Result<fs::report::PdfReportSummary> written =
        data ? fs::report::PdfReport::write(*m_store, *data, path) : tl::unexpected(data.error());
    QApplication::restoreOverrideCursor();
    if (!written) {
        showError(tr("Writing the report"), written.error());
        return;
    }
    statusBar()->showMessage(tr("Saved the report to %1 (%n page(s)).", nullptr, written->pageCount)
                                 .arg(QDir::toNativeSeparators(path)),
                             10000);
}

bool MainWindow::exportPhotosTo(const QString &folder)
{
    if (!m_store)
        return false;
    auto written = fs::model::PhotoExport::writeAll(*m_store, folder);
    if (!written) {
        showError(tr("Exporting the photos to %1").arg(QDir::toNativeSeparators(folder)), written.error());
        return false;
    }
    statusBar()->showMessage(tr("%n photo(s) written to %1 without location data.", nullptr, *written)
                                 .arg(QDir::toNativeSeparators(folder)));
    return true;
}

void MainWindow::exportPhotos()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export photos without location"));
    if (!folder.isEmpty())
        exportPhotosTo(folder);
}

void MainWindow::exportResults()
{
    if (!m_store)
        return;
    const QString name = tr("Survey results %1.xlsx").arg(m_data.hospital.name).simplified();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the results"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    refreshFindingsBeforeReport();
    auto data = fs::report::ReportData::gather(*m_store, m_clock->now().toLocalTime().date());
    auto written = data ? fs::report::XlsxExport::write(data->data, data->findings, path)
                        : fs::Result<void>(tl::unexpected(data.error()));
    if (!written) {
        showError(tr("Exporting the results"), written.error());
        return;
    }
    statusBar()->showMessage(tr("Exported the results to %1.").arg(QDir::toNativeSeparators(path)), 10000);
}

void MainWindow::saveCollector()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save the terminal collector to"));
    if (folder.isEmpty())
        return;
    const auto written = fs::model::TerminalCollector::writeTo(folder);
    if (!written) {
        showError(tr("Saving the terminal collector"), written.error());
        return;
    }
    statusBar()->showMessage(tr("Saved %1 to %2. On the terminal, run fieldsurvey-terminal.cmd.")
                                 .arg(fs::model::TerminalCollector::fileNames().join(QStringLiteral(", ")),
                                      QDir::toNativeSeparators(folder)),
                             10000);
}

void MainWindow::updateSyncStatus()
{
    if (!m_store) {
        m_unsyncedLabel->clear();
        return;
    }
    const auto pending = m_store->pendingChangeCount();
    if (!pending) {
        qCWarning(lcUi) << "cannot count unsynced changes:" << describe(pending.error());
        m_unsyncedLabel->setText(tr("Unsynced: unknown"));
        return;
    }
    QString text = tr("Unsynced: %n change(s)", nullptr, *pending);
    // Open conflicts stay unsent until decided (File › Sync with the portal, Conflicts tab).
    const auto conflicts = m_store->syncConflicts(true);
    if (!conflicts)
        qCWarning(lcUi) << "cannot count sync conflicts:" << describe(conflicts.error());
    else if (!conflicts->isEmpty())
        text = tr("%1 (conflicts: %2)", "unsynced changes (open sync conflicts)")
                   .arg(text)
                   .arg(conflicts->size());
    m_unsyncedLabel->setText(text);
}

void MainWindow::updateConnectivity(fs::sync::Connectivity connectivity)
{
    switch (connectivity) {
    case fs::sync::Connectivity::Offline:
        m_networkLabel->setText(tr("Offline"));
        m_networkLabel->setToolTip(
            tr("No network. Everything is saved in the survey file and can be synced later."));
        break;
    case fs::sync::Connectivity::LocalNetwork:
        m_networkLabel->setText(tr("Network connected"));
        m_networkLabel->setToolTip(
            tr("A network is connected; whether the portal can be reached is checked when "
               "syncing."));
        break;
    case fs::sync::Connectivity::Online:
        m_networkLabel->setText(tr("Online"));
        m_networkLabel->setToolTip(tr("The internet is reachable."));
        break;
    }
}

} // namespace fs::app
