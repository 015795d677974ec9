#pragma once

#include <QList>
#include <QString>

namespace fs::collect {

// A serial port a console cable may be on (a USB-serial adapter is usually ttyUSB0 / COM3).
struct SerialPortDescription
{
    QString name;        // ttyUSB0, COM3
    QString systemPath;  // /dev/ttyUSB0
    QString description; // the adapter's product string
    QString manufacturer;
    QString serialNumber;
};

class SerialPorts
{
public:
    [[nodiscard]] static QList<SerialPortDescription> available();
};

} // namespace fs::collect
