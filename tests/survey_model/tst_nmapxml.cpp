// The nmap -oX reader: real nmap 7.93 output of every scan type, older formats (4.76, 5.21, 6.47,
// 7.80), masscan, and hostile or broken input refused with the file and line.
#include "nmapxml.h"
#include "resultcheck.h"
#include "safexmlreader.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return fs::test::sourceDir() + u"/tests/data/scans/"_s + name;
}

const NmapPort *portOf(const NmapHost &host, const QString &protocol, int number)
{
    for (const NmapPort &p : host.ports) {
        if (p.protocol == protocol && p.port == number)
            return &p;
    }
    return nullptr;
}

QStringList addressesOf(const NmapScan &scan)
{
    QStringList out;
    for (const NmapHost &h : scan.hosts)
        out << h.address;
    return out;
}

QStringList portsOf(const NmapHost &host)
{
    QStringList out;
    for (const NmapPort &p : host.ports)
        out << u"%1/%2 %3"_s.arg(p.protocol).arg(p.port).arg(p.state);
    return out;
}

QStringList scriptIds(const QList<NmapScript> &scripts)
{
    QStringList out;
    for (const NmapScript &s : scripts)
        out << s.id;
    return out;
}

QString scriptOutput(const QList<NmapScript> &scripts, const QString &id)
{
    for (const NmapScript &s : scripts) {
        if (s.id == id)
            return s.output;
    }
    return u"<no script %1>"_s.arg(id);
}

QStringList warningCodes(const NmapScan &scan)
{
    QStringList out;
    for (const ImportWarning &w : scan.warnings)
        out << w.code;
    return out;
}

// Empty when result is a refusal "<file> line <line>: …<what>…" (line -1: any line); else what
// came instead.
QString refusalMismatch(const fs::Result<NmapScan> &result, const QString &file, int line,
                        const QString &what)
{
    if (result)
        return u"expected a refusal, but it parsed (%1 hosts)"_s.arg(result->hosts.size());
    if (result.error().code != fs::ErrorCode::InvalidData)
        return u"expected code invalid_data, got %1"_s.arg(fs::describe(result.error()));
    const QString detail = result.error().detail;
    static const QRegularExpression pattern(u"^(.+) line (\\d+): (.+)$"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto m = pattern.match(detail);
    if (!m.hasMatch() || m.captured(1) != file)
        return u"expected \"%1 line N: …\", got \"%2\""_s.arg(file, detail);
    if (line >= 0 && m.captured(2).toInt() != line)
        return u"expected line %1, got \"%2\""_s.arg(line).arg(detail);
    if (!m.captured(3).contains(what, Qt::CaseInsensitive))
        return u"expected \"%1\" in the message, got \"%2\""_s.arg(what, detail);
    return {};
}

QByteArray nmapDocument(const QByteArray &hosts)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
           "<nmaprun scanner=\"nmap\" args=\"nmap -oX t.xml 10.0.0.1\" start=\"1700000000\" "
           "version=\"7.94\">\n" +
           hosts + "</nmaprun>\n";
}

} // namespace

class TestNmapXml : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // nmap 7.93 -sS -sV --script http-title,ssl-cert against a Python web server, the same over TLS,
    // an SSH banner and a closed port.
    void readsServiceScanWithScripts()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-sS-sV-scripts.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scanner, u"nmap"_s);
        QCOMPARE(scan->scannerVersion, u"7.93"_s);
        QCOMPARE(scan->args, u"nmap -sS -sV -p 48022,48080,48443,48099 --script http-title,ssl-cert -oX "
                             "sS-sV-scripts.xml 127.0.0.1"_s);
        QCOMPARE(scan->startedAt, u"2026-11-24T12:29:22Z"_s);
        QCOMPARE(scan->finishedAt, u"2026-11-24T12:29:40Z"_s);
        QCOMPARE(scan->scannedProtocols, QStringList{u"tcp"_s});
        QVERIFY2(scan->warnings.isEmpty(), qPrintable(warningCodes(*scan).join(u',')));
        QCOMPARE(scan->hosts.size(), 1);

        const NmapHost &host = scan->hosts.first();
        QCOMPARE(host.status, u"up"_s);
        QCOMPARE(host.address, u"127.0.0.1"_s);
        QCOMPARE(host.addressType, u"ipv4"_s);
        QCOMPARE(host.mac, QString());
        QCOMPARE(host.hostnames, (QList<NmapHostname>{{u"localhost"_s, u"PTR"_s}}));
        QCOMPARE(host.startedAt, u"2026-11-24T12:29:22Z"_s);
        QCOMPARE(host.osMatch, QString());
        QCOMPARE(portsOf(host), (QStringList{u"tcp/48022 open"_s, u"tcp/48080 open"_s, u"tcp/48099 closed"_s,
                                             u"tcp/48443 open"_s}));

        const NmapPort *ssh = portOf(host, u"tcp"_s, 48022);
        QVERIFY(ssh);
        QCOMPARE(ssh->reason, u"syn-ack"_s);
        QCOMPARE(ssh->service, u"ssh"_s);
        QCOMPARE(ssh->product, u"OpenSSH"_s);
        QCOMPARE(ssh->version, u"8.4p1 Debian 5+deb11u1"_s);
        QCOMPARE(ssh->extraInfo, u"protocol 2.0"_s);
        QCOMPARE(ssh->osType, u"Linux"_s);
        QCOMPARE(ssh->cpes, (QStringList{u"cpe:/a:openbsd:openssh:8.4p1"_s, u"cpe:/o:linux:linux_kernel"_s}));
        QVERIFY(ssh->scripts.isEmpty());

        const NmapPort *http = portOf(host, u"tcp"_s, 48080);
        QVERIFY(http);
        QCOMPARE(http->service, u"http"_s);
        QCOMPARE(http->product, u"SimpleHTTPServer"_s);
        QCOMPARE(http->version, u"0.6"_s);
        QCOMPARE(http->extraInfo, u"Python 3.11.7"_s);
        QCOMPARE(http->cpes, QStringList{u"cpe:/a:python:simplehttpserver:0.6"_s});
        QCOMPARE(http->scripts,
                 (QList<NmapScript>{{u"http-server-header"_s, u"SimpleHTTP/0.6 Python/3.11.7"_s},
                                    {u"http-title"_s, u"FieldSurvey test page"_s}}));

        const NmapPort *closed = portOf(host, u"tcp"_s, 48099);
        QVERIFY(closed);
        QCOMPARE(closed->reason, u"reset"_s);
        QCOMPARE(closed->service, QString());
        QVERIFY(closed->cpes.isEmpty());

        const NmapPort *https = portOf(host, u"tcp"_s, 48443);
        QVERIFY(https);
        QCOMPARE(https->service, u"ssl/http"_s);
        QCOMPARE(https->product, u"SimpleHTTPServer"_s);
        QCOMPARE(scriptIds(https->scripts),
                 (QStringList{u"ssl-cert"_s, u"http-server-header"_s, u"http-title"_s}));
        // The output attribute with its &#xa; line breaks; the <table>/<elem> structure is not kept
        // (the PEM is only in an <elem>).
        const QString cert = scriptOutput(https->scripts, u"ssl-cert"_s);
        QVERIFY2(cert.startsWith(u"Subject: commonName=survey-test.local/organizationName=FieldSurvey Test\n"
                                 "Issuer: commonName=survey-test.local"_s),
                 qPrintable(cert));
        QVERIFY2(cert.endsWith(u"\nSHA-1: e3baf306d98cff2f363571bc07f4fce8646994a3"_s), qPrintable(cert));
        QCOMPARE(cert.count(u'\n'), 8);
        QVERIFY(!cert.contains(u"BEGIN CERTIFICATE"_s));
    }

    // nmap 7.93 -sU -sV: an open UDP port (an echo responder) and a closed one.
    void readsUdpScan()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-sU-sV.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scannedProtocols, QStringList{u"udp"_s});
        QCOMPARE(scan->hosts.size(), 1);
        const NmapHost &host = scan->hosts.first();
        QCOMPARE(portsOf(host), (QStringList{u"udp/48053 open"_s, u"udp/48054 closed"_s}));
        QCOMPARE(host.ports[0].reason, u"udp-response"_s);
        QCOMPARE(host.ports[0].service, u"echo"_s);
        QCOMPARE(host.ports[1].reason, u"port-unreach"_s);
        QCOMPARE(scan->finishedAt, u"2026-11-24T12:30:00Z"_s);
    }

    // nmap 7.93 -sn: no <scaninfo>, no <ports>, hosts without start times.
    void readsPingScan()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-sn.xml"_s));
        FS_VERIFY_OK(scan);
        QVERIFY(scan->scannedProtocols.isEmpty());
        QCOMPARE(addressesOf(*scan), (QStringList{u"127.0.0.1"_s, u"127.0.0.2"_s}));
        for (const NmapHost &h : scan->hosts) {
            QCOMPARE(h.status, u"up"_s);
            QVERIFY(h.ports.isEmpty());
            QCOMPARE(h.startedAt, QString());
        }
        QCOMPARE(scan->hosts[0].hostnames, (QList<NmapHostname>{{u"localhost"_s, u"PTR"_s}}));
        QVERIFY(scan->hosts[1].hostnames.isEmpty());
        QCOMPARE(scan->startedAt, u"2026-11-24T12:30:00Z"_s);
    }

    // nmap 7.93 -6 -sT -sV --script http-title against ::1.
    void readsIpv6Loopback()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-ipv6-loopback.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->hosts.size(), 1);
        const NmapHost &host = scan->hosts.first();
        QCOMPARE(host.address, u"::1"_s);
        QCOMPARE(host.addressType, u"ipv6"_s);
        QCOMPARE(portsOf(host), (QStringList{u"tcp/48080 open"_s, u"tcp/48081 closed"_s}));
        QCOMPARE(host.ports[1].reason, u"conn-refused"_s);
        QCOMPARE(scriptOutput(host.ports[0].scripts, u"http-title"_s), u"FieldSurvey test page"_s);
        QCOMPARE(scan->scannedProtocols, QStringList{u"tcp"_s});
    }

    // nmap 7.93 -sT -O: <os> with ten osmatches, uptime, distance, tcpsequence and the other
    // host-level elements that are skipped.
    void readsOsDetection()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-sT-O.xml"_s));
        FS_VERIFY_OK(scan);
        const NmapHost &host = scan->hosts.value(0);
        QCOMPARE(host.osMatch, u"Linux 5.0 - 5.2"_s);
        QCOMPARE(portsOf(host), (QStringList{u"tcp/48022 open"_s, u"tcp/48080 open"_s}));
        QCOMPARE(host.ports[0].service, QString()); // -sT without -sV: no <service> for an unknown port
        QCOMPARE(host.ports[1].service, u"unknown"_s);
        QVERIFY(host.ports[1].cpes.isEmpty()); // the osclass <cpe>s are not the service's
    }

    // nmap 7.93 -v -sS -sU -sC -sV --traceroute against "localhost": both protocols, a user and a
    // PTR host name, <taskbegin>/<taskend>, -sC's default scripts.
    void readsCombinedVerboseScan()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-sS-sU-sC-verbose.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scannedProtocols, (QStringList{u"tcp"_s, u"udp"_s}));
        QCOMPARE(scan->hosts.size(), 1);
        const NmapHost &host = scan->hosts.first();
        QCOMPARE(host.hostnames,
                 (QList<NmapHostname>{{u"localhost"_s, u"user"_s}, {u"localhost"_s, u"PTR"_s}}));
        QCOMPARE(portsOf(host), (QStringList{u"tcp/48080 open"_s, u"tcp/48443 open"_s, u"udp/48053 open"_s}));
        QCOMPARE(scriptIds(host.ports[0].scripts),
                 (QStringList{u"http-title"_s, u"http-methods"_s, u"http-server-header"_s}));
        QCOMPARE(scriptOutput(host.ports[0].scripts, u"http-methods"_s),
                 u"\n  Supported Methods: GET HEAD"_s);
        QCOMPARE(host.ports[1].service, u"ssl/http"_s);
        QCOMPARE(scriptIds(host.ports[1].scripts),
                 (QStringList{u"http-methods"_s, u"http-title"_s, u"ssl-date"_s, u"ssl-cert"_s,
                              u"http-server-header"_s}));
        QCOMPARE(scriptOutput(host.ports[1].scripts, u"ssl-date"_s),
                 u"TLS randomness does not represent time"_s);
        QCOMPARE(host.ports[2].service, u"echo"_s);
        QCOMPARE(scan->finishedAt, u"2026-11-24T12:31:16Z"_s);
    }

    // nmap 4.76 (xmloutputversion 1.02): no DOCTYPE, <osclass> beside <osmatch>, the best osmatch
    // not the first, a MAC address, <hostnames />, an old-style hostscript.
    void readsNmap4()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-4.76-sS.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scannerVersion, u"4.76"_s);
        QCOMPARE(scan->startedAt, u"2008-12-22T09:00:00Z"_s);
        QCOMPARE(scan->finishedAt, u"2008-12-22T09:00:12Z"_s);
        QCOMPARE(scan->scannedProtocols, QStringList{u"tcp"_s});
        QCOMPARE(scan->hosts.size(), 1);
        const NmapHost &host = scan->hosts.first();
        QCOMPARE(host.address, u"10.0.0.5"_s);
        QCOMPARE(host.mac, u"00:0C:29:AB:CD:EF"_s);
        QVERIFY(host.hostnames.isEmpty());
        QCOMPARE(host.startedAt, u"2008-12-22T09:00:01Z"_s);
        QCOMPARE(host.osMatch, u"Microsoft Windows XP SP2 or SP3"_s);
        // <extraports count="1712"> is not a port.
        QCOMPARE(portsOf(host), (QStringList{u"tcp/23 open"_s, u"tcp/139 open"_s, u"tcp/445 filtered"_s}));
        QCOMPARE(host.ports[2].reason, u"no-response"_s);
        QCOMPARE(host.ports[2].service, u"microsoft-ds"_s);
        QCOMPARE(
            host.hostScripts,
            (QList<NmapScript>{
                {u"nbstat"_s,
                 u"NetBIOS name: NURSE-PC07, NetBIOS user: <unknown>, NetBIOS MAC: 00:0c:29:ab:cd:ef"_s}}));
    }

    // nmap 5.21 (xmloutputversion 1.03): no <cpe> yet, a tunnel="ssl" service, devicetype, <trace>,
    // host names of both types written with capitals and a trailing dot.
    void readsNmap5()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-5.21-sV.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scannerVersion, u"5.21"_s);
        QCOMPARE(scan->startedAt, u"2010-11-17T13:20:00Z"_s);
        QCOMPARE(scan->finishedAt, u"2010-11-17T13:21:33Z"_s);
        const NmapHost &host = scan->hosts.value(0);
        QCOMPARE(host.address, u"198.51.100.7"_s);
        QCOMPARE(host.hostnames, (QList<NmapHostname>{{u"fw01.hospital.example"_s, u"user"_s},
                                                      {u"fw01.hospital.example"_s, u"PTR"_s}}));
        QCOMPARE(portsOf(host), (QStringList{u"tcp/22 open"_s, u"tcp/443 open"_s, u"tcp/541 open"_s,
                                             u"tcp/10443 closed"_s}));
        QCOMPARE(host.ports[0].product, u"FortiGate sshd"_s);
        QCOMPARE(host.ports[0].osType, u"FortiOS"_s);
        QCOMPARE(host.ports[0].deviceType, u"firewall"_s);
        QVERIFY(host.ports[0].cpes.isEmpty());
        QCOMPARE(host.ports[1].service, u"ssl/http"_s);
        QCOMPARE(host.ports[1].scripts,
                 (QList<NmapScript>{{u"html-title"_s, u"Site doesn't have a title (text/html)."_s}}));
        QCOMPARE(host.ports[2].service, u"fortinet"_s);
    }

    // nmap 6.47 -sS -sU -sV: two <scaninfo>s, open|filtered, several cpes per service.
    void readsNmap6TcpAndUdp()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-6.47-sS-sU.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scannedProtocols, (QStringList{u"tcp"_s, u"udp"_s}));
        const NmapHost &host = scan->hosts.value(0);
        QCOMPARE(portsOf(host), (QStringList{u"tcp/80 open"_s, u"tcp/1433 open"_s, u"udp/137 open"_s,
                                             u"udp/161 open|filtered"_s}));
        const NmapPort *sql = portOf(host, u"tcp"_s, 1433);
        QVERIFY(sql);
        QCOMPARE(sql->product, u"Microsoft SQL Server 2008 R2"_s);
        QCOMPARE(sql->version, u"10.50.1600; RTM"_s);
        QCOMPARE(sql->cpes,
                 (QStringList{u"cpe:/a:microsoft:sql_server:2008_r2"_s, u"cpe:/o:microsoft:windows"_s}));
        QCOMPARE(portOf(host, u"udp"_s, 137)->extraInfo, u"workgroup: PACS"_s);
        QCOMPARE(portOf(host, u"udp"_s, 161)->reason, u"no-response"_s);
        QCOMPARE(portOf(host, u"tcp"_s, 80)->version, u"7.5"_s);
    }

    // nmap 7.80 -v on a /29: <hosthint>s (not hosts), <prescript>/<postscript>, <taskprogress>,
    // <output type="interactive">, down hosts, <hostscript>, <trace>.
    void readsMultiHostWithDownHostsAndHints()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.80-multihost-down.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(addressesOf(*scan),
                 (QStringList{u"192.168.20.1"_s, u"192.168.20.2"_s, u"192.168.20.3"_s, u"192.168.20.4"_s}));
        QStringList statuses;
        for (const NmapHost &h : scan->hosts)
            statuses << h.status;
        QCOMPARE(statuses, (QStringList{u"up"_s, u"down"_s, u"up"_s, u"down"_s}));
        QVERIFY(scan->warnings.isEmpty());

        const NmapHost &gateway = scan->hosts[0];
        QCOMPARE(gateway.mac, u"00:09:0F:AA:BB:01"_s);
        QCOMPARE(gateway.hostnames, (QList<NmapHostname>{{u"gw.ward3.hospital.example"_s, u"PTR"_s}}));
        QCOMPARE(gateway.startedAt, u"2020-01-16T10:00:07Z"_s);
        QCOMPARE(gateway.ports[0].service, u"ssh"_s);
        QCOMPARE(gateway.ports[0].version, u"6.0.4"_s);
        QCOMPARE(gateway.ports[0].cpes, QStringList{u"cpe:/o:fortinet:fortios:6.0.4"_s});
        QCOMPARE(gateway.ports[0].scripts,
                 (QList<NmapScript>{{u"ssh-hostkey"_s,
                                     u"\n  2048 aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99 (RSA)"_s}}));
        QCOMPARE(gateway.ports[1].service, u"ssl/http"_s);
        QCOMPARE(gateway.ports[1].cpes,
                 (QStringList{u"cpe:/h:fortinet:fortigate"_s, u"cpe:/o:fortinet:fortios"_s}));
        QVERIFY(gateway.hostScripts.isEmpty());

        const NmapHost &down = scan->hosts[1];
        QVERIFY(down.ports.isEmpty());
        QVERIFY(down.hostnames.isEmpty());
        QCOMPARE(down.mac, QString());

        const NmapHost &pc = scan->hosts[2];
        QCOMPARE(portsOf(pc), (QStringList{u"tcp/135 open"_s, u"tcp/445 open"_s, u"tcp/3389 open"_s}));
        QCOMPARE(scriptIds(pc.hostScripts), (QStringList{u"smb-os-discovery"_s, u"smb2-security-mode"_s}));
        QVERIFY(scriptOutput(pc.hostScripts, u"smb-os-discovery"_s)
                    .startsWith(
                        u"\n  OS: Windows 10 Pro 19045 (Windows 10 Pro 6.3)\n  Computer name: EMR-PC01"_s));
        QCOMPARE(scan->finishedAt, u"2020-01-16T10:01:40Z"_s);
    }

    // Hand-made nmap 7.92 -6 file: addresses written long and in capitals come out canonical.
    void canonicalisesIpv6Hosts()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.92-ipv6-global.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(addressesOf(*scan), (QStringList{u"2001:db8::1:0:0:1"_s, u"fe80::a00:27ff:fe4e:66a1"_s}));
        QCOMPARE(scan->hosts[0].addressType, u"ipv6"_s);
        QCOMPARE(scan->hosts[0].hostnames, (QList<NmapHostname>{{u"vpn.hospital.example"_s, u"PTR"_s}}));
        QCOMPARE(scan->hosts[1].mac, u"08:00:27:4E:66:A1"_s);
        QCOMPARE(scan->hosts[1].status, u"up"_s);
        QCOMPARE(portsOf(scan->hosts[1]), QStringList{u"tcp/443 closed"_s});
    }

    // The same text as QHostAddress::toString (survey_model cannot link Qt Network to ask it).
    void canonicalisesIpv6LikeQHostAddress_data()
    {
        QTest::addColumn<QString>("written");
        for (const char *a : {"::1",
                              "::",
                              "0:0:0:0:0:0:0:0",
                              "2001:DB8:0:0:1:0:0:1",
                              "2001:db8:0:1:1:1:1:1",
                              "1:0:0:2:0:0:0:3",
                              "0:0:1:0:0:1:0:0",
                              "1::",
                              "1:2:3:4:5:6:7:8",
                              "1:0:0:0:0:0:0:0",
                              "FE80::0A00:27FF:FE4E:66A1",
                              "fe80::1%eth0",
                              "::ffff:192.0.2.1",
                              "::FFFF:c000:0201",
                              "2001:db8::192.0.2.1",
                              "::192.0.2.1",
                              "0000:0000:0000:0000:0000:0000:0000:0001",
                              "2001:db8:0:0:0:0:2:1",
                              "2001:0db8:0000:0000:0001:0000:0000:0000",
                              "ff02::1:ff00:1"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void canonicalisesIpv6LikeQHostAddress()
    {
        QFETCH(QString, written);
        const QHostAddress expected(written);
        QVERIFY2(!expected.isNull(), qPrintable(written));
        const QByteArray host = "<host><status state=\"up\"/><address addr=\"" + written.toLatin1() +
                                "\" addrtype=\"ipv6\"/></host>\n";
        const auto scan = NmapXml::parse(nmapDocument(host), u"v6.xml"_s);
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->hosts.value(0).address, expected.toString());
    }

    // masscan -oX: one <host> per port found (and per banner), merged by address in first-seen
    // order; no <status> means up; banners kept as a "banner" script.
    void mergesMasscanHosts()
    {
        const auto scan = NmapXml::readFile(fixture(u"masscan-1.3.2-banners.xml"_s));
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->scanner, u"masscan"_s);
        QCOMPARE(scan->scannerVersion, u"1.0-BETA"_s);
        QCOMPARE(scan->startedAt, u"2023-11-14T22:13:20Z"_s);
        QCOMPARE(scan->finishedAt, u"2023-11-14T22:13:35Z"_s);
        QCOMPARE(scan->scannedProtocols, QStringList{u"tcp"_s});
        QCOMPARE(addressesOf(*scan), (QStringList{u"203.0.113.10"_s, u"203.0.113.11"_s}));

        const NmapHost &web = scan->hosts[0];
        QCOMPARE(web.status, u"up"_s);
        QCOMPARE(web.startedAt, u"2023-11-14T22:13:23Z"_s);
        QCOMPARE(portsOf(web), (QStringList{u"tcp/443 open"_s, u"tcp/80 open"_s}));
        QCOMPARE(web.ports[1].reason, u"syn-ack"_s); // the first sighting's
        QCOMPARE(web.ports[1].service, u"title"_s);
        QCOMPARE(web.ports[1].scripts, (QList<NmapScript>{{u"banner"_s, u"Web Console"_s}}));

        const NmapHost &ssh = scan->hosts[1];
        QCOMPARE(portsOf(ssh), QStringList{u"tcp/22 open"_s});
        QCOMPARE(ssh.ports[0].service, u"ssh"_s);
        QCOMPARE(ssh.ports[0].scripts, (QList<NmapScript>{{u"banner"_s, u"SSH-2.0-OpenSSH_7.4"_s}}));
    }

    // nmap 7.93 that quit: a bare <nmaprun> (bad -e device), and an NSE start-up failure. The file
    // is readable, and a warning says the results are incomplete.
    void warnsOnNmapExitError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("device") << u"nmap-7.93-exit-error-device.xml"_s << 1
                                << u"I cannot figure out what source address to use for device nosuchif0"_s;
        QTest::newRow("nse") << u"nmap-7.93-exit-error-nse.xml"_s << 9
                             << u"NSE: failed to initialize the script engine:\n/usr/bin/../share/nmap/"
                                "nse_main.lua:833: 'nosuchscript' did not match"_s;
    }
    void warnsOnNmapExitError()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto scan = NmapXml::readFile(fixture(file));
        FS_VERIFY_OK(scan);
        QVERIFY(scan->hosts.isEmpty());
        QCOMPARE(scan->warnings.size(), 1);
        const ImportWarning &w = scan->warnings.first();
        QCOMPARE(w.code, u"nmap_exit_error"_s);
        QCOMPARE(w.where, u"%1 line %2"_s.arg(file).arg(line));
        QVERIFY2(w.detail.contains(message), qPrintable(w.detail));
        QCOMPARE(scan->finishedAt.left(11), u"2026-11-24T"_s);
    }

    // nmap 7.93 stopped with Ctrl-C: no </nmaprun>.
    void refusesInterruptedScan()
    {
        const auto scan = NmapXml::readFile(fixture(u"nmap-7.93-interrupted.xml"_s));
        const QString mismatch = refusalMismatch(scan, u"nmap-7.93-interrupted.xml"_s, 10,
                                                 u"the scan did not finish or the file is cut"_s);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    // A real file cut anywhere: refused, naming the file and the last line.
    void refusesTruncatedFiles_data()
    {
        QTest::addColumn<QByteArray>("cut");
        const QByteArray full = fs::test::readFile(fixture(u"nmap-7.93-sS-sV-scripts.xml"_s));
        QVERIFY(!full.isEmpty());
        const auto at = [&](const char *marker, int extra) {
            return full.left(full.indexOf(marker) + extra);
        };
        QTest::newRow("inside the XML declaration") << full.left(20);
        QTest::newRow("inside the DOCTYPE") << at("<!DOCTYPE", 5);
        QTest::newRow("before <nmaprun>") << at("<nmaprun", 0);
        QTest::newRow("inside the <nmaprun> tag") << at("<nmaprun", 30);
        QTest::newRow("after <scaninfo>") << at("<verbose", 0);
        QTest::newRow("inside <host>") << at("<ports>", 0);
        QTest::newRow("inside an attribute") << at("Public Key type", 3);
        QTest::newRow("inside <elem>") << at("BEGIN CERTIFICATE", 0);
        QTest::newRow("before </runstats>") << at("</runstats>", 0);
        QTest::newRow("before </nmaprun>") << at("</nmaprun>", 0);
        QTest::newRow("without the last >") << at("</nmaprun>", 9);
    }
    void refusesTruncatedFiles()
    {
        QFETCH(QByteArray, cut);
        const auto scan = NmapXml::parse(cut, u"cut.xml"_s);
        const QString mismatch = refusalMismatch(scan, u"cut.xml"_s, int(cut.count('\n')) + 1, u"cut"_s);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("what");

        const QByteArray decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        QByteArray laughs = decl + "<!DOCTYPE nmaprun [\n<!ENTITY lol \"lol\">\n";
        for (int i = 1; i <= 9; ++i) {
            laughs += "<!ENTITY lol" + QByteArray::number(i) + " \"";
            for (int j = 0; j < 10; ++j)
                laughs += "&lol" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ";";
            laughs += "\">\n";
        }
        laughs += "]>\n<nmaprun args=\"&lol9;\">&lol9;</nmaprun>\n";
        QTest::newRow("billion laughs") << laughs << 13 << u"internal subset"_s;
        QTest::newRow("XXE") << decl +
                                    "<!DOCTYPE nmaprun [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                                    "<nmaprun args=\"&xxe;\"><host>&xxe;</host></nmaprun>\n"
                             << 4 << u"internal subset"_s;
        QTest::newRow("XXE parameter entity") << decl + "<!DOCTYPE nmaprun [<!ENTITY % dtd SYSTEM "
                                                        "\"http://127.0.0.1:9/evil.dtd\"> %dtd;]>\n<nmaprun/>"
                                              << 2 << u"internal subset"_s;
        QTest::newRow("empty internal subset")
            << decl + "<!DOCTYPE nmaprun []>\n<nmaprun></nmaprun>" << 2 << u"internal subset"_s;
        QTest::newRow("notation") << decl + "<!DOCTYPE nmaprun [<!NOTATION n SYSTEM \"x\">]>\n<nmaprun/>" << 2
                                  << u"internal subset"_s;
        QTest::newRow("DOCTYPE SYSTEM")
            << decl + "<!DOCTYPE nmaprun SYSTEM \"file:///etc/passwd\">\n<nmaprun/>" << 2 << u"external id"_s;
        QTest::newRow("DOCTYPE PUBLIC")
            << decl + "<!DOCTYPE nmaprun PUBLIC \"-//NMAP//DTD\" \"http://127.0.0.1:9/nmap.dtd\">\n<nmaprun/>"
            << 2 << u"external id"_s;
        QTest::newRow("another DOCTYPE")
            << decl + "<!DOCTYPE html>\n<nmaprun/>" << 2 << u"DOCTYPE html is not allowed"_s;
        QTest::newRow("second DOCTYPE")
            << decl + "<!DOCTYPE nmaprun>\n<!DOCTYPE nmaprun>\n<nmaprun/>" << 3 << u"second DOCTYPE"_s;
        QTest::newRow("entity reference")
            << decl + "<nmaprun>\n<host>\n&ent;</host></nmaprun>" << 4 << u"Entity 'ent' not declared"_s;
        QTest::newRow("entity in attribute") << decl + "<nmaprun>\n<host starttime=\"&ent;\"/></nmaprun>" << 3
                                             << u"Entity 'ent' not declared"_s;
        QTest::newRow("HTML page") << QByteArray("<html>\n<head><title>404</title></head></html>") << 1
                                   << u"the root element is <html>, not <nmaprun>"_s;
        QTest::newRow("HTML5 page") << QByteArray("<!DOCTYPE html>\n<html><body/></html>") << 1
                                    << u"DOCTYPE html is not allowed"_s;
        QTest::newRow("Nessus") << decl +
                                       "<NessusClientData_v2>\n<Report name=\"scan\"/></NessusClientData_v2>"
                                << 2 << u"<NessusClientData_v2>, not <nmaprun> (a Nessus report)"_s;
        QTest::newRow("binary garbage")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20) << 1 << u"not an nmap XML file"_s;
        QTest::newRow("plain text") << QByteArray("Starting Nmap 7.93\nNmap scan report for 10.0.0.1\n") << 1
                                    << u"not an nmap XML file"_s;
        QTest::newRow("empty") << QByteArray() << 1 << u"no XML element"_s;
        QTest::newRow("invalid UTF-8")
            << nmapDocument("<host>\n<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>\n<hostnames><hostname "
                            "name=\"\xc3\x28"
                            "\xff\xfe\" type=\"PTR\"/></hostnames></host>\n")
            << 6 << u"invalid UTF-8 (byte 0xc3)"_s;
        QByteArray deep = "<nmaprun>\n<host>\n";
        for (int i = 0; i < 300; ++i)
            deep += "<x>";
        QTest::newRow("300 deep") << deep + "\n</host></nmaprun>" << 3 << u"nest more than 256 deep"_s;
        const auto port = [](const QByteArray &attributes) {
            return nmapDocument("<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>\n<port " +
                                attributes + "><state state=\"open\"/></port></ports></host>\n");
        };
        QTest::newRow("port 65536") << port("protocol=\"tcp\" portid=\"65536\"") << 5
                                    << u"port number \"65536\" is not a number from 0 to 65535"_s;
        QTest::newRow("port -1") << port("protocol=\"tcp\" portid=\"-1\"") << 5 << u"port number \"-1\""_s;
        QTest::newRow("port name") << port("protocol=\"tcp\" portid=\"http\"") << 5
                                   << u"port number \"http\""_s;
        QTest::newRow("port hex") << port("protocol=\"tcp\" portid=\"0x50\"") << 5
                                  << u"port number \"0x50\""_s;
        QTest::newRow("no portid") << port("protocol=\"tcp\"") << 5 << u"port number \"\""_s;
        QTest::newRow("no protocol") << port("portid=\"80\"") << 5 << u"without a protocol"_s;
        QTest::newRow("bad IPv4") << nmapDocument(
                                         "<host>\n<address addr=\"999.1.1.1\" addrtype=\"ipv4\"/></host>\n")
                                  << 5 << u"\"999.1.1.1\" is not a valid ipv4 address"_s;
        QTest::newRow("bad IPv6")
            << nmapDocument("<host>\n<address addr=\"2001:db8:::1\" addrtype=\"ipv6\"/></host>\n") << 5
            << u"\"2001:db8:::1\" is not a valid ipv6 address"_s;
    }
    void refusesHostileInput()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, line);
        QFETCH(QString, what);
        QElapsedTimer timer;
        timer.start();
        const auto scan = NmapXml::parse(xml, u"hostile.xml"_s);
        const QString mismatch = refusalMismatch(scan, u"hostile.xml"_s, line, what);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(!scan.error().detail.contains(u"root:"_s), "the refusal quotes a local file");
        QVERIFY2(timer.elapsed() < 5000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    }

    // A bad byte far into a large file: the reader decodes as it goes, and the message names the
    // byte's line, not line 1.
    void namesTheLineOfInvalidUtf8DeepInAFile()
    {
        QByteArray hosts;
        for (int i = 0; i < 5000; ++i)
            hosts += "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/></host>\n";
        hosts += "<host><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><os><osmatch "
                 "name=\"caf\xe9\"/></os></host>\n";
        const QByteArray xml = nmapDocument(hosts);
        const auto scan = NmapXml::parse(xml, u"deep.xml"_s);
        const QString mismatch =
            refusalMismatch(scan, u"deep.xml"_s, 3 + 5000 + 1, u"invalid UTF-8 (byte 0xe9)"_s);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        // The same byte is fine in a file that declares Latin-1.
        QByteArray latin1 = xml;
        latin1.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        const auto declared = NmapXml::parse(latin1, u"latin1.xml"_s);
        FS_VERIFY_OK(declared);
        QCOMPARE(declared->hosts.size(), 5001);
        QCOMPARE(declared->hosts.last().osMatch, u"caf\u00e9"_s);
    }

    // Later nmap versions add elements and attributes: skipped, wherever they are.
    void skipsUnknownElements()
    {
        const QByteArray xml = nmapDocument(
            "<futurerun mode=\"x\"><deep><deeper/></deep></futurerun>\n"
            "<host newattr=\"1\"><futurehost><a><b>text</b></a></futurehost>\n"
            "<status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>\n"
            "<ports><futureports/><port protocol=\"TCP\" portid=\"80\" "
            "future=\"y\"><futureport><x/></futureport>"
            "<state state=\"open\" reason=\"syn-ack\"/><service "
            "name=\"http\"><futureservice/><cpe>cpe:/a:x:y</cpe>"
            "</service><script id=\"s\" output=\"o\"><table><table><elem key=\"k\">v</elem></table></table>"
            "<futurescript/></script></port></ports>\n"
            "<hostscript><futurescript/><script id=\"h\" output=\"ho\"/></hostscript></host>\n"
            "<runstats><futurestat/><finished time=\"1700000015\" exit=\"success\"/></runstats>\n");
        const auto scan = NmapXml::parse(xml, u"future.xml"_s);
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->hosts.size(), 1);
        const NmapHost &host = scan->hosts.first();
        QCOMPARE(host.address, u"10.0.0.1"_s);
        QCOMPARE(portsOf(host), QStringList{u"tcp/80 open"_s});
        QCOMPARE(host.ports[0].service, u"http"_s);
        QCOMPARE(host.ports[0].cpes, QStringList{u"cpe:/a:x:y"_s});
        QCOMPARE(host.ports[0].scripts, (QList<NmapScript>{{u"s"_s, u"o"_s}}));
        QCOMPARE(host.hostScripts, (QList<NmapScript>{{u"h"_s, u"ho"_s}}));
        QCOMPARE(scan->finishedAt, u"2023-11-14T22:13:35Z"_s);
        QVERIFY(scan->warnings.isEmpty());
    }

    // A host without <status> is up; a run without start keeps startstr as written; times that are
    // not numbers are left empty.
    void fillsDefaults()
    {
        const QByteArray xml =
            "<nmaprun scanner=\"nmap\" startstr=\"Sat Jan  1 10:00:00 2005\" version=\"3.75\">\n"
            "<host starttime=\"soon\"><address addr=\"10.0.0.9\" addrtype=\"ipv4\"/>"
            "<address addr=\"10.0.0.10\" addrtype=\"ipv4\"/></host>\n"
            "<runstats><finished timestr=\"Sat Jan  1 10:05:00 2005\"/></runstats></nmaprun>\n";
        const auto scan = NmapXml::parse(xml, u"old.xml"_s);
        FS_VERIFY_OK(scan);
        QCOMPARE(scan->startedAt, u"Sat Jan  1 10:00:00 2005"_s);
        QCOMPARE(scan->finishedAt, u"Sat Jan  1 10:05:00 2005"_s);
        QCOMPARE(scan->hosts.size(), 1);
        QCOMPARE(scan->hosts[0].status, u"up"_s);
        QCOMPARE(scan->hosts[0].address, u"10.0.0.9"_s); // the first address
        QCOMPARE(scan->hosts[0].startedAt, QString());
    }

    // Script output beyond kMaxScriptOutput is cut with a marker; one warning names the first place.
    void cutsHugeScriptOutput()
    {
        const QByteArray huge(NmapXml::kMaxScriptOutput + 5000, 'A');
        const QByteArray xml =
            nmapDocument("<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>\n"
                         "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/>\n"
                         "<script id=\"http-title\" output=\"" +
                         huge +
                         "\"/></port></ports>\n"
                         "<hostscript><script id=\"smb-os-discovery\" output=\"" +
                         huge + "B\"/><script id=\"short\" output=\"fine\"/></hostscript></host>\n");
        const auto scan = NmapXml::parse(xml, u"huge.xml"_s);
        FS_VERIFY_OK(scan);
        const NmapHost &host = scan->hosts.value(0);
        for (const QString &output :
             {host.ports.value(0).scripts.value(0).output, host.hostScripts.value(0).output}) {
            QVERIFY2(output.startsWith(QString(NmapXml::kMaxScriptOutput, u'A') + u"\n[… output cut"_s),
                     qPrintable(output.right(80)));
            QVERIFY2(output.size() < NmapXml::kMaxScriptOutput + 100,
                     qPrintable(QString::number(output.size())));
            QVERIFY(!output.contains(u'B'));
        }
        QCOMPARE(host.hostScripts.value(1).output, u"fine"_s);
        QCOMPARE(warningCodes(*scan), QStringList{u"script_output_cut"_s});
        const ImportWarning &w = scan->warnings.first();
        QCOMPARE(w.where, u"huge.xml line 6"_s);
        QCOMPARE(w.subject, u"host:10.0.0.1/tcp/80/script:http-title"_s);
        QVERIFY2(w.detail.contains(u"2 script outputs"_s), qPrintable(w.detail));
    }

    // kMaxPortsPerHost + 1 ports on one host (the per-file limit is the same check, larger).
    void refusesTooManyPorts()
    {
        QByteArray ports;
        ports.reserve((NmapXml::kMaxPortsPerHost + 1) * 60);
        for (int i = 0; i <= NmapXml::kMaxPortsPerHost; ++i) {
            ports += "<port protocol=\"";
            ports += i < 65536 ? "tcp" : (i < 2 * 65536 ? "udp" : "sctp");
            ports += "\" portid=\"" + QByteArray::number(i % 65536) + "\"><state state=\"closed\"/></port>\n";
        }
        const QByteArray xml = nmapDocument("<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>\n" +
                                            ports + "</ports></host>\n");
        const auto scan = NmapXml::parse(xml, u"ports.xml"_s);
        const QString mismatch =
            refusalMismatch(scan, u"ports.xml"_s, 4 + NmapXml::kMaxPortsPerHost + 1,
                            u"host 10.0.0.1 has more than %1 ports"_s.arg(NmapXml::kMaxPortsPerHost));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        // One fewer is fine.
        const qsizetype last = ports.lastIndexOf("<port");
        const auto fits =
            NmapXml::parse(nmapDocument("<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>\n" +
                                        ports.left(last) + "</ports></host>\n"),
                           u"ports.xml"_s);
        FS_VERIFY_OK(fits);
        QCOMPARE(fits->hosts.value(0).ports.size(), NmapXml::kMaxPortsPerHost);
        QCOMPARE(fits->hosts.value(0).ports.last().protocol, u"sctp"_s);
    }

    void refusesTooManyHosts()
    {
        QByteArray hosts;
        hosts.reserve((NmapXml::kMaxHosts + 1) * 70);
        for (int i = 0; i <= NmapXml::kMaxHosts; ++i) {
            hosts += "<host><address addr=\"10." + QByteArray::number(i >> 16) + '.' +
                     QByteArray::number((i >> 8) & 0xff) + '.' + QByteArray::number(i & 0xff) +
                     "\" addrtype=\"ipv4\"/></host>\n";
        }
        const auto scan = NmapXml::parse(nmapDocument(hosts), u"hosts.xml"_s);
        const QString mismatch = refusalMismatch(scan, u"hosts.xml"_s, 4 + NmapXml::kMaxHosts,
                                                 u"more than %1 hosts"_s.arg(NmapXml::kMaxHosts));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    // A sparse file past kMaxFileBytes is refused from its size, without being read.
    void readFileRefusesHugeFile()
    {
        const QString path = m_dir.filePath(u"huge-scan.xml"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write("<nmaprun>") == 9);
            QVERIFY(file.resize(NmapXml::kMaxFileBytes + 1));
        }
        QElapsedTimer timer;
        timer.start();
        const auto scan = NmapXml::readFile(path);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QVERIFY(!scan);
        QCOMPARE(scan.error().code, fs::ErrorCode::InvalidData);
        QVERIFY2(scan.error().detail.startsWith(path + u": "_s), qPrintable(scan.error().detail));
        QVERIFY2(scan.error().detail.contains(QString::number(NmapXml::kMaxFileBytes)),
                 qPrintable(scan.error().detail));
        QVERIFY(QFile::remove(path));
    }

    void readFileRefusesMissingFile()
    {
        const QString path = m_dir.filePath(u"no-such-scan.xml"_s);
        const auto scan = NmapXml::readFile(path);
        QVERIFY(!scan);
        QCOMPARE(scan.error().code, fs::ErrorCode::Io);
        QVERIFY2(scan.error().detail.startsWith(path + u": "_s), qPrintable(scan.error().detail));
    }

    // readFile's messages use the file's name (parse's fileName).
    void readFileNamesTheFile()
    {
        const QString path = m_dir.filePath(u"ward3.xml"_s);
        QVERIFY(fs::test::writeFile(path,
                                    nmapDocument("<host>\n<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>"
                                                 "<ports><port protocol=\"tcp\" portid=\"99999\"/></ports>\n"
                                                 "</host>\n")));
        const auto scan = NmapXml::readFile(path);
        const QString mismatch = refusalMismatch(scan, u"ward3.xml"_s, 5, u"port number \"99999\""_s);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    // SafeXmlReader: the bare DOCTYPE only when asked for, and only with that name; the workbook
    // parts still refuse every DTD.
    void safeXmlReaderAllowsOnlyTheNamedDoctype()
    {
        const QByteArray bare = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun><a/></nmaprun>";
        {
            SafeXmlReader workbook(bare, u"xl/workbook.xml"_s);
            QVERIFY(!workbook.nextStartElement());
            QVERIFY(workbook.refused());
            QCOMPARE(workbook.error().detail,
                     u"xl/workbook.xml line 2: a DTD (DOCTYPE) is not allowed in a workbook part"_s);
        }
        {
            SafeXmlReader nmap(bare, u"scan.xml"_s, u"nmaprun"_s);
            QVERIFY(nmap.nextStartElement());
            QCOMPARE(nmap.name(), u"nmaprun"_s);
            QVERIFY(nmap.nextStartElement());
            QCOMPARE(nmap.name(), u"a"_s);
            QVERIFY(!nmap.nextStartElement());
            QVERIFY(!nmap.hasError());
        }
        {
            SafeXmlReader other(bare, u"scan.xml"_s, u"html"_s);
            QVERIFY(!other.nextStartElement());
            QVERIFY(other.refused());
            QCOMPARE(
                other.error().detail,
                u"scan.xml line 2: DOCTYPE nmaprun is not allowed (only a bare <!DOCTYPE html> is allowed)"_s);
        }
        {
            SafeXmlReader cut("<nmaprun><a>", u"scan.xml"_s, u"nmaprun"_s);
            QVERIFY(cut.nextStartElement());
            QVERIFY(cut.nextStartElement());
            QVERIFY(!cut.nextStartElement());
            QVERIFY(cut.endedEarly());
            QVERIFY(!cut.refused());
        }
    }
};

QTEST_GUILESS_MAIN(TestNmapXml)
#include "tst_nmapxml.moc"
