#pragma once

#include "error.h"
#include "transcript.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace fs::collect {

// Set from any thread (the investigator's Stop button) and checked by the session between reads.
class Cancellation
{
public:
    void cancel() { m_cancelled.store(true); }
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(); }

private:
    std::atomic<bool> m_cancelled{false};
};

// A byte stream to a device's command line: an SSH shell channel, a serial console, or a saved
// transcript. Used from one thread at a time (the session's worker).
class Transport
{
public:
    virtual ~Transport() = default;

    [[nodiscard]] virtual fs::Result<void> open() = 0;
    // What arrived within timeoutMs (empty when nothing did); an error once the device has closed
    // the session or it broke.
    [[nodiscard]] virtual fs::Result<QByteArray> read(int timeoutMs) = 0;
    [[nodiscard]] virtual fs::Result<void> write(const QByteArray &bytes) = 0;
    virtual void close() = 0;

    // "192.0.2.1:22", "/dev/ttyUSB0 9600 8N1", for the transcript and the log.
    [[nodiscard]] virtual QString peer() const = 0;
    [[nodiscard]] virtual fs::model::TranscriptMethod method() const = 0;
};

} // namespace fs::collect
