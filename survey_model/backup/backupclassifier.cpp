#include "backupclassifier.h"

namespace fs::model {

namespace {

using Kind = BackupFlag::Kind;

QString label(const char *field, const QString &key)
{
    return BackupOptions::label(QString::fromLatin1(field), key);
}

// "No.2（テープ（LTO等）・取り外して保管）".
QString copyName(const BackupCopy &copy, int number)
{
    QStringList parts;
    if (!copy.method.isEmpty())
        parts << label("method", copy.method);
    if (!copy.media.trimmed().isEmpty())
        parts << copy.media.trimmed();
    return parts.isEmpty() ? QStringLiteral("No.%1").arg(number)
                           : QStringLiteral("No.%1（%2）").arg(number).arg(parts.join(QStringLiteral("・")));
}

bool isCloudMethod(const BackupCopy &copy)
{
    return copy.method == QStringLiteral("cloud");
}

struct Item
{
    const char *key;
    const char16_t *text;
};

// Every checklist item, in display order. Adding one needs a migration that inserts its row.
constexpr Item kItems[] = {
    {"procure_this_year", u"新サーバ・バックアップ媒体を今年度中に調達する（見積・発注・納品）"},
    {"budget_later_year", u"次年度以降の調達を予算化し、調達時期を事務局へ報告する"},
    {"procure_media", u"既存機器に接続するバックアップ媒体（外付けHDD・テープ等）を調達する"},
    {"maintenance_contract", u"バックアップ装置・媒体の保守契約を手配する"},
    {"vendor_settings",
     u"電子カルテベンダーにバックアップ設定（取得対象・頻度・世代管理・オフライン化）を依頼する"},
    {"attend_build_day", u"構築当日に院内担当者と電子カルテベンダーが立ち会う"},
    {"build_by_procedure", u"提供される構築手順書に沿って構築し、完了を事務局へ報告する"},
    {"planning_meeting", u"計画策定支援の打合せに出席する"},
    {"media_rotation", u"媒体の取り外し・保管場所・交換の運用を決め、担当者を定める"},
    {"report_vendor_plan", u"電子カルテベンダーとの計画内容と実施時期を事務局へ報告する"},
    {"document_rule", u"オフライン保管の方法を保守契約書または運用管理規程に記載する（疑義解釈その8）"},
    {"restore_test", u"オフラインのバックアップから復旧できることをテストし、復旧手順を整備する"},
    {"show_evidence", u"運用中のオフラインバックアップを示す資料（手順書・契約書・写真）を提出する"},
};

QStringList keysOf(std::initializer_list<const char *> keys)
{
    QStringList list;
    for (const char *k : keys)
        list << QString::fromLatin1(k);
    return list;
}

} // namespace

int BackupAssessment::contradictionCount() const
{
    int n = 0;
    for (const BackupFlag &f : flags)
        n += f.kind == BackupFlag::Kind::Contradiction ? 1 : 0;
    return n;
}

QString BackupClassifier::offlineLabel(OfflineJudgement value)
{
    switch (value) {
    case OfflineJudgement::Offline:
        return QStringLiteral("オフライン");
    case OfflineJudgement::Online:
        return QStringLiteral("オフラインではない");
    case OfflineJudgement::Unknown:
        break;
    }
    return QStringLiteral("判定不可");
}

BackupCopyJudgement BackupClassifier::judge(const BackupCopy &copy, int number)
{
    BackupCopyJudgement j{copy.uuid, number, OfflineJudgement::Unknown, {}};
    const QString &s = copy.separation;
    if (s.isEmpty()) {
        j.reason = QStringLiteral("ネットワークからの切り離し方が未回答");
    } else if (s == QStringLiteral("always_connected")) {
        j.offline = OfflineJudgement::Online;
        j.reason = QStringLiteral("常時接続のため、ランサムウェアが到達し得る");
    } else if (s == QStringLiteral("physically_disconnected")) {
        if (isCloudMethod(copy)) {
            j.reason = QStringLiteral("クラウドを「取り外して保管」とは扱えない");
        } else {
            j.offline = OfflineJudgement::Offline;
            j.reason = QStringLiteral("バックアップ後に取り外して保管（物理的な切り離し）");
        }
    } else if (s == QStringLiteral("logically_separated")) {
        if (copy.reachableWithEmrCredentials == QStringLiteral("yes")) {
            j.offline = OfflineJudgement::Online;
            j.reason =
                QStringLiteral("電子カルテのLANから同じ認証情報で到達できるため、論理的な分離にならない");
        } else if (copy.reachableWithEmrCredentials.isEmpty()) {
            j.reason = QStringLiteral("電子カルテのLANから同じ認証情報で到達できるかが未回答");
        } else {
            j.offline = OfflineJudgement::Offline;
            j.reason = QStringLiteral("経路・認証情報ともに電子カルテのLANから分離（論理的な切り離し）");
        }
    } else if (s == QStringLiteral("immutable")) {
        j.offline = OfflineJudgement::Offline;
        j.reason = QStringLiteral("追記のみ・書換不可の設定（イミュータブル）");
    } else if (s == QStringLiteral("immutable_cloud")) {
        if (!copy.method.isEmpty() && !isCloudMethod(copy) && copy.location != QStringLiteral("cloud")) {
            j.reason = QStringLiteral("方式がクラウドではないのに「イミュータブル設定のクラウド」と回答");
        } else {
            j.offline = OfflineJudgement::Offline;
            j.reason = QStringLiteral("イミュータブル設定のクラウドストレージ");
        }
    }
    if (j.offline == OfflineJudgement::Offline && copy.frequency == QStringLiteral("not_updated")) {
        j.offline = OfflineJudgement::Online;
        j.reason = QStringLiteral("オフラインだが更新されていないため、運用中とはいえない");
    }
    return j;
}

BackupAssessment BackupClassifier::assess(const BackupQuestionnaire &q, const QDate &today)
{
    BackupAssessment a;
    const auto flag = [&a](Kind kind, const char *code, const QString &text) {
        a.flags.append(BackupFlag{kind, QString::fromLatin1(code), text});
    };
    const QString yes = QStringLiteral("yes");
    const QString no = QStringLiteral("no");

    // ---- each copy
    QStringList offlineEmr; // names of EMR copies offline today
    int emrCopies = 0;
    int emrUnknown = 0;
    QStringList methods;
    for (qsizetype i = 0; i < q.copies.size(); ++i) {
        const BackupCopy &c = q.copies[i];
        const int number = int(i) + 1;
        const BackupCopyJudgement j = judge(c, number);
        a.copies.append(j);
        const QString name = copyName(c, number);
        if (c.targetSystem == QStringLiteral("emr")) {
            ++emrCopies;
            if (!c.method.isEmpty() && !methods.contains(c.method))
                methods << c.method;
            if (j.offline == OfflineJudgement::Offline)
                offlineEmr << QStringLiteral("%1：%2").arg(name, j.reason);
            else if (j.offline == OfflineJudgement::Unknown)
                ++emrUnknown;
        }
        if (c.separation == QStringLiteral("physically_disconnected") && isCloudMethod(c))
            flag(Kind::Contradiction, "cloud_physically_disconnected",
                 QStringLiteral("%1：方式がクラウドなのに「取り外して保管」と回答されています").arg(name));
        if (c.separation == QStringLiteral("immutable_cloud") && !c.method.isEmpty() && !isCloudMethod(c) &&
            c.location != QStringLiteral("cloud"))
            flag(Kind::Contradiction, "immutable_cloud_not_cloud",
                 QStringLiteral("%1：方式が%2なのに「イミュータブル設定のクラウド」と回答されています")
                     .arg(name, label("method", c.method)));
        if (c.separation == QStringLiteral("logically_separated") && c.reachableWithEmrCredentials == yes)
            flag(Kind::Contradiction, "separated_but_reachable",
                 QStringLiteral("%1：「論理的に分離」と回答されていますが、電子カルテのLANから同じ認証情報で"
                                "到達できます。オフラインとはみなせません")
                     .arg(name));
        if (c.separation == QStringLiteral("always_connected") && c.reachableWithEmrCredentials == no &&
            c.method == QStringLiteral("nas"))
            flag(Kind::Check, "connected_not_reachable",
                 QStringLiteral("%1：常時接続なのに電子カルテから到達できないと回答されています。"
                                "論理的に分離されているなら「論理的に分離」に直してください")
                     .arg(name));
        if (c.generations && *c.generations < 1)
            flag(Kind::Contradiction, "generations_not_positive",
                 QStringLiteral("%1：世代数 %2 はバックアップがあることと矛盾します")
                     .arg(name)
                     .arg(*c.generations));
        if (c.location == QStringLiteral("cloud") && !c.method.isEmpty() && !isCloudMethod(c) &&
            c.method != QStringLiteral("other"))
            flag(Kind::Check, "cloud_location_not_cloud",
                 QStringLiteral("%1：保管場所がクラウドなのに方式が%2です")
                     .arg(name, label("method", c.method)));
        if (c.frequency == QStringLiteral("not_updated") &&
            j.reason.contains(QStringLiteral("更新されていない")))
            flag(Kind::Check, "offline_not_updated",
                 QStringLiteral("%1：オフラインのコピーが更新されていません").arg(name));
    }

    // ---- the questionnaire's own answers
    const QDate restoreOn = QDate::fromString(q.restoreTestedOn, Qt::ISODate);
    if (q.restoreTested == yes && q.restoreTestedOn.isEmpty())
        flag(Kind::Check, "restore_date_missing",
             QStringLiteral("復旧テストを実施済と回答されていますが、実施日がありません"));
    if (q.restoreTested == no && !q.restoreTestedOn.isEmpty())
        flag(Kind::Contradiction, "restore_date_without_test",
             QStringLiteral("復旧テストは未実施と回答されていますが、実施日 %1 が記入されています")
                 .arg(q.restoreTestedOn));
    if (restoreOn.isValid() && today.isValid() && restoreOn > today)
        flag(Kind::Contradiction, "restore_date_future",
             QStringLiteral("復旧テストの実施日 %1 が未来の日付です").arg(q.restoreTestedOn));
    const QDate answeredOn = QDate::fromString(q.answeredOn, Qt::ISODate);
    if (answeredOn.isValid() && today.isValid() && answeredOn > today)
        flag(Kind::Contradiction, "answered_future",
             QStringLiteral("回答日 %1 が未来の日付です").arg(q.answeredOn));
    if (q.patientCount && *q.patientCount < 0)
        flag(Kind::Contradiction, "patient_count_negative",
             QStringLiteral("患者数 %1 は負の数です").arg(*q.patientCount));
    if (!q.copies.isEmpty() && emrCopies == 0)
        flag(Kind::Check, "no_emr_copy",
             QStringLiteral("電子カルテのバックアップが記入されていません（他システムのみ）"));

    const bool procures = q.newServer == QStringLiteral("this_fiscal_year") ||
                          q.newServer == QStringLiteral("later_fiscal_year");
    const bool offlineToday = !offlineEmr.isEmpty();
    // The hospital says it operates one and no copy it listed says otherwise.
    const bool operatingUnverified =
        !offlineToday && q.alreadyOperating == yes && (emrCopies == 0 || emrUnknown == emrCopies);
    const bool operatingDenied = !offlineToday && q.alreadyOperating == yes && !operatingUnverified;

    if (operatingDenied)
        flag(Kind::Contradiction, "operating_but_online",
             QStringLiteral(
                 "オフラインバックアップを運用中と回答されていますが、記入された電子カルテのバックアップに"
                 "オフラインのものがありません"));
    if (offlineToday && q.alreadyOperating == no)
        flag(Kind::Contradiction, "offline_but_not_operating",
             QStringLiteral("オフラインバックアップは運用していないと回答されていますが、%1 はオフラインです")
                 .arg(offlineEmr.first().section(QStringLiteral("："), 0, 0)));
    if (operatingUnverified)
        flag(Kind::Check, "operating_unverified",
             emrCopies == 0
                 ? QStringLiteral("オフラインバックアップを運用中と回答されていますが、バックアップの内容が"
                                  "記入されていません。方式と切り離し方を確認してください")
                 : QStringLiteral("オフラインバックアップを運用中と回答されていますが、切り離し方が未回答の"
                                  "ため確認できません"));
    if ((offlineToday || operatingUnverified) && procures)
        flag(Kind::Check, "operating_and_procuring",
             QStringLiteral("オフラインバックアップを運用中ですが、新サーバの調達も予定されています。"
                            "運用中の病院は本事業の支援対象外です"));
    if (q.newServer == QStringLiteral("none") && (q.alreadyOperating == yes || offlineToday) &&
        q.mediaOnExisting == yes)
        flag(Kind::Check, "operating_and_media",
             QStringLiteral("オフラインバックアップを運用中ですが、既存機器への媒体接続も予定されています"));
    if (procures && q.mediaOnExisting == yes)
        flag(Kind::Check, "procure_and_media",
             QStringLiteral("新サーバの調達と既存機器への媒体接続の両方が回答されています。新サーバの調達で"
                            "判定しました"));
    if (q.mediaOnExisting == yes && q.planningWithVendor == yes && !procures)
        flag(Kind::Check, "media_and_vendor_plan",
             QStringLiteral("既存機器への媒体接続と電子カルテベンダーとの計画の両方が回答されています。"
                            "支援Cとしました。ベンダーが構築まで行うなら報告のみに変更してください"));
    if (q.newServer == QStringLiteral("none") && q.mediaOnExisting == no && q.planningWithVendor == no &&
        q.alreadyOperating != yes && !offlineToday)
        flag(Kind::Check, "no_plan",
             QStringLiteral("オフラインバックアップがなく、新サーバ・媒体・ベンダーとの計画のいずれの予定も"
                            "ありません"));
    if (offlineToday && methods.size() == 1)
        flag(Kind::Check, "single_method",
             QStringLiteral("電子カルテのバックアップが1つの方式だけです。診療録管理体制加算1の要件は"
                            "複数の方式での確保です"));
    if (offlineToday && q.documentedIn == QStringLiteral("none"))
        flag(Kind::Check, "not_documented",
             QStringLiteral("オフライン保管の方法が保守契約書にも運用管理規程にも記載されていません"
                            "（疑義解釈その8）"));
    if (offlineToday && q.restoreTested == no)
        flag(Kind::Check, "restore_not_tested",
             QStringLiteral("オフラインのバックアップからの復旧テストが未実施です"));

    // ---- the class
    if (offlineToday) {
        a.computed = SupportClass::NotApplicable;
        a.reasons << QStringLiteral("電子カルテのオフラインバックアップを運用中");
        a.reasons << offlineEmr;
    } else if (operatingUnverified) {
        a.computed = SupportClass::NotApplicable;
        a.reasons << QStringLiteral("オフラインバックアップを運用中と回答（内容は要確認）");
    } else if (q.newServer == QStringLiteral("this_fiscal_year")) {
        a.computed = SupportClass::SupportA;
        a.reasons << QStringLiteral("新サーバ・媒体を今年度に調達する予定");
    } else if (q.newServer == QStringLiteral("later_fiscal_year")) {
        a.computed = SupportClass::SupportB;
        a.reasons << QStringLiteral("新サーバ・媒体を次年度以降に調達する予定");
    } else if (q.mediaOnExisting == yes) {
        a.computed = SupportClass::SupportC;
        a.reasons << QStringLiteral("新サーバの調達予定はなく、既存機器に媒体を接続する予定");
    } else if (q.planningWithVendor == yes) {
        a.computed = SupportClass::ReportOnly;
        a.reasons << QStringLiteral("電子カルテベンダーとオフラインバックアップを計画中");
    } else {
        a.computed = SupportClass::Unclassified;
        a.reasons << QStringLiteral("オフラインバックアップがなく、予定の回答からも支援区分が決まりません");
    }
    if (!offlineToday && a.computed != SupportClass::NotApplicable) {
        if (q.copies.isEmpty())
            a.reasons << QStringLiteral("現在のバックアップの記入なし");
        else
            a.reasons << QStringLiteral("現在の電子カルテのバックアップにオフラインのものなし");
    }
    if (a.computed == SupportClass::Unclassified || a.computed == SupportClass::SupportC ||
        a.computed == SupportClass::ReportOnly) {
        if (q.newServer.isEmpty())
            a.missing << QStringLiteral("新サーバの調達予定");
    }
    if (a.computed == SupportClass::Unclassified) {
        if (q.mediaOnExisting.isEmpty())
            a.missing << QStringLiteral("既存機器への媒体接続の予定");
        if (q.planningWithVendor.isEmpty())
            a.missing << QStringLiteral("電子カルテベンダーとの計画");
        if (q.alreadyOperating.isEmpty())
            a.missing << QStringLiteral("オフラインバックアップの運用状況");
    }
    if (q.copies.isEmpty())
        a.missing << QStringLiteral("現在のバックアップ（方式・切り離し方）");

    // ---- the office's decision and the checklist
    a.effective = a.computed;
    if (const auto o = kSupportClassKeys.parse(q.overrideClass);
        o && *o != SupportClass::Unclassified && !q.overrideReason.trimmed().isEmpty()) {
        a.effective = *o;
        a.overridden = true;
    }
    for (const QString &key : taskKeys(a.effective)) {
        BackupChecklistLine line{key, taskText(key), QStringLiteral("open"), {}, {}, {}};
        for (const BackupTask &t : q.checklist) {
            if (t.key == key) {
                line.state = t.state;
                line.reason = t.reason;
                line.note = t.note;
                line.uuid = t.uuid;
            }
        }
        a.checklist.append(line);
    }
    return a;
}

QList<FieldChange> BackupClassifier::overrideChanges(const QString &questionnaireUuid, SupportClass value,
                                                     const QString &reason, const QString &by,
                                                     const QDateTime &at)
{
    const auto ref = [&questionnaireUuid](const char *field) {
        return FieldRef{Entity::BackupQuestionnaire, questionnaireUuid, QString::fromLatin1(field)};
    };
    const bool set = value != SupportClass::Unclassified;
    return {{ref("override_class"), kSupportClassKeys.key(value)},
            {ref("override_reason"), set ? reason.trimmed() : QString()},
            {ref("override_by"), set ? by : QString()},
            {ref("override_at"), set ? QVariant(at) : QVariant()}};
}

QStringList BackupClassifier::taskKeys(SupportClass value)
{
    switch (value) {
    case SupportClass::SupportA:
        return keysOf({"procure_this_year", "maintenance_contract", "vendor_settings", "attend_build_day",
                       "media_rotation", "document_rule", "restore_test"});
    case SupportClass::SupportB:
        return keysOf({"budget_later_year", "maintenance_contract", "vendor_settings", "build_by_procedure",
                       "media_rotation", "document_rule", "restore_test"});
    case SupportClass::SupportC:
        return keysOf({"procure_media", "maintenance_contract", "vendor_settings", "planning_meeting",
                       "media_rotation", "document_rule", "restore_test"});
    case SupportClass::ReportOnly:
        return keysOf({"report_vendor_plan", "vendor_settings", "document_rule", "restore_test"});
    case SupportClass::NotApplicable:
        return keysOf({"show_evidence", "document_rule", "restore_test"});
    case SupportClass::Unclassified:
        break;
    }
    return {};
}

QStringList BackupClassifier::allTaskKeys()
{
    QStringList keys;
    for (const Item &item : kItems)
        keys << QString::fromLatin1(item.key);
    return keys;
}

QString BackupClassifier::taskText(const QString &key)
{
    for (const Item &item : kItems) {
        if (key == QLatin1String(item.key))
            return QString::fromUtf16(item.text);
    }
    return key;
}

} // namespace fs::model
