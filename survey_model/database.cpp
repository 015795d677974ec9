#include "database.h"

#include "logging.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

namespace fs::model {

namespace {

// SQLite's primary result codes that say something a user can act on.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

ErrorCode codeFor(const QSqlError &error)
{
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    if (!ok)
        return ErrorCode::Database;
    switch (native & 0xff) { // extended codes carry the primary code in the low byte
    case kSqliteFull:
        return ErrorCode::DiskFull;
    case kSqliteReadOnly:
        return ErrorCode::ReadOnlyMedia;
    case kSqliteBusy:
    case kSqliteLocked:
        return ErrorCode::Locked;
    case kSqliteIoErr:
    case kSqliteCantOpen:
        return ErrorCode::Io;
    case kSqliteCorrupt:
        return ErrorCode::Corrupt;
    case kSqliteNotADb:
        return ErrorCode::NotASurvey;
    default:
        return ErrorCode::Database;
    }
}

Error sqlError(const QSqlError &error, const QString &what)
{
    return Error{codeFor(error), what + QStringLiteral(": ") + error.text()};
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
    m_statements.clear(); // prepared statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

namespace {

// Opens the connection `name`; immutable tells SQLite the file cannot change (read-only media,
// where the WAL index cannot be created).
Result<void> openConnection(const QString &name, const QString &path, Database::Mode mode, bool immutable)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return fail(ErrorCode::Database, QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Database::Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        options += QStringLiteral(";QSQLITE_OPEN_URI");
        QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        url.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(url.toString(QUrl::FullyEncoded));
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open())
        return tl::unexpected(sqlError(db.lastError(), QStringLiteral("cannot open ") + path));
    return {};
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return fail(ErrorCode::Io, QStringLiteral("no such file: ") + path);

    for (const bool immutable : {false, true}) {
        if (immutable && mode != Mode::ReadOnly)
            break;
        const QString name = QStringLiteral("fs-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        std::unique_ptr<Database> database(new Database(name, path, mode));
        if (auto r = openConnection(name, path, mode, immutable); !r)
            return tl::unexpected(r.error());

        // Reading the schema is the first real access: it fails for a file that is not SQLite.
        auto probe = database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!probe) {
            const ErrorCode code = probe.error().code;
            if (code == ErrorCode::Io && mode == Mode::ReadOnly && !immutable)
                continue; // a WAL file on read-only media: try again as immutable
            if (code == ErrorCode::Locked || code == ErrorCode::Io)
                return tl::unexpected(probe.error());
            return fail(ErrorCode::NotASurvey,
                        path + QStringLiteral(" is not an SQLite file: ") + probe.error().detail);
        }

        if (mode == Mode::ReadWrite) {
            auto wal = database->scalar(QStringLiteral("PRAGMA journal_mode = WAL"));
            if (!wal) {
                if (wal.error().code == ErrorCode::ReadOnlyMedia)
                    return fail(ErrorCode::ReadOnlyMedia,
                                QStringLiteral("%1 cannot be written: %2").arg(path, wal.error().detail));
                return tl::unexpected(wal.error());
            }
            if (wal->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
                return fail(ErrorCode::ReadOnlyMedia,
                            QStringLiteral("cannot switch %1 to WAL (got %2)").arg(path, wal->toString()));
        }
        for (const auto *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
            if (auto r = database->exec(QString::fromLatin1(pragma)); !r)
                return tl::unexpected(r.error());
        }
        qCDebug(lcStore) << "opened" << path
                         << (mode == Mode::ReadOnly ? (immutable ? "read-only (immutable)" : "read-only")
                                                    : "read-write");
        return database;
    }
    return fail(ErrorCode::Io, QStringLiteral("cannot open ") + path);
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

namespace {

void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
}

} // namespace

Result<QSqlQuery *> Database::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return tl::unexpected(sqlError(query->lastError(),
                                           QStringLiteral("prepare failed for «%1»").arg(sql.simplified())));
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second.get();
}

Result<Database::Outcome> Database::run(const QString &sql, const QVariantList &values) const
{
    auto query = prepared(sql);
    if (!query)
        return tl::unexpected(query.error());
    QSqlQuery &q = **query;
    bindAll(q, values);
    const bool ok = q.exec();
    const Outcome outcome{q.numRowsAffected(), q.lastInsertId().toLongLong()};
    const QSqlError error = q.lastError();
    q.finish();
    if (!ok)
        return tl::unexpected(sqlError(error, QStringLiteral("failed: «%1»").arg(sql.simplified())));
    return outcome;
}

Result<std::optional<QVariantList>> Database::firstRow(const QString &sql, const QVariantList &values) const
{
    auto query = prepared(sql);
    if (!query)
        return tl::unexpected(query.error());
    QSqlQuery &q = **query;
    bindAll(q, values);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return tl::unexpected(sqlError(error, QStringLiteral("failed: «%1»").arg(sql.simplified())));
    }
    std::optional<QVariantList> row;
    if (q.next()) {
        QVariantList columns;
        const int count = q.record().count();
        for (int i = 0; i < count; ++i)
            columns.append(q.value(i));
        row = std::move(columns);
    }
    q.finish();
    return row;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    auto row = firstRow(sql, values);
    if (!row)
        return tl::unexpected(row.error());
    if (!*row || (*row)->isEmpty())
        return QVariant();
    return (*row)->first();
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
        const ErrorCode code = (rc & 0xff) == kSqliteFull       ? ErrorCode::DiskFull
                               : (rc & 0xff) == kSqliteReadOnly ? ErrorCode::ReadOnlyMedia
                               : (rc & 0xff) == kSqliteBusy     ? ErrorCode::Locked
                                                                : ErrorCode::Database;
        return fail(code, QStringLiteral("script failed: ") + detail);
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
