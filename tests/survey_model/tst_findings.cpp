// The rules engine over captured facts (lines, devices, terminals) and the investigator's
// judgment on its findings: edits the rules never overwrite, dismissals with reasons, own
// findings, undo, audit.
#include "clock.h"
#include "demosurvey.h"
#include "devicerules.h"
#include "findingsengine.h"
#include "resultcheck.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "testpaths.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs::model;

namespace {

QStringList ruleIds(const QList<Finding> &findings, const QString &entity = {}, qint64 id = 0)
{
    QStringList ids;
    for (const Finding &f : findings) {
        if (entity.isEmpty() || (f.targetEntity == entity && f.targetId == id))
            ids << f.ruleId;
    }
    ids.sort();
    return ids;
}

const Finding *byRule(const QList<Finding> &findings, const QString &rule, qint64 id = 0)
{
    for (const Finding &f : findings) {
        if (f.ruleId == rule && (id == 0 || f.targetId == id))
            return &f;
    }
    return nullptr;
}

ConnectionPoint line(QString purpose = {})
{
    ConnectionPoint cp;
    cp.id = 7;
    cp.cafId = QStringLiteral("CAF0007");
    cp.purpose = std::move(purpose);
    return cp;
}

Device device(qint64 id, const QMap<QString, QString> &facts)
{
    Device d;
    d.id = id;
    d.hostname = QStringLiteral("edge-%1").arg(id);
    for (auto it = facts.cbegin(); it != facts.cend(); ++it)
        d.facts << Observation{0, {}, it.key(), it.value(), FactSource::Ssh, {}, 0};
    return d;
}

QList<Finding> evaluateLine(const ConnectionPoint &cp, const QList<ScanPort> &ports = {})
{
    FindingsInput input;
    input.data.connectionPoints << cp;
    input.scanPorts = ports;
    input.asOf = QDate(2026, 11, 24);
    return FindingsEngine::evaluate(input);
}

} // namespace

class TestFindings : public QObject
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

    // ---- the connection-point rules, at their edges

    void emrReachability_data()
    {
        QTest::addColumn<EmrReachability>("reach");
        QTest::addColumn<Protection>("protection");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("confirm");
        QTest::newRow("direct, unencrypted")
            << EmrReachability::Direct << Protection::None << QStringLiteral("danger") << false;
        QTest::newRow("direct, not yet known")
            << EmrReachability::Direct << Protection::Unknown << QStringLiteral("caution") << true;
        QTest::newRow("direct over IPsec")
            << EmrReachability::Direct << Protection::Ipsec << QString() << false;
        QTest::newRow("direct, closed network")
            << EmrReachability::Direct << Protection::ClosedNetwork << QString() << false;
        QTest::newRow("not direct, unencrypted")
            << EmrReachability::NotDirect << Protection::None << QString() << false;
        QTest::newRow("unknown reachability")
            << EmrReachability::Unknown << Protection::None << QString() << false;
    }

    void emrReachability()
    {
        QFETCH(EmrReachability, reach);
        QFETCH(Protection, protection);
        QFETCH(QString, status);
        QFETCH(bool, confirm);
        ConnectionPoint cp = line();
        cp.emrReachability = reach;
        cp.protection = protection;
        const QList<Finding> found = evaluateLine(cp);
        const Finding *f = byRule(found, QStringLiteral("line.emr_direct_unencrypted"));
        if (status.isEmpty()) {
            QVERIFY2(!f, qPrintable(ruleIds(found).join(QLatin1Char(','))));
            return;
        }
        QVERIFY(f);
        QCOMPARE(f->status, status);
        QCOMPARE(f->needsConfirmation, confirm);
        QCOMPARE(f->targetEntity, QStringLiteral("connection_point"));
        QCOMPARE(f->targetId, cp.id);
        QVERIFY(f->evidence.contains(cp.cafId));
        QVERIFY(!f->recommendation.isEmpty());
    }

    void lineRules_data()
    {
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("ipAssignment");
        QTest::addColumn<QString>("wantsScan");
        QTest::addColumn<QString>("scanIp");
        QTest::addColumn<bool>("foundOnSite");
        QTest::addColumn<QStringList>("rules");
        QTest::newRow("plain declared line")
            << QStringLiteral("電子カルテ") << QStringLiteral("固定IP") << QStringLiteral("調査希望あり")
            << QString() << false << QStringList{};
        QTest::newRow("remote maintenance")
            << QStringLiteral("リモート保守(放射線)") << QString() << QString() << QString() << false
            << QStringList{QStringLiteral("line.remote_maintenance")};
        QTest::newRow("vendor maintenance line")
            << QStringLiteral("PACS 保守回線") << QString() << QString() << QString() << false
            << QStringList{QStringLiteral("line.remote_maintenance")};
        QTest::newRow("maintenance-free purpose")
            << QStringLiteral("医事会計") << QString() << QString() << QString() << false << QStringList{};
        QTest::newRow("dynamic IP, scan wanted, not confirmed")
            << QStringLiteral("地域連携") << QStringLiteral("動的IP") << QStringLiteral("調査希望あり")
            << QString() << false << QStringList{QStringLiteral("line.dynamic_ip_unconfirmed")};
        QTest::newRow("dynamic IP confirmed on the scan day")
            << QStringLiteral("地域連携") << QStringLiteral("動的IP") << QStringLiteral("調査希望あり")
            << QStringLiteral("203.0.113.77") << false << QStringList{};
        QTest::newRow("dynamic IP, no scan wanted")
            << QStringLiteral("地域連携") << QStringLiteral("動的IP") << QStringLiteral("調査希望なし")
            << QString() << false << QStringList{};
        QTest::newRow("undeclared line") << QStringLiteral("不明") << QString() << QString() << QString()
                                         << true << QStringList{QStringLiteral("line.undeclared")};
    }

    void lineRules()
    {
        QFETCH(QString, purpose);
        QFETCH(QString, ipAssignment);
        QFETCH(QString, wantsScan);
        QFETCH(QString, scanIp);
        QFETCH(bool, foundOnSite);
        QFETCH(QStringList, rules);
        ConnectionPoint cp = line(purpose);
        cp.ipAssignment = ipAssignment;
        cp.wantsVulnerabilityScan = wantsScan;
        cp.scanIp = scanIp;
        cp.origin = foundOnSite ? Origin::FoundOnSite : Origin::Declared;
        rules.sort();
        QCOMPARE(ruleIds(evaluateLine(cp)), rules);
    }

    void managementServicesOnTheScan()
    {
        ConnectionPoint cp = line();
        cp.globalIp = QStringLiteral("198.51.100.25");
        const auto port = [&](int number, const QString &protocol, const QString &service,
                              const QString &state, qint64 lineId) {
            ScanPort p;
            p.connectionPointId = lineId;
            p.address = cp.globalIp;
            p.port = number;
            p.protocol = protocol;
            p.service = service;
            p.state = state;
            return p;
        };
        // Nothing open, or open elsewhere: no finding.
        QVERIFY(!byRule(
            evaluateLine(
                cp, {port(22, QStringLiteral("tcp"), QStringLiteral("ssh"), QStringLiteral("closed"), cp.id),
                     port(22, QStringLiteral("tcp"), QStringLiteral("ssh"), QStringLiteral("open"), 99)}),
            QStringLiteral("line.mgmt_exposed")));
        // A web service alone is caution (admin page or SSL-VPN portal: to be confirmed).
        const QList<Finding> web = evaluateLine(
            cp, {port(443, QStringLiteral("tcp"), QStringLiteral("https"), QStringLiteral("open"), cp.id)});
        const Finding *w = byRule(web, QStringLiteral("line.mgmt_exposed"));
        QVERIFY(w);
        QCOMPARE(w->status, QStringLiteral("caution"));
        QVERIFY(w->needsConfirmation);
        // A UDP port nmap got no answer from (open|filtered) is no evidence either way: no finding.
        QVERIFY(!byRule(evaluateLine(cp, {port(161, QStringLiteral("udp"), QStringLiteral("snmp"),
                                               QStringLiteral("open|filtered"), cp.id)}),
                        QStringLiteral("line.mgmt_exposed")));
        // SSH, Telnet or SNMP answering on the internet is danger.
        const QList<Finding> hard = evaluateLine(
            cp, {port(443, QStringLiteral("tcp"), QStringLiteral("https"), QStringLiteral("open"), cp.id),
                 port(161, QStringLiteral("udp"), QStringLiteral("snmp"), QStringLiteral("open"), cp.id)});
        const Finding *h = byRule(hard, QStringLiteral("line.mgmt_exposed"));
        QVERIFY(h);
        QCOMPARE(h->status, QStringLiteral("danger"));
        QVERIFY2(h->evidence.contains(QStringLiteral("161/udp")) &&
                     h->evidence.contains(QStringLiteral("443/tcp")),
                 qPrintable(h->evidence));
    }

    void managementServicesInTheConfiguration_data()
    {
        QTest::addColumn<QString>("services");
        QTest::addColumn<QStringList>("rules");
        QTest::newRow("FortiGate: HTTPS and SSH on wan1")
            << QStringLiteral("wan1: ping https ssh; internal: ping https ssh http")
            << QStringList{QStringLiteral("device.mgmt_on_wan"), QStringLiteral("device.plaintext_mgmt")};
        QTest::newRow("FortiGate: only ping on wan1")
            << QStringLiteral("wan1: ping; internal: ping https ssh") << QStringList{};
        QTest::newRow("ASA: SSH from anywhere on outside")
            << QStringLiteral("ssh 0.0.0.0 0.0.0.0 outside")
            << QStringList{QStringLiteral("device.mgmt_on_wan")};
        QTest::newRow("ASA: SSH from the LAN on inside")
            << QStringLiteral("ssh 192.168.1.0 255.255.255.0 inside") << QStringList{};
        QTest::newRow("IOS: telnet on the vty lines")
            << QStringLiteral("https; ssh telnet") << QStringList{QStringLiteral("device.plaintext_mgmt")};
        QTest::newRow("ProCurve: disabled telnet")
            << QStringLiteral("no telnet-server; ip ssh") << QStringList{};
    }

    void managementServicesInTheConfiguration()
    {
        QFETCH(QString, services);
        QFETCH(QStringList, rules);
        ConnectionPoint cp = line();
        cp.devices << device(31, {{QStringLiteral("remote_admin_services"), services}});
        rules.sort();
        QCOMPARE(ruleIds(evaluateLine(cp), QStringLiteral("device"), 31), rules);
    }

    void firmwareInAKnownExploitedRangeIsDanger()
    {
        ConnectionPoint cp = line();
        cp.devices << device(41,
                             {{QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                              {QStringLiteral("model"), QStringLiteral("FortiGate-60F")},
                              {QStringLiteral("firmware"), QStringLiteral("v7.0.7,build0367,221005 (GA.F)")},
                              {QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes")}});
        cp.devices << device(42,
                             {{QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                              {QStringLiteral("model"), QStringLiteral("FortiGate-60F")},
                              {QStringLiteral("firmware"), QStringLiteral("v7.4.8,build2795,250523 (GA.M)")},
                              {QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes")}});
        cp.devices << device(43, {{QStringLiteral("vendor"), QStringLiteral("Yamaha")},
                                  {QStringLiteral("model"), QStringLiteral("RTX1220")},
                                  {QStringLiteral("firmware"), QStringLiteral("Rev.14.01.40")}});
        const QList<Finding> found = evaluateLine(cp);
        const Finding *old = byRule(found, DeviceRules::kFirmwareKev, 41);
        QVERIFY(old);
        QCOMPARE(old->status, QStringLiteral("danger"));
        QCOMPARE(old->targetEntity, QStringLiteral("device"));
        QVERIFY2(old->evidence.contains(QStringLiteral("CVE-2022-42475")), qPrintable(old->evidence));
        // A supported, patched release and a vendor outside KEV are not flagged.
        QVERIFY(!byRule(found, DeviceRules::kFirmwareKev, 42));
        QVERIFY(!byRule(found, DeviceRules::kFirmwareKev, 43));
        // danger first
        QCOMPARE(found.first().status, QStringLiteral("danger"));
    }

    // Device facts come from device output and line texts from the hospital: huge, odd, hostile.
    void hostileFactsAreJudgedWithoutHarm()
    {
        ConnectionPoint cp = line(QString(200000, QLatin1Char('x')) + QStringLiteral("リモート保守"));
        QString services;
        for (int i = 0; i < 20000; ++i)
            services += QStringLiteral("wan%1: ping https; \x01\x7f; : ; no telnet;").arg(i);
        cp.devices << device(51, {{QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                                  {QStringLiteral("firmware"), QString(100000, QLatin1Char('9'))},
                                  {QStringLiteral("remote_admin_services"), services}});
        cp.devices << device(
            52, {{QStringLiteral("remote_admin_services"), QStringLiteral(";;;: :;") + QChar(0)}});
        const QList<Finding> found = evaluateLine(cp);
        QVERIFY(byRule(found, QStringLiteral("line.remote_maintenance")));
        const Finding *wan = byRule(found, QStringLiteral("device.mgmt_on_wan"), 51);
        QVERIFY(wan);
        QVERIFY(!byRule(found, DeviceRules::kFirmwareKev, 51)); // an unparsable version is no finding
        QVERIFY(ruleIds(found, QStringLiteral("device"), 52).isEmpty());
    }

    void rulesTableMatchesTheDocument()
    {
        const QString doc = QString::fromUtf8(
            fs::test::readFile(fs::test::sourceDir() + QStringLiteral("/docs/findings-rules.md")));
        QVERIFY(!doc.isEmpty());
        QStringList inDoc;
        static const QRegularExpression row(QStringLiteral("^\\| `([a-z_.]+)` \\|"),
                                            QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(doc); it.hasNext();)
            inDoc << it.next().captured(1);
        QStringList inCode;
        for (const FindingRule &r : FindingsEngine::rules()) {
            inCode << r.id;
            QVERIFY2(doc.contains(r.text), qPrintable(r.id + QStringLiteral(": text not in the document")));
        }
        QCOMPARE(inDoc, inCode);
    }

    // ---- the store: refresh, the investigator's judgment

    void refreshStoresWhatTheRulesRaise()
    {
        setLine(QStringLiteral("CAF0001"), QStringLiteral("emr_reachability"), QStringLiteral("direct"));
        setLine(QStringLiteral("CAF0001"), QStringLiteral("protection"), QStringLiteral("none"));
        auto refreshed = FindingsEngine::refresh(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(refreshed);
        QVERIFY(refreshed->added >= 3); // EMR direct + the demo's remote-maintenance and dynamic-IP line
        auto stored = m_store->findings();
        FS_VERIFY_OK(stored);
        QVERIFY(byRule(*stored, QStringLiteral("line.emr_direct_unencrypted")));
        // Running again changes nothing and writes no audit rows.
        const auto before = m_store->auditTrail()->size();
        auto again = FindingsEngine::refresh(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(again);
        QCOMPARE(again->added + again->updated + again->removed, 0);
        QCOMPARE(m_store->auditTrail()->size(), before);
        // The merged view (what a read-only report shows) equals what was stored.
        auto current = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(current);
        QCOMPARE(ruleIds(*current), ruleIds(*stored));

        // A fact changes: the finding goes away.
        setLine(QStringLiteral("CAF0001"), QStringLiteral("protection"), QStringLiteral("ipsec"));
        auto third = FindingsEngine::refresh(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(third);
        QCOMPARE(third->removed, 1);
        auto remaining = m_store->findings();
        FS_VERIFY_OK(remaining);
        QVERIFY(!byRule(*remaining, QStringLiteral("line.emr_direct_unencrypted")));
    }

    void rulesNeverOverwriteAnEdit()
    {
        setLine(QStringLiteral("CAF0001"), QStringLiteral("emr_reachability"), QStringLiteral("direct"));
        setLine(QStringLiteral("CAF0001"), QStringLiteral("protection"), QStringLiteral("unknown"));
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        const Finding rule = *byRule(*m_store->findings(), QStringLiteral("line.emr_direct_unencrypted"));
        QCOMPARE(rule.status, QStringLiteral("caution"));

        SurveyEditor editor(*m_store);
        QVERIFY(editor.editFinding(
            rule.uuid, QStringLiteral("danger"), rule.category,
            QStringLiteral("電子カルテ系ネットワークに平文で直接到達できる（現地で確認）"),
            QStringLiteral("FW で通信先を限定してください。"), QStringLiteral("Edit finding")));
        // The facts change so that the rule would say something else, then nothing at all.
        setLine(QStringLiteral("CAF0001"), QStringLiteral("protection"), QStringLiteral("none"));
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        setLine(QStringLiteral("CAF0001"), QStringLiteral("emr_reachability"), QStringLiteral("not_direct"));
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        auto kept = m_store->finding(rule.uuid);
        FS_VERIFY_OK(kept);
        QVERIFY(kept->has_value());
        QCOMPARE((*kept)->status, QStringLiteral("danger"));
        QCOMPARE((*kept)->text,
                 QStringLiteral("電子カルテ系ネットワークに平文で直接到達できる（現地で確認）"));
        QVERIFY(!(*kept)->deleted);
        QCOMPARE((*kept)->editedBy, QStringLiteral("調査 太郎"));
        QVERIFY((*kept)->editedAt.isValid());
        // The read-only view agrees.
        auto current = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(current);
        const Finding *shown = byRule(*current, QStringLiteral("line.emr_direct_unencrypted"));
        QVERIFY(shown);
        QCOMPARE(shown->status, QStringLiteral("danger"));

        // Audited: who changed the status and the text.
        QStringList fields;
        auto trail = m_store->auditTrail();
        FS_VERIFY_OK(trail);
        for (const AuditEntry &e : *trail) {
            if (e.entityUuid == rule.uuid && e.actor == QStringLiteral("調査 太郎"))
                fields << e.field;
        }
        QVERIFY2(fields.contains(QStringLiteral("status")) && fields.contains(QStringLiteral("text")),
                 qPrintable(fields.join(QLatin1Char(','))));

        // Undo puts the rule's words back; the next refresh then follows the facts again.
        editor.undoStack()->undo();
        QVERIFY(!(*m_store->finding(rule.uuid))->isEdited());
        auto refreshed = FindingsEngine::refresh(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(refreshed);
        QCOMPARE(refreshed->removed, 1);
    }

    void dismissalNeedsAReasonAndSurvivesRefresh()
    {
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        const Finding f = *byRule(*m_store->findings(), QStringLiteral("line.remote_maintenance"));
        SurveyEditor editor(*m_store);
        int failures = 0;
        connect(&editor, &SurveyEditor::failed, this, [&failures] { ++failures; });
        Finding noReason = f;
        noReason.dismissed = true;
        auto refused = m_store->saveFinding(noReason);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, fs::ErrorCode::InvalidArgument);

        QVERIFY(editor.dismissFinding(f.uuid, QStringLiteral("保守時のみ物理的に接続する運用を確認済み"),
                                      QStringLiteral("Dismiss")));
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        const Finding after = **m_store->finding(f.uuid);
        QVERIFY(after.dismissed);
        QCOMPARE(after.dismissedReason, QStringLiteral("保守時のみ物理的に接続する運用を確認済み"));
        QCOMPARE(after.dismissedBy, QStringLiteral("調査 太郎"));
        QVERIFY(!after.isActive());
        QCOMPARE(FindingsEngine::worstStatus({after}), QString());
        // Taking it back.
        QVERIFY(editor.dismissFinding(f.uuid, {}, QStringLiteral("Take back")));
        QVERIFY(!(*m_store->finding(f.uuid))->dismissed);
        editor.undoStack()->undo();
        QVERIFY((*m_store->finding(f.uuid))->dismissed);
        QCOMPARE(failures, 0);
    }

    void investigatorsOwnFinding()
    {
        auto lines = m_store->connectionPoints();
        FS_VERIFY_OK(lines);
        SurveyEditor editor(*m_store);
        Finding own;
        own.targetEntity = QStringLiteral("connection_point");
        own.targetId = lines->at(1).id;
        own.status = QStringLiteral("caution");
        own.category = QStringLiteral("物理");
        own.text = QStringLiteral("回線終端装置が施錠されていない廊下の棚にある");
        own.recommendation = QStringLiteral("施錠できる場所へ移設してください。");
        auto added = editor.addFinding(own, QStringLiteral("Add finding"));
        QVERIFY(added);
        QVERIFY(!added->uuid.isEmpty());
        QVERIFY(added->ruleId.isEmpty());
        // Rules never remove the investigator's own finding.
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, QDate(2026, 11, 24)));
        auto ofLine = m_store->findings(QStringLiteral("connection_point"), lines->at(1).uuid);
        FS_VERIFY_OK(ofLine);
        QCOMPARE(ofLine->size(), 1);
        QCOMPARE(ofLine->first().text, own.text);
        // Undo removes it, redo brings it back; a rule finding cannot be removed.
        editor.undoStack()->undo();
        QVERIFY(m_store->findings(QStringLiteral("connection_point"), lines->at(1).uuid)->isEmpty());
        editor.undoStack()->redo();
        QCOMPARE(m_store->findings(QStringLiteral("connection_point"), lines->at(1).uuid)->size(), 1);
        QVERIFY(editor.removeFinding(added->uuid, QStringLiteral("Remove")));
        QVERIFY(m_store->findings(QStringLiteral("connection_point"), lines->at(1).uuid)->isEmpty());
        const Finding rule = *byRule(*m_store->findings(), QStringLiteral("line.remote_maintenance"));
        QVERIFY(!editor.removeFinding(rule.uuid, QStringLiteral("Remove")));
        // A finding about nothing is refused.
        Finding orphan = own;
        orphan.targetId = 999999;
        QVERIFY(!m_store->saveFinding(orphan));
    }

    void terminalFindingsComeFromTheStoredFacts()
    {
        auto terminals = m_store->terminals();
        FS_VERIFY_OK(terminals);
        const Terminal t = terminals->first();
        auto facts = TerminalFacts::fromFile(
            fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json"));
        FS_VERIFY_OK(facts);
        const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), t.systemType});
        FS_VERIFY_OK(m_store->recordTerminalAssessment(t.uuid, *facts, QStringLiteral("EMR-PC01.json"), a));
        auto refreshed = FindingsEngine::refresh(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(refreshed);
        auto ofTerminal = m_store->findings(QStringLiteral("terminal"), t.uuid);
        FS_VERIFY_OK(ofTerminal);
        QCOMPARE(ruleIds(*ofTerminal), ruleIds(a.findings));
        QVERIFY(byRule(*ofTerminal, QStringLiteral("win.os.end_of_servicing")));
    }

    void readOnlySurveyIsNotWritten()
    {
        m_store.reset();
        auto readOnly = SurveyStore::open(m_path, SurveyStore::OpenMode::ReadOnly, m_clock);
        FS_VERIFY_OK(readOnly);
        QVERIFY(!FindingsEngine::refresh(**readOnly, QDate(2026, 11, 24)));
        auto current = FindingsEngine::current(**readOnly, QDate(2026, 11, 24));
        FS_VERIFY_OK(current);
        QVERIFY(byRule(*current, QStringLiteral("line.remote_maintenance")));
        QVERIFY(current->first().uuid.isEmpty()); // raised, not stored
    }

private:
    void setLine(const QString &caf, const QString &field, const QString &value)
    {
        auto ref = m_store->resolvePath(QStringLiteral("line.%1.%2").arg(caf, field));
        FS_VERIFY_OK(ref);
        FS_VERIFY_OK(m_store->applyChanges({FieldChange{*ref, value}}));
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC)};
    std::unique_ptr<SurveyStore> m_store;
};

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"
