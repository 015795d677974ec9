#include "photomarkup.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QtMath>

#include <cmath>

namespace fs::model {

namespace {

constexpr qreal kMinCoordinate = -0.1;
constexpr qreal kMaxCoordinate = 1.1;

QString kindName(MarkupShape::Kind kind)
{
    switch (kind) {
    case MarkupShape::Kind::Arrow:
        return QStringLiteral("arrow");
    case MarkupShape::Kind::Circle:
        return QStringLiteral("circle");
    case MarkupShape::Kind::Text:
        return QStringLiteral("text");
    }
    return {};
}

QJsonArray point(const QPointF &p)
{
    return QJsonArray{p.x(), p.y()};
}

tl::unexpected<Error> refuse(const QString &path, const QString &what)
{
    return fail(ErrorCode::InvalidData, QStringLiteral("markup: %1: %2").arg(path, what));
}

Result<QPointF> readPoint(const QJsonValue &value, const QString &path)
{
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.size() != 2)
        return refuse(path, QStringLiteral("expected [x, y]"));
    qreal xy[2] = {};
    for (int i = 0; i < 2; ++i) {
        if (!array.at(i).isDouble())
            return refuse(path, QStringLiteral("expected numbers"));
        xy[i] = array.at(i).toDouble();
        if (!std::isfinite(xy[i]) || xy[i] < kMinCoordinate || xy[i] > kMaxCoordinate)
            return refuse(path, QStringLiteral("coordinate %1 is outside -0.1..1.1").arg(xy[i]));
    }
    return QPointF(xy[0], xy[1]);
}

Result<MarkupShape> readShape(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return refuse(path, QStringLiteral("expected an object"));
    const QJsonObject object = value.toObject();
    MarkupShape shape;
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind == QStringLiteral("arrow"))
        shape.kind = MarkupShape::Kind::Arrow;
    else if (kind == QStringLiteral("circle"))
        shape.kind = MarkupShape::Kind::Circle;
    else if (kind == QStringLiteral("text"))
        shape.kind = MarkupShape::Kind::Text;
    else
        return refuse(path + QStringLiteral(".kind"), QStringLiteral("unknown kind \"%1\"").arg(kind));
    const bool isText = shape.kind == MarkupShape::Kind::Text;

    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        const bool known = key == QStringLiteral("kind") || key == QStringLiteral("from") ||
                           key == QStringLiteral("colour") ||
                           (isText ? key == QStringLiteral("text") : key == QStringLiteral("to"));
        if (!known)
            return refuse(path + QLatin1Char('.') + key, QStringLiteral("unknown key for a %1").arg(kind));
    }

    auto from = readPoint(object.value(QStringLiteral("from")), path + QStringLiteral(".from"));
    if (!from)
        return tl::unexpected(from.error());
    shape.from = *from;
    if (isText) {
        const QJsonValue text = object.value(QStringLiteral("text"));
        const QString textPath = path + QStringLiteral(".text");
        if (!text.isString() || text.toString().trimmed().isEmpty())
            return refuse(textPath, QStringLiteral("expected a text"));
        if (text.toString().size() > PhotoMarkup::kMaxTextLength)
            return refuse(textPath,
                          QStringLiteral("longer than %1 characters").arg(PhotoMarkup::kMaxTextLength));
        shape.text = text.toString();
    } else {
        auto to = readPoint(object.value(QStringLiteral("to")), path + QStringLiteral(".to"));
        if (!to)
            return tl::unexpected(to.error());
        shape.to = *to;
    }
    if (object.contains(QStringLiteral("colour"))) {
        static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        const QJsonValue colour = object.value(QStringLiteral("colour"));
        if (!colour.isString() || !hex.match(colour.toString()).hasMatch())
            return refuse(path + QStringLiteral(".colour"), QStringLiteral("expected \"#rrggbb\""));
        shape.colour = QColor(colour.toString());
    }
    return shape;
}

QPointF place(const QPointF &p, const QRectF &target)
{
    return {target.left() + p.x() * target.width(), target.top() + p.y() * target.height()};
}

qreal distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const qreal length2 = QPointF::dotProduct(ab, ab);
    const qreal t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

QRectF textBox(const MarkupShape &shape, const QRectF &target)
{
    const QFontMetricsF metrics(PhotoMarkup::textFont(target));
    return QRectF(place(shape.from, target), QSizeF(metrics.horizontalAdvance(shape.text), metrics.height()));
}

} // namespace

QString PhotoMarkup::toJson() const
{
    QJsonArray array;
    for (const MarkupShape &shape : shapes) {
        QJsonObject object{{QStringLiteral("kind"), kindName(shape.kind)},
                           {QStringLiteral("from"), point(shape.from)}};
        if (shape.kind == MarkupShape::Kind::Text)
            object.insert(QStringLiteral("text"), shape.text);
        else
            object.insert(QStringLiteral("to"), point(shape.to));
        if (shape.colour != MarkupShape::defaultColour())
            object.insert(QStringLiteral("colour"), shape.colour.name(QColor::HexRgb));
        array.append(object);
    }
    const QJsonObject root{{QStringLiteral("version"), kVersion}, {QStringLiteral("shapes"), array}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

Result<PhotoMarkup> PhotoMarkup::fromJson(const QString &json)
{
    if (json.isEmpty())
        return PhotoMarkup{};
    const QByteArray bytes = json.toUtf8();
    if (bytes.size() > kMaxJsonBytes)
        return refuse(QStringLiteral("$"),
                      QStringLiteral("%1 bytes of JSON, more than %2").arg(bytes.size()).arg(kMaxJsonBytes));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return refuse(
            QStringLiteral("$"),
            QStringLiteral("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return refuse(QStringLiteral("$"), QStringLiteral("expected an object"));
    const QJsonObject root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QStringLiteral("version") && it.key() != QStringLiteral("shapes"))
            return refuse(it.key(), QStringLiteral("unknown key"));
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1)
        return refuse(QStringLiteral("version"), QStringLiteral("expected a version number"));
    if (version.toDouble() > kVersion)
        return fail(
            ErrorCode::SchemaTooNew,
            QStringLiteral("markup: version: %1 was written by a newer FieldSurvey (this one reads %2)")
                .arg(version.toDouble())
                .arg(kVersion));
    const QJsonValue shapes = root.value(QStringLiteral("shapes"));
    if (!shapes.isArray())
        return refuse(QStringLiteral("shapes"), QStringLiteral("expected an array"));
    const QJsonArray array = shapes.toArray();
    if (array.size() > kMaxShapes)
        return refuse(QStringLiteral("shapes"),
                      QStringLiteral("%1 shapes, more than %2").arg(array.size()).arg(kMaxShapes));
    PhotoMarkup markup;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto shape = readShape(array.at(i), QStringLiteral("shapes[%1]").arg(i));
        if (!shape)
            return tl::unexpected(shape.error());
        markup.shapes.append(*shape);
    }
    return markup;
}

qreal PhotoMarkup::lineWidth(const QRectF &target)
{
    return std::max(2.0, std::min(target.width(), target.height()) * 0.008);
}

QFont PhotoMarkup::textFont(const QRectF &target)
{
    QFont font;
    font.setPixelSize(std::max(10, qRound(std::min(target.width(), target.height()) * 0.045)));
    font.setBold(true);
    return font;
}

void PhotoMarkup::paint(QPainter &painter, const QRectF &target) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal width = lineWidth(target);
    for (const MarkupShape &shape : shapes) {
        painter.setPen(QPen(shape.colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        const QPointF from = place(shape.from, target);
        const QPointF to = place(shape.to, target);
        switch (shape.kind) {
        case MarkupShape::Kind::Arrow: {
            painter.drawLine(from, to);
            const QPointF d = to - from;
            const qreal length = std::hypot(d.x(), d.y());
            if (length <= 0)
                break;
            const QPointF unit = d / length;
            const QPointF normal(-unit.y(), unit.x());
            const qreal head = std::min(width * 5, length * 0.5);
            const QPointF base = to - unit * head;
            painter.setBrush(shape.colour);
            painter.drawPolygon(QPolygonF{to, base + normal * head * 0.5, base - normal * head * 0.5});
            break;
        }
        case MarkupShape::Kind::Circle:
            painter.drawEllipse(QRectF(from, to).normalized());
            break;
        case MarkupShape::Kind::Text: {
            const QFont font = textFont(target);
            QPainterPath path;
            path.addText(from + QPointF(0, QFontMetricsF(font).ascent()), font, shape.text);
            // A light halo keeps the text readable on a dark or busy photo.
            painter.strokePath(
                path, QPen(QColor(255, 255, 255, 200), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.fillPath(path, shape.colour);
            break;
        }
        }
    }
    painter.restore();
}

int PhotoMarkup::shapeAt(const QPointF &point, const QRectF &target) const
{
    const qreal tolerance = std::max(6.0, lineWidth(target) * 2);
    for (qsizetype i = shapes.size() - 1; i >= 0; --i) {
        const MarkupShape &shape = shapes.at(i);
        const QPointF from = place(shape.from, target);
        const QPointF to = place(shape.to, target);
        switch (shape.kind) {
        case MarkupShape::Kind::Arrow:
            if (distanceToSegment(point, from, to) <= tolerance)
                return int(i);
            break;
        case MarkupShape::Kind::Circle: {
            const QRectF box = QRectF(from, to).normalized();
            const qreal a = box.width() / 2, b = box.height() / 2;
            if (a <= 0 || b <= 0) {
                if (distanceToSegment(point, from, to) <= tolerance)
                    return int(i);
                break;
            }
            const QPointF d = point - box.center();
            const qreal r = std::hypot(d.x() / a, d.y() / b);
            if (std::abs(r - 1) * std::min(a, b) <= tolerance)
                return int(i);
            break;
        }
        case MarkupShape::Kind::Text:
            if (textBox(shape, target).adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(point))
                return int(i);
            break;
        }
    }
    return -1;
}

} // namespace fs::model
