#pragma once

#include <QByteArray>
#include <QIODevice>

namespace fs::model {

class Database;

// Reads one blob chunk by chunk: at most one chunk is in memory. Random access (seek) works;
// writing does not.
class BlobReader : public QIODevice
{
    Q_OBJECT

public:
    BlobReader(const Database &database, qint64 blobId, qint64 size, qint64 chunkSize);

    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    bool loadChunk(qint64 index);

    const Database &m_database;
    qint64 m_blobId;
    qint64 m_size;
    qint64 m_chunkSize;
    qint64 m_chunkIndex = -1;
    QByteArray m_chunk;
};

} // namespace fs::model
