// Capture on site: facts with their history, terminal checks, devices found in the wiring, a
// second visit day and the attendees; each through the store and through the editor's undo stack.
#include "demosurvey.h"
#include "resultcheck.h"
#include "surveyeditor.h"
#include "surveyprogress.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs::model;
using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime kStart(QDate(2026, 12, 3), QTime(0, 30), Qt::UTC);

// Runs one query on a file through a separate plain QtSql connection, as an outsider would.
QVariant rawScalar(const QString &path, const QString &sql, const QVariantList &values = {})
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec() && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return value;
}

QStringList deviceNames(const ConnectionPoint &line)
{
    QStringList names;
    for (const Device &d : line.devices)
        names << d.hostname;
    return names;
}

QStringList checkItems(const Terminal &t)
{
    QStringList items;
    for (const TerminalCheck &c : t.checks)
        items << c.item + u'=' + c.value;
    return items;
}

// The device's current facts as key=value (source), in the order the store returns them.
QStringList factList(const Device &d)
{
    QStringList facts;
    for (const Observation &o : d.facts)
        facts << QStringLiteral("%1=%2 (%3)").arg(o.key, o.value, kFactSourceKeys.key(o.source));
    return facts;
}

TerminalCheck check(const QString &item, const QString &value, const QString &evaluation = u"ok"_s)
{
    TerminalCheck c;
    c.item = item;
    c.value = value;
    c.evaluation = evaluation;
    return c;
}

} // namespace

class TestCapture : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    FixedClock m_clock{kStart};
    std::unique_ptr<SurveyStore> m_store;

    // The survey as a fresh read-only connection sees it: what is durable in the file.
    fs::Result<SurveyData> reread() const
    {
        auto store = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        if (!store)
            return tl::unexpected(store.error());
        return (*store)->load();
    }

    fs::Result<QList<Photo>> rereadPhotos() const
    {
        auto store = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        if (!store)
            return tl::unexpected(store.error());
        return (*store)->photos();
    }

    int auditRows() const { return int(m_store->auditTrail().value_or(QList<AuditEntry>()).size()); }
    int pending() const { return m_store->pendingChangeCount().value_or(-1); }

    // Audit rows about one row and field.
    QList<AuditEntry> auditOf(const QString &uuid, const QString &field) const
    {
        QList<AuditEntry> rows;
        for (const AuditEntry &e : m_store->auditTrail().value_or(QList<AuditEntry>())) {
            if (e.entityUuid == uuid && e.field == field)
                rows << e;
        }
        return rows;
    }

    QString outboxOperation(const QString &uuid) const
    {
        return rawScalar(m_path, QStringLiteral("SELECT operation FROM outbox WHERE entity_uuid = ?"), {uuid})
            .toString();
    }

    Device demoDevice(int line, int index) const
    {
        auto lines = m_store->connectionPoints();
        return lines ? lines->at(line - 1).devices.value(index - 1) : Device{};
    }

    Terminal demoTerminal(int no) const
    {
        auto terminals = m_store->terminals();
        return terminals ? terminals->at(no - 1) : Terminal{};
    }

    // A small JPEG on disk, as the camera or the file dialog gives it.
    QString jpegFile(const QString &name) const
    {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = m_dir.filePath(name);
        return image.save(path, "JPEG") ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("capture-%1.fsv").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_clock.set(kStart);
        auto demo = DemoSurvey::createOrReplace(m_path, m_clock);
        FS_VERIFY_OK(demo);
        m_store = std::move(*demo);
        m_store->setActor(QStringLiteral("調査 一郎"));
        QCOMPARE(pending(), 0);
    }

    void cleanup() { m_store.reset(); }

    // ---- facts ---------------------------------------------------------------------------------

    void newerFactSupersedesTheOlderWhichStaysAsHistory()
    {
        const Device router = demoDevice(1, 1);
        m_clock.advanceSeconds(60);
        auto first = m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"Rev.14.01.20"_s,
                                                FactSource::Manual);
        FS_VERIFY_OK(first);
        QCOMPARE(first->observedAt, kStart.addSecs(60));
        QCOMPARE(first->source, FactSource::Manual);
        QVERIFY(first->id > 0);
        QVERIFY(!first->uuid.isEmpty());
        QCOMPARE(pending(), 1);

        m_clock.advanceSeconds(60);
        auto second = m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s,
                                                 u"Rev.14.01.38"_s, FactSource::Ssh);
        FS_VERIFY_OK(second);
        FS_VERIFY_OK(m_store->recordObservation(Entity::Device, router.uuid, u"serial"_s, u"S4H000123"_s,
                                                FactSource::Ssh));

        auto data = reread();
        FS_VERIFY_OK(data);
        const Device &stored = data->connectionPoints[0].devices[0];
        QCOMPARE(factList(stored),
                 (QStringList{u"firmware=Rev.14.01.38 (ssh)"_s, u"serial=S4H000123 (ssh)"_s}));
        QCOMPARE(stored.facts[0].observedAt, kStart.addSecs(120));
        QCOMPARE(stored.facts[0].uuid, second->uuid);
        QCOMPARE(factValue(stored.facts, u"firmware"_s), u"Rev.14.01.38"_s);
        // Other devices have no facts.
        QVERIFY(data->connectionPoints[3].devices[0].facts.isEmpty());

        // The older fact is kept, pointing at the one that replaced it.
        QCOMPARE(rawScalar(m_path, u"SELECT superseded_by FROM observation WHERE id = ?"_s, {first->id})
                     .toLongLong(),
                 second->id);
        QCOMPARE(rawScalar(m_path, u"SELECT count(*) FROM observation"_s).toInt(), 3);

        const auto trail = auditOf(router.uuid, u"fact:firmware"_s);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail[1].action, u"insert"_s);
        QCOMPARE(trail[1].actor, u"調査 一郎"_s);
        QCOMPARE(trail[1].oldValue.toString(), u"Rev.14.01.20"_s);
        QCOMPARE(trail[1].newValue.toString(), u"Rev.14.01.38"_s);
        QVERIFY(trail[0].oldValue.isNull());
        QCOMPARE(pending(), 1); // one device queued once
    }

    // ---- device sessions -----------------------------------------------------------------------

    void hostKeysAreAcceptedPerSurvey()
    {
        auto none = m_store->knownHost(u"192.168.1.1"_s, 22);
        FS_VERIFY_OK(none);
        QVERIFY(!none->has_value());
        const KnownHost key{u"RTR-EMR.local"_s, 22, u"ssh-ed25519"_s, u"SHA256:AAAAbbbbCCCC"_s, {}, {}};
        FS_VERIFY_OK(m_store->acceptHostKey(key));
        auto stored = m_store->knownHost(u"rtr-emr.local"_s, 22);
        FS_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->fingerprint, u"SHA256:AAAAbbbbCCCC"_s);
        QCOMPARE((*stored)->keyType, u"ssh-ed25519"_s);
        QCOMPARE((*stored)->acceptedAt, kStart);
        QCOMPARE((*stored)->acceptedBy, u"調査 一郎"_s);
        QVERIFY(!m_store->knownHost(u"rtr-emr.local"_s, 2222)->has_value()); // per port

        // A replaced key is accepted again explicitly; the audit keeps the old fingerprint.
        FS_VERIFY_OK(m_store->acceptHostKey(
            KnownHost{u"rtr-emr.local"_s, 22, u"ssh-rsa"_s, u"SHA256:ddddEEEE"_s, {}, {}}));
        QCOMPARE((*m_store->knownHost(u"rtr-emr.local"_s, 22))->fingerprint, u"SHA256:ddddEEEE"_s);
        const auto trail = auditOf(u"rtr-emr.local:22"_s, u"fingerprint"_s);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail[1].oldValue.toString(), u"SHA256:AAAAbbbbCCCC"_s);
        QCOMPARE(pending(), 0); // host keys stay on the laptop

        QVERIFY(!m_store->acceptHostKey(KnownHost{u"h"_s, 22, u"ssh-rsa"_s, u"MD5:aa:bb"_s, {}, {}}));
        QVERIFY(!m_store->acceptHostKey(KnownHost{u"h"_s, 0, u"ssh-rsa"_s, u"SHA256:x"_s, {}, {}}));
        QVERIFY(!m_store->acceptHostKey(KnownHost{{}, 22, u"ssh-rsa"_s, u"SHA256:x"_s, {}, {}}));
    }

    void collectionKeepsTheTranscriptAndLinksTheFacts()
    {
        const Device router = demoDevice(1, 1);
        Transcript t;
        t.deviceUuid = router.uuid;
        t.method = TranscriptMethod::Ssh;
        t.profile = u"yamaha"_s;
        t.peer = u"192.168.1.1:22"_s;
        t.userName = u"admin"_s;
        t.hostKeyFingerprint = u"SHA256:AAAA"_s;
        t.startedAt = kStart;
        t.endedAt = kStart.addSecs(12);
        t.text = u"> show environment\r\nRTX1220 Rev.15.02.29 (Mon Jul 12 10:00:00 2021)\r\n"_s;
        auto record = m_store->recordCollection(t, {{u"vendor"_s, u"Yamaha"_s},
                                                    {u"model"_s, u"RTX1220"_s},
                                                    {u"firmware"_s, u"Rev.15.02.29"_s},
                                                    {u"serial"_s, u"  "_s}});
        FS_VERIFY_OK(record);
        QVERIFY(record->transcript.id > 0);
        QCOMPARE(record->transcript.sha256.size(), 64);
        QCOMPARE(record->observations.size(), 3); // the blank serial is not a fact
        for (const Observation &o : record->observations) {
            QCOMPARE(o.source, FactSource::Ssh);
            QCOMPARE(o.transcriptId, record->transcript.id);
        }
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factValue(data->connectionPoints[0].devices[0].facts, u"firmware"_s), u"Rev.15.02.29"_s);

        auto list = m_store->transcripts(router.uuid);
        FS_VERIFY_OK(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0), record->transcript);
        QCOMPARE(m_store->transcripts(demoDevice(4, 1).uuid)->size(), 0);

        // A pasted transcript of a device not known yet is kept without facts.
        Transcript pasted;
        pasted.method = TranscriptMethod::Transcript;
        pasted.text = u"FGT60F # get system status"_s;
        auto loose = m_store->recordCollection(pasted, {{u"model"_s, u"FortiGate-60F"_s}});
        FS_VERIFY_OK(loose);
        QVERIFY(loose->observations.isEmpty());
        QCOMPARE(m_store->transcripts()->size(), 2);

        // A device that does not exist: nothing is written.
        Transcript wrong = t;
        wrong.deviceUuid = u"no-such-device"_s;
        QCOMPARE(m_store->recordCollection(wrong, {{u"model"_s, u"X"_s}}).error().code,
                 fs::ErrorCode::NotFound);
        QCOMPARE(m_store->transcripts()->size(), 2);
    }

    void emptyValueRecordsThatTheFactWasCleared()
    {
        const Device router = demoDevice(2, 1);
        FS_VERIFY_OK(m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"15.4"_s,
                                                FactSource::Manual));
        FS_VERIFY_OK(m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, QString(),
                                                FactSource::Manual));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[1].devices[0]), QStringList{u"firmware= (manual)"_s});
        QCOMPARE(factValue(data->connectionPoints[1].devices[0].facts, u"firmware"_s), QString());
    }

    void factsAboutLinesAndTerminalsAreRecordedToo_data()
    {
        QTest::addColumn<int>("entity");
        QTest::addColumn<QString>("table");
        QTest::newRow("line") << int(Entity::ConnectionPoint) << u"connection_point"_s;
        QTest::newRow("terminal") << int(Entity::Terminal) << u"terminal"_s;
    }

    void factsAboutLinesAndTerminalsAreRecordedToo()
    {
        QFETCH(int, entity);
        QFETCH(QString, table);
        const QString uuid = Entity(entity) == Entity::Terminal ? demoTerminal(2).uuid
                                                                : m_store->connectionPoints()->at(1).uuid;
        auto fact = m_store->recordObservation(Entity(entity), uuid, u"global_ip"_s, u"203.0.113.7"_s,
                                               FactSource::Scan);
        FS_VERIFY_OK(fact);
        QCOMPARE(rawScalar(m_path, u"SELECT entity FROM observation WHERE id = ?"_s, {fact->id}).toString(),
                 table);
        QCOMPARE(rawScalar(m_path, u"SELECT source FROM observation WHERE id = ?"_s, {fact->id}).toString(),
                 u"scan"_s);
        QCOMPARE(auditOf(uuid, u"fact:global_ip"_s).size(), 1);
        QCOMPARE(outboxOperation(uuid), u"upsert"_s);
    }

    void recordObservationRejects_data()
    {
        QTest::addColumn<int>("entity");
        QTest::addColumn<QString>("uuid"); // "device" is replaced by a demo device's
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("code");
        QTest::newRow("hospital") << int(Entity::Hospital) << u"device"_s << u"firmware"_s
                                  << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("visit day") << int(Entity::VisitDay) << u"device"_s << u"firmware"_s
                                   << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("empty key") << int(Entity::Device) << u"device"_s << QString()
                                   << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("unknown device")
            << int(Entity::Device) << u"no-such-uuid"_s << u"firmware"_s << int(fs::ErrorCode::NotFound);
        QTest::newRow("device uuid as a line")
            << int(Entity::ConnectionPoint) << u"device"_s << u"firmware"_s << int(fs::ErrorCode::NotFound);
    }

    void recordObservationRejects()
    {
        QFETCH(int, entity);
        QFETCH(QString, uuid);
        QFETCH(QString, key);
        QFETCH(int, code);
        if (uuid == u"device"_s)
            uuid = demoDevice(1, 1).uuid;
        const int audit = auditRows();
        auto fact = m_store->recordObservation(Entity(entity), uuid, key, u"x"_s, FactSource::Manual);
        QVERIFY(!fact.has_value());
        QCOMPARE(int(fact.error().code), code);
        QCOMPARE(auditRows(), audit);
        QCOMPARE(pending(), 0);
        QCOMPARE(rawScalar(m_path, u"SELECT count(*) FROM observation"_s).toInt(), 0);
    }

    void removedDeviceTakesNoFacts()
    {
        const Device router = demoDevice(3, 1);
        FS_VERIFY_OK(m_store->setRemoved(Entity::Device, router.uuid, true));
        auto fact = m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"1"_s,
                                               FactSource::Manual);
        QVERIFY(!fact.has_value());
        QCOMPARE(fact.error().code, fs::ErrorCode::NotFound);
    }

    void withdrawingTheCurrentFactBringsBackTheOneBefore()
    {
        const Device utm = demoDevice(4, 1);
        auto first = m_store->recordObservation(Entity::Device, utm.uuid, u"firmware"_s, u"v7.0.12"_s,
                                                FactSource::Manual);
        auto second =
            m_store->recordObservation(Entity::Device, utm.uuid, u"firmware"_s, u"v7.2.8"_s, FactSource::Ssh);
        FS_VERIFY_OK(first);
        FS_VERIFY_OK(second);
        const int audit = auditRows();

        FS_VERIFY_OK(m_store->withdrawObservation(second->id));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[3].devices[0]), QStringList{u"firmware=v7.0.12 (manual)"_s});
        QCOMPARE(auditRows(), audit + 1);
        const AuditEntry last = m_store->auditTrail()->constLast();
        QCOMPARE(last.action, u"delete"_s);
        QCOMPARE(last.entity, u"device"_s);
        QCOMPARE(last.field, u"fact:firmware"_s);
        QCOMPARE(last.oldValue.toString(), u"v7.2.8"_s);
        QCOMPARE(last.newValue.toString(), u"v7.0.12"_s);

        FS_VERIFY_OK(m_store->withdrawObservation(first->id));
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[3].devices[0]), QStringList());
        QVERIFY(m_store->auditTrail()->constLast().newValue.isNull());

        auto again = m_store->withdrawObservation(first->id);
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, fs::ErrorCode::NotFound);
    }

    // Undo of a hand-entered fact after an SSH session recorded a newer one: the newer one stays
    // current, and the fact before both is not brought back beside it.
    void withdrawingAnOlderFactKeepsOneCurrent()
    {
        const Device router = demoDevice(1, 1);
        auto workbook = m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"A"_s,
                                                   FactSource::Workbook);
        auto manual = m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"B"_s,
                                                 FactSource::Manual);
        auto ssh =
            m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"C"_s, FactSource::Ssh);
        FS_VERIFY_OK(workbook);
        FS_VERIFY_OK(manual);
        FS_VERIFY_OK(ssh);

        FS_VERIFY_OK(m_store->withdrawObservation(manual->id));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]), QStringList{u"firmware=C (ssh)"_s});
        QCOMPARE(m_store->auditTrail()->constLast().newValue.toString(), u"C"_s);

        // Withdrawing the newest now brings back the oldest.
        FS_VERIFY_OK(m_store->withdrawObservation(ssh->id));
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]), QStringList{u"firmware=A (workbook)"_s});
    }

    // ---- terminal checks -----------------------------------------------------------------------

    void terminalChecksReturnWhatTheyHeldBefore()
    {
        const Terminal t = demoTerminal(1);
        m_clock.advanceSeconds(30);
        auto first =
            m_store->setTerminalCheck(t.uuid, check(u"usb_storage"_s, u"ブロックなし"_s, u"danger"_s));
        FS_VERIFY_OK(first);
        QVERIFY(!first->has_value());
        TerminalCheck os = check(u"os"_s, u"Windows 10 Pro 22H2"_s);
        os.source = u"collector"_s;
        os.detail = uR"({"build": 19045})"_s;
        os.checkedAt = QDateTime(QDate(2026, 12, 2), QTime(5, 0), Qt::UTC);
        FS_VERIFY_OK(m_store->setTerminalCheck(t.uuid, os));
        QCOMPARE(pending(), 1);

        m_clock.advanceSeconds(30);
        auto replaced = m_store->setTerminalCheck(t.uuid, check(u"usb_storage"_s, u"書込み禁止"_s));
        FS_VERIFY_OK(replaced);
        QVERIFY(replaced->has_value());
        QCOMPARE((*replaced)->value, u"ブロックなし"_s);
        QCOMPARE((*replaced)->evaluation, u"danger"_s);
        QCOMPARE((*replaced)->checkedAt, kStart.addSecs(30));

        auto data = reread();
        FS_VERIFY_OK(data);
        const Terminal &stored = data->terminals[0];
        // In the order of the five items, whatever order they were recorded in.
        QCOMPARE(checkItems(stored), (QStringList{u"os=Windows 10 Pro 22H2"_s, u"usb_storage=書込み禁止"_s}));
        QCOMPARE(stored.checks[0].source, u"collector"_s);
        QCOMPARE(stored.checks[0].detail, uR"({"build": 19045})"_s);
        QCOMPARE(stored.checks[0].checkedAt, os.checkedAt);
        QCOMPARE(stored.checks[1].evaluation, u"ok"_s);
        QCOMPARE(stored.checks[1].checkedAt, kStart.addSecs(60)); // stamped when not given
        QVERIFY(data->terminals[1].checks.isEmpty());

        const auto trail = auditOf(t.uuid, u"check:usb_storage"_s);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail[1].oldValue.toString(), u"ブロックなし"_s);
        QCOMPARE(trail[1].newValue.toString(), u"書込み禁止"_s);

        FS_VERIFY_OK(m_store->clearTerminalCheck(t.uuid, u"usb_storage"_s));
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(checkItems(data->terminals[0]), QStringList{u"os=Windows 10 Pro 22H2"_s});
        QCOMPARE(m_store->auditTrail()->constLast().action, u"delete"_s);
        auto twice = m_store->clearTerminalCheck(t.uuid, u"usb_storage"_s);
        QVERIFY(!twice.has_value());
        QCOMPARE(twice.error().code, fs::ErrorCode::NotFound);
    }

    void setTerminalCheckRejects_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("evaluation");
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("knownTerminal");
        QTest::addColumn<int>("code");
        QTest::newRow("unknown item")
            << u"bios"_s << u"ok"_s << u"manual"_s << true << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("unknown evaluation")
            << u"os"_s << u"fine"_s << u"manual"_s << true << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("unknown source")
            << u"os"_s << u"ok"_s << u"ssh"_s << true << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("unknown terminal")
            << u"os"_s << u"ok"_s << u"manual"_s << false << int(fs::ErrorCode::NotFound);
    }

    void setTerminalCheckRejects()
    {
        QFETCH(QString, item);
        QFETCH(QString, evaluation);
        QFETCH(QString, source);
        QFETCH(bool, knownTerminal);
        QFETCH(int, code);
        TerminalCheck c = check(item, u"x"_s, evaluation);
        c.source = source;
        const int audit = auditRows();
        auto r = m_store->setTerminalCheck(knownTerminal ? demoTerminal(3).uuid : u"no-such-uuid"_s, c);
        QVERIFY(!r.has_value());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(auditRows(), audit);
        QCOMPARE(pending(), 0);
    }

    // ---- devices -------------------------------------------------------------------------------

    void devicesFoundOnSiteGoToTheEndOfTheChain()
    {
        const ConnectionPoint line = m_store->connectionPoints()->at(3);
        Device core;
        core.origin = Origin::FoundOnSite;
        core.deviceType = u"L3スイッチ"_s;
        core.hostname = u"core-sw"_s;
        core.chainRole = ChainRole::Switch;
        core.facts = {Observation{}}; // ignored: facts are recorded, not added
        auto added = m_store->addDevice(line.uuid, core);
        FS_VERIFY_OK(added);
        QVERIFY(added->id > 0);
        QVERIFY(!added->uuid.isEmpty());
        QVERIFY(added->facts.isEmpty());

        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]),
                 (QStringList{u"fg-renkei"_s, u"rtx-renkei"_s, u"core-sw"_s}));
        const Device &stored = data->connectionPoints[3].devices[2];
        QCOMPARE(stored.uuid, added->uuid);
        QCOMPARE(stored.origin, Origin::FoundOnSite);
        QCOMPARE(stored.chainRole, ChainRole::Switch);
        QCOMPARE(stored.deviceType, u"L3スイッチ"_s);
        QCOMPARE(auditOf(added->uuid, QString()).size(), 1);
        QCOMPARE(outboxOperation(added->uuid), u"upsert"_s);

        auto missing = m_store->addDevice(u"no-such-line"_s, core);
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, fs::ErrorCode::NotFound);
    }

    void devicesMoveOnePlaceSkippingRemovedOnes()
    {
        const ConnectionPoint line = m_store->connectionPoints()->at(3);
        Device third;
        third.hostname = u"core-sw"_s;
        auto added = m_store->addDevice(line.uuid, third);
        FS_VERIFY_OK(added);
        const QString utm = line.devices[0].uuid;
        const QString router = line.devices[1].uuid;

        FS_VERIFY_OK(m_store->moveDevice(utm, +1));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]),
                 (QStringList{u"rtx-renkei"_s, u"fg-renkei"_s, u"core-sw"_s}));
        const auto trail = auditOf(utm, u"position"_s);
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail[0].oldValue.toInt(), 1);
        QCOMPARE(trail[0].newValue.toInt(), 2);
        // The neighbour moved too.
        const auto neighbour = auditOf(router, u"position"_s);
        QCOMPARE(neighbour.size(), 1);
        QCOMPARE(neighbour[0].oldValue.toInt(), 2);
        QCOMPARE(neighbour[0].newValue.toInt(), 1);
        QCOMPARE(outboxOperation(router), u"upsert"_s);

        // A removed device keeps its place but is skipped.
        FS_VERIFY_OK(m_store->setRemoved(Entity::Device, added->uuid, true));
        FS_VERIFY_OK(m_store->moveDevice(router, +1));
        FS_VERIFY_OK(m_store->setRemoved(Entity::Device, added->uuid, false));
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]),
                 (QStringList{u"fg-renkei"_s, u"rtx-renkei"_s, u"core-sw"_s}));
    }

    void moveDeviceRejects_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("code");
        QTest::newRow("first up") << 1 << -1 << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("last down") << 2 << +1 << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("two places") << 1 << +2 << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("nowhere") << 1 << 0 << int(fs::ErrorCode::InvalidArgument);
        QTest::newRow("unknown device") << 0 << +1 << int(fs::ErrorCode::NotFound);
    }

    void moveDeviceRejects()
    {
        QFETCH(int, index);
        QFETCH(int, direction);
        QFETCH(int, code);
        const QString uuid = index > 0 ? demoDevice(4, index).uuid : u"no-such-device"_s;
        const int audit = auditRows();
        auto r = m_store->moveDevice(uuid, direction);
        QVERIFY(!r.has_value());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(auditRows(), audit);
        QCOMPARE(deviceNames(m_store->connectionPoints()->at(3)),
                 (QStringList{u"fg-renkei"_s, u"rtx-renkei"_s}));
    }

    // ---- visit days and attendees --------------------------------------------------------------

    void secondVisitDayHasTheDefaultPlanOnTheNextDate()
    {
        const QDate first = m_store->schedule()->first().date;
        auto added = m_store->addVisitDay();
        FS_VERIFY_OK(added);
        QCOMPARE(added->dayNo, 2);
        QCOMPARE(added->date, first.addDays(1));
        QCOMPARE(added->steps.size(), 6);
        QVERIFY(added->id > 0);
        QCOMPARE(added->steps[3].plannedStart, QTime(13, 0));
        QCOMPARE(outboxOperation(added->uuid), u"upsert"_s);

        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days.size(), 2);
        QCOMPARE(data->days[1], *added);

        FS_VERIFY_OK(m_store->removeVisitDay(added->uuid));
        QCOMPARE(m_store->schedule()->size(), 1);
        QCOMPARE(m_store->auditTrail()->constLast().action, u"delete"_s);
        QCOMPARE(outboxOperation(added->uuid), u"delete"_s);
    }

    void visitDayWithRecordedTimesOrTheLastOneIsKept()
    {
        auto only = m_store->removeVisitDay(m_store->schedule()->first().uuid);
        QVERIFY(!only.has_value());
        QCOMPARE(only.error().code, fs::ErrorCode::InvalidArgument);

        auto added = m_store->addVisitDay();
        FS_VERIFY_OK(added);
        auto arrival = m_store->resolvePath(u"day.2.step.1.actual_start"_s);
        FS_VERIFY_OK(arrival);
        FS_VERIFY_OK(m_store->applyChanges({FieldChange{*arrival, u"2026-12-04T09:01:00+09:00"_s}}));
        auto used = m_store->removeVisitDay(added->uuid);
        QVERIFY(!used.has_value());
        QCOMPARE(used.error().code, fs::ErrorCode::InvalidArgument);
        QCOMPARE(m_store->schedule()->size(), 2);

        auto unknown = m_store->removeVisitDay(u"no-such-day"_s);
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().code, fs::ErrorCode::NotFound);
    }

    void attendeesAreAnEditableFieldOfTheDay()
    {
        auto ref = m_store->resolvePath(u"day.1.attendees"_s);
        FS_VERIFY_OK(ref);
        QCOMPARE(ref->entity, Entity::VisitDay);
        const QString who = u"情報システム課 高松 花子\n総務課 丸亀 一郎"_s;
        FS_VERIFY_OK(m_store->applyChanges({FieldChange{*ref, who}}));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days[0].attendees, who);
        QCOMPARE(auditOf(data->days[0].uuid, u"attendees"_s).size(), 1);
    }

    // The fixture of schema 4 carries captured facts, checks and attendees; they load from a file
    // written by that version.
    void schema4FixtureLoadsCapturedData()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"schema4.fsv"_s);
        QVERIFY(QFile::copy(fs::test::sourceDir() + u"/tests/data/surveys/demo-schema-0004.fsv"_s, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        auto store = SurveyStore::open(copy, SurveyStore::OpenMode::ReadOnly);
        FS_VERIFY_OK(store);
        QCOMPARE((*store)->schemaVersion(), 4);
        auto data = (*store)->load();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days[0].attendees, u"情報システム課 高松 花子\n総務課 丸亀 一郎"_s);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]),
                 (QStringList{u"firmware=Rev.14.01.38 (ssh)"_s, u"serial=S4H000123 (ssh)"_s}));
        QCOMPARE(checkItems(data->terminals[0]),
                 (QStringList{u"os=Windows 10 Pro 22H2 (19045)"_s, u"usb_storage=ブロックなし"_s}));
        QCOMPARE(data->terminals[0].checks[1].evaluation, u"danger"_s);
    }

    // ---- the editor: each capture is one undo step ---------------------------------------------

    void editorRecordsFactsUndoably()
    {
        SurveyEditor editor(*m_store);
        QSignalSpy changed(&editor, &SurveyEditor::changed);
        const Device router = demoDevice(1, 1);
        FS_VERIFY_OK(m_store->recordObservation(Entity::Device, router.uuid, u"firmware"_s, u"Rev.14.01.20"_s,
                                                FactSource::Workbook));
        int audit = auditRows();
        const int queued = pending();

        QVERIFY(
            editor.recordFact(Entity::Device, router.uuid, u"firmware"_s, u"Rev.14.01.38"_s, u"firmware"_s));
        QCOMPARE(editor.undoStack()->count(), 1);
        QCOMPARE(editor.undoStack()->undoText(), u"firmware"_s);
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]),
                 QStringList{u"firmware=Rev.14.01.38 (manual)"_s});
        QVERIFY(auditRows() > audit);
        QVERIFY(pending() >= queued);
        audit = auditRows();

        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]),
                 QStringList{u"firmware=Rev.14.01.20 (workbook)"_s});
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factList(data->connectionPoints[0].devices[0]),
                 QStringList{u"firmware=Rev.14.01.38 (manual)"_s});
        QVERIFY(auditRows() > audit);
        QCOMPARE(auditOf(router.uuid, u"fact:firmware"_s).size(), 4); // workbook, record, undo, redo
        QCOMPARE(changed.count(), 3);
        QCOMPARE(pending(), 1);

        // Undo again after the redo withdraws the fact the redo recorded.
        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(factValue(data->connectionPoints[0].devices[0].facts, u"firmware"_s), u"Rev.14.01.20"_s);
        QCOMPARE(rawScalar(m_path, u"SELECT count(*) FROM observation"_s).toInt(), 1);
    }

    void editorSetsTerminalChecksUndoably()
    {
        SurveyEditor editor(*m_store);
        const Terminal t = demoTerminal(2);
        int audit = auditRows();

        QVERIFY(editor.setTerminalCheck(t.uuid, check(u"antivirus"_s, u"Defender 有効"_s), u"antivirus"_s));
        QCOMPARE(pending(), 1);
        QVERIFY(auditRows() > audit);
        audit = auditRows();
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(checkItems(data->terminals[1]), QStringList{u"antivirus=Defender 有効"_s});
        const QDateTime firstCheckedAt = data->terminals[1].checks[0].checkedAt;

        m_clock.advanceSeconds(300);
        QVERIFY(
            editor.setTerminalCheck(t.uuid, check(u"antivirus"_s, u"なし"_s, u"danger"_s), u"antivirus"_s));
        QCOMPARE(editor.undoStack()->count(), 2);
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(checkItems(data->terminals[1]), QStringList{u"antivirus=なし"_s});
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        // Undo restores what it held before, with its evaluation and time.
        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(checkItems(data->terminals[1]), QStringList{u"antivirus=Defender 有効"_s});
        QCOMPARE(data->terminals[1].checks[0].evaluation, u"ok"_s);
        QCOMPARE(data->terminals[1].checks[0].checkedAt, firstCheckedAt);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        // Undoing the first removes the check it added.
        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QVERIFY(data->terminals[1].checks.isEmpty());
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        editor.undoStack()->redo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(checkItems(data->terminals[1]), QStringList{u"antivirus=なし"_s});
        QCOMPARE(data->terminals[1].checks[0].evaluation, u"danger"_s);
        QCOMPARE(auditRows(), audit + 2);
        QCOMPARE(pending(), 1);
    }

    void editorAddsDevicesUndoably()
    {
        SurveyEditor editor(*m_store);
        const ConnectionPoint line = m_store->connectionPoints()->at(0);
        Device utm;
        utm.origin = Origin::FoundOnSite;
        utm.deviceType = u"UTM"_s;
        utm.hostname = u"fg-emr"_s;
        int audit = auditRows();

        auto added = editor.addDevice(line.uuid, utm, u"add device"_s);
        QVERIFY(added.has_value());
        QCOMPARE(editor.undoStack()->count(), 1);
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[0]), (QStringList{u"rtx-emr"_s, u"fg-emr"_s}));
        QCOMPARE(pending(), 1);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[0]), QStringList{u"rtx-emr"_s});
        QCOMPARE(outboxOperation(added->uuid), u"delete"_s);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[0]), (QStringList{u"rtx-emr"_s, u"fg-emr"_s}));
        QCOMPARE(data->connectionPoints[0].devices[1].uuid, added->uuid);
        QCOMPARE(outboxOperation(added->uuid), u"upsert"_s);
        QVERIFY(auditRows() > audit);
        QCOMPARE(pending(), 1);

        // A line that is not there: nothing pushed.
        QSignalSpy failed(&editor, &SurveyEditor::failed);
        QVERIFY(!editor.addDevice(u"no-such-line"_s, utm, u"add device"_s).has_value());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(editor.undoStack()->count(), 1);
    }

    void editorMovesDevicesUndoably()
    {
        SurveyEditor editor(*m_store);
        const ConnectionPoint line = m_store->connectionPoints()->at(3);
        int audit = auditRows();

        QVERIFY(editor.moveDevice(line.devices[1].uuid, -1, u"move up"_s));
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]), (QStringList{u"rtx-renkei"_s, u"fg-renkei"_s}));
        QCOMPARE(pending(), 2); // both devices changed place
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]), (QStringList{u"fg-renkei"_s, u"rtx-renkei"_s}));
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(deviceNames(data->connectionPoints[3]), (QStringList{u"rtx-renkei"_s, u"fg-renkei"_s}));
        QVERIFY(auditRows() > audit);
        QCOMPARE(pending(), 2);

        // A move that cannot be made pushes nothing.
        QSignalSpy failed(&editor, &SurveyEditor::failed);
        QVERIFY(!editor.moveDevice(line.devices[1].uuid, -1, u"move up"_s));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(editor.undoStack()->count(), 1);
    }

    void editorAddsVisitDaysUndoably()
    {
        SurveyEditor editor(*m_store);
        int audit = auditRows();

        auto added = editor.addVisitDay(u"add day"_s);
        QVERIFY(added.has_value());
        QCOMPARE(added->dayNo, 2);
        auto data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days.size(), 2);
        QCOMPARE(pending(), 1);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days.size(), 1);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days.size(), 2);
        QCOMPARE(data->days[1].dayNo, 2);
        QCOMPARE(data->days[1].date, data->days[0].date.addDays(1));
        QCOMPARE(data->days[1].steps.size(), 6);
        QCOMPARE(data->days[1].uuid, added->uuid); // the same day, not a new one
        QVERIFY(auditRows() > audit);
        QVERIFY(pending() >= 1);

        // Undo after the redo removes the day the redo added.
        editor.undoStack()->undo();
        data = reread();
        FS_VERIFY_OK(data);
        QCOMPARE(data->days.size(), 1);
    }

    void editorAddsPhotosUndoably()
    {
        SurveyEditor editor(*m_store);
        const ConnectionPoint line = m_store->connectionPoints()->at(1);
        const QString file = jpegFile(u"onu.jpg"_s);
        QVERIFY(!file.isEmpty());
        int audit = auditRows();

        auto added = editor.addPhoto(file, PhotoTarget{u"connection_point"_s, line.id}, u"photo"_s);
        QVERIFY(added.has_value());
        QCOMPARE(editor.undoStack()->count(), 1);
        auto photos = rereadPhotos();
        FS_VERIFY_OK(photos);
        QCOMPARE(photos->size(), 1);
        QCOMPARE(photos->first().uuid, added->uuid);
        QCOMPARE(photos->first().target, (PhotoTarget{u"connection_point"_s, line.id}));
        QCOMPARE(pending(), 1);
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->undo();
        photos = rereadPhotos();
        FS_VERIFY_OK(photos);
        QVERIFY(photos->isEmpty());
        QVERIFY(auditRows() > audit);
        audit = auditRows();

        editor.undoStack()->redo();
        photos = rereadPhotos();
        FS_VERIFY_OK(photos);
        QCOMPARE(photos->size(), 1);
        QCOMPARE(photos->first().uuid, added->uuid);
        QVERIFY(auditRows() > audit);
        QCOMPARE(pending(), 1);
        // The photo brought back is queued with its file, not as a field update.
        QCOMPARE(rawScalar(m_path,
                           u"SELECT operation FROM outbox WHERE entity = 'photo' AND entity_uuid = ?"_s,
                           {added->uuid})
                     .toString(),
                 u"upload"_s);
    }

    void editorOnAReadOnlySurveyPushesNothing()
    {
        const Device router = demoDevice(1, 1);
        const Terminal t = demoTerminal(1);
        const QString line = m_store->connectionPoints()->at(0).uuid;
        m_store.reset();
        auto readOnly = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        FS_VERIFY_OK(readOnly);
        m_store = std::move(*readOnly);
        SurveyEditor editor(*m_store);
        QSignalSpy failed(&editor, &SurveyEditor::failed);

        QVERIFY(!editor.recordFact(Entity::Device, router.uuid, u"firmware"_s, u"1"_s, u"fact"_s));
        QVERIFY(!editor.setTerminalCheck(t.uuid, check(u"os"_s, u"Windows 11"_s), u"check"_s));
        QVERIFY(!editor.addDevice(line, Device{}, u"device"_s).has_value());
        QVERIFY(!editor.moveDevice(router.uuid, 1, u"move"_s));
        QVERIFY(!editor.addVisitDay(u"day"_s).has_value());
        QVERIFY(!editor.addPhoto(jpegFile(u"ro.jpg"_s), {}, u"photo"_s).has_value());
        QCOMPARE(failed.count(), 6);
        for (const QList<QVariant> &signal : failed)
            QCOMPARE(signal.first().value<fs::Error>().code, fs::ErrorCode::ReadOnly);
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    // What is captured shows in the day's progress: facts and photos load into what it reads.
    void capturedDataCompletesTheLine()
    {
        const ConnectionPoint line = m_store->connectionPoints()->at(0);
        auto before = m_store->load();
        FS_VERIFY_OK(before);
        auto photos = m_store->photos();
        FS_VERIFY_OK(photos);
        const auto kindsOf = [](const QList<MissingItem> &items) {
            QList<MissingItem::Kind> kinds;
            for (const MissingItem &m : items)
                kinds << m.kind;
            return kinds;
        };
        QVERIFY(kindsOf(SurveyProgress::lineMissing(before->connectionPoints[0], *photos))
                    .contains(MissingItem::Kind::DeviceFirmware));
        QVERIFY(kindsOf(SurveyProgress::lineMissing(before->connectionPoints[0], *photos))
                    .contains(MissingItem::Kind::LinePhoto));

        SurveyEditor editor(*m_store);
        QVERIFY(editor.recordFact(Entity::Device, line.devices[0].uuid, u"firmware"_s, u"Rev.14.01.38"_s,
                                  u"fw"_s));
        QVERIFY(editor.addPhoto(jpegFile(u"line.jpg"_s), PhotoTarget{u"connection_point"_s, line.id},
                                u"photo"_s));
        auto after = reread();
        FS_VERIFY_OK(after);
        photos = rereadPhotos();
        FS_VERIFY_OK(photos);
        const auto missing = kindsOf(SurveyProgress::lineMissing(after->connectionPoints[0], *photos));
        QVERIFY(!missing.contains(MissingItem::Kind::DeviceFirmware));
        QVERIFY(!missing.contains(MissingItem::Kind::LinePhoto));
    }
};

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_capture.moc"
