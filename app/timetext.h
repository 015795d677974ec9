#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QString>

namespace fs::app {

// Times of day as investigators type and read them: "9:05", "0905" or "09:05"; durations as
// "1 hour 5 minutes" in the user's language.
class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::TimeText)

public:
    // Accepts an empty text too (nothing recorded).
    [[nodiscard]] static QRegularExpression inputPattern();
    // An invalid time for text that is not a time of day.
    [[nodiscard]] static QTime parse(const QString &text);
    // "HH:mm" in local time, or empty for an invalid time.
    [[nodiscard]] static QString clock(const QDateTime &time);
    [[nodiscard]] static QString duration(int minutes);
    // "yyyy/MM/dd HH:mm" in Japan time, whatever the laptop's zone (as the programme reads
    // times), or empty for an invalid time.
    [[nodiscard]] static QString japanTime(const QDateTime &time);
};

} // namespace fs::app
