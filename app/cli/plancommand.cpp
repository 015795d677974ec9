#include "plancommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "photoexport.h"
#include "photoimport.h"
#include "planfile.h"
#include "plansource.h"
#include "surveystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace fs::cli {

namespace {

using fs::model::Entity;
using fs::model::FieldChange;
using fs::model::FloorPlan;
using fs::model::Photo;
using fs::model::PhotoTarget;
using fs::model::Pin;
using fs::model::SurveyStore;

// A plan by its number (1-based, in order) or uuid.
Result<FloorPlan> findPlan(const SurveyStore &store, const QString &key)
{
    auto plans = store.floorPlans();
    if (!plans)
        return tl::unexpected(plans.error());
    bool isNumber = false;
    const int n = key.toInt(&isNumber);
    for (qsizetype i = 0; i < plans->size(); ++i) {
        if ((isNumber && n == i + 1) || (*plans)[i].uuid == key)
            return (*plans)[i];
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("no floor plan «%1» (the survey has %2)").arg(key).arg(plans->size()));
}

// A pin by PLAN.N (N counts the plan's pins from 1) or uuid.
Result<Pin> findPin(const SurveyStore &store, const QString &key)
{
    auto plans = store.floorPlans();
    if (!plans)
        return tl::unexpected(plans.error());
    const QStringList parts = key.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < plans->size(); ++i) {
        const QList<Pin> &pins = (*plans)[i].pins;
        for (qsizetype j = 0; j < pins.size(); ++j) {
            const bool byNumber = parts.size() == 2 && parts[0].toInt() == i + 1 && parts[1].toInt() == j + 1;
            if (byNumber || pins[j].uuid == key)
                return pins[j];
        }
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("no pin «%1» (write PLAN.N, e.g. 1.3, or its uuid)").arg(key));
}

Result<Photo> findPhoto(const SurveyStore &store, const QString &key)
{
    auto photos = store.photos();
    if (!photos)
        return tl::unexpected(photos.error());
    bool isNumber = false;
    const int n = key.toInt(&isNumber);
    for (qsizetype i = 0; i < photos->size(); ++i) {
        if ((isNumber && n == i + 1) || (*photos)[i].uuid == key)
            return (*photos)[i];
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("no photo «%1» (the survey has %2)").arg(key).arg(photos->size()));
}

// "0.25,0.6": a point on the plan, 0..1 from its top-left.
std::optional<QPointF> parsePoint(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 2)
        return std::nullopt;
    bool okX = false;
    bool okY = false;
    const double x = parts[0].trimmed().toDouble(&okX);
    const double y = parts[1].trimmed().toDouble(&okY);
    if (!okX || !okY || x < 0 || x > 1 || y < 0 || y > 1)
        return std::nullopt;
    return QPointF(x, y);
}

// A target as the user writes it; pin:PLAN.N is resolved to the pin's uuid first.
Result<PhotoTarget> resolveTarget(const SurveyStore &store, const QString &target)
{
    if (target.startsWith(QStringLiteral("pin:"))) {
        auto pin = findPin(store, target.mid(4));
        if (!pin)
            return tl::unexpected(pin.error());
        return store.resolveTarget(QStringLiteral("pin:") + pin->uuid);
    }
    return store.resolveTarget(target);
}

QList<FieldChange> targetChanges(Entity entity, const QString &uuid, const PhotoTarget &target)
{
    const bool none = target.entity.isEmpty();
    return {{{entity, uuid, QStringLiteral("target_entity")}, none ? QVariant() : QVariant(target.entity)},
            {{entity, uuid, QStringLiteral("target_id")}, none ? QVariant() : QVariant(target.id)}};
}

int applyOrFail(SurveyStore &store, const QList<FieldChange> &changes)
{
    if (auto r = store.applyChanges(changes); !r)
        return failWith(r.error());
    return Commands::kOk;
}

// A listing command whose one argument is the survey: parses it and opens the survey read-only.
// Null when the command stops (help, usage error, a survey that cannot be opened), with *status
// set to the exit status.
std::unique_ptr<SurveyStore> listedSurvey(const QString &command, const QString &description,
                                          const QStringList &arguments, int *status)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    if (!parse(parser, command, arguments)) {
        *status = stopStatus(parser);
        return nullptr;
    }
    if (parser.positionalArguments().size() != 1) {
        *status = usage(command + QStringLiteral(" needs the survey"), parser);
        return nullptr;
    }
    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store) {
        *status = failWith(store.error());
        return nullptr;
    }
    return std::move(*store);
}

int planList(const QStringList &arguments)
{
    int status = Commands::kOk;
    const auto store =
        listedSurvey(QStringLiteral("plan list"),
                     QStringLiteral("List the survey's floor plans and their pins."), arguments, &status);
    if (!store)
        return status;
    auto plans = store->floorPlans();
    if (!plans)
        return failWith(plans.error());
    for (qsizetype i = 0; i < plans->size(); ++i) {
        const FloorPlan &p = (*plans)[i];
        out() << i + 1 << "  " << p.title << "  (" << p.sourceKind
              << (p.sourceKind == QStringLiteral("pdf_page") ? QStringLiteral(" page %1").arg(p.pageIndex + 1)
                                                             : QString())
              << ", " << p.width << "×" << p.height << ", rotated " << p.rotation << "°)  " << p.uuid << '\n';
        for (qsizetype j = 0; j < p.pins.size(); ++j) {
            const Pin &pin = p.pins[j];
            out() << "  " << i + 1 << '.' << j + 1 << "  " << fs::model::kPinKindKeys.key(pin.kind) << "  "
                  << QString::number(pin.x, 'f', 4) << ',' << QString::number(pin.y, 'f', 4) << "  "
                  << (pin.target.isEmpty() ? QStringLiteral("-") : pin.target) << "  " << pin.label << '\n';
        }
    }
    out() << Qt::flush;
    return Commands::kOk;
}

int planPages(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the pages of a PDF drawing with their sizes."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The PDF file."));
    if (!parse(parser, QStringLiteral("plan pages"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("plan pages needs one PDF file"), parser);
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (file.size() > fs::plans::PlanFile::kMaxFileBytes)
        return failWith(Error{ErrorCode::InvalidData, path + QStringLiteral(" is too large")});
    if (!file.open(QIODevice::ReadOnly))
        return failWith(Error{ErrorCode::Io, path + QStringLiteral(": ") + file.errorString()});
    auto pages = fs::plans::PlanSource::pdfPages(file.readAll(), QFileInfo(path).fileName());
    if (!pages)
        return failWith(pages.error());
    for (const auto &page : *pages)
        out() << page.index + 1 << "  " << page.label << "  " << qRound(page.sizePoints.width() / 72 * 25.4)
              << "×" << qRound(page.sizePoints.height() / 72 * 25.4) << " mm\n";
    out() << Qt::flush;
    return Commands::kOk;
}

int planAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Add a floor plan from a PNG/JPEG file or a page of a PDF drawing."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The image or PDF."));
    const QCommandLineOption pageOpt(QStringLiteral("page"), QStringLiteral("The PDF page (from 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption allOpt(QStringLiteral("all-pages"), QStringLiteral("Every page of the PDF."));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QStringLiteral("The plan's title."),
                                      QStringLiteral("TEXT"));
    parser.addOptions({pageOpt, allOpt, titleOpt});
    if (!parse(parser, QStringLiteral("plan add"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2)
        return usage(QStringLiteral("plan add needs the survey and a file"), parser);
    const QString path = parser.positionalArguments().at(1);
    QList<int> pages;
    if (parser.isSet(allOpt)) {
        auto count = fs::plans::PlanFile::pageCount(path);
        if (!count)
            return failWith(count.error());
        for (int i = 0; i < *count; ++i)
            pages << i;
    } else {
        bool ok = false;
        const int page = parser.value(pageOpt).toInt(&ok);
        if (!ok || page < 1)
            return usage(QStringLiteral("--page needs a page number from 1"), parser);
        pages << page - 1;
    }
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    for (int page : pages) {
        auto plan = fs::plans::PlanFile::read(path, page);
        if (!plan)
            return failWith(plan.error());
        if (parser.isSet(titleOpt))
            plan->title = pages.size() > 1
                              ? QStringLiteral("%1 p.%2").arg(parser.value(titleOpt)).arg(page + 1)
                              : parser.value(titleOpt);
        auto added = (*store)->addFloorPlan(*plan);
        if (!added)
            return failWith(added.error());
        out() << "added " << added->title << "  " << added->uuid << '\n';
    }
    out() << Qt::flush;
    return Commands::kOk;
}

// A command on one plan, SURVEY PLAN [more…]: parsed, the survey opened for editing and the plan
// found. Nullopt when the command stops, with *status set to the exit status.
struct OnePlan
{
    std::unique_ptr<SurveyStore> store;
    FloorPlan plan;
    QStringList more; // the positional arguments after PLAN
};

std::optional<OnePlan> onePlan(const QString &command, const QString &description,
                               const QList<std::pair<QString, QString>> &more, const QStringList &arguments,
                               int *status)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("The plan's number or uuid."));
    for (const auto &[name, text] : more)
        parser.addPositionalArgument(name, text);
    if (!parse(parser, command, arguments)) {
        *status = stopStatus(parser);
        return std::nullopt;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 + more.size()) {
        QStringList names{QStringLiteral("the survey"), QStringLiteral("the plan")};
        for (const auto &[name, text] : more)
            names << QStringLiteral("the ") + name;
        *status = usage(QStringLiteral("%1 needs %2").arg(command, names.join(QStringLiteral(", "))), parser);
        return std::nullopt;
    }
    auto store = openForEditing(args.constFirst());
    if (!store) {
        *status = failWith(store.error());
        return std::nullopt;
    }
    auto plan = findPlan(**store, args.at(1));
    if (!plan) {
        *status = failWith(plan.error());
        return std::nullopt;
    }
    return OnePlan{std::move(*store), *plan, args.mid(2)};
}

int planRotate(const QStringList &arguments)
{
    int status = Commands::kOk;
    auto one =
        onePlan(QStringLiteral("plan rotate"),
                QStringLiteral("Turn a floor plan (clockwise, 0/90/180/270); pins stay put."),
                {{QStringLiteral("degrees"), QStringLiteral("0, 90, 180 or 270.")}}, arguments, &status);
    if (!one)
        return status;
    return applyOrFail(*one->store, {{{Entity::FloorPlan, one->plan.uuid, QStringLiteral("rotation")},
                                      one->more.constFirst()}});
}

int planRemove(const QStringList &arguments)
{
    int status = Commands::kOk;
    auto one = onePlan(QStringLiteral("plan remove"),
                       QStringLiteral("Remove a floor plan (kept as a tombstone for the portal)."), {},
                       arguments, &status);
    if (!one)
        return status;
    if (auto r = one->store->setRemoved(Entity::FloorPlan, one->plan.uuid, true); !r)
        return failWith(r.error());
    return Commands::kOk;
}

int pinAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Pin a line's ONU, a device or a terminal on a floor plan."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("The plan's number or uuid."));
    parser.addPositionalArgument(QStringLiteral("x,y"),
                                 QStringLiteral("Where, 0..1 from the plan's top-left."));
    const QCommandLineOption kindOpt(QStringLiteral("kind"),
                                     QStringLiteral("onu, router, terminal or other."),
                                     QStringLiteral("KIND"), QStringLiteral("other"));
    const QCommandLineOption labelOpt(QStringLiteral("label"), QStringLiteral("The pin's label."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption targetOpt(
        QStringLiteral("target"),
        QStringLiteral("What it shows: line:3, line:CAF0003, terminal:2, device:<uuid>."),
        QStringLiteral("TARGET"));
    parser.addOptions({kindOpt, labelOpt, targetOpt});
    if (!parse(parser, QStringLiteral("pin add"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 3)
        return usage(QStringLiteral("pin add needs the survey, the plan and x,y"), parser);
    const auto at = parsePoint(parser.positionalArguments().at(2));
    if (!at)
        return usage(QStringLiteral("x,y must be two numbers from 0 to 1, e.g. 0.25,0.6"), parser);
    const auto kind = fs::model::kPinKindKeys.parse(parser.value(kindOpt));
    if (!kind)
        return usage(QStringLiteral("--kind must be onu, router, terminal or other"), parser);
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    auto plan = findPlan(**store, parser.positionalArguments().at(1));
    if (!plan)
        return failWith(plan.error());
    Pin pin;
    pin.kind = *kind;
    pin.x = at->x();
    pin.y = at->y();
    pin.label = parser.value(labelOpt);
    pin.target = parser.value(targetOpt);
    auto added = (*store)->addPin(plan->uuid, pin);
    if (!added)
        return failWith(added.error());
    out() << "added pin " << added->uuid << Qt::endl;
    return Commands::kOk;
}

int pinEdit(const QString &sub, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(sub == QStringLiteral("move") ? QStringLiteral("Move a pin.")
                                     : sub == QStringLiteral("link")
                                         ? QStringLiteral("Link a pin to a line, device or terminal.")
                                         : QStringLiteral("Remove a pin."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("pin"),
                                 QStringLiteral("PLAN.N (e.g. 1.3) or the pin's uuid."));
    const QCommandLineOption noneOpt(QStringLiteral("none"), QStringLiteral("Unlink."));
    if (sub == QStringLiteral("move"))
        parser.addPositionalArgument(QStringLiteral("x,y"), QStringLiteral("Where, 0..1."));
    if (sub == QStringLiteral("link")) {
        parser.addPositionalArgument(QStringLiteral("target"),
                                     QStringLiteral("line:3, terminal:2, device:<uuid>."));
        parser.addOption(noneOpt);
    }
    if (!parse(parser, QStringLiteral("pin ") + sub, arguments))
        return stopStatus(parser);
    const QStringList args = parser.positionalArguments();
    const int wanted = sub == QStringLiteral("remove") || parser.isSet(noneOpt) ? 2 : 3;
    if (args.size() != wanted)
        return usage(QStringLiteral("pin %1: wrong number of arguments").arg(sub), parser);
    auto store = openForEditing(args.constFirst());
    if (!store)
        return failWith(store.error());
    auto pin = findPin(**store, args.at(1));
    if (!pin)
        return failWith(pin.error());
    if (sub == QStringLiteral("remove")) {
        if (auto r = (*store)->setRemoved(Entity::Pin, pin->uuid, true); !r)
            return failWith(r.error());
        return Commands::kOk;
    }
    if (sub == QStringLiteral("move")) {
        const auto at = parsePoint(args.at(2));
        if (!at)
            return usage(QStringLiteral("x,y must be two numbers from 0 to 1"), parser);
        return applyOrFail(**store, {{{Entity::Pin, pin->uuid, QStringLiteral("x")}, at->x()},
                                     {{Entity::Pin, pin->uuid, QStringLiteral("y")}, at->y()}});
    }
    PhotoTarget target;
    if (!parser.isSet(noneOpt)) {
        auto resolved = resolveTarget(**store, args.at(2));
        if (!resolved)
            return failWith(resolved.error());
        if (resolved->entity == QStringLiteral("pin"))
            return failWith(
                Error{ErrorCode::InvalidArgument, QStringLiteral("a pin cannot point at another pin")});
        target = *resolved;
    }
    return applyOrFail(**store, targetChanges(Entity::Pin, pin->uuid, target));
}

int photoImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import photos: JPEG/PNG files, or folders (a camera card) searched for them. A photo already\n"
        "in the survey (the same bytes) is skipped and reported. Exit status 1 when a file failed."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders."),
                                 QStringLiteral("PATH…"));
    const QCommandLineOption targetOpt(
        QStringLiteral("target"),
        QStringLiteral("What they show: line:3, terminal:2, device:<uuid>, pin:1.2."),
        QStringLiteral("TARGET"));
    parser.addOption(targetOpt);
    if (!parse(parser, QStringLiteral("photo import"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() < 2)
        return usage(QStringLiteral("photo import needs the survey and at least one file or folder"), parser);
    auto found = fs::model::PhotoImport::collect(parser.positionalArguments().mid(1));
    if (!found)
        return failWith(found.error());
    auto store = openForEditing(parser.positionalArguments().constFirst());
    if (!store)
        return failWith(store.error());
    PhotoTarget target;
    if (parser.isSet(targetOpt)) {
        auto resolved = resolveTarget(**store, parser.value(targetOpt));
        if (!resolved)
            return failWith(resolved.error());
        target = *resolved;
    }
    fs::model::PhotoImportReport report;
    for (const QString &file : found->files) {
        auto added = (*store)->addPhoto(file, target);
        if (added)
            report.added << *added;
        else if (added.error().code == ErrorCode::Duplicate)
            report.duplicates << added.error().detail;
        else
            report.failed << describe(added.error());
    }
    out() << "imported " << report.added.size() << ", already in the survey " << report.duplicates.size()
          << ", failed " << report.failed.size() << ", skipped " << found->skipped.size() << '\n';
    for (const QString &d : report.duplicates)
        out() << "  duplicate: " << d << '\n';
    for (const QString &s : found->skipped)
        out() << "  skipped: " << s << '\n';
    out() << Qt::flush;
    for (const QString &f : report.failed)
        err() << "  failed: " << f << '\n';
    err() << Qt::flush;
    return report.failed.isEmpty() ? Commands::kOk : Commands::kFailed;
}

int photoList(const QStringList &arguments)
{
    int status = Commands::kOk;
    const auto store = listedSurvey(QStringLiteral("photo list"), QStringLiteral("List the survey's photos."),
                                    arguments, &status);
    if (!store)
        return status;
    auto photos = store->photos();
    if (!photos)
        return failWith(photos.error());
    for (qsizetype i = 0; i < photos->size(); ++i) {
        const Photo &p = (*photos)[i];
        out() << i + 1 << "  " << p.originalName << "  " << p.width << "×" << p.height << "  orientation "
              << p.orientation << "  "
              << (p.takenAt.isValid() ? p.takenAt.toOffsetFromUtc(9 * 3600).toString(Qt::ISODate)
                                      : QStringLiteral("-"))
              << "  "
              << (p.target.entity.isEmpty()
                      ? QStringLiteral("-")
                      : p.target.entity + QStringLiteral(":") + QString::number(p.target.id))
              << "  " << p.caption << "  " << p.sha256.left(12) << '\n';
    }
    out() << Qt::flush;
    return Commands::kOk;
}

int photoLink(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Link a photo to a line, device, terminal or pin."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("photo"), QStringLiteral("Its number (photo list) or uuid."));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("line:3, terminal:2, device:<uuid>, pin:1.2."));
    const QCommandLineOption noneOpt(QStringLiteral("none"), QStringLiteral("Unlink."));
    parser.addOption(noneOpt);
    if (!parse(parser, QStringLiteral("photo link"), arguments))
        return stopStatus(parser);
    const QStringList args = parser.positionalArguments();
    if (args.size() != (parser.isSet(noneOpt) ? 2 : 3))
        return usage(QStringLiteral("photo link needs the survey, the photo and a target (or --none)"),
                     parser);
    auto store = openForEditing(args.constFirst());
    if (!store)
        return failWith(store.error());
    auto photo = findPhoto(**store, args.at(1));
    if (!photo)
        return failWith(photo.error());
    PhotoTarget target;
    if (!parser.isSet(noneOpt)) {
        auto resolved = resolveTarget(**store, args.at(2));
        if (!resolved)
            return failWith(resolved.error());
        target = *resolved;
    }
    return applyOrFail(**store, targetChanges(Entity::Photo, photo->uuid, target));
}

int photoExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the survey's photos into a folder, with their location data (GPS EXIF, XMP) removed."));
    parser.addPositionalArgument(QStringLiteral("survey"), QStringLiteral("The survey file."));
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Where to write them."));
    if (!parse(parser, QStringLiteral("photo export"), arguments))
        return stopStatus(parser);
    if (parser.positionalArguments().size() != 2)
        return usage(QStringLiteral("photo export needs the survey and a folder"), parser);
    auto store =
        SurveyStore::open(parser.positionalArguments().constFirst(), SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return failWith(store.error());
    auto written = fs::model::PhotoExport::writeAll(**store, parser.positionalArguments().at(1));
    if (!written)
        return failWith(written.error());
    out() << "wrote " << *written << " photo(s) to "
          << QDir::toNativeSeparators(QDir(parser.positionalArguments().at(1)).absolutePath())
          << " without location data" << Qt::endl;
    return Commands::kOk;
}

int dispatchUsage(const QString &sub, const char *text)
{
    err() << text << Qt::endl;
    return sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")
               ? Commands::kOk
               : Commands::kUsageError;
}

} // namespace

int planCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("list"))
        return planList(rest);
    if (sub == QStringLiteral("pages"))
        return planPages(rest);
    if (sub == QStringLiteral("add"))
        return planAdd(rest);
    if (sub == QStringLiteral("rotate"))
        return planRotate(rest);
    if (sub == QStringLiteral("remove"))
        return planRemove(rest);
    return dispatchUsage(sub, "usage: fieldsurvey-cli plan list|pages|add|rotate|remove …\n"
                              "  plan list SURVEY\n"
                              "  plan pages FILE.pdf\n"
                              "  plan add SURVEY FILE [--page N | --all-pages] [--title TEXT]\n"
                              "  plan rotate SURVEY PLAN 0|90|180|270\n"
                              "  plan remove SURVEY PLAN");
}

int pinCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QStringLiteral("add"))
        return pinAdd(arguments.mid(1));
    if (sub == QStringLiteral("move") || sub == QStringLiteral("link") || sub == QStringLiteral("remove"))
        return pinEdit(sub, arguments.mid(1));
    return dispatchUsage(sub, "usage: fieldsurvey-cli pin add|move|link|remove …\n"
                              "  pin add SURVEY PLAN X,Y [--kind onu|router|terminal|other] [--label TEXT] "
                              "[--target line:3]\n"
                              "  pin move SURVEY PIN X,Y      (PIN: PLAN.N, e.g. 1.3, or its uuid)\n"
                              "  pin link SURVEY PIN TARGET | --none\n"
                              "  pin remove SURVEY PIN");
}

int photoCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QStringLiteral("import"))
        return photoImport(rest);
    if (sub == QStringLiteral("list"))
        return photoList(rest);
    if (sub == QStringLiteral("link"))
        return photoLink(rest);
    if (sub == QStringLiteral("export"))
        return photoExport(rest);
    return dispatchUsage(sub,
                         "usage: fieldsurvey-cli photo import|list|link|export …\n"
                         "  photo import SURVEY PATH… [--target line:3|terminal:2|device:<uuid>|pin:1.2]\n"
                         "  photo list SURVEY\n"
                         "  photo link SURVEY PHOTO TARGET | --none\n"
                         "  photo export SURVEY FOLDER   (location data removed)");
}

} // namespace fs::cli
