#include "mainwindow.h"

#include "buildinfo.h"
#include "connectionpointtablemodel.h"
#include "connectivitymonitor.h"
#include "demosurvey.h"
#include "errormessages.h"
#include "logging.h"
#include "modellabels.h"
#include "scheduletablemodel.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "terminaltablemodel.h"
#include "ui_mainwindow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoStack>

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

    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_unsyncedLabel->setObjectName(QStringLiteral("unsyncedLabel"));
    m_networkLabel->setObjectName(QStringLiteral("networkLabel"));
    statusBar()->addWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_unsyncedLabel);
    statusBar()->addPermanentWidget(m_networkLabel);

    connect(m_ui->openAction, &QAction::triggered, this, [this] { chooseSurveyFile(false); });
    connect(m_ui->openReadOnlyAction, &QAction::triggered, this, [this] { chooseSurveyFile(true); });
    connect(m_ui->openDemoAction, &QAction::triggered, this, &MainWindow::openDemoSurvey);
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
        m_store->setActor(qEnvironmentVariable("USER"));
        m_editor = std::make_unique<fs::model::SurveyEditor>(*m_store);
        connect(m_editor.get(), &fs::model::SurveyEditor::changed, this, &MainWindow::reload);
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

void MainWindow::reload()
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
