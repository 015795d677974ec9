#include "planrenderer.h"

#include "planslogging.h"

#include <QDeadlineTimer>
#include <QPainter>

#include <cmath>

namespace fs::plans {

PlanRenderer::PlanRenderer(qint64 cacheBytes, QObject *parent)
    : QObject(parent)
    , m_cache(cacheBytes)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("PlanRenderer"));
}

PlanRenderer::~PlanRenderer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
        ++m_generation;
    }
    m_pool.waitForDone();
}

void PlanRenderer::setSource(std::shared_ptr<PlanSource> source)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_pending.clear();
    m_failed.clear();
    m_cache.clear();
    m_source = std::move(source);
    m_levels = {};
    if (!m_source)
        return;
    const QSizeF size = m_source->size();
    const double longest = std::max(size.width(), size.height());
    m_levels.base = m_source->isVector() ? 150.0 / 72.0 : 1.0;
    const auto levelAtMost = [this](double scale) {
        return int(std::floor(kLevelsPerOctave * std::log2(scale / m_levels.base) + 1e-9));
    };
    m_levels.max = levelAtMost(m_source->maxScale());
    m_levels.min = std::min(levelAtMost(kTileSize / longest), m_levels.max);
    const double overviewScale = std::sqrt(double(kOverviewPixels) / (size.width() * size.height()));
    m_levels.overview = std::clamp(levelAtMost(overviewScale), m_levels.min, m_levels.max);
}

std::shared_ptr<PlanSource> PlanRenderer::source() const
{
    QMutexLocker lock(&m_mutex);
    return m_source;
}

double PlanRenderer::scaleAt(double base, int level)
{
    return base * std::exp2(double(level) / kLevelsPerOctave);
}

double PlanRenderer::baseScale() const
{
    return levels().base;
}

double PlanRenderer::scaleOfLevel(int level) const
{
    return scaleAt(baseScale(), level);
}

PlanRenderer::Levels PlanRenderer::levels() const
{
    QMutexLocker lock(&m_mutex);
    return m_levels;
}

int PlanRenderer::levelFor(double scale) const
{
    const Levels bounds = levels();
    if (!(scale > 0))
        return bounds.min;
    const double exact = kLevelsPerOctave * std::log2(scale / bounds.base);
    return int(std::clamp(std::ceil(exact - 1e-9), double(bounds.min), double(bounds.max)));
}

int PlanRenderer::minLevel() const
{
    return levels().min;
}

int PlanRenderer::maxLevel() const
{
    return levels().max;
}

int PlanRenderer::overviewLevel() const
{
    return levels().overview;
}

QSize PlanRenderer::levelSizeOf(const PlanSource &source, double scale)
{
    const QSizeF size = source.size() * scale;
    return QSize(std::max(1, int(std::ceil(size.width() - 1e-6))),
                 std::max(1, int(std::ceil(size.height() - 1e-6))));
}

QSize PlanRenderer::levelSize(int level) const
{
    const auto current = source();
    return current ? levelSizeOf(*current, scaleOfLevel(level)) : QSize();
}

QRect PlanRenderer::tileRect(int level, int column, int row) const
{
    const QSize size = levelSize(level);
    return QRect(column * kTileSize, row * kTileSize, kTileSize, kTileSize) & QRect(QPoint(0, 0), size);
}

void PlanRenderer::setSynchronous(bool synchronous)
{
    m_synchronous = synchronous;
}

bool PlanRenderer::isIdle() const
{
    QMutexLocker lock(&m_mutex);
    return !m_workerRunning && m_pending.isEmpty();
}

bool PlanRenderer::waitForIdle(int ms)
{
    const QDeadlineTimer deadline(ms);
    QMutexLocker lock(&m_mutex);
    while (m_workerRunning || !m_pending.isEmpty()) {
        if (!m_idle.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

Result<QList<std::pair<PlanRenderer::Key, QImage>>> PlanRenderer::renderTiles(const PlanSource &source,
                                                                              int level, double scale,
                                                                              const QList<Key> &keys,
                                                                              qint64 cacheBudget)
{
    const QSize size = levelSizeOf(source, scale);
    const QRect whole(QPoint(0, 0), size);
    const qint64 levelPixels = qint64(size.width()) * size.height();
    QRect region;
    if (levelPixels <= kWholeLevelPixels && levelPixels * 4 <= cacheBudget / 2) {
        region = whole;
    } else {
        for (const Key &key : keys)
            region |= QRect(key.column * kTileSize, key.row * kTileSize, kTileSize, kTileSize);
        region &= whole;
    }
    QList<std::pair<Key, QImage>> tiles;
    if (region.isEmpty())
        return tiles;
    const int firstColumn = region.left() / kTileSize;
    const int lastColumn = region.right() / kTileSize;
    const int rowsPerBand = int(std::max<qint64>(1, kMaxRenderPixels / (qint64(region.width()) * kTileSize)));
    for (int bandRow = region.top() / kTileSize; bandRow * kTileSize <= region.bottom();
         bandRow += rowsPerBand) {
        const QRect band =
            QRect(region.left(), bandRow * kTileSize, region.width(), rowsPerBand * kTileSize) & region;
        auto image = source.render(scale, band);
        if (!image)
            return tl::unexpected(image.error());
        for (int row = bandRow; row < bandRow + rowsPerBand && row * kTileSize <= band.bottom(); ++row) {
            for (int column = firstColumn; column <= lastColumn; ++column) {
                const QRect rect = QRect(column * kTileSize, row * kTileSize, kTileSize, kTileSize) & whole;
                tiles.append({Key{level, column, row}, image->copy(rect.translated(-band.topLeft()))});
            }
        }
    }
    return tiles;
}

void PlanRenderer::request(QList<Key> keys)
{
    QMutexLocker lock(&m_mutex);
    keys.removeIf([this](const Key &key) { return m_inFlight.contains(key) || m_failed.contains(key); });
    m_pending = std::move(keys);
    if (m_pending.isEmpty()) {
        if (!m_workerRunning)
            m_idle.wakeAll();
        return;
    }
    if (!m_workerRunning) {
        m_workerRunning = true;
        m_pool.start([this] { work(); });
    }
}

void PlanRenderer::work()
{
    while (true) {
        QList<Key> batch;
        std::shared_ptr<PlanSource> source;
        quint64 generation = 0;
        double scale = 1;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending.isEmpty() || !m_source) {
                m_pending.clear();
                m_workerRunning = false;
                m_idle.wakeAll();
                return;
            }
            const int level = m_pending.first().level;
            for (auto it = m_pending.begin(); it != m_pending.end();) {
                if (it->level == level) {
                    batch.append(*it);
                    m_inFlight.insert(*it);
                    it = m_pending.erase(it);
                } else {
                    ++it;
                }
            }
            source = m_source;
            scale = scaleAt(m_levels.base, level);
            generation = m_generation;
        }
        auto tiles = renderTiles(*source, batch.first().level, scale, batch, m_cache.budget());
        {
            QMutexLocker lock(&m_mutex);
            m_inFlight.clear();
            if (generation != m_generation)
                continue;
            if (tiles) {
                for (const auto &[key, image] : *tiles)
                    m_cache.insert(key, image);
            } else {
                for (const Key &key : std::as_const(batch))
                    m_failed.insert(key);
            }
        }
        if (tiles) {
            emit tileReady();
        } else {
            qCWarning(lcPlans) << describe(tiles.error());
            emit renderFailed(tiles.error().detail);
        }
    }
}

void PlanRenderer::paint(QPainter &painter, const QRectF &planRect, double scale)
{
    const auto current = source();
    if (!current)
        return;
    const QRectF visible = planRect & QRectF(QPointF(0, 0), current->size());
    if (visible.isEmpty())
        return;
    const int level = levelFor(scale);
    const double levelScale = scaleOfLevel(level);
    const QSize size = levelSizeOf(*current, levelScale);
    const int lastColumn = (size.width() - 1) / kTileSize;
    const int lastRow = (size.height() - 1) / kTileSize;
    const int left = std::clamp(int(std::floor(visible.left() * levelScale / kTileSize)), 0, lastColumn);
    const int right = std::clamp(int(std::floor(visible.right() * levelScale / kTileSize)), 0, lastColumn);
    const int top = std::clamp(int(std::floor(visible.top() * levelScale / kTileSize)), 0, lastRow);
    const int bottom = std::clamp(int(std::floor(visible.bottom() * levelScale / kTileSize)), 0, lastRow);

    QHash<Key, QImage> images;
    QList<Key> missing;
    for (int row = top; row <= bottom; ++row) {
        for (int column = left; column <= right; ++column) {
            const Key key{level, column, row};
            QImage image = m_cache.find(key);
            if (image.isNull())
                missing.append(key);
            else
                images.insert(key, image);
        }
    }
    if (m_synchronous) {
        if (!missing.isEmpty()) {
            auto tiles = renderTiles(*current, level, levelScale, missing, m_cache.budget());
            if (tiles) {
                for (const auto &[key, image] : *tiles) {
                    m_cache.insert(key, image);
                    if (key.column >= left && key.column <= right && key.row >= top && key.row <= bottom)
                        images.insert(key, image);
                }
            } else {
                qCWarning(lcPlans) << describe(tiles.error());
                emit renderFailed(tiles.error().detail);
            }
        }
    } else {
        QList<Key> wanted = missing;
        const int overview = overviewLevel();
        if (overview != level) {
            const QSize overviewSize = levelSizeOf(*current, scaleOfLevel(overview));
            for (int row = 0; row * kTileSize < overviewSize.height(); ++row) {
                for (int column = 0; column * kTileSize < overviewSize.width(); ++column) {
                    const Key key{overview, column, row};
                    if (!m_cache.contains(key))
                        wanted.append(key);
                }
            }
        }
        request(std::move(wanted));
    }

    painter.save();
    const QTransform transform = painter.worldTransform();
    // At the level's own scale, unrotated and on a 1:1 device, tiles are copied, not resampled.
    const bool blit = painter.device() && painter.device()->devicePixelRatio() == 1 &&
                      transform.type() <= QTransform::TxScale &&
                      std::abs(transform.m11() / levelScale - 1) < 1e-6 &&
                      std::abs(transform.m22() / levelScale - 1) < 1e-6;
    const QPointF origin = transform.map(QPointF(0, 0));
    const QPoint deviceOrigin(int(std::round(origin.x())), int(std::round(origin.y())));
    if (blit)
        painter.resetTransform();
    else
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
    for (int row = top; row <= bottom; ++row) {
        for (int column = left; column <= right; ++column) {
            const QImage image = images.value(Key{level, column, row});
            const QPoint topLeft(column * kTileSize, row * kTileSize);
            if (image.isNull()) {
                if (blit)
                    painter.setTransform(transform);
                const QRect rect = QRect(topLeft, QSize(kTileSize, kTileSize)) & QRect(QPoint(0, 0), size);
                const QRectF planTile(QPointF(rect.topLeft()) / levelScale, QSizeF(rect.size()) / levelScale);
                if (!drawPlaceholder(painter, level, planTile))
                    painter.fillRect(planTile, Qt::white);
                if (blit)
                    painter.resetTransform();
            } else if (blit) {
                painter.drawImage(deviceOrigin + topLeft, image);
            } else {
                painter.drawImage(QRectF(QPointF(topLeft) / levelScale, QSizeF(image.size()) / levelScale),
                                  image);
            }
        }
    }
    painter.restore();
}

bool PlanRenderer::drawPlaceholder(QPainter &painter, int level, const QRectF &planRect)
{
    const Levels bounds = levels();
    QList<int> candidates;
    if (level + 1 <= bounds.max)
        candidates.append(level + 1);
    for (int coarser = level - 1; coarser >= bounds.min; --coarser)
        candidates.append(coarser);
    const auto current = source();
    for (const int other : std::as_const(candidates)) {
        const double scale = scaleOfLevel(other);
        const QSize size = levelSizeOf(*current, scale);
        const QRectF device(planRect.topLeft() * scale, planRect.size() * scale);
        const int left =
            std::clamp(int(std::floor(device.left() / kTileSize)), 0, (size.width() - 1) / kTileSize);
        const int right =
            std::clamp(int(std::ceil(device.right() / kTileSize)) - 1, left, (size.width() - 1) / kTileSize);
        const int top =
            std::clamp(int(std::floor(device.top() / kTileSize)), 0, (size.height() - 1) / kTileSize);
        const int bottom =
            std::clamp(int(std::ceil(device.bottom() / kTileSize)) - 1, top, (size.height() - 1) / kTileSize);
        QList<std::pair<QPoint, QImage>> found;
        bool complete = true;
        for (int row = top; row <= bottom && complete; ++row) {
            for (int column = left; column <= right && complete; ++column) {
                if (!m_cache.contains(Key{other, column, row})) {
                    complete = false;
                    break;
                }
                found.append({QPoint(column, row), m_cache.find(Key{other, column, row})});
            }
        }
        if (!complete)
            continue;
        for (const auto &[cell, image] : std::as_const(found)) {
            if (image.isNull())
                return false; // evicted meanwhile
            const QRectF tile(QPointF(cell * kTileSize) / scale, QSizeF(image.size()) / scale);
            const QRectF part = tile & planRect;
            if (part.isEmpty())
                continue;
            const QRectF source((part.topLeft() - tile.topLeft()) * scale, part.size() * scale);
            painter.drawImage(part, image, source);
        }
        return true;
    }
    return false;
}

} // namespace fs::plans
