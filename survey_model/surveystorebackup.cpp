// The offline-backup questionnaire: its answers, the backup copies and the checklist.
#include "backup/backupclassifier.h"
#include "database.h"
#include "fieldcatalog.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QUuid>

namespace fs::model {

namespace {

// The schema that brought the questionnaire (0009_backup_questionnaire.sql).
constexpr int kBackupSchemaVersion = 9;
const QString kCopy = QStringLiteral("backup_copy");

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

QVariant intOrNull(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

// The changes that make a stored questionnaire row (uuid) hold the answers' fields.
QList<FieldChange> questionnaireChanges(const QString &uuid, const BackupQuestionnaire &a)
{
    const auto ref = [&uuid](const char *field) {
        return FieldRef{Entity::BackupQuestionnaire, uuid, QString::fromLatin1(field)};
    };
    QList<FieldChange> changes = {
        {ref("emr_product"), a.emrProduct},
        {ref("emr_vendor"), a.emrVendor},
        {ref("patient_count"), intOrNull(a.patientCount)},
        {ref("answered_by"), a.answeredBy},
        {ref("answered_on"), a.answeredOn},
        {ref("restore_tested"), a.restoreTested},
        {ref("restore_tested_on"), a.restoreTestedOn},
        {ref("documented_in"), a.documentedIn},
        {ref("bcp"), a.bcp},
        {ref("new_server"), a.newServer},
        {ref("media_on_existing"), a.mediaOnExisting},
        {ref("planning_with_vendor"), a.planningWithVendor},
        {ref("already_operating"), a.alreadyOperating},
        {ref("note"), a.note},
    };
    if (!a.overrideClass.isEmpty()) {
        changes << FieldChange{ref("override_class"), a.overrideClass}
                << FieldChange{ref("override_reason"), a.overrideReason}
                << FieldChange{ref("override_by"), a.overrideBy}
                << FieldChange{ref("override_at"),
                               a.overrideAt.isValid() ? QVariant(a.overrideAt) : QVariant()};
    }
    return changes;
}

} // namespace

Result<BackupQuestionnaire> SurveyStore::backupQuestionnaire() const
{
    if (m_schemaVersion < kBackupSchemaVersion) {
        // An older survey opened read-only: nothing was asked yet.
        BackupQuestionnaire empty;
        for (const QString &key : BackupClassifier::allTaskKeys())
            empty.checklist.append(BackupTask{{}, key, QStringLiteral("open"), {}, {}});
        return empty;
    }
    auto row = m_database->firstRow(QStringLiteral(
        "SELECT uuid, emr_product, emr_vendor, patient_count, answered_by, answered_on, "
        "restore_tested, restore_tested_on, documented_in, bcp, new_server, media_on_existing, "
        "planning_with_vendor, already_operating, note, override_class, override_reason, "
        "override_by, COALESCE(override_at, '') FROM backup_questionnaire WHERE id = 1"));
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotASurvey, path() + QStringLiteral(" has no backup questionnaire row"));
    const QVariantList &r = **row;
    BackupQuestionnaire q;
    q.uuid = r[0].toString();
    q.emrProduct = r[1].toString();
    q.emrVendor = r[2].toString();
    q.patientCount = optionalInt(r[3]);
    q.answeredBy = r[4].toString();
    q.answeredOn = r[5].toString();
    q.restoreTested = r[6].toString();
    q.restoreTestedOn = r[7].toString();
    q.documentedIn = r[8].toString();
    q.bcp = r[9].toString();
    q.newServer = r[10].toString();
    q.mediaOnExisting = r[11].toString();
    q.planningWithVendor = r[12].toString();
    q.alreadyOperating = r[13].toString();
    q.note = r[14].toString();
    q.overrideClass = r[15].toString();
    q.overrideReason = r[16].toString();
    q.overrideBy = r[17].toString();
    q.overrideAt = fromStoredTimestamp(r[18].toString());

    auto copies = m_database->exec(
        QStringLiteral("SELECT id, uuid, position, target_system, method, media, frequency, generations, "
                       "location, separation, reachable_with_emr_credentials, note FROM backup_copy "
                       "WHERE deleted_at IS NULL ORDER BY position, id"));
    if (!copies)
        return tl::unexpected(copies.error());
    while (copies->next()) {
        const QSqlQuery &c = *copies;
        q.copies.append(BackupCopy{c.value(0).toLongLong(), c.value(1).toString(), c.value(2).toInt(),
                                   c.value(3).toString(), c.value(4).toString(), c.value(5).toString(),
                                   c.value(6).toString(), optionalInt(c.value(7)), c.value(8).toString(),
                                   c.value(9).toString(), c.value(10).toString(), c.value(11).toString()});
    }
    auto tasks = m_database->exec(
        QStringLiteral("SELECT uuid, item_key, state, reason, note FROM backup_checklist ORDER BY id"));
    if (!tasks)
        return tl::unexpected(tasks.error());
    while (tasks->next()) {
        q.checklist.append(BackupTask{tasks->value(0).toString(), tasks->value(1).toString(),
                                      tasks->value(2).toString(), tasks->value(3).toString(),
                                      tasks->value(4).toString()});
    }
    return q;
}

Result<BackupCopy> SurveyStore::insertBackupCopy(const BackupCopy &copy, bool queue)
{
    // Every answer is checked as an edit of it would be.
    BackupCopy stored = copy;
    const auto check = [](const char *field, const QString &value) -> Result<QString> {
        const FieldSpec *spec = FieldCatalog::find(Entity::BackupCopy, QString::fromLatin1(field));
        auto v = FieldCatalog::normalise(*spec, value);
        if (!v)
            return tl::unexpected(v.error());
        return v->toString();
    };
    for (auto [field, value] : {std::pair{"target_system", &stored.targetSystem},
                                {"method", &stored.method},
                                {"frequency", &stored.frequency},
                                {"location", &stored.location},
                                {"separation", &stored.separation},
                                {"reachable_with_emr_credentials", &stored.reachableWithEmrCredentials}}) {
        auto v = check(field, *value);
        if (!v)
            return tl::unexpected(v.error());
        *value = *v;
    }
    auto position =
        m_database->scalar(QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM backup_copy"));
    if (!position)
        return tl::unexpected(position.error());
    stored.position = position->toInt();
    if (stored.uuid.isEmpty())
        stored.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_database->run(
        QStringLiteral("INSERT INTO backup_copy (uuid, position, target_system, method, media, frequency, "
                       "generations, location, separation, reachable_with_emr_credentials, note, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {stored.uuid, stored.position, textValue(stored.targetSystem), textValue(stored.method),
         textValue(stored.media), textValue(stored.frequency), intOrNull(stored.generations),
         textValue(stored.location), textValue(stored.separation),
         textValue(stored.reachableWithEmrCredentials), textValue(stored.note), now()});
    if (!r)
        return tl::unexpected(r.error());
    stored.id = r->lastInsertId;
    if (auto a = audit(queue ? QStringLiteral("insert") : QStringLiteral("import"), kCopy, stored.uuid); !a)
        return tl::unexpected(a.error());
    if (!queue)
        return stored;
    if (auto o = Outbox::enqueue(*m_database, kCopy, stored.uuid, QStringLiteral("upsert"), m_clock.now());
        !o)
        return tl::unexpected(o.error());
    return stored;
}

Result<BackupCopy> SurveyStore::addBackupCopy(const BackupCopy &copy)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto added = insertBackupCopy(copy);
    if (!added)
        return added;
    if (auto r = transaction.commit(); !r)
        return tl::unexpected(r.error());
    return added;
}

Result<void> SurveyStore::setBackupAnswers(const BackupQuestionnaire &answers, AnswersOrigin origin)
{
    const bool queue = origin == AnswersOrigin::Edit;
    if (auto r = ensureWritable(); !r)
        return r;
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return transaction.begun();
    auto current = backupQuestionnaire();
    if (!current)
        return tl::unexpected(current.error());

    QList<FieldChange> changes = questionnaireChanges(current->uuid, answers);
    for (const BackupTask &task : answers.checklist) {
        const auto it = std::find_if(current->checklist.cbegin(), current->checklist.cend(),
                                     [&task](const BackupTask &t) { return t.key == task.key; });
        if (it == current->checklist.cend())
            return fail(ErrorCode::InvalidData,
                        QStringLiteral("checklist: «%1» is not an item (%2)")
                            .arg(task.key, BackupClassifier::allTaskKeys().join(QStringLiteral(", "))));
        for (const auto &[field, value] :
             {std::pair{"state", task.state}, {"reason", task.reason}, {"note", task.note}})
            changes << FieldChange{FieldRef{Entity::BackupChecklist, it->uuid, QString::fromLatin1(field)},
                                   value};
    }
    if (auto applied = applyInTransaction(changes, queue); !applied)
        return tl::unexpected(applied.error());

    const QString stamp = now();
    for (const BackupCopy &old : current->copies) {
        if (auto r = m_database->run(
                QStringLiteral("UPDATE backup_copy SET deleted_at = ?, updated_at = ? WHERE uuid = ?"),
                {stamp, stamp, old.uuid});
            !r)
            return tl::unexpected(r.error());
        if (auto a = audit(QStringLiteral("delete"), kCopy, old.uuid, QStringLiteral("deleted_at"),
                           QStringLiteral("present"), QStringLiteral("removed"));
            !a)
            return a;
        if (!queue)
            continue;
        if (auto o = Outbox::enqueue(*m_database, kCopy, old.uuid, QStringLiteral("delete"), m_clock.now());
            !o)
            return o;
    }
    for (const BackupCopy &copy : answers.copies) {
        BackupCopy fresh = copy;
        fresh.uuid.clear();
        if (auto added = insertBackupCopy(fresh, queue); !added)
            return tl::unexpected(added.error());
    }
    return transaction.commit();
}

Result<void> SurveyStore::checkBackupDecisions() const
{
    auto overridden =
        m_database->scalar(QStringLiteral("SELECT count(*) FROM backup_questionnaire WHERE override_class <> "
                                          "'' AND trim(override_reason) = ''"));
    if (!overridden)
        return tl::unexpected(overridden.error());
    if (overridden->toInt() > 0)
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral("backup_questionnaire.override_reason: a class decided by the office needs "
                           "the reason for deciding otherwise"));
    auto unneeded =
        m_database->scalar(QStringLiteral("SELECT group_concat(item_key, ', ') FROM backup_checklist WHERE "
                                          "state = 'not_needed' AND trim(reason) = ''"));
    if (!unneeded)
        return tl::unexpected(unneeded.error());
    if (!unneeded->toString().isEmpty())
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("backup_checklist %1: an item marked not needed (不要) needs a reason")
                        .arg(unneeded->toString()));
    return {};
}

} // namespace fs::model
