// A mock survey of the reference hospital, the way an investigator does it: keyboard only, in
// Japanese, from importing the hospital's workbook to quitting and finding everything again.
// The clock is fixed so that the schedule's recorded times and the late warning are known.

#include "clock.h"
#include "guitest.h"
#include "importresultdialog.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "observation.h"
#include "shortcutoverlay.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDockWidget>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>
#include <functional>
#include <memory>

using fs::app::MainWindow;
using fs::test::child;
using fs::test::onNextDialog;
using fs::test::press;
using fs::test::reactivate;
using namespace fs::model;

namespace {

QDateTime at(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 24), QTime(hour, minute));
}

QString focusName()
{
    const QWidget *focus = QApplication::focusWidget();
    return focus ? focus->objectName() : QStringLiteral("<no focus>");
}

void typeHere(const QString &text)
{
    fs::test::typeText(QApplication::focusWidget(), text);
}

// A photo as a phone camera would give it: a JPEG with something on it.
QString writePhoto(const QString &path, const QString &label)
{
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(QColor(0x30, 0x50, 0x70));
    QPainter painter(&image);
    painter.setPen(Qt::white);
    painter.setFont(QFont(QStringLiteral("Noto Sans CJK JP"), 40));
    painter.drawText(image.rect(), Qt::AlignCenter, label);
    painter.end();
    return image.save(path, "JPEG") ? path : QString();
}

ConnectionPoint lineByCaf(SurveyStore &store, const QString &caf)
{
    const auto lines = store.connectionPoints();
    if (lines) {
        for (const auto &line : *lines) {
            if (line.cafId == caf)
                return line;
        }
    }
    return {};
}

QString checkValue(const Terminal &terminal, const QString &item)
{
    for (const auto &check : terminal.checks) {
        if (check.item == item)
            return check.value;
    }
    return {};
}

QString checkEvaluation(const Terminal &terminal, const QString &item)
{
    for (const auto &check : terminal.checks) {
        if (check.item == item)
            return check.evaluation;
    }
    return {};
}

} // namespace

class TestInvestigatorDay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        // The high-DPI run (QT_SCALE_FACTOR=2) keeps its screenshots apart.
        m_shotPrefix = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                           ? QStringLiteral("day-x%1-").arg(qEnvironmentVariable("QT_SCALE_FACTOR"))
                           : QStringLiteral("day-");
    }

    void aMockSurveyByKeyboard()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString surveyPath = dir.filePath(QStringLiteral("sanuki.fsv"));
        FixedClock clock(at(8, 55));

        auto window = std::make_unique<MainWindow>();
        window->setClock(&clock);
        window->resize(1366, 768);
        window->show();
        QApplication::setActiveWindow(window.get());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));

        // The hospital's workbook becomes the survey.
        QVERIFY(window->importWorkbookFile(
            fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx")), surveyPath));
        SurveyStore *store = window->survey();
        QVERIFY(store);
        // The import's summary comes up beside the window; Esc closes it.
        auto *result = window->findChild<fs::app::ImportResultDialog *>();
        QVERIFY(result);
        QTRY_VERIFY(result->isVisible() && QApplication::activeWindow() == result);
        QTest::keyClick(result, Qt::Key_Escape);
        QTRY_VERIFY(!result->isVisible());
        QApplication::setActiveWindow(window.get());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *tabs = child<QTabWidget>(*window, "sectionTabs");
        QVERIFY(tabs);
        QCOMPARE(tabs->currentIndex(), int(MainWindow::SchedulePageIndex));

        // --- The day plan: the date (the field proposes today; passing through saves nothing,
        // Enter takes it) and who attends.
        auto *dateEdit = child<QDateEdit>(*window, "dayDateEdit");
        press(Qt::Key_D, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("dayDateEdit"));
        QCOMPARE(dateEdit->date(), QDate(2026, 11, 24));
        press(Qt::Key_Tab);
        QVERIFY(!store->schedule()->at(0).date.isValid());
        QTRY_COMPARE(dateEdit->text(), QStringLiteral("未定"));
        press(Qt::Key_D, Qt::AltModifier);
        press(Qt::Key_Return);
        QCOMPARE(store->schedule()->at(0).date, QDate(2026, 11, 24));
        QVERIFY2(child<QComboBox>(*window, "dayCombo")
                     ->currentText()
                     .contains(QStringLiteral("2026年11月24日(火)")),
                 qPrintable(child<QComboBox>(*window, "dayCombo")->currentText()));

        press(Qt::Key_A, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("attendeesEdit"));
        typeHere(QStringLiteral("情報システム課 佐藤"));
        press(Qt::Key_Tab);
        QCOMPARE(store->schedule()->at(0).attendees, QStringLiteral("情報システム課 佐藤"));

        // --- Walking the schedule with Ctrl+T: arrival, the briefing, the connection points.
        auto *steps = child<QTableView>(*window, "stepView");
        press(Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(focusName(), QStringLiteral("stepView"));
        QCOMPARE(steps->currentIndex().row(), 0);
        clock.set(at(9, 2));
        press(Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(steps->currentIndex().row(), 1); // arrival is a moment: on to the briefing
        press(Qt::Key_T, Qt::ControlModifier);    // the briefing starts
        clock.set(at(9, 31));
        press(Qt::Key_T, Qt::ControlModifier); // and ends
        QCOMPARE(steps->currentIndex().row(), 2);
        clock.set(at(9, 33));
        press(Qt::Key_T, Qt::ControlModifier); // the connection points start
        {
            const auto day = store->schedule()->at(0);
            QCOMPARE(day.steps[0].actualStart.toLocalTime(), at(9, 2));
            QCOMPARE(day.steps[0].actualEnd.toLocalTime(), at(9, 2));
            QCOMPARE(day.steps[1].actualStart.toLocalTime(), at(9, 2));
            QCOMPARE(day.steps[1].actualEnd.toLocalTime(), at(9, 31));
            QCOMPARE(day.steps[2].actualStart.toLocalTime(), at(9, 33));
            QVERIFY(!day.steps[2].actualEnd.isValid());
        }
        QCOMPARE(steps->model()->index(0, 4).data().toString(), QStringLiteral("完了"));
        QCOMPARE(steps->model()->index(1, 2).data().toString(), QStringLiteral("09:02–09:31"));
        QVERIFY2(steps->model()->index(2, 4).data().toString().contains(QStringLiteral("実施中")),
                 qPrintable(steps->model()->index(2, 4).data().toString()));
        auto *late = child<QLabel>(*window, "lateLabel");
        QVERIFY(late->isVisible());
        QVERIFY2(late->text().startsWith(QStringLiteral("予定どおりです")), qPrintable(late->text()));

        // --- The lines take longer than planned: the afternoon slot for them ended at 14:00, and
        // at 14:20 the window says so.
        clock.set(at(14, 20));
        window->setClock(&clock); // what the minute timer does
        QVERIFY2(late->text().startsWith(QStringLiteral("予定より 20分 遅れています")),
                 qPrintable(late->text()));
        QVERIFY2(late->text().contains(QStringLiteral("外部接続点調査は 14:00 に終わる予定")),
                 qPrintable(late->text()));
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("schedule.png")));

        // --- The first line, by keyboard: ONU confirmed, not directly reachable, IPsec, a photo,
        // the router's firmware.
        press(Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), int(MainWindow::ConnectionPointPageIndex));
        auto *lineList = child<QListWidget>(*window, "lineList");
        QCOMPARE(lineList->count(), 4);
        QCOMPARE(lineList->currentRow(), 0);
        const QString caf1 = QStringLiteral("CAF0001");
        press(Qt::Key_O, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("onuStatusCombo"));
        press(Qt::Key_Down);
        QCOMPARE(lineByCaf(*store, caf1).onuLocationStatus, OnuLocationStatus::Confirmed);
        press(Qt::Key_R, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("emrReachabilityCombo"));
        press(Qt::Key_Down);
        press(Qt::Key_Down);
        QCOMPARE(lineByCaf(*store, caf1).emrReachability, EmrReachability::NotDirect);
        press(Qt::Key_I, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("protectionCombo"));
        press(Qt::Key_Down);
        QCOMPARE(lineByCaf(*store, caf1).protection, Protection::Ipsec);

        // Ctrl+Shift+P asks for the photo files; the file name is typed into the dialog.
        const QString photo =
            writePhoto(dir.filePath(QStringLiteral("onu-label.jpg")), QStringLiteral("CAF0001 ONU"));
        QVERIFY(!photo.isEmpty());
        bool photoDialogSeen = false;
        onNextDialog([&](QWidget *dialog) {
            photoDialogSeen = qobject_cast<QFileDialog *>(dialog) != nullptr;
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name) {
                dialog->close();
                return;
            }
            // Pasted rather than typed: the dialog's completer would take the keys.
            name->setFocus();
            name->setText(photo);
            QTest::keyClick(name, Qt::Key_Return);
        });
        press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(photoDialogSeen);
        QVERIFY(reactivate(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(store->photos()->size(), 1, 5000);
        QCOMPARE(store->photos()->at(0).target.entity, QStringLiteral("connection_point"));
        QCOMPARE(store->photos()->at(0).target.id, lineByCaf(*store, caf1).id);
        auto *photoList = child<QListWidget>(*child<QWidget>(*window, "linePhotoStrip"), "photoList");
        QCOMPARE(photoList->count(), 1);
        // F2 captions the photo; Delete removes it and Ctrl+Z brings it back.
        photoList->setFocus();
        photoList->setCurrentRow(0);
        press(Qt::Key_F2);
        QVERIFY2(photoList->isAncestorOf(QApplication::focusWidget()),
                 qPrintable(focusName())); // the caption editor
        typeHere(QStringLiteral("ONU と回線IDラベル"));
        press(Qt::Key_Return);
        QTRY_COMPARE(store->photos()->at(0).caption,
                     QStringLiteral("ONU と回線IDラベル")); // committed queued
        photoList->setFocus();
        press(Qt::Key_Delete);
        QCOMPARE(store->photos()->size(), 0);
        QCOMPARE(photoList->count(), 0);
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(store->photos()->size(), 1);
        QCOMPARE(photoList->count(), 1);
        QCOMPARE(photoList->item(0)->text(), QStringLiteral("ONU と回線IDラベル"));

        auto *devices = child<QTableWidget>(*window, "deviceTable");
        QCOMPARE(devices->currentRow(), 0);
        press(Qt::Key_M, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("factFirmwareEdit"));
        typeHere(QStringLiteral("Rev.15.02.29"));
        press(Qt::Key_Tab);
        const auto firmware = [&] {
            return factValue(lineByCaf(*store, caf1).devices.value(0).facts, QStringLiteral("firmware"));
        };
        QCOMPARE(firmware(), QStringLiteral("Rev.15.02.29"));
        QVERIFY2(lineList->item(0)->text().endsWith(QStringLiteral("記録済み")),
                 qPrintable(lineList->item(0)->text()));
        QCOMPARE(devices->item(0, 4)->text(), QStringLiteral("Rev.15.02.29"));

        // Undo and redo, from the keyboard.
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(firmware(), QString());
        QVERIFY2(lineList->item(0)->text().endsWith(QStringLiteral("未完了 1 件")),
                 qPrintable(lineList->item(0)->text()));
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(firmware(), QStringLiteral("Rev.15.02.29"));
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("lines.png")));

        // --- A mobile router nobody declared, found beside the reception PC.
        bool addLineSeen = false;
        onNextDialog([&](QWidget *dialog) {
            addLineSeen = dialog->objectName() == QStringLiteral("AddLineDialog");
            auto *type = dialog->findChild<QComboBox *>(QStringLiteral("equipmentTypeCombo"));
            if (!addLineSeen || !type || QApplication::focusWidget() != type) {
                dialog->close();
                return;
            }
            for (int i = 0; i < 6; ++i)
                QTest::keyClick(type, Qt::Key_Down);
            QTest::keyClick(type, Qt::Key_A, Qt::AltModifier);
            fs::test::typeText(QApplication::focusWidget(), QStringLiteral("1F 医事課 受付カウンター下"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier);
            fs::test::typeText(QApplication::focusWidget(), QStringLiteral("受付の予備回線"));
            QVERIFY(fs::test::saveScreenshot(*dialog, m_shotPrefix + QStringLiteral("add-line.png")));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(addLineSeen);
        QVERIFY(reactivate(window.get()));
        QCOMPARE(store->connectionPoints()->size(), 5);
        const auto found = lineByCaf(*store, QStringLiteral("CAF0005"));
        QCOMPARE(found.origin, Origin::FoundOnSite);
        QCOMPARE(found.equipmentType, EquipmentType::MobileRouter);
        QCOMPARE(found.onuLocationFound, QStringLiteral("1F 医事課 受付カウンター下"));
        QCOMPARE(found.purpose, QStringLiteral("受付の予備回線"));
        QCOMPARE(lineList->count(), 5);
        QCOMPARE(lineList->currentRow(), 4);
        QVERIFY(child<QLabel>(*window, "undeclaredBadgeLabel")->isVisible());
        QCOMPARE(child<QLabel>(*window, "undeclaredBadgeLabel")->text(), QStringLiteral("未申告"));
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("undeclared-line.png")));

        // --- Terminal 1: all five checks with their evaluation, then done.
        clock.set(at(14, 35));
        press(Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), int(MainWindow::TerminalPageIndex));
        QCOMPARE(child<QListWidget>(*window, "terminalList")->currentRow(), 0);
        const struct
        {
            Qt::Key mnemonic;
            const char *edit;
            const char *item;
            QString value;
            int evaluationDowns; // unknown, ok, caution, danger
        } checks[] = {
            {Qt::Key_O, "osEdit", "os", QStringLiteral("Windows 10 Pro 22H2"), 2},
            {Qt::Key_D, "windowsUpdateEdit", "windows_update", QStringLiteral("2026年10月の更新まで適用"), 1},
            {Qt::Key_I, "internetEdit", "internet", QStringLiteral("接続不可（プロキシ無し）"), 1},
            {Qt::Key_A, "antivirusEdit", "antivirus", QStringLiteral("ESET Endpoint Security 11 定義 当日"),
             1},
            {Qt::Key_B, "usbStorageEdit", "usb_storage", QStringLiteral("制限なし"), 3},
        };
        for (const auto &check : checks) {
            press(check.mnemonic, Qt::AltModifier);
            QCOMPARE(focusName(), QString::fromLatin1(check.edit));
            typeHere(check.value);
            press(Qt::Key_Tab); // to the evaluation, which saves the value
            for (int i = 0; i < check.evaluationDowns; ++i)
                press(Qt::Key_Down);
        }
        press(Qt::Key_K, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("checkStateCombo"));
        press(Qt::Key_Down);
        press(Qt::Key_Down);
        {
            const auto terminal = store->terminals()->at(0);
            QCOMPARE(terminal.checkState, TerminalCheckState::Done);
            QCOMPARE(terminal.checks.size(), 5);
            for (const auto &check : checks)
                QCOMPARE(checkValue(terminal, QString::fromLatin1(check.item)), check.value);
            QCOMPARE(checkEvaluation(terminal, QStringLiteral("os")), QStringLiteral("caution"));
            QCOMPARE(checkEvaluation(terminal, QStringLiteral("usb_storage")), QStringLiteral("danger"));
        }
        QVERIFY2(
            child<QListWidget>(*window, "terminalList")->item(0)->text().contains(QStringLiteral("完了")),
            qPrintable(child<QListWidget>(*window, "terminalList")->item(0)->text()));
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("terminals.png")));

        // --- What is still missing: F6, then Enter on an item goes to where it is entered.
        auto *tree = child<QTreeWidget>(*window, "completenessTree");
        press(Qt::Key_F6);
        QCOMPARE(focusName(), QStringLiteral("completenessTree"));
        QVERIFY(tree->topLevelItemCount() > 0);
        QTreeWidgetItem *leaf = nullptr;
        for (int i = 0; i < 20 && !leaf; ++i) {
            auto *current = tree->currentItem();
            if (current && current->childCount() == 0 &&
                current->text(0).contains(QStringLiteral("CAF0002")) == false && current->parent() &&
                current->parent()->text(0) == QStringLiteral("CAF0002"))
                leaf = current;
            else
                press(Qt::Key_Down);
        }
        QVERIFY2(leaf, "no missing item of CAF0002 in the panel");
        const QString leafText = leaf->text(0);
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("completeness.png")));
        press(Qt::Key_Return);
        QCOMPARE(tabs->currentIndex(), int(MainWindow::ConnectionPointPageIndex));
        QCOMPARE(lineList->currentItem()->text().left(7), QStringLiteral("CAF0002"));
        QCOMPARE(leafText, QStringLiteral("ONU の設置場所が未確認"));
        QCOMPARE(focusName(), QStringLiteral("onuStatusCombo"));

        // --- F1 shows every shortcut; Esc closes it.
        press(Qt::Key_F1);
        auto *overlay = child<fs::app::ShortcutOverlay>(*window, "shortcutOverlay");
        QVERIFY(overlay->isVisible());
        const QStringList entries = overlay->entries();
        for (const QString &expected : {QStringLiteral("Ctrl+T\t"), QStringLiteral("Ctrl+Shift+N\t"),
                                        QStringLiteral("F6\t"), QStringLiteral("Ctrl+Z\t")}) {
            QVERIFY2(std::any_of(entries.cbegin(), entries.cend(),
                                 [&](const QString &e) { return e.startsWith(expected); }),
                     qPrintable(expected + entries.join(QLatin1Char('|'))));
        }
        QVERIFY(fs::test::saveScreenshot(*window, m_shotPrefix + QStringLiteral("shortcuts.png")));
        press(Qt::Key_Escape);
        QVERIFY(!overlay->isVisible());

        // --- Quit (Ctrl+Q) with a note still being typed; start again on the same file.
        press(Qt::Key_3, Qt::ControlModifier);
        press(Qt::Key_N, Qt::AltModifier);
        QCOMPARE(focusName(), QStringLiteral("terminalNoteEdit"));
        typeHere(QStringLiteral("電子カルテ端末。院内LANのみ。"));
        press(Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 2000);
        window.reset();

        MainWindow again;
        again.setClock(&clock);
        again.resize(1366, 768);
        QVERIFY(again.openSurveyFile(surveyPath));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        SurveyStore *reopened = again.survey();
        QCOMPARE(reopened->schedule()->at(0).attendees, QStringLiteral("情報システム課 佐藤"));
        QCOMPARE(reopened->schedule()->at(0).steps[1].actualEnd.toLocalTime(), at(9, 31));
        QCOMPARE(lineByCaf(*reopened, caf1).protection, Protection::Ipsec);
        QCOMPARE(factValue(lineByCaf(*reopened, caf1).devices.value(0).facts, QStringLiteral("firmware")),
                 QStringLiteral("Rev.15.02.29"));
        QCOMPARE(lineByCaf(*reopened, QStringLiteral("CAF0005")).equipmentType, EquipmentType::MobileRouter);
        QCOMPARE(reopened->photos()->size(), 1);
        QCOMPARE(reopened->terminals()->at(0).note, QStringLiteral("電子カルテ端末。院内LANのみ。"));
        QCOMPARE(reopened->terminals()->at(0).checkState, TerminalCheckState::Done);
        // … and the window shows it again.
        auto *againSteps = child<QTableView>(again, "stepView");
        QCOMPARE(againSteps->model()->index(1, 2).data().toString(), QStringLiteral("09:02–09:31"));
        QCOMPARE(child<QListWidget>(again, "lineList")->count(), 5);
        QCOMPARE(child<QListWidget>(again, "terminalList")->count(), 5);
    }

private:
    QString m_shotPrefix;
};

QTEST_MAIN(TestInvestigatorDay)
#include "tst_investigatorday.moc"
