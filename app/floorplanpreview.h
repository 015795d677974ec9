#pragma once

#include "floorplan.h"

#include <QList>
#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace fs::model {
class SurveyStore;
}

namespace fs::app {

// The survey's floor plans, one under the other, with their pins drawn on them (ONU red,
// terminals blue, others grey). A first view; panning, zooming and moving pins come later.
class FloorPlanPreview : public QScrollArea
{
    Q_OBJECT

public:
    static constexpr int kMaxWidth = 1600; // plans are decoded at most this wide

    explicit FloorPlanPreview(QWidget *parent = nullptr);

    // Shows the plans (their images are read from the store's blobs); an empty list clears.
    void setFloorPlans(const fs::model::SurveyStore *store, const QList<fs::model::FloorPlan> &plans);
    [[nodiscard]] int planCount() const { return int(m_plans.size()); }
    // The picture as shown, pins included (for tests and printing).
    [[nodiscard]] QImage renderedPlan(int index) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Fits each plan to the visible width (never enlarged).
    void fitToWidth();

    QWidget *m_content;
    QVBoxLayout *m_layout;
    QList<QImage> m_plans;
    QList<QLabel *> m_pictures;
};

} // namespace fs::app
