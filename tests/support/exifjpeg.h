#pragma once

// Test JPEGs with a hand-made EXIF: orientation, DateTimeOriginal, OffsetTimeOriginal, Make,
// Model and a GPS IFD, in either byte order, and an XMP packet with a location.

#include <QByteArray>
#include <QImage>
#include <QList>

#include <utility>

namespace fs::test {

// One TIFF tag with its value already in the file's byte order.
struct Tag
{
    quint16 tag;
    quint16 type;
    quint32 count;
    QByteArray value;
};

class TiffWriter
{
public:
    explicit TiffWriter(bool bigEndian)
        : m_bigEndian(bigEndian)
    {
    }

    [[nodiscard]] QByteArray u16(quint16 v) const;
    [[nodiscard]] QByteArray u32(quint32 v) const;
    [[nodiscard]] Tag ascii(quint16 tag, const QByteArray &text) const;
    [[nodiscard]] Tag shortValue(quint16 tag, quint16 v) const;
    [[nodiscard]] Tag longValue(quint16 tag, quint32 v) const;
    [[nodiscard]] Tag rationals(quint16 tag, const QList<std::pair<quint32, quint32>> &values) const;
    [[nodiscard]] QByteArray header(quint32 ifd0 = 8) const;
    // The IFD at start: count, entries, next-IFD offset (0), then the values that do not fit.
    [[nodiscard]] QByteArray ifd(const QList<Tag> &tags, quint32 start) const;

private:
    bool m_bigEndian;
};

struct ExifSpec
{
    int orientation = 0; // 0: no tag
    QByteArray dateTimeOriginal;
    QByteArray offsetTimeOriginal;
    bool gps = false;
    QByteArray make = "FieldCam";
    QByteArray model = "FC-1 Mark II";
    bool bigEndian = false;
};

// 35°41'22.45"N 139°41'30.12"E; the seconds' rational is what the tests look for after stripping.
constexpr quint32 kLatitudeSeconds = 2245;
constexpr quint32 kLongitudeSeconds = 3012;

[[nodiscard]] QByteArray tiffFor(const ExifSpec &spec);
[[nodiscard]] QByteArray segment(quint8 marker, const QByteArray &payload);
[[nodiscard]] QByteArray xmpPacket();
[[nodiscard]] QByteArray plainJpeg(const QImage &image);
// A JPEG of image with an Exif APP1 segment (and an XMP one) right after SOI.
[[nodiscard]] QByteArray jpegWithExif(const QImage &image, const ExifSpec &spec, bool xmp = false);

} // namespace fs::test
