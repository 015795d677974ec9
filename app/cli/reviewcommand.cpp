#include "reviewcommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "review/portfolio.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace fs::cli {

namespace {

using fs::model::SurveyState;

// "survey", line:<n|CAF>, terminal:<n>, device:<uuid>, pin:<uuid> (as resolveTarget reads them), or
// finding:<uuid> / photo:<uuid> / floor_plan:<uuid>: the entity key and uuid a comment is about.
fs::Result<QPair<QString, QString>> commentTarget(const fs::model::SurveyStore &store, const QString &target)
{
    const QString kind = target.section(QLatin1Char(':'), 0, 0);
    const QString rest = target.section(QLatin1Char(':'), 1);
    if (target == QStringLiteral("survey")) {
        auto info = store.surveyInfo();
        if (!info)
            return tl::unexpected(info.error());
        return qMakePair(QStringLiteral("survey"), info->uuid);
    }
    if (kind == QStringLiteral("finding") || kind == QStringLiteral("photo") ||
        kind == QStringLiteral("floor_plan"))
        return qMakePair(kind, rest);
    auto resolved = store.resolveTarget(target);
    if (!resolved)
        return tl::unexpected(resolved.error());
    auto data = store.load();
    if (!data)
        return tl::unexpected(data.error());
    for (const auto &line : data->connectionPoints) {
        if (resolved->entity == QStringLiteral("connection_point") && line.id == resolved->id)
            return qMakePair(resolved->entity, line.uuid);
        for (const auto &d : line.devices) {
            if (resolved->entity == QStringLiteral("device") && d.id == resolved->id)
                return qMakePair(resolved->entity, d.uuid);
        }
    }
    for (const auto &t : data->terminals) {
        if (resolved->entity == QStringLiteral("terminal") && t.id == resolved->id)
            return qMakePair(resolved->entity, t.uuid);
    }
    for (const auto &plan : data->floorPlans) {
        for (const auto &pin : plan.pins) {
            if (resolved->entity == QStringLiteral("pin") && pin.id == resolved->id)
                return qMakePair(resolved->entity, pin.uuid);
        }
    }
    return tl::unexpected(
        Error{ErrorCode::NotFound, QStringLiteral("no item «%1» in this survey").arg(target)});
}

void printReview(const fs::model::SurveyStore &store)
{
    const auto info = store.surveyInfo();
    const auto comments = store.reviewComments();
    if (!info || !comments)
        return;
    out() << "state: " << fs::model::kSurveyStateKeys.key(info->state);
    if (!info->stateChangedBy.isEmpty())
        out() << " (" << info->stateChangedBy << ", " << fs::model::toStoredTimestamp(info->stateChangedAt)
              << ')';
    out() << '\n';
    for (const auto &c : *comments) {
        out() << c.uuid << '\t' << (c.isOpen() ? "open" : "dealt-with") << '\t' << c.targetEntity << ':'
              << c.targetUuid << '\t' << c.author << '\t' << c.body.simplified() << '\n';
    }
    out().flush();
}

} // namespace

int reviewCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The team lead's review of a survey: its state (draft, submitted, returned, approved) and "
        "comments on items. Without an option, prints them."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The survey file (.fsv)."));
    const QCommandLineOption stateOption(
        QStringLiteral("state"), QStringLiteral("Move the survey to submitted, returned or approved."),
        QStringLiteral("state"));
    const QCommandLineOption commentOption(
        QStringLiteral("comment"),
        QStringLiteral(
            "Comment on an item: survey, line:<n|CAF ID>, terminal:<n>, device:<uuid>, pin:<uuid>, "
            "finding:<uuid>, photo:<uuid> (with --text)."),
        QStringLiteral("target"));
    const QCommandLineOption textOption(QStringLiteral("text"), QStringLiteral("The comment's text."),
                                        QStringLiteral("text"));
    const QCommandLineOption resolveOption(QStringLiteral("resolve"),
                                           QStringLiteral("Mark a comment dealt with."),
                                           QStringLiteral("comment-uuid"));
    const QCommandLineOption reopenOption(QStringLiteral("reopen"), QStringLiteral("Open a comment again."),
                                          QStringLiteral("comment-uuid"));
    const QCommandLineOption actorOption(QStringLiteral("actor"),
                                         QStringLiteral("Who reviews, for the audit trail (default: $USER)."),
                                         QStringLiteral("name"));
    parser.addOptions({stateOption, commentOption, textOption, resolveOption, reopenOption, actorOption});
    if (!parse(parser, QStringLiteral("review"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("review needs exactly one survey file"), parser);
    if (parser.isSet(commentOption) != parser.isSet(textOption))
        return usage(QStringLiteral("--comment and --text go together"), parser);
    const QString path = parser.positionalArguments().constFirst();
    const bool changes = parser.isSet(stateOption) || parser.isSet(commentOption) ||
                         parser.isSet(resolveOption) || parser.isSet(reopenOption);
    if (!changes) {
        auto store = fs::model::SurveyStore::open(path, fs::model::SurveyStore::OpenMode::ReadOnly);
        if (!store)
            return failWith(store.error());
        printReview(**store);
        return Commands::kOk;
    }
    auto store = openForEditing(path);
    if (!store)
        return failWith(store.error());
    if (parser.isSet(actorOption))
        (*store)->setActor(parser.value(actorOption));
    if (parser.isSet(commentOption)) {
        auto target = commentTarget(**store, parser.value(commentOption));
        if (!target)
            return failWith(target.error());
        auto added = (*store)->addReviewComment(target->first, target->second, parser.value(textOption));
        if (!added)
            return failWith(added.error());
        out() << "comment " << added->uuid << '\n';
    }
    for (const auto &[option, resolved] :
         {qMakePair(&resolveOption, true), qMakePair(&reopenOption, false)}) {
        if (!parser.isSet(*option))
            continue;
        if (auto r = (*store)->setReviewCommentResolved(parser.value(*option), resolved); !r)
            return failWith(r.error());
    }
    if (parser.isSet(stateOption)) {
        const auto state = fs::model::kSurveyStateKeys.parse(parser.value(stateOption));
        if (!state)
            return usage(QStringLiteral("--state is one of submitted, returned, approved"), parser);
        if (auto r = (*store)->setSurveyState(*state); !r)
            return failWith(r.error());
    }
    printReview(**store);
    return Commands::kOk;
}

int portfolioCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Summarise many surveys: hospital, state, visit dates, findings 危険/注意, unsynced changes, "
        "open review comments (tab-separated)."));
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Folders of survey files, or survey files."));
    if (!parse(parser, QStringLiteral("portfolio"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("portfolio needs a folder or survey files"), parser);
    QStringList paths;
    for (const QString &p : parser.positionalArguments())
        paths << (QFileInfo(p).isDir() ? fs::model::Portfolio::findSurveys(p) : QStringList{p});
    const fs::model::PortfolioLoad loaded = fs::model::Portfolio::load(paths);
    out() << "code\thospital\tprefecture\tstate\tvisit\tdanger\tcaution\tunsynced\topen_comments\tfile\n";
    for (const auto &s : loaded.surveys) {
        QStringList dates;
        for (const QDate &d : s.visitDates)
            dates << d.toString(Qt::ISODate);
        out() << s.hospitalCode << '\t' << s.hospitalName << '\t' << s.prefecture << '\t'
              << fs::model::kSurveyStateKeys.key(s.state) << '\t' << dates.join(QLatin1Char(',')) << '\t'
              << s.dangerCount << '\t' << s.cautionCount << '\t' << s.unsyncedChanges << '\t'
              << s.openComments << '\t' << s.path << '\n';
    }
    out().flush();
    for (const fs::Error &e : loaded.failures)
        err() << "not read: " << e.detail << '\n';
    err().flush();
    return loaded.failures.isEmpty() ? Commands::kOk : Commands::kFailed;
}

} // namespace fs::cli
