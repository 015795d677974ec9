#include "importwarningtext.h"

#include <QHash>

namespace fs::app {

QString ImportWarningText::describe(const QString &code)
{
    const QHash<QString, QString> texts = {
        {QStringLiteral("required_missing"), tr("A required field is empty")},
        {QStringLiteral("consent_missing"), tr("Consent (本施策の同意確認) is not 同意する")},
        {QStringLiteral("invalid_ip"), tr("Not a valid IPv4 address")},
        {QStringLiteral("global_ip_not_public"),
         tr("The global IP address is a private or reserved address")},
        {QStringLiteral("scan_without_ip"),
         tr("Vulnerability scan requested but no global IP address given")},
        {QStringLiteral("dynamic_ip_scan_day"),
         tr("Dynamic IP: the address must be confirmed on the scan day")},
        {QStringLiteral("terminal_count"),
         tr("The survey checks five terminals; a different number is listed")},
        {QStringLiteral("duplicate_host"), tr("The host name appears twice")},
        {QStringLiteral("duplicate_ip"), tr("The IP address appears twice")},
        {QStringLiteral("password_sheet_ignored"),
         tr("The password sheet must not be submitted; it was ignored unread")},
        {QStringLiteral("unknown_sheet"), tr("A sheet that is not part of 別紙2-1 (not imported)")},
        {QStringLiteral("unknown_column"), tr("A column that is not part of 別紙2-1 (not imported)")},
        {QStringLiteral("callout_unmatched"), tr("A callout that names no line or terminal (no pin made)")},
        {QStringLiteral("pin_outside_plan"),
         tr("A callout points outside the floor plan (pin put on the edge)")},
        {QStringLiteral("image_unreadable"), tr("A floor-plan image cannot be read")},
        {QStringLiteral("invalid_number"), tr("Not a number")},
        {QStringLiteral("missing_sheet"), tr("A sheet of 別紙2-1 is missing")},
    };
    return texts.value(code, code);
}

QString ImportWarningText::subject(const QString &subject)
{
    const QString head = subject.section(QLatin1Char('/'), 0, 0);
    const QString kind = head.section(QLatin1Char(':'), 0, 0);
    const QString id = head.section(QLatin1Char(':'), 1);
    if (kind == QStringLiteral("line"))
        return tr("Line %1").arg(id);
    if (kind == QStringLiteral("terminal"))
        return tr("Terminal %1").arg(id);
    if (kind == QStringLiteral("hospital"))
        return tr("Basic information");
    if (kind == QStringLiteral("callout") || kind == QStringLiteral("floorplan") ||
        kind == QStringLiteral("floorplans"))
        return tr("Floor plans");
    if (kind == QStringLiteral("terminals"))
        return tr("Terminals");
    return QString();
}

} // namespace fs::app
