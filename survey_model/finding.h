#pragma once

#include <QString>

namespace fs::model {

// 所見: something the survey found about a line, device or terminal (or the whole survey), with
// the programme's status (危険 / 注意 / —). Rule findings carry their rule_id and are recomputed
// when the facts change; the investigator's own have none. A dismissal needs a reason.
struct Finding
{
    qint64 id = 0;
    QString uuid;
    QString targetEntity; // survey, connection_point, device, terminal
    qint64 targetId = 0;
    QString status; // danger, caution, none
    QString category;
    QString text;
    QString evidence;
    QString recommendation;
    QString ruleId;
    bool needsConfirmation = false;
    bool dismissed = false;
    QString dismissedReason;
    bool deleted = false;

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace fs::model
