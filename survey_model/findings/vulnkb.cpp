#include "vulnkb.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace fs::model {

namespace {

const QString kKevFile = QStringLiteral("edge-kev.tsv");
const QString kRangesFile = QStringLiteral("edge-kev-ranges.tsv");

const QStringList kKevColumns = {
    QStringLiteral("cve"),
    QStringLiteral("vendor"),
    QStringLiteral("product"),
    QStringLiteral("affected_versions"),
    QStringLiteral("fixed_versions"),
    QStringLiteral("kev_date_added"),
    QStringLiteral("description"),
    QStringLiteral("source_url"),
    QStringLiteral("kev_vendor_project"),
    QStringLiteral("kev_product"),
    QStringLiteral("kev_known_ransomware_use"),
    QStringLiteral("affected_basis"),
    QStringLiteral("fixed_basis"),
};

const QStringList kRangeColumns = {
    QStringLiteral("cve"),   QStringLiteral("family"),          QStringLiteral("lower"),
    QStringLiteral("upper"), QStringLiteral("upper_inclusive"), QStringLiteral("feature"),
    QStringLiteral("basis"),
};

struct Family
{
    QString name;
    VersionScheme scheme;
    QString displayName;
};

const QList<Family> &familyTable()
{
    static const QList<Family> table = {
        {QStringLiteral("fortios"), VersionScheme::FortiOs, QStringLiteral("FortiOS")},
        {QStringLiteral("fortiproxy"), VersionScheme::FortiProxy, QStringLiteral("FortiProxy")},
        {QStringLiteral("fortimanager"), VersionScheme::FortiManager, QStringLiteral("FortiManager")},
        {QStringLiteral("ios"), VersionScheme::CiscoIos, QStringLiteral("Cisco IOS")},
        {QStringLiteral("ios-xe"), VersionScheme::CiscoIosXe, QStringLiteral("Cisco IOS XE")},
        {QStringLiteral("asa"), VersionScheme::CiscoAsa, QStringLiteral("Cisco ASA")},
        {QStringLiteral("ftd"), VersionScheme::CiscoFtd, QStringLiteral("Cisco FTD")},
        {QStringLiteral("panos"), VersionScheme::PanOs, QStringLiteral("PAN-OS")},
        {QStringLiteral("junos"), VersionScheme::Junos, QStringLiteral("Junos OS")},
        {QStringLiteral("ivanti-ics"), VersionScheme::IvantiIcs, QStringLiteral("Ivanti Connect Secure")},
        {QStringLiteral("netscaler"), VersionScheme::Citrix, QStringLiteral("NetScaler ADC/Gateway")},
        {QStringLiteral("sonicos"), VersionScheme::SonicOs, QStringLiteral("SonicOS")},
        {QStringLiteral("sma1000"), VersionScheme::SonicOs, QStringLiteral("SonicWall SMA 1000")},
        {QStringLiteral("zyxel-zld"), VersionScheme::ZyxelZld, QStringLiteral("Zyxel ZLD")},
        {QStringLiteral("arrayos"), VersionScheme::Generic, QStringLiteral("ArrayOS AG")},
        {QStringLiteral("mikrotik"), VersionScheme::Generic, QStringLiteral("MikroTik RouterOS")},
        {QStringLiteral("bigip"), VersionScheme::Generic, QStringLiteral("F5 BIG-IP")},
        {QStringLiteral("fireware"), VersionScheme::Generic, QStringLiteral("WatchGuard Fireware")},
        {QStringLiteral("buffalo-wsr-2533dhpl2"), VersionScheme::Generic,
         QStringLiteral("Buffalo WSR-2533DHPL2")},
        {QStringLiteral("buffalo-wsr-2533dhp3"), VersionScheme::Generic,
         QStringLiteral("Buffalo WSR-2533DHP3")},
    };
    return table;
}

const Family *findFamily(const QString &name)
{
    for (const Family &f : familyTable()) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QByteArray resource(const QString &path)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "VulnKb", "a shipped table is missing");
    return file.readAll();
}

QStringList tsvLines(const QByteArray &tsv)
{
    QStringList lines = QString::fromUtf8(tsv).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

bool isCve(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^CVE-\\d{4}-\\d{4,7}$"));
    return re.match(s).hasMatch();
}

std::optional<QString> fact(const Device &device, const QString &key)
{
    for (const Observation &o : device.facts) {
        if (o.key == key)
            return o.value;
    }
    return std::nullopt;
}

FeatureState yesNo(const Device &device, const QString &key)
{
    const auto value = fact(device, key);
    if (!value)
        return FeatureState::Unknown;
    const QString v = value->trimmed().toLower();
    if (v == QStringLiteral("yes"))
        return FeatureState::On;
    if (v == QStringLiteral("no"))
        return FeatureState::Off;
    return FeatureState::Unknown;
}

// The words of remote_admin_services ("wan1: ping https ssh; internal: ping https"), or nothing
// when the fact was not collected.
std::optional<QSet<QString>> adminWords(const Device &device)
{
    const auto value = fact(device, QStringLiteral("remote_admin_services"));
    if (!value)
        return std::nullopt;
    static const QRegularExpression separators(QStringLiteral("[\\s;:,]+"));
    const QStringList words = value->toLower().split(separators, Qt::SkipEmptyParts);
    return QSet<QString>(words.begin(), words.end());
}

// On when remote_admin_services names one of words, off when it was collected without them.
FeatureState adminService(const Device &device, const QStringList &words)
{
    const auto present = adminWords(device);
    if (!present)
        return FeatureState::Unknown;
    for (const QString &w : words) {
        if (present->contains(w))
            return FeatureState::On;
    }
    return FeatureState::Off;
}

QString familyOf(const Device &device, const QString &firmware)
{
    const QString vendorFact = factValue(device.facts, QStringLiteral("vendor"));
    const QString modelFact = factValue(device.facts, QStringLiteral("model"));
    const QString vendor = (vendorFact.isEmpty() ? device.maker : vendorFact).toLower();
    const QString model = (modelFact.isEmpty() ? device.model : modelFact).toLower();
    const QString who = vendor + QLatin1Char(' ') + model;
    const auto has = [&](const char *word) { return who.contains(QLatin1StringView(word)); };

    if (has("fortinet") || model.startsWith(QStringLiteral("forti"))) {
        if (has("fortiproxy"))
            return QStringLiteral("fortiproxy");
        if (has("fortimanager") || model.startsWith(QStringLiteral("fmg")))
            return QStringLiteral("fortimanager");
        if (has("fortigate") || has("fortiwifi") || model.startsWith(QStringLiteral("fgt")) ||
            model.startsWith(QStringLiteral("fwf")) || model.isEmpty())
            return QStringLiteral("fortios");
        return {};
    }
    if (has("cisco")) {
        if (fact(device, QStringLiteral("asa_version")) || fact(device, QStringLiteral("fxos_version")) ||
            has("threat defense") || has("ftd"))
            return QStringLiteral("ftd");
        if (fact(device, QStringLiteral("failover")) || fact(device, QStringLiteral("hardware")) ||
            has("adaptive security appliance") || model.startsWith(QStringLiteral("asa")))
            return QStringLiteral("asa");
        if (has("nexus") || model.startsWith(QStringLiteral("n9k")) ||
            model.startsWith(QStringLiteral("n5k")) || model.startsWith(QStringLiteral("rv0")) ||
            model.startsWith(QStringLiteral("rv3")))
            return {};
        static const QRegularExpression ios(QStringLiteral("^\\s*(?:12|15)\\.\\d+\\("));
        static const QRegularExpression iosXe(
            QStringLiteral("^\\s*(?:(?:16|17)\\.\\d+\\.\\d+|0?3\\.\\d+\\.\\d+[A-Z])"));
        if (iosXe.match(firmware).hasMatch())
            return QStringLiteral("ios-xe");
        if (ios.match(firmware).hasMatch())
            return QStringLiteral("ios");
        return {};
    }
    if (has("palo alto") || model.startsWith(QStringLiteral("pa-")))
        return QStringLiteral("panos");
    if (has("juniper"))
        return QStringLiteral("junos");
    if (has("ivanti") || has("pulse secure") || has("connect secure")) {
        if (has("policy secure") || has("zta"))
            return {};
        return QStringLiteral("ivanti-ics");
    }
    if (has("citrix") || has("netscaler"))
        return QStringLiteral("netscaler");
    if (has("sonicwall")) {
        static const QRegularExpression sma1000(QStringLiteral("\\bsma\\s*(?:1000|[678]200|ex)"));
        if (sma1000.match(model).hasMatch())
            return QStringLiteral("sma1000");
        if (model.contains(QStringLiteral("sma")))
            return {};
        return QStringLiteral("sonicos");
    }
    if (has("zyxel")) {
        static const QRegularExpression zld(QStringLiteral("\\b(?:usg|atp|vpn\\d|zywall)"));
        return zld.match(model).hasMatch() ? QStringLiteral("zyxel-zld") : QString();
    }
    if (has("mikrotik") || has("routeros"))
        return QStringLiteral("mikrotik");
    if (vendor == QStringLiteral("f5") || vendor.startsWith(QStringLiteral("f5 ")) || has("big-ip"))
        return QStringLiteral("bigip");
    if (has("array networks") || has("vxag"))
        return QStringLiteral("arrayos");
    if (has("watchguard") || has("firebox"))
        return QStringLiteral("fireware");
    if (has("buffalo")) {
        if (has("wsr-2533dhpl2"))
            return QStringLiteral("buffalo-wsr-2533dhpl2");
        if (has("wsr-2533dhp3"))
            return QStringLiteral("buffalo-wsr-2533dhp3");
    }
    return {};
}

} // namespace

const VulnKb &VulnKb::builtIn()
{
    static const VulnKb kb = [] {
        auto parsed = fromTsv(resource(QStringLiteral(":/fieldsurvey/vulnkb/edge-kev.tsv")),
                              resource(QStringLiteral(":/fieldsurvey/vulnkb/edge-kev-ranges.tsv")));
        Q_ASSERT_X(parsed.has_value(), "VulnKb::builtIn", "a shipped table is invalid");
        return parsed.value_or(VulnKb());
    }();
    return kb;
}

Result<VulnKb> VulnKb::fromTsv(const QByteArray &kevTsv, const QByteArray &rangesTsv)
{
    VulnKb kb;
    QSet<QString> cves;

    const QStringList kevLines = tsvLines(kevTsv);
    if (kevLines.isEmpty() || kevLines.first().split(QLatin1Char('\t')) != kKevColumns)
        return fail(ErrorCode::InvalidData, kKevFile + QStringLiteral(" line 1: expected the header ") +
                                                kKevColumns.join(QLatin1Char(' ')));
    for (qsizetype i = 1; i < kevLines.size(); ++i) {
        if (kevLines[i].trimmed().isEmpty())
            continue;
        const QString where = kKevFile + QStringLiteral(" line %1: ").arg(i + 1);
        const QStringList c = kevLines[i].split(QLatin1Char('\t'));
        if (c.size() != kKevColumns.size())
            return fail(
                ErrorCode::InvalidData,
                where +
                    QStringLiteral("expected %1 columns, found %2").arg(kKevColumns.size()).arg(c.size()));
        KevEntry e{c[0],
                   c[1],
                   c[2],
                   c[3],
                   c[4],
                   QDate::fromString(c[5], Qt::ISODate),
                   c[6],
                   c[7],
                   c[8],
                   c[9],
                   c[10] == QStringLiteral("Known"),
                   c[11],
                   c[12]};
        if (!isCve(e.cve))
            return fail(ErrorCode::InvalidData, where + QStringLiteral("\"%1\" is not a CVE ID").arg(e.cve));
        if (cves.contains(e.cve))
            return fail(ErrorCode::InvalidData, where + QStringLiteral("%1 appears twice").arg(e.cve));
        if (!e.dateAdded.isValid())
            return fail(ErrorCode::InvalidData, where + QStringLiteral("kev_date_added is not a date"));
        if (c[10] != QStringLiteral("Known") && c[10] != QStringLiteral("Unknown"))
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral("kev_known_ransomware_use must be Known or Unknown"));
        if (e.affectedVersions.isEmpty() || e.affectedBasis.isEmpty())
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral("affected_versions or affected_basis is empty"));
        cves.insert(e.cve);
        kb.m_entries << e;
    }

    static const QRegularExpression notMatched(
        QStringLiteral("^#\\s*not-matched\\s+(\\S+)\\s*:\\s*(\\S.*)$"));
    const QStringList lines = tsvLines(rangesTsv);
    bool header = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const QString where = kRangesFile + QStringLiteral(" line %1: ").arg(i + 1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const auto m = notMatched.match(line);
            if (!m.hasMatch())
                continue;
            if (!cves.contains(m.captured(1)))
                return fail(ErrorCode::InvalidData,
                            where + QStringLiteral("%1 is not a row of %2").arg(m.captured(1), kKevFile));
            kb.m_notMatched << KevNotMatched{m.captured(1), m.captured(2).trimmed()};
            continue;
        }
        const QStringList c = line.split(QLatin1Char('\t'));
        if (!header) {
            if (c != kRangeColumns)
                return fail(ErrorCode::InvalidData, where + QStringLiteral("expected the header ") +
                                                        kRangeColumns.join(QLatin1Char(' ')));
            header = true;
            continue;
        }
        if (c.size() != kRangeColumns.size())
            return fail(
                ErrorCode::InvalidData,
                where +
                    QStringLiteral("expected %1 columns, found %2").arg(kRangeColumns.size()).arg(c.size()));
        KevRange r;
        r.cve = c[0];
        r.family = c[1];
        r.lower = c[2];
        r.upper = c[3];
        r.feature = c[5];
        r.line = int(i + 1);
        if (!cves.contains(r.cve))
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral("%1 is not a row of %2").arg(r.cve, kKevFile));
        const Family *family = findFamily(r.family);
        if (!family)
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral("unknown family \"%1\"").arg(r.family));
        for (const QString &v : {r.lower, r.upper}) {
            if (!v.isEmpty() && normalizeVersion(family->scheme, v).isEmpty())
                return fail(ErrorCode::InvalidData,
                            where + QStringLiteral("\"%1\" is not a %2 version").arg(v, r.family));
        }
        if (r.upper.isEmpty() && r.lower.isEmpty())
            return fail(ErrorCode::InvalidData, where + QStringLiteral("lower and upper are both empty"));
        if (!r.lower.isEmpty() && !r.upper.isEmpty()) {
            const auto order = compareVersions(family->scheme, r.lower, r.upper);
            if (!(order < 0 || (order == 0 && c[4] == QStringLiteral("yes"))))
                return fail(ErrorCode::InvalidData,
                            where + QStringLiteral("lower %1 is not below upper %2").arg(r.lower, r.upper));
        }
        if (c[4] == QStringLiteral("yes"))
            r.upperInclusive = true;
        else if (c[4] != QStringLiteral("no"))
            return fail(ErrorCode::InvalidData, where + QStringLiteral("upper_inclusive must be yes or no"));
        if (c[6] == QStringLiteral("cna"))
            r.basis = KevBasis::Cna;
        else if (c[6] == QStringLiteral("advisory-recalled"))
            r.basis = KevBasis::AdvisoryRecalled;
        else
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral("basis must be cna or advisory-recalled"));
        kb.m_ranges << r;
    }
    if (!header)
        return fail(ErrorCode::InvalidData, kRangesFile + QStringLiteral(": no header row"));
    return kb;
}

std::optional<KevEntry> VulnKb::entry(const QString &cve) const
{
    for (const KevEntry &e : m_entries) {
        if (e.cve == cve)
            return e;
    }
    return std::nullopt;
}

QStringList VulnKb::families()
{
    QStringList names;
    for (const Family &f : familyTable())
        names << f.name;
    return names;
}

std::optional<VersionScheme> VulnKb::schemeFor(const QString &family)
{
    const Family *f = findFamily(family);
    return f ? std::optional<VersionScheme>(f->scheme) : std::nullopt;
}

QString VulnKb::displayName(const QString &family)
{
    const Family *f = findFamily(family);
    return f ? f->displayName : QString();
}

DeviceProduct VulnKb::identify(const Device &device)
{
    DeviceProduct product;
    product.rawVersion = factValue(device.facts, QStringLiteral("firmware")).trimmed();
    product.family = familyOf(device, product.rawVersion);
    const Family *f = findFamily(product.family);
    if (!f) {
        product.family.clear();
        return product;
    }
    product.displayName = f->displayName;
    product.scheme = f->scheme;
    product.version = normalizeVersion(f->scheme, product.rawVersion);
    return product;
}

FeatureState VulnKb::featureState(const QString &feature, const Device &device)
{
    if (feature.isEmpty())
        return FeatureState::NotRequired;
    if (feature == QStringLiteral("ssl_vpn") || feature == QStringLiteral("globalprotect"))
        return yesNo(device, QStringLiteral("ssl_vpn_configured"));
    if (feature == QStringLiteral("ra_vpn")) {
        // Remote access VPN: SSL (AnyConnect/WebVPN) or IKEv2; site-to-site IPsec alone does not say.
        const FeatureState ssl = yesNo(device, QStringLiteral("ssl_vpn_configured"));
        const FeatureState ipsec = yesNo(device, QStringLiteral("ipsec_configured"));
        if (ssl == FeatureState::On)
            return FeatureState::On;
        if (ssl == FeatureState::Off && ipsec == FeatureState::Off)
            return FeatureState::Off;
        return FeatureState::Unknown;
    }
    const QStringList web = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("www"),
                             QStringLiteral("www-ssl"), QStringLiteral("web-management")};
    if (feature == QStringLiteral("mgmt_ui"))
        return adminService(device, web);
    if (feature == QStringLiteral("http_server"))
        return adminService(device, {QStringLiteral("http"), QStringLiteral("https")});
    if (feature == QStringLiteral("web_services")) {
        // ASA web services: WebVPN/AnyConnect or the management web server (http server enable).
        const FeatureState ssl = yesNo(device, QStringLiteral("ssl_vpn_configured"));
        const FeatureState http = adminService(device, {QStringLiteral("http")});
        if (ssl == FeatureState::On || http == FeatureState::On)
            return FeatureState::On;
        if (ssl == FeatureState::Off && http == FeatureState::Off)
            return FeatureState::Off;
        return FeatureState::Unknown;
    }
    if (feature == QStringLiteral("fgfm"))
        return adminService(device, {QStringLiteral("fgfm")});
    if (feature == QStringLiteral("jweb"))
        return adminService(device, {QStringLiteral("web-management")});
    if (feature == QStringLiteral("winbox"))
        return adminService(device, {QStringLiteral("winbox")});
    return FeatureState::Unknown; // saml, gateway: no collected fact says
}

bool VulnKb::contains(const KevRange &range, const QString &version)
{
    const auto scheme = schemeFor(range.family);
    if (!scheme || version.isEmpty())
        return false;
    if (!range.lower.isEmpty()) {
        const auto c = compareVersions(*scheme, range.lower, version);
        if (!(c < 0 || c == 0))
            return false;
    }
    if (!range.upper.isEmpty()) {
        const auto c = compareVersions(*scheme, version, range.upper);
        if (!(c < 0 || (range.upperInclusive && c == 0)))
            return false;
    }
    return true;
}

QList<KevMatch> VulnKb::matches(const Device &device) const
{
    return matches(identify(device), device);
}

QList<KevMatch> VulnKb::matches(const DeviceProduct &product, const Device &device) const
{
    QList<KevMatch> found;
    if (product.family.isEmpty() || product.version.isEmpty())
        return found;
    QSet<QString> seen;
    for (const KevRange &r : m_ranges) {
        if (r.family != product.family || seen.contains(r.cve) || !contains(r, product.version))
            continue;
        const auto e = entry(r.cve);
        if (!e)
            continue;
        seen.insert(r.cve);
        found << KevMatch{*e, r, featureState(r.feature, device)};
    }
    return found;
}

} // namespace fs::model
