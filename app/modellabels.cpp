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
    return {tr("Planned"), tr("Step"), tr("Actual"), tr("Captured"), tr("State")};
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
        {QStringLiteral("status/current"), tr("▶ %1", "the current step of the day")},
        {QStringLiteral("onu_status/unchecked"), tr("Not checked yet")},
        {QStringLiteral("onu_status/confirmed"), tr("Found where declared")},
        {QStringLiteral("onu_status/corrected"), tr("Found elsewhere (corrected)")},
        {QStringLiteral("onu_status/not_found"), tr("Not found")},
        {QStringLiteral("emr/unknown"), tr("Not decided")},
        {QStringLiteral("emr/direct"), tr("Directly reachable (直通可)")},
        {QStringLiteral("emr/not_direct"), tr("Not directly reachable (直通不可)")},
        {QStringLiteral("protection/unknown"), tr("Not decided")},
        {QStringLiteral("protection/ipsec"), tr("IPsec")},
        {QStringLiteral("protection/ssl_vpn"), tr("SSL-VPN")},
        {QStringLiteral("protection/none"), tr("None")},
        {QStringLiteral("protection/closed_network"), tr("Closed network")},
        {QStringLiteral("role/unknown"), tr("Not set")},
        {QStringLiteral("role/onu"), tr("ONU / line terminal")},
        {QStringLiteral("role/router"), tr("Router")},
        {QStringLiteral("role/utm"), tr("UTM")},
        {QStringLiteral("role/firewall"), tr("Firewall")},
        {QStringLiteral("role/switch"), tr("Switch")},
        {QStringLiteral("role/vpn_gateway"), tr("VPN gateway")},
        {QStringLiteral("role/other"), tr("Other")},
        {QStringLiteral("equipment/onu"), tr("ONU")},
        {QStringLiteral("equipment/catv_modem"), tr("CATV modem")},
        {QStringLiteral("equipment/hgw"), tr("Home gateway (HGW)")},
        {QStringLiteral("equipment/ctu"), tr("CTU")},
        {QStringLiteral("equipment/adsl_modem"), tr("ADSL modem")},
        {QStringLiteral("equipment/home_router"), tr("Home router")},
        {QStringLiteral("equipment/mobile_router"), tr("Mobile router")},
        {QStringLiteral("equipment/usb_dongle"), tr("USB dongle")},
        {QStringLiteral("equipment/other"), tr("Other")},
        {QStringLiteral("check_item/os"), tr("OS version")},
        {QStringLiteral("check_item/windows_update"), tr("Windows Update")},
        {QStringLiteral("check_item/internet"), tr("Internet connection")},
        {QStringLiteral("check_item/antivirus"), tr("Antivirus / EDR")},
        {QStringLiteral("check_item/usb_storage"), tr("USB storage")},
        {QStringLiteral("evaluation/unknown"), tr("Not evaluated")},
        {QStringLiteral("evaluation/ok"), tr("OK")},
        {QStringLiteral("evaluation/caution"), tr("Caution")},
        {QStringLiteral("evaluation/danger"), tr("Danger")},
        {QStringLiteral("finding_status/danger"), tr("Danger")},
        {QStringLiteral("finding_status/caution"), tr("Caution")},
        {QStringLiteral("finding_status/none"), tr("— (note)")},
        {QStringLiteral("fact/vendor"), tr("Vendor")},
        {QStringLiteral("fact/model"), tr("Model")},
        {QStringLiteral("fact/firmware"), tr("Firmware")},
        {QStringLiteral("fact/serial"), tr("Serial number")},
        {QStringLiteral("fact/uptime"), tr("Uptime")},
        {QStringLiteral("fact/hostname"), tr("Host name")},
        {QStringLiteral("source/workbook"), tr("workbook")},
        {QStringLiteral("source/ssh"), tr("SSH")},
        {QStringLiteral("source/console"), tr("console")},
        {QStringLiteral("source/transcript"), tr("transcript")},
        {QStringLiteral("source/manual"), tr("entered by hand")},
        {QStringLiteral("source/collector"), tr("collector")},
        {QStringLiteral("source/scan"), tr("scan")},
    };
}

QString ModelLabels::value(const QString &group, const QString &key)
{
    return valueLabels().value(group + QLatin1Char('/') + key, key);
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
