#pragma once

#include "error.h"
#include "importwarning.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// One NSE script result: its id and its text output (the output attribute; structured <table>/<elem>
// children are not kept). Output longer than NmapXml::kMaxScriptOutput is cut with a marker.
struct NmapScript
{
    QString id;
    QString output;

    friend bool operator==(const NmapScript &, const NmapScript &) = default;
};

// One <port> of a host.
struct NmapPort
{
    QString protocol; // tcp, udp, sctp, ip (as nmap wrote it, lower case)
    int port = 0;
    QString state;     // open, open|filtered, closed, filtered, unfiltered, closed|filtered
    QString reason;    // syn-ack, udp-response, …
    QString service;   // <service name>; "ssl/http" when tunnel="ssl" and name="http"
    QString product;   // <service product>
    QString version;   // <service version>
    QString extraInfo; // <service extrainfo>
    QString osType;    // <service ostype>
    QString deviceType;
    QStringList cpes;          // <cpe> children of <service>, e.g. cpe:/o:fortinet:fortios:6.0.4
    QList<NmapScript> scripts; // <script>s in file order; masscan's banner as id "banner"

    friend bool operator==(const NmapPort &, const NmapPort &) = default;
};

struct NmapHostname
{
    QString name; // lower case, without a trailing dot
    QString type; // user (the target as given), PTR

    friend bool operator==(const NmapHostname &, const NmapHostname &) = default;
};

// One <host>.
struct NmapHost
{
    QString status;      // up, down, unknown (from <status state>); "up" when a file has no <status>
    QString address;     // the first ipv4 or ipv6 address, canonical text (QHostAddress::toString)
    QString addressType; // ipv4, ipv6
    QString mac;         // the mac address when nmap gave one
    QList<NmapHostname> hostnames;
    QList<NmapPort> ports;         // every <port> in file order (closed/filtered ones included)
    QList<NmapScript> hostScripts; // <hostscript>
    QString osMatch;               // the best <osmatch name>, if any
    QString startedAt;             // <host starttime> as ISO 8601 UTC ("2026-11-20T01:02:03Z"), empty if none

    friend bool operator==(const NmapHost &, const NmapHost &) = default;
};

// A whole nmap -oX file.
struct NmapScan
{
    QString scanner;               // <nmaprun scanner>: "nmap", or "masscan" (nmap-compatible output)
    QString scannerVersion;        // <nmaprun version>
    QString args;                  // <nmaprun args>
    QString startedAt;             // <nmaprun start> epoch as ISO 8601 UTC; else startstr as written
    QString finishedAt;            // <runstats><finished time> as ISO 8601 UTC, empty if none
    QStringList scannedProtocols;  // from <scaninfo protocol>, deduplicated, in file order
    QList<NmapHost> hosts;         // hosts in file order, down hosts included; masscan's one <host>
                                   // per port found are merged by address (at the first's place)
    QList<ImportWarning> warnings; // things worth telling the user (exit="error", cut output, …)
};

// Reads nmap XML output (-oX, also -oA's .xml) from any nmap version since 4.x and any scan type
// (-sS/-sT/-sU/-sV/-sn/-sC, --script, IPv6). Hostile input is refused with an error that names the
// file and line: any DTD other than nmap's own bare <!DOCTYPE nmaprun> (so no entities, no
// external ids), entity references, a root element other than <nmaprun>, truncation, nesting
// deeper than SafeXmlReader allows, and files or counts past the limits below.
class NmapXml
{
public:
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;
    static constexpr int kMaxHosts = 65536;
    static constexpr int kMaxPortsPerHost = 2 * 65536 + 1024; // tcp + udp (+ sctp …)
    static constexpr qint64 kMaxPortsTotal = 2'000'000;
    static constexpr int kMaxScriptOutput = 64 * 1024;

    // fileName is only used in messages ("scan.xml line 12: …").
    [[nodiscard]] static Result<NmapScan> parse(const QByteArray &xml, const QString &fileName);
    // The file's bytes, at most kMaxFileBytes (a larger file is refused before it is read); errors
    // name the path.
    [[nodiscard]] static Result<QByteArray> readBytes(const QString &path);
    // readBytes, then parse with the file's name.
    [[nodiscard]] static Result<NmapScan> readFile(const QString &path);
};

} // namespace fs::model
