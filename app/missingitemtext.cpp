#include "missingitemtext.h"

#include "modellabels.h"

namespace fs::app {

QString MissingItemText::describe(const fs::model::MissingItem &item)
{
    const QString subject = about(item);
    return subject.isEmpty() ? brief(item)
                             : tr("%1: %2", "subject: what is missing").arg(subject, brief(item));
}

QString MissingItemText::about(const fs::model::MissingItem &item)
{
    using fs::model::Entity;
    switch (item.entity) {
    case Entity::ConnectionPoint:
        return item.subject;
    case Entity::Device:
        return item.subject.section(QStringLiteral(" / "), 0, 0);
    case Entity::Terminal:
        return tr("Terminal %1").arg(item.subject);
    default:
        return {};
    }
}

QString MissingItemText::brief(const fs::model::MissingItem &item)
{
    using Kind = fs::model::MissingItem::Kind;
    const QString device = item.subject.section(QStringLiteral(" / "), 1);
    switch (item.kind) {
    case Kind::ArrivalTime:
        return tr("Arrival time not recorded");
    case Kind::Attendees:
        return tr("Who attends for the hospital is not entered");
    case Kind::StepFinished:
        return tr("End time not recorded");
    case Kind::DepartureTime:
        return tr("Departure time not recorded");
    case Kind::OnuLocation:
        return item.field == QStringLiteral("onu_location_found")
                   ? tr("Where the ONU was found is not entered")
                   : tr("ONU location not checked");
    case Kind::LinePhoto:
        return tr("No photo of the ONU and line ID label");
    case Kind::Wiring:
        return tr("Wiring below the line not recorded");
    case Kind::EmrReachability:
        return tr("Direct reachability of the EMR network not decided");
    case Kind::Protection:
        return tr("Protection not decided");
    case Kind::DeviceRole:
        return device.isEmpty() ? tr("A device's place in the wiring is not set")
                                : tr("%1: place in the wiring not set").arg(device);
    case Kind::DeviceFirmware:
        return device.isEmpty() ? tr("A device's firmware version is not recorded")
                                : tr("%1: firmware version not recorded").arg(device);
    case Kind::TerminalState:
        return tr("Check not finished");
    case Kind::TerminalCheck:
        return tr("%1 not recorded").arg(ModelLabels::value(QStringLiteral("check_item"), item.field));
    case Kind::NotPossibleReason:
        return tr("Why the check was not possible is not noted");
    }
    return {};
}

QString MissingItemText::stepName(const fs::model::ScheduleStep &step)
{
    if (step.kind == fs::model::StepKind::Custom)
        return step.title.isEmpty() ? tr("(untitled step)") : step.title;
    return ModelLabels::value(QStringLiteral("step"), fs::model::kStepKindKeys.key(step.kind));
}

} // namespace fs::app
