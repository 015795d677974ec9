#pragma once

#include "plansource.h"
#include "tilecache.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QWaitCondition>

#include <memory>

class QPainter;

namespace fs::plans {

// Draws a PlanSource from tiles rendered on a worker thread.
//
// Zoom levels, a quarter octave apart: level L renders at baseScale() × 2^(L/4) device pixels per
// plan unit. The base is 150 dpi for a PDF (so 75, 150, 300 and 600 dpi are levels: pages print
// and compare at those) and 1 for an image (level 0 is pixel for pixel). Levels run from
// minLevel() (the whole plan in about one tile) to maxLevel() (the largest level not above the
// source's maxScale()). A level is cut into tiles of
// kTileSize device pixels, keyed (level, column, row) in a TileCache.
//
// paint() draws what is cached and asks for what is missing: the worker (a private pool with one
// thread) renders the missing tiles of the level being looked at, then a small overview of the
// whole plan; meanwhile a coarser (or finer) cached level stands in, scaled. Each paint replaces
// the queue, so tiles of levels the user has zoomed away from are not rendered. tileReady() tells
// when to paint again. Synchronous mode (tests, benchmarks) renders in paint() instead.
//
// Rendering efficiently: each Poppler call parses the whole page, so a level of at most
// kWholeLevelPixels is rendered in one call and cut into tiles; a larger one renders just the
// requested tiles, as one rectangle, in bands of at most kMaxRenderPixels.
class PlanRenderer : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTileSize = 512;
    static constexpr int kLevelsPerOctave = 4;
    static constexpr qint64 kDefaultCacheBytes = qint64(384) << 20;
    static constexpr qint64 kWholeLevelPixels = 16'000'000;
    static constexpr qint64 kMaxRenderPixels = 24'000'000;
    static constexpr qint64 kOverviewPixels = 1'500'000;

    using Key = TileCache::Key;

    explicit PlanRenderer(qint64 cacheBytes = kDefaultCacheBytes, QObject *parent = nullptr);
    ~PlanRenderer() override;

    // Drops every tile and queued render; null shows nothing.
    void setSource(std::shared_ptr<PlanSource> source);
    [[nodiscard]] std::shared_ptr<PlanSource> source() const;

    [[nodiscard]] double baseScale() const;
    [[nodiscard]] double scaleOfLevel(int level) const;
    // The level with the smallest scale at or above scale, within minLevel()..maxLevel().
    [[nodiscard]] int levelFor(double scale) const;
    [[nodiscard]] int minLevel() const;
    [[nodiscard]] int maxLevel() const;
    // The level shown as a placeholder until the exact tiles arrive (about kOverviewPixels).
    [[nodiscard]] int overviewLevel() const;
    // The whole plan at level, in device pixels.
    [[nodiscard]] QSize levelSize(int level) const;
    // Tile (column, row) of level in device pixels of that level (edge tiles are smaller).
    [[nodiscard]] QRect tileRect(int level, int column, int row) const;

    // Draws the part planRect (plan units) of the plan. The painter's transform maps plan units to
    // its device; scale is the device pixels per plan unit that it amounts to (it picks the level).
    void paint(QPainter &painter, const QRectF &planRect, double scale);

    void setSynchronous(bool synchronous);
    [[nodiscard]] bool isSynchronous() const { return m_synchronous; }
    // True when nothing is queued or rendering; waits up to ms for that.
    bool waitForIdle(int ms);
    [[nodiscard]] bool isIdle() const;

    [[nodiscard]] TileCache &cache() { return m_cache; }

signals:
    // Tiles were rendered (emitted from the worker thread): paint again.
    void tileReady();
    // A render failed; its tiles are not asked for again until the next setSource().
    void renderFailed(const QString &detail);

private:
    struct Levels
    {
        int min = 0;
        int max = 0;
        int overview = 0;
        double base = 1;
    };

    [[nodiscard]] Levels levels() const;
    [[nodiscard]] static double scaleAt(double base, int level);
    [[nodiscard]] static QSize levelSizeOf(const PlanSource &source, double scale);
    // Renders the tiles keys (all of one level) with as few Poppler calls as the limits allow; the
    // result may hold more tiles than asked for.
    [[nodiscard]] static Result<QList<std::pair<Key, QImage>>> renderTiles(const PlanSource &source,
                                                                           int level, double scale,
                                                                           const QList<Key> &keys,
                                                                           qint64 cacheBudget);
    void request(QList<Key> keys);
    void work();
    bool drawPlaceholder(QPainter &painter, int level, const QRectF &planRect);

    TileCache m_cache;
    bool m_synchronous = false;

    mutable QMutex m_mutex; // guards what follows
    std::shared_ptr<PlanSource> m_source;
    Levels m_levels;
    quint64 m_generation = 0; // bumped by setSource(): results of older sources are dropped
    QList<Key> m_pending;     // in order of priority
    QSet<Key> m_inFlight;
    QSet<Key> m_failed;
    bool m_workerRunning = false;
    QWaitCondition m_idle;

    QThreadPool m_pool;
};

} // namespace fs::plans
