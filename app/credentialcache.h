#pragma once

#include "error.h"
#include "secret.h"

#include <QDate>
#include <QString>

#include <optional>

namespace fs::app {

// "Remember for today": a device password kept in the OS keychain (QtKeychain: the Secret Service
// on Linux, the Credential Manager on Windows) until the end of the day it was typed on — never in
// the survey, settings or logs. A password from another day is deleted when it is looked up.
class CredentialCache
{
public:
    // The keychain entry for a login: "ssh admin@192.168.1.1:22", "serial admin@/dev/ttyUSB0".
    [[nodiscard]] static QString account(const QString &method, const QString &user, const QString &peer);

    [[nodiscard]] static fs::Result<void> remember(const QString &account,
                                                   const fs::model::Secret &password, const QDate &today);
    // The password remembered today for account; nothing when there is none, it is from another
    // day (then it is deleted), or the keychain is not available.
    [[nodiscard]] static std::optional<fs::model::Secret> recall(const QString &account,
                                                                   const QDate &today);
    static void forget(const QString &account);

    static constexpr int kTimeoutMs = 5000; // a keychain that does not answer is not waited for
};

} // namespace fs::app
