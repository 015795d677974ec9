#include "crashhandler.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    // The real application crashes right after an edit: the user is told, a report is written
    // without the process's secrets, and the survey holds the edit and is sound.
    void crashKeepsTheSurveyAndReports()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("crash reports are written from POSIX signal handlers");
#endif
        QTemporaryDir dir;
        const QString survey = dir.filePath(QStringLiteral("survey.fsv"));
        QProcess demo;
        demo.start(QStringLiteral(FS_CLI), {QStringLiteral("demo"), survey});
        QVERIFY(demo.waitForFinished(30000) && demo.exitCode() == 0);

        const QString secret = QStringLiteral("portal-passphrase-7Qx!");
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("FIELDSURVEY_CRASH_TEST"), QStringLiteral("1"));
        env.insert(QStringLiteral("FIELDSURVEY_PORTAL_PASSWORD"), secret); // must not reach the report
        env.remove(QStringLiteral("ASAN_OPTIONS")); // the app's own handler reports, not the sanitizer
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(FS_APP),
                  {survey, QStringLiteral("--crash-test"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        // The report and, from the report process, the dialog.
        const QDir logs(dir.filePath(QStringLiteral("data/FieldSurvey/logs")));
        QStringList shown;
        QElapsedTimer wait;
        wait.start();
        while (shown.isEmpty() && wait.elapsed() < 30000) {
            QThread::msleep(100);
            shown = logs.entryList({QStringLiteral("crash-*.txt.shown")});
        }
        QVERIFY2(!shown.isEmpty(), qPrintable(logs.entryList().join(QLatin1Char(' '))));
        const QString dialog = QString::fromUtf8(fs::test::readFile(logs.filePath(shown.first())));
        QVERIFY2(dialog.contains(QStringLiteral("saved in the survey file")), qPrintable(dialog));
        const QString reportName = shown.first().chopped(6);
        QVERIFY(dialog.contains(reportName));
        // The report process appends the log tail once the dialog is up; wait for it.
        QString report;
        wait.restart();
        while (!report.contains(QStringLiteral("log (last lines)")) && wait.elapsed() < 10000) {
            report = QString::fromUtf8(fs::test::readFile(logs.filePath(reportName)));
            QThread::msleep(50);
        }
        QVERIFY2(report.startsWith(QStringLiteral("FieldSurvey " FS_VERSION " crashed")),
                 qPrintable(report.left(200)));
        QVERIFY2(report.contains(QStringLiteral("SIGSEGV")), qPrintable(report.left(400)));
        QVERIFY2(report.contains(QStringLiteral("stack:")), qPrintable(report.left(400)));
        QVERIFY2(report.contains(QStringLiteral("log (last lines)")), qPrintable(report.right(400)));
        QVERIFY2(!report.contains(secret), "the process environment reached the crash report");
        QVERIFY2(!report.contains(QStringLiteral("--crash-test")),
                 "the command line reached the crash report");

        // The survey: sound, and the edit made just before the crash is there.
        auto store = fs::model::SurveyStore::open(survey);
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
        const auto problems = (*store)->verify();
        QVERIFY(problems.has_value() && problems->isEmpty());
        QCOMPARE((*store)->connectionPoints()->first().note, QStringLiteral("entered just before the crash"));
    }

    void credentialsAreBlankedFromLogTails_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("removed");
        QTest::newRow("password") << QStringLiteral("ssh login with password=hunter2") << true;
        QTest::newRow("passphrase") << QStringLiteral("certificate passphrase: abc") << true;
        QTest::newRow("api token") << QStringLiteral("X-Cybozu-API-Token: 12345") << true;
        QTest::newRow("authorization") << QStringLiteral("Authorization: Basic dXNlcjpwYXNz") << true;
        QTest::newRow("japanese") << QStringLiteral("パスワード: abc") << true;
        QTest::newRow("ordinary") << QStringLiteral("fs.model.store: opened survey.fsv read-write") << false;
    }

    void credentialsAreBlankedFromLogTails()
    {
        QFETCH(QString, line);
        QFETCH(bool, removed);
        const QString text = QStringLiteral("before\n") + line + QStringLiteral("\nafter");
        const QString out = fs::app::CrashHandler::redacted(text);
        QCOMPARE(out.contains(line), !removed);
        QVERIFY(out.startsWith(QStringLiteral("before\n")) && out.endsWith(QStringLiteral("\nafter")));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
