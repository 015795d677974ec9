// The review round in the real windows: the team lead opens a folder of surveys, comments on a
// line in the review tab and returns the survey; after both syncs the investigator's day view
// shows the returned items highlighted, deals with one and resubmits; the lead sees the answer.
#include "clock.h"
#include "demosurvey.h"
#include "guitest.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "portaltestserver.h"
#include "portfolioview.h"
#include "resultcheck.h"
#include "reviewmarks.h"
#include "reviewnotespanel.h"
#include "reviewwindow.h"
#include "surveyreviewpane.h"
#include "surveystore.h"
#include "syncengine.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace fs::model;

namespace {

// One sync of the survey file as login (the window holding it must have let it go).
QString syncFile(const QString &path, const QString &actor, const fs::test::PortalTestServer &server,
                 const fs::sync::FieldMapping &mapping, const QString &login, const Clock &clock)
{
    auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadWrite, clock);
    if (!store)
        return store.error().detail;
    (*store)->setActor(actor);
    fs::sync::KintoneClient client(server.config(login));
    if (auto c = client.setCredentials(fs::test::PortalTestServer::credentials(login)); !c)
        return c.error().detail;
    fs::sync::SyncEngine engine(**store, client, mapping);
    auto report = engine.run();
    if (!report)
        return report.error().detail;
    return report->conflicts == 0 ? QString() : QStringLiteral("%1 conflict(s)").arg(report->conflicts);
}

} // namespace

class TestReviewRound : public QObject
{
    Q_OBJECT

    fs::test::PortalTestServer m_server;
    fs::sync::FieldMapping m_mapping;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(fs::app::LanguageSetup::install(*qApp, QStringLiteral("ja")));
        auto builtIn = fs::sync::FieldMapping::builtIn();
        QVERIFY(builtIn);
        m_mapping = *builtIn;
        const QString started = m_server.start(m_mapping, {});
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void leadReturnsInvestigatorSeesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lead")));
        const QString investigatorFile = dir.filePath(QStringLiteral("inv.fsv"));
        const QString leadFile = dir.filePath(QStringLiteral("lead/さぬき中央病院.fsv"));
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(5, 30), Qt::UTC));
        const QString investigator = QStringLiteral("調査員 山田");
        const QString lead = QStringLiteral("リーダー 佐藤");

        QString lineUuid;
        {
            auto demo = DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")), clock);
            FS_VERIFY_OK(demo);
            (*demo)->setActor(investigator);
            FS_VERIFY_OK((*demo)->setSurveyState(SurveyState::Submitted));
            lineUuid = (*demo)->connectionPoints()->at(1).uuid;
        }
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("demo.fsv")), investigatorFile));
        QString synced = syncFile(investigatorFile, investigator, m_server, m_mapping,
                                  QStringLiteral("investigator"), clock);
        QVERIFY2(synced.isEmpty(), qPrintable(synced));
        QVERIFY(QFile::copy(investigatorFile, leadFile));

        // The lead: folder → portfolio → review tab, a comment on line 2, then 差戻し.
        {
            fs::app::ReviewWindow review(clock);
            review.setActor(lead);
            review.resize(1400, 900);
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            QSignalSpy loaded(&review, &fs::app::ReviewWindow::surveysLoaded);
            review.openFolder(dir.filePath(QStringLiteral("lead")));
            QVERIFY(loaded.wait(30000));
            QCOMPARE(review.loaded().surveys.size(), 1);
            QVERIFY(review.loaded().failures.isEmpty());
            QCOMPARE(review.portfolio()->table()->model()->rowCount(), 1);
            // Enter on the hospital's row opens it on the review tab.
            QTableView *table = review.portfolio()->table();
            table->setFocus();
            table->setCurrentIndex(table->model()->index(0, 1));
            QTest::keyClick(table, Qt::Key_Return);
            auto *pane = review.reviewPane();
            QCOMPARE(QFileInfo(pane->path()), QFileInfo(leadFile));

            auto *approve = fs::test::child<QPushButton>(*pane, "approveButton");
            auto *giveBack = fs::test::child<QPushButton>(*pane, "returnButton");
            QVERIFY(approve->isEnabled() && giveBack->isEnabled());
            // A return without saying what to fix is refused.
            QTest::mouseClick(giveBack, Qt::LeftButton);
            QCOMPARE(pane->store()->surveyInfo()->state, SurveyState::Submitted);
            QVERIFY(!pane->errorText().isEmpty());

            QVERIFY(pane->selectItem(QStringLiteral("connection_point"), lineUuid));
            auto *edit = fs::test::child<QPlainTextEdit>(*pane, "reviewCommentEdit");
            fs::test::typeText(edit, QStringLiteral("ONU の設置場所の写真を追加してください"));
            auto *add = fs::test::child<QPushButton>(*pane, "addCommentButton");
            QVERIFY(add->isEnabled());
            QTest::mouseClick(add, Qt::LeftButton);
            QCOMPARE(pane->commentList()->count(), 1);
            QVERIFY(edit->toPlainText().isEmpty());
            // The commented line stands out in the tree.
            const QTreeWidgetItem *lineItem = pane->itemTree()->currentItem();
            QCOMPARE(lineItem->data(0, fs::app::SurveyReviewPane::UuidRole).toString(), lineUuid);
            QCOMPARE(lineItem->background(0).color(), fs::app::ReviewMarks::colour());

            QTest::mouseClick(giveBack, Qt::LeftButton);
            QCOMPARE(pane->store()->surveyInfo()->state, SurveyState::Returned);
            QCOMPARE(pane->store()->surveyInfo()->stateChangedBy, lead);
            QVERIFY(!approve->isEnabled());
            QVERIFY(fs::test::child<QLabel>(*pane, "reviewStateLabel")
                        ->text()
                        .contains(QStringLiteral("差戻し")));
            // The portfolio row follows.
            QCOMPARE(review.loaded().surveys.constFirst().state, SurveyState::Returned);
            QCOMPARE(review.loaded().surveys.constFirst().openComments, 1);
            QVERIFY(fs::test::saveScreenshot(review, QStringLiteral("review-pane.png")));
            pane->closeSurvey(); // lets the file go for the sync
        }
        synced = syncFile(leadFile, lead, m_server, m_mapping, QStringLiteral("lead"), clock);
        QVERIFY2(synced.isEmpty(), qPrintable(synced));
        synced = syncFile(investigatorFile, investigator, m_server, m_mapping, QStringLiteral("investigator"),
                          clock);
        QVERIFY2(synced.isEmpty(), qPrintable(synced));

        // The investigator: the day view shows the return and highlights line 2.
        {
            fs::app::MainWindow window;
            window.setClock(&clock);
            window.resize(1280, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openSurveyFile(investigatorFile));
            window.survey()->setActor(investigator);
            auto *notes = window.reviewNotes();
            QVERIFY(notes->isVisible());
            QCOMPARE(notes->commentList()->count(), 1);
            QVERIFY(notes->commentList()->item(0)->text().contains(QStringLiteral("ONU の設置場所")));
            QVERIFY(fs::test::child<QLabel>(*notes, "reviewNotesTitle")->text().contains(lead));
            window.showPage(fs::app::MainWindow::ConnectionPointPageIndex);
            auto *lines = fs::test::child<QListWidget>(window, "lineList");
            int marked = 0;
            for (int i = 0; i < lines->count(); ++i) {
                const int n = lines->item(i)->data(fs::app::ReviewMarks::MarkedRole).toInt();
                marked += n;
                QCOMPARE(n, i == 1 ? 1 : 0);
            }
            QCOMPARE(marked, 1);
            QCOMPARE(lines->item(1)->background().color(), fs::app::ReviewMarks::colour());
            QVERIFY(fs::test::saveScreenshot(window, QStringLiteral("returned-dayview.png")));

            // Enter on the comment shows the line; 対応済み and 再提出 answer the lead.
            notes->commentList()->setFocus();
            notes->commentList()->setCurrentRow(0);
            QTest::keyClick(notes->commentList(), Qt::Key_Return);
            QCOMPARE(lines->currentRow(), 1);
            QTest::mouseClick(fs::test::child<QPushButton>(*notes, "resolveCommentButton"), Qt::LeftButton);
            QVERIFY(window.survey()->reviewComments(true)->isEmpty());
            QTest::mouseClick(fs::test::child<QPushButton>(*notes, "resubmitButton"), Qt::LeftButton);
            QCOMPARE(window.survey()->surveyInfo()->state, SurveyState::Submitted);
            QVERIFY(!notes->isVisible());
            QCOMPARE(lines->item(1)->data(fs::app::ReviewMarks::MarkedRole).toInt(), 0);
        }
        synced = syncFile(investigatorFile, investigator, m_server, m_mapping, QStringLiteral("investigator"),
                          clock);
        QVERIFY2(synced.isEmpty(), qPrintable(synced));
        synced = syncFile(leadFile, lead, m_server, m_mapping, QStringLiteral("lead"), clock);
        QVERIFY2(synced.isEmpty(), qPrintable(synced));

        // The lead's portfolio shows the resubmission and no open comment.
        fs::app::ReviewWindow review(clock);
        QSignalSpy loaded(&review, &fs::app::ReviewWindow::surveysLoaded);
        review.openFolder(dir.filePath(QStringLiteral("lead")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(review.loaded().surveys.size(), 1);
        QCOMPARE(review.loaded().surveys.constFirst().state, SurveyState::Submitted);
        QCOMPARE(review.loaded().surveys.constFirst().stateChangedBy, investigator);
        QCOMPARE(review.loaded().surveys.constFirst().openComments, 0);
    }
};

QTEST_MAIN(TestReviewRound)
#include "tst_reviewround.moc"
