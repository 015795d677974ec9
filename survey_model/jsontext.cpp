#include "jsontext.h"

#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>

namespace fs::model {

namespace {

// The deepest nesting of arrays and objects outside strings, or -1 once it exceeds limit.
int nestingDepth(const QByteArray &utf8, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : utf8) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return -1;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

QString JsonText::position(const QByteArray &utf8, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, utf8.size());
    const QByteArrayView before(utf8.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lastNewline = before.lastIndexOf('\n');
    const QString column = QString::number(QString::fromUtf8(before.sliced(lastNewline + 1)).size() + 1);
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

Result<QByteArray> JsonText::toUtf8(const QByteArray &bytes, const QString &sourceName)
{
    QStringConverter::Encoding encoding = QStringConverter::Utf8;
    qsizetype bom = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bom = 3;
    } else if (bytes.startsWith("\xFF\xFE")) {
        encoding = QStringConverter::Utf16LE;
        bom = 2;
    } else if (bytes.startsWith("\xFE\xFF")) {
        encoding = QStringConverter::Utf16BE;
        bom = 2;
    } else if (bytes.size() >= 2 && bytes.at(0) != 0 && bytes.at(1) == 0) {
        encoding = QStringConverter::Utf16LE; // UTF-16 without BOM ("{\0")
    }
    const QByteArrayView body = QByteArrayView(bytes).sliced(bom);
    if (encoding == QStringConverter::Utf8) {
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString text = decoder.decode(body);
        if (decoder.hasError())
            return fail(ErrorCode::InvalidData,
                        sourceName + QStringLiteral(": the file is not valid UTF-8 text"));
        Q_UNUSED(text);
        return body.toByteArray();
    }
    if (body.size() % 2 != 0)
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": the UTF-16 text is truncated"));
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(body);
    if (decoder.hasError())
        return fail(ErrorCode::InvalidData,
                    sourceName + QStringLiteral(": the file is not valid UTF-16 text"));
    return text.toUtf8();
}

Result<QJsonObject> JsonText::parseObject(const QByteArray &bytes, const QString &sourceName,
                                          qsizetype maxBytes, int maxDepth)
{
    if (bytes.size() > maxBytes)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2 bytes is more than the %3 bytes accepted")
                                                .arg(sourceName)
                                                .arg(bytes.size())
                                                .arg(maxBytes));
    auto utf8 = toUtf8(bytes, sourceName);
    if (!utf8)
        return tl::unexpected(utf8.error());
    if (nestingDepth(*utf8, maxDepth) < 0)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: nested more than %2 levels deep").arg(sourceName).arg(maxDepth));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(*utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2: %3")
                        .arg(sourceName, position(*utf8, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": the top level must be an object"));
    return document.object();
}

} // namespace fs::model
