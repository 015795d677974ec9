#include "terminalcollector.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace fs::model {

QStringList TerminalCollector::fileNames()
{
    return {QStringLiteral("fieldsurvey-terminal.ps1"), QStringLiteral("fieldsurvey-terminal.cmd")};
}

Result<QStringList> TerminalCollector::writeTo(const QString &folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return fail(ErrorCode::Io, QStringLiteral("%1: no such folder").arg(folder));
    QStringList written;
    for (const QString &name : fileNames()) {
        QFile source(QStringLiteral(":/fieldsurvey/collector/") + name);
        if (!source.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Io, QStringLiteral("%1: not in the application").arg(name));
        QSaveFile target(dir.filePath(name));
        if (!target.open(QIODevice::WriteOnly) || target.write(source.readAll()) < 0 || !target.commit())
            return fail(target.error() == QFileDevice::ResourceError ? ErrorCode::DiskFull : ErrorCode::Io,
                        QStringLiteral("%1: %2").arg(target.fileName(), target.errorString()));
        written << target.fileName();
    }
    return written;
}

} // namespace fs::model
