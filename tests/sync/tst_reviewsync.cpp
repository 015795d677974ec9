// A team lead's review travels through the portal: the lead reviews a copy of the investigator's
// survey, comments on items and returns it; the investigator's next sync brings the state (with
// who and when) and the comments; the answer (dealt with, resubmitted) goes back the same way.
#include "resultcheck.h"
#include "syncfixture.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace fs::model;

class TestReviewSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::test::PortalTestServer m_server;
    fs::sync::FieldMapping m_mapping;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC)};

    std::unique_ptr<SurveyStore> open(const QString &name, const QString &actor)
    {
        auto store = SurveyStore::open(m_dir.filePath(name), SurveyStore::OpenMode::ReadWrite, m_clock);
        if (!store) {
            qWarning("open %s: %s", qPrintable(name), qPrintable(store.error().detail));
            return nullptr;
        }
        (*store)->setActor(actor);
        return std::move(*store);
    }

    static QString describeError(const fs::Result<fs::sync::SyncReport> &r)
    {
        return r ? QString() : r.error().detail;
    }

    QJsonObject record(const QString &surveyUuid) const
    {
        const QJsonArray records = fs::test::recordsOf(m_server, m_mapping, surveyUuid);
        return records.size() == 1 ? records.first().toObject() : QJsonObject{};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString started = fs::test::startPortal(m_server, m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void returnedByTheLeadReachesTheInvestigator()
    {
        const QString investigatorName = QStringLiteral("調査員 山田");
        const QString leadName = QStringLiteral("リーダー 佐藤");
        // The investigator submits the survey and syncs it.
        {
            auto created = DemoSurvey::createOrReplace(m_dir.filePath(QStringLiteral("demo.fsv")), m_clock);
            FS_VERIFY_OK(created);
        }
        QVERIFY(QFile::rename(m_dir.filePath(QStringLiteral("demo.fsv")),
                              m_dir.filePath(QStringLiteral("inv.fsv"))));
        auto inv = open(QStringLiteral("inv.fsv"), investigatorName);
        QVERIFY(inv);
        const QString surveyUuid = inv->surveyInfo()->uuid;
        FS_VERIFY_OK(inv->setSurveyState(SurveyState::Submitted));
        auto first = fs::test::syncOnce(*inv, m_server, m_mapping);
        QVERIFY2(first, qPrintable(describeError(first)));
        QCOMPARE(fs::test::fieldValue(record(surveyUuid), QStringLiteral("survey_state")),
                 QStringLiteral("submitted"));
        inv.reset();

        // The lead reviews a copy of that file (as the programme's shared folder holds it).
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("inv.fsv")),
                            m_dir.filePath(QStringLiteral("lead.fsv"))));
        auto lead = open(QStringLiteral("lead.fsv"), leadName);
        QVERIFY(lead);
        const auto data = lead->load();
        const ConnectionPoint &line = data->connectionPoints.constFirst();
        const Device &device = line.devices.constFirst();
        m_clock.advanceSeconds(3600);
        auto onLine = lead->addReviewComment(QStringLiteral("connection_point"), line.uuid,
                                             QStringLiteral("ONU の設置場所の写真を追加してください"));
        auto onDevice = lead->addReviewComment(QStringLiteral("device"), device.uuid,
                                               QStringLiteral("ファームウェアの版数を再確認してください"));
        FS_VERIFY_OK(onLine);
        FS_VERIFY_OK(onDevice);
        FS_VERIFY_OK(lead->setSurveyState(SurveyState::Returned));
        const QDateTime returnedAt = m_clock.now();
        auto leadSync = fs::test::syncOnce(*lead, m_server, m_mapping, QStringLiteral("lead"));
        QVERIFY2(leadSync, qPrintable(describeError(leadSync)));
        QCOMPARE(leadSync->conflicts, 0);
        QCOMPARE(*lead->pendingChangeCount(), 0);

        // On the portal: the state with who and when, and both comments as rows with their target.
        const QJsonObject onPortal = record(surveyUuid);
        QCOMPARE(fs::test::fieldValue(onPortal, QStringLiteral("survey_state")), QStringLiteral("returned"));
        QCOMPARE(fs::test::fieldValue(onPortal, QStringLiteral("survey_state_changed_by")), leadName);
        const QJsonArray rows = fs::test::rowsOf(onPortal, QStringLiteral("review_comments"));
        QCOMPARE(rows.size(), 2);
        QSet<QString> targets;
        for (const QJsonValue &r : rows) {
            targets.insert(fs::test::rowValue(r.toObject(), QStringLiteral("comment_target_uuid")));
            QCOMPARE(fs::test::rowValue(r.toObject(), QStringLiteral("comment_author")), leadName);
        }
        QCOMPARE(targets, QSet<QString>({line.uuid, device.uuid}));

        // The investigator's next sync brings the return and the comments, audited as the portal's.
        inv = open(QStringLiteral("inv.fsv"), investigatorName);
        QVERIFY(inv);
        QCOMPARE(inv->surveyInfo()->state, SurveyState::Submitted);
        m_clock.advanceSeconds(600);
        auto pulled = fs::test::syncOnce(*inv, m_server, m_mapping);
        QVERIFY2(pulled, qPrintable(describeError(pulled)));
        QCOMPARE(pulled->conflicts, 0);
        QCOMPARE(pulled->newComments, 2);
        const auto info = inv->surveyInfo();
        QCOMPARE(info->state, SurveyState::Returned);
        QCOMPARE(info->stateChangedBy, leadName);
        QCOMPARE(info->stateChangedAt, returnedAt);
        auto open = inv->reviewComments(true);
        FS_VERIFY_OK(open);
        QCOMPARE(open->size(), 2);
        QCOMPARE(open->at(0).uuid, onLine->uuid);
        QCOMPARE(open->at(0).targetUuid, line.uuid);
        QCOMPARE(open->at(0).body, onLine->body);
        QCOMPARE(open->at(0).author, leadName);
        QCOMPARE(open->at(1).targetUuid, device.uuid);
        QCOMPARE(*inv->pendingChangeCount(), 0); // taken in, nothing to send back
        bool stateAudited = false;
        const auto trail = inv->auditTrail();
        for (const AuditEntry &a : *trail)
            stateAudited =
                stateAudited || (a.entity == QStringLiteral("survey") && a.field == QStringLiteral("state") &&
                                 a.newValue.toString() == QStringLiteral("returned") &&
                                 a.actor.startsWith(QStringLiteral("portal: ")));
        QVERIFY(stateAudited);

        // A second sync changes nothing: no comment twice, nothing pushed.
        auto again = fs::test::syncOnce(*inv, m_server, m_mapping);
        QVERIFY2(again, qPrintable(describeError(again)));
        QCOMPARE(again->newComments, 0);
        QVERIFY(!again->pushed);
        QCOMPARE(inv->reviewComments()->size(), 2);

        // The investigator deals with the line, resubmits and syncs; the lead sees it.
        m_clock.advanceSeconds(600);
        FS_VERIFY_OK(inv->setReviewCommentResolved(onLine->uuid, true));
        FS_VERIFY_OK(inv->setSurveyState(SurveyState::Submitted));
        auto answered = fs::test::syncOnce(*inv, m_server, m_mapping);
        QVERIFY2(answered, qPrintable(describeError(answered)));
        QCOMPARE(answered->conflicts, 0);
        auto leadAgain = fs::test::syncOnce(*lead, m_server, m_mapping, QStringLiteral("lead"));
        QVERIFY2(leadAgain, qPrintable(describeError(leadAgain)));
        QCOMPARE(leadAgain->conflicts, 0);
        QCOMPARE(lead->surveyInfo()->state, SurveyState::Submitted);
        QCOMPARE(lead->surveyInfo()->stateChangedBy, investigatorName);
        const auto leadComments = lead->reviewComments();
        QCOMPARE(leadComments->size(), 2);
        QCOMPARE(leadComments->at(0).resolvedBy, investigatorName);
        QVERIFY(!leadComments->at(0).isOpen());
        QVERIFY(leadComments->at(1).isOpen());

        // The lead approves; the investigator sees the approval.
        FS_VERIFY_OK(lead->setSurveyState(SurveyState::Approved));
        QVERIFY(fs::test::syncOnce(*lead, m_server, m_mapping, QStringLiteral("lead")));
        QVERIFY(fs::test::syncOnce(*inv, m_server, m_mapping));
        QCOMPARE(inv->surveyInfo()->state, SurveyState::Approved);
        QVERIFY(inv->syncConflicts()->isEmpty());
        QVERIFY(lead->syncConflicts()->isEmpty());
        QCOMPARE(fs::test::recordsOf(m_server, m_mapping, surveyUuid).size(), 1);
    }

    void bothChangingTheStateIsAConflict()
    {
        // Two leads decide differently on the same submitted survey, each on their own copy.
        {
            auto created = DemoSurvey::createOrReplace(m_dir.filePath(QStringLiteral("demo.fsv")), m_clock);
            FS_VERIFY_OK(created);
        }
        QVERIFY(QFile::rename(m_dir.filePath(QStringLiteral("demo.fsv")),
                              m_dir.filePath(QStringLiteral("a.fsv"))));
        auto a = open(QStringLiteral("a.fsv"), QStringLiteral("リーダー 佐藤"));
        FS_VERIFY_OK(a->setSurveyState(SurveyState::Submitted));
        QVERIFY(fs::test::syncOnce(*a, m_server, m_mapping));
        a.reset();
        QVERIFY(
            QFile::copy(m_dir.filePath(QStringLiteral("a.fsv")), m_dir.filePath(QStringLiteral("b.fsv"))));
        a = open(QStringLiteral("a.fsv"), QStringLiteral("リーダー 佐藤"));
        auto b = open(QStringLiteral("b.fsv"), QStringLiteral("リーダー 鈴木"));
        FS_VERIFY_OK(a->setSurveyState(SurveyState::Approved));
        FS_VERIFY_OK(
            b->addReviewComment(QStringLiteral("survey"), b->surveyInfo()->uuid, QStringLiteral("再確認")));
        FS_VERIFY_OK(b->setSurveyState(SurveyState::Returned));
        QVERIFY(fs::test::syncOnce(*a, m_server, m_mapping, QStringLiteral("lead")));
        auto second = fs::test::syncOnce(*b, m_server, m_mapping, QStringLiteral("lead"));
        QVERIFY2(second, qPrintable(describeError(second)));
        // Neither decision silently wins: the state is held as a conflict until someone decides.
        QVERIFY(second->conflicts >= 1);
        bool stateConflict = false;
        const auto conflicts = b->syncConflicts();
        for (const SyncConflict &k : *conflicts)
            stateConflict =
                stateConflict ||
                (k.entity == QStringLiteral("survey") && k.field == QStringLiteral("state") &&
                 k.localValue == QStringLiteral("returned") && k.portalValue == QStringLiteral("approved"));
        QVERIFY(stateConflict);
        QCOMPARE(b->surveyInfo()->state, SurveyState::Returned);
        QCOMPARE(fs::test::fieldValue(record(a->surveyInfo()->uuid), QStringLiteral("survey_state")),
                 QStringLiteral("approved"));
        // The comment is not part of the conflict: it reached the portal.
        QCOMPARE(fs::test::rowsOf(record(a->surveyInfo()->uuid), QStringLiteral("review_comments")).size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestReviewSync)
#include "tst_reviewsync.moc"
