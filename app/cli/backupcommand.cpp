#include "backupcommand.h"

#include "backupclassifier.h"
#include "backupjson.h"
#include "clicommands.h"
#include "clisupport.h"
#include "csvtext.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

namespace fs::cli {

namespace {

using fs::model::BackupAssessment;
using fs::model::BackupClassifier;
using fs::model::BackupFlag;
using fs::model::BackupJson;
using fs::model::BackupOptions;
using fs::model::BackupQuestionnaire;
using fs::model::FieldChange;
using fs::model::FieldRef;
using fs::model::SupportClass;
using fs::model::SurveyStore;

QDate today()
{
    return QDate::currentDate();
}

Result<BackupQuestionnaire> readAnswers(const QString &path)
{
    QFile file(path);
    if (file.size() > BackupJson::kMaxInputBytes)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: %2 bytes is more than the %3 an answers file may have")
                        .arg(path)
                        .arg(file.size())
                        .arg(BackupJson::kMaxInputBytes));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, path + QStringLiteral(": ") + file.errorString());
    return BackupJson::fromJson(file.read(BackupJson::kMaxInputBytes + 1), path);
}

void printAssessment(const BackupQuestionnaire &q, const BackupAssessment &a)
{
    out() << "支援区分: " << BackupOptions::classLabel(a.effective) << "  ("
          << BackupOptions::classSupport(a.effective) << ")\n";
    if (a.overridden)
        out() << "  算定結果 " << BackupOptions::classLabel(a.computed)
              << " → 事務局判断: " << q.overrideReason
              << (q.overrideBy.isEmpty() ? QString() : QStringLiteral("（%1）").arg(q.overrideBy)) << '\n';
    out() << "理由:\n";
    for (const QString &r : a.reasons)
        out() << "  - " << r << '\n';
    if (!a.missing.isEmpty())
        out() << "未回答: " << a.missing.join(QStringLiteral("、")) << '\n';
    if (!a.copies.isEmpty()) {
        out() << "現在のバックアップ:\n";
        for (qsizetype i = 0; i < a.copies.size(); ++i) {
            const auto &c = q.copies[i];
            out() << "  No." << a.copies[i].number << "  "
                  << BackupOptions::label(QStringLiteral("target_system"), c.targetSystem) << "  "
                  << BackupOptions::label(QStringLiteral("method"), c.method) << "  "
                  << BackupOptions::label(QStringLiteral("separation"), c.separation) << "  → "
                  << BackupClassifier::offlineLabel(a.copies[i].offline) << "（" << a.copies[i].reason
                  << "）\n";
        }
    }
    for (const BackupFlag &f : a.flags)
        out() << (f.kind == BackupFlag::Kind::Contradiction ? "【矛盾】" : "【要確認】") << f.text << '\n';
    if (!a.checklist.isEmpty()) {
        out() << "病院が行うこと:\n";
        for (const auto &l : a.checklist) {
            out() << "  [" << BackupOptions::label(QStringLiteral("state"), l.state) << "] " << l.text;
            if (!l.reason.isEmpty())
                out() << "（" << l.reason << "）";
            out() << "  {" << l.key << "}\n";
        }
    }
    out() << Qt::flush;
}

int printResult(const BackupQuestionnaire &q, bool json)
{
    const BackupAssessment a = BackupClassifier::assess(q, today());
    if (json) {
        QJsonObject o = BackupJson::toJson(q);
        o.insert(QStringLiteral("assessment"), BackupJson::assessmentJson(a));
        out() << QString::fromUtf8(QJsonDocument(o).toJson()) << Qt::flush;
    } else {
        printAssessment(q, a);
    }
    return Commands::kOk;
}

int classify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Classify a filled offline-backup questionnaire (an answers file, see docs/backup.md) without a\n"
        "survey: prints the support class (支援A/B/C, 報告のみ, 対象外, 未判定) with its reasons, the\n"
        "contradictions and checks, each copy's offline judgement and the hospital's checklist."));
    parser.addPositionalArgument(QStringLiteral("answers"), QStringLiteral("The answers file (.json)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(jsonOpt);
    if (!parse(parser, QStringLiteral("backup classify"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("backup classify needs exactly one answers file"), parser);
    auto q = readAnswers(parser.positionalArguments().constFirst());
    if (!q)
        return failWith(q.error());
    return printResult(*q, parser.isSet(jsonOpt));
}

int show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print a survey's offline-backup questionnaire and its class."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON (an answers file)."));
    parser.addOption(jsonOpt);
    if (!parse(parser, QStringLiteral("backup show"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("backup show needs exactly one survey file"), parser);
    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto q = (*store)->backupQuestionnaire();
    if (!q)
        return failWith(q.error());
    return printResult(*q, parser.isSet(jsonOpt));
}

int answer(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Store a filled questionnaire (an answers file) in a survey, in one transaction: every answer,\n"
        "the backup copies (replacing the current ones) and the checklist items it names."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("answers"), QStringLiteral("The answers file (.json)."));
    if (!parse(parser, QStringLiteral("backup answer"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2)
        return usage(QStringLiteral("backup answer needs a survey file and an answers file"), parser);
    auto answers = readAnswers(parser.positionalArguments().at(1));
    if (!answers)
        return failWith(answers.error());
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    if (auto r = (*store)->setBackupAnswers(*answers); !r)
        return failWith(r.error());
    auto q = (*store)->backupQuestionnaire();
    if (!q)
        return failWith(q.error());
    return printResult(*q, false);
}

int overrideClass(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record the office's decision when it differs from the computed class (audited, synced), or\n"
        "remove it with --clear. A decision needs its reason."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    const QCommandLineOption classOpt(
        QStringLiteral("class"),
        QStringLiteral("支援A, 支援B, 支援C, 報告のみ or 対象外 (or A, B, C, support_a …)."),
        QStringLiteral("class"));
    const QCommandLineOption reasonOpt(QStringLiteral("reason"), QStringLiteral("Why the office decided so."),
                                       QStringLiteral("text"));
    const QCommandLineOption clearOpt(QStringLiteral("clear"),
                                      QStringLiteral("Go back to the computed class."));
    const QCommandLineOption actorOpt(QStringLiteral("actor"),
                                      QStringLiteral("Who decided, for the record (default: $USER)."),
                                      QStringLiteral("name"));
    parser.addOptions({classOpt, reasonOpt, clearOpt, actorOpt});
    if (!parse(parser, QStringLiteral("backup override"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("backup override needs exactly one survey file"), parser);
    if (parser.isSet(clearOpt) == parser.isSet(classOpt))
        return usage(QStringLiteral("give either --class with --reason, or --clear"), parser);
    std::optional<SupportClass> chosen;
    if (parser.isSet(classOpt)) {
        chosen = BackupOptions::parseClass(parser.value(classOpt));
        if (!chosen)
            return usage(QStringLiteral("«%1» is not a class (支援A, 支援B, 支援C, 報告のみ, 対象外)")
                             .arg(parser.value(classOpt)),
                         parser);
        if (parser.value(reasonOpt).trimmed().isEmpty())
            return usage(QStringLiteral("a class decided by the office needs --reason"), parser);
    }
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    if (parser.isSet(actorOpt))
        (*store)->setActor(parser.value(actorOpt));
    auto q = (*store)->backupQuestionnaire();
    if (!q)
        return failWith(q.error());
    const QList<FieldChange> changes = BackupClassifier::overrideChanges(
        q->uuid, chosen.value_or(SupportClass::Unclassified), parser.value(reasonOpt), (*store)->actor(),
        (*store)->clock().now());
    if (auto r = (*store)->applyChanges(changes); !r)
        return failWith(r.error());
    auto after = (*store)->backupQuestionnaire();
    if (!after)
        return failWith(after.error());
    return printResult(*after, false);
}

int task(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set the state of an item of the hospital's checklist: open (未完了), done (完了) or\n"
                       "not_needed (不要, needs --reason). Items: ") +
        BackupClassifier::allTaskKeys().join(QStringLiteral(", ")));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("item"), QStringLiteral("The item key."));
    const QCommandLineOption stateOpt(QStringLiteral("state"), QStringLiteral("open, done or not_needed."),
                                      QStringLiteral("state"));
    const QCommandLineOption reasonOpt(
        QStringLiteral("reason"), QStringLiteral("Why (needed for not_needed)."), QStringLiteral("text"));
    parser.addOptions({stateOpt, reasonOpt});
    if (!parse(parser, QStringLiteral("backup task"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2 || !parser.isSet(stateOpt))
        return usage(QStringLiteral("backup task needs a survey file, an item and --state"), parser);
    const auto state = BackupOptions::parse(QStringLiteral("state"), parser.value(stateOpt));
    if (!state)
        return usage(QStringLiteral("«%1» is not open, done or not_needed").arg(parser.value(stateOpt)),
                     parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    const QString item = parser.positionalArguments().at(1);
    auto stateRef = (*store)->resolvePath(QStringLiteral("backup.task.%1.state").arg(item));
    if (!stateRef)
        return failWith(stateRef.error());
    FieldRef reasonRef = *stateRef;
    reasonRef.field = QStringLiteral("reason");
    if (auto r =
            (*store)->applyChanges({{*stateRef, *state}, {reasonRef, parser.value(reasonOpt).trimmed()}});
        !r)
        return failWith(r.error());
    out() << item << ": " << BackupOptions::label(QStringLiteral("state"), *state) << Qt::endl;
    return Commands::kOk;
}

// The portfolio view of many surveys: the class of each and the count per class.
int summary(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Count the support classes over many surveys (a team lead's portfolio): one line per hospital\n"
        "and the count per class. --csv writes the list (UTF-8 with BOM, for Excel)."));
    parser.addPositionalArgument(QStringLiteral("surveys"), QStringLiteral("Survey files (.fsv)."),
                                 QStringLiteral("SURVEY..."));
    const QCommandLineOption csvOpt(QStringLiteral("csv"), QStringLiteral("Write CSV to this file."),
                                    QStringLiteral("file"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({csvOpt, jsonOpt});
    if (!parse(parser, QStringLiteral("backup summary"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("backup summary needs at least one survey file"), parser);

    QMap<int, int> counts;
    QJsonArray hospitals;
    QStringList csv{
        QStringLiteral("医療機関コード,医療機関,支援区分,算定結果,事務局判断の理由,矛盾,要確認,ファイル")};
    const auto cell = [](const QString &text) {
        return fs::model::CsvText::cell(text, fs::model::CsvText::Quote::Always);
    };
    int failures = 0;
    for (const QString &path : parser.positionalArguments()) {
        auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
        if (!store) {
            err() << "error: " << fs::describe(store.error()) << Qt::endl;
            ++failures;
            continue;
        }
        auto hospital = (*store)->hospital();
        auto q = (*store)->backupQuestionnaire();
        if (!hospital || !q) {
            err() << "error: " << fs::describe(!hospital ? hospital.error() : q.error()) << Qt::endl;
            ++failures;
            continue;
        }
        const BackupAssessment a = BackupClassifier::assess(*q, today());
        counts[int(a.effective)] += 1;
        const int checks = int(a.flags.size()) - a.contradictionCount();
        hospitals.append(
            QJsonObject{{QStringLiteral("file"), path},
                        {QStringLiteral("code"), hospital->code},
                        {QStringLiteral("hospital"), hospital->name},
                        {QStringLiteral("class"), fs::model::kSupportClassKeys.key(a.effective)},
                        {QStringLiteral("class_label"), BackupOptions::classLabel(a.effective)},
                        {QStringLiteral("computed_class_label"), BackupOptions::classLabel(a.computed)},
                        {QStringLiteral("overridden"), a.overridden},
                        {QStringLiteral("contradictions"), a.contradictionCount()},
                        {QStringLiteral("checks"), checks}});
        csv << QStringList{cell(hospital->code),
                           cell(hospital->name),
                           cell(BackupOptions::classLabel(a.effective)),
                           cell(BackupOptions::classLabel(a.computed)),
                           cell(a.overridden ? q->overrideReason : QString()),
                           QString::number(a.contradictionCount()),
                           QString::number(checks),
                           cell(path)}
                   .join(QLatin1Char(','));
        if (!parser.isSet(jsonOpt) && !parser.isSet(csvOpt))
            out() << BackupOptions::classLabel(a.effective) << (a.overridden ? "*" : "") << "  "
                  << hospital->name
                  << (a.contradictionCount() > 0 ? QStringLiteral("  矛盾 %1").arg(a.contradictionCount())
                                                 : QString())
                  << "  " << path << '\n';
    }
    const QList<SupportClass> order = {SupportClass::SupportA,      SupportClass::SupportB,
                                       SupportClass::SupportC,      SupportClass::ReportOnly,
                                       SupportClass::NotApplicable, SupportClass::Unclassified};
    QJsonObject countJson;
    QStringList countText;
    for (SupportClass c : order) {
        countJson.insert(BackupOptions::classLabel(c), counts.value(int(c)));
        countText << QStringLiteral("%1 %2").arg(BackupOptions::classLabel(c)).arg(counts.value(int(c)));
    }
    if (parser.isSet(csvOpt)) {
        const QByteArray bytes = fs::model::CsvText::document(csv);
        QSaveFile file(parser.value(csvOpt));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return failWith(
                Error{ErrorCode::Io, parser.value(csvOpt) + QStringLiteral(": ") + file.errorString()});
        out() << "wrote " << parser.value(csvOpt) << " (" << hospitals.size() << " hospitals)\n";
    }
    if (parser.isSet(jsonOpt))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("hospitals"), hospitals},
                                                             {QStringLiteral("counts"), countJson}})
                                       .toJson());
    else
        out() << "計 " << hospitals.size() << " 病院: " << countText.join(QStringLiteral(" / ")) << '\n';
    out() << Qt::flush;
    return failures > 0 ? Commands::kFailed : Commands::kOk;
}

} // namespace

int backupCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("show"))
        return show(rest);
    if (sub == QStringLiteral("classify"))
        return classify(rest);
    if (sub == QStringLiteral("answer"))
        return answer(rest);
    if (sub == QStringLiteral("override"))
        return overrideClass(rest);
    if (sub == QStringLiteral("task"))
        return task(rest);
    if (sub == QStringLiteral("summary"))
        return summary(rest);
    err() << "usage: fieldsurvey-cli backup show|classify|answer|override|task|summary …\n"
             "  backup show SURVEY [--json]\n"
             "  backup classify ANSWERS.json [--json]\n"
             "  backup answer SURVEY ANSWERS.json\n"
             "  backup override SURVEY --class 支援B --reason TEXT | --clear\n"
             "  backup task SURVEY ITEM --state open|done|not_needed [--reason TEXT]\n"
             "  backup summary SURVEY… [--csv FILE] [--json]\n"
             "Single answers: fieldsurvey-cli set SURVEY backup.new_server=this_fiscal_year "
             "backup.copy.1.separation=physically_disconnected"
          << Qt::endl;
    return sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")
               ? Commands::kOk
               : Commands::kUsageError;
}

} // namespace fs::cli
