#include "manualterminalfacts.h"

#include "terminalfacts.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace fs::model {

namespace {

QJsonObject section(bool known)
{
    return {{QStringLiteral("status"), known ? QStringLiteral("ok") : QStringLiteral("skipped")},
            {QStringLiteral("error"), QJsonValue::Null},
            {QStringLiteral("needsAdmin"), false}};
}

QJsonValue answer(ManualTerminalFacts::Answer a, const QJsonValue &yes, const QJsonValue &no)
{
    switch (a) {
    case ManualTerminalFacts::Answer::Yes:
        return yes;
    case ManualTerminalFacts::Answer::No:
        return no;
    case ManualTerminalFacts::Answer::Unknown:
        break;
    }
    return QJsonValue::Null;
}

ManualTerminalFacts::Answer answerOf(const QJsonObject &s, const QString &key, const QJsonValue &yes)
{
    if (s.value(QStringLiteral("status")).toString() != QStringLiteral("ok") || s.value(key).isNull() ||
        s.value(key).isUndefined())
        return ManualTerminalFacts::Answer::Unknown;
    return s.value(key) == yes ? ManualTerminalFacts::Answer::Yes : ManualTerminalFacts::Answer::No;
}

// The Security Center state a product shows (community decoding, see terminalevaluator.cpp).
qint64 productState(const QString &state, bool microsoft)
{
    const qint64 owner = microsoft ? 0x100 : 0;
    if (state == QStringLiteral("on"))
        return 0x041000 | owner;
    if (state == QStringLiteral("outdated"))
        return 0x041010 | owner;
    return 0x040000 | owner;
}

} // namespace

const QList<ManualEdition> &ManualTerminalFacts::editions()
{
    static const QList<ManualEdition> list = [] {
        QList<ManualEdition> l;
        const auto client = [&l](const QString &product, const QString &key, const QString &edition,
                                 const QString &id) {
            l.append({key, QStringLiteral("Microsoft %1 %2").arg(product, edition), id, 1});
        };
        for (const auto &[product, prefix] :
             {std::pair{QStringLiteral("Windows 11"), QStringLiteral("win11")},
              std::pair{QStringLiteral("Windows 10"), QStringLiteral("win10")}}) {
            client(product, prefix + QStringLiteral("-home"), QStringLiteral("Home"), QStringLiteral("Core"));
            client(product, prefix + QStringLiteral("-pro"), QStringLiteral("Pro"),
                   QStringLiteral("Professional"));
            client(product, prefix + QStringLiteral("-enterprise"), QStringLiteral("Enterprise"),
                   QStringLiteral("Enterprise"));
            client(product, prefix + QStringLiteral("-education"), QStringLiteral("Education"),
                   QStringLiteral("Education"));
            client(product, prefix + QStringLiteral("-iot-enterprise"), QStringLiteral("IoT Enterprise"),
                   QStringLiteral("IoTEnterprise"));
            client(product, prefix + QStringLiteral("-enterprise-ltsc"), QStringLiteral("Enterprise LTSC"),
                   QStringLiteral("EnterpriseS"));
            client(product, prefix + QStringLiteral("-iot-enterprise-ltsc"),
                   QStringLiteral("IoT Enterprise LTSC"), QStringLiteral("IoTEnterpriseS"));
        }
        client(QStringLiteral("Windows 8.1"), QStringLiteral("win81-pro"), QStringLiteral("Pro"),
               QStringLiteral("Professional"));
        client(QStringLiteral("Windows 7"), QStringLiteral("win7-professional"),
               QStringLiteral("Professional"), QStringLiteral("Professional"));
        client(QStringLiteral("Windows Embedded Standard 7"), QStringLiteral("wes7"), QString(), QString());
        l.last().caption = QStringLiteral("Microsoft Windows Embedded Standard");
        for (const QString &server :
             {QStringLiteral("2012"), QStringLiteral("2012 R2"), QStringLiteral("2016"),
              QStringLiteral("2019"), QStringLiteral("2022"), QStringLiteral("2025")}) {
            const QString key = QStringLiteral("server") + QString(server).remove(QLatin1Char(' ')).toLower();
            l.append({key + QStringLiteral("-standard"),
                      QStringLiteral("Microsoft Windows Server %1 Standard").arg(server),
                      QStringLiteral("ServerStandard"), 3});
            l.append({key + QStringLiteral("-datacenter"),
                      QStringLiteral("Microsoft Windows Server %1 Datacenter").arg(server),
                      QStringLiteral("ServerDatacenter"), 3});
        }
        return l;
    }();
    return list;
}

bool ManualTerminalFacts::setBuildText(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:10\\.0\\.)?(\\d{4,5})(?:\\.(\\d{1,6}))?\\s*$"));
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    build = m.captured(1).toInt();
    ubr = m.captured(2).isEmpty() ? -1 : m.captured(2).toInt();
    return true;
}

QString ManualTerminalFacts::buildText() const
{
    if (build <= 0)
        return {};
    return ubr >= 0 ? QStringLiteral("%1.%2").arg(build).arg(ubr) : QString::number(build);
}

QJsonObject ManualTerminalFacts::toJson() const
{
    const ManualEdition *edition = nullptr;
    for (const ManualEdition &e : editions()) {
        if (e.key == editionKey)
            edition = &e;
    }
    QJsonObject collector{
        {QStringLiteral("name"), QLatin1String(TerminalFacts::kManual)},
        {QStringLiteral("version"), QStringLiteral("1")},
        {QStringLiteral("enteredBy"), enteredBy.left(256)},
        {QStringLiteral("collectedAtUtc"),
         enteredAt.isValid() ? QJsonValue(enteredAt.toUTC().toString(Qt::ISODate)) : QJsonValue::Null}};
    QJsonObject computer = section(!computerName.isEmpty());
    computer.insert(QStringLiteral("name"), computerName.left(64));

    QJsonObject os = section(edition != nullptr || build > 0);
    os.insert(QStringLiteral("caption"), edition ? QJsonValue(edition->caption) : QJsonValue::Null);
    os.insert(QStringLiteral("editionId"),
              edition && !edition->editionId.isEmpty() ? QJsonValue(edition->editionId) : QJsonValue::Null);
    os.insert(QStringLiteral("productType"), edition ? QJsonValue(edition->productType) : QJsonValue::Null);
    os.insert(QStringLiteral("build"), build > 0 ? QJsonValue(build) : QJsonValue::Null);
    os.insert(QStringLiteral("ubr"), ubr >= 0 ? QJsonValue(ubr) : QJsonValue::Null);
    os.insert(QStringLiteral("displayVersion"),
              displayVersion.isEmpty() ? QJsonValue::Null : QJsonValue(displayVersion.left(16)));

    QJsonObject esuSection = section(esu != Answer::Unknown);
    esuSection.insert(QStringLiteral("licenses"),
                      esu == Answer::Yes
                          ? QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("ESU（手入力）")},
                                                   {QStringLiteral("licenseStatus"), 1}}}
                          : QJsonArray());

    QJsonObject updates = section(lastUpdate.isValid() || rebootPending);
    // Noon in Japan of the day the investigator read.
    updates.insert(QStringLiteral("lastInstallSuccess"),
                   lastUpdate.isValid()
                       ? QJsonValue(QDateTime(lastUpdate, QTime(3, 0), Qt::UTC).toString(Qt::ISODate))
                       : QJsonValue::Null);
    updates.insert(QStringLiteral("rebootPending"), rebootPending);

    QJsonObject internetSection = section(!internet.isEmpty());
    internetSection.insert(QStringLiteral("confirmedOnSite"),
                           internet.isEmpty() ? QJsonValue::Null : QJsonValue(internet));

    QJsonObject antivirus = section(!antivirusState.isEmpty());
    QJsonArray products;
    if (!antivirusState.isEmpty() && antivirusState != QStringLiteral("none")) {
        const bool microsoft = antivirusName.contains(QStringLiteral("Defender"), Qt::CaseInsensitive) ||
                               antivirusName.contains(QStringLiteral("Microsoft"), Qt::CaseInsensitive);
        products.append(QJsonObject{
            {QStringLiteral("displayName"),
             antivirusName.isEmpty() ? QStringLiteral("（名称未記入）") : antivirusName.left(256)},
            {QStringLiteral("productState"), productState(antivirusState, microsoft)},
            {QStringLiteral("enabled"), antivirusState != QStringLiteral("off")},
            {QStringLiteral("definitionsUpToDate"), antivirusState == QStringLiteral("on")},
            {QStringLiteral("exeExists"), true}});
    }
    antivirus.insert(QStringLiteral("products"), products);

    QJsonObject usbSection = section(!usb.isEmpty());
    usbSection.insert(QStringLiteral("confirmedOnSite"), usb.isEmpty() ? QJsonValue::Null : QJsonValue(usb));

    QJsonObject smb = section(smb1 != Answer::Unknown);
    smb.insert(QStringLiteral("featureState"), answer(smb1, 1, 2));
    QJsonObject rdpSection = section(rdp != Answer::Unknown);
    rdpSection.insert(QStringLiteral("denyTsConnections"), answer(rdp, 0, 1));
    QJsonObject accounts = section(adminUser != Answer::Unknown);
    accounts.insert(QStringLiteral("currentUserIsAdmin"), answer(adminUser, true, false));

    return {{QStringLiteral("schema"), QLatin1String(TerminalFacts::kSchemaName)},
            {QStringLiteral("collector"), collector},
            {QStringLiteral("computer"), computer},
            {QStringLiteral("os"), os},
            {QStringLiteral("esu"), esuSection},
            {QStringLiteral("updates"), updates},
            {QStringLiteral("antivirus"), antivirus},
            {QStringLiteral("internet"), internetSection},
            {QStringLiteral("usbStorage"), usbSection},
            {QStringLiteral("smb1"), smb},
            {QStringLiteral("rdp"), rdpSection},
            {QStringLiteral("accounts"), accounts}};
}

ManualTerminalFacts ManualTerminalFacts::fromJson(const QJsonObject &facts)
{
    ManualTerminalFacts m;
    const auto part = [&facts](const char *name) { return facts.value(QLatin1String(name)).toObject(); };
    const auto ok = [](const QJsonObject &s) {
        return s.value(QStringLiteral("status")).toString() == QStringLiteral("ok");
    };
    m.computerName = part("computer").value(QStringLiteral("name")).toString();
    const QJsonObject os = part("os");
    for (const ManualEdition &e : editions()) {
        if (e.caption == os.value(QStringLiteral("caption")).toString())
            m.editionKey = e.key;
    }
    m.build = os.value(QStringLiteral("build")).toInt(0);
    m.ubr = os.value(QStringLiteral("ubr")).isDouble() ? os.value(QStringLiteral("ubr")).toInt() : -1;
    m.displayVersion = os.value(QStringLiteral("displayVersion")).toString();
    const QJsonObject esu = part("esu");
    if (ok(esu))
        m.esu = esu.value(QStringLiteral("licenses")).toArray().isEmpty() ? Answer::No : Answer::Yes;
    const QJsonObject updates = part("updates");
    if (const auto t = jsonTime(updates, QStringLiteral("lastInstallSuccess")))
        m.lastUpdate = t->toOffsetFromUtc(9 * 3600).date();
    m.rebootPending = updates.value(QStringLiteral("rebootPending")).toBool();
    m.internet = part("internet").value(QStringLiteral("confirmedOnSite")).toString();
    const QJsonObject antivirus = part("antivirus");
    if (ok(antivirus)) {
        const QJsonArray products = antivirus.value(QStringLiteral("products")).toArray();
        if (products.isEmpty()) {
            m.antivirusState = QStringLiteral("none");
        } else {
            const QJsonObject p = products.first().toObject();
            m.antivirusName = p.value(QStringLiteral("displayName")).toString();
            const qint64 state = qint64(p.value(QStringLiteral("productState")).toDouble());
            m.antivirusState =
                ((state >> 12) & 0xF) != 1
                    ? QStringLiteral("off")
                    : (((state >> 4) & 0xF) != 0 ? QStringLiteral("outdated") : QStringLiteral("on"));
        }
    }
    m.usb = part("usbStorage").value(QStringLiteral("confirmedOnSite")).toString();
    m.smb1 = answerOf(part("smb1"), QStringLiteral("featureState"), 1);
    m.rdp = answerOf(part("rdp"), QStringLiteral("denyTsConnections"), 0);
    m.adminUser = answerOf(part("accounts"), QStringLiteral("currentUserIsAdmin"), true);
    const QJsonObject collector = part("collector");
    m.enteredBy = collector.value(QStringLiteral("enteredBy")).toString();
    m.enteredAt = jsonTime(collector, QStringLiteral("collectedAtUtc")).value_or(QDateTime());
    return m;
}

} // namespace fs::model
