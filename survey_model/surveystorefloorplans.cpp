// SurveyStore: floor plans, pins and import warnings.
#include "blobstore.h"
#include "database.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QBuffer>
#include <QUuid>

#include <algorithm>

namespace fs::model {

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Result<PhotoTarget> SurveyStore::resolveTarget(const QString &target) const
{
    const QString kind = target.section(QLatin1Char(':'), 0, 0).trimmed();
    const QString key = target.section(QLatin1Char(':'), 1).trimmed();
    if (target.trimmed().isEmpty())
        return PhotoTarget{};
    QString entity;
    Result<QVariant> id = QVariant();
    if (kind == QStringLiteral("line")) {
        entity = QStringLiteral("connection_point");
        id = m_database->scalar(
            QStringLiteral("SELECT id FROM connection_point WHERE (line_no = ? OR caf_id = ? "
                           "OR uuid = ?) AND deleted_at IS NULL"),
            {key.toInt(), key, key});
    } else if (kind == QStringLiteral("terminal")) {
        entity = QStringLiteral("terminal");
        id = m_database->scalar(
            QStringLiteral(
                "SELECT id FROM terminal WHERE (terminal_no = ? OR uuid = ?) AND deleted_at IS NULL"),
            {key.toInt(), key});
    } else if (kind == QStringLiteral("device") || kind == QStringLiteral("pin")) {
        entity = kind;
        id = m_database->scalar(
            QStringLiteral("SELECT id FROM %1 WHERE uuid = ? AND deleted_at IS NULL").arg(kind), {key});
    } else {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("«%1» names no line, device, terminal or pin (line:3, line:CAF0003, terminal:2, "
                           "device:<uuid>, pin:<uuid>)")
                .arg(target.left(80)));
    }
    if (!id)
        return tl::unexpected(id.error());
    if (!id->isValid() || id->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("this survey has no %1").arg(target.left(80)));
    return PhotoTarget{entity, id->toLongLong()};
}

Result<void> SurveyStore::checkReferences() const
{
    // A photo or pin names a row that exists (removed rows keep their id, so undo can bring them
    // back), and target_entity and target_id are set together.
    auto q = m_database->exec(QStringLiteral(
        "SELECT 'photo', uuid FROM photo WHERE deleted_at IS NULL AND ((target_entity IS NULL) <> (target_id "
        "IS NULL) "
        "OR (target_entity = 'connection_point' AND target_id NOT IN (SELECT id FROM connection_point)) "
        "OR (target_entity = 'device' AND target_id NOT IN (SELECT id FROM device)) "
        "OR (target_entity = 'terminal' AND target_id NOT IN (SELECT id FROM terminal)) "
        "OR (target_entity = 'pin' AND target_id NOT IN (SELECT id FROM pin))) "
        "UNION ALL SELECT 'pin', uuid FROM pin WHERE deleted_at IS NULL AND ((target_entity IS NULL) <> "
        "(target_id IS "
        "NULL) "
        "OR (target_entity = 'connection_point' AND target_id NOT IN (SELECT id FROM connection_point)) "
        "OR (target_entity = 'device' AND target_id NOT IN (SELECT id FROM device)) "
        "OR (target_entity = 'terminal' AND target_id NOT IN (SELECT id FROM terminal))) LIMIT 1"));
    if (!q)
        return tl::unexpected(q.error());
    if (q->next())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 %2 would name a row that does not exist")
                                                    .arg(q->value(0).toString(), q->value(1).toString()));
    return {};
}

Result<qint64> SurveyStore::insertPin(qint64 planId, const Pin &pin, const QString &stamp,
                                      const QString &uuid) const
{
    QVariant entity(QMetaType::fromType<QString>());
    QVariant id(QMetaType::fromType<qlonglong>());
    if (!pin.target.isEmpty()) {
        // A callout that names nothing in this survey stays a pin without a link.
        if (auto found = resolveTarget(pin.target); found && found->entity != QStringLiteral("pin")) {
            entity = found->entity;
            id = found->id;
        } else if (!found && found.error().code != ErrorCode::NotFound) {
            return tl::unexpected(found.error());
        }
    }
    auto r = m_database->run(
        QStringLiteral("INSERT INTO pin (uuid, floor_plan_id, kind, target_entity, target_id, x, y, label, "
                       "source_text, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuid, planId, kPinKindKeys.key(pin.kind), entity, id, std::clamp(pin.x, 0.0, 1.0),
         std::clamp(pin.y, 0.0, 1.0), textValue(pin.label), textValue(pin.sourceText), stamp});
    if (!r)
        return tl::unexpected(r.error());
    return r->lastInsertId;
}

Result<qint64> SurveyStore::insertFloorPlan(const FloorPlan &plan, int position, const QString &action) const
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
    if (auto a =
            audit(action, QStringLiteral("floor_plan"), uuid, QStringLiteral("sha256"), {}, blob->sha256);
        !a)
        return tl::unexpected(a.error());
    for (const Pin &pin : plan.pins) {
        if (auto r = insertPin(planId, pin, stamp, pin.uuid.isEmpty() ? newUuid() : pin.uuid); !r)
            return tl::unexpected(r.error());
    }
    return planId;
}

Result<FloorPlan> SurveyStore::addFloorPlan(const FloorPlan &plan)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    if (plan.imageData.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a floor plan needs its image or PDF"));
    if (!QStringList{QStringLiteral("workbook_image"), QStringLiteral("image"), QStringLiteral("pdf_page")}
             .contains(plan.sourceKind))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown floor-plan source ") + plan.sourceKind);
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto position =
        m_database->scalar(QStringLiteral("SELECT coalesce(max(position), 0) + 1 FROM floor_plan"));
    if (!position)
        return tl::unexpected(position.error());
    FloorPlan adding = plan;
    adding.uuid = plan.uuid.isEmpty() ? newUuid() : plan.uuid;
    auto id = insertFloorPlan(adding, position->toInt(), QStringLiteral("insert"));
    if (!id)
        return tl::unexpected(id.error());
    if (auto o = Outbox::enqueue(*m_database, QStringLiteral("floor_plan"), adding.uuid,
                                 QStringLiteral("upload"), m_clock.now());
        !o)
        return tl::unexpected(o.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    auto plans = floorPlans();
    if (!plans)
        return tl::unexpected(plans.error());
    for (const FloorPlan &p : *plans) {
        if (p.id == *id)
            return p;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("the new floor plan was not found after adding it"));
}

Result<Pin> SurveyStore::addPin(const QString &planUuid, const Pin &pin)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto planId = m_database->scalar(
        QStringLiteral("SELECT id FROM floor_plan WHERE uuid = ? AND deleted_at IS NULL"), {planUuid});
    if (!planId)
        return tl::unexpected(planId.error());
    if (!planId->isValid() || planId->isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("no floor plan ") + planUuid);
    if (!pin.target.isEmpty()) { // asked for by the investigator: it must exist
        auto target = resolveTarget(pin.target);
        if (!target)
            return tl::unexpected(target.error());
        if (target->entity == QStringLiteral("pin"))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("a pin cannot point at another pin"));
    }
    const QString uuid = pin.uuid.isEmpty() ? newUuid() : pin.uuid;
    auto id = insertPin(planId->toLongLong(), pin, now(), uuid);
    if (!id)
        return tl::unexpected(id.error());
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("pin"), uuid, QStringLiteral("kind"), {},
                       kPinKindKeys.key(pin.kind));
        !a)
        return tl::unexpected(a.error());
    if (auto o = Outbox::enqueue(*m_database, QStringLiteral("pin"), uuid, QStringLiteral("upsert"),
                                 m_clock.now());
        !o)
        return tl::unexpected(o.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    auto plans = floorPlans();
    if (!plans)
        return tl::unexpected(plans.error());
    for (const FloorPlan &p : *plans) {
        for (const Pin &added : p.pins) {
            if (added.id == *id)
                return added;
        }
    }
    return fail(ErrorCode::NotFound, QStringLiteral("the new pin was not found after adding it"));
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
                "END, p.target_id FROM pin p WHERE p.floor_plan_id = ? AND p.deleted_at IS NULL ORDER BY "
                "p.id"),
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
            pin.targetEntity = pins->value(7).toString();
            pin.targetId = pins->value(9).toLongLong();
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
