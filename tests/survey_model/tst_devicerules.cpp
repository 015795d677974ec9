// The firmware rule "device.firmware.kev": version ordering per vendor scheme, the KEV ranges at
// their edges, the feature conditions, and the compiled ranges against the KEV catalogue.
#include "devicerules.h"
#include "resultcheck.h"
#include "testpaths.h"
#include "versioncompare.h"
#include "vulnkb.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace fs::model;

Q_DECLARE_METATYPE(fs::model::VersionScheme)
Q_DECLARE_METATYPE(fs::model::Device)

namespace {

constexpr int kUnordered = 9;

int orderOf(std::partial_ordering o)
{
    if (o == std::partial_ordering::unordered)
        return kUnordered;
    return o < 0 ? -1 : (o > 0 ? 1 : 0);
}

// A device as the collector leaves it: vendor, model, firmware and "key=value" feature facts.
Device device(const QString &vendor, const QString &model, const QString &firmware,
              const QStringList &facts = {})
{
    Device d;
    d.id = 42;
    auto add = [&](const QString &key, const QString &value) {
        Observation o;
        o.key = key;
        o.value = value;
        o.source = FactSource::Ssh;
        d.facts << o;
    };
    if (!vendor.isEmpty())
        add(QStringLiteral("vendor"), vendor);
    if (!model.isEmpty())
        add(QStringLiteral("model"), model);
    if (!firmware.isEmpty())
        add(QStringLiteral("firmware"), firmware);
    for (const QString &f : facts)
        add(f.section(QLatin1Char('='), 0, 0), f.section(QLatin1Char('='), 1));
    return d;
}

QStringList cvesOf(const QList<KevMatch> &matches)
{
    QStringList cves;
    for (const KevMatch &m : matches)
        cves << m.entry.cve;
    return cves;
}

QByteArray resourceBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDeviceRules : public QObject
{
    Q_OBJECT

private slots:
    void versionOrder_data();
    void versionOrder();
    void normalize_data();
    void normalize();
    void kevBoundaries_data();
    void kevBoundaries();
    void findingStatus_data();
    void findingStatus();
    void findingShape();
    void noFinding_data();
    void noFinding();
    void identifyFamily_data();
    void identifyFamily();
    void shippedTablesParse();
    void rangesAgainstCatalogue();
    void strictParsing_data();
    void strictParsing();
    void ruleTable();
};

void TestDeviceRules::versionOrder_data()
{
    QTest::addColumn<VersionScheme>("scheme");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");

    struct Row
    {
        const char *name;
        VersionScheme scheme;
        const char *a;
        const char *b;
        int expected;
    };
    using S = VersionScheme;
    const Row rows[] = {
        {"fortios raw == plain", S::FortiOs, "v7.0.7,build0367,221005 (GA.F)", "7.0.7", 0},
        {"fortios build form", S::FortiOs, "6.0.4 build0231", "6.0.5", -1},
        {"fortios 7.0.16<7.0.17", S::FortiOs, "7.0.16", "7.0.17", -1},
        {"fortios numeric not lexical", S::FortiOs, "7.0.9", "7.0.10", -1},
        {"fortios model prefix", S::FortiOs, "FortiGate-60F v7.0.7,build0367,221005 (GA.F)", "7.0.8", -1},
        {"fortios unparsable", S::FortiOs, "garbage", "7.0.1", kUnordered},
        {"fortiproxy", S::FortiProxy, "7.0.19", "7.0.20", -1},
        {"fortimanager", S::FortiManager, "7.4.5", "7.4.4", 1},
        {"ios same train", S::CiscoIos, "15.2(4)M3", "15.2(4)M4", -1},
        {"ios rebuild", S::CiscoIos, "12.2(54)SG1", "12.2(55)SG", -1},
        {"ios older release", S::CiscoIos, "15.2(4)M3", "15.1(4)M10", 1},
        {"ios equal", S::CiscoIos, "15.2(4)M3", "15.2(4)M3", 0},
        {"ios trains unordered", S::CiscoIos, "15.2(4)M3", "15.2(4)E1", kUnordered},
        {"ios-xe letter after number", S::CiscoIosXe, "17.3.4", "17.3.4a", -1},
        {"ios-xe letter before next", S::CiscoIosXe, "17.3.4a", "17.3.5", -1},
        {"ios-xe 17.9.4 < 17.9.4a", S::CiscoIosXe, "17.9.4", "17.9.4a", -1},
        {"ios-xe SW build", S::CiscoIosXe, "17.11.99SW", "17.11.1", 1},
        {"ios-xe 16 < 17", S::CiscoIosXe, "16.9.3", "17.3.4a", -1},
        {"ios-xe minor numeric", S::CiscoIosXe, "17.10.1b", "17.11.1", -1},
        {"ios-xe 3.x train", S::CiscoIosXe, "03.06.05E", "03.06.06E", -1},
        {"ios-xe 3.x trains unordered", S::CiscoIosXe, "03.06.05E", "03.06.05S", kUnordered},
        {"asa parens == dots", S::CiscoAsa, "9.8(4)48", "9.8.4.48", 0},
        {"asa interim", S::CiscoAsa, "9.8(4)", "9.8(4)1", -1},
        {"asa 9.16.4.55 < 56", S::CiscoAsa, "9.16.4.55", "9.16(4)56", -1},
        {"asa train numeric", S::CiscoAsa, "9.8.4.48", "9.12.1", -1},
        {"ftd fourth number", S::CiscoFtd, "7.0.6.1", "7.0.6", 1},
        {"ftd build dropped", S::CiscoFtd, "7.2.5-208", "7.2.5", 0},
        {"ftd 6.2.3.18 < 19", S::CiscoFtd, "6.2.3.18", "6.2.3.19", -1},
        {"panos base < h1", S::PanOs, "10.2.9", "10.2.9-h1", -1},
        {"panos h1 < h2", S::PanOs, "10.2.9-h1", "10.2.9-h2", -1},
        {"panos h2 < next", S::PanOs, "10.2.9-h2", "10.2.10", -1},
        {"panos equal", S::PanOs, "10.2.9-h1", "10.2.9-h1", 0},
        {"panos branch", S::PanOs, "11.0.4-h1", "10.2.12-h2", 1},
        {"panos empty", S::PanOs, "", "", kUnordered},
        {"junos R < S1", S::Junos, "21.4R3", "21.4R3-S1", -1},
        {"junos S1 < S5", S::Junos, "21.4R3-S1", "21.4R3-S5", -1},
        {"junos S5 < R4", S::Junos, "21.4R3-S5", "21.4R4", -1},
        {"junos build", S::Junos, "21.4R3-S3.4", "21.4R3-S4", -1},
        {"junos release", S::Junos, "20.4R3-S9", "21.1R1", -1},
        {"junos R vs X unordered", S::Junos, "21.4R3", "21.4X3", kUnordered},
        {"yamaha Rev. prefix", S::Yamaha, "Rev.15.02.20", "15.02.20", 0},
        {"yamaha", S::Yamaha, "15.02.20", "15.02.21", -1},
        {"yamaha major", S::Yamaha, "Rev.14.01.38", "Rev.15.02.01", -1},
        {"nec ix", S::NecIx, "10.2.36", "10.2.37", -1},
        {"nec ix numeric", S::NecIx, "10.2.36", "10.10.1", -1},
        {"ivanti build", S::IvantiIcs, "22.7R2.5", "22.7R2.4", 1},
        {"ivanti 9.1R11.4", S::IvantiIcs, "9.1R11.4", "9.1R11.3", 1},
        {"ivanti release", S::IvantiIcs, "9.1R11.4", "9.1R12", -1},
        {"ivanti bare release", S::IvantiIcs, "22.7R2", "22.7R2.1", -1},
        {"ivanti 9 < 22", S::IvantiIcs, "9.1R18.3", "22.1R1", -1},
        {"ivanti unparsable", S::IvantiIcs, "22.7", "22.7R1", kUnordered},
        {"citrix build", S::Citrix, "13.1-49.13", "13.1-49.12", 1},
        {"citrix 49.13 < 49.15", S::Citrix, "13.1-49.13", "13.1-49.15", -1},
        {"citrix release", S::Citrix, "13.0-92.19", "13.1-4.44", -1},
        {"citrix show version", S::Citrix, "NS13.1: Build 49.13.nc", "13.1-49.13", 0},
        {"citrix fips train", S::Citrix, "12.1-55.291-FIPS", "12.1-55.291", kUnordered},
        {"sonicos gen6", S::SonicOs, "6.5.4.14-109n", "6.5.4.15-116n", -1},
        {"sonicos gen7 build", S::SonicOs, "7.0.1-5035", "7.0.1-5050", -1},
        {"sonicos gen6 < gen7", S::SonicOs, "6.5.4.14-109n", "7.0.1-5035", -1},
        {"sonicos gen5", S::SonicOs, "5.9.2.14-12o", "5.9.2.14-13o", -1},
        {"zyxel patch after base", S::ZyxelZld, "V5.36 Patch 1", "5.36", 1},
        {"zyxel 5.21 Patch 1 > 5.21", S::ZyxelZld, "5.21 Patch 1", "5.21", 1},
        {"zyxel model code form", S::ZyxelZld, "V5.21(ABUH.1)", "5.21 Patch 1", 0},
        {"zyxel patch 1 < 2", S::ZyxelZld, "5.36 Patch 1", "5.36 Patch 2", -1},
        {"zyxel minor", S::ZyxelZld, "5.38", "V5.39", -1},
        {"generic shorter", S::Generic, "6.42", "6.42.1", -1},
        {"generic label", S::Generic, "6.48.6 (long-term)", "6.42", 1},
        {"generic update", S::Generic, "12.7.2", "12.7.2_U2", -1},
        {"generic four numbers", S::Generic, "16.1.2.2", "16.1.2", 1},
        {"generic unparsable", S::Generic, "6.42rc3", "6.42", kUnordered},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.scheme << QString::fromUtf8(r.a) << QString::fromUtf8(r.b) << r.expected;
}

void TestDeviceRules::versionOrder()
{
    QFETCH(VersionScheme, scheme);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(orderOf(compareVersions(scheme, a, b)), expected);
    // The reverse comparison is the mirror image.
    const int reverse = expected == kUnordered ? kUnordered : -expected;
    QCOMPARE(orderOf(compareVersions(scheme, b, a)), reverse);
}

void TestDeviceRules::normalize_data()
{
    QTest::addColumn<VersionScheme>("scheme");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("fortios get system status")
        << VersionScheme::FortiOs << QStringLiteral("v7.0.7,build0367,221005 (GA.F)")
        << QStringLiteral("7.0.7");
    QTest::newRow("fortios GA") << VersionScheme::FortiOs << QStringLiteral("v6.0.7,build0302,191112 (GA)")
                                << QStringLiteral("6.0.7");
    QTest::newRow("fortios build") << VersionScheme::FortiOs << QStringLiteral("6.0.4 build0231")
                                   << QStringLiteral("6.0.4");
    QTest::newRow("fortios garbage") << VersionScheme::FortiOs << QStringLiteral("garbage") << QString();
    QTest::newRow("asa show version")
        << VersionScheme::CiscoAsa << QStringLiteral("9.8(4)48") << QStringLiteral("9.8.4.48");
    QTest::newRow("ios") << VersionScheme::CiscoIos << QStringLiteral("15.2(4)M3")
                         << QStringLiteral("15.2(4)M3");
    QTest::newRow("ios-xe") << VersionScheme::CiscoIosXe << QStringLiteral("17.03.04a")
                            << QStringLiteral("17.3.4a");
    QTest::newRow("panos") << VersionScheme::PanOs << QStringLiteral("10.2.9-h1")
                           << QStringLiteral("10.2.9-h1");
    QTest::newRow("junos") << VersionScheme::Junos << QStringLiteral("21.4R3-S3.4")
                           << QStringLiteral("21.4R3-S3.4");
    QTest::newRow("yamaha") << VersionScheme::Yamaha << QStringLiteral("Rev.15.02.20")
                            << QStringLiteral("15.02.20");
    QTest::newRow("nec ix") << VersionScheme::NecIx << QStringLiteral("10.2.36") << QStringLiteral("10.2.36");
    QTest::newRow("ivanti") << VersionScheme::IvantiIcs << QStringLiteral("22.7R2.5")
                            << QStringLiteral("22.7R2.5");
    QTest::newRow("citrix") << VersionScheme::Citrix << QStringLiteral("NS13.1: Build 49.13.nc")
                            << QStringLiteral("13.1-49.13");
    QTest::newRow("sonicos") << VersionScheme::SonicOs << QStringLiteral("SonicOS Enhanced 6.5.4.14-109n")
                             << QStringLiteral("6.5.4.14-109n");
    QTest::newRow("zyxel") << VersionScheme::ZyxelZld << QStringLiteral("V5.36(ABPS.1)")
                           << QStringLiteral("5.36 Patch 1");
    QTest::newRow("mikrotik") << VersionScheme::Generic << QStringLiteral("6.48.6 (long-term)")
                              << QStringLiteral("6.48.6");
    QTest::newRow("too long") << VersionScheme::Generic << QString(200, QLatin1Char('9')) << QString();
}

void TestDeviceRules::normalize()
{
    QFETCH(VersionScheme, scheme);
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QCOMPARE(normalizeVersion(scheme, raw), normalized);
}

void TestDeviceRules::kevBoundaries_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("firmware");
    QTest::addColumn<QString>("cve");
    QTest::addColumn<bool>("affected");

    struct Row
    {
        const char *name;
        const char *vendor;
        const char *model;
        const char *firmware;
        const char *cve;
        bool affected;
    };
    const Row rows[] = {
        {"fortios 6.0.4 in 13379", "Fortinet", "FortiGate-60E", "v6.0.4,build0231,190107 (GA)",
         "CVE-2018-13379", true},
        {"fortios 6.0.5 out of 13379", "Fortinet", "FortiGate-60E", "v6.0.5,build0268,190507 (GA)",
         "CVE-2018-13379", false},
        {"fortios 6.0.0 lower edge", "Fortinet", "FortiGate-60E", "6.0.0", "CVE-2018-13379", true},
        {"fortios 5.6.2 below branch", "Fortinet", "FortiGate-60E", "5.6.2", "CVE-2018-13379", false},
        {"fortios 7.0.16 in 55591", "Fortinet", "FortiGate-60F", "v7.0.16,build0667,241001 (GA.M)",
         "CVE-2024-55591", true},
        {"fortios 7.0.17 out of 55591", "Fortinet", "FortiGate-60F", "v7.0.17,build0682,250113 (GA.M)",
         "CVE-2024-55591", false},
        {"fortios 7.0.13 in 21762", "Fortinet", "FortiWiFi-60F", "7.0.13", "CVE-2024-21762", true},
        {"fortios 7.0.14 out of 21762", "Fortinet", "FortiWiFi-60F", "7.0.14", "CVE-2024-21762", false},
        {"fortios before 7.0.3 exclusive", "Fortinet", "FortiGate-60F", "7.0.3", "CVE-2021-44168", false},
        {"fortios 7.0.2 before 7.0.3", "Fortinet", "FortiGate-60F", "7.0.2", "CVE-2021-44168", true},
        {"fortimanager 7.4.4", "Fortinet", "FortiManager-VM64", "v7.4.4-build2498 240710 (GA)",
         "CVE-2024-47575", true},
        {"fortimanager 7.4.4 plain", "Fortinet", "FortiManager-VM64", "7.4.4", "CVE-2024-47575", true},
        {"fortimanager 7.4.5", "Fortinet", "FortiManager-VM64", "7.4.5", "CVE-2024-47575", false},
        {"panos 10.2.9 in 3400", "Palo Alto Networks", "PA-440", "10.2.9", "CVE-2024-3400", true},
        {"panos 10.2.9-h1 fixed", "Palo Alto Networks", "PA-440", "10.2.9-h1", "CVE-2024-3400", false},
        {"panos 10.1 not in 3400", "Palo Alto Networks", "PA-440", "10.1.9", "CVE-2024-3400", false},
        {"panos 10.2.8-h20 in 0108", "Palo Alto Networks", "PA-440", "10.2.8-h20", "CVE-2025-0108", true},
        {"panos 10.2.8-h21 fixed 0108", "Palo Alto Networks", "PA-440", "10.2.8-h21", "CVE-2025-0108", false},
        {"junos 21.4R3-S4 in 36845", "Juniper Networks", "srx345", "21.4R3-S4", "CVE-2023-36845", true},
        {"junos 21.4R3-S5 fixed", "Juniper Networks", "srx345", "21.4R3-S5", "CVE-2023-36845", false},
        {"junos 21.4R3-S4.9 build", "Juniper Networks", "srx345", "21.4R3-S4.9", "CVE-2023-36845", true},
        {"junos 20.4R3-S8 in", "Juniper Networks", "ex2300-24p", "20.4R3-S8", "CVE-2023-36845", true},
        {"junos 20.4R3-S9 fixed", "Juniper Networks", "ex2300-24p", "20.4R3-S9", "CVE-2023-36845", false},
        {"ios-xe 17.9.4 in 20198", "Cisco", "C8300-1N1S-4T2X", "17.9.4", "CVE-2023-20198", true},
        {"ios-xe 17.9.4a fixed", "Cisco", "C8300-1N1S-4T2X", "17.9.4a", "CVE-2023-20198", false},
        {"ios-xe 16.9.3 in", "Cisco", "C9500-40X", "16.9.3", "CVE-2023-20198", true},
        {"ios-xe 17.11.99SW upper edge", "Cisco", "C9300-48P", "17.11.99SW", "CVE-2023-20198", true},
        {"ios-xe 17.13.1 above", "Cisco", "C9300-48P", "17.13.1", "CVE-2023-20198", false},
        {"asa 9.16.4.55 in 20353", "Cisco", "ASA5516", "9.16(4)55", "CVE-2024-20353", true},
        {"asa 9.16.4.56 out", "Cisco", "ASA5516", "9.16(4)56", "CVE-2024-20353", false},
        {"asa 9.8.4.48 in 20269", "Cisco", "ASA5506", "9.8(4)48", "CVE-2023-20269", true},
        {"asa 9.6.4.41 in 3452", "Cisco", "ASA5506", "9.6(4)41", "CVE-2020-3452", true},
        {"asa 9.6.4.42 fixed 3452", "Cisco", "ASA5506", "9.6(4)42", "CVE-2020-3452", false},
        {"ftd 7.0.6.1 in 20353", "Cisco", "Cisco Firepower Threat Defense for VMware", "7.0.6.1",
         "CVE-2024-20353", true},
        {"ftd 7.0.6.2 out", "Cisco", "Cisco Firepower Threat Defense for VMware", "7.0.6.2", "CVE-2024-20353",
         false},
        {"citrix 13.1-49.12 in 3519", "Citrix", "NetScaler ADC VPX", "13.1-49.12", "CVE-2023-3519", true},
        {"citrix 13.1-49.13 fixed 3519", "Citrix", "NetScaler ADC VPX", "13.1-49.13", "CVE-2023-3519", false},
        {"citrix 13.1-49.14 in 4966", "Citrix", "NetScaler ADC VPX", "13.1-49.14", "CVE-2023-4966", true},
        {"citrix 13.1-49.15 fixed 4966", "Citrix", "NetScaler ADC VPX", "NS13.1: Build 49.15.nc",
         "CVE-2023-4966", false},
        {"citrix 12.1 EoL in 3519", "Citrix", "NetScaler ADC VPX", "12.1-65.35", "CVE-2023-3519", true},
        {"ivanti 22.7R2.4 in 0282", "Ivanti", "Connect Secure", "22.7R2.4", "CVE-2025-0282", true},
        {"ivanti 22.7R2.5 fixed 0282", "Ivanti", "Connect Secure", "22.7R2.5", "CVE-2025-0282", false},
        {"pulse 9.1R11.3 in 22893", "Pulse Secure", "PCS", "9.1R11.3", "CVE-2021-22893", true},
        {"pulse 9.1R11.4 fixed", "Pulse Secure", "PCS", "9.1R11.4", "CVE-2021-22893", false},
        {"sonicos 6.5.4.14-109n in 40766", "SonicWall", "TZ 400", "6.5.4.14-109n", "CVE-2024-40766", true},
        {"sonicos 6.5.4.15-116n fixed", "SonicWall", "TZ 400", "6.5.4.15-116n", "CVE-2024-40766", false},
        {"sonicos 7.0.1-5035 in", "SonicWall", "TZ 270", "7.0.1-5035", "CVE-2024-40766", true},
        {"sonicos 7.0.1-5050 out", "SonicWall", "TZ 270", "7.0.1-5050", "CVE-2024-40766", false},
        {"zyxel 5.21 Patch 1 in 30525", "Zyxel", "USG FLEX 100", "V5.21(ABUH.1)", "CVE-2022-30525", true},
        {"zyxel 5.30 fixed 30525", "Zyxel", "USG FLEX 100", "V5.30(ABUH.0)", "CVE-2022-30525", false},
        {"zyxel 5.36 Patch 1 in 33009", "Zyxel", "ATP200", "V5.36 Patch 1", "CVE-2023-33009", true},
        {"zyxel 5.36 Patch 2 fixed", "Zyxel", "ATP200", "V5.36 Patch 2", "CVE-2023-33009", false},
        {"mikrotik 6.42 in 14847", "MikroTik", "RB750Gr3", "6.42", "CVE-2018-14847", true},
        {"mikrotik 6.42.1 fixed", "MikroTik", "RB750Gr3", "6.42.1", "CVE-2018-14847", false},
        {"mikrotik 6.40.7 in", "MikroTik", "RB750Gr3", "6.40.7 (bugfix)", "CVE-2018-14847", true},
        {"mikrotik 6.40.8 bugfix fixed", "MikroTik", "RB750Gr3", "6.40.8 (bugfix)", "CVE-2018-14847", false},
        {"bigip 16.1.2 in 1388", "F5", "BIG-IP i2600", "16.1.2", "CVE-2022-1388", true},
        {"bigip 16.1.2.2 fixed", "F5", "BIG-IP i2600", "16.1.2.2", "CVE-2022-1388", false},
        {"watchguard 12.7.2_U1 in", "WatchGuard", "Firebox T40", "12.7.2_U1", "CVE-2022-26318", true},
        {"watchguard 12.7.2_U2 fixed", "WatchGuard", "Firebox T40", "12.7.2_U2", "CVE-2022-26318", false},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << QString::fromUtf8(r.vendor) << QString::fromUtf8(r.model)
                              << QString::fromUtf8(r.firmware) << QString::fromUtf8(r.cve) << r.affected;
}

void TestDeviceRules::kevBoundaries()
{
    QFETCH(QString, vendor);
    QFETCH(QString, model);
    QFETCH(QString, firmware);
    QFETCH(QString, cve);
    QFETCH(bool, affected);
    const Device d = device(vendor, model, firmware);
    const QStringList cves = cvesOf(VulnKb::builtIn().matches(d));
    QVERIFY2(cves.contains(cve) == affected,
             qPrintable(QStringLiteral("%1 %2: expected %3 %4, matched [%5] (identified %6 %7)")
                            .arg(model, firmware, cve,
                                 affected ? QStringLiteral("affected") : QStringLiteral("not affected"),
                                 cves.join(QLatin1Char(' ')), VulnKb::identify(d).family,
                                 VulnKb::identify(d).version)));
}

void TestDeviceRules::findingStatus_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("firmware");
    QTest::addColumn<QStringList>("facts");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("needsConfirmation");
    QTest::addColumn<QString>("textContains");

    const QString fortinet = QStringLiteral("Fortinet");
    const QString fg = QStringLiteral("FortiGate-60F");
    const QString v742 = QStringLiteral("v7.4.2,build2571,231219 (GA.M)");
    const QString noFgfm = QStringLiteral("remote_admin_services=wan1: ping https ssh; internal: ping https");
    QTest::newRow("ssl-vpn on: danger")
        << fortinet << fg << v742 << QStringList{QStringLiteral("ssl_vpn_configured=yes"), noFgfm}
        << QStringLiteral("danger") << false << QStringLiteral("（FortiOS 7.4.2）");
    QTest::newRow("fgfm on, ssl-vpn off: danger")
        << fortinet << fg << v742
        << QStringList{QStringLiteral("ssl_vpn_configured=no"),
                       QStringLiteral("remote_admin_services=wan1: ping https ssh fgfm")}
        << QStringLiteral("danger") << false << QStringLiteral("既知の悪用された脆弱性（CISA KEV）");
    QTest::newRow("features off: caution")
        << fortinet << fg << v742 << QStringList{QStringLiteral("ssl_vpn_configured=no"), noFgfm}
        << QStringLiteral("caution") << false << QStringLiteral("現在の設定で無効");
    QTest::newRow("features unread: caution")
        << fortinet << fg << v742 << QStringList{} << QStringLiteral("caution") << false
        << QStringLiteral("設定状態を読み取れなかった");
    QTest::newRow("ssl-vpn unread, fgfm off: unknown wins")
        << fortinet << fg << v742 << QStringList{noFgfm} << QStringLiteral("caution") << false
        << QStringLiteral("SSL-VPN）の設定状態を読み取れなかった");
    QTest::newRow("fortios 6.0.4 exact text")
        << fortinet << QStringLiteral("FortiGate-60E") << QStringLiteral("v6.0.4,build0231,190107 (GA)")
        << QStringList{QStringLiteral("ssl_vpn_configured=yes")} << QStringLiteral("danger") << false
        << QStringLiteral(
               "既知の悪用された脆弱性（CISA KEV）の影響範囲にあるファームウェア（FortiOS 6.0.4）");
    QTest::newRow("ios-xe http server on")
        << QStringLiteral("Cisco") << QStringLiteral("C9300-48P") << QStringLiteral("17.9.4")
        << QStringList{QStringLiteral("remote_admin_services=http; https; ssh telnet")}
        << QStringLiteral("danger") << false << QStringLiteral("Cisco IOS XE 17.9.4");
    QTest::newRow("ios-xe http server off")
        << QStringLiteral("Cisco") << QStringLiteral("C9300-48P") << QStringLiteral("17.9.4")
        << QStringList{QStringLiteral("remote_admin_services=ssh")} << QStringLiteral("caution") << false
        << QStringLiteral("Web UI（ip http server））は現在の設定で無効");
    QTest::newRow("junos j-web on, cna + recalled")
        << QStringLiteral("Juniper Networks") << QStringLiteral("srx345") << QStringLiteral("21.4R3-S4")
        << QStringList{QStringLiteral("remote_admin_services=ssh; web-management https")}
        << QStringLiteral("danger") << false << QStringLiteral("Junos OS 21.4R3-S4");
    QTest::newRow("mikrotik winbox on, only recalled")
        << QStringLiteral("MikroTik") << QStringLiteral("RB750Gr3") << QStringLiteral("6.40.7 (bugfix)")
        << QStringList{QStringLiteral("remote_admin_services=ssh; winbox")} << QStringLiteral("danger")
        << true << QStringLiteral("MikroTik RouterOS 6.40.7");
    QTest::newRow("bigip mgmt unknown, only recalled")
        << QStringLiteral("F5") << QStringLiteral("BIG-IP i2600") << QStringLiteral("16.1.2") << QStringList{}
        << QStringLiteral("caution") << true << QStringLiteral("設定状態を読み取れなかった");
    QTest::newRow("panos mgmt unknown, one cna row")
        << QStringLiteral("Palo Alto Networks") << QStringLiteral("PA-440") << QStringLiteral("11.2.3")
        << QStringList{} << QStringLiteral("caution") << false << QStringLiteral("管理画面");
    QTest::newRow("asa feature-free row drives danger")
        << QStringLiteral("Cisco") << QStringLiteral("ASA5516") << QStringLiteral("9.16(4)55")
        << QStringList{QStringLiteral("ssl_vpn_configured=no"), QStringLiteral("ipsec_configured=no"),
                       QStringLiteral("remote_admin_services=ssh 10.0.0.0 255.0.0.0 inside")}
        << QStringLiteral("danger") << false << QStringLiteral("Cisco ASA 9.16.4.55");
    QTest::newRow("citrix gateway unknown")
        << QStringLiteral("Citrix") << QStringLiteral("NetScaler ADC VPX") << QStringLiteral("13.1-49.12")
        << QStringList{} << QStringLiteral("caution") << false << QStringLiteral("Gateway/AAA 仮想サーバ");
    QTest::newRow("zyxel recalled without feature")
        << QStringLiteral("Zyxel") << QStringLiteral("USG FLEX 100") << QStringLiteral("V5.21(ABUH.1)")
        << QStringList{} << QStringLiteral("danger") << false << QStringLiteral("Zyxel ZLD 5.21 Patch 1");
}

void TestDeviceRules::findingStatus()
{
    QFETCH(QString, vendor);
    QFETCH(QString, model);
    QFETCH(QString, firmware);
    QFETCH(QStringList, facts);
    QFETCH(QString, status);
    QFETCH(bool, needsConfirmation);
    QFETCH(QString, textContains);

    const QList<Finding> findings = DeviceRules::evaluate(device(vendor, model, firmware, facts));
    QCOMPARE(findings.size(), 1);
    const Finding &f = findings.first();
    QCOMPARE(f.ruleId, QStringLiteral("device.firmware.kev"));
    QCOMPARE(f.status, status);
    QCOMPARE(f.needsConfirmation, needsConfirmation);
    QVERIFY2(f.text.contains(textContains), qPrintable(QStringLiteral("text: ") + f.text));
}

void TestDeviceRules::findingShape()
{
    Device d =
        device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60E"),
               QStringLiteral("v6.0.4,build0231,190107 (GA)"), {QStringLiteral("ssl_vpn_configured=yes")});
    d.uuid = QStringLiteral("5d0c1f8e-0000-4000-8000-000000000001");
    const QList<Finding> findings = DeviceRules::evaluate(d);
    QCOMPARE(findings.size(), 1);
    const Finding &f = findings.first();
    QCOMPARE(f.targetEntity, QStringLiteral("device"));
    QCOMPARE(f.targetId, qint64(42));
    QVERIFY(f.uuid.isEmpty());
    QCOMPARE(f.category, QStringLiteral("ファームウェア"));
    QCOMPARE(
        f.text,
        QStringLiteral("既知の悪用された脆弱性（CISA KEV）の影響範囲にあるファームウェア（FortiOS 6.0.4）"));
    // Every matched CVE with its range, basis, feature state and fixed versions.
    QVERIFY2(f.evidence.contains(QStringLiteral("CVE-2018-13379")), qPrintable(f.evidence));
    QVERIFY2(f.evidence.contains(QStringLiteral("影響範囲 6.0.0〜6.0.4")), qPrintable(f.evidence));
    QVERIFY2(f.evidence.contains(QStringLiteral("SSL-VPN: 有効")), qPrintable(f.evidence));
    QVERIFY2(f.evidence.contains(QStringLiteral("修正版 FortiOS 5.4.13; 5.6.8; 6.0.5")),
             qPrintable(f.evidence));
    QVERIFY2(f.evidence.contains(QStringLiteral("CVE-2019-5591")), qPrintable(f.evidence));
    QVERIFY2(f.evidence.contains(QStringLiteral("v6.0.4,build0231")), qPrintable(f.evidence));
    // SSL-VPN credential leak (CVE-2018-13379): passwords are changed.
    QVERIFY2(f.recommendation.contains(QStringLiteral("パスワードを変更")), qPrintable(f.recommendation));
    QVERIFY(f.recommendation.contains(QStringLiteral("修正版")));

    // The declared maker and model identify the family when no vendor or model was collected.
    Device declared;
    declared.id = 7;
    declared.maker = QStringLiteral("Fortinet");
    declared.model = QStringLiteral("FortiGate-60E");
    declared.facts = device({}, {}, QStringLiteral("6.0.4 build0231")).facts;
    const QList<Finding> fromDeclared = DeviceRules::evaluate(declared);
    QCOMPARE(fromDeclared.size(), 1);
    QCOMPARE(fromDeclared.first().targetId, qint64(7));

    // A feature that is off gives no credential advice.
    const QList<Finding> off = DeviceRules::evaluate(device(
        QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"), QStringLiteral("7.4.2"),
        {QStringLiteral("ssl_vpn_configured=no"), QStringLiteral("remote_admin_services=wan1: ping")}));
    QCOMPARE(off.size(), 1);
    QVERIFY(!off.first().recommendation.contains(QStringLiteral("パスワード")));
}

void TestDeviceRules::noFinding_data()
{
    QTest::addColumn<Device>("device");

    QTest::newRow("yamaha not in KEV")
        << device(QStringLiteral("Yamaha"), QStringLiteral("RTX1210"), QStringLiteral("Rev.14.01.38"));
    QTest::newRow("nec ix not in KEV")
        << device(QStringLiteral("NEC"), QStringLiteral("IX2215"), QStringLiteral("10.2.36"));
    QTest::newRow("fortios fixed") << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"),
                                             QStringLiteral("v7.4.8,build2795,250523 (GA.M)"));
    QTest::newRow("vendor known, no firmware")
        << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"), QString());
    QTest::newRow("declared only") << [] {
        Device d;
        d.maker = QStringLiteral("Fortinet");
        d.model = QStringLiteral("FortiGate-60F");
        return d;
    }();
    QTest::newRow("unparsable firmware")
        << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"), QStringLiteral("unknown"));
    QTest::newRow("cisco classic ios no range")
        << device(QStringLiteral("Cisco"), QStringLiteral("ISR4331"), QStringLiteral("15.2(4)M3"));
    QTest::newRow("cisco nx-os") << device(QStringLiteral("Cisco"), QStringLiteral("C9396PX"),
                                           QStringLiteral("6.1(2)I3(1)"));
    QTest::newRow("zyxel dsl modem") << device(QStringLiteral("Zyxel Communications Corp."),
                                               QStringLiteral("VMG1312-B10D"),
                                               QStringLiteral("V5.13(AAXA.8)C0"));
    QTest::newRow("very long firmware")
        << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"),
                  QStringLiteral("v6.0.4") + QString(100000, QLatin1Char('9')));
    QTest::newRow("control characters") << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"),
                                                  QStringLiteral("v6.0.4\u0001,build0231\u001b[2J"));
    QTest::newRow("nul inside") << device(QStringLiteral("Palo Alto Networks"), QStringLiteral("PA-440"),
                                          QStringLiteral("10.2.9") + QChar(0) + QStringLiteral("-h1"));
    QTest::newRow("huge numbers") << device(QStringLiteral("Palo Alto Networks"), QStringLiteral("PA-440"),
                                            QStringLiteral("99999999999999999999.2.9"));
    QTest::newRow("hostile vendor") << device(QString(50000, QChar(0x202e)), QString(50000, QLatin1Char('(')),
                                              QString(50000, QLatin1Char('.')));
}

void TestDeviceRules::noFinding()
{
    QFETCH(Device, device);
    QCOMPARE(DeviceRules::evaluate(device).size(), 0);
}

void TestDeviceRules::identifyFamily_data()
{
    QTest::addColumn<Device>("device");
    QTest::addColumn<QString>("family");

    QTest::newRow("fortigate") << device(QStringLiteral("Fortinet"), QStringLiteral("FortiGate-60F"),
                                         QStringLiteral("v7.0.7,build0367,221005 (GA.F)"))
                               << QStringLiteral("fortios");
    QTest::newRow("fortiwifi") << device(QStringLiteral("Fortinet"), QStringLiteral("FortiWiFi-60E"),
                                         QStringLiteral("7.0.7"))
                               << QStringLiteral("fortios");
    QTest::newRow("ios 15") << device(QStringLiteral("Cisco"), QStringLiteral("ISR4331"),
                                      QStringLiteral("15.2(4)M3"))
                            << QStringLiteral("ios");
    QTest::newRow("ios 12") << device(QStringLiteral("Cisco"), QStringLiteral("WS-C4948E"),
                                      QStringLiteral("12.2(54)SG1"))
                            << QStringLiteral("ios");
    QTest::newRow("ios-xe 16") << device(QStringLiteral("Cisco"), QStringLiteral("C9500-40X"),
                                         QStringLiteral("16.9.3"))
                               << QStringLiteral("ios-xe");
    QTest::newRow("ios-xe 03") << device(QStringLiteral("Cisco"), QStringLiteral("WS-C3850-48U"),
                                         QStringLiteral("03.06.05E"))
                               << QStringLiteral("ios-xe");
    QTest::newRow("asa by facts") << device(QStringLiteral("Cisco"), QStringLiteral("FPR-1010"),
                                            QStringLiteral("9.16(4)55"), {QStringLiteral("failover=Off")})
                                  << QStringLiteral("asa");
    QTest::newRow("asa by model") << device(QStringLiteral("Cisco"), QStringLiteral("ASA5516"),
                                            QStringLiteral("9.9(2)32"))
                                  << QStringLiteral("asa");
    QTest::newRow("ftd by facts") << device(QStringLiteral("Cisco"), QStringLiteral("FPR-1120"),
                                            QStringLiteral("7.0.6.1"),
                                            {QStringLiteral("asa_version=9.16(4)19")})
                                  << QStringLiteral("ftd");
    QTest::newRow("declared asa") << [] {
        Device d;
        d.maker = QStringLiteral("Cisco");
        d.model = QStringLiteral("Cisco Adaptive Security Appliance 5506-X");
        d.facts = device({}, {}, QStringLiteral("9.8(4)48")).facts;
        return d;
    }() << QStringLiteral("asa");
    QTest::newRow("yamaha") << device(QStringLiteral("Yamaha"), QStringLiteral("RTX1210"),
                                      QStringLiteral("Rev.14.01.38"))
                            << QString();
}

void TestDeviceRules::identifyFamily()
{
    QFETCH(Device, device);
    QFETCH(QString, family);
    QCOMPARE(VulnKb::identify(device).family, family);
}

void TestDeviceRules::shippedTablesParse()
{
    const QByteArray kev = resourceBytes(QStringLiteral(":/fieldsurvey/vulnkb/edge-kev.tsv"));
    const QByteArray ranges = resourceBytes(QStringLiteral(":/fieldsurvey/vulnkb/edge-kev-ranges.tsv"));
    QVERIFY(!kev.isEmpty());
    QVERIFY(!ranges.isEmpty());
    FS_VERIFY_OK(VulnKb::fromTsv(kev, ranges));
    // The embedded table is a byte-exact copy of the corpus file.
    QCOMPARE(kev, fs::test::readFile(fs::test::sharedFile(QStringLiteral("corpus/vulnkb/edge-kev.tsv"))));
    QCOMPARE(VulnKb::builtIn().entries().size(), 64);
    QVERIFY(!VulnKb::builtIn().ranges().isEmpty());
}

void TestDeviceRules::rangesAgainstCatalogue()
{
    const VulnKb &kb = VulnKb::builtIn();
    const QByteArray json = fs::test::readFile(
        fs::test::sharedFile(QStringLiteral("corpus/vulnkb/known_exploited_vulnerabilities.json")));
    const QJsonArray vulnerabilities =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("vulnerabilities")).toArray();
    QVERIFY(vulnerabilities.size() > 1000);
    QSet<QString> catalogue;
    for (const QJsonValue &v : vulnerabilities)
        catalogue.insert(v.toObject().value(QStringLiteral("cveID")).toString());

    QSet<QString> rows;
    for (const KevEntry &e : kb.entries()) {
        rows.insert(e.cve);
        QVERIFY2(catalogue.contains(e.cve),
                 qPrintable(e.cve + QStringLiteral(" is not in the KEV catalogue")));
    }
    QSet<QString> ranged;
    for (const KevRange &r : kb.ranges()) {
        QVERIFY2(
            rows.contains(r.cve),
            qPrintable(
                QStringLiteral("ranges line %1: %2 is not a row of edge-kev.tsv").arg(r.line).arg(r.cve)));
        QVERIFY2(
            catalogue.contains(r.cve),
            qPrintable(
                QStringLiteral("ranges line %1: %2 is not in the KEV catalogue").arg(r.line).arg(r.cve)));
        // The basis follows affected_basis: anything that says advisory-recalled is advisory-recalled.
        const bool recalled = kb.entry(r.cve)->affectedBasis.contains(QStringLiteral("advisory-recalled"));
        QVERIFY2((r.basis == KevBasis::AdvisoryRecalled) == recalled,
                 qPrintable(QStringLiteral("ranges line %1: basis of %2 does not follow affected_basis")
                                .arg(r.line)
                                .arg(r.cve)));
        ranged.insert(r.cve);
    }
    QSet<QString> notMatched;
    for (const KevNotMatched &n : kb.notMatched()) {
        QVERIFY2(!ranged.contains(n.cve),
                 qPrintable(n.cve + QStringLiteral(" is both ranged and not matched")));
        QVERIFY(!n.reason.isEmpty());
        notMatched.insert(n.cve);
    }
    for (const QString &cve : rows) {
        QVERIFY2(
            ranged.contains(cve) || notMatched.contains(cve),
            qPrintable(cve + QStringLiteral(" is neither in the ranges file nor in the not-matched list")));
    }
    for (const char *cve : {"CVE-2018-0171", "CVE-2017-6742", "CVE-2020-3259"})
        QVERIFY2(notMatched.contains(QString::fromLatin1(cve)), cve);
}

void TestDeviceRules::strictParsing_data()
{
    QTest::addColumn<QByteArray>("kev");
    QTest::addColumn<QByteArray>("ranges");
    QTest::addColumn<QString>("where");

    const QByteArray kev = resourceBytes(QStringLiteral(":/fieldsurvey/vulnkb/edge-kev.tsv"));
    const QByteArray header = "cve\tfamily\tlower\tupper\tupper_inclusive\tfeature\tbasis\n";
    QList<QByteArray> kevLines = kev.split('\n');
    QList<QByteArray> shortRow = kevLines;
    shortRow[2] = shortRow[2].left(shortRow[2].indexOf('\t', 20));
    QTest::newRow("kev short row") << shortRow.join('\n') << header << QStringLiteral("edge-kev.tsv line 3");
    QList<QByteArray> badDate = kevLines;
    badDate[4].replace("\t20", "\tyy");
    QTest::newRow("kev bad date") << badDate.join('\n') << header << QStringLiteral("edge-kev.tsv line 5");
    QTest::newRow("kev bad header") << QByteArray("cve\tvendor\n") << header
                                    << QStringLiteral("edge-kev.tsv line 1");
    QTest::newRow("ranges unknown family")
        << kev << header + "# comment\nCVE-2018-13379\tfortigate\t6.0.0\t6.0.4\tyes\tssl_vpn\tcna\n"
        << QStringLiteral("edge-kev-ranges.tsv line 3");
    QTest::newRow("ranges bad version")
        << kev << header + "CVE-2024-3400\tpanos\t10.2.0\t10.2.9-hotfix1\tno\tglobalprotect\tcna\n"
        << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges unknown cve") << kev << header + "CVE-2099-0001\tpanos\t10.2.0\t10.2.9\tno\t\tcna\n"
                                        << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges bad basis")
        << kev << header + "CVE-2024-3400\tpanos\t10.2.0\t10.2.9\tno\t\tvendor\n"
        << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges inverted") << kev << header + "CVE-2024-3400\tpanos\t10.2.9\t10.2.0\tno\t\tcna\n"
                                     << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges inclusive flag")
        << kev << header + "CVE-2024-3400\tpanos\t10.2.0\t10.2.9\tmaybe\t\tcna\n"
        << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges columns") << kev << header + "CVE-2024-3400\tpanos\t10.2.0\n"
                                    << QStringLiteral("edge-kev-ranges.tsv line 2");
    QTest::newRow("ranges no header")
        << kev << QByteArray("# only comments\n") << QStringLiteral("edge-kev-ranges.tsv");
    QTest::newRow("not-matched unknown cve") << kev << header + "# not-matched CVE-2099-0002: no such row\n"
                                             << QStringLiteral("edge-kev-ranges.tsv line 2");
}

void TestDeviceRules::strictParsing()
{
    QFETCH(QByteArray, kev);
    QFETCH(QByteArray, ranges);
    QFETCH(QString, where);
    const auto parsed = VulnKb::fromTsv(kev, ranges);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, fs::ErrorCode::InvalidData);
    QVERIFY2(parsed.error().detail.startsWith(where), qPrintable(parsed.error().detail));
}

void TestDeviceRules::ruleTable()
{
    const QList<DeviceRule> &rules = DeviceRules::rules();
    QCOMPARE(rules.size(), 3);
    QSet<QString> variants;
    for (const DeviceRule &r : rules) {
        QCOMPARE(r.id, QStringLiteral("device.firmware.kev"));
        QVERIFY(r.status == QStringLiteral("danger") || r.status == QStringLiteral("caution"));
        QVERIFY(r.text.contains(QStringLiteral("CISA KEV")));
        QVERIFY(!r.recommendation.isEmpty());
        variants.insert(r.variant);
    }
    QCOMPARE(variants.size(), 3);
    // docs/firmware-rules.md lists the rule table.
    const QString doc = QString::fromUtf8(
        fs::test::readFile(fs::test::sourceDir() + QStringLiteral("/docs/firmware-rules.md")));
    for (const DeviceRule &r : rules) {
        QVERIFY2(doc.contains(r.variant), qPrintable(r.variant));
        QVERIFY2(
            doc.contains(QString(r.text).remove(QStringLiteral("%1")).remove(QStringLiteral("%2")).left(20)),
            qPrintable(r.text));
    }
}

QTEST_GUILESS_MAIN(TestDeviceRules)
#include "tst_devicerules.moc"
