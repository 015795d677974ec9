#include "photoexport.h"

#include "exif.h"
#include "surveystore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace fs::model {

Result<int> PhotoExport::writeAll(const SurveyStore &store, const QString &folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(ErrorCode::Io, folder + QStringLiteral(": cannot create the folder"));
    auto photos = store.photos();
    if (!photos)
        return tl::unexpected(photos.error());
    int written = 0;
    for (qsizetype i = 0; i < photos->size(); ++i) {
        const Photo &p = (*photos)[i];
        // The stored name is the camera's; only its last part is used, never a path.
        QString base = QFileInfo(p.originalName).fileName();
        if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
            base = QStringLiteral("photo.jpg");
        const QString stem = QStringLiteral("%1_%2")
                                 .arg(i + 1, 3, 10, QLatin1Char('0'))
                                 .arg(QFileInfo(base).completeBaseName());
        const QString suffix =
            QFileInfo(base).suffix().isEmpty() ? QString() : QLatin1Char('.') + QFileInfo(base).suffix();
        QString name = stem + suffix;
        for (int n = 2; dir.exists(name); ++n)
            name = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix);
        auto blob = store.openBlob(p.blobId);
        if (!blob)
            return tl::unexpected(blob.error());
        QSaveFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return fail(ErrorCode::Io, file.fileName() + QStringLiteral(": ") + file.errorString());
        if (auto r = copyWithoutLocation(**blob, file, p.originalName); !r)
            return tl::unexpected(r.error());
        if (!file.commit())
            return fail(ErrorCode::Io, file.fileName() + QStringLiteral(": ") + file.errorString());
        ++written;
    }
    return written;
}

} // namespace fs::model
