// Floor plans, pins and photo handling in the store and the editor: plans from image files and
// PDF pages, pins added, moved, linked and removed (undo included), refusals that leave the file
// as it was, pin states, photo links, order, markup, and 200 photos imported in one undo step.
#include "demofloorplan.h"
#include "demosurvey.h"
#include "exif.h"
#include "exifjpeg.h"
#include "photoexport.h"
#include "photomarkup.h"
#include "pinstatus.h"
#include "planfile.h"
#include "plansource.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs::model;

namespace {

QByteArray pngOf(const QSize &size, const QColor &colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A small JPEG whose bytes differ with n (a different colour per photo).
QByteArray jpegOf(int n)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((n * 7) % 360, 200, 100 + n % 150));
    image.setPixel(n % 64, (n / 64) % 48, qRgb(255, 255, 255));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// A two-page PDF (A4 portrait, A3 landscape) made with Qt.
bool writePdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Portrait);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    painter.fillRect(QRect(100, 100, 400, 400), Qt::red);
    writer.setPageSize(QPageSize(QPageSize::A3));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.newPage();
    painter.fillRect(QRect(200, 200, 400, 400), Qt::blue);
    return painter.end();
}

} // namespace

class TestFloorPlans : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SurveyStore> m_store;

    QList<FloorPlan> plans() { return m_store->floorPlans().value_or(QList<FloorPlan>{}); }
    Pin pinOf(const QString &uuid)
    {
        for (const FloorPlan &plan : plans()) {
            for (const Pin &pin : plan.pins) {
                if (pin.uuid == uuid)
                    return pin;
            }
        }
        return {};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        auto store = DemoSurvey::createOrReplace(
            m_dir.filePath(QStringLiteral("%1.fsv").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(store.has_value());
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void demoHasItsTwoPagePlanWithLinkedPins()
    {
        const QList<FloorPlan> list = plans();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].title, QStringLiteral("本館 3F"));
        QCOMPARE(list[1].pageIndex, 1);
        QCOMPARE(list[0].blobId, list[1].blobId); // the PDF is stored once
        QCOMPARE(list[0].pins.size(), 4);
        QCOMPARE(list[0].pins[0].target, QStringLiteral("line:1"));
        QCOMPARE(list[0].pins[0].targetEntity, QStringLiteral("connection_point"));
        QCOMPARE(list[1].pins[0].target, QStringLiteral("terminal:2"));
        QCOMPARE(*m_store->pendingChangeCount(), 0); // imported data, nothing queued
        // The PDF opens in Poppler with both pages, A3 landscape.
        auto pages = fs::plans::PlanSource::pdfPages(DemoFloorPlan::pdf(), QStringLiteral("demo.pdf"));
        QVERIFY2(pages.has_value(), pages ? "" : qPrintable(pages.error().detail));
        QCOMPARE(pages->size(), 2);
        QCOMPARE(qRound(pages->at(1).sizePoints.width()), 1191);
    }

    void planFromImageAndPdfPages()
    {
        const QString png = m_dir.filePath(QStringLiteral("plan.png"));
        QVERIFY(fs::test::writeFile(png, pngOf(QSize(300, 200), Qt::green)));
        auto image = fs::plans::PlanFile::read(png);
        QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().detail));
        QCOMPARE(image->sourceKind, QStringLiteral("image"));
        QCOMPARE(image->width, 300.0);
        QCOMPARE(image->mimeType, QStringLiteral("image/png"));
        auto added = m_store->addFloorPlan(*image);
        QVERIFY(added.has_value());
        QCOMPARE(added->title, QStringLiteral("plan"));
        QCOMPARE(added->position, 3);

        const QString pdf = m_dir.filePath(QStringLiteral("drawing.pdf"));
        QVERIFY(writePdf(pdf));
        QCOMPARE(*fs::plans::PlanFile::pageCount(pdf), 2);
        auto second = fs::plans::PlanFile::read(pdf, 1);
        QVERIFY2(second.has_value(), second ? "" : qPrintable(second.error().detail));
        QCOMPARE(second->sourceKind, QStringLiteral("pdf_page"));
        QCOMPARE(second->title, QStringLiteral("drawing p.2"));
        QVERIFY(second->width > second->height); // A3 landscape
        QVERIFY(m_store->addFloorPlan(*second).has_value());
        auto first = fs::plans::PlanFile::read(pdf, 0);
        QVERIFY(m_store->addFloorPlan(*first).has_value());
        const QList<FloorPlan> list = plans();
        QCOMPARE(list.size(), 5);
        QCOMPARE(list[3].blobId, list[4].blobId);
        QCOMPARE(*m_store->pendingChangeCount(), 3); // each plan queued for upload

        auto missing = fs::plans::PlanFile::read(pdf, 2);
        QVERIFY(!missing.has_value());
        QVERIFY2(missing.error().detail.contains(QStringLiteral("drawing.pdf")),
                 qPrintable(missing.error().detail));
        const QString notAPlan = m_dir.filePath(QStringLiteral("notes.pdf"));
        QVERIFY(fs::test::writeFile(notAPlan, "%PDF-1.4\nthis is not a drawing"));
        auto refused = fs::plans::PlanFile::read(notAPlan);
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().detail.contains(QStringLiteral("notes.pdf")),
                 qPrintable(refused.error().detail));
        QCOMPARE(plans().size(), 5);
    }

    void pinsAreAddedMovedLinkedAndRemovedWithUndo()
    {
        SurveyEditor editor(*m_store);
        const FloorPlan plan = plans().constFirst();
        Pin wanted;
        wanted.kind = PinKind::Terminal;
        wanted.x = 0.25;
        wanted.y = 0.75;
        wanted.target = QStringLiteral("terminal:1");
        auto pin = editor.addPin(plan.uuid, wanted, QStringLiteral("add"));
        QVERIFY(pin.has_value());
        QCOMPARE(pin->targetEntity, QStringLiteral("terminal"));
        QCOMPARE(plans().constFirst().pins.size(), 5);

        QVERIFY(editor.setFields({{{Entity::Pin, pin->uuid, QStringLiteral("x")}, 0.5},
                                  {{Entity::Pin, pin->uuid, QStringLiteral("y")}, 0.125}},
                                 QStringLiteral("move")));
        QCOMPARE(pinOf(pin->uuid).x, 0.5);
        QCOMPARE(pinOf(pin->uuid).y, 0.125);

        auto line = m_store->resolveTarget(QStringLiteral("line:CAF0002"));
        QVERIFY(line.has_value());
        QVERIFY(editor.setTarget(Entity::Pin, pin->uuid, *line, QStringLiteral("link")));
        QCOMPARE(pinOf(pin->uuid).target, QStringLiteral("line:2"));
        QVERIFY(editor.setField({Entity::Pin, pin->uuid, QStringLiteral("kind")}, QStringLiteral("onu"),
                                QStringLiteral("kind")));
        QCOMPARE(pinOf(pin->uuid).kind, PinKind::Onu);

        editor.undoStack()->undo(); // kind
        editor.undoStack()->undo(); // link
        QCOMPARE(pinOf(pin->uuid).target, QStringLiteral("terminal:1"));
        editor.undoStack()->undo(); // move
        QCOMPARE(pinOf(pin->uuid).x, 0.25);
        QVERIFY(editor.remove(Entity::Pin, pin->uuid, QStringLiteral("remove")));
        QCOMPARE(plans().constFirst().pins.size(), 4);
        editor.undoStack()->undo();
        QCOMPARE(plans().constFirst().pins.size(), 5);

        QVERIFY(editor.setField({Entity::FloorPlan, plan.uuid, QStringLiteral("rotation")},
                                QStringLiteral("90"), QStringLiteral("rotate")));
        QCOMPARE(plans().constFirst().rotation, 90);
        QVERIFY(editor.remove(Entity::FloorPlan, plan.uuid, QStringLiteral("remove plan")));
        QCOMPARE(plans().size(), 1);
        editor.undoStack()->undo();
        QCOMPARE(plans().size(), 2);
    }

    void badPinEditsChangeNothing()
    {
        const FloorPlan plan = plans().constFirst();
        const Pin pin = plan.pins.constFirst();
        const int audit = int(m_store->auditTrail()->size());
        const auto refused = [&](const QList<FieldChange> &changes, const char *what) {
            auto r = m_store->applyChanges(changes);
            QVERIFY2(!r.has_value(), what);
        };
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("x")}, 1.5}}, "x beyond the plan");
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("x")}, QStringLiteral("left")}}, "x not a number");
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("kind")}, QStringLiteral("camera")}},
                "unknown kind");
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("target_id")}, 99999}},
                "a line that does not exist");
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("target_entity")}, QStringLiteral("terminal")},
                 {{Entity::Pin, pin.uuid, QStringLiteral("target_id")}, QVariant()}},
                "an entity without an id");
        refused({{{Entity::Pin, pin.uuid, QStringLiteral("target_entity")}, QStringLiteral("pin")}},
                "a pin on a pin");
        refused({{{Entity::FloorPlan, plan.uuid, QStringLiteral("rotation")}, QStringLiteral("45")}}, "45°");
        QCOMPARE(pinOf(pin.uuid), pin);
        QCOMPARE(m_store->auditTrail()->size(), audit);

        Pin wanted;
        wanted.target = QStringLiteral("line:99");
        auto noLine = m_store->addPin(plan.uuid, wanted);
        QVERIFY(!noLine.has_value());
        QCOMPARE(noLine.error().code, fs::ErrorCode::NotFound);
        QVERIFY(!m_store->addPin(QStringLiteral("no-such-plan"), Pin{}).has_value());
        QCOMPARE(plans().constFirst().pins.size(), 4);
        QCOMPARE(*m_store->pendingChangeCount(), 0);
    }

    void pinStatusFollowsCaptureFindingsAndPhotos()
    {
        auto data = m_store->load();
        QVERIFY(data.has_value());
        const QList<Pin> pins = plans().constFirst().pins;
        auto photos = m_store->photos();
        auto findings = m_store->findings();
        const PinStatuses before(*data, *photos, *findings);
        // Nothing captured on the demo's day yet: every linked pin is still missing something.
        QCOMPARE(before.of(pins[0]), PinStatus::Missing);
        Pin unlinked;
        QCOMPARE(before.of(unlinked), PinStatus::Missing);

        // A danger finding on line 1's router turns the line's pin orange.
        Finding finding;
        finding.targetEntity = QStringLiteral("device");
        finding.targetId = data->connectionPoints.constFirst().devices.constFirst().id;
        finding.status = QStringLiteral("danger");
        finding.category = QStringLiteral("vulnerability");
        finding.text = QStringLiteral("既知の脆弱性");
        auto saved = m_store->saveFinding(finding);
        QVERIFY2(saved.has_value(), saved ? "" : qPrintable(saved.error().detail));
        findings = m_store->findings();
        QCOMPARE(PinStatuses(*data, *photos, *findings).of(pins[0]), PinStatus::Finding);
        QCOMPARE(PinStatuses(*data, *photos, *findings).of(pins[1]), PinStatus::Missing); // line 2
    }

    void photosAreLinkedOrderedAndMarkedUp()
    {
        SurveyEditor editor(*m_store);
        const Pin pin = plans().constFirst().pins.constFirst();
        QStringList files;
        for (int i = 0; i < 3; ++i) {
            files << m_dir.filePath(QStringLiteral("p%1.jpg").arg(i));
            QVERIFY(fs::test::writeFile(files.last(), jpegOf(i)));
        }
        auto target = m_store->resolveTarget(QStringLiteral("pin:") + pin.uuid);
        QVERIFY(target.has_value());
        const auto report = editor.importPhotos(files, *target, QStringLiteral("import"));
        QCOMPARE(report.added.size(), 3);
        const auto names = [&] {
            QStringList n;
            const QList<Photo> all = m_store->photos().value_or(QList<Photo>{});
            for (const Photo &p : all)
                n << p.originalName;
            return n;
        };
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("p0.jpg"), QStringLiteral("p1.jpg"), QStringLiteral("p2.jpg")}));
        QVERIFY(editor.movePhoto(report.added[2].uuid, -1, QStringLiteral("earlier")));
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("p0.jpg"), QStringLiteral("p2.jpg"), QStringLiteral("p1.jpg")}));
        QVERIFY(!editor.movePhoto(report.added[0].uuid, -1, QStringLiteral("already first")));
        editor.undoStack()->undo();
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("p0.jpg"), QStringLiteral("p1.jpg"), QStringLiteral("p2.jpg")}));

        // Relinked to the terminal, then unlinked.
        auto terminal = m_store->resolveTarget(QStringLiteral("terminal:1"));
        QVERIFY(editor.setTarget(Entity::Photo, report.added[0].uuid, *terminal, QStringLiteral("link")));
        QCOMPARE(m_store->photos()->constLast().target, *terminal); // terminal sorts after pin
        QVERIFY(editor.setTarget(Entity::Photo, report.added[0].uuid, {}, QStringLiteral("unlink")));
        QVERIFY(m_store->photos()->constFirst().target.entity.isEmpty());

        // Markup: valid JSON is kept beside the photo, anything else refused.
        PhotoMarkup markup;
        markup.shapes << MarkupShape{
            MarkupShape::Kind::Arrow, {0.1, 0.1}, {0.5, 0.5}, {}, MarkupShape::defaultColour()};
        const FieldRef ref{Entity::Photo, report.added[1].uuid, QStringLiteral("markup")};
        QVERIFY(editor.setField(ref, markup.toJson(), QStringLiteral("markup")));
        QCOMPARE(*PhotoMarkup::fromJson(m_store->fieldValue(ref)->toString()), markup);
        auto bad = m_store->applyChanges(
            {{ref, QStringLiteral("{\"version\":1,\"shapes\":[{\"kind\":\"star\"}]}")}});
        QVERIFY(!bad.has_value());
        QVERIFY2(bad.error().detail.contains(QStringLiteral("shapes[0]")), qPrintable(bad.error().detail));
        QCOMPARE(*PhotoMarkup::fromJson(m_store->fieldValue(ref)->toString()), markup);
    }

    void takenAtIsReadAndExportsCarryNoLocation()
    {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(40, 120, 200));
        fs::test::ExifSpec spec;
        spec.orientation = 6;
        spec.dateTimeOriginal = "2026:11:24 10:31:05";
        spec.gps = true;
        const QString path = m_dir.filePath(QStringLiteral("IMG_0001.JPG"));
        QVERIFY(fs::test::writeFile(path, fs::test::jpegWithExif(image, spec, true)));
        auto photo = m_store->addPhoto(path);
        QVERIFY2(photo.has_value(), photo ? "" : qPrintable(photo.error().detail));
        const QDateTime taken(QDate(2026, 11, 24), QTime(10, 31, 5), Qt::OffsetFromUTC, 9 * 3600);
        QCOMPARE(photo->takenAt, taken); // no offset written: Japan time
        QCOMPARE(photo->orientation, 6);

        QTemporaryDir out;
        auto written = PhotoExport::writeAll(*m_store, out.path());
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().detail));
        QCOMPARE(*written, 1);
        QFile exported(out.filePath(QStringLiteral("001_IMG_0001.JPG")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        auto facts = readExif(exported, exported.fileName());
        QVERIFY(facts.has_value());
        QVERIFY(!facts->hasGps);
        QCOMPARE(facts->orientation, 6);
        QCOMPARE(facts->takenAt, taken);
        const QByteArray bytes = exported.readAll();
        QVERIFY(!bytes.contains("GPSLatitude")); // the XMP packet is gone
        QCOMPARE(QImage::fromData(bytes), QImage::fromData(fs::test::readFile(path)));
        // Exported again into the same folder: the first file stays.
        QCOMPARE(*PhotoExport::writeAll(*m_store, out.path()), 1);
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("001_IMG_0001-2.JPG"))));
    }

    void twoHundredPhotosInOneUndoStep()
    {
        SurveyEditor editor(*m_store);
        QTemporaryDir card(m_dir.filePath(QStringLiteral("DCIM-XXXXXX")));
        QDir(card.path()).mkpath(QStringLiteral("100CANON"));
        for (int i = 0; i < 200; ++i)
            QVERIFY(
                fs::test::writeFile(card.filePath(QStringLiteral("100CANON/IMG_%1.JPG").arg(i)), jpegOf(i)));
        QVERIFY(fs::test::writeFile(card.filePath(QStringLiteral("100CANON/IMG_0.THM")), "thumbnail"));
        QVERIFY(fs::test::writeFile(card.filePath(QStringLiteral("100CANON/copy.jpg")), jpegOf(7)));
        auto found = PhotoImport::collect({card.path()});
        QVERIFY(found.has_value());
        QCOMPARE(found->files.size(), 201);
        const auto at = [&](const char *name) {
            return found->files.indexOf(
                card.filePath(QStringLiteral("100CANON/") + QString::fromLatin1(name)));
        };
        QVERIFY2(at("IMG_2.JPG") >= 0 && at("IMG_2.JPG") < at("IMG_10.JPG"), // numbers in order
                 qPrintable(found->files.mid(0, 4).join(QLatin1Char(' '))));
        int calls = 0;
        const auto report =
            editor.importPhotos(found->files, {}, QStringLiteral("import"), [&](int done, int total) {
                ++calls;
                return done < total;
            });
        QCOMPARE(calls, 201);
        QCOMPARE(report.added.size(), 200);
        QCOMPARE(report.duplicates.size(), 1); // copy.jpg is IMG_7.JPG
        QVERIFY2(report.duplicates.constFirst().contains(QStringLiteral("IMG_7.JPG")),
                 qPrintable(report.duplicates.constFirst()));
        QCOMPARE(m_store->photos()->size(), 200);
        QCOMPARE(editor.undoStack()->count(), 1);
        editor.undoStack()->undo();
        QCOMPARE(m_store->photos()->size(), 0);
        editor.undoStack()->redo();
        QCOMPARE(m_store->photos()->size(), 200);
        // Imported again: all duplicates, nothing added, no undo step.
        const auto again = editor.importPhotos(found->files, {}, QStringLiteral("again"));
        QCOMPARE(again.added.size(), 0);
        QCOMPARE(again.duplicates.size(), 201);
        QCOMPARE(editor.undoStack()->count(), 1);
        QVERIFY(m_store->verify()->isEmpty());

        auto missing = PhotoImport::collect({m_dir.filePath(QStringLiteral("no-card"))});
        QVERIFY(!missing.has_value());
        QVERIFY(missing.error().detail.contains(QStringLiteral("no-card")));
    }
};

QTEST_MAIN(TestFloorPlans)
#include "tst_floorplans.moc"
