#include "devicerules.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace fs::model {

namespace {

const QString kExploitable = QStringLiteral("exploitable");
const QString kFeatureUnknown = QStringLiteral("feature_unknown");
const QString kFeatureOff = QStringLiteral("feature_off");

const DeviceRule &rule(const QString &variant)
{
    const auto &rules = DeviceRules::rules();
    const auto it =
        std::find_if(rules.begin(), rules.end(), [&](const DeviceRule &r) { return r.variant == variant; });
    Q_ASSERT_X(it != rules.end(), "DeviceRules", "unknown rule variant");
    return *it;
}

// The condition for exposure in the programme's words.
QString featureName(const QString &feature)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("ssl_vpn"), QStringLiteral("SSL-VPN")},
        {QStringLiteral("globalprotect"), QStringLiteral("GlobalProtect")},
        {QStringLiteral("ra_vpn"), QStringLiteral("リモートアクセス VPN")},
        {QStringLiteral("mgmt_ui"), QStringLiteral("管理画面（HTTP/HTTPS）")},
        {QStringLiteral("http_server"), QStringLiteral("Web UI（ip http server）")},
        {QStringLiteral("web_services"), QStringLiteral("Web サービス（WebVPN・管理 HTTP）")},
        {QStringLiteral("fgfm"), QStringLiteral("FGFM（TCP/541）")},
        {QStringLiteral("jweb"), QStringLiteral("J-Web")},
        {QStringLiteral("winbox"), QStringLiteral("Winbox")},
        {QStringLiteral("saml"), QStringLiteral("SAML 認証")},
        {QStringLiteral("gateway"), QStringLiteral("Gateway/AAA 仮想サーバ")},
    };
    return names.value(feature, feature);
}

QString stateName(FeatureState state)
{
    switch (state) {
    case FeatureState::NotRequired:
        return QStringLiteral("条件なし");
    case FeatureState::On:
        return QStringLiteral("有効");
    case FeatureState::Off:
        return QStringLiteral("無効");
    case FeatureState::Unknown:
        return QStringLiteral("不明");
    }
    return {};
}

QString rangeText(const KevRange &r)
{
    if (r.lower.isEmpty())
        return r.upperInclusive ? QStringLiteral("%1 以下").arg(r.upper)
                                : QStringLiteral("%1 未満").arg(r.upper);
    if (r.upper.isEmpty())
        return QStringLiteral("%1 以上").arg(r.lower);
    if (r.upperInclusive)
        return r.lower == r.upper ? r.lower : QStringLiteral("%1〜%2").arg(r.lower, r.upper);
    return QStringLiteral("%1 以上 %2 未満").arg(r.lower, r.upper);
}

QString evidenceLine(const KevMatch &m)
{
    const QString feature = m.range.feature.isEmpty() ? stateName(FeatureState::NotRequired)
                                                      : featureName(m.range.feature) + QStringLiteral(": ") +
                                                            stateName(m.featureState);
    const QString basis = m.range.basis == KevBasis::Cna ? QStringLiteral("CNA")
                                                         : QStringLiteral("ベンダー勧告の記憶（要確認）");
    return QStringLiteral(
               "%1（%2）影響範囲 %3 / 根拠 %4 / 機能 %5 / 修正版 %6 / ランサムウェアでの悪用 %7 / %8")
        .arg(m.entry.cve, m.entry.product, rangeText(m.range), basis, feature, m.entry.fixedVersions,
             m.entry.knownRansomwareUse ? QStringLiteral("あり") : QStringLiteral("不明"), m.entry.sourceUrl);
}

// Flaws that leak or bypass credentials or sessions: after them, passwords are changed.
bool leaksCredentials(const KevEntry &e)
{
    static const QRegularExpression re(
        QStringLiteral("credential|password|session token|session hijack|user database"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(e.description).hasMatch();
}

QString conditionList(const QList<KevMatch> &matches)
{
    QStringList names;
    for (const KevMatch &m : matches) {
        const QString name = featureName(m.range.feature);
        if (!m.range.feature.isEmpty() && !names.contains(name))
            names << name;
    }
    return names.join(QStringLiteral("、"));
}

} // namespace

// The documented rule table (docs/firmware-rules.md).
const QList<DeviceRule> &DeviceRules::rules()
{
    static const QList<DeviceRule> table = {
        {kFirmwareKev, kExploitable, QStringLiteral("danger"),
         QStringLiteral("既知の悪用された脆弱性（CISA KEV）の影響範囲にあるファームウェア（%1）"),
         QStringLiteral(
             "根拠欄に示した修正版以降のファームウェアへ更新してください。更新までは該当機能を"
             "インターネットに公開せず、侵害の痕跡（不審な管理者アカウント、設定変更、ログ）がないか"
             "確認してください。")},
        {kFirmwareKev, kFeatureUnknown, QStringLiteral("caution"),
         QStringLiteral("既知の悪用された脆弱性（CISA KEV）の影響範囲にあるファームウェア（%1）。悪用の条件と"
                        "なる機能（%2）の設定状態を読み取れなかった"),
         QStringLiteral(
             "該当機能が有効かどうかを機器の設定で確認してください。有効であれば危険です。"
             "根拠欄に示した修正版以降のファームウェアへ更新し、侵害の痕跡がないか確認してください。")},
        {kFirmwareKev, kFeatureOff, QStringLiteral("caution"),
         QStringLiteral("既知の悪用された脆弱性（CISA KEV）の影響範囲にあるファームウェア（%1）。悪用の条件と"
                        "なる機能（%2）は現在の設定で無効"),
         QStringLiteral("現在の設定では悪用の条件を満たしませんが、設定を変えると悪用できる状態になります。"
                        "根拠欄に示した修正版以降のファームウェアへ更新してください。")},
    };
    return table;
}

QList<Finding> DeviceRules::evaluate(const Device &device, const VulnKb &kb)
{
    const DeviceProduct product = VulnKb::identify(device);
    if (product.family.isEmpty() || product.version.isEmpty())
        return {};
    const QList<KevMatch> matches = kb.matches(product, device);
    if (matches.isEmpty())
        return {};

    QList<KevMatch> exploitable;
    QList<KevMatch> unknown;
    QList<KevMatch> off;
    for (const KevMatch &m : matches) {
        if (m.featureState == FeatureState::NotRequired || m.featureState == FeatureState::On)
            exploitable << m;
        else if (m.featureState == FeatureState::Unknown)
            unknown << m;
        else
            off << m;
    }
    const QString variant = !exploitable.isEmpty() ? kExploitable
                            : !unknown.isEmpty()   ? kFeatureUnknown
                                                   : kFeatureOff;
    const QList<KevMatch> &driving = !exploitable.isEmpty() ? exploitable
                                     : !unknown.isEmpty()   ? unknown
                                                            : off;
    const DeviceRule &r = rule(variant);

    const QString firmware = product.displayName + QLatin1Char(' ') + product.version;
    QStringList evidence{
        QStringLiteral("ファームウェア %1（機器の表示: %2）").arg(firmware, product.rawVersion)};
    for (const QList<KevMatch> *group : {&exploitable, &unknown, &off}) {
        for (const KevMatch &m : *group)
            evidence << evidenceLine(m);
    }

    QString recommendation = r.recommendation;
    if (variant != kFeatureOff && std::any_of(driving.begin(), driving.end(),
                                              [](const KevMatch &m) { return leaksCredentials(m.entry); }))
        recommendation +=
            QStringLiteral("認証情報やセッションが漏えいした可能性があるため、VPN 利用者と管理者の"
                           "パスワードを変更し、既存のセッションを破棄してください。");

    Finding f;
    f.targetEntity = QStringLiteral("device");
    f.targetId = device.id;
    f.ruleId = r.id;
    f.status = r.status;
    f.category = kCategory;
    f.text = variant == kExploitable ? r.text.arg(firmware) : r.text.arg(firmware, conditionList(driving));
    f.evidence = evidence.join(QLatin1Char('\n'));
    f.recommendation = recommendation;
    f.needsConfirmation = std::all_of(driving.begin(), driving.end(), [](const KevMatch &m) {
        return m.range.basis == KevBasis::AdvisoryRecalled;
    });
    return {f};
}

} // namespace fs::model
