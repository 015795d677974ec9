// The terminal checks in the GUI, in Japanese, from the keyboard: importing a collector file
// (through the file dialog), what the page then shows, undo/redo, a broken file that changes
// nothing, a file from another computer, and the manual form judged by the same rules.

#include "clock.h"
#include "demosurvey.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

#include <functional>
#include <memory>

using fs::app::MainWindow;
using fs::test::child;
using fs::test::onNextDialog;
using fs::test::press;
using fs::test::reactivate;
using namespace fs::model;

namespace {

// The file dialog: the path is pasted into its name field and confirmed with Enter.
void chooseFile(const QString &path, bool *seen)
{
    onNextDialog([path, seen](QWidget *dialog) {
        *seen = qobject_cast<QFileDialog *>(dialog) != nullptr;
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (!name) {
            dialog->close();
            return;
        }
        name->setFocus();
        name->setText(path);
        QTest::keyClick(name, Qt::Key_Return);
    });
}

// The next message box: its text is kept, then the button with the role is pressed.
void answerMessage(QMessageBox::StandardButton button, QString *text, QString *informative = nullptr)
{
    onNextDialog([button, text, informative](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box) {
            dialog->close();
            return;
        }
        *text = box->text();
        if (informative)
            *informative = box->informativeText();
        box->button(button)->click();
    });
}

Terminal terminalNo(const SurveyStore &store, int no)
{
    const auto terminals = store.terminals();
    if (!terminals)
        return {};
    for (const Terminal &t : *terminals) {
        if (t.terminalNo == no)
            return t;
    }
    return {};
}

QString check(const Terminal &t, const QString &item)
{
    for (const TerminalCheck &c : t.checks) {
        if (c.item == item)
            return c.evaluation + QLatin1Char('/') + c.source;
    }
    return {};
}

} // namespace

class TestTerminalChecks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
    }

    void importJudgeUndoAndEnterByHand()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString surveyPath = dir.filePath(QStringLiteral("demo.fsv"));
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(14, 30)));
        QVERIFY(DemoSurvey::createOrReplace(surveyPath, clock).has_value());
        // The collector file of terminal 1 (its computer name is the declared host name).
        QByteArray json = fs::test::readFile(
            fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json"));
        QVERIFY(!json.isEmpty());
        json.replace("\"EMR-PC01\"", "\"PCEMR01\"");
        const QString collectorFile = dir.filePath(QStringLiteral("PCEMR01.json"));
        QVERIFY(fs::test::writeFile(collectorFile, json));

        auto window = std::make_unique<MainWindow>();
        window->setClock(&clock);
        window->resize(1366, 768);
        window->show();
        QVERIFY(window->openSurveyFile(surveyPath));
        QVERIFY(reactivate(window.get()));
        auto store = SurveyStore::open(surveyPath, SurveyStore::OpenMode::ReadOnly, clock);
        QVERIFY(store.has_value());

        // Ctrl+3: the terminals; the first is selected.
        press(Qt::Key_3, Qt::ControlModifier);
        auto *list = child<QListWidget>(*window, "terminalList");
        QCOMPARE(list->currentRow(), 0);

        // Ctrl+Shift+I asks for the collector file.
        bool fileDialogSeen = false;
        chooseFile(collectorFile, &fileDialogSeen);
        press(Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(fileDialogSeen);
        QVERIFY(reactivate(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(check(terminalNo(**store, 1), QStringLiteral("os")),
                                  QStringLiteral("danger/collector"), 5000);
        auto *osEdit = child<QLineEdit>(*window, "osEdit");
        QTRY_COMPARE(osEdit->text(),
                     QStringLiteral("Windows 10 Pro 22H2（ビルド 19045.6456） サポート終了（2025-10-14）"));
        QCOMPARE(child<QComboBox>(*window, "osEvaluationCombo")->currentText(), QStringLiteral("危険"));
        QCOMPARE(child<QComboBox>(*window, "usbStorageEvaluationCombo")->currentText(),
                 QStringLiteral("注意"));
        auto *findings = child<QTreeWidget>(*window, "findingsTree");
        QCOMPARE(findings->topLevelItemCount(), 5);
        QCOMPARE(findings->topLevelItem(0)->text(0), QStringLiteral("危険"));
        QCOMPARE(findings->topLevelItem(0)->text(1),
                 QStringLiteral("サポート終了 Windows を利用中（要確認）"));
        const QString source = child<QLabel>(*window, "factsSourceLabel")->text();
        QVERIFY2(source.contains(QStringLiteral("PCEMR01.json")), qPrintable(source));
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("危険 2")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(fs::test::saveScreenshot(*window, QStringLiteral("terminal-imported.png")));

        // One Ctrl+Z takes the whole import back; Ctrl+Shift+Z does it again.
        list->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(osEdit->text(), QString());
        QCOMPARE(terminalNo(**store, 1).checks.size(), 0);
        QCOMPARE(findings->topLevelItemCount(), 1);
        QCOMPARE(findings->topLevelItem(0)->text(1), QStringLiteral("所見なし"));
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(findings->topLevelItemCount(), 5);
        QCOMPARE(terminalNo(**store, 1).checks.size(), 5);

        // A broken file: a message that names the file and the place; nothing changes.
        const QString broken = dir.filePath(QStringLiteral("PCIJI01.json"));
        QVERIFY(fs::test::writeFile(broken, json.left(json.size() / 3)));
        const auto before = terminalNo(**store, 1);
        QString text;
        QString informative;
        chooseFile(broken, &fileDialogSeen);
        answerMessage(QMessageBox::Ok, &text, &informative);
        press(Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 5000);
        QVERIFY2(text.contains(QStringLiteral("PCIJI01.json")), qPrintable(text));
        QVERIFY2(informative.contains(QStringLiteral("PCIJI01.json: line ")), qPrintable(informative));
        QVERIFY(reactivate(window.get()));
        QCOMPARE(terminalNo(**store, 1), before);

        // A file from a computer the survey does not know, for terminal 2: asked, and refused.
        list->setFocus();
        list->setCurrentRow(1);
        const QString other = dir.filePath(QStringLiteral("EMR-PC01.json"));
        QVERIFY(fs::test::writeFile(
            other, fs::test::readFile(fs::test::sourceDir() +
                                      QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json"))));
        text.clear();
        chooseFile(other, &fileDialogSeen);
        answerMessage(QMessageBox::No, &text);
        press(Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 5000);
        QVERIFY2(text.contains(QStringLiteral("EMR-PC01")) && text.contains(QStringLiteral("PCIJI01")),
                 qPrintable(text));
        QVERIFY(reactivate(window.get()));
        QCOMPARE(terminalNo(**store, 2).checks.size(), 0);

        // Ctrl+Shift+M: the manual form for terminal 2, judged by the same rules.
        bool formSeen = false;
        onNextDialog([&](QWidget *dialog) {
            formSeen = dialog->objectName() == QStringLiteral("TerminalFactsDialog");
            auto *edition = dialog->findChild<QComboBox *>(QStringLiteral("editionCombo"));
            auto *build = dialog->findChild<QLineEdit *>(QStringLiteral("buildEdit"));
            auto *av = dialog->findChild<QComboBox *>(QStringLiteral("antivirusStateCombo"));
            auto *avName = dialog->findChild<QLineEdit *>(QStringLiteral("antivirusNameEdit"));
            auto *usb = dialog->findChild<QComboBox *>(QStringLiteral("usbCombo"));
            if (!edition || !build || !av || !usb || !avName) {
                dialog->close();
                return;
            }
            edition->setFocus();
            edition->setCurrentIndex(edition->findData(QStringLiteral("win11-pro")));
            build->setFocus();
            fs::test::typeText(build, QStringLiteral("22631.7376"));
            avName->setFocus();
            fs::test::typeText(avName, QStringLiteral("ウイルスバスター コーポレートエディション"));
            av->setCurrentIndex(av->findData(QStringLiteral("on")));
            usb->setCurrentIndex(usb->findData(QStringLiteral("blocked")));
            fs::test::saveScreenshot(*dialog, QStringLiteral("terminal-manual-form.png"));
            build->setFocus();
            QTest::keyClick(build, Qt::Key_Return); // the default button: 保存して判定
        });
        press(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(formSeen);
        QVERIFY(reactivate(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(check(terminalNo(**store, 2), QStringLiteral("os")),
                                  QStringLiteral("danger/manual"), 5000);
        QCOMPARE(check(terminalNo(**store, 2), QStringLiteral("usb_storage")), QStringLiteral("ok/manual"));
        QCOMPARE(check(terminalNo(**store, 2), QStringLiteral("antivirus")), QStringLiteral("ok/manual"));
        QTRY_COMPARE(osEdit->text(),
                     QStringLiteral("Windows 11 Pro 23H2（ビルド 22631.7376） サポート終了（2025-11-11）"));
        QVERIFY2(child<QLabel>(*window, "factsSourceLabel")->text().contains(QStringLiteral("手入力")),
                 qPrintable(child<QLabel>(*window, "factsSourceLabel")->text()));
        QVERIFY(fs::test::saveScreenshot(*window, QStringLiteral("terminal-manual.png")));

        // The USB stick after the rounds: several files at once, each to its terminal by computer
        // name; one not declared anywhere is listed, not imported. One Ctrl+Z takes them all back.
        QStringList names;
        for (const auto &[computer, file] :
             {std::pair{"PCRAD01", "rad.json"}, std::pair{"PCLAB01", "lab.json"},
              std::pair{"UNKNOWN-PC", "unknown.json"}}) {
            QByteArray bytes = json;
            bytes.replace("\"PCEMR01\"", QByteArray(QByteArray("\"") + computer + "\""));
            QVERIFY(fs::test::writeFile(dir.filePath(QString::fromLatin1(file)), bytes));
            names << QLatin1Char('"') + QString::fromLatin1(file) + QLatin1Char('"');
        }
        bool multiSeen = false;
        onNextDialog([&](QWidget *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!files || !name) {
                dialog->close();
                return;
            }
            multiSeen = files->fileMode() == QFileDialog::ExistingFiles;
            files->setDirectory(dir.path());
            name->setFocus();
            name->setText(names.join(QLatin1Char(' ')));
            QTest::keyClick(name, Qt::Key_Return);
            answerMessage(QMessageBox::Ok, &text, &informative);
        });
        text.clear();
        press(Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(multiSeen);
        QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 5000);
        QVERIFY2(text.contains(QStringLiteral("2")), qPrintable(text));
        QVERIFY2(informative.contains(QStringLiteral("UNKNOWN-PC")) &&
                     informative.contains(QStringLiteral("rad.json")),
                 qPrintable(informative));
        QVERIFY(reactivate(window.get()));
        QCOMPARE(terminalNo(**store, 3).checks.size(), 5);
        QCOMPARE(terminalNo(**store, 4).checks.size(), 5);
        list->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(terminalNo(**store, 3).checks.size(), 0);
        QCOMPARE(terminalNo(**store, 4).checks.size(), 0);
        QCOMPARE(check(terminalNo(**store, 2), QStringLiteral("os")), QStringLiteral("danger/manual"));
        list->setCurrentRow(1);

        // A file dragged from the file manager onto the page is imported as if chosen; a drag of
        // anything but .json files is not accepted.
        list->setFocus();
        list->setCurrentRow(4);
        QByteArray pha = json;
        pha.replace("\"PCEMR01\"", "\"TCPHA01\"");
        const QString dropped = dir.filePath(QStringLiteral("TCPHA01.json"));
        QVERIFY(fs::test::writeFile(dropped, pha));
        auto *page = child<QWidget>(*window, "terminalPage");
        QMimeData photo;
        photo.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("photo.jpg")))});
        QDragEnterEvent refusedDrag(QPoint(10, 10), Qt::CopyAction, &photo, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(page, &refusedDrag);
        QVERIFY(!refusedDrag.isAccepted());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dropped)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(page, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(page, &drop);
        QTRY_COMPARE(check(terminalNo(**store, 5), QStringLiteral("os")), QStringLiteral("danger/collector"));
        list->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(terminalNo(**store, 5).checks.size(), 0);
        list->setCurrentRow(1);

        // The form opens again with what was entered.
        bool reopened = false;
        onNextDialog([&](QWidget *dialog) {
            auto *build = dialog->findChild<QLineEdit *>(QStringLiteral("buildEdit"));
            reopened = build && build->text() == QStringLiteral("22631.7376");
            dialog->close();
        });
        press(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(reopened);
        QVERIFY(reactivate(window.get()));
    }
};

QTEST_MAIN(TestTerminalChecks)
#include "tst_terminalchecks.moc"
