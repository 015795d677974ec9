// Syncing with the portal from the GUI, against the kintone test server behind mutual TLS: the
// demo survey goes up as one record, the queue empties, a field changed here and on the portal
// comes back as a conflict to decide (keep mine / take the portal's), a reviewer's comment shows,
// a wrong certificate passphrase is reported inline, and the main window's status bar counts
// what is unsent and in conflict.
#include "actor.h"
#include "demosurvey.h"
#include "errormessages.h"
#include "fieldmapping.h"
#include "guitest.h"
#include "kintoneclient.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "portaltestserver.h"
#include "surveystore.h"
#include "syncdialog.h"
#include "testpaths.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using fs::app::SyncDialog;
using fs::model::Entity;
using fs::model::FieldChange;
using fs::model::FieldRef;
using fs::test::PortalTestServer;

namespace {

constexpr int kSyncTimeoutMs = 60000;

template <typename T>
T *widget(const QWidget &dialog, const char *name)
{
    return fs::test::child<T>(dialog, name);
}

// The demo survey in dir, edited by the investigator (the main window sets the same actor).
std::unique_ptr<fs::model::SurveyStore> demoSurvey(const QTemporaryDir &dir)
{
    auto created = fs::model::DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")));
    if (!created) {
        qWarning("demo survey: %s", qPrintable(describe(created.error())));
        return nullptr;
    }
    (*created)->setActor(fs::model::defaultActor());
    return std::move(*created);
}

// A field of a dumped record: the dump gives values as the API returns them.
QString fieldOf(const QJsonObject &record, const QString &code)
{
    const QJsonValue v = record.value(QStringLiteral("fields")).toObject().value(code);
    return v.isObject() ? v.toObject().value(QStringLiteral("value")).toVariant().toString()
                        : v.toVariant().toString();
}

// The portal's records that hold this survey.
QList<QJsonObject> recordsOf(const PortalTestServer &server, const fs::sync::FieldMapping &mapping,
                             const QString &surveyUuid)
{
    QList<QJsonObject> found;
    for (const QJsonValue &v : server.dump(mapping.surveyApp())) {
        if (fieldOf(v.toObject(), mapping.updateKey()) == surveyUuid)
            found << v.toObject();
    }
    return found;
}

QString recordId(const QJsonObject &record)
{
    return record.value(QStringLiteral("id")).toVariant().toString();
}

// Changes the survey's note on the portal as the team lead (a reviewer's correction).
QString touchNote(const PortalTestServer &server, const fs::sync::FieldMapping &mapping, const QString &id,
                  const QString &note)
{
    const QJsonObject answer = server.control(
        "POST", QStringLiteral("/__fs/touch-record"),
        {{QStringLiteral("app"), mapping.surveyApp()},
         {QStringLiteral("id"), id},
         {QStringLiteral("record"),
          QJsonObject{{QStringLiteral("survey_note"), QJsonObject{{QStringLiteral("value"), note}}}}},
         {QStringLiteral("user"), QStringLiteral("lead")}});
    return answer.value(QStringLiteral("revision")).toString();
}

// Types the secrets and presses Sync; the sync has ended when the click returns (it runs in a
// local event loop), the wait is a bound in case it has not.
void typeAndSync(SyncDialog &dialog,
                 const QString &passphrase = QString::fromLatin1(PortalTestServer::kPassphrase))
{
    QTest::keyClicks(widget<QLineEdit>(dialog, "passphraseEdit"), passphrase);
    QTest::keyClicks(widget<QLineEdit>(dialog, "passwordEdit"),
                     QString::fromLatin1(PortalTestServer::kPassword));
    QTest::mouseClick(widget<QPushButton>(dialog, "syncButton"), Qt::LeftButton);
}

QString describeOutcome(const SyncDialog &dialog)
{
    if (dialog.lastError())
        return describe(*dialog.lastError());
    return dialog.lastReport() ? QStringLiteral("synced") : QStringLiteral("no outcome yet");
}

// Runs handle on the sync dialog once it is open (modal), within 10 s.
void whenSyncDialogOpens(std::function<void(SyncDialog &)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, handle] {
        auto *dialog = qobject_cast<SyncDialog *>(QApplication::activeModalWidget());
        if (dialog && dialog->isVisible()) {
            timer->stop();
            timer->deleteLater();
            handle(*dialog);
        } else if (++*tries > 500) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

QString unsyncedText(int pending, int conflicts)
{
    const QString text =
        QCoreApplication::translate("fs::app::MainWindow", "Unsynced: %n change(s)", nullptr, pending);
    if (conflicts == 0)
        return text;
    return QCoreApplication::translate("fs::app::MainWindow", "%1 (conflicts: %2)",
                                       "unsynced changes (open sync conflicts)")
        .arg(text)
        .arg(conflicts);
}

} // namespace

class TestSyncDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        auto mapping = fs::sync::FieldMapping::builtIn();
        QVERIFY2(mapping, qPrintable(mapping ? QString() : describe(mapping.error())));
        m_mapping = std::move(*mapping);
    }
    void init() { QSettings().remove(QStringLiteral("portal")); }

    void syncsTheSurveyAndDecidesConflicts()
    {
        QElapsedTimer clock;
        clock.start();
        PortalTestServer server;
        const QString started = server.start(m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTemporaryDir dir;
        const auto store = demoSurvey(dir);
        QVERIFY(store);
        fs::model::SurveyStore &survey = *store;
        const QString uuid = survey.surveyInfo()->uuid;
        QVERIFY(!uuid.isEmpty());

        const QString configPath = server.writeConfig();
        SyncDialog dialog(survey, nullptr, configPath);
        QSignalSpy stateChanged(&dialog, &SyncDialog::syncStateChanged);
        dialog.resize(1100, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.hasConfig());
        const QString portal = widget<QLabel>(dialog, "portalLabel")->text();
        QVERIFY2(portal.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())) &&
                     portal.contains(QStringLiteral("investigator")),
                 qPrintable(portal));
        QCOMPARE(QSettings().value(QStringLiteral("portal/configPath")).toString(), configPath);
        auto *queue = widget<QTableWidget>(dialog, "queueTable");
        auto *conflicts = widget<QTableWidget>(dialog, "conflictTable");
        auto *tabs = widget<QTabWidget>(dialog, "tabs");
        QCOMPARE(queue->rowCount(), int(*survey.pendingChangeCount()));
        QVERIFY(fs::test::saveScreenshot(dialog, QStringLiteral("syncdialog-idle.png")));

        // 1. The first sync creates the survey's record.
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && (dialog.lastReport() || dialog.lastError()),
                                 kSyncTimeoutMs);
        QVERIFY2(dialog.lastReport(), qPrintable(describeOutcome(dialog)));
        QVERIFY(dialog.lastReport()->created);
        QVERIFY(dialog.lastReport()->uploaded > 0); // the survey's data file at least
        QCOMPARE(stateChanged.size(), 1);
        // The secrets left the form, and went nowhere else.
        QVERIFY(widget<QLineEdit>(dialog, "passphraseEdit")->text().isEmpty());
        QVERIFY(widget<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());
        QSettings().sync();
        const QByteArray settings = fs::test::readFile(QSettings().fileName());
        QVERIFY(!settings.contains(PortalTestServer::kPassphrase));
        QVERIFY(!settings.contains(PortalTestServer::kPassword));

        QList<QJsonObject> records = recordsOf(server, m_mapping, uuid);
        QCOMPARE(records.size(), 1);
        QCOMPARE(recordId(records.first()), dialog.lastReport()->recordId);
        QCOMPARE(*survey.pendingChangeCount(), 0);
        QCOMPARE(queue->rowCount(), 0);
        QVERIFY2(
            tabs->tabText(tabs->indexOf(widget<QWidget>(dialog, "queueTab"))).contains(QStringLiteral("(0)")),
            qPrintable(tabs->tabText(0)));
        auto *bar = widget<QProgressBar>(dialog, "progressBar");
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(widget<QLabel>(dialog, "statusLabel")->text().contains(dialog.lastReport()->recordId));
        QVERIFY(fs::test::saveScreenshot(dialog, QStringLiteral("syncdialog-synced.png")));

        // 2. The note changed here and, by the lead, on the portal; the lead also comments.
        const QString id = recordId(records.first());
        const QString localNote = QStringLiteral("サーバ室はB1（現地で確認）");
        const QString portalNote = QStringLiteral("サーバ室は1階（事務局で修正）");
        QVERIFY(survey.applyChanges(
            {FieldChange{FieldRef{Entity::Survey, uuid, QStringLiteral("note")}, localNote}}));
        QVERIFY(!touchNote(server, m_mapping, id, portalNote).isEmpty());
        {
            fs::sync::KintoneClient lead(server.config(QStringLiteral("lead")));
            QVERIFY(lead.setCredentials(PortalTestServer::credentials(QStringLiteral("lead"))));
            auto comment = lead.send(
                "POST", QStringLiteral("record/comment"),
                {{QStringLiteral("app"), m_mapping.surveyApp()},
                 {QStringLiteral("record"), id},
                 {QStringLiteral("comment"),
                  QJsonObject{{QStringLiteral("text"), QStringLiteral("回線2の写真を追加してください")}}}},
                false);
            QVERIFY2(comment, qPrintable(comment ? QString() : comment.error().describe()));
        }
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && (dialog.lastReport() || dialog.lastError()),
                                 kSyncTimeoutMs);
        QVERIFY2(dialog.lastReport(), qPrintable(describeOutcome(dialog)));
        QCOMPARE(dialog.lastReport()->conflicts, 1);
        QCOMPARE(dialog.lastReport()->newComments, 1);
        QCOMPARE(conflicts->rowCount(), 1);
        QVERIFY2(conflicts->item(0, 0)->text().contains(QStringLiteral("survey_note")),
                 qPrintable(conflicts->item(0, 0)->text()));
        QCOMPARE(conflicts->item(0, 2)->text(), localNote);
        QCOMPARE(conflicts->item(0, 3)->text(), portalNote);
        QCOMPARE(conflicts->item(0, 4)->text(), QStringLiteral("lead"));
        QCOMPARE(tabs->currentWidget(), widget<QWidget>(dialog, "conflictTab"));
        auto *keepLocal = widget<QPushButton>(dialog, "keepLocalButton");
        auto *takePortal = widget<QPushButton>(dialog, "takePortalButton");
        QVERIFY(keepLocal->isEnabled());
        QVERIFY(takePortal->isEnabled()); // the note is a field the portal may change
        // Neither side was overwritten: the portal keeps its note until the conflict is decided.
        QCOMPARE(survey.surveyInfo()->note, localNote);
        QCOMPARE(fieldOf(recordsOf(server, m_mapping, uuid).first(), QStringLiteral("survey_note")),
                 portalNote);
        QVERIFY(fs::test::saveScreenshot(dialog, QStringLiteral("syncdialog-conflicts.png")));

        auto *comments = widget<QListWidget>(dialog, "commentList");
        QCOMPARE(comments->count(), 1);
        const QString commentText = comments->item(0)->text();
        QVERIFY2(commentText.contains(QStringLiteral("回線2の写真を追加してください")) &&
                     commentText.contains(QStringLiteral("lead")) &&
                     commentText.contains(
                         QRegularExpression(QStringLiteral("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d"))),
                 qPrintable(commentText));
        tabs->setCurrentWidget(widget<QWidget>(dialog, "commentTab"));
        QVERIFY(fs::test::saveScreenshot(dialog, QStringLiteral("syncdialog-comments.png")));
        tabs->setCurrentWidget(widget<QWidget>(dialog, "conflictTab"));

        // 3. Keep mine: decided here, sent by the next sync.
        QTest::mouseClick(keepLocal, Qt::LeftButton);
        QCOMPARE(conflicts->rowCount(), 0);
        QVERIFY(survey.syncConflicts(true)->isEmpty());
        QCOMPARE(survey.syncConflicts(false)->last().resolution, QStringLiteral("local"));
        QVERIFY(!widget<QLabel>(dialog, "conflictMessageLabel")->text().isEmpty());
        QVERIFY(*survey.pendingChangeCount() > 0);
        QCOMPARE(queue->rowCount(), *survey.pendingChangeCount());
        QCOMPARE(survey.surveyInfo()->note, localNote);
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && (dialog.lastReport() || dialog.lastError()),
                                 kSyncTimeoutMs);
        QVERIFY2(dialog.lastReport(), qPrintable(describeOutcome(dialog)));
        QCOMPARE(dialog.lastReport()->conflicts, 0);
        records = recordsOf(server, m_mapping, uuid);
        QCOMPARE(records.size(), 1);
        QCOMPARE(fieldOf(records.first(), QStringLiteral("survey_note")), localNote);
        QCOMPARE(*survey.pendingChangeCount(), 0);
        QCOMPARE(queue->rowCount(), 0);

        // 4. Take the portal's: written here at once, confirmed by the next sync.
        const QString localNote2 = QStringLiteral("ローカルの修正");
        const QString portalNote2 = QStringLiteral("ポータルの修正（採用）");
        QVERIFY(survey.applyChanges(
            {FieldChange{FieldRef{Entity::Survey, uuid, QStringLiteral("note")}, localNote2}}));
        QVERIFY(!touchNote(server, m_mapping, id, portalNote2).isEmpty());
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && (dialog.lastReport() || dialog.lastError()),
                                 kSyncTimeoutMs);
        QVERIFY2(dialog.lastReport(), qPrintable(describeOutcome(dialog)));
        QCOMPARE(conflicts->rowCount(), 1);
        QSignalSpy changed(&dialog, &SyncDialog::surveyChanged);
        QVERIFY(takePortal->isEnabled());
        QTest::mouseClick(takePortal, Qt::LeftButton);
        QCOMPARE(conflicts->rowCount(), 0);
        QCOMPARE(survey.surveyInfo()->note, portalNote2);
        QCOMPARE(survey.syncConflicts(false)->last().resolution, QStringLiteral("portal"));
        QCOMPARE(changed.size(), 1);
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && (dialog.lastReport() || dialog.lastError()),
                                 kSyncTimeoutMs);
        QVERIFY2(dialog.lastReport(), qPrintable(describeOutcome(dialog)));
        QCOMPARE(dialog.lastReport()->conflicts, 0);
        QCOMPARE(fieldOf(recordsOf(server, m_mapping, uuid).first(), QStringLiteral("survey_note")),
                 portalNote2);
        QCOMPARE(recordsOf(server, m_mapping, uuid).size(), 1);
        QCOMPARE(*survey.pendingChangeCount(), 0);
        QCOMPARE(queue->rowCount(), 0);
        qInfo("sync dialog scenario: %lld ms", qint64(clock.elapsed()));
    }

    void wrongPassphraseIsReportedInline()
    {
        PortalTestServer server;
        const QString started = server.start(m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTemporaryDir dir;
        const auto store = demoSurvey(dir);
        QVERIFY(store);
        fs::model::SurveyStore &survey = *store;
        const QString uuid = survey.surveyInfo()->uuid;
        QVERIFY(survey.applyChanges({FieldChange{FieldRef{Entity::Survey, uuid, QStringLiteral("note")},
                                                 QStringLiteral("未送信のメモ")}}));
        const auto before = survey.outboxEntries();
        QVERIFY(before && !before->isEmpty());

        SyncDialog dialog(survey, nullptr, server.writeConfig());
        dialog.resize(1100, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeAndSync(dialog, QStringLiteral("not-the-passphrase"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.lastError(), kSyncTimeoutMs);
        QCOMPARE(dialog.lastError()->code, fs::ErrorCode::TlsFailed);
        QVERIFY(!dialog.lastReport());

        const QString status = widget<QLabel>(dialog, "statusLabel")->text();
        QVERIFY2(status.contains(fs::app::ErrorMessages::headline(*dialog.lastError()).toHtmlEscaped()),
                 qPrintable(status));
        auto *detail = widget<QPlainTextEdit>(dialog, "detailText");
        QVERIFY(detail->isVisible());
        QVERIFY2(detail->toPlainText().contains(server.cert(QStringLiteral("client.p12"))),
                 qPrintable(detail->toPlainText()));
        QVERIFY(widget<QLineEdit>(dialog, "passphraseEdit")->text().isEmpty());
        QVERIFY(widget<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());

        // Nothing reached the portal and the queue is as it was (not even an attempt counted).
        QVERIFY(server.dump(m_mapping.surveyApp()).isEmpty());
        const auto after = survey.outboxEntries();
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
        for (qsizetype i = 0; i < after->size(); ++i) {
            QCOMPARE(after->at(i).id, before->at(i).id);
            QCOMPARE(after->at(i).attempts, before->at(i).attempts);
            QCOMPARE(after->at(i).generation, before->at(i).generation);
        }
        QCOMPARE(widget<QTableWidget>(dialog, "queueTable")->rowCount(), int(before->size()));
        QVERIFY(fs::test::saveScreenshot(dialog, QStringLiteral("syncdialog-wrong-passphrase.png")));
    }

    void pauseAndStopActOnTheSyncUnderWay()
    {
        PortalTestServer server;
        const QString started = server.start(m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // The portal takes 3 s to answer the first request: time to pause and stop.
        server.setFaults({{QStringLiteral("slowMs"), 3000},
                          {QStringLiteral("script"),
                           QJsonArray{QJsonObject{{QStringLiteral("at"), 0},
                                                  {QStringLiteral("fault"), QStringLiteral("slow")}}}}});
        QTemporaryDir dir;
        const auto store = demoSurvey(dir);
        QVERIFY(store);
        SyncDialog dialog(*store, nullptr, server.writeConfig());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *pause = widget<QPushButton>(dialog, "pauseButton");
        auto *stop = widget<QPushButton>(dialog, "cancelButton");
        auto *sync = widget<QPushButton>(dialog, "syncButton");
        QVERIFY(!pause->isEnabled() && !stop->isEnabled());
        bool sawRunning = false;
        QTimer::singleShot(300, &dialog, [&] {
            sawRunning = dialog.isRunning() && pause->isEnabled() && stop->isEnabled() &&
                         !sync->isEnabled() && !widget<QLineEdit>(dialog, "passwordEdit")->isEnabled();
            QTest::mouseClick(pause, Qt::LeftButton);
            sawRunning = sawRunning && pause->isChecked();
            QTest::mouseClick(stop, Qt::LeftButton);
        });
        QElapsedTimer took;
        took.start();
        typeAndSync(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && dialog.lastError(), kSyncTimeoutMs);
        QVERIFY(sawRunning);
        QCOMPARE(dialog.lastError()->code, fs::ErrorCode::Cancelled);
        QVERIFY2(took.elapsed() < 2500, qPrintable(QString::number(took.elapsed()))); // not after the answer
        QVERIFY(widget<QLabel>(dialog, "statusLabel")
                    ->text()
                    .contains(fs::app::ErrorMessages::headline(*dialog.lastError()).toHtmlEscaped()));
        QVERIFY(!pause->isChecked() && !pause->isEnabled() && !stop->isEnabled() && sync->isEnabled());
        QVERIFY(server.dump(m_mapping.surveyApp()).isEmpty());
    }

    void aConfigurationErrorNamesFileAndKey()
    {
        QTemporaryDir dir;
        const auto store = demoSurvey(dir);
        QVERIFY(store);
        const QString path = dir.filePath(QStringLiteral("portal.json"));
        // A configuration that carries a secret is refused, naming the key.
        const QByteArray json = "{\"baseUrl\": \"https://example.s.cybozu.com\", \"login\": \"a\", "
                                "\"password\": \"never here\"}";
        QVERIFY(fs::test::writeFile(path, json));
        SyncDialog dialog(*store, nullptr, path);
        QVERIFY(!dialog.hasConfig());
        const QString error = widget<QLabel>(dialog, "configErrorLabel")->text();
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("password")), qPrintable(error));
        QVERIFY(!widget<QPushButton>(dialog, "syncButton")->isEnabled());
        // A path that cannot be used is not remembered.
        QVERIFY(QSettings().value(QStringLiteral("portal/configPath")).toString().isEmpty());
    }

    void computedFieldsCannotTakeThePortalsValue()
    {
        QTemporaryDir dir;
        const auto store = demoSurvey(dir);
        QVERIFY(store);
        fs::model::SurveyStore &survey = *store;
        const QString uuid = survey.surveyInfo()->uuid;
        // Two conflicts as a sync records them: the survey's source workbook (FieldSurvey's own) and
        // its note.
        fs::model::SyncConfirmation confirmation;
        confirmation.entity = QStringLiteral("survey");
        confirmation.uuid = uuid;
        confirmation.record = {QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("{}"), {}};
        fs::model::SyncConflict state;
        state.entity = QStringLiteral("survey");
        state.uuid = uuid;
        state.field = QStringLiteral("source_workbook");
        state.fieldCode = QStringLiteral("source_workbook");
        state.baseValue = QStringLiteral("別紙2-1.xlsx");
        state.localValue = QStringLiteral("別紙2-1.xlsx");
        state.portalValue = QStringLiteral("別紙2-1（修正）.xlsx");
        state.portalRevision = QStringLiteral("3");
        state.portalModifier = QStringLiteral("lead");
        fs::model::SyncConflict note = state;
        note.field = QStringLiteral("note");
        note.fieldCode = QStringLiteral("survey_note");
        note.baseValue = QStringLiteral("");
        note.localValue = QStringLiteral("here");
        note.portalValue = QStringLiteral("there");
        confirmation.conflicts = {state, note};
        const auto confirmed = survey.confirmSync(confirmation);
        QVERIFY2(confirmed, qPrintable(confirmed ? QString() : describe(confirmed.error())));

        SyncDialog dialog(survey);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = widget<QTableWidget>(dialog, "conflictTable");
        QCOMPARE(table->rowCount(), 2);
        auto *takePortal = widget<QPushButton>(dialog, "takePortalButton");
        table->selectRow(0);
        QVERIFY(table->item(0, 0)->text().contains(QStringLiteral("source_workbook")));
        QVERIFY(widget<QPushButton>(dialog, "keepLocalButton")->isEnabled());
        QVERIFY(!takePortal->isEnabled());
        QVERIFY(!takePortal->toolTip().isEmpty());
        table->selectRow(1);
        QVERIFY(takePortal->isEnabled());
    }

    void theStatusBarCountsUnsentAndConflicts()
    {
        PortalTestServer server;
        const QString started = server.start(m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QSettings().setValue(QStringLiteral("portal/configPath"), server.writeConfig());
        QTemporaryDir dir;
        QVERIFY(fs::model::DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv"))));
        fs::app::MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openSurveyFile(dir.filePath(QStringLiteral("demo.fsv"))));
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        fs::model::SurveyStore &survey = *window.survey();
        const QString uuid = survey.surveyInfo()->uuid;
        auto *label = window.findChild<QLabel *>(QStringLiteral("unsyncedLabel"));
        QCOMPARE(label->text(), unsyncedText(*survey.pendingChangeCount(), 0));

        QString outcome;
        const auto syncAndClose = [&outcome](SyncDialog &dialog) {
            typeAndSync(dialog);
            outcome = describeOutcome(dialog);
            dialog.accept();
        };
        whenSyncDialogOpens(syncAndClose);
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(outcome, QStringLiteral("synced"));
        QCOMPARE(*survey.pendingChangeCount(), 0);
        QCOMPARE(label->text(), unsyncedText(0, 0));
        const QList<QJsonObject> records = recordsOf(server, m_mapping, uuid);
        QCOMPARE(records.size(), 1);

        // A conflict: one change unsent, one conflict to decide.
        QVERIFY(survey.applyChanges({FieldChange{FieldRef{Entity::Survey, uuid, QStringLiteral("note")},
                                                 QStringLiteral("ここで変更")}}));
        QVERIFY(!touchNote(server, m_mapping, recordId(records.first()), QStringLiteral("ポータルで変更"))
                     .isEmpty());
        outcome.clear();
        QVERIFY(fs::test::reactivate(&window));
        whenSyncDialogOpens(syncAndClose);
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(outcome, QStringLiteral("synced"));
        QCOMPARE(survey.syncConflicts(true)->size(), 1);
        const int pending = *survey.pendingChangeCount();
        QVERIFY(pending > 0); // the change in conflict stays queued
        QCOMPARE(label->text(), unsyncedText(pending, 1));
        QVERIFY(fs::test::saveScreenshot(window, QStringLiteral("syncdialog-statusbar.png")));
    }

private:
    fs::sync::FieldMapping m_mapping;
};

QTEST_MAIN(TestSyncDialog)
#include "tst_syncdialog.moc"
