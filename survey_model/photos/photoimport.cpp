#include "photoimport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace fs::model {

namespace {

// Camera order: runs of digits compare as numbers (IMG_2 before IMG_10), the rest
// case-insensitively. (QCollator's numeric mode needs ICU, which the C locale lacks.)
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Compare by value without overflow: strip leading zeros, then length, then digits.
            QStringView x = QStringView(a).mid(i, ei - i);
            QStringView y = QStringView(b).mid(j, ej - j);
            while (x.size() > 1 && x.front() == QLatin1Char('0'))
                x = x.mid(1);
            while (y.size() > 1 && y.front() == QLatin1Char('0'))
                y = y.mid(1);
            if (x.size() != y.size())
                return x.size() < y.size();
            if (const int c = x.compare(y); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return (a.size() - i) < (b.size() - j);
    return a < b;
}

} // namespace

bool PhotoImport::isPhotoFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QStringLiteral("jpg") || suffix == QStringLiteral("jpeg") ||
           suffix == QStringLiteral("png");
}

Result<PhotoImport::Found> PhotoImport::collect(const QStringList &paths)
{
    Found found;
    QSet<QString> seen;
    const auto add = [&](const QFileInfo &info) {
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical))
            return;
        seen.insert(canonical);
        if (!isPhotoFile(info.fileName()))
            found.skipped << info.filePath() + QStringLiteral(": not a JPEG or PNG file");
        else if (!info.isReadable())
            found.skipped << info.filePath() + QStringLiteral(": cannot be read");
        else if (info.size() > kMaxFileBytes)
            found.skipped << info.filePath() + QStringLiteral(": larger than %1 MB").arg(kMaxFileBytes >> 20);
        else if (found.files.size() >= kMaxFiles)
            found.skipped << info.filePath() +
                                 QStringLiteral(": more than %1 files in one import").arg(kMaxFiles);
        else
            found.files << info.filePath();
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(ErrorCode::NotFound, path + QStringLiteral(": no such file or folder"));
        if (!info.isDir()) {
            add(info);
            continue;
        }
        QStringList inFolder;
        const QString root = QDir::cleanPath(info.absoluteFilePath());
        QDirIterator it(root, QDir::Files | QDir::Readable | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            // Folders nested deeper than a camera card's are not searched.
            if (QDir::cleanPath(file).count(QLatin1Char('/')) - root.count(QLatin1Char('/')) > kMaxDepth + 1)
                continue;
            if (it.fileInfo().isSymLink())
                continue; // a link could lead out of the card, or round in a loop
            if (isPhotoFile(file))
                inFolder << file;
            if (inFolder.size() > kMaxFiles)
                break;
        }
        std::sort(inFolder.begin(), inFolder.end(), naturalLess);
        for (const QString &file : inFolder)
            add(QFileInfo(file));
    }
    return found;
}

} // namespace fs::model
