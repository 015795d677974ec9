#include "fieldcatalog.h"

#include "backup/backupquestionnaire.h"
#include "clock.h"
#include "connectionpoint.h"
#include "investigator.h"
#include "pin.h"
#include "surveyinfo.h"
#include "terminal.h"

#include <QDate>
#include <QHash>
#include <QTime>

#include <cmath>

namespace fs::model {

namespace {

template <typename E, std::size_t N>
QStringList keysOf(const EnumKeys<E, N> &table)
{
    QStringList keys;
    for (const auto &[value, key] : table.entries())
        keys << QString::fromUtf16(key);
    return keys;
}

FieldSpec text(const char *name)
{
    return {QString::fromLatin1(name), FieldKind::Text, {}};
}

FieldSpec of(const char *name, FieldKind kind, QStringList keys = {})
{
    return {QString::fromLatin1(name), kind, std::move(keys)};
}

QHash<Entity, QList<FieldSpec>> buildCatalog()
{
    QHash<Entity, QList<FieldSpec>> c;
    // The review state is changed through setSurveyState (which checks the move) or by the portal.
    c[Entity::Survey] = {of("fiscal_year", FieldKind::Integer), text("note"),
                         of("state", FieldKind::Key, keysOf(kSurveyStateKeys)),
                         of("state_changed_at", FieldKind::Timestamp), text("state_changed_by")};
    c[Entity::ReviewComment] = {of("resolved_at", FieldKind::Timestamp), text("resolved_by")};
    c[Entity::Hospital] = {text("code"),         text("name"),       text("name_kana"),
                           text("postal"),       text("prefecture"), text("address"),
                           text("address_kana"), text("building"),   of("beds", FieldKind::Integer),
                           text("consent"),      text("confirmer")};
    c[Entity::Investigator] = {text("name"), of("role", FieldKind::Key, keysOf(kInvestigatorRoleKeys))};
    c[Entity::Contact] = {text("dept"), text("name"), text("phone"), text("mail")};
    c[Entity::VisitDay] = {of("date", FieldKind::Date), text("note"), text("attendees")};
    c[Entity::ScheduleStep] = {text("title"),
                               of("planned_start", FieldKind::Time),
                               of("planned_end", FieldKind::Time),
                               of("actual_start", FieldKind::Timestamp),
                               of("actual_end", FieldKind::Timestamp),
                               text("note")};
    c[Entity::ConnectionPoint] = {
        of("origin", FieldKind::Key, keysOf(kOriginKeys)),
        of("equipment_type", FieldKind::Key, keysOf(kEquipmentTypeKeys)),
        text("wants_version_check"),
        text("wants_vulnerability_scan"),
        text("connects_to_emr"),
        text("purpose"),
        text("line_type"),
        text("carrier"),
        text("carrier_service"),
        text("line_id"),
        text("provider"),
        text("provider_product"),
        text("onu_location"),
        text("connection_type"),
        text("uses_global_ip"),
        text("ip_assignment"),
        text("global_ip"),
        text("fqdn"),
        text("declared_note"),
        of("onu_location_status", FieldKind::Key, keysOf(kOnuLocationStatusKeys)),
        text("onu_location_found"),
        of("emr_reachability", FieldKind::Key, keysOf(kEmrReachabilityKeys)),
        of("protection", FieldKind::Key, keysOf(kProtectionKeys)),
        text("scan_ip_confirmed"),
        text("scan_ip"),
        text("scan_ip_confirmed_by"),
        of("scan_ip_confirmed_at", FieldKind::Timestamp),
        text("note"),
    };
    c[Entity::Device] = {of("origin", FieldKind::Key, keysOf(kOriginKeys)),
                         text("device_type"),
                         text("maker"),
                         text("model"),
                         text("hostname"),
                         text("management_ip"),
                         text("access_method"),
                         text("access_port"),
                         text("maintenance_vendor"),
                         of("chain_role", FieldKind::Key, keysOf(kChainRoleKeys)),
                         text("note")};
    c[Entity::Terminal] = {
        text("system_type"),   text("usage_form"),
        text("hostname"),      text("ip"),
        text("location"),      text("vdi_hostname"),
        text("vdi_ip"),        text("security_product"),
        text("declared_note"), of("check_state", FieldKind::Key, keysOf(kTerminalCheckStateKeys)),
        text("note")};
    const QStringList photoTargets{QStringLiteral("connection_point"), QStringLiteral("device"),
                                   QStringLiteral("terminal"), QStringLiteral("pin")};
    const auto reference = [](const char *name, QStringList keys) {
        FieldSpec spec = of(name, FieldKind::Key, std::move(keys));
        spec.nullWhenEmpty = true;
        return spec;
    };
    // A photo or pin shows a line, device or terminal (or, for a photo, a pin): target_entity and
    // target_id change together, in one edit.
    c[Entity::Photo] = {text("caption"), of("position", FieldKind::Integer), text("markup"),
                        reference("target_entity", photoTargets), of("target_id", FieldKind::Integer)};
    c[Entity::FloorPlan] = {text("title"), of("rotation", FieldKind::Key,
                                              {QStringLiteral("0"), QStringLiteral("90"),
                                               QStringLiteral("180"), QStringLiteral("270")})};
    c[Entity::Pin] = {of("kind", FieldKind::Key, keysOf(kPinKindKeys)),
                      text("label"),
                      of("x", FieldKind::Real),
                      of("y", FieldKind::Real),
                      reference("target_entity", photoTargets.mid(0, 3)),
                      of("target_id", FieldKind::Integer)};
    const auto answer = [](const char *name) {
        return of(name, FieldKind::Key, BackupOptions::keys(QString::fromLatin1(name)));
    };
    QStringList classes;
    for (const auto &[value, key] : kSupportClassKeys.entries())
        classes << QString::fromUtf16(key);
    c[Entity::BackupQuestionnaire] = {text("emr_product"),
                                      text("emr_vendor"),
                                      of("patient_count", FieldKind::Integer),
                                      text("answered_by"),
                                      of("answered_on", FieldKind::Date),
                                      answer("restore_tested"),
                                      of("restore_tested_on", FieldKind::Date),
                                      answer("documented_in"),
                                      answer("bcp"),
                                      answer("new_server"),
                                      answer("media_on_existing"),
                                      answer("planning_with_vendor"),
                                      answer("already_operating"),
                                      text("note"),
                                      of("override_class", FieldKind::Key, classes),
                                      text("override_reason"),
                                      text("override_by"),
                                      of("override_at", FieldKind::Timestamp)};
    c[Entity::BackupCopy] = {answer("target_system"),
                             answer("method"),
                             text("media"),
                             answer("frequency"),
                             of("generations", FieldKind::Integer),
                             answer("location"),
                             answer("separation"),
                             answer("reachable_with_emr_credentials"),
                             text("note")};
    c[Entity::BackupChecklist] = {answer("state"), text("reason"), text("note")};
    return c;
}

const QHash<Entity, QList<FieldSpec>> &catalog()
{
    static const auto c = buildCatalog();
    return c;
}

Error invalid(const FieldSpec &spec, const QString &value, const QString &expected)
{
    return Error{ErrorCode::InvalidData,
                 QStringLiteral("%1: «%2» is not %3").arg(spec.name, value.left(80), expected)};
}

} // namespace

const FieldSpec *FieldCatalog::find(Entity entity, const QString &field)
{
    const auto it = catalog().constFind(entity);
    if (it == catalog().constEnd())
        return nullptr;
    for (const FieldSpec &spec : *it) {
        if (spec.name == field)
            return &spec;
    }
    return nullptr;
}

QList<FieldSpec> FieldCatalog::fields(Entity entity)
{
    return catalog().value(entity);
}

bool FieldCatalog::hasTombstones(Entity entity)
{
    switch (entity) {
    case Entity::Investigator:
    case Entity::Contact:
    case Entity::ConnectionPoint:
    case Entity::Device:
    case Entity::Terminal:
    case Entity::Photo:
    case Entity::BackupCopy:
    case Entity::FloorPlan:
    case Entity::Pin:
        return true;
    case Entity::Survey:
    case Entity::Hospital:
    case Entity::ReviewComment:
    case Entity::VisitDay:
    case Entity::ScheduleStep:
    case Entity::BackupQuestionnaire:
    case Entity::BackupChecklist:
        return false;
    }
    return false;
}

Result<QVariant> FieldCatalog::normalise(const FieldSpec &spec, const QVariant &value)
{
    const bool isNull = value.isNull() || !value.isValid();
    const QString text = isNull ? QString() : value.toString().trimmed();
    switch (spec.kind) {
    case FieldKind::Text:
        // A null QString would be stored as SQL NULL in a NOT NULL column.
        return QVariant(isNull || value.toString().isNull() ? QStringLiteral("") : value.toString());
    case FieldKind::Integer: {
        if (text.isEmpty())
            return QVariant(QMetaType::fromType<int>());
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok)
            return tl::unexpected(invalid(spec, text, QStringLiteral("a whole number")));
        return QVariant(number);
    }
    case FieldKind::Key:
        if (text.isEmpty() && spec.nullWhenEmpty)
            return QVariant(QMetaType::fromType<QString>());
        if (!spec.keys.contains(text))
            return tl::unexpected(
                invalid(spec, text, QStringLiteral("one of ") + spec.keys.join(QStringLiteral(", "))));
        return QVariant(text.isNull() ? QStringLiteral("") : text); // "" is an answer left blank
    case FieldKind::Real: {
        if (text.isEmpty())
            return QVariant(QMetaType::fromType<double>());
        bool ok = false;
        const double number =
            value.metaType() == QMetaType::fromType<double>() ? value.toDouble(&ok) : text.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return tl::unexpected(invalid(spec, text, QStringLiteral("a number")));
        return QVariant(number);
    }
    case FieldKind::Date: {
        if (text.isEmpty())
            return QVariant(QStringLiteral(""));
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return tl::unexpected(invalid(spec, text, QStringLiteral("a date YYYY-MM-DD")));
        return QVariant(date.toString(Qt::ISODate));
    }
    case FieldKind::Time: {
        if (text.isEmpty())
            return QVariant(QStringLiteral(""));
        const QTime time = QTime::fromString(text, QStringLiteral("H:m"));
        if (!time.isValid())
            return tl::unexpected(invalid(spec, text, QStringLiteral("a time HH:MM")));
        return QVariant(time.toString(QStringLiteral("HH:mm")));
    }
    case FieldKind::Timestamp: {
        if (text.isEmpty())
            return QVariant(QMetaType::fromType<QString>());
        QDateTime time = value.metaType() == QMetaType::fromType<QDateTime>()
                             ? value.toDateTime()
                             : QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime::fromString(text, Qt::ISODate);
        if (!time.isValid())
            return tl::unexpected(
                invalid(spec, text, QStringLiteral("an ISO 8601 time (2026-12-03T09:30:00+09:00)")));
        return QVariant(toStoredTimestamp(time));
    }
    }
    return tl::unexpected(invalid(spec, text, QStringLiteral("valid")));
}

} // namespace fs::model
