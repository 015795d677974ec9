// The review in the store: the survey's state 作成中 → 提出済 → 差戻し / 承認 with who and when,
// comments on items, what is audited and queued for the portal, and comments taken from the portal.
#include "demosurvey.h"
#include "resultcheck.h"
#include "surveystore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace fs::model;

class TestReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC)};

    std::unique_ptr<SurveyStore> demo(const QString &name)
    {
        auto store = DemoSurvey::createOrReplace(m_dir.filePath(name), m_clock);
        if (!store)
            qWarning("demo: %s", qPrintable(store.error().detail));
        return store ? std::move(*store) : nullptr;
    }

    static int outboxCount(const SurveyStore &store, const QString &entity, const QString &uuid)
    {
        int n = 0;
        const auto entries = store.outboxEntries();
        for (const OutboxEntry &e : *entries)
            n += e.entity == entity && e.uuid == uuid ? 1 : 0;
        return n;
    }

private slots:
    void statesMoveOnlyAsTheProgrammeDoes()
    {
        auto store = demo(QStringLiteral("states.fsv"));
        QVERIFY(store);
        QCOMPARE(store->surveyInfo()->state, SurveyState::Draft);
        store->setActor(QStringLiteral("調査員 山田"));

        // A draft cannot be approved or returned, only submitted.
        for (SurveyState refused : {SurveyState::Approved, SurveyState::Returned, SurveyState::Draft}) {
            auto r = store->setSurveyState(refused);
            QVERIFY(!r);
            QCOMPARE(r.error().code, fs::ErrorCode::InvalidArgument);
        }
        m_clock.advanceSeconds(60);
        auto submitted = store->setSurveyState(SurveyState::Submitted);
        FS_VERIFY_OK(submitted);
        QCOMPARE(submitted->state, SurveyState::Submitted);
        QCOMPARE(submitted->stateChangedBy, QStringLiteral("調査員 山田"));
        QCOMPARE(submitted->stateChangedAt, m_clock.now());
        QVERIFY(!store->setSurveyState(SurveyState::Submitted)); // already

        store->setActor(QStringLiteral("リーダー 佐藤"));
        m_clock.advanceSeconds(3600);
        auto returned = store->setSurveyState(SurveyState::Returned);
        FS_VERIFY_OK(returned);
        QCOMPARE(returned->stateChangedBy, QStringLiteral("リーダー 佐藤"));
        QCOMPARE(returned->stateChangedAt, m_clock.now());
        QVERIFY(!store->setSurveyState(SurveyState::Approved)); // returned work is resubmitted first

        store->setActor(QStringLiteral("調査員 山田"));
        FS_VERIFY_OK(store->setSurveyState(SurveyState::Submitted));
        store->setActor(QStringLiteral("リーダー 佐藤"));
        FS_VERIFY_OK(store->setSurveyState(SurveyState::Approved));
        // An approval can be taken back (a return), never turned into a draft.
        QVERIFY(!store->setSurveyState(SurveyState::Draft));
        FS_VERIFY_OK(store->setSurveyState(SurveyState::Returned));

        // Every move is in the audit trail with who and when, and queued for the portal.
        const QString uuid = store->surveyInfo()->uuid;
        QStringList moves;
        const auto trail = store->auditTrail();
        for (const AuditEntry &a : *trail) {
            if (a.entity == QStringLiteral("survey") && a.field == QStringLiteral("state"))
                moves << a.actor + QLatin1Char(':') + a.oldValue.toString() + QStringLiteral("→") +
                             a.newValue.toString();
        }
        QCOMPARE(moves, QStringList({QStringLiteral("調査員 山田:draft→submitted"),
                                     QStringLiteral("リーダー 佐藤:submitted→returned"),
                                     QStringLiteral("調査員 山田:returned→submitted"),
                                     QStringLiteral("リーダー 佐藤:submitted→approved"),
                                     QStringLiteral("リーダー 佐藤:approved→returned")}));
        QCOMPARE(outboxCount(*store, QStringLiteral("survey"), uuid), 1);
    }

    void commentsOnItems()
    {
        auto store = demo(QStringLiteral("comments.fsv"));
        QVERIFY(store);
        store->setActor(QStringLiteral("リーダー 佐藤"));
        const auto data = store->load();
        QVERIFY(data && !data->connectionPoints.isEmpty() && !data->terminals.isEmpty());
        const ConnectionPoint &line = data->connectionPoints.constFirst();
        QVERIFY(!line.devices.isEmpty());

        auto onLine = store->addReviewComment(QStringLiteral("connection_point"), line.uuid,
                                              QStringLiteral("ONU の設置場所の写真がありません"));
        FS_VERIFY_OK(onLine);
        QCOMPARE(onLine->author, QStringLiteral("リーダー 佐藤"));
        QCOMPARE(onLine->createdAt, m_clock.now());
        QVERIFY(onLine->isOpen());
        FS_VERIFY_OK(store->addReviewComment(QStringLiteral("device"), line.devices.constFirst().uuid,
                                             QStringLiteral("ファームウェアを確認してください")));
        FS_VERIFY_OK(store->addReviewComment(QStringLiteral("terminal"), data->terminals.constFirst().uuid,
                                             QStringLiteral("OS のバージョン")));
        FS_VERIFY_OK(
            store->addReviewComment(QStringLiteral("survey"), data->survey.uuid, QStringLiteral("全体")));

        // Refused, naming what is wrong; nothing is stored.
        const auto refused = [&](const QString &entity, const QString &uuid, const QString &body) {
            auto r = store->addReviewComment(entity, uuid, body);
            return r ? QString() : r.error().detail;
        };
        QVERIFY(refused(QStringLiteral("audit_log"), line.uuid, QStringLiteral("x"))
                    .contains(QStringLiteral("audit_log")));
        QVERIFY(refused(QStringLiteral("terminal"), line.uuid, QStringLiteral("x")).contains(line.uuid));
        QVERIFY(refused(QStringLiteral("connection_point"), line.uuid, QStringLiteral("  \n"))
                    .contains(QStringLiteral("text")));
        QVERIFY(refused(QStringLiteral("connection_point"), line.uuid, QString(65536, QLatin1Char('x')))
                    .contains(QStringLiteral("65535")));
        FS_VERIFY_OK(store->addReviewComment(QStringLiteral("connection_point"), line.uuid,
                                             QString(65535, QLatin1Char('y'))));

        auto all = store->reviewComments();
        FS_VERIFY_OK(all);
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->constFirst().uuid, onLine->uuid);

        // The investigator deals with one: who and when, audited, queued; it can be opened again.
        store->setActor(QStringLiteral("調査員 山田"));
        m_clock.advanceSeconds(120);
        auto resolved = store->setReviewCommentResolved(onLine->uuid, true);
        FS_VERIFY_OK(resolved);
        QVERIFY(!resolved->isOpen());
        QCOMPARE(resolved->resolvedBy, QStringLiteral("調査員 山田"));
        QCOMPARE(resolved->resolvedAt, m_clock.now());
        QCOMPARE(store->reviewComments(true)->size(), 4);
        QCOMPARE(outboxCount(*store, QStringLiteral("review_comment"), onLine->uuid), 1);
        bool audited = false;
        const auto trail = store->auditTrail();
        for (const AuditEntry &a : *trail)
            audited = audited ||
                      (a.entity == QStringLiteral("review_comment") && a.entityUuid == onLine->uuid &&
                       a.field == QStringLiteral("resolved_by") && a.actor == QStringLiteral("調査員 山田"));
        QVERIFY(audited);
        auto reopened = store->setReviewCommentResolved(onLine->uuid, false);
        FS_VERIFY_OK(reopened);
        QVERIFY(reopened->isOpen());
        QVERIFY(reopened->resolvedBy.isEmpty());
        QCOMPARE(store->reviewComments(true)->size(), 5);
    }

    void readOnlySurveyRefusesReview()
    {
        auto store = demo(QStringLiteral("readonly.fsv"));
        QVERIFY(store);
        const QString path = store->path();
        const QString uuid = store->surveyInfo()->uuid;
        store.reset();
        auto reader = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly, m_clock);
        FS_VERIFY_OK(reader);
        QVERIFY(!(*reader)->setSurveyState(SurveyState::Submitted));
        QVERIFY(!(*reader)->addReviewComment(QStringLiteral("survey"), uuid, QStringLiteral("x")));
        QCOMPARE((*reader)->surveyInfo()->state, SurveyState::Draft);
        QVERIFY((*reader)->reviewComments()->isEmpty());
    }

    void commentsFromThePortal()
    {
        auto store = demo(QStringLiteral("synced.fsv"));
        QVERIFY(store);
        store->setActor(QStringLiteral("portal: sato"));
        const auto data = store->load();
        ReviewComment c;
        c.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.targetEntity = QStringLiteral("connection_point");
        c.targetUuid = data->connectionPoints.constFirst().uuid;
        c.author = QStringLiteral("リーダー 佐藤");
        c.body = QStringLiteral("回線IDを確認");
        c.createdAt = QDateTime(QDate(2026, 11, 19), QTime(3, 0), Qt::UTC);
        ReviewComment typedOnThePortal = c; // not written by a FieldSurvey: no uuid
        typedOnThePortal.uuid = QStringLiteral("row 7");
        ReviewComment unknownTarget = c;
        unknownTarget.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        unknownTarget.targetEntity = QStringLiteral("sqlite_master");

        auto added = store->storeSyncedReviewComments({c, typedOnThePortal, unknownTarget});
        FS_VERIFY_OK(added);
        QCOMPARE(*added, 1);
        QCOMPARE(*store->storeSyncedReviewComments({c}), 0); // already here
        auto all = store->reviewComments();
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->constFirst().uuid, c.uuid);
        QCOMPARE(all->constFirst().author, c.author);
        QCOMPARE(all->constFirst().createdAt, c.createdAt);
        // Taken in, not queued back: the portal already has it.
        QCOMPARE(outboxCount(*store, QStringLiteral("review_comment"), c.uuid), 0);
        bool audited = false;
        const auto trail = store->auditTrail();
        for (const AuditEntry &a : *trail)
            audited = audited || (a.entityUuid == c.uuid && a.action == QStringLiteral("sync") &&
                                  a.actor == QStringLiteral("portal: sato"));
        QVERIFY(audited);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
