#include "surveygenerator.h"

#include "defaultschedule.h"
#include "findings/findingsengine.h"
#include "surveystore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <iterator>

namespace fs::test {

namespace {

using namespace fs::model;

Q_LOGGING_CATEGORY(lcGenerator, "fs.test.generator")

struct Prefecture
{
    const char16_t *name;
    const char16_t *city;
    int code; // the first two digits of a 医療機関コード
};

const Prefecture kPrefectures[] = {
    {u"東京都", u"新宿", 13}, {u"大阪府", u"大阪", 27}, {u"北海道", u"札幌", 1},  {u"愛知県", u"名古屋", 23},
    {u"福岡県", u"博多", 40}, {u"宮城県", u"仙台", 4},  {u"広島県", u"広島", 34}, {u"沖縄県", u"那覇", 47},
};

const char16_t *const kHospitalKinds[] = {u"中央病院", u"記念病院",     u"総合病院",
                                          u"市民病院", u"医療センター", u"クリニック"};
const char16_t *const kInvestigators[] = {u"佐藤 健一", u"鈴木 美咲", u"高橋 翔",
                                          u"田中 由紀", u"伊藤 大輔", u"渡辺 明日香"};
const QString kTeamLead = QStringLiteral("山本 隆");

// 通信形態 as hospitals write it; empty when the sheet left it blank.
const char16_t *const kConnectionTypes[] = {u"インターネット",
                                            u"インターネット",
                                            u"インターネットVPN",
                                            u"インターネットVPN",
                                            u"閉域網",
                                            u"専用線",
                                            u""};
const char16_t *const kPurposes[] = {u"電子カルテ リモート保守", u"インターネット閲覧", u"地域医療連携",
                                     u"オンライン資格確認",      u"PACS 保守",          u"院内Wi-Fi"};

// Edge devices with firmware in and out of known-exploited ranges (resources/vulnkb): FortiOS
// 6.4.5 and 7.2.0 (CVE-2022-41328, no condition: 危険), IOS XE 17.9.3 and 17.3.4 (CVE-2023-20198,
// web UI state unknown: 注意); FortiOS 7.4.8 / 7.6.1, IOS XE 17.12.4 and YAMAHA are not listed.
struct DeviceModel
{
    const char16_t *maker;
    const char16_t *model;
    const char16_t *type;
    QList<const char16_t *> firmware;
};

const QList<DeviceModel> &deviceModels()
{
    static const QList<DeviceModel> models = {
        {u"Fortinet", u"FortiGate-60F", u"UTM", {u"v6.4.5", u"v7.2.0", u"v7.4.8", u"v7.6.1"}},
        {u"YAMAHA", u"RTX1210", u"ルータ", {u"Rev.14.01.42", u"Rev.14.01.38"}},
        {u"Cisco", u"ISR4331", u"ルータ", {u"17.9.3", u"17.3.4", u"17.12.4"}},
        {u"YAMAHA", u"RTX830", u"ルータ", {u"Rev.15.02.29"}},
    };
    return models;
}

struct OsChoice
{
    const char16_t *evaluation; // nullptr: no "os" item recorded
    const char16_t *value;
};

const OsChoice kOsChoices[] = {
    {u"ok", u"Windows 11 Pro 23H2"},
    {u"ok", u"Windows 11 Pro 23H2"},
    {u"ok", u"Windows 10 Enterprise LTSC 2021"},
    {u"caution", u"Windows 10 Pro 22H2"},
    {u"caution", u"Windows 10 Pro 22H2"},
    {u"danger", u"Windows 8.1 Pro"},
    {u"danger", u"Windows 7 Professional SP1"},
    {u"unknown", u"不明"},
    {nullptr, nullptr},
    {nullptr, nullptr},
};

const char16_t *const kFindingCategories[] = {u"物理セキュリティ", u"運用管理", u"バックアップ",
                                              u"アカウント管理", u"端末管理"};
const char16_t *const kStatuses[] = {u"danger", u"caution", u"caution", u"none"};

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

template <typename T, std::size_t N>
const T &pick(QRandomGenerator &random, const T (&array)[N])
{
    return array[random.bounded(int(N))];
}

// Stops at the first failure, naming what failed.
#define FS_GENERATE(expr, what)                                                                              \
    do {                                                                                                     \
        if (const auto &r_ = (expr); !r_)                                                                    \
            return tl::unexpected(                                                                           \
                Error{r_.error().code, QStringLiteral(what) + QStringLiteral(": ") + r_.error().detail});    \
    } while (false)

class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {
    }

    Result<void> survey(const QString &path, int index);

private:
    [[nodiscard]] bool chance(int percent) { return int(m_random.bounded(100)) < percent; }
    [[nodiscard]] SurveyData declared(int index);
    Result<void> capture(SurveyStore &store);
    Result<void> findings(SurveyStore &store);
    Result<void> review(SurveyStore &store);

    QRandomGenerator m_random;
};

SurveyData Generator::declared(int index)
{
    SurveyData data;
    data.survey.fiscalYear = 2026;
    const Prefecture &pref = pick(m_random, kPrefectures);
    Hospital &h = data.hospital;
    h.code = QStringLiteral("%1%2")
                 .arg(pref.code, 2, 10, QLatin1Char('0'))
                 .arg(1000000 + index * 37, 8, 10, QLatin1Char('0'));
    h.name = s(pref.city) + s(pick(m_random, kHospitalKinds));
    h.prefecture = s(pref.name);
    h.address = h.prefecture + s(pref.city) + QStringLiteral("区本町") + QString::number(1 + index % 9) +
                QStringLiteral("-") + QString::number(1 + index % 20);
    h.beds = 19 + int(m_random.bounded(480));

    const int lead = int(m_random.bounded(int(std::size(kInvestigators))));
    const int member = (lead + 1 + int(m_random.bounded(int(std::size(kInvestigators)) - 1))) %
                       int(std::size(kInvestigators));
    // The member is written first now and then: the summary still puts the lead first.
    const Investigator leadRow{0, {}, s(kInvestigators[lead]), InvestigatorRole::Lead};
    const Investigator memberRow{0, {}, s(kInvestigators[member]), InvestigatorRole::Member};
    data.investigators =
        chance(20) ? QList<Investigator>{memberRow, leadRow} : QList<Investigator>{leadRow, memberRow};

    const int lines = 1 + int(m_random.bounded(8));
    const QDate first = QDate(2026, 9, 1).addDays(m_random.bounded(90));
    data.days << DefaultSchedule::day(1, first);
    if (lines > 5) // a second day, not always planned yet
        data.days << DefaultSchedule::day(2, chance(25) ? QDate() : first.addDays(1));

    for (int n = 1; n <= lines; ++n) {
        ConnectionPoint line;
        line.lineNo = n;
        line.connectionType = s(pick(m_random, kConnectionTypes));
        line.purpose = s(pick(m_random, kPurposes));
        line.carrier = QStringLiteral("NTT東日本");
        line.ipAssignment = QStringLiteral("固定IP");
        line.globalIp = QStringLiteral("203.0.113.%1").arg(n);
        const int devices = int(m_random.bounded(3));
        for (int d = 0; d < devices; ++d) {
            const DeviceModel &m = deviceModels().at(m_random.bounded(int(deviceModels().size())));
            Device device;
            device.maker = s(m.maker);
            device.model = s(m.model);
            device.deviceType = s(m.type);
            device.hostname = QStringLiteral("rt%1-%2").arg(n).arg(d + 1);
            line.devices << device;
        }
        data.connectionPoints << line;
    }
    for (int n = 1; n <= 5; ++n) {
        Terminal t;
        t.terminalNo = n;
        t.systemType = QStringLiteral("電子カルテ");
        t.usageForm = QStringLiteral("単体");
        t.hostname =
            QStringLiteral("PC-%1-%2").arg(index, 3, 10, QLatin1Char('0')).arg(n, 2, 10, QLatin1Char('0'));
        data.terminals << t;
    }
    return data;
}

// What the investigators captured on site: line decisions, device firmware, terminal checks.
Result<void> Generator::capture(SurveyStore &store)
{
    auto lines = store.connectionPoints();
    FS_GENERATE(lines, "connectionPoints");
    if (lines->size() > 1 && chance(12)) { // a declared line that turned out not to exist
        FS_GENERATE(store.setRemoved(Entity::ConnectionPoint, lines->constLast().uuid, true), "setRemoved");
        lines = store.connectionPoints();
        FS_GENERATE(lines, "connectionPoints");
    }
    auto terminals = store.terminals();
    FS_GENERATE(terminals, "terminals");

    static const QStringList emr = {QStringLiteral("direct"), QStringLiteral("not_direct"),
                                    QStringLiteral("not_direct"), QStringLiteral("unknown")};
    static const QStringList protections = {QStringLiteral("ipsec"), QStringLiteral("ssl_vpn"),
                                            QStringLiteral("none"), QStringLiteral("closed_network"),
                                            QStringLiteral("unknown")};
    QList<FieldChange> changes;
    const auto change = [&changes](Entity entity, const QString &uuid, const char *field,
                                   const QString &value) {
        changes << FieldChange{FieldRef{entity, uuid, QString::fromLatin1(field)}, value};
    };
    for (const ConnectionPoint &line : std::as_const(*lines)) {
        change(Entity::ConnectionPoint, line.uuid, "emr_reachability",
               emr.at(m_random.bounded(int(emr.size()))));
        change(Entity::ConnectionPoint, line.uuid, "protection",
               protections.at(m_random.bounded(int(protections.size()))));
        if (chance(60))
            change(Entity::ConnectionPoint, line.uuid, "onu_location_status", QStringLiteral("confirmed"));
    }

    QList<std::pair<QString, TerminalCheck>> checks;
    for (const Terminal &t : std::as_const(*terminals)) {
        const OsChoice &os = pick(m_random, kOsChoices);
        if (!os.evaluation)
            continue;
        TerminalCheck check;
        check.item = QStringLiteral("os");
        check.value = s(os.value);
        check.evaluation = s(os.evaluation);
        checks.append({t.uuid, check});
        if (!chance(35))
            continue;
        // Fully checked: the other four items, and the terminal marked done.
        for (const QString &item : kTerminalCheckItems.mid(1)) {
            TerminalCheck other;
            other.item = item;
            other.value = QStringLiteral("確認済");
            other.evaluation = chance(80) ? QStringLiteral("ok") : QStringLiteral("caution");
            checks.append({t.uuid, other});
        }
        change(Entity::Terminal, t.uuid, "check_state", QStringLiteral("done"));
    }
    FS_GENERATE(store.applyChanges(changes), "applyChanges");
    for (const auto &[uuid, check] : std::as_const(checks))
        FS_GENERATE(store.setTerminalCheck(uuid, check), "setTerminalCheck");

    for (const ConnectionPoint &line : std::as_const(*lines)) {
        for (const Device &d : line.devices) {
            if (chance(15))
                continue; // firmware not read yet
            const auto &models = deviceModels();
            const auto m = std::find_if(models.cbegin(), models.cend(),
                                        [&d](const DeviceModel &dm) { return s(dm.model) == d.model; });
            const QString firmware = s(m->firmware.at(m_random.bounded(int(m->firmware.size()))));
            FS_GENERATE(store.recordObservation(Entity::Device, d.uuid, QStringLiteral("firmware"), firmware,
                                                FactSource::Ssh),
                        "recordObservation");
        }
    }
    return {};
}

// Rule findings, a dismissed one now and then, and the investigators' own.
Result<void> Generator::findings(SurveyStore &store)
{
    FS_GENERATE(FindingsEngine::refresh(store, QDate(2026, 12, 1)), "FindingsEngine::refresh");
    auto raised = store.findings();
    FS_GENERATE(raised, "findings");
    if (!raised->isEmpty() && chance(25)) {
        Finding f = raised->at(m_random.bounded(int(raised->size())));
        f.dismissed = true;
        f.dismissedReason = QStringLiteral("病院側で対策済みを確認");
        f.dismissedBy = store.actor();
        FS_GENERATE(store.saveFinding(f), "dismiss a rule finding");
    }

    auto lines = store.connectionPoints();
    FS_GENERATE(lines, "connectionPoints");
    auto terminals = store.terminals();
    FS_GENERATE(terminals, "terminals");
    const int own = int(m_random.bounded(4));
    for (int i = 0; i < own; ++i) {
        Finding f;
        const int target = int(m_random.bounded(3));
        if (target == 0) {
            f.targetEntity = QStringLiteral("survey");
        } else if (target == 1) {
            f.targetEntity = QStringLiteral("connection_point");
            f.targetId = lines->at(m_random.bounded(int(lines->size()))).id;
        } else {
            f.targetEntity = QStringLiteral("terminal");
            f.targetId = terminals->at(m_random.bounded(int(terminals->size()))).id;
        }
        f.status = s(pick(m_random, kStatuses));
        f.category = s(pick(m_random, kFindingCategories));
        f.text = f.category + QStringLiteral("に関する所見 ") + QString::number(i + 1);
        if (chance(15)) {
            f.dismissed = true;
            f.dismissedReason = QStringLiteral("調査範囲外");
        } else if (chance(10)) {
            f.deleted = true; // written, then removed
        }
        FS_GENERATE(store.saveFinding(f), "saveFinding");
    }
    return {};
}

// The review: states spread over 作成中 / 提出済 / 差戻し / 承認, the team lead's comments (some
// dealt with), and a sync to the portal on some surveys.
Result<void> Generator::review(SurveyStore &store)
{
    const QString investigator = store.actor();
    const int roll = int(m_random.bounded(100));
    if (roll >= 30) {
        FS_GENERATE(store.setSurveyState(SurveyState::Submitted), "submit");
        store.setActor(kTeamLead);
        if (roll >= 55 && roll < 75) {
            FS_GENERATE(store.setSurveyState(SurveyState::Returned), "return");
        } else if (roll >= 75) {
            if (roll >= 90) { // returned once, resubmitted, then approved
                FS_GENERATE(store.setSurveyState(SurveyState::Returned), "return");
                store.setActor(investigator);
                FS_GENERATE(store.setSurveyState(SurveyState::Submitted), "resubmit");
                store.setActor(kTeamLead);
            }
            FS_GENERATE(store.setSurveyState(SurveyState::Approved), "approve");
        }

        auto info = store.surveyInfo();
        FS_GENERATE(info, "surveyInfo");
        auto lines = store.connectionPoints();
        FS_GENERATE(lines, "connectionPoints");
        auto terminals = store.terminals();
        FS_GENERATE(terminals, "terminals");
        auto findings = store.findings();
        FS_GENERATE(findings, "findings");
        QList<ReviewComment> added;
        const int comments = int(m_random.bounded(4));
        for (int i = 0; i < comments; ++i) {
            QString entity = QStringLiteral("survey");
            QString uuid = info->uuid;
            const int target = int(m_random.bounded(4));
            if (target == 1) {
                entity = QStringLiteral("connection_point");
                uuid = lines->at(m_random.bounded(int(lines->size()))).uuid;
            } else if (target == 2) {
                entity = QStringLiteral("terminal");
                uuid = terminals->at(m_random.bounded(int(terminals->size()))).uuid;
            } else if (target == 3 && !findings->isEmpty()) {
                entity = QStringLiteral("finding");
                uuid = findings->at(m_random.bounded(int(findings->size()))).uuid;
            }
            auto comment =
                store.addReviewComment(entity, uuid, QStringLiteral("確認をお願いします（%1）").arg(i + 1));
            FS_GENERATE(comment, "addReviewComment");
            added << *comment;
        }
        store.setActor(investigator);
        for (const ReviewComment &c : std::as_const(added)) {
            if (chance(40))
                FS_GENERATE(store.setReviewCommentResolved(c.uuid, true), "setReviewCommentResolved");
        }
    }

    if (chance(35)) { // synced with the portal, and now and then edited since
        auto entries = store.outboxEntries();
        FS_GENERATE(entries, "outboxEntries");
        auto info = store.surveyInfo();
        FS_GENERATE(info, "surveyInfo");
        SyncConfirmation confirmation;
        confirmation.entity = QStringLiteral("survey");
        confirmation.uuid = info->uuid;
        confirmation.record.remoteId = QString::number(1000 + m_random.bounded(9000));
        confirmation.record.remoteRevision = QStringLiteral("1");
        confirmation.confirmed = *entries;
        FS_GENERATE(store.confirmSync(confirmation), "confirmSync");
        if (chance(40)) {
            FS_GENERATE(
                store.applyChanges({FieldChange{FieldRef{Entity::Survey, info->uuid, QStringLiteral("note")},
                                                QStringLiteral("同期後に追記")}}),
                "applyChanges after sync");
        }
    }
    return {};
}

Result<void> Generator::survey(const QString &path, int index)
{
    const SurveyData data = declared(index);
    const auto lead = std::find_if(data.investigators.cbegin(), data.investigators.cend(),
                                   [](const Investigator &i) { return i.role == InvestigatorRole::Lead; });
    const QString investigator = lead->name;
    auto store = SurveyStore::createWith(path, data, investigator);
    FS_GENERATE(store, "createWith");
    if (auto r = capture(**store); !r)
        return r;
    if (auto r = findings(**store); !r)
        return r;
    return review(**store);
}

#undef FS_GENERATE

} // namespace

QStringList generateSurveys(const QString &folder, int count, quint32 seed)
{
    if (!QDir().mkpath(folder)) {
        qCWarning(lcGenerator) << "cannot create" << folder;
        return {};
    }
    Generator generator(seed);
    QStringList paths;
    for (int i = 1; i <= count; ++i) {
        const QString path =
            QDir(folder).filePath(QStringLiteral("survey-%1.fsv").arg(i, 3, 10, QLatin1Char('0')));
        if (auto r = generator.survey(path, i); !r) {
            qCWarning(lcGenerator) << "cannot generate" << path << describe(r.error());
            return {};
        }
        paths << path;
    }
    return paths;
}

} // namespace fs::test
