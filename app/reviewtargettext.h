#pragma once

#include "finding.h"
#include "photo.h"
#include "reviewcomment.h"
#include "surveydata.h"

#include <QCoreApplication>
#include <QString>

namespace fs::app {

// What a review comment is about, in the words of the window: 回線 CAF0003, 機器 YAMAHA RTX1210
// (CAF0001), 端末 2, 所見 …, 写真 IMG_0001.jpg, 調査全体. Shared by the team lead's review pane and
// the investigator's list of returned items.
class ReviewTargetText
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ReviewTargetText)

public:
    [[nodiscard]] static QString describe(const QString &entity, const QString &uuid,
                                          const fs::model::SurveyData &data,
                                          const QList<fs::model::Photo> &photos,
                                          const QList<fs::model::Finding> &findings);
    // One line of a comment for lists: "回線 CAF0003 — text（山田、2026/11/24 14:05）".
    [[nodiscard]] static QString line(const fs::model::ReviewComment &comment, const QString &target);
    // The comment's time in Japan time as the programme writes it.
    [[nodiscard]] static QString when(const QDateTime &time);
};

} // namespace fs::app
