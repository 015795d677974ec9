#include "nmapxml.h"

#include "ipaddress.h"
#include "logging.h"
#include "safexmlreader.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace fs::model {

namespace {

constexpr QStringView kRoot = u"nmaprun";
// More than QXmlStreamReader reads from a device at a time (8 KiB in Qt 6).
constexpr qsizetype kDecodeAhead = 64 * 1024;

// "<nmaprun start>" and friends: seconds since the epoch → "2026-11-20T01:02:03Z"; empty when the
// text is not a plausible time.
QString isoFromEpoch(const QString &text)
{
    bool ok = false;
    const qint64 secs = text.trimmed().toLongLong(&ok);
    // Up to the year 9999: a larger number is not a time nmap wrote.
    if (!ok || secs < 0 || secs > 253402300799LL)
        return {};
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'");
}

// Where the first byte that is not UTF-8 is, or -1. Only called once the reader has failed:
// QXmlStreamReader decodes a chunk ahead and reports the line where it stopped, not the byte's.
qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar b = bytes[i];
        int follow = 0;
        uchar low = 0x80;
        uchar high = 0xbf;
        if (b < 0x80) {
            ++i;
            continue;
        } else if (b >= 0xc2 && b <= 0xdf) {
            follow = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            follow = 2;
            low = b == 0xe0 ? 0xa0 : 0x80;
            high = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            follow = 3;
            low = b == 0xf0 ? 0x90 : 0x80;
            high = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return i;
        }
        for (int k = 1; k <= follow; ++k) {
            if (i + k >= size)
                return i;
            const uchar c = bytes[i + k];
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf))
                return i;
        }
        i += follow + 1;
    }
    return -1;
}

// False when the XML declaration names another encoding than UTF-8, or the data starts with a
// UTF-16 byte order mark.
bool isUtf8Document(const QByteArray &data)
{
    if (data.startsWith("\xff\xfe") || data.startsWith("\xfe\xff"))
        return false;
    if (!data.startsWith("<?xml") && !data.startsWith("\xef\xbb\xbf<?xml"))
        return true;
    const qsizetype end = data.indexOf("?>");
    const QByteArray declaration = data.left(end < 0 ? 200 : end).toLower();
    const qsizetype encoding = declaration.indexOf("encoding");
    return encoding < 0 || declaration.indexOf("utf-8", encoding) >= 0 ||
           declaration.indexOf("utf8", encoding) >= 0;
}

// An address's canonical text (IpAddress: a dotted quad, or IPv6 as QHostAddress::toString writes
// it), a zone ("%eth0", IPv6 only) kept as written; nullopt when text is no address of that family.
std::optional<QString> canonicalAddress(const QString &text, IpAddress::Family family)
{
    QString address = text;
    QString zone;
    if (const qsizetype percent = text.indexOf(u'%'); percent >= 0 && family == IpAddress::Family::V6) {
        address = text.first(percent);
        zone = text.sliced(percent);
        if (zone.size() < 2)
            return std::nullopt;
    }
    const auto ip = IpAddress::parse(address);
    if (!ip || ip->family() != family)
        return std::nullopt;
    return ip->toString() + zone;
}

// Helpers of one parse: the reader, the file name for messages, the limits' counters.
class Parser
{
public:
    // Reads through a QBuffer: a device is decoded as it is read, so memory stays near the size
    // of xml, and an encoding error is found where it is.
    Parser(const QByteArray &xml, const QString &fileName)
        : m_data(xml)
        , m_buffer(bufferOf(xml))
        , m_xml(m_buffer.get(), fileName, kRoot.toString())
        , m_file(fileName)
    {
    }

    Result<NmapScan> run();

private:
    // "scan.xml line 12: what"
    [[nodiscard]] Error errorHere(const QString &what) const
    {
        return Error{ErrorCode::InvalidData,
                     QStringLiteral("%1 line %2: %3").arg(m_file).arg(m_xml.lineNumber()).arg(what)};
    }
    [[nodiscard]] QString whereHere() const
    {
        return QStringLiteral("%1 line %2").arg(m_file).arg(m_xml.lineNumber());
    }
    // The error once the reader stopped: a cut file, or what the reader says.
    [[nodiscard]] Error readerError() const;
    bool failWith(const QString &what)
    {
        if (!m_error)
            m_error = errorHere(what);
        return false;
    }
    // Children of the current element: false (with m_error set) when the reader failed.
    bool readerOk() const { return !m_xml.hasError(); }

    bool readHost(NmapHost &host);
    bool readAddress(NmapHost &host);
    bool readHostnames(NmapHost &host);
    bool readPorts(NmapHost &host);
    bool readPort(NmapHost &host);
    bool readService(NmapPort &port);
    bool readOs(NmapHost &host);
    bool readScripts(QList<NmapScript> &scripts, const QString &subject);
    NmapScript readScript(const QString &subject);
    void readRunstats();
    void addHost(NmapHost host);
    void cutOutput(QString &output, const QString &subject);

    static std::unique_ptr<QBuffer> bufferOf(const QByteArray &xml)
    {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(xml); // shared, not copied
        buffer->open(QIODevice::ReadOnly);
        return buffer;
    }

    const QByteArray &m_data;
    std::unique_ptr<QBuffer> m_buffer;
    SafeXmlReader m_xml;
    QString m_file;
    std::optional<Error> m_error;
    NmapScan m_scan;
    bool m_masscan = false;
    qint64 m_portsTotal = 0;
    int m_cutOutputs = 0;
    qsizetype m_cutWarning = -1;
    // masscan writes one <host> per port found: the hosts so far by address, and their ports.
    QHash<QString, qsizetype> m_hostIndex;
    QHash<QString, QHash<QPair<QString, int>, qsizetype>> m_portIndex;
};

Error Parser::readerError() const
{
    if (m_xml.refused())
        return m_xml.error();
    // QXmlStreamReader decodes a device in chunks and stops at the chunk with a bad byte, a little
    // before it: name the byte's own line when it lies just ahead of where the reader stopped.
    if (const qsizetype bad = isUtf8Document(m_data) ? firstInvalidUtf8(m_data) : -1; bad >= 0) {
        qsizetype stopped = -1; // the end of the reader's line
        for (qint64 line = 0; line < m_xml.lineNumber(); ++line) {
            stopped = m_data.indexOf('\n', stopped + 1);
            if (stopped < 0)
                break;
        }
        if (stopped < 0 || bad < stopped + kDecodeAhead) {
            return Error{ErrorCode::InvalidData,
                         QStringLiteral(
                             "%1 line %2: invalid UTF-8 (byte 0x%3): not an nmap XML file, or a damaged one")
                             .arg(m_file)
                             .arg(m_data.first(bad).count('\n') + 1)
                             .arg(uint(uchar(m_data[bad])), 2, 16, QLatin1Char('0'))};
        }
    }
    if (m_xml.endedEarly()) {
        return errorHere(
            QStringLiteral("the file ends before </nmaprun>: the scan did not finish or the file is cut"));
    }
    return m_xml.error();
}

Result<NmapScan> Parser::run()
{
    if (!m_xml.nextStartElement()) {
        if (m_xml.refused() || (isUtf8Document(m_data) && firstInvalidUtf8(m_data) >= 0))
            return tl::unexpected(readerError()); // not UTF-8 near the start (binary, another encoding)
        if (m_xml.endedEarly())
            return tl::unexpected(
                errorHere(QStringLiteral("no XML element: the file is empty, cut, or not nmap XML")));
        return tl::unexpected(errorHere(QStringLiteral("not an nmap XML file: %1").arg(m_xml.errorText())));
    }
    if (m_xml.name() != kRoot) {
        QString what =
            QStringLiteral("not an nmap XML file: the root element is <%1>, not <nmaprun>").arg(m_xml.name());
        if (m_xml.name() == u"NessusClientData_v2")
            what += QStringLiteral(" (a Nessus report)");
        return tl::unexpected(errorHere(what));
    }
    m_scan.scanner = m_xml.attribute(u"scanner");
    m_masscan = m_scan.scanner.compare(u"masscan", Qt::CaseInsensitive) == 0;
    m_scan.scannerVersion = m_xml.attribute(u"version");
    m_scan.args = m_xml.attribute(u"args");
    m_scan.startedAt = isoFromEpoch(m_xml.attribute(u"start"));
    if (m_scan.startedAt.isEmpty())
        m_scan.startedAt = m_xml.attribute(u"startstr");

    const qint64 depth = m_xml.depth();
    bool closed = false;
    while (true) {
        if (!m_xml.nextChild(depth)) {
            closed = readerOk();
            break;
        }
        const QStringView name = m_xml.name();
        if (name == u"host") {
            NmapHost host;
            if (!readHost(host))
                break;
            addHost(std::move(host));
            if (m_error)
                break;
        } else if (name == u"scaninfo") {
            const QString protocol = m_xml.attribute(u"protocol").trimmed().toLower();
            if (!protocol.isEmpty() && !m_scan.scannedProtocols.contains(protocol))
                m_scan.scannedProtocols << protocol;
            m_xml.skipElement();
        } else if (name == u"runstats") {
            readRunstats();
        } else {
            // verbose, debugging, hosthint (not a host), taskbegin/progress/end, prescript,
            // postscript, output, target, and whatever a later nmap adds.
            m_xml.skipElement();
        }
    }
    if (m_error)
        return tl::unexpected(*m_error);
    if (!closed)
        return tl::unexpected(readerError());
    if (m_cutOutputs > 1) {
        m_scan.warnings[m_cutWarning].detail +=
            QStringLiteral(" (%1 script outputs in this file were cut; this is the first)").arg(m_cutOutputs);
    }
    qCInfo(lcIntake) << "nmap XML" << m_file << "read:" << m_scan.hosts.size() << "hosts," << m_portsTotal
                     << "ports," << m_scan.warnings.size() << "warnings";
    return std::move(m_scan);
}

void Parser::readRunstats()
{
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"finished") {
            m_scan.finishedAt = isoFromEpoch(m_xml.attribute(u"time"));
            if (m_scan.finishedAt.isEmpty())
                m_scan.finishedAt = m_xml.attribute(u"timestr");
            if (m_xml.attribute(u"exit") == u"error") {
                const QString message = m_xml.attribute(u"errormsg");
                m_scan.warnings << ImportWarning{
                    QStringLiteral("nmap_exit_error"), whereHere(), QStringLiteral("scan"),
                    QStringLiteral("nmap ended with an error; the results may be incomplete: %1")
                        .arg(message.isEmpty() ? QStringLiteral("(no message)") : message)};
            }
        }
        m_xml.skipElement();
    }
}

void Parser::addHost(NmapHost host)
{
    if (m_masscan && !host.address.isEmpty()) {
        if (const auto found = m_hostIndex.constFind(host.address); found != m_hostIndex.cend()) {
            NmapHost &into = m_scan.hosts[*found];
            auto &ports = m_portIndex[host.address];
            for (NmapPort &port : host.ports) {
                const QPair<QString, int> key(port.protocol, port.port);
                if (const auto same = ports.constFind(key); same != ports.cend()) {
                    // A banner for a port found earlier.
                    NmapPort &known = into.ports[*same];
                    if (known.service.isEmpty())
                        known.service = port.service;
                    known.scripts << port.scripts;
                } else {
                    ports.insert(key, into.ports.size());
                    into.ports << std::move(port);
                }
            }
            into.hostScripts << host.hostScripts;
            return;
        }
    }
    if (m_scan.hosts.size() >= NmapXml::kMaxHosts) {
        failWith(QStringLiteral("more than %1 hosts").arg(NmapXml::kMaxHosts));
        return;
    }
    if (m_masscan && !host.address.isEmpty()) {
        m_hostIndex.insert(host.address, m_scan.hosts.size());
        auto &ports = m_portIndex[host.address];
        for (qsizetype i = 0; i < host.ports.size(); ++i)
            ports.insert(QPair<QString, int>(host.ports[i].protocol, host.ports[i].port), i);
    }
    m_scan.hosts << std::move(host);
}

bool Parser::readHost(NmapHost &host)
{
    host.startedAt = isoFromEpoch(m_xml.attribute(u"starttime"));
    if (host.startedAt.isEmpty() && m_masscan)
        host.startedAt = isoFromEpoch(m_xml.attribute(u"endtime")); // masscan: when the port answered
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        const QStringView name = m_xml.name();
        bool ok = true;
        if (name == u"status") {
            host.status = m_xml.attribute(u"state").trimmed().toLower();
            m_xml.skipElement();
        } else if (name == u"address") {
            ok = readAddress(host);
        } else if (name == u"hostnames") {
            ok = readHostnames(host);
        } else if (name == u"ports") {
            ok = readPorts(host);
        } else if (name == u"os") {
            ok = readOs(host);
        } else if (name == u"hostscript") {
            ok = readScripts(host.hostScripts, QStringLiteral("host:%1").arg(host.address));
        } else {
            // smurf, uptime, distance, tcpsequence, ipidsequence, tcptssequence, trace, times, …
            m_xml.skipElement();
        }
        if (!ok)
            return false;
    }
    if (!readerOk())
        return false;
    if (host.status.isEmpty())
        host.status = QStringLiteral("up"); // masscan and some old files write no <status>
    return true;
}

bool Parser::readAddress(NmapHost &host)
{
    const QString text = m_xml.attribute(u"addr").trimmed();
    QString type = m_xml.attribute(u"addrtype").trimmed().toLower();
    if (type.isEmpty()) // nmap has always written addrtype; guess for a hand-made file
        type = !text.contains(u':')                         ? QStringLiteral("ipv4")
               : text.size() == 17 && !text.contains(u"::") ? QStringLiteral("mac")
                                                            : QStringLiteral("ipv6");
    if (type == u"mac") {
        if (host.mac.isEmpty())
            host.mac = text.toUpper();
    } else if (type == u"ipv4" || type == u"ipv6") {
        const auto canonical =
            canonicalAddress(text, type == u"ipv4" ? IpAddress::Family::V4 : IpAddress::Family::V6);
        if (!canonical)
            return failWith(
                QStringLiteral("address \"%1\" is not a valid %2 address").arg(text.left(100), type));
        if (host.address.isEmpty()) {
            host.address = *canonical;
            host.addressType = type;
        }
    }
    m_xml.skipElement();
    return readerOk();
}

bool Parser::readHostnames(NmapHost &host)
{
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"hostname") {
            NmapHostname hostname;
            hostname.name = m_xml.attribute(u"name").trimmed().toLower();
            while (hostname.name.endsWith(u'.'))
                hostname.name.chop(1);
            hostname.type = m_xml.attribute(u"type").trimmed();
            if (!hostname.name.isEmpty() && !host.hostnames.contains(hostname))
                host.hostnames << hostname;
        }
        m_xml.skipElement();
    }
    return readerOk();
}

bool Parser::readPorts(NmapHost &host)
{
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"port") {
            if (!readPort(host))
                return false;
        } else {
            m_xml.skipElement(); // extraports (closed/filtered ports nmap did not list), owner, …
        }
    }
    return readerOk();
}

bool Parser::readPort(NmapHost &host)
{
    NmapPort port;
    port.protocol = m_xml.attribute(u"protocol").trimmed().toLower();
    if (port.protocol.isEmpty())
        return failWith(QStringLiteral("a <port> without a protocol"));
    const QString number = m_xml.attribute(u"portid").trimmed();
    bool ok = false;
    port.port = number.toInt(&ok);
    if (!ok || port.port < 0 || port.port > 65535 || number.startsWith(u'+'))
        return failWith(
            QStringLiteral("port number \"%1\" is not a number from 0 to 65535").arg(number.left(100)));
    if (host.ports.size() >= NmapXml::kMaxPortsPerHost)
        return failWith(QStringLiteral("host %1 has more than %2 ports")
                            .arg(host.address)
                            .arg(NmapXml::kMaxPortsPerHost));
    if (m_portsTotal >= NmapXml::kMaxPortsTotal)
        return failWith(QStringLiteral("more than %1 ports in the file").arg(NmapXml::kMaxPortsTotal));
    ++m_portsTotal;

    const QString subject = QStringLiteral("host:%1/%2/%3").arg(host.address, port.protocol).arg(port.port);
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        const QStringView name = m_xml.name();
        if (name == u"state") {
            port.state = m_xml.attribute(u"state").trimmed().toLower();
            port.reason = m_xml.attribute(u"reason").trimmed();
            m_xml.skipElement();
        } else if (name == u"service") {
            if (!readService(port))
                return false;
        } else if (name == u"script") {
            port.scripts << readScript(subject);
        } else {
            m_xml.skipElement(); // owner, …
        }
    }
    if (!readerOk())
        return false;
    host.ports << std::move(port);
    return true;
}

bool Parser::readService(NmapPort &port)
{
    const QString name = m_xml.attribute(u"name").trimmed();
    const QString tunnel = m_xml.attribute(u"tunnel").trimmed();
    port.service = tunnel.isEmpty() ? name : (name.isEmpty() ? tunnel : tunnel + u'/' + name);
    port.product = m_xml.attribute(u"product");
    port.version = m_xml.attribute(u"version");
    port.extraInfo = m_xml.attribute(u"extrainfo");
    port.osType = m_xml.attribute(u"ostype");
    port.deviceType = m_xml.attribute(u"devicetype");
    // masscan --banners: the banner it grabbed, kept like a script's output.
    if (QString banner = m_xml.attribute(u"banner"); !banner.isEmpty()) {
        cutOutput(banner, QStringLiteral("%1/%2/banner").arg(port.protocol).arg(port.port));
        port.scripts << NmapScript{QStringLiteral("banner"), banner};
    }
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"cpe") {
            const QString cpe = m_xml.elementText().trimmed();
            if (!cpe.isEmpty() && !port.cpes.contains(cpe))
                port.cpes << cpe;
        } else {
            m_xml.skipElement();
        }
    }
    return readerOk();
}

bool Parser::readOs(NmapHost &host)
{
    int best = -1;
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"osmatch") {
            bool ok = false;
            const int accuracy = m_xml.attribute(u"accuracy").toInt(&ok);
            const QString name = m_xml.attribute(u"name").trimmed();
            if (!name.isEmpty() && (ok ? accuracy : 0) > best) {
                best = ok ? accuracy : 0;
                host.osMatch = name;
            }
        }
        m_xml.skipElement(); // osclass, portused, osfingerprint
    }
    return readerOk();
}

bool Parser::readScripts(QList<NmapScript> &scripts, const QString &subject)
{
    const qint64 depth = m_xml.depth();
    while (m_xml.nextChild(depth)) {
        if (m_xml.name() == u"script")
            scripts << readScript(subject);
        else
            m_xml.skipElement();
    }
    return readerOk();
}

NmapScript Parser::readScript(const QString &subject)
{
    NmapScript script{m_xml.attribute(u"id"), m_xml.attribute(u"output")};
    cutOutput(script.output, subject + QStringLiteral("/script:") + script.id);
    m_xml.skipElement(); // <table>/<elem>: the same content, structured
    return script;
}

void Parser::cutOutput(QString &output, const QString &subject)
{
    if (output.size() <= NmapXml::kMaxScriptOutput)
        return;
    const qsizetype size = output.size();
    output.truncate(NmapXml::kMaxScriptOutput);
    output +=
        QStringLiteral("\n[… output cut: %1 of %2 characters kept]").arg(NmapXml::kMaxScriptOutput).arg(size);
    if (++m_cutOutputs == 1) {
        m_cutWarning = m_scan.warnings.size();
        m_scan.warnings << ImportWarning{QStringLiteral("script_output_cut"), whereHere(), subject,
                                         QStringLiteral("script output of %1 characters cut to %2")
                                             .arg(size)
                                             .arg(NmapXml::kMaxScriptOutput)};
    }
}

} // namespace

Result<NmapScan> NmapXml::parse(const QByteArray &xml, const QString &fileName)
{
    return Parser(xml, fileName).run();
}

Result<QByteArray> NmapXml::readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    // The size first: a larger file is refused without reading any of it.
    if (file.size() > kMaxFileBytes) {
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 bytes is more than the %3 bytes an nmap XML file may have")
                        .arg(path)
                        .arg(file.size())
                        .arg(kMaxFileBytes));
    }
    // read() bounded as well: a file that grows, or a device that reports no size.
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: more than the %2 bytes an nmap XML file may have")
                        .arg(path)
                        .arg(kMaxFileBytes));
    }
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    return bytes;
}

Result<NmapScan> NmapXml::readFile(const QString &path)
{
    auto bytes = readBytes(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    return parse(*bytes, QFileInfo(path).fileName());
}

} // namespace fs::model
