#include "terminalevaluator.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace fs::model {

namespace {

const QString kDanger = QStringLiteral("danger");
const QString kCaution = QStringLiteral("caution");
const QString kNone = QStringLiteral("none");

int severity(const QString &status)
{
    if (status == kDanger)
        return 2;
    if (status == kCaution)
        return 1;
    return 0;
}

QString date(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// The calendar day in Japan (UTC+9, no daylight saving time) of a collector timestamp.
QDate jstDate(const QDateTime &t)
{
    return t.toOffsetFromUtc(9 * 3600).date();
}

QString date(const QDateTime &t)
{
    return jstDate(t).toString(Qt::ISODate);
}

// Security Center productState (undocumented, community decoding): bits 12–15 on/off/snoozed/
// expired, bits 8–11 Microsoft, bits 4–7 signatures out of date.
struct ProductState
{
    bool on = false;
    bool expired = false;
    bool microsoft = false;
    bool outOfDate = false;
};

ProductState decode(qint64 state)
{
    const int onOff = int((state >> 12) & 0xF);
    return ProductState{onOff == 1, onOff == 3, ((state >> 8) & 0xF) == 1, ((state >> 4) & 0xF) != 0};
}

const QRegularExpression &deviceControlProducts()
{
    static const QRegularExpression re(
        QStringLiteral("SKYSEA|LANSCOPE|LanScope|秘文|Hibun|InfoCage|Systemwalker|Desktop ?Keeper|DeviceLock|"
                       "CWAT|MaLion|AssetView|Eraser|IntraGuardian"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &securityServiceNames()
{
    // Services of AV/EDR products that do not register with Security Center (servers).
    static const QRegularExpression re(
        QStringLiteral("^(ntrtscan|TmListen|TmCCSF|ekrn|CSFalconService|SepMasterService|SavService|"
                       "SophosFileScanner|Sophos Endpoint Defense Service|mfemms|McAfeeFramework|"
                       "AVP\\.?\\w*|klnagent|SentinelAgent|CylanceSvc|FFRI\\w*|yarai\\w*|WinDefend|Sense|"
                       "ESETService|CbDefense|xagt|Cybereason\\w*|Trellix\\w*)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

class Evaluation
{
public:
    Evaluation(const TerminalFacts &facts, const TerminalContext &context, const WindowsLifecycle &lifecycle)
        : m_facts(facts)
        , m_context(context)
        , m_lifecycle(lifecycle)
    {
        m_assessment.os = WindowsOs::identify(facts.section(QStringLiteral("os")), lifecycle);
    }

    TerminalAssessment run()
    {
        evaluateOs();
        evaluateUpdates();
        evaluateInternet();
        evaluateAntivirus();
        evaluateUsb();
        evaluateRemarks();
        std::stable_sort(
            m_assessment.findings.begin(), m_assessment.findings.end(),
            [](const Finding &a, const Finding &b) { return severity(a.status) > severity(b.status); });
        for (const QString &item : kTerminalCheckItems)
            m_assessment.checks << m_checks.value(item);
        return m_assessment;
    }

private:
    // A finding from the rule table, with this terminal's evidence.
    void raise(const QString &ruleId, const QString &evidence, const QString &status = {},
               bool needsConfirmation = false, const QString &text = {})
    {
        const auto &rules = TerminalEvaluator::rules();
        const auto rule =
            std::find_if(rules.begin(), rules.end(), [&](const TerminalRule &r) { return r.id == ruleId; });
        Q_ASSERT_X(rule != rules.end(), "TerminalEvaluator", "unknown rule id");
        if (rule == rules.end())
            return;
        Finding f;
        f.targetEntity = QStringLiteral("terminal");
        f.ruleId = rule->id;
        f.status = status.isEmpty() ? rule->status.section(QLatin1Char('/'), -1) : status;
        f.category = rule->item;
        f.text = text.isEmpty() ? rule->text : text;
        f.evidence = evidence;
        f.recommendation = rule->recommendation;
        f.needsConfirmation = needsConfirmation;
        m_assessment.findings << f;
        if (m_checks.contains(rule->item) && severity(f.status) > severity(m_checks[rule->item].evaluation))
            m_checks[rule->item].evaluation = f.status == kNone ? QStringLiteral("ok") : f.status;
    }

    // Sets an item's value; its evaluation starts as ok (facts were read) or unknown.
    void record(const QString &item, const QString &value, bool known, const QStringList &sections)
    {
        TerminalCheck check;
        check.item = item;
        check.value = value;
        check.evaluation = known ? QStringLiteral("ok") : QStringLiteral("unknown");
        check.source = m_facts.source();
        check.checkedAt = m_facts.collectedAt();
        QJsonObject detail;
        for (const QString &s : sections) {
            if (m_facts.json().contains(s))
                detail.insert(s, m_facts.json().value(s));
        }
        check.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
        m_checks.insert(item, check);
    }

    void evaluateOs()
    {
        const WindowsOs &os = m_assessment.os;
        if (!os.known) {
            record(QStringLiteral("os"), QStringLiteral("不明"), false, {QStringLiteral("os")});
            return;
        }
        QString value = QStringLiteral("%1（ビルド %2）").arg(os.name(), os.buildText());
        const QString evidence =
            QStringLiteral("%1 / Caption: %2 / EditionID: %3")
                .arg(os.name() + QStringLiteral(" ") + os.buildText(),
                     jsonText(m_facts.section(QStringLiteral("os")), QStringLiteral("caption")),
                     jsonText(m_facts.section(QStringLiteral("os")), QStringLiteral("editionId")));
        if (!os.lifecycle) {
            // Edition unknown: when every edition of this build is past its end, that is enough.
            QList<QDate> ends;
            for (const LifecycleRow &row : m_lifecycle.rows()) {
                if (row.product == os.product && row.build == os.build)
                    ends << row.endOfServicing;
            }
            const QDate latestEnd = ends.isEmpty() ? QDate() : *std::max_element(ends.begin(), ends.end());
            if (latestEnd.isValid() && latestEnd < m_context.asOf) {
                record(QStringLiteral("os"), value + QStringLiteral(" サポート終了（エディション不明）"),
                       true, {QStringLiteral("os")});
                raise(
                    QStringLiteral("win.os.end_of_servicing"),
                    evidence +
                        QStringLiteral(
                            " / エディションは不明だが、このビルドはどのエディションも %1 までにサポート終了")
                            .arg(date(latestEnd)),
                    {}, true);
                return;
            }
            record(QStringLiteral("os"), value + QStringLiteral(" サポート期限不明"), true,
                   {QStringLiteral("os")});
            raise(QStringLiteral("win.os.lifecycle_unknown"), evidence, {}, true);
            return;
        }
        const QDate end = os.lifecycle->endOfServicing;
        const qint64 daysLeft = m_context.asOf.daysTo(end);
        if (daysLeft >= 0) {
            record(QStringLiteral("os"), value + QStringLiteral(" サポート期限 %1").arg(date(end)), true,
                   {QStringLiteral("os")});
            if (daysLeft <= TerminalEvaluator::kEndingSoonDays)
                raise(QStringLiteral("win.os.ending_soon"),
                      evidence +
                          QStringLiteral(" / サポート終了 %1（あと %2 日）").arg(date(end)).arg(daysLeft));
            return;
        }
        // Windows 10 22H2 past 2025-10-14: supported only with a paid ESU licence.
        const bool esuCandidate = os.product == QStringLiteral("Windows 10") && os.build == 19045;
        const QJsonObject esu = m_facts.section(QStringLiteral("esu"));
        bool licensed = false;
        QStringList licences;
        for (const QJsonValue &l : esu.value(QStringLiteral("licenses")).toArray()) {
            const QJsonObject o = l.toObject();
            licences << jsonText(o, QStringLiteral("name"));
            licensed = licensed || jsonInt(o, QStringLiteral("licenseStatus")) == 1;
        }
        if (esuCandidate && licensed) {
            constexpr int kEsuMinimumUbr = 6456; // October 2025 LCU, KB5066791
            record(QStringLiteral("os"), value + QStringLiteral(" ESU 適用"), true,
                   {QStringLiteral("os"), QStringLiteral("esu")});
            if (os.ubr >= 0 && os.ubr < kEsuMinimumUbr)
                raise(QStringLiteral("win.os.esu_prerequisite"),
                      evidence +
                          QStringLiteral(" / ESU ライセンス: %1").arg(licences.join(QStringLiteral("、"))));
            else
                raise(QStringLiteral("win.os.esu"),
                      evidence +
                          QStringLiteral(" / ESU ライセンス: %1").arg(licences.join(QStringLiteral("、"))));
            return;
        }
        record(QStringLiteral("os"), value + QStringLiteral(" サポート終了（%1）").arg(date(end)), true,
               {QStringLiteral("os"), QStringLiteral("esu")});
        QString esuNote;
        bool confirm = false;
        if (esuCandidate) {
            if (m_facts.sectionStatus(QStringLiteral("esu")) != QStringLiteral("ok")) {
                esuNote = QStringLiteral(" / ESU ライセンスは確認できなかった");
                confirm = true;
            } else {
                esuNote = QStringLiteral(" / ESU ライセンスなし");
                // Consumer ESU may not show as a licence on Home/Pro.
                confirm = os.editionFamily == QStringLiteral("Home/Pro");
            }
        }
        raise(QStringLiteral("win.os.end_of_servicing"),
              evidence + QStringLiteral(" / サポート終了 %1").arg(date(end)) + esuNote, {}, confirm);
    }

    void evaluateUpdates()
    {
        const QJsonObject u = m_facts.section(QStringLiteral("updates"));
        const WindowsOs &os = m_assessment.os;
        std::optional<QDateTime> last = jsonTime(u, QStringLiteral("lastInstallSuccess"));
        QString lastKb;
        const auto consider = [&](const std::optional<QDateTime> &t, const QString &kb) {
            if (t && (!last || *t > *last)) {
                last = t;
                lastKb = kb;
            } else if (t && last && *t == *last && lastKb.isEmpty()) {
                lastKb = kb;
            }
        };
        for (const QJsonValue &h : u.value(QStringLiteral("history")).toArray()) {
            const QJsonObject o = h.toObject();
            const auto result = jsonInt(o, QStringLiteral("resultCode"));
            if (jsonInt(o, QStringLiteral("operation")).value_or(1) == 1 && (result == 2 || result == 3))
                consider(jsonTime(o, QStringLiteral("date")), jsonText(o, QStringLiteral("kb")));
        }
        for (const QJsonValue &h : u.value(QStringLiteral("hotfixes")).toArray()) {
            const QJsonObject o = h.toObject();
            consider(jsonTime(o, QStringLiteral("installedOn")), jsonText(o, QStringLiteral("id")));
        }
        // The KB installed that day, when the newest date came without one (LastInstallationSuccessDate).
        if (last && lastKb.isEmpty()) {
            std::optional<QDateTime> kbTime;
            const auto sameDay = [&](const std::optional<QDateTime> &t, const QString &kb) {
                if (t && !kb.isEmpty() && jstDate(*t) == jstDate(*last) && (!kbTime || *t > *kbTime)) {
                    kbTime = t;
                    lastKb = kb;
                }
            };
            for (const QJsonValue &h : u.value(QStringLiteral("history")).toArray())
                sameDay(jsonTime(h.toObject(), QStringLiteral("date")),
                        jsonText(h.toObject(), QStringLiteral("kb")));
            for (const QJsonValue &h : u.value(QStringLiteral("hotfixes")).toArray())
                sameDay(jsonTime(h.toObject(), QStringLiteral("installedOn")),
                        jsonText(h.toObject(), QStringLiteral("id")));
        }
        const bool known = last.has_value() || os.ubr >= 0;
        QStringList parts;
        if (last)
            parts << QStringLiteral("最終適用 %1").arg(date(*last)) +
                         (lastKb.isEmpty() ? QString() : QStringLiteral("（%1）").arg(lastKb));
        if (os.ubr >= 0)
            parts << QStringLiteral("ビルド %1").arg(os.buildText());
        const bool reboot = jsonBool(u, QStringLiteral("rebootPending")).value_or(false);
        if (reboot)
            parts << QStringLiteral("再起動待ち");
        const QString wsus = jsonText(u, QStringLiteral("wuServer"));
        if (!wsus.isEmpty() && jsonBool(u, QStringLiteral("useWuServer")).value_or(false))
            parts << QStringLiteral("WSUS 管理");
        record(QStringLiteral("windows_update"),
               known ? parts.join(QStringLiteral("・")) : QStringLiteral("不明"), known,
               {QStringLiteral("updates")});

        if (last) {
            const int age = int(jstDate(*last).daysTo(m_context.asOf));
            const QString evidence = QStringLiteral("最後に更新プログラムが適用されたのは %1（%2 日前）")
                                         .arg(date(*last))
                                         .arg(age) +
                                     (lastKb.isEmpty() ? QString() : QStringLiteral("、%1").arg(lastKb));
            if (age > TerminalEvaluator::kUpdateDangerDays)
                raise(QStringLiteral("win.update.stale"), evidence, kDanger);
            else if (age > TerminalEvaluator::kUpdateCautionDays)
                raise(QStringLiteral("win.update.stale"), evidence, kCaution);
        }
        if (os.ubr >= 0) {
            if (const auto latest = m_lifecycle.latestUpdate(os.build); latest && os.ubr < latest->ubr)
                raise(QStringLiteral("win.update.behind"),
                      QStringLiteral("適用済み %1.%2、%3 時点で公開済みの最新 %1.%4（%5）")
                          .arg(os.build)
                          .arg(os.ubr)
                          .arg(date(m_lifecycle.latestUpdateTableDate()))
                          .arg(latest->ubr)
                          .arg(latest->kb));
        }
        if (reboot) {
            QStringList reasons;
            for (const QJsonValue &r : u.value(QStringLiteral("rebootReasons")).toArray())
                reasons << r.toString();
            raise(QStringLiteral("win.update.reboot_pending"), reasons.isEmpty()
                                                                   ? QStringLiteral("再起動待ちの更新あり")
                                                                   : reasons.join(QStringLiteral(", ")));
        }
        if (jsonBool(u, QStringLiteral("noAutoUpdate")).value_or(false) && wsus.isEmpty())
            raise(QStringLiteral("win.update.disabled"),
                  QStringLiteral("ポリシー NoAutoUpdate=1、WSUS の指定なし"));
    }

    void evaluateInternet()
    {
        const QJsonObject n = m_facts.section(QStringLiteral("internet"));
        const bool emr = TerminalEvaluator::isEmrSystem(m_context.systemType);
        const QString confirmed = jsonText(n, QStringLiteral("confirmedOnSite"));
        QString value;
        QString evidence;
        enum
        {
            Unknown,
            Reachable,
            Partial,
            Unreachable
        } verdict = Unknown;
        if (!confirmed.isEmpty()) {
            verdict = confirmed == QStringLiteral("reachable")
                          ? Reachable
                          : (confirmed == QStringLiteral("partial") ? Partial : Unreachable);
            evidence = QStringLiteral("調査員が現地で確認");
        } else if (jsonBool(n, QStringLiteral("probePerformed")).value_or(false)) {
            const QString target = jsonText(n, QStringLiteral("probeTarget"));
            if (jsonBool(n, QStringLiteral("probeHttpOk")).value_or(false) ||
                jsonBool(n, QStringLiteral("probeTcpOk")).value_or(false)) {
                verdict = Reachable;
                evidence = QStringLiteral("接続確認で %1 に接続できた").arg(target);
            } else if (jsonBool(n, QStringLiteral("probeDnsOk")).value_or(false)) {
                verdict = Partial;
                evidence = QStringLiteral("接続確認で %1 の名前解決のみできた").arg(target);
            } else {
                verdict = Unreachable;
                evidence = QStringLiteral("接続確認で %1 に接続できなかった").arg(target);
            }
            if (jsonBool(n, QStringLiteral("probeViaProxy")).value_or(false))
                evidence += QStringLiteral("（プロキシ経由）");
        } else if (!n.isEmpty()) {
            const QJsonArray profiles = n.value(QStringLiteral("profiles")).toArray();
            bool internet = false;
            for (const QJsonValue &p : profiles) {
                const QJsonObject o = p.toObject();
                internet = internet ||
                           jsonText(o, QStringLiteral("ipv4Connectivity")) == QStringLiteral("Internet") ||
                           jsonText(o, QStringLiteral("ipv6Connectivity")) == QStringLiteral("Internet");
            }
            if (internet) {
                verdict = Reachable;
                evidence = QStringLiteral("Windows の接続判定（NCSI）が Internet");
            } else if (jsonBool(n, QStringLiteral("defaultRoute")) == false) {
                verdict = Unreachable;
                evidence = QStringLiteral("既定ルートなし");
            } else if (!profiles.isEmpty()) {
                verdict = Unreachable;
                evidence = QStringLiteral("Windows の接続判定（NCSI）がローカルのみ。接続確認は未実施");
            }
        }
        const bool proxy = jsonBool(n, QStringLiteral("proxyEnabled")).value_or(false);
        const QString proxyText =
            proxy ? QStringLiteral("（プロキシ %1）").arg(jsonText(n, QStringLiteral("proxyServer")))
                  : QString();
        switch (verdict) {
        case Reachable:
            value = QStringLiteral("可") + proxyText;
            break;
        case Partial:
            value = QStringLiteral("一部可（名前解決のみ）");
            break;
        case Unreachable:
            value = QStringLiteral("不可");
            break;
        case Unknown:
            value = QStringLiteral("未確認");
            break;
        }
        record(QStringLiteral("internet"), value, verdict != Unknown, {QStringLiteral("internet")});
        if (verdict == Reachable)
            raise(QStringLiteral("win.internet.reachable"), evidence + proxyText, emr ? kDanger : kCaution,
                  false,
                  emr ? QStringLiteral("電子カルテ端末からインターネットに接続できる")
                      : QStringLiteral("端末からインターネットに接続できる"));
        else if (verdict == Partial)
            raise(QStringLiteral("win.internet.dns_only"), evidence);
    }

    void evaluateAntivirus()
    {
        const QJsonObject wsc = m_facts.section(QStringLiteral("antivirus"));
        const QJsonObject defender = m_facts.section(QStringLiteral("defender"));
        const QJsonObject services = m_facts.section(QStringLiteral("securityServices"));
        const bool known = !wsc.isEmpty() || !defender.isEmpty() || !services.isEmpty();
        QStringList active;   // products protecting now
        QStringList inactive; // registered but off
        QStringList outdated;
        QStringList orphans;
        bool thirdPartyOn = false;
        bool microsoftOn = false;
        for (const QJsonValue &p : wsc.value(QStringLiteral("products")).toArray()) {
            const QJsonObject o = p.toObject();
            const QString name = jsonText(o, QStringLiteral("displayName"));
            const auto state = jsonInt(o, QStringLiteral("productState"));
            if (jsonBool(o, QStringLiteral("exeExists")) == false) {
                orphans << name;
                continue;
            }
            ProductState s;
            if (state) {
                s = decode(*state);
            } else if (const auto enabled = jsonBool(o, QStringLiteral("enabled"))) {
                // No raw state, only the decoded flags.
                s.on = *enabled;
                s.outOfDate = jsonBool(o, QStringLiteral("definitionsUpToDate")) == false;
                s.microsoft = name.contains(QStringLiteral("Defender"), Qt::CaseInsensitive);
            } else {
                continue;
            }
            if (s.on) {
                active << name + (s.outOfDate ? QStringLiteral("（有効・定義が古い）")
                                              : QStringLiteral("（有効・定義最新）"));
                if (s.outOfDate)
                    outdated << name;
                (s.microsoft ? microsoftOn : thirdPartyOn) = true;
            } else {
                inactive << name + (s.expired ? QStringLiteral("（期限切れ）") : QStringLiteral("（無効）"));
            }
        }
        // Defender's own status where Security Center is absent (servers) or says nothing.
        std::optional<int> signatureAge;
        if (!defender.isEmpty()) {
            const QString mode = jsonText(defender, QStringLiteral("amRunningMode"));
            const bool on = jsonBool(defender, QStringLiteral("antivirusEnabled")).value_or(false) &&
                            jsonBool(defender, QStringLiteral("realTimeProtectionEnabled")).value_or(false) &&
                            (mode.isEmpty() || mode == QStringLiteral("Normal"));
            if (const auto last = jsonTime(defender, QStringLiteral("signatureLastUpdated")))
                signatureAge = int(jstDate(*last).daysTo(m_context.asOf));
            else if (const auto days = jsonInt(defender, QStringLiteral("signatureAgeDays")))
                signatureAge = int(*days);
            if (on && !microsoftOn) {
                microsoftOn = true;
                active << QStringLiteral("Microsoft Defender Antivirus（有効）");
            }
        }
        for (const QJsonValue &s : services.value(QStringLiteral("services")).toArray()) {
            const QJsonObject o = s.toObject();
            const QString name = jsonText(o, QStringLiteral("name"));
            if (wsc.isEmpty() && jsonBool(o, QStringLiteral("running")).value_or(false) &&
                securityServiceNames().match(name).hasMatch() && name != QStringLiteral("WinDefend") &&
                name != QStringLiteral("Sense")) {
                active << QStringLiteral("%1（サービス %2 が稼働）")
                              .arg(jsonText(o, QStringLiteral("displayName")), name);
                thirdPartyOn = true;
            }
        }
        active.removeDuplicates();
        QString value;
        if (!active.isEmpty())
            value = active.join(QStringLiteral("、"));
        else if (!inactive.isEmpty())
            value = inactive.join(QStringLiteral("、"));
        else
            value = known ? QStringLiteral("なし") : QStringLiteral("不明");
        record(QStringLiteral("antivirus"), value, known,
               {QStringLiteral("antivirus"), QStringLiteral("defender"), QStringLiteral("securityServices")});
        if (!known)
            return;
        if (active.isEmpty() && inactive.isEmpty())
            raise(QStringLiteral("win.av.none"),
                  QStringLiteral("Security Center に登録された製品、稼働中の対策製品のサービスなし"));
        else if (active.isEmpty())
            raise(QStringLiteral("win.av.disabled"), inactive.join(QStringLiteral("、")));
        if (!outdated.isEmpty())
            raise(QStringLiteral("win.av.outdated"),
                  QStringLiteral("Security Center の状態: 定義が古い（%1）")
                      .arg(outdated.join(QStringLiteral("、"))));
        else if (signatureAge && microsoftOn && !thirdPartyOn &&
                 *signatureAge > TerminalEvaluator::kSignatureCautionDays)
            raise(QStringLiteral("win.av.outdated"),
                  QStringLiteral("Microsoft Defender の定義は %1 日前（%2）")
                      .arg(*signatureAge)
                      .arg(jsonText(defender, QStringLiteral("signatureVersion"))),
                  *signatureAge > TerminalEvaluator::kSignatureDangerDays ? kDanger : kCaution);
        if (!orphans.isEmpty())
            raise(QStringLiteral("win.av.orphan"), orphans.join(QStringLiteral("、")));
        if (microsoftOn && thirdPartyOn)
            raise(QStringLiteral("win.av.two_engines"), active.join(QStringLiteral("、")));
    }

    void evaluateUsb()
    {
        const QJsonObject u = m_facts.section(QStringLiteral("usbStorage"));
        const QString confirmed = jsonText(u, QStringLiteral("confirmedOnSite"));
        QStringList blockedBy;
        QStringList readOnlyBy;
        if (jsonInt(u, QStringLiteral("usbstorStart")) == 4)
            blockedBy << QStringLiteral("USBSTOR 無効");
        if (jsonBool(u, QStringLiteral("denyAll")).value_or(false) ||
            jsonBool(u, QStringLiteral("denyAllUser")).value_or(false))
            blockedBy << QStringLiteral("リムーバブル記憶域のアクセス拒否ポリシー");
        if (jsonBool(u, QStringLiteral("removableDiskDenyRead")).value_or(false))
            blockedBy << QStringLiteral("リムーバブルディスクの読み取り拒否ポリシー");
        if (jsonBool(u, QStringLiteral("denyRemovableDevices")).value_or(false))
            blockedBy << QStringLiteral("リムーバブルデバイスのインストール禁止ポリシー");
        for (const QJsonValue &c : u.value(QStringLiteral("denyDeviceClasses")).toArray()) {
            if (c.toString().contains(QStringLiteral("4d36e967-e325-11ce-bfc1-08002be10318"),
                                      Qt::CaseInsensitive) ||
                c.toString().contains(QStringLiteral("36fc9e60-c465-11cf-8056-444553540000"),
                                      Qt::CaseInsensitive))
                blockedBy << QStringLiteral("デバイスクラスのインストール禁止ポリシー");
        }
        if (jsonBool(u, QStringLiteral("writeProtect")).value_or(false))
            readOnlyBy << QStringLiteral("書き込み禁止（StorageDevicePolicies）");
        if (jsonBool(u, QStringLiteral("removableDiskDenyWrite")).value_or(false))
            readOnlyBy << QStringLiteral("リムーバブルディスクの書き込み拒否ポリシー");
        if (jsonBool(u, QStringLiteral("bitlockerDenyWrite")).value_or(false))
            readOnlyBy << QStringLiteral("BitLocker To Go 以外の書き込み拒否");
        blockedBy.removeDuplicates();
        QStringList tools;
        const QJsonObject services = m_facts.section(QStringLiteral("securityServices"));
        for (const QString &list : {QStringLiteral("installedProducts"), QStringLiteral("services")}) {
            for (const QJsonValue &p : services.value(list).toArray()) {
                const QString name = jsonText(p.toObject(), QStringLiteral("displayName"));
                if (deviceControlProducts().match(name).hasMatch())
                    tools << name;
            }
        }
        tools.removeDuplicates();
        const QJsonObject defender = m_facts.section(QStringLiteral("defender"));
        if (jsonText(defender, QStringLiteral("deviceControlState")) == QStringLiteral("Enabled"))
            tools << QStringLiteral("Microsoft Defender デバイス制御");

        const bool known = !u.isEmpty();
        if (confirmed == QStringLiteral("blocked")) {
            record(QStringLiteral("usb_storage"), QStringLiteral("閉塞（現地で確認）"), true,
                   {QStringLiteral("usbStorage")});
        } else if (confirmed == QStringLiteral("read_only")) {
            record(QStringLiteral("usb_storage"), QStringLiteral("読み取りのみ（現地で確認）"), true,
                   {QStringLiteral("usbStorage")});
            raise(QStringLiteral("win.usb.read_only"), QStringLiteral("調査員が現地で確認"));
        } else if (confirmed == QStringLiteral("not_blocked")) {
            record(QStringLiteral("usb_storage"), QStringLiteral("閉塞なし（現地で確認）"), true,
                   {QStringLiteral("usbStorage")});
            raise(QStringLiteral("win.usb.not_blocked"), QStringLiteral("調査員が現地で確認"));
        } else if (!blockedBy.isEmpty()) {
            record(QStringLiteral("usb_storage"),
                   QStringLiteral("閉塞（%1）").arg(blockedBy.join(QStringLiteral("、"))), true,
                   {QStringLiteral("usbStorage")});
        } else if (!readOnlyBy.isEmpty()) {
            record(QStringLiteral("usb_storage"),
                   QStringLiteral("読み取りのみ（%1）").arg(readOnlyBy.join(QStringLiteral("、"))), true,
                   {QStringLiteral("usbStorage")});
            raise(QStringLiteral("win.usb.read_only"), readOnlyBy.join(QStringLiteral("、")));
        } else if (!tools.isEmpty()) {
            record(QStringLiteral("usb_storage"),
                   QStringLiteral("要確認（%1 による制御の可能性）").arg(tools.join(QStringLiteral("、"))),
                   false, {QStringLiteral("usbStorage"), QStringLiteral("securityServices")});
            raise(QStringLiteral("win.usb.third_party"), tools.join(QStringLiteral("、")), {}, true);
        } else if (known) {
            record(QStringLiteral("usb_storage"), QStringLiteral("閉塞なし"), true,
                   {QStringLiteral("usbStorage")});
            raise(QStringLiteral("win.usb.not_blocked"),
                  QStringLiteral("USBSTOR Start=%1、アクセス拒否・インストール禁止のポリシーなし")
                      .arg(jsonInt(u, QStringLiteral("usbstorStart")).has_value()
                               ? QString::number(*jsonInt(u, QStringLiteral("usbstorStart")))
                               : QStringLiteral("—")));
        } else {
            record(QStringLiteral("usb_storage"), QStringLiteral("不明"), false,
                   {QStringLiteral("usbStorage")});
        }
    }

    void evaluateRemarks()
    {
        const QJsonObject smb = m_facts.section(QStringLiteral("smb1"));
        if (jsonInt(smb, QStringLiteral("featureState")) == 1 ||
            (jsonInt(smb, QStringLiteral("featureState")) != 2 &&
             jsonInt(smb, QStringLiteral("featureState")) != 3 &&
             jsonInt(smb, QStringLiteral("serverSmb1")) == 1))
            raise(QStringLiteral("win.smb1.enabled"),
                  QStringLiteral("SMB1Protocol InstallState=%1")
                      .arg(jsonInt(smb, QStringLiteral("featureState")).value_or(-1)));
        const QJsonObject rdp = m_facts.section(QStringLiteral("rdp"));
        const auto policy = jsonInt(rdp, QStringLiteral("policyDenyTsConnections"));
        const auto deny = policy ? policy : jsonInt(rdp, QStringLiteral("denyTsConnections"));
        if (deny == 0) {
            const auto nla = jsonBool(rdp, QStringLiteral("nlaRequired"));
            raise(QStringLiteral("win.rdp.enabled"),
                  QStringLiteral("fDenyTSConnections=0、ポート %1、NLA %2")
                      .arg(jsonInt(rdp, QStringLiteral("port")).value_or(3389))
                      .arg(nla ? (*nla ? QStringLiteral("必須") : QStringLiteral("なし"))
                               : QStringLiteral("不明")));
        }
        QStringList off;
        for (const QJsonValue &p :
             m_facts.section(QStringLiteral("firewall")).value(QStringLiteral("profiles")).toArray()) {
            if (jsonBool(p.toObject(), QStringLiteral("enabled")) == false)
                off << jsonText(p.toObject(), QStringLiteral("name"));
        }
        if (!off.isEmpty())
            raise(QStringLiteral("win.firewall.off"),
                  QStringLiteral("無効なプロファイル: %1").arg(off.join(QStringLiteral(", "))));
        const QJsonObject accounts = m_facts.section(QStringLiteral("accounts"));
        if (jsonBool(accounts, QStringLiteral("currentUserIsAdmin")).value_or(false))
            raise(QStringLiteral("win.accounts.admin_user"),
                  QStringLiteral("%1 が Administrators のメンバー")
                      .arg(jsonText(m_facts.json().value(QStringLiteral("collector")).toObject(),
                                    QStringLiteral("userName"))));
        if (jsonBool(accounts, QStringLiteral("guestEnabled")).value_or(false))
            raise(QStringLiteral("win.accounts.guest"), QStringLiteral("Guest（RID 501）が有効"));
        const QJsonObject lock = m_facts.section(QStringLiteral("screenLock"));
        if (!lock.isEmpty()) {
            const auto inactivity = jsonInt(lock, QStringLiteral("inactivityTimeoutSecs"));
            const bool saverLocks = jsonBool(lock, QStringLiteral("screenSaverActive")).value_or(false) &&
                                    jsonBool(lock, QStringLiteral("screenSaverSecure")).value_or(false);
            const auto saverAfter = jsonInt(lock, QStringLiteral("screenSaverTimeoutSecs"));
            const bool locks =
                (inactivity && *inactivity > 0 && *inactivity <= TerminalEvaluator::kScreenLockMaxSeconds) ||
                (saverLocks && saverAfter && *saverAfter > 0 &&
                 *saverAfter <= TerminalEvaluator::kScreenLockMaxSeconds);
            if (!locks)
                raise(QStringLiteral("win.screenlock.none"),
                      QStringLiteral("InactivityTimeoutSecs=%1、スクリーンセーバー %2（%3 秒）")
                          .arg(inactivity ? QString::number(*inactivity) : QStringLiteral("—"),
                               saverLocks ? QStringLiteral("パスワード保護あり")
                                          : QStringLiteral("パスワード保護なし"),
                               saverAfter ? QString::number(*saverAfter) : QStringLiteral("—")));
        }
    }

    const TerminalFacts &m_facts;
    const TerminalContext &m_context;
    const WindowsLifecycle &m_lifecycle;
    TerminalAssessment m_assessment;
    QHash<QString, TerminalCheck> m_checks;
};

} // namespace

QStringList TerminalAssessment::remarks() const
{
    QStringList texts;
    for (const Finding &f : findings) {
        if (f.status != kNone)
            texts << f.text;
    }
    return texts;
}

const TerminalCheck *TerminalAssessment::check(const QString &item) const
{
    for (const TerminalCheck &c : checks) {
        if (c.item == item)
            return &c;
    }
    return nullptr;
}

bool TerminalEvaluator::isEmrSystem(const QString &systemType)
{
    static const QRegularExpression emr(QStringLiteral("電子カルテ|カルテ|EMR|EHR|HIS|オーダ"),
                                        QRegularExpression::CaseInsensitiveOption);
    return emr.match(systemType).hasMatch();
}

TerminalAssessment TerminalEvaluator::evaluate(const TerminalFacts &facts, const TerminalContext &context,
                                               const WindowsLifecycle &lifecycle)
{
    return Evaluation(facts, context, lifecycle).run();
}

} // namespace fs::model
