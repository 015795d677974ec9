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

    // allowedDoctype lets through exactly one bare <!DOCTYPE allowedDoctype> (nmap writes
    // <!DOCTYPE nmaprun>): no internal subset, no SYSTEM or PUBLIC id, so still no entity or
    // notation declarations. Empty (the default): every DTD is refused.
    SafeXmlReader(const QByteArray &data, QString part, QString allowedDoctype = {});
    // Reads from device as it goes (QXmlStreamReader decodes a QByteArray all at once, doubling
    // the memory of a large file, and dates an encoding error to line 1). device must outlive this.
    SafeXmlReader(QIODevice *device, QString part, QString allowedDoctype = {});

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
    // The "…" of error(), for a caller that words the message itself.
    [[nodiscard]] QString errorText() const;
    // True when this reader refused the input (DTD, entity reference, nesting) rather than
    // QXmlStreamReader finding it not well-formed.
    [[nodiscard]] bool refused() const { return m_failed; }
    // True when the data ended before the document did (a cut or unfinished file).
    [[nodiscard]] bool endedEarly() const
    {
        return !m_failed && m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
    }
    [[nodiscard]] qint64 lineNumber() const { return m_xml.lineNumber(); }

private:
    bool step();
    bool acceptDoctype();

    QXmlStreamReader m_xml;
    QString m_part;
    QString m_allowedDoctype;
    QString m_failure;
    bool m_failed = false;
    bool m_seenDoctype = false;
    qint64 m_depth = 0;
};

} // namespace fs::model
