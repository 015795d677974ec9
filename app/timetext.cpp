#include "timetext.h"

#include <QTimeZone>

namespace fs::app {

QRegularExpression TimeText::inputPattern()
{
    return QRegularExpression(QStringLiteral("^$|^([01]?\\d|2[0-3]):?[0-5]\\d$"));
}

QTime TimeText::parse(const QString &text)
{
    const auto match =
        QRegularExpression(QStringLiteral("^([01]?\\d|2[0-3]):?([0-5]\\d)$")).match(text.trimmed());
    if (!match.hasMatch())
        return {};
    return QTime(match.captured(1).toInt(), match.captured(2).toInt());
}

QString TimeText::clock(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

QString TimeText::japanTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    static const QTimeZone tokyo = [] {
        const QTimeZone zone(QByteArrayLiteral("Asia/Tokyo"));
        return zone.isValid() ? zone : QTimeZone(9 * 3600);
    }();
    return time.toTimeZone(tokyo).toString(QStringLiteral("yyyy/MM/dd HH:mm"));
}

QString TimeText::duration(int minutes)
{
    if (minutes < 60)
        return tr("%n minute(s)", nullptr, minutes);
    if (minutes % 60 == 0)
        return tr("%n hour(s)", nullptr, minutes / 60);
    return tr("%1 %2", "hours and minutes")
        .arg(tr("%n hour(s)", nullptr, minutes / 60), tr("%n minute(s)", nullptr, minutes % 60));
}

} // namespace fs::app
