#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fs::model {

class JsonSchema;

// What is known about one Windows terminal (調査端末): the facts the read-only collector script
// wrote, or the same facts entered by hand. The JSON follows
// resources/collector/terminal-facts.schema.json ("fieldsurvey-terminal-facts/1"); a TerminalFacts
// always holds JSON that passed that schema.
class TerminalFacts
{
public:
    static constexpr char kSchemaName[] = "fieldsurvey-terminal-facts/1";
    static constexpr char kCollectorScript[] = "fieldsurvey-terminal.ps1";
    static constexpr char kManual[] = "manual";
    // Larger files are refused before parsing; a real one is well under 1 MiB.
    static constexpr qsizetype kMaxInputBytes = 8 * 1024 * 1024;
    static constexpr int kMaxDepth = 16;

    // The schema the importer checks against (the file the collector documents).
    [[nodiscard]] static const JsonSchema &schema();

    // Reads a collector file (UTF-8, or UTF-16 with BOM); errors name the file and the JSON path.
    [[nodiscard]] static Result<TerminalFacts> fromBytes(const QByteArray &bytes, const QString &sourceName);
    [[nodiscard]] static Result<TerminalFacts> fromFile(const QString &path);
    // Checks facts built in memory (manual entry, a stored copy) against the schema.
    [[nodiscard]] static Result<TerminalFacts> fromJson(const QJsonObject &json, const QString &sourceName);

    [[nodiscard]] const QJsonObject &json() const { return m_json; }
    [[nodiscard]] QByteArray toBytes() const;

    // "manual" or "collector".
    [[nodiscard]] QString source() const;
    [[nodiscard]] bool isManual() const;
    [[nodiscard]] QString computerName() const;
    [[nodiscard]] QDateTime collectedAt() const;

    // A section ("os", "updates", …) whose status is ok; empty when missing, failed or skipped.
    [[nodiscard]] QJsonObject section(const QString &name) const;
    // The status of a section: ok, error, not_applicable, skipped, or "missing".
    [[nodiscard]] QString sectionStatus(const QString &name) const;

private:
    explicit TerminalFacts(QJsonObject json)
        : m_json(std::move(json))
    {
    }

    QJsonObject m_json;
};

// Small readers for optional JSON values (null or absent → nullopt).
[[nodiscard]] std::optional<qint64> jsonInt(const QJsonObject &o, const QString &key);
[[nodiscard]] std::optional<bool> jsonBool(const QJsonObject &o, const QString &key);
[[nodiscard]] QString jsonText(const QJsonObject &o, const QString &key);
[[nodiscard]] std::optional<QDateTime> jsonTime(const QJsonObject &o, const QString &key);

} // namespace fs::model
