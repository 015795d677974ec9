// Recording a terminal's evaluated facts in a real survey file: the five items, the findings (a
// dismissal survives re-evaluation), the facts kept as evidence, and one undo step for all of it.
#include "clock.h"
#include "demosurvey.h"
#include "manualterminalfacts.h"
#include "resultcheck.h"
#include "surveyeditor.h"
#include "surveyprogress.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "testpaths.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs::model;

namespace {

QString exampleFile(const QString &name)
{
    return fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/") + name;
}

QStringList ruleIds(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &f : findings)
        ids << f.ruleId + QLatin1Char('=') + f.status;
    ids.sort();
    return ids;
}

QString checksOf(const Terminal &t)
{
    QStringList items;
    for (const TerminalCheck &c : t.checks)
        items << c.item + QLatin1Char('=') + c.evaluation + QLatin1Char('/') + c.source;
    items.sort();
    return items.join(QLatin1Char(' '));
}

} // namespace

class TestTerminalImport : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("survey-%1.fsv").arg(++m_count));
        auto demo = DemoSurvey::createOrReplace(m_path, m_clock);
        FS_VERIFY_OK(demo);
        m_store = std::move(*demo);
        m_store->setActor(QStringLiteral("調査 太郎"));
    }

    void cleanup() { m_store.reset(); }

    void recordsChecksFindingsAndEvidence()
    {
        const Terminal t = terminal(1);
        auto facts = TerminalFacts::fromFile(exampleFile(QStringLiteral("emr-pc01-win10-22h2-pro.json")));
        FS_VERIFY_OK(facts);
        const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), t.systemType});
        FS_VERIFY_OK(m_store->recordTerminalAssessment(t.uuid, *facts, QStringLiteral("EMR-PC01.json"), a));

        const Terminal after = terminal(1);
        QCOMPARE(checksOf(after),
                 QStringLiteral("antivirus=ok/collector internet=ok/collector os=danger/collector "
                                "usb_storage=caution/collector windows_update=danger/collector"));
        auto findings = m_store->findings(QStringLiteral("terminal"), t.uuid);
        FS_VERIFY_OK(findings);
        QCOMPARE(ruleIds(*findings), ruleIds(a.findings));
        QCOMPARE(findings->first().status, QStringLiteral("danger")); // danger first
        QVERIFY(!findings->first().evidence.isEmpty());

        auto stored = m_store->currentTerminalFacts(t.uuid);
        FS_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->fileName, QStringLiteral("EMR-PC01.json"));
        QCOMPARE((*stored)->computerName, QStringLiteral("EMR-PC01"));
        QCOMPARE((*stored)->source, QStringLiteral("collector"));
        QCOMPARE((*stored)->sha256.size(), 64);
        auto again = TerminalFacts::fromBytes((*stored)->facts, QStringLiteral("stored"));
        FS_VERIFY_OK(again);
        QCOMPARE(again->json(), facts->json());

        // The audit trail names the import and every changed item.
        auto trail = m_store->auditTrail();
        FS_VERIFY_OK(trail);
        QStringList fields;
        for (const auto &e : *trail) {
            if (e.entityUuid == t.uuid)
                fields << e.field;
        }
        QVERIFY2(fields.contains(QStringLiteral("facts")) && fields.contains(QStringLiteral("check:os")),
                 qPrintable(fields.join(QLatin1Char(','))));
        // Survives closing and reopening.
        m_store.reset();
        auto reopened = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        FS_VERIFY_OK(reopened);
        auto again2 = (*reopened)->findings(QStringLiteral("terminal"), t.uuid);
        FS_VERIFY_OK(again2);
        QCOMPARE(again2->size(), a.findings.size());
    }

    void reevaluationKeepsDismissal()
    {
        const Terminal t = terminal(2);
        auto facts = TerminalFacts::fromFile(exampleFile(QStringLiteral("emr-pc01-win10-22h2-pro.json")));
        FS_VERIFY_OK(facts);
        const auto first = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
        FS_VERIFY_OK(m_store->recordTerminalAssessment(t.uuid, *facts, QStringLiteral("a.json"), first));
        // The investigator dismisses the USB finding (the hospital blocks USB by another means).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("UPDATE finding SET dismissed = 1, dismissed_reason = '院内規程で持込禁止' "
                               "WHERE rule_id = 'win.usb.not_blocked'")));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));

        // Re-imported after the updates were applied: the update findings go, the dismissal stays.
        QJsonObject json = facts->json();
        QJsonObject updates = json.value(QStringLiteral("updates")).toObject();
        updates.insert(QStringLiteral("lastInstallSuccess"), QStringLiteral("2026-11-20T01:00:00Z"));
        updates.insert(QStringLiteral("noAutoUpdate"), false);
        json.insert(QStringLiteral("updates"), updates);
        QJsonObject os = json.value(QStringLiteral("os")).toObject();
        os.insert(QStringLiteral("ubr"), 7548);
        json.insert(QStringLiteral("os"), os);
        auto newer = TerminalFacts::fromJson(json, QStringLiteral("b.json"));
        FS_VERIFY_OK(newer);
        const auto second = TerminalEvaluator::evaluate(*newer, {QDate(2026, 11, 24), QString()});
        FS_VERIFY_OK(m_store->recordTerminalAssessment(t.uuid, *newer, QStringLiteral("b.json"), second));
        auto findings = m_store->findings(QStringLiteral("terminal"), t.uuid);
        FS_VERIFY_OK(findings);
        QCOMPARE(ruleIds(*findings), (QStringList{QStringLiteral("win.os.end_of_servicing=danger"),
                                                  QStringLiteral("win.usb.not_blocked=caution")}));
        for (const Finding &f : *findings) {
            if (f.ruleId == QStringLiteral("win.usb.not_blocked")) {
                QVERIFY(f.dismissed);
                QCOMPARE(f.dismissedReason, QStringLiteral("院内規程で持込禁止"));
            }
        }
        QCOMPARE((*m_store->currentTerminalFacts(t.uuid))->fileName, QStringLiteral("b.json"));
    }

    void undoRestoresEverything()
    {
        SurveyEditor editor(*m_store);
        const Terminal before = terminal(3);
        // A hand-entered item first, which the import replaces and undo brings back.
        TerminalCheck manual;
        manual.item = QStringLiteral("usb_storage");
        manual.value = QStringLiteral("閉塞（SKYSEA で制御）");
        manual.evaluation = QStringLiteral("ok");
        QVERIFY(editor.setTerminalCheck(before.uuid, manual, QStringLiteral("manual")));
        const Terminal withManual = terminal(3);

        auto facts = TerminalFacts::fromFile(exampleFile(QStringLiteral("pacs-vw02-ltsc2021.json")));
        FS_VERIFY_OK(facts);
        const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), before.systemType});
        QVERIFY(editor.recordTerminalAssessment(before.uuid, *facts, QStringLiteral("PACS-VW02.json"), a,
                                                QStringLiteral("import")));
        QCOMPARE(terminal(3).checks.size(), 5);
        QCOMPARE(m_store->findings(QStringLiteral("terminal"), before.uuid)->size(), a.findings.size());

        editor.undoStack()->undo();
        QCOMPARE(terminal(3).checks, withManual.checks);
        QVERIFY(m_store->findings(QStringLiteral("terminal"), before.uuid)->isEmpty());
        QVERIFY(!m_store->currentTerminalFacts(before.uuid)->has_value());

        editor.undoStack()->redo();
        QCOMPARE(checksOf(terminal(3)),
                 QStringLiteral("antivirus=ok/collector internet=ok/collector os=caution/collector "
                                "usb_storage=ok/collector windows_update=caution/collector"));
        QCOMPARE(ruleIds(*m_store->findings(QStringLiteral("terminal"), before.uuid)), ruleIds(a.findings));
        QCOMPARE((*m_store->currentTerminalFacts(before.uuid))->fileName, QStringLiteral("PACS-VW02.json"));

        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QCOMPARE(terminal(3).checks, before.checks);
    }

    void unjudgedItemsStayMissing()
    {
        // Entered by hand: only what winver shows. The other items read 不明 and stay on the list
        // of what is missing.
        const Terminal t = terminal(5);
        ManualTerminalFacts form;
        form.editionKey = QStringLiteral("win11-enterprise");
        QVERIFY(form.setBuildText(QStringLiteral("26100.8973")));
        auto facts = TerminalFacts::fromJson(form.toJson(), QStringLiteral("manual"));
        FS_VERIFY_OK(facts);
        const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), t.systemType});
        FS_VERIFY_OK(m_store->recordTerminalAssessment(t.uuid, *facts, QString(), a));
        QStringList missing;
        for (const auto &m : SurveyProgress::terminalMissing(terminal(5)))
            missing << m.field;
        QCOMPARE(missing, (QStringList{QStringLiteral("check_state"), QStringLiteral("internet"),
                                       QStringLiteral("antivirus"), QStringLiteral("usb_storage")}));
        QCOMPARE((*m_store->currentTerminalFacts(t.uuid))->source, QStringLiteral("manual"));
    }

    void badFileChangesNothing()
    {
        const Terminal t = terminal(4);
        const QByteArray bytes =
            fs::test::readFile(exampleFile(QStringLiteral("emr-pc01-win10-22h2-pro.json")));
        auto facts = TerminalFacts::fromBytes(bytes.left(bytes.size() - 40), QStringLiteral("EMR-PC01.json"));
        QVERIFY(!facts);
        QVERIFY2(facts.error().detail.startsWith(QStringLiteral("EMR-PC01.json: line ")),
                 qPrintable(facts.error().detail));
        QCOMPARE(terminal(4), t);
        // A terminal that is not there: nothing is written.
        auto good = TerminalFacts::fromFile(exampleFile(QStringLiteral("emr-pc01-win10-22h2-pro.json")));
        FS_VERIFY_OK(good);
        const auto a = TerminalEvaluator::evaluate(*good, {QDate(2026, 11, 24), QString()});
        auto r = m_store->recordTerminalAssessment(QStringLiteral("no-such-terminal"), *good, QString(), a);
        QVERIFY(!r);
        QCOMPARE(r.error().code, fs::ErrorCode::NotFound);
        QVERIFY(m_store->findings()->isEmpty());
    }

private:
    Terminal terminal(int no) const
    {
        auto terminals = m_store->terminals();
        if (!terminals)
            qFatal("terminals: %s", qPrintable(fs::describe(terminals.error())));
        for (const Terminal &t : *terminals) {
            if (t.terminalNo == no)
                return t;
        }
        qFatal("no terminal %d", no);
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC)};
    std::unique_ptr<SurveyStore> m_store;
};

QTEST_GUILESS_MAIN(TestTerminalImport)
#include "tst_terminalimport.moc"
