#include "logfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

namespace fs::app {

namespace {

struct LogState
{
    QMutex mutex;
    QFile file;
    QString path;
    QtMessageHandler previous = nullptr;
};

LogState &state()
{
    static LogState s;
    return s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void rotate(LogState &s)
{
    s.file.close();
    for (int i = LogFile::kKeptFiles - 1; i >= 1; --i) {
        const QString from = s.path + QLatin1Char('.') + QString::number(i);
        const QString to = s.path + QLatin1Char('.') + QString::number(i + 1);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    const QString first = s.path + QStringLiteral(".1");
    QFile::remove(first);
    QFile::rename(s.path, first);
    s.file.setFileName(s.path);
    if (!s.file.open(QIODevice::Append | QIODevice::Text))
        std::fprintf(stderr, "fieldsurvey: cannot reopen the log file after rotation\n");
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                 QString::fromLatin1(levelName(type)),
                 QString::fromLatin1(context.category ? context.category : "default"), message)
            .toUtf8();
    std::fputs(line.constData(), stderr);
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.file.isOpen()) {
        if (s.file.size() + line.size() > LogFile::kMaxBytes)
            rotate(s);
        if (s.file.isOpen()) {
            s.file.write(line);
            s.file.flush();
        }
    }
}

} // namespace

bool LogFile::install(const QString &directory)
{
    LogState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (!QDir().mkpath(directory))
            return false;
        s.path = QDir(directory).filePath(QStringLiteral("fieldsurvey.log"));
        s.file.setFileName(s.path);
        if (!s.file.open(QIODevice::Append | QIODevice::Text))
            return false;
    }
    s.previous = qInstallMessageHandler(handler);
    return true;
}

void LogFile::uninstall()
{
    LogState &s = state();
    qInstallMessageHandler(s.previous);
    QMutexLocker lock(&s.mutex);
    s.file.close();
}

QString LogFile::currentPath()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.file.isOpen() ? s.path : QString();
}

} // namespace fs::app
