#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace fs::model {

// Reading JSON files made by other programs, safely: bounded size and nesting, the encodings
// Windows tools write (UTF-8 with or without BOM, UTF-16 LE/BE with BOM as PowerShell 5.1's
// redirection writes), and errors that name the file, line and column.
class JsonText
{
public:
    // "line 3, column 14" of a byte offset in UTF-8 text, for syntax errors.
    [[nodiscard]] static QString position(const QByteArray &utf8, qsizetype offset);

    // The text as UTF-8 without BOM; refuses invalid UTF-8 or UTF-16.
    [[nodiscard]] static Result<QByteArray> toUtf8(const QByteArray &bytes, const QString &sourceName);

    // Parses a JSON object: at most maxBytes, at most maxDepth nested arrays/objects.
    [[nodiscard]] static Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &sourceName,
                                                         qsizetype maxBytes, int maxDepth);
};

} // namespace fs::model
