#pragma once

// What the sync tests share: a demo survey with generated photos, a portal test server, and one
// sync run with the investigator's credentials.

#include "demosurvey.h"
#include "fieldmapping.h"
#include "kintoneclient.h"
#include "portaltestserver.h"
#include "surveystore.h"
#include "syncengine.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace fs::test {

// A small JPEG whose pixels (and so its SHA-256) differ for every seed.
inline QByteArray noiseJpeg(quint32 seed, int width = 64, int height = 48)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, random.generate() | 0xff000000u);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

inline bool addPhotos(fs::model::SurveyStore &store, int count, quint32 firstSeed = 1, int width = 64)
{
    for (int i = 0; i < count; ++i) {
        QByteArray bytes = noiseJpeg(firstSeed + quint32(i), width, width * 3 / 4);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        auto photo = store.addPhoto(
            buffer, QStringLiteral("IMG_%1.JPG").arg(firstSeed + quint32(i), 4, 10, QLatin1Char('0')));
        if (!photo) {
            qWarning("addPhoto: %s", qPrintable(photo.error().detail));
            return false;
        }
    }
    return true;
}

// One sync of store as login; the engine's report or the error.
inline Result<fs::sync::SyncReport> syncOnce(fs::model::SurveyStore &store, const PortalTestServer &server,
                                             const fs::sync::FieldMapping &mapping,
                                             const QString &login = QStringLiteral("investigator"),
                                             const std::function<void(fs::sync::SyncEngine &)> &setup = {})
{
    fs::sync::KintoneClient client(server.config(login));
    if (auto c = client.setCredentials(PortalTestServer::credentials(login)); !c)
        return tl::unexpected(c.error());
    fs::sync::SyncEngine engine(store, client, mapping);
    if (setup)
        setup(engine);
    return engine.run();
}

// The records of the survey app holding this survey's UUID.
inline QJsonArray recordsOf(const PortalTestServer &server, const fs::sync::FieldMapping &mapping,
                            const QString &surveyUuid)
{
    QJsonArray matching;
    for (const QJsonValue &v : server.dump(mapping.surveyApp())) {
        const QJsonObject fields = v.toObject().value(QStringLiteral("fields")).toObject();
        if (fields.value(mapping.updateKey()).toString() == surveyUuid)
            matching.append(v);
    }
    return matching;
}

// A subtable's rows in a dumped record.
inline QJsonArray rowsOf(const QJsonObject &record, const QString &table)
{
    return record.value(QStringLiteral("fields")).toObject().value(table).toArray();
}

// The files in a dumped photo row's FILE field (each with the server's "sha256" of its bytes).
inline QJsonArray photoFiles(const QJsonObject &row)
{
    return row.value(QStringLiteral("value"))
        .toObject()
        .value(QStringLiteral("photo_file"))
        .toObject()
        .value(QStringLiteral("value"))
        .toArray();
}

// The built-in mapping and a portal test server made from it; an error text, empty on success.
inline QString startPortal(PortalTestServer &server, fs::sync::FieldMapping &mapping,
                           const PortalTestServer::Options &options = {})
{
    auto builtIn = fs::sync::FieldMapping::builtIn();
    if (!builtIn)
        return builtIn.error().detail;
    mapping = *builtIn;
    return server.start(mapping, options);
}

inline QString rowValue(const QJsonObject &row, const QString &code)
{
    return row.value(QStringLiteral("value"))
        .toObject()
        .value(code)
        .toObject()
        .value(QStringLiteral("value"))
        .toString();
}

inline QString fieldValue(const QJsonObject &record, const QString &code)
{
    return record.value(QStringLiteral("fields")).toObject().value(code).toString();
}

} // namespace fs::test
