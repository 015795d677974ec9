#include "reportcommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "findingsengine.h"
#include "pdfreport.h"
#include "reportdata.h"
#include "reportfont.h"
#include "surveystore.h"
#include "xlsxexport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs::cli {

namespace {

using fs::model::Finding;
using fs::model::FindingsEngine;
using fs::model::SurveyStore;
using fs::report::ReportData;

QJsonObject findingJson(const ReportData &report, const Finding &f)
{
    QJsonObject o{
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("entity"), f.targetEntity},
                                               {QStringLiteral("id"), f.targetId},
                                               {QStringLiteral("label"), report.targetLabel(f)}}},
        {QStringLiteral("status"), f.status},
        {QStringLiteral("status_label"), fs::report::labels::findingStatus(f.status)},
        {QStringLiteral("category"), f.category},
        {QStringLiteral("text"), f.text},
        {QStringLiteral("evidence"), f.evidence},
        {QStringLiteral("recommendation"), f.recommendation},
        {QStringLiteral("rule"), f.ruleId},
        {QStringLiteral("needs_confirmation"), f.needsConfirmation},
        {QStringLiteral("dismissed"), f.dismissed},
        {QStringLiteral("edited"), f.isEdited()},
        {QStringLiteral("stored"), !f.uuid.isEmpty()},
    };
    if (!f.uuid.isEmpty())
        o.insert(QStringLiteral("uuid"), f.uuid);
    if (f.dismissed) {
        o.insert(QStringLiteral("dismissed_reason"), f.dismissedReason);
        o.insert(QStringLiteral("dismissed_by"), f.dismissedBy);
    }
    return o;
}

Result<ReportData> gather(const QString &path, const QDate &date, bool refresh)
{
    if (refresh) {
        auto store = openForEditing(path);
        if (!store)
            return tl::unexpected(store.error());
        if (auto r = FindingsEngine::refresh(**store, date); !r)
            return tl::unexpected(r.error());
        return ReportData::gather(**store, date);
    }
    auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return tl::unexpected(store.error());
    return ReportData::gather(**store, date);
}

int findings(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print a survey's findings: what the rules raise from the captured facts (firmware in a\n"
        "known-exploited range, lines, devices, terminals; docs/findings-rules.md), with the\n"
        "investigator's judgment on top (edited, added and dismissed findings). Read-only unless\n"
        "--refresh, which stores the rules' findings in the survey as the app does."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption dateOpt(QStringLiteral("date"),
                                     QStringLiteral("Judge terminals on this day (default: the visit day)."),
                                     QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption refreshOpt(QStringLiteral("refresh"),
                                        QStringLiteral("Store the rules' findings in the survey."));
    parser.addOptions({jsonOpt, dateOpt, refreshOpt});
    if (!parse(parser, QStringLiteral("findings"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("findings needs exactly one survey file"), parser);
    const auto date = dateOption(parser, dateOpt);
    if (!date)
        return usage(QStringLiteral("--date must be YYYY-MM-DD"), parser);
    auto report = gather(parser.positionalArguments().constFirst(),
                         date->isValid() ? *date : QDate::currentDate(), parser.isSet(refreshOpt));
    if (!report)
        return failWith(report.error());

    if (parser.isSet(jsonOpt)) {
        QJsonArray list;
        QJsonObject counts{
            {QStringLiteral("danger"), 0}, {QStringLiteral("caution"), 0}, {QStringLiteral("none"), 0}};
        for (const Finding &f : report->findings) {
            list.append(findingJson(*report, f));
            if (f.isActive())
                counts.insert(f.status, counts.value(f.status).toInt() + 1);
        }
        const QJsonObject root{{QStringLiteral("hospital"), report->data.hospital.name},
                               {QStringLiteral("as_of"), report->asOf.toString(Qt::ISODate)},
                               {QStringLiteral("counts"), counts},
                               {QStringLiteral("findings"), list}};
        out() << QString::fromUtf8(QJsonDocument(root).toJson()) << Qt::flush;
        return Commands::kOk;
    }
    out() << report->data.hospital.name << "  (" << report->findings.size()
          << " findings, terminals judged on " << report->asOf.toString(Qt::ISODate) << ")\n";
    for (const Finding &f : report->findings) {
        out() << "  [" << fs::report::labels::findingStatus(f.status) << "] " << report->targetLabel(f)
              << "  " << f.text;
        if (f.needsConfirmation)
            out() << " (要確認)";
        if (f.dismissed)
            out() << "  — dismissed: " << f.dismissedReason;
        out() << "  {" << (f.ruleId.isEmpty() ? QStringLiteral("investigator") : f.ruleId) << "}\n";
    }
    out() << Qt::flush;
    return Commands::kOk;
}

int report(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the survey report (調査報告書) as a PDF and/or the results as an Excel workbook in the\n"
        "hospital workbook's layout. The survey is only read; findings are the stored ones with what\n"
        "the rules raise now."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"), QStringLiteral("Write the report to this PDF."),
                                    QStringLiteral("file"));
    const QCommandLineOption xlsxOpt(
        QStringLiteral("xlsx"), QStringLiteral("Write the results to this .xlsx."), QStringLiteral("file"));
    const QCommandLineOption dateOpt(QStringLiteral("date"),
                                     QStringLiteral("Judge terminals on this day (default: the visit day)."),
                                     QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption noPhotosOpt(QStringLiteral("no-photos"),
                                         QStringLiteral("Leave out the photo appendix."));
    parser.addOptions({pdfOpt, xlsxOpt, dateOpt, noPhotosOpt});
    if (!parse(parser, QStringLiteral("report"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("report needs exactly one survey file"), parser);
    if (!parser.isSet(pdfOpt) && !parser.isSet(xlsxOpt))
        return usage(QStringLiteral("report needs --pdf FILE, --xlsx FILE or both"), parser);
    const auto date = dateOption(parser, dateOpt);
    if (!date)
        return usage(QStringLiteral("--date must be YYYY-MM-DD"), parser);

    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    QElapsedTimer timer;
    timer.start();
    auto data = ReportData::gather(**store, date->isValid() ? *date : QDate::currentDate());
    if (!data)
        return failWith(data.error());
    if (parser.isSet(pdfOpt)) {
        if (!fs::report::ReportFont::isDerived())
            err() << "warning: the report font was not found; using the system's Noto Sans CJK JP"
                  << Qt::endl;
        fs::report::PdfReportOptions options;
        options.includePhotos = !parser.isSet(noPhotosOpt);
        auto written = fs::report::PdfReport::write(**store, *data, parser.value(pdfOpt), options);
        if (!written)
            return failWith(written.error());
        out() << "wrote " << parser.value(pdfOpt) << " (" << written->pageCount << " pages, "
              << written->photoCount << " photos, " << written->floorPlanCount << " floor plans)\n";
    }
    if (parser.isSet(xlsxOpt)) {
        if (auto r = fs::report::XlsxExport::write(data->data, data->findings, parser.value(xlsxOpt)); !r)
            return failWith(r.error());
        out() << "wrote " << parser.value(xlsxOpt) << '\n';
    }
    out() << "in " << timer.elapsed() << " ms" << Qt::endl;
    return Commands::kOk;
}

} // namespace

int findingsCommand(const QStringList &arguments)
{
    return findings(arguments);
}

int reportCommand(const QStringList &arguments)
{
    return report(arguments);
}

} // namespace fs::cli
