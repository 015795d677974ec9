// fieldsurvey-cli parse: the built binary, run as an investigator would, on saved device output.
#include "processrun.h"
#include "testpaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = fs::test::ProcessRun;

// The CLI's parse command, with no display (it needs none).
Run runCli(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return fs::test::runProgram(QStringLiteral(FS_CLI), QStringList{QStringLiteral("parse")} + arguments,
                                env);
}

QString corpusFile(const QString &relative)
{
    return QDir(fs::test::sharedDir()).filePath(QStringLiteral("corpus/devices/") + relative);
}

QJsonObject json(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), run.out.constData());
    return document.object();
}

} // namespace

class TestParseCommand : public QObject
{
    Q_OBJECT

private slots:
    void listsProfiles()
    {
        const Run run = runCli({QStringLiteral("--list-profiles")});
        QCOMPARE(run.exitCode, 0);
        for (const char *id : {"cisco_ios\t", "fortinet\t", "yamaha\t", "nec_ix\t", "linux\t"})
            QVERIFY2(run.out.contains(id), id);
    }

    void detectsAndPrintsJson()
    {
        const Run run = runCli({corpusFile(
            QStringLiteral("fortinet/get_system_status/fortinet_get_system_status_7.0_40f.raw"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = json(run);
        QCOMPARE(o.value(QLatin1StringView("profile")).toString(), QStringLiteral("fortinet"));
        QCOMPARE(o.value(QLatin1StringView("vendor")).toString(), QStringLiteral("Fortinet"));
        QCOMPARE(o.value(QLatin1StringView("model")).toString(), QStringLiteral("FortiGate-40F"));
        QCOMPARE(o.value(QLatin1StringView("version")).toString(),
                 QStringLiteral("v7.0.15,build0632,240401 (GA.M)"));
        QCOMPARE(o.value(QLatin1StringView("serial")).toString(), QStringLiteral("FGT40XXXXXXXXXXX"));
        QCOMPARE(o.value(QLatin1StringView("hostname")).toString(), QStringLiteral("FGT-fw-a"));
        QCOMPARE(o.value(QLatin1StringView("encoding")).toString(), QStringLiteral("UTF-8"));
        QCOMPARE(
            o.value(QLatin1StringView("facts")).toObject().value(QLatin1StringView("ha_mode")).toString(),
            QStringLiteral("a-p, primary"));
        for (const char *key : {"uptime", "notes"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
    }

    void explicitProfileAndEncoding()
    {
        const QString sjis =
            QDir(fs::test::sourceDir())
                .filePath(
                    QStringLiteral("tests/data/devices/yamaha/show_environment/yamaha_rtx1210_ja_sjis.raw"));
        const Run run = runCli({QStringLiteral("--profile"), QStringLiteral("yamaha"), sjis});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = json(run);
        QCOMPARE(o.value(QLatin1StringView("model")).toString(), QStringLiteral("RTX1210"));
        QCOMPARE(o.value(QLatin1StringView("version")).toString(), QStringLiteral("14.01.40"));
        QCOMPARE(o.value(QLatin1StringView("encoding")).toString(), QStringLiteral("Shift_JIS"));
    }

    void unrecognisedOutputFailsWithTheReason()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("printer.txt"));
        QVERIFY(fs::test::writeFile(path, "Toner: 40%\nPages printed: 1234\n"));
        const Run run = runCli({path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no profile recognises this output"), run.err.constData());
        QCOMPARE(json(run).value(QLatin1StringView("profile")).toString(), QString());
    }

    void forcedProfileOnForeignOutputFails()
    {
        const Run run =
            runCli({QStringLiteral("--profile"), QStringLiteral("cisco_asa"),
                    corpusFile(QStringLiteral("yamaha/show_environment/yamaha_show_environment.raw"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("could not be identified"), run.err.constData());
        QCOMPARE(json(run).value(QLatin1StringView("vendor")).toString(), QString());
    }

    void unreadableFileIsNamed()
    {
        const QString missing = QDir::temp().filePath(QStringLiteral("fieldsurvey-no-such-output.txt"));
        const Run run = runCli({missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void usageErrors()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        const Run unknown = runCli({QStringLiteral("--profile"), QStringLiteral("no_such_os"),
                                    corpusFile(QStringLiteral("manifest.tsv"))});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no_such_os"));
        QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestParseCommand)
#include "tst_parsecommand.moc"
