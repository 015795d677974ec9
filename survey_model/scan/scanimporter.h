#pragma once

#include "connectionpoint.h"
#include "error.h"
#include "nmapxml.h"
#include "scanport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fs::model {

class SurveyStore;

// How a scanned host was tied to a line, and the other lines that would have matched as well.
struct ScanMatch
{
    qint64 connectionPointId = 0; // 0: no line
    QString matchedBy;            // scan_ip, global_ip, fqdn, global_ip_block
    QStringList alsoMatched;      // CAF IDs of further lines at the same level (ambiguous)
};

struct ScanImportResult
{
    ScanImport import;
    QList<ScanHost> hosts;
    QStringList unmatched; // addresses of hosts (up) that matched no line
};

// Imports scanner output (nmap -oX) into a survey: hosts are matched to lines by the scan-day IP
// confirmed with the hospital, then the declared global IP, then the FQDN, then a declared
// address block ("203.0.113.8/29"). A dynamic-IP line is matched only by its scan-day IP or its
// FQDN: the address in the workbook was the hospital's on some other day.
class ScanImporter
{
public:
    [[nodiscard]] static ScanMatch match(const NmapHost &host, const QList<ConnectionPoint> &lines);
    [[nodiscard]] static ScanMatch match(const QString &address, const QStringList &hostnames,
                                         const QList<ConnectionPoint> &lines);
    [[nodiscard]] static bool isDynamicIp(const ConnectionPoint &line);
    // A parsed host as the store keeps it (scripts as "id: output" blocks, CPEs space-separated),
    // not matched yet.
    [[nodiscard]] static ScanHost toScanHost(const NmapHost &host);
    // nmap's command line with the values of secret script arguments (passwords, communities,
    // keys, tokens) replaced by "***".
    [[nodiscard]] static QString redactArguments(const QString &args);
    // A script's output with the credentials it found ("admin:Cisco123 - Valid credentials",
    // "public - Valid credentials", http-default-accounts' "admin:admin") as "admin:***" / "***":
    // that an account is weak is the finding; its password never reaches the survey.
    [[nodiscard]] static QString redactCredentials(const QString &scriptId, const QString &output);

    [[nodiscard]] static Result<ScanImportResult> importFile(SurveyStore &store, const QString &path);
    [[nodiscard]] static Result<ScanImportResult> importBytes(SurveyStore &store, const QByteArray &xml,
                                                              const QString &fileName);
    // Matches every stored host again (after a scan-day IP was confirmed or a line corrected);
    // returns how many hosts changed line.
    [[nodiscard]] static Result<int> rematch(SurveyStore &store);
};

} // namespace fs::model
