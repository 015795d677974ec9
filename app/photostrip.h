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

// The photos of one line, terminal or pin as thumbnails, with a button to add more. Enter shows a
// photo large with its markup, F2 edits its caption, Ctrl+Left/Right moves it earlier/later,
// Ctrl+M draws arrows, circles and text over it (the photo itself is never changed), Delete
// removes it (undo brings it back); all saved through the editor.
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
    // The uuid of the photo chosen in the strip, or "".
    [[nodiscard]] QString currentUuid() const;
    // The actions behind the keys and buttons (tests, the menu).
    bool moveCurrent(int direction);
    void editMarkup();
    // The photo upright at print size, with its markup drawn over it (what Enter shows).
    [[nodiscard]] QImage markedUp(const QString &uuid) const;

signals:
    void addRequested();
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showLarge(QListWidgetItem *item);
    [[nodiscard]] QPixmap thumbnail(const fs::model::Photo &photo);
    [[nodiscard]] const fs::model::Photo *photo(const QString &uuid) const;
    [[nodiscard]] QImage upright(const fs::model::Photo &photo) const;
    void updateButtons();

    const fs::model::SurveyStore *m_store = nullptr;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QPushButton *m_earlierButton;
    QPushButton *m_laterButton;
    QPushButton *m_markupButton;
    QList<fs::model::Photo> m_photos;
    QHash<qint64, QPixmap> m_thumbnails; // by blob id; blobs never change
    fs::model::SurveyEditor *m_editor = nullptr;
};

} // namespace fs::app
