#include "testpaths.h"

#include <QDir>
#include <QFile>

namespace fs::test {

QString sourceDir()
{
    return QStringLiteral(FS_SOURCE_DIR);
}

QString sharedDir()
{
    return QStringLiteral(FS_SHARED_DIR);
}

QString binaryDir()
{
    return QStringLiteral(FS_BINARY_DIR);
}

QString sharedFile(const QString &relativePath)
{
    return QDir(sharedDir()).filePath(relativePath);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size() &&
           file.flush();
}

} // namespace fs::test
