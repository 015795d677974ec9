#pragma once

// Shared plumbing of the benchmark executables.
#include "error.h"

#include <QFile>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>

namespace fs::bench {

// The process's peak resident set (VmHWM) in KiB, or -1.
inline qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Prints "<program>: <what>" and exits with status 1.
[[noreturn]] inline void die(const char *program, const QString &what)
{
    std::fprintf(stderr, "%s: %s\n", program, qPrintable(what));
    std::exit(1);
}

// The value of a Result, or die() naming what failed.
template <typename T>
T check(const char *program, fs::Result<T> result, const char *what)
{
    if (!result)
        die(program, QString::fromLatin1(what) + QStringLiteral(": ") + describe(result.error()));
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

} // namespace fs::bench
