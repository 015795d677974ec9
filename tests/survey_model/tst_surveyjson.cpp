#include "demosurvey.h"
#include "surveyjson.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fs::model;

class TestSurveyJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEverything()
    {
        auto demo = DemoSurvey::data(QDate(2026, 12, 3));
        QVERIFY(demo.has_value());
        SurveyData data = *demo;
        data.connectionPoints[0].cafId = QStringLiteral("CAF0001");
        data.connectionPoints[1].emrReachability = EmrReachability::NotDirect;
        data.connectionPoints[1].protection = Protection::Ipsec;
        data.days[0].steps[0].actualStart = QDateTime(QDate(2026, 12, 3), QTime(0, 2), Qt::UTC);
        data.terminals[2].checkState = TerminalCheckState::Done;

        auto back = SurveyJson::fromJson(SurveyJson::toBytes(data), QStringLiteral("roundtrip.json"));
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : describe(back.error())));
        QCOMPARE(back->hospital, data.hospital);
        QCOMPARE(back->contacts, data.contacts);
        QCOMPARE(back->connectionPoints, data.connectionPoints);
        QCOMPARE(back->terminals, data.terminals);
        QCOMPARE(back->days, data.days);
        QCOMPARE(back->investigators, data.investigators);
    }

    void acceptsTheReferenceExpectedShape()
    {
        // The intake corpus's expected results use the same field names.
        const QByteArray bytes =
            fs::test::readFile(fs::test::sharedFile(QStringLiteral("corpus/intake/reference.expected.json")));
        QVERIFY(!bytes.isEmpty());
        auto data = SurveyJson::fromJson(bytes, QStringLiteral("reference.expected.json"));
        QVERIFY2(data.has_value(), qPrintable(data ? QString() : describe(data.error())));
        QCOMPARE(data->hospital.code, QStringLiteral("3710000001"));
        QCOMPARE(data->connectionPoints.size(), 4);
        QCOMPARE(data->connectionPoints[3].devices.size(), 2);
        QCOMPARE(data->connectionPoints[3].devices[1].accessPort, QString());
        QCOMPARE(data->connectionPoints[0].devices[0].accessPort, QStringLiteral("22"));
        QCOMPARE(data->terminals[4].vdiIp, QStringLiteral("172.16.1.131/24"));
    }

    void portsPrintAsNumbers()
    {
        SurveyData data;
        ConnectionPoint c;
        c.lineNo = 1;
        Device withPort;
        withPort.accessPort = QStringLiteral("22");
        Device console;
        c.devices = {withPort, console};
        data.connectionPoints = {c};
        const QJsonObject json = SurveyJson::toJson(data);
        const QJsonArray devices = json[QStringLiteral("lines")][0][QStringLiteral("devices")].toArray();
        QCOMPARE(devices[0][QStringLiteral("access_port")], QJsonValue(22));
        QCOMPARE(devices[1][QStringLiteral("access_port")], QJsonValue(QString()));
    }

    void rejectsHostileInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions");

        const QByteArray good =
            fs::test::readFile(fs::test::sourceDir() + QStringLiteral("/resources/demo/demo_survey.json"));
        QTest::newRow("empty") << QByteArray() << QStringLiteral("line 1");
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("line ");
        QTest::newRow("not an object") << QByteArray("[1, 2, 3]") << QStringLiteral("top level");
        QTest::newRow("syntax error on line 3")
            << QByteArray("{\n  \"hospital\": {},\n  \"lines\": [,]\n}") << QStringLiteral("line 3");
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"hospital\": {\"name\": \"\xff\xfe\"}}") << QStringLiteral("line 1");
        QTest::newRow("line number text")
            << QByteArray(R"({"lines": [{"no": "one"}]})") << QStringLiteral("lines[0].no");
        QTest::newRow("line number missing")
            << QByteArray(R"({"lines": [{"purpose": "x"}]})") << QStringLiteral("lines[0].no");
        QTest::newRow("line number too large")
            << QByteArray(R"({"lines": [{"no": 1e300}]})") << QStringLiteral("lines[0].no");
        QTest::newRow("duplicate line") << QByteArray(R"({"lines": [{"no": 1}, {"no": 1}]})")
                                        << QStringLiteral("line number 1 appears twice");
        QTest::newRow("duplicate terminal") << QByteArray(R"({"terminals": [{"no": 2}, {"no": 2}]})")
                                            << QStringLiteral("terminal number 2 appears twice");
        QTest::newRow("lines not a list")
            << QByteArray(R"({"lines": {"no": 1}})") << QStringLiteral("lines: expected a list");
        QTest::newRow("device not an object") << QByteArray(R"({"lines": [{"no": 1, "devices": ["RTX"]}]})")
                                              << QStringLiteral("lines[0].devices[0]");
        QTest::newRow("unknown origin") << QByteArray(R"({"lines": [{"no": 1, "origin": "nowhere"}]})")
                                        << QStringLiteral("lines[0].origin");
        QTest::newRow("object as text")
            << QByteArray(R"({"hospital": {"name": {"x": 1}}})") << QStringLiteral("hospital.name");
        QTest::newRow("bad date") << QByteArray(R"({"survey": {"days": [{"date": "2026-13-45"}]}})")
                                  << QStringLiteral("survey.days[0].date");
        QTest::newRow("bad time") << QByteArray(
                                         R"({"survey": {"days": [{"steps": [{"planned_start": "25:99"}]}]}})")
                                  << QStringLiteral("survey.days[0].steps[0].planned_start");
        QTest::newRow("foreign format")
            << QByteArray(R"({"format": "something-else"})") << QStringLiteral("something-else");
        QTest::newRow("newer format") << QByteArray(R"({"format_version": 99})") << QStringLiteral("newer");

        QByteArray deep;
        for (int i = 0; i < 100000; ++i)
            deep += '[';
        QTest::newRow("deep nesting") << deep << QStringLiteral("line 1");

        QByteArray huge("{\"hospital\": {\"name\": \"");
        huge += QByteArray(SurveyJson::kMaxInputBytes, 'a');
        huge += "\"}}";
        QTest::newRow("huge") << huge << QStringLiteral("bytes");
    }

    void rejectsHostileInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        auto data = SurveyJson::fromJson(input, QStringLiteral("hostile.json"));
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, fs::ErrorCode::InvalidData);
        QVERIFY2(data.error().detail.startsWith(QStringLiteral("hostile.json: ")),
                 qPrintable(data.error().detail));
        QVERIFY2(data.error().detail.contains(mentions),
                 qPrintable(QStringLiteral("expected «%1» in «%2»").arg(mentions, data.error().detail)));
    }
};

QTEST_GUILESS_MAIN(TestSurveyJson)
#include "tst_surveyjson.moc"
