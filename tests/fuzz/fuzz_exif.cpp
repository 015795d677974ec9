// libFuzzer target for the EXIF reader and the location stripper: any input must give facts (or
// defaults) without crashing or looping, leave the device where it was, and a copy made without
// location must have no GPS left.
// Built with -DFIELDSURVEY_FUZZ=ON (clang); run with tests/fuzz/run-fuzz.sh SECONDS exif.
#include "exif.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_exif";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static const auto quiet =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    Q_UNUSED(quiet)
    using namespace fs::model;
    QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);
    auto facts = readExif(in, QStringLiteral("fuzz.jpg"));
    if (!facts || in.pos() != 0 || facts->orientation < 1 || facts->orientation > 8)
        std::abort();

    QByteArray copy;
    QBuffer out(&copy);
    out.open(QIODevice::WriteOnly);
    auto written = copyWithoutLocation(in, out, QStringLiteral("fuzz.jpg"));
    if (!written)
        return written.error().detail.contains(QStringLiteral("fuzz.jpg")) ? 0
                                                                           : -1; // refusals say which file
    if (*written != copy.size())
        std::abort();
    QBuffer again(&copy);
    again.open(QIODevice::ReadOnly);
    auto stripped = readExif(again, QStringLiteral("copy.jpg"));
    if (!stripped || stripped->hasGps)
        std::abort();
    return 0;
}
