// The survey report (調査報告書) written as a PDF and read back with Poppler: every section,
// every CAF ID and host name, Japanese text extracted as written, the embedded report font,
// contents that point at the right pages, floor plans with pins, photos with captions.
#include "backupclassifier.h"
#include "clock.h"
#include "demosurvey.h"
#include "findingsengine.h"
#include "pdfreport.h"
#include "photomarkup.h"
#include "reportdata.h"
#include "reportfont.h"
#include "resultcheck.h"
#include "scanday.h"
#include "scanimporter.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"
#include "testpaths.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace fs::model;
using fs::report::PdfReport;
using fs::report::ReportData;

namespace {

const QDate kVisit(2026, 11, 24);

QByteArray pngPlan()
{
    QImage image(1600, 1000, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setPen(QPen(Qt::black, 6));
    p.drawRect(40, 40, 1520, 920);
    p.drawLine(800, 40, 800, 960);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A two-page vector drawing, as hospitals send their floor plans.
QByteArray pdfPlan()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A3));
    writer.setPageOrientation(QPageLayout::Landscape);
    QPainter p(&writer);
    for (int page = 0; page < 2; ++page) {
        if (page > 0)
            writer.newPage();
        p.setPen(QPen(Qt::black, 80));
        p.drawRect(100, 100, writer.width() - 200, writer.height() - 200);
        for (int x = 300; x < writer.width() - 200; x += 400)
            p.drawLine(x, 100, x, writer.height() - 100);
    }
    p.end();
    return bytes;
}

QString writeJpeg(const QString &dir, int n)
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((n * 40) % 360, 160, 220));
    const QString path = QDir(dir).filePath(QStringLiteral("IMG_%1.JPG").arg(n, 4, 10, QLatin1Char('0')));
    return image.save(path, "JPG") ? path : QString();
}

// Text without any white space: table cells wrap lines, and a reader's extraction breaks them.
// (A wrapped cell's lines interleave with the next cells' lines in reading order: long texts are
// looked for by the start that fits on a cell's first line, see starts().)
QString flat(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

QString pageText(Poppler::Document &document, int index)
{
    std::unique_ptr<Poppler::Page> page = document.page(index);
    return page ? page->text(QRectF()) : QString();
}

} // namespace

class TestPdfReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("report.fsv"));
        auto data = DemoSurvey::data(kVisit);
        FS_VERIFY_OK(data);
        FloorPlan png;
        png.title = QStringLiteral("本館 3F");
        png.sourceKind = QStringLiteral("image");
        png.imageData = pngPlan();
        png.mimeType = QStringLiteral("image/png");
        png.width = 1600;
        png.height = 1000;
        png.pins = {Pin{0,
                        {},
                        PinKind::Onu,
                        QStringLiteral("line:1"),
                        0.25,
                        0.3,
                        QStringLiteral("ONU-サーバー室"),
                        {},
                        {},
                        0},
                    Pin{0,
                        {},
                        PinKind::Terminal,
                        QStringLiteral("terminal:1"),
                        0.75,
                        0.6,
                        QStringLiteral("医局 PC"),
                        {},
                        {},
                        0}};
        FloorPlan pdf;
        pdf.title = QStringLiteral("別館 1F（図面）");
        pdf.sourceKind = QStringLiteral("pdf_page");
        pdf.imageData = pdfPlan();
        pdf.mimeType = QStringLiteral("application/pdf");
        pdf.pageIndex = 1;
        pdf.rotation = 90;
        pdf.pins = {Pin{0,
                        {},
                        PinKind::Router,
                        QStringLiteral("line:3"),
                        0.5,
                        0.5,
                        QStringLiteral("放射線 保守ルータ"),
                        {},
                        {},
                        0}};
        data->floorPlans = {png, pdf};
        auto created = SurveyStore::createWith(m_path, *data, QStringLiteral("調査 太郎"), m_clock);
        FS_VERIFY_OK(created);
        m_store = std::move(*created);
        m_store->setActor(QStringLiteral("調査 太郎"));

        // A FortiGate on a known-exploited release, with SSL-VPN on.
        auto lines = m_store->connectionPoints();
        FS_VERIFY_OK(lines);
        const ConnectionPoint &renkei = lines->at(3);
        const Device &fortigate = renkei.devices.first();
        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("vendor"), QStringLiteral("Fortinet")},
                 {QStringLiteral("model"), QStringLiteral("FortiGate-60F")},
                 {QStringLiteral("firmware"), QStringLiteral("v6.0.4,build0231,190107 (GA)")},
                 {QStringLiteral("ssl_vpn_configured"), QStringLiteral("yes")}})
            FS_VERIFY_OK(
                m_store->recordObservation(Entity::Device, fortigate.uuid, key, value, FactSource::Ssh));
        // Terminal 1 checked with the collector.
        auto terminals = m_store->terminals();
        FS_VERIFY_OK(terminals);
        auto facts = TerminalFacts::fromFile(
            fs::test::sourceDir() + QStringLiteral("/tests/data/terminals/emr-pc01-win10-22h2-pro.json"));
        FS_VERIFY_OK(facts);
        const Terminal &t1 = terminals->first();
        FS_VERIFY_OK(
            m_store->recordTerminalAssessment(t1.uuid, *facts, QStringLiteral("EMR-PC01.json"),
                                              TerminalEvaluator::evaluate(*facts, {kVisit, t1.systemType})));
        // Photos of the lines, with captions.
        for (int n = 1; n <= 8; ++n) {
            const QString file = writeJpeg(m_dir.path(), n);
            QVERIFY(!file.isEmpty());
            auto photo =
                m_store->addPhoto(file, PhotoTarget{QStringLiteral("connection_point"), lines->at(n % 4).id});
            FS_VERIFY_OK(photo);
            FS_VERIFY_OK(m_store->applyChanges(
                {FieldChange{FieldRef{Entity::Photo, photo->uuid, QStringLiteral("caption")},
                             QStringLiteral("ONU 設置状況 %1").arg(n)}}));
        }
        // The investigator's judgment: one dismissal, one own finding.
        FS_VERIFY_OK(FindingsEngine::refresh(*m_store, kVisit));
        SurveyEditor editor(*m_store);
        auto stored = m_store->findings();
        FS_VERIFY_OK(stored);
        for (const Finding &f : *stored) {
            if (f.ruleId == QStringLiteral("line.dynamic_ip_unconfirmed"))
                QVERIFY(editor.dismissFinding(f.uuid,
                                              QStringLiteral("診断当日は固定IPへ変更済みと病院から回答"),
                                              QStringLiteral("Dismiss")));
        }
        Finding own;
        own.targetEntity = QStringLiteral("survey");
        own.status = QStringLiteral("caution");
        own.category = QStringLiteral("体制");
        own.text = QStringLiteral("回線と機器の台帳が整備されていない");
        own.recommendation = QStringLiteral("回線・機器の台帳を作成し、年1回見直してください。");
        QVERIFY(editor.addFinding(own, QStringLiteral("Add")));

        auto report = ReportData::gather(*m_store, kVisit);
        FS_VERIFY_OK(report);
        m_report = std::move(*report);
        m_pdf = m_dir.filePath(QStringLiteral("調査報告書.pdf"));
        auto summary = PdfReport::write(*m_store, m_report, m_pdf);
        FS_VERIFY_OK(summary);
        m_summary = *summary;
        m_document = Poppler::Document::load(m_pdf);
        QVERIFY(m_document);
        QVERIFY(!m_document->isLocked());
        for (int i = 0; i < m_document->numPages(); ++i)
            m_pages << pageText(*m_document, i);
        m_all = m_pages.join(QLatin1Char('\n'));
        m_flat = flat(m_all);
        if (qEnvironmentVariableIsSet("FS_KEEP_REPORT"))
            QFile::copy(m_pdf, qEnvironmentVariable("FS_KEEP_REPORT"));
    }

    void pageCountIsSane()
    {
        QCOMPARE(m_document->numPages(), m_summary.pageCount);
        // cover + contents + 7 text sections + 2 floor plans + 2 photo pages at least
        QVERIFY2(m_summary.pageCount >= 12 && m_summary.pageCount <= 40,
                 qPrintable(QString::number(m_summary.pageCount)));
        QCOMPARE(m_summary.floorPlanCount, 2);
        QCOMPARE(m_summary.photoCount, 8);
        // Every page but the cover says n / N.
        for (int i = 1; i < m_pages.size(); ++i)
            QVERIFY2(m_pages.at(i).contains(QStringLiteral("%1 / %2").arg(i + 1).arg(m_pages.size())),
                     qPrintable(QStringLiteral("page %1").arg(i + 1)));
    }

    void everySectionIsThere()
    {
        const QStringList expected = {QStringLiteral("調査概要"),
                                      QStringLiteral("外部ネットワーク接続点の見える化"),
                                      QStringLiteral("現地検出 / 脆弱性診断"),
                                      QStringLiteral("セキュリティ対策状況"),
                                      QStringLiteral("ランサムウェア感染への備え"),
                                      QStringLiteral("オフラインバックアップ（診療録管理体制加算1）"),
                                      QStringLiteral("所見一覧"),
                                      QStringLiteral("設置場所（フロアマップ）"),
                                      QStringLiteral("写真")};
        QCOMPARE(PdfReport::sectionTitles(), expected);
        for (const QString &title : PdfReport::sectionTitles())
            QVERIFY2(has(title), qPrintable(title));
        // The sections follow in that order, each on or after the page of the one before.
        int previous = 0;
        for (const QString &title : expected.mid(0, 7)) {
            const auto entry = std::find_if(
                m_summary.contents.begin(), m_summary.contents.end(),
                [&](const fs::report::ContentsEntry &e) { return e.level == 1 && e.title == title; });
            QVERIFY2(entry != m_summary.contents.end(), qPrintable(title));
            QVERIFY2(entry->page >= previous, qPrintable(title));
            previous = entry->page;
        }
        QVERIFY(m_pages.first().contains(QStringLiteral("機密")));
        QVERIFY(m_pages.first().contains(QStringLiteral("さぬき中央病院")));
        QVERIFY(m_pages.first().contains(QStringLiteral("2026年11月24日")));
    }

    void everyLineDeviceAndTerminalIsNamed()
    {
        for (const ConnectionPoint &cp : m_report.data.connectionPoints) {
            QVERIFY2(has(cp.cafId), qPrintable(cp.cafId));
            for (const Device &d : cp.devices)
                QVERIFY2(has(d.hostname), qPrintable(d.hostname));
        }
        for (const Terminal &t : m_report.data.terminals)
            QVERIFY2(has(t.hostname), qPrintable(t.hostname));
    }

    void japaneseIsExtractedAsWritten()
    {
        // 見 (U+898B) and ・ (U+30FB), not the radical ⾒ (U+2F92) or U+2027; digits and hyphens kept.
        QVERIFY(has(QStringLiteral("外部ネットワーク接続点の見える化")));
        QVERIFY(!m_all.contains(QChar(0x2F92)));
        QVERIFY(!m_all.contains(QChar(0x2027)));
        QVERIFY(has(QStringLiteral("開示・複製")));
        QVERIFY(has(QStringLiteral("FieldSurvey 0.1.0")));
        QVERIFY(has(QStringLiteral("FortiGate-60F")));
        QVERIFY(has(QStringLiteral("〒760-0000")));
    }

    void theReportFontIsEmbedded()
    {
        QVERIFY(fs::report::ReportFont::isDerived());
        const QList<Poppler::FontInfo> fonts = m_document->fonts();
        QVERIFY(!fonts.isEmpty());
        for (const Poppler::FontInfo &font : fonts) {
            QVERIFY2(font.isEmbedded(), qPrintable(font.name()));
            QVERIFY2(font.name().contains(QStringLiteral("FieldSurveyReportSansJP")),
                     qPrintable(font.name()));
        }
    }

    void contentsPointAtTheirPages()
    {
        QVERIFY(m_pages.value(1).contains(QStringLiteral("目次")));
        QVERIFY(!m_summary.contents.isEmpty());
        int previous = 0;
        for (const fs::report::ContentsEntry &e : m_summary.contents) {
            QVERIFY2(e.page >= 3 && e.page <= m_pages.size(), qPrintable(e.title));
            QVERIFY2(onPage(e.page - 1, e.title),
                     qPrintable(QStringLiteral("%1 is not on page %2").arg(e.title).arg(e.page)));
            QVERIFY(onPage(1, e.title));
            QVERIFY(e.page >= previous);
            previous = e.page;
        }
    }

    void findingsAreInTheReport()
    {
        // The rule findings, the investigator's own, and the dismissal with its reason.
        QVERIFY(has(QStringLiteral("CISA KEV")));
        QVERIFY(has(QStringLiteral("CVE-2018-13379")));
        QVERIFY(has(QStringLiteral("サポート終了 Windows を利用中")));
        QVERIFY(starts(QStringLiteral("回線と機器の台帳が整備されていない")));
        QVERIFY(has(QStringLiteral("却下した所見")));
        QVERIFY(starts(QStringLiteral("診断当日は固定IPへ変更済みと病院から回答")));
        // The connection-point table gives CAF0004 its worst status: danger.
        const QString connectionPage = m_pages.at(m_summary.contents.at(3).page - 1);
        QVERIFY(connectionPage.contains(QStringLiteral("危険")));
    }

    void floorPlansAndPhotos()
    {
        QVERIFY(has(QStringLiteral("図1　本館 3F")));
        QVERIFY(has(QStringLiteral("図2　別館 1F（図面）")));
        QVERIFY(has(QStringLiteral("ONU-サーバー室")));
        QVERIFY(has(QStringLiteral("放射線 保守ルータ")));
        QVERIFY(has(QStringLiteral("回線終端装置（ONU）")));
        QVERIFY(!has(QStringLiteral("平面図を表示できません")));
        for (int n = 1; n <= 8; ++n)
            QVERIFY2(has(QStringLiteral("ONU 設置状況 %1").arg(n)), qPrintable(QString::number(n)));
        // The appendix reads the print-size copies made at import, not the camera files.
        for (const Photo &photo : m_report.photos) {
            QVERIFY(photo.previewBlobId != 0);
            QVERIFY(photo.previewBlobId != photo.blobId);
        }
        // The PDF plan (page 2 of its drawing, turned 90°) is drawn: its page is not blank.
        int planPage = -1;
        for (const fs::report::ContentsEntry &e : m_summary.contents) {
            if (e.title.startsWith(QStringLiteral("図2")))
                planPage = e.page - 1;
        }
        QVERIFY(planPage > 0);
        std::unique_ptr<Poppler::Page> page = m_document->page(planPage);
        const QImage image = page->renderToImage(40, 40);
        int dark = 0;
        for (int y = image.height() / 6; y < image.height() * 2 / 3; ++y) {
            for (int x = 0; x < image.width(); ++x)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        }
        QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    }

    // The investigator's marks are drawn over the photo in the appendix; the stored photo is not
    // changed.
    void markupIsDrawnOverThePhoto()
    {
        int photoPage = -1;
        for (int i = 0; i < m_pages.size() && photoPage < 0; ++i)
            photoPage = m_pages.at(i).contains(QStringLiteral("ONU 設置状況 1")) ? i : -1;
        QVERIFY(photoPage > 0);
        const auto bluePixels = [](Poppler::Document &document, int index) {
            std::unique_ptr<Poppler::Page> page = document.page(index);
            const QImage image = page->renderToImage(40, 40);
            int n = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    n += c.blue() > 200 && c.red() < 60 && c.green() < 60 ? 1 : 0;
                }
            }
            return n;
        };
        const int before = bluePixels(*m_document, photoPage);

        const Photo photo = m_report.photos.constFirst();
        PhotoMarkup markup;
        markup.shapes << MarkupShape{MarkupShape::Kind::Arrow, {0.1, 0.1}, {0.9, 0.9}, {}, QColor(0, 0, 255)}
                      << MarkupShape{
                             MarkupShape::Kind::Circle, {0.2, 0.2}, {0.8, 0.8}, {}, QColor(0, 0, 255)};
        const QByteArray sha = photo.sha256.toLatin1();
        FS_VERIFY_OK(m_store->applyChanges(
            {{{fs::model::Entity::Photo, photo.uuid, QStringLiteral("markup")}, markup.toJson()}}));
        auto report = ReportData::gather(*m_store, kVisit);
        FS_VERIFY_OK(report);
        const QString path = m_dir.filePath(QStringLiteral("marked.pdf"));
        FS_VERIFY_OK(PdfReport::write(*m_store, *report, path));
        std::unique_ptr<Poppler::Document> marked = Poppler::Document::load(path);
        QVERIFY(marked);
        const int after = bluePixels(*marked, photoPage);
        QVERIFY2(after > before + 100, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        QCOMPARE(report->photos.constFirst().sha256.toLatin1(), sha); // the photo itself unchanged
        FS_VERIFY_OK(m_store->applyChanges(
            {{{fs::model::Entity::Photo, photo.uuid, QStringLiteral("markup")}, QString()}}));
    }

    void aMissingFolderIsAClearError()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/report.pdf"));
        auto written = PdfReport::write(*m_store, m_report, path);
        QVERIFY(!written);
        QCOMPARE(written.error().code, fs::ErrorCode::Io);
        QVERIFY(written.error().detail.contains(QStringLiteral("report.pdf")));
        QVERIFY(!QFile::exists(path));
    }

    void anOlderReportIsReplacedWhole()
    {
        const QString path = m_dir.filePath(QStringLiteral("again.pdf"));
        QVERIFY(fs::test::writeFile(path, QByteArrayLiteral("an older report")));
        FS_VERIFY_OK(PdfReport::write(*m_store, m_report, path));
        const QByteArray head = fs::test::readFile(path).left(5);
        QCOMPARE(head, QByteArrayLiteral("%PDF-"));
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral("*.tmp"), QStringLiteral("again.pdf.*")}, QDir::Files),
                 QStringList());
    }

    // Before any scan: the lines to scan with their state; after: ports by line with each port's
    // judgment, a line with nothing open, and the host that matched no line.
    void scanSectionBeforeAndAfterTheScan()
    {
        QVERIFY(has(QStringLiteral("脆弱性診断の結果はまだ取り込まれていません")));
        QVERIFY(has(QStringLiteral("未確認（診断不可）")));
        QVERIFY(has(QStringLiteral("診断可（固定IP）")));

        const QString copy = m_dir.filePath(QStringLiteral("scanned.fsv"));
        FS_VERIFY_OK(m_store->exportPackage(copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        auto store = SurveyStore::open(copy);
        FS_VERIFY_OK(store);
        auto lines = (*store)->connectionPoints();
        FS_VERIFY_OK(lines);
        auto confirm = ScanDay::confirmation(lines->at(2), QStringLiteral("198.51.100.7"),
                                             QStringLiteral("事務長 山田"), m_clock.now());
        FS_VERIFY_OK(confirm);
        FS_VERIFY_OK((*store)->applyChanges(*confirm));
        FS_VERIFY_OK(ScanImporter::importFile(
            **store, fs::test::sourceDir() + QStringLiteral("/tests/data/scans/demo-week48.xml")));
        auto report = ReportData::gather(**store, kVisit);
        FS_VERIFY_OK(report);
        const QString path = m_dir.filePath(QStringLiteral("scanned.pdf"));
        fs::report::PdfReportOptions options;
        options.includePhotos = false;
        FS_VERIFY_OK(PdfReport::write(**store, *report, path, options));
        auto document = Poppler::Document::load(path);
        QVERIFY(document);
        QString text;
        for (int i = 0; i < document->numPages(); ++i)
            text += pageText(*document, i);
        const QString f = flat(text);
        QVERIFY(f.contains(QStringLiteral("診断結果:demo-week48.xml（nmap7.93、2025-12-04、TCP/UDP）")));
        QVERIFY(f.contains(QStringLiteral("10443/tcp")));
        QVERIFY(f.contains(QStringLiteral("FortinetFortiGateSSLVPN6.0.4")));
        // (table cells interleave in the extracted text: the judgment is looked for in its parts)
        QVERIFY(f.contains(QStringLiteral("FortiGateSSL-")) && f.contains(QStringLiteral("VPN・KEV")));
        QVERIFY(f.contains(QStringLiteral("IKE/IPsec")));
        QVERIFY(f.contains(QStringLiteral("開いているポートはありません")));
        QVERIFY(f.contains(QStringLiteral("照合できなかったホスト")));
        QVERIFY(f.contains(QStringLiteral("192.0.2.200")));
        QVERIFY(f.contains(QStringLiteral("3389/tcpms-wbt-server")));
        QVERIFY(!f.contains(QStringLiteral("脆弱性診断の結果はまだ取り込まれていません")));
    }

    // The demo survey (DemoSurvey::createOrReplace) answers the offline-backup questionnaire:
    // 支援A, its copies with their offline judgement, the checklist; then the office's override.
    void offlineBackupSection()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo-backup.fsv"));
        auto store = DemoSurvey::createOrReplace(path, m_clock);
        FS_VERIFY_OK(store);
        (*store)->setActor(QStringLiteral("事務局 鈴木"));
        fs::report::PdfReportOptions options;
        options.includePhotos = false;
        const auto reportText = [&](const QString &name) -> QString {
            auto report = ReportData::gather(**store, kVisit);
            if (!report)
                return {};
            const QString pdf = m_dir.filePath(name);
            if (!PdfReport::write(**store, *report, pdf, options))
                return {};
            auto document = Poppler::Document::load(pdf);
            if (!document)
                return {};
            QString text;
            for (int i = 0; i < document->numPages(); ++i)
                text += pageText(*document, i);
            return flat(text);
        };

        auto report = ReportData::gather(**store, kVisit);
        FS_VERIFY_OK(report);
        QCOMPARE(report->backupAssessment.effective, SupportClass::SupportA);
        QVERIFY(!report->backup.copies.isEmpty());

        const QString f = reportText(QStringLiteral("demo-backup.pdf"));
        QVERIFY(!f.isEmpty());
        QVERIFY(f.contains(flat(QStringLiteral("オフラインバックアップ（診療録管理体制加算1）"))));
        QVERIFY(f.contains(QStringLiteral("支援A")));
        QVERIFY(f.contains(flat(BackupOptions::classSupport(SupportClass::SupportA))));
        QVERIFY(f.contains(QStringLiteral("SanukiCareEMR5")));
        QVERIFY(f.contains(QStringLiteral("86,000人")));
        // The copies' table (cells interleave in the extracted text: short parts are looked for).
        QVERIFY(f.contains(QStringLiteral("オフライン判定")));
        QVERIFY(f.contains(QStringLiteral("NAS")));
        QVERIFY(f.contains(QStringLiteral("常時接続")));
        QVERIFY(f.contains(QStringLiteral("オフラインではない")));
        QVERIFY(f.contains(QStringLiteral("BD-R")));
        // Why the class, the checks, and what the hospital must do.
        QVERIFY(f.contains(QStringLiteral("新サーバ・媒体を今年度に調達する予定")));
        QVERIFY(f.contains(QStringLiteral("矛盾する回答はありません")));
        QVERIFY(f.contains(QStringLiteral("病院が行うこと")));
        QVERIFY(f.contains(BackupClassifier::taskText(QStringLiteral("attend_build_day")).left(14)));
        QVERIFY(f.contains(QStringLiteral("未完了")));
        QVERIFY(f.contains(QStringLiteral("今年度に調達")));
        QVERIFY(!f.contains(QStringLiteral("算定結果")));

        // The office decides 支援C: the override, its reason and the computed class are printed.
        const QString uuid = report->backup.uuid;
        FS_VERIFY_OK((*store)->applyChanges(
            {FieldChange{FieldRef{Entity::BackupQuestionnaire, uuid, QStringLiteral("override_class")},
                         QStringLiteral("support_c")},
             FieldChange{FieldRef{Entity::BackupQuestionnaire, uuid, QStringLiteral("override_reason")},
                         QStringLiteral("事務局判断のテスト")}}));
        auto overridden = ReportData::gather(**store, kVisit);
        FS_VERIFY_OK(overridden);
        QVERIFY(overridden->backupAssessment.overridden);
        QCOMPARE(overridden->backupAssessment.effective, SupportClass::SupportC);
        const QString g = reportText(QStringLiteral("demo-backup-override.pdf"));
        QVERIFY(!g.isEmpty());
        QVERIFY(g.contains(QStringLiteral("支援C")));
        QVERIFY(g.contains(QStringLiteral("事務局判断のテスト")));
        QVERIFY(g.contains(QStringLiteral("算定結果:支援A")));
        QVERIFY(g.contains(BackupClassifier::taskText(QStringLiteral("planning_meeting")).left(12)));
    }

    // A survey whose questionnaire is not answered yet: 未判定, what is missing, no copies.
    void offlineBackupSectionUnanswered()
    {
        QVERIFY(m_report.backup.copies.isEmpty());
        QCOMPARE(m_report.backupAssessment.effective, SupportClass::Unclassified);
        QVERIFY(has(QStringLiteral("未判定")));
        QVERIFY(has(QStringLiteral("現在のバックアップの記入なし")));
        QVERIFY(has(QStringLiteral("支援区分が決まっていないため、項目はありません。")));
    }

    // What the hospital wrote is text, never markup.
    void markupInTheDataIsPrintedAsText()
    {
        auto lines = m_store->connectionPoints();
        FS_VERIFY_OK(lines);
        FS_VERIFY_OK(m_store->applyChanges(
            {FieldChange{FieldRef{Entity::ConnectionPoint, lines->at(1).uuid, QStringLiteral("purpose")},
                         QStringLiteral("<h1>偽</h1> & <table>")}}));
        auto report = ReportData::gather(*m_store, kVisit);
        FS_VERIFY_OK(report);
        const QString path = m_dir.filePath(QStringLiteral("markup.pdf"));
        auto summary = PdfReport::write(*m_store, *report, path);
        FS_VERIFY_OK(summary);
        auto document = Poppler::Document::load(path);
        QVERIFY(document);
        QString text;
        for (int i = 0; i < document->numPages(); ++i)
            text += pageText(*document, i);
        // (the cell wraps after "&": the two parts are looked for apart)
        QVERIFY2(flat(text).contains(QStringLiteral("用途:<h1>偽</h1>&")),
                 "the markup was not printed as text");
        QVERIFY(flat(text).contains(QStringLiteral("<table>")));
        QCOMPARE(summary->contents.first().title, QStringLiteral("調査概要"));
    }

private:
    bool has(const QString &text) const { return m_flat.contains(flat(text)); }
    bool starts(const QString &text) const { return has(text.left(14)); }
    bool onPage(int index, const QString &text) const
    {
        return flat(m_pages.value(index)).contains(flat(text));
    }

    QTemporaryDir m_dir;
    QString m_path;
    QString m_pdf;
    FixedClock m_clock{QDateTime(kVisit, QTime(6, 0), Qt::UTC)};
    std::unique_ptr<SurveyStore> m_store;
    ReportData m_report;
    fs::report::PdfReportSummary m_summary;
    std::unique_ptr<Poppler::Document> m_document;
    QStringList m_pages;
    QString m_all;
    QString m_flat;
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
