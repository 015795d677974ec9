#include "surveyjson.h"

#include "clock.h"
#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace fs::model {

namespace {

// ---- writing ---------------------------------------------------------------------------------

// Port numbers and similar cells are numbers in the sheet; print them as numbers when they are.
QJsonValue numberOrText(const QString &text)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok && QString::number(number) == text)
        return number;
    return text;
}

QJsonValue timestampOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toStoredTimestamp(time)) : QJsonValue();
}

QJsonObject hospitalJson(const Hospital &h)
{
    return {
        {QStringLiteral("code"), h.code},
        {QStringLiteral("name"), h.name},
        {QStringLiteral("name_kana"), h.nameKana},
        {QStringLiteral("postal"), h.postal},
        {QStringLiteral("prefecture"), h.prefecture},
        {QStringLiteral("address"), h.address},
        {QStringLiteral("address_kana"), h.addressKana},
        {QStringLiteral("building"), h.building},
        {QStringLiteral("beds"), h.beds ? QJsonValue(*h.beds) : QJsonValue()},
        {QStringLiteral("consent"), h.consent},
        {QStringLiteral("confirmer"), h.confirmer},
    };
}

// The current facts collected on site (optional in the format: older files have none).
QJsonArray factsJson(const QList<Observation> &facts)
{
    QJsonArray array;
    for (const Observation &o : facts) {
        array.append(QJsonObject{
            {QStringLiteral("key"), o.key},
            {QStringLiteral("value"), o.value},
            {QStringLiteral("source"), kFactSourceKeys.key(o.source)},
            {QStringLiteral("observed_at"), timestampOrNull(o.observedAt)},
        });
    }
    return array;
}

QJsonArray checksJson(const QList<TerminalCheck> &checks)
{
    QJsonArray array;
    for (const TerminalCheck &c : checks) {
        array.append(QJsonObject{
            {QStringLiteral("item"), c.item},
            {QStringLiteral("value"), c.value},
            {QStringLiteral("evaluation"), c.evaluation},
            {QStringLiteral("detail"), c.detail},
            {QStringLiteral("source"), c.source},
            {QStringLiteral("checked_at"), timestampOrNull(c.checkedAt)},
        });
    }
    return array;
}

QJsonObject deviceJson(const Device &d)
{
    return {
        {QStringLiteral("origin"), kOriginKeys.key(d.origin)},
        {QStringLiteral("device_type"), d.deviceType},
        {QStringLiteral("maker"), d.maker},
        {QStringLiteral("model"), d.model},
        {QStringLiteral("hostname"), d.hostname},
        {QStringLiteral("management_ip"), d.managementIp},
        {QStringLiteral("access_method"), d.accessMethod},
        {QStringLiteral("access_port"), numberOrText(d.accessPort)},
        {QStringLiteral("maintenance_vendor"), d.maintenanceVendor},
        {QStringLiteral("chain_role"), kChainRoleKeys.key(d.chainRole)},
        {QStringLiteral("site_note"), d.note},
        {QStringLiteral("facts"), factsJson(d.facts)},
    };
}

QJsonObject lineJson(const ConnectionPoint &c)
{
    QJsonArray devices;
    for (const Device &d : c.devices)
        devices.append(deviceJson(d));
    return {
        {QStringLiteral("no"), c.lineNo},
        {QStringLiteral("caf_id"), c.cafId},
        {QStringLiteral("origin"), kOriginKeys.key(c.origin)},
        {QStringLiteral("equipment_type"), kEquipmentTypeKeys.key(c.equipmentType)},
        {QStringLiteral("wants_version_check"), c.wantsVersionCheck},
        {QStringLiteral("wants_vulnerability_scan"), c.wantsVulnerabilityScan},
        {QStringLiteral("connects_to_emr"), c.connectsToEmr},
        {QStringLiteral("purpose"), c.purpose},
        {QStringLiteral("line_type"), c.lineType},
        {QStringLiteral("carrier"), c.carrier},
        {QStringLiteral("carrier_service"), c.carrierService},
        {QStringLiteral("line_id"), c.lineId},
        {QStringLiteral("provider"), c.provider},
        {QStringLiteral("provider_product"), c.providerProduct},
        {QStringLiteral("onu_location"), c.onuLocation},
        {QStringLiteral("connection_type"), c.connectionType},
        {QStringLiteral("uses_global_ip"), c.usesGlobalIp},
        {QStringLiteral("ip_assignment"), c.ipAssignment},
        {QStringLiteral("global_ip"), c.globalIp},
        {QStringLiteral("fqdn"), c.fqdn},
        {QStringLiteral("note"), c.declaredNote},
        {QStringLiteral("scan_ip_confirmed"), c.scanIpConfirmed},
        {QStringLiteral("scan_ip"), c.scanIp},
        {QStringLiteral("scan_ip_confirmed_by"), c.scanIpConfirmedBy},
        {QStringLiteral("scan_ip_confirmed_at"), timestampOrNull(c.scanIpConfirmedAt)},
        {QStringLiteral("onu_location_status"), kOnuLocationStatusKeys.key(c.onuLocationStatus)},
        {QStringLiteral("onu_location_found"), c.onuLocationFound},
        {QStringLiteral("emr_reachability"), kEmrReachabilityKeys.key(c.emrReachability)},
        {QStringLiteral("protection"), kProtectionKeys.key(c.protection)},
        {QStringLiteral("site_note"), c.note},
        {QStringLiteral("devices"), devices},
    };
}

QJsonObject terminalJson(const Terminal &t)
{
    return {
        {QStringLiteral("no"), t.terminalNo},
        {QStringLiteral("system_type"), t.systemType},
        {QStringLiteral("usage_form"), t.usageForm},
        {QStringLiteral("hostname"), t.hostname},
        {QStringLiteral("ip"), t.ip},
        {QStringLiteral("location"), t.location},
        {QStringLiteral("vdi_hostname"), t.vdiHostname},
        {QStringLiteral("vdi_ip"), t.vdiIp},
        {QStringLiteral("security_product"), t.securityProduct},
        {QStringLiteral("note"), t.declaredNote},
        {QStringLiteral("check_state"), kTerminalCheckStateKeys.key(t.checkState)},
        {QStringLiteral("site_note"), t.note},
        {QStringLiteral("checks"), checksJson(t.checks)},
    };
}

QJsonObject surveyJson(const SurveyData &data)
{
    QJsonArray investigators;
    for (const Investigator &i : data.investigators)
        investigators.append(QJsonObject{{QStringLiteral("name"), i.name},
                                         {QStringLiteral("role"), kInvestigatorRoleKeys.key(i.role)}});
    QJsonArray days;
    for (const VisitDay &d : data.days) {
        QJsonArray steps;
        for (const ScheduleStep &s : d.steps) {
            steps.append(QJsonObject{
                {QStringLiteral("kind"), kStepKindKeys.key(s.kind)},
                {QStringLiteral("title"), s.title},
                {QStringLiteral("planned_start"), s.plannedStart.toString(QStringLiteral("HH:mm"))},
                {QStringLiteral("planned_end"), s.plannedEnd.toString(QStringLiteral("HH:mm"))},
                {QStringLiteral("actual_start"), timestampOrNull(s.actualStart)},
                {QStringLiteral("actual_end"), timestampOrNull(s.actualEnd)},
                {QStringLiteral("note"), s.note},
            });
        }
        days.append(QJsonObject{
            {QStringLiteral("day_no"), d.dayNo},
            {QStringLiteral("date"),
             d.date.isValid() ? QJsonValue(d.date.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("note"), d.note},
            {QStringLiteral("attendees"), d.attendees},
            {QStringLiteral("steps"), steps},
        });
    }
    const SurveyInfo &s = data.survey;
    return {
        {QStringLiteral("uuid"), s.uuid},
        {QStringLiteral("state"), kSurveyStateKeys.key(s.state)},
        {QStringLiteral("fiscal_year"), s.fiscalYear > 0 ? QJsonValue(s.fiscalYear) : QJsonValue()},
        {QStringLiteral("source_workbook"), s.sourceWorkbook},
        {QStringLiteral("note"), s.note},
        {QStringLiteral("investigators"), investigators},
        {QStringLiteral("days"), days},
    };
}

QJsonArray floorPlansJson(const QList<FloorPlan> &plans)
{
    QJsonArray array;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const FloorPlan &p = plans[i];
        QJsonArray pins;
        for (const Pin &pin : p.pins) {
            pins.append(QJsonObject{
                {QStringLiteral("target"), pin.target},
                {QStringLiteral("x"), pin.x},
                {QStringLiteral("y"), pin.y},
                {QStringLiteral("text"), pin.sourceText.isEmpty() ? pin.label : pin.sourceText},
                {QStringLiteral("kind"), kPinKindKeys.key(pin.kind)},
            });
        }
        array.append(QJsonObject{
            {QStringLiteral("index"), int(i)},
            {QStringLiteral("title"), p.title},
            {QStringLiteral("source_kind"), p.sourceKind},
            {QStringLiteral("width"), p.width},
            {QStringLiteral("height"), p.height},
            {QStringLiteral("rotation"), p.rotation},
            {QStringLiteral("pins"), pins},
        });
    }
    return array;
}

QJsonArray warningsJson(const QList<ImportWarning> &warnings)
{
    QJsonArray array;
    for (const ImportWarning &w : warnings) {
        array.append(QJsonObject{
            {QStringLiteral("code"), w.code},
            {QStringLiteral("where"), w.where},
            {QStringLiteral("subject"), w.subject},
            {QStringLiteral("detail"), w.detail},
        });
    }
    return array;
}

// ---- reading ---------------------------------------------------------------------------------

// Reads values out of one JSON object and remembers the first problem, named by its JSON path.
class Reader
{
public:
    Reader(QJsonObject object, QString path, QString *firstError)
        : m_object(std::move(object))
        , m_path(std::move(path))
        , m_error(firstError)
    {
    }

    // Text, accepting numbers (a port typed as 22); absent or null is "".
    QString text(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isString())
            return v.toString().trimmed();
        if (v.isDouble()) {
            const double d = v.toDouble();
            return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                    : QString::number(d);
        }
        if (!v.isUndefined() && !v.isNull())
            problem(key, QStringLiteral("expected text"));
        return {};
    }

    std::optional<int> integer(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return std::nullopt;
        bool ok = false;
        int value = 0;
        if (v.isDouble()) {
            const double d = v.toDouble();
            ok = d >= -2147483648.0 && d <= 2147483647.0 && d == static_cast<double>(static_cast<int>(d));
            value = ok ? static_cast<int>(d) : 0;
        } else if (v.isString()) {
            value = v.toString().trimmed().toInt(&ok);
        }
        if (!ok) {
            problem(key, QStringLiteral("expected a whole number"));
            return std::nullopt;
        }
        return value;
    }

    template <typename E, std::size_t N>
    E key(const char *name, const EnumKeys<E, N> &keys, E fallback) const
    {
        const QString value = text(name);
        if (value.isEmpty())
            return fallback;
        const auto parsed = keys.parse(value);
        if (!parsed)
            problem(name, QStringLiteral("unknown value «%1»").arg(value));
        return parsed.value_or(fallback);
    }

    QJsonArray array(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (!v.isArray() && !v.isUndefined() && !v.isNull())
            problem(key, QStringLiteral("expected a list"));
        return v.toArray();
    }

    // A nested object; absent is an empty object, anything else a problem.
    Reader object(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (!v.isObject() && !v.isUndefined() && !v.isNull())
            problem(key, QStringLiteral("expected an object"));
        return Reader(v.toObject(), childPath(key), m_error);
    }

    Reader element(const QJsonArray &array, const char *key, qsizetype index) const
    {
        const QString path = childPath(key) + QStringLiteral("[%1]").arg(index);
        const QJsonValue v = array.at(index);
        if (!v.isObject() && m_error->isEmpty())
            *m_error = path + QStringLiteral(": expected an object");
        return Reader(v.toObject(), path, m_error);
    }

    void problem(const char *key, const QString &what) const
    {
        if (m_error->isEmpty())
            *m_error = childPath(key) + QStringLiteral(": ") + what;
    }

    const QString &path() const { return m_path; }

private:
    QString childPath(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        return m_path.isEmpty() ? name : m_path + QLatin1Char('.') + name;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

QTime timeOf(const Reader &r, const char *key)
{
    const QString value = r.text(key);
    if (value.isEmpty())
        return {};
    const QTime time = QTime::fromString(value, QStringLiteral("H:mm"));
    if (!time.isValid())
        r.problem(key, QStringLiteral("expected a time HH:MM, got «%1»").arg(value));
    return time;
}

QDateTime timestampOf(const Reader &r, const char *key)
{
    const QString value = r.text(key);
    if (value.isEmpty())
        return {};
    const QDateTime time = fromStoredTimestamp(value);
    if (!time.isValid())
        r.problem(key, QStringLiteral("expected an ISO 8601 timestamp, got «%1»").arg(value));
    return time;
}

Hospital readHospital(const Reader &r)
{
    Hospital h;
    h.code = r.text("code");
    h.name = r.text("name");
    h.nameKana = r.text("name_kana");
    h.postal = r.text("postal");
    h.prefecture = r.text("prefecture");
    h.address = r.text("address");
    h.addressKana = r.text("address_kana");
    h.building = r.text("building");
    h.beds = r.integer("beds");
    h.consent = r.text("consent");
    h.confirmer = r.text("confirmer");
    return h;
}

// Reports the first value of key that appears twice among the elements of an array.
class DuplicateCheck
{
public:
    explicit DuplicateCheck(const char *key)
        : m_key(key)
    {
    }

    void add(const Reader &element, const QString &value)
    {
        if (m_seen.contains(value))
            element.problem(m_key, QStringLiteral("«%1» appears twice").arg(value));
        m_seen.insert(value);
    }

private:
    const char *m_key;
    QSet<QString> m_seen;
};

QList<Observation> readFacts(const Reader &r)
{
    QList<Observation> facts;
    DuplicateCheck keys("key");
    const QJsonArray array = r.array("facts");
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Reader e = r.element(array, "facts", i);
        Observation o;
        o.key = e.text("key");
        if (o.key.isEmpty())
            e.problem("key", QStringLiteral("a fact needs a key"));
        keys.add(e, o.key);
        o.value = e.text("value");
        o.source = e.key("source", kFactSourceKeys, FactSource::Manual);
        o.observedAt = timestampOf(e, "observed_at");
        facts.append(o);
    }
    return facts;
}

QList<TerminalCheck> readChecks(const Reader &r)
{
    static const QStringList evaluations = {QStringLiteral("unknown"), QStringLiteral("ok"),
                                            QStringLiteral("caution"), QStringLiteral("danger")};
    static const QStringList sources = {QStringLiteral("manual"), QStringLiteral("collector")};
    QList<TerminalCheck> checks;
    DuplicateCheck items("item");
    const QJsonArray array = r.array("checks");
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Reader e = r.element(array, "checks", i);
        TerminalCheck c;
        c.item = e.text("item");
        if (c.item.isEmpty())
            e.problem("item", QStringLiteral("a check needs an item"));
        items.add(e, c.item);
        c.value = e.text("value");
        if (const QString evaluation = e.text("evaluation"); !evaluation.isEmpty()) {
            if (!evaluations.contains(evaluation))
                e.problem("evaluation", QStringLiteral("unknown value «%1»").arg(evaluation));
            c.evaluation = evaluation;
        }
        c.detail = e.text("detail");
        if (const QString source = e.text("source"); !source.isEmpty()) {
            if (!sources.contains(source))
                e.problem("source", QStringLiteral("unknown value «%1»").arg(source));
            c.source = source;
        }
        c.checkedAt = timestampOf(e, "checked_at");
        checks.append(c);
    }
    return checks;
}

Device readDevice(const Reader &r)
{
    Device d;
    d.origin = r.key("origin", kOriginKeys, Origin::Declared);
    d.deviceType = r.text("device_type");
    d.maker = r.text("maker");
    d.model = r.text("model");
    d.hostname = r.text("hostname");
    d.managementIp = r.text("management_ip");
    d.accessMethod = r.text("access_method");
    d.accessPort = r.text("access_port");
    d.maintenanceVendor = r.text("maintenance_vendor");
    d.chainRole = r.key("chain_role", kChainRoleKeys, ChainRole::Unknown);
    d.note = r.text("site_note");
    d.facts = readFacts(r);
    return d;
}

ConnectionPoint readLine(const Reader &r)
{
    ConnectionPoint c;
    c.lineNo = r.integer("no").value_or(0);
    if (c.lineNo < 1)
        r.problem("no", QStringLiteral("a line needs a number of 1 or more"));
    c.cafId = r.text("caf_id");
    c.origin = r.key("origin", kOriginKeys, Origin::Declared);
    c.equipmentType = r.key("equipment_type", kEquipmentTypeKeys, EquipmentType::Onu);
    c.wantsVersionCheck = r.text("wants_version_check");
    c.wantsVulnerabilityScan = r.text("wants_vulnerability_scan");
    c.connectsToEmr = r.text("connects_to_emr");
    c.purpose = r.text("purpose");
    c.lineType = r.text("line_type");
    c.carrier = r.text("carrier");
    c.carrierService = r.text("carrier_service");
    c.lineId = r.text("line_id");
    c.provider = r.text("provider");
    c.providerProduct = r.text("provider_product");
    c.onuLocation = r.text("onu_location");
    c.connectionType = r.text("connection_type");
    c.usesGlobalIp = r.text("uses_global_ip");
    c.ipAssignment = r.text("ip_assignment");
    c.globalIp = r.text("global_ip");
    c.fqdn = r.text("fqdn");
    c.declaredNote = r.text("note");
    c.scanIpConfirmed = r.text("scan_ip_confirmed");
    c.scanIp = r.text("scan_ip");
    c.scanIpConfirmedBy = r.text("scan_ip_confirmed_by");
    c.scanIpConfirmedAt = timestampOf(r, "scan_ip_confirmed_at");
    c.onuLocationStatus = r.key("onu_location_status", kOnuLocationStatusKeys, OnuLocationStatus::Unchecked);
    c.onuLocationFound = r.text("onu_location_found");
    c.emrReachability = r.key("emr_reachability", kEmrReachabilityKeys, EmrReachability::Unknown);
    c.protection = r.key("protection", kProtectionKeys, Protection::Unknown);
    c.note = r.text("site_note");
    const QJsonArray devices = r.array("devices");
    for (qsizetype i = 0; i < devices.size(); ++i)
        c.devices.append(readDevice(r.element(devices, "devices", i)));
    return c;
}

Terminal readTerminal(const Reader &r)
{
    Terminal t;
    t.terminalNo = r.integer("no").value_or(0);
    if (t.terminalNo < 1)
        r.problem("no", QStringLiteral("a terminal needs a number of 1 or more"));
    t.systemType = r.text("system_type");
    t.usageForm = r.text("usage_form");
    t.hostname = r.text("hostname");
    t.ip = r.text("ip");
    t.location = r.text("location");
    t.vdiHostname = r.text("vdi_hostname");
    t.vdiIp = r.text("vdi_ip");
    t.securityProduct = r.text("security_product");
    t.declaredNote = r.text("note");
    t.checkState = r.key("check_state", kTerminalCheckStateKeys, TerminalCheckState::NotStarted);
    t.note = r.text("site_note");
    t.checks = readChecks(r);
    return t;
}

void readSurvey(const Reader &r, SurveyData &data)
{
    data.survey.uuid = r.text("uuid");
    data.survey.state = r.key("state", kSurveyStateKeys, SurveyState::Draft);
    data.survey.fiscalYear = r.integer("fiscal_year").value_or(0);
    data.survey.sourceWorkbook = r.text("source_workbook");
    data.survey.note = r.text("note");

    const QJsonArray investigators = r.array("investigators");
    for (qsizetype i = 0; i < investigators.size(); ++i) {
        const Reader e = r.element(investigators, "investigators", i);
        Investigator inv;
        inv.name = e.text("name");
        inv.role = e.key("role", kInvestigatorRoleKeys, InvestigatorRole::Member);
        data.investigators.append(inv);
    }

    const QJsonArray days = r.array("days");
    for (qsizetype i = 0; i < days.size(); ++i) {
        const Reader e = r.element(days, "days", i);
        VisitDay day;
        day.dayNo = e.integer("day_no").value_or(static_cast<int>(i) + 1);
        const QString date = e.text("date");
        day.date = QDate::fromString(date, Qt::ISODate);
        if (!date.isEmpty() && !day.date.isValid())
            e.problem("date", QStringLiteral("expected a date YYYY-MM-DD, got «%1»").arg(date));
        day.note = e.text("note");
        day.attendees = e.text("attendees");
        const QJsonArray steps = e.array("steps");
        for (qsizetype j = 0; j < steps.size(); ++j) {
            const Reader s = e.element(steps, "steps", j);
            ScheduleStep step;
            step.kind = s.key("kind", kStepKindKeys, StepKind::Custom);
            step.title = s.text("title");
            step.plannedStart = timeOf(s, "planned_start");
            step.plannedEnd = timeOf(s, "planned_end");
            step.actualStart = timestampOf(s, "actual_start");
            step.actualEnd = timestampOf(s, "actual_end");
            step.note = s.text("note");
            day.steps.append(step);
        }
        data.days.append(day);
    }
}

template <typename T>
QString duplicateNumber(const QList<T> &items, int T::*number)
{
    QSet<int> seen;
    for (const T &item : items) {
        if (seen.contains(item.*number))
            return QString::number(item.*number);
        seen.insert(item.*number);
    }
    return {};
}

} // namespace

QJsonObject SurveyJson::toJson(const SurveyData &data)
{
    QJsonArray contacts;
    for (const Contact &c : data.contacts) {
        contacts.append(QJsonObject{{QStringLiteral("dept"), c.dept},
                                    {QStringLiteral("name"), c.name},
                                    {QStringLiteral("phone"), c.phone},
                                    {QStringLiteral("mail"), c.mail}});
    }
    QJsonArray lines;
    for (const ConnectionPoint &c : data.connectionPoints)
        lines.append(lineJson(c));
    QJsonArray terminals;
    for (const Terminal &t : data.terminals)
        terminals.append(terminalJson(t));
    return {
        {QStringLiteral("format"), QStringLiteral("fieldsurvey-survey")},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("survey"), surveyJson(data)},
        {QStringLiteral("hospital"), hospitalJson(data.hospital)},
        {QStringLiteral("contacts"), contacts},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("terminals"), terminals},
        {QStringLiteral("floorplans"), floorPlansJson(data.floorPlans)},
        {QStringLiteral("warnings"), warningsJson(data.importWarnings)},
        // Passwords are never imported, whatever the workbook held.
        {QStringLiteral("passwords_imported"), false},
    };
}

QByteArray SurveyJson::toBytes(const SurveyData &data)
{
    return QJsonDocument(toJson(data)).toJson(QJsonDocument::Indented);
}

Result<SurveyData> SurveyJson::fromJson(const QByteArray &bytes, const QString &sourceName)
{
    if (bytes.size() > kMaxInputBytes)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 bytes is more than the %3 bytes a survey may have")
                        .arg(sourceName)
                        .arg(bytes.size())
                        .arg(kMaxInputBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2: %3")
                                                .arg(sourceName, JsonText::position(bytes, parseError.offset),
                                                     parseError.errorString()));
    if (!document.isObject())
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": the top level must be an object"));

    QString problem;
    const Reader root(document.object(), QString(), &problem);
    const QString format = root.text("format");
    if (!format.isEmpty() && format != QStringLiteral("fieldsurvey-survey"))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: format «%2» is not a FieldSurvey survey").arg(sourceName, format));
    if (root.integer("format_version").value_or(kFormatVersion) > kFormatVersion)
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": written by a newer FieldSurvey"));

    SurveyData data;
    readSurvey(root.object("survey"), data);
    data.hospital = readHospital(root.object("hospital"));

    const QJsonArray contacts = root.array("contacts");
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Reader e = root.element(contacts, "contacts", i);
        data.contacts.append(Contact{0, {}, e.text("dept"), e.text("name"), e.text("phone"), e.text("mail")});
    }
    const QJsonArray lines = root.array("lines");
    for (qsizetype i = 0; i < lines.size(); ++i)
        data.connectionPoints.append(readLine(root.element(lines, "lines", i)));
    const QJsonArray terminals = root.array("terminals");
    for (qsizetype i = 0; i < terminals.size(); ++i)
        data.terminals.append(readTerminal(root.element(terminals, "terminals", i)));

    if (problem.isEmpty()) {
        if (const QString n = duplicateNumber(data.connectionPoints, &ConnectionPoint::lineNo); !n.isEmpty())
            problem = QStringLiteral("lines: line number %1 appears twice").arg(n);
        else if (const QString t = duplicateNumber(data.terminals, &Terminal::terminalNo); !t.isEmpty())
            problem = QStringLiteral("terminals: terminal number %1 appears twice").arg(t);
    }
    if (!problem.isEmpty())
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": ") + problem);
    return data;
}

} // namespace fs::model
