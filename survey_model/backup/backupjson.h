#pragma once

#include "backupclassifier.h"
#include "error.h"

#include <QByteArray>
#include <QJsonObject>

namespace fs::model {

// The questionnaire as JSON: the answers file the office or an investigator fills in
// (`fieldsurvey-cli backup classify|answer FILE.json`) and what `backup show --json` prints. The
// keys are the stored column names (docs/backup.md); a choice may be written as its key
// ("physically_disconnected") or in the programme's words ("取り外して保管"), and yes/no answers
// also as true/false.
class BackupJson
{
public:
    static constexpr qsizetype kMaxInputBytes = 1024 * 1024;
    static constexpr int kMaxCopies = 200;
    static constexpr int kFormatVersion = 1;

    [[nodiscard]] static QJsonObject toJson(const BackupQuestionnaire &questionnaire);
    // The assessment (class, reasons, flags, each copy's judgement, checklist) as JSON.
    [[nodiscard]] static QJsonObject assessmentJson(const BackupAssessment &assessment);

    // Reads an answers file. Unknown keys, unknown choices, wrong types and more than kMaxCopies
    // copies are refused; every error names sourceName and the JSON path ("copies[1].method").
    [[nodiscard]] static Result<BackupQuestionnaire> fromJson(const QByteArray &bytes,
                                                              const QString &sourceName);
};

} // namespace fs::model
