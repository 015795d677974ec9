#include "clock.h"

namespace fs::model {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

QString toStoredTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStoredTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace fs::model
