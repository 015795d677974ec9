// The scan day and the scan import: hosts matched to lines (scan-day IP, global IP, FQDN, address
// block; a dynamic IP never by its declared address), unmatched hosts kept, re-imports refused,
// later scans superseding earlier ones per address and protocol, the findings the scans raise, the
// scan-day list and its CSV, and a bad file that changes nothing.
#include "clock.h"
#include "demosurvey.h"
#include "findingsengine.h"
#include "migrator.h"
#include "resultcheck.h"
#include "scanday.h"
#include "scanimporter.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

struct FakePort
{
    QString protocol{};
    int port = 0;
    QString state = u"open"_s;
    QString service{};
    QString product{};
    QString version{};
    QString cpe{};
    QString scriptId{};
    QString scriptOutput{};
};

// An attribute value as nmap writes it: newlines as &#xa; (a raw newline would become a space).
QString attr(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"&#xa;"_s);
}

// One <host> as nmap 7.9x writes it.
QString host(const QString &address, const QList<FakePort> &ports, const QString &hostname = {},
             const QString &status = u"up"_s)
{
    QString x =
        u"<host starttime=\"1763600000\" endtime=\"1763600100\"><status state=\"%1\" reason=\"syn-ack\"/>\n"_s
            .arg(status);
    x += u"<address addr=\"%1\" addrtype=\"%2\"/>\n"_s.arg(address,
                                                           address.contains(u':') ? u"ipv6"_s : u"ipv4"_s);
    x += u"<hostnames>"_s;
    if (!hostname.isEmpty())
        x += u"<hostname name=\"%1\" type=\"user\"/>"_s.arg(hostname);
    x += u"</hostnames>\n<ports><extraports state=\"filtered\" count=\"995\"/>\n"_s;
    for (const FakePort &p : ports) {
        x +=
            u"<port protocol=\"%1\" portid=\"%2\"><state state=\"%3\" reason=\"syn-ack\" reason_ttl=\"52\"/>"_s
                .arg(p.protocol, QString::number(p.port), p.state);
        if (!p.service.isEmpty()) {
            x += u"<service name=\"%1\" product=\"%2\" version=\"%3\" method=\"probed\" conf=\"10\">"_s.arg(
                attr(p.service), attr(p.product), attr(p.version));
            if (!p.cpe.isEmpty())
                x += u"<cpe>%1</cpe>"_s.arg(p.cpe);
            x += u"</service>"_s;
        }
        if (!p.scriptId.isEmpty())
            x += u"<script id=\"%1\" output=\"%2\"/>"_s.arg(p.scriptId, attr(p.scriptOutput));
        x += u"</port>\n"_s;
    }
    return x + u"</ports></host>\n"_s;
}

QByteArray nmapRun(const QString &hosts, qint64 start = 1763600000, const QString &protocols = u"tcp"_s)
{
    QString x = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
                "<?xml-stylesheet href=\"file:///usr/bin/../share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n"
                "<nmaprun scanner=\"nmap\" args=\"nmap -sS -sV -oX out.xml --script-args "
                "snmp-brute.communitiesdb=x,smbpassword=Secr3t! 203.0.113.0/24\" "
                "start=\"%1\" startstr=\"x\" version=\"7.93\" xmloutputversion=\"1.05\">\n"_s.arg(start);
    for (const QString &p : protocols.split(u',')) {
        x += u"<scaninfo type=\"%1\" protocol=\"%2\" numservices=\"1000\" services=\"1-1000\"/>\n"_s.arg(
            p == u"udp"_s ? u"udp"_s : u"syn"_s, p);
    }
    x += hosts;
    x += u"<runstats><finished time=\"%1\" timestr=\"x\" summary=\"done\" elapsed=\"100\" exit=\"success\"/>"
         "<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>\n</nmaprun>\n"_s.arg(start + 100);
    return x.toUtf8();
}

const ConnectionPoint *lineByCaf(const QList<ConnectionPoint> &lines, const QString &caf)
{
    for (const ConnectionPoint &cp : lines) {
        if (cp.cafId == caf)
            return &cp;
    }
    return nullptr;
}

QStringList ruleIds(const QList<Finding> &findings, qint64 lineId)
{
    QStringList ids;
    for (const Finding &f : findings) {
        if (f.targetEntity == u"connection_point"_s && f.targetId == lineId)
            ids << f.ruleId;
    }
    ids.sort();
    return ids;
}

const Finding *byRule(const QList<Finding> &findings, const QString &rule, qint64 id = -1)
{
    for (const Finding &f : findings) {
        if (f.ruleId == rule && (id < 0 || f.targetId == id))
            return &f;
    }
    return nullptr;
}

ConnectionPoint plainLine(qint64 id, int lineNo, const QString &assignment, const QString &global,
                          const QString &fqdn = {}, const QString &scanIp = {})
{
    ConnectionPoint cp;
    cp.id = id;
    cp.lineNo = lineNo;
    cp.cafId = u"CAF%1"_s.arg(lineNo, 4, 10, QLatin1Char('0'));
    cp.ipAssignment = assignment;
    cp.globalIp = global;
    cp.fqdn = fqdn;
    cp.scanIp = scanIp;
    cp.wantsVulnerabilityScan = u"調査希望あり"_s;
    return cp;
}

} // namespace

Q_DECLARE_METATYPE(FakePort)

class TestScanImport : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"survey-%1.fsv"_s.arg(++m_count));
        auto demo = DemoSurvey::createOrReplace(m_path, m_clock);
        FS_VERIFY_OK(demo);
        m_store = std::move(*demo);
        m_store->setActor(u"診断 花子"_s);
        auto lines = m_store->connectionPoints();
        FS_VERIFY_OK(lines);
        m_lines = *lines;
        QVERIFY(lineByCaf(m_lines, u"CAF0001"_s));
        QCOMPARE(lineByCaf(m_lines, u"CAF0001"_s)->globalIp, u"203.0.113.10"_s);
        QCOMPARE(lineByCaf(m_lines, u"CAF0003"_s)->ipAssignment, u"動的IP"_s);
    }

    void cleanup() { m_store.reset(); }

    // ---- matching

    void matchOrder_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("by");
        QTest::newRow("scan-day IP beats a declared one")
            << u"198.51.100.7"_s << QStringList() << qint64(3) << u"scan_ip"_s;
        QTest::newRow("declared fixed IP")
            << u"203.0.113.10"_s << QStringList() << qint64(1) << u"global_ip"_s;
        QTest::newRow("FQDN, any case, trailing dot")
            << u"192.0.2.99"_s << QStringList{u"VPN.Example.JP."_s} << qint64(1) << u"fqdn"_s;
        QTest::newRow("inside a declared /29")
            << u"203.0.113.21"_s << QStringList() << qint64(2) << u"global_ip_block"_s;
        QTest::newRow("outside the /29") << u"203.0.113.24"_s << QStringList() << qint64(0) << QString();
        QTest::newRow("dynamic line's old declared IP is not used")
            << u"198.51.100.200"_s << QStringList() << qint64(0) << QString();
        QTest::newRow("IPv6, written differently")
            << u"2001:db8:0:0::10"_s << QStringList() << qint64(4) << u"global_ip"_s;
        QTest::newRow("not an address at all") << u"garbage"_s << QStringList() << qint64(0) << QString();
    }

    void matchOrder()
    {
        QFETCH(QString, address);
        QFETCH(QStringList, names);
        QFETCH(qint64, line);
        QFETCH(QString, by);
        const QList<ConnectionPoint> lines = {
            plainLine(1, 1, u"固定IP"_s, u"203.0.113.10"_s, u"vpn.example.jp"_s),
            plainLine(2, 2, u"固定IP"_s, u"203.0.113.16/29"_s),
            plainLine(3, 3, u"動的IP"_s, u"198.51.100.200"_s, {}, u"198.51.100.7"_s),
            plainLine(4, 4, u"固定IP"_s, u"2001:DB8::10"_s),
            plainLine(5, 5, u"固定IP"_s, u"198.51.100.7"_s),
        };
        const ScanMatch m = ScanImporter::match(address, names, lines);
        QCOMPARE(m.connectionPointId, line);
        QCOMPARE(m.matchedBy, by);
    }

    void ambiguousMatchGoesToTheLowestLineAndSaysSo()
    {
        const QList<ConnectionPoint> lines = {plainLine(9, 9, u"固定IP"_s, u"203.0.113.10"_s),
                                              plainLine(2, 2, u"固定IP"_s, u"203.0.113.10"_s)};
        const ScanMatch m = ScanImporter::match(u"203.0.113.10"_s, {}, lines);
        QCOMPARE(m.connectionPointId, qint64(2));
        QCOMPARE(m.alsoMatched, QStringList{u"CAF0009"_s});
    }

    void secretScriptArgumentsAreRedacted()
    {
        const QString args = ScanImporter::redactArguments(
            u"nmap -sV --script-args 'snmp-brute.communitiesdb=list.txt,smbpassword=Secr3t!,userdb=u.txt,"
            "http.useragent=x,vulners.apikey={abc}' --script ssh-auth-methods 203.0.113.10"_s);
        QVERIFY(!args.contains(u"Secr3t!"_s));
        QVERIFY(!args.contains(u"{abc}"_s));
        QVERIFY(!args.contains(u"list.txt"_s));
        QVERIFY(args.contains(u"smbpassword=***"_s));
        QVERIFY(args.contains(u"userdb=u.txt"_s)); // not a secret
        QVERIFY(args.contains(u"--script ssh-auth-methods 203.0.113.10"_s));
    }

    // The scan team's brute-force scripts print the passwords they found: the finding is that an
    // account is weak; the password itself never reaches the survey.
    void foundCredentialsAreNotStored()
    {
        QCOMPARE(
            ScanImporter::redactCredentials(u"ssh-brute"_s,
                                            u"\n  Accounts:\n    admin:Cisco123 - Valid credentials\n"
                                            "  Statistics: Performed 12 guesses in 3 seconds"_s),
            u"\n  Accounts:\n    admin:*** - Valid credentials\n  Statistics: Performed 12 guesses in 3 seconds"_s);
        QCOMPARE(ScanImporter::redactCredentials(u"snmp-brute"_s, u"\n  s3cr3tcomm - Valid credentials\n"_s),
                 u"\n  *** - Valid credentials\n"_s);
        QCOMPARE(ScanImporter::redactCredentials(u"http-default-accounts"_s,
                                                 u"\n  [Cisco IOS] at /\n    admin:p@ss word\n"_s),
                 u"\n  [Cisco IOS] at /\n    admin:***\n"_s);
        QCOMPARE(ScanImporter::redactCredentials(u"ssh-brute"_s, u"Accounts: No valid accounts found"_s),
                 u"Accounts: No valid accounts found"_s);
        QCOMPARE(
            ScanImporter::redactCredentials(u"ftp-brute"_s, u"Accounts: ftp:Secr3t! - Valid credentials"_s),
            u"Accounts: ftp:*** - Valid credentials"_s);
        QCOMPARE(ScanImporter::redactCredentials(u"http-title"_s, u"admin:admin"_s), u"admin:admin"_s);

        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store,
            nmapRun(
                host(u"198.51.100.25"_s, {{u"tcp"_s,
                                           22,
                                           u"open"_s,
                                           u"ssh"_s,
                                           {},
                                           {},
                                           {},
                                           u"ssh-brute"_s,
                                           u"\n  Accounts:\n    admin:Cisco123 - Valid credentials\n"_s}})),
            u"brute.xml"_s));
        const auto ports = m_store->scanPorts();
        FS_VERIFY_OK(ports);
        QVERIFY(!ports->first().scriptOutput.contains(u"Cisco123"_s));
        QVERIFY(ports->first().scriptOutput.contains(u"admin:*** - Valid credentials"_s));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *weak = byRule(*findings, u"line.scan_weak_account"_s);
        QVERIFY(weak);
        QVERIFY(!weak->evidence.contains(u"Cisco123"_s));
        // On disk (the database and its write-ahead log): the redacted text, never the password.
        const QByteArray file = fs::test::readFile(m_path) + fs::test::readFile(m_path + u"-wal"_s);
        QVERIFY(file.contains("admin:*** - Valid credentials"));
        QVERIFY(!file.contains("Cisco123"));
    }

    // ---- importing into a survey

    void importMatchesKeepsUnmatchedAndAudits()
    {
        const int pendingBefore = m_store->pendingChangeCount().value_or(-1);
        const QByteArray xml =
            nmapRun(host(u"203.0.113.10"_s, {{u"tcp"_s, 22, u"open"_s, u"ssh"_s, u"OpenSSH"_s, u"8.4p1"_s},
                                             {u"tcp"_s, 443, u"closed"_s}}) +
                    host(u"192.0.2.77"_s, {{u"tcp"_s, 3389, u"open"_s, u"ms-wbt-server"_s}},
                         u"unknown.example.net"_s) +
                    host(u"192.0.2.78"_s, {}, {}, u"down"_s));
        auto result = ScanImporter::importBytes(*m_store, xml, u"week48.xml"_s);
        FS_VERIFY_OK(result);
        QCOMPARE(result->import.hostCount, 3);
        QCOMPARE(result->import.matchedHostCount, 1);
        QCOMPARE(result->import.openPortCount, 2);
        QCOMPARE(result->unmatched, QStringList{u"192.0.2.77"_s}); // a down host is not "unmatched"
        QCOMPARE(result->import.scannerVersion, u"7.93"_s);
        QCOMPARE(result->import.protocols, QStringList{u"tcp"_s});
        QCOMPARE(result->import.scannedAt, u"2025-11-20T00:53:20Z"_s);
        QVERIFY(!result->import.args.contains(u"Secr3t!"_s));

        auto imports = m_store->scanImports();
        FS_VERIFY_OK(imports);
        QCOMPARE(imports->size(), 1);
        QCOMPARE(imports->first().fileName, u"week48.xml"_s);
        QCOMPARE(imports->first().importedBy, u"診断 花子"_s);
        QVERIFY(!imports->first().args.contains(u"Secr3t!"_s));

        auto hosts = m_store->scanHosts();
        FS_VERIFY_OK(hosts);
        QCOMPARE(hosts->size(), 3);
        const qint64 caf1 = lineByCaf(m_lines, u"CAF0001"_s)->id;
        QCOMPARE(hosts->at(0).connectionPointId, caf1);
        QCOMPARE(hosts->at(0).matchedBy, u"global_ip"_s);
        QCOMPARE(hosts->at(0).ports.size(), 2);
        QCOMPARE(hosts->at(1).connectionPointId, qint64(0));
        QCOMPARE(hosts->at(1).hostnames, u"unknown.example.net (user)"_s);
        QCOMPARE(hosts->at(2).status, u"down"_s);

        auto ports = m_store->scanPorts();
        FS_VERIFY_OK(ports);
        QCOMPARE(ports->size(), 3);
        QCOMPARE(ports->first().connectionPointId, caf1); // matched lines first
        QCOMPARE(ports->first().product, u"OpenSSH"_s);

        // Audited and queued for the portal; the same file again is refused and changes nothing.
        auto trail = m_store->auditTrail();
        FS_VERIFY_OK(trail);
        QCOMPARE(trail->last().entity, u"scan_import"_s);
        QCOMPARE(trail->last().newValue.toString(), u"week48.xml"_s);
        QCOMPARE(m_store->pendingChangeCount().value_or(-1), pendingBefore + 1);
        auto again = ScanImporter::importBytes(*m_store, xml, u"copy-of-week48.xml"_s);
        QVERIFY(!again);
        QVERIFY2(again.error().detail.contains(u"already imported"_s), qPrintable(again.error().detail));
        QCOMPARE(m_store->scanImports()->size(), 1);

        // The findings: SSH on the line's global IP, and a host that belongs to no line.
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *mgmt = byRule(*findings, u"line.mgmt_exposed"_s, caf1);
        QVERIFY(mgmt);
        QCOMPARE(mgmt->status, u"danger"_s);
        QVERIFY(mgmt->evidence.contains(u"22/tcp ssh OpenSSH 8.4p1"_s));
        const Finding *unmatched = byRule(*findings, u"survey.scan_unmatched_host"_s);
        QVERIFY(unmatched);
        QVERIFY(unmatched->evidence.contains(u"192.0.2.77"_s));
        QVERIFY(!unmatched->evidence.contains(u"192.0.2.78"_s));
        // CAF0004 asked for the scan and was not in it; CAF0001 was.
        QVERIFY(byRule(*findings, u"line.scan_missing"_s, lineByCaf(m_lines, u"CAF0004"_s)->id));
        QVERIFY(!byRule(*findings, u"line.scan_missing"_s, caf1));

        // Removing the import takes its hosts, ports and findings along.
        FS_VERIFY_OK(m_store->removeScanImport(imports->first().uuid));
        QVERIFY(m_store->scanHosts()->isEmpty());
        QVERIFY(m_store->scanPorts()->isEmpty());
        auto after = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(after);
        QVERIFY(!byRule(*after, u"line.mgmt_exposed"_s, caf1));
        QVERIFY(!byRule(*after, u"line.scan_missing"_s));
        QCOMPARE(m_store->auditTrail()->last().action, u"delete"_s);
    }

    void aBadFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated") << nmapRun(host(u"203.0.113.10"_s, {{u"tcp"_s, 22}})).left(400)
                                   << u"line"_s;
        QTest::newRow("entity expansion")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE nmaprun [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                          "\"&a;&a;&a;&a;&a;&a;&a;&a;\">]><nmaprun>&b;</nmaprun>")
            << u"line"_s;
        QTest::newRow("external entity")
            << QByteArray(
                   "<?xml version=\"1.0\"?><!DOCTYPE nmaprun [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                   "<nmaprun>&x;</nmaprun>")
            << u"line"_s;
        QTest::newRow("not nmap") << QByteArray("<html><body>scan</body></html>") << u"line"_s;
        QTest::newRow("bad port") << nmapRun(host(u"203.0.113.10"_s, {{u"tcp"_s, 70000}})) << u"line"_s;
    }

    void aBadFileChangesNothing()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, expected);
        const auto trailBefore = m_store->auditTrail()->size();
        auto result = ScanImporter::importBytes(*m_store, xml, u"bad.xml"_s);
        QVERIFY(!result);
        QVERIFY2(result.error().detail.startsWith(u"bad.xml"_s), qPrintable(result.error().detail));
        QVERIFY2(result.error().detail.contains(expected), qPrintable(result.error().detail));
        QVERIFY(m_store->scanImports()->isEmpty());
        QCOMPARE(m_store->auditTrail()->size(), trailBefore);
    }

    // A scan of a whole block: the finding names the first 50 unmatched hosts and counts the rest.
    void manyUnmatchedHostsAreCounted()
    {
        QString hosts;
        for (int i = 1; i <= 60; ++i)
            hosts += host(u"192.0.2.%1"_s.arg(i), {{u"tcp"_s, 80, u"open"_s, u"http"_s}});
        FS_VERIFY_OK(ScanImporter::importBytes(*m_store, nmapRun(hosts), u"block.xml"_s));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *f = byRule(*findings, u"survey.scan_unmatched_host"_s);
        QVERIFY(f);
        QCOMPARE(f->evidence.count(u'\n'), 50);
        QVERIFY(f->evidence.contains(u"192.0.2.50 開いているポート 1"_s));
        QVERIFY(!f->evidence.contains(u"192.0.2.51 "_s));
        QVERIFY(f->evidence.endsWith(u"ほか 10 件"_s));
    }

    // nmap scans an address twice when it is listed by IP and by name: the ports count once.
    void anAddressScannedTwiceInOneFileCountsOnce()
    {
        const qint64 caf1 = lineByCaf(m_lines, u"CAF0001"_s)->id;
        FS_VERIFY_OK(
            ScanImporter::importBytes(*m_store,
                                      nmapRun(host(u"203.0.113.10"_s, {{u"tcp"_s, 22, u"open"_s, u"ssh"_s}}) +
                                              host(u"203.0.113.10"_s, {{u"tcp"_s, 22, u"open"_s, u"ssh"_s}},
                                                   u"vpn.sanuki-chuo.example.jp"_s)),
                                      u"twice.xml"_s));
        const auto ports = m_store->scanPorts();
        FS_VERIFY_OK(ports);
        QCOMPARE(ports->size(), 1);
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *mgmt = byRule(*findings, u"line.mgmt_exposed"_s, caf1);
        QVERIFY(mgmt);
        QCOMPARE(mgmt->evidence.count(u"22/tcp"_s), 1);
    }

    void laterScansSupersedeEarlierOnesPerProtocol()
    {
        const qint64 caf1 = lineByCaf(m_lines, u"CAF0001"_s)->id;
        // Week 1: TCP, SSH and HTTPS open.
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store,
            nmapRun(host(u"203.0.113.10"_s,
                         {{u"tcp"_s, 22, u"open"_s, u"ssh"_s}, {u"tcp"_s, 443, u"open"_s, u"https"_s}}),
                    1763600000),
            u"tcp-week1.xml"_s));
        // Week 2: UDP only — does not touch the TCP results.
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store,
            nmapRun(host(u"203.0.113.10"_s, {{u"udp"_s, 500, u"open"_s, u"isakmp"_s}}), 1764200000, u"udp"_s),
            u"udp-week2.xml"_s));
        auto ports = m_store->scanPorts();
        FS_VERIFY_OK(ports);
        QCOMPARE(ports->size(), 3);
        // Week 3: TCP again after the hospital closed SSH: only HTTPS is current.
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store, nmapRun(host(u"203.0.113.10"_s, {{u"tcp"_s, 443, u"open"_s, u"https"_s}}), 1764800000),
            u"tcp-week3.xml"_s));
        ports = m_store->scanPorts();
        FS_VERIFY_OK(ports);
        QStringList current;
        for (const ScanPort &p : *ports)
            current << u"%1/%2"_s.arg(p.port).arg(p.protocol);
        current.sort();
        QCOMPARE(current, (QStringList{u"443/tcp"_s, u"500/udp"_s}));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *mgmt = byRule(*findings, u"line.mgmt_exposed"_s, caf1);
        QVERIFY(mgmt);
        QCOMPARE(mgmt->status, u"caution"_s); // HTTPS only now; SSH was closed
        QVERIFY(byRule(*findings, u"line.ike_exposed"_s, caf1));
        // All three imports are still listed (history), the hosts too.
        QCOMPARE(m_store->scanImports()->size(), 3);
        QCOMPARE(m_store->scanHosts()->size(), 3);
    }

    void confirmingTheScanDayIpMatchesTheDynamicLine()
    {
        const ConnectionPoint dynamic = *lineByCaf(m_lines, u"CAF0003"_s);
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store, nmapRun(host(u"198.51.100.77"_s, {{u"tcp"_s, 23, u"open"_s, u"telnet"_s}})),
            u"scan.xml"_s));
        QCOMPARE(m_store->scanHosts()->first().connectionPointId, qint64(0));

        // A private address or a missing name is refused, naming the line.
        auto refused = ScanDay::confirmation(dynamic, u"192.168.1.1"_s, u"山田"_s, m_clock.now());
        QVERIFY(!refused);
        QVERIFY(refused.error().detail.contains(u"CAF0003"_s));
        QVERIFY(!ScanDay::confirmation(dynamic, u"198.51.100.77"_s, u"  "_s, m_clock.now()));
        QVERIFY(!ScanDay::confirmation(dynamic, u"100.64.0.1"_s, u"山田"_s, m_clock.now())); // CGNAT

        auto changes = ScanDay::confirmation(dynamic, u" 198.51.100.77 "_s, u"事務長 山田"_s, m_clock.now());
        FS_VERIFY_OK(changes);
        FS_VERIFY_OK(m_store->applyChanges(*changes));
        auto rematched = ScanImporter::rematch(*m_store);
        FS_VERIFY_OK(rematched);
        QCOMPARE(*rematched, 1);
        const ScanHost h = m_store->scanHosts()->first();
        QCOMPARE(h.connectionPointId, dynamic.id);
        QCOMPARE(h.matchedBy, u"scan_ip"_s);
        auto lines = m_store->connectionPoints();
        FS_VERIFY_OK(lines);
        const ConnectionPoint *now = lineByCaf(*lines, u"CAF0003"_s);
        QCOMPARE(now->scanIp, u"198.51.100.77"_s);
        QCOMPARE(now->scanIpConfirmed, u"確認済"_s);
        QCOMPARE(now->scanIpConfirmedBy, u"事務長 山田"_s);
        QCOMPARE(now->scanIpConfirmedAt, m_clock.now());

        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        QVERIFY(!byRule(*findings, u"line.dynamic_ip_unconfirmed"_s, dynamic.id));
        const Finding *telnet = byRule(*findings, u"line.mgmt_exposed"_s, dynamic.id);
        QVERIFY(telnet);
        QCOMPARE(telnet->status, u"danger"_s);
        QVERIFY(telnet->evidence.startsWith(u"198.51.100.77"_s));
        QVERIFY(!byRule(*findings, u"survey.scan_unmatched_host"_s));

        // Clearing the confirmation (e.g. undo) and matching again unties the host.
        auto clear = ScanDay::confirmation(*now, QString(), QString(), QDateTime());
        FS_VERIFY_OK(clear);
        FS_VERIFY_OK(m_store->applyChanges(*clear));
        QCOMPARE(ScanImporter::rematch(*m_store).value_or(-1), 1);
        QCOMPARE(m_store->scanHosts()->first().connectionPointId, qint64(0));
    }

    // Schema 7 had scan_port rows straight on the import; schema 8 moves them onto hosts.
    void schema7ScanRowsMoveOntoHosts()
    {
        const QString copy = m_dir.filePath(u"schema7-%1.fsv"_s.arg(m_count));
        QVERIFY(QFile::copy(fs::test::sourceDir() + u"/tests/data/surveys/demo-schema-0007.fsv"_s, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                u"INSERT INTO scan_import (id, uuid, tool, file_name, scanned_at, imported_at) "
                "VALUES (1, 'u1', 'nmap', 'old.xml', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')"_s));
            QVERIFY(q.exec(u"INSERT INTO scan_port (scan_import_id, connection_point_id, address, hostname, "
                           "protocol, port, state, service) VALUES (1, (SELECT id FROM connection_point "
                           "WHERE caf_id = 'CAF0001'), '203.0.113.10', 'vpn', 'tcp', 22, 'open', 'ssh'), "
                           "(1, (SELECT id FROM connection_point WHERE caf_id = 'CAF0001'), '203.0.113.10', "
                           "'vpn', 'tcp', 443, 'open', 'https'), (1, NULL, '192.0.2.5', '', 'udp', 161, "
                           "'open', 'snmp')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        auto store = SurveyStore::open(copy);
        FS_VERIFY_OK(store);
        QCOMPARE((*store)->schemaVersion(), Migrator::latestVersion());
        auto hosts = (*store)->scanHosts();
        FS_VERIFY_OK(hosts);
        QCOMPARE(hosts->size(), 2);
        const bool firstIsLine = hosts->at(0).address == u"203.0.113.10"_s;
        const ScanHost &onLine = hosts->at(firstIsLine ? 0 : 1);
        const ScanHost &other = hosts->at(firstIsLine ? 1 : 0);
        QCOMPARE(onLine.address, u"203.0.113.10"_s);
        QCOMPARE(onLine.ports.size(), 2);
        QVERIFY(onLine.connectionPointId != 0);
        QCOMPARE(onLine.hostnames, u"vpn"_s);
        QCOMPARE(other.address, u"192.0.2.5"_s);
        QCOMPARE(other.connectionPointId, qint64(0));
        QCOMPARE(other.ports.first().service, u"snmp"_s);
        QCOMPARE((*store)->scanPorts()->size(), 3);
        QVERIFY((*store)->verify()->isEmpty());
    }

    // ---- the scan rules

    void scanRules_data()
    {
        QTest::addColumn<QList<FakePort>>("ports");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("evidence");
        QTest::newRow("Telnet") << QList<FakePort>{{u"tcp"_s, 23, u"open"_s, u"telnet"_s}}
                                << u"line.mgmt_exposed"_s << u"danger"_s << u"23/tcp telnet"_s;
        QTest::newRow("a web admin page only") << QList<FakePort>{{u"tcp"_s, 8443, u"open"_s, u"https-alt"_s}}
                                               << u"line.mgmt_exposed"_s << u"caution"_s << u"8443/tcp"_s;
        QTest::newRow("IKE") << QList<FakePort>{{u"udp"_s, 500, u"open"_s, u"isakmp"_s}}
                             << u"line.ike_exposed"_s << u"caution"_s << u"500/udp isakmp"_s;
        QTest::newRow("IKE, nmap's probe labels name OpenVPN")
            << QList<FakePort>{{u"udp"_s,
                                500,
                                u"open"_s,
                                u"isakmp"_s,
                                {},
                                {},
                                {},
                                u"fingerprint-strings"_s,
                                u"\n  DNSVersionBindReq, OpenVPN, RPCCheck: \n    \\x00\\x00\n"_s}}
            << u"line.ike_exposed"_s << u"caution"_s << u"500/udp isakmp"_s;
        QTest::newRow("NAT-T") << QList<FakePort>{{u"udp"_s, 4500, u"open"_s, u"nat-t-ike"_s}}
                               << u"line.ike_exposed"_s << u"caution"_s << u"4500/udp"_s;
        QTest::newRow("FortiGate SSL-VPN by its login redirect")
            << QList<
                   FakePort>{{u"tcp"_s,
                              10443,
                              u"open"_s,
                              u"ssl/https"_s,
                              {},
                              {},
                              {},
                              u"http-title"_s,
                              u"Did not follow redirect to https://203.0.113.10:10443/remote/login?lang=en"_s}}
            << u"line.sslvpn_portal"_s << u"caution"_s << u"FortiGate SSL-VPN"_s;
        QTest::newRow("GlobalProtect portal")
            << QList<FakePort>{{u"tcp"_s,
                                443,
                                u"open"_s,
                                u"ssl/http"_s,
                                {},
                                {},
                                {},
                                u"http-title"_s,
                                u"GlobalProtect Portal"_s}}
            << u"line.sslvpn_portal"_s << u"caution"_s << u"Palo Alto GlobalProtect"_s;
        QTest::newRow("FortiOS in a KEV range with SSL-VPN on")
            << QList<FakePort>{{u"tcp"_s, 443, u"open"_s, u"ssl/http"_s, u"Fortinet FortiGate SSL VPN"_s,
                                u"6.0.4"_s, u"cpe:/o:fortinet:fortios:6.0.4"_s}}
            << u"line.scan_kev"_s << u"danger"_s << u"CVE-2018-13379"_s;
        QTest::newRow("an NSE script says VULNERABLE")
            << QList<
                   FakePort>{{u"tcp"_s,
                              21,
                              u"open"_s,
                              u"ftp"_s,
                              u"vsftpd"_s,
                              u"2.3.4"_s,
                              {},
                              u"ftp-vsftpd-backdoor"_s,
                              u"\n  VULNERABLE:\n  vsFTPd version 2.3.4 backdoor\n    State: VULNERABLE (Exploitable)\n"_s}}
            << u"line.scan_vulnerable"_s << u"danger"_s << u"ftp-vsftpd-backdoor"_s;
        QTest::newRow("a bind shell")
            << QList<FakePort>{{u"tcp"_s, 1524, u"open"_s, u"bindshell"_s, u"Metasploitable root shell"_s}}
            << u"line.scan_vulnerable"_s << u"danger"_s << u"backdoor"_s;
        QTest::newRow("anonymous FTP") << QList<FakePort>{{u"tcp"_s,
                                                           21,
                                                           u"open"_s,
                                                           u"ftp"_s,
                                                           {},
                                                           {},
                                                           {},
                                                           u"ftp-anon"_s,
                                                           u"Anonymous FTP login allowed (FTP code 230)"_s}}
                                       << u"line.scan_weak_account"_s << u"danger"_s << u"ftp-anon"_s;
        QTest::newRow("default credentials found")
            << QList<FakePort>{{u"tcp"_s,
                                80,
                                u"open"_s,
                                u"http"_s,
                                {},
                                {},
                                {},
                                u"http-default-accounts"_s,
                                u"\n  [Cisco IOS] at /\n    admin:admin\n"_s}}
            << u"line.scan_weak_account"_s << u"danger"_s << u"http-default-accounts"_s;
    }

    void scanRules()
    {
        QFETCH(QList<FakePort>, ports);
        QFETCH(QString, rule);
        QFETCH(QString, status);
        QFETCH(QString, evidence);
        const qint64 caf4 = lineByCaf(m_lines, u"CAF0004"_s)->id;
        FS_VERIFY_OK(
            ScanImporter::importBytes(*m_store, nmapRun(host(u"198.51.100.25"_s, ports)), u"s.xml"_s));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        const Finding *f = byRule(*findings, rule, caf4);
        QVERIFY2(f, qPrintable(ruleIds(*findings, caf4).join(u", "_s)));
        QCOMPARE(f->status, status);
        QVERIFY2(f->evidence.contains(evidence) || f->text.contains(evidence), qPrintable(f->evidence));
        QVERIFY(f->evidence.contains(u"198.51.100.25"_s));
        if (rule == u"line.ike_exposed"_s)
            QVERIFY(!byRule(*findings, u"line.sslvpn_portal"_s, caf4));
        // The report's per-port judgment agrees.
        const auto current = m_store->scanPorts();
        FS_VERIFY_OK(current);
        bool judged = false;
        for (const ScanPort &p : *current)
            judged = judged || !FindingsEngine::assessPort(p).status.isEmpty();
        QVERIFY(judged);
    }

    void closedAndFilteredPortsRaiseNothing()
    {
        const qint64 caf4 = lineByCaf(m_lines, u"CAF0004"_s)->id;
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store,
            nmapRun(host(u"198.51.100.25"_s, {{u"tcp"_s, 23, u"closed"_s, u"telnet"_s},
                                              {u"tcp"_s, 22, u"filtered"_s, u"ssh"_s},
                                              {u"udp"_s, 500, u"open|filtered"_s, u"isakmp"_s}})),
            u"quiet.xml"_s));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        QCOMPARE(ruleIds(*findings, caf4), QStringList());
    }

    void aSupportedFortiOsIsNotFlagged()
    {
        const qint64 caf4 = lineByCaf(m_lines, u"CAF0004"_s)->id;
        FS_VERIFY_OK(ScanImporter::importBytes(
            *m_store,
            nmapRun(host(u"198.51.100.25"_s, {{u"tcp"_s, 541, u"open"_s, u"fgfm"_s, u"Fortinet FortiGate"_s,
                                               u"7.4.8"_s, u"cpe:/o:fortinet:fortios:7.4.8"_s}})),
            u"new.xml"_s));
        auto findings = FindingsEngine::current(*m_store, QDate(2026, 11, 24));
        FS_VERIFY_OK(findings);
        QVERIFY(!byRule(*findings, u"line.scan_kev"_s, caf4));
    }

    // ---- the scan-day list

    void scanDayList()
    {
        const QList<ConnectionPoint> lines = {
            plainLine(1, 1, u"固定IP"_s, u"203.0.113.10"_s),
            plainLine(2, 2, u"動的IP"_s, {}),
            plainLine(3, 3, u"動的IP"_s, {}, {}, u"198.51.100.7"_s),
            plainLine(4, 4, u"固定IP"_s, {}),
            plainLine(5, 5, u"固定IP"_s, u"192.168.0.1"_s),
            [] {
                ConnectionPoint cp = plainLine(6, 6, u"固定IP"_s, u"203.0.113.66"_s);
                cp.wantsVulnerabilityScan = u"調査希望なし"_s;
                return cp;
            }(),
        };
        const QList<ScanDayRow> rows = ScanDay::rows(lines);
        QCOMPARE(rows.size(), 5); // the line that did not ask is not listed
        QCOMPARE(rows[0].state, ScanDayState::FixedIp);
        QCOMPARE(rows[0].target, u"203.0.113.10"_s);
        QCOMPARE(rows[1].state, ScanDayState::Unconfirmed);
        QVERIFY(rows[1].isFlagged());
        QCOMPARE(rows[2].state, ScanDayState::Confirmed);
        QCOMPARE(rows[2].target, u"198.51.100.7"_s);
        QVERIFY(!rows[2].isFlagged());
        QCOMPARE(rows[3].state, ScanDayState::NoAddress);
        QCOMPARE(rows[4].state, ScanDayState::NotPublic);
        QVERIFY(rows[4].isFlagged());
    }

    void scanDayCsv()
    {
        ConnectionPoint risky = plainLine(1, 1, u"固定IP"_s, u"203.0.113.10"_s);
        risky.purpose = u"=HYPERLINK(\"http://evil\",\"x\")"_s;
        ConnectionPoint quoted = plainLine(2, 2, u"動的IP"_s, {}, {}, u"198.51.100.7"_s);
        quoted.purpose = u"地域連携, \"見える化\"\n2行目"_s;
        quoted.scanIpConfirmedBy = u"事務長 山田"_s;
        quoted.scanIpConfirmedAt = QDateTime(QDate(2026, 12, 10), QTime(1, 30), Qt::UTC);
        const QByteArray csv = ScanDay::toCsv(ScanDay::rows({risky, quoted}), u"さぬき中央病院"_s);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.endsWith(u"\r\n"_s));
        const QStringList records = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(records.size(), 3);
        QVERIFY(records[0].startsWith(u"医療機関,回線No,ID,用途・システム名"_s));
        QVERIFY2(records[1].contains(u"\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""_s),
                 qPrintable(records[1]));
        QVERIFY(records[1].endsWith(u"診断可（固定IP）"_s));
        QVERIFY2(records[2].contains(u"\"地域連携, \"\"見える化\"\"\n2行目\""_s), qPrintable(records[2]));
        QVERIFY(records[2].contains(u",198.51.100.7,"_s));
        QVERIFY(records[2].contains(u"事務長 山田"_s));
        QVERIFY(records[2].endsWith(u"確認済（当日IP）"_s));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 10), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<SurveyStore> m_store;
    QList<ConnectionPoint> m_lines;
};

QTEST_GUILESS_MAIN(TestScanImport)
#include "tst_scanimport.moc"
