#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

namespace fs::model {

// QXmlStreamReader for untrusted package parts: any DTD is refused (so no entity expansion and
// no external entities), and errors name the part and line.
class SafeXmlReader
{
public:
    // Deeper nesting than any workbook part needs is refused (a hostile file's stack exhaustion).
    static constexpr qint64 kMaxDepth = 256;

    SafeXmlReader(const QByteArray &data, QString part);

    // Advances to the next start element; false at the end of the document or on an error.
    bool nextStartElement();
    // Advances to the next start element inside the current element (at depth + 1 or deeper);
    // false when the current element ends.
    bool nextChild(qint64 parentDepth);
    // The text of the current element and all its descendants.
    QString elementText();
    // Skips the rest of the current element (through step(), so depth and limits hold).
    void skipElement();

    [[nodiscard]] QStringView name() const { return m_xml.name(); }
    [[nodiscard]] QString attribute(QStringView name) const;
    [[nodiscard]] QXmlStreamAttributes attributes() const { return m_xml.attributes(); }
    [[nodiscard]] qint64 depth() const { return m_depth; }

    [[nodiscard]] bool hasError() const { return m_failed || m_xml.hasError(); }
    // "xl/worksheets/sheet1.xml line 3: …" once hasError().
    [[nodiscard]] Error error() const;

private:
    bool step();

    QXmlStreamReader m_xml;
    QString m_part;
    QString m_failure;
    bool m_failed = false;
    qint64 m_depth = 0;
};

} // namespace fs::model
