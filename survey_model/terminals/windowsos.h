#pragma once

#include "windowslifecycle.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace fs::model {

// Which Windows a terminal runs, worked out from the language-neutral facts (build, EditionID,
// OperatingSystemSKU, ProductType, Caption) — never from the registry ProductName, which says
// "Windows 10" on Windows 11.
struct WindowsOs
{
    bool known = false; // a build number was found
    bool server = false;
    QString product;       // "Windows 11", "Windows Server 2019", …
    QString editionFamily; // lifecycle edition family: "Home/Pro", "Enterprise LTSC", …
    QString edition;       // "Pro", "Enterprise LTSC", "Standard", …
    QString version;       // "23H2", "LTSC 2021", "R2", …
    int build = 0;
    int ubr = -1;
    std::optional<LifecycleRow> lifecycle;

    // "Windows 10 Enterprise LTSC 2021", "Windows 11 Pro 23H2", "Windows Server 2019 Standard".
    [[nodiscard]] QString name() const;
    // "19045.6456", or "19045" without a patch level.
    [[nodiscard]] QString buildText() const;

    // Reads the facts' os section (terminal-facts schema).
    [[nodiscard]] static WindowsOs identify(const QJsonObject &os, const WindowsLifecycle &lifecycle);
};

} // namespace fs::model
