#include "floorplanpreview.h"

#include "logging.h"
#include "surveystore.h"

#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace fs::app {

namespace {

QColor pinColour(fs::model::PinKind kind)
{
    switch (kind) {
    case fs::model::PinKind::Onu:
        return QColor(0xd6, 0x28, 0x28);
    case fs::model::PinKind::Terminal:
        return QColor(0x1f, 0x5f, 0xbf);
    case fs::model::PinKind::Router:
        return QColor(0xe0, 0x8a, 0x00);
    case fs::model::PinKind::Other:
        break;
    }
    return QColor(0x60, 0x60, 0x60);
}

void drawPins(QImage &image, const QList<fs::model::Pin> &pins)
{
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(std::max(12, image.width() / 80));
    font.setBold(true);
    painter.setFont(font);
    const double radius = std::max(6.0, image.width() / 160.0);
    for (const fs::model::Pin &pin : pins) {
        const QPointF at(pin.x * image.width(), pin.y * image.height());
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(pinColour(pin.kind));
        painter.drawEllipse(at, radius, radius);
        const QString label = pin.label.isEmpty() ? pin.target : pin.label;
        const QRectF box = painter.fontMetrics().boundingRect(label).adjusted(-3, -1, 3, 1);
        const QRectF placed = box.translated(at + QPointF(radius + 4, -box.center().y()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(placed, 3, 3);
        painter.setPen(pinColour(pin.kind));
        painter.drawText(placed, Qt::AlignCenter, label);
    }
}

} // namespace

FloorPlanPreview::FloorPlanPreview(QWidget *parent)
    : QScrollArea(parent)
    , m_content(new QWidget)
    , m_layout(new QVBoxLayout(m_content))
{
    setObjectName(QStringLiteral("floorPlanPreview"));
    setWidgetResizable(true);
    setWidget(m_content);
}

void FloorPlanPreview::setFloorPlans(const fs::model::SurveyStore *store,
                                     const QList<fs::model::FloorPlan> &plans)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_plans.clear();
    m_pictures.clear();
    if (!store)
        return;
    for (const fs::model::FloorPlan &plan : plans) {
        auto device = store->openBlob(plan.blobId);
        if (!device) {
            qCWarning(lcUi) << "floor plan" << plan.uuid << "unreadable:" << describe(device.error());
            continue;
        }
        QImageReader reader(device->get());
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.width() > kMaxWidth)
            reader.setScaledSize(size.scaled(kMaxWidth, kMaxWidth * 4, Qt::KeepAspectRatio));
        QImage image = reader.read();
        if (image.isNull()) {
            qCWarning(lcUi) << "floor plan" << plan.uuid << "cannot be decoded:" << reader.errorString();
            continue;
        }
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        drawPins(image, plan.pins);
        m_plans.append(image);

        auto *title = new QLabel(plan.title, m_content);
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
        auto *picture = new QLabel(m_content);
        picture->setObjectName(QStringLiteral("floorPlanImage"));
        picture->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_pictures.append(picture);
        m_layout->addWidget(title);
        m_layout->addWidget(picture);
    }
    m_layout->addStretch(1);
    fitToWidth();
}

void FloorPlanPreview::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitToWidth();
}

void FloorPlanPreview::fitToWidth()
{
    const QMargins margins = m_layout->contentsMargins();
    const int available = std::max(200, viewport()->width() - margins.left() - margins.right());
    for (qsizetype i = 0; i < m_pictures.size() && i < m_plans.size(); ++i) {
        const QImage &image = m_plans[i];
        const QImage shown =
            image.width() > available ? image.scaledToWidth(available, Qt::SmoothTransformation) : image;
        m_pictures[i]->setPixmap(QPixmap::fromImage(shown));
    }
}

QImage FloorPlanPreview::renderedPlan(int index) const
{
    return m_plans.value(index);
}

} // namespace fs::app
