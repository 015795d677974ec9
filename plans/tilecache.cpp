#include "tilecache.h"

namespace fs::plans {

TileCache::TileCache(qint64 budgetBytes)
    : m_budget(budgetBytes)
{
}

QImage TileCache::find(const Key &key)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_index.constFind(key);
    if (found == m_index.cend())
        return {};
    m_entries.splice(m_entries.begin(), m_entries, *found);
    return (*found)->tile;
}

bool TileCache::contains(const Key &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_index.contains(key);
}

void TileCache::insert(const Key &key, const QImage &tile)
{
    QMutexLocker lock(&m_mutex);
    if (const auto found = m_index.constFind(key); found != m_index.cend())
        removeLocked(*found);
    const qint64 size = tile.sizeInBytes();
    if (tile.isNull() || size > m_budget)
        return;
    m_entries.push_front(Entry{key, tile});
    m_index.insert(key, m_entries.begin());
    m_bytes += size;
    while (m_bytes > m_budget)
        removeLocked(std::prev(m_entries.end()));
}

void TileCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    m_index.clear();
    m_bytes = 0;
}

qint64 TileCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

int TileCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_index.size());
}

void TileCache::removeLocked(List::iterator it)
{
    m_bytes -= it->tile.sizeInBytes();
    m_index.remove(it->key);
    m_entries.erase(it);
}

} // namespace fs::plans
