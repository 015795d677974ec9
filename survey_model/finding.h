#pragma once

#include <QDateTime>
#include <QString>

namespace fs::model {

// 所見: something the survey found about a line, device or terminal (or the whole survey), with
// the programme's status (危険 / 注意 / —). Rule findings carry their rule_id and are recomputed
// when the facts change; the investigator's own have none. A dismissal needs a reason. Once the
// investigator has changed a rule finding (editedAt set), the rules leave it alone.
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
    QDateTime dismissedAt;
    QString dismissedBy;
    QDateTime editedAt; // set when the investigator changed status, text or recommendation
    QString editedBy;
    bool deleted = false;

    [[nodiscard]] bool isRuleFinding() const { return !ruleId.isEmpty(); }
    // What a rule finds once per target ("device/12/device.firmware.kev"): the store and the
    // engine match stored and raised findings by it.
    [[nodiscard]] QString ruleKey() const
    {
        return targetEntity + QLatin1Char('/') + QString::number(targetId) + QLatin1Char('/') + ruleId;
    }
    [[nodiscard]] bool isEdited() const { return editedAt.isValid(); }
    // Counts in the report and the status of its target: not dismissed, not removed.
    [[nodiscard]] bool isActive() const { return !dismissed && !deleted; }

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace fs::model
