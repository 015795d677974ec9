// The team lead's portfolio and dashboards: 50 generated surveys read in parallel, each summary
// and every chart value checked against what SQL of the test's own finds in the survey files.
#include "dashboard.h"
#include "portfolio.h"
#include "rawsurveyfile.h"
#include "surveygenerator.h"
#include "surveystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fs::model;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSurveys = 50;
constexpr quint32 kSeed = 20261124;

using RawSurvey = fs::test::RawSurveyFile;

// One item behind a chart value, as the test finds it in SQL.
struct RawItem
{
    QString category;
    QString series;
    QString uuid;
};

// What SQL finds in one survey file.
struct Expected
{
    QString path;
    QString surveyUuid;
    QString state;
    QString hospital; // code name prefecture
    QStringList investigators;
    QStringList visitDates;
    int danger = 0;
    int caution = 0;
    int unsynced = 0;
    int openComments = 0;
    int itemsTotal = 0;
    int missing = 0;
    QSet<QString> liveUuids;  // lines, devices and terminals: what a missing item may name
    QList<RawItem> findings;  // category × status
    QList<RawItem> lines;     // 通信形態 × emr_reachability
    QList<RawItem> terminals; // OsSupport key
    QList<RawItem> firmware;  // "maker model firmware"
};

const QString kLiveLines = u"SELECT * FROM connection_point WHERE deleted_at IS NULL"_s;
const QString kLiveDevices =
    u"SELECT d.* FROM device d JOIN connection_point cp ON cp.id = d.connection_point_id "
    "WHERE d.deleted_at IS NULL AND cp.deleted_at IS NULL"_s;
const QString kActiveFindings = u"SELECT * FROM finding WHERE deleted_at IS NULL AND dismissed = 0"_s;

Expected expectedFor(const QString &path)
{
    const RawSurvey db(path);
    if (!db.ok())
        qFatal("cannot open %s with plain SQL", qPrintable(path));
    Expected e;
    e.path = path;
    const auto survey = db.rows(u"SELECT uuid, state FROM survey"_s).first();
    e.surveyUuid = survey[0].toString();
    e.state = survey[1].toString();
    const auto h = db.rows(u"SELECT code, name, prefecture FROM hospital"_s).first();
    e.hospital = h[0].toString() + u' ' + h[1].toString() + u' ' + h[2].toString();
    e.investigators = db.column(
        u"SELECT name FROM investigator WHERE deleted_at IS NULL ORDER BY role = 'lead' DESC, position"_s);
    e.visitDates = db.column(u"SELECT date FROM visit_day WHERE date <> '' ORDER BY day_no"_s);
    e.danger = db.count(u"SELECT count(*) FROM ("_s + kActiveFindings + u") WHERE status = 'danger'"_s);
    e.caution = db.count(u"SELECT count(*) FROM ("_s + kActiveFindings + u") WHERE status = 'caution'"_s);
    e.unsynced = db.count(u"SELECT count(*) FROM outbox"_s);
    e.openComments = db.count(u"SELECT count(*) FROM review_comment WHERE resolved_at IS NULL"_s);

    // Progress, as the programme counts it: five items per line (ONU location, photo, wiring, EMR
    // reachability, protection) and one per router/UTM (its firmware); six per terminal (its
    // state and five checks). The generator writes no photos and only routers and UTMs.
    const QString needsFirmware = u"(d.chain_role IN ('router', 'utm', 'firewall', 'vpn_gateway') OR "
                                  "(d.chain_role = 'unknown' AND d.device_type IN ('UTM', 'ルータ')))"_s;
    e.itemsTotal =
        db.count(u"SELECT count(*) * 5 FROM ("_s + kLiveLines + u")"_s) +
        db.count(u"SELECT count(*) FROM ("_s + kLiveDevices + u") d WHERE "_s + needsFirmware) +
        db.count(u"SELECT coalesce(sum(CASE check_state WHEN 'not_possible' THEN 2 ELSE 6 END), 0) "
                 "FROM terminal WHERE deleted_at IS NULL"_s);
    e.missing =
        db.count(
            u"SELECT coalesce(sum((onu_location_status = 'unchecked' OR (onu_location_status = 'corrected' "
            "AND trim(onu_location_found) = '')) + (NOT EXISTS (SELECT 1 FROM photo p WHERE "
            "p.target_entity = 'connection_point' AND p.target_id = cp.id AND p.deleted_at IS NULL)) + "
            "(NOT EXISTS (SELECT 1 FROM device d WHERE d.connection_point_id = cp.id AND d.deleted_at IS "
            "NULL)) + (emr_reachability = 'unknown') + (protection = 'unknown')), 0) FROM ("_s +
            kLiveLines + u") cp"_s) +
        db.count(
            u"SELECT count(*) FROM ("_s + kLiveDevices + u") d WHERE "_s + needsFirmware +
            u" AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.entity = 'device' AND o.entity_id = d.id "
            "AND o.key = 'firmware' AND o.superseded_by IS NULL AND trim(o.value) <> '')"_s) +
        db.count(u"SELECT coalesce(sum(check_state IN ('not_started', 'in_progress')), 0) FROM terminal "
                 "WHERE deleted_at IS NULL"_s) +
        db.count(u"SELECT count(*) FROM terminal t, (SELECT 'os' AS item UNION SELECT 'windows_update' UNION "
                 "SELECT 'internet' UNION SELECT 'antivirus' UNION SELECT 'usb_storage') i WHERE "
                 "t.deleted_at IS NULL AND t.check_state <> 'not_possible' AND NOT EXISTS (SELECT 1 FROM "
                 "terminal_check c WHERE c.terminal_id = t.id AND c.item = i.item AND trim(c.value) <> '' "
                 "AND NOT (c.detail <> '' AND c.evaluation = 'unknown'))"_s) +
        db.count(u"SELECT count(*) FROM terminal WHERE deleted_at IS NULL AND check_state = 'not_possible' "
                 "AND trim(note) = ''"_s);
    for (const QString &sql : QStringList{u"SELECT uuid FROM ("_s + kLiveLines + u")"_s,
                                          u"SELECT uuid FROM ("_s + kLiveDevices + u")"_s,
                                          u"SELECT uuid FROM terminal WHERE deleted_at IS NULL"_s}) {
        for (const QString &uuid : db.column(sql))
            e.liveUuids.insert(uuid);
    }

    for (const auto &r : db.rows(u"SELECT category, status, uuid FROM ("_s + kActiveFindings +
                                 u") WHERE status IN ('danger', 'caution')"_s))
        e.findings << RawItem{r[0].toString(), r[1].toString(), r[2].toString()};
    for (const auto &r :
         db.rows(u"SELECT trim(connection_type), emr_reachability, uuid FROM ("_s + kLiveLines + u")"_s))
        e.lines << RawItem{r[0].toString(), r[1].toString(), r[2].toString()};
    for (
        const auto &r : db.rows(
            u"SELECT CASE c.evaluation WHEN 'ok' THEN 'supported' WHEN 'caution' THEN 'caution' WHEN "
            u"'danger' "
            "THEN 'ended' WHEN 'unknown' THEN 'unknown' ELSE 'unchecked' END, t.uuid FROM terminal t "
            "LEFT JOIN terminal_check c ON c.terminal_id = t.id AND c.item = 'os' WHERE t.deleted_at IS NULL"_s))
        e.terminals << RawItem{r[0].toString(), u"terminals"_s, r[1].toString()};
    for (
        const auto &r : db.rows(
            u"SELECT d.maker || ' ' || d.model || ' ' || (SELECT o.value FROM observation o WHERE "
            "o.entity = 'device' AND o.entity_id = d.id AND o.key = 'firmware' AND o.superseded_by IS NULL), "
            "d.uuid FROM ("_s +
            kActiveFindings + u") f JOIN ("_s + kLiveDevices +
            u") d ON d.id = f.target_id WHERE f.target_entity = 'device' AND f.rule_id = 'device.firmware.kev'"_s))
        e.firmware << RawItem{r[0].toString(), u"devices"_s, r[1].toString()};
    if (!db.ok()) // the expectations themselves could not be read: stop rather than compare nothing
        qFatal("reading %s with plain SQL failed", qPrintable(path));
    return e;
}

// "survey-007.fsv key=value" lines: a list comparison names the survey, what was expected and
// what came.
QString tag(const QString &path, const QString &what)
{
    return QFileInfo(path).fileName() + u' ' + what;
}

QStringList itemLines(const QString &path, const QList<RawItem> &items)
{
    QStringList list;
    for (const RawItem &i : items)
        list << tag(path, i.category + u'/' + i.series + u' ' + i.uuid);
    list.sort();
    return list;
}

QStringList summaryLines(const SurveySummary &s)
{
    const auto t = [&s](const QString &what) { return tag(s.path, what); };
    QStringList list{
        t(u"uuid="_s + s.surveyUuid),
        t(u"state="_s + kSurveyStateKeys.key(s.state)),
        t(u"hospital="_s + s.hospitalCode + u' ' + s.hospitalName + u' ' + s.prefecture),
        t(u"investigators="_s + s.investigators.join(u", "_s)),
        t(u"danger="_s + QString::number(s.dangerCount)),
        t(u"caution="_s + QString::number(s.cautionCount)),
        t(u"unsynced="_s + QString::number(s.unsyncedChanges)),
        t(u"openComments="_s + QString::number(s.openComments)),
        t(u"itemsTotal="_s + QString::number(s.itemsTotal)),
        t(u"itemsCaptured="_s + QString::number(s.itemsCaptured)),
        t(u"missing="_s + QString::number(s.missing.size())),
    };
    QStringList dates;
    for (const QDate &d : s.visitDates)
        dates << d.toString(Qt::ISODate);
    list << t(u"visitDates="_s + dates.join(u", "_s));

    QList<RawItem> findings;
    for (const SummaryFinding &f : s.findings) {
        if (f.status == u"danger"_s || f.status == u"caution"_s)
            findings << RawItem{f.category, f.status, f.item.uuid};
    }
    QList<RawItem> lines;
    for (const SummaryLine &l : s.lines)
        lines << RawItem{l.connectionType, kEmrReachabilityKeys.key(l.emr), l.item.uuid};
    QList<RawItem> terminals;
    for (const SummaryTerminal &st : s.terminals)
        terminals << RawItem{kOsSupportKeys.key(st.os), u"terminals"_s, st.item.uuid};
    QList<RawItem> firmware;
    for (const SummaryFirmware &f : s.vulnerableFirmware)
        firmware << RawItem{f.firmware, u"devices"_s, f.item.uuid};
    list << itemLines(s.path, findings) << itemLines(s.path, lines) << itemLines(s.path, terminals)
         << itemLines(s.path, firmware);
    return list;
}

QStringList expectedLines(const Expected &e)
{
    const auto t = [&e](const QString &what) { return tag(e.path, what); };
    const int captured = e.itemsTotal - e.missing;
    QStringList list{
        t(u"uuid="_s + e.surveyUuid),
        t(u"state="_s + e.state),
        t(u"hospital="_s + e.hospital),
        t(u"investigators="_s + e.investigators.join(u", "_s)),
        t(u"danger="_s + QString::number(e.danger)),
        t(u"caution="_s + QString::number(e.caution)),
        t(u"unsynced="_s + QString::number(e.unsynced)),
        t(u"openComments="_s + QString::number(e.openComments)),
        t(u"itemsTotal="_s + QString::number(e.itemsTotal)),
        t(u"itemsCaptured="_s + QString::number(captured)),
        t(u"missing="_s + QString::number(e.missing)),
        t(u"visitDates="_s + e.visitDates.join(u", "_s)),
    };
    list << itemLines(e.path, e.findings) << itemLines(e.path, e.lines) << itemLines(e.path, e.terminals)
         << itemLines(e.path, e.firmware);
    return list;
}

// A chart as lines "category/series=value" in the chart's order, then its items.
QStringList chartLines(const ChartData &c)
{
    QStringList list;
    for (const ChartSeries &s : c.series) {
        for (qsizetype i = 0; i < c.categories.size(); ++i)
            list << c.id + u' ' + c.categories.at(i) + u'/' + s.key + u'=' + QString::number(s.values.at(i));
    }
    return list;
}

// The chart the test expects from SQL items: categories by total (most first) then name, unless
// given.
ChartData expectedChart(const QString &id, const QStringList &seriesKeys, const QList<RawItem> &items,
                        QStringList categories = {}, qsizetype top = -1)
{
    QHash<QString, int> totals;
    QHash<QString, int> counts;
    for (const RawItem &i : items) {
        ++totals[i.category];
        ++counts[i.category + u'/' + i.series];
    }
    if (categories.isEmpty()) {
        categories = totals.keys();
        std::sort(categories.begin(), categories.end(), [&totals](const QString &a, const QString &b) {
            return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
        });
        if (top >= 0)
            categories = categories.mid(0, top);
    }
    ChartData c{id, ChartKind::StackedBar, categories, {}};
    for (const QString &key : seriesKeys) {
        ChartSeries s{key, {}, {}};
        for (const QString &category : categories)
            s.values << counts.value(category + u'/' + key);
        c.series << s;
    }
    return c;
}

// Items behind a chart as "category/series path uuid", sorted.
QStringList chartItems(const ChartData &c)
{
    QStringList list;
    for (const ChartSeries &s : c.series) {
        for (qsizetype i = 0; i < c.categories.size(); ++i) {
            for (const ReviewItem &item : s.items.value(i))
                list << c.categories.at(i) + u'/' + s.key + u' ' + QFileInfo(item.surveyPath).fileName() +
                            u' ' + item.uuid;
        }
    }
    list.sort();
    return list;
}

QStringList expectedItems(const QList<std::pair<QString, RawItem>> &items, const QStringList &categories)
{
    QStringList list;
    for (const auto &[path, i] : items) {
        if (categories.contains(i.category))
            list << i.category + u'/' + i.series + u' ' + QFileInfo(path).fileName() + u' ' + i.uuid;
    }
    list.sort();
    return list;
}

// What differs between two lists of lines, for a failure message: the lines only one side has,
// or the first place where the order differs. Empty when they are equal.
QString difference(const QStringList &actual, const QStringList &expected)
{
    if (actual == expected)
        return {};
    QStringList onlyActual;
    QStringList onlyExpected;
    for (const QString &line : actual) {
        if (!expected.contains(line))
            onlyActual << line;
    }
    for (const QString &line : expected) {
        if (!actual.contains(line))
            onlyExpected << line;
    }
    if (onlyActual.isEmpty() && onlyExpected.isEmpty()) {
        qsizetype i = 0;
        while (i < actual.size() && i < expected.size() && actual.at(i) == expected.at(i))
            ++i;
        return u"same lines, other order or count; first difference at %1: came \"%2\", expected \"%3\""_s
            .arg(QString::number(i), actual.value(i), expected.value(i));
    }
    return u"came but not expected: %1\nexpected but did not come: %2"_s.arg(
        onlyActual.mid(0, 8).join(u"; "_s), onlyExpected.mid(0, 8).join(u"; "_s));
}

const ChartData *chart(const QList<ChartData> &charts, const QString &id)
{
    const auto it =
        std::find_if(charts.begin(), charts.end(), [&id](const ChartData &c) { return c.id == id; });
    return it == charts.end() ? nullptr : &*it;
}

} // namespace

class TestPortfolio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsSurveysInSubfolders();
    void loadsEverySurveyInPathOrder();
    void summaryMatchesTheFile();
    void generatedSurveysCoverEveryCase();
    void dashboardMatchesTheFiles();
    void everyValueHasItsItems();
    void firmwareChartKeepsTheTopTen();
    void brokenFileIsOneFailureNamingIt();
    void generatorIsDeterministic();

private:
    QTemporaryDir m_dir;
    QString m_root;
    QStringList m_paths;
    PortfolioLoad m_load;
    QList<Expected> m_expected;
    QList<ChartData> m_charts;
};

void TestPortfolio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(u"surveys"_s);
    QElapsedTimer timer;
    timer.start();
    const QStringList generated = fs::test::generateSurveys(m_root, kSurveys, kSeed);
    QCOMPARE(generated.size(), kSurveys);
    qInfo("generated %d surveys in %lld ms", kSurveys, static_cast<long long>(timer.elapsed()));

    // A team lead's folder: some surveys filed in subfolders, and files that are not surveys.
    QVERIFY(QDir(m_root).mkpath(u"north/2026"_s));
    QVERIFY(QFile::rename(generated.at(6), m_root + u"/north/survey-007.fsv"_s));
    QVERIFY(QFile::rename(generated.at(22), m_root + u"/north/2026/survey-023.fsv"_s));
    QFile notes(m_root + u"/north/notes.txt"_s);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a survey");
    notes.close();

    m_paths = Portfolio::findSurveys(m_root);
    timer.restart();
    m_load = Portfolio::load(m_paths);
    qInfo("loaded %lld surveys in %lld ms", static_cast<long long>(m_load.surveys.size()),
          static_cast<long long>(timer.elapsed()));
    for (const QString &path : std::as_const(m_paths))
        m_expected << expectedFor(path);
    m_charts = Dashboard::build(m_load.surveys);
}

void TestPortfolio::findsSurveysInSubfolders()
{
    QCOMPARE(m_paths.size(), kSurveys);
    QStringList sorted = m_paths;
    sorted.sort();
    QCOMPARE(m_paths, sorted);
    QVERIFY(m_paths.contains(m_root + u"/north/survey-007.fsv"_s));
    QVERIFY(m_paths.contains(m_root + u"/north/2026/survey-023.fsv"_s));
    QVERIFY(!m_paths.contains(m_root + u"/survey-007.fsv"_s));
    for (const QString &path : std::as_const(m_paths))
        QVERIFY2(path.endsWith(u".fsv"_s), qPrintable(path));
    QCOMPARE(Portfolio::findSurveys(m_root + u"/north"_s).size(), 2);
    QVERIFY(Portfolio::findSurveys(m_dir.filePath(u"nothing-here"_s)).isEmpty());
}

void TestPortfolio::loadsEverySurveyInPathOrder()
{
    QVERIFY2(m_load.failures.isEmpty(),
             qPrintable(m_load.failures.isEmpty() ? QString() : fs::describe(m_load.failures.first())));
    QCOMPARE(m_load.surveys.size(), kSurveys);
    QStringList loaded;
    for (const SurveySummary &s : std::as_const(m_load.surveys))
        loaded << s.path;
    QCOMPARE(loaded, m_paths);
    QVERIFY(Portfolio::load({}).surveys.isEmpty());
}

void TestPortfolio::summaryMatchesTheFile()
{
    QCOMPARE(m_load.surveys.size(), m_expected.size());
    QStringList actual;
    QStringList expected;
    for (qsizetype i = 0; i < m_expected.size(); ++i) {
        actual << summaryLines(m_load.surveys.at(i));
        expected << expectedLines(m_expected.at(i));
    }
    QVERIFY2(actual == expected, qPrintable(difference(actual, expected)));

    // Every missing item names a live line, device or terminal of its own survey, with a label.
    for (qsizetype i = 0; i < m_expected.size(); ++i) {
        const SurveySummary &s = m_load.surveys.at(i);
        for (const ReviewItem &m : s.missing) {
            QVERIFY2(m_expected.at(i).liveUuids.contains(m.uuid), qPrintable(tag(s.path, m.label)));
            QCOMPARE(m.surveyPath, s.path);
            QCOMPARE(m.hospitalName, s.hospitalName);
            QVERIFY(QStringList({u"connection_point"_s, u"device"_s, u"terminal"_s}).contains(m.entity));
            QVERIFY2(m.label.contains(u" · "_s), qPrintable(m.label));
        }
        for (const SummaryLine &l : s.lines)
            QVERIFY2(l.item.label.startsWith(u"CAF"_s), qPrintable(l.item.label));
        for (const SummaryTerminal &t : s.terminals)
            QVERIFY2(t.item.label.startsWith(u"端末 "_s) && t.item.label.contains(u"（PC-"_s),
                     qPrintable(t.item.label));
        for (const SummaryFinding &f : s.findings)
            QVERIFY(!f.item.label.isEmpty() && f.item.entity == u"finding"_s);
    }
}

// The generator is what the GUI and the benchmark run on: it must reach every case the views show.
void TestPortfolio::generatedSurveysCoverEveryCase()
{
    QSet<SurveyState> states;
    QSet<OsSupport> os;
    QSet<EmrReachability> emr;
    QSet<QString> types;
    QSet<QString> prefectures;
    QSet<QString> investigators;
    int withDanger = 0;
    int withVulnerable = 0;
    int synced = 0;
    int withOpenComments = 0;
    int complete = 0;
    int resolvedSomewhere = 0;
    for (qsizetype i = 0; i < m_load.surveys.size(); ++i) {
        const SurveySummary &s = m_load.surveys.at(i);
        states.insert(s.state);
        prefectures.insert(s.prefecture);
        for (const QString &name : s.investigators)
            investigators.insert(name);
        for (const SummaryTerminal &t : s.terminals)
            os.insert(t.os);
        for (const SummaryLine &l : s.lines) {
            emr.insert(l.emr);
            types.insert(l.connectionType);
        }
        withDanger += s.dangerCount > 0;
        withVulnerable += !s.vulnerableFirmware.isEmpty();
        synced += s.unsyncedChanges == 0;
        withOpenComments += s.openComments > 0;
        complete += s.itemsCaptured == s.itemsTotal;
        const RawSurvey db(s.path);
        resolvedSomewhere +=
            db.count(u"SELECT count(*) FROM review_comment WHERE resolved_at IS NOT NULL"_s) > 0;
        QVERIFY(db.ok());
    }
    QCOMPARE(states.size(), 4);
    QCOMPARE(os.size(), 5);
    QCOMPARE(emr.size(), 3);
    QVERIFY2(types.contains(QString()) && types.size() >= 5,
             qPrintable(QStringList(types.values()).join(u"|"_s)));
    QVERIFY(prefectures.size() >= 5);
    QVERIFY(investigators.size() >= 5);
    QVERIFY(withDanger > 0 && withDanger < kSurveys);
    QVERIFY(withVulnerable > 0 && withVulnerable < kSurveys);
    QVERIFY(synced > 0 && synced < kSurveys);
    QVERIFY(withOpenComments > 0);
    QVERIFY(resolvedSomewhere > 0);
    QVERIFY(complete < kSurveys);
}

void TestPortfolio::dashboardMatchesTheFiles()
{
    QCOMPARE(m_charts.size(), 5);
    QStringList ids;
    for (const ChartData &c : std::as_const(m_charts))
        ids << c.id;
    QCOMPARE(ids, QStringList({u"progress"_s, u"findings"_s, u"terminal_os"_s, u"lines"_s, u"firmware"_s}));

    // progress: one bar per survey in the surveys' order.
    const ChartData *progress = chart(m_charts, u"progress"_s);
    QCOMPARE(progress->kind, ChartKind::HorizontalStackedBar);
    QStringList expected;
    QStringList categories;
    for (const Expected &e : std::as_const(m_expected)) {
        const QString category = e.hospital.section(u' ', 0, 1);
        categories << category;
        expected << u"progress "_s + category + u"/captured="_s + QString::number(e.itemsTotal - e.missing);
    }
    for (qsizetype i = 0; i < m_expected.size(); ++i)
        expected << u"progress "_s + categories.at(i) + u"/missing="_s +
                        QString::number(m_expected.at(i).missing);
    QCOMPARE(progress->categories, categories);
    QCOMPARE(chartLines(*progress), expected);

    QList<std::pair<QString, RawItem>> findings;
    QList<std::pair<QString, RawItem>> lines;
    QList<std::pair<QString, RawItem>> terminals;
    QList<std::pair<QString, RawItem>> firmware;
    QList<RawItem> findingsAll;
    QList<RawItem> linesAll;
    QList<RawItem> terminalsAll;
    QList<RawItem> firmwareAll;
    for (const Expected &e : std::as_const(m_expected)) {
        for (const RawItem &i : e.findings)
            findings.append({e.path, i});
        for (const RawItem &i : e.lines)
            lines.append({e.path, i});
        for (const RawItem &i : e.terminals)
            terminals.append({e.path, i});
        for (const RawItem &i : e.firmware)
            firmware.append({e.path, i});
        findingsAll << e.findings;
        linesAll << e.lines;
        terminalsAll << e.terminals;
        firmwareAll << e.firmware;
    }
    QStringList osKeys;
    for (const auto &[value, key] : kOsSupportKeys.entries())
        osKeys << QString::fromUtf16(key);

    struct Case
    {
        QString id;
        ChartData expected;
        QList<std::pair<QString, RawItem>> items;
    };
    const QList<Case> cases = {
        {u"findings"_s, expectedChart(u"findings"_s, {u"danger"_s, u"caution"_s}, findingsAll), findings},
        {u"terminal_os"_s, expectedChart(u"terminal_os"_s, {u"terminals"_s}, terminalsAll, osKeys),
         terminals},
        {u"lines"_s, expectedChart(u"lines"_s, {u"direct"_s, u"not_direct"_s, u"unknown"_s}, linesAll),
         lines},
        {u"firmware"_s, expectedChart(u"firmware"_s, {u"devices"_s}, firmwareAll, {}, 10), firmware},
    };
    for (const Case &c : cases) {
        const ChartData *actual = chart(m_charts, c.id);
        QVERIFY2(actual, qPrintable(c.id));
        QVERIFY2(!c.expected.categories.isEmpty(), qPrintable(c.id));
        QCOMPARE(actual->categories, c.expected.categories);
        QVERIFY2(chartLines(*actual) == chartLines(c.expected),
                 qPrintable(difference(chartLines(*actual), chartLines(c.expected))));
        const QStringList items = chartItems(*actual);
        const QStringList expectedList = expectedItems(c.items, c.expected.categories);
        QVERIFY2(items == expectedList, qPrintable(difference(items, expectedList)));
    }
    QCOMPARE(chart(m_charts, u"terminal_os"_s)->kind, ChartKind::Pie);
    // The SQL totals themselves, so that an empty chart and an empty expectation cannot agree.
    int terminalTotal = 0;
    for (int v : chart(m_charts, u"terminal_os"_s)->series.first().values)
        terminalTotal += v;
    int sqlTerminals = 0;
    for (const Expected &e : std::as_const(m_expected))
        sqlTerminals += int(e.terminals.size());
    QCOMPARE(terminalTotal, sqlTerminals);
    QCOMPARE(sqlTerminals, kSurveys * 5);
}

void TestPortfolio::everyValueHasItsItems()
{
    for (const ChartData &c : std::as_const(m_charts)) {
        for (const ChartSeries &s : c.series) {
            QCOMPARE(s.values.size(), c.categories.size());
            QCOMPARE(s.items.size(), c.categories.size());
            for (qsizetype i = 0; i < c.categories.size(); ++i) {
                if (c.id == u"progress"_s && s.key == u"captured"_s) {
                    QVERIFY(s.items.at(i).isEmpty());
                    continue;
                }
                QVERIFY2(s.values.at(i) == s.items.at(i).size(),
                         qPrintable(c.id + u' ' + c.categories.at(i) + u'/' + s.key));
            }
        }
    }
    // The missing bar lists exactly the survey's missing items.
    const ChartData *progress = chart(m_charts, u"progress"_s);
    for (qsizetype i = 0; i < m_load.surveys.size(); ++i)
        QCOMPARE(progress->series.at(1).items.at(i), m_load.surveys.at(i).missing);
}

void TestPortfolio::firmwareChartKeepsTheTopTen()
{
    // Twelve firmware strings: "F01" on 12 devices … "F12" on 1, and "E" and "G" tied at 3 with "F10".
    SurveySummary s;
    s.path = u"/surveys/a.fsv"_s;
    int n = 0;
    const auto add = [&s, &n](const QString &firmware, int devices) {
        for (int i = 0; i < devices; ++i)
            s.vulnerableFirmware << SummaryFirmware{
                ReviewItem{s.path, u"A病院"_s, u"device"_s, QString::number(++n), firmware}, firmware,
                u"danger"_s};
    };
    for (int f = 1; f <= 12; ++f)
        add(u"F%1"_s.arg(f, 2, 10, QLatin1Char('0')), 13 - f);
    add(u"G"_s, 3);
    add(u"E"_s, 3);
    const QList<ChartData> charts = Dashboard::build({s});
    const ChartData *firmware = chart(charts, u"firmware"_s);
    QVERIFY(firmware);
    QCOMPARE(firmware->categories, QStringList({u"F01"_s, u"F02"_s, u"F03"_s, u"F04"_s, u"F05"_s, u"F06"_s,
                                                u"F07"_s, u"F08"_s, u"F09"_s, u"E"_s}));
    QCOMPARE(firmware->series.size(), 1);
    QCOMPARE(firmware->series.first().values, QList<int>({12, 11, 10, 9, 8, 7, 6, 5, 4, 3}));
    QCOMPARE(firmware->series.first().items.at(9).size(), 3);
    QCOMPARE(firmware->series.first().items.at(9).first().label, u"E"_s);
}

void TestPortfolio::brokenFileIsOneFailureNamingIt()
{
    const QString broken = m_dir.filePath(u"x.fsv"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray garbage(64 * 1024, '\0');
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 7) % 251);
    file.write(garbage);
    file.close();

    QStringList paths = m_paths.mid(0, 10);
    paths.insert(4, broken);
    paths << m_dir.filePath(u"gone.fsv"_s); // listed, then deleted before it was read
    const PortfolioLoad load = Portfolio::load(paths);
    QCOMPARE(load.surveys.size(), 10);
    QCOMPARE(load.failures.size(), 2);
    QVERIFY2(load.failures.at(0).detail.contains(broken), qPrintable(fs::describe(load.failures.at(0))));
    QCOMPARE(load.failures.at(0).code, fs::ErrorCode::NotASurvey);
    QVERIFY2(load.failures.at(1).detail.contains(u"gone.fsv"_s),
             qPrintable(fs::describe(load.failures.at(1))));
    for (qsizetype i = 0; i < load.surveys.size(); ++i)
        QCOMPARE(load.surveys.at(i).path, m_paths.at(i));
    QCOMPARE(load.surveys.at(4).surveyUuid, m_load.surveys.at(4).surveyUuid);
}

// The same seed writes the same surveys (uuids and timestamps aside).
void TestPortfolio::generatorIsDeterministic()
{
    const QString again = m_dir.filePath(u"again"_s);
    const QStringList paths = fs::test::generateSurveys(again, 3, kSeed);
    QCOMPARE(paths.size(), 3);
    const PortfolioLoad load = Portfolio::load(paths);
    QCOMPARE(load.surveys.size(), 3);
    QHash<QString, const SurveySummary *> byName; // the first run moved some into subfolders
    for (const SurveySummary &s : std::as_const(m_load.surveys))
        byName.insert(QFileInfo(s.path).fileName(), &s);
    for (int i = 0; i < 3; ++i) {
        const SurveySummary &a = load.surveys.at(i);
        QVERIFY(byName.contains(QFileInfo(a.path).fileName()));
        const SurveySummary &b = *byName.value(QFileInfo(a.path).fileName());
        QCOMPARE(a.hospitalCode, b.hospitalCode);
        QCOMPARE(a.hospitalName, b.hospitalName);
        QCOMPARE(a.state, b.state);
        QCOMPARE(a.lines.size(), b.lines.size());
        QCOMPARE(a.dangerCount, b.dangerCount);
        QCOMPARE(a.cautionCount, b.cautionCount);
        QCOMPARE(a.itemsCaptured, b.itemsCaptured);
        QCOMPARE(a.openComments, b.openComments);
        QCOMPARE(a.unsyncedChanges, b.unsyncedChanges);
    }
}

QTEST_GUILESS_MAIN(TestPortfolio)
#include "tst_portfolio.moc"
