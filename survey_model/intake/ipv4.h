#pragma once

#include <QString>

#include <optional>

namespace fs::model {

// IPv4 addresses as hospitals write them in the workbook.
class Ipv4
{
public:
    struct Address
    {
        quint32 value = 0;
        int prefix = -1; // -1 when none was written
    };

    // "192.168.10.21" or, when allowed, "192.168.10.21/24". Leading zeros, missing octets and
    // values above 255 are invalid.
    [[nodiscard]] static std::optional<Address> parse(const QString &text, bool allowPrefix);
    // Not usable on the internet: RFC 1918, loopback, 0.0.0.0/8, link-local, CGNAT (RFC 6598),
    // multicast, reserved and broadcast. The documentation ranges count as public (examples use them).
    [[nodiscard]] static bool isPublic(quint32 address);
    // The address without a /prefix.
    [[nodiscard]] static QString withoutPrefix(const QString &text);
};

} // namespace fs::model
