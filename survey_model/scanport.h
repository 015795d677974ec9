#pragma once

#include "importwarning.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// One port of a scan of a line's global IP (現地検出 / 脆弱性診断), as imported from the scanner.
struct ScanPort
{
    qint64 id = 0;
    qint64 connectionPointId = 0; // 0: a host that matched no line
    QString address;
    QString hostname;
    QString protocol; // tcp, udp, sctp, ip
    int port = 0;
    QString state; // open, open|filtered, closed, filtered
    QString service;
    QString product;
    QString version;
    QString scriptOutput; // "id: output" blocks, one per script
    QString tool;
    QString scannedAt; // as the scanner wrote it
    QString reason;    // syn-ack, udp-response, …
    QString extraInfo;
    QString cpe; // space-separated CPEs of the service

    [[nodiscard]] bool isOpen() const { return state == QStringLiteral("open"); }

    friend bool operator==(const ScanPort &, const ScanPort &) = default;
};

// One scanned host of an import: matched to a line (by the scan-day IP, the declared global IP
// or block, or the FQDN) or not (connectionPointId 0: reported, never dropped).
struct ScanHost
{
    qint64 id = 0;
    qint64 scanImportId = 0;
    qint64 connectionPointId = 0;
    QString matchedBy; // scan_ip, global_ip, global_ip_block, fqdn; empty when unmatched
    QString address;
    QString hostnames; // "name (type)", newline-separated
    QString status;    // up, down, unknown
    QString osMatch;
    QString hostScripts; // "id: output" blocks
    QString startedAt;
    QList<ScanPort> ports; // as imported (superseded ones included)

    friend bool operator==(const ScanHost &, const ScanHost &) = default;
};

// One imported scanner output file.
struct ScanImport
{
    qint64 id = 0;
    QString uuid;
    QString tool = QStringLiteral("nmap");
    QString fileName;
    QString sha256; // of the file's bytes: the same file is not imported twice
    QString scannerVersion;
    QString args;
    QStringList protocols; // what the scan covered: tcp, udp, …
    QString scannedAt;     // ISO 8601 UTC, or the scanner's own text
    QString finishedAt;
    QDateTime importedAt;
    QString importedBy;
    QList<ImportWarning> warnings;
    int hostCount = 0;
    int matchedHostCount = 0;
    int openPortCount = 0;

    friend bool operator==(const ScanImport &, const ScanImport &) = default;
};

} // namespace fs::model
