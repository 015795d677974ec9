#pragma once

#include "connectionpoint.h"
#include "entity.h"
#include "photo.h"
#include "reviewcomment.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLineEdit;

namespace Ui {
class ConnectionPointPage;
}

namespace fs::model {
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// 外部接続点: the survey's lines on the left; on the right what the workbook declared beside what
// was found — the ONU location, the wiring below the line with each device's collected facts,
// whether the EMR network is reachable and how it is protected, photos and notes. Every edit is
// committed when the field is left.
class ConnectionPointPage : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionPointPage(QWidget *parent = nullptr);
    ~ConnectionPointPage() override;

    // editor is null for a read-only survey or none.
    void setEditor(fs::model::SurveyEditor *editor);
    // Shows the lines; the selected line and device stay selected by their identity.
    void setSurvey(const fs::model::SurveyStore *store, const QList<fs::model::ConnectionPoint> &lines,
                   const QList<fs::model::Photo> &photos);

    [[nodiscard]] QString selectedLineUuid() const;
    [[nodiscard]] QString selectedDeviceUuid() const;
    void selectLine(const QString &uuid);
    void selectLineNo(int lineNo, const QString &field = {});
    // Selects the line (or the device and its line) and puts the focus where field is entered.
    void showField(fs::model::Entity entity, const QString &uuid, const QString &field);
    // The team lead's comments not dealt with yet: their rows are highlighted (set before setSurvey).
    void setReviewComments(const QList<fs::model::ReviewComment> &open);
    void selectNext(int delta);
    void focusList();

    // Asks for a line found on site and adds it.
    void addLineFoundOnSite();
    std::optional<fs::model::ConnectionPoint> addLine(const fs::model::ConnectionPoint &line);
    void addDevice();
    void moveDevice(int direction);
    void removeDevice();
    // Asks for image files and adds them to the selected line.
    void choosePhotos();
    void addPhotoFiles(const QStringList &paths);

signals:
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] const fs::model::ConnectionPoint *selectedLine() const;
    [[nodiscard]] const fs::model::Device *selectedDevice() const;
    void fillList();
    void showLine();
    void showDevice();
    void setLineField(const QString &field, const QVariant &value, const QString &text);
    void setDeviceField(const QString &field, const QVariant &value, const QString &text);
    void recordFact(const QString &key, const QLineEdit *edit);
    void removeLine();
    void selectDeviceRow(int row);
    void connectEdits();

    std::unique_ptr<Ui::ConnectionPointPage> m_ui;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::SurveyStore *m_store = nullptr;
    QList<fs::model::ConnectionPoint> m_lines;
    QList<fs::model::Photo> m_photos;
    QList<fs::model::ReviewComment> m_reviewComments;
    QString m_deviceUuid; // the selected device, kept across reloads
};

} // namespace fs::app
