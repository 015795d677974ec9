// SurveyStore: floor plans, pins and import warnings.
#include "blobstore.h"
#include "database.h"
#include "surveystore.h"

#include <QBuffer>
#include <QUuid>

namespace fs::model {

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Result<void> SurveyStore::insertFloorPlan(const FloorPlan &plan, int position) const
{
    QByteArray bytes = plan.imageData;
    QBuffer image(&bytes);
    image.open(QIODevice::ReadOnly);
    auto blob = BlobStore::store(
        *m_database, image,
        plan.mimeType.isEmpty() ? QStringLiteral("application/octet-stream") : plan.mimeType, m_clock.now());
    if (!blob)
        return tl::unexpected(blob.error());
    const QString stamp = now();
    const QString uuid = plan.uuid.isEmpty() ? newUuid() : plan.uuid;
    auto inserted = m_database->run(
        QStringLiteral(
            "INSERT INTO floor_plan (uuid, position, title, source_kind, blob_id, page_index, width, height, "
            "rotation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuid, position, textValue(plan.title), plan.sourceKind, blob->id, plan.pageIndex, plan.width,
         plan.height, plan.rotation, stamp});
    if (!inserted)
        return tl::unexpected(inserted.error());
    const qint64 planId = inserted->lastInsertId;
    if (auto a = audit(QStringLiteral("import"), QStringLiteral("floor_plan"), uuid, QStringLiteral("sha256"),
                       {}, blob->sha256);
        !a)
        return a;

    for (const Pin &pin : plan.pins) {
        QVariant entity(QMetaType::fromType<QString>());
        QVariant id(QMetaType::fromType<qlonglong>());
        const QString kind = pin.target.section(QLatin1Char(':'), 0, 0);
        const QString key = pin.target.section(QLatin1Char(':'), 1);
        std::optional<QVariant> found;
        if (kind == QStringLiteral("line")) {
            entity = QStringLiteral("connection_point");
            auto r = m_database->scalar(
                QStringLiteral("SELECT id FROM connection_point WHERE line_no = ? AND deleted_at IS NULL"),
                {key.toInt()});
            if (!r)
                return tl::unexpected(r.error());
            found = *r;
        } else if (kind == QStringLiteral("terminal")) {
            entity = QStringLiteral("terminal");
            auto r = m_database->scalar(
                QStringLiteral("SELECT id FROM terminal WHERE terminal_no = ? AND deleted_at IS NULL"),
                {key.toInt()});
            if (!r)
                return tl::unexpected(r.error());
            found = *r;
        } else if (kind == QStringLiteral("device")) {
            entity = QStringLiteral("device");
            auto r = m_database->scalar(QStringLiteral("SELECT id FROM device WHERE uuid = ?"), {key});
            if (!r)
                return tl::unexpected(r.error());
            found = *r;
        }
        if (found && found->isValid()) {
            id = *found;
        } else {
            entity = QVariant(QMetaType::fromType<QString>()); // names nothing in this survey
        }
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO pin (uuid, floor_plan_id, kind, target_entity, target_id, x, y, label, "
                "source_text, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {pin.uuid.isEmpty() ? newUuid() : pin.uuid, planId, kPinKindKeys.key(pin.kind), entity, id,
             std::clamp(pin.x, 0.0, 1.0), std::clamp(pin.y, 0.0, 1.0), textValue(pin.label),
             textValue(pin.sourceText), stamp});
        if (!r)
            return tl::unexpected(r.error());
    }
    return {};
}

Result<void> SurveyStore::insertImportWarnings(const QList<ImportWarning> &warnings) const
{
    const QString stamp = now();
    int position = 0;
    for (const ImportWarning &w : warnings) {
        auto r = m_database->run(
            QStringLiteral("INSERT INTO import_warning (position, code, location, subject, detail, "
                           "imported_at) VALUES (?, ?, ?, ?, ?, ?)"),
            {++position, w.code, textValue(w.where), textValue(w.subject), textValue(w.detail), stamp});
        if (!r)
            return tl::unexpected(r.error());
    }
    return {};
}

Result<QList<FloorPlan>> SurveyStore::floorPlans() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT f.id, f.uuid, f.position, f.title, f.source_kind, f.blob_id, "
                       "f.page_index, f.width, f.height, f.rotation, b.mime_type FROM floor_plan f "
                       "JOIN blob b ON b.id = f.blob_id WHERE f.deleted_at IS NULL "
                       "ORDER BY f.position, f.id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<FloorPlan> plans;
    while (q->next()) {
        FloorPlan p;
        p.id = q->value(0).toLongLong();
        p.uuid = q->value(1).toString();
        p.position = q->value(2).toInt();
        p.title = q->value(3).toString();
        p.sourceKind = q->value(4).toString();
        p.blobId = q->value(5).toLongLong();
        p.pageIndex = q->value(6).toInt();
        p.width = q->value(7).toDouble();
        p.height = q->value(8).toDouble();
        p.rotation = q->value(9).toInt();
        p.mimeType = q->value(10).toString();
        plans.append(p);
    }
    for (FloorPlan &plan : plans) {
        auto pins = m_database->exec(
            QStringLiteral(
                "SELECT p.id, p.uuid, p.kind, p.x, p.y, p.label, p.source_text, p.target_entity, "
                "CASE p.target_entity "
                "  WHEN 'connection_point' THEN (SELECT 'line:' || line_no FROM connection_point WHERE id = "
                "p.target_id) "
                "  WHEN 'terminal' THEN (SELECT 'terminal:' || terminal_no FROM terminal WHERE id = "
                "p.target_id) "
                "  WHEN 'device' THEN (SELECT 'device:' || uuid FROM device WHERE id = p.target_id) "
                "END FROM pin p WHERE p.floor_plan_id = ? AND p.deleted_at IS NULL ORDER BY p.id"),
            {plan.id});
        if (!pins)
            return tl::unexpected(pins.error());
        while (pins->next()) {
            Pin pin;
            pin.id = pins->value(0).toLongLong();
            pin.uuid = pins->value(1).toString();
            pin.kind = kPinKindKeys.parseOr(pins->value(2).toString(), PinKind::Other);
            pin.x = pins->value(3).toDouble();
            pin.y = pins->value(4).toDouble();
            pin.label = pins->value(5).toString();
            pin.sourceText = pins->value(6).toString();
            pin.target = pins->value(8).toString();
            plan.pins.append(pin);
        }
    }
    return plans;
}

Result<QList<ImportWarning>> SurveyStore::importWarnings() const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT code, location, subject, detail FROM import_warning ORDER BY position, id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<ImportWarning> warnings;
    while (q->next())
        warnings.append(ImportWarning{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                      q->value(3).toString()});
    return warnings;
}

} // namespace fs::model
