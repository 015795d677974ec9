#include "demosurvey.h"
#include "jsoncompare.h"
#include "surveyjson.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::model;

class TestDemoSurvey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The demo is the hospital of ../shared/corpus/intake/reference.xlsx: its stored content must
    // equal what a correct import of that workbook yields.
    void demoIsTheReferenceHospital()
    {
        const QJsonObject expected =
            QJsonDocument::fromJson(fs::test::readFile(fs::test::sharedFile(
                                        QStringLiteral("corpus/intake/reference.expected.json"))))
                .object();
        QVERIFY(!expected.isEmpty());

        QTemporaryDir dir;
        auto store = DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")));
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
        auto data = (*store)->load();
        QVERIFY(data.has_value());
        const QJsonObject actual = SurveyJson::toJson(*data);
        for (const char *section : {"hospital", "contacts", "lines", "terminals"}) {
            const QString key = QString::fromLatin1(section);
            const QString difference = fs::test::firstDifference(expected.value(key), actual.value(key), key);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        QCOMPARE(data->connectionPoints[0].cafId, QStringLiteral("CAF0001"));
        QCOMPARE(data->connectionPoints[3].cafId, QStringLiteral("CAF0004"));
        QCOMPARE((*store)->meta(QStringLiteral("demo")).value_or(QString()), QStringLiteral("1"));
    }

    void demoIsVisitedToday()
    {
        QTemporaryDir dir;
        FixedClock clock(
            QDateTime(QDate(2026, 11, 23), QTime(23, 30), Qt::UTC)); // 08:30 on the 24th in Japan
        auto store = DemoSurvey::createOrReplace(dir.filePath(QStringLiteral("demo.fsv")), clock);
        QVERIFY(store.has_value());
        auto days = (*store)->schedule();
        QVERIFY(days.has_value());
        QCOMPARE(days->size(), 1);
        QCOMPARE(days->first().date, clock.now().toLocalTime().date());
        QCOMPARE(days->first().steps.size(), 6);
    }

    void replacesAnEarlierDemo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.fsv"));
        QString firstUuid;
        {
            auto first = DemoSurvey::createOrReplace(path);
            QVERIFY(first.has_value());
            firstUuid = (*first)->surveyInfo()->uuid;
        }
        auto second = DemoSurvey::createOrReplace(path);
        QVERIFY2(second.has_value(), qPrintable(second ? QString() : describe(second.error())));
        QVERIFY((*second)->surveyInfo()->uuid != firstUuid);
        QVERIFY(!QFile::exists(path + QStringLiteral(".new")));
    }

    void neverReplacesARealSurvey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("real.fsv"));
        {
            auto real = SurveyStore::create(path);
            QVERIFY(real.has_value());
            SurveyData data;
            data.hospital.name = QStringLiteral("本物の病院");
            QVERIFY((*real)->importSurvey(data).has_value());
        }
        auto demo = DemoSurvey::createOrReplace(path);
        QVERIFY(!demo.has_value());
        QCOMPARE(demo.error().code, fs::ErrorCode::InvalidArgument);
        auto real = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
        QVERIFY(real.has_value());
        QCOMPARE((*real)->hospital()->name, QStringLiteral("本物の病院"));

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(fs::test::writeFile(text, QByteArray("notes")));
        QVERIFY(!DemoSurvey::createOrReplace(text).has_value());
        QCOMPARE(fs::test::readFile(text), QByteArray("notes"));
    }
};

QTEST_GUILESS_MAIN(TestDemoSurvey)
#include "tst_demosurvey.moc"
