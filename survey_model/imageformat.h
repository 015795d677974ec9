#pragma once

#include <QByteArray>
#include <QString>

namespace fs::model {

// The MIME type of an image format as QImageReader names it ("jpeg" → image/jpeg).
[[nodiscard]] QString mimeTypeForImageFormat(const QByteArray &format);

} // namespace fs::model
