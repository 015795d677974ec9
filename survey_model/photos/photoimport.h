#pragma once

#include "error.h"
#include "photo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// Finding the photos to import: files as given, folders (a camera card's DCIM) searched for JPEG
// and PNG files, in name order, each file once.
class PhotoImport
{
public:
    static constexpr int kMaxFiles = 5000; // per import
    static constexpr int kMaxDepth = 8;    // folder levels below a given folder
    static constexpr qint64 kMaxFileBytes = 200LL * 1024 * 1024;

    struct Found
    {
        QStringList files;   // to import, in order
        QStringList skipped; // given or found but not importable, each with the reason
    };

    // The image files among paths (files or folders). Files that are not JPEG/PNG by name, too
    // large, unreadable, or beyond kMaxFiles are listed in skipped; a path that does not exist is
    // an error naming it.
    [[nodiscard]] static Result<Found> collect(const QStringList &paths);
    [[nodiscard]] static bool isPhotoFile(const QString &fileName);
};

// What importing a set of photos did.
struct PhotoImportReport
{
    QList<Photo> added;
    QStringList duplicates; // the files already in the survey, with the photo they match
    QStringList failed;     // files that could not be imported, each with why
};

} // namespace fs::model
