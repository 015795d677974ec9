#pragma once

#include "enumkeys.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fs::model {

// Where a collected fact came from.
enum class FactSource
{
    Workbook,
    Ssh,
    Console,
    Transcript,
    Manual,
    Collector,
    Scan
};

inline constexpr EnumKeys<FactSource, 7> kFactSourceKeys({{
    {FactSource::Workbook, u"workbook"},
    {FactSource::Ssh, u"ssh"},
    {FactSource::Console, u"console"},
    {FactSource::Transcript, u"transcript"},
    {FactSource::Manual, u"manual"},
    {FactSource::Collector, u"collector"},
    {FactSource::Scan, u"scan"},
}});

// One collected fact about a device (or a line, or a terminal): its firmware version, serial
// number, … with where and when it was found. A newer fact of the same key supersedes the older,
// which stays as history.
struct Observation
{
    qint64 id = 0;
    QString uuid;
    QString key; // see kDeviceFactKeys
    QString value;
    FactSource source = FactSource::Manual;
    QDateTime observedAt;
    qint64 transcriptId = 0;

    friend bool operator==(const Observation &, const Observation &) = default;
};

// The facts recorded for every router, UTM or firewall on a line.
inline const QStringList kDeviceFactKeys = {QStringLiteral("vendor"),   QStringLiteral("model"),
                                            QStringLiteral("firmware"), QStringLiteral("serial"),
                                            QStringLiteral("uptime"),   QStringLiteral("hostname")};

// The value of a fact among the current ones, or an empty string.
[[nodiscard]] inline QString factValue(const QList<Observation> &facts, const QString &key)
{
    for (const Observation &o : facts) {
        if (o.key == key)
            return o.value;
    }
    return {};
}

} // namespace fs::model
