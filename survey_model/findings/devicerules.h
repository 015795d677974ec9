#pragma once

#include "device.h"
#include "finding.h"
#include "vulnkb.h"

#include <QList>
#include <QString>

namespace fs::model {

// One variant of a device rule: its stable id, which case it covers, its status and the
// programme's words ("%1" in text is the product and firmware, e.g. "FortiOS 6.0.4").
// docs/firmware-rules.md lists the table.
struct DeviceRule
{
    QString id;
    QString variant; // exploitable, feature_unknown, feature_off
    QString status;  // danger, caution
    QString text;
    QString recommendation;
};

// Rules on a router, UTM or firewall (機器) from its collected facts.
class DeviceRules
{
public:
    // The firmware is in a known-exploited (CISA KEV) range.
    static inline const QString kFirmwareKev = QStringLiteral("device.firmware.kev");
    static inline const QString kCategory = QStringLiteral("ファームウェア");

    [[nodiscard]] static const QList<DeviceRule> &rules();
    // At most one finding per rule id; target "device" and the device's id, uuid empty.
    [[nodiscard]] static QList<Finding> evaluate(const Device &device, const VulnKb &kb = VulnKb::builtIn());
};

} // namespace fs::model
