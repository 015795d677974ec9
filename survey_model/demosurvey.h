#pragma once

#include "clock.h"
#include "error.h"
#include "surveydata.h"
#include "surveystore.h"

#include <memory>

namespace fs::model {

// The built-in demo survey: the fictional さぬき中央病院 of the reference workbook
// (resources/demo/demo_survey.json), visited on the day it is created.
class DemoSurvey
{
public:
    // The demo's data with day 1 planned for visitDate.
    [[nodiscard]] static Result<SurveyData> data(const QDate &visitDate);
    // The demo hospital's offline-backup questionnaire (resources/demo/demo_backup.json): 支援A.
    [[nodiscard]] static Result<BackupQuestionnaire> backupAnswers();

    // Writes a fresh demo survey at path, replacing an earlier demo file there (and refusing to
    // replace anything else). The replaced file is removed only after the new one is complete.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>>
    createOrReplace(const QString &path, const Clock &clock = Clock::system());
};

} // namespace fs::model
