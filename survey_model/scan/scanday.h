#pragma once

#include "connectionpoint.h"
#include "error.h"
#include "fieldref.h"
#include "scanport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace fs::model {

// Whether a line that asked for 脆弱性診断 can be scanned.
enum class ScanDayState
{
    FixedIp,     // 固定IP with a global address: scan it
    Confirmed,   // 動的IP whose address the hospital confirmed on the scan day
    Unconfirmed, // 動的IP (or unknown) without a confirmed address: cannot be scanned
    NoAddress,   // 固定IP but no global address written
    NotPublic    // the address to scan is private or reserved
};

// One line of the scan-day list (脆弱性診断当日の対象一覧).
struct ScanDayRow
{
    qint64 connectionPointId = 0;
    QString uuid;
    int lineNo = 0;
    QString cafId;
    QString purpose;
    QString carrier;
    QString carrierService;
    QString ipAssignment; // as the hospital wrote it
    bool dynamicIp = false;
    QString declaredIp;
    QString fqdn;
    QString target;    // the address the scan team scans (the confirmed one, else the fixed one)
    QString confirmed; // グローバルIP確認 as written
    QString confirmedBy;
    QDateTime confirmedAt;
    ScanDayState state = ScanDayState::Unconfirmed;
    int hostsScanned = 0; // hosts of the imports matched to this line
    int openPorts = 0;    // current open ports
    QString lastScan;     // when it was last scanned (the scanner's start time)

    // Lines the scan team cannot scan as they stand.
    [[nodiscard]] bool isFlagged() const
    {
        return state == ScanDayState::Unconfirmed || state == ScanDayState::NoAddress ||
               state == ScanDayState::NotPublic;
    }
};

class ScanDay
{
public:
    // Every line that asked for 脆弱性診断 (調査希望あり), in 回線No order.
    [[nodiscard]] static QList<ScanDayRow> rows(const QList<ConnectionPoint> &lines,
                                                const QList<ScanHost> &hosts = {},
                                                const QList<ScanPort> &currentPorts = {});
    [[nodiscard]] static bool wantsScan(const ConnectionPoint &line);
    // 診断可（固定IP）, 確認済（当日IP）, 未確認, …
    [[nodiscard]] static QString stateText(ScanDayState state);
    // The list for the scan team: UTF-8 with a byte-order mark (Excel opens it as UTF-8), CRLF,
    // RFC 4180 quoting; a cell that would start a spreadsheet formula is prefixed with '.
    [[nodiscard]] static QByteArray toCsv(const QList<ScanDayRow> &rows, const QString &hospital = {});
    // Checks an address typed for the scan day: one public IPv4 or IPv6 address. Returns it in
    // canonical form, or an empty string with reason set.
    [[nodiscard]] static QString checkAddress(const QString &text, QString *reason);
    // The edits that record the address the hospital confirmed on the scan day (グローバルIP確認
    // 確認済, 当日グローバルIPアドレス, by whom, when) as one change; an empty address clears them.
    // InvalidArgument (naming the line) when the address is not one public IP.
    [[nodiscard]] static Result<QList<FieldChange>>
    confirmation(const ConnectionPoint &line, const QString &address, const QString &by, const QDateTime &at);
};

} // namespace fs::model
