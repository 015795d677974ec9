#pragma once

#include "backupquestionnaire.h"
#include "fieldref.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// Whether a copy is offline in the programme's sense (疑義解釈その7): media physically
// disconnected, a logically separated network with no route or credentials from the EMR LAN, or
// append-only / immutable storage (on premises or in the cloud) that can be restored from.
enum class OfflineJudgement
{
    Offline,
    Online,
    Unknown, // an answer is missing or contradicts another
};

struct BackupCopyJudgement
{
    QString uuid;
    int number = 0; // 1-based, in the questionnaire's order
    OfflineJudgement offline = OfflineJudgement::Unknown;
    QString reason; // why, in the programme's words
};

// Something in the answers the office must look at.
struct BackupFlag
{
    enum class Kind
    {
        Contradiction, // 矛盾: two answers cannot both be true
        Check,         // 要確認: possible, but the office should confirm
    };
    Kind kind = Kind::Check;
    QString code; // stable: "operating_but_online", …
    QString text;
};

// One line of the checklist of what the hospital must do for its class.
struct BackupChecklistLine
{
    QString key;
    QString text;
    QString state = QStringLiteral("open");
    QString reason;
    QString note;
    QString uuid;
};

// The classification of one questionnaire.
struct BackupAssessment
{
    SupportClass computed = SupportClass::Unclassified;
    SupportClass effective = SupportClass::Unclassified; // the office's override, else computed
    bool overridden = false;
    QStringList reasons; // why the computed class, in order
    QStringList missing; // answers the classification still needs
    QList<BackupFlag> flags;
    QList<BackupCopyJudgement> copies;
    QList<BackupChecklistLine> checklist; // the effective class's items, with their state

    [[nodiscard]] int contradictionCount() const;
};

// Decides the support class from the questionnaire (see docs/backup.md for the table):
//   対象外  — an EMR copy is offline today (and kept up to date), or the hospital says one is
//             operating and no answer says otherwise;
//   支援A  — a new server is procured this fiscal year;
//   支援B  — a new server is procured next fiscal year or later;
//   支援C  — no new server; media attached to existing equipment;
//   報告のみ — planning with the EMR vendor;
//   未判定  — none of these answered yet.
class BackupClassifier
{
public:
    // today dates the checks of answered dates (a restore test in the future is a contradiction).
    [[nodiscard]] static BackupAssessment assess(const BackupQuestionnaire &questionnaire,
                                                 const QDate &today);
    [[nodiscard]] static BackupCopyJudgement judge(const BackupCopy &copy, int number);

    // The checklist item keys of a class, in the order they are shown.
    [[nodiscard]] static QStringList taskKeys(SupportClass value);
    // Every item key the app knows (a row of backup_checklist each).
    [[nodiscard]] static QStringList allTaskKeys();
    [[nodiscard]] static QString taskText(const QString &key);
    // The edit that records the office's decision on a questionnaire (who and when included), or
    // removes it for Unclassified: one undo step, one audit row per field.
    [[nodiscard]] static QList<FieldChange> overrideChanges(const QString &questionnaireUuid,
                                                            SupportClass value, const QString &reason,
                                                            const QString &by, const QDateTime &at);
    // 「オフライン」「オフラインではない」「判定不可」.
    [[nodiscard]] static QString offlineLabel(OfflineJudgement value);
};

} // namespace fs::model
