#include "reviewtargettext.h"

#include "timetext.h"

namespace fs::app {

QString ReviewTargetText::describe(const QString &entity, const QString &uuid,
                                   const fs::model::SurveyData &data, const QList<fs::model::Photo> &photos,
                                   const QList<fs::model::Finding> &findings)
{
    if (entity == QStringLiteral("survey") || entity == QStringLiteral("hospital"))
        return tr("Whole survey");
    for (const auto &line : data.connectionPoints) {
        if (entity == QStringLiteral("connection_point") && line.uuid == uuid)
            return tr("Line %1").arg(line.cafId);
        for (const auto &d : line.devices) {
            if (entity == QStringLiteral("device") && d.uuid == uuid) {
                const QString name = QStringList{d.maker, d.model}.join(QLatin1Char(' ')).trimmed();
                return tr("Device %1 (%2)").arg(name.isEmpty() ? d.hostname : name, line.cafId);
            }
        }
    }
    for (const auto &t : data.terminals) {
        if (entity == QStringLiteral("terminal") && t.uuid == uuid)
            return t.hostname.isEmpty() ? tr("Terminal %1").arg(t.terminalNo)
                                        : tr("Terminal %1 (%2)").arg(t.terminalNo).arg(t.hostname);
    }
    for (const auto &f : findings) {
        if (entity == QStringLiteral("finding") && f.uuid == uuid)
            return tr("Finding: %1").arg(f.text.left(40));
    }
    for (const auto &p : photos) {
        if (entity == QStringLiteral("photo") && p.uuid == uuid)
            return tr("Photo %1").arg(p.caption.isEmpty() ? p.originalName : p.caption);
    }
    for (const auto &plan : data.floorPlans) {
        if (entity == QStringLiteral("floor_plan") && plan.uuid == uuid)
            return tr("Floor plan %1").arg(plan.title);
        for (const auto &pin : plan.pins) {
            if (entity == QStringLiteral("pin") && pin.uuid == uuid)
                return tr("Pin %1 on %2").arg(pin.label, plan.title);
        }
    }
    return tr("Removed item");
}

QString ReviewTargetText::line(const fs::model::ReviewComment &comment, const QString &target)
{
    return tr("%1 — %2 (%3, %4)", "target — comment (author, time)")
        .arg(target, comment.body.simplified(), comment.author, when(comment.createdAt));
}

QString ReviewTargetText::when(const QDateTime &time)
{
    return TimeText::japanTime(time);
}

} // namespace fs::app
