#include "scanday.h"

#include "csvtext.h"
#include "ipaddress.h"
#include "scanimporter.h"

#include <algorithm>

namespace fs::model {

bool ScanDay::wantsScan(const ConnectionPoint &line)
{
    const QString wish = line.wantsVulnerabilityScan.trimmed();
    return wish.contains(QStringLiteral("あり")) ||
           wish.compare(QStringLiteral("yes"), Qt::CaseInsensitive) == 0;
}

QString ScanDay::checkAddress(const QString &text, QString *reason)
{
    const QString trimmed = text.trimmed();
    const auto address = IpAddress::parse(trimmed);
    if (!address) {
        if (reason)
            *reason = QStringLiteral("«%1» is not an IP address").arg(trimmed.left(60));
        return {};
    }
    if (!address->isPublic()) {
        if (reason)
            *reason = QStringLiteral("%1 is a private or reserved address, not a global one").arg(trimmed);
        return {};
    }
    return address->toString();
}

Result<QList<FieldChange>> ScanDay::confirmation(const ConnectionPoint &line, const QString &address,
                                                 const QString &by, const QDateTime &at)
{
    const auto ref = [&](const char *field) {
        return FieldRef{Entity::ConnectionPoint, line.uuid, QString::fromLatin1(field)};
    };
    if (address.trimmed().isEmpty()) {
        // Empty text, not a null QString: the text columns are NOT NULL.
        const QString empty = QStringLiteral("");
        return QList<FieldChange>{{ref("scan_ip_confirmed"), empty},
                                  {ref("scan_ip"), empty},
                                  {ref("scan_ip_confirmed_by"), empty},
                                  {ref("scan_ip_confirmed_at"), empty}};
    }
    QString reason;
    const QString canonical = checkAddress(address, &reason);
    if (canonical.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 (回線%2): %3").arg(line.cafId).arg(line.lineNo).arg(reason));
    if (by.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: say who confirmed the address with the hospital").arg(line.cafId));
    return QList<FieldChange>{
        {ref("scan_ip_confirmed"), QStringLiteral("確認済")},
        {ref("scan_ip"), canonical},
        {ref("scan_ip_confirmed_by"), by.trimmed()},
        {ref("scan_ip_confirmed_at"), at.isValid() ? at : QDateTime::currentDateTimeUtc()}};
}

QList<ScanDayRow> ScanDay::rows(const QList<ConnectionPoint> &lines, const QList<ScanHost> &hosts,
                                const QList<ScanPort> &currentPorts)
{
    QList<ScanDayRow> rows;
    for (const ConnectionPoint &cp : lines) {
        if (!wantsScan(cp))
            continue;
        ScanDayRow row;
        row.connectionPointId = cp.id;
        row.uuid = cp.uuid;
        row.lineNo = cp.lineNo;
        row.cafId = cp.cafId;
        row.purpose = cp.purpose;
        row.carrier = cp.carrier;
        row.carrierService = cp.carrierService;
        row.ipAssignment = cp.ipAssignment;
        row.dynamicIp = ScanImporter::isDynamicIp(cp);
        row.declaredIp = cp.globalIp;
        row.fqdn = cp.fqdn;
        row.confirmed = cp.scanIpConfirmed;
        row.confirmedBy = cp.scanIpConfirmedBy;
        row.confirmedAt = cp.scanIpConfirmedAt;
        const bool fixedIp =
            !row.dynamicIp && (cp.ipAssignment.contains(QStringLiteral("固定")) ||
                               cp.ipAssignment.contains(QStringLiteral("static"), Qt::CaseInsensitive) ||
                               cp.ipAssignment.contains(QStringLiteral("fixed"), Qt::CaseInsensitive));
        if (!cp.scanIp.trimmed().isEmpty()) {
            row.target = cp.scanIp.trimmed();
            row.state = ScanDayState::Confirmed;
        } else if (fixedIp || (!row.dynamicIp && !cp.globalIp.trimmed().isEmpty())) {
            row.target = cp.globalIp.trimmed();
            row.state = row.target.isEmpty() ? ScanDayState::NoAddress : ScanDayState::FixedIp;
        } else {
            row.state = ScanDayState::Unconfirmed;
        }
        if (!row.target.isEmpty()) {
            const auto address = IpAddress::parse(row.target.section(QLatin1Char('/'), 0, 0));
            if (!address || !address->isPublic())
                row.state = ScanDayState::NotPublic;
        }
        for (const ScanHost &h : hosts) {
            if (h.connectionPointId == cp.id) {
                ++row.hostsScanned;
                if (h.startedAt > row.lastScan)
                    row.lastScan = h.startedAt;
            }
        }
        row.openPorts = int(std::count_if(currentPorts.begin(), currentPorts.end(), [&](const ScanPort &p) {
            return p.connectionPointId == cp.id && p.isOpen();
        }));
        rows << row;
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ScanDayRow &a, const ScanDayRow &b) { return a.lineNo < b.lineNo; });
    return rows;
}

QString ScanDay::stateText(ScanDayState state)
{
    switch (state) {
    case ScanDayState::FixedIp:
        return QStringLiteral("診断可（固定IP）");
    case ScanDayState::Confirmed:
        return QStringLiteral("確認済（当日IP）");
    case ScanDayState::Unconfirmed:
        return QStringLiteral("未確認（診断不可）");
    case ScanDayState::NoAddress:
        return QStringLiteral("IPアドレスなし（診断不可）");
    case ScanDayState::NotPublic:
        return QStringLiteral("グローバルIPではない（診断不可）");
    }
    return {};
}

QByteArray ScanDay::toCsv(const QList<ScanDayRow> &rows, const QString &hospital)
{
    const QStringList header = {QStringLiteral("医療機関"),
                                QStringLiteral("回線No"),
                                QStringLiteral("ID"),
                                QStringLiteral("用途・システム名"),
                                QStringLiteral("回線事業者"),
                                QStringLiteral("回線サービス名"),
                                QStringLiteral("固定IP/動的IP"),
                                QStringLiteral("グローバルIPアドレス"),
                                QStringLiteral("FQDN"),
                                QStringLiteral("診断対象アドレス"),
                                QStringLiteral("グローバルIP確認"),
                                QStringLiteral("確認者"),
                                QStringLiteral("確認日時"),
                                QStringLiteral("状態")};
    QStringList out;
    QStringList cells;
    for (const QString &h : header)
        cells << CsvText::cell(h);
    out << cells.join(QLatin1Char(','));
    for (const ScanDayRow &r : rows) {
        cells.clear();
        for (const QString &value :
             {hospital, QString::number(r.lineNo), r.cafId, r.purpose, r.carrier, r.carrierService,
              r.ipAssignment, r.declaredIp, r.fqdn, r.target, r.confirmed, r.confirmedBy,
              r.confirmedAt.isValid()
                  ? r.confirmedAt.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"))
                  : QString(),
              stateText(r.state)})
            cells << CsvText::cell(value);
        out << cells.join(QLatin1Char(','));
    }
    return CsvText::document(out);
}

} // namespace fs::model
