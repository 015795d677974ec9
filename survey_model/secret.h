#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>

namespace fs::model {

// A password, passphrase or token typed for the session. It cannot become a QString by accident,
// prints as <redacted>, is moved rather than copied, and wipes its bytes when it goes away. It never
// goes to QSettings, SQLite, logs or transcripts.
class Secret
{
public:
    Secret() = default;
    // Takes the text (and wipes the caller's copy where it can).
    static Secret fromString(QString &text);
    static Secret fromUtf8(QByteArray &bytes);
    Secret(const Secret &) = delete;
    Secret &operator=(const Secret &) = delete;
    Secret(Secret &&other) noexcept;
    Secret &operator=(Secret &&other) noexcept;
    ~Secret();

    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    // The bytes, for the one call that needs them (libssh, the keychain). Do not keep them.
    [[nodiscard]] const char *reveal() const { return m_bytes.constData(); }
    [[nodiscard]] qsizetype size() const { return m_bytes.size(); }
    [[nodiscard]] Secret clone() const;
    void clear();

    friend QDebug operator<<(QDebug debug, const Secret &) { return debug << "<redacted>"; }

private:
    QByteArray m_bytes;
};

// Overwrites the bytes so that they do not linger in freed memory.
void wipe(QByteArray &bytes);
void wipe(QString &text);

} // namespace fs::model
