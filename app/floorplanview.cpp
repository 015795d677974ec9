#include "floorplanview.h"

#include "planrenderer.h"
#include "plansource.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace fs::app {

namespace {

constexpr double kPinRadius = 7;       // viewport pixels, at every zoom
constexpr double kPinHitSlack = 4;     // a click this far outside a pin still takes it
constexpr int kFitMargin = 8;          // viewport pixels around a fitted plan
constexpr int kZoomStepsPerOctave = 4; // +/- and wheel notches: the renderer's levels

QPointF clamped(QPointF normalised)
{
    return QPointF(std::clamp(normalised.x(), 0.0, 1.0), std::clamp(normalised.y(), 0.0, 1.0));
}

QColor stateColour(PinState state)
{
    switch (state) {
    case PinState::Done:
        return QColor(0x2e, 0x7d, 0x32);
    case PinState::Missing:
        return QColor(0xc6, 0x28, 0x28);
    case PinState::Finding:
        return QColor(0xef, 0x6c, 0x00);
    }
    return QColor(0xc6, 0x28, 0x28);
}

QPainterPath pinShape(fs::model::PinKind kind, QPointF at)
{
    const double r = kPinRadius;
    QPainterPath path;
    switch (kind) {
    case fs::model::PinKind::Onu:
        path.addEllipse(at, r, r);
        break;
    case fs::model::PinKind::Router:
        path.addRect(QRectF(at.x() - 0.9 * r, at.y() - 0.9 * r, 1.8 * r, 1.8 * r));
        break;
    case fs::model::PinKind::Terminal:
        path.addPolygon(QPolygonF{at + QPointF(0, -1.2 * r), at + QPointF(1.1 * r, 0.85 * r),
                                  at + QPointF(-1.1 * r, 0.85 * r), at + QPointF(0, -1.2 * r)});
        break;
    case fs::model::PinKind::Other:
        path.addPolygon(QPolygonF{at + QPointF(0, -1.25 * r), at + QPointF(1.25 * r, 0),
                                  at + QPointF(0, 1.25 * r), at + QPointF(-1.25 * r, 0),
                                  at + QPointF(0, -1.25 * r)});
        break;
    }
    return path;
}

// The zoom steps apart from zoom on the renderer's ladder (base scale, device pixel ratio dpr), so
// that +/- land on a level's own scale, where tiles are copied rather than resampled.
double steppedZoom(double zoom, int steps, double base, double dpr)
{
    const double exact = kZoomStepsPerOctave * std::log2(zoom * dpr / base);
    const double from = steps > 0 ? std::floor(exact + 1e-6) : std::ceil(exact - 1e-6);
    return base * std::exp2((from + steps) / kZoomStepsPerOctave) / dpr;
}

} // namespace

FloorPlanView::FloorPlanView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_renderer(new fs::plans::PlanRenderer(fs::plans::PlanRenderer::kDefaultCacheBytes, this))
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAccessibleName(tr("Floor plan"));
    horizontalScrollBar()->setSingleStep(24);
    verticalScrollBar()->setSingleStep(24);
    connect(m_renderer, &fs::plans::PlanRenderer::tileReady, viewport(), [this] { viewport()->update(); });
}

FloorPlanView::~FloorPlanView() = default;

void FloorPlanView::setSource(std::shared_ptr<fs::plans::PlanSource> source)
{
    m_source = std::move(source);
    m_renderer->setSource(m_source);
    m_drag = Drag::None;
    fitToWindow();
    viewport()->update();
}

fs::plans::PlanRenderer *FloorPlanView::renderer() const
{
    return m_renderer;
}

QSizeF FloorPlanView::planSize() const
{
    return m_source ? m_source->size() : QSizeF();
}

QSizeF FloorPlanView::rotatedPlanSize() const
{
    const QSizeF size = planSize();
    return m_rotation % 180 == 0 ? size : size.transposed();
}

QTransform FloorPlanView::planTransform() const
{
    const QSizeF size = planSize();
    const double w = size.width();
    const double h = size.height();
    QTransform rotate; // plan units onto the plan as shown, from its top-left
    switch (m_rotation) {
    case 90:
        rotate = QTransform(0, 1, -1, 0, h, 0);
        break;
    case 180:
        rotate = QTransform(-1, 0, 0, -1, w, h);
        break;
    case 270:
        rotate = QTransform(0, -1, 1, 0, 0, w);
        break;
    default:
        break;
    }
    const QSizeF shown = rotatedPlanSize() * m_zoom;
    const QSize port = viewport()->size();
    const double dx = std::ceil(shown.width() - 1e-6) <= port.width() ? (port.width() - shown.width()) / 2
                                                                      : -horizontalScrollBar()->value();
    const double dy = std::ceil(shown.height() - 1e-6) <= port.height() ? (port.height() - shown.height()) / 2
                                                                        : -verticalScrollBar()->value();
    return rotate * QTransform::fromScale(m_zoom, m_zoom) * QTransform::fromTranslate(dx, dy);
}

QPointF FloorPlanView::planToViewport(QPointF normalised) const
{
    const QSizeF size = planSize();
    return planTransform().map(QPointF(normalised.x() * size.width(), normalised.y() * size.height()));
}

QPointF FloorPlanView::viewportToPlan(QPointF viewportPos) const
{
    const QSizeF size = planSize();
    if (size.isEmpty())
        return {};
    const QPointF plan = planTransform().inverted().map(viewportPos);
    return QPointF(plan.x() / size.width(), plan.y() / size.height());
}

double FloorPlanView::fitZoom() const
{
    const QSizeF shown = rotatedPlanSize();
    if (shown.isEmpty())
        return 1;
    const double width = std::max(16, viewport()->width() - 2 * kFitMargin);
    const double height = std::max(16, viewport()->height() - 2 * kFitMargin);
    return std::min(width / shown.width(), height / shown.height());
}

double FloorPlanView::minZoom() const
{
    return std::min(fitZoom(), 1.0) / 2;
}

double FloorPlanView::maxZoom() const
{
    return std::max(fitZoom(), (m_source ? m_source->maxScale() : 4.0) * 4);
}

void FloorPlanView::updateScrollBars()
{
    const QSizeF shown = rotatedPlanSize() * m_zoom;
    const QSize port = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(shown.width() - 1e-6)) - port.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(shown.height() - 1e-6)) - port.height()));
    horizontalScrollBar()->setPageStep(port.width());
    verticalScrollBar()->setPageStep(port.height());
}

void FloorPlanView::scrollPlanPointTo(QPointF planPoint, QPointF at)
{
    // Where the point is with the scroll bars at 0; the bars then take the difference.
    const QTransform current = planTransform();
    const QPointF now = current.map(planPoint);
    horizontalScrollBar()->setValue(int(std::round(horizontalScrollBar()->value() + now.x() - at.x())));
    verticalScrollBar()->setValue(int(std::round(verticalScrollBar()->value() + now.y() - at.y())));
}

void FloorPlanView::zoomAround(double zoom, QPointF anchor)
{
    if (!m_source)
        return;
    zoom = std::clamp(zoom, minZoom(), maxZoom());
    const QPointF planPoint = planTransform().inverted().map(anchor);
    const bool changed = zoom != m_zoom;
    m_zoom = zoom;
    m_fitted = false;
    updateScrollBars();
    scrollPlanPointTo(planPoint, anchor);
    viewport()->update();
    if (changed)
        emit zoomChanged(m_zoom);
}

void FloorPlanView::setZoom(double zoom)
{
    zoomAround(zoom, QRectF(viewport()->rect()).center());
}

void FloorPlanView::zoomIn()
{
    setZoom(steppedZoom(m_zoom, 1, m_renderer->baseScale(), viewport()->devicePixelRatioF()));
}

void FloorPlanView::zoomOut()
{
    setZoom(steppedZoom(m_zoom, -1, m_renderer->baseScale(), viewport()->devicePixelRatioF()));
}

void FloorPlanView::fitToWindow()
{
    const double zoom = fitZoom();
    const bool changed = zoom != m_zoom;
    m_zoom = zoom;
    m_fitted = true;
    updateScrollBars();
    viewport()->update();
    if (changed)
        emit zoomChanged(m_zoom);
}

void FloorPlanView::setRotation(int degrees)
{
    const int rotation = ((int(std::lround(degrees / 90.0)) % 4 + 4) % 4) * 90;
    if (rotation == m_rotation)
        return;
    const QPointF centre = QRectF(viewport()->rect()).center();
    const QPointF planPoint = planTransform().inverted().map(centre);
    m_rotation = rotation;
    if (m_fitted) {
        fitToWindow();
    } else {
        updateScrollBars();
        scrollPlanPointTo(planPoint, centre);
    }
    viewport()->update();
}

void FloorPlanView::setPins(const QList<PinMarker> &pins)
{
    m_pins = pins;
    const bool kept = std::any_of(m_pins.cbegin(), m_pins.cend(),
                                  [this](const PinMarker &pin) { return pin.uuid == m_selected; });
    if (!kept)
        m_selected.clear();
    if (m_drag == Drag::Pin && !kept)
        m_drag = Drag::None;
    viewport()->update();
}

void FloorPlanView::setEditable(bool editable)
{
    m_editable = editable;
    if (!editable && m_drag == Drag::Pin)
        m_drag = Drag::None;
    viewport()->update();
}

void FloorPlanView::setSelectedPin(const QString &uuid)
{
    const auto found = std::find_if(m_pins.cbegin(), m_pins.cend(),
                                    [&uuid](const PinMarker &pin) { return pin.uuid == uuid; });
    m_selected = found == m_pins.cend() ? QString() : uuid;
    if (found != m_pins.cend() && m_source) {
        const QPointF at = planToViewport(found->position);
        const QRectF comfortable = QRectF(viewport()->rect()).adjusted(32, 32, -32, -32);
        if (!comfortable.contains(at)) {
            const QSizeF size = planSize();
            scrollPlanPointTo(
                QPointF(found->position.x() * size.width(), found->position.y() * size.height()),
                QRectF(viewport()->rect()).center());
        }
    }
    viewport()->update();
}

void FloorPlanView::setPlacingPin(bool placing)
{
    m_placing = placing;
    updateCursor();
}

void FloorPlanView::updateCursor()
{
    if (m_placing)
        viewport()->setCursor(Qt::CrossCursor);
    else if (m_drag == Drag::Pan)
        viewport()->setCursor(Qt::ClosedHandCursor);
    else
        viewport()->unsetCursor();
}

QPointF FloorPlanView::pinPosition(int index) const
{
    const PinMarker &pin = m_pins.at(index);
    return m_drag == Drag::Pin && m_dragMoved && pin.uuid == m_selected ? m_dragPosition : pin.position;
}

int FloorPlanView::pinAt(QPointF viewportPos) const
{
    if (!m_source)
        return -1;
    // The selected pin is drawn on top, then the others in reverse order.
    int best = -1;
    for (int i = int(m_pins.size()) - 1; i >= 0; --i) {
        const QPointF delta = planToViewport(pinPosition(i)) - viewportPos;
        if (std::hypot(delta.x(), delta.y()) > kPinRadius * 1.25 + kPinHitSlack)
            continue;
        if (m_pins.at(i).uuid == m_selected)
            return i;
        if (best < 0)
            best = i;
    }
    return best;
}

void FloorPlanView::selectFromUser(const QString &uuid)
{
    if (uuid == m_selected)
        return;
    m_selected = uuid;
    viewport()->update();
    emit pinSelected(uuid);
}

void FloorPlanView::moveSelectedPinBy(QPointF screenDelta)
{
    for (PinMarker &pin : m_pins) {
        if (pin.uuid != m_selected)
            continue;
        pin.position = clamped(viewportToPlan(planToViewport(pin.position) + screenDelta));
        viewport()->update();
        emit pinMoved(pin.uuid, pin.position);
        return;
    }
}

void FloorPlanView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Dark));
    if (!m_source)
        return;
    const QTransform transform = planTransform();
    painter.setTransform(transform);
    const QRectF visible = transform.inverted().mapRect(QRectF(event->rect()));
    m_renderer->paint(painter, visible, m_zoom * viewport()->devicePixelRatioF());

    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing);
    int selected = -1;
    for (int i = 0; i < m_pins.size(); ++i) {
        if (m_pins.at(i).uuid == m_selected)
            selected = i;
        else
            drawPin(painter, m_pins.at(i), planToViewport(pinPosition(i)), false);
    }
    if (selected >= 0)
        drawPin(painter, m_pins.at(selected), planToViewport(pinPosition(selected)), true);
}

void FloorPlanView::drawPin(QPainter &painter, const PinMarker &pin, QPointF at, bool selected) const
{
    const QPainterPath shape = pinShape(pin.kind, at);
    if (selected) {
        QColor halo = palette().color(QPalette::Highlight);
        halo.setAlpha(140);
        painter.strokePath(shape, QPen(halo, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    }
    painter.fillPath(shape, stateColour(pin.state));
    painter.strokePath(shape, QPen(selected ? QColor(Qt::black) : QColor(0x21, 0x21, 0x21),
                                   selected ? 2.5 : 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (pin.label.isEmpty())
        return;
    QFont font = this->font();
    font.setBold(selected);
    const QFontMetricsF metrics(font);
    QPainterPath text;
    text.addText(at + QPointF(kPinRadius * 1.25 + 4, metrics.ascent() / 2 - metrics.descent() / 2), font,
                 pin.label);
    painter.strokePath(text, QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.fillPath(text, QColor(0x21, 0x21, 0x21));
}

void FloorPlanView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitted)
        fitToWindow();
    else
        updateScrollBars();
}

void FloorPlanView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void FloorPlanView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_source) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->position();
    m_pressPos = pos;
    if (m_placing) {
        const QPointF normalised = viewportToPlan(pos);
        if (normalised == clamped(normalised)) {
            setPlacingPin(false);
            emit addPinRequested(normalised);
        }
        event->accept();
        return;
    }
    const int index = pinAt(pos);
    if (index >= 0) {
        selectFromUser(m_pins.at(index).uuid);
        if (m_editable) {
            m_drag = Drag::Pin;
            m_dragMoved = false;
            m_dragPosition = m_pins.at(index).position;
            m_grabOffset = planToViewport(m_pins.at(index).position) - pos;
        }
    } else {
        m_drag = Drag::Pan;
        m_lastPanPos = event->position().toPoint();
        updateCursor();
    }
    event->accept();
}

void FloorPlanView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Pin) {
        if (!m_dragMoved && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_dragMoved = true;
        m_dragPosition = clamped(viewportToPlan(pos + m_grabOffset));
        viewport()->update();
    } else if (m_drag == Drag::Pan) {
        const QPoint delta = pos.toPoint() - m_lastPanPos;
        m_lastPanPos = pos.toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    }
    event->accept();
}

void FloorPlanView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::Pin && m_dragMoved) {
        m_dragPosition = clamped(viewportToPlan(event->position() + m_grabOffset));
        for (PinMarker &pin : m_pins) {
            if (pin.uuid == m_selected)
                pin.position = m_dragPosition;
        }
        m_drag = Drag::None;
        viewport()->update();
        emit pinMoved(m_selected, m_dragPosition);
    }
    m_drag = Drag::None;
    updateCursor();
    event->accept();
}

void FloorPlanView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = event->button() == Qt::LeftButton ? pinAt(event->position()) : -1;
    if (index < 0) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    selectFromUser(m_pins.at(index).uuid);
    emit pinActivated(m_pins.at(index).uuid);
    event->accept();
}

void FloorPlanView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (!m_source || delta == 0) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    // Whole notches step along the renderer's levels; finer wheels and touchpads zoom smoothly.
    const double dpr = viewport()->devicePixelRatioF();
    const double zoom = delta % 120 == 0 ? steppedZoom(m_zoom, delta / 120, m_renderer->baseScale(), dpr)
                                         : m_zoom * std::exp2(delta / 120.0 / kZoomStepsPerOctave);
    zoomAround(zoom, event->position());
    event->accept();
}

void FloorPlanView::keyPressEvent(QKeyEvent *event)
{
    const bool pinKeys = m_editable && !m_selected.isEmpty() && m_source;
    const double step = event->modifiers().testFlag(Qt::ShiftModifier) ? 10 : 1;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        fitToWindow();
        break;
    case Qt::Key_Escape:
        if (!m_placing) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        setPlacingPin(false);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (!pinKeys) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        const QPointF direction = event->key() == Qt::Key_Left    ? QPointF(-1, 0)
                                  : event->key() == Qt::Key_Right ? QPointF(1, 0)
                                  : event->key() == Qt::Key_Up    ? QPointF(0, -1)
                                                                  : QPointF(0, 1);
        moveSelectedPinBy(direction * step);
        break;
    }
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!pinKeys) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        emit deletePinRequested(m_selected);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected.isEmpty()) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        emit pinActivated(m_selected);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool FloorPlanView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = pinAt(help->pos());
        if (index >= 0 && !m_pins.at(index).label.isEmpty())
            QToolTip::showText(help->globalPos(), m_pins.at(index).label, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace fs::app
