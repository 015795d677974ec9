#pragma once

#include "reviewcomment.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QListWidgetItem;

namespace fs::app {

// Highlights the rows of the day view a team lead commented on and that are not dealt with yet:
// an amber background, "差戻し n件" after the row's text and the comments in its tooltip.
class ReviewMarks
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ReviewMarks)

public:
    static constexpr int MarkedRole = Qt::UserRole + 40; // the number of open comments on the row
    [[nodiscard]] static QColor colour();
    // Marks item when an open comment is about one of uuids (a line and its devices); returns
    // how many are.
    static int mark(QListWidgetItem *item, const QList<fs::model::ReviewComment> &open,
                    const QStringList &uuids);
};

} // namespace fs::app
