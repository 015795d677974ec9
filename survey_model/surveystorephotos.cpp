// SurveyStore: photos and blobs (the photo half of surveystore.h).
#include "blobstore.h"
#include "database.h"
#include "exif.h"
#include "imageformat.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QUuid>

namespace fs::model {

namespace {

// EXIF orientation (1..8) of the transformation an image's metadata asks for.
int exifOrientation(QImageIOHandler::Transformations t)
{
    switch (static_cast<int>(t)) {
    case QImageIOHandler::TransformationMirror:
        return 2;
    case QImageIOHandler::TransformationRotate180:
        return 3;
    case QImageIOHandler::TransformationFlip:
        return 4;
    case QImageIOHandler::TransformationFlipAndRotate90:
        return 5;
    case QImageIOHandler::TransformationRotate90:
        return 6;
    case QImageIOHandler::TransformationMirrorAndRotate90:
        return 7;
    case QImageIOHandler::TransformationRotate270:
        return 8;
    default:
        return 1;
    }
}

struct ImageFacts
{
    QSize size;
    QByteArray format;
    int orientation = 1;
    QByteArray thumbnailJpeg;
    QByteArray previewJpeg;
};

// Reads the image's header and decodes it once at print size (JPEG decoding scales while
// reading): the print-size preview and the thumbnail are made from that; then rewinds the device
// for storing the original.
Result<ImageFacts> inspectImage(QIODevice &image, const QString &name)
{
    ImageFacts facts;
    {
        QImageReader reader(&image);
        facts.format = reader.format();
        facts.size = reader.size();
        if (!reader.canRead() || !facts.size.isValid())
            return fail(ErrorCode::InvalidData, QStringLiteral("%1 is not an image FieldSurvey can read (%2)")
                                                    .arg(name, reader.errorString()));
        facts.orientation = exifOrientation(reader.transformation());
        reader.setAutoTransform(true);
        // Scaled before orientation is applied; a small image keeps its size.
        if (facts.size.width() > Photo::kPreviewSize || facts.size.height() > Photo::kPreviewSize)
            reader.setScaledSize(
                facts.size.scaled(Photo::kPreviewSize, Photo::kPreviewSize, Qt::KeepAspectRatio));
        const QImage preview = reader.read();
        if (preview.isNull())
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("%1 cannot be decoded: %2").arg(name, reader.errorString()));
        const QImage thumbnail =
            preview.width() > Photo::kThumbnailSize || preview.height() > Photo::kThumbnailSize
                ? preview.scaled(Photo::kThumbnailSize, Photo::kThumbnailSize, Qt::KeepAspectRatio,
                                 Qt::SmoothTransformation)
                : preview;
        for (const auto &[picture, bytes] :
             {std::pair{&preview, &facts.previewJpeg}, std::pair{&thumbnail, &facts.thumbnailJpeg}}) {
            QBuffer buffer(bytes);
            buffer.open(QIODevice::WriteOnly);
            if (!picture->save(&buffer, "JPEG", 85))
                return fail(ErrorCode::InvalidData, QStringLiteral("cannot make a reduced copy of ") + name);
        }
    }
    if (!image.seek(0))
        return fail(ErrorCode::Io, QStringLiteral("cannot rewind ") + name);
    return facts;
}

} // namespace

Result<Photo> SurveyStore::addPhoto(const QString &filePath, const PhotoTarget &target)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString()));
    return addPhoto(file, QFileInfo(filePath).fileName(), target);
}

Result<Photo> SurveyStore::addPhoto(QIODevice &image, const QString &originalName, const PhotoTarget &target)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    if (image.isSequential())
        return fail(ErrorCode::InvalidArgument,
                    originalName + QStringLiteral(": a photo source must be seekable"));
    auto exif = readExif(image, originalName); // the time it was taken; the position stays
    if (!exif)
        return tl::unexpected(exif.error());
    auto facts = inspectImage(image, originalName);
    if (!facts)
        return tl::unexpected(facts.error());

    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto original =
        BlobStore::store(*m_database, image, mimeTypeForImageFormat(facts->format), m_clock.now());
    if (!original)
        return tl::unexpected(original.error());
    QBuffer thumbnailSource(&facts->thumbnailJpeg);
    thumbnailSource.open(QIODevice::ReadOnly);
    auto thumbnail =
        BlobStore::store(*m_database, thumbnailSource, QStringLiteral("image/jpeg"), m_clock.now());
    if (!thumbnail)
        return tl::unexpected(thumbnail.error());
    QBuffer previewSource(&facts->previewJpeg);
    previewSource.open(QIODevice::ReadOnly);
    auto preview = BlobStore::store(*m_database, previewSource, QStringLiteral("image/jpeg"), m_clock.now());
    if (!preview)
        return tl::unexpected(preview.error());

    // The same picture twice (a camera card imported again) is refused; a removed one may come back.
    auto existing = m_database->exec(
        QStringLiteral(
            "SELECT original_name, uuid FROM photo WHERE blob_id = ? AND deleted_at IS NULL LIMIT 1"),
        {original->id});
    if (!existing)
        return tl::unexpected(existing.error());
    if (existing->next())
        return fail(ErrorCode::Duplicate,
                    QStringLiteral("%1 is already in the survey as %2 (photo %3)")
                        .arg(originalName, existing->value(0).toString(), existing->value(1).toString()));

    const QVariant targetEntity =
        target.entity.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(target.entity);
    const QVariant targetId =
        target.entity.isEmpty() ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(target.id);
    auto position = m_database->scalar(
        QStringLiteral(
            "SELECT coalesce(max(position), 0) + 1 FROM photo WHERE target_entity IS ? AND target_id IS ?"),
        {targetEntity, targetId});
    if (!position)
        return tl::unexpected(position.error());

    const QString stamp = now();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto inserted = m_database->run(
        QStringLiteral(
            "INSERT INTO photo (uuid, blob_id, thumbnail_blob_id, preview_blob_id, position, original_name, "
            "orientation, width, height, target_entity, target_id, imported_at, updated_at, taken_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuid, original->id, thumbnail->id, preview->id, position->toInt(), textValue(originalName),
         facts->orientation, facts->size.width(), facts->size.height(), targetEntity, targetId, stamp, stamp,
         exif->takenAt.isValid() ? QVariant(toStoredTimestamp(exif->takenAt))
                                 : QVariant(QMetaType::fromType<QString>())});
    if (!inserted)
        return tl::unexpected(inserted.error());
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("photo"), uuid, QStringLiteral("sha256"), {},
                       original->sha256);
        !a)
        return tl::unexpected(a.error());
    if (auto o = Outbox::enqueue(*m_database, QStringLiteral("photo"), uuid, QStringLiteral("upload"),
                                 m_clock.now());
        !o)
        return tl::unexpected(o.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());

    auto all = photos();
    if (!all)
        return tl::unexpected(all.error());
    for (const Photo &p : *all) {
        if (p.uuid == uuid)
            return p;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("the new photo was not found after adding it"));
}

Result<QList<Photo>> SurveyStore::photos() const
{
    auto q = m_database->exec(QStringLiteral(
        "SELECT p.id, p.uuid, p.blob_id, p.thumbnail_blob_id, b.sha256, b.size, b.mime_type, p.position, "
        "p.caption, "
        "p.original_name, p.taken_at, p.orientation, p.width, p.height, p.target_entity, p.target_id, "
        "p.preview_blob_id, p.markup FROM photo p JOIN blob b ON b.id = p.blob_id WHERE p.deleted_at IS NULL "
        "ORDER BY p.target_entity, p.target_id, p.position, p.id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<Photo> list;
    while (q->next()) {
        Photo p;
        p.id = q->value(0).toLongLong();
        p.uuid = q->value(1).toString();
        p.blobId = q->value(2).toLongLong();
        p.thumbnailBlobId = q->value(3).toLongLong();
        p.sha256 = q->value(4).toString();
        p.size = q->value(5).toLongLong();
        p.mimeType = q->value(6).toString();
        p.position = q->value(7).toInt();
        p.caption = q->value(8).toString();
        p.originalName = q->value(9).toString();
        p.takenAt = fromStoredTimestamp(q->value(10).toString());
        p.orientation = q->value(11).toInt();
        p.width = q->value(12).toInt();
        p.height = q->value(13).toInt();
        p.target = PhotoTarget{q->value(14).toString(), q->value(15).toLongLong()};
        p.previewBlobId = q->value(16).toLongLong();
        p.markup = q->value(17).toString();
        list.append(p);
    }
    return list;
}

Result<std::unique_ptr<QIODevice>> SurveyStore::openBlob(qint64 blobId) const
{
    return BlobStore::open(*m_database, blobId);
}

} // namespace fs::model
