#include "pageicons.h"

#include <QPainter>
#include <QPixmap>

namespace fs::app {

QIcon PageIcons::status(bool complete)
{
    QIcon icon;
    for (const int side : {16, 32, 64}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(side / 32.0, side / 32.0);
        painter.setPen(Qt::NoPen);
        painter.setBrush(complete ? QColor(0x19, 0x87, 0x54) : QColor(0xe0, 0x9b, 0x1a));
        painter.drawEllipse(QRectF(3, 3, 26, 26));
        painter.setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (complete)
            painter.drawPolyline(QPolygonF({QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)}));
        else
            painter.drawLine(QPointF(10, 16), QPointF(22, 16));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace fs::app
