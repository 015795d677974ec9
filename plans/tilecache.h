#pragma once

#include <QHash>
#include <QImage>
#include <QMutex>

#include <list>

namespace fs::plans {

// Rendered tiles, least recently used first out, bounded in bytes. Thread-safe: the renderer's
// worker inserts while the GUI thread paints.
class TileCache
{
public:
    struct Key
    {
        int level = 0;
        int column = 0;
        int row = 0;

        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.level, key.column, key.row);
        }
    };

    explicit TileCache(qint64 budgetBytes);

    // The tile, marked as just used, or a null image.
    [[nodiscard]] QImage find(const Key &key);
    [[nodiscard]] bool contains(const Key &key) const;
    // Replaces any tile under key, then drops the least recently used ones until the cache fits its
    // budget. A tile larger than the whole budget is not kept.
    void insert(const Key &key, const QImage &tile);
    void clear();

    [[nodiscard]] qint64 budget() const { return m_budget; }
    [[nodiscard]] qint64 bytes() const;
    [[nodiscard]] int count() const;

private:
    struct Entry
    {
        Key key;
        QImage tile;
    };
    using List = std::list<Entry>;

    void removeLocked(List::iterator it);

    const qint64 m_budget;
    mutable QMutex m_mutex;
    List m_entries; // most recently used first
    QHash<Key, List::iterator> m_index;
    qint64 m_bytes = 0;
};

} // namespace fs::plans
