// The scan day in the GUI, in Japanese: the list of lines to scan with the dynamic-IP line
// flagged, the scan-day IP confirmed through the dialog (a private address refused first), undo,
// the CSV for the scan team, the nmap XML imported with its unmatched host, and the findings.
#include "clock.h"
#include "demosurvey.h"
#include "demowindow.h"
#include "findingsengine.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "scandaypage.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
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
using namespace Qt::StringLiterals;

namespace {

QTreeWidgetItem *rowFor(QTreeWidget *tree, const QString &caf)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(1) == caf)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestScanDayPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, u"ja"_s));
    }

    void confirmExportImport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString surveyPath = dir.filePath(u"demo.fsv"_s);
        FixedClock clock(QDateTime(QDate(2025, 12, 4), QTime(0, 30), Qt::UTC));
        auto window = fs::test::openDemoWindow(surveyPath, clock, QSize(1366, 768));
        QVERIFY(window);
        QVERIFY(reactivate(window.get()));

        // Ctrl+6: the scan day. Three lines asked; the dynamic-IP line CAF0003 is flagged.
        press(Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(child<QTabWidget>(*window, "sectionTabs")->currentIndex(),
                 int(MainWindow::ScanDayPageIndex));
        auto *tree = child<QTreeWidget>(*window, "scanDayTree");
        QCOMPARE(tree->topLevelItemCount(), 3);
        QTreeWidgetItem *dynamic = rowFor(tree, u"CAF0003"_s);
        QVERIFY(dynamic);
        QCOMPARE(dynamic->text(2), u"未確認（診断不可）"_s);
        QVERIFY(dynamic->background(2).color() != QColor());
        QCOMPARE(rowFor(tree, u"CAF0001"_s)->text(2), u"診断可（固定IP）"_s);
        QCOMPARE(rowFor(tree, u"CAF0001"_s)->text(3), u"203.0.113.10"_s);
        auto *summary = child<QLabel>(*window, "scanSummaryLabel");
        QVERIFY2(summary->text().contains(u"3"_s) && summary->text().contains(u"1"_s),
                 qPrintable(summary->text()));
        QVERIFY(fs::test::saveScreenshot(*window, u"scan-day-list.png"_s));

        // Confirm the day's IP: a private address is refused in the dialog, then the real one.
        tree->setCurrentItem(dynamic);
        bool refusedShown = false;
        onNextDialog([&](QWidget *dialog) {
            auto *ip = child<QLineEdit>(*dialog, "scanIpEdit");
            auto *by = child<QLineEdit>(*dialog, "scanIpByEdit");
            QVERIFY(child<QDateTimeEdit>(*dialog, "scanIpAtEdit")->dateTime().isValid());
            ip->setText(u"192.168.10.1"_s);
            by->setText(u"事務長 山田"_s);
            child<QDialogButtonBox>(*dialog, "scanIpButtons")->button(QDialogButtonBox::Ok)->click();
            auto *error = child<QLabel>(*dialog, "scanIpErrorLabel");
            refusedShown =
                error->isVisible() && dialog->isVisible() && error->text().contains(u"192.168.10.1"_s);
            fs::test::saveScreenshot(*dialog, u"scan-ip-refused.png"_s);
            ip->setText(u"198.51.100.7"_s);
            child<QDialogButtonBox>(*dialog, "scanIpButtons")->button(QDialogButtonBox::Ok)->click();
        });
        child<QPushButton>(*window, "confirmScanIpButton")->click();
        QVERIFY(refusedShown);
        dynamic = rowFor(tree, u"CAF0003"_s);
        QCOMPARE(dynamic->text(3), u"198.51.100.7"_s);
        QCOMPARE(dynamic->text(4), u"事務長 山田"_s);
        QCOMPARE(dynamic->text(2), u"確認済（当日IP）"_s);
        {
            auto store = SurveyStore::open(surveyPath, SurveyStore::OpenMode::ReadOnly);
            QVERIFY(store.has_value());
            auto lines = (*store)->connectionPoints();
            QVERIFY(lines.has_value());
            QCOMPARE(lines->at(2).scanIp, u"198.51.100.7"_s);
            QCOMPARE(lines->at(2).scanIpConfirmedBy, u"事務長 山田"_s);
        }

        // Undo takes the whole confirmation back in one step; redo restores it.
        QVERIFY(reactivate(window.get()));
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(rowFor(tree, u"CAF0003"_s)->text(2), u"未確認（診断不可）"_s);
        press(Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(rowFor(tree, u"CAF0003"_s)->text(3), u"198.51.100.7"_s);

        // The CSV for the scan team.
        auto *page = child<fs::app::ScanDayPage>(*window, "scanDayPage");
        const QString csvPath = dir.filePath(u"scan-day.csv"_s);
        QVERIFY(page->exportCsv(csvPath));
        const QString csv = QString::fromUtf8(fs::test::readFile(csvPath)).remove(QChar(0xFEFF));
        QVERIFY(csv.contains(u"さぬき中央病院,3,CAF0003"_s));
        QVERIFY(csv.contains(u",198.51.100.7,確認済,事務長 山田,"_s));

        // The scan team's XML: three hosts on lines, one on none.
        QVERIFY(page->importScanFile(fs::test::sourceDir() + u"/tests/data/scans/demo-week48.xml"_s));
        QCOMPARE(rowFor(tree, u"CAF0001"_s)->text(6), u"開いているポート 2件"_s);
        QCOMPARE(rowFor(tree, u"CAF0004"_s)->text(6), u"開いているポート 0件"_s);
        auto *results = child<QTreeWidget>(*window, "scanResultsTree");
        QCOMPARE(results->topLevelItemCount(), 4);
        QTreeWidgetItem *unmatched = nullptr;
        for (int i = 0; i < results->topLevelItemCount(); ++i) {
            if (results->topLevelItem(i)->text(0).startsWith(u"192.0.2.200"_s))
                unmatched = results->topLevelItem(i);
        }
        QVERIFY(unmatched);
        QCOMPARE(unmatched->text(1), u"照合なし"_s);
        QVERIFY(summary->text().contains(u"照合できないホスト 1件"_s));
        QCOMPARE(child<QComboBox>(*window, "scanImportsCombo")->count(), 1);
        QVERIFY(fs::test::saveScreenshot(*window, u"scan-day-results.png"_s));

        // A file that is not nmap XML: the error names the file and line; nothing changes.
        const QString bad = dir.filePath(u"page.xml"_s);
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<?xml version=\"1.0\"?>\n<html><body>scan</body></html>\n");
        }
        QString shown;
        onNextDialog([&](QWidget *box) {
            for (QLabel *label : box->findChildren<QLabel *>())
                shown += label->text() + u"\n"_s;
            fs::test::saveScreenshot(*box, u"scan-import-refused.png"_s);
            box->close();
        });
        QVERIFY(!page->importScanFile(bad));
        QVERIFY2(shown.contains(u"page.xml line 2"_s), qPrintable(shown));
        QCOMPARE(child<QComboBox>(*window, "scanImportsCombo")->count(), 1);

        // The findings tab shows what the scan raised.
        QVERIFY(reactivate(window.get()));
        press(Qt::Key_5, Qt::ControlModifier);
        auto *findings = child<QTreeWidget>(*window, "surveyFindingsTree");
        QStringList texts;
        for (int i = 0; i < findings->topLevelItemCount(); ++i)
            texts << findings->topLevelItem(i)->text(3);
        const QString all = texts.join(u"\n"_s);
        QVERIFY2(all.contains(u"SSL-VPN のポータル"_s), qPrintable(all));
        QVERIFY(all.contains(u"IKE／IPsec"_s));
        QVERIFY(all.contains(u"どの回線とも一致しないホスト"_s));
        QVERIFY(all.contains(u"FortiOS 6.0.4"_s));
    }
};

QTEST_MAIN(TestScanDayPage)
#include "tst_scandaypage.moc"
