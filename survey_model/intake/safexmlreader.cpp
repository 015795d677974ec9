#include "safexmlreader.h"

namespace fs::model {

SafeXmlReader::SafeXmlReader(const QByteArray &data, QString part, QString allowedDoctype)
    : m_xml(data)
    , m_part(std::move(part))
    , m_allowedDoctype(std::move(allowedDoctype))
{
}

SafeXmlReader::SafeXmlReader(QIODevice *device, QString part, QString allowedDoctype)
    : m_xml(device)
    , m_part(std::move(part))
    , m_allowedDoctype(std::move(allowedDoctype))
{
}

bool SafeXmlReader::acceptDoctype()
{
    if (m_allowedDoctype.isEmpty()) {
        m_failure = QStringLiteral("a DTD (DOCTYPE) is not allowed in a workbook part");
        return false;
    }
    // QXmlStreamReader reports the DTD once it has read all of it, internal subset included, and
    // has expanded nothing yet; refusing here means no declared entity is ever expanded.
    const QString only = QStringLiteral("only a bare <!DOCTYPE %1> is allowed").arg(m_allowedDoctype);
    if (m_seenDoctype) {
        m_failure = QStringLiteral("a second DOCTYPE is not allowed (%1)").arg(only);
        return false;
    }
    if (m_xml.dtdName() != m_allowedDoctype) {
        m_failure = QStringLiteral("DOCTYPE %1 is not allowed (%2)").arg(m_xml.dtdName(), only);
        return false;
    }
    if (!m_xml.dtdPublicId().isEmpty() || !m_xml.dtdSystemId().isEmpty()) {
        m_failure =
            QStringLiteral("a DOCTYPE with an external id (SYSTEM or PUBLIC) is not allowed (%1)").arg(only);
        return false;
    }
    // The declaration as written, e.g. "<!DOCTYPE nmaprun>": anything between the name and ">" is
    // an internal subset, whether or not it declares something.
    QStringView text = m_xml.text().trimmed();
    const bool bare = text.startsWith(u"<!DOCTYPE") && text.endsWith(u'>') &&
                      text.sliced(9, text.size() - 10).trimmed() == m_allowedDoctype;
    if (!bare || !m_xml.entityDeclarations().isEmpty() || !m_xml.notationDeclarations().isEmpty()) {
        m_failure =
            QStringLiteral(
                "a DOCTYPE with an internal subset (entity or notation declarations) is not allowed (%1)")
                .arg(only);
        return false;
    }
    m_seenDoctype = true;
    return true;
}

bool SafeXmlReader::step()
{
    if (m_failed)
        return false;
    const auto token = m_xml.readNext();
    switch (token) {
    case QXmlStreamReader::DTD:
        if (acceptDoctype())
            return true;
        m_failed = true;
        return false;
    case QXmlStreamReader::EntityReference:
        m_failed = true;
        m_failure = QStringLiteral("entity reference &%1; is not allowed").arg(m_xml.name());
        return false;
    case QXmlStreamReader::StartElement:
        if (++m_depth > kMaxDepth) {
            m_failed = true;
            m_failure = QStringLiteral("elements nest more than %1 deep").arg(kMaxDepth);
            return false;
        }
        return true;
    case QXmlStreamReader::EndElement:
        --m_depth;
        return true;
    case QXmlStreamReader::Invalid:
    case QXmlStreamReader::EndDocument:
        return false;
    default:
        return true;
    }
}

bool SafeXmlReader::nextStartElement()
{
    while (step()) {
        if (m_xml.isStartElement())
            return true;
    }
    return false;
}

bool SafeXmlReader::nextChild(qint64 parentDepth)
{
    while (step()) {
        if (m_xml.isStartElement())
            return true;
        if (m_xml.isEndElement() && m_depth < parentDepth)
            return false;
    }
    return false;
}

QString SafeXmlReader::elementText()
{
    QString text;
    const qint64 start = m_depth;
    while (step()) {
        if (m_xml.isCharacters())
            text += m_xml.text();
        else if (m_xml.isEndElement() && m_depth < start)
            break;
    }
    return text;
}

void SafeXmlReader::skipElement()
{
    const qint64 start = m_depth;
    while (step()) {
        if (m_xml.isEndElement() && m_depth < start)
            return;
    }
}

QString SafeXmlReader::attribute(QStringView name) const
{
    const QXmlStreamAttributes attrs = m_xml.attributes();
    for (const QXmlStreamAttribute &a : attrs) {
        if (a.name() == name)
            return a.value().toString();
    }
    return {};
}

QString SafeXmlReader::errorText() const
{
    return m_failed ? m_failure : m_xml.errorString();
}

Error SafeXmlReader::error() const
{
    return Error{ErrorCode::InvalidData,
                 QStringLiteral("%1 line %2: %3").arg(m_part).arg(m_xml.lineNumber()).arg(errorText())};
}

} // namespace fs::model
