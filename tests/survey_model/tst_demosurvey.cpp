#include "demosurvey.h"
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

namespace {

// Numbers may be printed as numbers or strings (corpus/intake/README.md).
QString normalised(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

// Every key of `expected` must have the same value in `actual`; nested arrays of objects are
// compared element by element. Returns the first difference as "path: expected X, got Y".
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": missing");
            const QString d =
                firstDifference(it.value(), a.value(it.key()), path + QLatin1Char('.') + it.key());
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size())
            return path + QStringLiteral(": expected %1 elements, got %2").arg(e.size()).arg(a.size());
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QString d = firstDifference(e[i], a[i], path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (normalised(expected) != normalised(actual))
        return path +
               QStringLiteral(": expected «%1», got «%2»").arg(normalised(expected), normalised(actual));
    return {};
}

} // namespace

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
            const QString difference = firstDifference(expected.value(key), actual.value(key), key);
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
