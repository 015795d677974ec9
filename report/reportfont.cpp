#include "reportfont.h"

#include "reportlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMutex>

namespace fs::report {

namespace {

constexpr auto kDerivedFamily = "FieldSurvey Report Sans JP";
constexpr auto kSystemFamily = "Noto Sans CJK JP";
const QStringList kFiles = {QStringLiteral("FieldSurveyReportSansJP-Regular.otf"),
                            QStringLiteral("FieldSurveyReportSansJP-Bold.otf")};

struct Registration
{
    QString family;
    bool derived = false;
};

Registration registerOnce()
{
    for (const QString &dir : ReportFont::searchPaths()) {
        if (!QFileInfo::exists(QDir(dir).filePath(kFiles.first())))
            continue;
        bool all = true;
        for (const QString &file : kFiles)
            all = QFontDatabase::addApplicationFont(QDir(dir).filePath(file)) >= 0 && all;
        if (all)
            return {QLatin1StringView(kDerivedFamily), true};
        qCWarning(lcReport) << "report font: could not register the fonts in" << dir;
    }
    qCWarning(lcReport) << "report font: derived font not found in" << ReportFont::searchPaths() << "- using"
                        << kSystemFamily << "(text copied from radicals such as 見 may come out as ⾒)";
    return {QLatin1StringView(kSystemFamily), false};
}

const Registration &registration()
{
    static const Registration r = registerOnce();
    return r;
}

} // namespace

QString ReportFont::family()
{
    return registration().family;
}

bool ReportFont::isDerived()
{
    return registration().derived;
}

QStringList ReportFont::searchPaths()
{
    QStringList paths;
    const QString overridden = qEnvironmentVariable("FIELDSURVEY_FONT_DIR");
    if (!overridden.isEmpty())
        paths << overridden;
    if (QCoreApplication::instance()) {
        const QDir app(QCoreApplication::applicationDirPath());
        paths << QDir::cleanPath(app.filePath(QStringLiteral("../share/fieldsurvey/fonts")));
    }
#ifdef FS_BUILD_FONT_DIR
    paths << QStringLiteral(FS_BUILD_FONT_DIR);
#endif
    return paths;
}

} // namespace fs::report
