#pragma once

#include "error.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;

namespace fs::model {

// One mark an investigator draws on a photo. Coordinates are normalised (0..1) on the upright
// photo, that is after its EXIF orientation is applied.
struct MarkupShape
{
    enum class Kind
    {
        Arrow,  // from the tail to the head
        Circle, // an ellipse in the box from..to
        Text    // text with its top left corner at from
    };

    Kind kind = Kind::Arrow;
    QPointF from;
    QPointF to;
    QString text;
    QColor colour = defaultColour();

    [[nodiscard]] static QColor defaultColour() { return QColor(0xe5, 0x39, 0x35); } // red

    friend bool operator==(const MarkupShape &, const MarkupShape &) = default;
};

// The marks drawn over a photo, kept beside it as JSON; the photo itself is never changed.
//   {"version":1,"shapes":[{"kind":"arrow","from":[x,y],"to":[x,y],"colour":"#e53935"},
//                          {"kind":"text","from":[x,y],"text":"ONU"}]}
// "colour" is left out when it is the default red.
struct PhotoMarkup
{
    QList<MarkupShape> shapes;

    [[nodiscard]] QString toJson() const;
    // Strict: an unknown kind or key, a coordinate outside -0.1..1.1, too many shapes, too long a
    // text or JSON, or a newer version is refused with the JSON path in the detail
    // ("shapes[3].from: ..."). An empty string is an empty markup.
    [[nodiscard]] static Result<PhotoMarkup> fromJson(const QString &json);

    // Draws the marks scaled into target (the rectangle the upright photo is drawn in); line width
    // and font size follow the target's size.
    void paint(QPainter &painter, const QRectF &target) const;

    // The topmost shape under point (in the same coordinates as target), or -1. Arrows and
    // circles are hit near their lines, text within its box.
    [[nodiscard]] int shapeAt(const QPointF &point, const QRectF &target) const;

    [[nodiscard]] static qreal lineWidth(const QRectF &target);
    [[nodiscard]] static QFont textFont(const QRectF &target);

    static constexpr int kMaxShapes = 500;
    static constexpr int kMaxTextLength = 200;
    static constexpr qsizetype kMaxJsonBytes = 256 * 1024;
    static constexpr int kVersion = 1;

    friend bool operator==(const PhotoMarkup &, const PhotoMarkup &) = default;
};

} // namespace fs::model
