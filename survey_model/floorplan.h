#pragma once

#include "pin.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fs::model {

// 平面図: a floor plan from the workbook, an image file or a PDF page, with its pins.
struct FloorPlan
{
    qint64 id = 0;
    QString uuid;
    int position = 0;
    QString title;
    QString sourceKind = QStringLiteral("workbook_image"); // workbook_image, image, pdf_page
    qint64 blobId = 0;
    int pageIndex = 0;
    double width = 0; // pixels (image) or points (PDF page)
    double height = 0;
    int rotation = 0;
    QList<Pin> pins;

    // Only when importing: the image bytes and their type, stored as a blob.
    QByteArray imageData;
    QString mimeType;

    friend bool operator==(const FloorPlan &, const FloorPlan &) = default;
};

} // namespace fs::model
