// The terminal-facts importer (encodings, hostile input, the schema) and the evaluation rules at
// each rule's edge: OS support by edition on the survey date, updates, internet, antivirus, USB.
#include "jsonschema.h"
#include "manualterminalfacts.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "testpaths.h"
#include "windowslifecycle.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTest>

using namespace fs::model;

// Declared before the raw-string fixtures below, which moc cannot read past.
class TestTerminalFacts : public QObject
{
    Q_OBJECT

private slots:
    void baseIsValidAndClean();
    void rules_data();
    void rules();
    void internetFromEmrTerminal();
    void checkValues();
    void encodings_data();
    void encodings();
    void hostileInput_data();
    void hostileInput();
    void powershellSingleItemArrays();
    void shippedLifecycleMatchesCorpus();
    void productStateDecodingMatchesCorpus();
    void corpusOsSamples_data();
    void corpusOsSamples();
    void rulesTableIsDocumented();
    void schemaIsDocumented();
    void collectorScriptEmitsExactlyTheSchema();
    void collectorScriptIsReadOnly();
    void exampleOutputs_data();
    void exampleOutputs();
    void manualEntry_data();
    void manualEntry();
    void manualEntryRoundTrip();
};

namespace {

// A terminal where every check passes: Windows 11 Enterprise 24H2, patched, Defender on.
QJsonObject baseFacts()
{
    static const QByteArray json = R"({
      "schema": "fieldsurvey-terminal-facts/1",
      "collector": {"name": "fieldsurvey-terminal.ps1", "version": "1.0.0", "elevated": false,
                    "userName": "HOSP\\nurse01", "collectedAtUtc": "2026-11-24T05:10:11.1234567Z",
                    "internetProbe": false, "adminOnlyChecks": ["bitlocker"]},
      "computer": {"status": "ok", "error": null, "needsAdmin": false, "name": "EMR-PC01"},
      "os": {"status": "ok", "error": null, "needsAdmin": false, "caption": "Microsoft Windows 11 Enterprise",
             "version": "10.0.26100", "build": 26100, "ubr": 8973, "displayVersion": "24H2",
             "editionId": "Enterprise", "installationType": "Client", "sku": 4, "productType": 1,
             "productNameRegistry": "Windows 10 Enterprise"},
      "updates": {"status": "ok", "error": null, "needsAdmin": false,
                  "hotfixes": [{"id": "KB5101684", "description": "Security Update", "installedOn": "2026-11-12T00:00:00Z"}],
                  "lastInstallSuccess": "2026-11-12T03:00:00Z", "rebootPending": false},
      "antivirus": {"status": "ok", "error": null, "needsAdmin": false,
                    "products": [{"displayName": "Windows Defender", "productState": 397568,
                                  "pathToSignedProductExe": "windowsdefender://", "exeExists": true}]},
      "defender": {"status": "ok", "error": null, "needsAdmin": false, "amRunningMode": "Normal",
                   "antivirusEnabled": true, "realTimeProtectionEnabled": true,
                   "signatureLastUpdated": "2026-11-23T21:00:00Z", "signatureVersion": "1.441.55.0"},
      "usbStorage": {"status": "ok", "error": null, "needsAdmin": false, "usbstorStart": 4},
      "internet": {"status": "ok", "error": null, "needsAdmin": false, "defaultRoute": true,
                   "profiles": [{"interfaceAlias": "Ethernet", "ipv4Connectivity": "LocalNetwork",
                                 "ipv6Connectivity": "NoTraffic", "networkCategory": "DomainAuthenticated"}],
                   "probePerformed": false},
      "smb1": {"status": "ok", "error": null, "needsAdmin": false, "featureState": 3},
      "rdp": {"status": "ok", "error": null, "needsAdmin": false, "denyTsConnections": 1},
      "firewall": {"status": "ok", "error": null, "needsAdmin": false,
                   "profiles": [{"name": "Domain", "enabled": true}, {"name": "Private", "enabled": true}]},
      "accounts": {"status": "ok", "error": null, "needsAdmin": false, "currentUserIsAdmin": false, "guestEnabled": false},
      "screenLock": {"status": "ok", "error": null, "needsAdmin": false, "inactivityTimeoutSecs": 600}
    })";
    return QJsonDocument::fromJson(json).object();
}

// Merges patch into base: objects recursively, anything else replaces; null removes a key.
QJsonObject merged(QJsonObject base, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merged(base.value(it.key()).toObject(), it.value().toObject()));
        else if (it.value().isNull())
            base.remove(it.key());
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QJsonObject patch(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test patch %s: %s", json, qPrintable(error.errorString()));
    return doc.object();
}

QStringList ruleIds(const TerminalAssessment &a)
{
    QStringList ids;
    for (const Finding &f : a.findings)
        ids << f.ruleId + QLatin1Char('=') + f.status;
    ids.sort();
    return ids;
}

QString evaluations(const TerminalAssessment &a)
{
    QStringList e;
    for (const TerminalCheck &c : a.checks)
        e << c.evaluation;
    return e.join(QLatin1Char(' '));
}

// "Key : Value" lines of a Format-List output (../shared/corpus/terminals/*.txt).
QMap<QString, QString> formatList(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QMap<QString, QString> values;
    static const QRegularExpression line(QStringLiteral("^(\\w+)\\s+:\\s?(.*)$"));
    for (const QString &l : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const auto m = line.match(l.trimmed());
        if (m.hasMatch() && !values.contains(m.captured(1)))
            values.insert(m.captured(1), m.captured(2).trimmed());
    }
    return values;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

} // namespace

void TestTerminalFacts::baseIsValidAndClean()
{
    auto facts = TerminalFacts::fromJson(baseFacts(), QStringLiteral("base"));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QStringLiteral("電子カルテ")});
    QCOMPARE(ruleIds(a), QStringList());
    QCOMPARE(evaluations(a), QStringLiteral("ok ok ok ok ok"));
    QCOMPARE(a.os.name(), QStringLiteral("Windows 11 Enterprise 24H2"));
    QCOMPARE(facts->computerName(), QStringLiteral("EMR-PC01"));
    QCOMPARE(facts->collectedAt(), QDateTime(QDate(2026, 11, 24), QTime(5, 10, 11, 123), Qt::UTC));
}

void TestTerminalFacts::rules_data()
{
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("osName");
    QTest::addColumn<QString>("evaluations"); // os windows_update internet antivirus usb_storage
    QTest::addColumn<QStringList>("rules");

    const QDate day(2026, 11, 24);
    const auto row = [&](const char *name, QDate asOf, const char *p, const char *os, const char *eval,
                         std::initializer_list<const char *> rules) {
        QStringList ids;
        for (const char *r : rules)
            ids << QString::fromUtf8(r);
        QTest::newRow(name) << asOf << QString::fromUtf8(p) << QString::fromUtf8(os)
                            << QString::fromLatin1(eval) << ids;
    };
    // ---- OS support by edition on the survey date
    row("win10 22H2 Pro, no ESU", day,
        R"({"os": {"caption": "Microsoft Windows 10 Pro", "build": 19045, "ubr": 7548, "editionId": "Professional", "sku": 48},
            "esu": {"status": "ok", "licenses": []}})",
        "Windows 10 Pro 22H2", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win10 22H2 Enterprise with ESU", day,
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise", "build": 19045, "ubr": 7548, "editionId": "Enterprise", "sku": 4},
            "esu": {"status": "ok", "licenses": [{"name": "Windows(R), Client-ESU-Year2 add-on for Enterprise", "licenseStatus": 1}]}})",
        "Windows 10 Enterprise 22H2", "caution ok ok ok ok", {"win.os.esu=caution"});
    row("win10 22H2 ESU without the October 2025 LCU", day,
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise", "build": 19045, "ubr": 6093, "editionId": "Enterprise"},
            "esu": {"status": "ok", "licenses": [{"name": "Client-ESU-Year1", "licenseStatus": 1}]}})",
        "Windows 10 Enterprise 22H2", "danger caution ok ok ok",
        {"win.os.esu_prerequisite=danger", "win.update.behind=caution"});
    row("win10 22H2 ESU licence not licensed", day,
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise", "build": 19045, "ubr": 7548, "editionId": "Enterprise"},
            "esu": {"status": "ok", "licenses": [{"name": "Client-ESU-Year1", "licenseStatus": 0}]}})",
        "Windows 10 Enterprise 22H2", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win10 Enterprise LTSC 2021, 49 days left", day,
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise LTSC", "build": 19044, "ubr": 7548, "editionId": "EnterpriseS", "sku": 125}})",
        "Windows 10 Enterprise LTSC 2021", "caution ok ok ok ok", {"win.os.ending_soon=caution"});
    row("win10 Enterprise LTSC 2021, last day", QDate(2027, 1, 12),
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise LTSC", "build": 19044, "ubr": 7548, "editionId": "EnterpriseS"},
            "updates": {"lastInstallSuccess": "2027-01-01T00:00:00Z"}, "defender": {"signatureLastUpdated": "2027-01-11T00:00:00Z"}})",
        "Windows 10 Enterprise LTSC 2021", "caution ok ok ok ok", {"win.os.ending_soon=caution"});
    row("win10 Enterprise LTSC 2021, the day after", QDate(2027, 1, 13),
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise LTSC", "build": 19044, "ubr": 7548, "editionId": "EnterpriseS"},
            "updates": {"lastInstallSuccess": "2027-01-01T00:00:00Z"}, "defender": {"signatureLastUpdated": "2027-01-12T00:00:00Z"}})",
        "Windows 10 Enterprise LTSC 2021", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win10 IoT Enterprise LTSC 2021 (SKU only)", day,
        R"({"os": {"caption": "Microsoft Windows 10 IoT Enterprise LTSC", "build": 19044, "ubr": 7548, "editionId": null, "sku": 191}})",
        "Windows 10 IoT Enterprise LTSC 2021", "ok ok ok ok ok", {});
    row("win10 21H2 Pro (same build as LTSC 2021)", day,
        R"({"os": {"caption": "Microsoft Windows 10 Pro", "build": 19044, "ubr": 7548, "editionId": "Professional"}})",
        "Windows 10 Pro 21H2", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win10 Enterprise LTSB 2016", day,
        R"({"os": {"caption": "Microsoft Windows 10 Enterprise 2016 LTSB", "build": 14393, "ubr": 9339, "editionId": "EnterpriseS"}})",
        "Windows 10 Enterprise LTSB 2016", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win11 23H2 Home, registry says Windows 10", day,
        R"({"os": {"caption": "Microsoft Windows 11 Home", "build": 22631, "ubr": 7376, "editionId": "Core", "sku": 101,
                   "productNameRegistry": "Windows 10 Home"}})",
        "Windows 11 Home 23H2", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("win11 23H2 Enterprise, last day", QDate(2026, 11, 10),
        R"({"os": {"caption": "Microsoft Windows 11 Enterprise", "build": 22631, "ubr": 7376, "editionId": "Enterprise"}})",
        "Windows 11 Enterprise 23H2", "caution ok ok ok ok", {"win.os.ending_soon=caution"});
    row("win11 23H2 Enterprise, after", day,
        R"({"os": {"caption": "Microsoft Windows 11 Enterprise", "build": 22631, "ubr": 7376, "editionId": "Enterprise"}})",
        "Windows 11 Enterprise 23H2", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("server 2012 R2", day,
        R"({"os": {"caption": "Microsoft Windows Server 2012 R2 Standard", "build": 9600, "ubr": null, "editionId": "ServerStandard",
                   "productType": 3, "installationType": "Server"}})",
        "Windows Server 2012 R2 Standard", "danger ok ok ok ok", {"win.os.end_of_servicing=danger"});
    row("server 2016, 49 days left", day,
        R"({"os": {"caption": "Microsoft Windows Server 2016 Standard", "build": 14393, "ubr": 9339, "editionId": "ServerStandard",
                   "productType": 3}})",
        "Windows Server 2016 Standard", "caution ok ok ok ok", {"win.os.ending_soon=caution"});
    row("server 2016, 195 days left", QDate(2026, 7, 1),
        R"({"os": {"caption": "Microsoft Windows Server 2016 Datacenter", "build": 14393, "ubr": 9339, "editionId": "ServerDatacenter",
                   "productType": 2}, "updates": {"lastInstallSuccess": "2026-06-20T00:00:00Z"},
            "defender": {"signatureLastUpdated": "2026-06-30T00:00:00Z"}})",
        "Windows Server 2016 Datacenter", "ok ok ok ok ok", {});
    row("unknown build", day,
        R"({"os": {"caption": "Microsoft Windows 12 Pro", "build": 30000, "ubr": 1, "editionId": "Professional", "displayVersion": null}})",
        "Windows 11 Pro", "caution ok ok ok ok", {"win.os.lifecycle_unknown=caution"});
    // ---- Windows Update
    row("last update 60 days ago", day,
        R"({"updates": {"lastInstallSuccess": "2026-09-25T03:00:00Z", "hotfixes": []}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("last update 61 days ago", day,
        R"({"updates": {"lastInstallSuccess": "2026-09-24T03:00:00Z", "hotfixes": []}})",
        "Windows 11 Enterprise 24H2", "ok caution ok ok ok", {"win.update.stale=caution"});
    row("last update 181 days ago (history)", day,
        R"({"updates": {"lastInstallSuccess": null, "hotfixes": [],
            "history": [{"date": "2026-05-27T01:00:00Z", "kb": "KB5058411", "operation": 1, "resultCode": 2},
                        {"date": "2026-10-01T01:00:00Z", "kb": "KB5060000", "operation": 1, "resultCode": 4}]}})",
        "Windows 11 Enterprise 24H2", "ok danger ok ok ok", {"win.update.stale=danger"});
    row("patch level behind the table", day, R"({"os": {"ubr": 8000}})", "Windows 11 Enterprise 24H2",
        "ok caution ok ok ok", {"win.update.behind=caution"});
    row("reboot pending", day, R"({"updates": {"rebootPending": true, "rebootReasons": ["RebootRequired"]}})",
        "Windows 11 Enterprise 24H2", "ok caution ok ok ok", {"win.update.reboot_pending=caution"});
    row("no update facts", day,
        R"({"updates": {"status": "error", "error": "COMException: 0x80240438"}, "os": {"ubr": null}})",
        "Windows 11 Enterprise 24H2", "ok unknown ok ok ok", {});
    // ---- antivirus
    row("no antivirus", day,
        R"({"antivirus": {"products": []}, "defender": {"status": "error", "error": "CommandNotFoundException"}})",
        "Windows 11 Enterprise 24H2", "ok ok ok danger ok", {"win.av.none=danger"});
    row("antivirus off", day,
        R"({"antivirus": {"products": [{"displayName": "Windows Defender", "productState": 393472, "exeExists": true}]},
            "defender": {"antivirusEnabled": false}})",
        "Windows 11 Enterprise 24H2", "ok ok ok danger ok", {"win.av.disabled=danger"});
    row("third-party on, Defender passive", day,
        R"({"antivirus": {"products": [{"displayName": "Trend Micro Apex One Antivirus", "productState": 266240, "exeExists": true},
                                       {"displayName": "Windows Defender", "productState": 393472, "exeExists": true}]},
            "defender": {"amRunningMode": "Passive Mode", "signatureLastUpdated": "2026-01-01T00:00:00Z"}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("third-party out of date", day,
        R"({"antivirus": {"products": [{"displayName": "Sophos Anti-Virus", "productState": 266256, "exeExists": true}]},
            "defender": {"status": "not_applicable"}})",
        "Windows 11 Enterprise 24H2", "ok ok ok caution ok", {"win.av.outdated=caution"});
    row("Defender definitions 7 days old", day,
        R"({"defender": {"signatureLastUpdated": "2026-11-17T02:00:00Z"}})", "Windows 11 Enterprise 24H2",
        "ok ok ok ok ok", {});
    row("Defender definitions 8 days old", day,
        R"({"defender": {"signatureLastUpdated": "2026-11-16T02:00:00Z"}})", "Windows 11 Enterprise 24H2",
        "ok ok ok caution ok", {"win.av.outdated=caution"});
    row("Defender definitions 31 days old", day,
        R"({"defender": {"signatureLastUpdated": "2026-10-24T02:00:00Z"}})", "Windows 11 Enterprise 24H2",
        "ok ok ok danger ok", {"win.av.outdated=danger"});
    row("two engines on", day,
        R"({"antivirus": {"products": [{"displayName": "ESET Endpoint Security", "productState": 266240, "exeExists": true},
                                       {"displayName": "Windows Defender", "productState": 397568, "exeExists": true}]}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {"win.av.two_engines=none"});
    row("decoded flags only (no productState)", day,
        R"({"antivirus": {"products": [{"displayName": "FFRI yarai", "productState": null, "enabled": true,
                                        "definitionsUpToDate": false, "exeExists": true}]},
            "defender": {"status": "not_applicable"}})",
        "Windows 11 Enterprise 24H2", "ok ok ok caution ok", {"win.av.outdated=caution"});
    row("orphan registration", day,
        R"({"antivirus": {"products": [{"displayName": "Old AV", "productState": 266240, "exeExists": false},
                                       {"displayName": "Windows Defender", "productState": 397568, "exeExists": true}]}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {"win.av.orphan=none"});
    row("server: antivirus by service", day,
        R"({"os": {"caption": "Microsoft Windows Server 2022 Standard", "build": 20348, "ubr": 5386, "editionId": "ServerStandard", "productType": 3},
            "antivirus": {"status": "not_applicable"}, "defender": {"status": "error", "error": "x"},
            "securityServices": {"status": "ok", "services": [{"name": "ntrtscan", "displayName": "Apex One NT RealTime Scan", "running": true}]}})",
        "Windows Server 2022 Standard", "ok ok ok ok ok", {});
    // ---- USB storage
    row("USB not blocked", day, R"({"usbStorage": {"usbstorStart": 3}})", "Windows 11 Enterprise 24H2",
        "ok ok ok ok caution", {"win.usb.not_blocked=caution"});
    row("USB blocked by Deny_All", day, R"({"usbStorage": {"usbstorStart": 3, "denyAll": true}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("USB blocked by device classes", day,
        R"({"usbStorage": {"usbstorStart": 3, "denyDeviceClasses": ["{4D36E967-E325-11CE-BFC1-08002BE10318}"]}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("USB read-only", day, R"({"usbStorage": {"usbstorStart": 3, "writeProtect": true}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok caution", {"win.usb.read_only=caution"});
    row("USB maybe by SKYSEA", day,
        R"({"usbStorage": {"usbstorStart": 3}, "securityServices": {"status": "ok",
            "installedProducts": [{"displayName": "SKYSEA Client View", "displayVersion": "19.2"}]}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok unknown", {"win.usb.third_party=none"});
    row("USB confirmed blocked on site", day,
        R"({"usbStorage": {"usbstorStart": 3, "confirmedOnSite": "blocked"}})", "Windows 11 Enterprise 24H2",
        "ok ok ok ok ok", {});
    row("USB not collected", day, R"({"usbStorage": {"status": "skipped", "usbstorStart": null}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok unknown", {});
    // ---- internet (not an EMR terminal here; see internetFromEmrTerminal)
    row("internet by NCSI", day,
        R"({"internet": {"profiles": [{"interfaceAlias": "Wi-Fi", "ipv4Connectivity": "Internet"}]}})",
        "Windows 11 Enterprise 24H2", "ok ok caution ok ok", {"win.internet.reachable=caution"});
    row("internet probe DNS only", day,
        R"({"internet": {"probePerformed": true, "probeTarget": "www.msftconnecttest.com", "probeDnsOk": true,
                         "probeTcpOk": false, "probeHttpOk": false}})",
        "Windows 11 Enterprise 24H2", "ok ok caution ok ok", {"win.internet.dns_only=caution"});
    row("no default route", day, R"({"internet": {"defaultRoute": false, "profiles": []}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("internet not collected", day, R"({"internet": {"status": "error", "error": "x"}})",
        "Windows 11 Enterprise 24H2", "ok ok unknown ok ok", {});
    // ---- remarks
    row("SMBv1 on", day, R"({"smb1": {"featureState": 1}})", "Windows 11 Enterprise 24H2", "ok ok ok ok ok",
        {"win.smb1.enabled=danger"});
    row("RDP allowed", day, R"({"rdp": {"denyTsConnections": 0, "nlaRequired": true}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {"win.rdp.enabled=caution"});
    row("RDP denied by policy", day, R"({"rdp": {"denyTsConnections": 0, "policyDenyTsConnections": 1}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok", {});
    row("firewall off, admin, guest, no lock", day,
        R"({"firewall": {"profiles": [{"name": "Domain", "enabled": false}]},
            "accounts": {"currentUserIsAdmin": true, "guestEnabled": true},
            "screenLock": {"inactivityTimeoutSecs": 1800, "screenSaverActive": true, "screenSaverSecure": false, "screenSaverTimeoutSecs": 300}})",
        "Windows 11 Enterprise 24H2", "ok ok ok ok ok",
        {"win.accounts.admin_user=caution", "win.accounts.guest=caution", "win.firewall.off=caution",
         "win.screenlock.none=caution"});
}

void TestTerminalFacts::rules()
{
    QFETCH(QDate, asOf);
    QFETCH(QString, patch);
    QFETCH(QString, osName);
    QFETCH(QString, evaluations);
    QFETCH(QStringList, rules);
    auto facts = TerminalFacts::fromJson(merged(baseFacts(), ::patch(patch.toUtf8().constData())),
                                         QStringLiteral("row"));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    const auto a = TerminalEvaluator::evaluate(*facts, {asOf, QStringLiteral("部門システム（検査）")});
    rules.sort();
    QCOMPARE(ruleIds(a), rules);
    QCOMPARE(::evaluations(a), evaluations);
    QCOMPARE(a.os.name(), osName);
    for (const Finding &f : a.findings) {
        QVERIFY2(!f.text.isEmpty() && !f.evidence.isEmpty() && !f.recommendation.isEmpty(),
                 qPrintable(f.ruleId));
        QCOMPARE(f.targetEntity, QStringLiteral("terminal"));
    }
}

void TestTerminalFacts::internetFromEmrTerminal()
{
    auto facts = TerminalFacts::fromJson(
        merged(baseFacts(),
               patch(R"({"internet": {"probePerformed": true, "probeTarget": "www.msftconnecttest.com",
                                        "probeDnsOk": true, "probeTcpOk": true, "probeHttpOk": true, "probeViaProxy": true,
                                        "proxyEnabled": true, "proxyServer": "proxy.hosp.local:8080"}})")),
        QStringLiteral("row"));
    QVERIFY(facts);
    const auto emr =
        TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QStringLiteral("電子カルテ端末")});
    QCOMPARE(ruleIds(emr), QStringList{QStringLiteral("win.internet.reachable=danger")});
    QCOMPARE(emr.findings.first().text, QStringLiteral("電子カルテ端末からインターネットに接続できる"));
    QCOMPARE(emr.check(QStringLiteral("internet"))->value,
             QStringLiteral("可（プロキシ proxy.hosp.local:8080）"));
    const auto other =
        TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QStringLiteral("放射線部門システム")});
    QCOMPARE(ruleIds(other), QStringList{QStringLiteral("win.internet.reachable=caution")});
    QVERIFY(TerminalEvaluator::isEmrSystem(QStringLiteral("EMR client")));
    QVERIFY(!TerminalEvaluator::isEmrSystem(QStringLiteral("PACS 読影端末")));
}

void TestTerminalFacts::checkValues()
{
    auto facts = TerminalFacts::fromJson(
        merged(baseFacts(),
               patch(R"({"os": {"caption": "Microsoft Windows 10 Pro", "build": 19045, "ubr": 6456,
                                             "editionId": "Professional"}, "esu": {"status": "ok", "licenses": []},
                                      "usbStorage": {"usbstorStart": 3}})")),
        QStringLiteral("row"));
    QVERIFY(facts);
    const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
    QCOMPARE(a.check(QStringLiteral("os"))->value,
             QStringLiteral("Windows 10 Pro 22H2（ビルド 19045.6456） サポート終了（2025-10-14）"));
    QCOMPARE(a.check(QStringLiteral("windows_update"))->value,
             QStringLiteral("最終適用 2026-11-12（KB5101684）・ビルド 19045.6456"));
    QCOMPARE(a.check(QStringLiteral("internet"))->value, QStringLiteral("不可"));
    QCOMPARE(a.check(QStringLiteral("antivirus"))->value,
             QStringLiteral("Windows Defender（有効・定義最新）"));
    QCOMPARE(a.check(QStringLiteral("usb_storage"))->value, QStringLiteral("閉塞なし"));
    QCOMPARE(a.remarks().first(), QStringLiteral("サポート終了 Windows を利用中"));
    for (const TerminalCheck &c : a.checks) {
        QCOMPARE(c.source, QStringLiteral("collector"));
        QVERIFY2(QJsonDocument::fromJson(c.detail.toUtf8()).isObject(), qPrintable(c.item));
    }
    const QString evidence = a.findings.first().evidence;
    QVERIFY2(evidence.contains(QStringLiteral("ESU ライセンスなし")), qPrintable(evidence));
    QVERIFY(a.findings.first().needsConfirmation); // consumer ESU may not show on Home/Pro
}

void TestTerminalFacts::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString text = QString::fromUtf8(QJsonDocument(baseFacts()).toJson())
                             .replace(QStringLiteral("EMR-PC01"), QStringLiteral("電カル-01"));
    QTest::newRow("utf-8") << text.toUtf8();
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    QStringEncoder le(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    QTest::newRow("utf-16le bom (PowerShell 5.1 redirection)") << QByteArray(le.encode(text));
    QStringEncoder be(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
    QTest::newRow("utf-16be bom") << QByteArray(be.encode(text));
    QStringEncoder noBom(QStringConverter::Utf16LE);
    QTest::newRow("utf-16le without bom") << QByteArray(noBom.encode(text));
}

void TestTerminalFacts::encodings()
{
    QFETCH(QByteArray, bytes);
    auto facts = TerminalFacts::fromBytes(bytes, QStringLiteral("EMR-PC01.json"));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    QCOMPARE(facts->computerName(), QStringLiteral("電カル-01"));
}

void TestTerminalFacts::hostileInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected"); // part of the error detail

    const QByteArray good = QJsonDocument(baseFacts()).toJson();
    QTest::newRow("empty") << QByteArray() << QByteArray("PC9.json: line 1, column 1");
    QTest::newRow("truncated") << good.left(good.size() / 2) << QByteArray("PC9.json: line ");
    QTest::newRow("huge") << (QByteArray("{\"schema\":\"") + QByteArray(9 * 1024 * 1024, 'a') + "\"}")
                          << QByteArray("more than the 8388608 bytes accepted");
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << QByteArray("nested more than 16 levels deep");
    QByteArray badUtf8 = good;
    badUtf8.replace("EMR-PC01", "EMR-\xC3\x28\xFF");
    QTest::newRow("invalid utf-8") << badUtf8 << QByteArray("not valid UTF-8");
    QTest::newRow("odd utf-16") << QByteArray("\xFF\xFE{\0}", 5) << QByteArray("UTF-16 text is truncated");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QByteArray("top level must be an object");
    QTest::newRow("other json") << QByteArray(R"({"format":"fieldsurvey-survey"})")
                                << QByteArray("not a FieldSurvey terminal-facts file");
    QTest::newRow("newer schema") << QByteArray(R"({"schema":"fieldsurvey-terminal-facts/2"})")
                                  << QByteArray("newer format");

    const auto with = [&](const char *p) { return QJsonDocument(merged(baseFacts(), patch(p))).toJson(); };
    QTest::newRow("wrong type") << with(R"({"os": {"build": "19045"}})")
                                << QByteArray("PC9.json: $.os.build: expected integer or null, found string");
    QTest::newRow("fraction") << with(R"({"os": {"ubr": 1.5}})")
                              << QByteArray("$.os.ubr: expected integer or null, found number");
    QTest::newRow("out of range") << with(R"({"usbStorage": {"usbstorStart": 99}})")
                                  << QByteArray("$.usbStorage.usbstorStart: 99 is above 4");
    QTest::newRow("unknown property")
        << with(R"({"os": {"kernel": "x"}})") << QByteArray("$.os.kernel: unknown property");
    QTest::newRow("bad status") << with(R"({"rdp": {"status": "fine"}})")
                                << QByteArray("$.rdp.status: \"fine\" is not one of");
    QTest::newRow("missing section") << with(R"({"os": null})") << QByteArray("$: \"os\" is missing");
    QTest::newRow("long string")
        << with((R"({"computer": {"name": ")" + std::string(300, 'x') + R"("}})").c_str())
        << QByteArray("$.computer.name: longer than 64 characters");
    QJsonArray many;
    for (int i = 0; i < 3000; ++i)
        many.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("KB%1").arg(i)}});
    QJsonObject manyHotfixes = baseFacts();
    QJsonObject updates = manyHotfixes.value(QStringLiteral("updates")).toObject();
    updates.insert(QStringLiteral("hotfixes"), many);
    manyHotfixes.insert(QStringLiteral("updates"), updates);
    QTest::newRow("too many items") << QJsonDocument(manyHotfixes).toJson()
                                    << QByteArray("$.updates.hotfixes: more than 2048 items");
}

void TestTerminalFacts::hostileInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    QElapsedTimer timer;
    timer.start();
    auto facts = TerminalFacts::fromBytes(bytes, QStringLiteral("PC9.json"));
    QVERIFY(!facts);
    QCOMPARE(facts.error().code, fs::ErrorCode::InvalidData);
    QVERIFY2(facts.error().detail.contains(QString::fromUtf8(expected)),
             qPrintable(facts.error().detail.left(300)));
    QVERIFY2(facts.error().detail.startsWith(QStringLiteral("PC9.json")),
             qPrintable(facts.error().detail.left(300)));
}

void TestTerminalFacts::powershellSingleItemArrays()
{
    // PowerShell 5.1 writes a one-element array as the element itself unless the script takes
    // care; the importer reads it as the one-element array it stands for.
    auto facts =
        TerminalFacts::fromBytes(QJsonDocument(merged(baseFacts(), patch(R"({"antivirus": {"products":
            {"displayName": "Trend Micro Apex One Antivirus", "productState": 266240, "exeExists": true}},
            "defender": {"amRunningMode": "Passive Mode"}})")))
                                     .toJson(),
                                 QStringLiteral("single.json"));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    QVERIFY(facts->json()
                .value(QStringLiteral("antivirus"))
                .toObject()
                .value(QStringLiteral("products"))
                .isArray());
    const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
    QCOMPARE(a.check(QStringLiteral("antivirus"))->value,
             QStringLiteral("Trend Micro Apex One Antivirus（有効・定義最新）"));
}

void TestTerminalFacts::shippedLifecycleMatchesCorpus()
{
    QCOMPARE(fileBytes(QStringLiteral(":/fieldsurvey/lifecycle/windows-lifecycle.tsv")),
             fileBytes(fs::test::sharedDir() + QStringLiteral("/corpus/lifecycle/windows-lifecycle.tsv")));
    QCOMPARE(fileBytes(QStringLiteral(":/fieldsurvey/lifecycle/windows-build-latest-ubr.tsv")),
             fileBytes(fs::test::sharedDir() +
                       QStringLiteral("/corpus/terminals/windows-build-latest-ubr-2026-08.tsv")));
    const auto &table = WindowsLifecycle::builtIn();
    QCOMPARE(table.rows().size(), 65);
    QVERIFY(table.find(QStringLiteral("Windows 10"), QStringLiteral("IoT Enterprise LTSC"), 19044));
    QCOMPARE(table.latestUpdate(19045)->ubr, 7548);
    // A broken table names its line.
    auto broken = WindowsLifecycle::fromTsv(
        "header\nWindows 10\tHome/Pro\t22H2\tabc\t2022-10-18\tnever\tx\ty\tz\n", {});
    QVERIFY(!broken);
    QVERIFY2(broken.error().detail.contains(QStringLiteral("line 2")), qPrintable(broken.error().detail));
}

void TestTerminalFacts::productStateDecodingMatchesCorpus()
{
    // Every productState value of the corpus table yields its documented on/off and signature
    // state in the antivirus check.
    const QStringList lines =
        QString::fromUtf8(
            fileBytes(fs::test::sharedDir() +
                      QStringLiteral("/corpus/terminals/securitycenter2-productstate-values.tsv")))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 10);
    for (const QString &line : lines.mid(1)) {
        const QStringList c = line.split(QLatin1Char('\t'));
        const qint64 state = c[0].toLongLong();
        const QString onOff = c[3];
        const QString signature = c[5];
        QJsonObject p = patch(R"({"antivirus": {"products": [{"displayName": "AV", "exeExists": true}]},
                                  "defender": {"status": "not_applicable"}})");
        QJsonObject av = p.value(QStringLiteral("antivirus")).toObject();
        QJsonArray products = av.value(QStringLiteral("products")).toArray();
        QJsonObject product = products.first().toObject();
        product.insert(QStringLiteral("productState"), state);
        av.insert(QStringLiteral("products"), QJsonArray{product});
        p.insert(QStringLiteral("antivirus"), av);
        auto facts = TerminalFacts::fromJson(merged(baseFacts(), p), QStringLiteral("row"));
        QVERIFY(facts);
        const QString value = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()})
                                  .check(QStringLiteral("antivirus"))
                                  ->value;
        QString expected;
        if (onOff == QStringLiteral("on"))
            expected = signature == QStringLiteral("up_to_date") ? QStringLiteral("AV（有効・定義最新）")
                                                                 : QStringLiteral("AV（有効・定義が古い）");
        else if (onOff == QStringLiteral("expired"))
            expected = QStringLiteral("AV（期限切れ）");
        else
            expected = QStringLiteral("AV（無効）");
        QVERIFY2(value == expected,
                 qPrintable(QStringLiteral("%1 (%2): %3, expected %4").arg(c[0], c[1], value, expected)));
    }
}

void TestTerminalFacts::corpusOsSamples_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("expectedName");
    QTest::addColumn<QByteArray>("expectedStatus");
    QTest::newRow("registry win10 19044 (Professional)")
        << QByteArray("registry-currentversion-win10-19044.txt") << QByteArray("Windows 10 Pro 21H2")
        << QByteArray("danger");
    QTest::newRow("registry win11 22621 (ProductName says Windows 10)")
        << QByteArray("registry-currentversion-win11-22621.txt") << QByteArray("Windows 11")
        << QByteArray("danger");
    QTest::newRow("Win32_OperatingSystem win10 19044 (SKU 48)")
        << QByteArray("win32-operatingsystem-win10-19044.txt") << QByteArray("Windows 10 Pro 21H2")
        << QByteArray("danger");
}

void TestTerminalFacts::corpusOsSamples()
{
    // The raw outputs the collector reads, mapped to the os section as the script does.
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, expectedName);
    QFETCH(QByteArray, expectedStatus);
    const auto v =
        formatList(fs::test::sharedDir() + QStringLiteral("/corpus/terminals/") + QString::fromUtf8(file));
    QJsonObject os{{QStringLiteral("status"), QStringLiteral("ok")}};
    const auto number = [&](const QString &key) -> QJsonValue {
        bool ok = false;
        const int n = v.value(key).toInt(&ok);
        return ok ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
    };
    os.insert(QStringLiteral("build"), v.contains(QStringLiteral("BuildNumber"))
                                           ? number(QStringLiteral("BuildNumber"))
                                           : number(QStringLiteral("CurrentBuildNumber")));
    os.insert(QStringLiteral("ubr"), number(QStringLiteral("UBR")));
    os.insert(QStringLiteral("version"), v.value(QStringLiteral("Version")));
    os.insert(QStringLiteral("caption"), v.value(QStringLiteral("Caption")));
    os.insert(QStringLiteral("editionId"), v.value(QStringLiteral("EditionID")));
    os.insert(QStringLiteral("sku"), number(QStringLiteral("OperatingSystemSKU")));
    os.insert(QStringLiteral("installationType"), v.value(QStringLiteral("InstallationType")));
    os.insert(QStringLiteral("productNameRegistry"), v.value(QStringLiteral("ProductName")));
    os.insert(QStringLiteral("displayVersion"), v.value(QStringLiteral("DisplayVersion")));
    QJsonObject json = baseFacts();
    json.insert(QStringLiteral("os"), os);
    auto facts = TerminalFacts::fromJson(json, QString::fromUtf8(file));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
    QCOMPARE(a.os.name(), QString::fromUtf8(expectedName));
    QCOMPARE(a.check(QStringLiteral("os"))->evaluation, QString::fromUtf8(expectedStatus));
}

void TestTerminalFacts::rulesTableIsDocumented()
{
    // docs/terminal-rules.md has one table row per rule: | `id` | item | status | text | …
    const QString doc =
        QString::fromUtf8(fileBytes(fs::test::sourceDir() + QStringLiteral("/docs/terminal-rules.md")));
    QMap<QString, QStringList> documented;
    static const QRegularExpression row(
        QStringLiteral("^\\| `(win\\.[a-z0-9_.]+)` \\| ([a-z_]+) \\| ([a-z/]+) \\| ([^|]+) \\|"),
        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(doc); it.hasNext();) {
        const auto m = it.next();
        documented.insert(m.captured(1), {m.captured(2), m.captured(3), m.captured(4).trimmed()});
    }
    QStringList ids;
    for (const TerminalRule &r : TerminalEvaluator::rules()) {
        ids << r.id;
        QVERIFY2(documented.contains(r.id),
                 qPrintable(r.id + QStringLiteral(" is not in docs/terminal-rules.md")));
        QCOMPARE(documented.value(r.id), (QStringList{r.item, r.status, r.text}));
    }
    QCOMPARE(documented.size(), ids.size());
}

void TestTerminalFacts::schemaIsDocumented()
{
    const QString doc =
        QString::fromUtf8(fileBytes(fs::test::sourceDir() + QStringLiteral("/docs/terminal-collector.md")));
    QSet<QString> documented;
    static const QRegularExpression row(QStringLiteral("^\\| `([A-Za-z0-9_.\\[\\]]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(doc); it.hasNext();)
        documented.insert(it.next().captured(1));
    QSet<QString> schema;
    for (const QString &path : TerminalFacts::schema().propertyPaths()) {
        const QString leaf = path.section(QLatin1Char('.'), -1);
        if (path.count(QLatin1Char('.')) == 1 &&
            (leaf == QStringLiteral("status") || leaf == QStringLiteral("error") ||
             leaf == QStringLiteral("needsAdmin")))
            continue;
        if (!path.contains(QLatin1Char('.')) && TerminalFacts::schema()
                                                    .root()
                                                    .value(QStringLiteral("properties"))
                                                    .toObject()
                                                    .value(path)
                                                    .toObject()
                                                    .contains(QStringLiteral("properties")))
            continue; // a section: its fields are documented
        schema.insert(path);
    }
    QStringList missing = (schema - documented).values();
    QStringList extra = (documented - schema).values();
    missing.sort();
    extra.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not documented: ") + missing.join(QStringLiteral(", "))));
    QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("documented but not in the schema: ") +
                                         extra.join(QStringLiteral(", "))));
}

void TestTerminalFacts::collectorScriptEmitsExactlyTheSchema()
{
    // Every object the script writes is an [ordered]@{ … } literal with one "key = value" per
    // line; the keys it writes are exactly the schema's property names.
    const QString script =
        QString::fromUtf8(fileBytes(QStringLiteral(":/fieldsurvey/collector/fieldsurvey-terminal.ps1")));
    QSet<QString> emitted;
    static const QRegularExpression key(QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9]*)\\s*="));
    int depth = 0;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString code = line.section(QLatin1Char('#'), 0, 0);
        if (depth > 0) {
            if (const auto m = key.match(code); m.hasMatch() && depth == 1)
                emitted.insert(m.captured(1));
        }
        if (code.contains(QStringLiteral("[ordered]@{")) && depth == 0) {
            depth = 1;
            const QString rest = code.section(QStringLiteral("[ordered]@{"), 1);
            depth += int(rest.count(QLatin1Char('{'))) - int(rest.count(QLatin1Char('}')));
            continue;
        }
        if (depth > 0)
            depth += int(code.count(QLatin1Char('{'))) - int(code.count(QLatin1Char('}')));
        if (depth < 0)
            depth = 0;
    }
    QSet<QString> schema;
    for (const QString &path : TerminalFacts::schema().propertyPaths())
        schema.insert(path.section(QLatin1Char('.'), -1).remove(QStringLiteral("[]")));
    // Set in FieldSurvey, never by the script.
    schema.remove(QStringLiteral("confirmedOnSite"));
    schema.remove(QStringLiteral("enteredBy"));
    emitted.remove(QStringLiteral("confirmedOnSite"));
    emitted.remove(QStringLiteral("enteredBy"));
    QStringList missing = (schema - emitted).values();
    QStringList extra = (emitted - schema).values();
    missing.sort();
    extra.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("the script never writes: ") + missing.join(QStringLiteral(", "))));
    QVERIFY2(extra.isEmpty(),
             qPrintable(QStringLiteral("the schema lacks: ") + extra.join(QStringLiteral(", "))));
}

void TestTerminalFacts::collectorScriptIsReadOnly()
{
    const QString script =
        QString::fromUtf8(fileBytes(QStringLiteral(":/fieldsurvey/collector/fieldsurvey-terminal.ps1")));
    QStringList code;
    bool inBlockComment = false;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("<#")))
            inBlockComment = true;
        if (!inBlockComment)
            code << line.section(QLatin1Char('#'), 0, 0);
        if (line.contains(QStringLiteral("#>")))
            inBlockComment = false;
    }
    const QString body = code.join(QLatin1Char('\n'));
    static const QRegularExpression changing(
        QStringLiteral(
            "\\b(Set|New|Remove|Clear|Enable|Disable|Start|Stop|Restart|Suspend|Install|Uninstall|Register|"
            "Unregister|Add|Update|Rename|Move|Copy|Reset|Invoke-Expression|Out-File|Set-Content|"
            "Add-Content|Export)-[A-Za-z]+|\\biex\\b|\\.(SetValue|DeleteValue|DeleteSubKey\\w*|CreateSubKey|"
            "Delete|Create|Put|Install|Commit)\\(|reg(\\.exe)?\\s+(add|delete|import)|\\bsc(\\.exe)?\\s+("
            "config|stop|"
            "start|delete)|\\bnetsh\\b|\\bbcdedit\\b|\\bsecedit\\b|\\bwmic\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList hits;
    for (auto it = changing.globalMatch(body); it.hasNext();) {
        const QString hit = it.next().captured(0);
        // Reading and object construction are not changes.
        if (hit.compare(QStringLiteral("New-Object"), Qt::CaseInsensitive) == 0)
            continue;
        hits << hit;
    }
    QVERIFY2(hits.isEmpty(),
             qPrintable(QStringLiteral("the collector calls ") + hits.join(QStringLiteral(", "))));
    // The one file it writes is the JSON, UTF-8 without BOM.
    QCOMPARE(body.count(QStringLiteral("WriteAllText")), 1);
    QVERIFY(body.contains(QStringLiteral("UTF8Encoding $false")));
    const QString wrapper =
        QString::fromUtf8(fileBytes(QStringLiteral(":/fieldsurvey/collector/fieldsurvey-terminal.cmd")));
    QVERIFY(wrapper.contains(QStringLiteral("-ExecutionPolicy Bypass")));
    QVERIFY(wrapper.contains(QStringLiteral("\r\n")));
}

void TestTerminalFacts::exampleOutputs_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &name : QDir(fs::test::sourceDir() + QStringLiteral("/tests/data/terminals"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        if (!name.endsWith(QStringLiteral(".expected.json")))
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestTerminalFacts::exampleOutputs()
{
    // Whole collector outputs and what importing them must give: the OS, its support status and
    // the findings (tests/data/terminals/<name>.expected.json).
    QFETCH(QString, file);
    const QString dir = fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/");
    auto facts = TerminalFacts::fromFile(dir + file);
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    const QJsonObject expected =
        QJsonDocument::fromJson(fileBytes(dir + file.chopped(5) + QStringLiteral(".expected.json"))).object();
    const auto a = TerminalEvaluator::evaluate(
        *facts, {QDate::fromString(expected.value(QStringLiteral("asOf")).toString(), Qt::ISODate),
                 expected.value(QStringLiteral("systemType")).toString()});
    QCOMPARE(a.os.name(), expected.value(QStringLiteral("os")).toString());
    const QJsonObject checks = expected.value(QStringLiteral("checks")).toObject();
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        const auto *check = a.check(it.key());
        QVERIFY(check);
        QCOMPARE(check->evaluation, it.value().toObject().value(QStringLiteral("evaluation")).toString());
        QCOMPARE(check->value, it.value().toObject().value(QStringLiteral("value")).toString());
    }
    QStringList rules;
    for (const QJsonValue &r : expected.value(QStringLiteral("findings")).toArray())
        rules << r.toString();
    rules.sort();
    QCOMPARE(ruleIds(a), rules);
}

void TestTerminalFacts::manualEntry_data()
{
    // The form's answers, and what the same rules make of them.
    QTest::addColumn<QByteArray>("edition");
    QTest::addColumn<QByteArray>("build");
    QTest::addColumn<QByteArray>("antivirus"); // state
    QTest::addColumn<QByteArray>("usb");
    QTest::addColumn<QByteArray>("osName");
    QTest::addColumn<QByteArray>("evaluations");
    QTest::addColumn<QByteArray>("rules");
    QTest::newRow("win10 pro 22H2, nothing else known")
        << QByteArray("win10-pro") << QByteArray("19045.6456") << QByteArray() << QByteArray()
        << QByteArray("Windows 10 Pro 22H2") << QByteArray("danger caution unknown unknown unknown")
        << QByteArray("win.os.end_of_servicing=danger win.update.behind=caution");
    QTest::newRow("iot ltsc 2021, av on, usb blocked")
        << QByteArray("win10-iot-enterprise-ltsc") << QByteArray("19044.7548") << QByteArray("on")
        << QByteArray("blocked") << QByteArray("Windows 10 IoT Enterprise LTSC 2021")
        << QByteArray("ok ok unknown ok ok") << QByteArray();
    QTest::newRow("server 2012 R2, no av, usb open")
        << QByteArray("server2012r2-standard") << QByteArray("9600") << QByteArray("none")
        << QByteArray("not_blocked") << QByteArray("Windows Server 2012 R2 Standard")
        << QByteArray("danger unknown unknown danger caution")
        << QByteArray("win.av.none=danger win.os.end_of_servicing=danger win.usb.not_blocked=caution");
    QTest::newRow("win11 enterprise 24H2, av off")
        << QByteArray("win11-enterprise") << QByteArray("26100.8973") << QByteArray("off")
        << QByteArray("read_only") << QByteArray("Windows 11 Enterprise 24H2")
        << QByteArray("ok ok unknown danger caution")
        << QByteArray("win.av.disabled=danger win.usb.read_only=caution");
    QTest::newRow("embedded standard 7")
        << QByteArray("wes7") << QByteArray("7601") << QByteArray("outdated") << QByteArray()
        << QByteArray("Windows Embedded Standard 7 SP1")
        << QByteArray("danger unknown unknown caution unknown")
        << QByteArray("win.av.outdated=caution win.os.end_of_servicing=danger");
}

void TestTerminalFacts::manualEntry()
{
    QFETCH(QByteArray, edition);
    QFETCH(QByteArray, build);
    QFETCH(QByteArray, antivirus);
    QFETCH(QByteArray, usb);
    QFETCH(QByteArray, osName);
    QFETCH(QByteArray, evaluations);
    QFETCH(QByteArray, rules);
    ManualTerminalFacts form;
    form.computerName = QStringLiteral("PC-1");
    form.editionKey = QString::fromUtf8(edition);
    QVERIFY(form.setBuildText(QString::fromUtf8(build)));
    form.lastUpdate = QDate(2026, 11, 1);
    if (form.build == 9600 || form.build == 7601)
        form.lastUpdate = QDate();
    form.antivirusName = QStringLiteral("ESET Endpoint Security");
    form.antivirusState = QString::fromUtf8(antivirus);
    form.usb = QString::fromUtf8(usb);
    form.enteredBy = QStringLiteral("調査 太郎");
    form.enteredAt = QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC);
    auto facts = TerminalFacts::fromJson(form.toJson(), QStringLiteral("manual"));
    QVERIFY2(facts, facts ? "" : qPrintable(facts.error().detail));
    QVERIFY(facts->isManual());
    const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
    QCOMPARE(a.os.name(), QString::fromUtf8(osName));
    QCOMPARE(::evaluations(a), QString::fromUtf8(evaluations));
    QCOMPARE(ruleIds(a).join(QLatin1Char(' ')), QString::fromUtf8(rules));
    for (const TerminalCheck &c : a.checks)
        QCOMPARE(c.source, QStringLiteral("manual"));
}

void TestTerminalFacts::manualEntryRoundTrip()
{
    ManualTerminalFacts form;
    form.computerName = QStringLiteral("RECEPT-03");
    form.editionKey = QStringLiteral("win10-enterprise");
    QVERIFY(form.setBuildText(QStringLiteral("10.0.19045.7548")));
    QCOMPARE(form.buildText(), QStringLiteral("19045.7548"));
    QVERIFY(!form.setBuildText(QStringLiteral("22H2")));
    form.displayVersion = QStringLiteral("22H2");
    form.esu = ManualTerminalFacts::Answer::Yes;
    form.lastUpdate = QDate(2026, 11, 12);
    form.rebootPending = true;
    form.internet = QStringLiteral("unreachable");
    form.antivirusName = QStringLiteral("Microsoft Defender");
    form.antivirusState = QStringLiteral("outdated");
    form.usb = QStringLiteral("blocked");
    form.smb1 = ManualTerminalFacts::Answer::No;
    form.rdp = ManualTerminalFacts::Answer::Yes;
    form.adminUser = ManualTerminalFacts::Answer::No;
    form.enteredBy = QStringLiteral("調査 花子");
    form.enteredAt = QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC);
    QCOMPARE(ManualTerminalFacts::fromJson(form.toJson()), form);
    // Every edition offered is one the rules recognise.
    for (const ManualEdition &e : ManualTerminalFacts::editions()) {
        ManualTerminalFacts f;
        f.editionKey = e.key;
        f.build = e.productType == 3 ? 20348 : 19045;
        auto facts = TerminalFacts::fromJson(f.toJson(), e.key);
        QVERIFY2(facts, qPrintable(e.key));
        const auto a = TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QString()});
        QVERIFY2(!a.os.edition.isEmpty() || e.key == QStringLiteral("wes7"), qPrintable(e.key));
        QCOMPARE(a.os.server, e.productType == 3);
    }
}

QTEST_GUILESS_MAIN(TestTerminalFacts)
#include "tst_terminalfacts.moc"
