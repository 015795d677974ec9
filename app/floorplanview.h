#pragma once

#include "pin.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QPointF>
#include <QString>
#include <QTransform>

#include <memory>

namespace fs::plans {
class PlanRenderer;
class PlanSource;
} // namespace fs::plans

namespace fs::app {

enum class PinState
{
    Done,
    Missing,
    Finding
};

struct PinMarker
{
    QString uuid;
    fs::model::PinKind kind = fs::model::PinKind::Other;
    QPointF position; // normalised 0..1 on the unrotated plan, from its top-left
    QString label;
    PinState state = PinState::Missing;
};

// One floor plan (図面) with its pins: zoom (wheel around the cursor, +/-, 0 fits), pan (drag the
// plan, scroll bars, arrow keys), rotation by quarter turns, and pins to select, drag and nudge.
//
// zoom() counts viewport pixels (logical) per plan unit; the plan is rendered at zoom × the
// screen's device pixel ratio, in tiles, by a PlanRenderer on a worker thread.
class FloorPlanView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit FloorPlanView(QWidget *parent = nullptr);
    ~FloorPlanView() override;

    void setSource(std::shared_ptr<fs::plans::PlanSource> source); // null clears; fits to window
    [[nodiscard]] fs::plans::PlanRenderer *renderer() const;

    void setRotation(int degrees); // 0, 90, 180, 270 clockwise; keeps the centre
    [[nodiscard]] int rotation() const { return m_rotation; }

    void setPins(const QList<PinMarker> &pins); // keeps the selection if its uuid is still there
    void setEditable(bool editable);            // dragging and keyboard moves allowed
    void setSelectedPin(const QString &uuid);   // scrolls it into view
    [[nodiscard]] QString selectedPin() const { return m_selected; }
    void setPlacingPin(bool placing); // the next click on the plan asks for a pin there

    [[nodiscard]] double zoom() const { return m_zoom; }
    void setZoom(double zoom); // around the viewport centre, clamped to sensible bounds
    void zoomIn();
    void zoomOut();
    void fitToWindow();

    [[nodiscard]] QPointF planToViewport(QPointF normalised) const;  // viewport coordinates
    [[nodiscard]] QPointF viewportToPlan(QPointF viewportPos) const; // normalised, unrotated

signals:
    void pinSelected(const QString &uuid);
    void pinMoved(const QString &uuid, QPointF normalised); // once at drag release; once per key press
    void pinActivated(const QString &uuid);                 // double-click or Enter on a pin
    void addPinRequested(QPointF normalised);               // a click while placing
    void deletePinRequested(const QString &uuid);           // Delete key on the selected pin
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    [[nodiscard]] QSizeF planSize() const;        // plan units, unrotated; empty without a source
    [[nodiscard]] QSizeF rotatedPlanSize() const; // plan units, as shown
    // Plan units (unrotated) to viewport pixels.
    [[nodiscard]] QTransform planTransform() const;
    [[nodiscard]] double fitZoom() const;
    [[nodiscard]] double minZoom() const;
    [[nodiscard]] double maxZoom() const;
    // Zooms so that the plan point under viewport position anchor stays there.
    void zoomAround(double zoom, QPointF anchor);
    // Scrolls so that the plan point (plan units) lands on viewport position at.
    void scrollPlanPointTo(QPointF planPoint, QPointF at);
    void updateScrollBars();
    [[nodiscard]] int pinAt(QPointF viewportPos) const; // index in m_pins, or -1
    [[nodiscard]] QPointF pinPosition(int index) const; // normalised, following a drag
    void selectFromUser(const QString &uuid);
    void moveSelectedPinBy(QPointF screenDelta);
    void updateCursor();
    void drawPin(QPainter &painter, const PinMarker &pin, QPointF at, bool selected) const;

    fs::plans::PlanRenderer *m_renderer;
    std::shared_ptr<fs::plans::PlanSource> m_source;
    int m_rotation = 0;
    double m_zoom = 1;
    bool m_fitted = true; // follows the window size until the user zooms
    QList<PinMarker> m_pins;
    QString m_selected;
    bool m_editable = false;
    bool m_placing = false;

    enum class Drag
    {
        None,
        Pan,
        Pin
    };
    Drag m_drag = Drag::None;
    QPointF m_pressPos;     // viewport
    QPoint m_lastPanPos;    // viewport
    QPointF m_grabOffset;   // pin centre minus press position
    QPointF m_dragPosition; // normalised, while a pin is dragged
    bool m_dragMoved = false;
};

} // namespace fs::app
