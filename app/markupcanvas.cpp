#include "markupcanvas.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

namespace fs::app {

using fs::model::MarkupShape;
using fs::model::PhotoMarkup;

namespace {

constexpr int kClickSlop = 4; // pixels a press may move and still be a click

} // namespace

MarkupCanvas::MarkupCanvas(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
}

void MarkupCanvas::setPhoto(const QImage &upright)
{
    m_photo = upright;
    m_scaled = {};
    update();
}

void MarkupCanvas::setMarkup(const PhotoMarkup &markup)
{
    m_markup = markup;
    m_undo.clear();
    select(-1);
    update();
    emit markupChanged();
}

void MarkupCanvas::setTool(Tool tool)
{
    m_tool = tool;
}

void MarkupCanvas::setColour(const QColor &colour)
{
    m_colour = colour;
}

void MarkupCanvas::setText(const QString &text)
{
    m_text = text;
}

QRectF MarkupCanvas::photoRect() const
{
    if (m_photo.isNull() || width() <= 0 || height() <= 0)
        return QRectF(rect());
    const QSizeF fitted = QSizeF(m_photo.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

void MarkupCanvas::deleteSelected()
{
    if (m_selected < 0 || m_selected >= m_markup.shapes.size())
        return;
    const int index = m_selected;
    change([index](QList<MarkupShape> &shapes) { shapes.removeAt(index); });
    select(-1);
}

void MarkupCanvas::undo()
{
    if (m_undo.isEmpty())
        return;
    m_markup.shapes = m_undo.takeLast();
    select(-1);
    update();
    emit markupChanged();
}

void MarkupCanvas::change(const std::function<void(QList<MarkupShape> &)> &edit)
{
    m_undo.append(m_markup.shapes);
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    edit(m_markup.shapes);
    update();
    emit markupChanged();
}

void MarkupCanvas::select(int index)
{
    if (index == m_selected)
        return;
    m_selected = index;
    update();
    emit selectionChanged(index);
}

QPointF MarkupCanvas::normalised(const QPointF &point) const
{
    const QRectF photo = photoRect();
    return {std::clamp((point.x() - photo.left()) / photo.width(), 0.0, 1.0),
            std::clamp((point.y() - photo.top()) / photo.height(), 0.0, 1.0)};
}

void MarkupCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x30, 0x30, 0x30));
    const QRectF photo = photoRect();
    if (!m_photo.isNull()) {
        if (m_scaled.size() != photo.size().toSize())
            m_scaled = QPixmap::fromImage(
                m_photo.scaled(photo.size().toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        painter.drawPixmap(photo.topLeft(), m_scaled);
    }
    m_markup.paint(painter, photo);
    if (m_draft)
        PhotoMarkup{{*m_draft}}.paint(painter, photo);

    if (m_selected >= 0 && m_selected < m_markup.shapes.size()) {
        const MarkupShape &shape = m_markup.shapes.at(m_selected);
        const auto place = [&photo](const QPointF &p) {
            return QPointF(photo.left() + p.x() * photo.width(), photo.top() + p.y() * photo.height());
        };
        QRectF box =
            shape.kind == MarkupShape::Kind::Text
                ? QRectF(place(shape.from),
                         QSizeF(QFontMetricsF(PhotoMarkup::textFont(photo)).horizontalAdvance(shape.text),
                                QFontMetricsF(PhotoMarkup::textFont(photo)).height()))
                : QRectF(place(shape.from), place(shape.to)).normalized();
        const qreal margin = PhotoMarkup::lineWidth(photo) * 2;
        box.adjust(-margin, -margin, margin, margin);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 1, Qt::DashLine));
        painter.drawRect(box);
        painter.setPen(QPen(Qt::black, 1, Qt::DotLine));
        painter.drawRect(box.adjusted(1, 1, -1, -1));
    }
}

void MarkupCanvas::resizeEvent(QResizeEvent *event)
{
    m_scaled = {};
    QWidget::resizeEvent(event);
}

void MarkupCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_pressedAt = event->position();
    m_draft.reset();
    if (m_tool != Tool::Text) {
        MarkupShape shape;
        shape.kind = m_tool == Tool::Arrow ? MarkupShape::Kind::Arrow : MarkupShape::Kind::Circle;
        shape.from = shape.to = normalised(m_pressedAt);
        shape.colour = m_colour;
        m_draft = shape;
    }
    event->accept();
}

void MarkupCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !m_draft)
        return QWidget::mouseMoveEvent(event);
    m_draft->to = normalised(event->position());
    update();
}

void MarkupCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    const QPointF at = event->position();
    std::optional<MarkupShape> draft = std::exchange(m_draft, std::nullopt);
    if (draft && (at - m_pressedAt).manhattanLength() >= kClickSlop) {
        draft->to = normalised(at);
        change([&draft](QList<MarkupShape> &shapes) { shapes.append(*draft); });
        select(int(m_markup.shapes.size()) - 1);
        return;
    }
    // A click: select what is under it, or place text.
    if (const int hit = m_markup.shapeAt(at, photoRect()); hit >= 0) {
        select(hit);
    } else if (m_tool == Tool::Text && !m_text.trimmed().isEmpty() && photoRect().contains(at)) {
        MarkupShape text;
        text.kind = MarkupShape::Kind::Text;
        text.from = normalised(at);
        text.text = m_text.trimmed().left(PhotoMarkup::kMaxTextLength);
        text.colour = m_colour;
        change([&text](QList<MarkupShape> &shapes) { shapes.append(text); });
        select(int(m_markup.shapes.size()) - 1);
    } else {
        select(-1);
    }
    update();
}

} // namespace fs::app
