#include "versioncompare.h"

#include <QList>
#include <QRegularExpression>

#include <optional>

namespace fs::model {

namespace {

// Longer strings are not a version any device prints; refusing them early bounds the regex work.
constexpr qsizetype kMaxVersionLength = 96;

// A parsed version: the train it belongs to (versions of different trains are unordered), the
// numbers compared left to right (a missing trailing number counts as 0) and its printed form.
struct Parsed
{
    QString train;
    QList<qint64> parts;
    QString normalized;
};

QRegularExpression anchored(const QString &pattern, bool caseInsensitive = false)
{
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'),
                              caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                              : QRegularExpression::NoPatternOption);
}

// The number in a capture, 0 when the group did not take part.
qint64 number(const QRegularExpressionMatch &m, int group)
{
    return m.captured(group).isEmpty() ? 0 : m.captured(group).toLongLong();
}

QString dotted(const QList<qint64> &parts)
{
    QStringList s;
    for (qint64 p : parts)
        s << QString::number(p);
    return s.join(QLatin1Char('.'));
}

// "v7.0.7,build0367,221005 (GA.F)", "6.0.4 build0231", "FortiGate-60F v7.0.7,…",
// FortiManager "v7.4.4-build2498 240710 (GA)" -> 7.4.4
std::optional<Parsed> parseForti(const QString &s)
{
    static const QRegularExpression re = anchored(QStringLiteral(
        R"((?:Forti[\w-]+\s+)?[vV]?(\d{1,3})\.(\d{1,3})\.(\d{1,4})(?:(?:,|-|\s+)build\s*\d{1,6}(?:[,\s]\d{1,8})?)?(?:\s*\([\w .-]{0,20}\))?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QList<qint64> parts{number(m, 1), number(m, 2), number(m, 3)};
    return Parsed{{}, parts, dotted(parts)};
}

// Classic IOS "15.2(4)M3", "12.2(54)SG1", "15.2(4.0.55)E": the letters name the train.
std::optional<Parsed> parseCiscoIos(const QString &s)
{
    static const QRegularExpression re = anchored(QStringLiteral(
        R"((\d{1,2})\.(\d{1,2})\((\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?\)([A-Z]{0,4})(\d{0,4})([a-z]?))"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QString letter = m.captured(8);
    const qint64 letterValue = letter.isEmpty() ? 0 : letter.at(0).unicode() - u'a' + 1;
    return Parsed{
        m.captured(6),
        {number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5), number(m, 7), letterValue},
        s};
}

// IOS XE "17.3.4a" (the letter orders after the number), "17.11.99SW", "16.9.3"; the 3.x releases
// "03.06.05E" carry their train (E, S, SE, SG) in the capital letters.
std::optional<Parsed> parseCiscoIosXe(const QString &s)
{
    static const QRegularExpression re =
        anchored(QStringLiteral(R"((\d{1,2})\.(\d{1,2})\.(\d{1,3})([a-z]?)([A-Z]{0,3}))"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 major = number(m, 1);
    const QString letter = m.captured(4);
    const QString capitals = m.captured(5);
    const qint64 letterValue = letter.isEmpty() ? 0 : letter.at(0).unicode() - u'a' + 1;
    const QList<qint64> numbers{major, number(m, 2), number(m, 3)};
    if (major < 16) {
        if (capitals.isEmpty())
            return std::nullopt; // 3.x without a train is not an IOS XE release name
        return Parsed{capitals, numbers + QList<qint64>{letterValue}, dotted(numbers) + letter + capitals};
    }
    return Parsed{{},
                  numbers + QList<qint64>{letterValue, capitals.isEmpty() ? 0 : 1},
                  dotted(numbers) + letter + capitals};
}

// ASA "9.8(4)48" == "9.8.4.48"; interim "9.8(4.10)" == "9.8.4.10".
std::optional<Parsed> parseCiscoAsa(const QString &s)
{
    static const QRegularExpression paren =
        anchored(QStringLiteral(R"((\d{1,2})\.(\d{1,2})\((\d{1,3})(?:\.(\d{1,4}))?\)(\d{0,4}))"));
    static const QRegularExpression dots =
        anchored(QStringLiteral(R"((\d{1,2})\.(\d{1,2})(?:\.(\d{1,3}))?(?:\.(\d{1,4}))?)"));
    if (const auto m = paren.match(s); m.hasMatch()) {
        if (!m.captured(4).isEmpty() && !m.captured(5).isEmpty())
            return std::nullopt;
        QList<qint64> parts{number(m, 1), number(m, 2), number(m, 3)};
        if (!m.captured(4).isEmpty() || !m.captured(5).isEmpty())
            parts << number(m, 4) + number(m, 5);
        return Parsed{{}, parts, dotted(parts)};
    }
    if (const auto m = dots.match(s); m.hasMatch()) {
        QList<qint64> parts{number(m, 1), number(m, 2)};
        for (int g = 3; g <= 4 && !m.captured(g).isEmpty(); ++g)
            parts << number(m, g);
        return Parsed{{}, parts, dotted(parts)};
    }
    return std::nullopt;
}

// FTD "7.0.6.1", "6.2.3.18", "7.2.5-208", "7.2.5 (Build 208)": the build number is dropped.
std::optional<Parsed> parseCiscoFtd(const QString &s)
{
    static const QRegularExpression re = anchored(QStringLiteral(
        R"((\d{1,2})\.(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?(?:-\d{1,6}|\s*\(Build \d{1,6}\))?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QList<qint64> parts{number(m, 1), number(m, 2), number(m, 3)};
    if (!m.captured(4).isEmpty())
        parts << number(m, 4);
    return Parsed{{}, parts, dotted(parts)};
}

// PAN-OS "10.2.9" < "10.2.9-h1" < "10.2.10".
std::optional<Parsed> parsePanOs(const QString &s)
{
    static const QRegularExpression re =
        anchored(QStringLiteral(R"((\d{1,2})\.(\d{1,2})\.(\d{1,3})(?:-h(\d{1,3}))?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QList<qint64> parts{number(m, 1), number(m, 2), number(m, 3), number(m, 4)};
    const QString base = dotted(parts.mid(0, 3));
    return Parsed{{}, parts, m.captured(4).isEmpty() ? base : base + QStringLiteral("-h") + m.captured(4)};
}

// Junos "21.4R3-S5", "21.4R3-S3.4" (build), "12.3X48-D10": the release type letter is the train.
std::optional<Parsed> parseJunos(const QString &s)
{
    static const QRegularExpression re = anchored(
        QStringLiteral(R"((\d{1,2})\.(\d{1,2})([A-Z])(\d{1,3})(?:-([SD])(\d{1,3}))?(?:\.(\d{1,3}))?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    return Parsed{
        m.captured(3), {number(m, 1), number(m, 2), number(m, 4), number(m, 6), number(m, 7)}, m.captured(0)};
}

// Yamaha "Rev.15.02.20" or "15.02.20"; NEC IX "10.2.36" (a trailing letter orders after it).
std::optional<Parsed> parseThreeNumbers(const QString &s, bool yamaha)
{
    static const QRegularExpression yamahaRe =
        anchored(QStringLiteral(R"((?:Rev\.)?(\d{1,2})\.(\d{1,2})\.(\d{1,3}))"));
    static const QRegularExpression necRe =
        anchored(QStringLiteral(R"((\d{1,2})\.(\d{1,2})\.(\d{1,3})([a-z]?))"));
    const auto m = (yamaha ? yamahaRe : necRe).match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QString letter = yamaha ? QString() : m.captured(4);
    const qint64 letterValue = letter.isEmpty() ? 0 : letter.at(0).unicode() - u'a' + 1;
    return Parsed{{},
                  {number(m, 1), number(m, 2), number(m, 3), letterValue},
                  m.captured(1) + QLatin1Char('.') + m.captured(2) + QLatin1Char('.') + m.captured(3) +
                      letter};
}

// Ivanti / Pulse Connect Secure "22.7R2.5", "9.1R11.4", "9.0R3".
std::optional<Parsed> parseIvanti(const QString &s)
{
    static const QRegularExpression re = anchored(
        QStringLiteral(R"((\d{1,2})\.(\d{1,2})R(\d{1,3})(?:\.(\d{1,4}))?(?:\s*\(build\s*\d{1,6}\))?)"), true);
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QString normalized = QStringLiteral("%1.%2R%3").arg(number(m, 1)).arg(number(m, 2)).arg(number(m, 3));
    if (!m.captured(4).isEmpty())
        normalized += QLatin1Char('.') + QString::number(number(m, 4));
    return Parsed{{}, {number(m, 1), number(m, 2), number(m, 3), number(m, 4)}, normalized};
}

// NetScaler "13.1-49.13" (release-build); "NS13.1: Build 49.13.nc"; "12.1-55.291-FIPS" is its own
// train; a bare "13.1" is the start of the release.
std::optional<Parsed> parseCitrix(const QString &s)
{
    static const QRegularExpression re = anchored(QStringLiteral(
        R"((?:NS)?(\d{1,2})\.(\d{1,2})(?:(?:-|:\s*Build\s+)(\d{1,3})\.(\d{1,4})(?:\.nc)?)?(?:-(FIPS|NDcPP))?(?:,\s*Date:.{0,40})?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QString normalized = QStringLiteral("%1.%2").arg(number(m, 1)).arg(number(m, 2));
    if (!m.captured(3).isEmpty())
        normalized += QStringLiteral("-%1.%2").arg(number(m, 3)).arg(number(m, 4));
    if (!m.captured(5).isEmpty())
        normalized += QLatin1Char('-') + m.captured(5);
    return Parsed{m.captured(5), {number(m, 1), number(m, 2), number(m, 3), number(m, 4)}, normalized};
}

// SonicOS "6.5.4.14-109n", "7.0.1-5035", "5.9.2.14-12o"; SMA 1000 "12.4.3-02804". The platform
// letters after the build do not order.
std::optional<Parsed> parseSonicOs(const QString &s)
{
    static const QRegularExpression re = anchored(QStringLiteral(
        R"((?:SonicOS\s+)?(?:Enhanced\s+)?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,3}))?(?:-(\d{1,6}))?([a-z]{0,3}))"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QList<qint64> numbers{number(m, 1), number(m, 2)};
    for (int g = 3; g <= 4 && !m.captured(g).isEmpty(); ++g)
        numbers << number(m, g);
    QString normalized = dotted(numbers);
    if (!m.captured(5).isEmpty())
        normalized += QLatin1Char('-') + m.captured(5) + m.captured(6);
    return Parsed{{}, {number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5)}, normalized};
}

// Zyxel ZLD "V5.36 Patch 1", "5.21 Patch 1", "V5.36(ABPS.1)" (the number after the model code is
// the patch); "5.21 Patch 1" > "5.21".
std::optional<Parsed> parseZyxel(const QString &s)
{
    static const QRegularExpression re = anchored(
        QStringLiteral(
            R"(V?(\d{1,2})\.(\d{1,2})(?:\s*Patch\s*(\d{1,2})|\s*\(([A-Z0-9]{4})\.(\d{1,2})\)(?:C\d{1,2})?)?)"),
        true);
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 patch = number(m, 3) + number(m, 5);
    QString normalized = QStringLiteral("%1.%2").arg(m.captured(1), m.captured(2));
    if (patch > 0)
        normalized += QStringLiteral(" Patch %1").arg(patch);
    return Parsed{{}, {number(m, 1), number(m, 2), patch}, normalized};
}

// Dotted numbers ("6.48.6 (long-term)", "16.1.2.2", "1.02") with WatchGuard's "_U2" update suffix.
std::optional<Parsed> parseGeneric(const QString &s)
{
    static const QRegularExpression re = anchored(
        QStringLiteral(R"([vV]?(\d{1,6}(?:\.\d{1,6}){0,5})(?:_U(\d{1,3}))?(?:\s+\([\w .-]{0,30}\))?)"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QList<qint64> parts;
    for (const QString &p : m.captured(1).split(QLatin1Char('.')))
        parts << p.toLongLong();
    QString normalized = m.captured(1);
    while (parts.size() < 6)
        parts << 0;
    parts << number(m, 2);
    if (!m.captured(2).isEmpty())
        normalized += QStringLiteral("_U") + m.captured(2);
    return Parsed{{}, parts, normalized};
}

std::optional<Parsed> parse(VersionScheme scheme, QStringView raw)
{
    if (raw.size() > kMaxVersionLength)
        return std::nullopt;
    const QString s = raw.trimmed().toString();
    if (s.isEmpty())
        return std::nullopt;
    switch (scheme) {
    case VersionScheme::FortiOs:
    case VersionScheme::FortiProxy:
    case VersionScheme::FortiManager:
        return parseForti(s);
    case VersionScheme::CiscoIos:
        return parseCiscoIos(s);
    case VersionScheme::CiscoIosXe:
        return parseCiscoIosXe(s);
    case VersionScheme::CiscoAsa:
        return parseCiscoAsa(s);
    case VersionScheme::CiscoFtd:
        return parseCiscoFtd(s);
    case VersionScheme::PanOs:
        return parsePanOs(s);
    case VersionScheme::Junos:
        return parseJunos(s);
    case VersionScheme::Yamaha:
        return parseThreeNumbers(s, true);
    case VersionScheme::NecIx:
        return parseThreeNumbers(s, false);
    case VersionScheme::IvantiIcs:
        return parseIvanti(s);
    case VersionScheme::Citrix:
        return parseCitrix(s);
    case VersionScheme::SonicOs:
        return parseSonicOs(s);
    case VersionScheme::ZyxelZld:
        return parseZyxel(s);
    case VersionScheme::Generic:
        return parseGeneric(s);
    }
    return std::nullopt;
}

} // namespace

QString normalizeVersion(VersionScheme scheme, QStringView raw)
{
    const auto parsed = parse(scheme, raw);
    return parsed ? parsed->normalized : QString();
}

std::partial_ordering compareVersions(VersionScheme scheme, QStringView a, QStringView b)
{
    const auto pa = parse(scheme, a);
    const auto pb = parse(scheme, b);
    if (!pa || !pb || pa->train != pb->train)
        return std::partial_ordering::unordered;
    const qsizetype n = std::max(pa->parts.size(), pb->parts.size());
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 x = pa->parts.value(i, 0);
        const qint64 y = pb->parts.value(i, 0);
        if (x != y)
            return x < y ? std::partial_ordering::less : std::partial_ordering::greater;
    }
    return std::partial_ordering::equivalent;
}

QString versionSchemeName(VersionScheme scheme)
{
    switch (scheme) {
    case VersionScheme::FortiOs:
        return QStringLiteral("fortios");
    case VersionScheme::FortiProxy:
        return QStringLiteral("fortiproxy");
    case VersionScheme::FortiManager:
        return QStringLiteral("fortimanager");
    case VersionScheme::CiscoIos:
        return QStringLiteral("cisco-ios");
    case VersionScheme::CiscoIosXe:
        return QStringLiteral("cisco-ios-xe");
    case VersionScheme::CiscoAsa:
        return QStringLiteral("cisco-asa");
    case VersionScheme::CiscoFtd:
        return QStringLiteral("cisco-ftd");
    case VersionScheme::PanOs:
        return QStringLiteral("panos");
    case VersionScheme::Junos:
        return QStringLiteral("junos");
    case VersionScheme::Yamaha:
        return QStringLiteral("yamaha");
    case VersionScheme::NecIx:
        return QStringLiteral("nec-ix");
    case VersionScheme::IvantiIcs:
        return QStringLiteral("ivanti-ics");
    case VersionScheme::Citrix:
        return QStringLiteral("citrix");
    case VersionScheme::SonicOs:
        return QStringLiteral("sonicos");
    case VersionScheme::ZyxelZld:
        return QStringLiteral("zyxel-zld");
    case VersionScheme::Generic:
        return QStringLiteral("generic");
    }
    return {};
}

} // namespace fs::model
