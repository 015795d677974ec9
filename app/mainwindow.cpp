#include "mainwindow.h"

#include "actor.h"
#include "buildinfo.h"
#include "connectionpointtablemodel.h"
#include "connectivitymonitor.h"
#include "demosurvey.h"
#include "errormessages.h"
#include "floorplanpreview.h"
#include "importresultdialog.h"
#include "logging.h"
#include "modellabels.h"
#include "scheduletablemodel.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "terminaltablemodel.h"
#include "ui_mainwindow.h"
#include "workbookimporter.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::app {

namespace {

// Columns fit their content; the free-text column takes the remaining width.
void setUpTable(QTableView *view, QAbstractItemModel *model, int stretchColumn)
{
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setMinimumSectionSize(72);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->setWordWrap(false);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_scheduleModel(new fs::model::ScheduleTableModel(this))
    , m_connectionPointModel(new fs::model::ConnectionPointTableModel(this))
    , m_terminalModel(new fs::model::TerminalTableModel(this))
    , m_connectivity(new fs::sync::ConnectivityMonitor(this))
    , m_floorPlanPreview(new FloorPlanPreview(this))
    , m_fileLabel(new QLabel(this))
    , m_unsyncedLabel(new QLabel(this))
    , m_networkLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/fieldsurvey/icons/fieldsurvey.svg")));

    QFont nameFont = m_ui->hospitalNameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    m_ui->hospitalNameLabel->setFont(nameFont);
    m_ui->demoBadgeLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a; "
                       "border-radius: 4px; padding: 2px 8px; }"));
    m_ui->demoBadgeLabel->hide();

    const auto labels = ModelLabels::valueLabels();
    m_scheduleModel->setHeaderLabels(ModelLabels::scheduleHeaders());
    m_scheduleModel->setValueLabels(labels);
    m_connectionPointModel->setHeaderLabels(ModelLabels::connectionPointHeaders());
    m_connectionPointModel->setValueLabels(labels);
    m_terminalModel->setHeaderLabels(ModelLabels::terminalHeaders());
    m_terminalModel->setValueLabels(labels);
    setUpTable(m_ui->scheduleView, m_scheduleModel, fs::model::ScheduleTableModel::Status);
    setUpTable(m_ui->connectionPointView, m_connectionPointModel, fs::model::ConnectionPointTableModel::Note);
    setUpTable(m_ui->terminalView, m_terminalModel, fs::model::TerminalTableModel::Note);

    m_ui->floorPlansLayout->addWidget(m_floorPlanPreview);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_unsyncedLabel->setObjectName(QStringLiteral("unsyncedLabel"));
    m_networkLabel->setObjectName(QStringLiteral("networkLabel"));
    statusBar()->addWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_unsyncedLabel);
    statusBar()->addPermanentWidget(m_networkLabel);

    connect(m_ui->openAction, &QAction::triggered, this, [this] { chooseSurveyFile(false); });
    connect(m_ui->openReadOnlyAction, &QAction::triggered, this, [this] { chooseSurveyFile(true); });
    connect(m_ui->openDemoAction, &QAction::triggered, this, &MainWindow::openDemoSurvey);
    connect(m_ui->importAction, &QAction::triggered, this, &MainWindow::chooseWorkbook);
    connect(m_ui->importWarningsAction, &QAction::triggered, this, &MainWindow::showImportWarnings);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_connectivity, &fs::sync::ConnectivityMonitor::connectivityChanged, this,
            &MainWindow::updateConnectivity);
    connect(m_connectionPointModel, &fs::model::LabelledTableModel::fieldEdited, this,
            &MainWindow::applyNoteEdit);
    connect(m_terminalModel, &fs::model::LabelledTableModel::fieldEdited, this, &MainWindow::applyNoteEdit);

    updateConnectivity(m_connectivity->connectivity());
    reload();
}

MainWindow::~MainWindow() = default;

QString MainWindow::demoSurveyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo/demo.fsv"));
}

void MainWindow::setSurvey(std::unique_ptr<fs::model::SurveyStore> store)
{
    m_ui->editMenu->clear();
    m_editor.reset();
    m_store = std::move(store);
    if (m_store) {
        m_store->setActor(fs::model::defaultActor());
        m_editor = std::make_unique<fs::model::SurveyEditor>(*m_store);
        connect(m_editor.get(), &fs::model::SurveyEditor::changed, this, [this] { reload(false); });
        connect(m_editor.get(), &fs::model::SurveyEditor::failed, this,
                [this](const fs::Error &error) { showError(tr("Saving the change"), error); });
        QAction *undo = m_editor->undoStack()->createUndoAction(this, tr("Undo"));
        undo->setShortcut(QKeySequence::Undo);
        undo->setObjectName(QStringLiteral("undoAction"));
        QAction *redo = m_editor->undoStack()->createRedoAction(this, tr("Redo"));
        redo->setShortcut(QKeySequence::Redo);
        redo->setObjectName(QStringLiteral("redoAction"));
        m_ui->editMenu->addAction(undo);
        m_ui->editMenu->addAction(redo);
    }
    const bool editable = m_store && !m_store->isReadOnly();
    m_connectionPointModel->setEditable(editable);
    m_terminalModel->setEditable(editable);
    reload();
}

void MainWindow::applyNoteEdit(const fs::model::FieldRef &ref, const QVariant &value)
{
    if (m_editor)
        m_editor->setField(ref, value, tr("Edit note"));
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
    using fs::model::ConnectionPointTableModel;
    using fs::model::TerminalTableModel;
    const QString head = subject.section(QLatin1Char('/'), 0, 0);
    const QString field = subject.section(QLatin1Char('/'), 1, 1);
    const QString kind = head.section(QLatin1Char(':'), 0, 0);
    const int number = head.section(QLatin1Char(':'), 1).toInt();
    const auto select = [this](int tab, QTableView *view, int row, int column) {
        m_ui->sectionTabs->setCurrentIndex(tab);
        if (row < 0)
            return;
        const QModelIndex index = view->model()->index(row, column);
        view->setCurrentIndex(index);
        view->scrollTo(index);
        view->setFocus();
    };
    if (kind == QStringLiteral("line")) {
        static const QHash<QString, int> columns = {
            {QStringLiteral("purpose"), ConnectionPointTableModel::Purpose},
            {QStringLiteral("line_type"), ConnectionPointTableModel::LineType},
            {QStringLiteral("carrier"), ConnectionPointTableModel::Carrier},
            {QStringLiteral("connection_type"), ConnectionPointTableModel::ConnectionType},
            {QStringLiteral("onu_location"), ConnectionPointTableModel::OnuLocation},
            {QStringLiteral("device_type"), ConnectionPointTableModel::Devices},
            {QStringLiteral("maker"), ConnectionPointTableModel::Devices},
            {QStringLiteral("model"), ConnectionPointTableModel::Devices},
            {QStringLiteral("hostname"), ConnectionPointTableModel::Devices},
            {QStringLiteral("management_ip"), ConnectionPointTableModel::Devices},
            {QStringLiteral("access_method"), ConnectionPointTableModel::Devices},
        };
        const auto &points = m_connectionPointModel->connectionPoints();
        const auto it = std::find_if(points.cbegin(), points.cend(),
                                     [number](const auto &p) { return p.lineNo == number; });
        select(1, m_ui->connectionPointView, it == points.cend() ? -1 : int(it - points.cbegin()),
               columns.value(field, ConnectionPointTableModel::LineNo));
    } else if (kind == QStringLiteral("terminal")) {
        static const QHash<QString, int> columns = {
            {QStringLiteral("system_type"), TerminalTableModel::SystemType},
            {QStringLiteral("usage_form"), TerminalTableModel::UsageForm},
            {QStringLiteral("hostname"), TerminalTableModel::Hostname},
            {QStringLiteral("vdi_hostname"), TerminalTableModel::Hostname},
            {QStringLiteral("ip"), TerminalTableModel::Ip},
            {QStringLiteral("vdi_ip"), TerminalTableModel::Ip},
            {QStringLiteral("location"), TerminalTableModel::Location},
            {QStringLiteral("security_product"), TerminalTableModel::SecurityProduct},
        };
        const auto &terminals = m_terminalModel->terminals();
        const auto it = std::find_if(terminals.cbegin(), terminals.cend(),
                                     [number](const auto &t) { return t.terminalNo == number; });
        select(2, m_ui->terminalView, it == terminals.cend() ? -1 : int(it - terminals.cbegin()),
               columns.value(field, TerminalTableModel::TerminalNo));
    } else if (kind == QStringLiteral("terminals")) {
        select(2, m_ui->terminalView, -1, 0);
    } else if (kind == QStringLiteral("callout") || kind.startsWith(QStringLiteral("floorplan"))) {
        m_ui->sectionTabs->setCurrentIndex(3);
    } else if (kind == QStringLiteral("hospital")) {
        statusBar()->showMessage(tr("Basic information is shown at the top of the window."), 5000);
    }
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
    qCWarning(lcUi) << action << "failed:" << describe(error);
    QMessageBox box(QMessageBox::Warning, tr("FieldSurvey"), action, QMessageBox::Ok, this);
    box.setInformativeText(ErrorMessages::headline(error));
    box.setDetailedText(error.detail);
    box.exec();
}

void MainWindow::reload(bool floorPlans)
{
    using namespace fs::model;
    const QLocale locale;
    if (!m_store) {
        m_ui->hospitalNameLabel->setText(tr("No survey open"));
        m_ui->hospitalDetailsLabel->clear();
        m_ui->visitLabel->clear();
        m_ui->surveyStateLabel->clear();
        m_ui->demoBadgeLabel->hide();
        m_scheduleModel->setDays({});
        m_connectionPointModel->setConnectionPoints({});
        m_terminalModel->setTerminals({});
        m_floorPlanPreview->setFloorPlans(nullptr, {});
        m_floorPlanPreview->hide();
        m_ui->floorPlanPlaceholderLabel->show();
        m_ui->importWarningsAction->setEnabled(false);
        m_fileLabel->clear();
        setWindowTitle(tr("FieldSurvey"));
        updateSyncStatus();
        return;
    }

    auto data = m_store->load();
    if (!data) {
        showError(tr("Reading %1").arg(QDir::toNativeSeparators(m_store->path())), data.error());
        return;
    }
    const Hospital &h = data->hospital;
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
    for (const VisitDay &day : data->days) {
        if (day.date.isValid())
            dates << locale.toString(day.date, tr("yyyy-MM-dd (ddd)", "visit date format"));
    }
    QStringList people;
    for (const Investigator &i : data->investigators) {
        const QString role = ModelLabels::investigatorRole(i.role);
        people << (role.isEmpty() ? i.name : tr("%1 (%2)", "investigator (role)").arg(i.name, role));
    }
    QStringList visit;
    visit << tr("Visit: %1").arg(dates.isEmpty() ? tr("not planned") : dates.join(tr(", ")));
    if (!people.isEmpty())
        visit << tr("Investigators: %1").arg(people.join(tr(", ")));
    m_ui->visitLabel->setText(visit.join(QStringLiteral("　")));
    m_ui->surveyStateLabel->setText(tr("State: %1").arg(ModelLabels::surveyState(data->survey.state)));

    const auto demo = m_store->meta(QStringLiteral("demo"));
    m_ui->demoBadgeLabel->setVisible(demo && *demo == QStringLiteral("1"));

    // Models are refilled from the store after every edit; keep each view's place.
    const QModelIndex scheduleCurrent = m_ui->scheduleView->currentIndex();
    const QModelIndex lineCurrent = m_ui->connectionPointView->currentIndex();
    const QModelIndex terminalCurrent = m_ui->terminalView->currentIndex();
    m_scheduleModel->setDays(data->days);
    m_connectionPointModel->setConnectionPoints(data->connectionPoints);
    m_terminalModel->setTerminals(data->terminals);
    const auto restore = [](QTableView *view, const QModelIndex &previous) {
        if (previous.isValid())
            view->setCurrentIndex(view->model()->index(previous.row(), previous.column()));
    };
    restore(m_ui->scheduleView, scheduleCurrent);
    restore(m_ui->connectionPointView, lineCurrent);
    restore(m_ui->terminalView, terminalCurrent);
    if (floorPlans) {
        m_floorPlanPreview->setFloorPlans(m_store.get(), data->floorPlans);
        m_floorPlanPreview->setVisible(!data->floorPlans.isEmpty());
        m_ui->floorPlanPlaceholderLabel->setVisible(data->floorPlans.isEmpty());
    }
    m_ui->importWarningsAction->setEnabled(!data->importWarnings.isEmpty());
    m_ui->sectionTabs->setTabText(1, tr("&Connection points (%1)").arg(data->connectionPoints.size()));
    m_ui->sectionTabs->setTabText(2, tr("&Terminals (%1)").arg(data->terminals.size()));

    QString fileText = QDir::toNativeSeparators(m_store->path());
    if (m_store->isReadOnly())
        fileText = tr("%1 (read-only)").arg(fileText);
    m_fileLabel->setText(fileText);
    setWindowTitle(tr("%1 — FieldSurvey").arg(name));
    updateSyncStatus();
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
    m_unsyncedLabel->setText(tr("Unsynced: %n change(s)", nullptr, *pending));
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
