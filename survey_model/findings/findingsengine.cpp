#include "findingsengine.h"

#include "devicerules.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalmatch.h"
#include "vulnkb.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

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
    const bool dynamicIp = cp.ipAssignment.contains(QStringLiteral("動的"));
    const bool wantsScan = cp.wantsVulnerabilityScan.contains(QStringLiteral("あり"));
    if (dynamicIp && wantsScan && cp.scanIp.trimmed().isEmpty()) {
        out << raise(QStringLiteral("line.dynamic_ip_unconfirmed"), kLine, cp.id, QStringLiteral("caution"),
                     QStringLiteral("IPアドレス: %1／脆弱性診断: %2／当日グローバルIP: 未確認")
                         .arg(cp.ipAssignment, cp.wantsVulnerabilityScan));
    }
    // Management services answering on the line's global IP (the scan).
    QStringList hard;
    QStringList web;
    for (const ScanPort &p : ports) {
        if (p.connectionPointId != cp.id || !p.state.startsWith(QStringLiteral("open")))
            continue;
        if (!FindingsEngine::isManagementService(p.protocol, p.port, p.service))
            continue;
        const QString line = QStringLiteral("%1/%2 %3 %4 %5")
                                 .arg(QString::number(p.port), p.protocol, p.service, p.product, p.version)
                                 .simplified();
        const bool isWeb = p.service.startsWith(QStringLiteral("http")) ||
                           p.service.contains(QStringLiteral("ssl")) ||
                           QList<int>{80, 443, 4443, 8080, 8443, 10443}.contains(p.port);
        (isWeb ? web : hard) << line;
    }
    if (!hard.isEmpty()) {
        out << raise(
            QStringLiteral("line.mgmt_exposed"), kLine, cp.id, QStringLiteral("danger"),
            QStringLiteral("%1 で応答: %2")
                .arg(cp.scanIp.isEmpty() ? cp.globalIp : cp.scanIp, (hard + web).join(QStringLiteral("、"))));
    } else if (!web.isEmpty()) {
        out << raise(
            QStringLiteral("line.mgmt_exposed"), kLine, cp.id, QStringLiteral("caution"),
            QStringLiteral("%1 で応答: %2")
                .arg(cp.scanIp.isEmpty() ? cp.globalIp : cp.scanIp, web.join(QStringLiteral("、"))),
            QStringLiteral(
                "インターネットから Web サービスに接続できる（機器の管理画面か SSL-VPN 等かを要確認）"),
            true);
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

int statusRank(const QString &status)
{
    if (status == QStringLiteral("danger"))
        return 0;
    if (status == QStringLiteral("caution"))
        return 1;
    return 2;
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
