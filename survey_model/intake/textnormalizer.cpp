#include "textnormalizer.h"

#include <QRegularExpression>

namespace fs::model {

namespace {

// Whether NFKC leaves the text as it is, decided cheaply for what workbooks are mostly made of:
// ASCII, kana and kanji. Anything else goes through the real normalisation.
bool nfkcStable(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3041 && u <= 0x3096) ||
            (u >= 0x30A1 && u <= 0x30FA) || u == 0x30FC || u == 0x3001 || u == 0x3002)
            continue;
        return false;
    }
    return true;
}

QString nfkc(const QString &text)
{
    return nfkcStable(text) ? text : text.normalized(QString::NormalizationForm_KC);
}

} // namespace

QString TextNormalizer::value(const QString &text)
{
    return nfkc(text).trimmed();
}

QString TextNormalizer::prose(const QString &text)
{
    return text.trimmed();
}

QString TextNormalizer::compact(const QString &text)
{
    QString out = nfkc(text);
    out.removeIf([](QChar c) { return c.isSpace(); });
    return out;
}

QString TextNormalizer::key(const QString &text)
{
    QString out = compact(text);
    out.remove(QStringLiteral("(*)"));
    out.remove(QStringLiteral("(※)"));
    out.remove(QLatin1Char('*'));
    out.remove(QChar(u'※'));
    while (out.endsWith(QLatin1Char(':')))
        out.chop(1);
    QString lowered;
    lowered.reserve(out.size());
    for (const QChar c : std::as_const(out))
        lowered += c.unicode() < 128 ? c.toLower() : c;
    return lowered;
}

bool TextNormalizer::isRequiredMark(const QString &header)
{
    const QString k = compact(header);
    return k.contains(QStringLiteral("(*)")) || k.endsWith(QLatin1Char('*')) ||
           k.contains(QStringLiteral("(必須)"));
}

int TextNormalizer::firstNumber(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    const auto match = digits.match(value(text));
    if (!match.hasMatch())
        return -1;
    bool ok = false;
    const int n = match.captured(0).left(6).toInt(&ok);
    return ok ? n : -1;
}

} // namespace fs::model
