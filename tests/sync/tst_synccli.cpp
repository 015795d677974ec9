// fieldsurvey-cli sync and portal, against the kintone test server: secrets from standard input,
// a sync killed with SIGKILL halfway and resumed, the hospital list past kintone's 10,000-record
// offset limit, a submitted workbook downloaded and imported, and `portal schema`.
#include "processrun.h"
#include "syncfixture.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace fs;
using namespace fs::sync;
using fs::test::PortalTestServer;

namespace {

QByteArray secretsInput()
{
    return QByteArray(PortalTestServer::kPassphrase) + '\n' + PortalTestServer::kPassword + '\n';
}

fs::test::ProcessRun cli(const QStringList &arguments, const QByteArray &input = secretsInput())
{
    return fs::test::runProgram(QStringLiteral(FS_CLI), arguments, QProcessEnvironment::systemEnvironment(),
                                input, 120000);
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PortalTestServer m_server;
    FieldMapping m_mapping;
    QString m_config;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        PortalTestServer::Options options;
        options.extraArguments << QStringLiteral("--seed-records") << QStringLiteral("2=10600");
        const QString started = fs::test::startPortal(m_server, m_mapping, options);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_config = m_server.writeConfig();
    }

    void schemaIsTheMappingsApp()
    {
        const auto run = cli({QStringLiteral("portal"), QStringLiteral("schema")}, {});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject printed = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(printed, m_mapping.surveyFormFields()); // what the test server was built from
        const QJsonObject properties = printed.value(QStringLiteral("properties")).toObject();
        QCOMPARE(properties.value(QStringLiteral("survey_uuid"))
                     .toObject()
                     .value(QStringLiteral("unique"))
                     .toBool(),
                 true);
        QCOMPARE(
            properties.value(QStringLiteral("photos")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("SUBTABLE"));
        const auto hospitals = cli({QStringLiteral("portal"), QStringLiteral("schema"),
                                    QStringLiteral("--app"), QStringLiteral("hospitals")},
                                   {});
        QCOMPARE(QJsonDocument::fromJson(hospitals.out).object(), m_mapping.hospitalFormFields());
    }

    void syncReadsSecretsFromStdin()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.fsv"));
        QCOMPARE(cli({QStringLiteral("demo"), path}, {}).exitCode, 0);
        auto run = cli({QStringLiteral("sync"), path, QStringLiteral("--portal"), m_config,
                        QStringLiteral("--secrets-stdin")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("(created)"), run.out.constData());
        QVERIFY(run.out.contains("unsynced changes: 0"));
        run = cli({QStringLiteral("sync"), path, QStringLiteral("--portal"), m_config,
                   QStringLiteral("--secrets-stdin")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("(already up to date)"), run.out.constData());
        // A secret in the configuration file is refused, naming the key.
        const QString leaky = m_dir.filePath(QStringLiteral("leaky.json"));
        const QByteArray leakyJson =
            "{\"baseUrl\": \"https://localhost\", \"login\": \"a\", \"password\": \"x\"}";
        QVERIFY(fs::test::writeFile(leaky, leakyJson));
        run = cli({QStringLiteral("sync"), path, QStringLiteral("--portal"), leaky});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("password") && run.err.contains("never read from the configuration"),
                 run.err.constData());
    }

    // The sync process is killed with SIGKILL halfway through the uploads, then run again: the
    // portal ends with one record and every photo once, and at most the two files that were in
    // flight were sent twice.
    void killedSyncResumes()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed.fsv"));
        {
            auto store = model::DemoSurvey::createOrReplace(path);
            QVERIFY(store);
            QVERIFY(fs::test::addPhotos(**store, 40, 5000, 320));
        }
        QFile::remove(path + QStringLiteral(".lock"));
        m_server.setFaults({{QStringLiteral("seed"), 9},
                            {QStringLiteral("pSlow"), 1.0},
                            {QStringLiteral("slowMs"), 60},
                            {QStringLiteral("only"), QJsonArray{QStringLiteral("file.json")}}});
        const int before = m_server.stats().value(QStringLiteral("uploads")).toInt();
        QProcess process;
        process.start(QStringLiteral(FS_CLI), {QStringLiteral("sync"), path, QStringLiteral("--portal"),
                                               m_config, QStringLiteral("--secrets-stdin")});
        QVERIFY(process.waitForStarted());
        process.write(secretsInput());
        process.closeWriteChannel();
        QElapsedTimer timer;
        timer.start();
        while (m_server.stats().value(QStringLiteral("uploads")).toInt() - before < 15 &&
               timer.elapsed() < 60000)
            QThread::msleep(20);
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        m_server.resetFaults();
        const int sentBeforeKill = m_server.stats().value(QStringLiteral("uploads")).toInt() - before;
        QVERIFY2(sentBeforeKill >= 15 && sentBeforeKill < 43, qPrintable(QString::number(sentBeforeKill)));
        QFile::remove(path + QStringLiteral(".lock"));

        auto run = cli({QStringLiteral("sync"), path, QStringLiteral("--portal"), m_config,
                        QStringLiteral("--secrets-stdin")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const int total = m_server.stats().value(QStringLiteral("uploads")).toInt() - before;
        const int files = 40 + 2 + 1; // photos, floor-plan pages, the survey JSON
        QVERIFY2(total >= files && total <= files + 2,
                 qPrintable(QStringLiteral("%1 uploads for %2 files").arg(total).arg(files)));
        auto store = model::SurveyStore::open(path);
        QVERIFY(store);
        const QJsonArray records = fs::test::recordsOf(m_server, m_mapping, (*store)->surveyInfo()->uuid);
        QCOMPARE(records.size(), 1);
        QCOMPARE(fs::test::rowsOf(records.first().toObject(), QStringLiteral("photos")).size(), 40);
        QCOMPARE(*(*store)->pendingChangeCount(), 0);
    }

    void hospitalListIsReadPastTheOffsetLimit()
    {
        const auto run =
            cli({QStringLiteral("portal"), QStringLiteral("hospitals"), QStringLiteral("--portal"), m_config,
                 QStringLiteral("--secrets-stdin"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 10600);
        QSet<QString> ids;
        for (const QJsonValue &v : list)
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), 10600);
    }

    void submittedWorkbookIsDownloadedAndImported()
    {
        // The office's list: one hospital with its submitted workbook, added as the lead.
        KintoneClient lead(m_server.config(QStringLiteral("lead")));
        QVERIFY(lead.setCredentials(PortalTestServer::credentials(QStringLiteral("lead"))));
        auto workbook =
            std::make_unique<QFile>(fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx")));
        QVERIFY(workbook->open(QIODevice::ReadOnly));
        const QByteArray bytes = workbook->readAll();
        workbook->seek(0);
        auto key = lead.finishUpload(lead.startUpload(
            QStringLiteral("別紙2-1_さぬき中央病院.xlsx"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            std::move(workbook)));
        QVERIFY2(key, key ? "" : qPrintable(key.error().describe()));
        const HospitalAppMapping &h = m_mapping.hospitals();
        auto added = lead.send(
            "POST", QStringLiteral("record"),
            {{QStringLiteral("app"), h.app},
             {QStringLiteral("record"),
              QJsonObject{
                  {h.codeField, QJsonObject{{QStringLiteral("value"), QStringLiteral("3712345678")}}},
                  {h.nameField, QJsonObject{{QStringLiteral("value"), QStringLiteral("さぬき中央病院")}}},
                  {h.workbookField,
                   QJsonObject{{QStringLiteral("value"),
                                QJsonArray{QJsonObject{{QStringLiteral("fileKey"), *key}}}}}}}}},
            false);
        QVERIFY2(added, added ? "" : qPrintable(added.error().describe()));

        const QString xlsx = m_dir.filePath(QStringLiteral("submitted.xlsx"));
        auto run = cli({QStringLiteral("portal"), QStringLiteral("workbook"), QStringLiteral("--portal"),
                        m_config, QStringLiteral("--secrets-stdin"), QStringLiteral("--hospital"),
                        QStringLiteral("3712345678"), QStringLiteral("--out"), xlsx});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(fs::test::readFile(xlsx), bytes);
        const QString survey = m_dir.filePath(QStringLiteral("imported.fsv"));
        run = cli({QStringLiteral("import"), xlsx, QStringLiteral("--out"), survey}, {});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(survey));

        run = cli({QStringLiteral("portal"), QStringLiteral("workbook"), QStringLiteral("--portal"), m_config,
                   QStringLiteral("--secrets-stdin"), QStringLiteral("--hospital"),
                   QStringLiteral("0000000000"), QStringLiteral("--out"),
                   m_dir.filePath(QStringLiteral("none.xlsx"))});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("no hospital with code 0000000000"), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.xlsx"))));
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
