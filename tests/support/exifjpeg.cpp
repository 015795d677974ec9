#include "exifjpeg.h"

#include <QBuffer>

namespace fs::test {

QByteArray TiffWriter::u16(quint16 v) const
{
    QByteArray b(2, '\0');
    b[m_bigEndian ? 0 : 1] = char(v >> 8);
    b[m_bigEndian ? 1 : 0] = char(v & 0xff);
    return b;
}

QByteArray TiffWriter::u32(quint32 v) const
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[m_bigEndian ? 3 - i : i] = char((v >> (8 * i)) & 0xff);
    return b;
}

Tag TiffWriter::ascii(quint16 tag, const QByteArray &text) const
{
    return {tag, 2, quint32(text.size() + 1), text + '\0'};
}

Tag TiffWriter::shortValue(quint16 tag, quint16 v) const
{
    return {tag, 3, 1, u16(v)};
}

Tag TiffWriter::longValue(quint16 tag, quint32 v) const
{
    return {tag, 4, 1, u32(v)};
}

Tag TiffWriter::rationals(quint16 tag, const QList<std::pair<quint32, quint32>> &values) const
{
    QByteArray bytes;
    for (const auto &[n, d] : values)
        bytes += u32(n) + u32(d);
    return {tag, 5, quint32(values.size()), bytes};
}

QByteArray TiffWriter::header(quint32 ifd0) const
{
    return (m_bigEndian ? QByteArray("MM") : QByteArray("II")) + u16(42) + u32(ifd0);
}

QByteArray TiffWriter::ifd(const QList<Tag> &tags, quint32 start) const
{
    QByteArray table = u16(quint16(tags.size()));
    QByteArray data;
    const quint32 dataAt = start + 2 + 12 * quint32(tags.size()) + 4;
    for (const Tag &t : tags) {
        table += u16(t.tag) + u16(t.type) + u32(t.count);
        if (t.value.size() <= 4) {
            table += t.value + QByteArray(4 - t.value.size(), '\0');
        } else {
            table += u32(dataAt + quint32(data.size()));
            data += t.value;
            if (data.size() % 2)
                data += '\0';
        }
    }
    return table + u32(0) + data;
}

QByteArray tiffFor(const ExifSpec &spec)
{
    const TiffWriter w(spec.bigEndian);
    QList<Tag> exif;
    if (!spec.dateTimeOriginal.isNull())
        exif << w.ascii(0x9003, spec.dateTimeOriginal);
    if (!spec.offsetTimeOriginal.isEmpty())
        exif << w.ascii(0x9011, spec.offsetTimeOriginal);
    const QList<Tag> gps{{0x0000, 1, 4, QByteArray("\x02\x03\x00\x00", 4)},
                         w.ascii(0x0001, "N"),
                         w.rationals(0x0002, {{35, 1}, {41, 1}, {kLatitudeSeconds, 100}}),
                         w.ascii(0x0003, "E"),
                         w.rationals(0x0004, {{139, 1}, {41, 1}, {kLongitudeSeconds, 100}})};
    const auto ifd0 = [&](quint32 exifAt, quint32 gpsAt) {
        QList<Tag> tags{w.ascii(0x010F, spec.make), w.ascii(0x0110, spec.model)};
        if (spec.orientation)
            tags << w.shortValue(0x0112, quint16(spec.orientation));
        tags << w.ascii(0x0131, "FieldSurvey test"); // Software: an entry after the pointers move up
        if (!exif.isEmpty())
            tags << w.longValue(0x8769, exifAt);
        if (spec.gps)
            tags << w.longValue(0x8825, gpsAt);
        return tags;
    };
    const quint32 exifAt = 8 + quint32(w.ifd(ifd0(0, 0), 8).size());
    const quint32 gpsAt = exifAt + (exif.isEmpty() ? 0 : quint32(w.ifd(exif, exifAt).size()));
    QByteArray tiff = w.header() + w.ifd(ifd0(exifAt, gpsAt), 8);
    if (!exif.isEmpty())
        tiff += w.ifd(exif, exifAt);
    if (spec.gps)
        tiff += w.ifd(gps, gpsAt);
    return tiff;
}

QByteArray segment(quint8 marker, const QByteArray &payload)
{
    QByteArray s("\xFF", 1);
    const int length = int(payload.size()) + 2;
    return s.append(char(marker)).append(char(length >> 8)).append(char(length & 0xff)).append(payload);
}

QByteArray xmpPacket()
{
    return QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) +
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
           "exif:GPSLatitude=\"35,41.374N\" exif:GPSLongitude=\"139,41.502E\"/>"
           "</rdf:RDF></x:xmpmeta>";
}

QByteArray plainJpeg(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    return bytes;
}

QByteArray jpegWithExif(const QImage &image, const ExifSpec &spec, bool xmp)
{
    const QByteArray plain = plainJpeg(image);
    QByteArray extra = segment(0xE1, QByteArray("Exif\0\0", 6) + tiffFor(spec));
    if (xmp)
        extra += segment(0xE1, xmpPacket());
    return plain.left(2) + extra + plain.mid(2);
}

} // namespace fs::test
