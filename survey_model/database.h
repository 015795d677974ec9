#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>

namespace fs::model {

// One SQLite connection to one survey file, owned by one thread. Opens with the pragmas every
// survey file needs (WAL, synchronous=FULL, foreign keys) and wraps QtSql's error handling into
// Result values.
class Database
{
public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Opens (and, in ReadWrite mode, creates) the SQLite file at path.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isReadOnly() const { return m_mode == Mode::ReadOnly; }

    // Prepares, binds (positional ?) and runs one statement.
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;
    // The first column of the first row, or an invalid QVariant when there is no row.
    [[nodiscard]] Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    // Runs a script of several statements (migrations), through sqlite3_exec.
    [[nodiscard]] Result<void> execScript(const QString &sql) const;

    [[nodiscard]] static QString sqliteVersion();

private:
    Database(QString connectionName, QString path, Mode mode);

    QString m_connectionName;
    QString m_path;
    Mode m_mode;
};

// A value bound to a NOT NULL DEFAULT '' text column: a null QString would bind as SQL NULL.
[[nodiscard]] QVariant textValue(const QString &text);
// An optional value: NULL when the string is empty.
[[nodiscard]] QVariant nullableText(const QString &text);

} // namespace fs::model
