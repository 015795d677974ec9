#include "pdfreport.h"

#include "backupclassifier.h"
#include "buildinfo.h"
#include "findingsengine.h"
#include "photomarkup.h"
#include "reportdata.h"
#include "reportfont.h"
#include "reportlogging.h"
#include "scanday.h"
#include "scanimporter.h"
#include "surveystore.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>

#include <cmath>
#include <poppler-qt6.h>

namespace fs::report {

using namespace fs::model;

namespace {

// A4 at 300 dpi; all geometry below is in device pixels of that resolution.
constexpr int kDpi = 300;
constexpr double kMm = kDpi / 25.4;
constexpr int kPhotosPerPage = 6;
constexpr int kPhotoDpi = 150;
constexpr int kPhotoColumns = 2;
constexpr int kLegendRowsPerPage = 28;
constexpr qint64 kMaxPlanPdfBytes = 256LL * 1024 * 1024;

const QString kTitleSummary = QStringLiteral("調査概要");
const QString kTitleConnectionPoints = QStringLiteral("外部ネットワーク接続点の見える化");
const QString kTitleScan = QStringLiteral("現地検出 / 脆弱性診断");
const QString kTitleSecurity = QStringLiteral("セキュリティ対策状況");
const QString kTitleRansomware = QStringLiteral("ランサムウェア感染への備え");
const QString kTitleBackup = QStringLiteral("オフラインバックアップ（診療録管理体制加算1）");
const QString kTitleFindings = QStringLiteral("所見一覧");
const QString kTitleFloorPlans = QStringLiteral("設置場所（フロアマップ）");
const QString kTitlePhotos = QStringLiteral("写真");

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QString statusCell(const QString &status)
{
    if (status.isEmpty())
        return QStringLiteral("<td class=\"st\">—</td>");
    return QStringLiteral("<td class=\"st %1\">%2</td>").arg(status, labels::findingStatus(status));
}

QString evaluationCell(const QString &evaluation)
{
    const QString cls = evaluation == QStringLiteral("ok") ? QStringLiteral("ok") : evaluation;
    return QStringLiteral("<td class=\"st %1\">%2</td>").arg(cls, labels::checkEvaluation(evaluation));
}

QString findingLines(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings) {
        QString line = QStringLiteral("・") + esc(f.text);
        if (f.needsConfirmation)
            line += QStringLiteral("（要確認）");
        lines << line;
    }
    return lines.isEmpty() ? QStringLiteral("特記事項なし") : lines.join(QStringLiteral("<br/>"));
}

// The evidence as the report's 所見一覧 prints it: at most five lines, each without its advisory
// URL and cut at 120 characters (the whole evidence is in the app and the Excel export).
QString compactEvidence(const QString &evidence)
{
    constexpr int kLines = 5;
    constexpr int kWidth = 120;
    const QStringList lines = evidence.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList out;
    for (const QString &line : lines.mid(0, kLines)) {
        QString shown = line.section(QStringLiteral(" / http"), 0, 0).trimmed();
        if (shown.size() > kWidth)
            shown = shown.left(kWidth - 1) + QStringLiteral("…");
        out << shown;
    }
    if (lines.size() > kLines)
        out << QStringLiteral("ほか %1 件（全文は所見の詳細と Excel 出力の所見一覧）")
                   .arg(lines.size() - kLines);
    return out.join(QLatin1Char('\n'));
}

QString deviceSummary(const Device &d, bool withFirmware = true)
{
    QStringList parts;
    const QString maker = factValue(d.facts, QStringLiteral("vendor")).isEmpty()
                              ? d.maker
                              : factValue(d.facts, QStringLiteral("vendor"));
    const QString model = factValue(d.facts, QStringLiteral("model")).isEmpty()
                              ? d.model
                              : factValue(d.facts, QStringLiteral("model"));
    for (const QString &p : {d.deviceType, maker, model})
        if (!p.isEmpty())
            parts << p;
    // One fact per line: a host name or firmware wrapped inside a narrow cell (at a hyphen) would
    // no longer be found when the report is searched.
    QStringList lines{parts.join(QLatin1Char(' '))};
    if (!d.hostname.isEmpty())
        lines << QStringLiteral("機器名 ") + d.hostname;
    const QString firmware = factValue(d.facts, QStringLiteral("firmware"));
    if (withFirmware && !firmware.isEmpty())
        lines << QStringLiteral("ファームウェア ") + firmware;
    if (d.origin == Origin::FoundOnSite)
        lines.first() += QStringLiteral("［未申告］");
    return lines.join(QLatin1Char('\n'));
}

QString lineState(const ConnectionPoint &cp)
{
    QStringList rows;
    if (!cp.connectionType.isEmpty())
        rows << QStringLiteral("通信形態: ") + esc(cp.connectionType);
    const QString line =
        QStringList{cp.lineType, cp.carrier, cp.carrierService}.join(QLatin1Char(' ')).simplified();
    if (!line.isEmpty())
        rows << QStringLiteral("回線: ") + esc(line);
    rows << QStringLiteral("電子カルテ: ") + labels::emrReachability(cp.emrReachability) +
                QStringLiteral("／暗号化: ") + labels::protection(cp.protection);
    QString ip = cp.ipAssignment;
    if (!cp.globalIp.isEmpty())
        ip += QLatin1Char(' ') + cp.globalIp;
    if (!ip.trimmed().isEmpty())
        rows << QStringLiteral("IP: ") + esc(ip.trimmed());
    const QString where = cp.onuLocationFound.isEmpty() ? cp.onuLocation : cp.onuLocationFound;
    if (!where.isEmpty())
        rows << QStringLiteral("設置場所: ") + esc(where);
    return rows.join(QStringLiteral("<br/>"));
}

QString styleSheet(const QString &family)
{
    return QStringLiteral(
               "body { font-family: '%1'; font-size: 9pt; }"
               "h1 { font-size: 15pt; font-weight: bold; color: #1a3c6e; page-break-before: always; "
               "     margin-top: 0px; margin-bottom: 8px; }"
               "h2 { font-size: 11.5pt; font-weight: bold; color: #1a3c6e; margin-top: 14px; margin-bottom: "
               "6px; }"
               "p { margin-top: 2px; margin-bottom: 6px; }"
               "table { border-collapse: collapse; margin-bottom: 8px; }"
               "th { background-color: #dfe7f2; font-weight: bold; padding: 4px; border: 1px solid #7f8c9d; }"
               "td { padding: 4px; border: 1px solid #7f8c9d; vertical-align: top; }"
               "td.st { font-weight: bold; text-align: center; }"
               "td.danger { background-color: #f8d0cc; color: #9b1c12; }"
               "td.caution { background-color: #fdebb6; color: #7a5400; }"
               "td.ok { background-color: #dcefdc; color: #205c20; }"
               "td.key { background-color: #f0f3f7; font-weight: bold; }"
               ".note { color: #555555; }"
               ".headline { font-size: 16pt; font-weight: bold; color: #1a3c6e; }"
               ".contradiction { font-weight: bold; color: #9b1c12; }"
               ".check { font-weight: bold; color: #7a5400; }")
        .arg(family);
}

QString tableStart(const QStringList &headers, const QList<int> &widths)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>");
    for (qsizetype i = 0; i < headers.size(); ++i)
        html += QStringLiteral("<th width=\"%1%\">%2</th>").arg(widths.value(i)).arg(esc(headers.at(i)));
    return html + QStringLiteral("</tr></thead>");
}

// The visit days' dates and the investigators, as the cover and 調査概要 list them.
QString visitDates(const ReportData &r)
{
    QStringList dates;
    for (const VisitDay &d : r.data.days) {
        if (d.date.isValid())
            dates << labels::date(d.date);
    }
    return dates.isEmpty() ? QStringLiteral("未定") : dates.join(QStringLiteral("、"));
}

QString investigatorNames(const ReportData &r)
{
    QStringList names;
    for (const Investigator &i : r.data.investigators)
        names << i.name;
    return names.join(QStringLiteral("、"));
}

// ---- the text sections, as one HTML document

QString summarySection(const ReportData &r)
{
    const Hospital &h = r.data.hospital;
    int devices = 0;
    int found = 0;
    for (const ConnectionPoint &cp : r.data.connectionPoints) {
        devices += int(cp.devices.size());
        found += cp.origin == Origin::FoundOnSite ? 1 : 0;
    }
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleSummary);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("医療機関名"), h.name},
        {QStringLiteral("医療機関コード"), h.code},
        {QStringLiteral("所在地"), QString(QStringLiteral("〒") + h.postal + QLatin1Char(' ') + h.address +
                                           QLatin1Char(' ') + h.building)
                                       .trimmed()},
        {QStringLiteral("病床数"), h.beds ? QString::number(*h.beds) + QStringLiteral("床") : QString()},
        {QStringLiteral("調査日"), visitDates(r)},
        {QStringLiteral("調査員"), investigatorNames(r)},
        {QStringLiteral("端末の評価基準日"), labels::date(r.asOf)},
    };
    for (const auto &[key, value] : rows)
        html += QStringLiteral("<tr><td class=\"key\" width=\"25%\">%1</td><td>%2</td></tr>")
                    .arg(key, esc(value));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>調査対象</h2><table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
    html += QStringLiteral("<tr><td class=\"key\" width=\"25%\">外部接続点（回線）</td><td>%1 "
                           "件（うち現地で確認した未申告 %2 件）</td></tr>")
                .arg(r.data.connectionPoints.size())
                .arg(found);
    html += QStringLiteral("<tr><td class=\"key\">機器</td><td>%1 台</td></tr>").arg(devices);
    html +=
        QStringLiteral("<tr><td class=\"key\">調査端末</td><td>%1 台</td></tr>").arg(r.data.terminals.size());
    html += QStringLiteral("<tr><td class=\"key\">写真</td><td>%1 枚</td></tr></table>").arg(r.photos.size());

    // Findings by status and target.
    const QStringList statuses = {QStringLiteral("danger"), QStringLiteral("caution"),
                                  QStringLiteral("none")};
    const QStringList targets = {QStringLiteral("connection_point"), QStringLiteral("device"),
                                 QStringLiteral("terminal"), QStringLiteral("survey")};
    html += QStringLiteral("<h2>所見の件数</h2>");
    html += tableStart({QStringLiteral("状況"), QStringLiteral("外部接続点"), QStringLiteral("機器"),
                        QStringLiteral("端末"), QStringLiteral("全体"), QStringLiteral("計")},
                       {20, 16, 16, 16, 16, 16});
    for (const QString &status : statuses) {
        html += QStringLiteral("<tr>") + statusCell(status);
        int total = 0;
        for (const QString &target : targets) {
            const auto n = std::count_if(r.findings.begin(), r.findings.end(), [&](const Finding &f) {
                return f.isActive() && f.status == status && f.targetEntity == target;
            });
            total += int(n);
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(n);
        }
        html += QStringLiteral("<td align=\"right\"><b>%1</b></td></tr>").arg(total);
    }
    html += QStringLiteral("</table>");
    const auto dismissed = std::count_if(r.findings.begin(), r.findings.end(),
                                         [](const Finding &f) { return f.dismissed && !f.deleted; });
    if (dismissed > 0)
        html += QStringLiteral("<p class=\"note\">調査員が理由を付して却下した所見 %1 "
                               "件は件数に含めず、所見一覧の末尾に記載しています。</p>")
                    .arg(dismissed);
    return html;
}

QString connectionPointSection(const ReportData &r)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleConnectionPoints);
    if (r.data.connectionPoints.isEmpty())
        return html + QStringLiteral("<p>外部接続点の記録はありません。</p>");
    html += tableStart({QStringLiteral("No"), QStringLiteral("ID"), QStringLiteral("接続機器"),
                        QStringLiteral("接続状態"), QStringLiteral("状況"), QStringLiteral("調査結果")},
                       {5, 10, 24, 27, 7, 27});
    for (const ConnectionPoint &cp : r.data.connectionPoints) {
        QStringList devices;
        for (const Device &d : cp.devices)
            devices << esc(deviceSummary(d));
        QString purpose = cp.purpose.isEmpty()
                              ? QString()
                              : QStringLiteral("用途: ") + esc(cp.purpose) + QStringLiteral("<br/>");
        const QList<Finding> findings = r.lineFindings(cp);
        html += QStringLiteral(
                    "<tr><td align=\"center\">%1</td><td>%2%3</td><td>%4%5</td><td>%6</td>%7<td>%8</td></tr>")
                    .arg(QString::number(cp.lineNo), cp.cafId,
                         cp.origin == Origin::FoundOnSite ? QStringLiteral("<br/>［未申告］") : QString(),
                         purpose,
                         devices.isEmpty() ? QStringLiteral("（機器の記録なし）")
                                           : devices.join(QStringLiteral("<br/>")),
                         lineState(cp), statusCell(FindingsEngine::worstStatus(findings)),
                         findingLines(findings));
    }
    return html + QStringLiteral("</table>");
}

QString scanSection(const ReportData &r)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleScan);
    const QList<ScanDayRow> rows = ScanDay::rows(r.data.connectionPoints, r.scanHosts, r.scanPorts);
    if (r.scanImports.isEmpty()) {
        html +=
            QStringLiteral("<p>脆弱性診断の結果はまだ取り込まれていません。診断対象の回線と当日のグローバル"
                           "IPは次のとおりです。</p>");
        html += tableStart({QStringLiteral("No"), QStringLiteral("ID"), QStringLiteral("IPアドレス"),
                            QStringLiteral("グローバルIP"), QStringLiteral("当日のグローバルIP"),
                            QStringLiteral("状態")},
                           {7, 12, 13, 22, 26, 20});
        for (const ScanDayRow &row : rows) {
            QString confirmed = row.state == ScanDayState::Confirmed ? row.target
                                : row.dynamicIp                      ? QStringLiteral("未確認")
                                                                     : QStringLiteral("—");
            if (!row.confirmedBy.isEmpty())
                confirmed += QStringLiteral("（確認: ") + row.confirmedBy + QStringLiteral("）");
            html +=
                QStringLiteral("<tr><td align=\"center\">%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td>%6</td></tr>")
                    .arg(QString::number(row.lineNo), row.cafId, esc(row.ipAssignment), esc(row.declaredIp),
                         esc(confirmed), esc(ScanDay::stateText(row.state)));
        }
        if (rows.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"6\">脆弱性診断を希望する回線はありません。</td></tr>");
        return html + QStringLiteral("</table>");
    }

    QStringList scans;
    for (const ScanImport &s : r.scanImports) {
        scans << QStringLiteral("%1（nmap %2、%3、%4）")
                     .arg(esc(s.fileName), esc(s.scannerVersion), esc(s.scannedAt.left(10)),
                          esc(s.protocols.join(QLatin1Char('/')).toUpper()));
    }
    html += QStringLiteral("<p>各回線のグローバルIPに対するポート診断の結果です。診断結果: %1。</p>")
                .arg(scans.join(QStringLiteral("、")));

    // Per line: the address scanned and its open ports, or that nothing answered / no scan.
    html += tableStart({QStringLiteral("ID"), QStringLiteral("アドレス"), QStringLiteral("ポート"),
                        QStringLiteral("状態"), QStringLiteral("サービス"),
                        QStringLiteral("製品・バージョン"), QStringLiteral("評価")},
                       {11, 17, 11, 10, 12, 22, 17});
    QSet<qint64> listed;
    const auto portRow = [](const QString &id, const ScanPort &p) {
        const PortAssessment a = FindingsEngine::assessPort(p);
        return QStringLiteral(
                   "<tr><td>%1</td><td>%2</td><td>%3/%4</td><td>%5</td><td>%6</td><td>%7</td>%8</tr>")
            .arg(esc(id),
                 esc(p.address) +
                     (p.hostname.isEmpty() ? QString() : QStringLiteral("<br/>") + esc(p.hostname)),
                 QString::number(p.port), esc(p.protocol), esc(p.state), esc(p.service),
                 esc(QString(p.product + QLatin1Char(' ') + p.version).trimmed()),
                 a.status.isEmpty() ? statusCell(QString())
                                    : statusCell(a.status).replace(QStringLiteral("</td>"),
                                                                   QStringLiteral("<br/>") + esc(a.note) +
                                                                       QStringLiteral("</td>")));
    };
    for (const ConnectionPoint &cp : r.data.connectionPoints) {
        QList<ScanPort> open;
        for (const ScanPort &p : r.scanPorts) {
            if (p.connectionPointId == cp.id && p.state.startsWith(QStringLiteral("open")))
                open << p;
        }
        const bool scanned = std::any_of(r.scanHosts.begin(), r.scanHosts.end(),
                                         [&](const ScanHost &h) { return h.connectionPointId == cp.id; });
        if (!scanned && !ScanDay::wantsScan(cp))
            continue;
        listed.insert(cp.id);
        if (!scanned) {
            html += QStringLiteral("<tr><td>%1</td><td colspan=\"6\">診断結果なし（%2）</td></tr>")
                        .arg(cp.cafId, cp.scanIp.isEmpty() && ScanImporter::isDynamicIp(cp)
                                           ? QStringLiteral("当日のグローバルIP未確認")
                                           : QStringLiteral("未診断"));
            continue;
        }
        if (open.isEmpty()) {
            QStringList addresses;
            for (const ScanHost &h : r.scanHosts) {
                if (h.connectionPointId == cp.id && !addresses.contains(h.address))
                    addresses << h.address;
            }
            html += QStringLiteral(
                        "<tr><td>%1</td><td>%2</td><td colspan=\"5\">開いているポートはありません</td></tr>")
                        .arg(cp.cafId, esc(addresses.join(QLatin1Char('\n'))));
            continue;
        }
        for (const ScanPort &p : std::as_const(open))
            html += portRow(cp.cafId, p);
    }
    html += QStringLiteral("</table>");

    // Hosts that matched no line: reported, never dropped.
    QList<const ScanHost *> unmatched;
    for (const ScanHost &h : r.scanHosts) {
        if (h.connectionPointId == 0 && h.status == QStringLiteral("up"))
            unmatched << &h;
    }
    if (!unmatched.isEmpty()) {
        html += QStringLiteral("<h2>照合できなかったホスト</h2><p>次のホストはどの回線のグローバルIP・当日の"
                               "グローバルIP・FQDNとも一致しませんでした。</p>");
        html += tableStart(
            {QStringLiteral("アドレス"), QStringLiteral("ホスト名"), QStringLiteral("開いているポート")},
            {22, 30, 48});
        constexpr qsizetype kMaxRows = 200; // a scan of a whole block: the rest is counted
        for (const ScanHost *h : unmatched.first(std::min(unmatched.size(), kMaxRows))) {
            QStringList open;
            for (const ScanPort &p : h->ports) {
                if (p.isOpen())
                    open << QStringLiteral("%1/%2 %3")
                                .arg(QString::number(p.port), p.protocol, p.service)
                                .trimmed();
            }
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(esc(h->address), esc(h->hostnames),
                             open.isEmpty() ? QStringLiteral("なし") : esc(open.join(QStringLiteral("、"))));
        }
        if (unmatched.size() > kMaxRows)
            html +=
                QStringLiteral("<tr><td colspan=\"3\">ほか %1 件</td></tr>").arg(unmatched.size() - kMaxRows);
        html += QStringLiteral("</table>");
    }
    return html;
}

QString securitySection(const ReportData &r)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleSecurity);
    html += QStringLiteral("<p>外部接続点の機器について、実機で確認したファームウェアと設定の状況です。</p>");
    html += tableStart({QStringLiteral("ID"), QStringLiteral("機器"), QStringLiteral("ファームウェア"),
                        QStringLiteral("管理サービス"), QStringLiteral("状況"), QStringLiteral("所見")},
                       {10, 24, 15, 17, 7, 27});
    int rows = 0;
    for (const ConnectionPoint &cp : r.data.connectionPoints) {
        for (const Device &d : cp.devices) {
            ++rows;
            const QList<Finding> findings = r.activeFindings(QStringLiteral("device"), d.id);
            QString firmware = factValue(d.facts, QStringLiteral("firmware"));
            if (firmware.isEmpty())
                firmware = QStringLiteral("未確認");
            QString services = factValue(d.facts, QStringLiteral("remote_admin_services"));
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td>%5<td>%6</td></tr>")
                        .arg(cp.cafId, esc(deviceSummary(d, false)), esc(firmware),
                             esc(services.replace(QStringLiteral("; "), QStringLiteral("\n"))),
                             statusCell(FindingsEngine::worstStatus(findings)), findingLines(findings));
        }
    }
    if (rows == 0)
        html += QStringLiteral("<tr><td colspan=\"6\">機器の記録はありません。</td></tr>");
    return html + QStringLiteral("</table>");
}

QString ransomwareSection(const ReportData &r)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleRansomware);
    if (r.data.terminals.isEmpty())
        return html + QStringLiteral("<p>調査端末の記録はありません。</p>");
    html += QStringLiteral("<p>調査端末ごとの確認結果です（評価基準日 %1）。</p>").arg(labels::date(r.asOf));
    for (const Terminal &t : r.data.terminals) {
        QString title = QStringLiteral("端末%1").arg(t.terminalNo);
        if (!t.hostname.isEmpty())
            title += QLatin1Char(' ') + t.hostname;
        if (!t.systemType.isEmpty())
            title += QStringLiteral("（") + t.systemType + QStringLiteral("）");
        html += QStringLiteral("<h2>%1</h2>").arg(esc(title));
        if (!t.location.isEmpty() || !t.usageForm.isEmpty())
            html += QStringLiteral("<p class=\"note\">設置場所: %1　利用形態: %2</p>")
                        .arg(esc(t.location), esc(t.usageForm));
        html += tableStart({QStringLiteral("項目"), QStringLiteral("調査結果"), QStringLiteral("評価")},
                           {24, 60, 16});
        for (const QString &item : kTerminalCheckItems) {
            const auto check = std::find_if(t.checks.begin(), t.checks.end(),
                                            [&](const TerminalCheck &c) { return c.item == item; });
            const bool has = check != t.checks.end();
            html += QStringLiteral("<tr><td class=\"key\">%1</td><td>%2</td>%3</tr>")
                        .arg(labels::checkItem(item), has ? esc(check->value) : QStringLiteral("未確認"),
                             evaluationCell(has ? check->evaluation : QStringLiteral("unknown")));
        }
        const QList<Finding> findings = r.activeFindings(QStringLiteral("terminal"), t.id);
        html += QStringLiteral("<tr><td class=\"key\">備考</td><td colspan=\"2\">%1</td></tr></table>")
                    .arg(findingLines(findings));
    }
    return html;
}

// ---- オフラインバックアップ

// A questionnaire answer as the report prints it: the option's label, 未回答 when empty.
QString backupLabel(const char *field, const QString &key)
{
    return BackupOptions::label(QString::fromLatin1(field), key);
}

// A free-text answer, 未回答 when empty.
QString answered(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("未回答") : text.trimmed();
}

// An answered date (YYYY-MM-DD) as 2026年12月3日; as written when it is not a date.
QString answeredDate(const QString &text)
{
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    return date.isValid() ? labels::date(date) : answered(text);
}

QString keyRows(const QList<std::pair<QString, QString>> &rows)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
    for (const auto &[key, value] : rows)
        html += QStringLiteral("<tr><td class=\"key\" width=\"25%\">%1</td><td>%2</td></tr>")
                    .arg(esc(key), esc(value));
    return html + QStringLiteral("</table>");
}

QString offlineCell(OfflineJudgement value)
{
    const QString cls = value == OfflineJudgement::Offline  ? QStringLiteral("ok")
                        : value == OfflineJudgement::Online ? QStringLiteral("danger")
                                                            : QStringLiteral("caution");
    return QStringLiteral("<td class=\"st %1\">%2</td>").arg(cls, BackupClassifier::offlineLabel(value));
}

QString backupSection(const ReportData &r)
{
    const BackupQuestionnaire &q = r.backup;
    const BackupAssessment &a = r.backupAssessment;
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleBackup);
    html += QStringLiteral(
        "<p>電子カルテのオフラインバックアップについて、病院の回答（オフラインバックアップ調査票）"
        "と支援区分の判定です。</p>");

    // 支援区分
    html += QStringLiteral("<h2>支援区分</h2>");
    html +=
        QStringLiteral("<p><span class=\"headline\">%1</span></p><p>%2</p>")
            .arg(esc(BackupOptions::classLabel(a.effective)), esc(BackupOptions::classSupport(a.effective)));
    if (a.overridden) {
        QStringList decision{q.overrideReason.trimmed()};
        if (!q.overrideBy.trimmed().isEmpty())
            decision << q.overrideBy.trimmed();
        if (q.overrideAt.isValid())
            decision << labels::date(q.overrideAt.toLocalTime().date());
        html +=
            QStringLiteral("<p>算定結果: %1（事務局判断: %2）</p>")
                .arg(esc(BackupOptions::classLabel(a.computed)), esc(decision.join(QStringLiteral("、"))));
    }
    if (!a.reasons.isEmpty()) {
        QStringList lines;
        for (const QString &reason : a.reasons)
            lines << QStringLiteral("・") + esc(reason);
        html += QStringLiteral("<p><b>判定の理由</b><br/>%1</p>").arg(lines.join(QStringLiteral("<br/>")));
    }
    if (!a.missing.isEmpty())
        html += QStringLiteral("<p><b>未回答</b>: %1</p>").arg(esc(a.missing.join(QStringLiteral("、"))));

    // 電子カルテ
    html += QStringLiteral("<h2>電子カルテ</h2>");
    html += keyRows({
        {QStringLiteral("製品名"), answered(q.emrProduct)},
        {QStringLiteral("ベンダー"), answered(q.emrVendor)},
        {QStringLiteral("患者数"),
         q.patientCount ? QLocale(QLocale::Japanese).toString(*q.patientCount) + QStringLiteral(" 人")
                        : QStringLiteral("未回答")},
        {QStringLiteral("回答者"), answered(q.answeredBy)},
        {QStringLiteral("回答日"), answeredDate(q.answeredOn)},
    });

    // 現在のバックアップ
    html += QStringLiteral("<h2>現在のバックアップ</h2>");
    if (q.copies.isEmpty()) {
        html += QStringLiteral("<p>現在のバックアップの記入なし</p>");
    } else {
        html += tableStart({QStringLiteral("No"), QStringLiteral("対象システム"), QStringLiteral("方式"),
                            QStringLiteral("媒体"), QStringLiteral("頻度"), QStringLiteral("世代数"),
                            QStringLiteral("保管場所"), QStringLiteral("切り離し方"),
                            QStringLiteral("オフライン判定")},
                           {4, 12, 11, 13, 7, 7, 11, 15, 20});
        QStringList why;
        for (qsizetype i = 0; i < q.copies.size(); ++i) {
            const BackupCopy &c = q.copies.at(i);
            const BackupCopyJudgement j =
                i < a.copies.size() ? a.copies.at(i) : BackupClassifier::judge(c, int(i) + 1);
            html +=
                QStringLiteral("<tr><td align=\"center\">%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td align=\"right\">%6</td><td>%7</td><td>%8</td>%9</tr>")
                    .arg(QString::number(i + 1), esc(backupLabel("target_system", c.targetSystem)),
                         esc(backupLabel("method", c.method)), esc(answered(c.media)),
                         esc(backupLabel("frequency", c.frequency)),
                         c.generations ? QString::number(*c.generations) : QStringLiteral("未回答"),
                         esc(backupLabel("location", c.location)),
                         esc(backupLabel("separation", c.separation)), offlineCell(j.offline));
            QString line =
                QStringLiteral("・No.%1 %2: %3")
                    .arg(QString::number(i + 1), BackupClassifier::offlineLabel(j.offline), esc(j.reason));
            if (!c.note.trimmed().isEmpty())
                line += QStringLiteral("（備考: %1）").arg(esc(c.note.trimmed()));
            why << line;
        }
        html += QStringLiteral("</table><p class=\"note\">%1</p>").arg(why.join(QStringLiteral("<br/>")));
    }

    // 復旧テスト・記載先・BCP
    QString restore = backupLabel("restore_tested", q.restoreTested);
    if (!q.restoreTestedOn.trimmed().isEmpty())
        restore += QStringLiteral("（実施日 %1）").arg(answeredDate(q.restoreTestedOn));
    html += QStringLiteral("<h2>復旧テスト・記載先・BCP</h2>");
    html += keyRows({
        {QStringLiteral("復旧テスト"), restore},
        {QStringLiteral("記載先"), backupLabel("documented_in", q.documentedIn)},
        {QStringLiteral("BCP"), backupLabel("bcp", q.bcp)},
    });

    // 予定
    QList<std::pair<QString, QString>> plans = {
        {QStringLiteral("新サーバ"), backupLabel("new_server", q.newServer)},
        {QStringLiteral("既存機器への媒体接続"), backupLabel("media_on_existing", q.mediaOnExisting)},
        {QStringLiteral("ベンダーと計画中"), backupLabel("planning_with_vendor", q.planningWithVendor)},
        {QStringLiteral("運用中（回答）"), backupLabel("already_operating", q.alreadyOperating)},
    };
    if (!q.note.trimmed().isEmpty())
        plans.append({QStringLiteral("備考"), q.note.trimmed()});
    html += QStringLiteral("<h2>予定</h2>") + keyRows(plans);

    // 確認事項
    html += QStringLiteral("<h2>確認事項</h2>");
    if (a.flags.isEmpty()) {
        html += QStringLiteral("<p>矛盾する回答はありません</p>");
    } else {
        QStringList lines;
        for (const BackupFlag &f : a.flags) {
            const bool contradiction = f.kind == BackupFlag::Kind::Contradiction;
            lines << QStringLiteral("<span class=\"%1\">%2</span>%3")
                         .arg(contradiction ? QStringLiteral("contradiction") : QStringLiteral("check"),
                              contradiction ? QStringLiteral("【矛盾】") : QStringLiteral("【要確認】"),
                              esc(f.text));
        }
        html += QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br/>")));
    }

    // 病院が行うこと
    html += QStringLiteral("<h2>病院が行うこと</h2>");
    if (a.checklist.isEmpty())
        return html + QStringLiteral("<p>支援区分が決まっていないため、項目はありません。</p>");
    html +=
        tableStart({QStringLiteral("項目"), QStringLiteral("状態"), QStringLiteral("理由")}, {60, 12, 28});
    for (const BackupChecklistLine &line : a.checklist) {
        QString reason = esc(line.reason);
        if (!line.note.trimmed().isEmpty())
            reason += (reason.isEmpty() ? QString() : QStringLiteral("<br/>")) +
                      QStringLiteral("<span class=\"note\">%1</span>").arg(esc(line.note.trimmed()));
        html +=
            QStringLiteral("<tr><td>%1</td><td class=\"st%2\">%3</td><td>%4</td></tr>")
                .arg(esc(line.text), line.state == QStringLiteral("done") ? QStringLiteral(" ok") : QString(),
                     esc(backupLabel("state", line.state)), reason);
    }
    return html + QStringLiteral("</table>");
}

QString findingsSection(const ReportData &r)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(kTitleFindings);
    QList<Finding> active;
    QList<Finding> dismissed;
    for (const Finding &f : r.findings) {
        if (f.deleted)
            continue;
        (f.dismissed ? dismissed : active) << f;
    }
    if (active.isEmpty()) {
        html += QStringLiteral("<p>所見はありません。</p>");
    } else {
        html += tableStart({QStringLiteral("No"), QStringLiteral("対象"), QStringLiteral("状況"),
                            QStringLiteral("区分"), QStringLiteral("所見"), QStringLiteral("推奨対策")},
                           {5, 14, 7, 10, 32, 32});
        int no = 0;
        for (const Finding &f : std::as_const(active)) {
            QString text = esc(f.text);
            if (f.needsConfirmation)
                text += QStringLiteral("<br/><b>（要確認）</b>");
            if (!f.evidence.isEmpty())
                text += QStringLiteral("<br/><span class=\"note\">根拠: %1</span>")
                            .arg(esc(compactEvidence(f.evidence)));
            if (f.isEdited() && f.isRuleFinding())
                text += QStringLiteral("<br/><span class=\"note\">（調査員が修正）</span>");
            else if (!f.isRuleFinding())
                text += QStringLiteral("<br/><span class=\"note\">（調査員の所見）</span>");
            html += QStringLiteral(
                        "<tr><td align=\"center\">%1</td><td>%2</td>%3<td>%4</td><td>%5</td><td>%6</td></tr>")
                        .arg(QString::number(++no), esc(r.targetLabel(f)), statusCell(f.status),
                             esc(labels::checkItem(f.category)), text, esc(f.recommendation));
        }
        html += QStringLiteral("</table>");
    }
    if (!dismissed.isEmpty()) {
        html += QStringLiteral("<h2>却下した所見</h2>");
        html += tableStart({QStringLiteral("対象"), QStringLiteral("所見"), QStringLiteral("却下の理由"),
                            QStringLiteral("却下者")},
                           {16, 38, 32, 14});
        for (const Finding &f : std::as_const(dismissed)) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(esc(r.targetLabel(f)), esc(f.text), esc(f.dismissedReason), esc(f.dismissedBy));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

// ---- painting

struct PageFrame
{
    QRectF page;   // the whole page
    QRectF body;   // inside margins, below the header, above the footer
    QRectF header; // the running head
    QRectF footer;
};

PageFrame frame(const QPdfWriter &writer)
{
    PageFrame f;
    f.page = QRectF(0, 0, writer.width(), writer.height());
    const double margin = 16 * kMm;
    f.header = QRectF(margin, 8 * kMm, f.page.width() - 2 * margin, 6 * kMm);
    f.footer = QRectF(margin, f.page.height() - 12 * kMm, f.page.width() - 2 * margin, 6 * kMm);
    f.body = QRectF(margin, 18 * kMm, f.page.width() - 2 * margin, f.page.height() - 18 * kMm - 18 * kMm);
    return f;
}

QFont font(double points, bool bold = false)
{
    QFont f(ReportFont::family());
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferOutline);
    return f;
}

void drawRunningHead(QPainter &p, const PageFrame &f, const QString &hospital, int page, int pages)
{
    p.save();
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.setFont(font(8));
    p.drawText(f.header, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("調査報告書　") + hospital);
    p.setPen(QColor(0xb0, 0x1c, 0x12));
    p.setFont(font(8, true));
    p.drawText(f.header, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("機密"));
    p.setPen(QPen(QColor(0x99, 0x99, 0x99), 2));
    p.drawLine(QPointF(f.header.left(), f.header.bottom() + 1 * kMm),
               QPointF(f.header.right(), f.header.bottom() + 1 * kMm));
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.setFont(font(8));
    p.drawText(f.footer, Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(page).arg(pages));
    p.restore();
}

void drawCover(QPainter &p, const PageFrame &f, const ReportData &r, const PdfReportOptions &options)
{
    p.save();
    // 機密 marking.
    const QRectF mark(f.page.width() - 16 * kMm - 42 * kMm, 14 * kMm, 42 * kMm, 12 * kMm);
    p.setPen(QPen(QColor(0xb0, 0x1c, 0x12), 6));
    p.drawRect(mark);
    p.setPen(QColor(0xb0, 0x1c, 0x12));
    p.setFont(font(14, true));
    p.drawText(mark, Qt::AlignCenter, QStringLiteral("機密"));

    const double left = 22 * kMm;
    const double width = f.page.width() - 44 * kMm;
    p.setPen(QColor(0x33, 0x33, 0x33));
    p.setFont(font(12));
    p.drawText(QRectF(left, 60 * kMm, width, 10 * kMm), Qt::AlignLeft,
               QStringLiteral("医療機関におけるサイバーセキュリティ確保事業"));
    p.setPen(QColor(0x1a, 0x3c, 0x6e));
    p.setFont(font(28, true));
    p.drawText(QRectF(left, 74 * kMm, width, 16 * kMm), Qt::AlignLeft, QStringLiteral("調査報告書"));
    p.setPen(QPen(QColor(0x1a, 0x3c, 0x6e), 8));
    p.drawLine(QPointF(left, 94 * kMm), QPointF(left + width, 94 * kMm));

    p.setPen(QColor(0x22, 0x22, 0x22));
    p.setFont(font(18, true));
    p.drawText(QRectF(left, 104 * kMm, width, 30 * kMm), Qt::AlignLeft | Qt::TextWordWrap,
               r.data.hospital.name.isEmpty() ? QStringLiteral("（医療機関名未記入）")
                                              : r.data.hospital.name + QStringLiteral("　御中"));
    const QDateTime generated =
        options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTime();
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("医療機関コード"), r.data.hospital.code},
        {QStringLiteral("所在地"), r.data.hospital.address},
        {QStringLiteral("調査日"), visitDates(r)},
        {QStringLiteral("調査員"), investigatorNames(r)},
        {QStringLiteral("作成日"), labels::date(generated.toLocalTime().date())},
    };
    p.setFont(font(11));
    double y = 150 * kMm;
    for (const auto &[key, value] : rows) {
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(QRectF(left, y, 40 * kMm, 9 * kMm), Qt::AlignLeft, key);
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.drawText(QRectF(left + 42 * kMm, y, width - 42 * kMm, 9 * kMm), Qt::AlignLeft | Qt::TextWordWrap,
                   value);
        y += 10 * kMm;
    }
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.setFont(font(8.5));
    p.drawText(QRectF(left, f.page.height() - 40 * kMm, width, 20 * kMm), Qt::AlignLeft | Qt::TextWordWrap,
               QStringLiteral("本報告書には医療機関のネットワーク構成と脆弱性に関する機密情報が含まれます。"
                              "関係者以外への開示・複製を禁じます。"));
    p.drawText(QRectF(left, f.page.height() - 26 * kMm, width, 8 * kMm), Qt::AlignLeft,
               QStringLiteral("FieldSurvey %1 で作成").arg(QLatin1StringView(fs::buildinfo::kVersion)));
    p.restore();
}

void drawContents(QPainter &p, const PageFrame &f, const QList<ContentsEntry> &entries, int first, int count)
{
    p.save();
    double y = f.body.top();
    if (first == 0) {
        p.setPen(QColor(0x1a, 0x3c, 0x6e));
        p.setFont(font(15, true));
        p.drawText(QRectF(f.body.left(), y, f.body.width(), 10 * kMm), Qt::AlignLeft, QStringLiteral("目次"));
        y += 14 * kMm;
    }
    const double row = 7.5 * kMm;
    for (int i = first; i < first + count && i < entries.size(); ++i) {
        const ContentsEntry &e = entries.at(i);
        const double indent = e.level == 1 ? 0 : 8 * kMm;
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.setFont(font(e.level == 1 ? 11 : 9.5, e.level == 1));
        const QRectF line(f.body.left() + indent, y, f.body.width() - indent, row);
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, e.title);
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(e.page));
        p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 2, Qt::DotLine));
        const double textWidth = QFontMetricsF(p.font(), p.device()).horizontalAdvance(e.title);
        p.drawLine(QPointF(line.left() + textWidth + 3 * kMm, line.center().y() + 1 * kMm),
                   QPointF(line.right() - 12 * kMm, line.center().y() + 1 * kMm));
        y += row;
    }
    p.restore();
}

// A section's title on a painted page (floor plans, photos), as <h1> looks in the text sections;
// returns the frame below it.
PageFrame drawSectionHeading(QPainter &p, const PageFrame &f, const QString &title)
{
    p.save();
    p.setPen(QColor(0x1a, 0x3c, 0x6e));
    p.setFont(font(15, true));
    p.drawText(QRectF(f.body.left(), f.body.top(), f.body.width(), 10 * kMm),
               Qt::AlignLeft | Qt::AlignVCenter, title);
    p.restore();
    PageFrame below = f;
    below.body.setTop(f.body.top() + 13 * kMm);
    return below;
}

int contentsRowsPerPage(const PageFrame &f)
{
    return int((f.body.height() - 14 * kMm) / (7.5 * kMm));
}

// A floor plan's image: a stored raster, or a PDF page rendered through Poppler.
QImage planImage(const SurveyStore &store, const FloorPlan &plan, QString *error)
{
    auto blob = store.openBlob(plan.blobId);
    if (!blob) {
        *error = blob.error().detail;
        return {};
    }
    QIODevice &device = **blob;
    if (plan.sourceKind == QStringLiteral("pdf_page")) {
        if (device.size() > kMaxPlanPdfBytes) {
            *error = QStringLiteral("PDF too large");
            return {};
        }
        const QByteArray bytes = device.readAll();
        std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
        if (!document || document->isLocked()) {
            *error = QStringLiteral("the PDF cannot be opened");
            return {};
        }
        std::unique_ptr<Poppler::Page> page = document->page(plan.pageIndex);
        if (!page) {
            *error = QStringLiteral("no page %1 in the PDF").arg(plan.pageIndex + 1);
            return {};
        }
        document->setRenderHint(Poppler::Document::Antialiasing);
        document->setRenderHint(Poppler::Document::TextAntialiasing);
        const QSizeF points = page->pageSizeF();
        const double longest = std::max(points.width(), points.height());
        const double dpi = longest > 0 ? std::clamp(2400.0 / longest * 72.0, 20.0, 300.0) : 150.0;
        return page->renderToImage(dpi, dpi);
    }
    QImageReader reader(&device);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && std::max(size.width(), size.height()) > 3000)
        reader.setScaledSize(size.scaled(3000, 3000, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        *error = reader.errorString();
    return image;
}

QColor pinColor(PinKind kind)
{
    switch (kind) {
    case PinKind::Onu:
        return QColor(0x1f, 0x6f, 0xd1);
    case PinKind::Router:
        return QColor(0xd1, 0x5b, 0x1f);
    case PinKind::Terminal:
        return QColor(0x2e, 0x8b, 0x3a);
    case PinKind::Other:
        break;
    }
    return QColor(0x6b, 0x5b, 0x95);
}

QString pinTarget(const ReportData &r, const Pin &pin)
{
    const QString kind = pin.target.section(QLatin1Char(':'), 0, 0);
    const QString key = pin.target.section(QLatin1Char(':'), 1);
    if (kind == QStringLiteral("line")) {
        for (const ConnectionPoint &cp : r.data.connectionPoints) {
            if (QString::number(cp.lineNo) == key || cp.cafId == key || cp.uuid == key)
                return cp.cafId;
        }
    } else if (kind == QStringLiteral("terminal")) {
        for (const Terminal &t : r.data.terminals) {
            if (QString::number(t.terminalNo) == key || t.uuid == key)
                return QStringLiteral("端末%1 %2").arg(t.terminalNo).arg(t.hostname).trimmed();
        }
    } else if (kind == QStringLiteral("device")) {
        for (const ConnectionPoint &cp : r.data.connectionPoints) {
            for (const Device &d : cp.devices) {
                if (d.uuid == key)
                    return cp.cafId + QLatin1Char(' ') + d.hostname;
            }
        }
    }
    return {};
}

int legendPages(const FloorPlan &plan)
{
    const int overflow = std::max(0, int(plan.pins.size()) - 12);
    return 1 + (overflow + kLegendRowsPerPage - 1) / kLegendRowsPerPage;
}

void drawLegendRows(QPainter &p, const ReportData &r, const FloorPlan &plan, int first, int count,
                    QRectF area)
{
    const double row = 7 * kMm;
    const QList<double> columns = {0, 12 * kMm, 52 * kMm, 112 * kMm};
    p.setFont(font(9, true));
    p.setPen(QColor(0x22, 0x22, 0x22));
    const QStringList headers = {QStringLiteral("No"), QStringLiteral("種別"), QStringLiteral("ラベル"),
                                 QStringLiteral("対象")};
    for (qsizetype c = 0; c < headers.size(); ++c)
        p.drawText(QRectF(area.left() + columns.at(c), area.top(), 60 * kMm, row),
                   Qt::AlignLeft | Qt::AlignVCenter, headers.at(c));
    double y = area.top() + row;
    p.setFont(font(9));
    for (int i = first; i < first + count && i < plan.pins.size(); ++i) {
        const Pin &pin = plan.pins.at(i);
        p.setBrush(pinColor(pin.kind));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(area.left() + 3 * kMm, y + row / 2), 2.2 * kMm, 2.2 * kMm);
        p.setPen(Qt::white);
        p.setFont(font(7, true));
        p.drawText(QRectF(area.left() + 0.8 * kMm, y, 4.4 * kMm, row), Qt::AlignCenter,
                   QString::number(i + 1));
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.setFont(font(9));
        p.drawText(QRectF(area.left() + columns.at(1), y, 38 * kMm, row), Qt::AlignLeft | Qt::AlignVCenter,
                   labels::pinKind(pin.kind));
        p.drawText(QRectF(area.left() + columns.at(2), y, 58 * kMm, row), Qt::AlignLeft | Qt::AlignVCenter,
                   pin.label.isEmpty() ? pin.sourceText.simplified() : pin.label);
        p.drawText(QRectF(area.left() + columns.at(3), y, area.width() - columns.at(3), row),
                   Qt::AlignLeft | Qt::AlignVCenter, pinTarget(r, pin));
        y += row;
    }
}

void drawPlan(QPainter &p, const PageFrame &f, const SurveyStore &store, const ReportData &r,
              const FloorPlan &plan, int number)
{
    p.save();
    p.setPen(QColor(0x1a, 0x3c, 0x6e));
    p.setFont(font(12, true));
    const QString title = QStringLiteral("図%1　%2")
                              .arg(number)
                              .arg(plan.title.isEmpty() ? QStringLiteral("平面図") : plan.title);
    p.drawText(QRectF(f.body.left(), f.body.top(), f.body.width(), 9 * kMm), Qt::AlignLeft | Qt::AlignVCenter,
               title);
    const QRectF area(f.body.left(), f.body.top() + 11 * kMm, f.body.width(), f.body.height() * 0.62);
    QString error;
    const QImage image = planImage(store, plan, &error);
    if (image.isNull()) {
        p.setPen(QColor(0x9b, 0x1c, 0x12));
        p.setFont(font(10));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   QStringLiteral("平面図を表示できません（%1）").arg(error));
        qCWarning(lcReport) << "floor plan" << plan.uuid << "not drawn:" << error;
    } else {
        const int rotation = ((plan.rotation % 360) + 360) % 360;
        const bool quarter = rotation == 90 || rotation == 270;
        const QSizeF rotated = quarter ? QSizeF(image.height(), image.width()) : QSizeF(image.size());
        const QSizeF fitted = rotated.scaled(area.size(), Qt::KeepAspectRatio);
        const QPointF centre = area.center();
        QTransform t;
        t.translate(centre.x(), centre.y());
        t.rotate(rotation);
        const QSizeF drawn = quarter ? QSizeF(fitted.height(), fitted.width()) : fitted;
        const QRectF target(-drawn.width() / 2, -drawn.height() / 2, drawn.width(), drawn.height());
        p.save();
        p.setTransform(t, true);
        p.drawImage(target, image);
        p.restore();
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(centre.x() - fitted.width() / 2, centre.y() - fitted.height() / 2, fitted.width(),
                          fitted.height()));
        // Pins: normalised to the unrotated plan; numbers stay upright.
        for (qsizetype i = 0; i < plan.pins.size(); ++i) {
            const Pin &pin = plan.pins.at(i);
            const QPointF local(target.left() + pin.x * target.width(),
                                target.top() + pin.y * target.height());
            const QPointF at = t.map(local);
            p.setPen(QPen(Qt::white, 3));
            p.setBrush(pinColor(pin.kind));
            p.drawEllipse(at, 3.2 * kMm, 3.2 * kMm);
            p.setPen(Qt::white);
            p.setFont(font(8, true));
            p.drawText(QRectF(at.x() - 3.2 * kMm, at.y() - 3.2 * kMm, 6.4 * kMm, 6.4 * kMm), Qt::AlignCenter,
                       QString::number(i + 1));
        }
    }
    const QRectF legend(f.body.left(), area.bottom() + 6 * kMm, f.body.width(),
                        f.body.bottom() - area.bottom() - 6 * kMm);
    if (plan.pins.isEmpty()) {
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.setFont(font(9));
        p.drawText(legend, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("この平面図にピンはありません。"));
    } else {
        drawLegendRows(p, r, plan, 0, 12, legend);
    }
    p.restore();
}

QImage photoImage(const SurveyStore &store, const Photo &photo, const QSize &box)
{
    // The print-size copy made at import (oriented already); the original for older photos.
    auto blob = store.openBlob(photo.previewBlobId != 0 ? photo.previewBlobId : photo.blobId);
    if (!blob)
        return {};
    QImageReader reader(blob->get());
    reader.setAutoTransform(true);
    QSize raw = reader.size();
    if (raw.isValid()) {
        const bool transposed = reader.transformation() & QImageIOHandler::TransformationRotate90;
        const QSize box2 = transposed ? box.transposed() : box;
        if (raw.width() > box2.width() || raw.height() > box2.height())
            reader.setScaledSize(raw.scaled(box2, Qt::KeepAspectRatio));
    }
    return reader.read();
}

void drawPhotoPage(QPainter &p, const PageFrame &f, const SurveyStore &store, const ReportData &r, int first)
{
    p.save();
    const int rows = kPhotosPerPage / kPhotoColumns;
    const double gap = 6 * kMm;
    const double cellWidth = (f.body.width() - gap * (kPhotoColumns - 1)) / kPhotoColumns;
    const double cellHeight = (f.body.height() - gap * (rows - 1)) / rows;
    const double captionHeight = 17 * kMm;
    for (int i = 0; i < kPhotosPerPage && first + i < r.photos.size(); ++i) {
        const Photo &photo = r.photos.at(first + i);
        const QRectF cell(f.body.left() + (i % kPhotoColumns) * (cellWidth + gap),
                          f.body.top() + (i / kPhotoColumns) * (cellHeight + gap), cellWidth, cellHeight);
        const QRectF imageArea(cell.left(), cell.top(), cell.width(), cell.height() - captionHeight);
        // Photos print at kPhotoDpi, enough for an appendix: the print-size copy then decodes at a
        // reduced scale (libjpeg scales in the DCT), which keeps 200 photos within seconds.
        const double toPhoto = double(kPhotoDpi) / kDpi;
        const QImage image = photoImage(
            store, photo, QSize(int(imageArea.width() * toPhoto), int(imageArea.height() * toPhoto)));
        if (image.isNull()) {
            p.setPen(QColor(0x9b, 0x1c, 0x12));
            p.setFont(font(9));
            p.drawText(imageArea, Qt::AlignCenter, QStringLiteral("写真を読み込めません"));
        } else {
            const QSizeF fitted = QSizeF(image.size()).scaled(imageArea.size(), Qt::KeepAspectRatio);
            const QRectF target(imageArea.center().x() - fitted.width() / 2,
                                imageArea.center().y() - fitted.height() / 2, fitted.width(),
                                fitted.height());
            p.drawImage(target, image);
            // The investigator's marks, drawn as vectors over the photo (which stays as taken).
            if (auto markup = PhotoMarkup::fromJson(photo.markup); markup && !markup->shapes.isEmpty()) {
                p.save();
                p.setRenderHint(QPainter::Antialiasing);
                markup->paint(p, target);
                p.restore();
            }
        }
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.setFont(font(9, true));
        const QRectF caption(cell.left(), imageArea.bottom() + 1.5 * kMm, cell.width(),
                             captionHeight - 1.5 * kMm);
        QString heading = QStringLiteral("写真%1").arg(first + i + 1);
        const QString target = r.photoTargetLabel(photo);
        if (!target.isEmpty())
            heading += QStringLiteral("　") + target;
        p.drawText(QRectF(caption.left(), caption.top(), caption.width(), 5 * kMm),
                   Qt::AlignLeft | Qt::AlignVCenter, heading);
        p.setFont(font(8.5));
        QString detail = photo.caption;
        if (photo.takenAt.isValid())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("　")) + QStringLiteral("撮影 ") +
                      photo.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        p.drawText(
            QRectF(caption.left(), caption.top() + 5.5 * kMm, caption.width(), caption.height() - 5.5 * kMm),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, detail);
    }
    p.restore();
}

} // namespace

const QStringList &PdfReport::sectionTitles()
{
    static const QStringList titles = {kTitleSummary,  kTitleConnectionPoints, kTitleScan,
                                       kTitleSecurity, kTitleRansomware,       kTitleBackup,
                                       kTitleFindings, kTitleFloorPlans,       kTitlePhotos};
    return titles;
}

Result<PdfReportSummary> PdfReport::write(const SurveyStore &store, const ReportData &report,
                                          const QString &path, const PdfReportOptions &options)
{
    const QFileInfo target(path);
    if (!target.absoluteDir().exists())
        return fail(ErrorCode::Io,
                    QStringLiteral("the folder of %1 does not exist").arg(QDir::toNativeSeparators(path)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            ErrorCode::Io,
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));

    PdfReportSummary summary;
    {
        QPdfWriter writer(&file);
        writer.setResolution(kDpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("調査報告書 ") + report.data.hospital.name);
        writer.setCreator(QStringLiteral("FieldSurvey ") + QLatin1StringView(fs::buildinfo::kVersion));
        const PageFrame f = frame(writer);

        // The text sections, laid out at the writer's resolution.
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setDefaultFont(font(9));
        document.setDefaultStyleSheet(styleSheet(ReportFont::family()));
        document.setPageSize(f.body.size());
        const QString html = summarySection(report) + connectionPointSection(report) + scanSection(report) +
                             securitySection(report) + ransomwareSection(report) + backupSection(report) +
                             findingsSection(report);
        document.setHtml(QStringLiteral("<html><body>") + html + QStringLiteral("</body></html>"));
        const int bodyPages = document.pageCount();

        // Where each heading landed (the first <h1> breaks before it: body page 0 is empty).
        struct Heading
        {
            QString title;
            int level;
            int bodyPage;
        };
        QList<Heading> headings;
        int firstBodyPage = -1;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            const int level = block.blockFormat().headingLevel();
            if (level < 1 || level > 2)
                continue;
            const QRectF rect = document.documentLayout()->blockBoundingRect(block);
            const int page = int(std::floor((rect.top() + 1) / f.body.height()));
            if (firstBodyPage < 0)
                firstBodyPage = page;
            headings << Heading{block.text(), level, page};
        }
        firstBodyPage = std::max(firstBodyPage, 0);
        const int usedBodyPages = bodyPages - firstBodyPage;

        int planPages = 0;
        for (const FloorPlan &plan : report.data.floorPlans)
            planPages += legendPages(plan);
        const int photoPages =
            options.includePhotos ? int((report.photos.size() + kPhotosPerPage - 1) / kPhotosPerPage) : 0;

        const int contentsCount = int(headings.size()) + (report.data.floorPlans.isEmpty() ? 0 : 1) +
                                  int(report.data.floorPlans.size()) + (photoPages > 0 ? 1 : 0);
        const int perPage = contentsRowsPerPage(f);
        // The first contents page also holds the title (two rows).
        const int contentsPages =
            contentsCount <= perPage - 2 ? 1 : 1 + (contentsCount - (perPage - 2) + perPage - 1) / perPage;
        const int bodyStart = 1 + contentsPages + 1; // cover, contents, then the body (1-based)
        const int planStart = bodyStart + usedBodyPages;
        const int photoStart = planStart + planPages;
        const int total = photoStart + photoPages - 1;

        for (const Heading &h : std::as_const(headings))
            summary.contents << ContentsEntry{h.title, h.level, bodyStart + h.bodyPage - firstBodyPage};
        if (!report.data.floorPlans.isEmpty()) {
            summary.contents << ContentsEntry{kTitleFloorPlans, 1, planStart};
            int page = planStart;
            int n = 0;
            for (const FloorPlan &plan : report.data.floorPlans) {
                summary.contents << ContentsEntry{
                    QStringLiteral("図%1　%2")
                        .arg(++n)
                        .arg(plan.title.isEmpty() ? QStringLiteral("平面図") : plan.title),
                    2, page};
                page += legendPages(plan);
            }
        } else {
            summary.contents << ContentsEntry{kTitleFloorPlans, 1, 0};
        }
        if (photoPages > 0)
            summary.contents << ContentsEntry{kTitlePhotos, 1, photoStart};
        // Sections without pages (no floor plans) are not listed.
        summary.contents.removeIf([](const ContentsEntry &e) { return e.page == 0; });

        QPainter painter;
        if (!painter.begin(&writer))
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot start the PDF %1").arg(QDir::toNativeSeparators(path)));
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const QString hospital = report.data.hospital.name;
        int page = 1;
        drawCover(painter, f, report, options);
        for (int c = 0; c < contentsPages; ++c) {
            writer.newPage();
            ++page;
            drawRunningHead(painter, f, hospital, page, total);
            drawContents(painter, f, summary.contents, c * perPage - (c > 0 ? 2 : 0),
                         c == 0 ? perPage - 2 : perPage);
        }
        for (int b = firstBodyPage; b < bodyPages; ++b) {
            writer.newPage();
            ++page;
            drawRunningHead(painter, f, hospital, page, total);
            painter.save();
            painter.translate(f.body.topLeft());
            painter.setClipRect(QRectF(0, 0, f.body.width(), f.body.height()));
            painter.translate(0, -b * f.body.height());
            // Only the blocks of this page: a block starting exactly on the next page's top edge
            // would otherwise be drawn (clipped, but still in the text a reader extracts).
            document.drawContents(&painter,
                                  QRectF(0, b * f.body.height(), f.body.width(), f.body.height() - 1));
            painter.restore();
        }
        int planNumber = 0;
        for (const FloorPlan &plan : report.data.floorPlans) {
            writer.newPage();
            ++page;
            drawRunningHead(painter, f, hospital, page, total);
            const PageFrame planFrame =
                planNumber == 0 ? drawSectionHeading(painter, f, kTitleFloorPlans) : f;
            drawPlan(painter, planFrame, store, report, plan, ++planNumber);
            for (int extra = 1; extra < legendPages(plan); ++extra) {
                writer.newPage();
                ++page;
                drawRunningHead(painter, f, hospital, page, total);
                drawLegendRows(painter, report, plan, 12 + (extra - 1) * kLegendRowsPerPage,
                               kLegendRowsPerPage, f.body);
            }
            ++summary.floorPlanCount;
        }
        for (int ph = 0; ph < photoPages; ++ph) {
            writer.newPage();
            ++page;
            drawRunningHead(painter, f, hospital, page, total);
            const PageFrame photoFrame = ph == 0 ? drawSectionHeading(painter, f, kTitlePhotos) : f;
            drawPhotoPage(painter, photoFrame, store, report, ph * kPhotosPerPage);
            summary.photoCount +=
                int(std::min<qsizetype>(kPhotosPerPage, report.photos.size() - ph * kPhotosPerPage));
        }
        painter.end();
        summary.pageCount = page;
        if (page != total)
            qCWarning(lcReport) << "report: counted" << total << "pages, wrote" << page;
    }
    if (!file.commit())
        return fail(
            ErrorCode::Io,
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return summary;
}

} // namespace fs::report
