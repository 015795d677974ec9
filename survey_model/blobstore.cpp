#include "blobstore.h"

#include "blobreader.h"
#include "clock.h"
#include "database.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QUuid>

namespace fs::model {

Result<BlobInfo> BlobStore::store(const Database &database, QIODevice &source, const QString &mimeType,
                                  const QDateTime &now)
{
    if (!source.isOpen() || !source.isReadable())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("blob source is not open for reading"));

    // Chunks go in under a provisional key while the hash is computed; a duplicate is dropped
    // at the end (within the same transaction, so nothing of it remains).
    const QString provisional =
        QStringLiteral("pending:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto inserted = database.run(
        QStringLiteral("INSERT INTO blob (sha256, size, mime_type, created_at) VALUES (?, 0, ?, ?)"),
        {provisional, textValue(mimeType), toStoredTimestamp(now)});
    if (!inserted)
        return tl::unexpected(inserted.error());
    const qint64 id = inserted->lastInsertId;

    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    for (qint64 seq = 0;; ++seq) {
        const QByteArray chunk = source.read(kChunkSize);
        if (chunk.isEmpty()) {
            if (!source.atEnd())
                return fail(ErrorCode::Io,
                            QStringLiteral("reading the source failed: ") + source.errorString());
            break;
        }
        hash.addData(chunk);
        size += chunk.size();
        auto r = database.run(QStringLiteral("INSERT INTO blob_chunk (blob_id, seq, data) VALUES (?, ?, ?)"),
                              {id, seq, chunk});
        if (!r)
            return tl::unexpected(r.error());
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());

    auto existing = database.scalar(QStringLiteral("SELECT id FROM blob WHERE sha256 = ?"), {sha});
    if (!existing)
        return tl::unexpected(existing.error());
    if (existing->isValid()) {
        if (auto r = database.run(QStringLiteral("DELETE FROM blob WHERE id = ?"), {id}); !r)
            return tl::unexpected(r.error());
        return info(database, existing->toLongLong());
    }
    if (auto r = database.run(QStringLiteral("UPDATE blob SET sha256 = ?, size = ? WHERE id = ?"),
                              {sha, size, id});
        !r)
        return tl::unexpected(r.error());
    return BlobInfo{id, sha, size, mimeType};
}

Result<BlobInfo> BlobStore::info(const Database &database, qint64 id)
{
    auto q = database.exec(QStringLiteral("SELECT id, sha256, size, mime_type FROM blob WHERE id = ?"), {id});
    if (!q)
        return tl::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no blob %1").arg(id));
    return BlobInfo{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
                    q->value(3).toString()};
}

Result<std::unique_ptr<QIODevice>> BlobStore::open(const Database &database, qint64 id)
{
    auto blob = info(database, id);
    if (!blob)
        return tl::unexpected(blob.error());
    auto reader = std::make_unique<BlobReader>(database, id, blob->size, kChunkSize);
    if (!reader->open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("cannot open blob %1").arg(id));
    return std::unique_ptr<QIODevice>(std::move(reader));
}

Result<bool> BlobStore::verify(const Database &database, qint64 id)
{
    auto blob = info(database, id);
    if (!blob)
        return tl::unexpected(blob.error());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    auto q =
        database.exec(QStringLiteral("SELECT data FROM blob_chunk WHERE blob_id = ? ORDER BY seq"), {id});
    if (!q)
        return tl::unexpected(q.error());
    while (q->next()) {
        const QByteArray chunk = q->value(0).toByteArray();
        hash.addData(chunk);
        size += chunk.size();
    }
    return size == blob->size && QString::fromLatin1(hash.result().toHex()) == blob->sha256;
}

} // namespace fs::model
