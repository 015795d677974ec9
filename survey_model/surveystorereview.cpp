// SurveyStore: the team lead's review — the survey's state (作成中 → 提出済 → 差戻し / 承認) and
// comments on its items.
#include "database.h"
#include "logging.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QSqlQuery>
#include <QUuid>

namespace fs::model {

namespace {

// What a comment may be about, and the table its target lives in.
const QStringList &commentTargets()
{
    static const QStringList targets{
        QStringLiteral("survey"), QStringLiteral("hospital"), QStringLiteral("connection_point"),
        QStringLiteral("device"), QStringLiteral("terminal"), QStringLiteral("finding"),
        QStringLiteral("photo"),  QStringLiteral("pin"),      QStringLiteral("floor_plan")};
    return targets;
}

constexpr int kMaxCommentLength = 65535; // what a kintone text field and comment hold

bool allowedMove(SurveyState from, SurveyState to)
{
    switch (to) {
    case SurveyState::Submitted:
        return from == SurveyState::Draft || from == SurveyState::Returned;
    case SurveyState::Returned:
        return from == SurveyState::Submitted || from == SurveyState::Approved;
    case SurveyState::Approved:
        return from == SurveyState::Submitted;
    case SurveyState::Draft:
        return false;
    }
    return false;
}

ReviewComment commentFrom(const QSqlQuery &q)
{
    ReviewComment c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.targetEntity = q.value(2).toString();
    c.targetUuid = q.value(3).toString();
    c.author = q.value(4).toString();
    c.body = q.value(5).toString();
    c.createdAt = fromStoredTimestamp(q.value(6).toString());
    c.resolvedAt = fromStoredTimestamp(q.value(7).toString());
    c.resolvedBy = q.value(8).toString();
    c.remoteId = q.value(9).toString();
    return c;
}

const QString kCommentColumns = QStringLiteral(
    "id, uuid, target_entity, target_uuid, author, body, created_at, resolved_at, resolved_by, "
    "coalesce(remote_id, '')");

// One comment as stored now (after a write).
Result<ReviewComment> storedComment(Database &database, const QString &uuid)
{
    auto q = database.exec(
        QStringLiteral("SELECT %1 FROM review_comment WHERE uuid = ?").arg(kCommentColumns), {uuid});
    if (!q)
        return tl::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no review comment %1").arg(uuid.left(80)));
    return commentFrom(*q);
}

} // namespace

Result<SurveyInfo> SurveyStore::setSurveyState(SurveyState state)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    auto info = surveyInfo();
    if (!info)
        return info;
    if (!allowedMove(info->state, state))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a survey that is %1 cannot become %2")
                        .arg(kSurveyStateKeys.key(info->state), kSurveyStateKeys.key(state)));
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    const QList<FieldChange> changes{
        {FieldRef{Entity::Survey, info->uuid, QStringLiteral("state")}, kSurveyStateKeys.key(state)},
        {FieldRef{Entity::Survey, info->uuid, QStringLiteral("state_changed_at")}, now()},
        {FieldRef{Entity::Survey, info->uuid, QStringLiteral("state_changed_by")}, m_actor},
    };
    if (auto a = applyInTransaction(changes); !a)
        return tl::unexpected(a.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return surveyInfo();
}

Result<ReviewComment> SurveyStore::addReviewComment(const QString &targetEntity, const QString &targetUuid,
                                                    const QString &body)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    if (!commentTargets().contains(targetEntity))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a comment cannot be about «%1» (one of %2)")
                        .arg(targetEntity.left(80), commentTargets().join(QStringLiteral(", "))));
    if (body.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a comment needs a text"));
    if (body.size() > kMaxCommentLength)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a comment holds at most %1 characters, not %2")
                        .arg(kMaxCommentLength)
                        .arg(body.size()));
    // targetEntity is one of commentTargets(): a table name, never configured text.
    auto exists = m_database->scalar(
        QStringLiteral("SELECT count(*) FROM %1 WHERE uuid = ?").arg(targetEntity), {targetUuid});
    if (!exists)
        return tl::unexpected(exists.error());
    if (exists->toInt() == 0)
        return fail(
            ErrorCode::NotFound,
            QStringLiteral("no %1 with uuid %2 in this survey").arg(targetEntity, targetUuid.left(80)));

    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString stamp = now();
    if (auto r = m_database->run(
            QStringLiteral("INSERT INTO review_comment (uuid, target_entity, target_uuid, "
                           "author, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {uuid, targetEntity, targetUuid, textValue(m_actor), body, stamp, stamp});
        !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("insert"), QStringLiteral("review_comment"), uuid,
                       QStringLiteral("body"), {}, body);
        !a)
        return tl::unexpected(a.error());
    if (auto o = Outbox::enqueue(*m_database, QStringLiteral("review_comment"), uuid,
                                 QStringLiteral("upsert"), m_clock.now());
        !o)
        return tl::unexpected(o.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return storedComment(*m_database, uuid);
}

Result<ReviewComment> SurveyStore::setReviewCommentResolved(const QString &uuid, bool resolved)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    const QList<FieldChange> changes{
        {FieldRef{Entity::ReviewComment, uuid, QStringLiteral("resolved_at")},
         resolved ? QVariant(now()) : QVariant()},
        {FieldRef{Entity::ReviewComment, uuid, QStringLiteral("resolved_by")},
         resolved ? m_actor : QStringLiteral("")},
    };
    if (auto a = applyInTransaction(changes); !a)
        return tl::unexpected(a.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return storedComment(*m_database, uuid);
}

Result<QList<ReviewComment>> SurveyStore::reviewComments(bool openOnly) const
{
    auto q = m_database->exec(
        QStringLiteral("SELECT %1 FROM review_comment %2 ORDER BY created_at, id")
            .arg(kCommentColumns, openOnly ? QStringLiteral("WHERE resolved_at IS NULL") : QString()));
    if (!q)
        return tl::unexpected(q.error());
    QList<ReviewComment> comments;
    while (q->next())
        comments << commentFrom(*q);
    return comments;
}

Result<int> SurveyStore::storeSyncedReviewComments(const QList<ReviewComment> &comments)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    const QString stamp = now();
    int added = 0;
    for (const ReviewComment &c : comments) {
        // A row typed into the portal by hand, not written by a FieldSurvey: left there, not taken in.
        if (QUuid::fromString(c.uuid).isNull() || !commentTargets().contains(c.targetEntity) ||
            c.body.trimmed().isEmpty() || c.body.size() > kMaxCommentLength) {
            qCWarning(lcStore) << "review comment from the portal skipped (not one FieldSurvey wrote):"
                               << c.uuid.left(80);
            continue;
        }
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO review_comment (uuid, target_entity, target_uuid, author, body, created_at, "
                "resolved_at, resolved_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (uuid) DO NOTHING"),
            {c.uuid, c.targetEntity, textValue(c.targetUuid), textValue(c.author), textValue(c.body),
             c.createdAt.isValid() ? toStoredTimestamp(c.createdAt) : stamp,
             c.resolvedAt.isValid() ? QVariant(toStoredTimestamp(c.resolvedAt)) : QVariant(),
             textValue(c.resolvedBy), stamp});
        if (!r)
            return tl::unexpected(r.error());
        if (r->rowsAffected == 0)
            continue;
        ++added;
        if (auto a = audit(QStringLiteral("sync"), QStringLiteral("review_comment"), c.uuid,
                           QStringLiteral("body"), {}, c.body);
            !a)
            return tl::unexpected(a.error());
    }
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return added;
}

} // namespace fs::model
