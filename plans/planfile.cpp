#include "planfile.h"

#include "imageformat.h"
#include "plansource.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace fs::plans {

namespace {

Result<QByteArray> readBounded(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > PlanFile::kMaxFileBytes)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1 is larger than %2 MB").arg(path).arg(PlanFile::kMaxFileBytes >> 20));
    QByteArray bytes = file.read(PlanFile::kMaxFileBytes + 1);
    if (file.error() != QFile::NoError)
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return bytes;
}

} // namespace

bool PlanFile::isPdf(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.peek(5) == "%PDF-")
        return true;
    return QFileInfo(path).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
}

Result<int> PlanFile::pageCount(const QString &path)
{
    if (!isPdf(path))
        return 1;
    auto bytes = readBounded(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    auto pages = PlanSource::pdfPages(*bytes, QFileInfo(path).fileName());
    if (!pages)
        return tl::unexpected(pages.error());
    return int(pages->size());
}

Result<fs::model::FloorPlan> PlanFile::read(const QString &path, int pageIndex)
{
    auto bytes = readBounded(path);
    if (!bytes)
        return tl::unexpected(bytes.error());
    const QString name = QFileInfo(path).fileName();
    fs::model::FloorPlan plan;
    plan.title = QFileInfo(path).completeBaseName();
    if (isPdf(path)) {
        auto pages = PlanSource::pdfPages(*bytes, name);
        if (!pages)
            return tl::unexpected(pages.error());
        if (pageIndex < 0 || pageIndex >= pages->size())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 has %2 page(s); there is no page %3")
                                                        .arg(name)
                                                        .arg(pages->size())
                                                        .arg(pageIndex + 1));
        const PlanSource::PdfPageInfo &page = (*pages)[pageIndex];
        plan.sourceKind = QStringLiteral("pdf_page");
        plan.pageIndex = pageIndex;
        plan.width = page.sizePoints.width();
        plan.height = page.sizePoints.height();
        plan.mimeType = QStringLiteral("application/pdf");
        if (pages->size() > 1)
            plan.title += QStringLiteral(" p.%1").arg(pageIndex + 1);
    } else {
        if (pageIndex != 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 is an image: it has one page").arg(name));
        auto source = PlanSource::openImage(*bytes, name); // checks it decodes, within bounds
        if (!source)
            return tl::unexpected(source.error());
        plan.sourceKind = QStringLiteral("image");
        plan.width = (*source)->size().width();
        plan.height = (*source)->size().height();
        QImageReader reader(path);
        plan.mimeType = fs::model::mimeTypeForImageFormat(reader.format());
    }
    plan.imageData = std::move(*bytes);
    return plan;
}

} // namespace fs::plans
