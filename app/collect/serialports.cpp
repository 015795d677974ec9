#include "serialports.h"

#include <QSerialPortInfo>

namespace fs::collect {

QList<SerialPortDescription> SerialPorts::available()
{
    QList<SerialPortDescription> ports;
    const auto infos = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &info : infos) {
        ports.append(SerialPortDescription{info.portName(), info.systemLocation(), info.description(),
                                           info.manufacturer(), info.serialNumber()});
    }
    return ports;
}

} // namespace fs::collect
