#include "ipaddress.h"

#include "ipv4.h"

#ifdef _WIN32
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif

namespace fs::model {

std::optional<IpAddress> IpAddress::parse(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    if (latin.isEmpty() || latin.size() > 45 || latin.contains('%') || latin.contains('/'))
        return std::nullopt;
    IpAddress address;
    if (!latin.contains(':')) {
        // inet_pton accepts only d.d.d.d; Ipv4::parse also refuses leading zeros.
        const auto v4 = Ipv4::parse(QString::fromLatin1(latin), false);
        if (!v4)
            return std::nullopt;
        address.m_family = Family::V4;
        for (int i = 0; i < 4; ++i)
            address.m_bytes[size_t(i)] = static_cast<unsigned char>(v4->value >> (24 - 8 * i));
        return address;
    }
    if (inet_pton(AF_INET6, latin.constData(), address.m_bytes.data()) != 1)
        return std::nullopt;
    address.m_family = Family::V6;
    return address;
}

std::optional<std::pair<IpAddress, int>> IpAddress::parseSubnet(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const auto address = parse(trimmed.left(slash));
    bool ok = false;
    const QString prefixText = trimmed.mid(slash + 1);
    const int prefix = prefixText.toInt(&ok);
    if (!address || !ok || prefixText.size() > 3 || prefix < 0 ||
        prefix > (address->m_family == Family::V4 ? 32 : 128))
        return std::nullopt;
    return std::make_pair(*address, prefix);
}

QString IpAddress::toString() const
{
    if (m_family == Family::V4)
        return QStringLiteral("%1.%2.%3.%4").arg(m_bytes[0]).arg(m_bytes[1]).arg(m_bytes[2]).arg(m_bytes[3]);
    char buffer[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(AF_INET6, m_bytes.data(), buffer, sizeof buffer))
        return {};
    return QString::fromLatin1(buffer);
}

bool IpAddress::isPublic() const
{
    if (m_family == Family::V4) {
        const quint32 value = (quint32(m_bytes[0]) << 24) | (quint32(m_bytes[1]) << 16) |
                              (quint32(m_bytes[2]) << 8) | quint32(m_bytes[3]);
        return Ipv4::isPublic(value);
    }
    return (m_bytes[0] & 0xE0) == 0x20; // 2000::/3 global unicast
}

bool IpAddress::isInSubnet(const IpAddress &network, int prefix) const
{
    if (network.m_family != m_family || prefix < 0)
        return false;
    const int bits = m_family == Family::V4 ? 32 : 128;
    if (prefix > bits)
        return false;
    for (int i = 0; i < prefix / 8; ++i) {
        if (m_bytes[size_t(i)] != network.m_bytes[size_t(i)])
            return false;
    }
    if (const int rest = prefix % 8; rest != 0) {
        const auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
        if ((m_bytes[size_t(prefix / 8)] & mask) != (network.m_bytes[size_t(prefix / 8)] & mask))
            return false;
    }
    return true;
}

} // namespace fs::model
