#pragma once

#include <QDateTime>
#include <QString>

namespace fs::model {

// A team lead's comment on one item of a survey (a line, device, terminal, finding, photo, pin,
// floor plan, or the survey itself), resolved by the investigator when dealt with. Comments made
// on the portal's record (kintone's own comments) carry their remote id and target the survey.
struct ReviewComment
{
    qint64 id = 0;
    QString uuid;
    QString
        targetEntity; // survey, hospital, connection_point, device, terminal, finding, photo, pin, floor_plan
    QString targetUuid;
    QString author;
    QString body;
    QDateTime createdAt;
    QDateTime resolvedAt; // invalid while open
    QString resolvedBy;
    QString remoteId; // the portal comment's id, for comments made in kintone itself

    [[nodiscard]] bool isOpen() const { return !resolvedAt.isValid(); }

    friend bool operator==(const ReviewComment &, const ReviewComment &) = default;
};

} // namespace fs::model
