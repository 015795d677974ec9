#include "connectionpointpage.h"

#include "addlinedialog.h"
#include "keycombo.h"
#include "missingitemtext.h"
#include "pageicons.h"
#include "reviewmarks.h"
#include "surveyeditor.h"
#include "surveyprogress.h"
#include "surveystore.h"
#include "ui_connectionpointpage.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QImageReader>
#include <QKeyEvent>
#include <QLocale>
#include <QSignalBlocker>
#include <QStyle>

namespace fs::app {

namespace {

using fs::model::ConnectionPoint;
using fs::model::Device;
using fs::model::Entity;
using fs::model::FieldRef;
using fs::model::Origin;

constexpr int kUuidRole = Qt::UserRole + 1;

void setEditText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        edit->setText(text);
        edit->setCursorPosition(0);
    }
}

// Read-only fields look like text (the page's style sheet); the look follows the property.
void setReadOnly(QLineEdit *edit, bool readOnly)
{
    if (edit->isReadOnly() == readOnly)
        return;
    edit->setReadOnly(readOnly);
    edit->style()->unpolish(edit);
    edit->style()->polish(edit);
}

QString deviceName(const Device &d)
{
    QStringList parts;
    for (const QString &s : {d.maker, d.model}) {
        if (!s.trimmed().isEmpty())
            parts << s.trimmed();
    }
    if (parts.isEmpty()) {
        const QString vendor = fs::model::factValue(d.facts, QStringLiteral("vendor"));
        const QString model = fs::model::factValue(d.facts, QStringLiteral("model"));
        for (const QString &s : {vendor, model}) {
            if (!s.trimmed().isEmpty())
                parts << s.trimmed();
        }
    }
    if (parts.isEmpty() && !d.deviceType.isEmpty())
        parts << d.deviceType;
    return parts.join(QLatin1Char(' '));
}

} // namespace

ConnectionPointPage::ConnectionPointPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionPointPage>())
{
    m_ui->setupUi(this);
    m_ui->lineSplitter->setStretchFactor(0, 0);
    m_ui->lineSplitter->setStretchFactor(1, 1);
    m_ui->lineListPanel->setMinimumWidth(fontMetrics().averageCharWidth() * 26);
    m_ui->lineSplitter->setSizes({fontMetrics().averageCharWidth() * 34, width()});
    QFont title = m_ui->lineTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.3);
    m_ui->lineTitleLabel->setFont(title);
    m_ui->undeclaredBadgeLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5; "
                       "border-radius: 4px; padding: 2px 8px; font-weight: bold; }"));
    m_ui->lineList->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    m_ui->lineList->setWordWrap(true);
    m_ui->lineList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->lineList->installEventFilter(this);
    // What the hospital declared reads as text, not as a field to fill in.
    setStyleSheet(QStringLiteral("QLineEdit[readOnly=\"true\"] { background: transparent; border: none; }"));

    fillKeyCombo(m_ui->equipmentTypeCombo, QStringLiteral("equipment"), fs::model::kEquipmentTypeKeys);
    fillKeyCombo(m_ui->onuStatusCombo, QStringLiteral("onu_status"), fs::model::kOnuLocationStatusKeys);
    fillKeyCombo(m_ui->emrReachabilityCombo, QStringLiteral("emr"), fs::model::kEmrReachabilityKeys);
    fillKeyCombo(m_ui->protectionCombo, QStringLiteral("protection"), fs::model::kProtectionKeys);
    fillKeyCombo(m_ui->deviceRoleCombo, QStringLiteral("role"), fs::model::kChainRoleKeys);
    m_ui->accessMethodCombo->addItems(
        {QStringLiteral("SSH"), QStringLiteral("Telnet"), tr("Console"), QStringLiteral("Web")});

    auto *table = m_ui->deviceTable;
    table->setColumnCount(5);
    table->setHorizontalHeaderLabels({tr("No."), tr("Place"), tr("Device"), tr("Host name"), tr("Firmware")});
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumHeight(fontMetrics().height() * 6);
    table->setMaximumHeight(fontMetrics().height() * 10);

    connect(m_ui->lineList, &QListWidget::currentRowChanged, this, [this] {
        m_deviceUuid.clear();
        showLine();
    });
    connect(m_ui->deviceTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        const auto *line = selectedLine();
        m_deviceUuid = line && row >= 0 && row < line->devices.size() ? line->devices[row].uuid : QString();
        showDevice();
    });
    connect(m_ui->addLineButton, &QPushButton::clicked, this, &ConnectionPointPage::addLineFoundOnSite);
    connect(m_ui->addDeviceButton, &QPushButton::clicked, this, &ConnectionPointPage::addDevice);
    connect(m_ui->moveDeviceUpButton, &QPushButton::clicked, this, [this] { moveDevice(-1); });
    connect(m_ui->moveDeviceDownButton, &QPushButton::clicked, this, [this] { moveDevice(1); });
    connect(m_ui->removeDeviceButton, &QPushButton::clicked, this, &ConnectionPointPage::removeDevice);
    connect(m_ui->linePhotoStrip, &PhotoStrip::addRequested, this, &ConnectionPointPage::choosePhotos);
    connect(m_ui->linePhotoStrip, &PhotoStrip::statusMessage, this, &ConnectionPointPage::statusMessage);
    connectEdits();
    setEditor(nullptr);
    showLine();
}

ConnectionPointPage::~ConnectionPointPage() = default;

void ConnectionPointPage::connectEdits()
{
    const auto lineText = [this](QLineEdit *edit, const char *field) {
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, field] {
            if (!edit->isReadOnly())
                setLineField(QString::fromLatin1(field), edit->text().trimmed(), tr("Edit line"));
        });
    };
    lineText(m_ui->purposeEdit, "purpose");
    lineText(m_ui->lineTypeEdit, "line_type");
    lineText(m_ui->carrierEdit, "carrier");
    lineText(m_ui->carrierServiceEdit, "carrier_service");
    lineText(m_ui->lineIdEdit, "line_id");
    lineText(m_ui->connectionTypeEdit, "connection_type");
    lineText(m_ui->ipAssignmentEdit, "ip_assignment");
    lineText(m_ui->globalIpEdit, "global_ip");
    lineText(m_ui->emrConnectionEdit, "connects_to_emr");
    lineText(m_ui->onuLocationEdit, "onu_location_found");
    connect(m_ui->lineNoteEdit, &NoteEdit::editingFinished, this, [this] {
        if (!m_ui->lineNoteEdit->isReadOnly())
            setLineField(QStringLiteral("note"), m_ui->lineNoteEdit->toPlainText(), tr("Edit line note"));
    });
    const auto lineKey = [this](QComboBox *combo, const char *field, const QString &text) {
        connect(combo, &QComboBox::activated, this, [this, combo, field, text] {
            setLineField(QString::fromLatin1(field), combo->currentData(), text);
        });
    };
    lineKey(m_ui->equipmentTypeCombo, "equipment_type", tr("Change equipment"));
    lineKey(m_ui->onuStatusCombo, "onu_location_status", tr("Record the ONU location"));
    lineKey(m_ui->emrReachabilityCombo, "emr_reachability", tr("Record EMR reachability"));
    lineKey(m_ui->protectionCombo, "protection", tr("Record protection"));

    const auto deviceText = [this](QLineEdit *edit, const char *field) {
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, field] {
            if (!edit->isReadOnly())
                setDeviceField(QString::fromLatin1(field), edit->text().trimmed(), tr("Edit device"));
        });
    };
    deviceText(m_ui->deviceTypeEdit, "device_type");
    deviceText(m_ui->makerEdit, "maker");
    deviceText(m_ui->modelEdit, "model");
    deviceText(m_ui->hostnameEdit, "hostname");
    deviceText(m_ui->managementIpEdit, "management_ip");
    deviceText(m_ui->accessPortEdit, "access_port");
    deviceText(m_ui->deviceNoteEdit, "note");
    connect(m_ui->accessMethodCombo, &QComboBox::activated, this, [this] {
        setDeviceField(QStringLiteral("access_method"), m_ui->accessMethodCombo->currentText().trimmed(),
                       tr("Edit device"));
    });
    connect(m_ui->accessMethodCombo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        setDeviceField(QStringLiteral("access_method"), m_ui->accessMethodCombo->currentText().trimmed(),
                       tr("Edit device"));
    });
    connect(m_ui->deviceRoleCombo, &QComboBox::activated, this, [this] {
        setDeviceField(QStringLiteral("chain_role"), m_ui->deviceRoleCombo->currentData(),
                       tr("Set the device's place"));
    });
    const auto fact = [this](QLineEdit *edit, const char *key) {
        connect(edit, &QLineEdit::editingFinished, this,
                [this, edit, key] { recordFact(QString::fromLatin1(key), edit); });
    };
    fact(m_ui->factVendorEdit, "vendor");
    fact(m_ui->factModelEdit, "model");
    fact(m_ui->factHostnameEdit, "hostname");
    fact(m_ui->factFirmwareEdit, "firmware");
    fact(m_ui->factSerialEdit, "serial");
    fact(m_ui->factUptimeEdit, "uptime");
}

void ConnectionPointPage::setEditor(fs::model::SurveyEditor *editor)
{
    m_editor = editor;
    const bool editable = editor != nullptr;
    m_ui->addLineButton->setEnabled(editable);
    m_ui->linePhotoStrip->setEditor(editor);
    showLine();
}

void ConnectionPointPage::setSurvey(const fs::model::SurveyStore *store, const QList<ConnectionPoint> &lines,
                                    const QList<fs::model::Photo> &photos)
{
    const QString lineUuid = selectedLineUuid();
    m_store = store;
    m_lines = lines;
    m_photos = photos;
    fillList();
    int row = -1;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].uuid == lineUuid)
            row = i;
    }
    {
        const QSignalBlocker blocker(m_ui->lineList);
        m_ui->lineList->setCurrentRow(row >= 0 ? row : (m_lines.isEmpty() ? -1 : 0));
    }
    if (row < 0)
        m_deviceUuid.clear();
    showLine();
}

void ConnectionPointPage::setReviewComments(const QList<fs::model::ReviewComment> &open)
{
    m_reviewComments = open;
}

void ConnectionPointPage::fillList()
{
    const QSignalBlocker blocker(m_ui->lineList);
    m_ui->lineList->clear();
    for (const ConnectionPoint &line : m_lines) {
        const auto missing = fs::model::SurveyProgress::lineMissing(line, m_photos);
        QString head = tr("%1　Line %2").arg(line.cafId).arg(line.lineNo);
        if (line.origin == Origin::FoundOnSite)
            head += tr("　[undeclared]");
        QString purpose = line.purpose.isEmpty() ? line.carrier : line.purpose;
        if (purpose.isEmpty())
            purpose = ModelLabels::value(QStringLiteral("equipment"),
                                         fs::model::kEquipmentTypeKeys.key(line.equipmentType));
        const QString state =
            missing.isEmpty() ? tr("all recorded") : tr("%n item(s) missing", nullptr, int(missing.size()));
        auto *item =
            new QListWidgetItem(PageIcons::status(missing.isEmpty()),
                                head + QLatin1Char('\n') + purpose + QStringLiteral("　·　") + state);
        item->setData(kUuidRole, line.uuid);
        QStringList tip;
        for (const auto &m : missing)
            tip << MissingItemText::describe(m);
        item->setToolTip(tip.join(QLatin1Char('\n')));
        if (line.origin == Origin::FoundOnSite)
            item->setForeground(QColor(0x8a, 0x1c, 0x28));
        QStringList uuids{line.uuid};
        for (const Device &d : line.devices)
            uuids << d.uuid;
        ReviewMarks::mark(item, m_reviewComments, uuids);
        m_ui->lineList->addItem(item);
    }
}

const ConnectionPoint *ConnectionPointPage::selectedLine() const
{
    const int row = m_ui->lineList->currentRow();
    return row >= 0 && row < m_lines.size() ? &m_lines[row] : nullptr;
}

const Device *ConnectionPointPage::selectedDevice() const
{
    const auto *line = selectedLine();
    if (!line)
        return nullptr;
    for (const Device &d : line->devices) {
        if (d.uuid == m_deviceUuid)
            return &d;
    }
    return nullptr;
}

QString ConnectionPointPage::selectedLineUuid() const
{
    const auto *line = selectedLine();
    return line ? line->uuid : QString();
}

QString ConnectionPointPage::selectedDeviceUuid() const
{
    return selectedDevice() ? m_deviceUuid : QString();
}

void ConnectionPointPage::showLine()
{
    const auto *line = selectedLine();
    m_ui->detailStack->setCurrentIndex(line ? 1 : 0);
    if (!line)
        return;
    const bool editable = m_editor != nullptr;
    const bool undeclared = line->origin == Origin::FoundOnSite;

    m_ui->lineTitleLabel->setText(tr("%1　Line %2").arg(line->cafId).arg(line->lineNo));
    m_ui->undeclaredBadgeLabel->setVisible(undeclared);
    const auto missing = fs::model::SurveyProgress::lineMissing(*line, m_photos);
    if (missing.isEmpty()) {
        m_ui->lineProgressLabel->setText(tr("Everything for this line is recorded"));
        m_ui->lineProgressLabel->setStyleSheet(QStringLiteral("QLabel { color: #196c2e; }"));
    } else {
        m_ui->lineProgressLabel->setText(tr("%n item(s) still missing", nullptr, int(missing.size())));
        m_ui->lineProgressLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
    }
    m_ui->lineProgressLabel->setToolTip([&missing] {
        QStringList tip;
        for (const auto &m : missing)
            tip << MissingItemText::describe(m);
        return tip.join(QLatin1Char('\n'));
    }());

    // Declared values: the hospital's words, editable only for a line found on site.
    const std::initializer_list<std::pair<QLineEdit *, QString>> declared = {
        {m_ui->purposeEdit, line->purpose},
        {m_ui->lineTypeEdit, line->lineType},
        {m_ui->carrierEdit, line->carrier},
        {m_ui->carrierServiceEdit, line->carrierService},
        {m_ui->lineIdEdit, line->lineId},
        {m_ui->connectionTypeEdit, line->connectionType},
        {m_ui->ipAssignmentEdit, line->ipAssignment},
        {m_ui->globalIpEdit, line->globalIp},
        {m_ui->emrConnectionEdit, line->connectsToEmr},
    };
    for (const auto &[edit, text] : declared) {
        setEditText(edit, text);
        setReadOnly(edit, !(editable && undeclared));
    }
    m_ui->declaredGroup->setTitle(undeclared ? tr("Line found on site (not in the workbook)")
                                             : tr("Declared in the workbook (別紙2-1)"));
    m_ui->declaredNoteLabel->setText(line->declaredNote.isEmpty() ? tr("—") : line->declaredNote);

    setComboKey(m_ui->equipmentTypeCombo, fs::model::kEquipmentTypeKeys.key(line->equipmentType));
    m_ui->equipmentTypeCombo->setEnabled(editable);
    m_ui->onuDeclaredLabel->setText(line->onuLocation.isEmpty() ? tr("(not declared)") : line->onuLocation);
    setComboKey(m_ui->onuStatusCombo, fs::model::kOnuLocationStatusKeys.key(line->onuLocationStatus));
    m_ui->onuStatusCombo->setEnabled(editable);
    setEditText(m_ui->onuLocationEdit, line->onuLocationFound);
    setReadOnly(m_ui->onuLocationEdit, !editable);
    setComboKey(m_ui->emrReachabilityCombo, fs::model::kEmrReachabilityKeys.key(line->emrReachability));
    m_ui->emrReachabilityCombo->setEnabled(editable);
    setComboKey(m_ui->protectionCombo, fs::model::kProtectionKeys.key(line->protection));
    m_ui->protectionCombo->setEnabled(editable);
    m_ui->lineNoteEdit->setNote(line->note);
    m_ui->lineNoteEdit->setReadOnly(!editable);

    // The wiring chain in words: line terminal → devices → EMR network.
    QStringList chain;
    chain << ModelLabels::value(QStringLiteral("equipment"),
                                fs::model::kEquipmentTypeKeys.key(line->equipmentType));
    for (const Device &d : line->devices) {
        const auto role = fs::model::SurveyProgress::effectiveRole(d);
        QString text = ModelLabels::value(QStringLiteral("role"), fs::model::kChainRoleKeys.key(role));
        const QString name = deviceName(d);
        if (!name.isEmpty())
            text += QStringLiteral(" (") + name + QLatin1Char(')');
        chain << text;
    }
    QString emr = tr("EMR network");
    if (line->emrReachability != fs::model::EmrReachability::Unknown)
        emr += QStringLiteral(" [") +
               ModelLabels::value(QStringLiteral("emr"),
                                  fs::model::kEmrReachabilityKeys.key(line->emrReachability)) +
               QLatin1Char(']');
    chain << emr;
    m_ui->wiringChainLabel->setText(chain.join(QStringLiteral(" → ")));

    auto *table = m_ui->deviceTable;
    {
        const QSignalBlocker blocker(table);
        table->setRowCount(int(line->devices.size()));
        for (int r = 0; r < line->devices.size(); ++r) {
            const Device &d = line->devices[r];
            const auto role = fs::model::SurveyProgress::effectiveRole(d);
            const QString firmware = fs::model::factValue(d.facts, QStringLiteral("firmware"));
            const QStringList cells = {
                QString::number(r + 1),
                ModelLabels::value(QStringLiteral("role"), fs::model::kChainRoleKeys.key(role)),
                deviceName(d),
                d.hostname.isEmpty() ? fs::model::factValue(d.facts, QStringLiteral("hostname")) : d.hostname,
                firmware.isEmpty() && fs::model::SurveyProgress::needsFirmware(role) ? tr("(not recorded)")
                                                                                     : firmware,
            };
            for (int c = 0; c < cells.size(); ++c) {
                auto *cell = new QTableWidgetItem(cells[c]);
                if (d.origin == Origin::FoundOnSite)
                    cell->setToolTip(tr("Found on site"));
                if (c == 4 && firmware.isEmpty() && fs::model::SurveyProgress::needsFirmware(role))
                    cell->setForeground(QColor(0x8a, 0x53, 0x00));
                table->setItem(r, c, cell);
            }
        }
    }
    int deviceRow = -1;
    for (int r = 0; r < line->devices.size(); ++r) {
        if (line->devices[r].uuid == m_deviceUuid)
            deviceRow = r;
    }
    if (deviceRow < 0 && !line->devices.isEmpty())
        deviceRow = 0;
    selectDeviceRow(deviceRow);
    m_ui->addDeviceButton->setEnabled(editable);

    QList<fs::model::Photo> photos;
    for (const auto &p : m_photos) {
        if (p.target.entity == QStringLiteral("connection_point") && p.target.id == line->id)
            photos << p;
    }
    m_ui->linePhotoStrip->setPhotos(m_store, photos);
}

void ConnectionPointPage::selectDeviceRow(int row)
{
    const auto *line = selectedLine();
    m_deviceUuid = line && row >= 0 && row < line->devices.size() ? line->devices[row].uuid : QString();
    {
        const QSignalBlocker blocker(m_ui->deviceTable);
        if (row >= 0)
            m_ui->deviceTable->setCurrentCell(row, 0);
        else
            m_ui->deviceTable->setCurrentCell(-1, -1);
    }
    showDevice();
}

void ConnectionPointPage::showDevice()
{
    const auto *line = selectedLine();
    const auto *device = selectedDevice();
    const bool editable = m_editor != nullptr;
    m_ui->deviceGroup->setEnabled(device != nullptr);
    const int row = line && device ? int(device - line->devices.constData()) : -1;
    m_ui->moveDeviceUpButton->setEnabled(editable && row > 0);
    m_ui->moveDeviceDownButton->setEnabled(editable && line && row >= 0 && row + 1 < line->devices.size());
    m_ui->removeDeviceButton->setEnabled(editable && row >= 0);
    const Device empty;
    const Device &d = device ? *device : empty;
    const bool declaredEditable = editable && d.origin == Origin::FoundOnSite;
    const auto role = fs::model::SurveyProgress::effectiveRole(d);
    setComboKey(m_ui->deviceRoleCombo, fs::model::kChainRoleKeys.key(role));
    m_ui->deviceRoleCombo->setEnabled(editable);
    m_ui->deviceRoleCombo->setToolTip(d.chainRole == fs::model::ChainRole::Unknown && role != d.chainRole
                                          ? tr("Taken from the declared device type; choose to confirm.")
                                          : QString());
    for (const auto &[edit, text] :
         std::initializer_list<std::pair<QLineEdit *, QString>>{{m_ui->deviceTypeEdit, d.deviceType},
                                                                {m_ui->makerEdit, d.maker},
                                                                {m_ui->modelEdit, d.model},
                                                                {m_ui->hostnameEdit, d.hostname},
                                                                {m_ui->managementIpEdit, d.managementIp}}) {
        setEditText(edit, text);
        setReadOnly(edit, !declaredEditable);
    }
    if (m_ui->accessMethodCombo->currentText() != d.accessMethod) {
        const QSignalBlocker blocker(m_ui->accessMethodCombo);
        m_ui->accessMethodCombo->setCurrentText(d.accessMethod);
    }
    m_ui->accessMethodCombo->setEnabled(editable);
    setEditText(m_ui->accessPortEdit, d.accessPort);
    setReadOnly(m_ui->accessPortEdit, !editable);
    setEditText(m_ui->deviceNoteEdit, d.note);
    setReadOnly(m_ui->deviceNoteEdit, !editable);

    const QLocale locale;
    QStringList sources;
    for (const auto &[edit, key] :
         std::initializer_list<std::pair<QLineEdit *, const char *>>{{m_ui->factVendorEdit, "vendor"},
                                                                     {m_ui->factModelEdit, "model"},
                                                                     {m_ui->factHostnameEdit, "hostname"},
                                                                     {m_ui->factFirmwareEdit, "firmware"},
                                                                     {m_ui->factSerialEdit, "serial"},
                                                                     {m_ui->factUptimeEdit, "uptime"}}) {
        const QString k = QString::fromLatin1(key);
        setEditText(edit, fs::model::factValue(d.facts, k));
        setReadOnly(edit, !editable);
        for (const auto &o : d.facts) {
            if (o.key == k && !o.value.isEmpty())
                sources << tr("%1: %2, %3")
                               .arg(ModelLabels::value(QStringLiteral("fact"), k),
                                    ModelLabels::value(QStringLiteral("source"),
                                                       fs::model::kFactSourceKeys.key(o.source)),
                                    locale.toString(o.observedAt.toLocalTime(),
                                                    QStringLiteral("MM/dd HH:mm")));
        }
    }
    m_ui->factSourceLabel->setText(sources.isEmpty() ? QString()
                                                     : tr("Recorded: %1").arg(sources.join(tr("; "))));
}

void ConnectionPointPage::setLineField(const QString &field, const QVariant &value, const QString &text)
{
    const auto *line = selectedLine();
    if (m_editor && line)
        m_editor->setField(FieldRef{Entity::ConnectionPoint, line->uuid, field}, value, text);
}

void ConnectionPointPage::setDeviceField(const QString &field, const QVariant &value, const QString &text)
{
    const auto *device = selectedDevice();
    if (m_editor && device)
        m_editor->setField(FieldRef{Entity::Device, device->uuid, field}, value, text);
}

void ConnectionPointPage::recordFact(const QString &key, const QLineEdit *edit)
{
    const auto *device = selectedDevice();
    if (!m_editor || !device || edit->isReadOnly())
        return;
    const QString value = edit->text().trimmed();
    if (value == fs::model::factValue(device->facts, key))
        return;
    m_editor->recordFact(Entity::Device, device->uuid, key, value,
                         tr("Record %1").arg(ModelLabels::value(QStringLiteral("fact"), key)));
}

void ConnectionPointPage::selectLine(const QString &uuid)
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].uuid == uuid)
            m_ui->lineList->setCurrentRow(i);
    }
}

void ConnectionPointPage::selectLineNo(int lineNo, const QString &field)
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].lineNo == lineNo) {
            showField(Entity::ConnectionPoint, m_lines[i].uuid, field);
            return;
        }
    }
    focusList();
}

void ConnectionPointPage::showField(fs::model::Entity entity, const QString &uuid, const QString &field)
{
    if (entity == Entity::Device) {
        for (int i = 0; i < m_lines.size(); ++i) {
            for (int r = 0; r < m_lines[i].devices.size(); ++r) {
                if (m_lines[i].devices[r].uuid != uuid)
                    continue;
                m_ui->lineList->setCurrentRow(i);
                selectDeviceRow(r);
                QWidget *target = m_ui->deviceTable;
                if (field == QStringLiteral("chain_role"))
                    target = m_ui->deviceRoleCombo;
                else if (field == QStringLiteral("firmware"))
                    target = m_ui->factFirmwareEdit;
                m_ui->detailScroll->ensureWidgetVisible(target);
                target->setFocus();
                return;
            }
        }
        return;
    }
    selectLine(uuid);
    if (selectedLineUuid() != uuid)
        return;
    static const QHash<QString, QString> widgets = {
        {QStringLiteral("onu_location_status"), QStringLiteral("onuStatusCombo")},
        {QStringLiteral("onu_location"), QStringLiteral("onuStatusCombo")},
        {QStringLiteral("onu_location_found"), QStringLiteral("onuLocationEdit")},
        {QStringLiteral("photos"), QStringLiteral("addPhotoButton")},
        {QStringLiteral("devices"), QStringLiteral("addDeviceButton")},
        {QStringLiteral("device_type"), QStringLiteral("deviceTable")},
        {QStringLiteral("maker"), QStringLiteral("deviceTable")},
        {QStringLiteral("model"), QStringLiteral("deviceTable")},
        {QStringLiteral("hostname"), QStringLiteral("deviceTable")},
        {QStringLiteral("management_ip"), QStringLiteral("deviceTable")},
        {QStringLiteral("access_method"), QStringLiteral("deviceTable")},
        {QStringLiteral("emr_reachability"), QStringLiteral("emrReachabilityCombo")},
        {QStringLiteral("protection"), QStringLiteral("protectionCombo")},
        {QStringLiteral("note"), QStringLiteral("lineNoteEdit")},
        {QStringLiteral("purpose"), QStringLiteral("purposeEdit")},
        {QStringLiteral("line_type"), QStringLiteral("lineTypeEdit")},
        {QStringLiteral("carrier"), QStringLiteral("carrierEdit")},
        {QStringLiteral("connection_type"), QStringLiteral("connectionTypeEdit")},
        {QStringLiteral("global_ip"), QStringLiteral("globalIpEdit")},
        {QStringLiteral("ip_assignment"), QStringLiteral("ipAssignmentEdit")},
        {QStringLiteral("line_id"), QStringLiteral("lineIdEdit")},
    };
    auto *target = findChild<QWidget *>(widgets.value(field, QStringLiteral("lineList")));
    if (!target)
        return;
    if (target != m_ui->lineList)
        m_ui->detailScroll->ensureWidgetVisible(target);
    target->setFocus();
}

void ConnectionPointPage::selectNext(int delta)
{
    if (m_lines.isEmpty())
        return;
    const int row = std::clamp(m_ui->lineList->currentRow() + delta, 0, int(m_lines.size()) - 1);
    m_ui->lineList->setCurrentRow(row);
    m_ui->lineList->setFocus();
}

void ConnectionPointPage::focusList()
{
    m_ui->lineList->setFocus();
}

void ConnectionPointPage::addLineFoundOnSite()
{
    if (!m_editor)
        return;
    AddLineDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto added = addLine(dialog.connectionPoint())) {
        emit statusMessage(tr("%1 added as an undeclared line.").arg(added->cafId));
        m_ui->onuStatusCombo->setFocus();
    }
}

std::optional<ConnectionPoint> ConnectionPointPage::addLine(const ConnectionPoint &line)
{
    if (!m_editor)
        return std::nullopt;
    auto added = m_editor->addConnectionPoint(line, tr("Add line found on site"));
    if (added)
        selectLine(added->uuid);
    return added;
}

void ConnectionPointPage::addDevice()
{
    const auto *line = selectedLine();
    if (!m_editor || !line)
        return;
    Device device;
    device.origin = Origin::FoundOnSite;
    const QString lineUuid = line->uuid;
    if (const auto added = m_editor->addDevice(lineUuid, device, tr("Add device"))) {
        showField(Entity::Device, added->uuid, QStringLiteral("chain_role"));
        emit statusMessage(
            tr("Device added at the end of the wiring. Choose its place, then enter what it shows."));
    }
}

void ConnectionPointPage::moveDevice(int direction)
{
    const auto *device = selectedDevice();
    if (!m_editor || !device)
        return;
    const QString uuid = device->uuid;
    if (m_editor->moveDevice(uuid, direction, tr("Move device")))
        showField(Entity::Device, uuid, QString());
}

void ConnectionPointPage::removeDevice()
{
    const auto *device = selectedDevice();
    if (!m_editor || !device)
        return;
    if (m_editor->remove(Entity::Device, device->uuid, tr("Remove device")))
        emit statusMessage(tr("Device removed. Ctrl+Z brings it back."));
}

void ConnectionPointPage::removeLine()
{
    const auto *line = selectedLine();
    if (!m_editor || !line)
        return;
    if (line->origin != Origin::FoundOnSite) {
        emit statusMessage(tr("Declared lines stay in the survey; record the ONU as not found instead."));
        return;
    }
    const QString cafId = line->cafId;
    if (m_editor->remove(Entity::ConnectionPoint, line->uuid, tr("Remove line")))
        emit statusMessage(tr("%1 removed. Ctrl+Z brings it back.").arg(cafId));
}

void ConnectionPointPage::choosePhotos()
{
    if (!m_editor || !selectedLine())
        return;
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Add photos of %1").arg(selectedLine()->cafId), QString(),
                                      tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    addPhotoFiles(files);
}

void ConnectionPointPage::addPhotoFiles(const QStringList &paths)
{
    const auto *line = selectedLine();
    if (!m_editor || !line || paths.isEmpty())
        return;
    const fs::model::PhotoTarget target{QStringLiteral("connection_point"), line->id};
    int added = 0;
    for (const QString &path : paths) {
        if (m_editor->addPhoto(path, target, tr("Add photo")))
            ++added;
    }
    emit statusMessage(tr("%n photo(s) added.", nullptr, added));
}

bool ConnectionPointPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->lineList && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        removeLine();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fs::app
