#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace fs::test {

// Compares what an import produced against an expected result in the format of
// ../shared/corpus/intake/*.expected.json. Every key of `expected` must have the same value in
// `actual` (numbers may be numbers or strings; pin coordinates x and y within `tolerance`);
// keys only in `actual` are ignored. Returns the first difference as "path: expected X, got Y",
// or an empty string.
[[nodiscard]] QString firstDifference(const QJsonValue &expected, const QJsonValue &actual,
                                      const QString &path, double tolerance = 0.03);

// Every warning in expected["warnings"] ({code, where}) must be among actual["warnings"]; an
// empty "where" matches any place. Returns the first missing one, or an empty string.
[[nodiscard]] QString missingWarning(const QJsonObject &expected, const QJsonObject &actual);

} // namespace fs::test
