#include "database.h"

#include "logging.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

#include <sqlite3.h>

namespace fs::model {

namespace {

Error sqlError(const QSqlError &error, const QString &what)
{
    return Error{ErrorCode::Database, what + QStringLiteral(": ") + error.text()};
}

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

Database::Database(QString connectionName, QString path, Mode mode)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_mode(mode)
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return fail(ErrorCode::Io, QStringLiteral("no such file: ") + path);

    const QString name = QStringLiteral("fs-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> database(new Database(name, path, mode));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return fail(ErrorCode::Database,
                        QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open())
            return tl::unexpected(sqlError(db.lastError(), QStringLiteral("cannot open ") + path));
    }

    // Reading the schema is the first real access: it fails for a file that is not SQLite.
    auto probe = database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!probe)
        return fail(ErrorCode::NotASurvey,
                    path + QStringLiteral(" is not an SQLite file: ") + probe.error().detail);

    if (mode == Mode::ReadWrite) {
        auto wal = database->scalar(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!wal)
            return tl::unexpected(wal.error());
        if (wal->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
            return fail(ErrorCode::Database,
                        QStringLiteral("cannot switch %1 to WAL (got %2)").arg(path, wal->toString()));
    }
    for (const auto *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (auto r = database->exec(QString::fromLatin1(pragma)); !r)
            return tl::unexpected(r.error());
    }
    qCDebug(lcStore) << "opened" << path << (mode == Mode::ReadOnly ? "read-only" : "read-write");
    return database;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return tl::unexpected(
            sqlError(query.lastError(), QStringLiteral("prepare failed for «%1»").arg(sql.simplified())));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return tl::unexpected(
            sqlError(query.lastError(), QStringLiteral("failed: «%1»").arg(sql.simplified())));
    return query;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    auto query = exec(sql, values);
    if (!query)
        return tl::unexpected(query.error());
    if (!query->next())
        return QVariant();
    return query->value(0);
}

Result<void> Database::execScript(const QString &sql) const
{
    sqlite3 *handle = nativeHandle(QSqlDatabase::database(m_connectionName, false));
    if (handle == nullptr)
        return fail(ErrorCode::Database, QStringLiteral("no native SQLite handle"));
    char *message = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(handle, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString detail = message != nullptr ? QString::fromUtf8(message) : QString::number(rc);
        sqlite3_free(message);
        return fail(ErrorCode::Database, QStringLiteral("script failed: ") + detail);
    }
    return {};
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace fs::model
