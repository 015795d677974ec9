#pragma once

#include "error.h"

#include <QDateTime>
#include <QIODevice>
#include <QString>

namespace fs::model {

// What a photo's EXIF says about it, as far as FieldSurvey uses it.
struct ExifFacts
{
    int orientation = 1; // EXIF orientation 1..8
    // DateTimeOriginal with OffsetTimeOriginal when the camera wrote one. Without it the camera clock
    // has no zone and the time is read as Japan time (UTC+09:00): the programme works in Japan.
    // Invalid when absent or blank ("0000:00:00 00:00:00").
    QDateTime takenAt;
    bool hasGps = false; // a GPS IFD with at least one entry
    QString make, model;

    friend bool operator==(const ExifFacts &, const ExifFacts &) = default;
};

// Reads the EXIF of a JPEG (APP1 "Exif") or PNG (eXIf chunk) starting at the device's position,
// looking only at the header segments before the image data, and leaves the position as it was.
// An image without EXIF, another format or malformed EXIF gives default facts (the photo is still
// importable); only a device that cannot be read is an error.
[[nodiscard]] Result<ExifFacts> readExif(QIODevice &image, const QString &name);

// Writes the image without location data, for photos leaving the survey, and returns the bytes
// written. JPEG: in each Exif APP1 segment the GPS IFD pointer is removed from IFD0 (the later
// entries move up, the segment keeps its size so every other offset stays valid) and the GPS IFD
// itself, with its values, is overwritten with zeros; an Exif segment too damaged to do that is
// dropped; XMP segments (which can carry GPS) are dropped; everything else, including the image
// data after the first SOS, is copied byte for byte. PNG: the eXIf chunk and the XMP and
// "Raw profile type" text chunks are dropped, the rest copied. Other formats are refused.
// Not examined: maker notes and images appended after the main one (MPF, gain maps).
[[nodiscard]] Result<qint64> copyWithoutLocation(QIODevice &in, QIODevice &out, const QString &name);

} // namespace fs::model
