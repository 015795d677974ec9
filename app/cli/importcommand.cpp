#include "importcommand.h"

#include "actor.h"
#include "clicommands.h"
#include "clisupport.h"
#include "surveystore.h"
#include "workbookimporter.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace fs::cli {

namespace {

void printSummary(const fs::model::WorkbookImport &result)
{
    const auto &d = result.data;
    int devices = 0;
    for (const auto &line : d.connectionPoints)
        devices += int(line.devices.size());
    int pins = 0;
    for (const auto &plan : d.floorPlans)
        pins += int(plan.pins.size());
    out() << d.hospital.name << " (" << d.hospital.code << ")\n"
          << "lines: " << d.connectionPoints.size() << ", devices: " << devices
          << ", terminals: " << d.terminals.size() << ", contacts: " << d.contacts.size()
          << ", floor plans: " << d.floorPlans.size() << ", pins: " << pins << '\n';
    if (result.passwordSheetIgnored)
        out() << "the account/password sheet was ignored: nothing from it was read or stored\n";
    out() << "warnings: " << d.importWarnings.size() << '\n';
    for (const auto &w : d.importWarnings)
        out() << "  " << w.code << "  " << (w.where.isEmpty() ? QStringLiteral("-") : w.where) << "  "
              << w.detail << '\n';
    out() << Qt::flush;
}

} // namespace

int importWorkbook(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a hospital's workbook (別紙2-1 .xlsx) into a new survey file, or check it with --dry-run.\n"
        "Problems in the workbook are listed as warnings (code, sheet!cell, detail); a file that is\n"
        "not a readable 別紙2-1 is refused with exit status 1 and no survey is created."));
    parser.addPositionalArgument(QStringLiteral("workbook"), QStringLiteral("The workbook (.xlsx)."));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("The survey file to create (.fsv)."), QStringLiteral("survey"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"), QStringLiteral("Read, map and validate everything; store nothing."));
    parser.addOptions({outOption, dryRunOption});
    if (!parse(parser, QStringLiteral("import"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("import needs exactly one workbook"), parser);
    if (parser.isSet(outOption) == parser.isSet(dryRunOption))
        return usage(QStringLiteral("import needs either --out SURVEY.fsv or --dry-run"), parser);
    const QString workbook = parser.positionalArguments().constFirst();
    const QString survey = parser.value(outOption);
    if (!survey.isEmpty() && QFileInfo::exists(survey))
        return failWith({ErrorCode::Io, QStringLiteral("%1 exists already; not overwriting it").arg(survey)});

    fs::model::WorkbookImporter::Options options;
    options.loadImages = !parser.isSet(dryRunOption);
    auto result = fs::model::WorkbookImporter::read(workbook, options);
    if (!result)
        return failWith(result.error());
    if (parser.isSet(dryRunOption)) {
        printSummary(*result);
        return Commands::kOk;
    }

    auto store = fs::model::SurveyStore::createWith(survey, result->data, fs::model::defaultActor());
    if (!store)
        return failWith(store.error());
    store->reset();
    printSummary(*result);
    out() << "wrote " << survey << Qt::endl;
    return Commands::kOk;
}

} // namespace fs::cli
