#pragma once

#include "error.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace fs::model {

// One row of the Windows lifecycle table (resources/lifecycle/windows-lifecycle.tsv, a copy of
// ../shared/corpus/lifecycle/windows-lifecycle.tsv): the last day a (product, edition family,
// version) gets security updates without a paid ESU.
struct LifecycleRow
{
    QString product;       // "Windows 10", "Windows Server 2019", …
    QString editionFamily; // "Home/Pro", "Enterprise/Education", "Enterprise LTSC", …
    QString version;       // "22H2", "LTSC 2021 (21H2)", "SP1", …
    int build = 0;
    QDate gaDate;
    QDate endOfServicing;
    QString notes;
    QString sourceUrl;
};

// The highest patch level (UBR) known for a build when the table was made, and its KB.
struct LatestUpdate
{
    int build = 0;
    int ubr = 0;
    QString kb;
};

class WindowsLifecycle
{
public:
    // The tables shipped in the application.
    [[nodiscard]] static const WindowsLifecycle &builtIn();
    // Reads the lifecycle TSV (header row, 9 columns) and the latest-UBR TSV; errors name the line.
    [[nodiscard]] static Result<WindowsLifecycle> fromTsv(const QByteArray &lifecycleTsv,
                                                          const QByteArray &latestUbrTsv);

    [[nodiscard]] const QList<LifecycleRow> &rows() const { return m_rows; }
    // The row for product + edition family + build; for products with one row per build (servers,
    // Windows 7/8.1) editionFamily may be empty.
    [[nodiscard]] std::optional<LifecycleRow> find(const QString &product, const QString &editionFamily,
                                                   int build) const;
    [[nodiscard]] std::optional<LatestUpdate> latestUpdate(int build) const;
    // The day the latest-UBR table was compiled.
    [[nodiscard]] QDate latestUpdateTableDate() const { return QDate(2026, 8, 19); }

private:
    QList<LifecycleRow> m_rows;
    QList<LatestUpdate> m_latest;
};

} // namespace fs::model
