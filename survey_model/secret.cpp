#include "secret.h"

#include <utility>

namespace fs::model {

void wipe(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    bytes.detach();
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
    bytes.clear();
}

void wipe(QString &text)
{
    if (text.isEmpty())
        return;
    text.detach();
    volatile char16_t *p = reinterpret_cast<char16_t *>(text.data());
    for (qsizetype i = 0; i < text.size(); ++i)
        p[i] = 0;
    text.clear();
}

Secret Secret::fromString(QString &text)
{
    Secret s;
    s.m_bytes = text.toUtf8();
    wipe(text);
    return s;
}

Secret Secret::fromUtf8(QByteArray &bytes)
{
    Secret s;
    s.m_bytes = QByteArray(bytes.constData(), bytes.size()); // a deep copy we own
    wipe(bytes);
    return s;
}

Secret::Secret(Secret &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{
}

Secret &Secret::operator=(Secret &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

Secret::~Secret()
{
    clear();
}

Secret Secret::clone() const
{
    Secret s;
    s.m_bytes = QByteArray(m_bytes.constData(), m_bytes.size());
    return s;
}

void Secret::clear()
{
    wipe(m_bytes);
}

} // namespace fs::model
