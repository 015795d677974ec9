// libFuzzer target for the workbook reader and the 別紙2-1 mapping: any input must end in a
// result or a clear error, within the reader's limits, without crashing, hanging or leaking.
// Built with -DFIELDSURVEY_FUZZ=ON (clang); run with tests/fuzz/run-fuzz.sh.
#include "workbookimporter.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_workbook";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // image plugins are found through it
    static const auto quiet =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    Q_UNUSED(quiet)
    fs::model::WorkbookImporter::Options options;
    options.loadImages = false;
    options.limits.maxXmlPartBytes = 4 * 1024 * 1024; // keep each run fast
    options.limits.maxTotalBytes = 16 * 1024 * 1024;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto result = fs::model::WorkbookImporter::read(bytes, QStringLiteral("fuzz.xlsx"), options);
    if (result)
        return result->data.connectionPoints.size() > 100000 ? -1 : 0;
    return result.error().detail.isEmpty() ? -1 : 0; // every refusal says why
}
