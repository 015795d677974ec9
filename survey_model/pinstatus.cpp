#include "pinstatus.h"

#include "surveyprogress.h"

#include <algorithm>

namespace fs::model {

PinStatuses::PinStatuses(const SurveyData &data, const QList<Photo> &photos, const QList<Finding> &findings)
    : m_data(data)
    , m_photos(photos)
    , m_findings(findings)
{
}

PinStatus PinStatuses::of(const Pin &pin) const
{
    // What the pin marks, as (entity, id) pairs: a line brings its devices along.
    QList<std::pair<QString, qint64>> marked;
    QList<MissingItem> missing;
    const QString line = QStringLiteral("connection_point");
    const QString device = QStringLiteral("device");
    const QString terminal = QStringLiteral("terminal");
    for (const ConnectionPoint &cp : m_data.connectionPoints) {
        const bool isLine = pin.targetEntity == line && cp.id == pin.targetId;
        const auto d = std::find_if(cp.devices.cbegin(), cp.devices.cend(), [&](const Device &x) {
            return pin.targetEntity == device && x.id == pin.targetId;
        });
        if (!isLine && d == cp.devices.cend())
            continue;
        const QList<MissingItem> lineMissing = SurveyProgress::lineMissing(cp, m_photos);
        if (isLine) {
            marked << std::pair{line, cp.id};
            for (const Device &x : cp.devices)
                marked << std::pair{device, x.id};
            missing = lineMissing;
        } else {
            marked << std::pair{device, d->id};
            for (const MissingItem &item : lineMissing) {
                if (item.uuid == d->uuid)
                    missing << item;
            }
        }
    }
    for (const Terminal &t : m_data.terminals) {
        if (pin.targetEntity == terminal && t.id == pin.targetId) {
            marked << std::pair{terminal, t.id};
            missing = SurveyProgress::terminalMissing(t);
        }
    }
    if (marked.isEmpty())
        return PinStatus::Missing; // not linked, or linked to something removed
    for (const Finding &f : m_findings) {
        if (f.isActive() && (f.status == QStringLiteral("danger") || f.status == QStringLiteral("caution")) &&
            marked.contains(std::pair{f.targetEntity, f.targetId}))
            return PinStatus::Finding;
    }
    const bool photographed = std::any_of(m_photos.cbegin(), m_photos.cend(), [&](const Photo &p) {
        return (p.target.entity == QStringLiteral("pin") && p.target.id == pin.id) ||
               (p.target.entity == marked.constFirst().first && p.target.id == marked.constFirst().second);
    });
    return missing.isEmpty() && photographed ? PinStatus::Done : PinStatus::Missing;
}

} // namespace fs::model
