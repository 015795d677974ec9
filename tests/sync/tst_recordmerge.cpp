// The three-way merge of the survey record, decision by decision, and the update it produces.
#include "fieldmapping.h"
#include "recordmerge.h"

#include <QJsonArray>
#include <QTest>

using namespace fs;
using namespace fs::sync;

namespace {

const QString kSurvey = QStringLiteral("survey-uuid");
const QString kHospital = QStringLiteral("hospital-uuid");

PortalRecord record(const QHash<QString, QString> &fields,
                    const QHash<QString, QList<PortalRow>> &tables = {})
{
    PortalRecord r;
    r.id = QStringLiteral("7");
    r.revision = QStringLiteral("3");
    r.modifier = QStringLiteral("lead");
    r.surveyUuid = kSurvey;
    r.hospitalUuid = kHospital;
    r.fields = fields;
    r.tables = tables;
    return r;
}

PortalRow line(const QString &key, const QString &note, const QString &rowId = {})
{
    return PortalRow{
        rowId, key, {{QStringLiteral("line_uuid"), key}, {QStringLiteral("line_note"), note}}, 0};
}

} // namespace

class TestRecordMerge : public QObject
{
    Q_OBJECT

private:
    FieldMapping m_mapping;

private slots:
    void initTestCase()
    {
        auto mapping = FieldMapping::builtIn();
        QVERIFY(mapping);
        m_mapping = *mapping;
    }

    void commentsFromAnotherReviewerAreTakenIn()
    {
        // The portal holds a lead's comment and a line added there; neither is here.
        const PortalRow comment{
            QStringLiteral("41"),
            QStringLiteral("c1"),
            {{QStringLiteral("comment_uuid"), QStringLiteral("c1")},
             {QStringLiteral("comment_target_entity"), QStringLiteral("connection_point")},
             {QStringLiteral("comment_target_uuid"), QStringLiteral("l1")},
             {QStringLiteral("comment_author"), QStringLiteral("リーダー 佐藤")},
             {QStringLiteral("comment_body"), QStringLiteral("写真を追加")}},
            0};
        const PortalRecord server = record({{QStringLiteral("survey_uuid"), kSurvey}},
                                           {{QStringLiteral("review_comments"), {comment}},
                                            {QStringLiteral("lines"),
                                             {line(QStringLiteral("l1"), QString(), QStringLiteral("5")),
                                              line(QStringLiteral("l9"), QString(), QStringLiteral("6"))}}});
        const PortalRecord local =
            record({{QStringLiteral("survey_uuid"), kSurvey}},
                   {{QStringLiteral("lines"), {line(QStringLiteral("l1"), QString())}}});
        const MergePlan plan = RecordMerge::merge(m_mapping, &server, local, &server, {});
        QCOMPARE(plan.createLocally.size(), 1);
        QCOMPARE(plan.createLocally.first().first, QStringLiteral("review_comment"));
        const QHash<QString, QString> values = plan.createLocally.first().second;
        QCOMPARE(values.value(QStringLiteral("uuid")), QStringLiteral("c1"));
        QCOMPARE(values.value(QStringLiteral("target_entity")), QStringLiteral("connection_point"));
        QCOMPARE(values.value(QStringLiteral("target_uuid")), QStringLiteral("l1"));
        QCOMPARE(values.value(QStringLiteral("body")), QStringLiteral("写真を追加"));
        // The comment stays on the portal; nothing is sent for it.
        QVERIFY(!plan.tables.contains(QStringLiteral("review_comments")));
        QVERIFY(plan.conflicts.isEmpty());
    }

    void newRecordSendsEverything()
    {
        PortalRecord local = record(
            {{QStringLiteral("survey_uuid"), kSurvey},
             {QStringLiteral("hospital_name"), QStringLiteral("A病院")}},
            {{QStringLiteral("lines"), {line(QStringLiteral("l1"), QStringLiteral("n"))}},
             {QStringLiteral("photos"),
              {PortalRow{
                  {}, QStringLiteral("p1"), {{QStringLiteral("photo_uuid"), QStringLiteral("p1")}}, 0}}}});
        const MergePlan plan = RecordMerge::merge(m_mapping, nullptr, local, nullptr, {});
        QVERIFY(plan.hasPush());
        QVERIFY(!plan.recordExists);
        QVERIFY(plan.sendData);
        QCOMPARE(plan.fields.value(QStringLiteral("hospital_name")), QStringLiteral("A病院"));
        QCOMPARE(plan.tables.value(QStringLiteral("lines")).size(), 1);
        QCOMPARE(plan.filesNeeded,
                 (QList<QPair<QString, QString>>{{QStringLiteral("photo"), QStringLiteral("p1")}}));
        const QJsonObject payload =
            plan.payload(m_mapping, {{QStringLiteral("photo:p1"), QStringLiteral("key-1")},
                                     {QStringLiteral("survey:data"), QStringLiteral("key-d")}});
        const QJsonObject photo = payload.value(QStringLiteral("photos"))
                                      .toObject()
                                      .value(QStringLiteral("value"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QVERIFY(!photo.contains(QStringLiteral("id")));
        QCOMPARE(photo.value(QStringLiteral("value"))
                     .toObject()
                     .value(QStringLiteral("photo_file"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("fileKey"))
                     .toString(),
                 QStringLiteral("key-1"));
        QCOMPARE(payload.value(QStringLiteral("survey_data"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .size(),
                 1);
    }

    void fieldDecisions_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("frozen");
        QTest::addColumn<QString>("outcome"); // same, push, pull, conflict
        QTest::newRow("nobody changed") << "survey_note"
                                        << "a"
                                        << "a"
                                        << "a" << false << "same";
        QTest::newRow("changed here") << "survey_note"
                                      << "a"
                                      << "b"
                                      << "a" << false << "push";
        QTest::newRow("changed on the portal") << "survey_note"
                                               << "a"
                                               << "a"
                                               << "c" << false << "pull";
        QTest::newRow("same change on both") << "survey_note"
                                             << "a"
                                             << "b"
                                             << "b" << false << "same";
        QTest::newRow("different changes") << "survey_note"
                                           << "a"
                                           << "b"
                                           << "c" << false << "conflict";
        QTest::newRow("held while undecided") << "survey_note"
                                              << "a"
                                              << "b"
                                              << "c" << true << "same";
        QTest::newRow("portal changed a computed field") << "source_workbook"
                                                         << "a.xlsx"
                                                         << "a.xlsx"
                                                         << "b.xlsx" << false << "conflict";
        // The review state is the team lead's decision on the portal: taken here like an edit.
        QTest::newRow("portal returned the survey") << "survey_state"
                                                    << "submitted"
                                                    << "submitted"
                                                    << "returned" << false << "pull";
    }

    void fieldDecisions()
    {
        QFETCH(QString, code);
        QFETCH(QString, base);
        QFETCH(QString, local);
        QFETCH(QString, server);
        QFETCH(bool, frozen);
        QFETCH(QString, outcome);
        const PortalRecord b = record({{code, base}});
        const PortalRecord l = record({{code, local}});
        const PortalRecord s = record({{code, server}});
        const MappedField *f = m_mapping.field(code);
        QVERIFY(f);
        QSet<QString> held;
        if (frozen)
            held.insert(RecordMerge::frozenKey(f->entity, kSurvey, f->source));
        const MergePlan plan = RecordMerge::merge(m_mapping, &b, l, &s, held);
        QCOMPARE(plan.fields.contains(code), outcome == QStringLiteral("push"));
        QCOMPARE(plan.toLocal.size(), outcome == QStringLiteral("pull") ? 1 : 0);
        QCOMPARE(plan.conflicts.size(), outcome == QStringLiteral("conflict") ? 1 : 0);
        if (outcome == QStringLiteral("pull")) {
            QCOMPARE(plan.toLocal.first().source, f->source);
            QCOMPARE(plan.toLocal.first().value, server);
        }
        if (outcome == QStringLiteral("conflict")) {
            QCOMPARE(plan.conflicts.first().baseValue, base);
            QCOMPARE(plan.conflicts.first().localValue, local);
            QCOMPARE(plan.conflicts.first().portalValue, server);
            QCOMPARE(plan.conflicts.first().portalModifier, QStringLiteral("lead"));
        }
    }

    void rowsAreMatchedByKey()
    {
        // Base: l1, l2, l3. Here: l1 edited, l2 removed, l4 new. Portal: l3 deleted, l5 added by the
        // lead, and a second copy of l1.
        const PortalRecord base =
            record({}, {{QStringLiteral("lines"),
                         {line(QStringLiteral("l1"), QStringLiteral("x"), QStringLiteral("101")),
                          line(QStringLiteral("l2"), QStringLiteral("x"), QStringLiteral("102")),
                          line(QStringLiteral("l3"), QStringLiteral("x"), QStringLiteral("103"))}}});
        PortalRecord local = record({}, {{QStringLiteral("lines"),
                                          {line(QStringLiteral("l1"), QStringLiteral("edited")),
                                           line(QStringLiteral("l3"), QStringLiteral("x")),
                                           line(QStringLiteral("l4"), QStringLiteral("new"))}}});
        local.removed[QStringLiteral("lines")].insert(QStringLiteral("l2"));
        const PortalRecord server =
            record({}, {{QStringLiteral("lines"),
                         {line(QStringLiteral("l1"), QStringLiteral("x"), QStringLiteral("101")),
                          line(QStringLiteral("l2"), QStringLiteral("x"), QStringLiteral("102")),
                          line(QStringLiteral("l5"), QStringLiteral("lead's"), QStringLiteral("105")),
                          line(QStringLiteral("l1"), QStringLiteral("x"), QStringLiteral("106"))}}});
        const MergePlan plan = RecordMerge::merge(m_mapping, &base, local, &server, {});
        QCOMPARE(plan.removeLocally, (QList<QPair<QString, QString>>{
                                         {QStringLiteral("connection_point"), QStringLiteral("l3")}}));
        const QList<MergePlan::Row> rows = plan.tables.value(QStringLiteral("lines"));
        QStringList sent;
        for (const MergePlan::Row &r : rows)
            sent << r.key + QLatin1Char('@') + r.rowId;
        // l1 by its first row id with only the changed field; l4 new; the lead's l5 kept by id;
        // l2 (removed here) and the duplicate of l1 left out, so the portal deletes them.
        QCOMPARE(sent,
                 (QStringList{QStringLiteral("l1@101"), QStringLiteral("l4@"), QStringLiteral("l5@105")}));
        QCOMPARE(rows.at(0).values,
                 (QHash<QString, QString>{{QStringLiteral("line_note"), QStringLiteral("edited")}}));
        QVERIFY(rows.at(2).values.isEmpty());
        const QJsonArray payload = plan.payload(m_mapping, {})
                                       .value(QStringLiteral("lines"))
                                       .toObject()
                                       .value(QStringLiteral("value"))
                                       .toArray();
        QCOMPARE(payload.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("105"));
        QVERIFY(payload.at(2).toObject().value(QStringLiteral("value")).toObject().isEmpty());
    }

    void portalDeletionOfAnEditedRowKeepsIt()
    {
        const PortalRecord base =
            record({}, {{QStringLiteral("lines"),
                         {line(QStringLiteral("l1"), QStringLiteral("x"), QStringLiteral("101"))}}});
        const PortalRecord local = record(
            {}, {{QStringLiteral("lines"), {line(QStringLiteral("l1"), QStringLiteral("edited here"))}}});
        const PortalRecord server = record({}, {{QStringLiteral("lines"), {}}});
        const MergePlan plan = RecordMerge::merge(m_mapping, &base, local, &server, {});
        QVERIFY(plan.removeLocally.isEmpty());
        QCOMPARE(plan.tables.value(QStringLiteral("lines")).size(), 1);
        QVERIFY(plan.tables.value(QStringLiteral("lines")).first().rowId.isEmpty());
    }

    void unchangedTablesAreNotSent()
    {
        const PortalRecord same =
            record({{QStringLiteral("survey_note"), QStringLiteral("a")}},
                   {{QStringLiteral("lines"),
                     {line(QStringLiteral("l1"), QStringLiteral("x"), QStringLiteral("101"))}}});
        PortalRecord local = same;
        local.tables[QStringLiteral("lines")][0].rowId.clear();
        local.dataSha256 = QStringLiteral("abc");
        PortalRecord server = same;
        server.dataFileName = PortalRecord::dataFileNameFor(QStringLiteral("abc"));
        const MergePlan plan = RecordMerge::merge(m_mapping, &same, local, &server, {});
        QVERIFY(!plan.hasPush());
        server.dataFileName = PortalRecord::dataFileNameFor(QStringLiteral("old"));
        QVERIFY(RecordMerge::merge(m_mapping, &same, local, &server, {}).sendData);
    }
};

QTEST_GUILESS_MAIN(TestRecordMerge)
#include "tst_recordmerge.moc"
