// The vendor profiles against real device output: the shared corpus (ntc-templates raw outputs and
// their expected parses, oxidized session transcripts and prompt lists), our own samples in
// tests/data/devices, hostile input, and the read-only guard.
#include "deviceoutput.h"
#include "deviceprofile.h"
#include "profileparser.h"
#include "profileset.h"
#include "readonlyguard.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::collect;

namespace {

using Row = QMap<QString, QString>;

// A tab-separated manifest with a header row.
QList<Row> readManifest(const QString &path)
{
    QList<Row> rows;
    const QString text = QString::fromUtf8(fs::test::readFile(path));
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines.constFirst().split(QLatin1Char('\t'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(QLatin1Char('\t'));
        Row row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(header.at(c).trimmed(), c < cells.size() ? cells.at(c).trimmed() : QString());
        rows.append(row);
    }
    return rows;
}

// The profile command whose text is the manifest's command slug ("show_version", "system_resource_print"
// for "/system resource print").
QString commandForSlug(const DeviceProfile &profile, const QString &slug)
{
    for (const DeviceProfile::Command &c : profile.commands) {
        QString text = c.command;
        if (text.startsWith(QLatin1Char('/')))
            text.remove(0, 1);
        if (text.replace(QLatin1Char(' '), QLatin1Char('_')) == slug)
            return c.command;
    }
    return {};
}

// Manifest values are compared trimmed. Vendors are compared without a parenthesised product-line
// qualifier: the corpus labels the same maker "HPE Aruba" (aruba_os) and "HPE Aruba (ProCurve)"
// (hp_procurve), and the two ntc-templates folders hold each other's formats (see kDetectedAs).
QString normalisedVendor(const QString &vendor)
{
    static const QRegularExpression qualifier(QStringLiteral(R"(\s*\([^)]*\)\s*$)"));
    return QString(vendor).remove(qualifier).trimmed();
}

struct Correction
{
    const char *file;
    const char *field;
    const char *value;
    const char *reason;
};

// Where the upstream expectation is itself odd and our profile reasonably reports something else
// (README: "the yml is the reference, but your own parser may reasonably normalise - say so in the
// test"). Each was checked against the raw output.
const QList<Correction> &corrections()
{
    static const QList<Correction> list = {
        {"cisco_asa/show_version/cisco_asa_show_version3.raw", "model", "ASA5516",
         "upstream takes the whole 'Hardware:' line (RAM, CPU, cores); the model is its first item"},
        {"juniper_junos/show_chassis_hardware/juniper_junos_show_chassis_hardware_dac_no_revision.raw",
         "model", "Virtual Chassis",
         "the Chassis row is 'XH3123120000  Virtual Chassis': upstream's TextFSM splits the two-word "
         "description into serial 'Virtual' and model 'Chassis'"},
        {"juniper_junos/show_chassis_hardware/juniper_junos_show_chassis_hardware_dac_no_revision.raw",
         "serial", "XH3123120000", "see model: the serial-number column of the Chassis row"},
    };
    return list;
}

// Values the upstream yml has no field for but the raw output plainly states (checked by hand).
const QList<Correction> &supplements()
{
    static const QList<Correction> list = {
        {"yamaha/show_environment/yamaha_show_environment.raw", "model", "RTX1200",
         "'RTX1200 Rev.10.01.71 (...)': the yml has no model field"},
    };
    return list;
}

// Rows the profile cannot parse from the output although the manifest has a value: (file, field)
// -> why. The test fails when such a field starts to pass, so this table stays honest. Empty: every
// value the manifest states is read.
const QList<Correction> &expectedFailures()
{
    static const QList<Correction> list = {};
    return list;
}

struct Detected
{
    const char *file;
    const char *profile;
    const char *reason;
};

// Auto-detection picks the platform's profile, except here.
const QList<Detected> &detectedElsewhere()
{
    static const QList<Detected> list = {
        {"hp_procurve/show_version/hp_procurve_show_version.raw", "aruba_os",
         "the output is an Aruba AP's 'ArubaOS (MODEL: 310)' banner that ntc-templates files under "
         "hp_procurve"},
        {"aruba_os/show_version/aruba_os_show_version.raw", "hp_procurve",
         "the output is ArubaOS-Switch (ProCurve lineage, 'Image stamp: ... WC.16.05.0007') that "
         "ntc-templates files under aruba_os"},
    };
    return list;
}

const Correction *find(const QList<Correction> &list, const QString &file, const QString &field)
{
    for (const Correction &c : list) {
        if (file == QLatin1StringView(c.file) && field == QLatin1StringView(c.field))
            return &c;
    }
    return nullptr;
}

QString fieldValue(const DeviceFacts &facts, const QString &field)
{
    if (field == QLatin1StringView("vendor"))
        return facts.vendor;
    if (field == QLatin1StringView("model"))
        return facts.model;
    if (field == QLatin1StringView("version"))
        return facts.version;
    if (field == QLatin1StringView("serial"))
        return facts.serial;
    if (field == QLatin1StringView("hostname"))
        return facts.hostname;
    return facts.uptime;
}

struct PlatformTally
{
    int rows = 0;
    int fields = 0;
    int fieldsOk = 0;
    int autoFields = 0;
    int autoOk = 0;
    int expectedFailures = 0;
};

// Ruby-style escapes of the oxidized YAML files: \r \n \t \e \a \" \\ \xNN.
QString unescapeRuby(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
            out.append(c);
            continue;
        }
        const QChar n = text.at(++i);
        if (n == QLatin1Char('r'))
            out.append(QLatin1Char('\r'));
        else if (n == QLatin1Char('n'))
            out.append(QLatin1Char('\n'));
        else if (n == QLatin1Char('t'))
            out.append(QLatin1Char('\t'));
        else if (n == QLatin1Char('e'))
            out.append(QChar(0x1b));
        else if (n == QLatin1Char('a'))
            out.append(QChar(0x07));
        else if (n == QLatin1Char('x') && i + 2 < text.size()) {
            out.append(QChar(char16_t(text.mid(i + 1, 2).toUShort(nullptr, 16))));
            i += 2;
        } else
            out.append(n);
    }
    return out;
}

// A prompt list of oxidized: pass / fail / pass_with_expect -> strings.
QMap<QString, QStringList> readPromptYaml(const QString &path)
{
    QMap<QString, QStringList> lists;
    QString current;
    const QStringList lines = QString::fromUtf8(fs::test::readFile(path)).split(QLatin1Char('\n'));
    static const QRegularExpression key(QStringLiteral(R"(^(\w+):\s*$)"));
    static const QRegularExpression item(QStringLiteral(R"(^\s*-\s+(.*?)\s*$)"));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        if (const auto k = key.match(line); k.hasMatch()) {
            current = k.captured(1);
            continue;
        }
        const auto i = item.match(line);
        if (!i.hasMatch() || current.isEmpty())
            continue;
        QString value = i.captured(1);
        if (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')) && value.size() >= 2)
            value = value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        else if (value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')) && value.size() >= 2)
            value = unescapeRuby(value.mid(1, value.size() - 2));
        lists[current].append(value);
    }
    return lists;
}

struct Exchange
{
    QString sent;     // "show version\n"
    QString received; // unescaped
};

// init_prompt and the commands of an oxidized simulation file, in order.
QList<Exchange> readSimulation(const QString &path)
{
    QList<Exchange> exchanges;
    const QStringList lines = QString::fromUtf8(fs::test::readFile(path)).split(QLatin1Char('\n'));
    static const QRegularExpression initKey(QStringLiteral(R"(^(\s*)init_prompt:\s*\|-?\s*$)"));
    static const QRegularExpression commandKey(
        QStringLiteral("^(\\s*)(?:-\\s+)?\"((?:[^\"\\\\]|\\\\.)*)\":\\s*\\|-?\\s*$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString sent;
        qsizetype keyIndent = -1;
        if (const auto m = initKey.match(lines.at(i)); m.hasMatch()) {
            keyIndent = m.captured(1).size();
        } else if (const auto c = commandKey.match(lines.at(i)); c.hasMatch()) {
            keyIndent = c.captured(1).size();
            sent = unescapeRuby(c.captured(2));
        } else {
            continue;
        }
        QStringList block;
        qsizetype blockIndent = -1;
        qsizetype j = i + 1;
        for (; j < lines.size(); ++j) {
            const QString &line = lines.at(j);
            if (line.trimmed().isEmpty()) {
                block.append(QString());
                continue;
            }
            const qsizetype leading = line.indexOf(line.trimmed().at(0));
            if (leading <= keyIndent)
                break;
            if (blockIndent < 0)
                blockIndent = leading;
            if (leading < blockIndent)
                break;
            block.append(line.mid(blockIndent));
        }
        while (!block.isEmpty() && block.constLast().isEmpty())
            block.removeLast();
        exchanges.append(Exchange{sent, unescapeRuby(block.join(QLatin1Char('\n')))});
        i = j - 1;
    }
    return exchanges;
}

QString lastLine(const QString &text)
{
    const qsizetype nl = text.lastIndexOf(QLatin1Char('\n'));
    return nl < 0 ? text : text.mid(nl + 1);
}

bool matchesAnyPager(const DeviceProfile &profile, const QString &line)
{
    for (const DeviceProfile::Answer &pager : profile.session.pagers) {
        if (pager.pattern.match(line).hasMatch())
            return true;
    }
    return false;
}

QByteArray profileJson(const QString &command, const QString &pagingOff = QStringLiteral("terminal length 0"),
                       const QString &bannerAnswer = QStringLiteral("N"),
                       const QString &modelRegex = QStringLiteral("^Model: (\\\\S+)"))
{
    // Built with a plain literal: moc does not follow raw strings that contain quotes.
    return QStringLiteral(
               "{\n"
               "  \"format\": 1, \"id\": \"test_device\", \"name\": \"Test\", \"vendor\": \"Test\",\n"
               "  \"detect\": [{\"regex\": \"^Test OS\", \"weight\": 10}],\n"
               "  \"session\": {\"line_ending\": \"\\n\", \"prompt\": \"^\\\\S+[#>]\\\\s?$\",\n"
               "              \"paging_off\": [\"%2\"],\n"
               "              \"banners\": [{\"pattern\": \"Save new configuration \\\\? \\\\(Y/N\\\\)\", "
               "\"answer\": \"%3\"}]},\n"
               "  \"commands\": [{\"id\": \"version\", \"command\": \"%1\"}],\n"
               "  \"fields\": {\"model\": [{\"regex\": \"%4\"}], "
               "\"version\": [{\"regex\": \"^Version: (\\\\S+)\"}]}\n"
               "}\n")
        .arg(command, pagingOff, bannerAnswer, modelRegex)
        .toUtf8();
}

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

private:
    ProfileSet m_profiles;
    QMap<QString, PlatformTally> m_tally;

    static QString corpusDir()
    {
        return QDir(fs::test::sharedDir()).filePath(QStringLiteral("corpus/devices"));
    }
    static QString localDir()
    {
        return QDir(fs::test::sourceDir()).filePath(QStringLiteral("tests/data/devices"));
    }

private slots:
    void initTestCase()
    {
        auto set = ProfileSet::builtIn();
        QVERIFY2(set.has_value(), qPrintable(set ? QString() : fs::describe(set.error())));
        m_profiles = *set;
        QVERIFY2(QFile::exists(QDir(corpusDir()).filePath(QStringLiteral("manifest.tsv"))),
                 "the shared device corpus is missing");
    }

    // The resource compiled into the static library is reachable, every file is a profile, and
    // every built-in profile passed validation, including the read-only guard.
    void builtInProfilesLoad()
    {
        const QStringList files =
            QDir(QStringLiteral(":/fieldsurvey/profiles")).entryList({QStringLiteral("*.json")}, QDir::Files);
        QCOMPARE(m_profiles.profiles().size(), files.size());
        QVERIFY2(files.size() >= 20,
                 qPrintable(QStringLiteral("only %1 built-in profiles").arg(files.size())));
        const QStringList required = {
            QStringLiteral("cisco_ios"),     QStringLiteral("cisco_asa"),
            QStringLiteral("fortinet"),      QStringLiteral("yamaha"),
            QStringLiteral("nec_ix"),        QStringLiteral("paloalto_panos"),
            QStringLiteral("juniper_junos"), QStringLiteral("allied_telesis_awplus"),
            QStringLiteral("huawei_vrp"),    QStringLiteral("sonicwall"),
            QStringLiteral("linux")};
        for (const QString &id : required)
            QVERIFY2(m_profiles.profile(id), qPrintable(QStringLiteral("no built-in profile '%1'").arg(id)));
        QVERIFY(m_profiles.profileForPlatform(QStringLiteral("cisco_xe")));
        for (const DeviceProfile &p : m_profiles.profiles()) {
            for (const DeviceProfile::Command &c : p.commands)
                QVERIFY2(ReadOnlyGuard::isAllowed(c.command),
                         qPrintable(p.id + QLatin1StringView(": ") + c.command));
            for (const QString &c : p.session.pagingOff)
                QVERIFY2(ReadOnlyGuard::isAllowed(c), qPrintable(p.id + QLatin1StringView(": ") + c));
            QVERIFY2(!p.session.pagers.isEmpty() || p.id == QLatin1StringView("linux") ||
                         p.id == QLatin1StringView("zyxel_os"),
                     qPrintable(p.id + QLatin1StringView(" answers no pager")));
        }
        QCOMPARE(m_profiles.profile(QStringLiteral("yamaha"))->session.lineEnding, QStringLiteral("\r"));
        QCOMPARE(m_profiles.profile(QStringLiteral("yamaha"))->session.wrapColumns, 80);
        QVERIFY(m_profiles.profile(QStringLiteral("yamaha"))->session.firstCommandMayBeDropped);
        QCOMPARE(m_profiles.profile(QStringLiteral("yamaha"))->session.encodings,
                 QStringList({QStringLiteral("Shift_JIS"), QStringLiteral("EUC-JP")}));
    }

    void conformance_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<Row>("row");
        const QList<Row> corpus = readManifest(QDir(corpusDir()).filePath(QStringLiteral("manifest.tsv")));
        QVERIFY(corpus.size() >= 50);
        for (const Row &row : corpus)
            QTest::newRow(qPrintable(row.value(QStringLiteral("file")))) << corpusDir() << row;
        const QList<Row> local = readManifest(QDir(localDir()).filePath(QStringLiteral("manifest.tsv")));
        QVERIFY(local.size() >= 3);
        for (const Row &row : local)
            QTest::newRow(qPrintable(QLatin1StringView("local/") + row.value(QStringLiteral("file"))))
                << localDir() << row;
    }

    // Every manifest row, with the platform's profile and with auto-detection.
    void conformance()
    {
        QFETCH(QString, base);
        QFETCH(Row, row);
        const QString platform = row.value(QStringLiteral("platform"));
        const QString file = row.value(QStringLiteral("file"));
        const DeviceProfile *profile = m_profiles.profileForPlatform(platform);
        QVERIFY2(profile, qPrintable(QStringLiteral("no profile for platform %1").arg(platform)));
        const QByteArray raw = fs::test::readFile(QDir(base).filePath(file));
        QVERIFY2(!raw.isEmpty(), qPrintable(file));
        const QString command = commandForSlug(*profile, row.value(QStringLiteral("command")));
        QVERIFY2(!command.isEmpty(), qPrintable(QStringLiteral("%1 has no command for '%2'")
                                                    .arg(profile->id, row.value(QStringLiteral("command")))));

        const DeviceFacts byProfile = ProfileParser::parseBytes(*profile, raw, command);
        const DeviceFacts byDetection = ProfileParser::parseAutoBytes(m_profiles, raw);

        QString expectedProfile = profile->id;
        for (const Detected &d : detectedElsewhere()) {
            if (file == QLatin1StringView(d.file))
                expectedProfile = QLatin1StringView(d.profile);
        }
        QCOMPARE(byDetection.profileId, expectedProfile);

        PlatformTally &tally = m_tally[platform];
        ++tally.rows;
        QStringList failures;
        for (const char *name : {"vendor", "model", "version", "serial", "hostname"}) {
            const QString field = QLatin1StringView(name);
            QString expected = row.value(field);
            if (const Correction *c = find(corrections(), file, field))
                expected = QLatin1StringView(c->value);
            const Correction *supplement = find(supplements(), file, field);
            if (supplement)
                expected = QLatin1StringView(supplement->value);
            // Vendor, model and version are always compared (a blank cell means the output has none,
            // unless supplements() says otherwise); serial and hostname only when the manifest has them.
            const bool always = field == QLatin1StringView("vendor") || field == QLatin1StringView("model") ||
                                field == QLatin1StringView("version");
            if (expected.isEmpty() && !supplement && !always)
                continue;
            const bool vendorField = field == QLatin1StringView("vendor");
            auto same = [&](const QString &actual) {
                return vendorField ? normalisedVendor(actual) == normalisedVendor(expected)
                                   : actual.trimmed() == expected.trimmed();
            };
            const bool okProfile = same(fieldValue(byProfile, field));
            const bool okAuto = same(fieldValue(byDetection, field));
            if (const Correction *xfail = find(expectedFailures(), file, field)) {
                QVERIFY2(!okProfile,
                         qPrintable(QStringLiteral("%1 %2 passes now: remove it from expectedFailures()")
                                        .arg(file, field)));
                ++tally.expectedFailures;
                qInfo("expected failure %s %s: %s", qPrintable(file), name, xfail->reason);
                continue;
            }
            ++tally.fields;
            ++tally.autoFields;
            tally.fieldsOk += okProfile ? 1 : 0;
            tally.autoOk += okAuto ? 1 : 0;
            if (!okProfile)
                failures.append(QStringLiteral("%1 (profile %2): expected '%3', got '%4'")
                                    .arg(field, profile->id, expected, fieldValue(byProfile, field)));
            if (!okAuto)
                failures.append(
                    QStringLiteral("%1 (auto, %2): expected '%3', got '%4'")
                        .arg(field, byDetection.profileId, expected, fieldValue(byDetection, field)));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; ") + QLatin1StringView(" | notes: ") +
                                                byProfile.notes.join(u"; ")));
    }

    void conformanceReport()
    {
        int rows = 0, fields = 0, ok = 0, autoFields = 0, autoOk = 0, xfail = 0;
        qInfo("conformance %-22s %5s %16s %16s %6s", "platform", "rows", "profile", "auto-detect", "xfail");
        for (auto it = m_tally.cbegin(); it != m_tally.cend(); ++it) {
            const PlatformTally &t = it.value();
            qInfo("conformance %-22s %5d %10d/%-5d %10d/%-5d %6d", qPrintable(it.key()), t.rows, t.fieldsOk,
                  t.fields, t.autoOk, t.autoFields, t.expectedFailures);
            rows += t.rows;
            fields += t.fields;
            ok += t.fieldsOk;
            autoFields += t.autoFields;
            autoOk += t.autoOk;
            xfail += t.expectedFailures;
        }
        qInfo("conformance %-22s %5d %10d/%-5d %10d/%-5d %6d  (%.1f%% / %.1f%% fields ok)", "overall", rows,
              ok, fields, autoOk, autoFields, xfail, fields ? 100.0 * ok / fields : 0.0,
              autoFields ? 100.0 * autoOk / autoFields : 0.0);
        QVERIFY(rows > 0);
    }

    // The oxidized prompt lists: every "pass" matches the profile's prompt, no "fail" does;
    // "pass_with_expect" strings match once escapes are removed (as the session driver sees them).
    void prompts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("profiles");
        const QMap<QString, QStringList> mapping = {
            {QStringLiteral("aosw"), {QStringLiteral("aruba_os")}},
            {QStringLiteral("asa"), {QStringLiteral("cisco_asa")}},
            {QStringLiteral("fortigate"), {QStringLiteral("fortinet")}},
            {QStringLiteral("fortios"), {QStringLiteral("fortinet")}},
            {QStringLiteral("ios"), {QStringLiteral("cisco_ios")}},
            {QStringLiteral("linuxgeneric"), {QStringLiteral("linux")}},
            {QStringLiteral("sonicos"), {QStringLiteral("sonicwall")}},
            {QStringLiteral("vyos"), {QStringLiteral("vyos"), QStringLiteral("ubiquiti_edgerouter")}},
        };
        // WatchGuard Fireware has no profile (no version-command sample exists to write one from).
        const QStringList uncovered = {QStringLiteral("firewareos")};
        const QDir dir(QDir(corpusDir()).filePath(QStringLiteral("sessions/prompts")));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 9);
        for (const QString &name : files) {
            const QString model = name.section(QStringLiteral("__"), 0, 0);
            if (uncovered.contains(model))
                continue;
            QVERIFY2(mapping.contains(model),
                     qPrintable(QStringLiteral("no profile mapped for prompts of %1").arg(model)));
            QTest::newRow(qPrintable(model)) << dir.filePath(name) << mapping.value(model);
        }
    }

    void prompts()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, profiles);
        const QMap<QString, QStringList> lists = readPromptYaml(file);
        QVERIFY(!lists.value(QStringLiteral("pass")).isEmpty());
        for (const QString &id : profiles) {
            const DeviceProfile *profile = m_profiles.profile(id);
            QVERIFY(profile);
            for (const QString &prompt : lists.value(QStringLiteral("pass"))) {
                QVERIFY2(profile->session.prompt.match(prompt).hasMatch(),
                         qPrintable(QStringLiteral("%1 prompt does not match '%2'").arg(id, prompt)));
                QVERIFY2(profile->session.prompt.match(DeviceOutput::clean(prompt)).hasMatch(),
                         qPrintable(QStringLiteral("%1 prompt does not match cleaned '%2'").arg(id, prompt)));
            }
            for (const QString &prompt : lists.value(QStringLiteral("pass_with_expect")))
                QVERIFY2(profile->session.prompt.match(DeviceOutput::clean(prompt)).hasMatch(),
                         qPrintable(QStringLiteral("%1 prompt does not match cleaned '%2'").arg(id, prompt)));
            for (const QString &prompt : lists.value(QStringLiteral("fail"))) {
                QVERIFY2(!profile->session.prompt.match(prompt).hasMatch(),
                         qPrintable(QStringLiteral("%1 prompt matches '%2'").arg(id, prompt)));
            }
        }
    }

    // The oxidized session transcripts: after each command the device's last line is a prompt or a
    // pager the profile answers; the version output, with its pages joined, is recognised and read.
    void sessions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("profileId");
        QTest::addColumn<bool>("execChannel");
        QTest::addColumn<bool>("readsVersion");
        const QMap<QString, QString> mapping = {
            {QStringLiteral("aruba_os"), QStringLiteral("aruba_os")},
            {QStringLiteral("cisco_asa"), QStringLiteral("cisco_asa")},
            {QStringLiteral("cisco_ftd"), QStringLiteral("cisco_ftd")},
            {QStringLiteral("cisco_nxos"), QStringLiteral("cisco_nxos")},
            {QStringLiteral("cisco_xe"), QStringLiteral("cisco_ios")},
            {QStringLiteral("fortinet"), QStringLiteral("fortinet")},
            {QStringLiteral("juniper_junos"), QStringLiteral("juniper_junos")},
            {QStringLiteral("mikrotik_routeros"), QStringLiteral("mikrotik_routeros")},
            {QStringLiteral("vyatta_vyos"), QStringLiteral("vyos")},
            {QStringLiteral("sonicwall"), QStringLiteral("sonicwall")},
        };
        // oxidized reads these over the SSH exec channel: no prompt, no command echo.
        const QStringList execChannel = {QStringLiteral("juniper_junos"),
                                         QStringLiteral("mikrotik_routeros")};
        // Transcripts whose version output is a placeholder: prompts and pagers are checked only.
        const QStringList placeholders = {
            QStringLiteral(
                "nxos__dummy_no_show_inventory_all__simulation.yaml"), // "...show version output..."
            QStringLiteral("sonicos__snippets__simulation.yaml"),      // regex snippets, no version lines
        };
        // pfSense / OPNsense are FreeBSD shells behind a menu, not network-OS CLIs this module reads.
        const QStringList uncovered = {QStringLiteral("pfsense"), QStringLiteral("opnsense")};
        const QList<Row> rows =
            readManifest(QDir(corpusDir()).filePath(QStringLiteral("sessions/manifest.tsv")));
        QVERIFY(rows.size() >= 16);
        for (const Row &row : rows) {
            const QString platform = row.value(QStringLiteral("platform"));
            if (platform == QLatin1StringView("prompts") || uncovered.contains(platform))
                continue;
            QVERIFY2(mapping.contains(platform), qPrintable(platform));
            QTest::newRow(qPrintable(row.value(QStringLiteral("file"))))
                << QDir(corpusDir()).filePath(QStringLiteral("sessions/") + row.value(QStringLiteral("file")))
                << mapping.value(platform) << execChannel.contains(platform)
                << !placeholders.contains(QFileInfo(row.value(QStringLiteral("file"))).fileName());
        }
    }

    void sessions()
    {
        QFETCH(QString, file);
        QFETCH(QString, profileId);
        QFETCH(bool, execChannel);
        QFETCH(bool, readsVersion);
        const DeviceProfile *profile = m_profiles.profile(profileId);
        QVERIFY(profile);
        const QList<Exchange> exchanges = readSimulation(file);
        QVERIFY2(exchanges.size() >= 2, qPrintable(file));

        const QString versionCommand = profile->commands.constFirst().command;
        QString versionOutput;
        bool collecting = false;
        bool collected = false;
        int pagersAnswered = 0;
        for (const Exchange &e : exchanges) {
            const QString sent = e.sent.trimmed();
            const QString last = DeviceOutput::clean(lastLine(e.received));
            const bool pager = matchesAnyPager(*profile, last);
            const bool exiting = sent == QLatin1StringView("exit") || sent == QLatin1StringView("quit") ||
                                 sent == QLatin1StringView("logout");
            // Interactive sessions end every exchange with a prompt or a pager.
            if (!execChannel && !exiting && !e.received.isEmpty())
                QVERIFY2(pager || profile->session.prompt.match(last).hasMatch(),
                         qPrintable(QStringLiteral(
                                        "after '%1' the last line '%2' is neither a prompt nor a pager of %3")
                                        .arg(sent, last, profileId)));

            const bool pagerAnswer = !e.sent.isEmpty() && sent.isEmpty();
            QString body;
            if (!collected && !collecting && sent == versionCommand) {
                collecting = true;
                body = e.received;
                const QString echo = DeviceOutput::clean(body.section(QLatin1Char('\n'), 0, 0)).trimmed();
                if (echo.endsWith(versionCommand))
                    body = body.section(QLatin1Char('\n'), 1);
            } else if (collecting && pagerAnswer) {
                body = e.received;
                ++pagersAnswered;
            } else {
                if (collecting)
                    collected = true;
                collecting = false;
                continue;
            }
            if (!execChannel) {
                const qsizetype nl = body.lastIndexOf(QLatin1Char('\n'));
                body = nl < 0 ? QString() : body.left(nl + 1); // the prompt or the pager
            }
            versionOutput += body;
            if (!pager) {
                collecting = false;
                collected = true;
            }
        }
        QVERIFY2(!versionOutput.trimmed().isEmpty(),
                 qPrintable(QStringLiteral("the transcript never runs '%1'").arg(versionCommand)));
        if (!readsVersion)
            return;
        const DeviceFacts facts = ProfileParser::parseAuto(m_profiles, versionOutput);
        qInfo("session %s: profile=%s model=%s version=%s serial=%s hostname=%s pages=%d",
              qPrintable(QFileInfo(file).fileName()), qPrintable(facts.profileId), qPrintable(facts.model),
              qPrintable(facts.version), qPrintable(facts.serial), qPrintable(facts.hostname),
              pagersAnswered + 1);
        QCOMPARE(facts.profileId, profileId);
        QVERIFY2(!facts.version.isEmpty(), qPrintable(facts.notes.join(u"; ")));
        QVERIFY2(!facts.model.isEmpty(), qPrintable(facts.notes.join(u"; ")));
        const QString cleaned = DeviceOutput::clean(versionOutput);
        for (const DeviceProfile::Answer &pagerPattern : profile->session.pagers)
            QVERIFY2(!pagerPattern.pattern.match(cleaned).hasMatch(), "a pager line was left in the output");
    }

    void readOnlyGuard_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("allowed");
        const QStringList refused = {
            QStringLiteral("configure terminal"),
            QStringLiteral("conf t"),
            QStringLiteral("config system global"),
            QStringLiteral("set output standard"),
            QStringLiteral("console lines infinity"),
            QStringLiteral("administrator"),
            QStringLiteral("execute reboot"),
            QStringLiteral("write memory"),
            QStringLiteral("wr mem"),
            QStringLiteral("  Write Memory "),
            QStringLiteral("copy running-config startup-config"),
            QStringLiteral("reload"),
            QStringLiteral("rel"),
            QStringLiteral("set cli screen-length 0"),
            QStringLiteral("set cli pager off"),
            QStringLiteral("no cli pager session"),
            QStringLiteral("no page"),
            QStringLiteral("system-view"),
            QStringLiteral("sys"),
            QStringLiteral("undo info-center enable"),
            QStringLiteral("screen-length 0"),
            QStringLiteral("pager lines 0"),
            QStringLiteral("save"),
            QStringLiteral("commit"),
            QStringLiteral("request system reboot"),
            QStringLiteral("clear counters"),
            QStringLiteral("debug ip packet"),
            QStringLiteral("delete flash:x"),
            QStringLiteral("erase startup-config"),
            QStringLiteral("shutdown"),
            QStringLiteral("show running-config | redirect flash:x"),
            QStringLiteral("show log | save /var/tmp/x"),
            QStringLiteral("show version\nreload"),
            QStringLiteral("cat /etc/os-release > /tmp/x"),
            QStringLiteral("uname -a; reboot"),
            QStringLiteral("/system reboot"),
            QStringLiteral("/ip service set telnet disabled=yes"),
            QStringLiteral("/export file=backup"),
            QStringLiteral("enable-config"),
            QStringLiteral("sudo dmidecode"),
        };
        const QStringList allowed = {
            QStringLiteral("show version"),
            QStringLiteral("terminal length 0"),
            QStringLiteral("get system status"),
            QStringLiteral("show environment"),
            QStringLiteral("display version"),
            QStringLiteral("terminal pager 0"),
            QStringLiteral("terminal monitor"),
            QStringLiteral("screen-length 0 temporary"),
            QStringLiteral("sh ver"),
            QStringLiteral("show running-config"),
            QStringLiteral("show configuration | display set | no-more"),
            QStringLiteral("get system status | grep Version"),
            QStringLiteral("/system resource print"),
            QStringLiteral("sys atsh"),
            QStringLiteral("cat /etc/os-release"),
            QStringLiteral("dmidecode -t system"),
            QStringLiteral("enable"),
            QStringLiteral("exit"),
            QStringLiteral("quit"),
            QString(),
            QStringLiteral("show vpn ipsec phase1-interface"),
            QStringLiteral("more system:running-config"),
        };
        for (const QString &c : refused)
            QTest::newRow(qPrintable(QLatin1StringView("refuse: ") +
                                     QString(c).replace(QLatin1Char(0x0a), QStringLiteral("\\n"))))
                << c << false;
        for (const QString &c : allowed)
            QTest::newRow(qPrintable(QLatin1StringView("allow: ") + c)) << c << true;
    }

    void readOnlyGuard()
    {
        QFETCH(QString, command);
        QFETCH(bool, allowed);
        QString why;
        QCOMPARE(ReadOnlyGuard::isAllowed(command, &why), allowed);
        if (!allowed)
            QVERIFY2(!why.isEmpty(), "a refusal says why");
    }

    void readOnlyGuardAnswers()
    {
        QVERIFY(ReadOnlyGuard::isAllowedAnswer(QStringLiteral("\\(Press 'a' to accept\\):"),
                                               QStringLiteral("a")));
        QVERIFY(ReadOnlyGuard::isAllowedAnswer(QStringLiteral("Accept The Policy Banner \\(yes\\)\\?"),
                                               QStringLiteral("yes")));
        QVERIFY(ReadOnlyGuard::isAllowedAnswer(QStringLiteral("Save new configuration \\? \\(Y/N\\)"),
                                               QStringLiteral("N")));
        QVERIFY(ReadOnlyGuard::isAllowedAnswer(QStringLiteral("--More--"), QStringLiteral(" ")));
        QString why;
        QVERIFY(!ReadOnlyGuard::isAllowedAnswer(QStringLiteral("Save new configuration \\? \\(Y/N\\)"),
                                                QStringLiteral("Y"), &why));
        QVERIFY(why.contains(QStringLiteral("could change")));
        QVERIFY(
            !ReadOnlyGuard::isAllowedAnswer(QStringLiteral("Change now\\? \\[Y/N\\]"), QStringLiteral("y")));
        QVERIFY(!ReadOnlyGuard::isAllowedAnswer(QStringLiteral("--More--"), QStringLiteral("reload\n")));
    }

    // A profile is refused with an error naming the file, the JSON path and the command.
    void unsafeProfilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command") << profileJson(QStringLiteral("configure terminal"))
                                 << QStringLiteral(
                                        "profiles/test_device.json: commands[0].command: refused by the "
                                        "read-only guard: 'configure terminal' enters configuration mode");
        QTest::newRow("paging off") << profileJson(QStringLiteral("show version"),
                                                   QStringLiteral("console lines infinity"))
                                    << QStringLiteral(
                                           "session.paging_off[0]: refused by the read-only guard: 'console "
                                           "lines infinity'");
        QTest::newRow("banner answer")
            << profileJson(QStringLiteral("show version"), QStringLiteral("terminal length 0"),
                           QStringLiteral("Y"))
            << QStringLiteral("session.banners[0].answer: refused by the read-only guard");
        QTest::newRow("regex") << profileJson(QStringLiteral("show version"),
                                              QStringLiteral("terminal length 0"), QStringLiteral("N"),
                                              QStringLiteral("^Model: (\\\\S+"))
                               << QStringLiteral(
                                      "profiles/test_device.json: fields.model[0].regex: missing closing "
                                      "parenthesis");
        QTest::newRow("group") << QByteArray(profileJson(QStringLiteral("show version")))
                                      .replace("\"^Model: (\\\\S+)\"}", "\"^Model: (\\\\S+)\", \"group\": 2}")
                               << QStringLiteral("fields.model[0].group: the regex has no group '2'");
        QTest::newRow("unknown key") << QByteArray(profileJson(QStringLiteral("show version")))
                                            .replace("\"format\"", "\"formt\": 1, \"format\"")
                                     << QStringLiteral("profiles/test_device.json: formt: unknown key");
        QTest::newRow("not json") << QByteArray("{ nope")
                                  << QStringLiteral("profiles/test_device.json: not JSON");
    }

    void unsafeProfilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto profile = DeviceProfile::fromJson(json, QStringLiteral("profiles/test_device.json"));
        QVERIFY2(!profile.has_value(), "the profile loaded");
        QCOMPARE(profile.error().code, fs::ErrorCode::InvalidData);
        QVERIFY2(profile.error().detail.contains(expected),
                 qPrintable(QStringLiteral("expected '%1' in '%2'").arg(expected, profile.error().detail)));
    }

    void safeTestProfileLoads()
    {
        const auto profile =
            DeviceProfile::fromJson(profileJson(QStringLiteral("show version"),
                                                QStringLiteral("terminal length 0"), QStringLiteral("N")),
                                    QStringLiteral("profiles/test_device.json"));
        QVERIFY2(profile.has_value(), qPrintable(profile ? QString() : profile.error().detail));
        const DeviceFacts facts =
            ProfileParser::parseText(*profile, QStringLiteral("Test OS\r\nModel: T-1\r\nVersion: 2.0\r\n"));
        QCOMPARE(facts.model, QStringLiteral("T-1"));
        QCOMPARE(facts.version, QStringLiteral("2.0"));
        QCOMPARE(facts.vendor, QStringLiteral("Test"));
    }

    // A folder with a forbidden profile does not load, and says which file.
    void directoryWithUnsafeProfile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(fs::test::writeFile(dir.filePath(QStringLiteral("test_device.json")),
                                    profileJson(QStringLiteral("execute reboot"))));
        const auto set = ProfileSet::fromDirectory(dir.path());
        QVERIFY(!set.has_value());
        QVERIFY2(set.error().detail.contains(QStringLiteral("test_device.json: commands[0].command")) &&
                     set.error().detail.contains(QStringLiteral("execute reboot")),
                 qPrintable(set.error().detail));
        QVERIFY(fs::test::writeFile(dir.filePath(QStringLiteral("test_device.json")),
                                    profileJson(QStringLiteral("show version"),
                                                QStringLiteral("terminal length 0"), QStringLiteral("N"))));
        const auto ok = ProfileSet::fromDirectory(dir.path());
        QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().detail));
        QCOMPARE(ok->profiles().size(), 1);
    }

    void decodeCleansTerminalOutput()
    {
        // CRLF, a lone CR that overwrites (FortiOS pager erase), backspaces (IOS pager erase), ESC sequences.
        const QByteArray bytes = "Version: FortiGate-60F v7.0.7\r\n--More-- \r         \rHostname: fw1\r\n"
                                 " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bSerial: X1\n"
                                 "\x1b[?1h\x1b=\rVersion:  VyOS 1.4.3\x1b[m\n\x1b]0;title\x07"
                                 "done\x1b[K\n";
        const DecodedText d = DeviceOutput::decode(bytes, {});
        QCOMPARE(d.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(
            d.text,
            QStringLiteral(
                "Version: FortiGate-60F v7.0.7\nHostname: fw1\nSerial: X1\nVersion:  VyOS 1.4.3\ndone\n"));
        // CR-only output.
        QCOMPARE(DeviceOutput::decode("a\rb\rc", {}).text, QStringLiteral("a\nb\nc"));
        // Full-width colon and ideographic space fold to ASCII.
        QCOMPARE(DeviceOutput::clean(QStringLiteral("WWAN1 ： ------\u3000Ｒｅｖ．1")),
                 QStringLiteral("WWAN1 : ------ Rev.1"));
    }

    void unwrapJoinsConsoleWrapping()
    {
        const QString line79 =
            QStringLiteral("  main:  RTX1200 ver=c0 serial=D12345678 MAC-Address=00:a0:de:aa:bb:11 MAC-Addr");
        QCOMPARE(line79.size(), 79);
        const QString text = line79 + QStringLiteral("\ness=00:a0:de:aa:bb:22\nCPU: 1%\n");
        QCOMPARE(DeviceOutput::unwrap(text, 80),
                 QStringLiteral("  main:  RTX1200 ver=c0 serial=D12345678 MAC-Address=00:a0:de:aa:bb:11 "
                                "MAC-Address=00:a0:de:aa:bb:22\nCPU: 1%\n"));
        QCOMPARE(DeviceOutput::unwrap(QStringLiteral("short\nline\n"), 80), QStringLiteral("short\nline\n"));
        // Full-width characters take two columns.
        QCOMPARE(DeviceOutput::displayWidth(QStringLiteral("設定ファイル: x")), 15);
        // The RTX1200 corpus sample reads with the MAC addresses joined.
        const DeviceProfile *yamaha = m_profiles.profile(QStringLiteral("yamaha"));
        const DecodedText d = DeviceOutput::decode(
            fs::test::readFile(
                QDir(corpusDir())
                    .filePath(QStringLiteral("yamaha/show_environment/yamaha_show_environment.raw"))),
            yamaha->session.encodings, yamaha->session.wrapColumns);
        QVERIFY(
            d.text.contains(QStringLiteral("MAC-Address=00:a0:de:aa:bb:11 MAC-Address=00:a0:de:aa:bb:22")));
    }

    // Shift_JIS and EUC-JP output with Japanese labels and full-width colons, made with the same
    // converters the app uses; the decoders must exist (Qt with ICU), the text must come back.
    void japaneseEncodings_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("Shift_JIS") << QStringLiteral("Shift_JIS");
        QTest::newRow("EUC-JP") << QStringLiteral("EUC-JP");
    }

    void japaneseEncodings()
    {
        QFETCH(QString, encoding);
        QStringEncoder encoder(encoding.toLatin1().constData());
        QVERIFY2(encoder.isValid(),
                 qPrintable(QStringLiteral("Qt has no %1 codec (built without ICU?)").arg(encoding)));
        const QString text =
            QStringLiteral("RTX830 BootROM Ver. 1.01\r\n"
                           "RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)\r\n"
                           "  main:  RTX830 ver=00 serial=S4J000777 MAC-Address=ac:44:f2:00:00:01\r\n"
                           "デフォルト設定ファイル：config0\r\n"
                           "起動時刻：2026/11/01 09:00:00 +09:00\r\n");
        const QByteArray bytes = encoder.encode(text);
        QVERIFY(!encoder.hasError());
        const DeviceProfile *yamaha = m_profiles.profile(QStringLiteral("yamaha"));
        const DeviceFacts facts =
            ProfileParser::parseBytes(*yamaha, bytes, QStringLiteral("show environment"));
        QCOMPARE(facts.encoding, encoding);
        QCOMPARE(facts.model, QStringLiteral("RTX830"));
        QCOMPARE(facts.version, QStringLiteral("15.02.17"));
        QCOMPARE(facts.serial, QStringLiteral("S4J000777"));
        const DecodedText decoded = DeviceOutput::decode(bytes, yamaha->session.encodings);
        QVERIFY2(decoded.text.contains(QStringLiteral("デフォルト設定ファイル:config0")),
                 qPrintable(decoded.text));
        // Auto-detection decodes with every profile's encodings.
        const DeviceFacts detected = ProfileParser::parseAutoBytes(m_profiles, bytes);
        QCOMPARE(detected.profileId, QStringLiteral("yamaha"));
        QCOMPARE(detected.encoding, encoding);
    }

    void hostileEmpty()
    {
        const DeviceFacts facts = ProfileParser::parseAutoBytes(m_profiles, QByteArray());
        QVERIFY(facts.profileId.isEmpty());
        QVERIFY(!facts.identified());
        QVERIFY(facts.notes.contains(ProfileParser::noProfileNote()));
        const DeviceFacts forced =
            ProfileParser::parseBytes(*m_profiles.profile(QStringLiteral("cisco_ios")), QByteArray());
        QVERIFY(forced.vendor.isEmpty());
        QVERIFY(!forced.notes.isEmpty());
    }

    void hostileTruncatedMidLine()
    {
        const QByteArray raw = fs::test::readFile(
            QDir(corpusDir())
                .filePath(QStringLiteral("fortinet/get_system_status/fortinet_get_system_status_7.0.raw")));
        const QByteArray truncated = raw.left(raw.indexOf("Serial-Number") + 18); // "Serial-Number: FGT"
        const DeviceFacts facts = ProfileParser::parseAutoBytes(m_profiles, truncated);
        QCOMPARE(facts.profileId, QStringLiteral("fortinet"));
        QCOMPARE(facts.model, QStringLiteral("FortiGate-60F"));
        QCOMPARE(facts.serial, QStringLiteral("FGT"));
        QVERIFY(facts.hostname.isEmpty());
        QVERIFY(facts.notes.contains(QStringLiteral("hostname: not found in the output")));
        // Cut in the middle of a multi-byte character.
        QByteArray sjis =
            QStringEncoder("Shift_JIS").encode(QStringLiteral("RTX1210 Rev.14.01.40 (x)\nデフォルト"));
        sjis.chop(1);
        const DeviceFacts cut =
            ProfileParser::parseBytes(*m_profiles.profile(QStringLiteral("yamaha")), sjis);
        QCOMPARE(cut.version, QStringLiteral("14.01.40"));
    }

    void hostileGarbage()
    {
        // 8 MiB + 1 KiB of random bytes, without and with line breaks: bounded, no crash.
        QByteArray garbage(DeviceOutput::kMaxBytes + 1024, Qt::Uninitialized);
        QRandomGenerator generator(20261124);
        for (char &c : garbage)
            c = char(generator.bounded(256));
        QElapsedTimer timer;
        timer.start();
        const DeviceFacts facts = ProfileParser::parseAutoBytes(m_profiles, garbage);
        qInfo("8 MiB of random bytes: auto-detect and parse in %lld ms", timer.elapsed());
        QVERIFY(!facts.identified());
        QVERIFY(facts.notes.contains(ProfileParser::noProfileNote()));

        const DecodedText decoded =
            DeviceOutput::decode(garbage, {QStringLiteral("Shift_JIS"), QStringLiteral("EUC-JP")});
        QVERIFY(decoded.truncated);
        QVERIFY(decoded.lossy);

        // Pathological for backtracking: one huge line of non-spaces (8 MiB through one profile, 1 MiB
        // through every profile), and many near-matches.
        timer.restart();
        const DeviceFacts huge = ProfileParser::parseBytes(*m_profiles.profile(QStringLiteral("cisco_ios")),
                                                           QByteArray(DeviceOutput::kMaxBytes + 1, 'x'));
        QVERIFY(!huge.notes.filter(QStringLiteral("was cut")).isEmpty());
        qInfo("8 MiB single line through cisco_ios in %lld ms", timer.elapsed());
        timer.restart();
        const QByteArray oneLine(1024 * 1024, 'x');
        for (const DeviceProfile &p : m_profiles.profiles())
            QVERIFY(!ProfileParser::parseBytes(p, oneLine).identified());
        qInfo("1 MiB single line through all %lld profiles in %lld ms",
              qlonglong(m_profiles.profiles().size()), timer.elapsed());
        timer.restart();
        QByteArray nearMisses;
        while (nearMisses.size() < 4 * 1024 * 1024)
            nearMisses += "Version: Forti v serial= Rev. uptime is up Chassis  Model Number : \n";
        const DeviceFacts many = ProfileParser::parseAutoBytes(m_profiles, nearMisses);
        qInfo("4 MiB of near-matches: %lld ms, profile '%s'", timer.elapsed(), qPrintable(many.profileId));
    }

    void hostileInvalidUtf8()
    {
        const QByteArray bytes =
            "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.1(4)M4, RELEASE\n"
            "router9 uptime is 1 week\n\xff\xfe\xc3\x28 broken \xe2\x82\n";
        const DeviceFacts facts = ProfileParser::parseAutoBytes(m_profiles, bytes);
        QCOMPARE(facts.profileId, QStringLiteral("cisco_ios"));
        QCOMPARE(facts.version, QStringLiteral("15.1(4)M4"));
        QCOMPARE(facts.hostname, QStringLiteral("router9"));
        QVERIFY(facts.encoding.startsWith(QStringLiteral("UTF-8 (invalid")));
        QVERIFY2(!facts.notes.filter(QStringLiteral("invalid bytes were replaced")).isEmpty(),
                 qPrintable(facts.notes.join(u"; ")));
    }

    void unrecognisedOutputSaysSo()
    {
        const QString text = QStringLiteral("Welcome to the printer.\nToner: 40%\nPages: 1234\n");
        const DeviceFacts facts = ProfileParser::parseAuto(m_profiles, text);
        QVERIFY(facts.profileId.isEmpty());
        QVERIFY(facts.vendor.isEmpty() && facts.model.isEmpty() && facts.version.isEmpty());
        QCOMPARE(facts.notes.constFirst(), QStringLiteral("no profile recognises this output"));
        QVERIFY(!facts.identified());
    }

    void detectionIsDeterministic()
    {
        const QByteArray raw = fs::test::readFile(
            QDir(corpusDir()).filePath(QStringLiteral("cisco_asa/show_version/cisco_asa_show_version1.raw")));
        const QString text = DeviceOutput::decode(raw, {}).text;
        const QList<Detection> first = m_profiles.detect(text);
        QVERIFY(!first.isEmpty());
        QCOMPARE(first.constFirst().profileId, QStringLiteral("cisco_asa"));
        for (qsizetype i = 1; i < first.size(); ++i)
            QVERIFY(first.at(i - 1).score >= first.at(i).score);
        const QList<Detection> again = m_profiles.detect(text);
        QCOMPARE(again.size(), first.size());
        for (qsizetype i = 0; i < first.size(); ++i)
            QCOMPARE(again.at(i).profileId, first.at(i).profileId);
    }

    // Facts come from read-only configuration output when it is given, and say "no" only when the
    // command's output was read.
    void factsFromConfiguration()
    {
        const DeviceProfile *ios = m_profiles.profile(QStringLiteral("cisco_ios"));
        const QByteArray version = fs::test::readFile(
            QDir(corpusDir()).filePath(QStringLiteral("cisco_ios/show_version/cisco_ios_show_version.raw")));
        const QByteArray config =
            "hostname router1\n!\ncrypto isakmp policy 10\n encr aes\n!\nip http secure-server\n"
            "no ip http server\n!\nline vty 0 4\n exec-timeout 5 0\n transport input ssh\n!\nend\n";
        const DeviceFacts facts =
            ProfileParser::parse(*ios, {{QStringLiteral("show version"), version},
                                        {QStringLiteral("show running-config"), config}});
        QCOMPARE(facts.model, QStringLiteral("WS-C4948E"));
        QCOMPARE(facts.facts.value(QStringLiteral("ipsec_configured")), QStringLiteral("yes"));
        QCOMPARE(facts.facts.value(QStringLiteral("ssl_vpn_configured")), QStringLiteral("no"));
        QCOMPARE(facts.facts.value(QStringLiteral("remote_admin_services")), QStringLiteral("https; ssh"));
        QCOMPARE(facts.facts.value(QStringLiteral("config_register")), QStringLiteral("0x2102"));
        const DeviceFacts versionOnly =
            ProfileParser::parse(*ios, {{QStringLiteral("show version"), version}});
        QVERIFY(!versionOnly.facts.contains(QStringLiteral("ipsec_configured")));

        const DeviceProfile *forti = m_profiles.profile(QStringLiteral("fortinet"));
        const QByteArray interfaces =
            "config system interface\n    edit \"wan1\"\n        set ip 192.0.2.1 255.255.255.0\n"
            "        set allowaccess ping https ssh\n    next\n    edit \"internal\"\n"
            "        set ip 10.0.0.1 255.255.255.0\n    next\nend\n";
        const QByteArray ssl = "config vpn ssl settings\n    set servercert \"Fortinet_Factory\"\n"
                               "    set source-interface \"wan1\"\nend\n";
        const DeviceFacts f =
            ProfileParser::parse(*forti, {{QStringLiteral("show system interface"), interfaces},
                                          {QStringLiteral("show vpn ssl settings"), ssl},
                                          {QStringLiteral("show vpn ipsec phase1-interface"),
                                           QByteArray("config vpn ipsec phase1-interface\nend\n")}});
        QCOMPARE(f.facts.value(QStringLiteral("remote_admin_services")),
                 QStringLiteral("wan1: ping https ssh"));
        QCOMPARE(f.facts.value(QStringLiteral("ssl_vpn_configured")), QStringLiteral("yes"));
        QCOMPARE(f.facts.value(QStringLiteral("ipsec_configured")), QStringLiteral("no"));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
