#pragma once

#include <QString>

namespace fs::collect {

// Device configurations carry secrets of their own: pre-shared keys, PPP and login passwords,
// enable secrets (hashed or not), SNMP communities, RADIUS/TACACS keys. A transcript is kept as
// evidence of versions and settings, not of secrets: every value in such a position is replaced by
// ******** before the transcript is shown or stored. Line by line, linear in the text.
class SecretRedactor
{
public:
    static inline const QString kMask = QStringLiteral("********");

    [[nodiscard]] static QString redact(const QString &text);
};

} // namespace fs::collect
