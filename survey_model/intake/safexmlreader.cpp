#include "safexmlreader.h"

namespace fs::model {

SafeXmlReader::SafeXmlReader(const QByteArray &data, QString part)
    : m_xml(data)
    , m_part(std::move(part))
{
}

bool SafeXmlReader::step()
{
    if (m_failed)
        return false;
    const auto token = m_xml.readNext();
    switch (token) {
    case QXmlStreamReader::DTD:
        m_failed = true;
        m_failure = QStringLiteral("a DTD (DOCTYPE) is not allowed in a workbook part");
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

Error SafeXmlReader::error() const
{
    const QString what = m_failed ? m_failure : m_xml.errorString();
    return Error{ErrorCode::InvalidData,
                 QStringLiteral("%1 line %2: %3").arg(m_part).arg(m_xml.lineNumber()).arg(what)};
}

} // namespace fs::model
