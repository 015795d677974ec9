#pragma once

#include "transport.h"

#include <QSerialPort>

#include <memory>

namespace fs::collect {

struct SerialOptions
{
    QString port; // ttyUSB0, /dev/ttyUSB0, COM3
    int baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    // Holds the line in break once after opening, for consoles that show their prompt only then.
    // Only when the investigator asks: during a boot, a break stops a Cisco device in ROMMON.
    bool sendBreakOnOpen = false;
};

// A device's serial console (QtSerialPort, blocking use on the session's worker thread; the port
// object is created there by open()).
class SerialTransport final : public Transport
{
public:
    explicit SerialTransport(SerialOptions options);
    ~SerialTransport() override;

    [[nodiscard]] fs::Result<void> open() override;
    [[nodiscard]] fs::Result<QByteArray> read(int timeoutMs) override;
    [[nodiscard]] fs::Result<void> write(const QByteArray &bytes) override;
    void close() override;
    // "/dev/ttyUSB0 9600 8N1"
    [[nodiscard]] QString peer() const override;
    [[nodiscard]] fs::model::TranscriptMethod method() const override
    {
        return fs::model::TranscriptMethod::Console;
    }

    // Holds the line in break for durationMs: some consoles need it to show a prompt. Only when the
    // investigator asks — during a boot, a break can stop a Cisco device in ROMMON.
    [[nodiscard]] fs::Result<void> sendBreak(int durationMs = 300);

private:
    SerialOptions m_options;
    std::unique_ptr<QSerialPort> m_port;
};

} // namespace fs::collect
