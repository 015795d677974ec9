#include "backupquestionnaire.h"

#include <QHash>

namespace fs::model {

namespace {

struct FieldOptions
{
    QList<BackupOption> options;
    bool mayBeUnanswered = true;
    // Other words people write for a key ("有" → yes).
    QHash<QString, QString> aliases;
};

BackupOption opt(const char16_t *key, const char16_t *label)
{
    return {QString::fromUtf16(key), QString::fromUtf16(label)};
}

FieldOptions yesNo()
{
    FieldOptions f{{opt(u"yes", u"はい"), opt(u"no", u"いいえ")}, true, {}};
    for (const char16_t *w : {u"有", u"あり", u"有り", u"○", u"〇", u"true", u"y", u"済", u"実施済"})
        f.aliases.insert(QString::fromUtf16(w), QStringLiteral("yes"));
    for (const char16_t *w : {u"無", u"なし", u"無し", u"×", u"false", u"n", u"未", u"未実施"})
        f.aliases.insert(QString::fromUtf16(w), QStringLiteral("no"));
    return f;
}

QHash<QString, FieldOptions> build()
{
    QHash<QString, FieldOptions> o;
    o[QStringLiteral("target_system")] = {{opt(u"emr", u"電子カルテ"), opt(u"ordering", u"オーダリング"),
                                           opt(u"receipt", u"レセプト（医事会計）"),
                                           opt(u"pacs", u"PACS（画像）"), opt(u"other", u"その他")},
                                          false,
                                          {{QStringLiteral("電カル"), QStringLiteral("emr")},
                                           {QStringLiteral("レセプト"), QStringLiteral("receipt")},
                                           {QStringLiteral("医事会計"), QStringLiteral("receipt")},
                                           {QStringLiteral("PACS"), QStringLiteral("pacs")}}};
    o[QStringLiteral("method")] = {
        {opt(u"backup_server", u"バックアップサーバ"), opt(u"nas", u"NAS"), opt(u"tape", u"テープ（LTO等）"),
         opt(u"optical", u"光ディスク（BD/DVD）"), opt(u"external_hdd", u"外付けHDD"),
         opt(u"usb_memory", u"USBメモリ"), opt(u"cloud", u"クラウド"),
         opt(u"immutable_appliance", u"イミュータブルストレージ装置"), opt(u"other", u"その他")},
        true,
        {{QStringLiteral("テープ"), QStringLiteral("tape")},
         {QStringLiteral("LTO"), QStringLiteral("tape")},
         {QStringLiteral("光ディスク"), QStringLiteral("optical")},
         {QStringLiteral("BD"), QStringLiteral("optical")},
         {QStringLiteral("DVD"), QStringLiteral("optical")},
         {QStringLiteral("外付けハードディスク"), QStringLiteral("external_hdd")},
         {QStringLiteral("バックアップサーバー"), QStringLiteral("backup_server")}}};
    o[QStringLiteral("frequency")] = {{opt(u"daily", u"毎日"), opt(u"weekly", u"毎週"),
                                       opt(u"monthly", u"毎月"), opt(u"quarterly", u"3か月ごと"),
                                       opt(u"half_yearly", u"6か月ごと"), opt(u"yearly", u"1年ごと"),
                                       opt(u"irregular", u"不定期"), opt(u"not_updated", u"更新していない")},
                                      true,
                                      {{QStringLiteral("日次"), QStringLiteral("daily")},
                                       {QStringLiteral("週次"), QStringLiteral("weekly")},
                                       {QStringLiteral("月次"), QStringLiteral("monthly")}}};
    o[QStringLiteral("location")] = {{opt(u"same_room", u"サーバ室内"), opt(u"same_building", u"院内の別室"),
                                      opt(u"other_building", u"別棟"), opt(u"offsite", u"院外（遠隔地）"),
                                      opt(u"cloud", u"クラウド")},
                                     true,
                                     {{QStringLiteral("院外"), QStringLiteral("offsite")}}};
    o[QStringLiteral("separation")] = {
        {opt(u"always_connected", u"常時接続"),
         opt(u"physically_disconnected", u"取り外して保管（物理的に切り離し）"),
         opt(u"logically_separated", u"論理的に分離（経路・認証を分離）"),
         opt(u"immutable", u"追記のみ・書換不可（WORM/イミュータブル）"),
         opt(u"immutable_cloud", u"イミュータブル設定のクラウド")},
        true,
        {{QStringLiteral("物理的に切り離し"), QStringLiteral("physically_disconnected")},
         {QStringLiteral("取り外して保管"), QStringLiteral("physically_disconnected")},
         {QStringLiteral("論理的に分離"), QStringLiteral("logically_separated")},
         {QStringLiteral("WORM"), QStringLiteral("immutable")},
         {QStringLiteral("イミュータブル"), QStringLiteral("immutable")}}};
    o[QStringLiteral("reachable_with_emr_credentials")] = yesNo();
    o[QStringLiteral("restore_tested")] = yesNo();
    o[QStringLiteral("bcp")] = yesNo();
    o[QStringLiteral("media_on_existing")] = yesNo();
    o[QStringLiteral("planning_with_vendor")] = yesNo();
    o[QStringLiteral("already_operating")] = yesNo();
    o[QStringLiteral("documented_in")] = {
        {opt(u"vendor_contract", u"保守契約書"), opt(u"operations_rule", u"運用管理規程"),
         opt(u"both", u"保守契約書と運用管理規程"), opt(u"none", u"記載なし")},
        true,
        {{QStringLiteral("契約書"), QStringLiteral("vendor_contract")},
         {QStringLiteral("なし"), QStringLiteral("none")}}};
    o[QStringLiteral("new_server")] = {{opt(u"this_fiscal_year", u"今年度に調達"),
                                        opt(u"later_fiscal_year", u"次年度以降に調達"),
                                        opt(u"none", u"調達予定なし")},
                                       true,
                                       {{QStringLiteral("今年度"), QStringLiteral("this_fiscal_year")},
                                        {QStringLiteral("次年度以降"), QStringLiteral("later_fiscal_year")},
                                        {QStringLiteral("次年度"), QStringLiteral("later_fiscal_year")},
                                        {QStringLiteral("なし"), QStringLiteral("none")}}};
    o[QStringLiteral("state")] = {
        {opt(u"open", u"未完了"), opt(u"done", u"完了"), opt(u"not_needed", u"不要")},
        false,
        {{QStringLiteral("未"), QStringLiteral("open")}, {QStringLiteral("済"), QStringLiteral("done")}}};
    return o;
}

const QHash<QString, FieldOptions> &table()
{
    static const auto t = build();
    return t;
}

} // namespace

QList<BackupOption> BackupOptions::of(const QString &field)
{
    return table().value(field).options;
}

QStringList BackupOptions::keys(const QString &field)
{
    const auto it = table().constFind(field);
    if (it == table().constEnd())
        return {};
    QStringList keys;
    if (it->mayBeUnanswered)
        keys << QString();
    for (const BackupOption &o : it->options)
        keys << o.key;
    return keys;
}

QString BackupOptions::label(const QString &field, const QString &key)
{
    if (key.isEmpty())
        return QStringLiteral("未回答");
    for (const BackupOption &o : of(field)) {
        if (o.key == key)
            return o.label;
    }
    return key;
}

std::optional<QString> BackupOptions::parse(const QString &field, const QString &text)
{
    const auto it = table().constFind(field);
    if (it == table().constEnd())
        return std::nullopt;
    const QString t = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (t.isEmpty() || t == QStringLiteral("未回答"))
        return it->mayBeUnanswered ? std::optional<QString>(QString()) : std::nullopt;
    for (const BackupOption &o : it->options) {
        if (o.key.compare(t, Qt::CaseInsensitive) == 0 ||
            o.label.normalized(QString::NormalizationForm_KC) == t)
            return o.key;
    }
    for (auto a = it->aliases.constBegin(); a != it->aliases.constEnd(); ++a) {
        if (a.key().normalized(QString::NormalizationForm_KC).compare(t, Qt::CaseInsensitive) == 0)
            return a.value();
    }
    return std::nullopt;
}

QString BackupOptions::classLabel(SupportClass value)
{
    switch (value) {
    case SupportClass::SupportA:
        return QStringLiteral("支援A");
    case SupportClass::SupportB:
        return QStringLiteral("支援B");
    case SupportClass::SupportC:
        return QStringLiteral("支援C");
    case SupportClass::ReportOnly:
        return QStringLiteral("報告のみ");
    case SupportClass::NotApplicable:
        return QStringLiteral("対象外");
    case SupportClass::Unclassified:
        break;
    }
    return QStringLiteral("未判定");
}

QString BackupOptions::classSupport(SupportClass value)
{
    switch (value) {
    case SupportClass::SupportA:
        return QStringLiteral("今年度に新サーバ・媒体を調達。構築当日の現地支援");
    case SupportClass::SupportB:
        return QStringLiteral("次年度以降に調達。構築手順書を提供");
    case SupportClass::SupportC:
        return QStringLiteral("新サーバなし。既存機器に媒体を接続。計画策定を支援");
    case SupportClass::ReportOnly:
        return QStringLiteral("電子カルテベンダーと計画中。支援は不要、計画を報告");
    case SupportClass::NotApplicable:
        return QStringLiteral("オフラインバックアップを運用中。支援の対象外");
    case SupportClass::Unclassified:
        break;
    }
    return QStringLiteral("回答が揃うまで判定できません");
}

std::optional<SupportClass> BackupOptions::parseClass(const QString &text)
{
    const QString t = text.normalized(QString::NormalizationForm_KC).trimmed();
    for (const auto &[value, key] : kSupportClassKeys.entries()) {
        if (value == SupportClass::Unclassified)
            continue;
        const QString label = classLabel(value);
        if (t.compare(QString::fromUtf16(key), Qt::CaseInsensitive) == 0 || t == label ||
            (label.startsWith(QStringLiteral("支援")) && t.compare(label.mid(2), Qt::CaseInsensitive) == 0))
            return value;
    }
    return std::nullopt;
}

} // namespace fs::model
