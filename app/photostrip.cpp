#include "photostrip.h"

#include "logging.h"
#include "surveyeditor.h"
#include "surveystore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QIODevice>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fs::app {

using fs::model::Entity;
using fs::model::FieldRef;

namespace {

constexpr int kUuidRole = Qt::UserRole + 1;
constexpr int kBlobRole = Qt::UserRole + 2;

} // namespace

PhotoStrip::PhotoStrip(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_addButton(new QPushButton(tr("Add photos…"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setObjectName(QStringLiteral("photoList"));
    m_addButton->setObjectName(QStringLiteral("addPhotoButton"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(false);
    m_list->setMovement(QListView::Static);
    const int side = fontMetrics().height() * 6;
    m_list->setIconSize(QSize(side, side));
    m_list->setMinimumHeight(side + fontMetrics().height() * 3);
    m_list->setMaximumHeight(side + fontMetrics().height() * 4);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_list->setToolTip(tr("Enter: show large · F2: caption · Delete: remove"));
    m_list->installEventFilter(this);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_addButton, &QPushButton::clicked, this, &PhotoStrip::addRequested);
    connect(m_list, &QListWidget::itemActivated, this, &PhotoStrip::showLarge);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_editor)
            m_editor->setField(
                FieldRef{Entity::Photo, item->data(kUuidRole).toString(), QStringLiteral("caption")},
                item->text().trimmed(), tr("Edit photo caption"));
    });
}

void PhotoStrip::setEditor(fs::model::SurveyEditor *editor)
{
    m_editor = editor;
    m_addButton->setEnabled(editor != nullptr);
}

void PhotoStrip::setPhotos(const fs::model::SurveyStore *store, const QList<fs::model::Photo> &photos)
{
    if (store != m_store)
        m_thumbnails.clear();
    m_store = store;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(kUuidRole).toString() : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto &photo : photos) {
        auto *item = new QListWidgetItem(QIcon(thumbnail(photo)), photo.caption, m_list);
        item->setData(kUuidRole, photo.uuid);
        item->setData(kBlobRole, photo.blobId);
        item->setToolTip(photo.originalName);
        if (m_editor)
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (photo.uuid == current)
            m_list->setCurrentItem(item);
    }
}

QPixmap PhotoStrip::thumbnail(const fs::model::Photo &photo)
{
    const qint64 blob = photo.thumbnailBlobId;
    if (const auto it = m_thumbnails.constFind(blob); it != m_thumbnails.constEnd())
        return *it;
    QPixmap pixmap;
    if (m_store && blob > 0) {
        auto device = m_store->openBlob(blob);
        if (device) {
            QImageReader reader(device->get());
            pixmap = QPixmap::fromImage(reader.read());
        } else {
            qCWarning(lcUi) << "cannot read the thumbnail of photo" << photo.uuid << describe(device.error());
        }
    }
    m_thumbnails.insert(blob, pixmap);
    return pixmap;
}

bool PhotoStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress && m_editor) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && m_list->currentItem()) {
            if (m_editor->remove(Entity::Photo, m_list->currentItem()->data(kUuidRole).toString(),
                                 tr("Remove photo")))
                emit statusMessage(tr("Photo removed. Ctrl+Z brings it back."));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PhotoStrip::showLarge(QListWidgetItem *item)
{
    if (!m_store || !item)
        return;
    auto device = m_store->openBlob(item->data(kBlobRole).toLongLong());
    if (!device) {
        qCWarning(lcUi) << "cannot read photo" << describe(device.error());
        return;
    }
    QImageReader reader(device->get());
    reader.setAutoTransform(true);
    const QSize available = screen() ? screen()->availableSize() * 0.8 : QSize(1024, 768);
    if (reader.size().isValid() &&
        (reader.size().width() > available.width() || reader.size().height() > available.height()))
        reader.setScaledSize(reader.size().scaled(available, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    QDialog dialog(this);
    dialog.setWindowTitle(item->text().isEmpty() ? item->toolTip() : item->text());
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(&dialog);
    label->setPixmap(QPixmap::fromImage(image));
    layout->addWidget(label);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace fs::app
