#include "windowsos.h"

#include "terminalfacts.h"

#include <QHash>
#include <QRegularExpression>

namespace fs::model {

namespace {

struct EditionInfo
{
    QString family; // lifecycle edition family; LTSC/LTSB is decided by the build
    QString edition;
};

// Registry EditionID → edition (Microsoft's names; "N" editions as their base).
std::optional<EditionInfo> editionFromId(QString id)
{
    if (id.endsWith(QLatin1Char('N')) && id != QStringLiteral("ServerRdsh") && id.size() > 1)
        id.chop(1);
    static const QHash<QString, EditionInfo> map = {
        {QStringLiteral("Core"), {QStringLiteral("Home/Pro"), QStringLiteral("Home")}},
        {QStringLiteral("CoreSingleLanguage"), {QStringLiteral("Home/Pro"), QStringLiteral("Home")}},
        {QStringLiteral("CoreCountrySpecific"), {QStringLiteral("Home/Pro"), QStringLiteral("Home")}},
        {QStringLiteral("Professional"), {QStringLiteral("Home/Pro"), QStringLiteral("Pro")}},
        {QStringLiteral("ProfessionalEducation"),
         {QStringLiteral("Home/Pro"), QStringLiteral("Pro Education")}},
        {QStringLiteral("ProfessionalWorkstation"),
         {QStringLiteral("Home/Pro"), QStringLiteral("Pro for Workstations")}},
        {QStringLiteral("CloudEdition"), {QStringLiteral("Home/Pro"), QStringLiteral("SE")}},
        {QStringLiteral("Enterprise"),
         {QStringLiteral("Enterprise/Education"), QStringLiteral("Enterprise")}},
        {QStringLiteral("Education"), {QStringLiteral("Enterprise/Education"), QStringLiteral("Education")}},
        {QStringLiteral("IoTEnterprise"),
         {QStringLiteral("Enterprise/Education"), QStringLiteral("IoT Enterprise")}},
        {QStringLiteral("ServerRdsh"),
         {QStringLiteral("Enterprise/Education"), QStringLiteral("Enterprise multi-session")}},
        {QStringLiteral("EnterpriseS"),
         {QStringLiteral("Enterprise LTSC"), QStringLiteral("Enterprise LTSC")}},
        {QStringLiteral("IoTEnterpriseS"),
         {QStringLiteral("IoT Enterprise LTSC"), QStringLiteral("IoT Enterprise LTSC")}},
        {QStringLiteral("ServerStandard"), {QString(), QStringLiteral("Standard")}},
        {QStringLiteral("ServerDatacenter"), {QString(), QStringLiteral("Datacenter")}},
        {QStringLiteral("ServerStandardCor"), {QString(), QStringLiteral("Standard")}},
        {QStringLiteral("ServerDatacenterCor"), {QString(), QStringLiteral("Datacenter")}},
        {QStringLiteral("ServerSolution"), {QString(), QStringLiteral("Essentials")}},
        {QStringLiteral("ServerEssentials"), {QString(), QStringLiteral("Essentials")}},
    };
    const auto it = map.constFind(id);
    if (it == map.constEnd())
        return std::nullopt;
    return *it;
}

// Win32_OperatingSystem.OperatingSystemSKU (GetProductInfo PRODUCT_*) → edition.
std::optional<EditionInfo> editionFromSku(qint64 sku)
{
    switch (sku) {
    case 101: // PRODUCT_CORE
    case 100: // PRODUCT_CORE_SINGLELANGUAGE
    case 98:  // PRODUCT_CORE_N
    case 99:  // PRODUCT_CORE_COUNTRYSPECIFIC
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Home")};
    case 48: // PRODUCT_PROFESSIONAL
    case 49: // PRODUCT_PROFESSIONAL_N
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Pro")};
    case 161: // PRODUCT_PRO_WORKSTATION
    case 162:
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Pro for Workstations")};
    case 164: // PRODUCT_PRO_FOR_EDUCATION
    case 165:
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Pro Education")};
    case 4:  // PRODUCT_ENTERPRISE
    case 27: // PRODUCT_ENTERPRISE_N
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("Enterprise")};
    case 121: // PRODUCT_EDUCATION
    case 122:
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("Education")};
    case 188: // PRODUCT_IOTENTERPRISE
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("IoT Enterprise")};
    case 175: // PRODUCT_ENTERPRISE_MULTI_SESSION
        return EditionInfo{QStringLiteral("Enterprise/Education"),
                           QStringLiteral("Enterprise multi-session")};
    case 125: // PRODUCT_ENTERPRISE_S
    case 126: // PRODUCT_ENTERPRISE_S_N
        return EditionInfo{QStringLiteral("Enterprise LTSC"), QStringLiteral("Enterprise LTSC")};
    case 191: // PRODUCT_IOTENTERPRISES
        return EditionInfo{QStringLiteral("IoT Enterprise LTSC"), QStringLiteral("IoT Enterprise LTSC")};
    case 7:
    case 13:
        return EditionInfo{QString(), QStringLiteral("Standard")};
    case 8:
    case 12:
        return EditionInfo{QString(), QStringLiteral("Datacenter")};
    default:
        return std::nullopt;
    }
}

// The caption's words ("Microsoft Windows 10 Enterprise LTSC" …) as a last resort.
std::optional<EditionInfo> editionFromCaption(const QString &caption)
{
    const QString c = caption.toLower();
    const bool ltsc = c.contains(QStringLiteral("ltsc")) || c.contains(QStringLiteral("ltsb"));
    if (ltsc && c.contains(QStringLiteral("iot")))
        return EditionInfo{QStringLiteral("IoT Enterprise LTSC"), QStringLiteral("IoT Enterprise LTSC")};
    if (ltsc)
        return EditionInfo{QStringLiteral("Enterprise LTSC"), QStringLiteral("Enterprise LTSC")};
    if (c.contains(QStringLiteral("iot enterprise")))
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("IoT Enterprise")};
    if (c.contains(QStringLiteral("enterprise")))
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("Enterprise")};
    if (c.contains(QStringLiteral("education")))
        return EditionInfo{QStringLiteral("Enterprise/Education"), QStringLiteral("Education")};
    if (c.contains(QStringLiteral("pro")))
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Pro")};
    if (c.contains(QStringLiteral("home")))
        return EditionInfo{QStringLiteral("Home/Pro"), QStringLiteral("Home")};
    if (c.contains(QStringLiteral("datacenter")))
        return EditionInfo{QString(), QStringLiteral("Datacenter")};
    if (c.contains(QStringLiteral("standard")))
        return EditionInfo{QString(), QStringLiteral("Standard")};
    if (c.contains(QStringLiteral("essentials")))
        return EditionInfo{QString(), QStringLiteral("Essentials")};
    return std::nullopt;
}

QString clientProduct(int build)
{
    if (build >= 22000)
        return QStringLiteral("Windows 11");
    if (build >= 10240)
        return QStringLiteral("Windows 10");
    if (build == 9600)
        return QStringLiteral("Windows 8.1");
    if (build == 9200)
        return QStringLiteral("Windows 8");
    if (build == 7600 || build == 7601)
        return QStringLiteral("Windows 7");
    return {};
}

QString serverProduct(int build)
{
    switch (build) {
    case 7600:
    case 7601:
        return QStringLiteral("Windows Server 2008 R2");
    case 9200:
        return QStringLiteral("Windows Server 2012");
    case 9600:
        return QStringLiteral("Windows Server 2012 R2");
    case 14393:
        return QStringLiteral("Windows Server 2016");
    case 17763:
        return QStringLiteral("Windows Server 2019");
    case 20348:
        return QStringLiteral("Windows Server 2022");
    case 25398:
        return QStringLiteral("Windows Server 23H2");
    case 26100:
        return QStringLiteral("Windows Server 2025");
    default:
        return {};
    }
}

} // namespace

QString WindowsOs::name() const
{
    if (!known)
        return {};
    QString text = product;
    if (!edition.isEmpty())
        text += QLatin1Char(' ') + edition;
    if (!version.isEmpty() && !server) {
        // "Enterprise LTSC" + "LTSC 2021" → "Enterprise LTSC 2021"; "2016 LTSB" → "… LTSB 2016".
        QString v = version;
        if (edition.contains(QStringLiteral("LTS")))
            v = v.remove(QStringLiteral("LTSC")).remove(QStringLiteral("LTSB")).simplified();
        text += QLatin1Char(' ') + v;
    }
    return text;
}

QString WindowsOs::buildText() const
{
    if (build <= 0)
        return {};
    return ubr >= 0 ? QStringLiteral("%1.%2").arg(build).arg(ubr) : QString::number(build);
}

WindowsOs WindowsOs::identify(const QJsonObject &os, const WindowsLifecycle &lifecycle)
{
    WindowsOs result;
    int build = int(jsonInt(os, QStringLiteral("build")).value_or(0));
    if (build <= 0) {
        // "10.0.19045" when only the version string was read.
        static const QRegularExpression versionBuild(QStringLiteral("^\\d+\\.\\d+\\.(\\d+)"));
        if (const auto m = versionBuild.match(jsonText(os, QStringLiteral("version"))); m.hasMatch())
            build = m.captured(1).toInt();
    }
    if (build <= 0)
        return result;
    result.known = true;
    result.build = build;
    result.ubr = int(jsonInt(os, QStringLiteral("ubr")).value_or(-1));

    const QString caption = jsonText(os, QStringLiteral("caption"));
    const QString editionId = jsonText(os, QStringLiteral("editionId"));
    const QString installationType = jsonText(os, QStringLiteral("installationType"));
    const auto productType = jsonInt(os, QStringLiteral("productType"));
    result.server = (productType && *productType != 1) ||
                    installationType.startsWith(QStringLiteral("Server")) ||
                    editionId.startsWith(QStringLiteral("Server")) ||
                    caption.contains(QStringLiteral("Server"), Qt::CaseInsensitive);

    std::optional<EditionInfo> edition = editionFromId(editionId);
    if (!edition)
        edition = editionFromSku(jsonInt(os, QStringLiteral("sku")).value_or(-1));
    if (!edition)
        edition = editionFromCaption(caption);
    if (!edition) // its version number is wrong on Windows 11, its edition word is right
        edition = editionFromCaption(jsonText(os, QStringLiteral("productNameRegistry")));
    if (edition)
        result.edition = edition->edition;

    if (result.server) {
        result.product = serverProduct(build);
        result.lifecycle = lifecycle.find(result.product, {}, build);
        if (result.lifecycle)
            result.version = result.lifecycle->version;
        return result;
    }

    result.product = clientProduct(build);
    if (result.product == QStringLiteral("Windows 7") || result.product == QStringLiteral("Windows 8.1")) {
        const bool embedded = caption.contains(QStringLiteral("Embedded"), Qt::CaseInsensitive);
        for (const LifecycleRow &row : lifecycle.rows()) {
            if (row.build != build)
                continue;
            const bool rowEmbedded = row.product.contains(QStringLiteral("Embedded"));
            if (rowEmbedded == embedded && (embedded || row.product == result.product)) {
                result.lifecycle = row;
                result.product = row.product;
                if (embedded) // "Windows Embedded Standard 7" names the edition itself
                    result.edition.clear();
                break;
            }
        }
    } else if (edition && !edition->family.isEmpty()) {
        result.editionFamily = edition->family;
        result.lifecycle = lifecycle.find(result.product, edition->family, build);
        if (!result.lifecycle && edition->family.endsWith(QStringLiteral("LTSC"))) {
            // LTSB: the 2015 and 2016 releases.
            QString ltsb = edition->family;
            ltsb.replace(QStringLiteral("LTSC"), QStringLiteral("LTSB"));
            result.lifecycle = lifecycle.find(result.product, ltsb, build);
            if (result.lifecycle) {
                result.editionFamily = ltsb;
                result.edition.replace(QStringLiteral("LTSC"), QStringLiteral("LTSB"));
            }
        }
    }
    if (result.lifecycle) {
        // "LTSC 2021 (21H2)" → "LTSC 2021"; "22H2" stays.
        result.version = result.lifecycle->version.section(QStringLiteral(" ("), 0, 0);
    } else {
        result.version = jsonText(os, QStringLiteral("displayVersion"));
    }
    return result;
}

} // namespace fs::model
