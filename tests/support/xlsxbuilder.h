#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace fs::test {

// Writes a zip package part by part (stored in the given order), for crafting .xlsx files in
// tests. Parts are XML or binary as given; nothing is added.
class XlsxBuilder
{
public:
    XlsxBuilder &add(const QString &part, const QByteArray &content);
    // A workbook with the usual package parts around the given sheets (name, sheet XML) and
    // optional extra parts (shared strings, styles, drawings …) with their relationships.
    static XlsxBuilder workbook(const QList<std::pair<QString, QByteArray>> &sheets, bool date1904 = false,
                                const QByteArray &sharedStrings = {}, const QByteArray &styles = {});
    [[nodiscard]] bool write(const QString &path) const;

private:
    QList<std::pair<QString, QByteArray>> m_parts;
};

} // namespace fs::test
