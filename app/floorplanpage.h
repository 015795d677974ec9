#pragma once

#include "floorplan.h"
#include "photo.h"
#include "pinstatus.h"
#include "surveydata.h"

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class FloorPlanPage;
}

namespace fs::model {
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::plans {
class PlanSource;
}

namespace fs::app {

class FloorPlanView;
class PhotoStrip;

// 平面図: the hospital's floor plans (from the workbook, image files or PDF pages) with the pins
// that show where each ONU, router/UTM and terminal is. Pins are placed by clicking, moved by
// dragging or with the arrow keys, linked to a line, device or terminal, coloured by what is
// known of it (done green, missing red, a finding orange) and filtered by kind, state and text.
// The selected pin's photos are beside it; photos imported from a folder wait in a list until
// they are linked. Every change is saved at once and undone with Edit › Undo.
class FloorPlanPage : public QWidget
{
    Q_OBJECT

public:
    explicit FloorPlanPage(QWidget *parent = nullptr);
    ~FloorPlanPage() override;

    // Null editor: read-only.
    void setSurvey(fs::model::SurveyStore *store, fs::model::SurveyEditor *editor);
    // Shows the survey's data again (after any edit); keeps the plan and pin shown.
    void setData(const fs::model::SurveyData &data, const QList<fs::model::Photo> &photos,
                 const QList<fs::model::Finding> &findings);
    void focusPlan();

    // The actions behind the buttons without their dialogs (tests, the menu).
    bool addPlanFromFile(const QString &path, int pageIndex);
    bool addPinAt(QPointF normalised);
    bool rotateCurrentPlan();
    void selectPlan(int index);
    void selectPin(const QString &uuid);
    bool linkSelectedPin(const fs::model::PhotoTarget &target);
    int importPhotos(const QStringList &paths, const fs::model::PhotoTarget &target);

    [[nodiscard]] FloorPlanView *view() const { return m_view; }
    [[nodiscard]] QString currentPlanUuid() const { return m_planUuid; }
    [[nodiscard]] QList<QString> visiblePinUuids() const;

signals:
    void statusMessage(const QString &message);

private:
    void choosePlanFile();
    void chooseFolder();
    void showPlan();
    void fillPins();
    void fillPinDetails();
    void fillUnlinked();
    void fillTargets();
    void updateButtons();
    void movePin(const QString &uuid, QPointF normalised);
    void removePin(const QString &uuid);
    void linkSelectedPhotos();
    [[nodiscard]] const fs::model::FloorPlan *currentPlan() const;
    [[nodiscard]] const fs::model::Pin *currentPin() const;
    [[nodiscard]] fs::model::PinStatus statusOf(const fs::model::Pin &pin) const;
    [[nodiscard]] QString pinText(const fs::model::Pin &pin) const;
    [[nodiscard]] bool passesFilter(const fs::model::Pin &pin) const;

    std::unique_ptr<Ui::FloorPlanPage> m_ui;
    FloorPlanView *m_view;
    PhotoStrip *m_pinPhotos;
    PhotoStrip *m_unlinked;
    fs::model::SurveyStore *m_store = nullptr;
    fs::model::SurveyEditor *m_editor = nullptr;
    fs::model::SurveyData m_data;
    QList<fs::model::Photo> m_photos;
    QList<fs::model::Finding> m_findings;
    QString m_planUuid;
    QString m_pinUuid;
    // The plan's picture, opened once per blob and page (Poppler parses a PDF once).
    QHash<QString, std::shared_ptr<fs::plans::PlanSource>> m_sources;
    QString m_shownSourceKey;
    bool m_filling = false;
};

} // namespace fs::app
