#pragma once

#include "error.h"
#include "floorplan.h"

#include <QList>
#include <QString>

namespace fs::plans {

// A floor plan as a hospital sends it: a PNG/JPEG file or a page of a PDF drawing, read into a
// FloorPlan ready for SurveyStore::addFloorPlan (its bytes, type, size and title).
class PlanFile
{
public:
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024; // an A0 drawing with its fonts

    [[nodiscard]] static bool isPdf(const QString &path);
    // The number of pages of a PDF (1 for an image).
    [[nodiscard]] static Result<int> pageCount(const QString &path);
    // The plan for one page (0-based; 0 for an image). The title is the file's base name, with
    // the page number for a PDF of several pages.
    [[nodiscard]] static Result<fs::model::FloorPlan> read(const QString &path, int pageIndex = 0);
};

} // namespace fs::plans
