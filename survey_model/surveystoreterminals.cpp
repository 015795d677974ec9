#include "database.h"
#include "findingrows.h"
#include "outbox.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QUuid>

namespace fs::model {

using detail::findingColumns;
using detail::findingFromRow;

Result<TerminalAssessmentUndo> SurveyStore::recordTerminalAssessment(const QString &terminalUuid,
                                                                     const TerminalFacts &facts,
                                                                     const QString &fileName,
                                                                     const TerminalAssessment &assessment,
                                                                     const QString &factsUuid)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto terminalId = liveTerminalId(terminalUuid);
    if (!terminalId)
        return tl::unexpected(terminalId.error());

    TerminalAssessmentUndo undo;
    undo.terminalUuid = terminalUuid;
    undo.factsUuid = factsUuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : factsUuid;
    {
        auto checks = storedChecks(*terminalId);
        if (!checks)
            return tl::unexpected(checks.error());
        undo.previousChecks = *checks;
    }
    {
        auto q = m_database->exec(QStringLiteral("SELECT ") + findingColumns() +
                                      QStringLiteral(" FROM finding f WHERE f.target_entity = 'terminal' AND "
                                                     "f.target_id = ? AND f.rule_id <> ''"),
                                  {*terminalId});
        if (!q)
            return tl::unexpected(q.error());
        while (q->next())
            undo.previousFindings << findingFromRow(*q);
    }

    const QString stamp = now();
    const QByteArray json = facts.toBytes();
    const QDateTime collectedAt = facts.collectedAt();
    auto inserted = m_database->run(
        QStringLiteral(
            "INSERT INTO terminal_facts (uuid, terminal_id, source, file_name, sha256, facts, computer_name, "
            "collected_at, imported_at, imported_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (uuid) DO UPDATE SET withdrawn_at = NULL, updated_at = excluded.updated_at"),
        {undo.factsUuid, *terminalId, facts.source(), textValue(fileName),
         QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()),
         QString::fromUtf8(json), textValue(facts.computerName()),
         collectedAt.isValid() ? QVariant(toStoredTimestamp(collectedAt)) : QVariant(), stamp,
         textValue(m_actor), stamp});
    if (!inserted)
        return tl::unexpected(inserted.error());
    if (auto a = audit(QStringLiteral("import"), QStringLiteral("terminal"), terminalUuid,
                       QStringLiteral("facts"), QVariant(), fileName.isEmpty() ? facts.source() : fileName);
        !a)
        return tl::unexpected(a.error());

    for (const TerminalCheck &check : assessment.checks) {
        const auto before = std::find_if(undo.previousChecks.begin(), undo.previousChecks.end(),
                                         [&](const TerminalCheck &c) { return c.item == check.item; });
        if (auto r = upsertTerminalCheck(*terminalId, check, stamp); !r)
            return tl::unexpected(r.error());
        const QString old = before != undo.previousChecks.end()
                                ? before->value + QStringLiteral(" [") + before->evaluation + QLatin1Char(']')
                                : QString();
        const QString now = check.value + QStringLiteral(" [") + check.evaluation + QLatin1Char(']');
        if (old != now) {
            if (auto a = audit(QStringLiteral("update"), QStringLiteral("terminal"), terminalUuid,
                               QStringLiteral("check:") + check.item,
                               old.isEmpty() ? QVariant() : QVariant(old), now);
                !a)
                return tl::unexpected(a.error());
        }
    }

    // Rule findings: update the ones still raised (keeping a dismissal), add new, remove the rest.
    QStringList raised;
    for (const Finding &f : assessment.findings) {
        raised << f.ruleId;
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO finding (uuid, target_entity, target_id, status, category, text, evidence, "
                "recommendation, rule_id, needs_confirmation, created_at, updated_at) "
                "VALUES (?, 'terminal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (target_entity, target_id, rule_id) WHERE rule_id <> '' DO UPDATE SET "
                "status = excluded.status, category = excluded.category, text = excluded.text, "
                "evidence = excluded.evidence, recommendation = excluded.recommendation, "
                "needs_confirmation = excluded.needs_confirmation, deleted_at = NULL, "
                "updated_at = excluded.updated_at WHERE finding.edited_at IS NULL"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), *terminalId, f.status, textValue(f.category),
             textValue(f.text), textValue(f.evidence), textValue(f.recommendation), f.ruleId,
             f.needsConfirmation ? 1 : 0, stamp, stamp});
        if (!r)
            return tl::unexpected(r.error());
        const auto before = std::find_if(undo.previousFindings.begin(), undo.previousFindings.end(),
                                         [&](const Finding &p) { return p.ruleId == f.ruleId; });
        const bool wasLive = before != undo.previousFindings.end() && !before->deleted;
        if (before != undo.previousFindings.end() && before->isEdited())
            continue; // the investigator's judgment stands
        if (!wasLive || before->status != f.status) {
            if (auto a = audit(wasLive ? QStringLiteral("update") : QStringLiteral("insert"),
                               QStringLiteral("finding"), terminalUuid, f.ruleId,
                               wasLive ? QVariant(before->status) : QVariant(), f.status);
                !a)
                return tl::unexpected(a.error());
        }
    }
    for (const Finding &p : std::as_const(undo.previousFindings)) {
        if (p.deleted || p.isEdited() || raised.contains(p.ruleId))
            continue;
        auto r =
            m_database->run(QStringLiteral("UPDATE finding SET deleted_at = ?, updated_at = ? WHERE id = ?"),
                            {stamp, stamp, p.id});
        if (!r)
            return tl::unexpected(r.error());
        if (auto a = audit(QStringLiteral("delete"), QStringLiteral("finding"), terminalUuid, p.ruleId,
                           p.status, QVariant());
            !a)
            return tl::unexpected(a.error());
    }
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("terminal"), terminalUuid,
                                 QStringLiteral("upsert"), m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return undo;
}

Result<void> SurveyStore::undoTerminalAssessment(const TerminalAssessmentUndo &undo)
{
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto terminalId =
        m_database->scalar(QStringLiteral("SELECT id FROM terminal WHERE uuid = ?"), {undo.terminalUuid});
    if (!terminalId)
        return tl::unexpected(terminalId.error());
    if (!terminalId->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no terminal %1").arg(undo.terminalUuid));
    const QString stamp = now();
    if (auto r = m_database->run(QStringLiteral("UPDATE terminal_facts SET withdrawn_at = ?, updated_at = ? "
                                                "WHERE uuid = ? AND terminal_id = ?"),
                                 {stamp, stamp, undo.factsUuid, *terminalId});
        !r)
        return tl::unexpected(r.error());
    if (auto r = m_database->run(QStringLiteral("DELETE FROM terminal_check WHERE terminal_id = ?"),
                                 {*terminalId});
        !r)
        return tl::unexpected(r.error());
    for (const TerminalCheck &c : undo.previousChecks) {
        auto r = m_database->run(
            QStringLiteral(
                "INSERT INTO terminal_check (id, uuid, terminal_id, item, value, evaluation, detail, source, "
                "checked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {c.id, c.uuid, *terminalId, c.item, textValue(c.value), c.evaluation, textValue(c.detail),
             c.source, toStoredTimestamp(c.checkedAt), stamp});
        if (!r)
            return tl::unexpected(r.error());
    }
    // Rule findings back as they were; ones the assessment added are removed.
    if (auto r = m_database->run(
            QStringLiteral("UPDATE finding SET deleted_at = ?, updated_at = ? WHERE target_entity = "
                           "'terminal' AND target_id = ? AND rule_id <> '' AND deleted_at IS NULL"),
            {stamp, stamp, *terminalId});
        !r)
        return tl::unexpected(r.error());
    for (const Finding &f : undo.previousFindings) {
        auto r = m_database->run(
            QStringLiteral(
                "UPDATE finding SET status = ?, category = ?, text = ?, evidence = ?, recommendation = ?, "
                "needs_confirmation = ?, deleted_at = CASE WHEN ? THEN deleted_at ELSE NULL END, "
                "updated_at = ? WHERE id = ?"),
            {f.status, textValue(f.category), textValue(f.text), textValue(f.evidence),
             textValue(f.recommendation), f.needsConfirmation ? 1 : 0, f.deleted ? 1 : 0, stamp, f.id});
        if (!r)
            return tl::unexpected(r.error());
    }
    if (auto a = audit(QStringLiteral("update"), QStringLiteral("terminal"), undo.terminalUuid,
                       QStringLiteral("facts"), undo.factsUuid, QStringLiteral("withdrawn"));
        !a)
        return a;
    if (auto q = Outbox::enqueue(*m_database, QStringLiteral("terminal"), undo.terminalUuid,
                                 QStringLiteral("upsert"), m_clock.now());
        !q)
        return tl::unexpected(q.error());
    return transaction.commit();
}

Result<std::optional<TerminalFactsRecord>>
SurveyStore::currentTerminalFacts(const QString &terminalUuid) const
{
    auto row = m_database->firstRow(
        QStringLiteral(
            "SELECT f.id, f.uuid, f.source, f.file_name, f.sha256, f.facts, f.computer_name, "
            "f.collected_at, f.imported_at, f.imported_by FROM terminal_facts f JOIN terminal t ON "
            "t.id = f.terminal_id WHERE t.uuid = ? AND f.withdrawn_at IS NULL ORDER BY f.id DESC LIMIT 1"),
        {terminalUuid});
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<TerminalFactsRecord>();
    const QVariantList &v = **row;
    return std::optional<TerminalFactsRecord>(
        TerminalFactsRecord{v[0].toLongLong(), v[1].toString(), v[2].toString(), v[3].toString(),
                            v[4].toString(), v[5].toString().toUtf8(), v[6].toString(),
                            v[7].isNull() ? QDateTime() : fromStoredTimestamp(v[7].toString()),
                            fromStoredTimestamp(v[8].toString()), v[9].toString()});
}

} // namespace fs::model
