#include "rawsurveyfile.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace fs::test {

namespace {
QAtomicInt connections;
} // namespace

RawSurveyFile::RawSurveyFile(const QString &path)
    : m_name(QStringLiteral("raw-survey-%1").arg(connections.fetchAndAddRelaxed(1)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    db.setDatabaseName(path);
    m_ok = db.open();
    if (!m_ok)
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
}

RawSurveyFile::~RawSurveyFile()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

QList<QVariantList> RawSurveyFile::rows(const QString &sql, const QVariantList &values) const
{
    QList<QVariantList> result;
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        m_ok = false;
        return result;
    }
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row << query.value(i);
        result << row;
    }
    return result;
}

QVariant RawSurveyFile::value(const QString &sql, const QVariantList &values) const
{
    const QList<QVariantList> all = rows(sql, values);
    return all.isEmpty() || all.constFirst().isEmpty() ? QVariant() : all.constFirst().constFirst();
}

QStringList RawSurveyFile::column(const QString &sql) const
{
    QStringList list;
    for (const QVariantList &row : rows(sql))
        list << row.value(0).toString();
    return list;
}

} // namespace fs::test
