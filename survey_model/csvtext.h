#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// CSV that Excel opens correctly and safely: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting,
// and a ' before any cell that would start a spreadsheet formula (the hospital's text is not
// trusted).
class CsvText
{
public:
    enum class Quote
    {
        WhenNeeded, // only cells with a quote, comma or line break
        Always,
    };

    [[nodiscard]] static QString cell(QString text, Quote quote = Quote::WhenNeeded);
    // Rows of cells already made with cell(), as a whole file.
    [[nodiscard]] static QByteArray document(const QStringList &lines);
};

} // namespace fs::model
