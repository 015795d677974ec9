#include "syncengine.h"

#include "logging.h"
#include "recordmerge.h"
#include "surveyjson.h"
#include "surveystore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace fs::sync {

namespace {

// A revision conflict means someone wrote in between: read, merge and write again, a few times.
constexpr int kMaxRounds = 12;

KintoneError protocolError(const QString &detail)
{
    KintoneError e;
    e.kind = KintoneError::Kind::Protocol;
    e.detail = detail;
    return e;
}

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// The portal refused an upload key given in the record (expired in its temporary storage, or
// unknown): the files must be sent again.
bool isFileKeyRefused(const KintoneError &e, const FieldMapping &mapping)
{
    if (e.kind != KintoneError::Kind::Http || e.httpStatus >= 500 || e.httpStatus == 429)
        return false;
    if (e.code.startsWith(QStringLiteral("GAIA_BL")) ||
        e.message.contains(QStringLiteral("fileKey"), Qt::CaseInsensitive))
        return true;
    QStringList fileCodes{mapping.dataFileCode()};
    for (const MappedTable &t : mapping.tables())
        fileCodes << t.fileCode;
    for (const QString &key : e.errors.keys()) {
        for (const QString &code : fileCodes) {
            if (!code.isEmpty() && key.contains(code))
                return true;
        }
    }
    return false;
}

} // namespace

KintoneError localError(const Error &error)
{
    KintoneError e;
    e.kind = KintoneError::Kind::Local;
    e.detail = describe(error);
    return e;
}

SyncEngine::SyncEngine(model::SurveyStore &store, KintoneClient &client, FieldMapping mapping,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_mapping(std::move(mapping))
{
}

void SyncEngine::cancel()
{
    m_client.cancel();
}

void SyncEngine::setPaused(bool paused)
{
    m_paused = paused;
}

bool SyncEngine::waitWhilePaused()
{
    while (m_paused && !m_client.isCancelled()) {
        if (!m_client.sleep(100))
            return false;
    }
    return !m_client.isCancelled();
}

void SyncEngine::emitProgress(const QString &step)
{
    m_progress.step = step;
    emit progress(m_progress);
}

Result<SyncReport> SyncEngine::run()
{
    SyncReport report;
    m_progress = {};
    m_freshUploads = false;
    const PortalConfig &config = m_client.config();
    int transientFailures = 0;
    int refusals = 0; // upload keys the portal no longer has: sent again, a few times at most
    for (;;) {
        ++report.rounds;
        auto r = round(report);
        if (r)
            break;
        const KintoneError &e = r.error();
        const bool again =
            report.rounds < kMaxRounds &&
            (e.isRevisionConflict() || (e.isTransient() && ++transientFailures < config.maxAttempts) ||
             (refusals < 3 && isFileKeyRefused(e, m_mapping)));
        if (e.kind != KintoneError::Kind::Cancelled && !e.isRevisionConflict())
            qCWarning(lcPortal) << "sync round" << report.rounds << "failed:" << e.describe();
        if (!again || m_client.isCancelled()) {
            const KintoneError last = m_client.isCancelled() ? KintoneClient::cancelledError() : e;
            if (auto f = m_store.recordSyncFailure(last.describe()); !f)
                qCWarning(lcPortal) << "could not note the failure:" << describe(f.error());
            emitProgress(QStringLiteral("failed"));
            return tl::unexpected(last.toError());
        }
        if (isFileKeyRefused(e, m_mapping)) {
            ++refusals;
            m_freshUploads = true;
            continue;
        }
        if (e.isTransient() && !m_client.sleep(m_client.backoffMs(transientFailures, e)))
            return tl::unexpected(KintoneClient::cancelledError().toError());
    }
    if (m_mapping.comments() && !report.recordId.isEmpty()) {
        // Comments are read after the push; a failure here leaves the push confirmed.
        if (auto c = pullComments(report.recordId, report); !c)
            qCWarning(lcPortal) << "review comments not read:" << c.error().describe();
    }
    auto open = m_store.syncConflicts(true);
    report.conflicts = open ? int(open->size()) : 0;
    emitProgress(QStringLiteral("done"));
    qCInfo(lcPortal) << "sync done: record" << report.recordId << "revision" << report.revision << "uploaded"
                     << report.uploaded << "reused" << report.reused << "pulled" << report.pulled
                     << "conflicts" << report.conflicts << "rounds" << report.rounds;
    return report;
}

KintoneResult<std::optional<PortalRecord>> SyncEngine::findRecord(const QString &surveyUuid)
{
    auto answer =
        m_client.get(QStringLiteral("records"),
                     {{QStringLiteral("app"), m_mapping.surveyApp()},
                      {QStringLiteral("query"), QString(m_mapping.updateKey() + QStringLiteral(" = ") +
                                                        quoted(surveyUuid) + QStringLiteral(" limit 2"))}});
    if (!answer)
        return tl::unexpected(answer.error());
    const QJsonArray records = answer->value(QStringLiteral("records")).toArray();
    if (records.size() > 1)
        return tl::unexpected(protocolError(
            QStringLiteral("the portal holds %1 records for survey %2: its field %3 must prohibit duplicates")
                .arg(records.size())
                .arg(surveyUuid, m_mapping.updateKey())));
    if (records.isEmpty())
        return std::optional<PortalRecord>{};
    return std::optional<PortalRecord>{PortalRecord::fromKintone(records.first().toObject(), m_mapping)};
}

KintoneResult<void> SyncEngine::round(SyncReport &report)
{
    if (!waitWhilePaused())
        return tl::unexpected(KintoneClient::cancelledError());
    emitProgress(QStringLiteral("read"));
    auto local = PortalRecord::fromStore(m_store, m_mapping);
    if (!local)
        return tl::unexpected(localError(local.error()));
    auto server = findRecord(local->surveyUuid);
    if (!server)
        return tl::unexpected(server.error());
    auto stored = m_store.syncRecord(QStringLiteral("survey"), local->surveyUuid);
    if (!stored)
        return tl::unexpected(localError(stored.error()));
    std::optional<PortalRecord> base;
    if (!stored->baseJson.isEmpty()) {
        base = PortalRecord::fromBaseJson(stored->baseJson);
        if (*server && (*server)->id != base->id) {
            qCWarning(lcPortal) << "the portal's record is not the one synced before (" << base->id << "→"
                                << (*server)->id << "); merging without a base";
            base.reset();
        }
    }
    auto conflicts = m_store.syncConflicts(true);
    if (!conflicts)
        return tl::unexpected(localError(conflicts.error()));
    QSet<QString> frozen;
    for (const model::SyncConflict &k : *conflicts)
        frozen.insert(RecordMerge::frozenKey(k.entity, k.uuid, k.field));

    const PortalRecord *serverRecord = *server ? &**server : nullptr;
    MergePlan plan = RecordMerge::merge(m_mapping, base ? &*base : nullptr, *local, serverRecord, frozen);
    if (!plan.toLocal.isEmpty() || !plan.removeLocally.isEmpty() || !plan.createLocally.isEmpty()) {
        if (auto a = applyPortalChanges(plan, serverRecord->modifier, report); !a)
            return a;
        local = PortalRecord::fromStore(m_store, m_mapping);
        if (!local)
            return tl::unexpected(localError(local.error()));
        for (const model::SyncConflict &k : plan.conflicts)
            frozen.insert(RecordMerge::frozenKey(k.entity, k.uuid, k.field));
        const QList<model::SyncConflict> found = plan.conflicts;
        plan = RecordMerge::merge(m_mapping, base ? &*base : nullptr, *local, serverRecord, frozen);
        plan.conflicts = found + plan.conflicts;
    }

    // Files first: the record refers to their upload keys.
    QByteArray surveyJson;
    if (plan.sendData) {
        auto data = m_store.load();
        if (!data)
            return tl::unexpected(localError(data.error()));
        surveyJson = model::SurveyJson::toBytes(*data);
    }
    auto keys = upload(plan.filesNeeded, surveyJson, report);
    if (!keys)
        return tl::unexpected(keys.error());

    // What this push covers: edits made from here on stay queued.
    auto outbox = m_store.outboxEntries();
    if (!outbox)
        return tl::unexpected(localError(outbox.error()));

    QString recordId = serverRecord ? serverRecord->id : QString();
    if (plan.hasPush()) {
        if (!waitWhilePaused())
            return tl::unexpected(KintoneClient::cancelledError());
        emitProgress(QStringLiteral("record"));
        const QJsonObject record = plan.payload(m_mapping, *keys);
        if (!serverRecord) {
            // Create-or-update by the survey's UUID: a repeat after a lost answer updates the same record.
            auto answer = m_client.send(
                "PUT", QStringLiteral("records"),
                {{QStringLiteral("app"), m_mapping.surveyApp()},
                 {QStringLiteral("upsert"), true},
                 {QStringLiteral("records"),
                  QJsonArray{QJsonObject{{QStringLiteral("updateKey"),
                                          QJsonObject{{QStringLiteral("field"), m_mapping.updateKey()},
                                                      {QStringLiteral("value"), local->surveyUuid}}},
                                         {QStringLiteral("record"), record}}}}},
                false);
            if (!answer)
                return tl::unexpected(answer.error());
            const QJsonObject result = answer->value(QStringLiteral("records")).toArray().first().toObject();
            recordId = result.value(QStringLiteral("id")).toString();
            report.created = result.value(QStringLiteral("operation")).toString() == QStringLiteral("INSERT");
        } else {
            auto answer = m_client.send("PUT", QStringLiteral("record"),
                                        {{QStringLiteral("app"), m_mapping.surveyApp()},
                                         {QStringLiteral("id"), serverRecord->id},
                                         {QStringLiteral("revision"), serverRecord->revision},
                                         {QStringLiteral("record"), record}},
                                        false);
            if (!answer)
                return tl::unexpected(answer.error());
        }
        if (recordId.isEmpty())
            return tl::unexpected(
                protocolError(QStringLiteral("the portal did not say which record it wrote")));
        report.pushed = true;
        ++m_progress.itemsDone;
    }

    // The portal's record as it is now becomes the base of the next merge.
    emitProgress(QStringLiteral("confirm"));
    auto after = m_client.get(QStringLiteral("record"), {{QStringLiteral("app"), m_mapping.surveyApp()},
                                                         {QStringLiteral("id"), recordId}});
    if (!after)
        return tl::unexpected(after.error());
    PortalRecord confirmed =
        PortalRecord::fromKintone(after->value(QStringLiteral("record")).toObject(), m_mapping);
    confirmed.dataSha256 = plan.sendData ? local->dataSha256 : (base ? base->dataSha256 : QString());
    for (const MappedTable &t : m_mapping.tables()) {
        for (const PortalRow &row : local->tables.value(t.code)) {
            const PortalRow *on = confirmed.row(t.code, row.key);
            if (!on || (!t.fileCode.isEmpty() && on->files == 0))
                return tl::unexpected(
                    protocolError(QStringLiteral("the portal's record lacks %1 %2 after the update")
                                      .arg(t.entity, row.key)));
        }
    }

    model::SyncConfirmation c;
    c.entity = QStringLiteral("survey");
    c.uuid = local->surveyUuid;
    c.record = {confirmed.id,
                confirmed.revision,
                QString::fromUtf8(QJsonDocument(confirmed.toBaseJson()).toJson(QJsonDocument::Compact)),
                {}};
    QSet<QString> held;
    for (const model::SyncConflict &k : *conflicts)
        held.insert(k.entity + QLatin1Char('|') + k.uuid);
    for (const model::SyncConflict &k : plan.conflicts)
        held.insert(k.entity + QLatin1Char('|') + k.uuid);
    for (const model::OutboxEntry &e : *outbox) {
        if (!held.contains(e.entity + QLatin1Char('|') + e.uuid))
            c.confirmed << e;
    }
    c.attachedKeys = keys->values();
    c.conflicts = plan.conflicts;
    if (auto s = m_store.confirmSync(c); !s)
        return tl::unexpected(localError(s.error()));
    report.recordId = confirmed.id;
    report.revision = confirmed.revision;
    return {};
}

KintoneResult<void> SyncEngine::applyPortalChanges(MergePlan &plan, const QString &modifier,
                                                   SyncReport &report)
{
    const QString actor = m_store.actor();
    m_store.setActor(QStringLiteral("portal: ") + (modifier.isEmpty() ? QStringLiteral("?") : modifier));
    QList<model::FieldChange> changes;
    for (const LocalChange &c : plan.toLocal) {
        if (const auto e = model::kEntityKeys.parse(c.entity))
            changes << model::FieldChange{model::FieldRef{*e, c.uuid, c.source}, c.value};
    }
    KintoneResult<void> result;
    if (!changes.isEmpty()) {
        if (auto all = m_store.applyChanges(changes); all) {
            report.pulled += int(changes.size());
        } else {
            // One value this survey cannot hold (an unknown key typed on the portal): apply the others
            // one by one, and show the refused ones as conflicts.
            for (qsizetype i = 0; i < changes.size(); ++i) {
                if (auto one = m_store.applyChanges({changes.at(i)}); one) {
                    ++report.pulled;
                    continue;
                } else {
                    const LocalChange &c = plan.toLocal.at(i);
                    auto current = m_store.fieldValue(changes.at(i).ref);
                    model::SyncConflict k;
                    k.entity = c.entity;
                    k.uuid = c.uuid;
                    k.field = c.source;
                    k.localValue = current ? current->toString() : QString();
                    k.portalValue = c.value;
                    k.baseValue = k.localValue;
                    k.portalModifier = modifier;
                    for (const MappedTable &t : m_mapping.tables()) {
                        for (const MappedField &f : t.fields) {
                            if (f.entity == c.entity && f.source == c.source)
                                k.fieldCode = f.code;
                        }
                    }
                    for (const MappedField &f : m_mapping.fields()) {
                        if (f.entity == c.entity && f.source == c.source)
                            k.fieldCode = f.code;
                    }
                    qCWarning(lcPortal) << "portal value refused here:" << describe(one.error());
                    plan.conflicts << k;
                }
            }
        }
    }
    if (result && !plan.createLocally.isEmpty()) {
        QList<model::ReviewComment> comments;
        for (const auto &[entity, values] : plan.createLocally) {
            if (entity != QStringLiteral("review_comment"))
                continue;
            model::ReviewComment c;
            c.uuid = values.value(QStringLiteral("uuid"));
            c.targetEntity = values.value(QStringLiteral("target_entity"));
            c.targetUuid = values.value(QStringLiteral("target_uuid"));
            c.author = values.value(QStringLiteral("author"));
            c.body = values.value(QStringLiteral("body"));
            c.createdAt = model::fromStoredTimestamp(values.value(QStringLiteral("created_at")));
            c.resolvedAt = model::fromStoredTimestamp(values.value(QStringLiteral("resolved_at")));
            c.resolvedBy = values.value(QStringLiteral("resolved_by"));
            comments << c;
        }
        if (auto added = m_store.storeSyncedReviewComments(comments); added)
            report.newComments += *added;
        else
            result = tl::unexpected(localError(added.error()));
    }
    for (const auto &[entity, uuid] : plan.removeLocally) {
        const auto e = model::kEntityKeys.parse(entity);
        if (!e)
            continue;
        if (auto r = m_store.setRemoved(*e, uuid, true); !r) {
            result = tl::unexpected(localError(r.error()));
            break;
        }
        ++report.removedHere;
    }
    m_store.setActor(actor);
    return result;
}

KintoneResult<QHash<QString, QString>> SyncEngine::upload(const QList<QPair<QString, QString>> &files,
                                                          const QByteArray &surveyJson, SyncReport &report)
{
    struct Job
    {
        QString id; // entity:uuid
        QString entity;
        QString uuid;
        model::SyncFile file;
        int attempt = 0;
    };
    QHash<QString, QString> keys;
    auto pending = m_store.pendingUploads();
    if (!pending)
        return tl::unexpected(localError(pending.error()));
    QHash<QString, model::PendingUpload> kept;
    for (const model::PendingUpload &p : *pending)
        kept.insert(p.entity + QLatin1Char(':') + p.uuid, p);
    const QDateTime oldest =
        QDateTime::currentDateTimeUtc().addSecs(-qint64(m_client.config().uploadMaxAgeHours) * 3600);

    QList<Job> queue;
    for (const auto &[entity, uuid] : files) {
        auto file = m_store.syncFile(entity, uuid);
        if (!file)
            return tl::unexpected(localError(file.error()));
        queue << Job{entity + QLatin1Char(':') + uuid, entity, uuid, *file};
    }
    if (!surveyJson.isNull()) {
        const QString uuid = QStringLiteral("data");
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(surveyJson, QCryptographicHash::Sha256).toHex());
        model::SyncFile file{0, PortalRecord::dataFileNameFor(sha), QStringLiteral("application/json"), sha,
                             surveyJson.size()};
        queue << Job{QStringLiteral("survey:data"), QStringLiteral("survey"), uuid, file};
    }
    // An upload an interrupted sync made, of the same bytes and recent enough, is used as it is.
    for (qsizetype i = queue.size() - 1; i >= 0; --i) {
        const Job &job = queue.at(i);
        const auto it = kept.constFind(job.id);
        if (!m_freshUploads && it != kept.constEnd() && it->sha256 == job.file.sha256 &&
            it->uploadedAt >= oldest) {
            keys.insert(job.id, it->fileKey);
            ++report.reused;
            queue.removeAt(i);
        }
    }
    if (m_freshUploads && !kept.isEmpty()) {
        QStringList stale;
        for (const model::PendingUpload &p : *pending)
            stale << p.fileKey;
        if (auto f = m_store.forgetUploads(stale); !f)
            return tl::unexpected(localError(f.error()));
        m_freshUploads = false;
    }
    m_progress.itemsTotal = int(queue.size()) + 1;
    m_progress.itemsDone = 0;
    m_progress.bytesTotal = 0;
    m_progress.bytesDone = 0;
    for (const Job &job : queue)
        m_progress.bytesTotal += job.file.size;
    emitProgress(QStringLiteral("upload"));

    QHash<UploadJob *, Job> active;
    QHash<UploadJob *, qint64> sentBy;
    const auto connection = connect(&m_client, &KintoneClient::uploadProgress, this,
                                    [this, &sentBy](UploadJob *reply, qint64 sent, qint64) {
                                        if (!sentBy.contains(reply))
                                            return;
                                        m_progress.bytesDone += sent - sentBy.value(reply);
                                        sentBy[reply] = sent;
                                        emitProgress(QStringLiteral("upload"));
                                    });
    const auto stopAll = [&] {
        for (auto it = active.begin(); it != active.end(); ++it) {
            it.key()->abort(KintoneClient::cancelledError());
            (void)m_client.finishUpload(it.key());
        }
        active.clear();
        disconnect(connection);
    };
    constexpr int kInFlight = 2;
    while (!queue.isEmpty() || !active.isEmpty()) {
        while (active.size() < kInFlight && !queue.isEmpty()) {
            if (!waitWhilePaused()) {
                stopAll();
                return tl::unexpected(KintoneClient::cancelledError());
            }
            Job job = queue.takeFirst();
            std::unique_ptr<QIODevice> device;
            if (job.entity == QStringLiteral("survey")) {
                auto buffer = std::make_unique<QBuffer>();
                buffer->setData(surveyJson);
                buffer->open(QIODevice::ReadOnly);
                device = std::move(buffer);
            } else {
                auto blob = m_store.openBlob(job.file.blobId);
                if (!blob) {
                    stopAll();
                    return tl::unexpected(localError(blob.error()));
                }
                device = std::move(*blob);
            }
            UploadJob *reply = m_client.startUpload(job.file.name, job.file.contentType, std::move(device));
            active.insert(reply, job);
            sentBy.insert(reply, 0);
        }
        m_client.waitForAny(active.keys());
        const QList<UploadJob *> replies = active.keys();
        for (UploadJob *reply : replies) {
            if (!reply->isFinished() && !m_client.isCancelled())
                continue;
            Job job = active.take(reply);
            m_progress.bytesDone -= sentBy.take(reply);
            auto key = m_client.finishUpload(reply);
            if (!key) {
                if (key.error().isTransient() && ++job.attempt < m_client.config().maxAttempts &&
                    m_client.sleep(m_client.backoffMs(job.attempt, key.error()))) {
                    queue.prepend(job);
                    continue;
                }
                stopAll();
                return tl::unexpected(m_client.isCancelled() ? KintoneClient::cancelledError() : key.error());
            }
            // Kept at once: a sync killed from here on does not send these bytes again.
            if (auto r = m_store.rememberUpload(
                    {job.entity, job.uuid, job.file.sha256, *key, QDateTime::currentDateTimeUtc()});
                !r) {
                stopAll();
                return tl::unexpected(localError(r.error()));
            }
            keys.insert(job.id, *key);
            ++report.uploaded;
            report.bytesSent += job.file.size;
            m_progress.bytesDone += job.file.size;
            ++m_progress.itemsDone;
            emitProgress(QStringLiteral("upload"));
        }
    }
    disconnect(connection);
    return keys;
}

KintoneResult<void> SyncEngine::pullComments(const QString &recordId, SyncReport &report)
{
    emitProgress(QStringLiteral("comments"));
    QList<model::PortalComment> comments;
    constexpr int kPage = 10;       // kintone's maximum per request
    constexpr int kMaxPages = 2000; // 20,000 comments
    for (int page = 0; page < kMaxPages; ++page) {
        auto answer =
            m_client.get(QStringLiteral("record/comments"), {{QStringLiteral("app"), m_mapping.surveyApp()},
                                                             {QStringLiteral("record"), recordId},
                                                             {QStringLiteral("order"), QStringLiteral("asc")},
                                                             {QStringLiteral("offset"), page * kPage},
                                                             {QStringLiteral("limit"), kPage}});
        if (!answer)
            return tl::unexpected(answer.error());
        for (const QJsonValue &v : answer->value(QStringLiteral("comments")).toArray()) {
            const QJsonObject c = v.toObject();
            const QJsonObject creator = c.value(QStringLiteral("creator")).toObject();
            comments << model::PortalComment{
                c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("text")).toString().left(65535),
                creator.value(QStringLiteral("name"))
                    .toString(creator.value(QStringLiteral("code")).toString()),
                QDateTime::fromString(c.value(QStringLiteral("createdAt")).toString(), Qt::ISODate)};
        }
        if (!answer->value(QStringLiteral("newer")).toBool())
            break;
    }
    auto added = m_store.storePortalComments(comments);
    if (!added)
        return tl::unexpected(localError(added.error()));
    report.newComments += *added;
    return {};
}

} // namespace fs::sync
