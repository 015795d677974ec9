// libFuzzer target for the scan import: any input must end in a parsed scan or a clear error that
// names the file and line, within NmapXml's limits, without crashing, hanging or leaking; what is
// parsed is matched against lines and judged by the scan rules.
// Built with -DFIELDSURVEY_FUZZ=ON (clang); run with tests/fuzz/run-fuzz.sh SECONDS nmapxml.
#include "findingsengine.h"
#include "nmapxml.h"
#include "scanimporter.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_nmapxml";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static const auto quiet =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    Q_UNUSED(quiet)
    using namespace fs::model;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto scan = NmapXml::parse(bytes, QStringLiteral("fuzz.xml"));
    if (!scan)
        return scan.error().detail.startsWith(QStringLiteral("fuzz.xml")) ? 0
                                                                          : -1; // every refusal says where
    ConnectionPoint line;
    line.id = 1;
    line.lineNo = 1;
    line.cafId = QStringLiteral("CAF0001");
    line.ipAssignment = QStringLiteral("固定IP");
    line.globalIp = QStringLiteral("127.0.0.1");
    line.fqdn = QStringLiteral("localhost");
    for (const NmapHost &host : scan->hosts) {
        const ScanMatch match = ScanImporter::match(host, {line});
        ScanHost stored = ScanImporter::toScanHost(host);
        for (ScanPort &port : stored.ports) {
            port.connectionPointId = match.connectionPointId;
            (void)FindingsEngine::assessPort(port);
        }
    }
    return 0;
}
