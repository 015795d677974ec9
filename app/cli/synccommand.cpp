#include "synccommand.h"

#include "actor.h"
#include "clicommands.h"
#include "clisupport.h"
#include "fieldmapping.h"
#include "kintoneclient.h"
#include "portalconfig.h"
#include "portaldirectory.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <functional>

namespace fs::cli {

namespace {

const QCommandLineOption &portalOption()
{
    static const QCommandLineOption option(
        QStringLiteral("portal"), QStringLiteral("The portal configuration (JSON; never holds a secret)."),
        QStringLiteral("CONFIG.json"));
    return option;
}

const QCommandLineOption &stdinOption()
{
    static const QCommandLineOption option(
        QStringLiteral("secrets-stdin"),
        QStringLiteral(
            "Read the secrets from standard input: the certificate passphrase on the first line (when "
            "the configuration names a client certificate), then the password or API token."));
    return option;
}

const char kSecretsHelp[] =
    "Secrets are asked for on the terminal without echo, or read from standard input with --secrets-stdin\n"
    "(or when standard input is not a terminal); never from the command line or the configuration file.";

struct Portal
{
    fs::sync::PortalConfig config;
    fs::sync::FieldMapping mapping;
};

fs::Result<Portal> loadPortal(const QCommandLineParser &parser)
{
    if (!parser.isSet(portalOption()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("--portal CONFIG.json is required"));
    auto config = fs::sync::PortalConfig::load(parser.value(portalOption()));
    if (!config)
        return tl::unexpected(config.error());
    auto mapping = config->mappingFile.isEmpty() ? fs::sync::FieldMapping::builtIn()
                                                 : fs::sync::FieldMapping::load(config->mappingFile);
    if (!mapping)
        return tl::unexpected(mapping.error());
    return Portal{*config, *mapping};
}

// The client, with the secrets read now and handed over (they are wiped when it goes).
fs::Result<std::unique_ptr<fs::sync::KintoneClient>> connectClient(const fs::sync::PortalConfig &config,
                                                                   bool fromStdin)
{
    fs::sync::PortalCredentials credentials;
    if (!config.clientCertificate.isEmpty())
        credentials.passphrase = readSecretLine(QStringLiteral("Certificate passphrase: "), fromStdin);
    if (config.auth == fs::sync::PortalConfig::Auth::Password)
        credentials.password =
            readSecretLine(QStringLiteral("Password for %1: ").arg(config.login), fromStdin);
    else
        credentials.apiToken = readSecretLine(QStringLiteral("API token: "), fromStdin);
    auto client = std::make_unique<fs::sync::KintoneClient>(config);
    if (auto c = client->setCredentials(std::move(credentials)); !c)
        return tl::unexpected(c.error());
    return client;
}

// Runs work on the portal's hospital list, through a client with the secrets just read.
int withDirectory(const QCommandLineParser &parser,
                  const std::function<int(fs::sync::PortalDirectory &)> &work)
{
    auto portal = loadPortal(parser);
    if (!portal)
        return failWith(portal.error());
    auto client = connectClient(portal->config, parser.isSet(stdinOption()));
    if (!client)
        return failWith(client.error());
    fs::sync::PortalDirectory directory(**client, portal->mapping);
    return work(directory);
}

int printHospitals(fs::sync::PortalDirectory &directory, bool json);
int downloadWorkbook(fs::sync::PortalDirectory &directory, const QString &code, const QString &path);

int listConflicts(fs::model::SurveyStore &store)
{
    auto conflicts = store.syncConflicts(false);
    if (!conflicts)
        return failWith(conflicts.error());
    for (const fs::model::SyncConflict &k : *conflicts) {
        out() << k.id << '\t' << (k.open ? "open" : "resolved") << '\t' << k.entity << '\t' << k.uuid << '\t'
              << k.fieldCode << "\tbase=" << k.baseValue << "\there=" << k.localValue
              << "\tportal=" << k.portalValue << " (" << k.portalModifier << ')';
        if (!k.open)
            out() << "\tkept " << k.resolution << " by " << k.resolvedBy;
        out() << '\n';
    }
    out() << conflicts->size() << " conflict(s)" << Qt::endl;
    return Commands::kOk;
}

int schema(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the portal apps' form fields for the field mapping, in the form kintone's "
                       "form-fields API takes\n"
                       "(POST /k/v1/preview/app/form/fields.json), so that the office can create the apps."));
    const QCommandLineOption mappingOption(
        QStringLiteral("mapping"), QStringLiteral("A field mapping (JSON); default: the built-in one."),
        QStringLiteral("MAPPING.json"));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("surveys (default) or hospitals."),
                                       QStringLiteral("APP"), QStringLiteral("surveys"));
    parser.addOption(mappingOption);
    parser.addOption(appOption);
    if (!parse(parser, QStringLiteral("portal schema"), arguments))
        return stopStatus(parser);
    auto mapping = parser.isSet(mappingOption) ? fs::sync::FieldMapping::load(parser.value(mappingOption))
                                               : fs::sync::FieldMapping::builtIn();
    if (!mapping)
        return failWith(mapping.error());
    const QString app = parser.value(appOption);
    if (app != QStringLiteral("surveys") && app != QStringLiteral("hospitals"))
        return usage(QStringLiteral("--app is surveys or hospitals"), parser);
    const QJsonObject fields =
        app == QStringLiteral("surveys") ? mapping->surveyFormFields() : mapping->hospitalFormFields();
    out() << QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Indented)) << Qt::flush;
    return Commands::kOk;
}

int hospitals(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the hospitals on the portal, with their submissions.\n") +
        QString::fromLatin1(kSecretsHelp));
    parser.addOption(portalOption());
    parser.addOption(stdinOption());
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(jsonOption);
    if (!parse(parser, QStringLiteral("portal hospitals"), arguments))
        return stopStatus(parser);
    return withDirectory(parser, [&](fs::sync::PortalDirectory &directory) {
        return printHospitals(directory, parser.isSet(jsonOption));
    });
}

int printHospitals(fs::sync::PortalDirectory &directory, bool json)
{
    auto list = directory.hospitals();
    if (!list)
        return failWith(list.error().toError());
    if (json) {
        QJsonArray array;
        for (const fs::sync::PortalHospital &h : *list)
            array.append(QJsonObject{{QStringLiteral("id"), h.recordId},
                                     {QStringLiteral("code"), h.code},
                                     {QStringLiteral("name"), h.name},
                                     {QStringLiteral("prefecture"), h.prefecture},
                                     {QStringLiteral("fiscalYear"), h.fiscalYear},
                                     {QStringLiteral("workbook"), h.workbookName},
                                     {QStringLiteral("workbookBytes"), double(h.workbookSize)}});
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Commands::kOk;
    }
    for (const fs::sync::PortalHospital &h : *list)
        out() << h.code << '\t' << h.name << '\t' << h.prefecture << '\t'
              << (h.workbookName.isEmpty() ? QStringLiteral("(not submitted)") : h.workbookName) << '\n';
    out() << list->size() << " hospital(s)" << Qt::endl;
    return Commands::kOk;
}

int workbook(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Download a hospital's submitted workbook (別紙2-1); then `fieldsurvey-cli import` reads it.\n") +
        QString::fromLatin1(kSecretsHelp));
    parser.addOption(portalOption());
    parser.addOption(stdinOption());
    const QCommandLineOption hospitalOption(QStringLiteral("hospital"),
                                            QStringLiteral("The hospital's code."), QStringLiteral("CODE"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Where to write the workbook (.xlsx)."),
                                       QStringLiteral("FILE"));
    parser.addOption(hospitalOption);
    parser.addOption(outOption);
    if (!parse(parser, QStringLiteral("portal workbook"), arguments))
        return stopStatus(parser);
    if (!parser.isSet(hospitalOption) || !parser.isSet(outOption))
        return usage(QStringLiteral("--hospital CODE and --out FILE are required"), parser);
    return withDirectory(parser, [&](fs::sync::PortalDirectory &directory) {
        return downloadWorkbook(directory, parser.value(hospitalOption), parser.value(outOption));
    });
}

int downloadWorkbook(fs::sync::PortalDirectory &directory, const QString &code, const QString &path)
{
    auto hospital = directory.hospital(code);
    if (!hospital)
        return failWith(hospital.error().toError());
    auto size = directory.downloadWorkbook(*hospital, path);
    if (!size)
        return failWith(size.error().toError());
    out() << "wrote " << path << " (" << hospital->workbookName << ", " << *size << " bytes) for "
          << hospital->name << Qt::endl;
    return Commands::kOk;
}

} // namespace

int syncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Send a survey's unsent changes and photos to the portal and take the portal's changes, review\n"
            "comments and decisions back. Safe to repeat and to interrupt: nothing is sent twice, nothing\n"
            "unconfirmed is forgotten. A field changed both here and on the portal is held as a conflict\n"
            "until decided (--conflicts lists them; --resolve ID --keep local|portal decides).\n") +
        QString::fromLatin1(kSecretsHelp));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file (.fsv)."));
    parser.addOption(portalOption());
    parser.addOption(stdinOption());
    const QCommandLineOption conflictsOption(QStringLiteral("conflicts"),
                                             QStringLiteral("List the conflicts (no network)."));
    const QCommandLineOption resolveOption(QStringLiteral("resolve"), QStringLiteral("Decide conflict ID."),
                                           QStringLiteral("ID"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("local or portal (with --resolve)."), QStringLiteral("SIDE"));
    parser.addOption(conflictsOption);
    parser.addOption(resolveOption);
    parser.addOption(keepOption);
    if (!parse(parser, QStringLiteral("sync"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("sync needs exactly one survey file"), parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    if (parser.isSet(conflictsOption))
        return listConflicts(**store);
    if (parser.isSet(resolveOption)) {
        const QString keep = parser.value(keepOption);
        if (keep != QStringLiteral("local") && keep != QStringLiteral("portal"))
            return usage(QStringLiteral("--resolve needs --keep local or --keep portal"), parser);
        bool ok = false;
        const qint64 id = parser.value(resolveOption).toLongLong(&ok);
        if (!ok)
            return usage(QStringLiteral("--resolve takes a conflict id (see --conflicts)"), parser);
        if (auto r = (*store)->resolveConflict(id, keep == QStringLiteral("local")); !r)
            return failWith(r.error());
        out() << "conflict " << id << ": kept the " << keep << " value; the next sync sends it" << Qt::endl;
        return Commands::kOk;
    }
    auto portal = loadPortal(parser);
    if (!portal)
        return failWith(portal.error());
    auto client = connectClient(portal->config, parser.isSet(stdinOption()));
    if (!client)
        return failWith(client.error());
    fs::sync::SyncEngine engine(**store, **client, portal->mapping);
    int lastPercent = -1;
    QObject::connect(&engine, &fs::sync::SyncEngine::progress, &engine,
                     [&lastPercent](const fs::sync::SyncProgress &p) {
                         if (p.step != QStringLiteral("upload") || p.bytesTotal <= 0)
                             return;
                         const int percent = int(p.bytesDone * 100 / p.bytesTotal);
                         if (percent / 10 != lastPercent / 10) {
                             err() << "upload " << p.itemsDone << '/' << (p.itemsTotal - 1) << " files, "
                                   << QLocale::c().formattedDataSize(p.bytesDone) << " of "
                                   << QLocale::c().formattedDataSize(p.bytesTotal) << Qt::endl;
                             lastPercent = percent;
                         }
                     });
    auto report = engine.run();
    if (!report) {
        auto pending = (*store)->pendingChangeCount();
        err() << "sync failed; " << (pending ? *pending : -1) << " change(s) stay queued" << Qt::endl;
        return failWith(report.error());
    }
    auto pending = (*store)->pendingChangeCount();
    out() << "portal record " << report->recordId << " revision " << report->revision
          << (report->created  ? " (created)"
              : report->pushed ? " (updated)"
                               : " (already up to date)")
          << '\n'
          << "files sent: " << report->uploaded << ", kept from an interrupted sync: " << report->reused
          << '\n'
          << "portal changes taken: " << report->pulled
          << ", rows the portal removed: " << report->removedHere << '\n'
          << "new review comments: " << report->newComments << '\n'
          << "open conflicts: " << report->conflicts << '\n'
          << "unsynced changes: " << (pending ? *pending : -1) << Qt::endl;
    return report->conflicts > 0 ? Commands::kFailed : Commands::kOk;
}

int portalCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("schema"))
        return schema(rest);
    if (sub == QStringLiteral("hospitals"))
        return hospitals(rest);
    if (sub == QStringLiteral("workbook"))
        return workbook(rest);
    err() << "usage: fieldsurvey-cli portal schema [--app surveys|hospitals] [--mapping FILE]\n"
          << "       fieldsurvey-cli portal hospitals --portal CONFIG.json [--json] [--secrets-stdin]\n"
          << "       fieldsurvey-cli portal workbook --portal CONFIG.json --hospital CODE --out FILE.xlsx "
             "[--secrets-stdin]"
          << Qt::endl;
    return Commands::kUsageError;
}

} // namespace fs::cli
