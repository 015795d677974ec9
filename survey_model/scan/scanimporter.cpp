#include "scanimporter.h"

#include "ipaddress.h"
#include "surveystore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace fs::model {

namespace {

enum Level
{
    None = 0,
    ByBlock = 1,
    ByFqdn = 2,
    ByGlobalIp = 3,
    ByScanIp = 4
};

QString levelName(int level)
{
    switch (level) {
    case ByScanIp:
        return QStringLiteral("scan_ip");
    case ByGlobalIp:
        return QStringLiteral("global_ip");
    case ByFqdn:
        return QStringLiteral("fqdn");
    case ByBlock:
        return QStringLiteral("global_ip_block");
    default:
        return {};
    }
}

QStringList tokens(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,、，;；]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString normalizedName(QString name)
{
    name = name.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

// Exact address match, or (block) whether the address lies in a written prefix.
bool sameAddress(const IpAddress &address, const QString &written)
{
    const auto other = IpAddress::parse(written.section(QLatin1Char('/'), 0, 0));
    return other && *other == address;
}

bool inBlock(const IpAddress &address, const QString &written)
{
    const auto subnet = IpAddress::parseSubnet(written);
    return subnet && address.isInSubnet(subnet->first, subnet->second);
}

int levelFor(const ConnectionPoint &line, const std::optional<IpAddress> &host, const QStringList &names)
{
    const bool dynamic = ScanImporter::isDynamicIp(line);
    if (host) {
        const IpAddress &address = *host;
        for (const QString &t : tokens(line.scanIp)) {
            if (sameAddress(address, t))
                return ByScanIp;
        }
        if (!dynamic) {
            for (const QString &t : tokens(line.globalIp)) {
                if (sameAddress(address, t))
                    return ByGlobalIp;
            }
        }
    }
    for (const QString &t : tokens(line.fqdn)) {
        if (!t.isEmpty() && names.contains(normalizedName(t)))
            return ByFqdn;
    }
    if (host && !dynamic) {
        for (const QString &t : tokens(line.globalIp)) {
            if (inBlock(*host, t))
                return ByBlock;
        }
    }
    return None;
}

QString scriptBlocks(const QList<NmapScript> &scripts)
{
    QStringList blocks;
    for (const NmapScript &s : scripts)
        blocks << s.id + QStringLiteral(": ") + ScanImporter::redactCredentials(s.id, s.output).trimmed();
    return blocks.join(QStringLiteral("\n\n"));
}

QStringList hostNames(const QString &stored)
{
    QStringList names;
    for (const QString &line : stored.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        names << normalizedName(line.section(QStringLiteral(" ("), 0, 0));
    return names;
}

} // namespace

ScanHost ScanImporter::toScanHost(const NmapHost &in)
{
    ScanHost h;
    h.address = in.address;
    QStringList names;
    for (const NmapHostname &n : in.hostnames)
        names << (n.type.isEmpty() ? n.name : n.name + QStringLiteral(" (") + n.type + QLatin1Char(')'));
    h.hostnames = names.join(QLatin1Char('\n'));
    h.status = in.status.isEmpty() ? QStringLiteral("up") : in.status;
    h.osMatch = in.osMatch;
    h.hostScripts = scriptBlocks(in.hostScripts);
    h.startedAt = in.startedAt;
    for (const NmapPort &p : in.ports) {
        ScanPort port;
        port.address = in.address;
        port.protocol = p.protocol;
        port.port = p.port;
        port.state = p.state;
        port.reason = p.reason;
        port.service = p.service;
        port.product = p.product;
        port.version = p.version;
        port.extraInfo = p.extraInfo;
        port.cpe = p.cpes.join(QLatin1Char(' '));
        port.scriptOutput = scriptBlocks(p.scripts);
        h.ports << port;
    }
    return h;
}

bool ScanImporter::isDynamicIp(const ConnectionPoint &line)
{
    return line.ipAssignment.contains(QStringLiteral("動的")) ||
           line.ipAssignment.contains(QStringLiteral("dynamic"), Qt::CaseInsensitive);
}

ScanMatch ScanImporter::match(const QString &address, const QStringList &hostnames,
                              const QList<ConnectionPoint> &lines)
{
    const auto host = IpAddress::parse(address);
    QStringList names;
    for (const QString &n : hostnames)
        names << normalizedName(n);
    struct Candidate
    {
        int level;
        const ConnectionPoint *line;
    };
    QList<Candidate> candidates;
    for (const ConnectionPoint &line : lines) {
        if (const int level = levelFor(line, host, names); level != None)
            candidates << Candidate{level, &line};
    }
    if (candidates.isEmpty())
        return {};
    // The strongest match wins; the same level on several lines goes to the lowest 回線No.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.level != b.level ? a.level > b.level : a.line->lineNo < b.line->lineNo;
    });
    ScanMatch best{candidates.first().line->id, levelName(candidates.first().level), {}};
    for (qsizetype i = 1; i < candidates.size() && candidates.at(i).level == candidates.first().level; ++i)
        best.alsoMatched << candidates.at(i).line->cafId;
    return best;
}

ScanMatch ScanImporter::match(const NmapHost &host, const QList<ConnectionPoint> &lines)
{
    QStringList names;
    for (const NmapHostname &n : host.hostnames)
        names << n.name;
    return match(host.address, names, lines);
}

QString ScanImporter::redactArguments(const QString &args)
{
    // key=value pairs inside --script-args (or anywhere) whose key names a secret.
    static const QRegularExpression secret(
        QStringLiteral("((?:[A-Za-z0-9_.-]*)(?:pass(?:word|wd)?|secret|community|communities|token|"
                       "apikey|api[_-]?key|credential|creds|key)[A-Za-z0-9_.-]*\\s*=\\s*)"
                       "(\"[^\"]*\"|'[^']*'|\\{[^}]*\\}|[^,\\s}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = args;
    out.replace(secret, QStringLiteral("\\1***"));
    return out;
}

QString ScanImporter::redactCredentials(const QString &scriptId, const QString &output)
{
    const bool accounts = scriptId.endsWith(QStringLiteral("-brute")) ||
                          scriptId.endsWith(QStringLiteral("-default-accounts")) ||
                          output.contains(QStringLiteral("Valid credentials"), Qt::CaseInsensitive);
    if (!accounts)
        return output;
    // "user:password - Valid credentials" anywhere (brute scripts), and snmp-brute's
    // "<community> - Valid credentials".
    static const QRegularExpression valid(QStringLiteral("([^\\s:]*):\\S+(?=\\s+-\\s+Valid credentials)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression community(
        QStringLiteral("(^|\\s)[^\\s:*]+(?=\\s+-\\s+Valid credentials)"),
        QRegularExpression::CaseInsensitiveOption);
    // http-default-accounts lists "user:password" on lines of their own under "[product] at /path".
    static const QRegularExpression listed(QStringLiteral("^([ \\t]*[^\\s:\\[]+):\\S.*$"));
    QString out = output;
    out.replace(valid, QStringLiteral("\\1:***"));
    out.replace(community, QStringLiteral("\\1***"));
    if (!scriptId.endsWith(QStringLiteral("-default-accounts")))
        return out;
    QStringList lines = out.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (!line.contains(QStringLiteral("***")))
            line.replace(listed, QStringLiteral("\\1:***"));
    }
    return lines.join(QLatin1Char('\n'));
}

Result<ScanImportResult> ScanImporter::importFile(SurveyStore &store, const QString &path)
{
    auto bytes = NmapXml::readBytes(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    return importBytes(store, *bytes, QFileInfo(path).fileName());
}

Result<ScanImportResult> ScanImporter::importBytes(SurveyStore &store, const QByteArray &xml,
                                                   const QString &fileName)
{
    auto scan = NmapXml::parse(xml, fileName);
    if (!scan)
        return tl::unexpected(scan.error());
    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());

    ScanImportResult result;
    ScanImport &header = result.import;
    header.tool = QStringLiteral("nmap");
    header.fileName = fileName;
    header.sha256 = QString::fromLatin1(QCryptographicHash::hash(xml, QCryptographicHash::Sha256).toHex());
    header.scannerVersion = scan->scannerVersion;
    header.args = redactArguments(scan->args);
    header.protocols = scan->scannedProtocols;
    header.scannedAt = scan->startedAt;
    header.finishedAt = scan->finishedAt;
    header.warnings = scan->warnings;

    for (const NmapHost &in : std::as_const(scan->hosts)) {
        ScanHost host = toScanHost(in);
        const ScanMatch m = match(in, *lines);
        host.connectionPointId = m.connectionPointId;
        host.matchedBy = m.matchedBy;
        for (ScanPort &p : host.ports)
            p.connectionPointId = m.connectionPointId;
        if (!m.alsoMatched.isEmpty()) {
            header.warnings << ImportWarning{
                QStringLiteral("scan_host_ambiguous"), fileName, QStringLiteral("host:") + in.address,
                QStringLiteral("%1 matches several lines (%2); it was tied to the first, %3")
                    .arg(in.address, m.alsoMatched.join(QStringLiteral(", ")), [&] {
                        for (const ConnectionPoint &cp : std::as_const(*lines)) {
                            if (cp.id == m.connectionPointId)
                                return cp.cafId;
                        }
                        return QString();
                    }())};
        }
        if (m.connectionPointId == 0 && host.status == QStringLiteral("up"))
            result.unmatched << in.address;
        result.hosts << host;
    }
    auto saved = store.addScanImport(header, result.hosts);
    if (!saved)
        return tl::unexpected(saved.error());
    result.import = *saved;
    return result;
}

Result<int> ScanImporter::rematch(SurveyStore &store)
{
    auto hosts = store.scanHosts();
    if (!hosts)
        return tl::unexpected(hosts.error());
    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());
    QList<ScanHost> updated;
    for (ScanHost host : std::as_const(*hosts)) {
        const ScanMatch m = match(host.address, hostNames(host.hostnames), *lines);
        if (m.connectionPointId == host.connectionPointId && m.matchedBy == host.matchedBy)
            continue;
        host.connectionPointId = m.connectionPointId;
        host.matchedBy = m.matchedBy;
        updated << host;
    }
    if (updated.isEmpty())
        return 0;
    return store.setScanHostMatches(updated);
}

} // namespace fs::model
