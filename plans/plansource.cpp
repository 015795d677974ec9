#include "plansource.h"

#include "planslogging.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

#include <cmath>
#include <poppler-qt6.h>

namespace fs::plans {

namespace {

// Poppler repairs damaged files quietly; a drawing cut short in transfer must still be refused, not
// shown with missing walls. Readers accept a header within the first KiB and the end-of-file
// marker within the last KiB.
Result<void> checkPdfFraming(const QByteArray &pdf, const QString &name)
{
    if (pdf.isEmpty())
        return fail(ErrorCode::InvalidData, QStringLiteral("%1 is empty").arg(name));
    if (!pdf.left(1024).contains("%PDF-"))
        return fail(ErrorCode::InvalidData, QStringLiteral("%1 is not a PDF file").arg(name));
    if (!pdf.right(1024).contains("%%EOF"))
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("%1 is truncated: the PDF has no end-of-file marker").arg(name));
    return {};
}

Result<std::unique_ptr<Poppler::Document>> loadPdf(const QByteArray &pdf, const QString &name)
{
    if (auto framing = checkPdfFraming(pdf, name); !framing)
        return tl::unexpected(framing.error());
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf);
    if (!document)
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("%1 is damaged: Poppler cannot read the PDF").arg(name));
    if (document->isLocked())
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1 is password-protected; save it without a password and import it again")
                        .arg(name));
    if (document->numPages() <= 0)
        return fail(ErrorCode::InvalidData, QStringLiteral("%1 has no pages").arg(name));
    return document;
}

bool validPageSize(QSizeF size)
{
    return size.width() >= 1 && size.height() >= 1 && std::isfinite(size.width()) &&
           std::isfinite(size.height());
}

} // namespace

PlanSource::~PlanSource() = default;

Result<QList<PlanSource::PdfPageInfo>> PlanSource::pdfPages(const QByteArray &pdf, const QString &name)
{
    auto document = loadPdf(pdf, name);
    if (!document)
        return tl::unexpected(document.error());
    const int count = std::min((*document)->numPages(), kMaxListedPages);
    if ((*document)->numPages() > kMaxListedPages)
        qCInfo(lcPlans) << name << "has" << (*document)->numPages() << "pages; listing the first" << count;
    QList<PdfPageInfo> pages;
    pages.reserve(count);
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<Poppler::Page> page = (*document)->page(i);
        if (!page)
            return fail(ErrorCode::Corrupt,
                        QStringLiteral("%1: page %2 cannot be read").arg(name).arg(i + 1));
        pages.append(PdfPageInfo{i, page->pageSizeF(), page->label()});
    }
    return pages;
}

Result<std::shared_ptr<PlanSource>> PlanSource::openPdf(const QByteArray &pdf, int pageIndex,
                                                        const QString &name)
{
    auto document = loadPdf(pdf, name);
    if (!document)
        return tl::unexpected(document.error());
    const int pageCount = (*document)->numPages();
    if (pageIndex < 0 || pageIndex >= pageCount)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 has %2 pages; there is no page %3")
                                                    .arg(name)
                                                    .arg(pageCount)
                                                    .arg(pageIndex + 1));
    std::unique_ptr<Poppler::Page> page = (*document)->page(pageIndex);
    if (!page)
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("%1: page %2 cannot be read").arg(name).arg(pageIndex + 1));
    const QSizeF size = page->pageSizeF();
    if (!validPageSize(size))
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: page %2 has no usable size").arg(name).arg(pageIndex + 1));
    (*document)->setRenderHint(Poppler::Document::Antialiasing);
    (*document)->setRenderHint(Poppler::Document::TextAntialiasing);
    (*document)->setPaperColor(Qt::white);

    std::shared_ptr<PlanSource> source(new PlanSource);
    source->m_name = name;
    source->m_size = size;
    source->m_document = std::move(*document);
    source->m_page = std::move(page);
    return source;
}

Result<std::shared_ptr<PlanSource>> PlanSource::openImage(const QByteArray &bytes, const QString &name)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    // Decoding is bounded by the limit checked below (4 bytes a pixel), not by Qt's 256 MB default.
    reader.setAllocationLimit(int(kMaxImagePixels * 4 / (1024 * 1024)) + 1);
    const QSize declared = reader.size();
    if (!reader.canRead() || !declared.isValid())
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral("%1 is not an image FieldSurvey can read (%2)").arg(name, reader.errorString()));
    if (qint64(declared.width()) * declared.height() > kMaxImagePixels)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1 is %2 × %3 pixels; floor plan images are limited to %4 megapixels")
                        .arg(name)
                        .arg(declared.width())
                        .arg(declared.height())
                        .arg(kMaxImagePixels / 1'000'000));
    QImage image = reader.read();
    if (image.isNull())
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1 cannot be decoded: %2").arg(name, reader.errorString()));
    // Plans are drawn on paper: transparent parts become white, and tiles stay opaque (fast to blit).
    if (image.hasAlphaChannel()) {
        QImage opaque(image.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter painter(&opaque);
        painter.drawImage(0, 0, image);
        painter.end();
        image = std::move(opaque);
    } else if (image.format() != QImage::Format_RGB32) {
        image.convertTo(QImage::Format_RGB32);
    }
    if (image.isNull())
        return fail(ErrorCode::InvalidData, QStringLiteral("%1 is too large to convert").arg(name));

    std::shared_ptr<PlanSource> source(new PlanSource);
    source->m_name = name;
    source->m_size = QSizeF(image.size());
    source->m_pyramid.append(std::move(image));
    return source;
}

double PlanSource::maxScale() const
{
    return isVector() ? kMaxPdfDpi / 72.0 : kMaxImageScale;
}

Result<QImage> PlanSource::render(double scale, const QRect &deviceRect) const
{
    if (!(scale > 0) || !std::isfinite(scale) || deviceRect.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1: nothing to render").arg(m_name));
    QMutexLocker lock(&m_mutex);
    return isVector() ? renderPdf(scale, deviceRect) : renderImage(scale, deviceRect);
}

Result<QImage> PlanSource::renderPdf(double scale, const QRect &deviceRect) const
{
    const double dpi = 72.0 * scale;
    QImage image = m_page->renderToImage(dpi, dpi, deviceRect.x(), deviceRect.y(), deviceRect.width(),
                                         deviceRect.height());
    if (image.isNull())
        return fail(ErrorCode::Io, QStringLiteral("%1: Poppler could not render %2 × %3 pixels at %4 dpi")
                                       .arg(m_name)
                                       .arg(deviceRect.width())
                                       .arg(deviceRect.height())
                                       .arg(dpi, 0, 'f', 1));
    if (image.format() != QImage::Format_RGB32)
        image.convertTo(QImage::Format_RGB32);
    return image;
}

Result<QImage> PlanSource::renderImage(double scale, const QRect &deviceRect) const
{
    // The smallest picture of the pyramid that still has at least scale's detail.
    int level = 0;
    while (true) {
        const QImage &current = m_pyramid.at(level);
        const double nextScale = 0.5 * current.width() / m_size.width();
        if (nextScale < scale || current.width() < 2 || current.height() < 2)
            break;
        if (level + 1 == m_pyramid.size())
            m_pyramid.append(current.scaled(current.width() / 2, current.height() / 2, Qt::IgnoreAspectRatio,
                                            Qt::SmoothTransformation));
        ++level;
    }
    const QImage &picture = m_pyramid.at(level);
    QImage image(deviceRect.size(), QImage::Format_RGB32);
    if (image.isNull())
        return fail(ErrorCode::Io, QStringLiteral("%1: no memory for %2 × %3 pixels")
                                       .arg(m_name)
                                       .arg(deviceRect.width())
                                       .arg(deviceRect.height()));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-deviceRect.topLeft());
    const double scaleX = scale * m_size.width() / picture.width();
    const double scaleY = scale * m_size.height() / picture.height();
    if (std::abs(scaleX - 1) > 1e-9 || std::abs(scaleY - 1) > 1e-9) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.scale(scaleX, scaleY);
    }
    painter.drawImage(0, 0, picture);
    painter.end();
    return image;
}

} // namespace fs::plans
