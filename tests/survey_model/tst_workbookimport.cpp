#include "jsoncompare.h"
#include "surveyjson.h"
#include "surveystore.h"
#include "testpaths.h"
#include "workbookimporter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;

namespace {

// Every log message of the process while installed, to check that no secret is ever logged.
QStringList g_log;
QMutex g_logMutex;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

class TestWorkbookImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_manifest;

    QString generated(const QString &file) const
    {
        return QDir(m_dir.path() + QStringLiteral("/variants")).filePath(file);
    }

    // Imports a workbook into a new survey and returns what `show --json` prints.
    QJsonObject importAndShow(const QString &workbook, QString *error)
    {
        auto result = WorkbookImporter::read(workbook);
        if (!result) {
            *error = describe(result.error());
            return {};
        }
        const QString path =
            m_dir.filePath(QStringLiteral("%1.fsv").arg(QFileInfo(workbook).completeBaseName()));
        QFile::remove(path);
        auto store = SurveyStore::create(path);
        if (!store) {
            *error = describe(store.error());
            return {};
        }
        if (auto r = (*store)->importSurvey(result->data); !r) {
            *error = describe(r.error());
            return {};
        }
        auto data = (*store)->load();
        if (!data) {
            *error = describe(data.error());
            return {};
        }
        return SurveyJson::toJson(*data);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is needed to generate the workbook variants");
        QProcess generator;
        generator.setProcessChannelMode(QProcess::MergedChannels);
        generator.start(python,
                        {fs::test::sourceDir() + QStringLiteral("/tests/data/intake/make_workbooks.py"),
                         m_dir.path() + QStringLiteral("/variants"), QStringLiteral("--reference"),
                         fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx"))});
        QVERIFY(generator.waitForFinished(120000));
        QVERIFY2(generator.exitCode() == 0, generator.readAll().constData());
        m_manifest =
            QJsonDocument::fromJson(fs::test::readFile(generated(QStringLiteral("manifest.json")))).object();
        QVERIFY(!m_manifest.value(QStringLiteral("variants")).toArray().isEmpty());
        QVERIFY(!m_manifest.value(QStringLiteral("hostile")).toArray().isEmpty());
    }

    void importsToTheExpectedResult_data()
    {
        QTest::addColumn<QString>("workbook");
        QTest::addColumn<QString>("expected");
        for (const char *name : {"reference", "reference-lo"}) {
            const QString base = QStringLiteral("corpus/intake/%1").arg(QString::fromLatin1(name));
            QTest::newRow(name) << fs::test::sharedFile(base + QStringLiteral(".xlsx"))
                                << fs::test::sharedFile(base + QStringLiteral(".expected.json"));
        }
        const QJsonArray variants = m_manifest.value(QStringLiteral("variants")).toArray();
        for (const QJsonValue &v : variants) {
            QTest::newRow(qPrintable(v[QStringLiteral("name")].toString()))
                << generated(v[QStringLiteral("file")].toString())
                << generated(v[QStringLiteral("expected")].toString());
        }
    }

    void importsToTheExpectedResult()
    {
        QFETCH(QString, workbook);
        QFETCH(QString, expected);
        const QJsonObject want = QJsonDocument::fromJson(fs::test::readFile(expected)).object();
        QVERIFY2(!want.isEmpty(), qPrintable(expected));
        QString error;
        const QJsonObject have = importAndShow(workbook, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *section : {"hospital", "contacts", "lines", "terminals", "floorplans"}) {
            const QString key = QString::fromLatin1(section);
            const QString difference = fs::test::firstDifference(want.value(key), have.value(key), key);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        const QString missing = fs::test::missingWarning(want, have);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QCOMPARE(have.value(QStringLiteral("passwords_imported")).toBool(), false);
        // Every line has its connection-point ID.
        const QJsonArray lines = have.value(QStringLiteral("lines")).toArray();
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(lines[i][QStringLiteral("caf_id")].toString(),
                     QStringLiteral("CAF%1").arg(i + 1, 4, 10, QLatin1Char('0')));
    }

    void refusesHostileFiles_data()
    {
        QTest::addColumn<QString>("workbook");
        QTest::addColumn<QString>("mentions");
        const QJsonArray hostile = m_manifest.value(QStringLiteral("hostile")).toArray();
        for (const QJsonValue &h : hostile)
            QTest::newRow(qPrintable(h[QStringLiteral("name")].toString()))
                << generated(h[QStringLiteral("file")].toString())
                << h[QStringLiteral("mentions")].toString();
        QTest::newRow("missing file")
            << m_dir.filePath(QStringLiteral("nothing.xlsx")) << QStringLiteral("no such file");
        QTest::newRow("a survey, not a workbook")
            << fs::test::sourceDir() + QStringLiteral("/tests/data/surveys/demo-schema-0001.fsv")
            << QStringLiteral("zip");
    }

    void refusesHostileFiles()
    {
        QFETCH(QString, workbook);
        QFETCH(QString, mentions);
        auto result = WorkbookImporter::read(workbook);
        QVERIFY2(!result.has_value(), "a hostile file was imported");
        QVERIFY2(result.error().detail.toLower().contains(mentions),
                 qPrintable(QStringLiteral("expected «%1» in «%2»").arg(mentions, result.error().detail)));
        QVERIFY2(result.error().detail.contains(QFileInfo(workbook).fileName()),
                 qPrintable(result.error().detail));
    }

    void passwordsAreNeverStoredOrLogged()
    {
        const QJsonArray secrets = m_manifest.value(QStringLiteral("secrets")).toArray();
        QVERIFY(secrets.size() >= 4);
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        g_previous = qInstallMessageHandler(captureLog);
        QString error;
        const QJsonObject shown = importAndShow(generated(QStringLiteral("password-sheet.xlsx")), &error);
        qInstallMessageHandler(g_previous);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QByteArray stored = fs::test::readFile(m_dir.filePath(QStringLiteral("password-sheet.fsv")));
        stored += fs::test::readFile(m_dir.filePath(QStringLiteral("password-sheet.fsv-wal")));
        QVERIFY(stored.size() > 10000);
        const QByteArray json = QJsonDocument(shown).toJson();
        const QString log = g_log.join(QLatin1Char('\n'));
        QVERIFY(!log.isEmpty());
        for (const QJsonValue &secret : secrets) {
            const QString s = secret.toString();
            QVERIFY2(!stored.contains(s.toUtf8()),
                     qPrintable(QStringLiteral("«%1» is in the survey file").arg(s)));
            QVERIFY2(!json.contains(s.toUtf8()), qPrintable(QStringLiteral("«%1» is in the JSON").arg(s)));
            QVERIFY2(!log.contains(s), qPrintable(QStringLiteral("«%1» was logged").arg(s)));
        }
        bool said = false;
        for (const QJsonValue &w : shown.value(QStringLiteral("warnings")).toArray())
            said = said || w[QStringLiteral("code")].toString() == QStringLiteral("password_sheet_ignored");
        QVERIFY(said);
    }

    void readsWorkbooksInMemoryAlike()
    {
        const QString path = fs::test::sharedFile(QStringLiteral("corpus/intake/reference-lo.xlsx"));
        auto fromFile = WorkbookImporter::read(path);
        auto fromMemory =
            WorkbookImporter::read(fs::test::readFile(path), QStringLiteral("download.xlsx"), {});
        QVERIFY(fromFile.has_value() && fromMemory.has_value());
        fromMemory->data.survey.sourceWorkbook = fromFile->data.survey.sourceWorkbook;
        QVERIFY(fromFile->data == fromMemory->data);
        auto refused =
            WorkbookImporter::read(QByteArray("PK\x03\x04 broken"), QStringLiteral("download.xlsx"), {});
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().detail.contains(QStringLiteral("download.xlsx")),
                 qPrintable(refused.error().detail));
    }

    void dryRunChecksImagesWithoutKeepingThem()
    {
        const QString workbook = fs::test::sharedFile(QStringLiteral("corpus/intake/reference.xlsx"));
        WorkbookImporter::Options dry;
        dry.loadImages = false;
        auto checked = WorkbookImporter::read(workbook, dry);
        QVERIFY(checked.has_value());
        QCOMPARE(checked->data.floorPlans.size(), 1);
        QVERIFY(checked->data.floorPlans[0].imageData.isEmpty());
        QCOMPARE(checked->data.floorPlans[0].width, 1600.0);
        QCOMPARE(checked->data.floorPlans[0].height, 1000.0);
        QCOMPARE(checked->data.floorPlans[0].mimeType, QStringLiteral("image/png"));

        auto full = WorkbookImporter::read(workbook);
        QVERIFY(full.has_value());
        QCOMPARE(full->data.floorPlans[0].imageData.size(), 10080);
        // Stored as a blob, byte for byte.
        const QString path = m_dir.filePath(QStringLiteral("images.fsv"));
        auto store = SurveyStore::create(path);
        QVERIFY(store.has_value());
        QVERIFY((*store)->importSurvey(full->data).has_value());
        const auto plans = (*store)->floorPlans();
        QVERIFY(plans.has_value());
        QCOMPARE(plans->size(), 1);
        auto blob = (*store)->openBlob(plans->at(0).blobId);
        QVERIFY(blob.has_value());
        QCOMPARE((*blob)->readAll(), full->data.floorPlans[0].imageData);
        QCOMPARE(plans->at(0).pins.size(), 4);
        QCOMPARE(plans->at(0).pins[3].target, QStringLiteral("terminal:1"));
        QCOMPARE(plans->at(0).pins[3].kind, PinKind::Terminal);
        QCOMPARE(plans->at(0).pins[3].label, QStringLiteral("端末 PCEMR01"));
        // The warnings stay with the survey.
        QCOMPARE((*store)->importWarnings().value_or(QList<ImportWarning>()), full->data.importWarnings);
        QVERIFY(!full->data.importWarnings.isEmpty()); // dynamic_ip_scan_day for line 3
    }
};

QTEST_GUILESS_MAIN(TestWorkbookImport)
#include "tst_workbookimport.moc"
