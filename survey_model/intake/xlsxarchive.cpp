#include "xlsxarchive.h"

#include "logging.h"

#include <QBuffer>
#include <QFileInfo>
#include <QRegularExpression>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

namespace fs::model {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;

// Why an entry name is unsafe, or an empty string.
QString unsafeName(const QString &name)
{
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (name.isEmpty())
        return QStringLiteral("an empty name");
    if (name.startsWith(QLatin1Char('/')))
        return QStringLiteral("an absolute path");
    if (name.contains(QLatin1Char('\\')))
        return QStringLiteral("a backslash");
    if (drive.match(name).hasMatch())
        return QStringLiteral("a drive letter");
    if (name.contains(QChar(u'\0')))
        return QStringLiteral("a NUL character");
    const QStringList segments = name.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment == QStringLiteral("..") || segment == QStringLiteral("."))
            return QStringLiteral("a «%1» segment").arg(segment);
    }
    return {};
}

} // namespace

XlsxArchive::~XlsxArchive()
{
    if (m_zip)
        m_zip->close();
}

Result<std::unique_ptr<XlsxArchive>> XlsxArchive::open(const QString &path, const XlsxLimits &limits)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return fail(ErrorCode::Io, QStringLiteral("no such file: ") + path);
    if (info.size() > limits.maxFileBytes)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: the file is too large (%2 MB, at most %3 MB)")
                                                .arg(path)
                                                .arg(info.size() >> 20)
                                                .arg(limits.maxFileBytes >> 20));
    std::unique_ptr<XlsxArchive> archive(new XlsxArchive);
    archive->m_limits = limits;
    archive->m_fileName = info.fileName();
    archive->m_zip = std::make_unique<QuaZip>(path);
    return openZip(std::move(archive), path);
}

Result<std::unique_ptr<XlsxArchive>> XlsxArchive::open(const QByteArray &bytes, const QString &name,
                                                       const XlsxLimits &limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: the file is too large (%2 MB, at most %3 MB)")
                                                .arg(name)
                                                .arg(bytes.size() >> 20)
                                                .arg(limits.maxFileBytes >> 20));
    std::unique_ptr<XlsxArchive> archive(new XlsxArchive);
    archive->m_limits = limits;
    archive->m_fileName = name;
    archive->m_buffer = std::make_unique<QBuffer>();
    archive->m_buffer->setData(bytes);
    archive->m_zip = std::make_unique<QuaZip>(archive->m_buffer.get());
    return openZip(std::move(archive), name);
}

Result<std::unique_ptr<XlsxArchive>> XlsxArchive::openZip(std::unique_ptr<XlsxArchive> archive,
                                                          const QString &path)
{
    const XlsxLimits &limits = archive->m_limits;
    archive->m_zip->setUtf8Enabled(true);
    if (!archive->m_zip->open(QuaZip::mdUnzip))
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral(
                "%1 is not an Excel workbook (.xlsx): not a zip file, or a truncated one (zip error %2)")
                .arg(path)
                .arg(archive->m_zip->getZipError()));
    const int entries = archive->m_zip->getEntriesCount();
    if (entries < 0 || entries > limits.maxEntries)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: %2 parts is too large a package (at most %3)")
                                                .arg(path)
                                                .arg(entries)
                                                .arg(limits.maxEntries));
    qint64 declared = 0;
    for (bool more = archive->m_zip->goToFirstFile(); more; more = archive->m_zip->goToNextFile()) {
        const QString name = archive->m_zip->getCurrentFileName();
        if (const QString why = unsafeName(name); !why.isEmpty())
            return fail(
                ErrorCode::InvalidData,
                QStringLiteral("%1 holds an unsafe entry name «%2» (%3)").arg(path, name.left(200), why));
        QuaZipFileInfo64 entry;
        if (archive->m_zip->getCurrentFileInfo(&entry))
            declared += qint64(std::min<quint64>(entry.uncompressedSize, quint64(limits.maxTotalBytes) + 1));
        // What the directory claims is checked here; what is really inflated, when reading.
        if (declared > limits.maxTotalBytes)
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("%1: the workbook is too large (its parts inflate to more "
                                       "than %2 MB; a zip bomb?)")
                            .arg(path)
                            .arg(limits.maxTotalBytes >> 20));
        archive->m_parts.insert(name);
    }
    if (archive->m_zip->getZipError() != UNZ_OK)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: the zip directory is damaged or truncated (zip error %2)")
                        .arg(path)
                        .arg(archive->m_zip->getZipError()));
    return archive;
}

QStringList XlsxArchive::parts() const
{
    QStringList list(m_parts.cbegin(), m_parts.cend());
    list.sort();
    return list;
}

Result<QByteArray> XlsxArchive::read(const QString &part, qint64 maxBytes) const
{
    if (!m_parts.contains(part))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: the part %2 is missing").arg(m_fileName, part));
    if (!m_zip->setCurrentFile(part, QuaZip::csSensitive))
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: cannot find %2 (zip error %3)")
                                                .arg(m_fileName, part)
                                                .arg(m_zip->getZipError()));
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: cannot inflate %2 (zip error %3)")
                                                .arg(m_fileName, part)
                                                .arg(file.getZipError()));
    QByteArray bytes;
    while (true) {
        const QByteArray chunk = file.read(kReadChunk);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        m_totalRead += chunk.size();
        if (bytes.size() > maxBytes)
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("%1: %2 is too large (more than %3 MB inflated; a zip bomb?)")
                            .arg(m_fileName, part)
                            .arg(maxBytes >> 20));
        if (m_totalRead > m_limits.maxTotalBytes)
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("%1: the workbook is too large (more than %2 MB inflated; a zip "
                                       "bomb?)")
                            .arg(m_fileName)
                            .arg(m_limits.maxTotalBytes >> 20));
    }
    const int error = file.getZipError();
    file.close();
    if (error != UNZ_OK || file.getZipError() != UNZ_OK)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 is damaged (zip error %3; CRC or truncation)")
                        .arg(m_fileName, part)
                        .arg(error != UNZ_OK ? error : file.getZipError()));
    return bytes;
}

Result<QByteArray> XlsxArchive::readPrefix(const QString &part, qint64 bytes) const
{
    if (!m_parts.contains(part) || !m_zip->setCurrentFile(part, QuaZip::csSensitive))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: the part %2 is missing").arg(m_fileName, part));
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidData, QStringLiteral("%1: cannot inflate %2 (zip error %3)")
                                                .arg(m_fileName, part)
                                                .arg(file.getZipError()));
    const QByteArray prefix = file.read(bytes);
    m_totalRead += prefix.size();
    return prefix;
}

QString XlsxArchive::resolve(const QString &sourcePart, const QString &target)
{
    if (target.isEmpty() || target.contains(QLatin1Char('\\')) || target.contains(QStringLiteral("://")))
        return {};
    QStringList segments;
    if (!target.startsWith(QLatin1Char('/'))) {
        segments = sourcePart.split(QLatin1Char('/'));
        segments.removeLast(); // the source part's own name
    }
    const QStringList parts = target.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : parts) {
        if (segment == QStringLiteral("."))
            continue;
        if (segment == QStringLiteral("..")) {
            if (segments.isEmpty())
                return {}; // leaves the package
            segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    return segments.join(QLatin1Char('/'));
}

} // namespace fs::model
