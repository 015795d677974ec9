#include "database.h"
#include "demosurvey.h"
#include "migrator.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;

namespace {

// Runs one statement on a file through a separate plain QtSql connection, as an outsider would.
QVariant rawScalar(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return value;
}

bool rawExec(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

SurveyData sampleData()
{
    SurveyData data;
    data.hospital.name = QStringLiteral("テスト病院");
    data.hospital.code = QStringLiteral("0100000001");
    data.hospital.beds = 99;
    data.contacts.append(
        Contact{0, {}, QStringLiteral("総務課"), QStringLiteral("山田 一"), QString(), QString()});
    ConnectionPoint first;
    first.lineNo = 1;
    first.purpose = QStringLiteral("電子カルテ");
    Device router;
    router.maker = QStringLiteral("ヤマハ");
    router.model = QStringLiteral("RTX1220");
    first.devices = {router};
    ConnectionPoint second;
    second.lineNo = 2;
    second.origin = Origin::FoundOnSite;
    second.equipmentType = EquipmentType::MobileRouter;
    data.connectionPoints = {first, second};
    Terminal terminal;
    terminal.terminalNo = 1;
    terminal.hostname = QStringLiteral("PC01");
    data.terminals = {terminal};
    return data;
}

} // namespace

class TestSurveyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createSetsFileFormat()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.fsv"));
        {
            auto store = SurveyStore::create(path);
            QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
            QCOMPARE((*store)->schemaVersion(), Migrator::latestVersion());
            QVERIFY(!(*store)->isReadOnly());
        }
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA application_id")).toInt(),
                 SurveyStore::kApplicationId);
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT count(*) FROM survey")).toInt(), 1);
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT count(*) FROM schedule_step")).toInt(), 6);
    }

    void connectionUsesDurablePragmas()
    {
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("p.fsv")), Database::Mode::ReadWrite);
        QVERIFY(database.has_value());
        QCOMPARE((*database)->scalar(QStringLiteral("PRAGMA synchronous"))->toInt(), 2); // FULL
        QCOMPARE((*database)->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE((*database)->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(),
                 QStringLiteral("wal"));
    }

    void createRefusesToOverwrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("exists.fsv"));
        QVERIFY(fs::test::writeFile(path, QByteArray("precious")));
        auto store = SurveyStore::create(path);
        QVERIFY(!store.has_value());
        QCOMPARE(store.error().code, fs::ErrorCode::Io);
        QCOMPARE(fs::test::readFile(path), QByteArray("precious"));
    }

    void importAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.fsv"));
        FixedClock clock(QDateTime(QDate(2026, 12, 3), QTime(0, 15), Qt::UTC));
        {
            auto store = SurveyStore::create(path, clock);
            QVERIFY(store.has_value());
            (*store)->setActor(QStringLiteral("調査 一郎"));
            auto imported = (*store)->importSurvey(sampleData());
            QVERIFY2(imported.has_value(), qPrintable(imported ? QString() : describe(imported.error())));
        }
        auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly, clock);
        QVERIFY(store.has_value());
        auto data = (*store)->load();
        QVERIFY(data.has_value());
        QCOMPARE(data->hospital.name, QStringLiteral("テスト病院"));
        QCOMPARE(data->hospital.beds, std::optional<int>(99));
        QCOMPARE(data->contacts.size(), 1);
        QCOMPARE(data->contacts.first().name, QStringLiteral("山田 一"));
        QCOMPARE(data->contacts.first().phone, QString()); // empty cells stay empty
        QCOMPARE(data->connectionPoints.size(), 2);
        QCOMPARE(data->connectionPoints[0].cafId, QStringLiteral("CAF0001"));
        QCOMPARE(data->connectionPoints[1].cafId, QStringLiteral("CAF0002"));
        QCOMPARE(data->connectionPoints[1].origin, Origin::FoundOnSite);
        QCOMPARE(data->connectionPoints[1].equipmentType, EquipmentType::MobileRouter);
        QCOMPARE(data->connectionPoints[0].devices.size(), 1);
        QCOMPARE(data->connectionPoints[0].devices[0].model, QStringLiteral("RTX1220"));
        QCOMPARE(data->terminals.size(), 1);
        QCOMPARE(data->days.size(), 1);
        QCOMPARE(data->days[0].steps.size(), 6);
        QCOMPARE(data->days[0].steps[2].kind, StepKind::ConnectionPoints);
        QCOMPARE(data->days[0].steps[2].plannedStart, QTime(9, 30));
        QCOMPARE(data->survey.createdAt, clock.now());
        QCOMPARE((*store)->pendingChangeCount().value_or(-1), 0);

        // Every imported line, device and terminal left an audit row by the actor.
        QCOMPARE(
            rawScalar(path, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                           "actor = '調査 一郎' AND entity IN ('connection_point', 'device', "
                                           "'terminal')"))
                .toInt(),
            4);
    }

    void cafIdsAreNeverReused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("caf.fsv"));
        SurveyData data = sampleData();
        data.connectionPoints[0].cafId = QStringLiteral("CAF0007"); // kept, e.g. from the portal
        data.connectionPoints[1].cafId.clear();                     // assigned after the highest seen
        {
            auto store = SurveyStore::create(path);
            QVERIFY(store.has_value());
            QVERIFY((*store)->importSurvey(data).has_value());
            auto points = (*store)->connectionPoints();
            QVERIFY(points.has_value());
            QCOMPARE(points->at(0).cafId, QStringLiteral("CAF0007"));
            QCOMPARE(points->at(1).cafId, QStringLiteral("CAF0008"));
        }
        QCOMPARE(
            rawScalar(path, QStringLiteral("SELECT next_value FROM id_sequence WHERE name = 'caf'")).toInt(),
            9);
    }

    void secondImportIsRefusedAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twice.fsv"));
        auto store = SurveyStore::create(path);
        QVERIFY(store.has_value());
        QVERIFY((*store)->importSurvey(sampleData()).has_value());
        const auto before = (*store)->load();
        QVERIFY(before.has_value());

        SurveyData other = sampleData();
        other.hospital.name = QStringLiteral("別の病院");
        auto again = (*store)->importSurvey(other);
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, fs::ErrorCode::InvalidArgument);
        const auto after = (*store)->load();
        QVERIFY(after.has_value());
        QVERIFY(*before == *after);
    }

    void failedImportRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rollback.fsv"));
        auto store = SurveyStore::create(path);
        QVERIFY(store.has_value());
        SurveyData data = sampleData();
        data.connectionPoints[1].lineNo = 1; // violates UNIQUE(line_no) after the first line went in
        auto imported = (*store)->importSurvey(data);
        QVERIFY(!imported.has_value());
        QCOMPARE(imported.error().code, fs::ErrorCode::Database);
        auto loaded = (*store)->load();
        QVERIFY(loaded.has_value());
        QVERIFY(loaded->connectionPoints.isEmpty());
        QVERIFY(loaded->hospital.name.isEmpty());
        QVERIFY(loaded->contacts.isEmpty());
        // The store is still usable afterwards.
        QVERIFY((*store)->importSurvey(sampleData()).has_value());
    }

    void rejectsFilesThatAreNotSurveys_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected");
        QTest::newRow("text") << QByteArray("just some text\n") << int(fs::ErrorCode::NotASurvey);
        QTest::newRow("truncated sqlite header")
            << QByteArray("SQLite format 3\0\x10\x00", 19) << int(fs::ErrorCode::NotASurvey);
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\x00\x00\x00", 8) << int(fs::ErrorCode::NotASurvey);
    }

    void rejectsFilesThatAreNotSurveys()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.fsv"));
        QVERIFY(fs::test::writeFile(path, content));
        auto store = SurveyStore::open(path);
        QVERIFY(!store.has_value());
        QCOMPARE(int(store.error().code), expected);
        QVERIFY2(store.error().detail.contains(path), qPrintable(store.error().detail));
        QCOMPARE(fs::test::readFile(path), content); // nothing written to it
    }

    void rejectsForeignSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE t (x)")));
        auto store = SurveyStore::open(path);
        QVERIFY(!store.has_value());
        QCOMPARE(store.error().code, fs::ErrorCode::NotASurvey);
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 0); // not migrated
    }

    void missingFileIsAnIoError()
    {
        auto store = SurveyStore::open(QStringLiteral("/nonexistent/dir/x.fsv"));
        QVERIFY(!store.has_value());
        QCOMPARE(store.error().code, fs::ErrorCode::Io);
    }

    void newerSchemaOpensReadOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.fsv"));
        {
            auto store = SurveyStore::create(path);
            QVERIFY(store.has_value());
            QVERIFY((*store)->importSurvey(sampleData()).has_value());
        }
        const int future = Migrator::latestVersion() + 5;
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = %1").arg(future)));

        auto store = SurveyStore::open(path);
        QVERIFY(store.has_value());
        QVERIFY((*store)->isReadOnly());
        QVERIFY((*store)->readOnlyReason().has_value());
        QCOMPARE((*store)->readOnlyReason()->code, fs::ErrorCode::SchemaTooNew);
        QCOMPARE((*store)->schemaVersion(), future);
        auto data = (*store)->load();
        QVERIFY(data.has_value());
        QCOMPARE(data->hospital.name, QStringLiteral("テスト病院"));
        auto write = (*store)->setMeta(QStringLiteral("k"), QStringLiteral("v"));
        QVERIFY(!write.has_value());
        QCOMPARE(write.error().code, fs::ErrorCode::SchemaTooNew);
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA user_version")).toInt(), future);
    }

    void readOnlyStoreRefusesWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.fsv"));
        QVERIFY(SurveyStore::create(path).has_value());
        auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
        QVERIFY(store.has_value());
        auto write = (*store)->importSurvey(sampleData());
        QVERIFY(!write.has_value());
        QCOMPARE(write.error().code, fs::ErrorCode::ReadOnly);
    }

    void auditLogIsAppendOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.fsv"));
        QVERIFY(SurveyStore::create(path).has_value());
        const int rows = rawScalar(path, QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        QVERIFY(rows > 0);
        QVERIFY(!rawExec(path, QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(!rawExec(path, QStringLiteral("UPDATE audit_log SET actor = 'x'")));
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), rows);
    }

    // Every schema version ever shipped has a fixture in tests/data/surveys; the current code
    // must open each, migrate it, and read the demo hospital from it.
    void opensEveryShippedSchemaVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v <= Migrator::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("schema %1").arg(v))) << v;
    }

    void opensEveryShippedSchemaVersion()
    {
        QFETCH(int, version);
        const QString fixture =
            fs::test::sourceDir() +
            QStringLiteral("/tests/data/surveys/demo-schema-%1.fsv").arg(version, 4, 10, QLatin1Char('0'));
        QVERIFY2(QFile::exists(fixture), qPrintable(QStringLiteral("missing fixture ") + fixture));
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("old.fsv"));
        QVERIFY(QFile::copy(fixture, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        QCOMPARE(rawScalar(copy, QStringLiteral("PRAGMA user_version")).toInt(), version);

        auto store = SurveyStore::open(copy);
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
        QCOMPARE((*store)->schemaVersion(), Migrator::latestVersion());
        auto data = (*store)->load();
        QVERIFY(data.has_value());
        QCOMPARE(data->hospital.name, QStringLiteral("さぬき中央病院"));
        QCOMPARE(data->connectionPoints.size(), 4);
        QCOMPARE(data->terminals.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestSurveyStore)
#include "tst_surveystore.moc"
