// The real scanner, end to end: a real OpenSSH sshd, an HTTP server that answers like a FortiGate
// SSL-VPN portal and a UDP responder on 500/udp (IKE), all on 127.0.0.1 and started by the test;
// the Debian nmap scans them with -sS -sU -sV --script http-title -oX; the XML is imported into a
// survey whose line has 127.0.0.1 as its global IP, and the findings are checked.
#include "demosurvey.h"
#include "findingsengine.h"
#include "processrun.h"
#include "resultcheck.h"
#include "scanimporter.h"
#include "sshtestserver.h"
#include "surveystore.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

// A Python helper that binds, prints the port it got, then serves until killed.
constexpr char kPeers[] = R"PY(
import http.server, socket, sys, threading

class Portal(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/":
            self.send_response(302)
            self.send_header("Location", "/remote/login?lang=en")
            self.end_headers()
            return
        body = b"<html><head><title>FortiGate - SSL VPN</title></head><body>login</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Portal)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", int(sys.argv[1])))

def answer():
    while True:
        data, peer = udp.recvfrom(4096)
        # An IKE header back (initiator SPI echoed): enough for nmap to call the port open.
        udp.sendto(data[:8] + b"\x11\x22\x33\x44\x55\x66\x77\x88" + b"\x00\x10\x05\x00" + b"\x00" * 8, peer)

threading.Thread(target=answer, daemon=True).start()
print(httpd.server_address[1], flush=True)
httpd.serve_forever()
)PY";

} // namespace

class TestNmapLive : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        if (m_peers.state() != QProcess::NotRunning) {
            m_peers.kill();
            m_peers.waitForFinished(fs::test::peerStopTimeoutMs);
        }
        m_ssh.stop();
    }

    void realNmapScanImportsWithFindings()
    {
        const QString nmap = QStandardPaths::findExecutable(u"nmap"_s);
        QVERIFY2(!nmap.isEmpty(), "nmap is installed by installer/deps-debian.sh");
        if (geteuid() != 0)
            QSKIP("nmap -sS/-sU need root (CI runs the tests as root)");

        QVERIFY2(m_ssh.start(), qPrintable(m_ssh.diagnostics()));
        QVERIFY(m_dir.isValid());
        const QString script = m_dir.filePath(u"peers.py"_s);
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kPeers);
        }
        m_peers.start(fs::test::python3Path(), {script, u"500"_s});
        QVERIFY(m_peers.waitForStarted(fs::test::peerStartTimeoutMs));
        QDeadlineTimer deadline(fs::test::peerStartTimeoutMs);
        while (!m_peers.canReadLine() && !deadline.hasExpired() && m_peers.state() == QProcess::Running)
            m_peers.waitForReadyRead(200);
        const int httpPort = QString::fromLatin1(m_peers.readLine()).trimmed().toInt();
        QVERIFY2(httpPort > 0, m_peers.readAllStandardError().constData());

        const QString xml = m_dir.filePath(u"scan.xml"_s);
        const QStringList args = {u"-n"_s,
                                  u"-Pn"_s,
                                  u"-T4"_s,
                                  u"--max-retries"_s,
                                  u"1"_s,
                                  u"-sS"_s,
                                  u"-sU"_s,
                                  u"-sV"_s,
                                  u"--version-intensity"_s,
                                  u"2"_s,
                                  u"--script"_s,
                                  u"http-title"_s,
                                  u"-p"_s,
                                  u"T:%1,%2,U:500"_s.arg(m_ssh.port()).arg(httpPort),
                                  u"-oX"_s,
                                  xml,
                                  u"127.0.0.1"_s};
        const fs::test::ProcessRun run =
            fs::test::runProgram(nmap, args, QProcessEnvironment::systemEnvironment(), {}, 240000);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        // The survey: line CAF0004 (固定IP) has 127.0.0.1 as its global IP for this test.
        auto store = DemoSurvey::createOrReplace(m_dir.filePath(u"s.fsv"_s), Clock::system());
        FS_VERIFY_OK(store);
        auto ref = (*store)->resolvePath(u"line.CAF0004.global_ip"_s);
        FS_VERIFY_OK(ref);
        FS_VERIFY_OK((*store)->applyChanges({{*ref, u"127.0.0.1"_s}}));
        auto imported = ScanImporter::importFile(**store, xml);
        FS_VERIFY_OK(imported);
        QCOMPARE(imported->import.scannerVersion.left(2), u"7."_s);
        QVERIFY(imported->import.protocols.contains(u"tcp"_s));
        QVERIFY(imported->import.protocols.contains(u"udp"_s));
        QCOMPARE(imported->hosts.size(), 1);
        const ScanHost &host = imported->hosts.first();
        QCOMPARE(host.address, u"127.0.0.1"_s);
        QCOMPARE(host.matchedBy, u"global_ip"_s);
        QVERIFY(imported->unmatched.isEmpty());

        QHash<QString, ScanPort> ports;
        for (const ScanPort &p : host.ports)
            ports.insert(u"%1/%2"_s.arg(p.port).arg(p.protocol), p);
        const ScanPort ssh = ports.value(u"%1/tcp"_s.arg(m_ssh.port()));
        QCOMPARE(ssh.state, u"open"_s);
        QCOMPARE(ssh.service, u"ssh"_s);
        QCOMPARE(ssh.product, u"OpenSSH"_s);
        QVERIFY(ssh.cpe.contains(u"cpe:/a:openbsd:openssh"_s));
        const ScanPort http = ports.value(u"%1/tcp"_s.arg(httpPort));
        QCOMPARE(http.state, u"open"_s);
        QVERIFY2(http.scriptOutput.contains(u"http-title: FortiGate - SSL VPN"_s),
                 qPrintable(http.scriptOutput));
        const ScanPort ike = ports.value(u"500/udp"_s);
        QCOMPARE(ike.state, u"open"_s);
        QCOMPARE(ike.service, u"isakmp"_s);

        auto lines = (*store)->connectionPoints();
        FS_VERIFY_OK(lines);
        qint64 caf4 = 0;
        for (const ConnectionPoint &cp : *lines)
            caf4 = cp.cafId == u"CAF0004"_s ? cp.id : caf4;
        auto findings = FindingsEngine::current(**store, QDate::currentDate());
        FS_VERIFY_OK(findings);
        QHash<QString, Finding> byRule;
        for (const Finding &f : *findings) {
            if (f.targetEntity == u"connection_point"_s && f.targetId == caf4)
                byRule.insert(f.ruleId, f);
        }
        QVERIFY2(byRule.contains(u"line.mgmt_exposed"_s), qPrintable(byRule.keys().join(u", "_s)));
        QCOMPARE(byRule.value(u"line.mgmt_exposed"_s).status, u"danger"_s);
        QVERIFY(byRule.value(u"line.mgmt_exposed"_s).evidence.contains(u"ssh OpenSSH"_s));
        QVERIFY(byRule.contains(u"line.sslvpn_portal"_s));
        QVERIFY(byRule.value(u"line.sslvpn_portal"_s).evidence.contains(u"FortiGate SSL-VPN"_s));
        QVERIFY2(byRule.contains(u"line.ike_exposed"_s),
                 qPrintable(byRule.keys().join(u", "_s) + u" / "_s + ike.service + u" "_s + ike.product +
                            u" "_s + ike.scriptOutput + u" "_s + ike.cpe));
        QVERIFY(byRule.value(u"line.ike_exposed"_s).evidence.contains(u"500/udp isakmp"_s));
        QVERIFY(!byRule.contains(u"line.scan_missing"_s));
    }

private:
    fs::test::OpenSshServer m_ssh;
    QTemporaryDir m_dir;
    QProcess m_peers;
};

QTEST_GUILESS_MAIN(TestNmapLive)
#include "tst_nmaplive.moc"
