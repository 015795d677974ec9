#pragma once

#include <QString>
#include <QStringView>

#include <compare>

namespace fs::model {

// How a vendor numbers its firmware releases. Each scheme has its own parser; versions of
// different trains (Cisco IOS M vs E, Junos R vs X, …) are not comparable.
enum class VersionScheme
{
    FortiOs,      // 7.0.7 (device prints "v7.0.7,build0367,221005 (GA.F)")
    FortiProxy,   // as FortiOS
    FortiManager, // as FortiOS
    CiscoIos,     // 15.2(4)M3: train letters must match
    CiscoIosXe,   // 17.3.4a, 16.9.3, 17.11.99SW, 03.06.05E
    CiscoAsa,     // 9.8(4)48 == 9.8.4.48
    CiscoFtd,     // 7.0.6.1
    PanOs,        // 10.2.9 < 10.2.9-h1 < 10.2.10
    Junos,        // 21.4R3 < 21.4R3-S1 < 21.4R4; release types must match
    Yamaha,       // Rev.15.02.20
    NecIx,        // 10.2.36
    IvantiIcs,    // 22.7R2.5, 9.1R11.4
    Citrix,       // 13.1-49.13 (release-build)
    SonicOs,      // 6.5.4.14-109n, 7.0.1-5035
    ZyxelZld,     // V5.36 Patch 1, 5.36(ABPS.1)
    Generic       // dotted numbers, optional "_U<n>" update suffix (WatchGuard)
};

// The device's printed version string in the form the ranges table uses ("v7.0.7,build0367,…" ->
// "7.0.7", "9.8(4)48" -> "9.8.4.48", "Rev.15.02.20" -> "15.02.20"); empty when it cannot be parsed.
[[nodiscard]] QString normalizeVersion(VersionScheme scheme, QStringView raw);

// Orders two versions of one scheme (raw or normalized); unordered when either cannot be parsed or
// the two belong to different trains.
[[nodiscard]] std::partial_ordering compareVersions(VersionScheme scheme, QStringView a, QStringView b);

// The stable name of a scheme, for logs and tests ("fortios", "cisco-ios", …).
[[nodiscard]] QString versionSchemeName(VersionScheme scheme);

} // namespace fs::model
