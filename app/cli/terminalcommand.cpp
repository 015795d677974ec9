#include "terminalcommand.h"

#include "actor.h"
#include "clicommands.h"
#include "clisupport.h"
#include "surveystore.h"
#include "terminalcollector.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "terminalmatch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs::cli {

namespace {

using fs::model::TerminalAssessment;
using fs::model::TerminalEvaluator;
using fs::model::TerminalFacts;

QJsonObject assessmentJson(const TerminalFacts &facts, const TerminalAssessment &a, const QDate &asOf)
{
    QJsonObject os{{QStringLiteral("name"), a.os.name()},
                   {QStringLiteral("build"), a.os.buildText()},
                   {QStringLiteral("server"), a.os.server}};
    if (a.os.lifecycle) {
        os.insert(QStringLiteral("endOfServicing"), a.os.lifecycle->endOfServicing.toString(Qt::ISODate));
        os.insert(QStringLiteral("supported"), a.os.lifecycle->endOfServicing >= asOf);
    }
    QJsonObject checks;
    for (const auto &c : a.checks)
        checks.insert(c.item, QJsonObject{{QStringLiteral("value"), c.value},
                                          {QStringLiteral("evaluation"), c.evaluation}});
    QJsonArray findings;
    for (const auto &f : a.findings)
        findings.append(QJsonObject{{QStringLiteral("rule"), f.ruleId},
                                    {QStringLiteral("status"), f.status},
                                    {QStringLiteral("text"), f.text},
                                    {QStringLiteral("evidence"), f.evidence},
                                    {QStringLiteral("recommendation"), f.recommendation},
                                    {QStringLiteral("needsConfirmation"), f.needsConfirmation}});
    return {{QStringLiteral("computer"), facts.computerName()},
            {QStringLiteral("source"), facts.source()},
            {QStringLiteral("asOf"), asOf.toString(Qt::ISODate)},
            {QStringLiteral("os"), os},
            {QStringLiteral("checks"), checks},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("remarks"), QJsonArray::fromStringList(a.remarks())}};
}

void printAssessment(const TerminalFacts &facts, const TerminalAssessment &a, const QDate &asOf)
{
    out() << facts.computerName() << "  (" << facts.source() << ", judged on " << asOf.toString(Qt::ISODate)
          << ")\n";
    for (const auto &c : a.checks)
        out() << "  " << c.item << ": " << c.value << "  [" << c.evaluation << "]\n";
    for (const auto &f : a.findings)
        out() << "  " << f.status << "  " << f.ruleId << "  " << f.text
              << (f.needsConfirmation ? " (要確認)" : "") << "\n      " << f.evidence << '\n';
    out() << Qt::flush;
}

int evaluate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read a terminal-facts file (the collector's JSON, UTF-8 or UTF-16) and print how FieldSurvey\n"
        "judges it: the five checked items and the findings (docs/terminal-rules.md). Exit status 0 when\n"
        "the file was read, 1 when it was refused (the reason names the file and the JSON path)."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The collector's JSON file."));
    const QCommandLineOption dateOpt(QStringLiteral("date"),
                                     QStringLiteral("Judge on this day (default today)."),
                                     QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption typeOpt(QStringLiteral("system-type"),
                                     QStringLiteral("The terminal's システム種別 (e.g. 電子カルテ)."),
                                     QStringLiteral("text"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({dateOpt, typeOpt, jsonOpt});
    if (!parse(parser, QStringLiteral("terminal evaluate"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("terminal evaluate needs exactly one file"), parser);
    const auto date = dateOption(parser, dateOpt);
    if (!date)
        return usage(QStringLiteral("--date must be YYYY-MM-DD"), parser);
    auto facts = TerminalFacts::fromFile(parser.positionalArguments().constFirst());
    if (!facts)
        return failWith(facts.error());
    const QDate asOf = date->isValid() ? *date : QDate::currentDate();
    const auto a = TerminalEvaluator::evaluate(*facts, {asOf, parser.value(typeOpt)});
    if (parser.isSet(jsonOpt))
        out() << QString::fromUtf8(QJsonDocument(assessmentJson(*facts, a, asOf)).toJson()) << Qt::flush;
    else
        printAssessment(*facts, a, asOf);
    return Commands::kOk;
}

int import(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record terminal-facts files in a survey: for each, the five checked items and the findings of\n"
        "the terminal whose host name is the file's computer name (or --terminal N, with one file). The\n"
        "files are kept in the survey as evidence. Judged on the visit day of the terminal step (or\n"
        "--date). All or nothing: when one file is refused or matches no terminal, none is recorded."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("The collector's JSON files."),
                                 QStringLiteral("file..."));
    const QCommandLineOption terminalOpt(
        QStringLiteral("terminal"), QStringLiteral("The terminal's number (1–5), when the names differ."),
        QStringLiteral("n"));
    const QCommandLineOption dateOpt(QStringLiteral("date"), QStringLiteral("Judge on this day."),
                                     QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({terminalOpt, dateOpt});
    if (!parse(parser, QStringLiteral("terminal import"), arguments))
        return stopStatus(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QStringLiteral("terminal import needs a survey and a file"), parser);
    if (parser.isSet(terminalOpt) && positional.size() != 2)
        return usage(QStringLiteral("--terminal goes with exactly one file"), parser);
    const auto date = dateOption(parser, dateOpt);
    if (!date)
        return usage(QStringLiteral("--date must be YYYY-MM-DD"), parser);
    // Read and check every file before the survey is touched.
    QList<std::pair<QString, TerminalFacts>> files;
    for (const QString &file : positional.mid(1)) {
        auto facts = TerminalFacts::fromFile(file);
        if (!facts)
            return failWith(facts.error());
        files.append({file, *facts});
    }
    auto store = openForEditing(positional.constFirst());
    if (!store)
        return failWith(store.error());
    auto terminals = (*store)->terminals();
    if (!terminals)
        return failWith(terminals.error());
    QList<fs::model::Terminal> targets;
    for (const auto &[file, facts] : std::as_const(files)) {
        std::optional<fs::model::Terminal> target;
        if (parser.isSet(terminalOpt)) {
            for (const auto &t : *terminals) {
                if (QString::number(t.terminalNo) == parser.value(terminalOpt))
                    target = t;
            }
            if (!target)
                return usage(QStringLiteral("the survey has no terminal %1").arg(parser.value(terminalOpt)),
                             parser);
        } else {
            target = fs::model::TerminalMatch::byComputerName(*terminals, facts.computerName());
            if (!target)
                return failWith(
                    {ErrorCode::NotFound,
                     QStringLiteral("%1: no terminal of the survey has the host name «%2»; name it with "
                                    "--terminal N")
                         .arg(file, facts.computerName())});
        }
        targets << *target;
    }
    auto days = (*store)->schedule();
    if (!days)
        return failWith(days.error());
    const QDate asOf =
        date->isValid() ? *date : fs::model::TerminalMatch::evaluationDate(*days, QDate::currentDate());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto &[file, facts] = files.at(i);
        const fs::model::Terminal &target = targets.at(i);
        const auto a = TerminalEvaluator::evaluate(facts, {asOf, target.systemType});
        auto recorded = (*store)->recordTerminalAssessment(target.uuid, facts, QFileInfo(file).fileName(), a);
        if (!recorded)
            return failWith(recorded.error());
        out() << "terminal " << target.terminalNo << " (" << target.hostname << "): recorded\n";
        printAssessment(facts, a, asOf);
    }
    return Commands::kOk;
}

int script(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the read-only terminal collector (fieldsurvey-terminal.ps1 and its .cmd wrapper) to a\n"
        "folder, e.g. the USB stick taken to the terminals."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("The folder to write to."),
                                    QStringLiteral("folder"));
    parser.addOption(outOpt);
    if (!parse(parser, QStringLiteral("terminal script"), arguments))
        return stopStatus(parser);
    if (!parser.isSet(outOpt))
        return usage(QStringLiteral("terminal script needs --out FOLDER"), parser);
    auto written = fs::model::TerminalCollector::writeTo(parser.value(outOpt));
    if (!written)
        return failWith(written.error());
    for (const QString &path : std::as_const(*written))
        out() << path << '\n';
    out() << Qt::flush;
    return Commands::kOk;
}

} // namespace

int terminal(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("evaluate"))
        return evaluate(rest);
    if (sub == QStringLiteral("import"))
        return import(rest);
    if (sub == QStringLiteral("script"))
        return script(rest);
    err() << "fieldsurvey-cli terminal: use one of\n"
             "  terminal evaluate FILE.json [--date YYYY-MM-DD] [--system-type TEXT] [--json]\n"
             "  terminal import SURVEY.fsv FILE.json... [--terminal N] [--date YYYY-MM-DD]\n"
             "  terminal script --out FOLDER\n"
          << Qt::flush;
    return Commands::kUsageError;
}

} // namespace fs::cli
