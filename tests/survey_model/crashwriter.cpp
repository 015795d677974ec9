// Test helper for tst_durability: applies a stream of edits to a survey and prints
// "committed <n>" after each edit call has returned (and so is durable). The test kills it with
// SIGKILL at random moments. Usage: crashwriter SURVEY FIRST_N
#include "surveystore.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fs.*.debug=false\nfs.*.info=false"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: crashwriter SURVEY FIRST_N\n");
        return 2;
    }
    auto store = fs::model::SurveyStore::open(QString::fromLocal8Bit(argv[1]));
    if (!store) {
        std::fprintf(stderr, "crashwriter: %s\n", qPrintable(fs::describe(store.error())));
        return 1;
    }
    (*store)->setActor(QStringLiteral("crashwriter"));
    // Edits rotate over fields of several rows so that pages all over the file change.
    const QStringList paths = {QStringLiteral("line.1.note"), QStringLiteral("terminal.3.note"),
                               QStringLiteral("hospital.confirmer"), QStringLiteral("line.4.device.2.note"),
                               QStringLiteral("day.1.step.4.note")};
    QList<fs::model::FieldRef> refs;
    for (const QString &path : paths) {
        auto ref = (*store)->resolvePath(path);
        if (!ref) {
            std::fprintf(stderr, "crashwriter: %s\n", qPrintable(fs::describe(ref.error())));
            return 1;
        }
        refs.append(*ref);
    }
    for (long n = std::atol(argv[2]);; ++n) {
        const auto &ref = refs[n % refs.size()];
        auto applied =
            (*store)->applyChanges({fs::model::FieldChange{ref, QStringLiteral("edit %1").arg(n)}});
        if (!applied) {
            std::fprintf(stderr, "crashwriter: %s\n", qPrintable(fs::describe(applied.error())));
            return 1;
        }
        std::printf("committed %ld\n", n);
        std::fflush(stdout);
    }
}
