#pragma once

#include "../error.h"
#include "surveysummary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// The surveys a team lead opened, read in parallel; a survey that cannot be read is a failure
// naming its file, the others still load.
struct PortfolioLoad
{
    QList<SurveySummary> surveys; // in the order of the paths given
    QList<Error> failures;        // message names the file
};

class Portfolio
{
public:
    // The survey files (*.fsv) in a folder and its subfolders, sorted by path.
    [[nodiscard]] static QStringList findSurveys(const QString &folder);
    // Opens each survey read-only (no lock, no migration; a newer schema is still read) and
    // summarises it, on up to QThread::idealThreadCount() threads.
    [[nodiscard]] static PortfolioLoad load(const QStringList &paths);
};

} // namespace fs::model
