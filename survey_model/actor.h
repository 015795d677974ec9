#pragma once

#include <QString>

namespace fs::model {

// Who is at the keyboard, for the audit trail when nobody said otherwise: the login name
// ($USER on Unix, %USERNAME% on Windows).
[[nodiscard]] QString defaultActor();

} // namespace fs::model
