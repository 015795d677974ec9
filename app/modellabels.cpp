#include "modellabels.h"

#include "investigator.h"
#include "surveyinfo.h"

namespace fs::app {

QStringList ModelLabels::connectionPointHeaders()
{
    return {tr("CAF ID"),          tr("Line No."),     tr("Purpose / system"), tr("Line type"), tr("Carrier"),
            tr("Connection type"), tr("ONU location"), tr("Devices"),          tr("Declared"),  tr("Note")};
}

QStringList ModelLabels::terminalHeaders()
{
    return {tr("No."),      tr("System"),           tr("Usage"), tr("Host name"), tr("IP address"),
            tr("Location"), tr("Security product"), tr("Check"), tr("Note")};
}

QStringList ModelLabels::scheduleHeaders()
{
    return {tr("Day"), tr("Planned"), tr("Step"), tr("Actual"), tr("Progress")};
}

QHash<QString, QString> ModelLabels::valueLabels()
{
    return {
        {QStringLiteral("origin/declared"), tr("Declared")},
        {QStringLiteral("origin/found_on_site"), tr("Undeclared (found on site)")},
        {QStringLiteral("check_state/not_started"), tr("Not started")},
        {QStringLiteral("check_state/in_progress"), tr("In progress")},
        {QStringLiteral("check_state/done"), tr("Done")},
        {QStringLiteral("check_state/not_possible"), tr("Not possible")},
        {QStringLiteral("day/format"), tr("Day %1")},
        {QStringLiteral("step/arrival"), tr("Arrival")},
        {QStringLiteral("step/briefing"), tr("Pre-work briefing")},
        {QStringLiteral("step/connection_points"), tr("External connection points")},
        {QStringLiteral("step/terminals"), tr("Terminal checks")},
        {QStringLiteral("step/departure"), tr("Clean-up and departure")},
        {QStringLiteral("status/not_started"), tr("Not started")},
        {QStringLiteral("status/in_progress"), tr("In progress")},
        {QStringLiteral("status/done"), tr("Done")},
    };
}

QString ModelLabels::surveyState(fs::model::SurveyState state)
{
    using fs::model::SurveyState;
    switch (state) {
    case SurveyState::Draft:
        return tr("Draft");
    case SurveyState::Submitted:
        return tr("Submitted");
    case SurveyState::Returned:
        return tr("Returned");
    case SurveyState::Approved:
        return tr("Approved");
    }
    return {};
}

QString ModelLabels::investigatorRole(fs::model::InvestigatorRole role)
{
    return role == fs::model::InvestigatorRole::Lead ? tr("lead") : QString();
}

} // namespace fs::app
