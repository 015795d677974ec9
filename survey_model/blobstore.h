#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>

#include <memory>

class QIODevice;

namespace fs::model {

class Database;

struct BlobInfo
{
    qint64 id = 0;
    QString sha256; // lower-case hex
    qint64 size = 0;
    QString mimeType;
};

// Content-addressed binary objects (photos, floor plans) stored in chunks of kChunkSize, so that
// neither writing nor reading ever holds a whole object in memory. Writes happen inside the
// caller's transaction; an object already stored (same SHA-256) is stored once.
class BlobStore
{
public:
    static constexpr qint64 kChunkSize = 256 * 1024;

    [[nodiscard]] static Result<BlobInfo> store(const Database &database, QIODevice &source,
                                                const QString &mimeType, const QDateTime &now);
    [[nodiscard]] static Result<BlobInfo> info(const Database &database, qint64 id);
    // A read-only, seekable device over the blob's chunks; valid while database is.
    [[nodiscard]] static Result<std::unique_ptr<QIODevice>> open(const Database &database, qint64 id);
    // Recomputes the SHA-256 from the stored chunks; false when it does not match.
    [[nodiscard]] static Result<bool> verify(const Database &database, qint64 id);
};

} // namespace fs::model
