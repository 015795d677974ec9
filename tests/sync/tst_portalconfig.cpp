// The portal configuration and the field mapping: both are files the office hands out, so every
// mistake is refused with the file and the key or JSON path named; a secret in the configuration is
// refused outright.
#include "fieldmapping.h"
#include "portalconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fs;
using namespace fs::sync;

class TestPortalConfig : public QObject
{
    Q_OBJECT

private slots:
    void readsAConfiguration()
    {
        const QByteArray json =
            "{\"baseUrl\": \"https://example.s.cybozu.com\", \"guestSpace\": 7, \"login\": \"inv01\",\n"
            "            \"clientCertificate\": \"certs/me.p12\", \"caCertificates\": \"/etc/ca.pem\", "
            "\"timeoutSeconds\": 30,\n"
            "            \"retry\": {\"maxAttempts\": 5, \"initialDelayMs\": 100, \"maxDelayMs\": 1000}}";
        auto config =
            PortalConfig::fromJson(json, QStringLiteral("portal.json"), QStringLiteral("/home/u/fs"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().detail));
        QCOMPARE(config->baseUrl.host(), QStringLiteral("example.s.cybozu.com"));
        QCOMPARE(config->clientCertificate, QStringLiteral("/home/u/fs/certs/me.p12"));
        QCOMPARE(config->caCertificates, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(config->timeoutMs, 30000);
        QCOMPARE(config->maxAttempts, 5);
        QCOMPARE(config->apiPath(QStringLiteral("record")), QStringLiteral("/k/guest/7/v1/record.json"));
        config->guestSpace = 0;
        QCOMPARE(config->apiPath(QStringLiteral("records/cursor")),
                 QStringLiteral("/k/v1/records/cursor.json"));
    }

    void refusesBadConfigurations_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("words");
        QTest::newRow("a password")
            << QByteArray("{\"baseUrl\": \"https://a.cybozu.com\", \"login\": \"x\", \"password\": \"p\"}")
            << "«password»: secrets are never read";
        QTest::newRow("a passphrase")
            << QByteArray(
                   "{\"baseUrl\": \"https://a.cybozu.com\", \"login\": \"x\", \"certPassphrase\": \"p\"}")
            << "«certPassphrase»";
        QTest::newRow("an API token")
            << QByteArray(
                   "{\"baseUrl\": \"https://a.cybozu.com\", \"auth\": \"apiToken\", \"apiToken\": \"t\"}")
            << "«apiToken»";
        QTest::newRow("plain http") << QByteArray("{\"baseUrl\": \"http://a.cybozu.com\", \"login\": \"x\"}")
                                    << "only https";
        QTest::newRow("a path") << QByteArray("{\"baseUrl\": \"https://a.cybozu.com/k/\", \"login\": \"x\"}")
                                << "without a path";
        QTest::newRow("no login") << QByteArray("{\"baseUrl\": \"https://a.cybozu.com\"}")
                                  << "login: required";
        QTest::newRow("unknown auth")
            << QByteArray("{\"baseUrl\": \"https://a.cybozu.com\", \"auth\": \"oauth\"}") << "auth:";
        QTest::newRow("unknown key")
            << QByteArray("{\"baseUrl\": \"https://a.cybozu.com\", \"login\": \"x\", \"proxy\": 1}")
            << "unknown key «proxy»";
        QTest::newRow("not JSON") << QByteArray("{\"baseUrl\": ") << "not JSON";
        QTest::newRow("upload age")
            << QByteArray(
                   "{\"baseUrl\": \"https://a.cybozu.com\", \"login\": \"x\", \"uploadMaxAgeHours\": 80}")
            << "uploadMaxAgeHours";
    }

    void refusesBadConfigurations()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, words);
        auto config = PortalConfig::fromJson(json, QStringLiteral("portal.json"), QStringLiteral("/tmp"));
        QVERIFY(!config);
        QVERIFY2(config.error().detail.startsWith(QStringLiteral("portal.json: ")),
                 qPrintable(config.error().detail));
        QVERIFY2(config.error().detail.contains(words), qPrintable(config.error().detail));
    }

    void builtInMappingIsValid()
    {
        auto mapping = FieldMapping::builtIn();
        QVERIFY2(mapping, mapping ? "" : qPrintable(mapping.error().detail));
        QCOMPARE(mapping->updateKey(), QStringLiteral("survey_uuid"));
        QStringList tables;
        for (const MappedTable &t : mapping->tables())
            tables << t.code;
        QCOMPARE(tables, (QStringList{QStringLiteral("lines"), QStringLiteral("devices"),
                                      QStringLiteral("terminals"), QStringLiteral("findings"),
                                      QStringLiteral("floor_plans"), QStringLiteral("pins"),
                                      QStringLiteral("photos"), QStringLiteral("review_comments")}));
        const QJsonObject properties =
            mapping->surveyFormFields().value(QStringLiteral("properties")).toObject();
        const QJsonObject photos = properties.value(QStringLiteral("photos")).toObject();
        QCOMPARE(photos.value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("photo_file"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("FILE"));
        QCOMPARE(properties.value(QStringLiteral("survey_data"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("FILE"));
    }

    void refusesBadMappings_data()
    {
        QTest::addColumn<QString>("path");   // where to change the built-in mapping (JSON pointer-ish)
        QTest::addColumn<QString>("change"); // JSON value put there
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown source")
            << "survey.subtables.0.fields.3.source"
            << "\"colour\""
            << "survey.subtables[0].fields[3]: connection_point has no field «colour»";
        QTest::newRow("a code twice") << "survey.subtables.1.fields.1.code"
                                      << "\"line_note\""
                                      << "used twice";
        QTest::newRow("an invalid code") << "survey.fields.1.code"
                                         << "\"2nd field\""
                                         << "not a valid kintone field code";
        QTest::newRow("update key") << "survey.updateKey"
                                    << "\"survey_note\""
                                    << "survey.updateKey";
        QTest::newRow("a file on lines") << "survey.subtables.0.file"
                                         << "{\"code\": \"line_file\"}"
                                         << "only photos and floor plans have files";
        QTest::newRow("a number field") << "survey.fields.2.type"
                                        << "\"NUMBER\""
                                        << "values are sent as text";
        QTest::newRow("no app") << "survey.app"
                                << "0"
                                << "survey.app";
    }

    void refusesBadMappings()
    {
        QFETCH(QString, path);
        QFETCH(QString, change);
        QFETCH(QString, words);
        QFile file(QStringLiteral(":/fieldsurvey/portal/kintone-mapping.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonValue value = QJsonDocument::fromJson("[" + change.toUtf8() + "]").array().first();
        // Walk the path and rebuild the objects on the way back.
        const QStringList parts = path.split(QLatin1Char('.'));
        std::function<QJsonValue(const QJsonValue &, int)> set = [&](const QJsonValue &node,
                                                                     int i) -> QJsonValue {
            if (i == parts.size())
                return value;
            bool isIndex = false;
            const int index = parts.at(i).toInt(&isIndex);
            if (isIndex) {
                QJsonArray a = node.toArray();
                a[index] = set(a.at(index), i + 1);
                return a;
            }
            QJsonObject o = node.toObject();
            o[parts.at(i)] = set(o.value(parts.at(i)), i + 1);
            return o;
        };
        root = set(root, 0).toObject();
        auto mapping = FieldMapping::fromJson(QJsonDocument(root).toJson(), QStringLiteral("mapping.json"));
        QVERIFY(!mapping);
        QVERIFY2(mapping.error().detail.startsWith(QStringLiteral("mapping.json: ")),
                 qPrintable(mapping.error().detail));
        QVERIFY2(mapping.error().detail.contains(words), qPrintable(mapping.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestPortalConfig)
#include "tst_portalconfig.moc"
