#pragma once

#include <QDateTime>
#include <QString>

namespace fs::model {

// What a photo shows: a line, a device, a terminal or a pin (by database id).
struct PhotoTarget
{
    QString entity; // "connection_point", "device", "terminal", "pin"; empty for none
    qint64 id = 0;

    friend bool operator==(const PhotoTarget &, const PhotoTarget &) = default;
};

// A photo kept in the survey file; the image itself is a blob read in pieces.
struct Photo
{
    qint64 id = 0;
    QString uuid;
    qint64 blobId = 0;
    qint64 thumbnailBlobId = 0; // a JPEG of at most kThumbnailSize pixels, 0 if none
    qint64 previewBlobId = 0;   // a JPEG of at most kPreviewSize pixels, oriented, for print; 0 if none
    QString sha256;
    qint64 size = 0;
    QString mimeType;
    int position = 0;
    QString caption;
    QString originalName;
    QDateTime takenAt;
    int orientation = 1; // EXIF orientation 1..8
    int width = 0;       // as stored, before orientation
    int height = 0;
    PhotoTarget target;
    QString markup; // the vector overlay (PhotoMarkup JSON), "" for none

    static constexpr int kThumbnailSize = 320;
    static constexpr int kPreviewSize = 1600;

    friend bool operator==(const Photo &, const Photo &) = default;
};

} // namespace fs::model
