#include "jsoncompare.h"

#include <QJsonArray>

#include <cmath>

namespace fs::test {

namespace {

QString normalised(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace

QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path,
                        double tolerance)
{
    if (expected.isObject()) {
        if (!actual.isObject())
            return path + QStringLiteral(": expected an object");
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": missing");
            const QString d =
                firstDifference(it.value(), a.value(it.key()), path + QLatin1Char('.') + it.key(), tolerance);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size())
            return path + QStringLiteral(": expected %1 elements, got %2").arg(e.size()).arg(a.size());
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QString d = firstDifference(e[i], a[i], path + QStringLiteral("[%1]").arg(i), tolerance);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if ((path.endsWith(QStringLiteral(".x")) || path.endsWith(QStringLiteral(".y"))) && expected.isDouble()) {
        if (!actual.isDouble() || std::fabs(expected.toDouble() - actual.toDouble()) > tolerance)
            return path + QStringLiteral(": expected %1 ± %2, got %3")
                              .arg(expected.toDouble())
                              .arg(tolerance)
                              .arg(normalised(actual));
        return {};
    }
    // A number may be printed as a number or as its text ("22" / 22).
    if (normalised(expected) != normalised(actual)) {
        bool eNumber = false;
        bool aNumber = false;
        const double e = normalised(expected).toDouble(&eNumber);
        const double a = normalised(actual).toDouble(&aNumber);
        if (!(eNumber && aNumber && e == a))
            return path +
                   QStringLiteral(": expected «%1», got «%2»").arg(normalised(expected), normalised(actual));
    }
    return {};
}

QString missingWarning(const QJsonObject &expected, const QJsonObject &actual)
{
    const QJsonArray have = actual.value(QStringLiteral("warnings")).toArray();
    const QJsonArray want = expected.value(QStringLiteral("warnings")).toArray();
    for (const QJsonValue &w : want) {
        const QString code = w[QStringLiteral("code")].toString();
        const QString where = w[QStringLiteral("where")].toString();
        const bool found = std::any_of(have.begin(), have.end(), [&](const QJsonValue &h) {
            return h[QStringLiteral("code")].toString() == code &&
                   (where.isEmpty() || h[QStringLiteral("where")].toString() == where);
        });
        if (!found) {
            QStringList present;
            for (const QJsonValue &h : have)
                present << h[QStringLiteral("code")].toString() + QLatin1Char('@') +
                               h[QStringLiteral("where")].toString();
            return QStringLiteral("%1 at «%2» was not raised (raised: %3)")
                .arg(code, where, present.join(QStringLiteral(", ")));
        }
    }
    return {};
}

} // namespace fs::test
