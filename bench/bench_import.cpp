// bench_import: figures for the workbook import (issue: import the hospital's workbook).
//
//   bench_import [--runs N] [--keep DIR]
//
// Generates a large 別紙2-1 (300 lines × 2 device rows, 50 terminals, 4 floor plans of ~5 MB;
// bench/make_large_workbook.py) and measures, in the same run, each as a fresh process:
//   (a) fieldsurvey-cli import --dry-run (read, map, validate; images checked, not stored)
//       beside python3 openpyxl.load_workbook on the same file — wall time and peak RSS;
//   (b) fieldsurvey-cli import --out (images stored in a new survey file);
//   (c) every hostile file of tests/data/intake/make_workbooks.py (each must be refused).
// Linux only: peak RSS comes from wait4().
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#if defined(Q_OS_LINUX)
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Measure
{
    double ms = 0;
    double peakMb = 0;
    int exitCode = -1;
};

// Runs a program with its output discarded; wall time and the child's peak RSS.
Measure run(const QStringList &command)
{
    QList<QByteArray> args;
    for (const QString &a : command)
        args << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Measure m;
    m.ms = double(timer.nsecsElapsed()) / 1e6;
    m.peakMb = double(usage.ru_maxrss) / 1024.0;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return m;
}

// The median of several runs (by time; memory of the same run).
Measure median(const QStringList &command, int runs)
{
    QList<Measure> all;
    for (int i = 0; i < runs; ++i)
        all << run(command);
    std::sort(all.begin(), all.end(), [](const Measure &a, const Measure &b) { return a.ms < b.ms; });
    return all.at(all.size() / 2);
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_import: %s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (median)."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Work in DIR and keep the files."), QStringLiteral("dir"));
    parser.addOptions({runsOption, keepOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temporary;
    const QString dir = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    QDir().mkpath(dir);
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        die(QStringLiteral("python3 is needed"));
    const QString cli = QStringLiteral(FS_CLI);
    const QString workbook = QDir(dir).filePath(QStringLiteral("large.xlsx"));
    if (!QFile::exists(workbook) &&
        run({python, QStringLiteral(FS_SOURCE_DIR "/bench/make_large_workbook.py"), workbook}).exitCode != 0)
        die(QStringLiteral("make_large_workbook.py failed"));
    std::printf("bench_import: %s (%.1f MB)\n\n", qPrintable(workbook),
                double(QFileInfo(workbook).size()) / 1e6);

    const Measure dry = median({cli, QStringLiteral("import"), workbook, QStringLiteral("--dry-run")}, runs);
    if (dry.exitCode != 0)
        die(QStringLiteral("the dry run failed"));
    // openpyxl as Debian packages it (python3-openpyxl), whatever python3 comes first in PATH.
    const QString systemPython =
        QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : python;
    const Measure openpyxl =
        median({systemPython, QStringLiteral("-c"),
                QStringLiteral("import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])"), workbook},
               std::min(runs, 3));
    std::printf("(a) read, map and validate (images checked, not stored), median of %d runs\n", runs);
    std::printf("  %-44s %8.0f ms  peak RSS %6.1f MB\n", "fieldsurvey-cli import --dry-run", dry.ms,
                dry.peakMb);
    if (openpyxl.exitCode == 0) {
        std::printf("  %-44s %8.0f ms  peak RSS %6.1f MB\n", "python3 openpyxl.load_workbook", openpyxl.ms,
                    openpyxl.peakMb);
        std::printf("  FieldSurvey is %.1fx faster (target >= 10x); peak RSS target < 100 MB\n",
                    openpyxl.ms / dry.ms);
    } else {
        std::printf("  python3 openpyxl.load_workbook: not available (apt-get install python3-openpyxl)\n");
    }

    QList<Measure> full;
    for (int i = 0; i < runs; ++i) {
        const QString survey = QDir(dir).filePath(QStringLiteral("large-%1.fsv").arg(i));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(survey + suffix);
        full << run({cli, QStringLiteral("import"), workbook, QStringLiteral("--out"), survey});
        if (full.constLast().exitCode != 0)
            die(QStringLiteral("the import failed"));
    }
    std::sort(full.begin(), full.end(), [](const Measure &a, const Measure &b) { return a.ms < b.ms; });
    std::printf("\n(b) full import into a new survey file, images stored, median of %d runs\n", runs);
    std::printf("  %-44s %8.0f ms  peak RSS %6.1f MB  (targets < 1000 ms, < 150 MB)\n",
                "fieldsurvey-cli import --out", full.at(full.size() / 2).ms, full.at(full.size() / 2).peakMb);

    const QString generated = QDir(dir).filePath(QStringLiteral("hostile"));
    if (run({python, QStringLiteral(FS_SOURCE_DIR "/tests/data/intake/make_workbooks.py"), generated})
            .exitCode != 0)
        die(QStringLiteral("make_workbooks.py failed"));
    QFile manifestFile(QDir(generated).filePath(QStringLiteral("manifest.json")));
    if (!manifestFile.open(QIODevice::ReadOnly))
        die(QStringLiteral("no manifest"));
    const QJsonArray hostile =
        QJsonDocument::fromJson(manifestFile.readAll()).object().value(QStringLiteral("hostile")).toArray();
    std::printf("\n(c) hostile files, each refused (targets < 2000 ms, < 200 MB)\n");
    double worstMs = 0;
    double worstMb = 0;
    for (const QJsonValue &h : hostile) {
        const QString file = QDir(generated).filePath(h[QStringLiteral("file")].toString());
        const Measure m = run({cli, QStringLiteral("import"), file, QStringLiteral("--dry-run")});
        std::printf("  %-28s %8.0f ms  peak RSS %6.1f MB  %s\n",
                    qPrintable(h[QStringLiteral("name")].toString()), m.ms, m.peakMb,
                    m.exitCode == 1 ? "refused" : "NOT REFUSED");
        worstMs = std::max(worstMs, m.ms);
        worstMb = std::max(worstMb, m.peakMb);
    }
    std::printf("  worst: %.0f ms, %.1f MB\n", worstMs, worstMb);
    return 0;
}
#else
int main()
{
    std::printf("bench_import measures child processes with wait4(): Linux only\n");
    return 0;
}
#endif
