#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <map>
#include <memory>
#include <optional>

namespace fs::model {

// One SQLite connection to one survey file, owned by one thread. Opens with the pragmas every
// survey file needs (WAL, synchronous=FULL, foreign keys) and wraps QtSql's error handling into
// Result values whose codes say what happened (disk full, read-only medium, locked, damaged).
class Database
{
public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    // What a write statement did.
    struct Outcome
    {
        int rowsAffected = 0;
        qint64 lastInsertId = 0;
    };

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Opens (and, in ReadWrite mode, creates) the SQLite file at path.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isReadOnly() const { return m_mode == Mode::ReadOnly; }

    // Prepares, binds (positional ?) and runs one statement; the caller iterates the result.
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;
    // Runs a statement whose rows are not needed, through a cache of prepared statements.
    [[nodiscard]] Result<Outcome> run(const QString &sql, const QVariantList &values = {}) const;
    // The first row (through the statement cache), or nullopt when there is none.
    [[nodiscard]] Result<std::optional<QVariantList>> firstRow(const QString &sql,
                                                               const QVariantList &values = {}) const;
    // The first column of the first row, or an invalid QVariant when there is no row.
    [[nodiscard]] Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    // Runs a script of several statements (migrations), through sqlite3_exec.
    [[nodiscard]] Result<void> execScript(const QString &sql) const;

    [[nodiscard]] static QString sqliteVersion();

private:
    Database(QString connectionName, QString path, Mode mode);
    [[nodiscard]] Result<QSqlQuery *> prepared(const QString &sql) const;

    QString m_connectionName;
    QString m_path;
    Mode m_mode;
    mutable std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// A value bound to a NOT NULL DEFAULT '' text column: a null QString would bind as SQL NULL.
[[nodiscard]] QVariant textValue(const QString &text);
// An optional value: NULL when the string is empty.
[[nodiscard]] QVariant nullableText(const QString &text);

} // namespace fs::model
