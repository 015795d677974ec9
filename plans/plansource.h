#pragma once

#include "error.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QRect>
#include <QSizeF>
#include <QString>

#include <memory>

namespace Poppler {
class Document;
class Page;
} // namespace Poppler

namespace fs::plans {

// A floor plan's picture, unrotated, measured in plan units: PDF points for a PDF page, pixels for
// an image. Hospitals send PNG/JPEG scans, images inside the workbook, and PDF drawings up to A0.
//
// render() may be called from one thread at a time (the renderer's worker, or the GUI thread in
// synchronous mode); a mutex serialises callers, since Poppler documents are not thread-safe.
class PlanSource
{
public:
    static constexpr qint64 kMaxImagePixels = 200'000'000; // larger images are refused
    static constexpr int kMaxListedPages = 500;            // pdfPages() lists at most this many
    static constexpr double kMaxPdfDpi = 600;
    static constexpr double kMaxImageScale = 4;

    struct PdfPageInfo
    {
        int index = 0;
        QSizeF sizePoints;
        QString label; // the page label printed on the drawing ("3F"), or ""
    };

    // Page pageIndex (from 0) of a PDF; name (the file name) appears in errors.
    [[nodiscard]] static Result<std::shared_ptr<PlanSource>> openPdf(const QByteArray &pdf, int pageIndex,
                                                                     const QString &name);
    // A PNG, JPEG or other image Qt reads, turned as its EXIF orientation says.
    [[nodiscard]] static Result<std::shared_ptr<PlanSource>> openImage(const QByteArray &bytes,
                                                                       const QString &name);
    // The pages of a PDF, for a page picker: at most kMaxListedPages of them.
    [[nodiscard]] static Result<QList<PdfPageInfo>> pdfPages(const QByteArray &pdf, const QString &name);

    ~PlanSource();
    PlanSource(const PlanSource &) = delete;
    PlanSource &operator=(const PlanSource &) = delete;

    [[nodiscard]] QSizeF size() const { return m_size; }
    [[nodiscard]] bool isVector() const { return m_page != nullptr; }
    [[nodiscard]] QString name() const { return m_name; }
    // The largest scale worth rendering: 600 dpi for a PDF, 4 device pixels per image pixel.
    [[nodiscard]] double maxScale() const;

    // The part deviceRect of the plan drawn at scale device pixels per plan unit (opaque, white
    // paper where the plan has nothing).
    [[nodiscard]] Result<QImage> render(double scale, const QRect &deviceRect) const;

private:
    PlanSource() = default;

    [[nodiscard]] Result<QImage> renderPdf(double scale, const QRect &deviceRect) const;
    [[nodiscard]] Result<QImage> renderImage(double scale, const QRect &deviceRect) const;

    QString m_name;
    QSizeF m_size;
    std::unique_ptr<Poppler::Document> m_document;
    std::unique_ptr<Poppler::Page> m_page;
    mutable QMutex m_mutex;
    // Images: the decoded picture, then halves of it, built on demand, so that a zoomed-out render
    // reads a small picture.
    mutable QList<QImage> m_pyramid;
};

} // namespace fs::plans
