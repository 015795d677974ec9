#include "blobreader.h"

#include "database.h"

#include <cstring>

namespace fs::model {

BlobReader::BlobReader(const Database &database, qint64 blobId, qint64 size, qint64 chunkSize)
    : m_database(database)
    , m_blobId(blobId)
    , m_size(size)
    , m_chunkSize(chunkSize)
{
}

bool BlobReader::loadChunk(qint64 index)
{
    if (index == m_chunkIndex)
        return true;
    auto data = m_database.scalar(QStringLiteral("SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?"),
                                  {m_blobId, index});
    if (!data || !data->isValid()) {
        setErrorString(data ? QStringLiteral("blob %1 has no chunk %2").arg(m_blobId).arg(index)
                            : data.error().detail);
        return false;
    }
    m_chunk = data->toByteArray();
    m_chunkIndex = index;
    return true;
}

qint64 BlobReader::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    qint64 position = pos();
    while (done < maxSize && position < m_size) {
        const qint64 index = position / m_chunkSize;
        if (!loadChunk(index))
            return done > 0 ? done : -1;
        const qint64 offset = position - index * m_chunkSize;
        const qint64 available = m_chunk.size() - offset;
        if (available <= 0) {
            setErrorString(QStringLiteral("blob %1 chunk %2 is short").arg(m_blobId).arg(index));
            return done > 0 ? done : -1;
        }
        const qint64 n = std::min(maxSize - done, available);
        std::memcpy(data + done, m_chunk.constData() + offset, static_cast<size_t>(n));
        done += n;
        position += n;
    }
    return done;
}

qint64 BlobReader::writeData(const char *, qint64)
{
    return -1;
}

} // namespace fs::model
