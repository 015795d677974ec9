#pragma once

#include "floorplan.h"

#include <QByteArray>
#include <QList>

namespace fs::model {

// The demo hospital's floor plans: a two-page vector PDF (本館 3F with the server room, 本館 1F)
// drawn here, with pins on the lines' ONUs and the terminals, as a workbook would bring them.
class DemoFloorPlan
{
public:
    [[nodiscard]] static QByteArray pdf();
    [[nodiscard]] static QList<FloorPlan> plans();
};

} // namespace fs::model
