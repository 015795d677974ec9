#include "recordmerge.h"

#include "fieldcatalog.h"
#include "syncsources.h"

#include <QJsonArray>

#include <optional>

namespace fs::sync {

namespace {

// Rows the portal deleted are removed here only where the survey keeps tombstones (Ctrl+Z and
// the audit log still have them).
bool canRemoveHere(const QString &entity)
{
    const auto e = model::kEntityKeys.parse(entity);
    return e && model::FieldCatalog::hasTombstones(*e);
}

// Rows added on the portal are taken in only where another FieldSurvey writes them: a team lead's
// review comments. Other rows the portal adds stay there (a line needs its CAF ID from here).
bool canCreateHere(const QString &entity)
{
    return entity == QStringLiteral("review_comment");
}

enum class Outcome
{
    Same,     // both sides agree
    Push,     // send the local value
    Pull,     // take the portal's value here
    Conflict, // both changed, differently
    Held,     // an open conflict: leave both sides alone
};

Outcome decide(const std::optional<QString> &base, const QString &local, const QString &server, bool frozen)
{
    if (frozen)
        return Outcome::Held;
    if (local == server)
        return Outcome::Same;
    if (base && local == *base)
        return Outcome::Pull;
    if (base && server == *base)
        return Outcome::Push;
    return Outcome::Conflict;
}

struct Merger
{
    const FieldMapping &mapping;
    const PortalRecord *base;
    const PortalRecord &local;
    const PortalRecord *server;
    const QSet<QString> &frozen;
    MergePlan plan;

    // Merges one field; returns whether the field must be sent.
    bool field(const MappedField &f, const QString &uuid, const std::optional<QString> &b, const QString &l,
               const QString &s)
    {
        const bool writable = model::SyncSources::isWritable(f.entity, f.source);
        const Outcome o = decide(b, l, s, frozen.contains(RecordMerge::frozenKey(f.entity, uuid, f.source)));
        switch (o) {
        case Outcome::Same:
        case Outcome::Held:
            return false;
        case Outcome::Push:
            return true;
        case Outcome::Pull:
            if (writable) {
                plan.toLocal << LocalChange{f.entity, uuid, f.source, s};
                return false;
            }
            // Computed here (identity, findings, links): the portal's edit is shown, not lost.
            break;
        case Outcome::Conflict:
            break;
        }
        model::SyncConflict k;
        k.entity = f.entity;
        k.uuid = uuid;
        k.field = f.source;
        k.fieldCode = f.code;
        k.baseValue = b.value_or(QString());
        k.localValue = l;
        k.portalValue = s;
        k.portalRevision = server ? server->revision : QStringLiteral("");
        k.portalModifier = server ? server->modifier : QStringLiteral("");
        plan.conflicts << k;
        return false;
    }

    void topLevel()
    {
        for (const MappedField &f : mapping.fields()) {
            const QString uuid = f.entity == QStringLiteral("survey") ? local.surveyUuid : local.hospitalUuid;
            const QString l = local.fields.value(f.code);
            if (!server) {
                plan.fields.insert(f.code, l);
                continue;
            }
            const std::optional<QString> b = base && base->fields.contains(f.code)
                                                 ? std::optional(base->fields.value(f.code))
                                                 : std::nullopt;
            if (field(f, uuid, b, l, server->fields.value(f.code)))
                plan.fields.insert(f.code, l);
        }
        if (!mapping.dataFileCode().isEmpty())
            plan.sendData =
                !server || server->dataFileName != PortalRecord::dataFileNameFor(local.dataSha256);
    }

    void table(const MappedTable &t)
    {
        const QList<PortalRow> serverRows = server ? server->tables.value(t.code) : QList<PortalRow>{};
        const QSet<QString> removedHere = local.removed.value(t.code);
        QSet<QString> localKeys;
        for (const PortalRow &r : local.tables.value(t.code))
            localKeys.insert(r.key);
        bool changed = !server && !local.tables.value(t.code).isEmpty();
        QList<MergePlan::Row> rows;
        QSet<QString> sentKeys;
        for (const PortalRow &l : local.tables.value(t.code)) {
            const PortalRow *s = server ? server->row(t.code, l.key) : nullptr;
            const PortalRow *b = base ? base->row(t.code, l.key) : nullptr;
            if (!s) {
                if (b &&
                    std::all_of(t.fields.cbegin(), t.fields.cend(),
                                [&](const MappedField &f) {
                                    return l.values.value(f.code) == b->values.value(f.code);
                                }) &&
                    canRemoveHere(t.entity)) {
                    // Deleted on the portal and unchanged here since: the deletion is taken.
                    plan.removeLocally << qMakePair(t.entity, l.key);
                    continue;
                }
                MergePlan::Row row{QString(), l.key, l.values, !t.fileCode.isEmpty()};
                if (row.needsFile)
                    plan.filesNeeded << qMakePair(t.entity, l.key);
                rows << row;
                sentKeys.insert(l.key);
                changed = true;
                continue;
            }
            MergePlan::Row row{s->rowId, l.key, {}, false};
            for (const MappedField &f : t.fields) {
                const std::optional<QString> bv =
                    b && b->values.contains(f.code) ? std::optional(b->values.value(f.code)) : std::nullopt;
                if (field(f, l.key, bv, l.values.value(f.code), s->values.value(f.code)))
                    row.values.insert(f.code, l.values.value(f.code));
            }
            if (!row.values.isEmpty())
                changed = true;
            if (!t.fileCode.isEmpty() && s->files == 0) { // on the portal without its file: attach it
                row.needsFile = true;
                plan.filesNeeded << qMakePair(t.entity, l.key);
                changed = true;
            }
            rows << row;
            sentKeys.insert(l.key);
        }
        // The portal's own rows are kept (sent by id alone); rows removed here go; a second row
        // with a key already sent is a duplicate and goes too.
        for (const PortalRow &s : serverRows) {
            if (removedHere.contains(s.key) || (sentKeys.contains(s.key) && !localKeys.contains(s.key)) ||
                (localKeys.contains(s.key) && !isFirst(serverRows, s))) {
                changed = true;
                continue;
            }
            if (localKeys.contains(s.key))
                continue;
            if (canCreateHere(t.entity) && !s.key.isEmpty()) {
                QHash<QString, QString> values;
                for (const MappedField &f : t.fields)
                    values.insert(f.source, s.values.value(f.code));
                plan.createLocally << qMakePair(t.entity, values);
            }
            rows << MergePlan::Row{s.rowId, s.key, {}, false};
            sentKeys.insert(s.key);
        }
        if (changed)
            plan.tables.insert(t.code, rows);
    }

    static bool isFirst(const QList<PortalRow> &rows, const PortalRow &row)
    {
        for (const PortalRow &r : rows) {
            if (r.key == row.key)
                return r.rowId == row.rowId;
        }
        return true;
    }
};

} // namespace

QString RecordMerge::frozenKey(const QString &entity, const QString &uuid, const QString &source)
{
    return entity + QLatin1Char('|') + uuid + QLatin1Char('|') + source;
}

MergePlan RecordMerge::merge(const FieldMapping &mapping, const PortalRecord *base, const PortalRecord &local,
                             const PortalRecord *server, const QSet<QString> &frozen)
{
    Merger m{mapping, base, local, server, frozen, {}};
    m.plan.recordExists = server != nullptr;
    m.topLevel();
    for (const MappedTable &t : mapping.tables())
        m.table(t);
    return m.plan;
}

QJsonObject MergePlan::payload(const FieldMapping &mapping, const QHash<QString, QString> &fileKeys) const
{
    QJsonObject record;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        record.insert(it.key(), QJsonObject{{QStringLiteral("value"), it.value()}});
    if (sendData && !mapping.dataFileCode().isEmpty()) {
        const QString key = fileKeys.value(QStringLiteral("survey:data"));
        if (!key.isEmpty())
            record.insert(mapping.dataFileCode(),
                          QJsonObject{{QStringLiteral("value"),
                                       QJsonArray{QJsonObject{{QStringLiteral("fileKey"), key}}}}});
    }
    for (const MappedTable &t : mapping.tables()) {
        const auto it = tables.constFind(t.code);
        if (it == tables.constEnd())
            continue;
        QJsonArray rows;
        for (const Row &r : *it) {
            QJsonObject value;
            for (auto v = r.values.begin(); v != r.values.end(); ++v)
                value.insert(v.key(), QJsonObject{{QStringLiteral("value"), v.value()}});
            if (r.needsFile) {
                const QString key = fileKeys.value(t.entity + QLatin1Char(':') + r.key);
                if (!key.isEmpty())
                    value.insert(t.fileCode,
                                 QJsonObject{{QStringLiteral("value"),
                                              QJsonArray{QJsonObject{{QStringLiteral("fileKey"), key}}}}});
            }
            QJsonObject row{{QStringLiteral("value"), value}};
            if (!r.rowId.isEmpty())
                row.insert(QStringLiteral("id"), r.rowId);
            rows.append(row);
        }
        record.insert(t.code, QJsonObject{{QStringLiteral("value"), rows}});
    }
    return record;
}

} // namespace fs::sync
