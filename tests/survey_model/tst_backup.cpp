// The offline-backup questionnaire: classification from realistic answers, contradictions, the
// answers file (hostile input included) and the store (edits, audit, outbox, atomic answers).
#include "backupclassifier.h"
#include "backupjson.h"
#include "demosurvey.h"
#include "resultcheck.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 24);

QString dataPath(const QString &name)
{
    return fs::test::sourceDir() + u"/tests/data/backup/"_s + name;
}

BackupQuestionnaire load(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    auto q = BackupJson::fromJson(file.readAll(), name);
    if (!q)
        qFatal("%s", qPrintable(fs::describe(q.error())));
    return *q;
}

QStringList codes(const BackupAssessment &a, BackupFlag::Kind kind)
{
    QStringList list;
    for (const BackupFlag &f : a.flags) {
        if (f.kind == kind)
            list << f.code;
    }
    list.sort();
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

int rawCount(const QString &path, const QString &sql)
{
    const QString name = u"raw-"_s + QString::number(quintptr(&path));
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    // Every class reached from realistic answers, with exactly the contradictions and checks the
    // answers call for.
    void classifiesRealisticAnswers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("contradictions");
        QTest::addColumn<QStringList>("checks");
        const QStringList none;
        QTest::newRow("支援A: new server this year")
            << u"support-a-new-server.json"_s << u"支援A"_s << none << none;
        QTest::newRow("支援A: also media on existing")
            << u"support-a-also-media.json"_s << u"支援A"_s << none << QStringList{u"procure_and_media"_s};
        QTest::newRow("支援B: later year, tape left in the library")
            << u"support-b-later-year.json"_s << u"支援B"_s << none << none;
        QTest::newRow("支援C: media on existing equipment")
            << u"support-c-media-on-existing.json"_s << u"支援C"_s << none << none;
        QTest::newRow("報告のみ: planning with the vendor")
            << u"report-only-vendor-plan.json"_s << u"報告のみ"_s << none << none;
        QTest::newRow("報告のみ: an offline tape no longer updated")
            << u"report-only-stale-offline-copy.json"_s << u"報告のみ"_s << none
            << QStringList{u"offline_not_updated"_s};
        QTest::newRow("対象外: LTO taken out every morning")
            << u"not-applicable-tape-offsite.json"_s << u"対象外"_s << none << none;
        QTest::newRow("対象外: immutable cloud")
            << u"not-applicable-immutable-cloud.json"_s << u"対象外"_s << none << none;
        QTest::newRow("対象外: one method only, undocumented, never restored")
            << u"not-applicable-single-method.json"_s << u"対象外"_s << none
            << QStringList{u"single_method"_s, u"not_documented"_s, u"restore_not_tested"_s};
        QTest::newRow("対象外: logically separated network")
            << u"not-applicable-logically-separated.json"_s << u"対象外"_s << none << none;
        QTest::newRow("対象外: said so, nothing described")
            << u"not-applicable-claimed-only.json"_s << u"対象外"_s << none
            << QStringList{u"operating_unverified"_s};
        QTest::newRow("対象外: written in the programme's words")
            << u"not-applicable-japanese-words.json"_s << u"対象外"_s << none << none;
        QTest::newRow("contradiction: 'operating' on a share the EMR mounts")
            << u"contradiction-claims-operating-on-shared-nas.json"_s << u"支援B"_s
            << QStringList{u"operating_but_online"_s, u"separated_but_reachable"_s} << none;
        QTest::newRow("contradiction: offline BD-R but 'not operating'")
            << u"contradiction-offline-but-says-not-operating.json"_s << u"対象外"_s
            << QStringList{u"offline_but_not_operating"_s} << QStringList{u"operating_and_procuring"_s};
        QTest::newRow("contradiction: cloud unplugged, restore date without a test")
            << u"contradiction-cloud-unplugged.json"_s << u"支援C"_s
            << QStringList{u"cloud_physically_disconnected"_s, u"restore_date_without_test"_s} << none;
        QTest::newRow("未判定: nothing answered")
            << u"unclassified-empty.json"_s << u"未判定"_s << none << none;
        QTest::newRow("未判定: no offline copy and no plan")
            << u"unclassified-no-plan.json"_s << u"未判定"_s << none << QStringList{u"no_plan"_s};
    }

    void classifiesRealisticAnswers()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QStringList, contradictions);
        QFETCH(QStringList, checks);
        const BackupAssessment a = BackupClassifier::assess(load(file), kToday);
        QCOMPARE(BackupOptions::classLabel(a.computed), expected);
        QCOMPARE(a.effective, a.computed);
        QVERIFY(!a.overridden);
        QVERIFY(!a.reasons.isEmpty());
        QCOMPARE(codes(a, BackupFlag::Kind::Contradiction), sorted(contradictions));
        QCOMPARE(codes(a, BackupFlag::Kind::Check), sorted(checks));
        QCOMPARE(a.contradictionCount(), contradictions.size());
        // The checklist is the class's.
        QStringList keys;
        for (const BackupChecklistLine &l : a.checklist)
            keys << l.key;
        QCOMPARE(keys, BackupClassifier::taskKeys(a.effective));
        for (const BackupChecklistLine &l : a.checklist)
            QVERIFY(!l.text.isEmpty() && l.text != l.key);
    }

    // The reasons name the copy that decided 対象外, and the unclassified survey lists what is
    // still to be answered.
    void reasonsNameTheDecidingAnswers()
    {
        const BackupAssessment offline =
            BackupClassifier::assess(load(u"not-applicable-tape-offsite.json"_s), kToday);
        QCOMPARE(offline.reasons.size(), 2);
        QVERIFY2(offline.reasons[1].startsWith(u"No.2（テープ（LTO等）・LTO-8）"_s),
                 qPrintable(offline.reasons[1]));
        QCOMPARE(offline.copies.size(), 2);
        QCOMPARE(offline.copies[0].offline, OfflineJudgement::Online);
        QCOMPARE(offline.copies[1].offline, OfflineJudgement::Offline);

        const BackupAssessment empty = BackupClassifier::assess(load(u"unclassified-empty.json"_s), kToday);
        QCOMPARE(empty.missing,
                 (QStringList{u"新サーバの調達予定"_s, u"既存機器への媒体接続の予定"_s,
                              u"電子カルテベンダーとの計画"_s, u"オフラインバックアップの運用状況"_s,
                              u"現在のバックアップ（方式・切り離し方）"_s}));
        QVERIFY(empty.checklist.isEmpty());
    }

    // Each way a copy is kept, judged as 疑義解釈その7 says.
    void judgesEachCopy_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("separation");
        QTest::addColumn<QString>("reachable");
        QTest::addColumn<QString>("frequency");
        QTest::addColumn<int>("expected");
        const int off = int(OfflineJudgement::Offline);
        const int on = int(OfflineJudgement::Online);
        const int unknown = int(OfflineJudgement::Unknown);
        QTest::newRow("NAS always connected")
            << u"nas"_s << u"always_connected"_s << u""_s << u"daily"_s << on;
        QTest::newRow("HDD unplugged")
            << u"external_hdd"_s << u"physically_disconnected"_s << u""_s << u"daily"_s << off;
        QTest::newRow("tape unplugged, not updated")
            << u"tape"_s << u"physically_disconnected"_s << u""_s << u"not_updated"_s << on;
        QTest::newRow("cloud unplugged")
            << u"cloud"_s << u"physically_disconnected"_s << u""_s << u"daily"_s << unknown;
        QTest::newRow("separated, no credentials")
            << u"backup_server"_s << u"logically_separated"_s << u"no"_s << u"daily"_s << off;
        QTest::newRow("separated, same credentials")
            << u"nas"_s << u"logically_separated"_s << u"yes"_s << u"daily"_s << on;
        QTest::newRow("separated, unanswered")
            << u"nas"_s << u"logically_separated"_s << u""_s << u"daily"_s << unknown;
        QTest::newRow("WORM appliance")
            << u"immutable_appliance"_s << u"immutable"_s << u""_s << u"daily"_s << off;
        QTest::newRow("immutable cloud") << u"cloud"_s << u"immutable_cloud"_s << u""_s << u"daily"_s << off;
        QTest::newRow("'immutable cloud' on a NAS")
            << u"nas"_s << u"immutable_cloud"_s << u""_s << u"daily"_s << unknown;
        QTest::newRow("unanswered") << u"tape"_s << u""_s << u""_s << u"daily"_s << unknown;
    }

    void judgesEachCopy()
    {
        QFETCH(QString, method);
        QFETCH(QString, separation);
        QFETCH(QString, reachable);
        QFETCH(QString, frequency);
        QFETCH(int, expected);
        BackupCopy c;
        c.method = method;
        c.separation = separation;
        c.reachableWithEmrCredentials = reachable;
        c.frequency = frequency;
        const BackupCopyJudgement j = BackupClassifier::judge(c, 1);
        QCOMPARE(int(j.offline), expected);
        QVERIFY(!j.reason.isEmpty());
    }

    // Intentions alone, every combination: the class follows the programme's order and never
    // depends on anything but the answers.
    void intentionOrder()
    {
        const QStringList servers = {u""_s, u"this_fiscal_year"_s, u"later_fiscal_year"_s, u"none"_s};
        const QStringList yesNo = {u""_s, u"yes"_s, u"no"_s};
        int seen = 0;
        for (const QString &server : servers) {
            for (const QString &media : yesNo) {
                for (const QString &vendor : yesNo) {
                    BackupQuestionnaire q;
                    q.newServer = server;
                    q.mediaOnExisting = media;
                    q.planningWithVendor = vendor;
                    q.alreadyOperating = u"no"_s;
                    const SupportClass c = BackupClassifier::assess(q, kToday).computed;
                    SupportClass expected = SupportClass::Unclassified;
                    if (server == u"this_fiscal_year"_s)
                        expected = SupportClass::SupportA;
                    else if (server == u"later_fiscal_year"_s)
                        expected = SupportClass::SupportB;
                    else if (media == u"yes"_s)
                        expected = SupportClass::SupportC;
                    else if (vendor == u"yes"_s)
                        expected = SupportClass::ReportOnly;
                    QCOMPARE(c, expected);
                    ++seen;
                }
            }
        }
        QCOMPARE(seen, 36);
    }

    void datesAreChecked()
    {
        BackupQuestionnaire q;
        q.restoreTested = u"yes"_s;
        q.restoreTestedOn = u"2027-01-10"_s;
        q.answeredOn = u"2026-12-01"_s;
        q.patientCount = -5;
        const BackupAssessment a = BackupClassifier::assess(q, kToday);
        QCOMPARE(codes(a, BackupFlag::Kind::Contradiction),
                 sorted({u"restore_date_future"_s, u"answered_future"_s, u"patient_count_negative"_s}));
        q.restoreTestedOn.clear();
        q.answeredOn.clear();
        q.patientCount.reset();
        QCOMPARE(codes(BackupClassifier::assess(q, kToday), BackupFlag::Kind::Check),
                 QStringList{u"restore_date_missing"_s});
    }

    // The office's decision wins, but only with a reason; the checklist follows it.
    void overrideNeedsAReason()
    {
        BackupQuestionnaire q = load(u"support-c-media-on-existing.json"_s);
        q.overrideClass = u"support_a"_s;
        BackupAssessment a = BackupClassifier::assess(q, kToday);
        QCOMPARE(a.effective, SupportClass::SupportC); // no reason: ignored
        q.overrideReason = u"県の予算で今年度サーバ更新が決定（11/20 事務局会議）"_s;
        a = BackupClassifier::assess(q, kToday);
        QCOMPARE(a.computed, SupportClass::SupportC);
        QCOMPARE(a.effective, SupportClass::SupportA);
        QVERIFY(a.overridden);
        QCOMPARE(a.checklist.first().key, u"procure_this_year"_s);
    }

    // ---- the answers file

    void answersFileRoundTrips()
    {
        const BackupQuestionnaire q = load(u"not-applicable-japanese-words.json"_s);
        QCOMPARE(q.patientCount, std::optional<int>(12000));
        QCOMPARE(q.copies.size(), 2);
        QCOMPARE(q.copies[0].method, u"external_hdd"_s);
        QCOMPARE(q.copies[0].generations, std::optional<int>(7));
        QCOMPARE(q.copies[0].separation, u"physically_disconnected"_s);
        QCOMPARE(q.copies[1].frequency, u"weekly"_s);
        QCOMPARE(q.copies[1].location, u"offsite"_s);
        QCOMPARE(q.restoreTested, u"yes"_s);
        QCOMPARE(q.restoreTestedOn, u"2026-08-01"_s);
        QCOMPARE(q.documentedIn, u"operations_rule"_s);
        QCOMPARE(q.newServer, u"none"_s);
        QCOMPARE(q.mediaOnExisting, u"no"_s);
        QCOMPARE(q.alreadyOperating, u"yes"_s);

        const QByteArray written = QJsonDocument(BackupJson::toJson(q)).toJson();
        auto again = BackupJson::fromJson(written, u"again.json"_s);
        FS_VERIFY_OK(again);
        QCOMPARE(*again, q);
    }

    void refusesBadAnswers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{\"new_server\": ") << u"bad.json: line 1"_s;
        QTest::newRow("typo key") << QByteArray(R"({"new_sever": "none"})") << u"new_sever: unknown key"_s;
        QTest::newRow("unknown choice") << QByteArray(R"({"copies": [{"method": "floppy"}]})")
                                        << u"copies[0].method: «floppy» is not one of"_s;
        QTest::newRow("wrong type") << QByteArray(R"({"copies": [{"generations": "many"}]})")
                                    << u"copies[0].generations: must be a whole number"_s;
        QTest::newRow("copy not an object")
            << QByteArray(R"({"copies": [1]})") << u"copies[0]: must be an object"_s;
        QTest::newRow("bad date") << QByteArray(R"({"restore_tested_on": "last spring"})")
                                  << u"restore_tested_on: «last spring» is not a date"_s;
        QTest::newRow("override without reason") << QByteArray(R"({"override_class": "支援B"})")
                                                 << u"override_reason: a class decided by the office needs"_s;
        QTest::newRow("unknown class") << QByteArray(R"({"override_class": "支援D", "override_reason": "x"})")
                                       << u"override_class: «支援D» is not a class"_s;
        QTest::newRow("unknown item")
            << QByteArray(R"({"checklist": [{"item": "buy_pizza", "state": "done"}]})")
            << u"checklist[0].item: «buy_pizza» is not an item"_s;
        QTest::newRow("not needed without reason")
            << QByteArray(R"({"checklist": [{"item": "restore_test", "state": "不要"}]})")
            << u"checklist[0].reason: an item marked not needed"_s;
        QTest::newRow("newer format")
            << QByteArray(R"({"format_version": 7})") << u"written by a newer FieldSurvey"_s;
        QTest::newRow("other format")
            << QByteArray(R"({"format": "fieldsurvey-survey"})") << u"is not fieldsurvey-backup"_s;
        QTest::newRow("top-level array") << QByteArray("[]") << u"bad.json"_s;
        QByteArray deep;
        for (int i = 0; i < 5000; ++i)
            deep += "{\"a\":";
        QTest::newRow("deep nesting") << deep << u"bad.json"_s;
        QTest::newRow("huge") << (QByteArray("{\"note\": \"") + QByteArray(2 * 1024 * 1024, 'x') + "\"}")
                              << u"bad.json"_s;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"note\": \"\xff\xfe\x80\"}") << u"bad.json"_s;
        QByteArray many = "{\"copies\": [";
        for (int i = 0; i < BackupJson::kMaxCopies + 1; ++i)
            many += QByteArray(i ? "," : "") + "{}";
        many += "]}";
        QTest::newRow("too many copies") << many << u"copies: more than 200 copies"_s;
    }

    void refusesBadAnswers()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto q = BackupJson::fromJson(json, u"bad.json"_s);
        QVERIFY(!q);
        const QString detail = fs::describe(q.error());
        QVERIFY2(detail.contains(u"bad.json"_s), qPrintable(detail));
        QVERIFY2(detail.contains(expected), qPrintable(detail));
    }

    // ---- the store

    void newSurveyHasAnEmptyQuestionnaire()
    {
        QTemporaryDir dir;
        FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
        auto store = SurveyStore::create(dir.filePath(u"s.fsv"_s), clock);
        FS_VERIFY_OK(store);
        auto q = (*store)->backupQuestionnaire();
        FS_VERIFY_OK(q);
        QVERIFY(!q->uuid.isEmpty());
        QVERIFY(q->copies.isEmpty());
        QCOMPARE(q->checklist.size(), BackupClassifier::allTaskKeys().size());
        QSet<QString> uuids;
        for (const BackupTask &t : q->checklist) {
            QVERIFY(BackupClassifier::allTaskKeys().contains(t.key));
            QCOMPARE(t.state, u"open"_s);
            uuids.insert(t.uuid);
        }
        QCOMPARE(uuids.size(), q->checklist.size());
        QCOMPARE(BackupClassifier::assess(*q, kToday).computed, SupportClass::Unclassified);
    }

    // A survey of schema 8 gains the questionnaire when migrated.
    void migratesSchema8()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"old.fsv"_s);
        QVERIFY(QFile::copy(fs::test::sourceDir() + u"/tests/data/surveys/demo-schema-0008.fsv"_s, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        auto store = SurveyStore::open(copy);
        FS_VERIFY_OK(store);
        auto q = (*store)->backupQuestionnaire();
        FS_VERIFY_OK(q);
        QCOMPARE(q->checklist.size(), BackupClassifier::allTaskKeys().size());
        QCOMPARE(rawCount(copy, u"SELECT count(*) FROM backup_questionnaire"_s), 1);
    }

    // Answers from a file land in one transaction, audited and queued for the portal; the
    // store's classification equals the file's.
    void storesAnswersAuditedAndQueued()
    {
        QTemporaryDir dir;
        FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
        const QString path = dir.filePath(u"s.fsv"_s);
        auto store = SurveyStore::create(path, clock);
        FS_VERIFY_OK(store);
        (*store)->setActor(u"調査員 山本"_s);
        const int pendingBefore = *(*store)->pendingChangeCount();
        const BackupQuestionnaire answers = load(u"not-applicable-tape-offsite.json"_s);
        FS_VERIFY_OK((*store)->setBackupAnswers(answers));
        auto stored = (*store)->backupQuestionnaire();
        FS_VERIFY_OK(stored);
        QCOMPARE(stored->copies.size(), 2);
        QCOMPARE(stored->copies[1].separation, u"physically_disconnected"_s);
        QCOMPARE(stored->emrVendor, u"富士通Japan"_s);
        QCOMPARE(BackupClassifier::assess(*stored, kToday).computed,
                 BackupClassifier::assess(answers, kToday).computed);
        QCOMPARE(BackupClassifier::assess(*stored, kToday).computed, SupportClass::NotApplicable);
        // questionnaire + two copies in the outbox
        QCOMPARE(*(*store)->pendingChangeCount(), pendingBefore + 3);
        QVERIFY(rawCount(path,
                         u"SELECT count(*) FROM audit_log WHERE entity = 'backup_questionnaire' AND "
                         "field = 'already_operating' AND new_value = 'yes' AND actor = '調査員 山本'"_s) ==
                1);
        QCOMPARE(
            rawCount(path,
                     u"SELECT count(*) FROM audit_log WHERE entity = 'backup_copy' AND action = 'insert'"_s),
            2);

        // Answering again replaces the copies (the old ones become tombstones the sync sends).
        FS_VERIFY_OK((*store)->setBackupAnswers(load(u"support-b-later-year.json"_s)));
        stored = (*store)->backupQuestionnaire();
        QCOMPARE(stored->copies.size(), 1);
        QCOMPARE(rawCount(path, u"SELECT count(*) FROM backup_copy WHERE deleted_at IS NOT NULL"_s), 2);
        QCOMPARE(
            rawCount(path,
                     u"SELECT count(*) FROM outbox WHERE entity = 'backup_copy' AND operation = 'delete'"_s),
            2);
        QCOMPARE(BackupClassifier::assess(*stored, kToday).computed, SupportClass::SupportB);
    }

    // An override or an item not needed without a reason is refused whatever the order of the
    // changes, and a refused edit changes nothing.
    void decisionsNeedReasons()
    {
        QTemporaryDir dir;
        auto store = SurveyStore::create(dir.filePath(u"s.fsv"_s));
        FS_VERIFY_OK(store);
        auto q = (*store)->backupQuestionnaire();
        const FieldRef cls{Entity::BackupQuestionnaire, q->uuid, u"override_class"_s};
        const FieldRef reason{Entity::BackupQuestionnaire, q->uuid, u"override_reason"_s};
        auto refused = (*store)->applyChanges({{cls, u"support_b"_s}});
        QVERIFY(!refused);
        QVERIFY(fs::describe(refused.error()).contains(u"override_reason"_s));
        QCOMPARE((*store)->backupQuestionnaire()->overrideClass, QString());
        // class first, reason second, in one edit: fine
        FS_VERIFY_OK((*store)->applyChanges({{cls, u"support_b"_s}, {reason, u"事務局判断"_s}}));
        QCOMPARE((*store)->backupQuestionnaire()->overrideClass, u"support_b"_s);
        // emptying the reason alone is refused; clearing both works
        QVERIFY(!(*store)->applyChanges({{reason, u"  "_s}}));
        FS_VERIFY_OK((*store)->applyChanges({{reason, u""_s}, {cls, u""_s}}));
        QCOMPARE((*store)->backupQuestionnaire()->overrideClass, QString());

        auto path = (*store)->resolvePath(u"backup.task.restore_test.state"_s);
        FS_VERIFY_OK(path);
        auto notNeeded = (*store)->applyChanges({{*path, u"not_needed"_s}});
        QVERIFY(!notNeeded);
        QVERIFY(fs::describe(notNeeded.error()).contains(u"restore_test"_s));
        auto why = (*store)->resolvePath(u"backup.task.restore_test.reason"_s);
        FS_VERIFY_OK((*store)->applyChanges({{*path, u"not_needed"_s}, {*why, u"今年度ベンダーが実施済"_s}}));
        // a choice outside the list is refused
        auto method = (*store)->resolvePath(u"backup.new_server"_s);
        FS_VERIFY_OK(method);
        QVERIFY(!(*store)->applyChanges({{*method, u"soon"_s}}));
    }

    // A failing answers file changes nothing already saved.
    void failedAnswersChangeNothing()
    {
        QTemporaryDir dir;
        auto store = SurveyStore::create(dir.filePath(u"s.fsv"_s));
        FS_VERIFY_OK(store);
        FS_VERIFY_OK((*store)->setBackupAnswers(load(u"support-a-new-server.json"_s)));
        const BackupQuestionnaire before = *(*store)->backupQuestionnaire();
        BackupQuestionnaire bad = load(u"support-b-later-year.json"_s);
        bad.copies.append(BackupCopy{});
        bad.copies.last().method = u"floppy"_s; // refused by the store's own check
        QVERIFY(!(*store)->setBackupAnswers(bad));
        QCOMPARE(*(*store)->backupQuestionnaire(), before);
    }

    void copyPathsResolve()
    {
        QTemporaryDir dir;
        auto store = SurveyStore::create(dir.filePath(u"s.fsv"_s));
        FS_VERIFY_OK(store);
        BackupCopy c;
        c.method = u"tape"_s;
        auto added = (*store)->addBackupCopy(c);
        FS_VERIFY_OK(added);
        QCOMPARE(added->position, 1);
        auto ref = (*store)->resolvePath(u"backup.copy.1.separation"_s);
        FS_VERIFY_OK(ref);
        QCOMPARE(ref->uuid, added->uuid);
        FS_VERIFY_OK((*store)->applyChanges({{*ref, u"physically_disconnected"_s}}));
        QVERIFY(!(*store)->resolvePath(u"backup.copy.2.method"_s));
        QVERIFY(!(*store)->resolvePath(u"backup.task.nothing.state"_s));
        FS_VERIFY_OK((*store)->setRemoved(Entity::BackupCopy, added->uuid, true));
        QVERIFY((*store)->backupQuestionnaire()->copies.isEmpty());
    }

    void demoIsSupportA()
    {
        QTemporaryDir dir;
        auto store = DemoSurvey::createOrReplace(dir.filePath(u"demo.fsv"_s));
        FS_VERIFY_OK(store);
        auto q = (*store)->backupQuestionnaire();
        FS_VERIFY_OK(q);
        QCOMPARE(q->copies.size(), 3);
        QCOMPARE(BackupClassifier::assess(*q, kToday).computed, SupportClass::SupportA);
        // Part of the demo as imported: audited as an import, nothing waiting for the portal.
        QCOMPARE(*(*store)->pendingChangeCount(), 0);
        QCOMPARE(
            rawCount(dir.filePath(u"demo.fsv"_s),
                     u"SELECT count(*) FROM audit_log WHERE entity = 'backup_copy' AND action = 'import'"_s),
            3);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
