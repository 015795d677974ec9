#include "textnormalizer.h"

#include <QRegularExpression>

namespace fs::model {

QString TextNormalizer::value(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).trimmed();
}

QString TextNormalizer::prose(const QString &text)
{
    return text.trimmed();
}

QString TextNormalizer::compact(const QString &text)
{
    QString out = text.normalized(QString::NormalizationForm_KC);
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
