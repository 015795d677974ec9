// SurveyProgress: what each step of a day still needs, computed from hand-built survey data.
#include "defaultschedule.h"
#include "surveyprogress.h"

#include <QStandardPaths>
#include <QTest>

using namespace fs::model;
using namespace Qt::Literals::StringLiterals;
using Kind = MissingItem::Kind;

namespace {

const QDate kToday(2026, 12, 3);

// Wall-clock time at the hospital on kToday.
QDateTime today(int hour, int minute)
{
    return QDateTime(kToday, QTime(hour, minute));
}

// The index of each step of the default day.
enum DefaultStep
{
    Arrival,
    Briefing,
    MorningLines,
    AfternoonLines,
    Terminals,
    Departure,
};

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::ArrivalTime:
        return u"arrival_time"_s;
    case Kind::Attendees:
        return u"attendees"_s;
    case Kind::StepFinished:
        return u"step_finished"_s;
    case Kind::OnuLocation:
        return u"onu_location"_s;
    case Kind::LinePhoto:
        return u"line_photo"_s;
    case Kind::Wiring:
        return u"wiring"_s;
    case Kind::EmrReachability:
        return u"emr_reachability"_s;
    case Kind::Protection:
        return u"protection"_s;
    case Kind::DeviceRole:
        return u"device_role"_s;
    case Kind::DeviceFirmware:
        return u"device_firmware"_s;
    case Kind::TerminalState:
        return u"terminal_state"_s;
    case Kind::TerminalCheck:
        return u"terminal_check"_s;
    case Kind::NotPossibleReason:
        return u"not_possible_reason"_s;
    case Kind::DepartureTime:
        return u"departure_time"_s;
    }
    return u"?"_s;
}

// "kind:field" of each missing item, in order: a failing QCOMPARE shows both lists.
QStringList describeMissing(const QList<MissingItem> &items)
{
    QStringList list;
    for (const MissingItem &m : items)
        list << kindName(m.kind) + u':' + m.field;
    return list;
}

QString stateName(StepState state)
{
    switch (state) {
    case StepState::NotStarted:
        return u"not_started"_s;
    case StepState::InProgress:
        return u"in_progress"_s;
    case StepState::Done:
        return u"done"_s;
    }
    return u"?"_s;
}

QStringList stateNames(const DayProgress &day)
{
    QStringList list;
    for (const StepProgress &s : day.steps)
        list << stateName(s.state);
    return list;
}

Observation fact(const QString &key, const QString &value)
{
    Observation o;
    o.key = key;
    o.value = value;
    o.source = FactSource::Ssh;
    return o;
}

Device device(const QString &hostname, const QString &type, ChainRole role = ChainRole::Unknown,
              const QString &firmware = {})
{
    Device d;
    d.uuid = u"device-"_s + hostname;
    d.hostname = hostname;
    d.deviceType = type;
    d.chainRole = role;
    if (!firmware.isNull())
        d.facts = {fact(u"serial"_s, u"X1"_s), fact(u"firmware"_s, firmware)};
    return d;
}

// A line with everything captured: its ONU where the sheet says, a photo, a router with its
// firmware, reachability and protection decided.
ConnectionPoint completeLine(qint64 id)
{
    ConnectionPoint c;
    c.id = id;
    c.uuid = u"line-%1"_s.arg(id);
    c.cafId = u"CAF%1"_s.arg(id, 4, 10, QLatin1Char('0'));
    c.lineNo = int(id);
    c.onuLocationStatus = OnuLocationStatus::Confirmed;
    c.emrReachability = EmrReachability::NotDirect;
    c.protection = Protection::Ipsec;
    c.devices = {device(u"rtx-%1"_s.arg(id), u"ルータ"_s, ChainRole::Unknown, u"Rev.14.01.38"_s)};
    return c;
}

Photo photoOf(const QString &entity, qint64 id)
{
    Photo p;
    p.id = id * 100;
    p.target = PhotoTarget{entity, id};
    return p;
}

TerminalCheck terminalCheck(const QString &item, const QString &value)
{
    TerminalCheck c;
    c.item = item;
    c.value = value;
    c.evaluation = u"ok"_s;
    return c;
}

Terminal completeTerminal(int no)
{
    Terminal t;
    t.id = no;
    t.uuid = u"terminal-%1"_s.arg(no);
    t.terminalNo = no;
    t.checkState = TerminalCheckState::Done;
    for (const QString &item : kTerminalCheckItems)
        t.checks << terminalCheck(item, u"value of "_s + item);
    return t;
}

VisitDay defaultDay(int dayNo = 1, const QDate &date = kToday)
{
    VisitDay day = DefaultSchedule::day(dayNo, date);
    day.uuid = u"day-%1"_s.arg(dayNo);
    for (qsizetype i = 0; i < day.steps.size(); ++i)
        day.steps[i].uuid = u"day-%1-step-%2"_s.arg(dayNo).arg(i + 1);
    return day;
}

// Records a step's actual times as the planned ones (UTC, as the store keeps them).
void finish(ScheduleStep &step, const QDate &date = kToday)
{
    step.actualStart = QDateTime(date, step.plannedStart, Qt::UTC);
    step.actualEnd = QDateTime(date, step.plannedEnd, Qt::UTC);
}

// Two complete lines and five complete terminals.
SurveyData completeData()
{
    SurveyData data;
    data.connectionPoints = {completeLine(1), completeLine(2)};
    for (int no = 1; no <= 5; ++no)
        data.terminals << completeTerminal(no);
    data.days = {defaultDay()};
    return data;
}

QList<Photo> photosOfLines(const SurveyData &data)
{
    QList<Photo> photos;
    for (const ConnectionPoint &c : data.connectionPoints)
        photos << photoOf(u"connection_point"_s, c.id);
    return photos;
}

// Arrival (a moment: its time only) and briefing recorded with attendees: the morning's own
// steps are done.
void finishMorning(VisitDay &day)
{
    day.attendees = u"情報システム課 高松"_s;
    day.steps[Arrival].actualStart = QDateTime(kToday, QTime(0, 2), Qt::UTC);
    finish(day.steps[Briefing]);
}

} // namespace

class TestSurveyProgress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // ---- steps with their own items: arrival, briefing, custom, departure ----------------------

    void ownStepItems_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("started");
        QTest::addColumn<bool>("ended");
        QTest::addColumn<QString>("attendees");
        QTest::addColumn<QStringList>("missing");
        QTest::addColumn<int>("done");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("state");

        const int arrival = int(StepKind::Arrival);
        const QString who = u"総務課 丸亀"_s;
        QTest::newRow("arrival: nothing")
            << arrival << false << false << QString()
            << QStringList{u"arrival_time:actual_start"_s, u"attendees:attendees"_s} << 0 << 2
            << u"not_started"_s;
        QTest::newRow("arrival: time only")
            << arrival << true << false << QString() << QStringList{u"attendees:attendees"_s} << 1 << 2
            << u"in_progress"_s;
        QTest::newRow("arrival: attendees only")
            << arrival << false << false << who << QStringList{u"arrival_time:actual_start"_s} << 1 << 2
            << u"in_progress"_s;
        QTest::newRow("arrival: blank attendees")
            << arrival << true << false << u" \n "_s << QStringList{u"attendees:attendees"_s} << 1 << 2
            << u"in_progress"_s;
        QTest::newRow("arrival: end time is not the arrival")
            << arrival << false << true << who << QStringList{u"arrival_time:actual_start"_s} << 1 << 2
            << u"in_progress"_s;
        QTest::newRow("arrival: time and attendees")
            << arrival << true << false << who << QStringList() << 2 << 2 << u"done"_s;

        for (const auto &[kind, name] :
             {std::pair{StepKind::Briefing, "briefing"}, std::pair{StepKind::Custom, "custom"}}) {
            QTest::addRow("%s: nothing", name)
                << int(kind) << false << false << QString() << QStringList{u"step_finished:actual_end"_s} << 0
                << 1 << u"not_started"_s;
            QTest::addRow("%s: started", name)
                << int(kind) << true << false << QString() << QStringList{u"step_finished:actual_end"_s} << 0
                << 1 << u"in_progress"_s;
            QTest::addRow("%s: ended", name)
                << int(kind) << true << true << QString() << QStringList() << 1 << 1 << u"done"_s;
            QTest::addRow("%s: only the end", name)
                << int(kind) << false << true << QString() << QStringList() << 1 << 1 << u"done"_s;
            QTest::addRow("%s: attendees do not count", name)
                << int(kind) << false << false << who << QStringList{u"step_finished:actual_end"_s} << 0 << 1
                << u"not_started"_s;
        }

        const int departure = int(StepKind::Departure);
        QTest::newRow("departure: nothing")
            << departure << false << false << QString() << QStringList{u"departure_time:actual_end"_s} << 0
            << 1 << u"not_started"_s;
        QTest::newRow("departure: started to tidy up")
            << departure << true << false << QString() << QStringList{u"departure_time:actual_end"_s} << 0
            << 1 << u"in_progress"_s;
        QTest::newRow("departure: left")
            << departure << true << true << QString() << QStringList() << 1 << 1 << u"done"_s;
    }

    void ownStepItems()
    {
        QFETCH(int, kind);
        QFETCH(bool, started);
        QFETCH(bool, ended);
        QFETCH(QString, attendees);
        QFETCH(QStringList, missing);
        QFETCH(int, done);
        QFETCH(int, total);
        QFETCH(QString, state);

        VisitDay day;
        day.uuid = u"day-1"_s;
        day.date = kToday;
        day.attendees = attendees;
        ScheduleStep step;
        step.uuid = u"step-1"_s;
        step.kind = StepKind(kind);
        step.title = u"院内LAN 配線確認"_s;
        step.plannedStart = QTime(10, 0);
        step.plannedEnd = QTime(11, 0);
        if (started)
            step.actualStart = QDateTime(kToday, QTime(1, 0), Qt::UTC);
        if (ended)
            step.actualEnd = QDateTime(kToday, QTime(2, 0), Qt::UTC);
        day.steps = {step};

        const DayProgress progress =
            SurveyProgress::forDay(SurveyData{}, {}, day, QDateTime(kToday.addDays(7), QTime(8, 0)));
        QCOMPARE(progress.steps.size(), 1);
        const StepProgress &p = progress.steps.first();
        QCOMPARE(describeMissing(p.missing), missing);
        QCOMPARE(p.done, done);
        QCOMPARE(p.total, total);
        QCOMPARE(stateName(p.state), state);
        QCOMPARE(p.step, step);
        QCOMPARE(describeMissing(progress.missing()), missing);
    }

    // Each item says where it is entered.
    void ownItemsNameTheirRow()
    {
        VisitDay day = defaultDay();
        const DayProgress progress = SurveyProgress::forDay(SurveyData{}, {}, day, today(8, 0));
        const QList<MissingItem> arrival = progress.steps[Arrival].missing;
        QCOMPARE(arrival.size(), 2);
        QCOMPARE(arrival[0].entity, Entity::ScheduleStep);
        QCOMPARE(arrival[0].uuid, day.steps[Arrival].uuid);
        QCOMPARE(arrival[0].step, StepKind::Arrival);
        QCOMPARE(arrival[1].entity, Entity::VisitDay);
        QCOMPARE(arrival[1].uuid, day.uuid);
        const QList<MissingItem> departure = progress.steps[Departure].missing;
        QCOMPARE(departure.size(), 1);
        QCOMPARE(departure[0].entity, Entity::ScheduleStep);
        QCOMPARE(departure[0].uuid, day.steps[Departure].uuid);
        QCOMPARE(departure[0].step, StepKind::Departure);
    }

    // ---- connection points ---------------------------------------------------------------------

    void lineItems_data()
    {
        QTest::addColumn<int>("onuStatus");
        QTest::addColumn<QString>("onuFound");
        QTest::addColumn<QString>("photoOf"); // the photo's target entity, or "" for none
        QTest::addColumn<qint64>("photoId");
        QTest::addColumn<int>("emr");
        QTest::addColumn<int>("protection");
        QTest::addColumn<bool>("wired");
        QTest::addColumn<QString>("deviceType");
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("firmware"); // null: no facts at all
        QTest::addColumn<QStringList>("missing");
        QTest::addColumn<int>("total");

        const int confirmed = int(OnuLocationStatus::Confirmed);
        const int notDirect = int(EmrReachability::NotDirect);
        const int ipsec = int(Protection::Ipsec);
        const int unknownRole = int(ChainRole::Unknown);
        const QString line = u"connection_point"_s;
        const QString fw = u"Rev.14.01.38"_s;
        const QString router = u"ルータ"_s;

        QTest::newRow("complete") << confirmed << QString() << line << qint64(7) << notDirect << ipsec << true
                                  << router << unknownRole << fw << QStringList() << 6;
        QTest::newRow("ONU location unchecked")
            << int(OnuLocationStatus::Unchecked) << QString() << line << qint64(7) << notDirect << ipsec
            << true << router << unknownRole << fw << QStringList{u"onu_location:onu_location_status"_s} << 6;
        QTest::newRow("ONU corrected without the location")
            << int(OnuLocationStatus::Corrected) << QString() << line << qint64(7) << notDirect << ipsec
            << true << router << unknownRole << fw << QStringList{u"onu_location:onu_location_found"_s} << 6;
        QTest::newRow("ONU corrected, blank location")
            << int(OnuLocationStatus::Corrected) << u"  "_s << line << qint64(7) << notDirect << ipsec << true
            << router << unknownRole << fw << QStringList{u"onu_location:onu_location_found"_s} << 6;
        QTest::newRow("ONU corrected with the location")
            << int(OnuLocationStatus::Corrected) << u"本館 3F 2番ラック"_s << line << qint64(7) << notDirect
            << ipsec << true << router << unknownRole << fw << QStringList() << 6;
        QTest::newRow("ONU not found is an answer")
            << int(OnuLocationStatus::NotFound) << QString() << line << qint64(7) << notDirect << ipsec
            << true << router << unknownRole << fw << QStringList() << 6;
        QTest::newRow("no photo") << confirmed << QString() << QString() << qint64(0) << notDirect << ipsec
                                  << true << router << unknownRole << fw
                                  << QStringList{u"line_photo:photos"_s} << 6;
        QTest::newRow("photo of another line")
            << confirmed << QString() << line << qint64(8) << notDirect << ipsec << true << router
            << unknownRole << fw << QStringList{u"line_photo:photos"_s} << 6;
        QTest::newRow("photo of a terminal with the same id")
            << confirmed << QString() << u"terminal"_s << qint64(7) << notDirect << ipsec << true << router
            << unknownRole << fw << QStringList{u"line_photo:photos"_s} << 6;
        QTest::newRow("no wiring") << confirmed << QString() << line << qint64(7) << notDirect << ipsec
                                   << false << QString() << unknownRole << QString()
                                   << QStringList{u"wiring:devices"_s} << 5;
        QTest::newRow("EMR reachability unknown")
            << confirmed << QString() << line << qint64(7) << int(EmrReachability::Unknown) << ipsec << true
            << router << unknownRole << fw << QStringList{u"emr_reachability:emr_reachability"_s} << 6;
        QTest::newRow("directly reachable is an answer")
            << confirmed << QString() << line << qint64(7) << int(EmrReachability::Direct) << ipsec << true
            << router << unknownRole << fw << QStringList() << 6;
        QTest::newRow("protection unknown")
            << confirmed << QString() << line << qint64(7) << notDirect << int(Protection::Unknown) << true
            << router << unknownRole << fw << QStringList{u"protection:protection"_s} << 6;
        QTest::newRow("no protection is an answer")
            << confirmed << QString() << line << qint64(7) << notDirect << int(Protection::None) << true
            << router << unknownRole << fw << QStringList() << 6;
        QTest::newRow("nothing decided")
            << int(OnuLocationStatus::Unchecked) << QString() << QString() << qint64(0)
            << int(EmrReachability::Unknown) << int(Protection::Unknown) << false << QString() << unknownRole
            << QString()
            << QStringList{u"onu_location:onu_location_status"_s, u"line_photo:photos"_s, u"wiring:devices"_s,
                           u"emr_reachability:emr_reachability"_s, u"protection:protection"_s}
            << 5;

        // The device's place in the chain, as set or read from its type.
        const auto deviceRow = [&](const char *name, const QString &type, ChainRole role,
                                   const QString &firmware, const QStringList &missing, int total) {
            QTest::newRow(name) << confirmed << QString() << line << qint64(7) << notDirect << ipsec << true
                                << type << int(role) << firmware << missing << total;
        };
        const QStringList needsRole{u"device_role:chain_role"_s};
        const QStringList needsFirmware{u"device_firmware:firmware"_s};
        deviceRow("role unknown, no type", QString(), ChainRole::Unknown, QString(), needsRole, 6);
        deviceRow("role unknown, unusual type", u"メディアコンバータ"_s, ChainRole::Unknown, QString(),
                  needsRole, 6);
        deviceRow("ルータ without firmware", router, ChainRole::Unknown, QString(), needsFirmware, 6);
        deviceRow("ルーター without firmware", u"ルーター"_s, ChainRole::Unknown, QString(), needsFirmware,
                  6);
        deviceRow("half-width ﾙｰﾀ without firmware", u"ﾙｰﾀ"_s, ChainRole::Unknown, QString(), needsFirmware,
                  6);
        deviceRow("full-width ＵＴＭ without firmware", u"ＵＴＭ"_s, ChainRole::Unknown, QString(),
                  needsFirmware, 6);
        deviceRow("UTM with firmware", u"UTM"_s, ChainRole::Unknown, u"v7.2.8"_s, QStringList(), 6);
        deviceRow("ファイアウォール without firmware", u"ファイアウォール"_s, ChainRole::Unknown, QString(),
                  needsFirmware, 6);
        deviceRow("FW without firmware", u" FW "_s, ChainRole::Unknown, QString(), needsFirmware, 6);
        deviceRow("VPN装置 without firmware", u"VPN装置"_s, ChainRole::Unknown, QString(), needsFirmware, 6);
        deviceRow("スイッチ needs no firmware", u"スイッチ"_s, ChainRole::Unknown, QString(), QStringList(),
                  5);
        deviceRow("L3スイッチ needs no firmware", u"L3スイッチ"_s, ChainRole::Unknown, QString(),
                  QStringList(), 5);
        deviceRow("ONU needs no firmware", u"ONU"_s, ChainRole::Unknown, QString(), QStringList(), 5);
        deviceRow("firmware fact with a blank value", router, ChainRole::Unknown, u"  "_s, needsFirmware, 6);
        deviceRow("role set: router", QString(), ChainRole::Router, QString(), needsFirmware, 6);
        deviceRow("role set: firewall with firmware", QString(), ChainRole::Firewall, u"9.1"_s, QStringList(),
                  6);
        deviceRow("role set: VPN gateway", QString(), ChainRole::VpnGateway, QString(), needsFirmware, 6);
        deviceRow("role set: UTM", QString(), ChainRole::Utm, QString(), needsFirmware, 6);
        deviceRow("role set: switch overrides the type", router, ChainRole::Switch, QString(), QStringList(),
                  5);
        deviceRow("role set: other", QString(), ChainRole::Other, QString(), QStringList(), 5);
        deviceRow("role set: ONU", QString(), ChainRole::Onu, QString(), QStringList(), 5);
    }

    void lineItems()
    {
        QFETCH(int, onuStatus);
        QFETCH(QString, onuFound);
        QFETCH(QString, photoOf);
        QFETCH(qint64, photoId);
        QFETCH(int, emr);
        QFETCH(int, protection);
        QFETCH(bool, wired);
        QFETCH(QString, deviceType);
        QFETCH(int, role);
        QFETCH(QString, firmware);
        QFETCH(QStringList, missing);
        QFETCH(int, total);

        ConnectionPoint line = completeLine(7);
        line.onuLocationStatus = OnuLocationStatus(onuStatus);
        line.onuLocationFound = onuFound;
        line.emrReachability = EmrReachability(emr);
        line.protection = Protection(protection);
        line.devices.clear();
        if (wired)
            line.devices = {device(u"gw"_s, deviceType, ChainRole(role), firmware)};
        QList<Photo> photos;
        if (!photoOf.isEmpty())
            photos << ::photoOf(photoOf, photoId);

        const QList<MissingItem> items = SurveyProgress::lineMissing(line, photos);
        QCOMPARE(describeMissing(items), missing);
        QCOMPARE(SurveyProgress::lineItemCount(line), total);
        for (const MissingItem &m : items) {
            QCOMPARE(m.step, StepKind::ConnectionPoints);
            const bool aboutDevice = m.kind == Kind::DeviceRole || m.kind == Kind::DeviceFirmware;
            QCOMPARE(m.entity, aboutDevice ? Entity::Device : Entity::ConnectionPoint);
            QCOMPARE(m.uuid, aboutDevice ? line.devices[0].uuid : line.uuid);
            QCOMPARE(m.subject, aboutDevice ? u"CAF0007 / gw"_s : u"CAF0007"_s);
        }
    }

    void effectiveRoleReadsTheDeclaredType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("role");
        QTest::newRow("ルータ") << u"ルータ"_s << int(ChainRole::Router);
        QTest::newRow("ルーター") << u"ルーター"_s << int(ChainRole::Router);
        QTest::newRow("ﾙｰﾀｰ") << u"ﾙｰﾀｰ"_s << int(ChainRole::Router);
        QTest::newRow("Router") << u"Router"_s << int(ChainRole::Router);
        QTest::newRow("ブロードバンドルータ") << u"ブロードバンドルータ"_s << int(ChainRole::Router);
        QTest::newRow("UTM") << u"UTM"_s << int(ChainRole::Utm);
        QTest::newRow("ＵＴＭ") << u"ＵＴＭ"_s << int(ChainRole::Utm);
        QTest::newRow("utm (FortiGate)") << u"utm (FortiGate)"_s << int(ChainRole::Utm);
        QTest::newRow("ファイアウォール") << u"ファイアウォール"_s << int(ChainRole::Firewall);
        QTest::newRow("ファイヤーウォール") << u"ファイヤーウォール"_s << int(ChainRole::Firewall);
        QTest::newRow("ファイヤウォール") << u"ファイヤウォール"_s << int(ChainRole::Firewall);
        QTest::newRow("ファイアーウォール") << u"ファイアーウォール"_s << int(ChainRole::Firewall);
        QTest::newRow("ファイアウオール") << u"ファイアウオール"_s << int(ChainRole::Firewall);
        QTest::newRow("Firewall") << u"Firewall"_s << int(ChainRole::Firewall);
        QTest::newRow("ＦＷ") << u"ＦＷ"_s << int(ChainRole::Firewall);
        QTest::newRow("VPNルータ") << u"VPNルータ"_s << int(ChainRole::VpnGateway);
        QTest::newRow("スイッチ") << u"スイッチ"_s << int(ChainRole::Switch);
        QTest::newRow("ｽｲｯﾁ") << u"ｽｲｯﾁ"_s << int(ChainRole::Switch);
        QTest::newRow("スイッチングハブ") << u"スイッチングハブ"_s << int(ChainRole::Switch);
        QTest::newRow("L2 Switch") << u"L2 Switch"_s << int(ChainRole::Switch);
        QTest::newRow("ONU") << u"ONU"_s << int(ChainRole::Onu);
        QTest::newRow("回線終端装置") << u"回線終端装置"_s << int(ChainRole::Onu);
        QTest::newRow("empty") << QString() << int(ChainRole::Unknown);
        QTest::newRow("サーバ") << u"サーバ"_s << int(ChainRole::Unknown);
    }

    void effectiveRoleReadsTheDeclaredType()
    {
        QFETCH(QString, type);
        QFETCH(int, role);
        Device d;
        d.deviceType = type;
        QCOMPARE(kChainRoleKeys.key(SurveyProgress::effectiveRole(d)), kChainRoleKeys.key(ChainRole(role)));
        d.chainRole = ChainRole::Other; // a role set on site wins
        QCOMPARE(SurveyProgress::effectiveRole(d), ChainRole::Other);
    }

    void firmwareIsReadFromRoutersUtmsFirewallsAndVpnGateways_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("needs");
        QTest::newRow("unknown") << int(ChainRole::Unknown) << false;
        QTest::newRow("onu") << int(ChainRole::Onu) << false;
        QTest::newRow("router") << int(ChainRole::Router) << true;
        QTest::newRow("utm") << int(ChainRole::Utm) << true;
        QTest::newRow("firewall") << int(ChainRole::Firewall) << true;
        QTest::newRow("switch") << int(ChainRole::Switch) << false;
        QTest::newRow("vpn gateway") << int(ChainRole::VpnGateway) << true;
        QTest::newRow("other") << int(ChainRole::Other) << false;
    }

    void firmwareIsReadFromRoutersUtmsFirewallsAndVpnGateways()
    {
        QFETCH(int, role);
        QFETCH(bool, needs);
        QCOMPARE(SurveyProgress::needsFirmware(ChainRole(role)), needs);
    }

    void everyDeviceOfALineCounts()
    {
        ConnectionPoint line = completeLine(4);
        line.devices = {
            device(u"fg"_s, u"UTM"_s), device(u"rtx"_s, u"ルータ"_s, ChainRole::Unknown, u"Rev.15"_s),
            device(u"sw"_s, QString(), ChainRole::Switch), device(u"mc"_s, u"メディアコンバータ"_s)};
        line.devices[3].hostname.clear();
        const QList<MissingItem> items =
            SurveyProgress::lineMissing(line, {photoOf(u"connection_point"_s, 4)});
        QCOMPARE(describeMissing(items),
                 (QStringList{u"device_firmware:firmware"_s, u"device_role:chain_role"_s}));
        QCOMPARE(items[0].subject, u"CAF0004 / fg"_s);
        QCOMPARE(items[1].subject, u"CAF0004 / メディアコンバータ"_s); // no name: its type
        QCOMPARE(SurveyProgress::lineItemCount(line), 5 + 3);
    }

    // ---- terminals -----------------------------------------------------------------------------

    void terminalItems_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QStringList>("checked"); // items with a value; "item=" for a blank one
        QTest::addColumn<QString>("note");
        QTest::addColumn<QStringList>("missing");
        QTest::addColumn<int>("total");

        const QStringList all{u"os"_s, u"windows_update"_s, u"internet"_s, u"antivirus"_s, u"usb_storage"_s};
        QStringList allMissing;
        for (const QString &item : all)
            allMissing << u"terminal_check:"_s + item;

        QTest::newRow("not started") << int(TerminalCheckState::NotStarted) << QStringList() << QString()
                                     << QStringList{u"terminal_state:check_state"_s} + allMissing << 6;
        QTest::newRow("in progress, two checked")
            << int(TerminalCheckState::InProgress) << QStringList{u"usb_storage"_s, u"os"_s} << QString()
            << QStringList{u"terminal_state:check_state"_s, u"terminal_check:windows_update"_s,
                           u"terminal_check:internet"_s, u"terminal_check:antivirus"_s}
            << 6;
        QTest::newRow("done, all five")
            << int(TerminalCheckState::Done) << all << QString() << QStringList() << 6;
        QTest::newRow("done, one blank")
            << int(TerminalCheckState::Done)
            << QStringList{u"os"_s, u"windows_update"_s, u"internet"_s, u"antivirus="_s, u"usb_storage"_s}
            << QString() << QStringList{u"terminal_check:antivirus"_s} << 6;
        QTest::newRow("done, one missing") << int(TerminalCheckState::Done) << all.mid(1) << QString()
                                           << QStringList{u"terminal_check:os"_s} << 6;
        QTest::newRow("all checked but not marked done")
            << int(TerminalCheckState::InProgress) << all << QString()
            << QStringList{u"terminal_state:check_state"_s} << 6;
        QTest::newRow("not possible, with the reason")
            << int(TerminalCheckState::NotPossible) << QStringList() << u"電源が入らず"_s << QStringList()
            << 2;
        QTest::newRow("not possible, no reason")
            << int(TerminalCheckState::NotPossible) << QStringList() << QString()
            << QStringList{u"not_possible_reason:note"_s} << 2;
        QTest::newRow("not possible, blank reason")
            << int(TerminalCheckState::NotPossible) << QStringList{u"os"_s} << u"  \n"_s
            << QStringList{u"not_possible_reason:note"_s} << 2;
        QTest::newRow("a note without not possible is no check")
            << int(TerminalCheckState::Done) << QStringList() << u"電源が入らず"_s << allMissing << 6;
    }

    void terminalItems()
    {
        QFETCH(int, state);
        QFETCH(QStringList, checked);
        QFETCH(QString, note);
        QFETCH(QStringList, missing);
        QFETCH(int, total);

        Terminal t;
        t.uuid = u"terminal-3"_s;
        t.terminalNo = 3;
        t.checkState = TerminalCheckState(state);
        t.note = note;
        for (const QString &c : checked) {
            const QStringList parts = c.split(u'=');
            t.checks << terminalCheck(parts[0], parts.size() > 1 ? parts[1] : u"value"_s);
        }
        const QList<MissingItem> items = SurveyProgress::terminalMissing(t);
        QCOMPARE(describeMissing(items), missing);
        QCOMPARE(SurveyProgress::terminalItemCount(t), total);
        for (const MissingItem &m : items) {
            QCOMPARE(m.step, StepKind::Terminals);
            QCOMPARE(m.entity, Entity::Terminal);
            QCOMPARE(m.uuid, t.uuid);
            QCOMPARE(m.subject, u"3"_s);
        }
    }

    // ---- steps of a day ------------------------------------------------------------------------

    void stepStates_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QStringList>("states");

        const QString ns = u"not_started"_s;
        const QString ip = u"in_progress"_s;
        const QString done = u"done"_s;
        QTest::newRow("nothing recorded, nothing captured")
            << u"empty"_s << QStringList{ns, ns, ns, ns, ns, ns};
        QTest::newRow("everything captured, no times")
            << u"complete data"_s << QStringList{ns, ns, done, done, done, ns};
        QTest::newRow("everything") << u"everything"_s << QStringList{done, done, done, done, done, done};
        QTest::newRow("morning lines started: the afternoon part too")
            << u"lines started"_s << QStringList{ns, ns, ip, ip, ns, ns};
        QTest::newRow("afternoon lines started: the morning part too")
            << u"afternoon lines started"_s << QStringList{ns, ns, ip, ip, ns, ns};
        QTest::newRow("one line item captured") << u"one line item"_s << QStringList{ns, ns, ip, ip, ns, ns};
        QTest::newRow("lines ended but items missing")
            << u"lines ended"_s << QStringList{ns, ns, ip, ip, ns, ns};
        QTest::newRow("one terminal done") << u"one terminal"_s << QStringList{ns, ns, ns, ns, ip, ns};
        QTest::newRow("morning recorded") << u"morning"_s << QStringList{done, done, ns, ns, ns, ns};
    }

    void stepStates()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, states);

        SurveyData data;
        data.connectionPoints = {completeLine(1), completeLine(2)};
        data.connectionPoints[0].onuLocationStatus = OnuLocationStatus::Unchecked;
        data.connectionPoints[1].onuLocationStatus = OnuLocationStatus::Unchecked;
        data.connectionPoints[0].protection = Protection::Unknown;
        data.connectionPoints[1].protection = Protection::Unknown;
        Terminal blank;
        blank.uuid = u"terminal-1"_s;
        blank.terminalNo = 1;
        data.terminals = {blank, blank};
        data.terminals[1].uuid = u"terminal-2"_s;
        data.terminals[1].terminalNo = 2;
        VisitDay day = defaultDay();
        QList<Photo> photos = photosOfLines(data);

        if (setup == u"empty"_s) {
            for (ConnectionPoint &c : data.connectionPoints) {
                c.devices.clear();
                c.emrReachability = EmrReachability::Unknown;
            }
            photos.clear();
        } else if (setup == u"complete data"_s || setup == u"everything"_s) {
            data = completeData();
            photos = photosOfLines(data);
            if (setup == u"everything"_s) {
                day.attendees = u"高松"_s;
                for (ScheduleStep &s : day.steps)
                    finish(s);
            }
        } else if (setup == u"lines started"_s) {
            for (ConnectionPoint &c : data.connectionPoints)
                c.devices.clear();
            photos.clear();
            for (ConnectionPoint &c : data.connectionPoints)
                c.emrReachability = EmrReachability::Unknown;
            day.steps[MorningLines].actualStart = QDateTime(kToday, QTime(0, 35), Qt::UTC);
        } else if (setup == u"afternoon lines started"_s) {
            for (ConnectionPoint &c : data.connectionPoints) {
                c.devices.clear();
                c.emrReachability = EmrReachability::Unknown;
            }
            photos.clear();
            day.steps[AfternoonLines].actualStart = QDateTime(kToday, QTime(4, 0), Qt::UTC);
        } else if (setup == u"one line item"_s) {
            for (ConnectionPoint &c : data.connectionPoints) {
                c.devices.clear();
                c.emrReachability = EmrReachability::Unknown;
            }
            photos = {photoOf(u"connection_point"_s, 2)};
        } else if (setup == u"lines ended"_s) {
            finish(day.steps[MorningLines]);
            finish(day.steps[AfternoonLines]);
        } else if (setup == u"one terminal"_s) {
            for (ConnectionPoint &c : data.connectionPoints) {
                c.devices.clear();
                c.emrReachability = EmrReachability::Unknown;
            }
            photos.clear();
            data.terminals[0] = completeTerminal(1);
        } else if (setup == u"morning"_s) {
            for (ConnectionPoint &c : data.connectionPoints) {
                c.devices.clear();
                c.emrReachability = EmrReachability::Unknown;
            }
            photos.clear();
            finishMorning(day);
        } else {
            QFAIL("unknown setup");
        }
        data.days = {day};

        const DayProgress progress = SurveyProgress::forDay(data, photos, day, today(8, 0));
        QCOMPARE(stateNames(progress), states);
    }

    // Lines and terminals are the survey's: both server-room steps show all of them, and the day
    // lists them once.
    void sharedStepsShareTheirItems()
    {
        SurveyData data = completeData();
        data.connectionPoints[1].protection = Protection::Unknown;
        data.connectionPoints[1].devices[0].facts.clear();
        data.terminals[4].checkState = TerminalCheckState::InProgress;
        VisitDay day = defaultDay();
        finishMorning(day);
        data.days = {day};

        const DayProgress progress = SurveyProgress::forDay(data, photosOfLines(data), day, today(8, 0));
        const QStringList lineItems{u"protection:protection"_s, u"device_firmware:firmware"_s};
        for (int i : {MorningLines, AfternoonLines}) {
            const StepProgress &p = progress.steps[i];
            QCOMPARE(describeMissing(p.missing), lineItems);
            QCOMPARE(p.total, 12);
            QCOMPARE(p.done, 10);
            QCOMPARE(p.step, day.steps[i]);
        }
        QCOMPARE(progress.steps[Terminals].total, 30);
        QCOMPARE(progress.steps[Terminals].done, 29);
        QCOMPARE(describeMissing(progress.missing()),
                 lineItems + (QStringList{u"terminal_state:check_state"_s, u"departure_time:actual_end"_s}));
        QCOMPARE(progress.dayUuid, day.uuid);
        QCOMPARE(progress.dayNo, 1);
        QCOMPARE(progress.date, kToday);
    }

    void twoDaysShowTheSameLines()
    {
        SurveyData data = completeData();
        data.connectionPoints[0].emrReachability = EmrReachability::Unknown;
        VisitDay first = defaultDay(1, kToday);
        for (ScheduleStep &s : first.steps)
            finish(s);
        first.attendees = u"高松"_s;
        data.days = {first, defaultDay(2, kToday.addDays(1))};

        const QList<DayProgress> days = SurveyProgress::forSurvey(data, photosOfLines(data), today(15, 0));
        QCOMPARE(days.size(), 2);
        QCOMPARE(days[1].dayNo, 2);
        QCOMPARE(days[1].date, kToday.addDays(1));
        for (const DayProgress &d : days)
            QCOMPARE(describeMissing(d.steps[MorningLines].missing),
                     (QStringList{u"emr_reachability:emr_reachability"_s}));
        QCOMPARE(stateName(days[0].steps[MorningLines].state),
                 u"in_progress"_s); // times alone do not finish it
        QCOMPARE(stateName(days[0].steps[Arrival].state), u"done"_s);
        QCOMPARE(stateName(days[1].steps[Arrival].state), u"not_started"_s);
    }

    // ---- where the day is ----------------------------------------------------------------------

    void currentStep_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<bool>("isToday");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<int>("current");

        QTest::newRow("another day: the first not done")
            << u"nothing"_s << false << QTime(10, 0) << int(Arrival);
        QTest::newRow("another day, morning recorded")
            << u"morning"_s << false << QTime(10, 0) << int(MorningLines);
        QTest::newRow("today 08:30: the first not done")
            << u"nothing"_s << true << QTime(8, 30) << int(Arrival);
        QTest::newRow("today 09:10: briefing's time")
            << u"nothing"_s << true << QTime(9, 10) << int(Briefing);
        QTest::newRow("today 10:00: the morning lines' time")
            << u"nothing"_s << true << QTime(10, 0) << int(MorningLines);
        QTest::newRow("today 12:30: lunch, the first not done")
            << u"morning"_s << true << QTime(12, 30) << int(MorningLines);
        QTest::newRow("today 13:30: the afternoon lines' time")
            << u"morning"_s << true << QTime(13, 30) << int(AfternoonLines);
        QTest::newRow("today 13:30, lines done: the first not done")
            << u"morning and lines"_s << true << QTime(13, 30) << int(Terminals);
        QTest::newRow("today 15:00, terminals' time")
            << u"morning"_s << true << QTime(15, 0) << int(Terminals);
        QTest::newRow("an arrival without attendees is still running")
            << u"arrived"_s << true << QTime(10, 0) << int(Arrival);
        QTest::newRow("a started step with everything captured is not running")
            << u"lines captured, not ended"_s << true << QTime(10, 0) << int(Terminals);
        QTest::newRow("a running step wins over the plan")
            << u"briefing running"_s << true << QTime(15, 0) << int(Briefing);
        QTest::newRow("a running step wins on another day")
            << u"terminals running"_s << false << QTime(10, 0) << int(Terminals);
        QTest::newRow("the later of two running steps")
            << u"two running"_s << true << QTime(10, 0) << int(Terminals);
        QTest::newRow("everything done") << u"everything"_s << true << QTime(10, 0) << -1;
    }

    void currentStep()
    {
        QFETCH(QString, setup);
        QFETCH(bool, isToday);
        QFETCH(QTime, time);
        QFETCH(int, current);

        SurveyData data = completeData();
        data.connectionPoints[0].protection = Protection::Unknown;
        data.terminals[0].checkState = TerminalCheckState::InProgress;
        VisitDay day = defaultDay();
        if (setup == u"morning"_s) {
            finishMorning(day);
        } else if (setup == u"morning and lines"_s) {
            finishMorning(day);
            data.connectionPoints[0].protection = Protection::Ipsec;
        } else if (setup == u"arrived"_s) {
            day.steps[Arrival].actualStart = QDateTime(kToday, QTime(0, 2), Qt::UTC);
        } else if (setup == u"lines captured, not ended"_s) {
            finishMorning(day);
            data.connectionPoints[0].protection = Protection::Ipsec;
            day.steps[MorningLines].actualStart = QDateTime(kToday, QTime(0, 35), Qt::UTC);
        } else if (setup == u"briefing running"_s) {
            day.steps[Briefing].actualStart = QDateTime(kToday, QTime(0, 5), Qt::UTC);
        } else if (setup == u"terminals running"_s) {
            day.steps[Terminals].actualStart = QDateTime(kToday, QTime(5, 5), Qt::UTC);
        } else if (setup == u"two running"_s) {
            day.steps[Briefing].actualStart = QDateTime(kToday, QTime(0, 5), Qt::UTC);
            day.steps[Terminals].actualStart = QDateTime(kToday, QTime(5, 5), Qt::UTC);
        } else if (setup == u"everything"_s) {
            data = completeData();
            day.attendees = u"高松"_s;
            for (ScheduleStep &s : day.steps)
                finish(s);
        } else {
            QCOMPARE(setup, u"nothing"_s);
        }
        data.days = {day};
        const QDateTime now(isToday ? kToday : kToday.addDays(-1), time);
        const DayProgress progress = SurveyProgress::forDay(data, photosOfLines(data), day, now);
        QCOMPARE(progress.currentStep, current);
    }

    void minutesLate_data()
    {
        QTest::addColumn<QString>("done"); // what is captured: the steps by name, comma separated
        QTest::addColumn<int>("dated");    // the day's date relative to today; 99: no date
        QTest::addColumn<QTime>("time");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("lateStep");

        QTest::newRow("08:50, nothing yet") << QString() << 0 << QTime(8, 50) << 0 << -1;
        QTest::newRow("09:00 exactly, not arrived") << QString() << 0 << QTime(9, 0) << 0 << -1;
        QTest::newRow("09:20, not arrived") << QString() << 0 << QTime(9, 20) << 20 << int(Arrival);
        QTest::newRow("09:20, arrived") << u"arrival"_s << 0 << QTime(9, 20) << 0 << -1;
        QTest::newRow("09:45, briefing not finished")
            << u"arrival"_s << 0 << QTime(9, 45) << 15 << int(Briefing);
        QTest::newRow("12:30, lines continue after lunch")
            << u"arrival,briefing"_s << 0 << QTime(12, 30) << 0 << -1;
        QTest::newRow("14:00 exactly, lines not done")
            << u"arrival,briefing"_s << 0 << QTime(14, 0) << 0 << -1;
        QTest::newRow("14:10, lines not done")
            << u"arrival,briefing"_s << 0 << QTime(14, 10) << 10 << int(AfternoonLines);
        QTest::newRow("14:10, lines done") << u"arrival,briefing,lines"_s << 0 << QTime(14, 10) << 0 << -1;
        QTest::newRow("14:10, arrival not recorded: the earliest")
            << u"briefing"_s << 0 << QTime(14, 10) << 310 << int(Arrival);
        QTest::newRow("16:45, terminals not done")
            << u"arrival,briefing,lines"_s << 0 << QTime(16, 45) << 15 << int(Terminals);
        QTest::newRow("17:30, not left yet")
            << u"arrival,briefing,lines,terminals"_s << 0 << QTime(17, 30) << 30 << int(Departure);
        QTest::newRow("17:30, everything done")
            << u"arrival,briefing,lines,terminals,departure"_s << 0 << QTime(17, 30) << 0 << -1;
        QTest::newRow("seconds do not make a minute")
            << u"arrival,briefing"_s << 0 << QTime(14, 0, 59) << 0 << -1;
        QTest::newRow("a day that was yesterday") << u"arrival,briefing"_s << -1 << QTime(14, 10) << 0 << -1;
        QTest::newRow("a day that is tomorrow") << QString() << 1 << QTime(14, 10) << 0 << -1;
        QTest::newRow("a day without a date") << QString() << 99 << QTime(14, 10) << 0 << -1;
    }

    void minutesLate()
    {
        QFETCH(QString, done);
        QFETCH(int, dated);
        QFETCH(QTime, time);
        QFETCH(int, minutes);
        QFETCH(int, lateStep);

        const QStringList parts = done.split(u',', Qt::SkipEmptyParts);
        SurveyData data = completeData();
        if (!parts.contains(u"lines"_s))
            data.connectionPoints[1].emrReachability = EmrReachability::Unknown;
        if (!parts.contains(u"terminals"_s))
            data.terminals[2].checks.removeLast();
        VisitDay day = defaultDay(1, dated == 99 ? QDate() : kToday.addDays(dated));
        if (parts.contains(u"arrival"_s)) {
            day.attendees = u"高松"_s;
            day.steps[Arrival].actualStart = QDateTime(kToday, QTime(0, 0), Qt::UTC);
        }
        if (parts.contains(u"briefing"_s))
            finish(day.steps[Briefing]);
        if (parts.contains(u"departure"_s))
            finish(day.steps[Departure]);
        data.days = {day};

        const DayProgress progress =
            SurveyProgress::forDay(data, photosOfLines(data), day, QDateTime(kToday, time));
        QCOMPARE(progress.minutesLate, minutes);
        QCOMPARE(progress.lateStep, lateStep);
    }

    void todayIndex_data()
    {
        QTest::addColumn<QList<int>>("dates"); // each day's date relative to today; 99: no date
        QTest::addColumn<QList<bool>>("done"); // whether each day is done
        QTest::addColumn<int>("index");

        QTest::newRow("no days") << QList<int>() << QList<bool>() << -1;
        QTest::newRow("the first is today") << QList<int>{0, 1} << QList<bool>{false, false} << 0;
        QTest::newRow("the second is today") << QList<int>{-1, 0} << QList<bool>{true, false} << 1;
        QTest::newRow("today wins over an earlier day not done")
            << QList<int>{-1, 0} << QList<bool>{false, false} << 1;
        QTest::newRow("today even when done") << QList<int>{-1, 0} << QList<bool>{false, true} << 1;
        QTest::newRow("before the visit: the first not done")
            << QList<int>{3, 4} << QList<bool>{false, false} << 0;
        QTest::newRow("between the days: the first not done")
            << QList<int>{-2, 2} << QList<bool>{true, false} << 1;
        QTest::newRow("undated: the first not done") << QList<int>{99, 99} << QList<bool>{true, false} << 1;
        QTest::newRow("all done: the last") << QList<int>{-3, -2} << QList<bool>{true, true} << 1;
    }

    void todayIndex()
    {
        QFETCH(QList<int>, dates);
        QFETCH(QList<bool>, done);
        QFETCH(int, index);
        QList<DayProgress> days;
        for (qsizetype i = 0; i < dates.size(); ++i) {
            DayProgress d;
            d.dayNo = int(i) + 1;
            d.date = dates[i] == 99 ? QDate() : kToday.addDays(dates[i]);
            for (int s = 0; s < 3; ++s) {
                StepProgress p;
                p.state = done[i] || s < 2 ? StepState::Done : StepState::InProgress;
                d.steps << p;
            }
            days << d;
        }
        QCOMPARE(SurveyProgress::todayIndex(days, kToday), index);
    }

    // The same through forSurvey: day 2 dated today shows first.
    void todayIndexOfASurvey()
    {
        SurveyData data = completeData();
        VisitDay first = defaultDay(1, kToday.addDays(-1));
        VisitDay second = defaultDay(2, kToday);
        data.days = {first, second};
        const QList<DayProgress> days = SurveyProgress::forSurvey(data, photosOfLines(data), today(10, 0));
        QCOMPARE(SurveyProgress::todayIndex(days, kToday), 1);
        QCOMPARE(days[0].minutesLate, 0); // only the day dated today is late
        QCOMPARE(days[1].minutesLate, 60);
        QCOMPARE(days[1].lateStep, int(Arrival));
    }
};

QTEST_GUILESS_MAIN(TestSurveyProgress)
#include "tst_surveyprogress.moc"
