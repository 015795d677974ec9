#include "demosurvey.h"
#include "floorplanpage.h"
#include "floorplanview.h"
#include "guitest.h"
#include "importresultdialog.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "planrenderer.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

using fs::app::MainWindow;

namespace {

QString labelText(const QWidget &window, const char *name)
{
    const auto *label = window.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

void removeTranslators()
{
    const auto translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void saveScreenshot(QWidget &window, const QString &name)
{
    QVERIFY(fs::test::saveScreenshot(window, name));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { removeTranslators(); }

    void showsTheDemoSurveyInJapanese()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openDemoSurvey());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(labelText(window, "hospitalNameLabel"), QStringLiteral("さぬき中央病院"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("demoBadgeLabel"))->isVisible());
        QCOMPARE(labelText(window, "demoBadgeLabel"), QStringLiteral("デモ調査"));
        QVERIFY2(
            labelText(window, "hospitalDetailsLabel").contains(QStringLiteral("医療機関コード 3710000001")),
            qPrintable(labelText(window, "hospitalDetailsLabel")));
        QVERIFY2(labelText(window, "hospitalDetailsLabel").contains(QStringLiteral("320床")),
                 qPrintable(labelText(window, "hospitalDetailsLabel")));
        // The demo is visited today; the date reads as the programme writes it.
        const QDate today = QDate::currentDate();
        const QString date =
            QStringLiteral("%1年%2月%3日").arg(today.year()).arg(today.month()).arg(today.day());
        QVERIFY2(labelText(window, "visitLabel").contains(date), qPrintable(labelText(window, "visitLabel")));
        QVERIFY2(labelText(window, "visitLabel").contains(QStringLiteral("調査 一郎（リーダー）")),
                 qPrintable(labelText(window, "visitLabel")));
        QCOMPARE(labelText(window, "surveyStateLabel"), QStringLiteral("状態: 作成中"));

        // The honest status bar: nothing is queued for the portal in a fresh demo.
        QCOMPARE(labelText(window, "unsyncedLabel"), QStringLiteral("未同期 0件"));
        const QString network = labelText(window, "networkLabel");
        QVERIFY2(network == QStringLiteral("オフライン") ||
                     network == QStringLiteral("ネットワーク接続あり") ||
                     network == QStringLiteral("オンライン"),
                 qPrintable(network));

        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("スケジュール(&S)"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("外部接続点 (4・未完了 4)(&C)"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("調査端末 (5・未完了 5)(&T)"));

        auto *schedule = window.findChild<QTableView *>(QStringLiteral("stepView"));
        QVERIFY(schedule);
        QCOMPARE(schedule->model()->rowCount(), 6);
        QCOMPARE(schedule->model()->index(0, 1).data().toString(), QStringLiteral("入館"));
        QCOMPARE(schedule->model()->index(2, 1).data().toString(), QStringLiteral("外部接続点調査"));
        QCOMPARE(schedule->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("予定"));
        saveScreenshot(window, QStringLiteral("mainwindow-ja-schedule.png"));

        tabs->setCurrentIndex(1);
        auto *lines = window.findChild<QListWidget *>(QStringLiteral("lineList"));
        QVERIFY(lines);
        QCOMPARE(lines->count(), 4);
        QVERIFY2(lines->item(0)->text().startsWith(QStringLiteral("CAF0001　回線1")),
                 qPrintable(lines->item(0)->text()));
        QCOMPARE(labelText(window, "onuStatusLabel"), QStringLiteral("現地確認(&O):"));
        saveScreenshot(window, QStringLiteral("mainwindow-ja-lines.png"));

        tabs->setCurrentIndex(2);
        auto *terminals = window.findChild<QListWidget *>(QStringLiteral("terminalList"));
        QVERIFY(terminals);
        QCOMPARE(terminals->count(), 5);
        QVERIFY2(terminals->item(0)->text().contains(QStringLiteral("未着手")),
                 qPrintable(terminals->item(0)->text()));
        saveScreenshot(window, QStringLiteral("mainwindow-ja-terminals.png"));
    }

    void switchesToEnglish()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("en")));
        QTemporaryDir dir;
        auto store = fs::model::DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")));
        QVERIFY(store.has_value());
        MainWindow window;
        window.resize(1280, 800);
        window.setSurvey(std::move(*store));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(labelText(window, "hospitalNameLabel"),
                 QStringLiteral("さぬき中央病院")); // data stays as written
        QCOMPARE(labelText(window, "unsyncedLabel"), QStringLiteral("Unsynced: 0 changes"));
        QCOMPARE(labelText(window, "surveyStateLabel"), QStringLiteral("State: Draft"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("&Connection points (4, 4 open)"));
        saveScreenshot(window, QStringLiteral("mainwindow-en-schedule.png"));
    }

    void editsNotesWithUndo()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        QTemporaryDir dir;
        auto store = fs::model::DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")));
        QVERIFY(store.has_value());
        MainWindow window;
        window.resize(1366, 768);
        window.setSurvey(std::move(*store));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::ConnectionPointPageIndex);
        auto *lines = window.findChild<QListWidget *>(QStringLiteral("lineList"));
        lines->setCurrentRow(1);

        // Typing into the note as a user would: leaving the field saves it at once.
        auto *note = window.findChild<QPlainTextEdit *>(QStringLiteral("lineNoteEdit"));
        QVERIFY(note);
        note->setFocus();
        fs::test::typeText(note, QStringLiteral("ONU 背面にラベルなし"));
        QTest::keyClick(note, Qt::Key_Tab);
        QTRY_COMPARE(window.survey()->connectionPoints()->at(1).note, QStringLiteral("ONU 背面にラベルなし"));
        QCOMPARE(labelText(window, "unsyncedLabel"), QStringLiteral("未同期 1件"));
        QCOMPARE(lines->currentRow(), 1); // the page keeps its place after the refresh
        QCOMPARE(note->toPlainText(), QStringLiteral("ONU 背面にラベルなし"));

        auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QCOMPARE(undo->text(), QStringLiteral("元に戻す: 回線のメモを編集(&U)"));
        undo->trigger();
        QCOMPARE(window.survey()->connectionPoints()->at(1).note, QString());
        QCOMPARE(note->toPlainText(), QString());
        redo->trigger();
        QCOMPARE(window.survey()->connectionPoints()->at(1).note, QStringLiteral("ONU 背面にラベルなし"));
    }

    void readOnlySurveysCannotBeEdited()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        QVERIFY(fs::model::DemoSurvey::createOrReplace(path).has_value());
        MainWindow window;
        QVERIFY(window.openSurveyFile(path, true));
        QVERIFY(window.survey()->isReadOnly());
        QVERIFY(window.findChild<QPlainTextEdit *>(QStringLiteral("terminalNoteEdit"))->isReadOnly());
        QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("osEdit"))->isReadOnly());
        QVERIFY(!window.findChild<QComboBox *>(QStringLiteral("onuStatusCombo"))->isEnabled());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("recordTimeAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("addLineAction"))->isEnabled());
    }

    void offersReadOnlyWhenAnotherProgramEdits()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.fsv"));
        auto other = fs::model::DemoSurvey::createOrReplace(path); // "another program" holds the lock
        QVERIFY(other.has_value());
        MainWindow window;
        QString question;
        QTimer::singleShot(200, [&question] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                box->button(QMessageBox::Open)->click();
            }
        });
        QVERIFY(window.openSurveyFile(path));
        QVERIFY2(question.contains(QStringLiteral("読み取り専用で開きますか")), qPrintable(question));
        QVERIFY(window.survey()->isReadOnly());
        QCOMPARE(labelText(window, "hospitalNameLabel"), QStringLiteral("さぬき中央病院"));
        QVERIFY2(labelText(window, "fileLabel").contains(QStringLiteral("読み取り専用")),
                 qPrintable(labelText(window, "fileLabel")));
    }

    void importsTheWorkbookAndJumpsToWarnings()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        QTemporaryDir dir;
        const QString survey = dir.filePath(QStringLiteral("sanuki.fsv"));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.importWorkbookFile(
            fs::test::sharedFile(QStringLiteral("corpus/intake/reference-lo.xlsx")), survey));
        QVERIFY(QFile::exists(survey));
        QCOMPARE(labelText(window, "hospitalNameLabel"), QStringLiteral("さぬき中央病院"));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("demoBadgeLabel"))->isVisible());

        auto *dialog = window.findChild<fs::app::ImportResultDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->warningCount() >= 1);
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("warningList"));
        QTreeWidgetItem *dynamic = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(3) == QStringLiteral("dynamic_ip_scan_day"))
                dynamic = list->topLevelItem(i);
        }
        QVERIFY(dynamic);
        QCOMPARE(dynamic->text(0),
                 QStringLiteral("動的IPのため、診断当日にグローバルIPアドレスの確認が必要です"));
        QCOMPARE(dynamic->text(1), QStringLiteral("回線3"));
        QCOMPARE(dynamic->text(2), QStringLiteral("回線・機器情報記入シート!O8"));
        QVERIFY(labelText(*dialog, "summaryLabel").contains(QStringLiteral("回線 4（機器 5）")));
        saveScreenshot(*dialog, QStringLiteral("import-result-ja.png"));

        // Choosing the warning shows line 3 in the connection points.
        list->setCurrentItem(dynamic);
        emit list->itemActivated(dynamic, 0);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sectionTabs"));
        QCOMPARE(tabs->currentIndex(), 1);
        auto *lines = window.findChild<QListWidget *>(QStringLiteral("lineList"));
        QCOMPARE(lines->currentRow(), 2);
        QVERIFY2(lines->currentItem()->text().startsWith(QStringLiteral("CAF0003")),
                 qPrintable(lines->currentItem()->text()));

        // The floor plan with its four pins.
        dialog->close();
        tabs->setCurrentIndex(3);
        auto *page = window.findChild<fs::app::FloorPlanPage *>();
        QVERIFY(page && page->isVisible());
        QCOMPARE(page->findChild<QListWidget *>(QStringLiteral("planList"))->count(), 1);
        QCOMPARE(page->visiblePinUuids().size(), 4);
        auto *view = page->view();
        (void)view->viewport()->grab(); // asks for the tiles
        QVERIFY(view->renderer()->waitForIdle(20'000));
        const QImage shown = view->viewport()->grab().toImage();
        // Line 1's ONU pin sits at (0.2, 0.3), terminal 1's at (0.6, 0.7): both still to be
        // captured (red).
        for (const QPointF at : {QPointF(0.2, 0.3), QPointF(0.6, 0.7)}) {
            const QPointF p = view->planToViewport(at);
            const QColor colour = shown.pixelColor(p.toPoint());
            QVERIFY2(colour.red() > 150 && colour.green() < 100 && colour.blue() < 100,
                     qPrintable(QStringLiteral("%1 at %2,%3").arg(colour.name()).arg(p.x()).arg(p.y())));
        }
        saveScreenshot(window, QStringLiteral("mainwindow-ja-floorplan.png"));
    }

    void refusedWorkbookCreatesNothing()
    {
        QTemporaryDir dir;
        const QString workbook = dir.filePath(QStringLiteral("notes.xlsx"));
        QVERIFY(fs::test::writeFile(workbook, "not a workbook"));
        MainWindow window;
        QString message;
        QTimer::singleShot(200, [&message] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                message = box->text() + QLatin1Char('\n') + box->detailedText();
                box->close();
            }
        });
        QVERIFY(!window.importWorkbookFile(workbook, dir.filePath(QStringLiteral("x.fsv"))));
        QVERIFY2(message.contains(QStringLiteral("notes.xlsx")), qPrintable(message));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.fsv"))));
        QVERIFY(window.survey() == nullptr);
    }

    void aboutShowsTheVersion()
    {
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        MainWindow window;
        QString text;
        QTimer::singleShot(200, [&text] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                text = box->windowTitle() + QLatin1Char('\n') + box->text();
                box->close();
            }
        });
        window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QVERIFY2(text.contains(QStringLiteral("FieldSurvey " FS_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("FieldSurvey について")), qPrintable(text));
    }

    void unknownLanguageIsRefused()
    {
        QVERIFY(!fs::app::LanguageSetup::install(*qApp, QStringLiteral("xx")));
    }

    void badFileKeepsTheOpenSurvey()
    {
        QTemporaryDir dir;
        auto store = fs::model::DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")));
        QVERIFY(store.has_value());
        MainWindow window;
        window.setSurvey(std::move(*store));
        const QString bad = dir.filePath(QStringLiteral("garbage.fsv"));
        QVERIFY(fs::test::writeFile(bad, QByteArray("not a survey")));

        // The error dialog is modal; close it as a user would.
        QTimer::singleShot(200, [] {
            if (QWidget *dialog = QApplication::activeModalWidget())
                dialog->close();
        });
        QVERIFY(!window.openSurveyFile(bad));
        QCOMPARE(labelText(window, "hospitalNameLabel"), QStringLiteral("さぬき中央病院"));
        QVERIFY(window.survey() != nullptr);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
