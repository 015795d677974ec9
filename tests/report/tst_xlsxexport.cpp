#include "finding.h"
#include "resultcheck.h"
#include "testpaths.h"
#include "workbookimporter.h"
#include "xlsxexport.h"
#include "xlsxreader.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;
using fs::report::XlsxExport;

namespace {

const QString kBasicSheet = QStringLiteral("基本情報記入シート");
const QString kLinesSheet = QStringLiteral("回線・機器情報記入シート");
const QString kTerminalsSheet = QStringLiteral("調査端末情報記入シート");
const QString kFindingsSheet = QStringLiteral("所見一覧");
const QString kResultGroup = QStringLiteral("調査結果");

Observation fact(const char *key, const QString &value)
{
    Observation o;
    o.key = QString::fromLatin1(key);
    o.value = value;
    o.source = FactSource::Ssh;
    return o;
}

TerminalCheck check(const char *item, const QString &value, const char *evaluation)
{
    TerminalCheck c;
    c.item = QString::fromLatin1(item);
    c.value = value;
    c.evaluation = QString::fromLatin1(evaluation);
    return c;
}

Finding finding(const char *entity, qint64 id, const char *status, const QString &text)
{
    Finding f;
    f.targetEntity = QString::fromLatin1(entity);
    f.targetId = id;
    f.status = QString::fromLatin1(status);
    f.text = text;
    return f;
}

// The first row at or below from whose column holds text (merged ranges count), or 0.
int rowOf(const XlsxSheet &sheet, int column, const QString &text, int from = 1)
{
    for (int row = from; row <= sheet.lastRow(); ++row) {
        if (sheet.text(row, column) == text)
            return row;
    }
    return 0;
}

// The 調査結果 group's columns by their header (row 4).
QHash<QString, int> resultColumns(const XlsxSheet &sheet)
{
    QHash<QString, int> columns;
    for (int column = 1; column <= sheet.lastColumn(); ++column) {
        if (sheet.text(3, column) == kResultGroup)
            columns.insert(sheet.text(4, column), column);
    }
    return columns;
}

} // namespace

class TestXlsxExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WorkbookImport m_reference; // the reference workbook as imported
    SurveyData m_declared;      // ... with a few declared values that Excel would turn into numbers
    SurveyData m_data;          // ... with ids, collected facts and checks
    QList<Finding> m_findings;
    QString m_exported;

    fs::Result<XlsxSheet> sheet(const QString &name) const
    {
        auto reader = XlsxReader::open(m_exported);
        if (!reader)
            return tl::unexpected(reader.error());
        return (*reader)->readSheet(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto reference =
            WorkbookImporter::read(fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx")));
        FS_VERIFY_OK(reference);
        m_reference = *reference;
        QCOMPARE(m_reference.data.connectionPoints.size(), 4);
        QCOMPARE(m_reference.data.terminals.size(), 5);
        QVERIFY(m_reference.data.contacts.size() >= 2);

        m_declared = m_reference.data;
        m_declared.contacts[1].phone = QStringLiteral("0120-000-111");
        m_declared.connectionPoints[1].lineId = QStringLiteral("0120012345");
        m_declared.connectionPoints[1].declaredNote = QStringLiteral("保守用回線\n平日のみ");

        m_data = m_declared;
        VisitDay day;
        day.date = QDate(2026, 1, 20);
        m_data.days.append(day);
        qint64 nextDeviceId = 1000;
        for (ConnectionPoint &line : m_data.connectionPoints) {
            line.id = 100 + line.lineNo;
            line.cafId = QStringLiteral("CAF%1").arg(line.lineNo, 4, 10, QLatin1Char('0'));
            for (Device &d : line.devices)
                d.id = ++nextDeviceId;
        }
        for (Terminal &t : m_data.terminals)
            t.id = 2000 + t.terminalNo;

        ConnectionPoint &line1 = m_data.connectionPoints[0];
        line1.onuLocationStatus = OnuLocationStatus::Confirmed;
        line1.emrReachability = EmrReachability::Direct;
        line1.protection = Protection::Ipsec;
        line1.devices[0].facts = {fact("vendor", QStringLiteral("YAMAHA")),
                                  fact("model", QStringLiteral("RTX1220")),
                                  fact("firmware", QStringLiteral("Rev.15.02.30"))};
        ConnectionPoint &line4 = m_data.connectionPoints[3];
        QCOMPARE(line4.devices.size(), 2);
        line4.onuLocationStatus = OnuLocationStatus::Corrected;
        line4.onuLocationFound = QStringLiteral("本館 3F サーバー室 2番ラック 5U");
        line4.emrReachability = EmrReachability::NotDirect;
        line4.protection = Protection::None;
        line4.devices[0].facts = {fact("vendor", QStringLiteral("Fortinet")),
                                  fact("model", QStringLiteral("FortiGate-60F")),
                                  fact("firmware", QStringLiteral("7.0.12"))};
        line4.devices[1].facts = {fact("vendor", QStringLiteral("YAMAHA")),
                                  fact("model", QStringLiteral("RTX830")),
                                  fact("firmware", QStringLiteral("10.2.36"))};

        Terminal &t1 = m_data.terminals[0];
        t1.checks = {check("os", QStringLiteral("Windows 10 Pro 21H2 (19044.1288)"), "danger"),
                     check("windows_update", QStringLiteral("最終更新 2023-05-10"), "caution"),
                     check("internet", QStringLiteral("接続不可"), "ok"),
                     check("antivirus", QStringLiteral("Trend Micro Apex One（有効）"), "ok"),
                     check("usb_storage", QStringLiteral("制限なし"), "caution")};

        Finding lineFinding = finding("connection_point", line1.id, "caution",
                                      QStringLiteral("IPsec の暗号方式に 3DES が残っている"));
        lineFinding.category = QStringLiteral("外部接続点");
        Finding firmware =
            finding("device", line4.devices[0].id, "danger",
                    QStringLiteral("FortiOS 7.0.12 は既知の脆弱性 (CVE-2024-21762) の影響を受ける"));
        firmware.category = QStringLiteral("脆弱性");
        firmware.evidence = QStringLiteral("get system status: Version: FortiGate-60F v7.0.12");
        firmware.recommendation = QStringLiteral("FortiOS 7.0.14 以降へ更新する");
        firmware.ruleId = QStringLiteral("vuln.fortios");
        firmware.needsConfirmation = true;
        Finding dismissed =
            finding("device", line4.devices[1].id, "caution", QStringLiteral("Telnet による管理が有効"));
        dismissed.dismissed = true;
        dismissed.dismissedReason = QStringLiteral("保守ベンダが対応済み");
        dismissed.dismissedAt = QDateTime(QDate(2026, 1, 21), QTime(10, 0));
        Finding os =
            finding("terminal", t1.id, "danger", QStringLiteral("Windows 10 21H2 はサポートが終了している"));
        Finding usb =
            finding("terminal", t1.id, "caution", QStringLiteral("USBストレージが制限されていない"));
        Finding survey = finding("survey", 0, "none", QStringLiteral("未申告回線は見つからなかった"));
        Finding deleted = finding("terminal", t1.id, "danger", QStringLiteral("削除された所見"));
        deleted.deleted = true;
        // Out of order on purpose: the list follows the survey's order.
        m_findings = {os, lineFinding, deleted, usb, firmware, survey, dismissed};

        m_exported = m_dir.filePath(QStringLiteral("さぬき中央病院 調査結果.xlsx"));
        FS_VERIFY_OK(XlsxExport::write(m_data, m_findings, m_exported));
        QVERIFY(QFile::exists(m_exported));
    }

    void importerReadsTheDeclaredDataBack()
    {
        auto back = WorkbookImporter::read(m_exported);
        FS_VERIFY_OK(back);
        QCOMPARE(back->sheets.mid(0, 3), (QStringList{kBasicSheet, kLinesSheet, kTerminalsSheet}));
        QCOMPARE(back->data.hospital, m_declared.hospital);
        QCOMPARE(back->data.contacts, m_declared.contacts);
        QCOMPARE(back->data.connectionPoints.size(), m_declared.connectionPoints.size());
        for (qsizetype i = 0; i < m_declared.connectionPoints.size(); ++i)
            QCOMPARE(back->data.connectionPoints[i], m_declared.connectionPoints[i]);
        QCOMPARE(back->data.terminals, m_declared.terminals);

        // Nothing new to complain about beyond the result columns, 所見一覧 and the floor plan
        // sheet the export does not carry.
        QSet<QString> before;
        for (const ImportWarning &w : std::as_const(m_reference.data.importWarnings))
            before.insert(w.code);
        int unknownColumns = 0;
        for (const ImportWarning &w : std::as_const(back->data.importWarnings)) {
            if (w.code == QStringLiteral("unknown_column")) {
                ++unknownColumns;
                continue;
            }
            if (w.code == QStringLiteral("unknown_sheet") || w.code == QStringLiteral("missing_sheet"))
                continue;
            QVERIFY2(before.contains(w.code),
                     qPrintable(w.code + QLatin1Char(' ') + w.where + QLatin1Char(' ') + w.detail));
        }
        QCOMPARE(unknownColumns, 9 + 12); // the 調査結果 columns of the two table sheets
    }

    void lineResults()
    {
        auto lines = sheet(kLinesSheet);
        FS_VERIFY_OK(lines);
        const QHash<QString, int> col = resultColumns(*lines);
        const QStringList expectedHeaders = {QStringLiteral("CAF ID"),
                                             QStringLiteral("終端装置の設置場所（確認結果）"),
                                             QStringLiteral("電子カルテ直通"),
                                             QStringLiteral("暗号化"),
                                             QStringLiteral("実機メーカー"),
                                             QStringLiteral("実機機種"),
                                             QStringLiteral("ファームウェア"),
                                             QStringLiteral("状況"),
                                             kResultGroup};
        QCOMPARE(col.size(), expectedHeaders.size());
        // In that order, right after the declared 備考.
        const int remarks = col.value(expectedHeaders[0]) - 1;
        QCOMPARE(lines->text(4, remarks), QStringLiteral("備考"));
        for (qsizetype i = 0; i < expectedHeaders.size(); ++i)
            QCOMPARE(col.value(expectedHeaders[i]), remarks + 1 + int(i));

        const int r1 = rowOf(*lines, 1, QStringLiteral("回線1"), 5);
        QVERIFY(r1 > 0);
        QCOMPARE(lines->text(r1, col[QStringLiteral("CAF ID")]), QStringLiteral("CAF0001"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("終端装置の設置場所（確認結果）")]),
                 QStringLiteral("申告どおり"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("電子カルテ直通")]), QStringLiteral("直通可"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("暗号化")]), QStringLiteral("IPsec"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("実機メーカー")]), QStringLiteral("YAMAHA"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("実機機種")]), QStringLiteral("RTX1220"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("ファームウェア")]), QStringLiteral("Rev.15.02.30"));
        QCOMPARE(lines->text(r1, col[QStringLiteral("状況")]), QStringLiteral("注意"));
        QCOMPARE(lines->text(r1, col[kResultGroup]), QStringLiteral("IPsec の暗号方式に 3DES が残っている"));

        const int r2 = rowOf(*lines, 1, QStringLiteral("回線2"), 5);
        QVERIFY(r2 > 0);
        QCOMPARE(lines->text(r2, col[QStringLiteral("終端装置の設置場所（確認結果）")]),
                 QStringLiteral("未確認"));
        QCOMPARE(lines->text(r2, col[QStringLiteral("電子カルテ直通")]), QStringLiteral("未確認"));
        QCOMPARE(lines->text(r2, col[QStringLiteral("暗号化")]), QStringLiteral("未確認"));
        QCOMPARE(lines->text(r2, col[QStringLiteral("状況")]), QStringLiteral("—"));
        QCOMPARE(lines->text(r2, col[kResultGroup]), QString());

        // 回線4: two device rows; the dismissed finding of the second device does not count.
        const int r4 = rowOf(*lines, 1, QStringLiteral("回線4"), 5);
        QVERIFY(r4 > 0);
        QCOMPARE(lines->text(r4 + 1, 1), QStringLiteral("回線4"));
        QCOMPARE(lines->text(r4, col[QStringLiteral("終端装置の設置場所（確認結果）")]),
                 QStringLiteral("申告と相違：本館 3F サーバー室 2番ラック 5U"));
        QCOMPARE(lines->text(r4, col[QStringLiteral("電子カルテ直通")]), QStringLiteral("直通不可"));
        QCOMPARE(lines->text(r4, col[QStringLiteral("暗号化")]), QStringLiteral("なし"));
        QCOMPARE(lines->text(r4, col[QStringLiteral("ファームウェア")]), QStringLiteral("7.0.12"));
        QCOMPARE(lines->text(r4 + 1, col[QStringLiteral("CAF ID")]), QStringLiteral("CAF0004"));
        QCOMPARE(lines->text(r4 + 1, col[QStringLiteral("実機機種")]), QStringLiteral("RTX830"));
        QCOMPARE(lines->text(r4, col[QStringLiteral("状況")]), QStringLiteral("危険"));
        QCOMPARE(lines->text(r4 + 1, col[QStringLiteral("状況")]), QStringLiteral("危険")); // one merged cell
        QCOMPARE(lines->text(r4, col[kResultGroup]),
                 QStringLiteral("FortiOS 7.0.12 は既知の脆弱性 (CVE-2024-21762) の影響を受ける"));
    }

    void valuesStayText()
    {
        auto lines = sheet(kLinesSheet);
        FS_VERIFY_OK(lines);
        const QHash<QString, int> col = resultColumns(*lines);
        const int r4 = rowOf(*lines, 1, QStringLiteral("回線4"), 5);
        const XlsxCell &firmware = lines->cell(r4 + 1, col[QStringLiteral("ファームウェア")]);
        QCOMPARE(firmware.kind, XlsxCell::Kind::Text);
        QCOMPARE(firmware.text, QStringLiteral("10.2.36"));
        const int r2 = rowOf(*lines, 1, QStringLiteral("回線2"), 5);
        int lineIdColumn = 0;
        for (int c = 1; c <= lines->lastColumn(); ++c) {
            if (lines->text(4, c) == QStringLiteral("回線ID"))
                lineIdColumn = c;
        }
        QVERIFY(lineIdColumn > 0);
        QCOMPARE(lines->cell(r2, lineIdColumn).kind, XlsxCell::Kind::Text);
        QCOMPARE(lines->cell(r2, lineIdColumn).text, QStringLiteral("0120012345"));
        // ポート番号 22 is text as well (the sheet's words, as imported).
        const int r1 = rowOf(*lines, 1, QStringLiteral("回線1"), 5);
        QCOMPARE(lines->text(4, lineIdColumn + 17), QStringLiteral("ポート番号"));
        QCOMPARE(lines->cell(r1, lineIdColumn + 17).kind, XlsxCell::Kind::Text);
        QCOMPARE(lines->cell(r1, lineIdColumn + 17).text, QStringLiteral("22"));

        auto basic = sheet(kBasicSheet);
        FS_VERIFY_OK(basic);
        const int contact2 = rowOf(*basic, 1, QStringLiteral("担当者2"));
        QVERIFY(contact2 > 0);
        QCOMPARE(basic->cell(contact2, 4).kind, XlsxCell::Kind::Text);
        QCOMPARE(basic->cell(contact2, 4).text, QStringLiteral("0120-000-111"));
        const XlsxCell &code = basic->cell(rowOf(*basic, 1, QStringLiteral("医療機関コード")), 2);
        QCOMPARE(code.kind, XlsxCell::Kind::Text);
        QCOMPARE(code.text, QStringLiteral("3710000001"));
        // Dates are text in the programme's format.
        const XlsxCell &date = basic->cell(rowOf(*basic, 1, QStringLiteral("調査日")), 2);
        QCOMPARE(date.kind, XlsxCell::Kind::Text);
        QCOMPARE(date.text, QStringLiteral("2026-01-20"));
    }

    void terminalResults()
    {
        auto terminals = sheet(kTerminalsSheet);
        FS_VERIFY_OK(terminals);
        const QHash<QString, int> col = resultColumns(*terminals);
        QCOMPARE(col.size(), 12);
        const int t1 = rowOf(*terminals, 1, QStringLiteral("No.1"), 5);
        QVERIFY(t1 > 0);
        QCOMPARE(terminals->text(t1, col[QStringLiteral("OS")]),
                 QStringLiteral("Windows 10 Pro 21H2 (19044.1288)"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("OS（評価）")]), QStringLiteral("危険"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("Windows Update")]),
                 QStringLiteral("最終更新 2023-05-10"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("Windows Update（評価）")]), QStringLiteral("注意"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("インターネット接続")]), QStringLiteral("接続不可"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("インターネット接続（評価）")]),
                 QStringLiteral("問題なし"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("ウイルス対策")]),
                 QStringLiteral("Trend Micro Apex One（有効）"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("ウイルス対策（評価）")]),
                 QStringLiteral("問題なし"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("USBストレージ")]), QStringLiteral("制限なし"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("USBストレージ（評価）")]), QStringLiteral("注意"));
        QCOMPARE(terminals->text(t1, col[QStringLiteral("状況")]), QStringLiteral("危険"));
        QCOMPARE(terminals->text(t1, col[kResultGroup]),
                 QStringLiteral("Windows 10 21H2 はサポートが終了している\nUSBストレージが制限されていない"));

        const int t2 = rowOf(*terminals, 1, QStringLiteral("No.2"), 5);
        QVERIFY(t2 > 0);
        QCOMPARE(terminals->text(t2, col[QStringLiteral("OS")]), QString());
        QCOMPARE(terminals->text(t2, col[QStringLiteral("OS（評価）")]), QStringLiteral("未評価"));
        QCOMPARE(terminals->text(t2, col[QStringLiteral("状況")]), QStringLiteral("—"));
    }

    void findingsList()
    {
        auto list = sheet(kFindingsSheet);
        FS_VERIFY_OK(list);
        const QStringList headers = {QStringLiteral("No"),       QStringLiteral("対象"),
                                     QStringLiteral("状況"),     QStringLiteral("区分"),
                                     QStringLiteral("所見"),     QStringLiteral("根拠"),
                                     QStringLiteral("推奨対策"), QStringLiteral("ルール"),
                                     QStringLiteral("要確認"),   QStringLiteral("却下（理由）")};
        for (qsizetype c = 0; c < headers.size(); ++c)
            QCOMPARE(list->text(1, int(c) + 1), headers[c]);
        // Every finding but the deleted one, in the survey's order.
        QCOMPARE(list->lastRow(), 1 + 6);
        const QList<QStringList> expected = {
            {QStringLiteral("1"), QStringLiteral("調査全体"), QStringLiteral("—"), QString(),
             QStringLiteral("未申告回線は見つからなかった"), QString(), QString(), QString(), QString(),
             QString()},
            {QStringLiteral("2"), QStringLiteral("CAF0001"), QStringLiteral("注意"),
             QStringLiteral("外部接続点"), QStringLiteral("IPsec の暗号方式に 3DES が残っている"), QString(),
             QString(), QString(), QString(), QString()},
            {QStringLiteral("3"), QStringLiteral("fg-renkei"), QStringLiteral("危険"),
             QStringLiteral("脆弱性"),
             QStringLiteral("FortiOS 7.0.12 は既知の脆弱性 (CVE-2024-21762) の影響を受ける"),
             QStringLiteral("get system status: Version: FortiGate-60F v7.0.12"),
             QStringLiteral("FortiOS 7.0.14 以降へ更新する"), QStringLiteral("vuln.fortios"),
             QStringLiteral("要確認"), QString()},
            {QStringLiteral("4"), QStringLiteral("rtx-renkei"), QStringLiteral("注意"), QString(),
             QStringLiteral("Telnet による管理が有効"), QString(), QString(), QString(), QString(),
             QStringLiteral("却下：保守ベンダが対応済み（2026-01-21）")},
            {QStringLiteral("5"), QStringLiteral("端末No.1"), QStringLiteral("危険"), QString(),
             QStringLiteral("Windows 10 21H2 はサポートが終了している"), QString(), QString(), QString(),
             QString(), QString()},
            {QStringLiteral("6"), QStringLiteral("端末No.1"), QStringLiteral("注意"), QString(),
             QStringLiteral("USBストレージが制限されていない"), QString(), QString(), QString(), QString(),
             QString()},
        };
        for (qsizetype r = 0; r < expected.size(); ++r) {
            for (qsizetype c = 0; c < headers.size(); ++c)
                QCOMPARE(list->text(int(r) + 2, int(c) + 1), expected[r][c]);
        }
        QCOMPARE(list->cell(2, 1).kind, XlsxCell::Kind::Text);
    }

    void replacesAnExistingFile()
    {
        const QString dir = m_dir.filePath(QStringLiteral("again"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QStringLiteral("export.xlsx"));
        QVERIFY(fs::test::writeFile(path, QByteArrayLiteral("old")));
        FS_VERIFY_OK(XlsxExport::write(m_data, m_findings, path));
        FS_VERIFY_OK(WorkbookImporter::read(path));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("export.xlsx")});
    }

    void missingFolderIsAnError()
    {
        const QString path = m_dir.filePath(QStringLiteral("no such folder/export.xlsx"));
        const auto result = XlsxExport::write(m_data, m_findings, path);
        QVERIFY(!result);
        QVERIFY2(result.error().detail.contains(path), qPrintable(result.error().detail));
        QVERIFY(!QFile::exists(path));
    }

    void readOnlyFolderIsAnError()
    {
        const QString dir = m_dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const auto restore = qScopeGuard([&dir] {
            QFile::setPermissions(dir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        if (fs::test::writeFile(QDir(dir).filePath(QStringLiteral("probe")), "x"))
            QSKIP("the folder is writable anyway (running as root?)");
        const QString path = QDir(dir).filePath(QStringLiteral("export.xlsx"));
        const auto result = XlsxExport::write(m_data, m_findings, path);
        QVERIFY(!result);
        QCOMPARE(result.error().code, fs::ErrorCode::ReadOnlyMedia);
        QVERIFY2(result.error().detail.contains(path), qPrintable(result.error().detail));
        QVERIFY(QDir(dir).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void folderInTheWayIsAnError()
    {
        const QString path = m_dir.filePath(QStringLiteral("a folder.xlsx"));
        QVERIFY(QDir().mkpath(path));
        const auto result = XlsxExport::write(m_data, m_findings, path);
        QVERIFY(!result);
        QVERIFY2(result.error().detail.contains(path), qPrintable(result.error().detail));
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral(".fieldsurvey-export-*")}, QDir::Files | QDir::Hidden),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "tst_xlsxexport.moc"
