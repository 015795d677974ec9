#include "demofloorplan.h"
#include "exif.h"
#include "exifjpeg.h"
#include "migrator.h"
#include "processrun.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = fs::test::ProcessRun;

Run runCli(const QStringList &arguments,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return fs::test::runProgram(QStringLiteral(FS_CLI), arguments, env);
}

// An environment with no display at all, as on a server or in CI.
QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    // Were a QGuiApplication created, the xcb platform would abort without a display.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    return env;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void printsVersion()
    {
        const Run run = runCli({QStringLiteral("--version")}, headless());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QByteArray("fieldsurvey-cli " FS_EXPECTED_VERSION));
    }

    void printsHelpWithCommands()
    {
        const Run run = runCli({QStringLiteral("--help")}, headless());
        QCOMPARE(run.exitCode, 0);
        for (const char *word : {"show", "demo", "info", "network", "--version"})
            QVERIFY2(run.out.contains(word), word);
    }

    void unknownCommandIsAUsageError()
    {
        const Run run = runCli({QStringLiteral("frobnicate")}, headless());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(runCli({}, headless()).exitCode, 2);
    }

    void writesAndShowsTheDemo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        Run run = runCli({QStringLiteral("demo"), path}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(path));

        run = runCli({QStringLiteral("show"), path, QStringLiteral("--json")}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(json[QStringLiteral("hospital")][QStringLiteral("name")].toString(),
                 QStringLiteral("さぬき中央病院"));
        QCOMPARE(json[QStringLiteral("lines")][0][QStringLiteral("caf_id")].toString(),
                 QStringLiteral("CAF0001"));
        QCOMPARE(json[QStringLiteral("terminals")].toArray().size(), 5);

        run = runCli({QStringLiteral("show"), path}, headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("さぬき中央病院 (3710000001)")));

        // An existing file is never overwritten.
        const QByteArray before = fs::test::readFile(path);
        run = runCli({QStringLiteral("demo"), path}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("exists already"));
        QCOMPARE(fs::test::readFile(path), before);
    }

    void reportsBadFilesClearly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.fsv"));
        QVERIFY(fs::test::writeFile(path, QByteArray("garbage")));
        Run run = runCli({QStringLiteral("show"), path}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not_a_survey") && run.err.contains(path.toUtf8()), run.err.constData());

        run = runCli({QStringLiteral("show"), dir.filePath(QStringLiteral("missing.fsv"))}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no such file"), run.err.constData());

        run = runCli({QStringLiteral("show")}, headless());
        QCOMPARE(run.exitCode, 2);
    }

    void printsComponentVersions()
    {
        const Run run = runCli({QStringLiteral("info")}, headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("FieldSurvey " FS_EXPECTED_VERSION));
        QVERIFY(run.out.contains("SQLite 3."));
        QVERIFY(run.out.contains("libssh 0."));
        QVERIFY(run.out.contains(
            QStringLiteral("survey schema %1").arg(fs::model::Migrator::latestVersion()).toUtf8()));
    }

    void setsFieldsAllOrNothingAndKeepsHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), path}, headless()).exitCode, 0);

        Run run = runCli({QStringLiteral("set"), path,
                          QStringLiteral("line.CAF0001.onu_location_found=本館 3F 2番ラック"),
                          QStringLiteral("line.1.onu_location_status=corrected"),
                          QStringLiteral("terminal.2.note=立会い必須"), QStringLiteral("--actor"),
                          QStringLiteral("調査 一郎")},
                         headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("line.1.onu_location_status: \"unchecked\" → \"corrected\"")),
                 qPrintable(out));

        // One bad assignment: nothing of the batch is saved, and the message names it.
        run = runCli({QStringLiteral("set"), path, QStringLiteral("terminal.2.note=changed"),
                      QStringLiteral("line.1.protection=maybe")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("protection") && run.err.contains("maybe"), run.err.constData());
        run = runCli({QStringLiteral("set"), path, QStringLiteral("line.CAF0099.note=x")}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("CAF0099"), run.err.constData());
        run = runCli({QStringLiteral("set"), path, QStringLiteral("no-equals-sign")}, headless());
        QCOMPARE(run.exitCode, 2);

        run = runCli({QStringLiteral("show"), path, QStringLiteral("--json")}, headless());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json[QStringLiteral("terminals")][1][QStringLiteral("site_note")].toString(),
                 QStringLiteral("立会い必須"));
        QCOMPARE(json[QStringLiteral("lines")][0][QStringLiteral("onu_location_found")].toString(),
                 QStringLiteral("本館 3F 2番ラック"));

        run = runCli({QStringLiteral("history"), path}, headless());
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        QVERIFY2(lines.last().contains(
                     QStringLiteral("調査 一郎  update  terminal 2  note: \"\" → \"立会い必須\"")),
                 qPrintable(lines.last()));

        run = runCli({QStringLiteral("history"), path, QStringLiteral("--json")}, headless());
        const QJsonArray trail = QJsonDocument::fromJson(run.out).array();
        QVERIFY(!trail.isEmpty());
        QCOMPARE(trail.last()[QStringLiteral("label")].toString(), QStringLiteral("terminal 2"));
        QCOMPARE(trail.last()[QStringLiteral("actor")].toString(), QStringLiteral("調査 一郎"));
    }

    void reviewsFromTheCommandLine()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("surveys")));
        const QString path = dir.filePath(QStringLiteral("surveys/demo.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), path}, headless()).exitCode, 0);
        const QString lead = QStringLiteral("リーダー 佐藤");

        // A draft cannot be approved; it is submitted first.
        Run run =
            runCli({QStringLiteral("review"), path, QStringLiteral("--state"), QStringLiteral("approved")},
                   headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("draft") && run.err.contains("approved"), run.err.constData());
        QCOMPARE(
            runCli({QStringLiteral("review"), path, QStringLiteral("--state"), QStringLiteral("submitted")},
                   headless())
                .exitCode,
            0);
        run = runCli({QStringLiteral("review"), path, QStringLiteral("--comment"), QStringLiteral("line:2"),
                      QStringLiteral("--text"), QStringLiteral("回線IDの写真がありません"),
                      QStringLiteral("--state"), QStringLiteral("returned"), QStringLiteral("--actor"), lead},
                     headless());
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("state: returned (") + lead), run.out.constData());
        QVERIFY(out.contains(QStringLiteral("open\tconnection_point:")));
        QVERIFY(out.contains(QStringLiteral("回線IDの写真がありません")));
        const QString commentUuid =
            out.section(QStringLiteral("comment "), 1).section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(commentUuid.size(), 36);

        // Unknown items and a comment without text are refused, naming what is wrong.
        run = runCli({QStringLiteral("review"), path, QStringLiteral("--comment"), QStringLiteral("line:9"),
                      QStringLiteral("--text"), QStringLiteral("x")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("9"), run.err.constData());
        QCOMPARE(
            runCli({QStringLiteral("review"), path, QStringLiteral("--comment"), QStringLiteral("survey")},
                   headless())
                .exitCode,
            2);

        run = runCli({QStringLiteral("review"), path, QStringLiteral("--resolve"), commentUuid}, headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("dealt-with")));

        // The portfolio of the folder: one line per survey, a broken file named and exit 1.
        run = runCli({QStringLiteral("portfolio"), dir.filePath(QStringLiteral("surveys"))}, headless());
        QCOMPARE(run.exitCode, 0);
        QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(QStringLiteral("\treturned\t")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QStringLiteral("さぬき中央病院")));
        QFile broken(dir.filePath(QStringLiteral("surveys/broken.fsv")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a survey");
        broken.close();
        run = runCli({QStringLiteral("portfolio"), dir.filePath(QStringLiteral("surveys"))}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("broken.fsv"), run.err.constData());
        lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
    }

    void refusesASurveyAnotherProgramEdits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), path}, headless()).exitCode, 0);
        auto editing = fs::model::SurveyStore::open(path); // this test process edits it
        QVERIFY(editing.has_value());
        Run run = runCli({QStringLiteral("set"), path, QStringLiteral("hospital.name=x")}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("locked") &&
                     run.err.contains(QByteArray::number(QCoreApplication::applicationPid())),
                 run.err.constData());
        // Reading is still possible.
        QCOMPARE(runCli({QStringLiteral("show"), path}, headless()).exitCode, 0);
        editing->reset();
        QCOMPARE(
            runCli({QStringLiteral("set"), path, QStringLiteral("hospital.name=x")}, headless()).exitCode, 0);
    }

    void printsFindingsAndWritesTheReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), path}, headless()).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("set"), path, QStringLiteral("line.CAF0001.emr_reachability=direct"),
                         QStringLiteral("line.CAF0001.protection=none")},
                        headless())
                     .exitCode,
                 0);
        // Read-only: the survey file does not change.
        const QByteArray before = fs::test::readFile(path);
        Run run = runCli({QStringLiteral("findings"), path, QStringLiteral("--json")}, headless());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root.value(QStringLiteral("hospital")).toString(), QStringLiteral("さぬき中央病院"));
        QCOMPARE(root.value(QStringLiteral("counts")).toObject().value(QStringLiteral("danger")).toInt(), 1);
        QStringList rules;
        for (const QJsonValue &f : root.value(QStringLiteral("findings")).toArray()) {
            rules << f.toObject().value(QStringLiteral("rule")).toString();
            QVERIFY(!f.toObject().value(QStringLiteral("stored")).toBool());
        }
        QVERIFY2(rules.contains(QStringLiteral("line.emr_direct_unencrypted")),
                 qPrintable(rules.join(QLatin1Char(','))));
        QCOMPARE(fs::test::readFile(path), before);
        // --refresh stores them.
        run =
            runCli({QStringLiteral("findings"), path, QStringLiteral("--refresh"), QStringLiteral("--json")},
                   headless());
        QCOMPARE(run.exitCode, 0);
        for (const QJsonValue &f :
             QJsonDocument::fromJson(run.out).object().value(QStringLiteral("findings")).toArray())
            QVERIFY(f.toObject().value(QStringLiteral("stored")).toBool());

        // The report, on a machine without a display.
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const QString xlsx = dir.filePath(QStringLiteral("report.xlsx"));
        run = runCli(
            {QStringLiteral("report"), path, QStringLiteral("--pdf"), pdf, QStringLiteral("--xlsx"), xlsx},
            headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("pages"));
        QCOMPARE(fs::test::readFile(pdf).left(5), QByteArrayLiteral("%PDF-"));
        QCOMPARE(fs::test::readFile(xlsx).left(2), QByteArrayLiteral("PK"));
        // Usage errors.
        QCOMPARE(runCli({QStringLiteral("report"), path}, headless()).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("findings")}, headless()).exitCode, 2);
        run = runCli({QStringLiteral("report"), path, QStringLiteral("--pdf"),
                      dir.filePath(QStringLiteral("no/such/r.pdf"))},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("r.pdf"));
    }

    void importsWorkbooks()
    {
        QTemporaryDir dir;
        const QString workbook = fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx"));
        const QString survey = dir.filePath(QStringLiteral("imported.fsv"));
        Run run = runCli({QStringLiteral("import"), workbook, QStringLiteral("--dry-run")}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("lines: 4, devices: 5, terminals: 5") &&
                     run.out.contains("dynamic_ip_scan_day"),
                 run.out.constData());
        QVERIFY(!QFile::exists(survey));

        run = runCli({QStringLiteral("import"), workbook, QStringLiteral("--out"), survey}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCli({QStringLiteral("show"), survey, QStringLiteral("--json")}, headless());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json[QStringLiteral("hospital")][QStringLiteral("name")].toString(),
                 QStringLiteral("さぬき中央病院"));
        QCOMPARE(json[QStringLiteral("floorplans")][0][QStringLiteral("pins")].toArray().size(), 4);
        QCOMPARE(json[QStringLiteral("warnings")][0][QStringLiteral("code")].toString(),
                 QStringLiteral("dynamic_ip_scan_day"));

        // Never over an existing survey; usage errors.
        QCOMPARE(runCli({QStringLiteral("import"), workbook, QStringLiteral("--out"), survey}, headless())
                     .exitCode,
                 1);
        QCOMPARE(runCli({QStringLiteral("import"), workbook}, headless()).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("import"), workbook, QStringLiteral("--out"), survey,
                         QStringLiteral("--dry-run")},
                        headless())
                     .exitCode,
                 2);
    }

    void refusedWorkbooksCreateNoSurvey()
    {
        QTemporaryDir dir;
        const QString notAWorkbook = dir.filePath(QStringLiteral("minutes.xlsx"));
        QVERIFY(fs::test::writeFile(notAWorkbook, "議事録: this is not a spreadsheet"));
        const QString survey = dir.filePath(QStringLiteral("never.fsv"));
        const Run run =
            runCli({QStringLiteral("import"), notAWorkbook, QStringLiteral("--out"), survey}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("minutes.xlsx") && run.err.contains("zip"), run.err.constData());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("minutes.xlsx")});
    }

    void verifiesAndExports()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.fsv"));
        const QString copy = dir.filePath(QStringLiteral("copy.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), path}, headless()).exitCode, 0);
        Run run = runCli({QStringLiteral("verify"), path}, headless());
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("ok: "), run.err.constData());

        run = runCli({QStringLiteral("export"), path, QStringLiteral("--out"), copy}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCli({QStringLiteral("show"), copy}, headless());
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("さぬき中央病院")));
        // Never over an existing file.
        run = runCli({QStringLiteral("export"), path, QStringLiteral("--out"), copy}, headless());
        QCOMPARE(run.exitCode, 1);

        // Damage a page in the middle of the copy: verify says so and fails.
        QByteArray bytes = fs::test::readFile(copy);
        QVERIFY(bytes.size() > 16384);
        for (qsizetype i = 8192; i < 8192 + 4096; ++i)
            bytes[i] = char(0x5a);
        QVERIFY(fs::test::writeFile(copy, bytes));
        run = runCli({QStringLiteral("verify"), copy}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.err.isEmpty(), run.out.constData());
    }

    // The dynamic loader lists every shared object it maps, including plugins loaded later. No
    // widgets and no windowing-system plugin may appear. (QtGui itself may: survey_model uses
    // its value types, QImage and QUndoStack, which need neither a display nor a QGuiApplication.)
    void loadsNoGuiLibraries()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("reads the dynamic loader's LD_DEBUG output (glibc)");
#endif
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        QProcessEnvironment env = headless();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        const Run run = runCli({QStringLiteral("demo"), path}, env);
        QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
        QVERIFY2(run.err.contains("libQt6Core.so"), "LD_DEBUG output missing: the check would be blind");
        for (const char *forbidden :
             {"libQt6Widgets.so", "/platforms/", "libQt6XcbQpa", "libQt6WaylandClient"})
            QVERIFY2(!run.err.contains(forbidden), forbidden);
    }

    void networkStateIsOfflineWithoutNetwork()
    {
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare (util-linux) is not installed");
        QProcess process;
        process.start(unshare, {QStringLiteral("--net"), QStringLiteral(FS_CLI), QStringLiteral("network")});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 0 && err.contains("unshare"))
            QSKIP("this machine does not allow new network namespaces");
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(process.readAllStandardOutput().startsWith("offline"), err.constData());
    }

    // The offline-backup questionnaire from the command line: classify an answers file, store it,
    // decide otherwise (refused without a reason), mark an item, count the classes of many surveys.
    void classifiesAndDecidesBackupSupport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = fs::test::sourceDir() + QStringLiteral("/tests/data/backup/");
        Run run = runCli({QStringLiteral("backup"), QStringLiteral("classify"),
                          data + QStringLiteral("contradiction-claims-operating-on-shared-nas.json"),
                          QStringLiteral("--json")},
                         headless());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject assessment =
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("assessment")).toObject();
        QCOMPARE(assessment.value(QStringLiteral("class_label")).toString(), QStringLiteral("支援B"));
        QCOMPARE(assessment.value(QStringLiteral("contradictions")).toInt(), 2);

        run = runCli(
            {QStringLiteral("backup"), QStringLiteral("classify"), data + QStringLiteral("missing.json")},
            headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(QString::fromUtf8(run.err).contains(QStringLiteral("missing.json")));
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"copies": [{"method": "floppy"}]})");
        }
        run = runCli({QStringLiteral("backup"), QStringLiteral("classify"), broken}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("copies[0].method")),
                 run.err.constData());

        const QString a = dir.filePath(QStringLiteral("a.fsv"));
        const QString b = dir.filePath(QStringLiteral("b.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), a}, headless()).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("demo"), b}, headless()).exitCode, 0);
        run = runCli({QStringLiteral("backup"), QStringLiteral("answer"), b,
                      data + QStringLiteral("not-applicable-tape-offsite.json")},
                     headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).startsWith(QStringLiteral("支援区分: 対象外")));

        // No reason, no decision; with one, the class changes and the computed one is still shown.
        run = runCli({QStringLiteral("backup"), QStringLiteral("override"), a, QStringLiteral("--class"),
                      QStringLiteral("支援C")},
                     headless());
        QCOMPARE(run.exitCode, 2);
        run = runCli({QStringLiteral("backup"), QStringLiteral("override"), a, QStringLiteral("--class"),
                      QStringLiteral("C"), QStringLiteral("--reason"),
                      QStringLiteral("既存NASに媒体を追加する方針"), QStringLiteral("--actor"),
                      QStringLiteral("事務局 鈴木")},
                     headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).contains(
            QStringLiteral("算定結果 支援A → 事務局判断: 既存NASに媒体を追加する方針（事務局 鈴木）")));
        run = runCli({QStringLiteral("backup"), QStringLiteral("task"), a, QStringLiteral("planning_meeting"),
                      QStringLiteral("--state"), QStringLiteral("not_needed")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(QString::fromUtf8(run.err).contains(QStringLiteral("needs a reason")));
        // Single answers in the programme's words.
        run = runCli({QStringLiteral("set"), a, QStringLiteral("backup.copy.2.separation=取り外して保管")},
                     headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("physically_disconnected")));

        const QString csv = dir.filePath(QStringLiteral("portfolio.csv"));
        run = runCli({QStringLiteral("backup"), QStringLiteral("summary"), a, b, QStringLiteral("--json"),
                      QStringLiteral("--csv"), csv},
                     headless());
        QCOMPARE(run.exitCode, 0);
        const QByteArray out = run.out.mid(run.out.indexOf('{'));
        const QJsonObject counts =
            QJsonDocument::fromJson(out).object().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("支援C")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("対象外")).toInt(), 1); // b
        QCOMPARE(counts.value(QStringLiteral("支援A")).toInt(), 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads it as UTF-8
        const QString text = QString::fromUtf8(bytes);
        // a's HDD is now kept unplugged: computed 対象外, decided 支援C.
        QVERIFY2(text.contains(QStringLiteral("\"支援C\",\"対象外\",\"既存NASに媒体を追加する方針\"")),
                 qPrintable(text));
    }

    void judgesAndRecordsTerminalFacts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString example =
            fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/pacs-vw02-ltsc2021.json");
        // evaluate: the same judgement as the app, as JSON.
        Run run = runCli({QStringLiteral("terminal"), QStringLiteral("evaluate"), example,
                          QStringLiteral("--date"), QStringLiteral("2026-11-24"), QStringLiteral("--json")},
                         headless());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject judged = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(judged.value(QStringLiteral("os")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Windows 10 Enterprise LTSC 2021"));
        QCOMPARE(
            judged.value(QStringLiteral("os")).toObject().value(QStringLiteral("endOfServicing")).toString(),
            QStringLiteral("2027-01-12"));
        QCOMPARE(judged.value(QStringLiteral("findings")).toArray().size(), 5);

        // import: the computer name PACS-VW02 is no terminal of the demo; --terminal names one.
        const QString survey = dir.filePath(QStringLiteral("demo.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), survey}, headless()).exitCode, 0);
        run = runCli({QStringLiteral("terminal"), QStringLiteral("import"), survey, example}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("PACS-VW02") && run.err.contains("--terminal"), run.err.constData());
        run = runCli({QStringLiteral("terminal"), QStringLiteral("import"), survey, example,
                      QStringLiteral("--terminal"), QStringLiteral("3")},
                     headless());
        QCOMPARE(run.exitCode, 0);
        {
            auto store = fs::model::SurveyStore::open(survey, fs::model::SurveyStore::OpenMode::ReadOnly);
            QVERIFY(store.has_value());
            const auto terminals = (*store)->terminals();
            QVERIFY(terminals.has_value());
            QCOMPARE(terminals->at(2).checks.size(), 5);
        }

        // A broken file: refused with its name and place; the survey is not touched.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(fs::test::writeFile(broken, fs::test::readFile(example).left(300)));
        run = runCli({QStringLiteral("terminal"), QStringLiteral("import"), survey, broken,
                      QStringLiteral("--terminal"), QStringLiteral("4")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("broken.json: line "), run.err.constData());

        // Several files: all or nothing. With one that matches no terminal, none is recorded.
        QByteArray lab = fs::test::readFile(fs::test::sourceDir() +
                                            QStringLiteral("/tests/data/terminals/lab-sv01-server2016.json"));
        lab.replace("\"LAB-SV01\"", "\"PCLAB01\"");
        const QString labFile = dir.filePath(QStringLiteral("PCLAB01.json"));
        QVERIFY(fs::test::writeFile(labFile, lab));
        const QString emr =
            fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json");
        run =
            runCli({QStringLiteral("terminal"), QStringLiteral("import"), survey, labFile, emr}, headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("EMR-PC01"), run.err.constData());
        QByteArray emrBytes = fs::test::readFile(emr);
        emrBytes.replace("\"EMR-PC01\"", "\"PCEMR01\"");
        const QString emrFile = dir.filePath(QStringLiteral("PCEMR01.json"));
        QVERIFY(fs::test::writeFile(emrFile, emrBytes));
        {
            auto store = fs::model::SurveyStore::open(survey, fs::model::SurveyStore::OpenMode::ReadOnly);
            QVERIFY(store.has_value());
            QCOMPARE((*store)->terminals()->at(3).checks.size(), 0);
        }
        run = runCli({QStringLiteral("terminal"), QStringLiteral("import"), survey, labFile, emrFile},
                     headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("terminal 4 (PCLAB01): recorded") &&
                     run.out.contains("terminal 1 (PCEMR01): recorded"),
                 run.out.constData());

        // script: the collector and its wrapper, as shipped.
        const QString stick = dir.filePath(QStringLiteral("stick"));
        QVERIFY(QDir().mkpath(stick));
        run = runCli({QStringLiteral("terminal"), QStringLiteral("script"), QStringLiteral("--out"), stick},
                     headless());
        QCOMPARE(run.exitCode, 0);
        for (const QString &name :
             {QStringLiteral("fieldsurvey-terminal.ps1"), QStringLiteral("fieldsurvey-terminal.cmd")})
            QCOMPARE(
                fs::test::readFile(QDir(stick).filePath(name)),
                fs::test::readFile(fs::test::sourceDir() + QStringLiteral("/resources/collector/") + name));
        QCOMPARE(runCli({QStringLiteral("terminal"), QStringLiteral("frob")}, headless()).exitCode, 2);
    }

    void plansPinsAndPhotosEndToEnd()
    {
        QTemporaryDir dir;
        const QString survey = dir.filePath(QStringLiteral("plans.fsv"));
        QCOMPARE(runCli({QStringLiteral("demo"), survey}, headless()).exitCode, 0);
        const QString pdf = dir.filePath(QStringLiteral("本館.pdf"));
        QVERIFY(fs::test::writeFile(pdf, fs::model::DemoFloorPlan::pdf()));

        Run run = runCli({QStringLiteral("plan"), QStringLiteral("pages"), pdf}, headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("420×297 mm")), run.out.constData());
        run = runCli(
            {QStringLiteral("plan"), QStringLiteral("add"), survey, pdf, QStringLiteral("--all-pages")},
            headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCli({QStringLiteral("plan"), QStringLiteral("add"), survey, pdf, QStringLiteral("--page"),
                      QStringLiteral("3")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("本館.pdf")), run.err.constData());

        // A pin on plan 3 (the added copy of 3F) at the middle, for line 1's ONU; moved; relinked.
        run = runCli({QStringLiteral("pin"), QStringLiteral("add"), survey, QStringLiteral("3"),
                      QStringLiteral("0.5,0.5"), QStringLiteral("--kind"), QStringLiteral("onu"),
                      QStringLiteral("--target"), QStringLiteral("line:CAF0001"), QStringLiteral("--label"),
                      QStringLiteral("ONU 1")},
                     headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(runCli({QStringLiteral("pin"), QStringLiteral("add"), survey, QStringLiteral("3"),
                         QStringLiteral("1.5,0.5")},
                        headless())
                     .exitCode,
                 2);
        run = runCli({QStringLiteral("pin"), QStringLiteral("add"), survey, QStringLiteral("3"),
                      QStringLiteral("0.1,0.1"), QStringLiteral("--target"), QStringLiteral("line:99")},
                     headless());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("line:99")), run.err.constData());
        QCOMPARE(runCli({QStringLiteral("pin"), QStringLiteral("move"), survey, QStringLiteral("3.1"),
                         QStringLiteral("0.25,0.75")},
                        headless())
                     .exitCode,
                 0);
        QCOMPARE(runCli({QStringLiteral("pin"), QStringLiteral("link"), survey, QStringLiteral("3.1"),
                         QStringLiteral("terminal:2")},
                        headless())
                     .exitCode,
                 0);
        QCOMPARE(runCli({QStringLiteral("plan"), QStringLiteral("rotate"), survey, QStringLiteral("3"),
                         QStringLiteral("270")},
                        headless())
                     .exitCode,
                 0);
        QCOMPARE(runCli({QStringLiteral("plan"), QStringLiteral("rotate"), survey, QStringLiteral("3"),
                         QStringLiteral("45")},
                        headless())
                     .exitCode,
                 1);
        run = runCli({QStringLiteral("plan"), QStringLiteral("list"), survey}, headless());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("rotated 270°")), run.out.constData());
        QVERIFY2(
            QString::fromUtf8(run.out).contains(QStringLiteral("3.1  onu  0.2500,0.7500  terminal:2  ONU 1")),
            run.out.constData());

        // Photos from a camera folder: one is a copy; one linked to the pin; exported without GPS.
        QTemporaryDir card;
        QImage image(48, 32, QImage::Format_RGB32);
        fs::test::ExifSpec spec;
        spec.gps = true;
        spec.dateTimeOriginal = "2026:11:24 09:15:00";
        for (int i = 0; i < 2; ++i) {
            image.fill(QColor(60 * i, 100, 200));
            QVERIFY(fs::test::writeFile(card.filePath(QStringLiteral("DSC_%1.JPG").arg(i)),
                                        fs::test::jpegWithExif(image, spec, true)));
        }
        QVERIFY(QFile::copy(card.filePath(QStringLiteral("DSC_0.JPG")),
                            card.filePath(QStringLiteral("DSC_7.JPG"))));
        run = runCli({QStringLiteral("photo"), QStringLiteral("import"), survey, card.path()}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("imported 2, already in the survey 1")),
                 run.out.constData());
        QCOMPARE(runCli({QStringLiteral("photo"), QStringLiteral("link"), survey, QStringLiteral("2"),
                         QStringLiteral("pin:3.1")},
                        headless())
                     .exitCode,
                 0);
        run = runCli({QStringLiteral("photo"), QStringLiteral("list"), survey}, headless());
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("2026-11-24T09:15:00+09:00")),
                 run.out.constData());
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("pin:")), run.out.constData());
        const QString out = dir.filePath(QStringLiteral("out"));
        run = runCli({QStringLiteral("photo"), QStringLiteral("export"), survey, out}, headless());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        for (const QString &name : files) {
            QFile file(QDir(out).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            auto facts = fs::model::readExif(file, name);
            QVERIFY(facts.has_value() && !facts->hasGps && facts->takenAt.isValid());
        }
        // The survey is sound and the edits were audited.
        QCOMPARE(runCli({QStringLiteral("verify"), survey}, headless()).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
