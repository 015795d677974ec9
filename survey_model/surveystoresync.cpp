// SurveyStore: what the portal sync reads and writes (rows in the mapping's terms, the outbox,
// the record's merge base, uploads in progress, conflicts and review comments).
#include "database.h"
#include "fieldcatalog.h"
#include "logging.h"
#include "outbox.h"
#include "surveystore.h"
#include "syncsources.h"
#include "transaction.h"

#include <QSqlQuery>
#include <QUuid>

namespace fs::model {

namespace {

QString textOf(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("");
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString();
}

QVariant nullable(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStoredTimestamp(time)) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

Result<QList<SyncRow>> SurveyStore::syncRows(const QString &entity, const QStringList &sources) const
{
    const SyncSourceTable *table = SyncSources::table(entity);
    if (!table)
        return tl::unexpected(SyncSources::check(entity, {}).error());
    QStringList select{QStringLiteral("t.uuid"),
                       table->tombstones ? QStringLiteral("t.deleted_at IS NOT NULL") : QStringLiteral("0")};
    for (const QString &source : sources) {
        if (auto c = SyncSources::check(entity, source); !c)
            return tl::unexpected(c.error());
        select << table->expressions.value(source);
    }
    auto query = m_database->exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                      .arg(select.join(QStringLiteral(", ")), table->from, table->order));
    if (!query)
        return tl::unexpected(query.error());
    QList<SyncRow> rows;
    while (query->next()) {
        SyncRow row{query->value(0).toString(), query->value(1).toInt() != 0, {}};
        for (qsizetype i = 0; i < sources.size(); ++i)
            row.values.insert(sources.at(i), textOf(query->value(int(i) + 2)));
        rows << row;
    }
    return rows;
}

Result<SyncFile> SurveyStore::syncFile(const QString &entity, const QString &uuid) const
{
    QString sql;
    if (entity == QStringLiteral("photo"))
        sql = QStringLiteral("SELECT b.id, t.original_name, b.mime_type, b.sha256, b.size FROM photo t "
                             "JOIN blob b ON b.id = t.blob_id WHERE t.uuid = ?");
    else if (entity == QStringLiteral("floor_plan"))
        sql = QStringLiteral("SELECT b.id, t.title, b.mime_type, b.sha256, b.size FROM floor_plan t "
                             "JOIN blob b ON b.id = t.blob_id WHERE t.uuid = ?");
    else
        return fail(ErrorCode::InvalidArgument, entity + QStringLiteral(" rows have no file"));
    auto row = m_database->firstRow(sql, {uuid});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("no %1 %2").arg(entity, uuid));
    const QVariantList &v = **row;
    SyncFile file{v.at(0).toLongLong(), v.at(1).toString(), v.at(2).toString(), v.at(3).toString(),
                  v.at(4).toLongLong()};
    const QString suffix = file.contentType == QStringLiteral("image/png")         ? QStringLiteral(".png")
                           : file.contentType == QStringLiteral("application/pdf") ? QStringLiteral(".pdf")
                           : file.contentType == QStringLiteral("image/jpeg")      ? QStringLiteral(".jpg")
                                                                                   : QString();
    if (file.name.trimmed().isEmpty())
        file.name = uuid;
    if (!suffix.isEmpty() && !file.name.endsWith(suffix, Qt::CaseInsensitive) &&
        !(suffix == QStringLiteral(".jpg") &&
          file.name.endsWith(QStringLiteral(".jpeg"), Qt::CaseInsensitive)))
        file.name += suffix;
    return file;
}

Result<QList<OutboxEntry>> SurveyStore::outboxEntries() const
{
    auto query = m_database->exec(
        QStringLiteral("SELECT id, entity, entity_uuid, operation, generation, state, attempts, last_error, "
                       "coalesce(changed_at, created_at) FROM outbox ORDER BY id"));
    if (!query)
        return tl::unexpected(query.error());
    QList<OutboxEntry> entries;
    while (query->next())
        entries << OutboxEntry{query->value(0).toLongLong(),
                               query->value(1).toString(),
                               query->value(2).toString(),
                               query->value(3).toString(),
                               query->value(4).toInt(),
                               query->value(5).toString(),
                               query->value(6).toInt(),
                               query->value(7).toString(),
                               fromStoredTimestamp(query->value(8).toString())};
    return entries;
}

Result<SyncRecordState> SurveyStore::syncRecord(const QString &entity, const QString &uuid) const
{
    auto row = m_database->firstRow(
        QStringLiteral("SELECT remote_id, remote_revision, base_json, synced_at FROM sync_record "
                       "WHERE entity = ? AND entity_uuid = ?"),
        {entity, uuid});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return SyncRecordState{};
    const QVariantList &v = **row;
    return SyncRecordState{v.at(0).toString(), v.at(1).toString(), v.at(2).toString(),
                           fromStoredTimestamp(v.at(3).toString())};
}

Result<QList<PendingUpload>> SurveyStore::pendingUploads() const
{
    auto query = m_database->exec(
        QStringLiteral("SELECT entity, entity_uuid, sha256, file_key, uploaded_at FROM sync_upload"));
    if (!query)
        return tl::unexpected(query.error());
    QList<PendingUpload> uploads;
    while (query->next())
        uploads << PendingUpload{query->value(0).toString(), query->value(1).toString(),
                                 query->value(2).toString(), query->value(3).toString(),
                                 fromStoredTimestamp(query->value(4).toString())};
    return uploads;
}

Result<void> SurveyStore::rememberUpload(const PendingUpload &upload)
{
    if (auto r = ensureWritable(); !r)
        return r;
    auto r =
        m_database->run(QStringLiteral("INSERT OR REPLACE INTO sync_upload (entity, entity_uuid, sha256, "
                                       "file_key, uploaded_at) VALUES (?, ?, ?, ?, ?)"),
                        {textValue(upload.entity), textValue(upload.uuid), textValue(upload.sha256),
                         textValue(upload.fileKey), toStoredTimestamp(upload.uploadedAt)});
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

Result<void> SurveyStore::forgetUploads(const QStringList &fileKeys)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    for (const QString &key : fileKeys) {
        if (auto r = m_database->run(QStringLiteral("DELETE FROM sync_upload WHERE file_key = ?"), {key}); !r)
            return tl::unexpected(r.error());
    }
    return transaction.commit();
}

Result<void> SurveyStore::confirmSync(const SyncConfirmation &c)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    const QString stamp = now();
    auto r = m_database->run(
        QStringLiteral("INSERT OR REPLACE INTO sync_record (entity, entity_uuid, remote_id, remote_revision, "
                       "base_json, synced_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {textValue(c.entity), textValue(c.uuid), textValue(c.record.remoteId),
         textValue(c.record.remoteRevision), textValue(c.record.baseJson), stamp});
    if (!r)
        return tl::unexpected(r.error());
    // Only what was sent leaves the outbox: a row edited while the push was under way has a newer
    // generation and stays for the next sync.
    for (const OutboxEntry &e : c.confirmed) {
        if (auto d = m_database->run(QStringLiteral("DELETE FROM outbox WHERE id = ? AND generation = ?"),
                                     {e.id, e.generation});
            !d)
            return tl::unexpected(d.error());
    }
    for (const QString &key : c.attachedKeys) {
        if (auto d = m_database->run(QStringLiteral("DELETE FROM sync_upload WHERE file_key = ?"), {key}); !d)
            return tl::unexpected(d.error());
    }
    for (const SyncConflict &k : c.conflicts) {
        auto u = m_database->run(
            QStringLiteral(
                "INSERT INTO sync_conflict (entity, entity_uuid, field, field_code, base_value, "
                "local_value, portal_value, portal_revision, portal_modifier, detected_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (entity, entity_uuid, field) WHERE state = 'open' DO UPDATE SET "
                "base_value = excluded.base_value, local_value = excluded.local_value, "
                "portal_value = excluded.portal_value, portal_revision = excluded.portal_revision, "
                "portal_modifier = excluded.portal_modifier"),
            {textValue(k.entity), textValue(k.uuid), textValue(k.field), textValue(k.fieldCode),
             textValue(k.baseValue), textValue(k.localValue), textValue(k.portalValue),
             textValue(k.portalRevision), textValue(k.portalModifier), stamp});
        if (!u)
            return tl::unexpected(u.error());
    }
    if (auto a = audit(QStringLiteral("sync"), c.entity, c.uuid, QStringLiteral("$revision"), {},
                       c.record.remoteRevision);
        !a)
        return a;
    return transaction.commit();
}

Result<void> SurveyStore::recordSyncFailure(const QString &reason)
{
    if (auto r = ensureWritable(); !r)
        return r;
    auto r = m_database->run(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?"),
        {now(), reason.left(500)});
    if (!r)
        return tl::unexpected(r.error());
    return {};
}

Result<QList<SyncConflict>> SurveyStore::syncConflicts(bool openOnly) const
{
    auto query = m_database->exec(
        QStringLiteral(
            "SELECT id, entity, entity_uuid, field, field_code, base_value, local_value, portal_value, "
            "portal_revision, portal_modifier, detected_at, state, resolution, resolved_at, "
            "resolved_by FROM sync_conflict %1 ORDER BY id")
            .arg(openOnly ? QStringLiteral("WHERE state = 'open'") : QString()));
    if (!query)
        return tl::unexpected(query.error());
    QList<SyncConflict> conflicts;
    while (query->next()) {
        SyncConflict k;
        k.id = query->value(0).toLongLong();
        k.entity = query->value(1).toString();
        k.uuid = query->value(2).toString();
        k.field = query->value(3).toString();
        k.fieldCode = query->value(4).toString();
        k.baseValue = query->value(5).toString();
        k.localValue = query->value(6).toString();
        k.portalValue = query->value(7).toString();
        k.portalRevision = query->value(8).toString();
        k.portalModifier = query->value(9).toString();
        k.detectedAt = fromStoredTimestamp(query->value(10).toString());
        k.open = query->value(11).toString() == QStringLiteral("open");
        k.resolution = query->value(12).toString();
        k.resolvedAt = fromStoredTimestamp(query->value(13).toString());
        k.resolvedBy = query->value(14).toString();
        conflicts << k;
    }
    return conflicts;
}

Result<void> SurveyStore::resolveConflict(qint64 conflictId, bool keepLocal)
{
    if (auto r = ensureWritable(); !r)
        return r;
    auto all = syncConflicts(true);
    if (!all)
        return tl::unexpected(all.error());
    const auto it = std::find_if(all->cbegin(), all->cend(),
                                 [conflictId](const SyncConflict &k) { return k.id == conflictId; });
    if (it == all->cend())
        return fail(ErrorCode::NotFound, QStringLiteral("no open conflict %1").arg(conflictId));
    const SyncConflict k = *it;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    const auto entity = kEntityKeys.parse(k.entity);
    if (!keepLocal && entity && SyncSources::isWritable(k.entity, k.field)) {
        auto applied = applyInTransaction({FieldChange{FieldRef{*entity, k.uuid, k.field}, k.portalValue}});
        if (!applied)
            return tl::unexpected(applied.error());
    }
    const QString resolution = keepLocal ? QStringLiteral("local") : QStringLiteral("portal");
    auto r = m_database->run(QStringLiteral("UPDATE sync_conflict SET state = 'resolved', resolution = ?, "
                                            "resolved_at = ?, resolved_by = ? WHERE id = ?"),
                             {resolution, now(), textValue(m_actor), conflictId});
    if (!r)
        return tl::unexpected(r.error());
    // Audited as a sync decision: which side was kept, old = the losing value.
    if (auto a = audit(QStringLiteral("sync"), k.entity, k.uuid,
                       k.field + QStringLiteral(" (conflict: keep ") + resolution + QStringLiteral(")"),
                       keepLocal ? k.portalValue : k.localValue, keepLocal ? k.localValue : k.portalValue);
        !a)
        return a;
    // The next sync sends the decision.
    if (auto o = Outbox::enqueue(*m_database, k.entity, k.uuid, QStringLiteral("upsert"), m_clock.now()); !o)
        return o;
    return transaction.commit();
}

Result<QList<PortalComment>> SurveyStore::portalComments() const
{
    auto query = m_database->exec(QStringLiteral(
        "SELECT remote_id, body, author, created_at FROM review_comment WHERE remote_id IS NOT NULL "
        "ORDER BY created_at, CAST(remote_id AS INTEGER)"));
    if (!query)
        return tl::unexpected(query.error());
    QList<PortalComment> comments;
    while (query->next())
        comments << PortalComment{query->value(0).toString(), query->value(1).toString(),
                                  query->value(2).toString(),
                                  fromStoredTimestamp(query->value(3).toString())};
    return comments;
}

Result<int> SurveyStore::storePortalComments(const QList<PortalComment> &comments)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    auto surveyUuid = m_database->scalar(QStringLiteral("SELECT uuid FROM survey"));
    if (!surveyUuid)
        return tl::unexpected(surveyUuid.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    const QString stamp = now();
    int added = 0;
    for (const PortalComment &c : comments) {
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO review_comment (uuid, target_entity, target_uuid, author, body, created_at, "
                "updated_at, remote_id) VALUES (?, 'survey', ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (remote_id) WHERE remote_id IS NOT NULL DO NOTHING"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), surveyUuid->toString(), textValue(c.author),
             textValue(c.text), nullable(c.createdAt).isNull() ? stamp : toStoredTimestamp(c.createdAt),
             stamp, c.remoteId});
        if (!r)
            return tl::unexpected(r.error());
        added += int(r->rowsAffected);
    }
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return added;
}

} // namespace fs::model
