// SurveyStore: what device sessions leave behind — the SSH host keys accepted for the survey, the
// transcripts kept as evidence, and the facts read from them.
#include "database.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QUuid>

namespace fs::model {

namespace {

QVariant stamp(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStoredTimestamp(time)) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

Result<std::optional<KnownHost>> SurveyStore::knownHost(const QString &host, int port) const
{
    auto row = m_database->firstRow(QStringLiteral("SELECT key_type, fingerprint, accepted_at, accepted_by "
                                                   "FROM ssh_known_host WHERE host = ? AND port = ?"),
                                    {host.toLower(), port});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<KnownHost>();
    const QVariantList &r = **row;
    return std::optional<KnownHost>(KnownHost{host.toLower(), port, r[0].toString(), r[1].toString(),
                                              fromStoredTimestamp(r[2].toString()), r[3].toString()});
}

Result<void> SurveyStore::acceptHostKey(const KnownHost &key)
{
    if (key.host.isEmpty() || key.port <= 0 || key.port > 65535 ||
        !key.fingerprint.startsWith(QStringLiteral("SHA256:")))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a host key needs a host, a port and a "
                                                               "SHA256 fingerprint"));
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto before = knownHost(key.host, key.port);
    if (!before)
        return tl::unexpected(before.error());
    auto r = m_database->run(
        QStringLiteral(
            "INSERT INTO ssh_known_host (host, port, key_type, fingerprint, accepted_at, accepted_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (host, port) DO UPDATE SET "
            "key_type = excluded.key_type, fingerprint = excluded.fingerprint, "
            "accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by"),
        {key.host.toLower(), key.port, textValue(key.keyType), key.fingerprint, now(), textValue(m_actor)});
    if (!r)
        return tl::unexpected(r.error());
    const QString subject = QStringLiteral("%1:%2").arg(key.host.toLower()).arg(key.port);
    if (auto a = audit(*before ? QStringLiteral("update") : QStringLiteral("insert"),
                       QStringLiteral("ssh_known_host"), subject, QStringLiteral("fingerprint"),
                       *before ? QVariant((*before)->fingerprint) : QVariant(), key.fingerprint);
        !a)
        return a;
    return transaction.commit();
}

Result<CollectionRecord> SurveyStore::recordCollection(const Transcript &session,
                                                       const QMap<QString, QString> &facts)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    CollectionRecord record;
    record.transcript = session;
    Transcript &t = record.transcript;
    t.uuid = t.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : t.uuid;
    t.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(t.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    QVariant deviceId(QMetaType::fromType<qlonglong>());
    if (!t.deviceUuid.isEmpty()) {
        auto id = m_database->scalar(
            QStringLiteral("SELECT id FROM device WHERE uuid = ? AND deleted_at IS NULL"), {t.deviceUuid});
        if (!id)
            return tl::unexpected(id.error());
        if (!id->isValid())
            return fail(ErrorCode::NotFound, QStringLiteral("no device %1").arg(t.deviceUuid));
        deviceId = *id;
    }
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO transcript (uuid, device_id, method, profile, peer, user_name, "
                       "host_key_fingerprint, started_at, ended_at, text, sha256, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {t.uuid, deviceId, kTranscriptMethodKeys.key(t.method), textValue(t.profile), textValue(t.peer),
         textValue(t.userName), textValue(t.hostKeyFingerprint),
         t.startedAt.isValid() ? toStoredTimestamp(t.startedAt) : now(), stamp(t.endedAt), textValue(t.text),
         t.sha256, now()});
    if (!inserted)
        return tl::unexpected(inserted.error());
    t.id = inserted->lastInsertId;
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("transcript"), t.uuid); !a)
        return tl::unexpected(a.error());
    if (!t.deviceUuid.isEmpty()) {
        const FactSource source = t.method == TranscriptMethod::Ssh       ? FactSource::Ssh
                                  : t.method == TranscriptMethod::Console ? FactSource::Console
                                                                          : FactSource::Transcript;
        for (auto it = facts.cbegin(); it != facts.cend(); ++it) {
            if (it.value().trimmed().isEmpty())
                continue;
            auto o =
                insertObservation(Entity::Device, t.deviceUuid, it.key(), it.value().trimmed(), source, t.id);
            if (!o)
                return tl::unexpected(o.error());
            record.observations.append(*o);
        }
    }
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return record;
}

Result<QList<Transcript>> SurveyStore::transcripts(const QString &deviceUuid) const
{
    auto query = m_database->exec(
        QStringLiteral("SELECT t.id, t.uuid, COALESCE(d.uuid, ''), t.method, t.profile, t.peer, t.user_name, "
                       "t.host_key_fingerprint, t.started_at, t.ended_at, t.text, t.sha256 FROM transcript t "
                       "LEFT JOIN device d ON d.id = t.device_id WHERE ? = '' OR d.uuid = ? ORDER BY t.id"),
        {textValue(deviceUuid), textValue(deviceUuid)});
    if (!query)
        return tl::unexpected(query.error());
    QList<Transcript> list;
    while (query->next()) {
        Transcript t;
        t.id = query->value(0).toLongLong();
        t.uuid = query->value(1).toString();
        t.deviceUuid = query->value(2).toString();
        t.method = kTranscriptMethodKeys.parseOr(query->value(3).toString(), TranscriptMethod::Transcript);
        t.profile = query->value(4).toString();
        t.peer = query->value(5).toString();
        t.userName = query->value(6).toString();
        t.hostKeyFingerprint = query->value(7).toString();
        t.startedAt = fromStoredTimestamp(query->value(8).toString());
        t.endedAt = query->value(9).isNull() ? QDateTime() : fromStoredTimestamp(query->value(9).toString());
        t.text = query->value(10).toString();
        t.sha256 = query->value(11).toString();
        list.append(t);
    }
    return list;
}

} // namespace fs::model
