#include "reviewmarks.h"

#include <QListWidgetItem>

namespace fs::app {

QColor ReviewMarks::colour()
{
    return QColor(0xff, 0xe8, 0xa8);
}

int ReviewMarks::mark(QListWidgetItem *item, const QList<fs::model::ReviewComment> &open,
                      const QStringList &uuids)
{
    QStringList bodies;
    for (const auto &c : open) {
        if (uuids.contains(c.targetUuid))
            bodies << tr("Review (%1): %2", "author: comment").arg(c.author, c.body.simplified());
    }
    item->setData(MarkedRole, int(bodies.size()));
    if (bodies.isEmpty())
        return 0;
    item->setBackground(colour());
    // On the row's last line, so that the row keeps its height.
    item->setText(item->text() + QStringLiteral("　·　") +
                  tr("Returned: %n comment(s)", nullptr, int(bodies.size())));
    const QString tip = item->toolTip();
    item->setToolTip(bodies.join(QLatin1Char('\n')) +
                     (tip.isEmpty() ? QString() : QStringLiteral("\n\n") + tip));
    return int(bodies.size());
}

} // namespace fs::app
