// Chaos: full syncs of a survey with 100 photos against random fault schedules (429, 503 text
// bodies, connections dropped before and after the portal committed, slow answers), 30 seeds.
// Each seed runs several sessions — some stopped halfway, as a closed laptop would — with edits
// here and on the portal in between, then checks: one portal record for the survey, every photo
// exactly once with its bytes, every local edit on the portal, the portal's edit here, nothing
// lost locally, and an empty outbox.
#include "portalrecord.h"
#include "syncfixture.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace fs;
using namespace fs::sync;
using fs::test::PortalTestServer;

class TestSyncChaos : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PortalTestServer m_server;
    FieldMapping m_mapping;
    QString m_template;

    QSet<QString> photoHashes(model::SurveyStore &store)
    {
        QSet<QString> hashes;
        auto photos = store.photos();
        if (photos) {
            for (const model::Photo &p : *photos)
                hashes.insert(p.sha256);
        }
        return hashes;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString started = fs::test::startPortal(m_server, m_mapping);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_template = m_dir.filePath(QStringLiteral("template.fsv"));
        auto store = model::DemoSurvey::createOrReplace(m_template);
        QVERIFY(store);
        QVERIFY(fs::test::addPhotos(**store, 100, 1, 48));
    }

    void fullSyncsSurviveFaults_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 30; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void fullSyncsSurviveFaults()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const QString path = m_dir.filePath(QStringLiteral("chaos-%1.fsv").arg(seed));
        QVERIFY(QFile::copy(m_template, path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        // Every seed starts from a copy of the same never-synced survey (the same UUID).
        auto opened = model::SurveyStore::open(path);
        QVERIFY(opened);
        std::unique_ptr<model::SurveyStore> store = std::move(*opened);
        const QString surveyUuid = store->surveyInfo()->uuid;
        // The previous seed's record goes, so that this seed starts from an empty portal.
        for (const QJsonValue &r : fs::test::recordsOf(m_server, m_mapping, surveyUuid)) {
            KintoneClient admin(m_server.config(QStringLiteral("lead")));
            QVERIFY(admin.setCredentials(PortalTestServer::credentials(QStringLiteral("lead"))));
            QVERIFY(
                admin.send("DELETE", QStringLiteral("records"),
                           {{QStringLiteral("app"), m_mapping.surveyApp()},
                            {QStringLiteral("ids"), QJsonArray{r.toObject().value(QStringLiteral("id"))}}},
                           false));
        }

        const QJsonObject faults{{QStringLiteral("seed"), int(seed)},
                                 {QStringLiteral("p429"), 0.04 + random.bounded(0.04)},
                                 {QStringLiteral("p503"), 0.04 + random.bounded(0.04)},
                                 {QStringLiteral("pDropBefore"), 0.03 + random.bounded(0.03)},
                                 {QStringLiteral("pDropAfterCommit"), 0.05 + random.bounded(0.05)},
                                 {QStringLiteral("pSlow"), 0.03},
                                 {QStringLiteral("slowMs"), 30}};
        (void)m_server.control("POST", QStringLiteral("/__fs/reset-stats"));
        m_server.setFaults(faults);
        QStringList lines;
        const auto points = store->connectionPoints();
        QVERIFY(points);
        for (const model::ConnectionPoint &c : *points)
            lines << c.uuid;
        QHash<QString, QString> lineNotes;
        int photos = 100;
        QString leadPrefecture;
        bool synced = false;
        const int sessions = 3 + int(random.bounded(3));
        for (int session = 0; session < sessions; ++session) {
            // Edits here between sessions.
            const QString line = lines.at(int(random.bounded(qint64(lines.size()))));
            const QString note = QStringLiteral("seed %1 session %2 のメモ").arg(seed).arg(session);
            QVERIFY(store->applyChanges(
                {{{model::Entity::ConnectionPoint, line, QStringLiteral("note")}, note}}));
            lineNotes[line] = note;
            if (random.bounded(2) == 0) {
                QVERIFY(fs::test::addPhotos(*store, 1, 100000 + seed * 100 + quint32(session), 40));
                ++photos;
            }
            // An edit on the portal, of a field nobody edits here.
            const QJsonArray records = fs::test::recordsOf(m_server, m_mapping, surveyUuid);
            if (!records.isEmpty() && random.bounded(2) == 0) {
                leadPrefecture = QStringLiteral("香川県（%1-%2）").arg(seed).arg(session);
                (void)m_server.control(
                    "POST", QStringLiteral("/__fs/touch-record"),
                    {{QStringLiteral("app"), m_mapping.surveyApp()},
                     {QStringLiteral("id"), records.first().toObject().value(QStringLiteral("id"))},
                     {QStringLiteral("record"),
                      QJsonObject{{QStringLiteral("prefecture"),
                                   QJsonObject{{QStringLiteral("value"), leadPrefecture}}}}}});
            }
            // A session that is stopped partway, or one that runs to its end.
            const bool interrupt = session < sessions - 1 && random.bounded(3) != 0;
            const int stopAfter = int(random.bounded(60));
            auto report = fs::test::syncOnce(
                *store, m_server, m_mapping, QStringLiteral("investigator"),
                [interrupt, stopAfter](SyncEngine &engine) {
                    if (!interrupt)
                        return;
                    auto *count = new int(0);
                    QObject::connect(&engine, &QObject::destroyed, [count] { delete count; });
                    QObject::connect(&engine, &SyncEngine::progress, &engine,
                                     [&engine, count, stopAfter](const SyncProgress &) {
                                         if (++*count == stopAfter)
                                             engine.cancel();
                                     });
                });
            if (!interrupt) {
                QVERIFY2(report, report ? ""
                                        : qPrintable(QStringLiteral("seed %1 session %2: %3")
                                                         .arg(seed)
                                                         .arg(session)
                                                         .arg(report.error().detail)));
                synced = true;
            }
        }
        QVERIFY(synced);
        const QJsonObject stats = m_server.stats();
        m_server.resetFaults();

        // One record, every photo once with its bytes, and nothing lost here.
        const QJsonArray records = fs::test::recordsOf(m_server, m_mapping, surveyUuid);
        QCOMPARE(records.size(), 1);
        const QSet<QString> local = photoHashes(*store);
        QCOMPARE(local.size(), photos);
        QSet<QString> portalKeys;
        QSet<QString> portalHashes;
        const QJsonArray rows = fs::test::rowsOf(records.first().toObject(), QStringLiteral("photos"));
        QCOMPARE(rows.size(), photos);
        for (const QJsonValue &row : rows) {
            portalKeys.insert(fs::test::rowValue(row.toObject(), QStringLiteral("photo_uuid")));
            const QJsonArray files = fs::test::photoFiles(row.toObject());
            QCOMPARE(files.size(), 1);
            portalHashes.insert(files.first().toObject().value(QStringLiteral("sha256")).toString());
        }
        QCOMPARE(portalKeys.size(), photos);
        QCOMPARE(portalHashes, local);

        // Every mapped value here is on the portal, and the portal's edit is here.
        KintoneClient reader(m_server.config());
        QVERIFY(reader.setCredentials(PortalTestServer::credentials()));
        auto got =
            reader.get(QStringLiteral("record"),
                       {{QStringLiteral("app"), m_mapping.surveyApp()},
                        {QStringLiteral("id"), records.first().toObject().value(QStringLiteral("id"))}});
        QVERIFY(got);
        const PortalRecord portal =
            PortalRecord::fromKintone(got->value(QStringLiteral("record")).toObject(), m_mapping);
        auto mine = PortalRecord::fromStore(*store, m_mapping);
        QVERIFY(mine);
        QCOMPARE(portal.fields, mine->fields);
        for (const MappedTable &t : m_mapping.tables()) {
            QCOMPARE(portal.tables.value(t.code).size(), mine->tables.value(t.code).size());
            for (const PortalRow &row : mine->tables.value(t.code)) {
                const PortalRow *on = portal.row(t.code, row.key);
                QVERIFY2(on, qPrintable(t.code + QLatin1Char(' ') + row.key));
                QCOMPARE(on->values, row.values);
            }
        }
        for (auto it = lineNotes.begin(); it != lineNotes.end(); ++it)
            QCOMPARE(portal.row(QStringLiteral("lines"), it.key())->values.value(QStringLiteral("line_note")),
                     it.value());
        if (!leadPrefecture.isEmpty())
            QCOMPARE(store->hospital()->prefecture, leadPrefecture);
        QCOMPARE(*store->pendingChangeCount(), 0);
        QVERIFY(store->syncConflicts()->isEmpty());
        QVERIFY(store->verify()->isEmpty());
        qInfo("seed %u: %d sessions, faults %s", seed, sessions,
              QJsonDocument(stats.value(QStringLiteral("faults")).toObject())
                  .toJson(QJsonDocument::Compact)
                  .constData());
    }
};

QTEST_GUILESS_MAIN(TestSyncChaos)
#include "tst_syncchaos.moc"
