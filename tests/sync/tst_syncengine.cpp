// The portal sync against the kintone-compatible test server (tests/portal/kintone_server.py) over
// mutual TLS: first push, no-op resync, edits both ways, a two-writer conflict and its decision,
// lost answers, expired uploads, a cancelled sync resumed, certificate and login failures, and
// secrets kept out of logs and files.
#include "resultcheck.h"
#include "syncfixture.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace fs;
using namespace fs::sync;
using fs::test::PortalTestServer;

namespace {

QStringList g_messages;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_messages << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message;
}

int requests(const QJsonObject &stats, const QString &key)
{
    return stats.value(QStringLiteral("requests")).toObject().value(key).toInt();
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PortalTestServer m_server;
    FieldMapping m_mapping;
    int m_surveys = 0;

    std::unique_ptr<model::SurveyStore> newSurvey(int photos)
    {
        auto store =
            model::DemoSurvey::createOrReplace(m_dir.filePath(QStringLiteral("s%1.fsv").arg(++m_surveys)));
        if (!store) {
            qWarning("demo: %s", qPrintable(store.error().detail));
            return {};
        }
        (*store)->setActor(QStringLiteral("調査員A"));
        if (!fs::test::addPhotos(**store, photos, quint32(m_surveys * 1000)))
            return {};
        return std::move(*store);
    }

    QString surveyUuid(const model::SurveyStore &store) { return store.surveyInfo()->uuid; }

    QJsonObject onlyRecord(const model::SurveyStore &store)
    {
        const QJsonArray records = fs::test::recordsOf(m_server, m_mapping, store.surveyInfo()->uuid);
        if (records.size() != 1)
            qWarning("expected one record for the survey, found %d", int(records.size()));
        return records.size() == 1 ? records.first().toObject() : QJsonObject{};
    }

    void touch(const QJsonObject &record, const QJsonObject &fields)
    {
        const QJsonObject answer =
            m_server.control("POST", QStringLiteral("/__fs/touch-record"),
                             {{QStringLiteral("app"), m_mapping.surveyApp()},
                              {QStringLiteral("id"), record.value(QStringLiteral("id"))},
                              {QStringLiteral("record"), fields},
                              {QStringLiteral("user"), QStringLiteral("lead")}});
        QVERIFY2(answer.contains(QStringLiteral("revision")), QJsonDocument(answer).toJson().constData());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString started = fs::test::startPortal(m_server, m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void firstSyncCreatesOneRecordWithEverything()
    {
        auto store = newSurvey(5);
        QVERIFY(store);
        QVERIFY(*store->pendingChangeCount() > 0);
        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QVERIFY(report->created);
        QCOMPARE(report->uploaded, 5 + 2 + 1); // photos, the demo's two floor-plan pages, the survey JSON
        QCOMPARE(*store->pendingChangeCount(), 0);

        const QJsonObject record = onlyRecord(*store);
        QVERIFY(!record.isEmpty());
        auto data = store->load();
        QVERIFY(data);
        QCOMPARE(fs::test::fieldValue(record, QStringLiteral("hospital_name")), data->hospital.name);
        QCOMPARE(fs::test::rowsOf(record, QStringLiteral("lines")).size(), data->connectionPoints.size());
        QCOMPARE(fs::test::rowsOf(record, QStringLiteral("terminals")).size(), data->terminals.size());
        // Every photo once, with its bytes.
        const QJsonArray photos = fs::test::rowsOf(record, QStringLiteral("photos"));
        QCOMPARE(photos.size(), 5);
        QSet<QString> hashes;
        for (const QJsonValue &row : photos) {
            const QJsonArray files = fs::test::photoFiles(row.toObject());
            QCOMPARE(files.size(), 1);
            const QString sha = files.first().toObject().value(QStringLiteral("sha256")).toString();
            QCOMPARE(sha, fs::test::rowValue(row.toObject(), QStringLiteral("photo_sha256")));
            hashes.insert(sha);
        }
        QCOMPARE(hashes.size(), 5);
        auto stored = store->syncRecord(QStringLiteral("survey"), surveyUuid(*store));
        QVERIFY(stored);
        QCOMPARE(stored->remoteId, QString::number(record.value(QStringLiteral("id")).toInt()));

        // Nothing changed: nothing is written again.
        const QJsonObject before = m_server.stats();
        auto again = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY(again);
        QVERIFY(!again->pushed);
        QCOMPARE(again->uploaded, 0);
        const QJsonObject after = m_server.stats();
        QCOMPARE(requests(after, QStringLiteral("PUT record.json")),
                 requests(before, QStringLiteral("PUT record.json")));
        QCOMPARE(requests(after, QStringLiteral("POST file.json")),
                 requests(before, QStringLiteral("POST file.json")));
    }

    void editsTravelBothWays()
    {
        auto store = newSurvey(1);
        QVERIFY(store);
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        auto points = store->connectionPoints();
        QVERIFY(points && !points->isEmpty());
        const QString line = points->first().uuid;
        QVERIFY(store->applyChanges({{{model::Entity::ConnectionPoint, line, QStringLiteral("note")},
                                      QStringLiteral("ONUは3階サーバ室のラック上段")}}));
        // The lead corrects the hospital's name on the portal meanwhile.
        touch(onlyRecord(*store),
              {{QStringLiteral("hospital_name"),
                QJsonObject{{QStringLiteral("value"), QStringLiteral("さぬき中央病院（本院）")}}}});

        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QCOMPARE(report->pulled, 1);
        QCOMPARE(report->conflicts, 0);
        const QJsonObject record = onlyRecord(*store);
        QCOMPARE(fs::test::fieldValue(record, QStringLiteral("hospital_name")),
                 QStringLiteral("さぬき中央病院（本院）"));
        bool found = false;
        for (const QJsonValue &row : fs::test::rowsOf(record, QStringLiteral("lines"))) {
            if (fs::test::rowValue(row.toObject(), QStringLiteral("line_uuid")) == line) {
                QCOMPARE(fs::test::rowValue(row.toObject(), QStringLiteral("line_note")),
                         QStringLiteral("ONUは3階サーバ室のラック上段"));
                found = true;
            }
        }
        QVERIFY(found);
        QCOMPARE(store->hospital()->name, QStringLiteral("さぬき中央病院（本院）"));
        // The portal's change is audited as the portal's, by the lead.
        auto trail = store->auditTrail();
        QVERIFY(trail);
        QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const model::AuditEntry &e) {
            return e.actor == QStringLiteral("portal: lead") && e.field == QStringLiteral("name");
        }));
        QCOMPARE(*store->pendingChangeCount(), 0);
    }

    void twoWritersConflictIsShownAndDecided()
    {
        auto store = newSurvey(0);
        QVERIFY(store);
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        const QString survey = surveyUuid(*store);
        QVERIFY(store->applyChanges(
            {{{model::Entity::Survey, survey, QStringLiteral("note")}, QStringLiteral("調査員のメモ")}}));
        touch(onlyRecord(*store), {{QStringLiteral("survey_note"),
                                    QJsonObject{{QStringLiteral("value"), QStringLiteral("班長のメモ")}}}});

        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QCOMPARE(report->conflicts, 1);
        // Nothing overwritten on either side.
        QCOMPARE(fs::test::fieldValue(onlyRecord(*store), QStringLiteral("survey_note")),
                 QStringLiteral("班長のメモ"));
        QCOMPARE(store->surveyInfo()->note, QStringLiteral("調査員のメモ"));
        auto conflicts = store->syncConflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->first().fieldCode, QStringLiteral("survey_note"));
        QCOMPARE(conflicts->first().localValue, QStringLiteral("調査員のメモ"));
        QCOMPARE(conflicts->first().portalValue, QStringLiteral("班長のメモ"));
        QCOMPARE(conflicts->first().portalModifier, QStringLiteral("lead"));
        QVERIFY(*store->pendingChangeCount() > 0); // the survey row stays unsent

        // A second sync changes nothing while undecided.
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        QCOMPARE(fs::test::fieldValue(onlyRecord(*store), QStringLiteral("survey_note")),
                 QStringLiteral("班長のメモ"));

        QVERIFY(store->resolveConflict(conflicts->first().id, true));
        report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY(report);
        QCOMPARE(report->conflicts, 0);
        QCOMPARE(fs::test::fieldValue(onlyRecord(*store), QStringLiteral("survey_note")),
                 QStringLiteral("調査員のメモ"));
        QCOMPARE(*store->pendingChangeCount(), 0);
        auto trail = store->auditTrail();
        QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const model::AuditEntry &e) {
            return e.action == QStringLiteral("sync") && e.field.contains(QStringLiteral("keep local"));
        }));

        // The other decision: the portal's value is written here.
        touch(onlyRecord(*store), {{QStringLiteral("survey_note"),
                                    QJsonObject{{QStringLiteral("value"), QStringLiteral("班長の再修正")}}}});
        QVERIFY(store->applyChanges(
            {{{model::Entity::Survey, survey, QStringLiteral("note")}, QStringLiteral("調査員の再修正")}}));
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        conflicts = store->syncConflicts();
        QCOMPARE(conflicts->size(), 1);
        QVERIFY(store->resolveConflict(conflicts->first().id, false));
        QCOMPARE(store->surveyInfo()->note, QStringLiteral("班長の再修正"));
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        QCOMPARE(fs::test::fieldValue(onlyRecord(*store), QStringLiteral("survey_note")),
                 QStringLiteral("班長の再修正"));
        QCOMPARE(*store->pendingChangeCount(), 0);
    }

    void lostAnswersNeverDuplicate_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("fault");
        QTest::newRow("record write committed, answer lost") << "records.json"
                                                             << "drop_after_commit";
        QTest::newRow("upload stored, answer lost") << "file.json"
                                                    << "drop_after_commit";
        QTest::newRow("record write refused 503") << "records.json"
                                                  << "503";
        QTest::newRow("too many requests") << "file.json"
                                           << "429";
    }

    void lostAnswersNeverDuplicate()
    {
        QFETCH(QString, api);
        QFETCH(QString, fault);
        auto store = newSurvey(4);
        QVERIFY(store);
        m_server.setFaults(
            {{QStringLiteral("seed"), 1},
             {QStringLiteral("only"), QJsonArray{api}},
             {QStringLiteral("script"),
              QJsonArray{QJsonObject{{QStringLiteral("at"), 0}, {QStringLiteral("fault"), fault}},
                         QJsonObject{{QStringLiteral("at"), 1}, {QStringLiteral("fault"), fault}}}}});
        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        m_server.resetFaults();
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        const QJsonObject record = onlyRecord(*store);
        QVERIFY(!record.isEmpty());
        const QJsonArray photos = fs::test::rowsOf(record, QStringLiteral("photos"));
        QCOMPARE(photos.size(), 4);
        QSet<QString> keys;
        for (const QJsonValue &row : photos)
            keys.insert(fs::test::rowValue(row.toObject(), QStringLiteral("photo_uuid")));
        QCOMPARE(keys.size(), 4);
        QCOMPARE(*store->pendingChangeCount(), 0);
    }

    void expiredUploadsAreSentAgain()
    {
        auto store = newSurvey(0);
        QVERIFY(store);
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        QVERIFY(fs::test::addPhotos(*store, 3, 777));
        // Every write of the record fails: the uploads are made and kept, the record is not written.
        m_server.setFaults({{QStringLiteral("seed"), 2},
                            {QStringLiteral("p503"), 1.0},
                            {QStringLiteral("only"), QJsonArray{QStringLiteral("record.json")}}});
        auto failed = fs::test::syncOnce(*store, m_server, m_mapping);
        m_server.resetFaults();
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::PortalError);
        auto kept = store->pendingUploads();
        QVERIFY(kept);
        QCOMPARE(kept->size(), 3); // the photos (the survey's JSON has not changed)
        auto outbox = store->outboxEntries();
        QVERIFY(outbox && !outbox->isEmpty());
        QVERIFY(outbox->first().attempts > 0);
        QVERIFY(outbox->first().lastError.contains(QStringLiteral("503")));

        // A day later the portal has dropped them: the sync notices and sends them again.
        QVERIFY(m_server.control("POST", QStringLiteral("/__fs/expire-uploads"))
                    .value(QStringLiteral("expired"))
                    .toInt() >= 3);
        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QCOMPARE(report->reused, 3);   // tried first,
        QCOMPARE(report->uploaded, 3); // refused by the portal, sent again
        QCOMPARE(fs::test::rowsOf(onlyRecord(*store), QStringLiteral("photos")).size(), 3);
        QVERIFY(store->pendingUploads()->isEmpty());
    }

    void cancelledSyncResumesWithoutResending()
    {
        auto store = newSurvey(12);
        QVERIFY(store);
        const int uploadsBefore = m_server.stats().value(QStringLiteral("uploads")).toInt();
        auto cancelled = fs::test::syncOnce(
            *store, m_server, m_mapping, QStringLiteral("investigator"), [](SyncEngine &engine) {
                QObject::connect(&engine, &SyncEngine::progress, &engine, [&engine](const SyncProgress &p) {
                    if (p.step == QStringLiteral("upload") && p.itemsDone >= 5)
                        engine.cancel();
                });
            });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        const int kept = int(store->pendingUploads()->size());
        QVERIFY(kept >= 5);
        QVERIFY(fs::test::recordsOf(m_server, m_mapping, surveyUuid(*store)).isEmpty());

        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QCOMPARE(report->reused, kept);
        const int total = 12 + 2 + 1;
        QCOMPARE(report->uploaded, total - kept);
        // At most the two uploads that were in flight when it stopped were sent twice.
        const int uploads = m_server.stats().value(QStringLiteral("uploads")).toInt() - uploadsBefore;
        QVERIFY2(uploads <= total + 2, qPrintable(QString::number(uploads)));
        QCOMPARE(fs::test::rowsOf(onlyRecord(*store), QStringLiteral("photos")).size(), 12);
    }

    void portalCommentsArePulled()
    {
        auto store = newSurvey(0);
        QVERIFY(store);
        QVERIFY(fs::test::syncOnce(*store, m_server, m_mapping));
        const QString id = QString::number(onlyRecord(*store).value(QStringLiteral("id")).toInt());
        KintoneClient lead(m_server.config(QStringLiteral("lead")));
        QVERIFY(lead.setCredentials(PortalTestServer::credentials(QStringLiteral("lead"))));
        for (int i = 1; i <= 12; ++i) { // more than one page of ten
            auto posted =
                lead.send("POST", QStringLiteral("record/comment"),
                          {{QStringLiteral("app"), m_mapping.surveyApp()},
                           {QStringLiteral("record"), id},
                           {QStringLiteral("comment"),
                            QJsonObject{{QStringLiteral("text"), QStringLiteral("指摘 %1").arg(i)}}}},
                          false);
            QVERIFY2(posted, posted ? "" : qPrintable(posted.error().describe()));
        }
        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        QVERIFY(report);
        QCOMPARE(report->newComments, 12);
        auto comments = store->portalComments();
        QVERIFY(comments);
        QCOMPARE(comments->size(), 12);
        QCOMPARE(comments->first().text, QStringLiteral("指摘 1"));
        QCOMPARE(comments->first().author, QStringLiteral("lead"));
        QCOMPARE(fs::test::syncOnce(*store, m_server, m_mapping)->newComments, 0);
    }

    void certificateAndLoginFailuresAreClear_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("trustTestCa");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("wrong passphrase") << "client.p12"
                                          << "wrong" << PortalTestServer::kPassword << true
                                          << int(ErrorCode::TlsFailed) << "wrong passphrase";
        QTest::newRow("expired certificate")
            << "expired-client.p12" << PortalTestServer::kPassphrase << PortalTestServer::kPassword << true
            << int(ErrorCode::TlsFailed) << "expired on 2021-01-01";
        QTest::newRow("certificate of another CA")
            << "other-client.p12" << PortalTestServer::kPassphrase << PortalTestServer::kPassword << true
            << int(ErrorCode::TlsFailed) << "client certificate";
        QTest::newRow("portal not trusted")
            << "client.p12" << PortalTestServer::kPassphrase << PortalTestServer::kPassword << false
            << int(ErrorCode::TlsFailed) << "not trusted";
        QTest::newRow("wrong password") << "client.p12" << PortalTestServer::kPassphrase << "nope" << true
                                        << int(ErrorCode::AuthenticationFailed) << "CB_WA01";
    }

    void certificateAndLoginFailuresAreClear()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, passphrase);
        QFETCH(QString, password);
        QFETCH(bool, trustTestCa);
        QFETCH(int, code);
        QFETCH(QString, words);
        auto store = newSurvey(1);
        QVERIFY(store);
        const int pending = *store->pendingChangeCount();
        PortalConfig config = m_server.config();
        config.clientCertificate = m_server.cert(certificate);
        if (!trustTestCa)
            config.caCertificates.clear();
        config.maxAttempts = 2;
        KintoneClient client(config);
        PortalCredentials credentials;
        credentials.passphrase = model::Secret::fromString(passphrase);
        credentials.password = model::Secret::fromString(password);
        Result<SyncReport> result = tl::unexpected(Error{ErrorCode::InvalidArgument, {}});
        if (auto c = client.setCredentials(std::move(credentials)); !c) {
            result = tl::unexpected(c.error());
        } else {
            SyncEngine engine(*store, client, m_mapping);
            result = engine.run();
        }
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        QVERIFY2(result.error().detail.contains(words), qPrintable(result.error().detail));
        QCOMPARE(*store->pendingChangeCount(), pending); // nothing lost, nothing confirmed
    }

    void secretsStayOutOfLogsAndFiles()
    {
        auto store = newSurvey(2);
        QVERIFY(store);
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=true"));
        m_server.setFaults({{QStringLiteral("seed"), 3}, {QStringLiteral("p503"), 0.3}});
        auto report = fs::test::syncOnce(*store, m_server, m_mapping);
        m_server.resetFaults();
        // A failing login is logged too.
        PortalConfig config = m_server.config();
        KintoneClient client(config);
        PortalCredentials wrong = PortalTestServer::credentials();
        QString badPassword = QStringLiteral("typo-") + QString::fromLatin1(PortalTestServer::kPassword);
        wrong.password = model::Secret::fromString(badPassword);
        QVERIFY(client.setCredentials(std::move(wrong)));
        (void)client.get(QStringLiteral("records"), {{QStringLiteral("app"), m_mapping.surveyApp()}});
        qInstallMessageHandler(previous);
        QVERIFY2(report, report ? "" : qPrintable(report.error().detail));
        QVERIFY(g_messages.size() > 5);
        const QByteArray authorization =
            QByteArray(QByteArray("investigator:") + PortalTestServer::kPassword).toBase64();
        const QStringList secrets{QString::fromLatin1(PortalTestServer::kPassword),
                                  QString::fromLatin1(PortalTestServer::kPassphrase),
                                  QString::fromLatin1(authorization)};
        const QString log = g_messages.join(QLatin1Char('\n'));
        QVERIFY(log.contains(QStringLiteral("/k/v1/file.json")));
        const QByteArray file = fs::test::readFile(store->path());
        const QByteArray access = fs::test::readFile(m_server.accessLog());
        QVERIFY(!access.isEmpty());
        for (const QString &secret : secrets) {
            QVERIFY2(!log.contains(secret), qPrintable(secret));
            QVERIFY2(!file.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!access.contains(secret.toUtf8()), qPrintable(secret));
        }
        QVERIFY(!fs::test::readFile(store->path() + QStringLiteral("-wal"))
                     .contains(PortalTestServer::kPassword));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
