// The offline-backup questionnaire in the GUI, in Japanese: the demo hospital classified 支援A,
// an answer changed through its combo box (支援B) and undone, an unplugged tape added (対象外
// with the contradiction that the hospital said it runs no offline backup), the office's decision
// through the dialog (OK refused without a reason), a checklist item not needed with its reason.
#include "backuppage.h"
#include "clock.h"
#include "demosurvey.h"
#include "demowindow.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "surveyeditor.h"
#include "surveystore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using fs::app::BackupPage;
using fs::app::MainWindow;
using fs::test::child;
using fs::test::onNextDialog;
using fs::test::press;
using fs::test::reactivate;
using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

QString classText(const QWidget &window)
{
    return child<QLabel>(window, "classLabel")->text();
}

void chooseKey(QComboBox *combo, const QString &key)
{
    const int index = combo->findData(key);
    QVERIFY2(index >= 0, qPrintable(key));
    combo->setCurrentIndex(index);
}

} // namespace

class TestBackupPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, u"ja"_s));
    }

    void questionnaireClassifiesAndDecides()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString surveyPath = dir.filePath(u"demo.fsv"_s);
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(1, 0), Qt::UTC));
        auto window = fs::test::openDemoWindow(surveyPath, clock, QSize(1500, 900));
        QVERIFY(window);
        window->survey()->setActor(u"事務局 鈴木"_s);
        QVERIFY(reactivate(window.get()));

        // Ctrl+7: the questionnaire. The demo plans a new server this fiscal year: 支援A.
        press(Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(child<QTabWidget>(*window, "sectionTabs")->currentIndex(), int(MainWindow::BackupPageIndex));
        QTRY_COMPARE(classText(*window), u"支援A"_s);
        auto *copies = child<QTableWidget>(*window, "copiesTable");
        QCOMPARE(copies->rowCount(), 3);
        QCOMPARE(copies->item(0, 8)->text(), u"オフラインではない"_s);
        QCOMPARE(copies->item(2, 8)->text(), u"オフライン"_s);
        // The tabs' labels are Japanese.
        QCOMPARE(child<QTabWidget>(*window, "sectionTabs")->tabText(MainWindow::BackupPageIndex),
                 u"オフラインバックアップ(&B)"_s);
        auto *checklist = child<QTableWidget>(*window, "checklistTable");
        QCOMPARE(checklist->rowCount(), BackupClassifier::taskKeys(SupportClass::SupportA).size());
        QVERIFY(fs::test::saveScreenshot(*window, u"backup-support-a.png"_s));

        // Next fiscal year instead: 支援B, one undo step.
        auto *newServer = child<QComboBox>(*window, "newServerCombo");
        chooseKey(newServer, u"later_fiscal_year"_s);
        QTRY_COMPARE(classText(*window), u"支援B"_s);
        QCOMPARE(window->survey()->backupQuestionnaire()->newServer, u"later_fiscal_year"_s);
        window->editor()->undoStack()->undo();
        QTRY_COMPARE(classText(*window), u"支援A"_s);
        QCOMPARE(child<QComboBox>(*window, "newServerCombo")->currentData().toString(),
                 u"this_fiscal_year"_s);

        // A tape taken out every day after the backup: offline today, so 対象外 — and the answer
        // "not operating" now contradicts it.
        auto *page = child<BackupPage>(*window, "backupPage");
        QVERIFY(page->addCopy());
        QTRY_COMPARE(copies->rowCount(), 4);
        auto *method = qobject_cast<QComboBox *>(copies->cellWidget(3, 1));
        QVERIFY(method);
        chooseKey(method, u"tape"_s);
        QTRY_VERIFY(qobject_cast<QComboBox *>(copies->cellWidget(3, 6)));
        QTRY_COMPARE(qobject_cast<QComboBox *>(copies->cellWidget(3, 1))->currentData().toString(),
                     u"tape"_s);
        chooseKey(qobject_cast<QComboBox *>(copies->cellWidget(3, 6)), u"physically_disconnected"_s);
        QTRY_COMPARE(classText(*window), u"対象外"_s);
        QCOMPARE(copies->item(3, 8)->text(), u"オフライン"_s);
        auto *flags = child<QListWidget>(*window, "flagsList");
        bool contradiction = false;
        for (int i = 0; i < flags->count(); ++i)
            contradiction =
                contradiction || flags->item(i)->data(Qt::UserRole) == u"offline_but_not_operating"_s;
        QVERIFY(contradiction);
        QVERIFY(child<QLabel>(*window, "flagsTitleLabel")->text().contains(u"1"_s));
        QVERIFY(fs::test::saveScreenshot(*window, u"backup-not-applicable-contradiction.png"_s));

        // The office decides 支援C: OK stays disabled until there is a reason.
        QVERIFY(reactivate(window.get()));
        bool sawDisabledOk = false;
        onNextDialog([&sawDisabledOk](QWidget *dialog) {
            auto *buttons = child<QDialogButtonBox>(*dialog, "overrideButtons");
            sawDisabledOk = !buttons->button(QDialogButtonBox::Ok)->isEnabled();
            auto *combo = child<QComboBox>(*dialog, "overrideClassCombo");
            combo->setCurrentIndex(combo->findData(int(SupportClass::SupportC)));
            child<QPlainTextEdit>(*dialog, "overrideReasonEdit")
                ->setPlainText(u"テープは医事課の私物で継続運用の予定なし"_s);
            fs::test::saveScreenshot(*dialog, u"backup-override-dialog.png"_s);
            buttons->button(QDialogButtonBox::Ok)->click();
        });
        QTest::mouseClick(child<QPushButton>(*window, "overrideButton"), Qt::LeftButton);
        QVERIFY(sawDisabledOk);
        QTRY_COMPARE(classText(*window), u"支援C"_s);
        const auto stored = window->survey()->backupQuestionnaire();
        QCOMPARE(stored->overrideClass, u"support_c"_s);
        QCOMPARE(stored->overrideBy, u"事務局 鈴木"_s);
        QVERIFY(child<QLabel>(*window, "supportLabel")->text().contains(u"対象外"_s));
        QTRY_COMPARE(checklist->rowCount(), BackupClassifier::taskKeys(SupportClass::SupportC).size());

        // A checklist item not needed, with its reason (the store refuses one without: tst_backup).
        QVERIFY(page->setTaskState(u"planning_meeting"_s, u"not_needed"_s, u"院内で計画済"_s));
        QTRY_COMPARE(qobject_cast<QComboBox *>(checklist->cellWidget(3, 1))->currentData().toString(),
                     u"not_needed"_s);
        QCOMPARE(checklist->item(3, 2)->text(), u"院内で計画済"_s);
        QVERIFY(fs::test::saveScreenshot(*window, u"backup-override-checklist.png"_s));

        // Back to the computed class.
        QVERIFY(page->clearOverride());
        QTRY_COMPARE(classText(*window), u"対象外"_s);
    }
};

QTEST_MAIN(TestBackupPage)
#include "tst_backuppage.moc"
