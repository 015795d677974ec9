#include "deviceoutput.h"

#include "logging.h"

#include <QStringDecoder>

namespace fs::collect {

namespace {

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kCsi8Bit = 0x9b;
// An OSC / DCS string longer than this without its terminator is not one: drop the introducer only.
constexpr qsizetype kMaxControlString = 512;

bool isWide(char16_t c)
{
    return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
           (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
           (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

// Characters that betray a wrong guess of the encoding.
qsizetype suspicion(const QString &text)
{
    qsizetype count = 0;
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if ((c >= 0xff61 && c <= 0xff9f) || (c >= 0x80 && c <= 0x9f) || c == 0xfffd || c == 0x1a)
            ++count;
    }
    return count;
}

// Skips a CSI sequence starting at i (just after "ESC [" or the 8-bit CSI); returns the index after it.
qsizetype skipCsi(const QString &text, qsizetype i)
{
    const qsizetype n = text.size();
    while (i < n && text.at(i).unicode() >= 0x30 && text.at(i).unicode() <= 0x3f)
        ++i; // parameters
    while (i < n && text.at(i).unicode() >= 0x20 && text.at(i).unicode() <= 0x2f)
        ++i; // intermediates
    if (i < n && text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e)
        ++i; // final byte
    return i;
}

// Skips a control string (OSC, DCS, ...) starting at i, up to BEL or ESC \; returns the index after
// it, or -1 when no terminator follows within kMaxControlString characters.
qsizetype skipControlString(const QString &text, qsizetype i)
{
    const qsizetype end = std::min(text.size(), i + kMaxControlString);
    for (; i < end; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0x07)
            return i + 1;
        if (c == kEsc && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\\'))
            return i + 2;
    }
    return -1;
}

bool isDroppedControl(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || c == 0x7f;
}

// Applies carriage returns and backspaces the way a terminal shows them: the cursor moves, later
// characters overwrite. Trailing spaces left by erased pagers are dropped.
QString renderLine(QStringView line)
{
    QString buffer;
    buffer.reserve(line.size());
    qsizetype cursor = 0;
    for (const QChar qc : line) {
        const char16_t c = qc.unicode();
        if (c == u'\r') {
            cursor = 0;
        } else if (c == u'\b') {
            cursor = std::max<qsizetype>(0, cursor - 1);
        } else if (!isDroppedControl(c)) {
            if (cursor < buffer.size())
                buffer[cursor] = qc;
            else
                buffer.append(qc);
            ++cursor;
        }
    }
    while (!buffer.isEmpty() && buffer.back() == QLatin1Char(' '))
        buffer.chop(1);
    return buffer;
}

QString unifyLines(const QString &text)
{
    if (!text.contains(QLatin1Char('\n'))) {
        // Output that uses CR alone as its line end (no LF anywhere).
        QString copy = text;
        copy.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        QString out;
        out.reserve(copy.size());
        for (const QChar c : copy) {
            if (c == QLatin1Char('\b'))
                out.chop(out.isEmpty() || out.back() == QLatin1Char('\n') ? 0 : 1);
            else if (!isDroppedControl(c.unicode()))
                out.append(c);
        }
        return out;
    }
    QString out;
    out.reserve(text.size());
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        const bool last = end < 0;
        if (last)
            end = text.size();
        QStringView line = QStringView(text).mid(start, end - start);
        while (line.endsWith(QLatin1Char('\r')))
            line.chop(1); // CRLF, CR CR LF
        bool plain = true;
        for (const QChar c : line) {
            if (c.unicode() < 0x20 && c != QLatin1Char('\t')) {
                plain = false;
                break;
            }
            if (c.unicode() == 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain)
            out.append(line);
        else
            out.append(renderLine(line));
        if (!last)
            out.append(QLatin1Char('\n'));
        start = end + 1;
    }
    return out;
}

QString foldFullWidth(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xff01 && u <= 0xff5e)
            c = QChar(char16_t(u - 0xfee0));
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

int DeviceOutput::displayWidth(QStringView line)
{
    int width = 0;
    for (const QChar c : line)
        width += isWide(c.unicode()) ? 2 : 1;
    return width;
}

QString DeviceOutput::stripEscapes(const QString &text)
{
    if (!text.contains(QChar(kEsc)) && !text.contains(QChar(kCsi8Bit)))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text.at(i).unicode();
        if (c == kCsi8Bit) {
            i = skipCsi(text, i + 1);
            continue;
        }
        if (c != kEsc) {
            out.append(text.at(i));
            ++i;
            continue;
        }
        if (i + 1 >= n)
            break; // a lone ESC at the end
        const char16_t next = text.at(i + 1).unicode();
        if (next == u'[') {
            i = skipCsi(text, i + 2);
        } else if (next == u']' || next == u'P' || next == u'X' || next == u'^' || next == u'_') {
            const qsizetype after = skipControlString(text, i + 2);
            i = after < 0 ? i + 2 : after;
        } else if (next == u'E') {
            out.append(QLatin1Char('\n')); // NEL: ProCurve starts new lines with it
            i += 2;
        } else if (next == u'(' || next == u')' || next == u'*' || next == u'+' || next == u'-' ||
                   next == u'.' || next == u'/' || next == u'#' || next == u'%') {
            i = std::min(n, i + 3); // character set designation: ESC ( B
        } else if (next >= 0x30 && next <= 0x7e) {
            i += 2; // ESC 7, ESC 8, ESC =, ESC >, ESC M, ESC c ...
        } else {
            ++i; // drop the ESC, keep what follows
        }
    }
    return out;
}

QString DeviceOutput::unwrap(const QString &text, int columns)
{
    if (columns <= 0)
        return text;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out.append(lines.at(i));
        qsizetype physical = i;
        while (physical + 1 < lines.size()) {
            const QString &current = lines.at(physical);
            const QString &next = lines.at(physical + 1);
            const int width = displayWidth(current);
            // Devices that keep the last column free (Yamaha) break at columns - 1; a wide
            // character that no longer fits leaves one more column empty.
            const bool nextWide = !next.isEmpty() && isWide(next.at(0).unicode());
            const bool wrapped =
                width == columns || width == columns - 1 || (width == columns - 2 && nextWide);
            if (!wrapped || next.isEmpty())
                break;
            out.append(next);
            ++physical;
        }
        i = physical;
        if (i + 1 < lines.size())
            out.append(QLatin1Char('\n'));
    }
    return out;
}

QString DeviceOutput::clean(const QString &text, int wrapColumns)
{
    QString result = unifyLines(stripEscapes(text));
    if (wrapColumns > 0)
        result = unwrap(result, wrapColumns);
    return foldFullWidth(std::move(result));
}

DecodedText DeviceOutput::decode(const QByteArray &bytes, const QStringList &encodings, int wrapColumns)
{
    DecodedText result;
    QByteArrayView input(bytes);
    if (input.size() > kMaxBytes) {
        // Cut at a line end when one is near, so a multi-byte character is not split.
        qsizetype cut = bytes.lastIndexOf('\n', kMaxBytes - 1);
        cut = cut < kMaxBytes - 65536 ? kMaxBytes : cut + 1;
        input = input.first(cut);
        result.truncated = true;
        qCWarning(lcProfiles) << "device output of" << bytes.size() << "bytes cut at" << cut;
    }

    QString text;
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = utf8.decode(input);
        if (!utf8.hasError())
            result.encoding = QStringLiteral("UTF-8");
    }
    if (result.encoding.isEmpty()) {
        qsizetype bestSuspicion = -1;
        for (const QString &name : encodings) {
            if (name.compare(QLatin1StringView("UTF-8"), Qt::CaseInsensitive) == 0)
                continue;
            QStringDecoder decoder(name.toLatin1().constData(), QStringDecoder::Flag::Stateless);
            if (!decoder.isValid()) {
                qCWarning(lcProfiles) << "encoding" << name << "is not available in this Qt build";
                continue;
            }
            QString candidate = decoder.decode(input);
            if (decoder.hasError())
                continue;
            const qsizetype score = suspicion(candidate);
            if (bestSuspicion < 0 || score < bestSuspicion) {
                bestSuspicion = score;
                text = std::move(candidate);
                result.encoding = QString::fromLatin1(decoder.name());
            }
        }
    }
    if (result.encoding.isEmpty()) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = utf8.decode(input);
        result.encoding = QStringLiteral("UTF-8 (invalid bytes replaced)");
        result.lossy = true;
    }
    result.text = clean(text, wrapColumns);
    return result;
}

} // namespace fs::collect
