#pragma once

#include <QString>

namespace fs::model {

// One port of a scan of a line's global IP (現地検出 / 脆弱性診断), as imported from the scanner.
struct ScanPort
{
    qint64 id = 0;
    qint64 connectionPointId = 0; // 0: a host that matched no line
    QString address;
    QString hostname;
    QString protocol; // tcp, udp
    int port = 0;
    QString state; // open, open|filtered, closed, filtered
    QString service;
    QString product;
    QString version;
    QString scriptOutput;
    QString tool;
    QString scannedAt; // as the scanner wrote it

    friend bool operator==(const ScanPort &, const ScanPort &) = default;
};

} // namespace fs::model
