#include "ipv4.h"

#include <QStringList>

namespace fs::model {

std::optional<Ipv4::Address> Ipv4::parse(const QString &text, bool allowPrefix)
{
    Address address;
    QString body = text;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        if (!allowPrefix)
            return std::nullopt;
        bool ok = false;
        const QString prefix = text.mid(slash + 1);
        address.prefix = prefix.toInt(&ok);
        if (!ok || prefix.isEmpty() || prefix.size() > 2 || address.prefix < 0 || address.prefix > 32)
            return std::nullopt;
        body = text.left(slash);
    }
    const QStringList octets = body.split(QLatin1Char('.'));
    if (octets.size() != 4)
        return std::nullopt;
    for (const QString &octet : octets) {
        if (octet.isEmpty() || octet.size() > 3 || (octet.size() > 1 && octet.startsWith(QLatin1Char('0'))))
            return std::nullopt;
        for (const QChar c : octet) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
        const int value = octet.toInt();
        if (value > 255)
            return std::nullopt;
        address.value = (address.value << 8) | static_cast<quint32>(value);
    }
    return address;
}

bool Ipv4::isPublic(quint32 a)
{
    const auto in = [a](quint32 network, int bits) {
        const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
        return (a & mask) == (network & mask);
    };
    return !(in(0x00000000, 8)      // 0.0.0.0/8 "this network"
             || in(0x0A000000, 8)   // 10/8
             || in(0x64400000, 10)  // 100.64/10 CGNAT
             || in(0x7F000000, 8)   // loopback
             || in(0xA9FE0000, 16)  // link-local
             || in(0xAC100000, 12)  // 172.16/12
             || in(0xC0000000, 24)  // 192.0.0/24 IETF protocol assignments
             || in(0xC0A80000, 16)  // 192.168/16
             || in(0xC6120000, 15)  // 198.18/15 benchmarking
             || in(0xE0000000, 4)   // multicast
             || in(0xF0000000, 4)); // reserved and broadcast
}

QString Ipv4::withoutPrefix(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    return slash < 0 ? text : text.left(slash);
}

} // namespace fs::model
