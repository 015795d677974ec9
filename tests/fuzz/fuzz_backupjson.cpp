// libFuzzer target for the offline-backup answers file and the classification: any input must end
// in a classified questionnaire or a clear error, within the reader's limits, without crashing,
// hanging or leaking. Built with -DFIELDSURVEY_FUZZ=ON (clang); run with
// tests/fuzz/run-fuzz.sh SECONDS backupjson.
#include "backupclassifier.h"
#include "backupjson.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_backupjson";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static const auto quiet =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    Q_UNUSED(quiet)
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto answers = fs::model::BackupJson::fromJson(bytes, QStringLiteral("fuzz.json"));
    if (!answers)
        return answers.error().detail.isEmpty() ? -1 : 0; // every refusal says why
    const auto assessment = fs::model::BackupClassifier::assess(*answers, QDate(2026, 11, 24));
    return assessment.reasons.isEmpty() || assessment.copies.size() != answers->copies.size() ? -1 : 0;
}
