#include "surveyreviewpane.h"

#include "actor.h"
#include "errormessages.h"
#include "logging.h"
#include "modellabels.h"
#include "reviewmarks.h"
#include "reviewtargettext.h"
#include "surveystore.h"
#include "timetext.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>

namespace fs::app {

using fs::model::SurveyState;

namespace {

enum Column
{
    ItemColumn,
    CommentsColumn,
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// One "label: value" row of the read-only detail table.
QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><th align=left valign=top>%1</th><td>%2</td></tr>")
        .arg(escaped(label), value.isEmpty() ? QStringLiteral("—") : escaped(value));
}

QString fact(const fs::model::Device &device, const QString &key)
{
    for (const auto &o : device.facts) {
        if (o.key == key)
            return o.value;
    }
    return {};
}

} // namespace

SurveyReviewPane::SurveyReviewPane(const fs::model::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_actor(fs::model::defaultActor())
    , m_titleLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_approveButton(new QPushButton(tr("&Approve"), this))
    , m_returnButton(new QPushButton(tr("Re&turn to the investigator"), this))
    , m_tree(new QTreeWidget(this))
    , m_detail(new QTextBrowser(this))
    , m_comments(new QListWidget(this))
    , m_commentEdit(new QPlainTextEdit(this))
    , m_addCommentButton(new QPushButton(tr("Add &comment"), this))
{
    m_titleLabel->setObjectName(QStringLiteral("reviewTitleLabel"));
    m_stateLabel->setObjectName(QStringLiteral("reviewStateLabel"));
    m_errorLabel->setObjectName(QStringLiteral("reviewErrorLabel"));
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_returnButton->setObjectName(QStringLiteral("returnButton"));
    m_tree->setObjectName(QStringLiteral("reviewItemTree"));
    m_detail->setObjectName(QStringLiteral("reviewDetailView"));
    m_comments->setObjectName(QStringLiteral("reviewCommentList"));
    m_commentEdit->setObjectName(QStringLiteral("reviewCommentEdit"));
    m_addCommentButton->setObjectName(QStringLiteral("addCommentButton"));

    QFont title = m_titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_titleLabel->setFont(title);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #8a1c28;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    m_tree->setHeaderLabels({tr("Item"), tr("Comments")});
    m_tree->header()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CommentsColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setAlternatingRowColors(true);
    m_detail->setReadOnly(true);
    m_comments->setWordWrap(true);
    m_commentEdit->setPlaceholderText(tr("What should the investigator check or fix?"));
    m_commentEdit->setMaximumHeight(fontMetrics().height() * 5);
    m_commentEdit->setTabChangesFocus(true);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_titleLabel);
    titles->addWidget(m_stateLabel);
    header->addLayout(titles, 1);
    header->addWidget(m_returnButton);
    header->addWidget(m_approveButton);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail, 3);
    auto *commentsLabel = new QLabel(tr("Comments on this item"), right);
    commentsLabel->setBuddy(m_comments);
    rightLayout->addWidget(commentsLabel);
    rightLayout->addWidget(m_comments, 2);
    rightLayout->addWidget(m_commentEdit);
    auto *addRow = new QHBoxLayout;
    addRow->addStretch();
    addRow->addWidget(m_addCommentButton);
    rightLayout->addLayout(addRow);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SurveyReviewPane::showSelected);
    connect(m_addCommentButton, &QPushButton::clicked, this,
            [this] { addComment(m_commentEdit->toPlainText()); });
    connect(m_approveButton, &QPushButton::clicked, this, [this] { setState(SurveyState::Approved); });
    connect(m_returnButton, &QPushButton::clicked, this, [this] { setState(SurveyState::Returned); });
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_addCommentButton->setEnabled(m_store && !m_store->isReadOnly() && m_tree->currentItem() &&
                                       !m_commentEdit->toPlainText().trimmed().isEmpty());
    });
    updateHeader();
}

SurveyReviewPane::~SurveyReviewPane() = default;

bool SurveyReviewPane::openSurvey(const QString &path)
{
    closeSurvey();
    auto store = fs::model::SurveyStore::open(path, fs::model::SurveyStore::OpenMode::ReadWrite, m_clock);
    if (!store && store.error().code == fs::ErrorCode::Locked) {
        // The investigator has it open: the lead can still read it, but comments must wait.
        store = fs::model::SurveyStore::open(path, fs::model::SurveyStore::OpenMode::ReadOnly, m_clock);
        if (store)
            showError(tr("Opening %1 for review").arg(QDir::toNativeSeparators(path)),
                      fs::Error{fs::ErrorCode::Locked, path});
    }
    if (!store) {
        showError(tr("Opening %1 for review").arg(QDir::toNativeSeparators(path)), store.error());
        updateHeader();
        return false;
    }
    m_store = std::move(*store);
    m_store->setActor(m_actor);
    reload();
    return true;
}

void SurveyReviewPane::closeSurvey()
{
    m_store.reset();
    m_data = {};
    m_photos.clear();
    m_findings.clear();
    m_allComments.clear();
    m_tree->clear();
    m_detail->clear();
    m_comments->clear();
    m_errorLabel->hide();
    updateHeader();
}

QString SurveyReviewPane::path() const
{
    return m_store ? m_store->path() : QString();
}

void SurveyReviewPane::setActor(const QString &actor)
{
    m_actor = actor;
    if (m_store)
        m_store->setActor(actor);
}

QString SurveyReviewPane::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

void SurveyReviewPane::showError(const QString &action, const fs::Error &error)
{
    qCWarning(lcUi) << action << "failed:" << describe(error);
    m_errorLabel->setText(tr("%1: %2", "action: reason").arg(action, ErrorMessages::headline(error)));
    m_errorLabel->show();
}

void SurveyReviewPane::reload()
{
    if (!m_store)
        return;
    auto data = m_store->load();
    auto photos = m_store->photos();
    auto findings = m_store->findings();
    auto comments = m_store->reviewComments();
    if (!data || !photos || !findings || !comments) {
        const fs::Error error = !data       ? data.error()
                                : !photos   ? photos.error()
                                : !findings ? findings.error()
                                            : comments.error();
        showError(tr("Reading %1").arg(QDir::toNativeSeparators(m_store->path())), error);
        return;
    }
    m_data = std::move(*data);
    m_photos = std::move(*photos);
    m_findings = std::move(*findings);
    m_allComments = std::move(*comments);
    fillTree();
    updateHeader();
}

void SurveyReviewPane::updateHeader()
{
    const bool open = m_store != nullptr;
    const bool writable = open && !m_store->isReadOnly();
    const auto state = m_data.survey.state;
    if (!open) {
        m_titleLabel->setText(tr("No survey chosen: double-click a hospital in the portfolio"));
        m_stateLabel->clear();
    } else {
        m_titleLabel->setText(
            tr("%1 %2", "hospital code, name").arg(m_data.hospital.code, m_data.hospital.name));
        QString text = tr("State: %1").arg(ModelLabels::surveyState(state));
        if (!m_data.survey.stateChangedBy.isEmpty())
            text += tr(" (%1, %2)", "who, when")
                        .arg(m_data.survey.stateChangedBy, TimeText::japanTime(m_data.survey.stateChangedAt));
        int openCount = 0;
        for (const auto &c : m_allComments)
            openCount += c.isOpen() ? 1 : 0;
        text += tr(" · %n open comment(s)", nullptr, openCount);
        m_stateLabel->setText(text);
    }
    m_approveButton->setEnabled(writable && state == SurveyState::Submitted);
    m_returnButton->setEnabled(writable &&
                               (state == SurveyState::Submitted || state == SurveyState::Approved));
    m_commentEdit->setEnabled(writable);
    m_addCommentButton->setEnabled(writable && m_tree->currentItem() &&
                                   !m_commentEdit->toPlainText().trimmed().isEmpty());
}

QTreeWidgetItem *SurveyReviewPane::addItem(QTreeWidgetItem *parent, const QString &entity,
                                           const QString &uuid, const QString &text)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(ItemColumn, text);
    item->setData(ItemColumn, EntityRole, entity);
    item->setData(ItemColumn, UuidRole, uuid);
    markComments(item);
    return item;
}

void SurveyReviewPane::markComments(QTreeWidgetItem *item)
{
    const QString uuid = item->data(ItemColumn, UuidRole).toString();
    if (uuid.isEmpty())
        return;
    int all = 0;
    int open = 0;
    for (const auto &c : m_allComments) {
        if (c.targetUuid != uuid)
            continue;
        ++all;
        open += c.isOpen() ? 1 : 0;
    }
    item->setText(CommentsColumn, all == 0    ? QString()
                                  : open == 0 ? tr("%1 (dealt with)").arg(all)
                                              : tr("%1 (%2 open)").arg(all).arg(open));
    for (int column : {ItemColumn, CommentsColumn})
        item->setBackground(column, open > 0 ? QBrush(ReviewMarks::colour()) : QBrush());
}

void SurveyReviewPane::fillTree()
{
    const QString entity = m_tree->currentItem()
                               ? m_tree->currentItem()->data(ItemColumn, EntityRole).toString()
                               : QStringLiteral("survey");
    const QString uuid = m_tree->currentItem() ? m_tree->currentItem()->data(ItemColumn, UuidRole).toString()
                                               : m_data.survey.uuid;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
        addItem(nullptr, QStringLiteral("survey"), m_data.survey.uuid, tr("Whole survey"));
        auto *lines =
            addItem(nullptr, QString(), QString(), tr("Lines (%1)").arg(m_data.connectionPoints.size()));
        for (const auto &line : m_data.connectionPoints) {
            const QString purpose = line.purpose.isEmpty() ? line.connectionType : line.purpose;
            auto *l = addItem(lines, QStringLiteral("connection_point"), line.uuid,
                              tr("%1 Line %2 %3").arg(line.cafId).arg(line.lineNo).arg(purpose));
            for (const auto &d : line.devices)
                addItem(l, QStringLiteral("device"), d.uuid,
                        ReviewTargetText::describe(QStringLiteral("device"), d.uuid, m_data, m_photos,
                                                   m_findings));
        }
        auto *terminals =
            addItem(nullptr, QString(), QString(), tr("Terminals (%1)").arg(m_data.terminals.size()));
        for (const auto &t : m_data.terminals)
            addItem(
                terminals, QStringLiteral("terminal"), t.uuid,
                ReviewTargetText::describe(QStringLiteral("terminal"), t.uuid, m_data, m_photos, m_findings));
        auto *findings = addItem(nullptr, QString(), QString(), tr("Findings (%1)").arg(m_findings.size()));
        for (const auto &f : m_findings) {
            const QString status = ModelLabels::value(QStringLiteral("finding_status"), f.status);
            addItem(findings, QStringLiteral("finding"), f.uuid,
                    f.dismissed ? tr("[%1, dismissed] %2").arg(status, f.text)
                                : tr("[%1] %2").arg(status, f.text));
        }
        auto *photos = addItem(nullptr, QString(), QString(), tr("Photos (%1)").arg(m_photos.size()));
        for (const auto &p : m_photos)
            addItem(
                photos, QStringLiteral("photo"), p.uuid,
                ReviewTargetText::describe(QStringLiteral("photo"), p.uuid, m_data, m_photos, m_findings));
        m_tree->expandToDepth(0);
    }
    if (!selectItem(entity, uuid))
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    showSelected();
}

bool SurveyReviewPane::selectItem(const QString &entity, const QString &uuid)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(ItemColumn, UuidRole).toString() == uuid &&
            (*it)->data(ItemColumn, EntityRole).toString() == entity && !uuid.isEmpty()) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return true;
        }
    }
    return false;
}

void SurveyReviewPane::showSelected()
{
    m_comments->clear();
    const QTreeWidgetItem *item = m_tree->currentItem();
    const QString entity = item ? item->data(ItemColumn, EntityRole).toString() : QString();
    const QString uuid = item ? item->data(ItemColumn, UuidRole).toString() : QString();
    m_detail->setHtml(entity.isEmpty() ? QString() : detailHtml(entity, uuid));
    for (const auto &c : std::as_const(m_allComments)) {
        if (c.targetUuid != uuid || uuid.isEmpty())
            continue;
        QString text = tr("%1 (%2)", "comment (author, time)")
                           .arg(c.body, tr("%1, %2").arg(c.author, TimeText::japanTime(c.createdAt)));
        if (!c.isOpen())
            text += QLatin1Char('\n') +
                    tr("Dealt with by %1 on %2").arg(c.resolvedBy, TimeText::japanTime(c.resolvedAt));
        auto *row = new QListWidgetItem(text, m_comments);
        if (c.isOpen())
            row->setBackground(ReviewMarks::colour());
    }
    const bool writable = m_store && !m_store->isReadOnly();
    m_commentEdit->setEnabled(writable && !uuid.isEmpty());
    m_addCommentButton->setEnabled(writable && !uuid.isEmpty() &&
                                   !m_commentEdit->toPlainText().trimmed().isEmpty());
}

QString SurveyReviewPane::detailHtml(const QString &entity, const QString &uuid) const
{
    QString rows;
    const auto label = [](const char *group, const QString &key) -> QString {
        return ModelLabels::value(QString::fromLatin1(group), key);
    };
    if (entity == QStringLiteral("survey")) {
        const auto &h = m_data.hospital;
        rows += row(tr("Medical institution code"), h.code) + row(tr("Hospital"), h.name) +
                row(tr("Address"), h.prefecture + h.address) +
                row(tr("State"), ModelLabels::surveyState(m_data.survey.state));
        QStringList people;
        for (const auto &i : m_data.investigators)
            people << i.name;
        rows += row(tr("Investigators"), people.join(QStringLiteral("、")));
        QStringList dates;
        for (const auto &d : m_data.days)
            if (d.date.isValid())
                dates << d.date.toString(QStringLiteral("yyyy/MM/dd"));
        rows += row(tr("Visit"), dates.join(QStringLiteral("、"))) + row(tr("Note"), m_data.survey.note);
    }
    for (const auto &line : m_data.connectionPoints) {
        if (entity == QStringLiteral("connection_point") && line.uuid == uuid) {
            rows +=
                row(tr("CAF ID"), line.cafId) + row(tr("Line No."), QString::number(line.lineNo)) +
                row(tr("Declared / found on site"),
                    label("origin", fs::model::kOriginKeys.key(line.origin))) +
                row(tr("Purpose"), line.purpose) + row(tr("Line type"), line.lineType) +
                row(tr("Carrier"), line.carrier) + row(tr("Connection type"), line.connectionType) +
                row(tr("Line terminal location (declared)"), line.onuLocation) +
                row(tr("Line terminal location (on site)"),
                    label("onu_status", fs::model::kOnuLocationStatusKeys.key(line.onuLocationStatus)) +
                        QLatin1Char(' ') + line.onuLocationFound) +
                row(tr("EMR network reachable"),
                    label("emr", fs::model::kEmrReachabilityKeys.key(line.emrReachability))) +
                row(tr("Protection"), label("protection", fs::model::kProtectionKeys.key(line.protection))) +
                row(tr("Global IP"), line.globalIp) + row(tr("Note"), line.note);
        }
        for (const auto &d : line.devices) {
            if (entity == QStringLiteral("device") && d.uuid == uuid)
                rows += row(tr("Line"), line.cafId) + row(tr("Device type"), d.deviceType) +
                        row(tr("Maker"), d.maker) + row(tr("Model"), d.model) +
                        row(tr("Host name"), d.hostname) + row(tr("Management IP"), d.managementIp) +
                        row(tr("Access"), d.accessMethod) +
                        row(tr("Firmware (read on site)"), fact(d, QStringLiteral("firmware"))) +
                        row(tr("Serial"), fact(d, QStringLiteral("serial"))) + row(tr("Note"), d.note);
        }
    }
    for (const auto &t : m_data.terminals) {
        if (entity != QStringLiteral("terminal") || t.uuid != uuid)
            continue;
        rows += row(tr("Terminal No."), QString::number(t.terminalNo)) + row(tr("Host name"), t.hostname) +
                row(tr("IP address"), t.ip) + row(tr("Location"), t.location) +
                row(tr("Check"), label("check_state", fs::model::kTerminalCheckStateKeys.key(t.checkState)));
        for (const auto &c : t.checks)
            rows += row(label("check_item", c.item),
                        c.value + QStringLiteral(" — ") + label("evaluation", c.evaluation));
        rows += row(tr("Note"), t.note);
    }
    for (const auto &f : m_findings) {
        if (entity != QStringLiteral("finding") || f.uuid != uuid)
            continue;
        rows += row(tr("Status"), label("finding_status", f.status)) + row(tr("Category"), f.category) +
                row(tr("Finding"), f.text) + row(tr("Evidence"), f.evidence) +
                row(tr("Recommendation"), f.recommendation) +
                row(tr("Dismissed"), f.dismissed ? f.dismissedReason : QString());
    }
    QString image;
    for (const auto &p : m_photos) {
        if (entity != QStringLiteral("photo") || p.uuid != uuid)
            continue;
        rows += row(tr("Caption"), p.caption) + row(tr("File"), p.originalName) +
                row(tr("Taken"), TimeText::japanTime(p.takenAt));
        if (p.thumbnailBlobId != 0) {
            if (auto blob = m_store->openBlob(p.thumbnailBlobId); blob) {
                QImage thumbnail;
                if (thumbnail.load(blob->get(), nullptr)) {
                    const QUrl url(QStringLiteral("thumbnail://") + p.uuid);
                    m_detail->document()->addResource(QTextDocument::ImageResource, url, thumbnail);
                    image = QStringLiteral("<p><img src=\"%1\"></p>").arg(url.toString());
                }
            }
        }
    }
    return QStringLiteral("<h3>%1</h3><table cellspacing=4>%2</table>%3")
        .arg(escaped(ReviewTargetText::describe(entity, uuid, m_data, m_photos, m_findings)), rows, image);
}

bool SurveyReviewPane::addComment(const QString &body)
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!m_store || !item)
        return false;
    const QString entity = item->data(ItemColumn, EntityRole).toString();
    const QString uuid = item->data(ItemColumn, UuidRole).toString();
    auto added = m_store->addReviewComment(entity, uuid, body.trimmed());
    if (!added) {
        showError(tr("Adding the comment"), added.error());
        return false;
    }
    m_errorLabel->hide();
    m_commentEdit->clear();
    reload();
    emit surveyChanged(m_store->path());
    return true;
}

bool SurveyReviewPane::setState(SurveyState state)
{
    if (!m_store)
        return false;
    if (state == SurveyState::Returned) {
        bool open = false;
        for (const auto &c : std::as_const(m_allComments))
            open = open || c.isOpen();
        if (!open) {
            m_errorLabel->setText(tr("Add a comment on what to fix before returning the survey."));
            m_errorLabel->show();
            return false;
        }
    }
    auto changed = m_store->setSurveyState(state);
    if (!changed) {
        showError(state == SurveyState::Approved ? tr("Approving the survey") : tr("Returning the survey"),
                  changed.error());
        return false;
    }
    m_errorLabel->hide();
    reload();
    emit surveyChanged(m_store->path());
    return true;
}

} // namespace fs::app
