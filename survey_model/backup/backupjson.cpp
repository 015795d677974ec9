#include "backupjson.h"

#include "clock.h"
#include "jsontext.h"

#include <QJsonArray>

#include <cmath>

namespace fs::model {

namespace {

const QString kFormat = QStringLiteral("fieldsurvey-backup-questionnaire");

QJsonValue intOrNull(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject copyJson(const BackupCopy &c)
{
    return {{QStringLiteral("target_system"), c.targetSystem},
            {QStringLiteral("method"), c.method},
            {QStringLiteral("media"), c.media},
            {QStringLiteral("frequency"), c.frequency},
            {QStringLiteral("generations"), intOrNull(c.generations)},
            {QStringLiteral("location"), c.location},
            {QStringLiteral("separation"), c.separation},
            {QStringLiteral("reachable_with_emr_credentials"), c.reachableWithEmrCredentials},
            {QStringLiteral("note"), c.note}};
}

// Reads one object's keys, remembering the first problem with its JSON path.
class Reader
{
public:
    Reader(QJsonObject object, QString path, QString *problem)
        : m_object(std::move(object))
        , m_path(std::move(path))
        , m_problem(problem)
    {
    }

    void allow(std::initializer_list<const char *> keys) const
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            bool known = false;
            for (const char *k : keys)
                known = known || it.key() == QLatin1String(k);
            if (!known)
                problem(it.key(), QStringLiteral("unknown key"));
        }
    }

    [[nodiscard]] QString text(const char *key, qsizetype maxLength = 2000) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            problem(QLatin1String(key), QStringLiteral("must be text"));
            return {};
        }
        if (v.toString().size() > maxLength) {
            problem(QLatin1String(key), QStringLiteral("is longer than %1 characters").arg(maxLength));
            return {};
        }
        return v.toString();
    }

    // A choice of BackupOptions: its key, its words, or true/false for yes/no.
    [[nodiscard]] QString choice(const char *key, const QString &fallback = {}) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        const QString field = QString::fromLatin1(key);
        QString written;
        if (v.isBool() && BackupOptions::keys(field).contains(QStringLiteral("yes")))
            written = v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
        else if (v.isString())
            written = v.toString().left(200);
        else {
            problem(field, QStringLiteral("must be text"));
            return fallback;
        }
        const auto parsed = BackupOptions::parse(field, written);
        if (!parsed) {
            QStringList allowed;
            for (const BackupOption &o : BackupOptions::of(field))
                allowed << QStringLiteral("%1 (%2)").arg(o.key, o.label);
            problem(field,
                    QStringLiteral("«%1» is not one of %2").arg(written, allowed.join(QStringLiteral(", "))));
            return fallback;
        }
        return *parsed;
    }

    [[nodiscard]] std::optional<int> integer(const char *key, int minimum, int maximum) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        double d = 0;
        bool ok = false;
        if (v.isDouble()) {
            d = v.toDouble();
            ok = true;
        } else if (v.isString()) {
            QString t = v.toString().normalized(QString::NormalizationForm_KC).trimmed();
            t.remove(QLatin1Char(','));
            for (const QString &unit : {QStringLiteral("世代"), QStringLiteral("人"), QStringLiteral("名")})
                t.remove(unit);
            d = t.toDouble(&ok);
        }
        if (!ok || d != std::floor(d) || d < minimum || d > maximum) {
            problem(QLatin1String(key),
                    QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
            return std::nullopt;
        }
        return int(d);
    }

    [[nodiscard]] QString date(const char *key) const
    {
        const QString t = text(key, 40).trimmed();
        if (t.isEmpty())
            return {};
        QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid())
            d = QDate::fromString(t, QStringLiteral("yyyy/M/d"));
        if (!d.isValid()) {
            problem(QLatin1String(key), QStringLiteral("«%1» is not a date YYYY-MM-DD").arg(t));
            return {};
        }
        return d.toString(Qt::ISODate);
    }

    [[nodiscard]] QJsonArray array(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            problem(QLatin1String(key), QStringLiteral("must be a list"));
        return v.toArray();
    }

    [[nodiscard]] std::optional<Reader> element(const QJsonArray &array, const char *key, qsizetype i) const
    {
        const QString path = QStringLiteral("%1[%2]").arg(childPath(QLatin1String(key))).arg(i);
        if (!array.at(i).isObject()) {
            if (m_problem->isEmpty())
                *m_problem = path + QStringLiteral(": must be an object");
            return std::nullopt;
        }
        return Reader(array.at(i).toObject(), path, m_problem);
    }

    void problem(const QString &key, const QString &what) const
    {
        if (m_problem->isEmpty())
            *m_problem = QStringLiteral("%1: %2").arg(childPath(key), what);
    }

private:
    [[nodiscard]] QString childPath(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_problem;
};

} // namespace

QJsonObject BackupJson::toJson(const BackupQuestionnaire &q)
{
    QJsonArray copies;
    for (const BackupCopy &c : q.copies)
        copies.append(copyJson(c));
    QJsonArray checklist;
    for (const BackupTask &t : q.checklist) {
        if (t.state == QStringLiteral("open") && t.reason.isEmpty() && t.note.isEmpty())
            continue; // untouched items say nothing
        checklist.append(QJsonObject{{QStringLiteral("item"), t.key},
                                     {QStringLiteral("state"), t.state},
                                     {QStringLiteral("reason"), t.reason},
                                     {QStringLiteral("note"), t.note}});
    }
    return {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("emr_product"), q.emrProduct},
        {QStringLiteral("emr_vendor"), q.emrVendor},
        {QStringLiteral("patient_count"), intOrNull(q.patientCount)},
        {QStringLiteral("answered_by"), q.answeredBy},
        {QStringLiteral("answered_on"), q.answeredOn},
        {QStringLiteral("copies"), copies},
        {QStringLiteral("restore_tested"), q.restoreTested},
        {QStringLiteral("restore_tested_on"), q.restoreTestedOn},
        {QStringLiteral("documented_in"), q.documentedIn},
        {QStringLiteral("bcp"), q.bcp},
        {QStringLiteral("new_server"), q.newServer},
        {QStringLiteral("media_on_existing"), q.mediaOnExisting},
        {QStringLiteral("planning_with_vendor"), q.planningWithVendor},
        {QStringLiteral("already_operating"), q.alreadyOperating},
        {QStringLiteral("note"), q.note},
        {QStringLiteral("override_class"), q.overrideClass},
        {QStringLiteral("override_reason"), q.overrideReason},
        {QStringLiteral("override_by"), q.overrideBy},
        {QStringLiteral("override_at"),
         q.overrideAt.isValid() ? QJsonValue(toStoredTimestamp(q.overrideAt)) : QJsonValue()},
        {QStringLiteral("checklist"), checklist},
    };
}

QJsonObject BackupJson::assessmentJson(const BackupAssessment &a)
{
    QJsonArray flags;
    for (const BackupFlag &f : a.flags) {
        flags.append(QJsonObject{{QStringLiteral("kind"), f.kind == BackupFlag::Kind::Contradiction
                                                              ? QStringLiteral("contradiction")
                                                              : QStringLiteral("check")},
                                 {QStringLiteral("code"), f.code},
                                 {QStringLiteral("text"), f.text}});
    }
    QJsonArray copies;
    for (const BackupCopyJudgement &j : a.copies) {
        copies.append(QJsonObject{{QStringLiteral("number"), j.number},
                                  {QStringLiteral("offline"), BackupClassifier::offlineLabel(j.offline)},
                                  {QStringLiteral("reason"), j.reason}});
    }
    QJsonArray checklist;
    for (const BackupChecklistLine &l : a.checklist) {
        checklist.append(QJsonObject{{QStringLiteral("item"), l.key},
                                     {QStringLiteral("text"), l.text},
                                     {QStringLiteral("state"), l.state},
                                     {QStringLiteral("reason"), l.reason}});
    }
    return {
        {QStringLiteral("class"), kSupportClassKeys.key(a.effective)},
        {QStringLiteral("class_label"), BackupOptions::classLabel(a.effective)},
        {QStringLiteral("support"), BackupOptions::classSupport(a.effective)},
        {QStringLiteral("computed_class"), kSupportClassKeys.key(a.computed)},
        {QStringLiteral("computed_class_label"), BackupOptions::classLabel(a.computed)},
        {QStringLiteral("overridden"), a.overridden},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(a.reasons)},
        {QStringLiteral("missing"), QJsonArray::fromStringList(a.missing)},
        {QStringLiteral("contradictions"), a.contradictionCount()},
        {QStringLiteral("flags"), flags},
        {QStringLiteral("copies"), copies},
        {QStringLiteral("checklist"), checklist},
    };
}

Result<BackupQuestionnaire> BackupJson::fromJson(const QByteArray &bytes, const QString &sourceName)
{
    auto root = JsonText::parseObject(bytes, sourceName, kMaxInputBytes, 16);
    if (!root)
        return tl::unexpected(root.error());
    QString problem;
    const Reader r(*root, QString(), &problem);
    r.allow({"format",
             "format_version",
             "emr_product",
             "emr_vendor",
             "patient_count",
             "answered_by",
             "answered_on",
             "copies",
             "restore_tested",
             "restore_tested_on",
             "documented_in",
             "bcp",
             "new_server",
             "media_on_existing",
             "planning_with_vendor",
             "already_operating",
             "note",
             "override_class",
             "override_reason",
             "override_by",
             "override_at",
             "checklist",
             "assessment"});
    if (const QString format = r.text("format"); !format.isEmpty() && format != kFormat)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: format «%2» is not %3").arg(sourceName, format, kFormat));
    if (r.integer("format_version", 0, 1000).value_or(kFormatVersion) > kFormatVersion)
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": written by a newer FieldSurvey"));

    BackupQuestionnaire q;
    q.emrProduct = r.text("emr_product");
    q.emrVendor = r.text("emr_vendor");
    q.patientCount = r.integer("patient_count", 0, 100'000'000);
    q.answeredBy = r.text("answered_by");
    q.answeredOn = r.date("answered_on");
    q.restoreTested = r.choice("restore_tested");
    q.restoreTestedOn = r.date("restore_tested_on");
    q.documentedIn = r.choice("documented_in");
    q.bcp = r.choice("bcp");
    q.newServer = r.choice("new_server");
    q.mediaOnExisting = r.choice("media_on_existing");
    q.planningWithVendor = r.choice("planning_with_vendor");
    q.alreadyOperating = r.choice("already_operating");
    q.note = r.text("note", 20000);
    q.overrideReason = r.text("override_reason");
    q.overrideBy = r.text("override_by");
    if (const QString c = r.text("override_class", 40); !c.isEmpty()) {
        if (const auto parsed = BackupOptions::parseClass(c))
            q.overrideClass = kSupportClassKeys.key(*parsed);
        else
            r.problem(QStringLiteral("override_class"),
                      QStringLiteral("«%1» is not a class (支援A, 支援B, 支援C, 報告のみ, 対象外)").arg(c));
        if (q.overrideReason.trimmed().isEmpty())
            r.problem(QStringLiteral("override_reason"),
                      QStringLiteral("a class decided by the office needs the reason"));
    }
    if (const QString at = r.text("override_at", 40); !at.isEmpty()) {
        q.overrideAt = fromStoredTimestamp(at);
        if (!q.overrideAt.isValid())
            r.problem(QStringLiteral("override_at"), QStringLiteral("«%1» is not an ISO 8601 time").arg(at));
    }

    const QJsonArray copies = r.array("copies");
    if (copies.size() > kMaxCopies)
        r.problem(QStringLiteral("copies"), QStringLiteral("more than %1 copies").arg(kMaxCopies));
    for (qsizetype i = 0; i < copies.size() && i < kMaxCopies && problem.isEmpty(); ++i) {
        const auto e = r.element(copies, "copies", i);
        if (!e)
            break;
        e->allow({"target_system", "method", "media", "frequency", "generations", "location", "separation",
                  "reachable_with_emr_credentials", "note"});
        BackupCopy c;
        c.position = int(i) + 1;
        c.targetSystem = e->choice("target_system", QStringLiteral("emr"));
        c.method = e->choice("method");
        c.media = e->text("media");
        c.frequency = e->choice("frequency");
        c.generations = e->integer("generations", 0, 100'000);
        c.location = e->choice("location");
        c.separation = e->choice("separation");
        c.reachableWithEmrCredentials = e->choice("reachable_with_emr_credentials");
        c.note = e->text("note", 20000);
        q.copies.append(c);
    }

    const QStringList items = BackupClassifier::allTaskKeys();
    const QJsonArray checklist = r.array("checklist");
    for (qsizetype i = 0; i < checklist.size() && i < items.size() * 2 && problem.isEmpty(); ++i) {
        const auto e = r.element(checklist, "checklist", i);
        if (!e)
            break;
        e->allow({"item", "state", "reason", "note", "text"});
        BackupTask t;
        t.key = e->text("item", 80);
        if (!items.contains(t.key))
            e->problem(
                QStringLiteral("item"),
                QStringLiteral("«%1» is not an item (%2)").arg(t.key, items.join(QStringLiteral(", "))));
        t.state = e->choice("state", QStringLiteral("open"));
        t.reason = e->text("reason");
        t.note = e->text("note");
        if (t.state == QStringLiteral("not_needed") && t.reason.trimmed().isEmpty())
            e->problem(QStringLiteral("reason"),
                       QStringLiteral("an item marked not needed (不要) needs a reason"));
        q.checklist.append(t);
    }
    if (!problem.isEmpty())
        return fail(ErrorCode::InvalidData, sourceName + QStringLiteral(": ") + problem);
    return q;
}

} // namespace fs::model
