#pragma once

#include <QDateTime>

namespace fs::model {

// Where "now" comes from for everything that is stamped (updated_at, audit rows, actual times).
// Tests inject a FixedClock so stamps are reproducible.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;

    // The process-wide system clock.
    [[nodiscard]] static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(QDateTime now) { m_now = std::move(now); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

// ISO 8601 in UTC with milliseconds, the one timestamp format in survey files.
[[nodiscard]] QString toStoredTimestamp(const QDateTime &time);
[[nodiscard]] QDateTime fromStoredTimestamp(const QString &text);

} // namespace fs::model
