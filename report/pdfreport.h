#pragma once

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {
class SurveyStore;
}

namespace fs::report {

struct ReportData;

// One entry of the table of contents: a section (level 1) or a part of it (level 2).
struct ContentsEntry
{
    QString title;
    int level = 1;
    int page = 0; // 1-based, as printed in the footer
};

struct PdfReportOptions
{
    QDateTime generatedAt; // printed on the cover; now when invalid
    QString generatedBy;   // the investigator who produced it
    bool includePhotos = true;
};

struct PdfReportSummary
{
    int pageCount = 0;
    QList<ContentsEntry> contents;
    int photoCount = 0;
    int floorPlanCount = 0;
};

// The survey report (調査報告書) as a PDF, A4 portrait, written with QPdfWriter: a cover with the
// hospital, the dates and the 機密 marking; the table of contents; 調査概要 with the counts;
// 外部ネットワーク接続点の見える化; 現地検出 / 脆弱性診断; セキュリティ対策状況; ランサムウェア感染
// への備え (a table per terminal); オフラインバックアップ（診療録管理体制加算1） (the support class,
// the backups kept today with their offline judgement, the checks and the hospital's checklist);
// 所見一覧; the floor plans with numbered pins and a legend; the photo appendix. Every page but the cover
// carries the hospital, 機密 and "n / N". Text is real text in the embedded report font (ReportFont), so it
// can be selected, searched and copied.
class PdfReport
{
public:
    // The level-1 section titles, in order (tests look for each one in the PDF).
    [[nodiscard]] static const QStringList &sectionTitles();

    // Writes the report to path (through a temporary file beside it: a failure leaves no
    // half-written report and keeps an older file at path as it was). Photos and floor plans are
    // read from the store's blobs one at a time.
    [[nodiscard]] static fs::Result<PdfReportSummary> write(const fs::model::SurveyStore &store,
                                                            const ReportData &report, const QString &path,
                                                            const PdfReportOptions &options = {});
};

} // namespace fs::report
