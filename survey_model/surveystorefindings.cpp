#include "database.h"
#include "findingrows.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QHash>
#include <QUuid>

namespace fs::model {

namespace detail {

const QString &findingColumns()
{
    static const QString columns = QStringLiteral(
        "f.id, f.uuid, f.target_entity, f.target_id, f.status, f.category, f.text, f.evidence, "
        "f.recommendation, f.rule_id, f.needs_confirmation, f.dismissed, f.dismissed_reason, "
        "f.deleted_at IS NOT NULL, f.dismissed_at, f.dismissed_by, f.edited_at, f.edited_by");
    return columns;
}

Finding findingFromRow(const QSqlQuery &q)
{
    Finding f;
    f.id = q.value(0).toLongLong();
    f.uuid = q.value(1).toString();
    f.targetEntity = q.value(2).toString();
    f.targetId = q.value(3).toLongLong();
    f.status = q.value(4).toString();
    f.category = q.value(5).toString();
    f.text = q.value(6).toString();
    f.evidence = q.value(7).toString();
    f.recommendation = q.value(8).toString();
    f.ruleId = q.value(9).toString();
    f.needsConfirmation = q.value(10).toBool();
    f.dismissed = q.value(11).toBool();
    f.dismissedReason = q.value(12).toString();
    f.deleted = q.value(13).toBool();
    f.dismissedAt = q.value(14).isNull() ? QDateTime() : fromStoredTimestamp(q.value(14).toString());
    f.dismissedBy = q.value(15).toString();
    f.editedAt = q.value(16).isNull() ? QDateTime() : fromStoredTimestamp(q.value(16).toString());
    f.editedBy = q.value(17).toString();
    return f;
}

} // namespace detail

using detail::findingColumns;
using detail::findingFromRow;

namespace {

const QStringList kStatuses = {QStringLiteral("danger"), QStringLiteral("caution"), QStringLiteral("none")};
const QStringList kTargets = {QStringLiteral("survey"), QStringLiteral("connection_point"),
                              QStringLiteral("device"), QStringLiteral("terminal")};

QVariant stamp(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStoredTimestamp(time)) : QVariant();
}

// What a rule says about a finding (the fields a re-evaluation may change).
bool sameRuleContent(const Finding &a, const Finding &b)
{
    return a.status == b.status && a.category == b.category && a.text == b.text && a.evidence == b.evidence &&
           a.recommendation == b.recommendation && a.needsConfirmation == b.needsConfirmation;
}

} // namespace

Result<QList<Finding>> SurveyStore::findings(const QString &targetEntity, const QString &targetUuid) const
{
    QString sql = QStringLiteral("SELECT ") + findingColumns() + QStringLiteral(" FROM finding f");
    QVariantList values;
    if (!targetEntity.isEmpty() && targetEntity != QStringLiteral("survey")) {
        if (!kTargets.contains(targetEntity))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("findings of an unknown kind of row: ") + targetEntity);
        sql +=
            QStringLiteral(" JOIN %1 t ON t.id = f.target_id AND f.target_entity = '%1' WHERE t.uuid = ? AND")
                .arg(targetEntity);
        values << targetUuid;
    } else if (targetEntity == QStringLiteral("survey")) {
        sql += QStringLiteral(" WHERE f.target_entity = 'survey' AND");
    } else {
        sql += QStringLiteral(" WHERE");
    }
    sql += QStringLiteral(
        " f.deleted_at IS NULL ORDER BY CASE f.status WHEN 'danger' THEN 0 WHEN 'caution' THEN 1 "
        "ELSE 2 END, f.id");
    auto q = m_database->exec(sql, values);
    if (!q)
        return tl::unexpected(q.error());
    QList<Finding> list;
    while (q->next())
        list << findingFromRow(*q);
    return list;
}

Result<std::optional<Finding>> SurveyStore::finding(const QString &uuid) const
{
    auto q = m_database->exec(QStringLiteral("SELECT ") + findingColumns() +
                                  QStringLiteral(" FROM finding f WHERE f.uuid = ?"),
                              {uuid});
    if (!q)
        return tl::unexpected(q.error());
    if (!q->next())
        return std::optional<Finding>();
    return std::optional<Finding>(findingFromRow(*q));
}

Result<Finding> SurveyStore::saveFinding(const Finding &finding)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    if (!kStatuses.contains(finding.status))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("a finding's status is danger, caution or none, not \"%1\"").arg(finding.status));
    if (finding.dismissed && finding.dismissedReason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("dismissing a finding needs a reason"));
    if (finding.text.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a finding needs a text"));
    if (!kTargets.contains(finding.targetEntity))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("a finding is about the survey, a line, a device or a terminal, not \"%1\"")
                .arg(finding.targetEntity));

    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto existing = this->finding(finding.uuid);
    if (!existing)
        return tl::unexpected(existing.error());
    const QString at = now();
    Finding saved = finding;

    if (!*existing) {
        if (finding.targetEntity != QStringLiteral("survey")) {
            auto target =
                m_database->scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ? AND deleted_at IS NULL")
                                       .arg(finding.targetEntity),
                                   {finding.targetId});
            if (!target)
                return tl::unexpected(target.error());
            if (!target->isValid())
                return fail(ErrorCode::NotFound, QStringLiteral("no %1 with id %2 for the finding")
                                                     .arg(finding.targetEntity)
                                                     .arg(finding.targetId));
        }
        if (saved.uuid.isEmpty())
            saved.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO finding (uuid, target_entity, target_id, status, category, text, evidence, "
                "recommendation, rule_id, needs_confirmation, dismissed, dismissed_reason, dismissed_at, "
                "dismissed_by, edited_at, edited_by, created_at, updated_at, deleted_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {saved.uuid, saved.targetEntity,
             saved.targetEntity == QStringLiteral("survey") ? QVariant() : QVariant(saved.targetId),
             saved.status, textValue(saved.category), textValue(saved.text), textValue(saved.evidence),
             textValue(saved.recommendation), textValue(saved.ruleId), saved.needsConfirmation ? 1 : 0,
             saved.dismissed ? 1 : 0, textValue(saved.dismissed ? saved.dismissedReason : QString()),
             stamp(saved.dismissedAt), textValue(saved.dismissedBy), stamp(saved.editedAt),
             textValue(saved.editedBy), at, at, saved.deleted ? QVariant(at) : QVariant()});
        if (!r)
            return tl::unexpected(r.error());
        saved.id = r->lastInsertId;
        if (auto a = audit(QStringLiteral("insert"), QStringLiteral("finding"), saved.uuid,
                           QStringLiteral("text"), QVariant(), saved.text);
            !a)
            return tl::unexpected(a.error());
    } else {
        const Finding &old = **existing;
        if (old.targetEntity != saved.targetEntity || old.targetId != saved.targetId ||
            old.ruleId != saved.ruleId)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("a finding keeps its target and rule; add a new finding instead"));
        saved.id = old.id;
        auto r = m_database->run(
            QStringLiteral(
                "UPDATE finding SET status = ?, category = ?, text = ?, evidence = ?, recommendation = ?, "
                "needs_confirmation = ?, dismissed = ?, dismissed_reason = ?, dismissed_at = ?, dismissed_by "
                "= ?, "
                "edited_at = ?, edited_by = ?, updated_at = ?, "
                "deleted_at = CASE WHEN ? THEN COALESCE(deleted_at, ?) ELSE NULL END WHERE id = ?"),
            {saved.status, textValue(saved.category), textValue(saved.text), textValue(saved.evidence),
             textValue(saved.recommendation), saved.needsConfirmation ? 1 : 0, saved.dismissed ? 1 : 0,
             textValue(saved.dismissed ? saved.dismissedReason : QString()), stamp(saved.dismissedAt),
             textValue(saved.dismissedBy), stamp(saved.editedAt), textValue(saved.editedBy), at,
             saved.deleted ? 1 : 0, at, old.id});
        if (!r)
            return tl::unexpected(r.error());
        const QList<std::tuple<QString, QVariant, QVariant>> fields = {
            {QStringLiteral("status"), old.status, saved.status},
            {QStringLiteral("category"), old.category, saved.category},
            {QStringLiteral("text"), old.text, saved.text},
            {QStringLiteral("evidence"), old.evidence, saved.evidence},
            {QStringLiteral("recommendation"), old.recommendation, saved.recommendation},
            {QStringLiteral("needs_confirmation"), old.needsConfirmation, saved.needsConfirmation},
            {QStringLiteral("dismissed"), old.dismissed, saved.dismissed},
            {QStringLiteral("dismissed_reason"), old.dismissedReason, saved.dismissedReason},
            {QStringLiteral("removed"), old.deleted, saved.deleted},
        };
        for (const auto &[field, before, after] : fields) {
            if (before == after)
                continue;
            if (auto a = audit(QStringLiteral("update"), QStringLiteral("finding"), saved.uuid, field, before,
                               after);
                !a)
                return tl::unexpected(a.error());
        }
    }
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("finding"), saved.uuid, QStringLiteral("upsert"),
                                 m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return saved;
}

Result<FindingRefresh> SurveyStore::refreshRuleFindings(const QList<Finding> &raised)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());

    QHash<QString, Finding> stored;
    {
        auto q = m_database->exec(QStringLiteral("SELECT ") + findingColumns() +
                                  QStringLiteral(" FROM finding f WHERE f.rule_id <> ''"));
        if (!q)
            return tl::unexpected(q.error());
        while (q->next()) {
            const Finding f = findingFromRow(*q);
            stored.insert(f.ruleKey(), f);
        }
    }
    const QString at = now();
    FindingRefresh outcome;
    QSet<QString> seen;
    for (const Finding &f : raised) {
        if (f.ruleId.isEmpty() || !kStatuses.contains(f.status) || !kTargets.contains(f.targetEntity))
            return fail(
                ErrorCode::InvalidArgument,
                QStringLiteral("a raised finding needs a rule, a status and a target (%1)").arg(f.text));
        const QString key = f.ruleKey();
        if (seen.contains(key))
            continue; // one finding per rule and target
        seen.insert(key);
        const auto it = stored.constFind(key);
        if (it != stored.constEnd()) {
            const Finding &old = *it;
            if (old.isEdited() || (!old.deleted && sameRuleContent(old, f)))
                continue; // the investigator's judgment stands; or nothing changed
            auto r = m_database->run(
                QStringLiteral(
                    "UPDATE finding SET status = ?, category = ?, text = ?, evidence = ?, "
                    "recommendation = ?, needs_confirmation = ?, deleted_at = NULL, updated_at = ? "
                    "WHERE id = ?"),
                {f.status, textValue(f.category), textValue(f.text), textValue(f.evidence),
                 textValue(f.recommendation), f.needsConfirmation ? 1 : 0, at, old.id});
            if (!r)
                return tl::unexpected(r.error());
            if (auto a = audit(old.deleted ? QStringLiteral("insert") : QStringLiteral("update"),
                               QStringLiteral("finding"), old.uuid, QStringLiteral("status"),
                               old.deleted ? QVariant() : QVariant(old.status), f.status);
                !a)
                return tl::unexpected(a.error());
            ++(old.deleted ? outcome.added : outcome.updated);
            if (auto q = Outbox::enqueue(*m_database, QStringLiteral("finding"), old.uuid,
                                         QStringLiteral("upsert"), m_clock.now());
                !q)
                return tl::unexpected(q.error());
            continue;
        }
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO finding (uuid, target_entity, target_id, status, category, text, evidence, "
                "recommendation, rule_id, needs_confirmation, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {uuid, f.targetEntity,
             f.targetEntity == QStringLiteral("survey") ? QVariant() : QVariant(f.targetId), f.status,
             textValue(f.category), textValue(f.text), textValue(f.evidence), textValue(f.recommendation),
             f.ruleId, f.needsConfirmation ? 1 : 0, at, at});
        if (!r)
            return tl::unexpected(r.error());
        if (auto a = audit(QStringLiteral("insert"), QStringLiteral("finding"), uuid,
                           QStringLiteral("status"), QVariant(), f.status);
            !a)
            return tl::unexpected(a.error());
        if (auto q = Outbox::enqueue(*m_database, QStringLiteral("finding"), uuid, QStringLiteral("upsert"),
                                     m_clock.now());
            !q)
            return tl::unexpected(q.error());
        ++outcome.added;
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const Finding &old = *it;
        if (old.deleted || old.isEdited() || seen.contains(it.key()))
            continue;
        if (auto r = m_database->run(
                QStringLiteral("UPDATE finding SET deleted_at = ?, updated_at = ? WHERE id = ?"),
                {at, at, old.id});
            !r)
            return tl::unexpected(r.error());
        if (auto a = audit(QStringLiteral("delete"), QStringLiteral("finding"), old.uuid,
                           QStringLiteral("status"), old.status, QVariant());
            !a)
            return tl::unexpected(a.error());
        if (auto q = Outbox::enqueue(*m_database, QStringLiteral("finding"), old.uuid,
                                     QStringLiteral("upsert"), m_clock.now());
            !q)
            return tl::unexpected(q.error());
        ++outcome.removed;
    }
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return outcome;
}

} // namespace fs::model
