#pragma once

#include "backupclassifier.h"
#include "backupquestionnaire.h"
#include "error.h"
#include "finding.h"
#include "photo.h"
#include "scanport.h"
#include "surveydata.h"

#include <QDate>
#include <QList>
#include <QString>

namespace fs::model {
class SurveyStore;
}

namespace fs::report {

// Everything the report and the Excel export show, read once from the survey: the captured data,
// the findings as they stand (stored judgment over what the rules raise now), the scans, the
// photos' metadata (images are read one at a time while writing), and the offline-backup
// questionnaire with its classification.
struct ReportData
{
    fs::model::SurveyData data;               // floor plans with pins (images stay in their blobs)
    QList<fs::model::Finding> findings;       // active and dismissed, danger first
    QList<fs::model::ScanPort> scanPorts;     // current ports (superseded ones left out)
    QList<fs::model::ScanHost> scanHosts;     // every imported host, matched or not
    QList<fs::model::ScanImport> scanImports; // the imported scanner outputs
    QList<fs::model::Photo> photos;
    QDate asOf;                                   // the evaluation date (the terminal step's visit day)
    fs::model::BackupQuestionnaire backup;        // the offline-backup questionnaire as answered
    fs::model::BackupAssessment backupAssessment; // its class, flags and checklist as of today

    [[nodiscard]] static fs::Result<ReportData> gather(const fs::model::SurveyStore &store,
                                                       const QDate &today);

    // Findings about one target ("connection_point", "device", "terminal", "survey"), active only.
    [[nodiscard]] QList<fs::model::Finding> activeFindings(const QString &entity, qint64 id) const;
    // A line's findings with those of its devices.
    [[nodiscard]] QList<fs::model::Finding> lineFindings(const fs::model::ConnectionPoint &cp) const;
    // What a finding is about, as the report names it: "CAF0001", "CAF0001 rtx-emr", "端末1 PC-01".
    [[nodiscard]] QString targetLabel(const fs::model::Finding &finding) const;
    [[nodiscard]] QString photoTargetLabel(const fs::model::Photo &photo) const;
};

// The programme's words for the stored keys (the report is always Japanese).
namespace labels {
[[nodiscard]] QString findingStatus(const QString &status);       // 危険 / 注意 / —
[[nodiscard]] QString checkEvaluation(const QString &evaluation); // 問題なし / 注意 / 危険 / 未評価
[[nodiscard]] QString checkItem(const QString &item);             // OS のバージョン, …
[[nodiscard]] QString emrReachability(fs::model::EmrReachability value);
[[nodiscard]] QString protection(fs::model::Protection value);
[[nodiscard]] QString pinKind(fs::model::PinKind kind);
[[nodiscard]] QString date(const QDate &date); // 2026年12月3日
} // namespace labels

} // namespace fs::report
