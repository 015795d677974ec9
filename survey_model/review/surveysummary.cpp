#include "surveysummary.h"

#include "../findings/devicerules.h"
#include "../surveyprogress.h"
#include "../surveystore.h"

#include <QHash>

#include <algorithm>

namespace fs::model {

namespace {

const QString kSeparator = QStringLiteral(" · ");

// The words of a label, left out when empty: "Fortinet FortiGate-60F".
QString joined(const QStringList &parts, const QString &separator = QStringLiteral(" "))
{
    QStringList words;
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            words << p.trimmed();
    }
    return words.join(separator);
}

QString lineLabel(const ConnectionPoint &line)
{
    return joined({line.cafId, line.connectionType.trimmed().isEmpty() ? line.purpose : line.connectionType});
}

QString terminalLabel(const Terminal &t)
{
    const QString number = QStringLiteral("端末 ") + QString::number(t.terminalNo);
    if (t.hostname.trimmed().isEmpty())
        return number;
    return number + QStringLiteral("（") + t.hostname.trimmed() + QStringLiteral("）");
}

QString deviceLabel(const Device &d)
{
    const QString name = joined({d.maker, d.model});
    if (d.hostname.trimmed().isEmpty())
        return name;
    return name + QStringLiteral("（") + d.hostname.trimmed() + QStringLiteral("）");
}

// A short, stable word for what is missing; the application words it for the user.
QString kindKey(const MissingItem &m)
{
    using Kind = MissingItem::Kind;
    switch (m.kind) {
    case Kind::OnuLocation:
        return QStringLiteral("onu_location");
    case Kind::LinePhoto:
        return QStringLiteral("photo");
    case Kind::Wiring:
        return QStringLiteral("wiring");
    case Kind::EmrReachability:
        return QStringLiteral("emr_reachability");
    case Kind::Protection:
        return QStringLiteral("protection");
    case Kind::DeviceRole:
        return QStringLiteral("device_role");
    case Kind::DeviceFirmware:
        return QStringLiteral("firmware");
    case Kind::TerminalState:
        return QStringLiteral("check_state");
    case Kind::TerminalCheck:
        return m.field; // os, windows_update, …
    case Kind::NotPossibleReason:
        return QStringLiteral("not_possible_reason");
    default:
        return m.field;
    }
}

OsSupport osSupport(const Terminal &t, QString &osText)
{
    const auto it = std::find_if(t.checks.cbegin(), t.checks.cend(),
                                 [](const TerminalCheck &c) { return c.item == QStringLiteral("os"); });
    if (it == t.checks.cend())
        return OsSupport::Unchecked;
    osText = it->value;
    if (it->evaluation == QStringLiteral("ok"))
        return OsSupport::Supported;
    if (it->evaluation == QStringLiteral("caution"))
        return OsSupport::Caution;
    if (it->evaluation == QStringLiteral("danger"))
        return OsSupport::Ended;
    return OsSupport::Unknown;
}

} // namespace

Result<SurveySummary> SurveySummary::read(const SurveyStore &store)
{
    SurveySummary s;
    s.path = store.path();

    auto info = store.surveyInfo();
    if (!info)
        return tl::unexpected(info.error());
    s.surveyUuid = info->uuid;
    s.state = info->state;
    s.stateChangedAt = info->stateChangedAt;
    s.stateChangedBy = info->stateChangedBy;

    auto hospital = store.hospital();
    if (!hospital)
        return tl::unexpected(hospital.error());
    s.hospitalCode = hospital->code;
    s.hospitalName = hospital->name;
    s.prefecture = hospital->prefecture;

    auto investigators = store.investigators();
    if (!investigators)
        return tl::unexpected(investigators.error());
    QList<Investigator> people = *investigators;
    std::stable_partition(people.begin(), people.end(),
                          [](const Investigator &i) { return i.role == InvestigatorRole::Lead; });
    for (const Investigator &i : std::as_const(people))
        s.investigators << i.name;

    auto days = store.schedule();
    if (!days)
        return tl::unexpected(days.error());
    for (const VisitDay &d : std::as_const(*days)) {
        if (d.date.isValid())
            s.visitDates << d.date;
    }

    auto unsynced = store.pendingChangeCount();
    if (!unsynced)
        return tl::unexpected(unsynced.error());
    s.unsyncedChanges = *unsynced;

    auto comments = store.reviewComments(true);
    if (!comments)
        return tl::unexpected(comments.error());
    s.openComments = int(comments->size());

    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());
    auto terminals = store.terminals();
    if (!terminals)
        return tl::unexpected(terminals.error());
    auto photos = store.photos();
    if (!photos)
        return tl::unexpected(photos.error());
    auto findings = store.findings();
    if (!findings)
        return tl::unexpected(findings.error());

    const auto item = [&s](const QString &entity, const QString &uuid, const QString &label) {
        return ReviewItem{s.path, s.hospitalName, entity, uuid, label};
    };
    const QString lineEntity = kEntityKeys.key(Entity::ConnectionPoint);
    const QString deviceEntity = kEntityKeys.key(Entity::Device);
    const QString terminalEntity = kEntityKeys.key(Entity::Terminal);

    // Missing items name their row; the label says which line, device or terminal and what.
    QHash<QString, QString> labels;        // by uuid
    QHash<qint64, const Device *> devices; // by id, for the firmware findings
    int missingCount = 0;
    for (const ConnectionPoint &line : std::as_const(*lines)) {
        s.lines << SummaryLine{item(lineEntity, line.uuid, lineLabel(line)), line.connectionType,
                               line.emrReachability};
        labels.insert(line.uuid, line.cafId);
        for (const Device &d : line.devices) {
            devices.insert(d.id, &d);
            labels.insert(d.uuid, joined({line.cafId, d.hostname.trimmed().isEmpty() ? d.model : d.hostname},
                                         QStringLiteral(" / ")));
        }
        s.itemsTotal += SurveyProgress::lineItemCount(line);
        const QList<MissingItem> missing = SurveyProgress::lineMissing(line, *photos);
        missingCount += int(missing.size());
        for (const MissingItem &m : missing)
            s.missing << item(kEntityKeys.key(m.entity), m.uuid,
                              labels.value(m.uuid, m.subject) + kSeparator + kindKey(m));
    }
    for (const Terminal &t : std::as_const(*terminals)) {
        SummaryTerminal st{item(terminalEntity, t.uuid, terminalLabel(t)), OsSupport::Unchecked, {}};
        st.os = osSupport(t, st.osText);
        s.terminals << st;
        s.itemsTotal += SurveyProgress::terminalItemCount(t);
        const QList<MissingItem> missing = SurveyProgress::terminalMissing(t);
        missingCount += int(missing.size());
        for (const MissingItem &m : missing)
            s.missing << item(kEntityKeys.key(m.entity), m.uuid,
                              QStringLiteral("端末 ") + QString::number(t.terminalNo) + kSeparator +
                                  kindKey(m));
    }
    s.itemsCaptured = s.itemsTotal - missingCount;

    for (const Finding &f : std::as_const(*findings)) {
        if (!f.isActive())
            continue;
        s.findings << SummaryFinding{item(QStringLiteral("finding"), f.uuid, f.text), f.status, f.category};
        if (f.status == QStringLiteral("danger"))
            ++s.dangerCount;
        else if (f.status == QStringLiteral("caution"))
            ++s.cautionCount;
        if (f.ruleId != DeviceRules::kFirmwareKev || f.targetEntity != deviceEntity)
            continue;
        const Device *d = devices.value(f.targetId);
        if (!d)
            continue; // the device was removed since: the rules drop the finding on their next run
        s.vulnerableFirmware << SummaryFirmware{
            item(deviceEntity, d->uuid, deviceLabel(*d)),
            joined({d->maker, d->model, factValue(d->facts, QStringLiteral("firmware"))}), f.status};
    }
    return s;
}

} // namespace fs::model
