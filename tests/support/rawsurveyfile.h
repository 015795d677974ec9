#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace fs::test {

// A survey file opened read-only with its own plain QSQLITE connection: what the review tests
// expect is counted here with SQL, not with the code under test. A query that fails is logged
// and makes ok() false (its result is empty).
class RawSurveyFile
{
public:
    explicit RawSurveyFile(const QString &path);
    ~RawSurveyFile();
    RawSurveyFile(const RawSurveyFile &) = delete;
    RawSurveyFile &operator=(const RawSurveyFile &) = delete;

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] QList<QVariantList> rows(const QString &sql, const QVariantList &values = {}) const;
    // The first column of the first row, or an invalid QVariant.
    [[nodiscard]] QVariant value(const QString &sql, const QVariantList &values = {}) const;
    [[nodiscard]] int count(const QString &sql) const { return value(sql).toInt(); }
    [[nodiscard]] QStringList column(const QString &sql) const;

private:
    QString m_name;
    mutable bool m_ok = false;
};

} // namespace fs::test
