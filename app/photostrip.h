#pragma once

#include "photo.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace fs::model {
class SurveyEditor;
class SurveyStore;
} // namespace fs::model

namespace fs::app {

// The photos of one line or terminal as thumbnails, with a button to add more. Enter shows a
// photo large, F2 edits its caption, Delete removes it (undo brings it back); both are saved
// through the editor.
class PhotoStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PhotoStrip(QWidget *parent = nullptr);

    void setPhotos(const fs::model::SurveyStore *store, const QList<fs::model::Photo> &photos);
    // editor is null for a read-only survey or none.
    void setEditor(fs::model::SurveyEditor *editor);
    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *addButton() const { return m_addButton; }

signals:
    void addRequested();
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showLarge(QListWidgetItem *item);
    [[nodiscard]] QPixmap thumbnail(const fs::model::Photo &photo);

    const fs::model::SurveyStore *m_store = nullptr;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QHash<qint64, QPixmap> m_thumbnails; // by blob id; blobs never change
    fs::model::SurveyEditor *m_editor = nullptr;
};

} // namespace fs::app
