#include "surveyprogress.h"

#include <QSet>

#include <algorithm>

namespace fs::model {

namespace {

using Kind = MissingItem::Kind;

// Kinds whose items are the survey's lines or terminals, shared by every step of that kind.
bool isShared(StepKind kind)
{
    return kind == StepKind::ConnectionPoints || kind == StepKind::Terminals;
}

MissingItem item(Kind kind, StepKind step, Entity entity, const QString &uuid, const QString &field,
                 const QString &subject = {})
{
    return MissingItem{kind, step, entity, uuid, field, subject};
}

QString deviceSubject(const Device &d)
{
    for (const QString &s : {d.hostname, d.model, d.maker, d.deviceType}) {
        if (!s.trimmed().isEmpty())
            return s.trimmed();
    }
    return {};
}

// The items of one step that is not shared: its own times, and the attendees at arrival.
void ownItems(const VisitDay &day, const ScheduleStep &step, StepProgress &p)
{
    switch (step.kind) {
    case StepKind::Arrival:
        p.total = 2;
        if (step.actualStart.isValid())
            ++p.done;
        else
            p.missing << item(Kind::ArrivalTime, step.kind, Entity::ScheduleStep, step.uuid,
                              QStringLiteral("actual_start"));
        if (!day.attendees.trimmed().isEmpty())
            ++p.done;
        else
            p.missing << item(Kind::Attendees, step.kind, Entity::VisitDay, day.uuid,
                              QStringLiteral("attendees"));
        break;
    case StepKind::Departure:
        p.total = 1;
        if (step.actualEnd.isValid())
            ++p.done;
        else
            p.missing << item(Kind::DepartureTime, step.kind, Entity::ScheduleStep, step.uuid,
                              QStringLiteral("actual_end"));
        break;
    default:
        p.total = 1;
        if (step.actualEnd.isValid())
            ++p.done;
        else
            p.missing << item(Kind::StepFinished, step.kind, Entity::ScheduleStep, step.uuid,
                              QStringLiteral("actual_end"));
        break;
    }
}

// Whether anything of a line or terminal was captured on site (what the workbook brought, such as
// the declared devices, does not count).
bool touchedOnSite(const ConnectionPoint &line, const QList<Photo> &photos)
{
    if (line.origin == Origin::FoundOnSite || line.onuLocationStatus != OnuLocationStatus::Unchecked ||
        line.emrReachability != EmrReachability::Unknown || line.protection != Protection::Unknown)
        return true;
    for (const Device &d : line.devices) {
        if (!d.facts.isEmpty() || d.origin == Origin::FoundOnSite)
            return true;
    }
    return std::any_of(photos.cbegin(), photos.cend(), [&line](const Photo &p) {
        return p.target.entity == QStringLiteral("connection_point") && p.target.id == line.id;
    });
}

bool touchedOnSite(const Terminal &t)
{
    return t.checkState != TerminalCheckState::NotStarted || !t.checks.isEmpty();
}

void sharedItems(const SurveyData &data, const QList<Photo> &photos, StepKind kind, StepProgress &p,
                 bool &touched)
{
    if (kind == StepKind::ConnectionPoints) {
        for (const ConnectionPoint &line : data.connectionPoints) {
            const auto missing = SurveyProgress::lineMissing(line, photos);
            const int total = SurveyProgress::lineItemCount(line);
            p.total += total;
            p.done += total - int(missing.size());
            p.missing << missing;
            touched = touched || touchedOnSite(line, photos);
        }
    } else {
        for (const Terminal &t : data.terminals) {
            const auto missing = SurveyProgress::terminalMissing(t);
            const int total = SurveyProgress::terminalItemCount(t);
            p.total += total;
            p.done += total - int(missing.size());
            p.missing << missing;
            touched = touched || touchedOnSite(t);
        }
    }
}

// Steps that belong together: a shared kind's steps form one group; every other step is alone.
int groupOf(const QList<StepProgress> &steps, int index)
{
    const StepKind kind = steps[index].step.kind;
    if (!isShared(kind))
        return index;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i].step.kind == kind)
            return i;
    }
    return index;
}

} // namespace

QList<MissingItem> DayProgress::missing() const
{
    QList<MissingItem> list;
    QSet<StepKind> shared;
    for (const StepProgress &s : steps) {
        if (isShared(s.step.kind)) {
            if (shared.contains(s.step.kind))
                continue;
            shared.insert(s.step.kind);
        }
        list << s.missing;
    }
    return list;
}

DayProgress SurveyProgress::forDay(const SurveyData &data, const QList<Photo> &photos, const VisitDay &day,
                                   const QDateTime &now)
{
    DayProgress d;
    d.dayUuid = day.uuid;
    d.dayNo = day.dayNo;
    d.date = day.date;

    std::optional<StepProgress> lines;
    std::optional<StepProgress> terminals;
    bool linesTouched = false;
    bool terminalsTouched = false;
    QList<bool> touched;
    for (const ScheduleStep &step : day.steps) {
        StepProgress p;
        if (isShared(step.kind)) {
            const bool forLines = step.kind == StepKind::ConnectionPoints;
            auto &cached = forLines ? lines : terminals;
            if (!cached) {
                cached = StepProgress{};
                sharedItems(data, photos, step.kind, *cached, forLines ? linesTouched : terminalsTouched);
            }
            p = *cached;
            touched << (forLines ? linesTouched : terminalsTouched);
        } else {
            ownItems(day, step, p);
            touched << (p.done > 0);
        }
        p.step = step;
        d.steps.append(p);
    }
    // A shared kind is started when any of its steps is.
    for (int i = 0; i < d.steps.size(); ++i) {
        StepProgress &p = d.steps[i];
        bool started = p.step.actualStart.isValid() || p.step.actualEnd.isValid();
        for (int j = 0; j < d.steps.size(); ++j) {
            if (groupOf(d.steps, j) == groupOf(d.steps, i))
                started = started || d.steps[j].step.actualStart.isValid();
        }
        if (p.total > 0 ? p.done == p.total : p.step.actualEnd.isValid())
            p.state = StepState::Done;
        else if (started || touched[i])
            p.state = StepState::InProgress;
        else
            p.state = StepState::NotStarted;
    }

    const bool today = day.date.isValid() && day.date == now.date();
    const QTime time = now.time();
    // The current step: one running by its times and not done; today, the one whose planned time
    // it is; else the first not done. (Arrival is a moment: its start alone is recorded, so once
    // the attendees are in, it is done and no longer running.)
    for (int i = int(d.steps.size()) - 1; i >= 0 && d.currentStep < 0; --i) {
        const ScheduleStep &s = d.steps[i].step;
        if (s.actualStart.isValid() && !s.actualEnd.isValid() && d.steps[i].state != StepState::Done)
            d.currentStep = i;
    }
    if (d.currentStep < 0 && today) {
        for (int i = 0; i < d.steps.size() && d.currentStep < 0; ++i) {
            const StepProgress &p = d.steps[i];
            if (p.state != StepState::Done && p.step.plannedStart.isValid() && p.step.plannedEnd.isValid() &&
                p.step.plannedStart <= time && time < p.step.plannedEnd)
                d.currentStep = i;
        }
    }
    for (int i = 0; i < d.steps.size() && d.currentStep < 0; ++i) {
        if (d.steps[i].state != StepState::Done)
            d.currentStep = i;
    }

    // Late: the earliest group not done whose last planned end has passed.
    if (today) {
        for (int i = 0; i < d.steps.size(); ++i) {
            if (groupOf(d.steps, i) != i || d.steps[i].state == StepState::Done)
                continue;
            int last = i;
            for (int j = i + 1; j < d.steps.size(); ++j) {
                if (groupOf(d.steps, j) == i)
                    last = j;
            }
            const QTime end = d.steps[last].step.plannedEnd;
            if (!end.isValid() || time <= end)
                continue;
            const int minutes = int(end.secsTo(time) / 60);
            if (minutes > d.minutesLate) {
                d.minutesLate = minutes;
                d.lateStep = last;
            }
        }
    }
    return d;
}

QList<DayProgress> SurveyProgress::forSurvey(const SurveyData &data, const QList<Photo> &photos,
                                             const QDateTime &now)
{
    QList<DayProgress> days;
    for (const VisitDay &day : data.days)
        days.append(forDay(data, photos, day, now));
    return days;
}

int SurveyProgress::todayIndex(const QList<DayProgress> &days, const QDate &today)
{
    for (int i = 0; i < days.size(); ++i) {
        if (days[i].date.isValid() && days[i].date == today)
            return i;
    }
    for (int i = 0; i < days.size(); ++i) {
        if (std::any_of(days[i].steps.cbegin(), days[i].steps.cend(),
                        [](const StepProgress &s) { return s.state != StepState::Done; }))
            return i;
    }
    return int(days.size()) - 1;
}

QList<MissingItem> SurveyProgress::lineMissing(const ConnectionPoint &line, const QList<Photo> &photos)
{
    const StepKind step = StepKind::ConnectionPoints;
    const Entity e = Entity::ConnectionPoint;
    QList<MissingItem> list;
    if (line.onuLocationStatus == OnuLocationStatus::Unchecked)
        list << item(Kind::OnuLocation, step, e, line.uuid, QStringLiteral("onu_location_status"),
                     line.cafId);
    else if (line.onuLocationStatus == OnuLocationStatus::Corrected &&
             line.onuLocationFound.trimmed().isEmpty())
        list << item(Kind::OnuLocation, step, e, line.uuid, QStringLiteral("onu_location_found"), line.cafId);
    const bool photographed = std::any_of(photos.cbegin(), photos.cend(), [&line](const Photo &p) {
        return p.target.entity == QStringLiteral("connection_point") && p.target.id == line.id;
    });
    if (!photographed)
        list << item(Kind::LinePhoto, step, e, line.uuid, QStringLiteral("photos"), line.cafId);
    if (line.devices.isEmpty())
        list << item(Kind::Wiring, step, e, line.uuid, QStringLiteral("devices"), line.cafId);
    if (line.emrReachability == EmrReachability::Unknown)
        list << item(Kind::EmrReachability, step, e, line.uuid, QStringLiteral("emr_reachability"),
                     line.cafId);
    if (line.protection == Protection::Unknown)
        list << item(Kind::Protection, step, e, line.uuid, QStringLiteral("protection"), line.cafId);
    for (const Device &d : line.devices) {
        const ChainRole role = effectiveRole(d);
        const QString subject = line.cafId + QStringLiteral(" / ") + deviceSubject(d);
        if (role == ChainRole::Unknown)
            list << item(Kind::DeviceRole, step, Entity::Device, d.uuid, QStringLiteral("chain_role"),
                         subject);
        else if (needsFirmware(role) && factValue(d.facts, QStringLiteral("firmware")).trimmed().isEmpty())
            list << item(Kind::DeviceFirmware, step, Entity::Device, d.uuid, QStringLiteral("firmware"),
                         subject);
    }
    return list;
}

int SurveyProgress::lineItemCount(const ConnectionPoint &line)
{
    int count = 5;
    for (const Device &d : line.devices) {
        const ChainRole role = effectiveRole(d);
        count += role == ChainRole::Unknown ? 1 : (needsFirmware(role) ? 1 : 0);
    }
    return count;
}

QList<MissingItem> SurveyProgress::terminalMissing(const Terminal &terminal)
{
    const StepKind step = StepKind::Terminals;
    const QString subject = QString::number(terminal.terminalNo);
    QList<MissingItem> list;
    if (terminal.checkState == TerminalCheckState::NotStarted ||
        terminal.checkState == TerminalCheckState::InProgress)
        list << item(Kind::TerminalState, step, Entity::Terminal, terminal.uuid,
                     QStringLiteral("check_state"), subject);
    if (terminal.checkState == TerminalCheckState::NotPossible) {
        if (terminal.note.trimmed().isEmpty())
            list << item(Kind::NotPossibleReason, step, Entity::Terminal, terminal.uuid,
                         QStringLiteral("note"), subject);
        return list;
    }
    for (const QString &key : kTerminalCheckItems) {
        const bool recorded =
            std::any_of(terminal.checks.cbegin(), terminal.checks.cend(), [&key](const TerminalCheck &c) {
                // A collected item the rules could not judge ("不明") is still to be found out.
                const bool unjudgedFacts = !c.detail.isEmpty() && c.evaluation == QStringLiteral("unknown");
                return c.item == key && !c.value.trimmed().isEmpty() && !unjudgedFacts;
            });
        if (!recorded)
            list << item(Kind::TerminalCheck, step, Entity::Terminal, terminal.uuid, key, subject);
    }
    return list;
}

int SurveyProgress::terminalItemCount(const Terminal &terminal)
{
    return terminal.checkState == TerminalCheckState::NotPossible ? 2 : 1 + int(kTerminalCheckItems.size());
}

ChainRole SurveyProgress::effectiveRole(const Device &device)
{
    if (device.chainRole != ChainRole::Unknown)
        return device.chainRole;
    const QString type = device.deviceType.normalized(QString::NormalizationForm_KC).toCaseFolded();
    const auto has = [&type](const char16_t *word) { return type.contains(QString::fromUtf16(word)); };
    if (has(u"utm"))
        return ChainRole::Utm;
    // ファイアウォール is written in several ways (ファイヤーウォール, ファイアウオール, …).
    if (has(u"ファイアウォール") || has(u"ファイヤウォール") || has(u"ファイアーウォール") ||
        has(u"ファイヤーウォール") || has(u"ファイアウオール") || has(u"ファイヤーウオール") ||
        has(u"firewall") || type.trimmed() == QStringLiteral("fw"))
        return ChainRole::Firewall;
    if (has(u"vpn"))
        return ChainRole::VpnGateway;
    if (has(u"ルータ") || has(u"ルーター") || has(u"router"))
        return ChainRole::Router;
    if (has(u"スイッチ") || has(u"switch") || has(u"ハブ") || has(u"hub"))
        return ChainRole::Switch;
    if (has(u"onu") || has(u"回線終端") || has(u"終端装置"))
        return ChainRole::Onu;
    return ChainRole::Unknown;
}

bool SurveyProgress::needsFirmware(ChainRole role)
{
    return role == ChainRole::Router || role == ChainRole::Utm || role == ChainRole::Firewall ||
           role == ChainRole::VpnGateway;
}

} // namespace fs::model
