// libFuzzer target for the terminal-facts importer and the evaluation: any input must end in an
// assessment or a clear error, within the importer's limits, without crashing, hanging or leaking.
// Built with -DFIELDSURVEY_FUZZ=ON (clang); run with tests/fuzz/run-fuzz.sh SECONDS terminalfacts.
#include "terminalevaluator.h"
#include "terminalfacts.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_terminalfacts";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static const auto quiet =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    Q_UNUSED(quiet)
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto facts = fs::model::TerminalFacts::fromBytes(bytes, QStringLiteral("fuzz.json"));
    if (!facts)
        return facts.error().detail.isEmpty() ? -1 : 0; // every refusal says why
    const auto assessment =
        fs::model::TerminalEvaluator::evaluate(*facts, {QDate(2026, 11, 24), QStringLiteral("電子カルテ")});
    return assessment.checks.size() == 5 ? 0 : -1;
}
