#pragma once

#include "enumkeys.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fs::model {

// One backup copy of a system as the hospital keeps it today (a row of backup_copy). Answers are
// the stored keys of BackupOptions ("tape", "physically_disconnected"); "" is unanswered.
struct BackupCopy
{
    qint64 id = 0;
    QString uuid;
    int position = 0;
    QString targetSystem = QStringLiteral("emr"); // emr, ordering, receipt, pacs, other
    QString method;                               // backup_server, nas, tape, …
    QString media;                                // free text: LTO-8, BD-R, 4TB HDD ×2
    QString frequency;                            // daily … not_updated
    std::optional<int> generations;               // 世代数
    QString location;                             // same_room … cloud
    QString separation;                           // always_connected … immutable_cloud
    QString reachableWithEmrCredentials;          // yes / no: a share the EMR LAN mounts
    QString note;

    friend bool operator==(const BackupCopy &, const BackupCopy &) = default;
};

// One item of the checklist of what the hospital must do (a row of backup_checklist).
struct BackupTask
{
    QString uuid;
    QString key;                            // see BackupClassifier::taskText
    QString state = QStringLiteral("open"); // open, done, not_needed (needs a reason)
    QString reason;
    QString note;

    friend bool operator==(const BackupTask &, const BackupTask &) = default;
};

// The hospital's offline-backup questionnaire (オフラインバックアップ調査票): its EMR, the
// backups it keeps today, and what it intends. One per survey.
struct BackupQuestionnaire
{
    QString uuid;
    QString emrProduct; // 電子カルテ製品名
    QString emrVendor;  // 電子カルテベンダー
    std::optional<int> patientCount;
    QString answeredBy;      // 回答者
    QString answeredOn;      // 回答日 YYYY-MM-DD
    QString restoreTested;   // yes / no
    QString restoreTestedOn; // YYYY-MM-DD
    QString documentedIn;    // vendor_contract, operations_rule, both, none
    QString bcp;             // yes / no
    // Intentions.
    QString newServer;          // this_fiscal_year, later_fiscal_year, none
    QString mediaOnExisting;    // yes / no: media attached to existing equipment
    QString planningWithVendor; // yes / no
    QString alreadyOperating;   // yes / no: offline backup already operating
    QString note;
    // The office's decision when it differs from the computed class.
    QString overrideClass; // a SupportClass key, "" for none
    QString overrideReason;
    QString overrideBy;
    QDateTime overrideAt;

    QList<BackupCopy> copies;    // in position order, removed ones left out
    QList<BackupTask> checklist; // every item the app knows

    friend bool operator==(const BackupQuestionnaire &, const BackupQuestionnaire &) = default;
};

// The support a hospital gets from the programme's offline-backup pillar.
enum class SupportClass
{
    Unclassified,  // 未判定: the answers do not decide yet
    SupportA,      // 支援A: new server and media procured this fiscal year; on-site build support
    SupportB,      // 支援B: procured next fiscal year or later; build procedures provided
    SupportC,      // 支援C: no new server; media attached to existing equipment; planning support
    ReportOnly,    // 報告のみ: planning with its EMR vendor; no support needed
    NotApplicable, // 対象外: offline backup already operating
};

inline constexpr EnumKeys<SupportClass, 6> kSupportClassKeys({{
    {SupportClass::Unclassified, u""},
    {SupportClass::SupportA, u"support_a"},
    {SupportClass::SupportB, u"support_b"},
    {SupportClass::SupportC, u"support_c"},
    {SupportClass::ReportOnly, u"report_only"},
    {SupportClass::NotApplicable, u"not_applicable"},
}});

// One answer's choices: the stored key and the programme's words.
struct BackupOption
{
    QString key;
    QString label;
};

// The choices of every answer of the questionnaire, shared by the store's checks, the JSON
// answers file, the form and the report.
class BackupOptions
{
public:
    // The choices of a field ("method", "separation", …), "" (unanswered) not included; empty
    // for a free-text field.
    [[nodiscard]] static QList<BackupOption> of(const QString &field);
    // The stored keys of a field, "" included when the field may be unanswered.
    [[nodiscard]] static QStringList keys(const QString &field);
    // The label of a key ("tape" → "テープ"); "未回答" for "".
    [[nodiscard]] static QString label(const QString &field, const QString &key);
    // A key from a key or a label as a person writes it ("テープ", "tape", "はい"); nullopt when
    // it is neither.
    [[nodiscard]] static std::optional<QString> parse(const QString &field, const QString &text);

    // 支援A … 対象外, 未判定 for Unclassified.
    [[nodiscard]] static QString classLabel(SupportClass value);
    // What the programme gives a hospital of the class.
    [[nodiscard]] static QString classSupport(SupportClass value);
    // A class from its key or its label ("support_b", "支援B", "B").
    [[nodiscard]] static std::optional<SupportClass> parseClass(const QString &text);
};

} // namespace fs::model
