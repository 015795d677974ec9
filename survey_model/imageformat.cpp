#include "imageformat.h"

namespace fs::model {

QString mimeTypeForImageFormat(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return QStringLiteral("image/jpeg");
    if (format == "tiff" || format == "tif")
        return QStringLiteral("image/tiff");
    if (format == "heic" || format == "heif")
        return QStringLiteral("image/heic");
    if (format.isEmpty())
        return QStringLiteral("application/octet-stream");
    return QStringLiteral("image/") + QString::fromLatin1(format); // png, gif, bmp, webp …
}

} // namespace fs::model
