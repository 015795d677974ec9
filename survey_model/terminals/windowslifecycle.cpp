#include "windowslifecycle.h"

#include <QFile>

namespace fs::model {

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "WindowsLifecycle", "a shipped table is missing");
    return file.readAll();
}

QList<QStringList> tsvRows(const QByteArray &tsv)
{
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(tsv).split(QLatin1Char('\n'));
    for (const QString &line : lines)
        rows << QString(line).remove(QLatin1Char('\r')).split(QLatin1Char('\t'));
    return rows;
}

} // namespace

const WindowsLifecycle &WindowsLifecycle::builtIn()
{
    static const WindowsLifecycle table = [] {
        auto parsed =
            fromTsv(resource(QStringLiteral(":/fieldsurvey/lifecycle/windows-lifecycle.tsv")),
                    resource(QStringLiteral(":/fieldsurvey/lifecycle/windows-build-latest-ubr.tsv")));
        Q_ASSERT_X(parsed.has_value(), "WindowsLifecycle::builtIn", "a shipped table is invalid");
        return parsed.value_or(WindowsLifecycle());
    }();
    return table;
}

Result<WindowsLifecycle> WindowsLifecycle::fromTsv(const QByteArray &lifecycleTsv,
                                                   const QByteArray &latestUbrTsv)
{
    WindowsLifecycle table;
    const QList<QStringList> rows = tsvRows(lifecycleTsv);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &c = rows[i];
        if (c.size() == 1 && c[0].trimmed().isEmpty())
            continue;
        const QString where = QStringLiteral("windows-lifecycle.tsv line %1").arg(i + 1);
        if (c.size() < 8)
            return fail(ErrorCode::InvalidData, where + QStringLiteral(": expected 9 columns"));
        LifecycleRow row{c[0],
                         c[1],
                         c[2],
                         c[3].toInt(),
                         QDate::fromString(c[4], Qt::ISODate),
                         QDate::fromString(c[5], Qt::ISODate),
                         c[6],
                         c[7]};
        if (row.build <= 0 || !row.endOfServicing.isValid())
            return fail(ErrorCode::InvalidData,
                        where + QStringLiteral(": build or end_of_servicing is not valid"));
        table.m_rows << row;
    }
    const QList<QStringList> latest = tsvRows(latestUbrTsv);
    for (qsizetype i = 1; i < latest.size(); ++i) {
        const QStringList &c = latest[i];
        if (c.size() == 1 && c[0].trimmed().isEmpty())
            continue;
        if (c.size() < 4 || c[0].toInt() <= 0 || c[2].toInt() <= 0)
            return fail(
                ErrorCode::InvalidData,
                QStringLiteral("windows-build-latest-ubr.tsv line %1: expected build, product, ubr, kb")
                    .arg(i + 1));
        table.m_latest << LatestUpdate{c[0].toInt(), c[2].toInt(), c[3]};
    }
    return table;
}

std::optional<LifecycleRow> WindowsLifecycle::find(const QString &product, const QString &editionFamily,
                                                   int build) const
{
    for (const LifecycleRow &row : m_rows) {
        if (row.product == product && row.build == build &&
            (editionFamily.isEmpty() || row.editionFamily == editionFamily))
            return row;
    }
    return std::nullopt;
}

std::optional<LatestUpdate> WindowsLifecycle::latestUpdate(int build) const
{
    for (const LatestUpdate &l : m_latest) {
        if (l.build == build)
            return l;
    }
    return std::nullopt;
}

} // namespace fs::model
