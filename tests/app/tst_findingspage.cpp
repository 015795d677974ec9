// The findings and the report in the GUI, in Japanese: what the rules raise (a FortiGate on a
// known-exploited release), the investigator's edit that the rules then leave alone, undo, a
// dismissal with its reason, an own finding, and the report preview rendered by Poppler.
#include "clock.h"
#include "demosurvey.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "reportpreviewdialog.h"
#include "surveystore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using fs::app::MainWindow;
using fs::test::child;
using fs::test::onNextDialog;
using fs::test::press;
using fs::test::reactivate;
using namespace fs::model;

namespace {

std::optional<Finding> storedByRule(const SurveyStore &store, const QString &rule)
{
    const auto all = store.findings();
    if (!all)
        return std::nullopt;
    for (const Finding &f : *all) {
        if (f.ruleId == rule)
            return f;
    }
    return std::nullopt;
}

int rowOf(QTreeWidget *tree, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(3).contains(text))
            return i;
    }
    return -1;
}

} // namespace

class TestFindingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
    }

    void judgeFindingsAndPreviewTheReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString surveyPath = dir.filePath(QStringLiteral("demo.fsv"));
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(14, 30)));
        {
            auto demo = DemoSurvey::createOrReplace(surveyPath, clock);
            QVERIFY(demo.has_value());
            auto lines = (*demo)->connectionPoints();
            QVERIFY(lines.has_value());
            const Device fortigate = lines->at(3).devices.first();
            for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                     {QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                     {QStringLiteral("model"), QStringLiteral("FortiGate-60F")},
                     {QStringLiteral("firmware"), QStringLiteral("v7.0.7,build0367,221005 (GA.F)")},
                     {QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes")},
                     {QStringLiteral("remote_admin_services"), QStringLiteral("wan1: ping https ssh")}})
                QVERIFY(
                    (*demo)->recordObservation(Entity::Device, fortigate.uuid, key, value, FactSource::Ssh));
        }

        auto window = std::make_unique<MainWindow>();
        window->setClock(&clock);
        window->resize(1366, 768);
        window->show();
        QVERIFY(window->openSurveyFile(surveyPath));
        QVERIFY(reactivate(window.get()));
        auto store = SurveyStore::open(surveyPath, SurveyStore::OpenMode::ReadOnly, clock);
        QVERIFY(store.has_value());

        // Ctrl+5: the findings; the rules have run and stored what they raise, danger first.
        press(Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(child<QTabWidget>(*window, "sectionTabs")->currentIndex(),
                 int(MainWindow::FindingsPageIndex));
        auto *tree = child<QTreeWidget>(*window, "surveyFindingsTree");
        QTRY_VERIFY(tree->topLevelItemCount() >= 4);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("危険"));
        const int kev = rowOf(tree, QStringLiteral("CISA KEV"));
        QVERIFY(kev >= 0);
        QVERIFY(rowOf(tree, QStringLiteral("インターネット側インターフェースで管理サービスが有効")) >= 0);
        const auto rule = storedByRule(**store, QStringLiteral("device.firmware.kev"));
        QVERIFY(rule);
        QCOMPARE(rule->status, QStringLiteral("danger"));
        QVERIFY(fs::test::saveScreenshot(*window, QStringLiteral("findings-page.png")));

        // The investigator judges the KEV finding: caution, own words. The rules leave it so.
        tree->setCurrentItem(tree->topLevelItem(kev));
        auto *status = child<QComboBox>(*window, "findingStatusCombo");
        auto *text = child<QPlainTextEdit>(*window, "findingTextEdit");
        QVERIFY(text->toPlainText().contains(QStringLiteral("FortiOS 7.0.7")));
        status->setCurrentIndex(status->findData(QStringLiteral("caution")));
        text->setPlainText(QStringLiteral("SSL-VPN は院外から到達できない構成（保守拠点の固定IPのみ）"));
        child<QPushButton>(*window, "saveFindingButton")->click();
        QTRY_COMPARE(storedByRule(**store, QStringLiteral("device.firmware.kev"))->status,
                     QStringLiteral("caution"));
        QVERIFY(storedByRule(**store, QStringLiteral("device.firmware.kev"))->isEdited());
        QTRY_VERIFY(rowOf(tree, QStringLiteral("SSL-VPN は院外から到達できない構成")) >= 0);
        press(Qt::Key_F5); // re-evaluate: the edit stands
        QCOMPARE(storedByRule(**store, QStringLiteral("device.firmware.kev"))->status,
                 QStringLiteral("caution"));
        const QString provenance = child<QLabel>(*window, "findingProvenanceLabel")->text();
        QVERIFY2(provenance.contains(QStringLiteral("以後ルールでは変更されません")), qPrintable(provenance));

        // Ctrl+Z takes the edit back.
        tree->setFocus();
        press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(storedByRule(**store, QStringLiteral("device.firmware.kev"))->status,
                     QStringLiteral("danger"));
        QVERIFY(!storedByRule(**store, QStringLiteral("device.firmware.kev"))->isEdited());
        // The tab follows the undo.
        const auto kevStatus = [tree] {
            const int row = rowOf(tree, QStringLiteral("CISA KEV"));
            return row < 0 ? QString() : tree->topLevelItem(row)->text(0);
        };
        QTRY_COMPARE(kevStatus(), QStringLiteral("危険"));

        // Dismissing asks for the reason.
        const int maintenance = rowOf(tree, QStringLiteral("リモート保守"));
        QVERIFY(maintenance >= 0);
        tree->setCurrentItem(tree->topLevelItem(maintenance));
        bool asked = false;
        onNextDialog([&asked](QWidget *dialog) {
            auto *input = qobject_cast<QInputDialog *>(dialog);
            asked = input != nullptr;
            if (!input) {
                dialog->close();
                return;
            }
            input->setTextValue(QStringLiteral("保守時のみ接続する運用を確認済み"));
            input->accept();
        });
        child<QPushButton>(*window, "dismissFindingButton")->click();
        QVERIFY(asked);
        QVERIFY(reactivate(window.get()));
        const auto dismissed = storedByRule(**store, QStringLiteral("line.remote_maintenance"));
        QVERIFY(dismissed && dismissed->dismissed);
        QCOMPARE(dismissed->dismissedReason, QStringLiteral("保守時のみ接続する運用を確認済み"));

        // Ctrl+Shift+F: the investigator's own finding.
        bool added = false;
        onNextDialog([&added](QWidget *dialog) {
            auto *finding = dialog->findChild<QPlainTextEdit *>(QStringLiteral("textEdit"));
            auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
            if (!finding || !buttons) {
                dialog->close();
                return;
            }
            finding->setPlainText(QStringLiteral("サーバー室の入退室記録がない"));
            buttons->button(QDialogButtonBox::Ok)->click();
            added = true;
        });
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(added);
        QVERIFY(reactivate(window.get()));
        QTRY_VERIFY(rowOf(tree, QStringLiteral("サーバー室の入退室記録がない")) >= 0);
        QVERIFY(fs::test::saveScreenshot(*window, QStringLiteral("findings-judged.png")));

        // Ctrl+P: the report preview, rendered from the written PDF.
        int pages = 0;
        onNextDialog([&pages](QWidget *dialog) {
            auto *preview = qobject_cast<fs::app::ReportPreviewDialog *>(dialog);
            if (preview) {
                pages = preview->pageCount();
                auto *list = preview->findChild<QListWidget *>(QStringLiteral("pageList"));
                QTRY_VERIFY(list->count() >= 3);
                fs::test::saveScreenshot(*preview, QStringLiteral("report-preview.png"));
            }
            dialog->close();
        });
        press(Qt::Key_P, Qt::ControlModifier);
        QVERIFY2(pages >= 9, qPrintable(QString::number(pages)));
        QVERIFY(reactivate(window.get()));
    }
};

QTEST_MAIN(TestFindingsPage)
#include "tst_findingspage.moc"
