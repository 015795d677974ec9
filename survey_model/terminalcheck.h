#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fs::model {

// One checked item of a terminal (ランサムウェア感染への備え): what was found, and how it was
// judged (unknown, ok, caution, danger).
struct TerminalCheck
{
    qint64 id = 0;
    QString uuid;
    QString item;  // see kTerminalCheckItems
    QString value; // in the programme's words
    QString evaluation = QStringLiteral("unknown");
    QString detail;                            // machine-readable facts (JSON) from the collector
    QString source = QStringLiteral("manual"); // manual or collector
    QDateTime checkedAt;

    friend bool operator==(const TerminalCheck &, const TerminalCheck &) = default;
};

// The five items of a terminal check.
inline const QStringList kTerminalCheckItems = {QStringLiteral("os"), QStringLiteral("windows_update"),
                                                QStringLiteral("internet"), QStringLiteral("antivirus"),
                                                QStringLiteral("usb_storage")};

} // namespace fs::model
