#include "floorplanpage.h"

#include "floorplanview.h"
#include "logging.h"
#include "photostrip.h"
#include "planfile.h"
#include "plansource.h"
#include "surveyeditor.h"
#include "surveystore.h"
#include "ui_floorplanpage.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QPainter>
#include <QProgressDialog>
#include <QSignalBlocker>

namespace fs::app {

using fs::model::Entity;
using fs::model::FieldChange;
using fs::model::FieldRef;
using fs::model::FloorPlan;
using fs::model::Photo;
using fs::model::PhotoTarget;
using fs::model::Pin;
using fs::model::PinKind;
using fs::model::PinStatus;

namespace {

constexpr int kUuidRole = Qt::UserRole + 1;

PinState stateOf(PinStatus status)
{
    switch (status) {
    case PinStatus::Done:
        return PinState::Done;
    case PinStatus::Finding:
        return PinState::Finding;
    case PinStatus::Missing:
        break;
    }
    return PinState::Missing;
}

QColor colourOf(PinStatus status)
{
    switch (status) {
    case PinStatus::Done:
        return QColor(0x2e, 0x7d, 0x32);
    case PinStatus::Finding:
        return QColor(0xef, 0x6c, 0x00);
    case PinStatus::Missing:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

QIcon dot(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QString targetKey(const QString &entity, qint64 id)
{
    return entity.isEmpty() ? QString() : entity + QLatin1Char(':') + QString::number(id);
}

} // namespace

FloorPlanPage::FloorPlanPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FloorPlanPage>())
{
    m_ui->setupUi(this);
    m_view = new FloorPlanView(this);
    m_view->setObjectName(QStringLiteral("floorPlanView"));
    m_ui->planViewLayout->addWidget(m_view);
    m_pinPhotos = new PhotoStrip(this);
    m_pinPhotos->setObjectName(QStringLiteral("pinPhotoStrip"));
    m_ui->pinPhotosLayout->addWidget(m_pinPhotos);
    m_ui->unlinkedPhotoList->hide(); // replaced by a strip with thumbnails, captions and Delete
    m_unlinked = new PhotoStrip(this);
    m_unlinked->setObjectName(QStringLiteral("unlinkedPhotoStrip"));
    m_ui->unlinkedLayout->insertWidget(0, m_unlinked);
    m_ui->floorPlanSplitter->setStretchFactor(0, 1);
    m_ui->floorPlanSplitter->setStretchFactor(1, 5);
    m_ui->floorPlanSplitter->setStretchFactor(2, 2);

    const QList<std::pair<PinKind, QString>> kinds{{PinKind::Onu, tr("ONU")},
                                                   {PinKind::Router, tr("Router/UTM")},
                                                   {PinKind::Terminal, tr("Terminal")},
                                                   {PinKind::Other, tr("Other")}};
    for (const auto &[kind, label] : kinds) {
        m_ui->newPinKindCombo->addItem(label, fs::model::kPinKindKeys.key(kind));
        m_ui->pinKindCombo->addItem(label, fs::model::kPinKindKeys.key(kind));
    }

    connect(m_ui->planList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling || row < 0 || row >= m_data.floorPlans.size())
            return;
        m_planUuid = m_data.floorPlans[row].uuid;
        m_pinUuid.clear();
        showPlan();
        fillPins();
        fillPinDetails();
    });
    connect(m_ui->addPlanButton, &QPushButton::clicked, this, &FloorPlanPage::choosePlanFile);
    connect(m_ui->rotatePlanButton, &QPushButton::clicked, this, &FloorPlanPage::rotateCurrentPlan);
    connect(m_ui->removePlanButton, &QPushButton::clicked, this, [this] {
        if (m_editor && currentPlan() &&
            m_editor->remove(Entity::FloorPlan, m_planUuid, tr("Remove floor plan")))
            emit statusMessage(tr("Floor plan removed. Ctrl+Z brings it back."));
    });
    connect(m_ui->addPinButton, &QPushButton::toggled, m_view, &FloorPlanView::setPlacingPin);
    connect(m_ui->zoomInButton, &QToolButton::clicked, m_view, &FloorPlanView::zoomIn);
    connect(m_ui->zoomOutButton, &QToolButton::clicked, m_view, &FloorPlanView::zoomOut);
    connect(m_ui->fitButton, &QToolButton::clicked, m_view, &FloorPlanView::fitToWindow);
    connect(m_view, &FloorPlanView::zoomChanged, this, [this](double zoom) {
        const FloorPlan *plan = currentPlan();
        // PDF points: 72 per inch; show the scale as the drawing's own (100 % = printed size).
        const double percent = plan && plan->sourceKind == QStringLiteral("pdf_page")
                                   ? zoom * 72 / logicalDpiX() * 100
                                   : zoom * 100;
        m_ui->zoomLabel->setText(tr("%1 %").arg(qRound(percent)));
    });
    for (QCheckBox *check :
         {m_ui->showOnuCheck, m_ui->showRouterCheck, m_ui->showTerminalCheck, m_ui->showOtherCheck,
          m_ui->showDoneCheck, m_ui->showMissingCheck, m_ui->showFindingCheck})
        connect(check, &QCheckBox::toggled, this, &FloorPlanPage::fillPins);
    connect(m_ui->pinFilterEdit, &QLineEdit::textChanged, this, &FloorPlanPage::fillPins);

    connect(m_view, &FloorPlanView::pinSelected, this, [this](const QString &uuid) {
        m_pinUuid = uuid;
        fillPins();
        fillPinDetails();
    });
    connect(m_view, &FloorPlanView::pinMoved, this, &FloorPlanPage::movePin);
    connect(m_view, &FloorPlanView::addPinRequested, this, [this](QPointF at) {
        m_ui->addPinButton->setChecked(false);
        addPinAt(at);
    });
    connect(m_view, &FloorPlanView::deletePinRequested, this, &FloorPlanPage::removePin);
    connect(m_view, &FloorPlanView::pinActivated, this, [this](const QString &uuid) {
        selectPin(uuid);
        m_ui->pinLabelEdit->setFocus();
        m_ui->pinLabelEdit->selectAll();
    });
    connect(m_ui->pinList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling || !item)
            return;
        m_pinUuid = item->data(kUuidRole).toString();
        m_view->setSelectedPin(m_pinUuid);
        fillPinDetails();
    });
    connect(m_ui->removePinButton, &QPushButton::clicked, this, [this] { removePin(m_pinUuid); });
    connect(m_ui->pinKindCombo, &QComboBox::activated, this, [this] {
        if (m_editor && currentPin())
            m_editor->setField(FieldRef{Entity::Pin, m_pinUuid, QStringLiteral("kind")},
                               m_ui->pinKindCombo->currentData(), tr("Change pin kind"));
    });
    connect(m_ui->pinLabelEdit, &QLineEdit::editingFinished, this, [this] {
        const Pin *pin = currentPin();
        if (m_editor && pin && pin->label != m_ui->pinLabelEdit->text().trimmed())
            m_editor->setField(FieldRef{Entity::Pin, m_pinUuid, QStringLiteral("label")},
                               m_ui->pinLabelEdit->text().trimmed(), tr("Label pin"));
    });
    connect(m_ui->pinTargetCombo, &QComboBox::activated, this, [this] {
        const QString key = m_ui->pinTargetCombo->currentData().toString();
        linkSelectedPin(
            PhotoTarget{key.section(QLatin1Char(':'), 0, 0), key.section(QLatin1Char(':'), 1).toLongLong()});
    });
    connect(m_ui->importFolderButton, &QPushButton::clicked, this, &FloorPlanPage::chooseFolder);
    connect(m_ui->linkPhotoButton, &QPushButton::clicked, this, &FloorPlanPage::linkSelectedPhotos);
    const auto chooseFiles = [this](const PhotoTarget &target) {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add photos"), QString(), tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"));
        if (!files.isEmpty())
            importPhotos(files, target);
    };
    connect(m_pinPhotos, &PhotoStrip::addRequested, this, [this, chooseFiles] {
        if (const Pin *pin = currentPin())
            chooseFiles(PhotoTarget{QStringLiteral("pin"), pin->id});
    });
    connect(m_unlinked, &PhotoStrip::addRequested, this, [chooseFiles] { chooseFiles({}); });
    connect(m_pinPhotos, &PhotoStrip::statusMessage, this, &FloorPlanPage::statusMessage);
    connect(m_unlinked, &PhotoStrip::statusMessage, this, &FloorPlanPage::statusMessage);
    updateButtons();
}

FloorPlanPage::~FloorPlanPage() = default;

void FloorPlanPage::setSurvey(fs::model::SurveyStore *store, fs::model::SurveyEditor *editor)
{
    if (store != m_store) {
        m_sources.clear();
        m_shownSourceKey.clear();
        m_planUuid.clear();
        m_pinUuid.clear();
        m_view->setSource(nullptr);
    }
    m_store = store;
    m_editor = editor;
    m_view->setEditable(editor != nullptr);
    m_pinPhotos->setEditor(editor);
    m_unlinked->setEditor(editor);
    if (!store)
        setData({}, {}, {});
    updateButtons();
}

void FloorPlanPage::setData(const fs::model::SurveyData &data, const QList<Photo> &photos,
                            const QList<fs::model::Finding> &findings)
{
    m_data = data;
    m_photos = photos;
    m_findings = findings;
    {
        m_filling = true;
        const QSignalBlocker blocker(m_ui->planList);
        m_ui->planList->clear();
        int current = -1;
        for (qsizetype i = 0; i < m_data.floorPlans.size(); ++i) {
            const FloorPlan &plan = m_data.floorPlans[i];
            const QString title = plan.title.isEmpty() ? tr("Plan %1").arg(i + 1) : plan.title;
            auto *item = new QListWidgetItem(tr("%1 (%n pin(s))", nullptr, int(plan.pins.size())).arg(title),
                                             m_ui->planList);
            item->setData(kUuidRole, plan.uuid);
            if (plan.uuid == m_planUuid)
                current = int(i);
        }
        if (current < 0 && !m_data.floorPlans.isEmpty()) {
            current = 0;
            m_pinUuid.clear();
        }
        m_planUuid = current >= 0 ? m_data.floorPlans[current].uuid : QString();
        m_ui->planList->setCurrentRow(current);
        m_filling = false;
    }
    fillTargets();
    showPlan();
    fillPins();
    fillPinDetails();
    fillUnlinked();
    updateButtons();
}

void FloorPlanPage::focusPlan()
{
    m_view->setFocus();
}

const FloorPlan *FloorPlanPage::currentPlan() const
{
    for (const FloorPlan &plan : m_data.floorPlans) {
        if (plan.uuid == m_planUuid)
            return &plan;
    }
    return nullptr;
}

const Pin *FloorPlanPage::currentPin() const
{
    if (const FloorPlan *plan = currentPlan()) {
        for (const Pin &pin : plan->pins) {
            if (pin.uuid == m_pinUuid)
                return &pin;
        }
    }
    return nullptr;
}

void FloorPlanPage::showPlan()
{
    const FloorPlan *plan = currentPlan();
    m_ui->noPlanLabel->setVisible(!plan);
    m_view->setVisible(plan != nullptr);
    if (!plan || !m_store) {
        m_view->setSource(nullptr);
        m_shownSourceKey.clear();
        return;
    }
    const QString key = QStringLiteral("%1/%2").arg(plan->blobId).arg(plan->pageIndex);
    if (key != m_shownSourceKey) {
        std::shared_ptr<fs::plans::PlanSource> source = m_sources.value(key);
        if (!source) {
            auto device = m_store->openBlob(plan->blobId);
            Result<std::shared_ptr<fs::plans::PlanSource>> opened =
                device ? Result<std::shared_ptr<fs::plans::PlanSource>>() : tl::unexpected(device.error());
            if (device) {
                const QByteArray bytes = (*device)->read(fs::plans::PlanFile::kMaxFileBytes + 1);
                opened = plan->sourceKind == QStringLiteral("pdf_page")
                             ? fs::plans::PlanSource::openPdf(bytes, plan->pageIndex, plan->title)
                             : fs::plans::PlanSource::openImage(bytes, plan->title);
            }
            if (!opened) {
                qCWarning(lcUi) << "cannot show floor plan" << plan->uuid << describe(opened.error());
                emit statusMessage(
                    tr("The floor plan %1 cannot be shown: %2").arg(plan->title, opened.error().detail));
                m_view->setSource(nullptr);
                m_shownSourceKey.clear();
                return;
            }
            source = *opened;
            m_sources.insert(key, source);
        }
        m_view->setSource(source);
        m_shownSourceKey = key;
    }
    m_view->setRotation(plan->rotation);
}

PinStatus FloorPlanPage::statusOf(const Pin &pin) const
{
    return fs::model::PinStatuses(m_data, m_photos, m_findings).of(pin);
}

QString FloorPlanPage::pinText(const Pin &pin) const
{
    const int index = m_ui->pinKindCombo->findData(fs::model::kPinKindKeys.key(pin.kind));
    const QString kind = m_ui->pinKindCombo->itemText(index);
    const int target = m_ui->pinTargetCombo->findData(targetKey(pin.targetEntity, pin.targetId));
    const QString marks = target > 0 ? m_ui->pinTargetCombo->itemText(target) : tr("not linked");
    return pin.label.isEmpty() ? tr("[%1] %2").arg(kind, marks)
                               : tr("[%1] %2 — %3").arg(kind, pin.label, marks);
}

bool FloorPlanPage::passesFilter(const Pin &pin) const
{
    const bool kindShown = (pin.kind == PinKind::Onu && m_ui->showOnuCheck->isChecked()) ||
                           (pin.kind == PinKind::Router && m_ui->showRouterCheck->isChecked()) ||
                           (pin.kind == PinKind::Terminal && m_ui->showTerminalCheck->isChecked()) ||
                           (pin.kind == PinKind::Other && m_ui->showOtherCheck->isChecked());
    const PinStatus status = statusOf(pin);
    const bool stateShown = (status == PinStatus::Done && m_ui->showDoneCheck->isChecked()) ||
                            (status == PinStatus::Missing && m_ui->showMissingCheck->isChecked()) ||
                            (status == PinStatus::Finding && m_ui->showFindingCheck->isChecked());
    const QString filter = m_ui->pinFilterEdit->text().trimmed();
    const bool textShown = filter.isEmpty() || pinText(pin).contains(filter, Qt::CaseInsensitive) ||
                           pin.sourceText.contains(filter, Qt::CaseInsensitive);
    return kindShown && stateShown && textShown;
}

QList<QString> FloorPlanPage::visiblePinUuids() const
{
    QList<QString> uuids;
    for (int i = 0; i < m_ui->pinList->count(); ++i)
        uuids << m_ui->pinList->item(i)->data(kUuidRole).toString();
    return uuids;
}

void FloorPlanPage::fillPins()
{
    m_filling = true;
    const QSignalBlocker blocker(m_ui->pinList);
    m_ui->pinList->clear();
    QList<PinMarker> markers;
    if (const FloorPlan *plan = currentPlan()) {
        const fs::model::PinStatuses statuses(m_data, m_photos, m_findings);
        for (const Pin &pin : plan->pins) {
            if (!passesFilter(pin))
                continue;
            const PinStatus status = statuses.of(pin);
            markers << PinMarker{pin.uuid, pin.kind, QPointF(pin.x, pin.y), pin.label, stateOf(status)};
            auto *item = new QListWidgetItem(dot(colourOf(status)), pinText(pin), m_ui->pinList);
            item->setData(kUuidRole, pin.uuid);
            if (!pin.sourceText.isEmpty())
                item->setToolTip(tr("From the workbook: %1").arg(pin.sourceText));
            if (pin.uuid == m_pinUuid)
                m_ui->pinList->setCurrentItem(item);
        }
    }
    m_view->setPins(markers);
    m_view->setSelectedPin(m_pinUuid);
    m_filling = false;
}

void FloorPlanPage::fillTargets()
{
    const QSignalBlocker blocker(m_ui->pinTargetCombo);
    m_ui->pinTargetCombo->clear();
    m_ui->pinTargetCombo->addItem(tr("(nothing)"), QString());
    for (const auto &line : m_data.connectionPoints) {
        const QString what = QStringList{line.carrier, line.lineType}.join(QLatin1Char(' ')).trimmed();
        m_ui->pinTargetCombo->addItem(what.isEmpty() ? tr("Line %1").arg(line.cafId)
                                                     : tr("Line %1 (%2)").arg(line.cafId, what),
                                      targetKey(QStringLiteral("connection_point"), line.id));
        for (const auto &device : line.devices) {
            const QString name =
                QStringList{device.maker, device.model, device.hostname}.join(QLatin1Char(' ')).trimmed();
            m_ui->pinTargetCombo->addItem(
                tr("  Device %1 of %2").arg(name.isEmpty() ? device.deviceType : name, line.cafId),
                targetKey(QStringLiteral("device"), device.id));
        }
    }
    for (const auto &terminal : m_data.terminals)
        m_ui->pinTargetCombo->addItem(
            terminal.hostname.isEmpty()
                ? tr("Terminal %1").arg(terminal.terminalNo)
                : tr("Terminal %1 (%2)").arg(terminal.terminalNo).arg(terminal.hostname),
            targetKey(QStringLiteral("terminal"), terminal.id));
}

void FloorPlanPage::fillPinDetails()
{
    const Pin *pin = currentPin();
    m_ui->pinGroup->setEnabled(pin != nullptr);
    m_ui->pinPhotosGroup->setEnabled(pin != nullptr);
    const QSignalBlocker kindBlocker(m_ui->pinKindCombo);
    const QSignalBlocker targetBlocker(m_ui->pinTargetCombo);
    if (!pin) {
        m_ui->pinLabelEdit->clear();
        m_ui->pinStatusLabel->clear();
        m_ui->pinTargetCombo->setCurrentIndex(0);
        m_pinPhotos->setPhotos(m_store, {});
        updateButtons();
        return;
    }
    m_ui->pinKindCombo->setCurrentIndex(m_ui->pinKindCombo->findData(fs::model::kPinKindKeys.key(pin->kind)));
    if (!m_ui->pinLabelEdit->hasFocus() || m_ui->pinLabelEdit->text() != pin->label)
        m_ui->pinLabelEdit->setText(pin->label);
    m_ui->pinTargetCombo->setCurrentIndex(
        std::max(0, m_ui->pinTargetCombo->findData(targetKey(pin->targetEntity, pin->targetId))));
    switch (statusOf(*pin)) {
    case PinStatus::Done:
        m_ui->pinStatusLabel->setText(tr("Done: linked, nothing missing, photographed"));
        break;
    case PinStatus::Finding:
        m_ui->pinStatusLabel->setText(tr("Has a finding (危険/注意)"));
        break;
    case PinStatus::Missing:
        m_ui->pinStatusLabel->setText(pin->targetEntity.isEmpty()
                                          ? tr("Missing: not linked to a line, device or terminal")
                                          : tr("Missing: something is still to capture or photograph"));
        break;
    }
    QList<Photo> photos;
    for (const Photo &p : m_photos) {
        if (p.target.entity == QStringLiteral("pin") && p.target.id == pin->id)
            photos << p;
    }
    m_pinPhotos->setPhotos(m_store, photos);
    updateButtons();
}

void FloorPlanPage::fillUnlinked()
{
    QList<Photo> photos;
    for (const Photo &p : m_photos) {
        if (p.target.entity.isEmpty())
            photos << p;
    }
    m_unlinked->setPhotos(m_store, photos);
    m_ui->unlinkedGroup->setTitle(tr("Photos not linked yet (%1)").arg(photos.size()));
}

void FloorPlanPage::updateButtons()
{
    const bool editable = m_editor != nullptr;
    const bool hasPlan = currentPlan() != nullptr;
    m_ui->addPlanButton->setEnabled(editable);
    m_ui->rotatePlanButton->setEnabled(editable && hasPlan);
    m_ui->removePlanButton->setEnabled(editable && hasPlan);
    m_ui->addPinButton->setEnabled(editable && hasPlan);
    m_ui->newPinKindCombo->setEnabled(editable && hasPlan);
    m_ui->removePinButton->setEnabled(editable && currentPin());
    m_ui->pinKindCombo->setEnabled(editable);
    m_ui->pinLabelEdit->setReadOnly(!editable);
    m_ui->pinTargetCombo->setEnabled(editable);
    m_ui->importFolderButton->setEnabled(editable);
    m_ui->linkPhotoButton->setEnabled(editable && currentPin());
}

void FloorPlanPage::selectPlan(int index)
{
    m_ui->planList->setCurrentRow(index);
}

void FloorPlanPage::selectPin(const QString &uuid)
{
    m_pinUuid = uuid;
    fillPins();
    fillPinDetails();
}

bool FloorPlanPage::addPlanFromFile(const QString &path, int pageIndex)
{
    if (!m_editor)
        return false;
    auto plan = fs::plans::PlanFile::read(path, pageIndex);
    if (!plan) {
        m_editor->reportFailure(plan.error());
        return false;
    }
    auto added = m_editor->addFloorPlan(*plan, tr("Add floor plan"));
    if (!added)
        return false;
    m_planUuid = added->uuid; // the window has reloaded the survey already: show it now
    m_pinUuid.clear();
    setData(m_data, m_photos, m_findings);
    emit statusMessage(tr("Floor plan %1 added.").arg(added->title));
    return true;
}

void FloorPlanPage::choosePlanFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Add floor plan"), QString(),
                                     tr("Floor plans (*.pdf *.png *.jpg *.jpeg *.PDF *.PNG *.JPG *.JPEG)"));
    if (path.isEmpty())
        return;
    int page = 0;
    if (fs::plans::PlanFile::isPdf(path)) {
        QFile file(path);
        auto pages = file.open(QIODevice::ReadOnly) && file.size() <= fs::plans::PlanFile::kMaxFileBytes
                         ? fs::plans::PlanSource::pdfPages(file.readAll(), QFileInfo(path).fileName())
                         : Result<QList<fs::plans::PlanSource::PdfPageInfo>>(tl::unexpected(
                               Error{ErrorCode::Io, path + QStringLiteral(": ") + file.errorString()}));
        if (!pages) {
            if (m_editor)
                m_editor->reportFailure(pages.error());
            return;
        }
        if (pages->size() > 1) {
            QStringList items;
            for (const auto &p : *pages)
                items << tr("Page %1 — %2 × %3 mm")
                             .arg(p.index + 1)
                             .arg(qRound(p.sizePoints.width() / 72 * 25.4))
                             .arg(qRound(p.sizePoints.height() / 72 * 25.4));
            bool ok = false;
            const QString chosen = QInputDialog::getItem(
                this, tr("Add floor plan"),
                tr("%1 has %n page(s). Which one is the floor plan?", nullptr, int(pages->size()))
                    .arg(QFileInfo(path).fileName()),
                items, 0, false, &ok);
            if (!ok)
                return;
            page = int(items.indexOf(chosen));
        }
    }
    addPlanFromFile(path, page);
}

bool FloorPlanPage::rotateCurrentPlan()
{
    const FloorPlan *plan = currentPlan();
    if (!m_editor || !plan)
        return false;
    return m_editor->setField(FieldRef{Entity::FloorPlan, plan->uuid, QStringLiteral("rotation")},
                              QString::number((plan->rotation + 90) % 360), tr("Rotate floor plan"));
}

bool FloorPlanPage::addPinAt(QPointF normalised)
{
    const FloorPlan *plan = currentPlan();
    if (!m_editor || !plan)
        return false;
    Pin pin;
    pin.kind =
        fs::model::kPinKindKeys.parseOr(m_ui->newPinKindCombo->currentData().toString(), PinKind::Other);
    pin.x = std::clamp(normalised.x(), 0.0, 1.0);
    pin.y = std::clamp(normalised.y(), 0.0, 1.0);
    auto added = m_editor->addPin(plan->uuid, pin, tr("Add pin"));
    if (!added)
        return false;
    m_pinUuid = added->uuid;
    fillPins();
    fillPinDetails();
    emit statusMessage(tr("Pin added. Choose what it marks on the right."));
    return true;
}

void FloorPlanPage::movePin(const QString &uuid, QPointF normalised)
{
    if (!m_editor)
        return;
    m_pinUuid = uuid;
    m_editor->setFields({{{Entity::Pin, uuid, QStringLiteral("x")}, std::clamp(normalised.x(), 0.0, 1.0)},
                         {{Entity::Pin, uuid, QStringLiteral("y")}, std::clamp(normalised.y(), 0.0, 1.0)}},
                        tr("Move pin"));
}

void FloorPlanPage::removePin(const QString &uuid)
{
    if (m_editor && !uuid.isEmpty() && m_editor->remove(Entity::Pin, uuid, tr("Remove pin"))) {
        m_pinUuid.clear();
        emit statusMessage(tr("Pin removed. Ctrl+Z brings it back."));
    }
}

bool FloorPlanPage::linkSelectedPin(const PhotoTarget &target)
{
    const Pin *pin = currentPin();
    if (!m_editor || !pin)
        return false;
    const bool none = target.entity.isEmpty();
    QList<FieldChange> changes{
        {{Entity::Pin, pin->uuid, QStringLiteral("target_entity")},
         none ? QVariant() : QVariant(target.entity)},
        {{Entity::Pin, pin->uuid, QStringLiteral("target_id")}, none ? QVariant() : QVariant(target.id)}};
    // A pin without a label takes the name of what it marks.
    const int index = m_ui->pinTargetCombo->findData(targetKey(target.entity, target.id));
    if (pin->label.isEmpty() && !none && index > 0) {
        // "回線 CAF0002（NTT西日本 閉域網）" → "回線 CAF0002": short enough to sit beside the pin.
        const QString name = m_ui->pinTargetCombo->itemText(index).trimmed();
        changes.append({{Entity::Pin, pin->uuid, QStringLiteral("label")},
                        name.section(QChar(0xFF08), 0, 0).section(QStringLiteral(" ("), 0, 0).trimmed()});
    }
    return m_editor->setFields(changes, tr("Link pin"));
}

int FloorPlanPage::importPhotos(const QStringList &paths, const PhotoTarget &target)
{
    if (!m_editor)
        return 0;
    auto found = fs::model::PhotoImport::collect(paths);
    if (!found) {
        m_editor->reportFailure(found.error());
        return 0;
    }
    QProgressDialog progress(tr("Importing photos…"), tr("Stop"), 0, int(found->files.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const auto report = m_editor->importPhotos(found->files, target,
                                               tr("Import %n photo(s)", nullptr, int(found->files.size())),
                                               [&progress](int done, int) {
                                                   progress.setValue(done);
                                                   return !progress.wasCanceled();
                                               });
    progress.setValue(int(found->files.size()));
    QString message = tr("%n photo(s) imported", nullptr, int(report.added.size()));
    if (!report.duplicates.isEmpty())
        message += tr(", %n already in the survey", nullptr, int(report.duplicates.size()));
    if (!report.failed.isEmpty())
        message += tr(", %n could not be read", nullptr, int(report.failed.size()));
    if (!found->skipped.isEmpty())
        message += tr(", %n other file(s) skipped", nullptr, int(found->skipped.size()));
    emit statusMessage(message + QLatin1Char('.'));
    for (const QString &f : report.failed)
        qCWarning(lcUi) << "photo import:" << f;
    return int(report.added.size());
}

void FloorPlanPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import photos from a folder"));
    if (!folder.isEmpty())
        importPhotos({folder}, {});
}

void FloorPlanPage::linkSelectedPhotos()
{
    const Pin *pin = currentPin();
    const QString uuid = m_unlinked->currentUuid();
    if (!m_editor || !pin || uuid.isEmpty())
        return;
    m_editor->setTarget(Entity::Photo, uuid, PhotoTarget{QStringLiteral("pin"), pin->id}, tr("Link photo"));
}

} // namespace fs::app
