#pragma once

#include "error.h"
#include "surveydata.h"

#include <QByteArray>
#include <QJsonObject>

namespace fs::model {

// A survey as JSON: what `fieldsurvey-cli show SURVEY --json` prints and the format of the
// built-in demo survey. The hospital, contacts, lines and terminals use the field names of
// ../shared/corpus/intake/*.expected.json; workbook values stay the sheet's own words. What is
// captured on site (a device's current facts, a terminal's checks, a day's attendees) is in
// optional keys: a file without them reads as before.
class SurveyJson
{
public:
    // Larger input is refused before parsing.
    static constexpr qsizetype kMaxInputBytes = 16 * 1024 * 1024;
    static constexpr int kFormatVersion = 1;

    [[nodiscard]] static QJsonObject toJson(const SurveyData &data);
    [[nodiscard]] static QByteArray toBytes(const SurveyData &data);

    // Reads a survey; sourceName (a file name) prefixes every error detail, with the line and
    // column of a syntax error or the JSON path of a wrong value ("lines[2].no").
    [[nodiscard]] static Result<SurveyData> fromJson(const QByteArray &bytes, const QString &sourceName);
};

} // namespace fs::model
