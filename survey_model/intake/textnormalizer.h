#pragma once

#include <QString>

namespace fs::model {

// How workbook text is compared and cleaned: hospitals type full-width digits (ＩＰ, １９２),
// ideographic spaces and stray line breaks.
class TextNormalizer
{
public:
    // NFKC, then trimmed: the form stored for codes, numbers, choices and names.
    [[nodiscard]] static QString value(const QString &text);
    // Only trimmed (notes and callouts keep the hospital's own punctuation).
    [[nodiscard]] static QString prose(const QString &text);
    // NFKC with every space removed: IP addresses, host names, codes.
    [[nodiscard]] static QString compact(const QString &text);
    // The key a header or label is matched by: NFKC, no whitespace, no required marks "(*)"
    // or "※", no trailing colon, ASCII lower-cased.
    [[nodiscard]] static QString key(const QString &text);
    // Whether the header marks a required field ("(*)" after NFKC).
    [[nodiscard]] static bool isRequiredMark(const QString &header);
    // The first whole number in the text ("回線１" → 1, "No.3" → 3), or -1.
    [[nodiscard]] static int firstNumber(const QString &text);
};

} // namespace fs::model
