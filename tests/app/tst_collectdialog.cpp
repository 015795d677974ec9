// Reading a device from the GUI: Ctrl+Shift+R on a line's device opens the dialog, the host key
// is shown for explicit acceptance, the session runs against a libssh server with the device
// emulator behind it, and the facts appear in the device table with the transcript kept.
#include "collectdialog.h"
#include "credentialcache.h"
#include "demosurvey.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "secretservice.h"
#include "sshtestserver.h"
#include "surveystore.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using fs::app::MainWindow;

namespace {

// Calls handle for each modal dialog that comes up (a dialog, then a message box inside it),
// until handle returns false or 30 s have passed.
void whileDialogs(std::function<bool(QWidget *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(50);
    auto seen = std::make_shared<QList<QPointer<QWidget>>>();
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen, ticks, handle] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (++*ticks > 600) {
            timer->stop();
            timer->deleteLater();
            if (dialog)
                dialog->close();
            return;
        }
        if (!dialog || !dialog->isVisible() || seen->contains(dialog))
            return;
        seen->append(dialog);
        if (!handle(dialog)) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace

class TestCollectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString()));
    }
    void cleanupTestCase() { m_keychain.stop(); }

    void readsTheDeviceOverSshAfterAcceptingItsKey()
    {
        fs::test::LibsshTestServer::Options options;
        options.emulator = {QStringLiteral("yamaha"), {}};
        fs::test::LibsshTestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.diagnostics()));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        auto store = fs::model::DemoSurvey::createOrReplace(path);
        QVERIFY(store);
        MainWindow window;
        window.resize(1366, 768);
        window.setSurvey(std::move(*store));
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        auto *devices = window.findChild<QTableWidget *>(QStringLiteral("deviceTable"));
        QCOMPARE(devices->currentRow(), 0);

        bool accepted = false;
        QString result;
        QString console;
        whileDialogs([&](QWidget *dialog) {
            if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
                QApplication::setActiveWindow(box);
                if (!QTest::qWaitForWindowActive(box))
                    qWarning("the host-key question did not become active");
                // The first contact: the fingerprint is shown; Alt+A accepts.
                accepted = box->text().contains(server.hostKeyFingerprintSha256());
                QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : box, Qt::Key_A,
                                Qt::AltModifier);
                return true;
            }
            if (dialog->objectName() != QStringLiteral("CollectDialog"))
                return false;
            QApplication::setActiveWindow(dialog);
            if (!QTest::qWaitForWindowActive(dialog))
                return false;
            auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
            host->setFocus();
            host->selectAll();
            QTest::keyClicks(host, server.host());
            auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"));
            port->setValue(server.port());
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("userEdit")), server.userName());
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")),
                             server.password());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y, Qt::AltModifier); // remember for today
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier); // Start collecting
            auto *label = dialog->findChild<QLabel *>(QStringLiteral("resultLabel"));
            auto *collect = qobject_cast<fs::app::CollectDialog *>(dialog);
            // Wait (bounded) for the session, through the host-key question.
            QTimer::singleShot(0, dialog, [=, &result, &console] {
                QElapsedTimer waited;
                waited.start();
                while (waited.elapsed() < 30000 && (collect->isRunning() || label->text().isEmpty() ||
                                                    QApplication::activeModalWidget() != dialog))
                    QTest::qWait(50);
                result = label->text();
                console = dialog->findChild<QPlainTextEdit *>(QStringLiteral("consoleView"))->toPlainText();
                fs::test::saveScreenshot(*dialog, QStringLiteral("collect-dialog.png"));
                dialog->close();
            });
            return true;
        });
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(accepted, qPrintable(result + QStringLiteral(" / ") + console.left(300)));
        QVERIFY2(result.contains(QStringLiteral("10.01.71")), qPrintable(result));
        QVERIFY2(console.contains(QStringLiteral("show environment")), qPrintable(console.left(400)));
        QVERIFY(!console.contains(server.password()));

        auto *survey = window.survey();
        QCOMPARE((*survey->knownHost(server.host(), server.port()))->fingerprint,
                 server.hostKeyFingerprintSha256());
        const auto device = survey->connectionPoints()->at(0).devices.at(0);
        QCOMPARE(fs::model::factValue(device.facts, QStringLiteral("firmware")), QStringLiteral("10.01.71"));
        QCOMPARE(survey->transcripts(device.uuid)->size(), 1);
        QTRY_COMPARE(devices->item(0, 4)->text(), QStringLiteral("10.01.71"));
        QVERIFY(fs::test::saveScreenshot(window, QStringLiteral("collect-lines.png")));
        QVERIFY(!server.emulatorLog().contains(QStringLiteral("FORBIDDEN")));

        // Remembered for today in the keychain (and only there).
        const auto remembered = fs::app::CredentialCache::recall(
            fs::app::CredentialCache::account(QStringLiteral("ssh"), server.userName(),
                                              QStringLiteral("%1:%2").arg(server.host()).arg(server.port())),
            QDate::currentDate());
        QVERIFY(remembered);
        QCOMPARE(QByteArray(remembered->reveal(), remembered->size()), server.password().toUtf8());
        QFile file(window.survey()->path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(server.password().toUtf8()));
    }

private:
    fs::test::SecretService m_keychain;
};

QTEST_MAIN(TestCollectDialog)
#include "tst_collectdialog.moc"
