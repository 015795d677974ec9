#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fs::collect {

// Device output as text the profile rules can match.
struct DecodedText
{
    QString text;           // cleaned: no escapes, \n line ends, full-width ASCII folded (see clean())
    QString encoding;       // "UTF-8", "Shift_JIS", "EUC-JP", ... or "UTF-8 (invalid bytes replaced)"
    bool truncated = false; // the input was longer than kMaxBytes and was cut
    bool lossy = false;     // no encoding decoded the bytes cleanly; invalid bytes became U+FFFD
};

// Turns what a device printed into text: bytes to QString, terminal control removed, line ends
// unified, console wrapping undone, full-width punctuation folded for matching. Bounded: input
// beyond kMaxBytes is cut (and flagged), every step is linear in the input.
class DeviceOutput
{
public:
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

    // Strict UTF-8 first (ASCII is UTF-8), then each of encodings in order (names QStringDecoder
    // knows through ICU: "Shift_JIS", "EUC-JP", "CP932", ...). When several decode without error,
    // the one that yields the fewest half-width katakana and C1 controls wins (EUC-JP read as
    // Shift_JIS decodes "cleanly" into half-width katakana). When none decodes cleanly, UTF-8 with
    // replacement characters is used and lossy is set. wrapColumns > 0 undoes console wrapping
    // (see unwrap()).
    [[nodiscard]] static DecodedText decode(const QByteArray &bytes, const QStringList &encodings,
                                            int wrapColumns = 0);

    // The text half of decode(): strip ANSI / VT100 escape sequences (ESC E becomes a line break),
    // unify CRLF / LF / lone CR (a lone CR returns the cursor: what follows overwrites the line, as
    // on the terminal; text without any LF uses CR as its line end), apply backspaces, drop other
    // control characters except tab, unwrap at wrapColumns, then fold full-width ASCII (U+FF01 -
    // U+FF5E, e.g. the full-width colon U+FF1A) and the ideographic space U+3000 to ASCII.
    [[nodiscard]] static QString clean(const QString &text, int wrapColumns = 0);

    // Removes escape sequences only (CSI, OSC, two-byte ESC sequences; ESC E becomes \n).
    [[nodiscard]] static QString stripEscapes(const QString &text);

    // Re-joins lines the console wrapped at a fixed width: a line columns or columns - 1 wide
    // (full-width characters count two) followed by another line is joined with it. Yamaha RTX on
    // an 80-column console breaks its lines at 79 characters, in the middle of a word ("MAC-Addr" /
    // "ess="); a device that uses the last column breaks at 80.
    [[nodiscard]] static QString unwrap(const QString &text, int columns);

    // Display width of a line in terminal columns (East Asian wide and full-width characters: 2).
    [[nodiscard]] static int displayWidth(QStringView line);
};

} // namespace fs::collect
