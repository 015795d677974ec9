#include "serialtransport.h"

#include "logging.h"

#include <QThread>

namespace fs::collect {

namespace {

QChar parityLetter(QSerialPort::Parity parity)
{
    switch (parity) {
    case QSerialPort::EvenParity:
        return QLatin1Char('E');
    case QSerialPort::OddParity:
        return QLatin1Char('O');
    case QSerialPort::SpaceParity:
        return QLatin1Char('S');
    case QSerialPort::MarkParity:
        return QLatin1Char('M');
    default:
        return QLatin1Char('N');
    }
}

} // namespace

SerialTransport::SerialTransport(SerialOptions options)
    : m_options(std::move(options))
{
}

SerialTransport::~SerialTransport()
{
    close();
}

QString SerialTransport::peer() const
{
    const QString stop = m_options.stopBits == QSerialPort::TwoStop          ? QStringLiteral("2")
                         : m_options.stopBits == QSerialPort::OneAndHalfStop ? QStringLiteral("1.5")
                                                                             : QStringLiteral("1");
    return QStringLiteral("%1 %2 %3%4%5")
        .arg(m_options.port)
        .arg(m_options.baudRate)
        .arg(int(m_options.dataBits))
        .arg(parityLetter(m_options.parity))
        .arg(stop);
}

fs::Result<void> SerialTransport::open()
{
    close();
    m_port = std::make_unique<QSerialPort>();
    m_port->setPortName(m_options.port);
    if (!m_port->setBaudRate(m_options.baudRate) || !m_port->setDataBits(m_options.dataBits) ||
        !m_port->setParity(m_options.parity) || !m_port->setStopBits(m_options.stopBits) ||
        !m_port->setFlowControl(m_options.flowControl))
        return fs::fail(fs::ErrorCode::InvalidArgument,
                        QStringLiteral("%1: settings refused: %2").arg(peer(), m_port->errorString()));
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString detail = QStringLiteral("%1: %2").arg(peer(), m_port->errorString());
        m_port.reset();
        return fs::fail(fs::ErrorCode::ConnectionFailed, detail);
    }
    qCInfo(lcSerial) << "opened" << peer();
    if (m_options.sendBreakOnOpen) {
        if (auto b = sendBreak(); !b) {
            close();
            return b;
        }
    }
    return {};
}

fs::Result<QByteArray> SerialTransport::read(int timeoutMs)
{
    if (!m_port || !m_port->isOpen())
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1: not open").arg(peer()));
    if (m_port->bytesAvailable() == 0 && !m_port->waitForReadyRead(timeoutMs)) {
        if (m_port->error() == QSerialPort::TimeoutError || m_port->error() == QSerialPort::NoError) {
            m_port->clearError();
            return QByteArray();
        }
        return fs::fail(fs::ErrorCode::ConnectionFailed,
                        QStringLiteral("%1: %2").arg(peer(), m_port->errorString()));
    }
    return m_port->readAll();
}

fs::Result<void> SerialTransport::write(const QByteArray &bytes)
{
    if (!m_port || !m_port->isOpen())
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1: not open").arg(peer()));
    if (m_port->write(bytes) != bytes.size() || !m_port->waitForBytesWritten(5000))
        return fs::fail(fs::ErrorCode::ConnectionFailed,
                        QStringLiteral("%1: write failed: %2").arg(peer(), m_port->errorString()));
    return {};
}

fs::Result<void> SerialTransport::sendBreak(int durationMs)
{
    if (!m_port || !m_port->isOpen())
        return fs::fail(fs::ErrorCode::ConnectionFailed, QStringLiteral("%1: not open").arg(peer()));
    if (!m_port->setBreakEnabled(true))
        return fs::fail(fs::ErrorCode::ConnectionFailed,
                        QStringLiteral("%1: break: %2").arg(peer(), m_port->errorString()));
    QThread::msleep(ulong(durationMs));
    m_port->setBreakEnabled(false);
    return {};
}

void SerialTransport::close()
{
    if (m_port) {
        m_port->close();
        m_port.reset();
    }
}

} // namespace fs::collect
