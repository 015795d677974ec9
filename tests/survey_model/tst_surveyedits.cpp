#include "demosurvey.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs::model;
using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime kStart(QDate(2026, 12, 3), QTime(0, 30), Qt::UTC);

} // namespace

class TestSurveyEdits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    FixedClock m_clock{kStart};
    std::unique_ptr<SurveyStore> m_store;

    QVariant value(const QString &path)
    {
        auto ref = m_store->resolvePath(path);
        if (!ref)
            return QStringLiteral("<%1>").arg(describe(ref.error()));
        auto v = m_store->fieldValue(*ref);
        return v ? *v : QVariant(QStringLiteral("<%1>").arg(describe(v.error())));
    }

    FieldRef ref(const QString &path)
    {
        auto r = m_store->resolvePath(path);
        return r ? *r : FieldRef{};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("edits-%1.fsv").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_clock.set(kStart);
        auto demo = DemoSurvey::createOrReplace(m_path, m_clock);
        QVERIFY2(demo.has_value(), qPrintable(demo ? QString() : describe(demo.error())));
        m_store = std::move(*demo);
        m_store->setActor(QStringLiteral("調査 一郎"));
    }

    void cleanup() { m_store.reset(); }

    void resolvesPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::newRow("hospital") << u"hospital.name"_s << u"hospital"_s << u"name"_s;
        QTest::newRow("survey") << u"survey.note"_s << u"survey"_s << u"note"_s;
        QTest::newRow("line by CAF") << u"line.CAF0002.onu_location_found"_s << u"connection_point"_s
                                     << u"onu_location_found"_s;
        QTest::newRow("line by number") << u"line.4.protection"_s << u"connection_point"_s << u"protection"_s;
        QTest::newRow("device") << u"line.CAF0004.device.2.chain_role"_s << u"device"_s << u"chain_role"_s;
        QTest::newRow("terminal") << u"terminal.5.check_state"_s << u"terminal"_s << u"check_state"_s;
        QTest::newRow("contact") << u"contact.2.phone"_s << u"contact"_s << u"phone"_s;
        QTest::newRow("investigator") << u"investigator.1.role"_s << u"investigator"_s << u"role"_s;
        QTest::newRow("day") << u"day.1.date"_s << u"visit_day"_s << u"date"_s;
        QTest::newRow("step") << u"day.1.step.3.actual_start"_s << u"schedule_step"_s << u"actual_start"_s;
    }

    void resolvesPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, entity);
        QFETCH(QString, field);
        auto r = m_store->resolvePath(path);
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : describe(r.error())));
        QCOMPARE(kEntityKeys.key(r->entity), entity);
        QCOMPARE(r->field, field);
        QVERIFY(!r->uuid.isEmpty());
    }

    void rejectsBadPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no field") << u"hospital"_s << int(fs::ErrorCode::InvalidArgument) << u"expected"_s;
        QTest::newRow("unknown entity")
            << u"router.1.name"_s << int(fs::ErrorCode::InvalidArgument) << u"unknown entity"_s;
        QTest::newRow("unknown field")
            << u"line.CAF0001.colour"_s << int(fs::ErrorCode::InvalidArgument) << u"editable:"_s;
        QTest::newRow("identity is not editable")
            << u"line.CAF0001.caf_id"_s << int(fs::ErrorCode::InvalidArgument) << u"not an editable field"_s;
        QTest::newRow("missing line")
            << u"line.CAF0042.note"_s << int(fs::ErrorCode::NotFound) << u"CAF0042"_s;
        QTest::newRow("missing terminal")
            << u"terminal.9.note"_s << int(fs::ErrorCode::NotFound) << u"terminal 9"_s;
        QTest::newRow("zero index") << u"contact.0.name"_s << int(fs::ErrorCode::InvalidArgument)
                                    << u"contact"_s;
        QTest::newRow("missing device")
            << u"line.1.device.7.note"_s << int(fs::ErrorCode::NotFound) << u"device 7"_s;
        QTest::newRow("bad line id") << u"line.x.note"_s << int(fs::ErrorCode::InvalidArgument)
                                     << u"neither"_s;
        QTest::newRow("too deep") << u"terminal.1.note.extra"_s << int(fs::ErrorCode::InvalidArgument)
                                  << u"terminal"_s;
    }

    void rejectsBadPaths()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        auto r = m_store->resolvePath(path);
        QVERIFY(!r.has_value());
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(r.error().detail.contains(mentions), qPrintable(r.error().detail));
    }

    void editIsDurableAuditedAndQueued()
    {
        m_clock.set(kStart.addSecs(60));
        auto applied =
            m_store->applyChanges({FieldChange{ref(QStringLiteral("line.CAF0001.onu_location_found")),
                                               QStringLiteral("本館 3F 2番ラック")},
                                   FieldChange{ref(QStringLiteral("line.CAF0001.onu_location_status")),
                                               QStringLiteral("corrected")}});
        QVERIFY2(applied.has_value(), qPrintable(applied ? QString() : describe(applied.error())));
        QCOMPARE(applied->size(), 2);
        QCOMPARE(applied->at(1).oldValue.toString(), QStringLiteral("unchecked"));
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), 1); // one row, two fields

        // Durable: a fresh connection sees it (the edit call returned after COMMIT).
        m_store.reset();
        auto reopened = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        QVERIFY(reopened.has_value());
        m_store = std::move(*reopened);
        QCOMPARE(value(QStringLiteral("line.1.onu_location_found")).toString(),
                 QStringLiteral("本館 3F 2番ラック"));

        auto trail = m_store->auditTrail();
        QVERIFY(trail.has_value());
        const AuditEntry &last = trail->constLast();
        QCOMPARE(last.actor, QStringLiteral("調査 一郎"));
        QCOMPARE(last.action, QStringLiteral("update"));
        QCOMPARE(last.entity, QStringLiteral("connection_point"));
        QCOMPARE(last.field, QStringLiteral("onu_location_status"));
        QCOMPARE(last.oldValue.toString(), QStringLiteral("unchecked"));
        QCOMPARE(last.newValue.toString(), QStringLiteral("corrected"));
        QCOMPARE(last.at, kStart.addSecs(60));
        auto info = m_store->surveyInfo();
        QCOMPARE(info->updatedAt, kStart.addSecs(60));
    }

    void unchangedValuesAreSkipped()
    {
        const int before = int(m_store->auditTrail()->size());
        auto applied = m_store->applyChanges(
            {FieldChange{ref(QStringLiteral("hospital.name")), QStringLiteral("さぬき中央病院")}});
        QVERIFY(applied.has_value());
        QVERIFY(applied->isEmpty());
        QCOMPARE(int(m_store->auditTrail()->size()), before);
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), 0);
    }

    void valuesAreNormalised_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QVariant>("stored");
        QTest::newRow("time") << u"day.1.step.2.planned_start"_s << u"9:5"_s
                              << QVariant(QStringLiteral("09:05"));
        QTest::newRow("timestamp to UTC") << u"day.1.step.1.actual_start"_s << u"2026-12-03T09:02:00+09:00"_s
                                          << QVariant(QStringLiteral("2026-12-03T00:02:00.000Z"));
        QTest::newRow("empty timestamp is NULL") << u"day.1.step.1.actual_end"_s << u""_s << QVariant();
        QTest::newRow("date") << u"day.1.date"_s << u"2026-12-04"_s << QVariant(QStringLiteral("2026-12-04"));
        QTest::newRow("integer") << u"hospital.beds"_s << u" 321 "_s << QVariant(321);
        QTest::newRow("empty integer is NULL") << u"hospital.beds"_s << u""_s << QVariant();
        QTest::newRow("key") << u"line.2.protection"_s << u"ipsec"_s << QVariant(QStringLiteral("ipsec"));
        QTest::newRow("text kept as typed") << u"terminal.1.note"_s << u"  立会い: 情報システム課  "_s
                                            << QVariant(QStringLiteral("  立会い: 情報システム課  "));
    }

    void valuesAreNormalised()
    {
        QFETCH(QString, path);
        QFETCH(QString, input);
        QFETCH(QVariant, stored);
        auto applied = m_store->applyChanges({FieldChange{ref(path), input}});
        QVERIFY2(applied.has_value(), qPrintable(applied ? QString() : describe(applied.error())));
        const QVariant actual = value(path);
        QCOMPARE(actual.isNull(), stored.isNull());
        if (!stored.isNull())
            QCOMPARE(actual.toString(), stored.toString());
    }

    void invalidChangeRejectsTheWholeBatch_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("input");
        QTest::newRow("bad key") << u"line.1.protection"_s << u"strong"_s;
        QTest::newRow("bad time") << u"day.1.step.2.planned_end"_s << u"25:00"_s;
        QTest::newRow("bad date") << u"day.1.date"_s << u"2026-02-30"_s;
        QTest::newRow("bad integer") << u"hospital.beds"_s << u"三百"_s;
        QTest::newRow("bad timestamp") << u"day.1.step.1.actual_start"_s << u"yesterday"_s;
    }

    void invalidChangeRejectsTheWholeBatch()
    {
        QFETCH(QString, path);
        QFETCH(QString, input);
        const int auditBefore = int(m_store->auditTrail()->size());
        auto applied =
            m_store->applyChanges({FieldChange{ref(QStringLiteral("hospital.name")), QStringLiteral("別名")},
                                   FieldChange{ref(path), input}});
        QVERIFY(!applied.has_value());
        QCOMPARE(applied.error().code, fs::ErrorCode::InvalidData);
        QVERIFY2(applied.error().detail.contains(input), qPrintable(applied.error().detail));
        QCOMPARE(value(QStringLiteral("hospital.name")).toString(), QStringLiteral("さぬき中央病院"));
        QCOMPARE(int(m_store->auditTrail()->size()), auditBefore);
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), 0);
    }

    void linesFoundOnSiteGetNewCafIdsNeverReused()
    {
        ConnectionPoint found;
        found.origin = Origin::FoundOnSite;
        found.equipmentType = EquipmentType::MobileRouter;
        found.cafId = QStringLiteral("CAF0001"); // ignored: the store assigns
        found.onuLocationFound = QStringLiteral("医局 机の下");
        Device router;
        router.maker = QStringLiteral("NEC");
        router.model = QStringLiteral("Aterm MR10LN");
        found.devices = {router};
        auto added = m_store->addConnectionPoint(found);
        QVERIFY2(added.has_value(), qPrintable(added ? QString() : describe(added.error())));
        QCOMPARE(added->cafId, QStringLiteral("CAF0005"));
        QCOMPARE(added->lineNo, 5);
        QCOMPARE(added->origin, Origin::FoundOnSite);
        QCOMPARE(added->devices.size(), 1);
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), 2); // the line and its device

        QVERIFY(m_store->setRemoved(Entity::ConnectionPoint, added->uuid, true).has_value());
        QCOMPARE(m_store->connectionPoints()->size(), 4);
        auto again = m_store->addConnectionPoint(found);
        QVERIFY(again.has_value());
        QCOMPARE(again->cafId, QStringLiteral("CAF0006"));
        QCOMPARE(again->lineNo, 6);

        // A removed row cannot be removed twice; it can come back.
        auto twice = m_store->setRemoved(Entity::ConnectionPoint, added->uuid, true);
        QVERIFY(!twice.has_value());
        QCOMPARE(twice.error().code, fs::ErrorCode::NotFound);
        QVERIFY(m_store->setRemoved(Entity::ConnectionPoint, added->uuid, false).has_value());
        QCOMPARE(m_store->connectionPoints()->size(), 6);
        // Rows without tombstones cannot be removed.
        QVERIFY(!m_store->setRemoved(Entity::Hospital, m_store->hospital()->uuid, true).has_value());
    }

    void editorUndoAndRedoAreEditsToo()
    {
        SurveyEditor editor(*m_store);
        QSignalSpy changed(&editor, &SurveyEditor::changed);
        const FieldRef note = ref(QStringLiteral("terminal.2.note"));
        QVERIFY(editor.setField(note, QStringLiteral("12:00 以降のみ操作可"), QStringLiteral("note")));
        QCOMPARE(editor.undoStack()->count(), 1);
        QCOMPARE(editor.undoStack()->undoText(), QStringLiteral("note"));
        QCOMPARE(value(QStringLiteral("terminal.2.note")).toString(), QStringLiteral("12:00 以降のみ操作可"));

        editor.undoStack()->undo();
        QCOMPARE(value(QStringLiteral("terminal.2.note")).toString(), QString());
        editor.undoStack()->redo();
        QCOMPARE(value(QStringLiteral("terminal.2.note")).toString(), QStringLiteral("12:00 以降のみ操作可"));
        QCOMPARE(changed.count(), 3);

        // Each step is in the audit trail: the edit, its undo, its redo.
        int updates = 0;
        const auto trail = m_store->auditTrail();
        QVERIFY(trail.has_value());
        for (const AuditEntry &e : *trail)
            updates += e.entityUuid == note.uuid && e.field == QStringLiteral("note") ? 1 : 0;
        QCOMPARE(updates, 3);

        // Setting a field to what it holds pushes nothing.
        QVERIFY(editor.setField(note, QStringLiteral("12:00 以降のみ操作可"), QStringLiteral("same")));
        QCOMPARE(editor.undoStack()->count(), 1);
    }

    void editorUndoesAddAndRemove()
    {
        SurveyEditor editor(*m_store);
        ConnectionPoint found;
        found.origin = Origin::FoundOnSite;
        found.equipmentType = EquipmentType::UsbDongle;
        auto added = editor.addConnectionPoint(found, QStringLiteral("add line"));
        QVERIFY(added.has_value());
        QCOMPARE(m_store->connectionPoints()->size(), 5);
        editor.undoStack()->undo();
        QCOMPARE(m_store->connectionPoints()->size(), 4);
        editor.undoStack()->redo();
        QCOMPARE(m_store->connectionPoints()->size(), 5);
        QCOMPARE(m_store->connectionPoints()->last().cafId, QStringLiteral("CAF0005"));

        const QString terminal = m_store->terminals()->first().uuid;
        QVERIFY(editor.remove(Entity::Terminal, terminal, QStringLiteral("remove terminal")));
        QCOMPARE(m_store->terminals()->size(), 4);
        editor.undoStack()->undo();
        QCOMPARE(m_store->terminals()->size(), 5);
    }

    void editorReportsFailuresAndPushesNothing()
    {
        m_store.reset();
        auto readOnly = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        QVERIFY(readOnly.has_value());
        m_store = std::move(*readOnly);
        SurveyEditor editor(*m_store);
        QSignalSpy failed(&editor, &SurveyEditor::failed);
        QVERIFY(!editor.setField(ref(QStringLiteral("hospital.name")), QStringLiteral("x"),
                                 QStringLiteral("rename")));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<fs::Error>().code, fs::ErrorCode::ReadOnly);
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    // A process killed while taking the lock leaves an empty lock file: it is taken over.
    void emptyLockFileIsTakenOver()
    {
        m_store.reset();
        QVERIFY(fs::test::writeFile(m_path + QStringLiteral(".lock"), QByteArray()));
        auto store = SurveyStore::open(m_path);
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
    }

    void secondEditorOfTheSameFileIsRefused()
    {
        auto second = SurveyStore::open(m_path);
        QVERIFY(!second.has_value());
        QCOMPARE(second.error().code, fs::ErrorCode::Locked);
        QVERIFY2(second.error().detail.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(second.error().detail));
        // Reading alongside is fine.
        auto reader = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->hospital()->name, QStringLiteral("さぬき中央病院"));
        // Once the editor closes, the file can be edited again.
        m_store.reset();
        QVERIFY(SurveyStore::open(m_path).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSurveyEdits)
#include "tst_surveyedits.moc"
