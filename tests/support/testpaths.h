#pragma once

#include <QString>

namespace fs::test {

// The repository checkout, ../shared beside it, and the build tree.
[[nodiscard]] QString sourceDir();
[[nodiscard]] QString sharedDir();
[[nodiscard]] QString binaryDir();

// A file under ../shared; fails the calling test (QVERIFY) when it is not there.
[[nodiscard]] QString sharedFile(const QString &relativePath);

// Whole contents of a file, or an empty array.
[[nodiscard]] QByteArray readFile(const QString &path);
// Creates or truncates path with content; false when it cannot.
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &content);

} // namespace fs::test
