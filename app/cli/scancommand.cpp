#include "scancommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "scanday.h"
#include "scanimporter.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace fs::cli {

namespace {

using fs::model::ConnectionPoint;
using fs::model::ScanDay;
using fs::model::ScanDayRow;
using fs::model::ScanImporter;
using fs::model::ScanImportResult;
using fs::model::SurveyStore;

Result<QList<ScanDayRow>> scanDayRows(const SurveyStore &store)
{
    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());
    auto hosts = store.scanHosts();
    if (!hosts)
        return tl::unexpected(hosts.error());
    auto ports = store.scanPorts();
    if (!ports)
        return tl::unexpected(ports.error());
    return ScanDay::rows(*lines, *hosts, *ports);
}

QJsonObject rowJson(const ScanDayRow &r)
{
    return QJsonObject{{QStringLiteral("line_no"), r.lineNo},
                       {QStringLiteral("caf_id"), r.cafId},
                       {QStringLiteral("purpose"), r.purpose},
                       {QStringLiteral("ip_assignment"), r.ipAssignment},
                       {QStringLiteral("dynamic_ip"), r.dynamicIp},
                       {QStringLiteral("global_ip"), r.declaredIp},
                       {QStringLiteral("fqdn"), r.fqdn},
                       {QStringLiteral("target"), r.target},
                       {QStringLiteral("confirmed_by"), r.confirmedBy},
                       {QStringLiteral("confirmed_at"),
                        r.confirmedAt.isValid() ? r.confirmedAt.toUTC().toString(Qt::ISODate) : QString()},
                       {QStringLiteral("state"), ScanDay::stateText(r.state)},
                       {QStringLiteral("flagged"), r.isFlagged()},
                       {QStringLiteral("hosts_scanned"), r.hostsScanned},
                       {QStringLiteral("open_ports"), r.openPorts}};
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the scan-day list: every line that asked for 脆弱性診断, the address to scan (the fixed\n"
        "global IP, or for a dynamic IP the address the hospital confirmed on the day, by whom and\n"
        "when), and whether it can be scanned. --csv writes the list for the scan team (UTF-8, Excel)."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    const QCommandLineOption csvOpt(QStringLiteral("csv"),
                                    QStringLiteral("Write CSV to this file (- for stdout)."),
                                    QStringLiteral("file"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({csvOpt, jsonOpt});
    if (!parse(parser, QStringLiteral("scan list"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("scan list needs exactly one survey file"), parser);
    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto rows = scanDayRows(**store);
    if (!rows)
        return failWith(rows.error());
    auto hospital = (*store)->hospital();
    if (!hospital)
        return failWith(hospital.error());
    if (parser.isSet(csvOpt)) {
        const QByteArray csv = ScanDay::toCsv(*rows, hospital->name);
        const QString target = parser.value(csvOpt);
        if (target == QStringLiteral("-")) {
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(csv) != csv.size())
                return failWith(Error{ErrorCode::Io, QStringLiteral("could not write to stdout")});
            return Commands::kOk;
        }
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
            return failWith(Error{ErrorCode::Io, target + QStringLiteral(": ") + file.errorString()});
        out() << "wrote " << target << " (" << rows->size() << " lines)" << Qt::endl;
        return Commands::kOk;
    }
    if (parser.isSet(jsonOpt)) {
        QJsonArray array;
        for (const ScanDayRow &r : std::as_const(*rows))
            array.append(rowJson(r));
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("hospital"), hospital->name},
                                                             {QStringLiteral("lines"), array}})
                                       .toJson())
              << Qt::flush;
        return Commands::kOk;
    }
    int flagged = 0;
    out() << hospital->name << ": " << rows->size() << " lines asked for 脆弱性診断\n";
    for (const ScanDayRow &r : std::as_const(*rows)) {
        flagged += r.isFlagged() ? 1 : 0;
        out() << (r.isFlagged() ? "! " : "  ") << r.cafId << "  回線" << r.lineNo << "  " << r.ipAssignment
              << "  " << (r.target.isEmpty() ? QStringLiteral("-") : r.target) << "  "
              << ScanDay::stateText(r.state);
        if (!r.confirmedBy.isEmpty())
            out() << "  (確認: " << r.confirmedBy << ' '
                  << r.confirmedAt.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm")) << ')';
        if (r.hostsScanned > 0)
            out() << "  scanned, " << r.openPorts << " open ports";
        out() << '\n';
    }
    if (flagged > 0)
        out() << flagged << " line(s) cannot be scanned as they stand\n";
    out() << Qt::flush;
    return Commands::kOk;
}

Result<ConnectionPoint> findLine(const SurveyStore &store, const QString &which)
{
    auto lines = store.connectionPoints();
    if (!lines)
        return tl::unexpected(lines.error());
    bool isNumber = false;
    const int number = which.toInt(&isNumber);
    for (const ConnectionPoint &cp : std::as_const(*lines)) {
        if (cp.cafId.compare(which, Qt::CaseInsensitive) == 0 || (isNumber && cp.lineNo == number))
            return cp;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("no line «%1» (give a CAF ID or a 回線No)").arg(which));
}

int confirm(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record the global IP the hospital confirmed on the scan day for a line (a dynamic IP), who\n"
        "confirmed it and when, as one audited change; scanned hosts are matched again."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("line"), QStringLiteral("CAF ID or 回線No."));
    const QCommandLineOption ipOpt(QStringLiteral("ip"), QStringLiteral("The confirmed global IP."),
                                   QStringLiteral("address"));
    const QCommandLineOption byOpt(
        QStringLiteral("by"), QStringLiteral("Who confirmed it with the hospital."), QStringLiteral("name"));
    const QCommandLineOption atOpt(QStringLiteral("at"), QStringLiteral("When (ISO 8601; default: now)."),
                                   QStringLiteral("time"));
    const QCommandLineOption clearOpt(QStringLiteral("clear"), QStringLiteral("Remove the confirmation."));
    parser.addOptions({ipOpt, byOpt, atOpt, clearOpt});
    if (!parse(parser, QStringLiteral("scan confirm"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2)
        return usage(QStringLiteral("scan confirm needs a survey file and a line"), parser);
    if (parser.isSet(clearOpt) == parser.isSet(ipOpt))
        return usage(QStringLiteral("scan confirm needs --ip ADDRESS --by NAME, or --clear"), parser);
    QDateTime at;
    if (parser.isSet(atOpt)) {
        at = QDateTime::fromString(parser.value(atOpt), Qt::ISODate);
        if (!at.isValid())
            return usage(QStringLiteral("--at must be an ISO 8601 time (2026-12-03T09:30:00+09:00)"), parser);
    }
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    auto line = findLine(**store, parser.positionalArguments().at(1));
    if (!line)
        return failWith(line.error());
    auto changes = ScanDay::confirmation(*line, parser.isSet(clearOpt) ? QString() : parser.value(ipOpt),
                                         parser.value(byOpt), at.isValid() ? at : (*store)->clock().now());
    if (!changes)
        return failWith(changes.error());
    if (auto applied = (*store)->applyChanges(*changes); !applied)
        return failWith(applied.error());
    auto rematched = ScanImporter::rematch(**store);
    if (!rematched)
        return failWith(rematched.error());
    out() << line->cafId << ": "
          << (parser.isSet(clearOpt)
                  ? QStringLiteral("confirmation removed")
                  : QStringLiteral("当日グローバルIP %1 (確認: %2)")
                        .arg(changes->at(1).value.toString(), changes->at(2).value.toString()));
    if (*rematched > 0)
        out() << "; " << *rematched << " scanned host(s) matched again";
    out() << Qt::endl;
    return Commands::kOk;
}

QJsonObject importJson(const ScanImportResult &r)
{
    QJsonArray warnings;
    for (const auto &w : r.import.warnings)
        warnings.append(QJsonObject{{QStringLiteral("code"), w.code},
                                    {QStringLiteral("where"), w.where},
                                    {QStringLiteral("detail"), w.detail}});
    QJsonArray hosts;
    for (const auto &h : r.hosts) {
        int open = 0;
        for (const auto &p : h.ports)
            open += p.isOpen() ? 1 : 0;
        hosts.append(QJsonObject{{QStringLiteral("address"), h.address},
                                 {QStringLiteral("status"), h.status},
                                 {QStringLiteral("matched_by"), h.matchedBy},
                                 {QStringLiteral("line_id"), h.connectionPointId},
                                 {QStringLiteral("ports"), int(h.ports.size())},
                                 {QStringLiteral("open_ports"), open}});
    }
    return QJsonObject{{QStringLiteral("uuid"), r.import.uuid},
                       {QStringLiteral("file"), r.import.fileName},
                       {QStringLiteral("scanner_version"), r.import.scannerVersion},
                       {QStringLiteral("scanned_at"), r.import.scannedAt},
                       {QStringLiteral("protocols"), QJsonArray::fromStringList(r.import.protocols)},
                       {QStringLiteral("hosts"), hosts},
                       {QStringLiteral("unmatched"), QJsonArray::fromStringList(r.unmatched)},
                       {QStringLiteral("open_ports"), r.import.openPortCount},
                       {QStringLiteral("warnings"), warnings}};
}

int importScans(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import nmap XML results (nmap -oX) of the lines' global IPs. Hosts are matched to lines by\n"
        "the scan-day IP, the global IP, the FQDN, then a declared address block; unmatched hosts are\n"
        "kept and reported. Each file is one transaction; a file already imported is refused."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("nmap XML files."),
                                 QStringLiteral("FILE.xml..."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(jsonOpt);
    if (!parse(parser, QStringLiteral("scan import"), arguments))
        return stopStatus(parser);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QStringLiteral("scan import needs a survey file and at least one nmap XML file"),
                     parser);
    auto store = openForEditing(positional.constFirst());
    if (!store)
        return failWith(store.error());
    QJsonArray results;
    int failures = 0;
    for (qsizetype i = 1; i < positional.size(); ++i) {
        auto result = ScanImporter::importFile(**store, positional.at(i));
        if (!result) {
            // One bad file does not stop the others; nothing of it was stored.
            err() << "error: " << fs::describe(result.error()) << Qt::endl;
            ++failures;
            continue;
        }
        if (parser.isSet(jsonOpt)) {
            results.append(importJson(*result));
            continue;
        }
        const auto &s = result->import;
        out() << s.fileName << ": nmap " << s.scannerVersion << ", " << s.hostCount << " host(s), "
              << s.matchedHostCount << " matched to lines, " << s.openPortCount << " open port(s)\n";
        for (const auto &h : std::as_const(result->hosts)) {
            if (h.connectionPointId != 0)
                out() << "  " << h.address << " → line (by " << h.matchedBy << ")\n";
        }
        for (const QString &a : std::as_const(result->unmatched))
            out() << "  " << a << " matched no line (kept and reported)\n";
        for (const auto &w : std::as_const(s.warnings))
            out() << "  warning " << w.code << ": " << w.detail << '\n';
    }
    if (parser.isSet(jsonOpt))
        out() << QString::fromUtf8(QJsonDocument(results).toJson());
    out() << Qt::flush;
    return failures == 0 ? Commands::kOk : Commands::kFailed;
}

int removeImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Remove an imported scan with its hosts and ports."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    parser.addPositionalArgument(QStringLiteral("import"),
                                 QStringLiteral("The import's uuid (scan list --json)."));
    if (!parse(parser, QStringLiteral("scan remove"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2)
        return usage(QStringLiteral("scan remove needs a survey file and an import uuid"), parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    if (auto r = (*store)->removeScanImport(parser.positionalArguments().at(1)); !r)
        return failWith(r.error());
    out() << "removed " << parser.positionalArguments().at(1) << Qt::endl;
    return Commands::kOk;
}

int imports(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the imported scans."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    if (!parse(parser, QStringLiteral("scan imports"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("scan imports needs exactly one survey file"), parser);
    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto list = (*store)->scanImports();
    if (!list)
        return failWith(list.error());
    for (const auto &s : std::as_const(*list))
        out() << s.uuid << "  " << s.fileName << "  " << s.scannedAt << "  nmap " << s.scannerVersion << "  "
              << s.hostCount << " host(s), " << s.matchedHostCount << " matched, " << s.openPortCount
              << " open  [" << s.protocols.join(QLatin1Char(',')) << "]  " << s.args << '\n';
    out() << Qt::flush;
    return Commands::kOk;
}

int rematch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Match every scanned host to the lines again (after correcting a line's addresses)."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey (.fsv)."));
    if (!parse(parser, QStringLiteral("scan rematch"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("scan rematch needs exactly one survey file"), parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    auto changed = ScanImporter::rematch(**store);
    if (!changed)
        return failWith(changed.error());
    out() << *changed << " host(s) matched differently" << Qt::endl;
    return Commands::kOk;
}

} // namespace

int scanCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("list"))
        return list(rest);
    if (sub == QStringLiteral("confirm"))
        return confirm(rest);
    if (sub == QStringLiteral("import"))
        return importScans(rest);
    if (sub == QStringLiteral("imports"))
        return imports(rest);
    if (sub == QStringLiteral("remove"))
        return removeImport(rest);
    if (sub == QStringLiteral("rematch"))
        return rematch(rest);
    err() << "usage: fieldsurvey-cli scan list|confirm|import|imports|remove|rematch SURVEY …\n"
             "  scan list SURVEY [--csv FILE|-] [--json]\n"
             "  scan confirm SURVEY LINE --ip ADDRESS --by NAME [--at TIME] | --clear\n"
             "  scan import SURVEY FILE.xml… [--json]\n"
             "  scan imports SURVEY\n"
             "  scan remove SURVEY IMPORT-UUID\n"
             "  scan rematch SURVEY"
          << Qt::endl;
    return sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")
               ? Commands::kOk
               : Commands::kUsageError;
}

} // namespace fs::cli
