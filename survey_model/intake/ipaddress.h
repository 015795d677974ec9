#pragma once

#include <QString>

#include <array>
#include <optional>

namespace fs::model {

// An IPv4 or IPv6 address as scanners and hospitals write it, without QtNetwork (survey_model
// must not link it): strict parsing, canonical text, public-or-not and prefix membership.
class IpAddress
{
public:
    enum class Family
    {
        V4,
        V6
    };

    // "203.0.113.10", "2001:db8::1" (surrounding blanks ignored; no prefix, no zone).
    [[nodiscard]] static std::optional<IpAddress> parse(const QString &text);
    // "203.0.113.8/29" or "2001:db8::/48"; nullopt when the text has no valid prefix.
    [[nodiscard]] static std::optional<std::pair<IpAddress, int>> parseSubnet(const QString &text);

    [[nodiscard]] Family family() const { return m_family; }
    // Canonical text: dotted quad, or RFC 5952 lower-case compressed IPv6.
    [[nodiscard]] QString toString() const;
    // Usable on the internet: for IPv4 Ipv4::isPublic; for IPv6 global unicast (2000::/3).
    [[nodiscard]] bool isPublic() const;
    [[nodiscard]] bool isInSubnet(const IpAddress &network, int prefix) const;

    friend bool operator==(const IpAddress &, const IpAddress &) = default;

private:
    Family m_family = Family::V4;
    std::array<unsigned char, 16> m_bytes{};
};

} // namespace fs::model
