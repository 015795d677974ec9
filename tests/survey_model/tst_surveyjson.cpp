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
    void roundTripKeepsEverything_data()
    {
        QTest::addColumn<bool>("captured");
        QTest::newRow("as imported") << false;
        QTest::newRow("captured on site: facts, checks, attendees") << true;
    }

    void roundTripKeepsEverything()
    {
        QFETCH(bool, captured);
        auto demo = DemoSurvey::data(QDate(2026, 12, 3));
        QVERIFY(demo.has_value());
        SurveyData data = *demo;
        data.connectionPoints[0].cafId = QStringLiteral("CAF0001");
        data.connectionPoints[1].emrReachability = EmrReachability::NotDirect;
        data.connectionPoints[1].protection = Protection::Ipsec;
        data.days[0].steps[0].actualStart = QDateTime(QDate(2026, 12, 3), QTime(0, 2), Qt::UTC);
        data.terminals[2].checkState = TerminalCheckState::Done;
        if (captured) {
            const QDateTime at(QDate(2026, 12, 3), QTime(1, 15, 30, 250), Qt::UTC);
            data.connectionPoints[3].devices[0].facts = {
                Observation{0,
                            {},
                            QStringLiteral("firmware"),
                            QStringLiteral("v7.2.8,build1639"),
                            FactSource::Ssh,
                            at,
                            0},
                Observation{0,
                            {},
                            QStringLiteral("serial"),
                            QStringLiteral("FGT60FTK2209XXXX"),
                            FactSource::Ssh,
                            at,
                            0},
                Observation{0, {}, QStringLiteral("uptime"), QString(), FactSource::Manual, QDateTime(), 0},
            };
            data.connectionPoints[0].devices[0].facts = {Observation{0,
                                                                     {},
                                                                     QStringLiteral("firmware"),
                                                                     QStringLiteral("Rev.14.01.38"),
                                                                     FactSource::Transcript,
                                                                     at.addSecs(-600),
                                                                     0}};
            data.terminals[2].checks = {
                TerminalCheck{0,
                              {},
                              QStringLiteral("os"),
                              QStringLiteral("Windows 10 Pro 22H2 (19045)"),
                              QStringLiteral("caution"),
                              QStringLiteral(R"({"build":19045,"edition":"Pro"})"),
                              QStringLiteral("collector"),
                              at},
                TerminalCheck{0,
                              {},
                              QStringLiteral("usb_storage"),
                              QStringLiteral("ブロックなし"),
                              QStringLiteral("danger"),
                              QString(),
                              QStringLiteral("manual"),
                              at.addSecs(60)},
            };
            data.days[0].attendees = QStringLiteral("情報システム課 高松 花子\n総務課 丸亀 一郎");
        }

        const QByteArray bytes = SurveyJson::toBytes(data);
        auto back = SurveyJson::fromJson(bytes, QStringLiteral("roundtrip.json"));
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : describe(back.error())));
        QCOMPARE(back->hospital, data.hospital);
        QCOMPARE(back->contacts, data.contacts);
        QCOMPARE(back->connectionPoints, data.connectionPoints);
        QCOMPARE(back->terminals, data.terminals);
        QCOMPARE(back->days, data.days);
        QCOMPARE(back->investigators, data.investigators);
        if (captured) {
            QCOMPARE(back->connectionPoints[3].devices[0].facts.size(), 3);
            QCOMPARE(back->terminals[2].checks.size(), 2);
            QCOMPARE(back->days[0].attendees, data.days[0].attendees);
            // In the printed JSON, as `show --json` writes it.
            const QJsonObject json = SurveyJson::toJson(data);
            const QJsonObject fact =
                json[QStringLiteral("lines")][3][QStringLiteral("devices")][0][QStringLiteral("facts")][0]
                    .toObject();
            QCOMPARE(fact[QStringLiteral("key")].toString(), QStringLiteral("firmware"));
            QCOMPARE(fact[QStringLiteral("source")].toString(), QStringLiteral("ssh"));
            QCOMPARE(fact[QStringLiteral("observed_at")].toString(),
                     QStringLiteral("2026-12-03T01:15:30.250Z"));
            const QJsonObject check =
                json[QStringLiteral("terminals")][2][QStringLiteral("checks")][1].toObject();
            QCOMPARE(check[QStringLiteral("item")].toString(), QStringLiteral("usb_storage"));
            QCOMPARE(check[QStringLiteral("evaluation")].toString(), QStringLiteral("danger"));
            QCOMPARE(check[QStringLiteral("checked_at")].toString(),
                     QStringLiteral("2026-12-03T01:16:30.250Z"));
            QCOMPARE(json[QStringLiteral("survey")][QStringLiteral("days")][0][QStringLiteral("attendees")]
                         .toString(),
                     data.days[0].attendees);
        }
    }

    // Files written before facts, checks and attendees were captured read as before.
    void capturedKeysAreOptional()
    {
        auto data = SurveyJson::fromJson(QByteArray(R"({"survey": {"days": [{"day_no": 1, "steps": []}]},
                           "lines": [{"no": 1, "devices": [{"device_type": "ルータ"}]}],
                           "terminals": [{"no": 1}]})"),
                                         QStringLiteral("old.json"));
        QVERIFY2(data.has_value(), qPrintable(data ? QString() : describe(data.error())));
        QVERIFY(data->connectionPoints[0].devices[0].facts.isEmpty());
        QVERIFY(data->terminals[0].checks.isEmpty());
        QCOMPARE(data->days[0].attendees, QString());

        // Defaults of a check's optional keys.
        auto minimal =
            SurveyJson::fromJson(QByteArray(R"({"terminals": [{"no": 1, "checks": [{"item": "os"}]}],
                                                        "lines": [{"no": 1, "devices": [{"facts": [{"key": "serial"}]}]}]})"),
                                 QStringLiteral("minimal.json"));
        QVERIFY2(minimal.has_value(), qPrintable(minimal ? QString() : describe(minimal.error())));
        const TerminalCheck &check = minimal->terminals[0].checks[0];
        QCOMPARE(check.evaluation, QStringLiteral("unknown"));
        QCOMPARE(check.source, QStringLiteral("manual"));
        QVERIFY(!check.checkedAt.isValid());
        const Observation &fact = minimal->connectionPoints[0].devices[0].facts[0];
        QCOMPARE(fact.source, FactSource::Manual);
        QCOMPARE(fact.value, QString());
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
        QTest::newRow("fact without a key")
            << QByteArray(R"({"lines": [{"no": 1, "devices": [{"facts": [{"value": "1.0"}]}]}]})")
            << QStringLiteral("lines[0].devices[0].facts[0].key");
        QTest::newRow("fact of an unknown source")
            << QByteArray(
                   R"({"lines": [{"no": 1, "devices": [{"facts": [{"key": "firmware", "source": "guess"}]}]}]})")
            << QStringLiteral("lines[0].devices[0].facts[0].source");
        QTest::newRow("fact twice")
            << QByteArray(
                   R"({"lines": [{"no": 1, "devices": [{"facts": [{"key": "serial"}, {"key": "serial"}]}]}]})")
            << QStringLiteral("lines[0].devices[0].facts[1].key: «serial» appears twice");
        QTest::newRow("bad observation time")
            << QByteArray(
                   R"({"lines": [{"no": 1, "devices": [{"facts": [{"key": "serial", "observed_at": "noon"}]}]}]})")
            << QStringLiteral("lines[0].devices[0].facts[0].observed_at");
        QTest::newRow("facts not a list")
            << QByteArray(R"({"lines": [{"no": 1, "devices": [{"facts": {}}]}]})")
            << QStringLiteral("lines[0].devices[0].facts: expected a list");
        QTest::newRow("check without an item")
            << QByteArray(R"({"terminals": [{"no": 1, "checks": [{"value": "x"}]}]})")
            << QStringLiteral("terminals[0].checks[0].item");
        QTest::newRow("check of an unknown evaluation")
            << QByteArray(R"({"terminals": [{"no": 1, "checks": [{"item": "os", "evaluation": "fine"}]}]})")
            << QStringLiteral("terminals[0].checks[0].evaluation");
        QTest::newRow("check of an unknown source")
            << QByteArray(R"({"terminals": [{"no": 1, "checks": [{"item": "os", "source": "ssh"}]}]})")
            << QStringLiteral("terminals[0].checks[0].source");
        QTest::newRow("check twice")
            << QByteArray(R"({"terminals": [{"no": 1, "checks": [{"item": "os"}, {"item": "os"}]}]})")
            << QStringLiteral("terminals[0].checks[1].item: «os» appears twice");
        QTest::newRow("check not an object") << QByteArray(R"({"terminals": [{"no": 1, "checks": ["os"]}]})")
                                             << QStringLiteral("terminals[0].checks[0]");
        QTest::newRow("attendees not text")
            << QByteArray(R"({"survey": {"days": [{"attendees": ["a", "b"]}]}})")
            << QStringLiteral("survey.days[0].attendees");
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
