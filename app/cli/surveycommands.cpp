#include "surveycommands.h"

#include "actor.h"
#include "clicommands.h"
#include "clisupport.h"
#include "clock.h"
#include "surveystore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs::cli {

namespace {

const QCommandLineOption &actorOption()
{
    static const QCommandLineOption option(
        QStringLiteral("actor"),
        QStringLiteral("Who makes the change, for the audit trail (default: $USER)."),
        QStringLiteral("name"));
    return option;
}

QString actorOf(const QCommandLineParser &parser)
{
    if (parser.isSet(actorOption()))
        return parser.value(actorOption());
    return fs::model::defaultActor();
}

QString shown(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("(empty)")
                          : QLatin1Char('"') + value.toString() + QLatin1Char('"');
}

// Human names of the rows an audit trail mentions: CAF IDs, terminal numbers, contacts.
QHash<QString, QString> rowLabels(const fs::model::SurveyStore &store)
{
    QHash<QString, QString> labels;
    auto data = store.load();
    if (!data)
        return labels;
    labels.insert(data->hospital.uuid, QStringLiteral("hospital"));
    labels.insert(data->survey.uuid, QStringLiteral("survey"));
    for (const auto &line : data->connectionPoints) {
        labels.insert(line.uuid, QStringLiteral("line %1").arg(line.cafId));
        for (qsizetype i = 0; i < line.devices.size(); ++i)
            labels.insert(line.devices[i].uuid,
                          QStringLiteral("line %1 device %2").arg(line.cafId).arg(i + 1));
    }
    for (const auto &t : data->terminals)
        labels.insert(t.uuid, QStringLiteral("terminal %1").arg(t.terminalNo));
    for (qsizetype i = 0; i < data->contacts.size(); ++i)
        labels.insert(data->contacts[i].uuid, QStringLiteral("contact %1").arg(i + 1));
    for (const auto &day : data->days) {
        labels.insert(day.uuid, QStringLiteral("day %1").arg(day.dayNo));
        for (qsizetype i = 0; i < day.steps.size(); ++i)
            labels.insert(day.steps[i].uuid, QStringLiteral("day %1 step %2").arg(day.dayNo).arg(i + 1));
    }
    return labels;
}

Result<std::unique_ptr<fs::model::SurveyStore>> openSurvey(const QCommandLineParser &parser,
                                                           fs::model::SurveyStore::OpenMode mode)
{
    return fs::model::SurveyStore::open(parser.positionalArguments().constFirst(), mode);
}

} // namespace

int setFields(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Change fields of a survey, all in one transaction: either every change is saved or none.\n"
        "Paths: hospital.<field>, survey.<field>, contact.<n>.<field>, investigator.<n>.<field>,\n"
        "day.<n>.<field>, day.<n>.step.<m>.<field>, line.<CAF ID|n>.<field>,\n"
        "line.<CAF ID|n>.device.<m>.<field>, terminal.<n>.<field>, backup.<field>,\n"
        "backup.copy.<n>.<field>, backup.task.<item>.<field>\n"
        "Example: fieldsurvey-cli set s.fsv line.CAF0001.onu_location_found='本館 3F'"));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("path=value"), QStringLiteral("Fields to change."),
                                 QStringLiteral("path=value..."));
    parser.addOption(actorOption());
    if (!parse(parser, QStringLiteral("set"), arguments))
        return stopStatus(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QStringLiteral("set needs a survey file and at least one path=value"), parser);

    auto store = openSurvey(parser, fs::model::SurveyStore::OpenMode::ReadWrite);
    if (!store)
        return failWith(store.error());
    if ((*store)->isReadOnly())
        return failWith(*(*store)->readOnlyReason());
    (*store)->setActor(actorOf(parser));

    QList<fs::model::FieldChange> changes;
    QStringList paths;
    for (qsizetype i = 1; i < positional.size(); ++i) {
        const QString &assignment = positional[i];
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("«%1» is not path=value").arg(assignment), parser);
        const QString path = assignment.left(eq);
        auto ref = (*store)->resolvePath(path);
        if (!ref)
            return failWith(ref.error());
        QString value = assignment.mid(eq + 1);
        // Questionnaire choices may be written in the programme's words ("取り外して保管").
        if (const auto key = fs::model::BackupOptions::parse(ref->field, value);
            key && (ref->entity == fs::model::Entity::BackupQuestionnaire ||
                    ref->entity == fs::model::Entity::BackupCopy ||
                    ref->entity == fs::model::Entity::BackupChecklist))
            value = *key;
        changes.append(fs::model::FieldChange{*ref, value});
        paths.append(path);
    }
    auto applied = (*store)->applyChanges(changes);
    if (!applied)
        return failWith(applied.error());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const auto it =
            std::find_if(applied->cbegin(), applied->cend(),
                         [&](const fs::model::AppliedChange &a) { return a.ref == changes[i].ref; });
        if (it == applied->cend())
            out() << paths[i] << ": unchanged\n";
        else
            out() << paths[i] << ": " << shown(it->oldValue) << " → " << shown(it->newValue) << '\n';
    }
    out() << Qt::flush;
    return Commands::kOk;
}

int history(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the audit trail of a survey, oldest first."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the trail as JSON."));
    parser.addOption(jsonOption);
    if (!parse(parser, QStringLiteral("history"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("history needs exactly one survey file"), parser);
    auto store = openSurvey(parser, fs::model::SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto trail = (*store)->auditTrail();
    if (!trail)
        return failWith(trail.error());
    const auto labels = rowLabels(**store);

    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        for (const auto &e : *trail) {
            rows.append(QJsonObject{
                {QStringLiteral("at"), fs::model::toStoredTimestamp(e.at)},
                {QStringLiteral("actor"), e.actor},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("entity"), e.entity},
                {QStringLiteral("uuid"), e.entityUuid},
                {QStringLiteral("label"), labels.value(e.entityUuid)},
                {QStringLiteral("field"), e.field},
                {QStringLiteral("old"), QJsonValue::fromVariant(e.oldValue)},
                {QStringLiteral("new"), QJsonValue::fromVariant(e.newValue)},
            });
        }
        out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Commands::kOk;
    }
    for (const auto &e : *trail) {
        const QString row = labels.value(e.entityUuid, e.entity + QLatin1Char(' ') + e.entityUuid.left(8));
        out() << e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
              << (e.actor.isEmpty() ? QStringLiteral("-") : e.actor) << "  " << e.action << "  " << row;
        if (!e.field.isEmpty())
            out() << "  " << e.field << ": " << shown(e.oldValue) << " → " << shown(e.newValue);
        out() << '\n';
    }
    out() << Qt::flush;
    return Commands::kOk;
}

int verify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check a survey file: SQLite integrity and foreign keys, the format, and the SHA-256 of every "
        "stored photo and plan. Exit status 1 when anything is wrong."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    if (!parse(parser, QStringLiteral("verify"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("verify needs exactly one survey file"), parser);
    auto store = openSurvey(parser, fs::model::SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto problems = (*store)->verify();
    if (!problems)
        return failWith(problems.error());
    if (!problems->isEmpty()) {
        for (const QString &problem : *problems)
            err() << parser.positionalArguments().constFirst() << ": " << problem << '\n';
        err() << Qt::flush;
        return Commands::kFailed;
    }
    auto photos = (*store)->photos();
    out() << "ok: " << (*store)->path() << " (schema " << (*store)->schemaVersion() << ", "
          << (photos ? photos->size() : 0) << " photos)" << Qt::endl;
    return Commands::kOk;
}

int exportPackage(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a consistent, compact copy of a survey (for review or handing over) and verify it."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("The copy to create."),
                                       QStringLiteral("file"));
    parser.addOption(outOption);
    if (!parse(parser, QStringLiteral("export"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOption))
        return usage(QStringLiteral("export needs a survey file and --out"), parser);
    auto store = openSurvey(parser, fs::model::SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    if (auto r = (*store)->exportPackage(parser.value(outOption)); !r)
        return failWith(r.error());
    out() << "wrote " << parser.value(outOption) << " (verified)" << Qt::endl;
    return Commands::kOk;
}

} // namespace fs::cli
