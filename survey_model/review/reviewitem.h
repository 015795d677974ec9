#pragma once

#include <QList>
#include <QString>

namespace fs::model {

// One row of one survey that a team lead can open from the portfolio or from a chart: a line,
// device, terminal, finding or photo (or the survey itself), with a label for lists.
struct ReviewItem
{
    QString surveyPath;   // the survey file
    QString hospitalName; // for lists across surveys
    QString entity;       // survey, connection_point, device, terminal, finding, photo
    QString uuid;
    QString label; // "CAF0003 インターネットVPN", "端末 2（PC-ER-01）", a finding's text

    friend bool operator==(const ReviewItem &, const ReviewItem &) = default;
};

} // namespace fs::model
