#include "findingsengine.h"

#include "devicerules.h"
#include "scanday.h"
#include "scanimporter.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalmatch.h"
#include "vulnkb.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace fs::model {

namespace {

const QString kLine = QStringLiteral("connection_point");
const QString kDevice = QStringLiteral("device");
const QString kTerminal = QStringLiteral("terminal");

// Interface names that face the internet in the vendors' usual configurations.
const QRegularExpression kWanInterface(
    QStringLiteral("^(?:wan\\d*|outside\\S*|untrust\\S*|internet\\S*|ppp\\S*|dialer\\S*|pppoe\\S*|"
                   "ge-0/0/0(?:\\.\\d+)?|gi0/0/0|gigabitethernet0/0/0)$"),
    QRegularExpression::CaseInsensitiveOption);

const FindingRule &rule(const QString &id)
{
    const auto &all = FindingsEngine::rules();
    const auto it = std::find_if(all.begin(), all.end(), [&](const FindingRule &r) { return r.id == id; });
    Q_ASSERT(it != all.end());
    return *it;
}

Finding raise(const QString &ruleId, const QString &entity, qint64 targetId, const QString &status,
              const QString &evidence, const QString &text = {}, bool needsConfirmation = false)
{
    const FindingRule &r = rule(ruleId);
    Finding f;
    f.targetEntity = entity;
    f.targetId = targetId;
    f.ruleId = r.id;
    f.status = status;
    f.category = r.category;
    f.text = text.isEmpty() ? r.text : text;
    f.evidence = evidence;
    f.recommendation = r.recommendation;
    f.needsConfirmation = needsConfirmation;
    return f;
}

// A fact read from a scan, for the firmware rules.
Observation fact(const QString &key, const QString &value)
{
    Observation o;
    o.key = key;
    o.value = value;
    o.source = FactSource::Manual;
    return o;
}

int statusRank(const QString &status)
{
    if (status == QStringLiteral("danger"))
        return 0;
    if (status == QStringLiteral("caution"))
        return 1;
    return 2;
}

void evaluateScan(const ConnectionPoint &cp, const QList<ScanPort> &ports, QList<Finding> &out);

bool mentionsRemoteMaintenance(const ConnectionPoint &cp)
{
    static const QRegularExpression pattern(
        QStringLiteral("リモート\\s*(?:保守|メンテ)|遠隔\\s*(?:保守|監視|メンテ)|保守\\s*(?:回線|用|接続)|"
                       "remote\\s*(?:maintenance|support)"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString &text : {cp.purpose, cp.connectionType, cp.carrierService, cp.declaredNote, cp.note}) {
        if (pattern.match(text).hasMatch())
            return true;
    }
    return false;
}

// A management service named in a device's configuration (remote_admin_services), normalised.
QString managementServiceName(const QString &word)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("telnet"), QStringLiteral("Telnet")},
        {QStringLiteral("telnetd"), QStringLiteral("Telnet")},
        {QStringLiteral("telnet-server"), QStringLiteral("Telnet")},
        {QStringLiteral("ssh"), QStringLiteral("SSH")},
        {QStringLiteral("sshd"), QStringLiteral("SSH")},
        {QStringLiteral("stelnet"), QStringLiteral("SSH")},
        {QStringLiteral("http"), QStringLiteral("HTTP")},
        {QStringLiteral("httpd"), QStringLiteral("HTTP")},
        {QStringLiteral("www"), QStringLiteral("HTTP")},
        {QStringLiteral("plaintext"), QStringLiteral("HTTP")},
        {QStringLiteral("https"), QStringLiteral("HTTPS")},
        {QStringLiteral("www-ssl"), QStringLiteral("HTTPS")},
        {QStringLiteral("https-server"), QStringLiteral("HTTPS")},
        {QStringLiteral("winbox"), QStringLiteral("Winbox")},
        {QStringLiteral("api"), QStringLiteral("API")},
        {QStringLiteral("api-ssl"), QStringLiteral("API")},
        {QStringLiteral("snmp"), QStringLiteral("SNMP")},
        {QStringLiteral("fgfm"), QStringLiteral("FGFM")},
        {QStringLiteral("nxapi"), QStringLiteral("NX-API")},
        {QStringLiteral("netconf"), QStringLiteral("NETCONF")},
        {QStringLiteral("rest"), QStringLiteral("REST")},
    };
    return names.value(word.toLower());
}

struct ManagementExposure
{
    QStringList onWan;     // "wan1: HTTPS, SSH"
    QStringList plaintext; // Telnet / HTTP enabled anywhere
};

// Reads remote_admin_services as the device profiles write it: "; "-separated entries, either
// "<interface>: <services>" (FortiOS allowaccess), "<service> <net> <mask> <interface>" (ASA),
// "<service> host <interface>" (Yamaha) or a bare service statement (IOS, Junos, RouterOS …).
ManagementExposure managementExposure(const QString &services)
{
    ManagementExposure exposure;
    QSet<QString> plaintext;
    static const QRegularExpression words(QStringLiteral("[A-Za-z][A-Za-z0-9-]*"));
    for (const QString &raw : services.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty() || entry.startsWith(QStringLiteral("no "), Qt::CaseInsensitive))
            continue;
        QString interface;
        QString serviceText = entry;
        const qsizetype colon = entry.indexOf(QStringLiteral(": "));
        if (colon > 0) {
            interface = entry.left(colon).trimmed();
            serviceText = entry.mid(colon + 2);
        } else {
            const QStringList parts = entry.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            // ASA: "ssh 0.0.0.0 0.0.0.0 outside" — reachable from anywhere on that interface.
            if (parts.size() == 4 && parts.at(1) == QStringLiteral("0.0.0.0") &&
                parts.at(2) == QStringLiteral("0.0.0.0"))
                interface = parts.at(3);
        }
        QStringList found;
        for (auto it = words.globalMatch(serviceText); it.hasNext();) {
            const QString name = managementServiceName(it.next().captured(0));
            if (!name.isEmpty() && !found.contains(name))
                found << name;
        }
        for (const QString &name : std::as_const(found)) {
            if (name == QStringLiteral("Telnet") || name == QStringLiteral("HTTP"))
                plaintext.insert(name);
        }
        if (!interface.isEmpty() && kWanInterface.match(interface).hasMatch() && !found.isEmpty())
            exposure.onWan << interface + QStringLiteral(": ") + found.join(QStringLiteral(", "));
    }
    exposure.plaintext = QStringList(plaintext.cbegin(), plaintext.cend());
    exposure.plaintext.sort();
    return exposure;
}

QString deviceName(const Device &d)
{
    const QString host = d.hostname.isEmpty() ? factValue(d.facts, QStringLiteral("hostname")) : d.hostname;
    const QString model = d.model.isEmpty() ? factValue(d.facts, QStringLiteral("model")) : d.model;
    return QStringList{host, model}
        .filter(QRegularExpression(QStringLiteral("\\S")))
        .join(QStringLiteral(" / "));
}

void evaluateLine(const ConnectionPoint &cp, const QList<ScanPort> &ports, QList<Finding> &out)
{
    // The EMR network reachable directly from the line.
    if (cp.emrReachability == EmrReachability::Direct) {
        if (cp.protection == Protection::None) {
            out << raise(QStringLiteral("line.emr_direct_unencrypted"), kLine, cp.id,
                         QStringLiteral("danger"),
                         QStringLiteral("電子カルテ直通: 直通可／暗号化: なし（%1 %2）")
                             .arg(cp.cafId, cp.connectionType));
        } else if (cp.protection == Protection::Unknown) {
            out << raise(
                QStringLiteral("line.emr_direct_unencrypted"), kLine, cp.id, QStringLiteral("caution"),
                QStringLiteral("電子カルテ直通: 直通可／暗号化: 未確認（%1 %2）")
                    .arg(cp.cafId, cp.connectionType),
                QStringLiteral("電子カルテ系ネットワークに直接到達できる回線（暗号化の有無が未確認）"), true);
        }
    }
    if (cp.origin == Origin::FoundOnSite) {
        out << raise(
            QStringLiteral("line.undeclared"), kLine, cp.id, QStringLiteral("caution"),
            QStringLiteral("%1: 現地で確認（申告なし）。設置場所: %2")
                .arg(cp.cafId, cp.onuLocationFound.isEmpty() ? cp.onuLocation : cp.onuLocationFound));
    }
    if (cp.onuLocationStatus == OnuLocationStatus::NotFound) {
        out << raise(QStringLiteral("line.onu_not_found"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("申告された設置場所: %1").arg(cp.onuLocation));
    }
    if (mentionsRemoteMaintenance(cp)) {
        out << raise(QStringLiteral("line.remote_maintenance"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("用途・システム名: %1／通信形態: %2").arg(cp.purpose, cp.connectionType));
    }
    const bool dynamicIp = ScanImporter::isDynamicIp(cp);
    const bool wantsScan = ScanDay::wantsScan(cp);
    if (dynamicIp && wantsScan && cp.scanIp.trimmed().isEmpty()) {
        out << raise(QStringLiteral("line.dynamic_ip_unconfirmed"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("IPアドレス: %1／脆弱性診断: %2／当日グローバルIP: 未確認")
                         .arg(cp.ipAssignment, cp.wantsVulnerabilityScan));
    }
    evaluateScan(cp, ports, out);
}

QString portLine(const ScanPort &p)
{
    return QStringLiteral("%1/%2 %3 %4 %5")
        .arg(QString::number(p.port), p.protocol, p.service, p.product, p.version)
        .simplified();
}

// NSE output that reports a vulnerability ("State: VULNERABLE", "LIKELY VULNERABLE").
bool reportsVulnerable(const QString &scriptOutput)
{
    static const QRegularExpression vulnerable(QStringLiteral("\\bState:\\s*(?:LIKELY\\s+)?VULNERABLE\\b"));
    return vulnerable.match(scriptOutput).hasMatch();
}

// The "id: output" blocks of a port's scripts whose id matches.
QStringList scriptsMatching(const QString &blocks,
                            const std::function<bool(const QString &, const QString &)> &pred)
{
    QStringList ids;
    for (const QString &block : blocks.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        const QString id = block.section(QStringLiteral(": "), 0, 0).trimmed();
        const QString output = block.section(QStringLiteral(": "), 1);
        if (pred(id, output) && !ids.contains(id))
            ids << id;
    }
    return ids;
}

// Valid credentials or anonymous access reported by the account scripts.
bool reportsWeakAccount(const QString &id, const QString &output)
{
    if (id == QStringLiteral("ftp-anon"))
        return output.contains(QStringLiteral("Anonymous FTP login allowed"), Qt::CaseInsensitive);
    if (id.endsWith(QStringLiteral("-brute")) || id == QStringLiteral("http-default-accounts") ||
        id == QStringLiteral("snmp-brute"))
        return output.contains(QStringLiteral("Valid credentials"), Qt::CaseInsensitive) ||
               output.contains(QStringLiteral("credentials found"), Qt::CaseInsensitive) ||
               output.contains(QRegularExpression(QStringLiteral("\\[[^\\]]+\\]\\s+at\\s+/")));
    if (id == QStringLiteral("mysql-empty-password") || id == QStringLiteral("ms-sql-empty-password"))
        return output.contains(QStringLiteral("empty password"), Qt::CaseInsensitive) ||
               output.contains(QStringLiteral("has empty password"), Qt::CaseInsensitive);
    if (id == QStringLiteral("telnet-ntlm-info") || id == QStringLiteral("realvnc-auth-bypass"))
        return reportsVulnerable(output);
    if (id == QStringLiteral("vnc-info"))
        return output.contains(QStringLiteral("None"), Qt::CaseSensitive) &&
               output.contains(QStringLiteral("Security types"), Qt::CaseInsensitive) &&
               output.contains(QRegularExpression(QStringLiteral("\\bNone \\(1\\)")));
    return false;
}

void evaluateScan(const ConnectionPoint &cp, const QList<ScanPort> &ports, QList<Finding> &out)
{
    const QString address = cp.scanIp.isEmpty() ? cp.globalIp : cp.scanIp;
    QList<ScanPort> open;
    for (const ScanPort &p : ports) {
        if (p.connectionPointId == cp.id && p.isOpen())
            open << p;
    }
    if (open.isEmpty())
        return;
    const QString where = open.first().address.isEmpty() ? address : open.first().address;

    // SSL-VPN portals, IKE endpoints and management services answering on the line's global IP.
    QStringList portals;
    QStringList ike;
    QStringList hard;
    QStringList web;
    for (const ScanPort &p : std::as_const(open)) {
        const QString portal = FindingsEngine::sslVpnPortal(p);
        if (!portal.isEmpty()) {
            portals << portal + QStringLiteral("（") + portLine(p) + QStringLiteral("）");
            continue;
        }
        if (FindingsEngine::isIkeEndpoint(p)) {
            ike << portLine(p);
            continue;
        }
        if (!FindingsEngine::isManagementService(p.protocol, p.port, p.service))
            continue;
        const bool isWeb = p.service.startsWith(QStringLiteral("http")) ||
                           p.service.contains(QStringLiteral("ssl")) ||
                           QList<int>{80, 443, 4443, 8080, 8443, 10443}.contains(p.port);
        (isWeb ? web : hard) << portLine(p);
    }
    if (!hard.isEmpty()) {
        out << raise(QStringLiteral("line.mgmt_exposed"), kLine, cp.id, QStringLiteral("danger"),
                     QStringLiteral("%1 で応答: %2").arg(where, (hard + web).join(QStringLiteral("、"))));
    } else if (!web.isEmpty()) {
        out << raise(
            QStringLiteral("line.mgmt_exposed"), kLine, cp.id, QStringLiteral("caution"),
            QStringLiteral("%1 で応答: %2").arg(where, web.join(QStringLiteral("、"))),
            QStringLiteral(
                "インターネットから Web サービスに接続できる（機器の管理画面か SSL-VPN 等かを要確認）"),
            true);
    }
    if (!portals.isEmpty()) {
        out << raise(QStringLiteral("line.sslvpn_portal"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("%1 で応答: %2").arg(where, portals.join(QStringLiteral("、"))));
    }
    if (!ike.isEmpty()) {
        // An IPsec line terminates IKE by design; anywhere else the endpoint is unexpected.
        const bool expected = cp.protection == Protection::Ipsec;
        out << raise(QStringLiteral("line.ike_exposed"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("%1 で応答: %2").arg(where, ike.join(QStringLiteral("、"))), QString(),
                     !expected);
    }

    // Versions inside the known-exploited ranges.
    Finding worst;
    QStringList kevEvidence;
    QSet<QString> seen;
    for (const ScanPort &p : std::as_const(open)) {
        Device product = FindingsEngine::scannedProduct(p);
        if (product.maker.isEmpty())
            continue;
        if (!portals.isEmpty())
            product.facts << fact(QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes"));
        QStringList services;
        for (const ScanPort &q : std::as_const(open)) {
            const QString name = q.service.contains(QStringLiteral("http"))
                                     ? (q.service.contains(QStringLiteral("ssl")) || q.port == 443 ||
                                                q.service == QStringLiteral("https")
                                            ? QStringLiteral("https")
                                            : QStringLiteral("http"))
                                     : q.service;
            if (!name.isEmpty())
                services << name;
        }
        product.facts << fact(QStringLiteral("remote_admin_services"),
                              QStringLiteral("wan: ") + services.join(QLatin1Char(' ')));
        for (const Finding &f : DeviceRules::evaluate(product, VulnKb::builtIn())) {
            const QString key = f.text;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            kevEvidence << portLine(p) + QStringLiteral(" — ") + f.text + QLatin1Char('\n') + f.evidence;
            if (worst.ruleId.isEmpty() || statusRank(f.status) < statusRank(worst.status) ||
                (statusRank(f.status) == statusRank(worst.status) && worst.needsConfirmation &&
                 !f.needsConfirmation))
                worst = f;
        }
    }
    if (!worst.ruleId.isEmpty()) {
        Finding f = raise(QStringLiteral("line.scan_kev"), kLine, cp.id, worst.status,
                          QStringLiteral("%1 で応答:\n%2").arg(where, kevEvidence.join(QStringLiteral("\n"))),
                          QStringLiteral("脆弱性診断で検出: ") + worst.text, worst.needsConfirmation);
        f.recommendation = worst.recommendation;
        out << f;
    }

    // Scripts that found a vulnerability or a backdoor, and weak accounts.
    QStringList vulnerable;
    QStringList accounts;
    for (const ScanPort &p : std::as_const(open)) {
        const QStringList ids = scriptsMatching(
            p.scriptOutput, [](const QString &, const QString &output) { return reportsVulnerable(output); });
        const bool backdoor = p.service.contains(QStringLiteral("backdoor"), Qt::CaseInsensitive) ||
                              p.service == QStringLiteral("bindshell") ||
                              p.product.contains(QStringLiteral("backdoor"), Qt::CaseInsensitive);
        if (!ids.isEmpty() || backdoor)
            vulnerable << portLine(p) + QStringLiteral(": ") +
                              (backdoor ? QStringList(ids) << QStringLiteral("backdoor") : ids)
                                  .join(QStringLiteral(", "));
        const QStringList weak = scriptsMatching(p.scriptOutput, reportsWeakAccount);
        if (!weak.isEmpty())
            accounts << portLine(p) + QStringLiteral(": ") + weak.join(QStringLiteral(", "));
    }
    if (!vulnerable.isEmpty()) {
        out << raise(QStringLiteral("line.scan_vulnerable"), kLine, cp.id, QStringLiteral("danger"),
                     QStringLiteral("%1: %2").arg(where, vulnerable.join(QStringLiteral("\n"))));
    }
    if (!accounts.isEmpty()) {
        out << raise(QStringLiteral("line.scan_weak_account"), kLine, cp.id, QStringLiteral("danger"),
                     QStringLiteral("%1: %2").arg(where, accounts.join(QStringLiteral("\n"))));
    }
}

// How many unmatched hosts a finding names one by one.
constexpr qsizetype kMaxListedHosts = 50;

// The scan covered the lines that asked for it, and every host it found belongs to a line.
void evaluateScanCoverage(const FindingsInput &input, QList<Finding> &out)
{
    if (input.scanHosts.isEmpty())
        return;
    QSet<qint64> scanned;
    QStringList unmatched;
    QSet<QString> seenAddresses;
    qsizetype moreUnmatched = 0;
    for (const ScanHost &h : input.scanHosts) {
        if (h.connectionPointId != 0) {
            if (h.status == QStringLiteral("up"))
                scanned.insert(h.connectionPointId);
            continue;
        }
        if (h.status != QStringLiteral("up") || seenAddresses.contains(h.address))
            continue;
        seenAddresses.insert(h.address);
        // The evidence names the first hosts; a scan of a whole block says how many more.
        if (unmatched.size() >= kMaxListedHosts) {
            ++moreUnmatched;
            continue;
        }
        QString entry = h.address;
        if (!h.hostnames.isEmpty())
            entry +=
                QStringLiteral("（") + h.hostnames.section(QLatin1Char('\n'), 0, 0) + QStringLiteral("）");
        const auto open =
            std::count_if(h.ports.begin(), h.ports.end(), [](const ScanPort &p) { return p.isOpen(); });
        unmatched << entry + QStringLiteral(" 開いているポート %1").arg(open);
    }
    if (moreUnmatched > 0)
        unmatched << QStringLiteral("ほか %1 件").arg(moreUnmatched);
    if (!unmatched.isEmpty())
        out << raise(QStringLiteral("survey.scan_unmatched_host"), QStringLiteral("survey"), 0,
                     QStringLiteral("caution"), unmatched.join(QLatin1Char('\n')));
    for (const ConnectionPoint &cp : input.data.connectionPoints) {
        if (!ScanDay::wantsScan(cp) || scanned.contains(cp.id))
            continue;
        out << raise(
            QStringLiteral("line.scan_missing"), kLine, cp.id, QStringLiteral("caution"),
            QStringLiteral("%1: 脆弱性診断: %2／IPアドレス: %3／グローバルIP: %4／当日グローバルIP: %5")
                .arg(cp.cafId, cp.wantsVulnerabilityScan, cp.ipAssignment, cp.globalIp,
                     cp.scanIp.isEmpty() ? QStringLiteral("未確認") : cp.scanIp));
    }
}

void evaluateDevice(const Device &d, const VulnKb &kb, QList<Finding> &out)
{
    for (Finding f : DeviceRules::evaluate(d, kb)) {
        f.targetEntity = kDevice;
        f.targetId = d.id;
        out << f;
    }
    const QString services = factValue(d.facts, QStringLiteral("remote_admin_services"));
    if (services.isEmpty())
        return;
    const ManagementExposure exposure = managementExposure(services);
    if (!exposure.onWan.isEmpty()) {
        out << raise(QStringLiteral("device.mgmt_on_wan"), kDevice, d.id, QStringLiteral("danger"),
                     QStringLiteral("%1: %2").arg(deviceName(d), exposure.onWan.join(QStringLiteral("; "))));
    }
    if (!exposure.plaintext.isEmpty()) {
        out << raise(QStringLiteral("device.plaintext_mgmt"), kDevice, d.id, QStringLiteral("caution"),
                     QStringLiteral("%1: %2 が有効（%3）")
                         .arg(deviceName(d), exposure.plaintext.join(QStringLiteral("・")), services));
    }
}

} // namespace

const QList<FindingRule> &FindingsEngine::rules()
{
    static const QList<FindingRule> table = {
        {QStringLiteral("line.emr_direct_unencrypted"), kLine, QStringLiteral("danger/caution"),
         QStringLiteral("外部接続点"),
         QStringLiteral("電子カルテ系ネットワークに暗号化なしで直接到達できる回線"),
         QStringLiteral("回線と電子カルテ系ネットワークの間に IPsec "
                        "等による暗号化とファイアウォールによる通信制御を設け、"
                        "必要な通信先・ポートに限定してください。"),
         QStringLiteral("2-(1)")},
        {QStringLiteral("line.undeclared"), kLine, QStringLiteral("caution"), QStringLiteral("外部接続点"),
         QStringLiteral("申告のない回線を現地で確認"),
         QStringLiteral(
             "回線を台帳に登録し、用途・管理者・接続先を明確にしてください。不要な回線は撤去してください。"),
         QStringLiteral("2-(1)")},
        {QStringLiteral("line.onu_not_found"), kLine, QStringLiteral("caution"), QStringLiteral("外部接続点"),
         QStringLiteral("申告された設置場所で回線終端装置を確認できない"),
         QStringLiteral("回線終端装置の設置場所を確認し、台帳を更新してください。"), QStringLiteral("2-(1)")},
        {QStringLiteral("line.remote_maintenance"), kLine, QStringLiteral("caution"),
         QStringLiteral("外部接続点"), QStringLiteral("リモート保守に使われる回線"),
         QStringLiteral("保守事業者に接続方式（VPN "
                        "の種類、認証方式、接続元の制限、常時接続か）を確認し、保守時のみ接続する"
                        "運用と接続記録の確認を行ってください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.dynamic_ip_unconfirmed"), kLine, QStringLiteral("caution"),
         QStringLiteral("脆弱性診断"),
         QStringLiteral("動的IPの回線で、脆弱性診断当日のグローバルIPが確認されていない"),
         QStringLiteral(
             "脆弱性診断の当日に病院側で現在のグローバルIPを確認して記録してください。確認できない回線は診断"
             "できません。"),
         QStringLiteral("")},
        {QStringLiteral("line.mgmt_exposed"), kLine, QStringLiteral("danger/caution"),
         QStringLiteral("脆弱性診断"), QStringLiteral("インターネットから機器の管理サービスに接続できる"),
         QStringLiteral("管理サービス（SSH、Telnet、管理画面、SNMP "
                        "等）をインターネット側で無効にするか、接続元を保守拠点の"
                        "固定IPに限定してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.sslvpn_portal"), kLine, QStringLiteral("caution"), QStringLiteral("脆弱性診断"),
         QStringLiteral("インターネットに SSL-VPN のポータルが公開されている"),
         QStringLiteral(
             "SSL-VPN 機器のファームウェアを最新に保ち、多要素認証を設定し、接続元を限定してください。"
             "不要であれば SSL-VPN を無効にしてください。ログに不審なログインがないか確認してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.ike_exposed"), kLine, QStringLiteral("caution"), QStringLiteral("脆弱性診断"),
         QStringLiteral("インターネットから IKE／IPsec（500/udp、4500/udp）に接続できる"),
         QStringLiteral("IPsec を使う回線か確認し、使わない場合は無効にしてください。使う場合は IKEv1 "
                        "アグレッシブモードを無効にし、事前共有鍵を十分に長くし、接続元を対向拠点の固定IPに"
                        "限定してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.scan_kev"), kLine, QStringLiteral("danger/caution"),
         QStringLiteral("脆弱性診断"),
         QStringLiteral("脆弱性診断で、悪用が確認された脆弱性（CISA KEV）の影響を受けるバージョンを検出"),
         QStringLiteral("修正済みのバージョンに更新してください（機器の所見と同じ対応）。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.scan_vulnerable"), kLine, QStringLiteral("danger"),
         QStringLiteral("脆弱性診断"), QStringLiteral("脆弱性診断で脆弱性またはバックドアを検出"),
         QStringLiteral(
             "検出された脆弱性の修正プログラムを適用し、バックドアの場合は機器を隔離して調査してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.scan_weak_account"), kLine, QStringLiteral("danger"),
         QStringLiteral("脆弱性診断"),
         QStringLiteral("脆弱性診断で、匿名ログインや初期・推測可能なパスワードでログインできた"),
         QStringLiteral(
             "匿名ログインを無効にし、該当アカウントのパスワードを推測されにくいものに変更してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("line.scan_missing"), kLine, QStringLiteral("caution"), QStringLiteral("脆弱性診断"),
         QStringLiteral("脆弱性診断を希望した回線の診断結果がない"),
         QStringLiteral("当日のグローバルIPを病院に確認し、診断を実施してください。"), QStringLiteral("")},
        {QStringLiteral("survey.scan_unmatched_host"), QStringLiteral("survey"), QStringLiteral("caution"),
         QStringLiteral("脆弱性診断"), QStringLiteral("診断結果に、どの回線とも一致しないホストがある"),
         QStringLiteral(
             "診断したアドレスがこの医療機関のものか確認し、回線のグローバルIP・当日のグローバルIP・FQDN "
             "を正してから再照合してください。"),
         QStringLiteral("")},
        {QStringLiteral("device.mgmt_on_wan"), kDevice, QStringLiteral("danger"), QStringLiteral("機器設定"),
         QStringLiteral("インターネット側インターフェースで管理サービスが有効"),
         QStringLiteral(
             "インターネット側インターフェースの管理アクセス（HTTPS、SSH 等）を無効にし、管理は院内側または"
             "VPN 経由に限定してください。"),
         QStringLiteral("2-(2)")},
        {QStringLiteral("device.plaintext_mgmt"), kDevice, QStringLiteral("caution"),
         QStringLiteral("機器設定"), QStringLiteral("平文の管理プロトコル（Telnet／HTTP）が有効"),
         QStringLiteral("Telnet・HTTP による管理を無効にし、SSH・HTTPS を使ってください。"),
         QStringLiteral("2-(2)")},
    };
    return table;
}

bool FindingsEngine::isManagementService(const QString &protocol, int port, const QString &service)
{
    static const QSet<QString> names = {
        QStringLiteral("ssh"),       QStringLiteral("telnet"),       QStringLiteral("http"),
        QStringLiteral("https"),     QStringLiteral("ssl/http"),     QStringLiteral("http-proxy"),
        QStringLiteral("https-alt"), QStringLiteral("http-alt"),     QStringLiteral("snmp"),
        QStringLiteral("netconf"),   QStringLiteral("mikrotik-api"), QStringLiteral("winbox")};
    if (names.contains(service.toLower()))
        return true;
    if (protocol == QStringLiteral("udp"))
        return port == 161;
    return QList<int>{22, 23, 80, 443, 830, 4443, 8080, 8291, 8443, 10443}.contains(port);
}

bool FindingsEngine::isIkeEndpoint(const ScanPort &port)
{
    const QString service = port.service.toLower();
    if (service == QStringLiteral("isakmp") || service == QStringLiteral("ipsec-nat-t") ||
        service == QStringLiteral("nat-t-ike"))
        return true;
    if (port.protocol == QStringLiteral("udp"))
        return port.port == 500 || port.port == 4500;
    return port.protocol == QStringLiteral("tcp") && port.port == 4500 &&
           (service.isEmpty() || service.contains(QStringLiteral("ike")));
}

QString FindingsEngine::sslVpnPortal(const ScanPort &port)
{
    struct Portal
    {
        const char *pattern;
        const char *name;
    };
    // Login paths and banners of the portals ransomware crews scan for.
    static const Portal portals[] = {
        {"/remote/login|/remote/logincheck|fortigate ssl[ -]?vpn|fortinet ssl[ -]?vpn|sslvpn.*forti",
         "FortiGate SSL-VPN"},
        {"/dana-na/|pulse (?:connect )?secure|ivanti connect secure|/dana/home", "Ivanti Connect Secure"},
        {"global-?protect|/global-protect/", "Palo Alto GlobalProtect"},
        {"\\+cscoe\\+|/\\+webvpn\\+|ssl vpn service|anyconnect|cisco asa.*vpn", "Cisco AnyConnect/WebVPN"},
        {"/vpn/index\\.html|citrix gateway|netscaler gateway|/logon/logonpoint", "Citrix NetScaler Gateway"},
        {"sonicwall.*(?:virtual office|ssl-?vpn)|/cgi-bin/welcome|sslvpnlogin|netextender",
         "SonicWall SSL-VPN"},
        {"array networks|/prx/000/", "Array AG SSL-VPN"},
        {"zyxel.*ssl ?vpn|/ztp/cgi-bin", "Zyxel SSL-VPN"},
        {"ssl[ -]?vpn", "SSL-VPN"},
    };
    if (port.service.contains(QStringLiteral("openvpn"), Qt::CaseInsensitive))
        return QStringLiteral("OpenVPN");
    // nmap's fingerprint-strings output labels each response with its probe's name ("OpenVPN:",
    // "GetRequest:"): the labels say what was sent, not what answered.
    static const QRegularExpression probeLabels(
        QStringLiteral("(?m)^[ \\t]*(?:fingerprint-strings:[ \\t]*)?[A-Za-z0-9, ._-]+:[ \\t]*$"));
    QString scripts = port.scriptOutput;
    scripts.replace(probeLabels, QString());
    const QString haystack =
        (port.service + QLatin1Char(' ') + port.product + QLatin1Char(' ') + port.version + QLatin1Char(' ') +
         port.extraInfo + QLatin1Char(' ') + port.cpe + QLatin1Char(' ') + scripts)
            .toLower();
    static const QList<std::pair<QRegularExpression, QString>> compiled = [] {
        QList<std::pair<QRegularExpression, QString>> list;
        for (const Portal &p : portals)
            list.append({QRegularExpression(QString::fromLatin1(p.pattern)), QString::fromLatin1(p.name)});
        return list;
    }();
    for (const auto &[pattern, name] : compiled) {
        if (pattern.match(haystack).hasMatch())
            return name;
    }
    return {};
}

Device FindingsEngine::scannedProduct(const ScanPort &port)
{
    Device d;
    QString cpeVendor;
    QString cpeProduct;
    QString cpeVersion;
    for (const QString &cpe : port.cpe.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        // cpe:/o:fortinet:fortios:6.0.4 or cpe:2.3:o:fortinet:fortios:6.0.4:*:…
        QStringList parts = cpe.split(QLatin1Char(':'));
        if (parts.size() > 1 && parts.at(1) == QStringLiteral("2.3"))
            parts.removeAt(1);
        if (parts.size() < 4)
            continue;
        const QString vendor = parts.at(2);
        const QString product = parts.at(3);
        const QString version =
            parts.size() > 4 && parts.at(4) != QStringLiteral("*") ? parts.at(4) : QString();
        if (cpeVendor.isEmpty() || (!version.isEmpty() && cpeVersion.isEmpty())) {
            cpeVendor = vendor;
            cpeProduct = product;
            cpeVersion = version;
        }
    }
    QString maker = QStringList{cpeVendor, port.product}
                        .join(QLatin1Char(' '))
                        .replace(QLatin1Char('_'), QLatin1Char(' '))
                        .simplified();
    const QString model = QString(cpeProduct).replace(QLatin1Char('_'), QLatin1Char(' '));
    QString firmware = port.version.trimmed();
    if (firmware.isEmpty())
        firmware = cpeVersion;
    if (maker.isEmpty() || firmware.isEmpty())
        return {};
    d.maker = maker.replace(QStringLiteral("pulsesecure"), QStringLiteral("pulse secure"))
                  .replace(QStringLiteral("paloaltonetworks"), QStringLiteral("palo alto"));
    d.model = model;
    d.facts << fact(QStringLiteral("firmware"), firmware);
    if (VulnKb::identify(d).family.isEmpty())
        return {};
    return d;
}

PortAssessment FindingsEngine::assessPort(const ScanPort &port)
{
    if (!port.isOpen())
        return {};
    ConnectionPoint line; // the port alone, on a line of its own
    line.id = 1;
    ScanPort p = port;
    p.connectionPointId = 1;
    QList<Finding> raised;
    evaluateScan(line, {p}, raised);
    PortAssessment a;
    QStringList notes;
    for (const Finding &f : std::as_const(raised)) {
        if (a.status.isEmpty() || statusRank(f.status) < statusRank(a.status))
            a.status = f.status;
        if (f.ruleId == QStringLiteral("line.mgmt_exposed"))
            notes << QStringLiteral("管理サービス");
        else if (f.ruleId == QStringLiteral("line.sslvpn_portal"))
            notes << sslVpnPortal(port);
        else if (f.ruleId == QStringLiteral("line.ike_exposed"))
            notes << QStringLiteral("IKE/IPsec");
        else if (f.ruleId == QStringLiteral("line.scan_kev"))
            notes << QStringLiteral("KEV");
        else if (f.ruleId == QStringLiteral("line.scan_vulnerable"))
            notes << QStringLiteral("脆弱性");
        else if (f.ruleId == QStringLiteral("line.scan_weak_account"))
            notes << QStringLiteral("アカウント");
    }
    a.note = notes.join(QStringLiteral("・"));
    return a;
}

Result<FindingsInput> FindingsEngine::gather(const SurveyStore &store, const QDate &today)
{
    FindingsInput input;
    auto data = store.load();
    if (!data)
        return tl::unexpected(data.error());
    input.data = std::move(*data);
    input.asOf = TerminalMatch::evaluationDate(input.data.days, today);
    for (const Terminal &t : std::as_const(input.data.terminals)) {
        auto record = store.currentTerminalFacts(t.uuid);
        if (!record)
            return tl::unexpected(record.error());
        if (!*record)
            continue;
        auto facts = TerminalFacts::fromBytes((*record)->facts, (*record)->fileName);
        if (!facts)
            return tl::unexpected(facts.error());
        input.terminalFacts.insert(t.id, *facts);
    }
    auto ports = store.scanPorts();
    if (!ports)
        return tl::unexpected(ports.error());
    input.scanPorts = *ports;
    auto hosts = store.scanHosts();
    if (!hosts)
        return tl::unexpected(hosts.error());
    input.scanHosts = *hosts;
    return input;
}

QList<Finding> FindingsEngine::evaluate(const FindingsInput &input)
{
    return evaluate(input, VulnKb::builtIn());
}

QList<Finding> FindingsEngine::evaluate(const FindingsInput &input, const VulnKb &kb)
{
    QList<Finding> out;
    for (const ConnectionPoint &cp : input.data.connectionPoints) {
        evaluateLine(cp, input.scanPorts, out);
        for (const Device &d : cp.devices)
            evaluateDevice(d, kb, out);
    }
    evaluateScanCoverage(input, out);
    for (const Terminal &t : input.data.terminals) {
        const auto facts = input.terminalFacts.constFind(t.id);
        if (facts == input.terminalFacts.constEnd())
            continue;
        const TerminalAssessment assessment = TerminalEvaluator::evaluate(*facts, {input.asOf, t.systemType});
        for (Finding f : assessment.findings) {
            f.targetEntity = kTerminal;
            f.targetId = t.id;
            out << f;
        }
    }
    sortByStatus(out);
    return out;
}

QList<Finding> FindingsEngine::merge(const QList<Finding> &stored, const QList<Finding> &raised)
{
    QHash<QString, Finding> raisedByKey;
    for (const Finding &f : raised)
        raisedByKey.insert(f.ruleKey(), f);
    QList<Finding> merged;
    QSet<QString> storedKeys;
    for (const Finding &s : stored) {
        if (s.deleted)
            continue;
        if (!s.isRuleFinding() || s.isEdited()) {
            merged << s;
            storedKeys.insert(s.ruleKey());
            continue;
        }
        const auto now = raisedByKey.constFind(s.ruleKey());
        if (now == raisedByKey.constEnd())
            continue; // no longer raised
        storedKeys.insert(s.ruleKey());
        Finding current = *now; // what the rule says now, with the stored identity and dismissal
        current.id = s.id;
        current.uuid = s.uuid;
        current.dismissed = s.dismissed;
        current.dismissedReason = s.dismissedReason;
        current.dismissedAt = s.dismissedAt;
        current.dismissedBy = s.dismissedBy;
        merged << current;
    }
    for (const Finding &f : raised) {
        if (!storedKeys.contains(f.ruleKey()))
            merged << f;
    }
    sortByStatus(merged);
    return merged;
}

Result<QList<Finding>> FindingsEngine::current(const SurveyStore &store, const QDate &today)
{
    auto input = gather(store, today);
    if (!input)
        return tl::unexpected(input.error());
    auto stored = store.findings();
    if (!stored)
        return tl::unexpected(stored.error());
    return merge(*stored, evaluate(*input));
}

Result<FindingRefresh> FindingsEngine::refresh(SurveyStore &store, const QDate &today)
{
    auto input = gather(store, today);
    if (!input)
        return tl::unexpected(input.error());
    return store.refreshRuleFindings(evaluate(*input));
}

QString FindingsEngine::worstStatus(const QList<Finding> &findings)
{
    QString worst;
    for (const Finding &f : findings) {
        if (!f.isActive())
            continue;
        if (worst.isEmpty() || statusRank(f.status) < statusRank(worst))
            worst = f.status;
    }
    return worst;
}

void FindingsEngine::sortByStatus(QList<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return statusRank(a.status) < statusRank(b.status);
    });
}

} // namespace fs::model
