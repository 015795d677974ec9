#pragma once

// Shared plumbing of the benchmark executables.
#include "error.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
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

// A camera-sized JPEG (4000 × 3000) with enough detail to weigh ~6 MB.
inline QByteArray cameraJpeg()
{
    QImage image(4000, 3000, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(64));
            line[x] = qRgb((x / 16 + noise) & 0xff, (y / 12 + noise) & 0xff, ((x + y) / 20 + noise) & 0xff);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 92);
    return bytes;
}

// The same picture with a distinct JPEG comment (FF FE) after SOI: other bytes, same decoding.
inline QByteArray distinct(const QByteArray &jpeg, int n)
{
    const QByteArray text = "FieldSurvey bench photo " + QByteArray::number(n);
    QByteArray segment("\xFF\xFE", 2);
    const int length = int(text.size()) + 2;
    segment.append(char(length >> 8)).append(char(length & 0xff)).append(text);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace fs::bench
