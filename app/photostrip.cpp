#include "photostrip.h"

#include "logging.h"
#include "markupdialog.h"
#include "photomarkup.h"
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
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fs::app {

using fs::model::Entity;
using fs::model::FieldRef;
using fs::model::Photo;

namespace {

constexpr int kUuidRole = Qt::UserRole + 1;
constexpr int kBlobRole = Qt::UserRole + 2;

} // namespace

PhotoStrip::PhotoStrip(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_addButton(new QPushButton(tr("Add photos…"), this))
    , m_earlierButton(new QPushButton(tr("◀ Earlier"), this))
    , m_laterButton(new QPushButton(tr("Later ▶"), this))
    , m_markupButton(new QPushButton(tr("Mark up…"), this))
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
    m_list->setToolTip(
        tr("Enter: show large · F2: caption · Ctrl+Left/Right: move · Ctrl+M: mark up · Delete: remove"));
    m_earlierButton->setObjectName(QStringLiteral("photoEarlierButton"));
    m_laterButton->setObjectName(QStringLiteral("photoLaterButton"));
    m_markupButton->setObjectName(QStringLiteral("photoMarkupButton"));
    m_markupButton->setToolTip(
        tr("Draw arrows, circles and text over the photo; the photo itself is kept as taken"));
    m_list->installEventFilter(this);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_earlierButton);
    buttons->addWidget(m_laterButton);
    buttons->addWidget(m_markupButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_addButton, &QPushButton::clicked, this, &PhotoStrip::addRequested);
    connect(m_list, &QListWidget::itemActivated, this, &PhotoStrip::showLarge);
    connect(m_list, &QListWidget::currentItemChanged, this, &PhotoStrip::updateButtons);
    connect(m_earlierButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_laterButton, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_markupButton, &QPushButton::clicked, this, &PhotoStrip::editMarkup);
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
    updateButtons();
}

void PhotoStrip::updateButtons()
{
    const int row = m_list->currentRow();
    m_earlierButton->setEnabled(m_editor && row > 0);
    m_laterButton->setEnabled(m_editor && row >= 0 && row + 1 < m_list->count());
    m_markupButton->setEnabled(m_editor && row >= 0);
}

const fs::model::Photo *PhotoStrip::photo(const QString &uuid) const
{
    for (const auto &p : m_photos) {
        if (p.uuid == uuid)
            return &p;
    }
    return nullptr;
}

bool PhotoStrip::moveCurrent(int direction)
{
    const QString uuid = currentUuid();
    if (!m_editor || uuid.isEmpty())
        return false;
    return m_editor->movePhoto(uuid, direction,
                               direction < 0 ? tr("Move photo earlier") : tr("Move photo later"));
}

QImage PhotoStrip::upright(const fs::model::Photo &photo) const
{
    // The print-size preview is stored upright; older photos have only the original.
    const qint64 blob = photo.previewBlobId > 0 ? photo.previewBlobId : photo.blobId;
    auto device = m_store ? m_store->openBlob(blob)
                          : Result<std::unique_ptr<QIODevice>>(
                                tl::unexpected(Error{ErrorCode::NotFound, QStringLiteral("no survey")}));
    if (!device) {
        qCWarning(lcUi) << "cannot read photo" << photo.uuid << describe(device.error());
        return {};
    }
    QImageReader reader(device->get());
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    const int limit = fs::model::Photo::kPreviewSize;
    if (size.isValid() && (size.width() > limit || size.height() > limit))
        reader.setScaledSize(size.scaled(limit, limit, Qt::KeepAspectRatio));
    return reader.read();
}

QImage PhotoStrip::markedUp(const QString &uuid) const
{
    const fs::model::Photo *p = photo(uuid);
    if (!p)
        return {};
    QImage image = upright(*p).convertToFormat(QImage::Format_RGB32);
    auto markup = fs::model::PhotoMarkup::fromJson(p->markup);
    if (!image.isNull() && markup && !markup->shapes.isEmpty()) {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        markup->paint(painter, QRectF(image.rect()));
    }
    return image;
}

void PhotoStrip::editMarkup()
{
    const fs::model::Photo *p = photo(currentUuid());
    if (!m_editor || !p)
        return;
    const QImage image = upright(*p);
    auto markup = fs::model::PhotoMarkup::fromJson(p->markup);
    if (image.isNull() || !markup) {
        m_editor->reportFailure(
            markup ? Error{ErrorCode::InvalidData, p->originalName + QStringLiteral(": cannot be shown")}
                   : markup.error());
        return;
    }
    MarkupDialog dialog(image, *markup, this);
    dialog.setWindowTitle(tr("Mark up %1").arg(p->caption.isEmpty() ? p->originalName : p->caption));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString uuid = p->uuid; // p is gone once the edit reloads the strip
    m_editor->setField(FieldRef{Entity::Photo, uuid, QStringLiteral("markup")},
                       dialog.markup().shapes.isEmpty() ? QString() : dialog.markup().toJson(),
                       tr("Mark up photo"));
}

void PhotoStrip::setPhotos(const fs::model::SurveyStore *store, const QList<fs::model::Photo> &photos)
{
    if (store != m_store)
        m_thumbnails.clear();
    m_store = store;
    m_photos = photos;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(kUuidRole).toString() : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto &photo : photos) {
        auto *item = new QListWidgetItem(QIcon(thumbnail(photo)), photo.caption, m_list);
        item->setData(kUuidRole, photo.uuid);
        item->setData(kBlobRole, photo.blobId);
        item->setToolTip(
            photo.takenAt.isValid()
                ? tr("%1, taken %2")
                      .arg(photo.originalName, QLocale().toString(photo.takenAt.toLocalTime(),
                                                                  QStringLiteral("yyyy-MM-dd HH:mm")))
                : photo.originalName);
        if (m_editor)
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (photo.uuid == current)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

QString PhotoStrip::currentUuid() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(kUuidRole).toString() : QString();
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
        if ((key->key() == Qt::Key_Left || key->key() == Qt::Key_Right) &&
            key->modifiers() == Qt::ControlModifier) {
            moveCurrent(key->key() == Qt::Key_Left ? -1 : 1);
            return true;
        }
        if (key->key() == Qt::Key_M && key->modifiers() == Qt::ControlModifier) {
            editMarkup();
            return true;
        }
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
    QImage image = markedUp(item->data(kUuidRole).toString());
    if (image.isNull())
        return;
    const QSize available = screen() ? screen()->availableSize() * 0.8 : QSize(1024, 768);
    if (image.width() > available.width() || image.height() > available.height())
        image = image.scaled(available, Qt::KeepAspectRatio, Qt::SmoothTransformation);
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
