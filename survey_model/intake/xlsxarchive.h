#pragma once

#include "error.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class QBuffer;
class QuaZip;

namespace fs::model {

// What a workbook may take, so that a hostile file (a zip bomb, thousands of parts) is refused
// quickly and in bounded memory. Sizes are checked on the bytes actually inflated, never on what
// the zip's directory claims.
struct XlsxLimits
{
    qint64 maxFileBytes = 512LL * 1024 * 1024;   // the .xlsx itself
    int maxEntries = 5000;                       // parts in the package
    qint64 maxXmlPartBytes = 48LL * 1024 * 1024; // one XML part, inflated
    qint64 maxMediaBytes = 64LL * 1024 * 1024;   // one image, inflated
    qint64 maxTotalBytes = 384LL * 1024 * 1024;  // everything read, inflated
};

// The zip package of an .xlsx, read in place: parts are looked up by name and inflated into
// memory within the limits; nothing is ever written to disk by a name from the archive. Entry
// names that could mean another place (.., absolute paths, backslashes, drive letters) make the
// whole file unsafe.
class XlsxArchive
{
public:
    XlsxArchive(const XlsxArchive &) = delete;
    XlsxArchive &operator=(const XlsxArchive &) = delete;
    ~XlsxArchive();

    [[nodiscard]] static Result<std::unique_ptr<XlsxArchive>> open(const QString &path,
                                                                   const XlsxLimits &limits = {});
    // The same for a workbook already in memory (a download, a fuzzer's input); name is used in
    // messages.
    [[nodiscard]] static Result<std::unique_ptr<XlsxArchive>>
    open(const QByteArray &bytes, const QString &name, const XlsxLimits &limits = {});

    [[nodiscard]] bool contains(const QString &part) const { return m_parts.contains(part); }
    [[nodiscard]] QStringList parts() const;
    [[nodiscard]] const XlsxLimits &limits() const { return m_limits; }
    [[nodiscard]] QString fileName() const { return m_fileName; }

    // Inflates one part, refusing it past maxBytes (and past the total budget).
    [[nodiscard]] Result<QByteArray> read(const QString &part, qint64 maxBytes) const;
    [[nodiscard]] Result<QByteArray> readXml(const QString &part) const
    {
        return read(part, m_limits.maxXmlPartBytes);
    }
    // The first bytes of a part (an image's header), without inflating the rest.
    [[nodiscard]] Result<QByteArray> readPrefix(const QString &part, qint64 bytes) const;

    // Resolves a relationship target against the part that holds the relationship
    // ("../media/image1.png" from "xl/drawings/drawing1.xml", or "/xl/media/image1.png"); an empty
    // string when it leaves the package.
    [[nodiscard]] static QString resolve(const QString &sourcePart, const QString &target);

private:
    XlsxArchive() = default;
    [[nodiscard]] static Result<std::unique_ptr<XlsxArchive>> openZip(std::unique_ptr<XlsxArchive> archive,
                                                                      const QString &name);

    std::unique_ptr<QBuffer> m_buffer; // for workbooks in memory; outlives m_zip
    std::unique_ptr<QuaZip> m_zip;
    QSet<QString> m_parts;
    XlsxLimits m_limits;
    QString m_fileName;
    mutable qint64 m_totalRead = 0;
};

} // namespace fs::model
