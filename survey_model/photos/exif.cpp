#include "exif.h"

#include <QBuffer>
#include <QList>
#include <QLoggingCategory>

#include <optional>

namespace fs::model {

namespace {

Q_LOGGING_CATEGORY(lcPhotos, "fs.model.photos")

constexpr int kMaxSegments = 1024;      // JPEG marker segments before the image data
constexpr int kMaxPngChunks = 4096;     // PNG chunks examined before IDAT
constexpr int kMaxIfdEntries = 1024;    // a larger count is taken as damage
constexpr int kMaxFillBytes = 64;       // 0xFF padding before a JPEG marker
constexpr qint64 kMaxPngExif = 1 << 20; // a JPEG Exif segment holds at most 64 KiB
constexpr qint64 kMaxSequentialPeek = 1 << 20;
constexpr qint64 kCopyChunk = 64 * 1024;
constexpr int kMaxAsciiValue = 256;

constexpr quint16 kTagOrientation = 0x0112;
constexpr quint16 kTagMake = 0x010F;
constexpr quint16 kTagModel = 0x0110;
constexpr quint16 kTagExifIfd = 0x8769;
constexpr quint16 kTagGpsIfd = 0x8825;
constexpr quint16 kTagDateTimeOriginal = 0x9003;
constexpr quint16 kTagOffsetTimeOriginal = 0x9011;

const QByteArray kExifHeader("Exif\0\0", 6);
const QByteArray kXmpHeader("http://ns.adobe.com/xap/1.0/\0", 29);
const QByteArray kXmpExtensionHeader("http://ns.adobe.com/xmp/extension/\0", 35);
const QByteArray kPngSignature("\x89PNG\r\n\x1a\n", 8);

// A TIFF structure (the body of an Exif segment or eXIf chunk). Every access is bounds-checked;
// offsets are relative to the TIFF header.
class Tiff
{
public:
    struct Entry
    {
        qint64 at = 0; // of the 12-byte entry
        quint16 tag = 0;
        quint16 type = 0;
        quint32 count = 0;
        qint64 valueAt = -1; // -1: the value lies outside the data or has an unknown type
        qint64 valueSize = 0;
    };

    explicit Tiff(QByteArray &data)
        : m_data(data)
    {
        if (!has(0, 8))
            return;
        if (data.startsWith("II"))
            m_bigEndian = false;
        else if (data.startsWith("MM"))
            m_bigEndian = true;
        else
            return;
        m_valid = u16(2) == 42;
    }

    [[nodiscard]] bool valid() const { return m_valid; }
    [[nodiscard]] quint32 ifd0() const { return u32(4); }

    [[nodiscard]] bool has(qint64 at, qint64 n) const
    {
        return at >= 0 && n >= 0 && at <= m_data.size() && n <= m_data.size() - at;
    }

    [[nodiscard]] quint16 u16(qint64 at) const
    {
        const auto b = [this, at](int i) { return quint16(quint8(m_data.at(at + i))); };
        return m_bigEndian ? quint16(b(0) << 8 | b(1)) : quint16(b(1) << 8 | b(0));
    }

    [[nodiscard]] quint32 u32(qint64 at) const
    {
        const auto b = [this, at](int i) { return quint32(quint8(m_data.at(at + i))); };
        return m_bigEndian ? b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3)
                           : b(3) << 24 | b(2) << 16 | b(1) << 8 | b(0);
    }

    void put16(qint64 at, quint16 v)
    {
        m_data[at + (m_bigEndian ? 0 : 1)] = char(v >> 8);
        m_data[at + (m_bigEndian ? 1 : 0)] = char(v & 0xff);
    }

    void zero(qint64 at, qint64 n)
    {
        if (has(at, n))
            std::fill(m_data.begin() + at, m_data.begin() + at + n, '\0');
    }

    // The size of the whole IFD (count, entries, next-IFD offset), or nullopt if it does not fit.
    [[nodiscard]] std::optional<qint64> ifdSize(qint64 offset) const
    {
        if (!has(offset, 2))
            return std::nullopt;
        const int n = u16(offset);
        const qint64 size = 2 + 12LL * n + 4;
        if (n > kMaxIfdEntries || !has(offset, size))
            return std::nullopt;
        return size;
    }

    [[nodiscard]] std::optional<QList<Entry>> ifd(qint64 offset) const
    {
        if (!ifdSize(offset))
            return std::nullopt;
        QList<Entry> entries;
        const int n = u16(offset);
        for (int i = 0; i < n; ++i) {
            Entry e;
            e.at = offset + 2 + 12LL * i;
            e.tag = u16(e.at);
            e.type = u16(e.at + 2);
            e.count = u32(e.at + 4);
            const qint64 unit = typeSize(e.type);
            e.valueSize = unit * e.count;
            if (unit == 0)
                e.valueAt = -1;
            else if (e.valueSize <= 4)
                e.valueAt = e.at + 8;
            else if (const qint64 at = u32(e.at + 8); has(at, e.valueSize))
                e.valueAt = at;
            entries.append(e);
        }
        return entries;
    }

    [[nodiscard]] QByteArray ascii(const Entry &e) const
    {
        if (e.valueAt < 0 || (e.type != 2 && e.type != 7))
            return {};
        QByteArray text = m_data.mid(e.valueAt, std::min<qint64>(e.valueSize, kMaxAsciiValue));
        if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
            text.truncate(nul);
        return text.trimmed();
    }

    // The IFD an entry points to (LONG or IFD type), or nullopt.
    [[nodiscard]] std::optional<quint32> pointer(const Entry &e) const
    {
        if (e.valueAt < 0 || e.count < 1 || (e.type != 4 && e.type != 13))
            return std::nullopt;
        return u32(e.valueAt);
    }

private:
    static qint64 typeSize(quint16 type)
    {
        switch (type) {
        case 1:
        case 2:
        case 6:
        case 7:
            return 1;
        case 3:
        case 8:
            return 2;
        case 4:
        case 9:
        case 11:
        case 13:
            return 4;
        case 5:
        case 10:
        case 12:
            return 8;
        default:
            return 0;
        }
    }

    QByteArray &m_data;
    bool m_bigEndian = false;
    bool m_valid = false;
};

bool isDigits(const QByteArray &s, int from, int n)
{
    for (int i = from; i < from + n; ++i) {
        if (s.at(i) < '0' || s.at(i) > '9')
            return false;
    }
    return true;
}

// "YYYY:MM:DD HH:MM:SS" with an optional "+HH:MM" offset; Japan time without one.
QDateTime exifDateTime(const QByteArray &text, const QByteArray &offset)
{
    if (text.size() < 19 || !isDigits(text, 0, 4) || text.at(4) != ':' || !isDigits(text, 5, 2) ||
        text.at(7) != ':' || !isDigits(text, 8, 2) || text.at(10) != ' ' || !isDigits(text, 11, 2) ||
        text.at(13) != ':' || !isDigits(text, 14, 2) || text.at(16) != ':' || !isDigits(text, 17, 2))
        return {};
    const QDate date(text.left(4).toInt(), text.mid(5, 2).toInt(), text.mid(8, 2).toInt());
    const QTime time(text.mid(11, 2).toInt(), text.mid(14, 2).toInt(), text.mid(17, 2).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    int seconds = 9 * 3600;
    if (offset.size() >= 6 && (offset.at(0) == '+' || offset.at(0) == '-') && isDigits(offset, 1, 2) &&
        offset.at(3) == ':' && isDigits(offset, 4, 2)) {
        const int minutes = offset.mid(1, 2).toInt() * 60 + offset.mid(4, 2).toInt();
        if (minutes <= 14 * 60)
            seconds = (offset.at(0) == '-' ? -60 : 60) * minutes;
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, seconds);
}

// Follows only IFD0 and the Exif and GPS IFDs it points to (never the next-IFD chain), each at
// most once, so a cycle cannot loop.
ExifFacts parseTiff(QByteArray data)
{
    ExifFacts facts;
    Tiff tiff(data);
    if (!tiff.valid())
        return facts;
    const quint32 ifd0At = tiff.ifd0();
    const auto ifd0 = tiff.ifd(ifd0At);
    if (!ifd0)
        return facts;
    std::optional<quint32> exifAt, gpsAt;
    for (const Tiff::Entry &e : *ifd0) {
        switch (e.tag) {
        case kTagOrientation:
            if (e.type == 3 && e.count >= 1 && e.valueAt >= 0) {
                const int o = tiff.u16(e.valueAt);
                facts.orientation = o >= 1 && o <= 8 ? o : 1;
            }
            break;
        case kTagMake:
            facts.make = QString::fromUtf8(tiff.ascii(e));
            break;
        case kTagModel:
            facts.model = QString::fromUtf8(tiff.ascii(e));
            break;
        case kTagExifIfd:
            exifAt = tiff.pointer(e);
            break;
        case kTagGpsIfd:
            gpsAt = tiff.pointer(e);
            break;
        default:
            break;
        }
    }
    QList<quint32> visited{ifd0At};
    if (exifAt && !visited.contains(*exifAt)) {
        visited.append(*exifAt);
        QByteArray original, offset;
        for (const Tiff::Entry &e : tiff.ifd(*exifAt).value_or(QList<Tiff::Entry>())) {
            if (e.tag == kTagDateTimeOriginal)
                original = tiff.ascii(e);
            else if (e.tag == kTagOffsetTimeOriginal)
                offset = tiff.ascii(e);
        }
        facts.takenAt = exifDateTime(original, offset);
    }
    if (gpsAt && !visited.contains(*gpsAt)) {
        const auto gps = tiff.ifd(*gpsAt);
        facts.hasGps = gps && !gps->isEmpty();
    }
    return facts;
}

// Removes the GPS IFD pointer from IFD0 and zeroes the GPS IFD with its values, keeping the size.
// False if the structure is too damaged to be sure no GPS data is left.
bool stripGps(QByteArray &data)
{
    Tiff tiff(data);
    if (!tiff.valid())
        return false;
    const quint32 ifd0At = tiff.ifd0();
    const auto ifd0 = tiff.ifd(ifd0At);
    const auto ifd0Size = tiff.ifdSize(ifd0At);
    if (!ifd0 || !ifd0Size)
        return false;
    QByteArray table; // the entries that stay, then the next-IFD offset
    int kept = 0;
    for (const Tiff::Entry &e : *ifd0) {
        if (e.tag != kTagGpsIfd) {
            table.append(data.mid(e.at, 12));
            ++kept;
            continue;
        }
        const auto gpsAt = tiff.pointer(e);
        if (!gpsAt || *gpsAt == ifd0At || !tiff.has(*gpsAt, 2))
            continue; // points nowhere: nothing to wipe
        const auto gps = tiff.ifd(*gpsAt);
        if (!gps)
            return false;
        for (const Tiff::Entry &g : *gps) {
            if (g.valueAt >= 0 && g.valueSize > 4)
                tiff.zero(g.valueAt, g.valueSize);
        }
        tiff.zero(*gpsAt, *tiff.ifdSize(*gpsAt));
    }
    if (kept == ifd0->size())
        return true;
    table.append(data.mid(ifd0At + 2 + 12LL * ifd0->size(), 4));
    tiff.zero(ifd0At, *ifd0Size);
    tiff.put16(ifd0At, quint16(kept));
    std::copy(table.cbegin(), table.cend(), data.begin() + ifd0At + 2);
    return !parseTiff(data).hasGps;
}

// Reads exactly n bytes; false on a short read. A device error is remembered in *failed.
bool readExact(QIODevice &device, char *into, qint64 n, bool *failed)
{
    qint64 done = 0;
    while (done < n) {
        const qint64 r = device.read(into + done, n - done);
        if (r < 0)
            *failed = true;
        if (r <= 0)
            return false;
        done += r;
    }
    return true;
}

QByteArray readBytes(QIODevice &device, qint64 n, bool *failed)
{
    QByteArray bytes(n, Qt::Uninitialized);
    if (!readExact(device, bytes.data(), n, failed))
        return {};
    return bytes;
}

bool skipBytes(QIODevice &device, qint64 n, bool *failed)
{
    if (!device.isSequential()) {
        if (device.pos() + n > device.size())
            return false;
        return device.seek(device.pos() + n);
    }
    char sink[4096];
    while (n > 0) {
        const qint64 step = std::min<qint64>(n, sizeof sink);
        if (!readExact(device, sink, step, failed))
            return false;
        n -= step;
    }
    return true;
}

quint32 bigEndian32(const char *p)
{
    return quint32(quint8(p[0])) << 24 | quint32(quint8(p[1])) << 16 | quint32(quint8(p[2])) << 8 |
           quint32(quint8(p[3]));
}

struct Marker
{
    quint8 code = 0;
    int fillBytes = 0; // 0xFF bytes before the one that introduces the marker
};

// The next JPEG marker, or nullopt if the bytes are not one.
std::optional<Marker> readMarker(QIODevice &device, bool *failed)
{
    char c = 0;
    if (!readExact(device, &c, 1, failed) || quint8(c) != 0xFF)
        return std::nullopt;
    Marker marker;
    do {
        if (!readExact(device, &c, 1, failed) || marker.fillBytes > kMaxFillBytes)
            return std::nullopt;
        if (quint8(c) == 0xFF)
            ++marker.fillBytes;
    } while (quint8(c) == 0xFF);
    marker.code = quint8(c);
    return marker.code == 0 ? std::nullopt : std::optional(marker);
}

bool isStandalone(quint8 code)
{
    return code == 0x01 || code == 0xD8 || (code >= 0xD0 && code <= 0xD7);
}

ExifFacts scanJpeg(QIODevice &device, bool *failed)
{
    for (int i = 0; i < kMaxSegments; ++i) {
        const auto marker = readMarker(device, failed);
        if (!marker || marker->code == 0xD9 || marker->code == 0xDA)
            break;
        if (isStandalone(marker->code))
            continue;
        char length[2];
        if (!readExact(device, length, 2, failed))
            break;
        const int payload = (quint8(length[0]) << 8 | quint8(length[1])) - 2;
        if (payload < 0)
            break;
        if (marker->code == 0xE1 && payload >= kExifHeader.size()) {
            const QByteArray bytes = readBytes(device, payload, failed);
            if (bytes.startsWith(kExifHeader))
                return parseTiff(bytes.mid(kExifHeader.size()));
            if (bytes.isEmpty())
                break;
        } else if (!skipBytes(device, payload, failed)) {
            break;
        }
    }
    return {};
}

ExifFacts scanPng(QIODevice &device, bool *failed)
{
    for (int i = 0; i < kMaxPngChunks; ++i) {
        char header[8];
        if (!readExact(device, header, 8, failed))
            break;
        const quint32 length = bigEndian32(header);
        const QByteArray type(header + 4, 4);
        if (length > 0x7fffffffu || type == "IDAT" || type == "IEND")
            break;
        if (type == "eXIf") {
            if (length > kMaxPngExif)
                break;
            QByteArray bytes = readBytes(device, length, failed);
            if (bytes.startsWith(kExifHeader)) // some writers keep the JPEG prefix
                bytes.remove(0, kExifHeader.size());
            return parseTiff(bytes);
        }
        if (!skipBytes(device, qint64(length) + 4, failed))
            break;
    }
    return {};
}

ExifFacts scan(QIODevice &device, bool *failed)
{
    char start[8];
    if (!readExact(device, start, 2, failed))
        return {};
    if (quint8(start[0]) == 0xFF && quint8(start[1]) == 0xD8)
        return scanJpeg(device, failed);
    if (!readExact(device, start + 2, 6, failed) || QByteArray(start, 8) != kPngSignature)
        return {};
    return scanPng(device, failed);
}

// Counts what it writes and remembers a failure.
class Writer
{
public:
    explicit Writer(QIODevice &out)
        : m_out(out)
    {
    }
    bool write(const char *data, qint64 n)
    {
        if (m_failed)
            return false;
        qint64 done = 0;
        while (done < n) {
            const qint64 w = m_out.write(data + done, n - done);
            if (w <= 0) {
                m_failed = true;
                return false;
            }
            done += w;
        }
        m_written += n;
        return true;
    }
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] QString errorString() const { return m_out.errorString(); }

private:
    QIODevice &m_out;
    qint64 m_written = 0;
    bool m_failed = false;
};

// Copies n bytes (all that is left if n < 0) in pieces; false on a short input or a write failure.
bool copyBytes(QIODevice &in, Writer &out, qint64 n, bool *failed)
{
    QByteArray piece(kCopyChunk, Qt::Uninitialized);
    while (n != 0) {
        const qint64 want = n < 0 ? kCopyChunk : std::min(n, kCopyChunk);
        const qint64 r = in.read(piece.data(), want);
        if (r < 0)
            *failed = true;
        if (r <= 0)
            return n < 0 && r == 0;
        if (!out.write(piece.constData(), r))
            return false;
        if (n > 0)
            n -= r;
    }
    return true;
}

Result<qint64> copyJpeg(QIODevice &in, Writer &out, const QString &name, bool *failed)
{
    const auto damaged = [&name](const char *what) {
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2").arg(name, QLatin1String(what)));
    };
    out.write("\xFF\xD8", 2);
    for (int i = 0;; ++i) {
        if (i > kMaxSegments)
            return damaged("too many JPEG segments before the image data");
        const auto marker = readMarker(in, failed);
        if (!marker)
            return damaged("not a well-formed JPEG (a segment marker is missing)");
        const QByteArray markerBytes = QByteArray(marker->fillBytes + 1, '\xFF').append(char(marker->code));
        if (marker->code == 0xD9 || isStandalone(marker->code)) {
            out.write(markerBytes);
            if (marker->code == 0xD9)
                break;
            continue;
        }
        char length[2];
        if (!readExact(in, length, 2, failed))
            return damaged("the JPEG is truncated");
        const int payloadSize = (quint8(length[0]) << 8 | quint8(length[1])) - 2;
        if (payloadSize < 0)
            return damaged("a JPEG segment has an impossible length");
        QByteArray payload = readBytes(in, payloadSize, failed);
        if (payload.size() != payloadSize)
            return damaged("the JPEG is truncated");
        bool keep = true;
        if (marker->code == 0xE1 && payload.startsWith(kExifHeader)) {
            QByteArray tiff = payload.mid(kExifHeader.size());
            keep = stripGps(tiff);
            if (keep)
                payload = kExifHeader + tiff;
            else
                qCInfo(lcPhotos).noquote()
                    << name << "dropped an Exif segment too damaged to remove its GPS data";
        } else if (marker->code == 0xE1) {
            keep = !payload.startsWith(kXmpHeader) && !payload.startsWith(kXmpExtensionHeader);
        }
        if (keep)
            out.write(markerBytes + QByteArray(length, 2) + payload);
        if (marker->code == 0xDA)
            break;
    }
    if (!copyBytes(in, out, -1, failed) || out.failed())
        return damaged("the JPEG could not be copied");
    return out.written();
}

bool isDroppedPngText(const QByteArray &type, const QByteArray &head)
{
    if (type != "iTXt" && type != "tEXt" && type != "zTXt")
        return false;
    const QByteArray keyword = head.left(head.indexOf('\0'));
    return keyword == "XML:com.adobe.xmp" || keyword.startsWith("Raw profile type");
}

Result<qint64> copyPng(QIODevice &in, Writer &out, const QString &name, bool *failed)
{
    const auto damaged = [&name](const char *what) {
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2").arg(name, QLatin1String(what)));
    };
    out.write(kPngSignature);
    // Each chunk consumes at least 12 bytes of input, so this ends with the input.
    for (;;) {
        char header[8];
        const qint64 r = in.read(header, 8);
        if (r < 0)
            *failed = true;
        if (r <= 0)
            break; // no IEND: copied as it is
        if (r < 8 && !(r > 0 && readExact(in, header + r, 8 - r, failed)))
            return damaged("the PNG is truncated");
        const quint32 length = bigEndian32(header);
        if (length > 0x7fffffffu)
            return damaged("a PNG chunk has an impossible length");
        const QByteArray type(header + 4, 4);
        QByteArray head;
        if (type == "iTXt" || type == "tEXt" || type == "zTXt") {
            head = readBytes(in, std::min<qint64>(length, 80), failed);
            if (head.size() != std::min<qint64>(length, 80))
                return damaged("the PNG is truncated");
        }
        const qint64 rest = qint64(length) - head.size() + 4; // the data not read yet and the CRC
        if (type == "eXIf" || isDroppedPngText(type, head)) {
            if (!skipBytes(in, rest, failed))
                return damaged("the PNG is truncated");
            continue;
        }
        out.write(header, 8);
        out.write(head);
        if (!copyBytes(in, out, rest, failed))
            return damaged("the PNG is truncated");
        if (type == "IEND")
            break;
    }
    if (!copyBytes(in, out, -1, failed) || out.failed())
        return damaged("the PNG could not be copied");
    return out.written();
}

} // namespace

Result<ExifFacts> readExif(QIODevice &image, const QString &name)
{
    if (!image.isOpen() || !image.isReadable())
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot read %1: the device is not open for reading").arg(name));
    bool failed = false;
    ExifFacts facts;
    if (image.isSequential()) {
        QByteArray head = image.peek(kMaxSequentialPeek);
        QBuffer buffer(&head);
        buffer.open(QIODevice::ReadOnly);
        facts = scan(buffer, &failed);
    } else {
        const qint64 start = image.pos();
        facts = scan(image, &failed);
        if (!image.seek(start))
            return fail(ErrorCode::Io, QStringLiteral("cannot rewind %1: %2").arg(name, image.errorString()));
    }
    if (failed)
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(name, image.errorString()));
    return facts;
}

Result<qint64> copyWithoutLocation(QIODevice &in, QIODevice &out, const QString &name)
{
    if (!in.isOpen() || !in.isReadable())
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot read %1: the device is not open for reading").arg(name));
    if (!out.isOpen() || !out.isWritable())
        return fail(
            ErrorCode::Io,
            QStringLiteral("cannot write a copy of %1: the device is not open for writing").arg(name));
    bool failed = false;
    Writer writer(out);
    char start[8];
    Result<qint64> result =
        fail(ErrorCode::InvalidData, QStringLiteral("cannot remove location data from ") + name);
    if (readExact(in, start, 2, &failed) && quint8(start[0]) == 0xFF && quint8(start[1]) == 0xD8)
        result = copyJpeg(in, writer, name, &failed);
    else if (!failed && readExact(in, start + 2, 6, &failed) && QByteArray(start, 8) == kPngSignature)
        result = copyPng(in, writer, name, &failed);
    if (failed)
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(name, in.errorString()));
    if (writer.failed())
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write a copy of %1: %2").arg(name, writer.errorString()));
    return result;
}

} // namespace fs::model
