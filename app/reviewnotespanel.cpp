#include "reviewnotespanel.h"

#include "modellabels.h"
#include "reviewtargettext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::app {

namespace {
constexpr int kUuidRole = Qt::UserRole + 1;
constexpr int kEntityRole = Qt::UserRole + 2;
constexpr int kTargetRole = Qt::UserRole + 3;
} // namespace

ReviewNotesPanel::ReviewNotesPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_resolveButton(new QPushButton(tr("Mark &dealt with"), this))
    , m_resubmitButton(new QPushButton(tr("Re&submit to the team lead"), this))
{
    setObjectName(QStringLiteral("reviewNotesPanel"));
    m_list->setObjectName(QStringLiteral("reviewCommentList"));
    m_resolveButton->setObjectName(QStringLiteral("resolveCommentButton"));
    m_resubmitButton->setObjectName(QStringLiteral("resubmitButton"));
    m_title->setObjectName(QStringLiteral("reviewNotesTitle"));
    // Returned work stands out in the day view, in the amber of a caution, not the red of a danger.
    setStyleSheet(QStringLiteral("#reviewNotesPanel { background: #fff4d6; border: 1px solid #d9a400; "
                                 "border-radius: 4px; } #reviewNotesTitle { font-weight: bold; }"));
    setAccessibleName(tr("Returned items"));
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_resolveButton);
    buttons->addWidget(m_resubmitButton);
    buttons->addStretch();
    auto *body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addLayout(body);

    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit showTarget(item->data(kEntityRole).toString(), item->data(kTargetRole).toString());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ReviewNotesPanel::updateButtons);
    connect(m_resolveButton, &QPushButton::clicked, this, [this] {
        if (auto *item = m_list->currentItem())
            emit resolveRequested(item->data(kUuidRole).toString());
    });
    connect(m_resubmitButton, &QPushButton::clicked, this, &ReviewNotesPanel::resubmitRequested);
    hide();
}

void ReviewNotesPanel::setReview(const fs::model::SurveyInfo &survey,
                                 const QList<fs::model::ReviewComment> &open, const QStringList &targets,
                                 bool editable)
{
    m_editable = editable;
    m_returned = survey.state == fs::model::SurveyState::Returned;
    const int row = m_list->currentRow();
    m_list->clear();
    for (qsizetype i = 0; i < open.size(); ++i) {
        const auto &c = open.at(i);
        auto *item = new QListWidgetItem(ReviewTargetText::line(c, targets.value(i)), m_list);
        item->setData(kUuidRole, c.uuid);
        item->setData(kEntityRole, c.targetEntity);
        item->setData(kTargetRole, c.targetUuid);
        item->setToolTip(c.body);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(qBound(0, row, m_list->count() - 1));
    // As tall as the comments need, up to six rows: the day view keeps its room.
    const int rows = qBound(2, int(open.size()), 6);
    m_list->setFixedHeight(rows * (fontMetrics().height() + 6) + 2 * m_list->frameWidth());
    if (m_returned)
        m_title->setText(tr("Returned by %1 on %2 — %n item(s) to deal with", nullptr, int(open.size()))
                             .arg(survey.stateChangedBy, ReviewTargetText::when(survey.stateChangedAt)));
    else
        m_title->setText(tr("Review comments (%1) — %n item(s) to deal with", nullptr, int(open.size()))
                             .arg(ModelLabels::surveyState(survey.state)));
    m_list->setVisible(!open.isEmpty());
    setVisible(m_returned || !open.isEmpty());
    updateButtons();
}

void ReviewNotesPanel::updateButtons()
{
    m_resolveButton->setEnabled(m_editable && m_list->currentItem() != nullptr);
    m_resubmitButton->setVisible(m_returned);
    m_resubmitButton->setEnabled(m_editable && m_returned);
}

} // namespace fs::app
