#pragma once

#include "finding.h"
#include "photo.h"
#include "pin.h"
#include "surveydata.h"

#include <QList>

namespace fs::model {

// How a pin is drawn: what is known of the thing it marks.
enum class PinStatus
{
    Done,    // linked, nothing missing on what it marks, and photographed
    Missing, // not linked, something still to capture, or no photo yet
    Finding, // what it marks (a line: or one of its devices) has an active 危険/注意 finding
};

class PinStatuses
{
public:
    PinStatuses(const SurveyData &data, const QList<Photo> &photos, const QList<Finding> &findings);
    [[nodiscard]] PinStatus of(const Pin &pin) const;

private:
    const SurveyData &m_data;
    const QList<Photo> &m_photos;
    const QList<Finding> &m_findings;
};

} // namespace fs::model
