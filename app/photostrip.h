#pragma once

#include "photo.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace fs::model {
class SurveyStore;
}

namespace fs::app {

// The photos of one line or terminal as thumbnails, with a button to add more. Enter shows a
// photo large, F2 edits its caption, Delete removes it (undo brings it back).
class PhotoStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PhotoStrip(QWidget *parent = nullptr);

    void setPhotos(const fs::model::SurveyStore *store, const QList<fs::model::Photo> &photos);
    void setEditable(bool editable);
    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *addButton() const { return m_addButton; }

signals:
    void addRequested();
    void captionEdited(const QString &photoUuid, const QString &caption);
    void removeRequested(const QString &photoUuid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showLarge(QListWidgetItem *item);
    [[nodiscard]] QPixmap thumbnail(const fs::model::Photo &photo);

    const fs::model::SurveyStore *m_store = nullptr;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QHash<qint64, QPixmap> m_thumbnails; // by blob id; blobs never change
    bool m_editable = false;
};

} // namespace fs::app
