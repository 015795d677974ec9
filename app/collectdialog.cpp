#include "collectdialog.h"

#include "credentialcache.h"
#include "errormessages.h"
#include "logging.h"
#include "profileset.h"
#include "serialports.h"
#include "serialtransport.h"
#include "sshtransport.h"
#include "surveystore.h"
#include "transport.h"
#include "ui_collectdialog.h"

#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::app {

using namespace fs::collect;

namespace {

enum Method
{
    SshMethod,
    SerialMethod,
    PasteMethod
};

// Everything a session needs, moved into the worker (secrets included).
struct Job
{
    Method method = SshMethod;
    SshOptions ssh;
    SerialOptions serial;
    SessionOptions session;
    CollectRequest request;
    std::optional<fs::model::KnownHost> knownHost;
};

Secret secretOf(const QLineEdit *edit)
{
    QString text = edit->text();
    return Secret::fromString(text);
}

} // namespace

CollectDialog::CollectDialog(fs::model::SurveyStore &store, const ProfileSet &profiles,
                             const fs::model::ConnectionPoint &line, const fs::model::Device &device,
                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CollectDialog>())
    , m_store(store)
    , m_profiles(profiles)
    , m_deviceUuid(device.uuid)
{
    m_ui->setupUi(this);
    QFont title = m_ui->deviceTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    m_ui->deviceTitleLabel->setFont(title);
    QStringList declared;
    for (const QString &s : {device.maker, device.model, device.hostname}) {
        if (!s.trimmed().isEmpty())
            declared << s.trimmed();
    }
    m_ui->deviceTitleLabel->setText(
        tr("%1 / device %2: %3")
            .arg(line.cafId)
            .arg(line.devices.indexOf(device) + 1)
            .arg(declared.isEmpty() ? tr("(not declared)") : declared.join(QLatin1Char(' '))));
    m_ui->consoleView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->consoleView->setMinimumWidth(m_ui->consoleView->fontMetrics().horizontalAdvance(QLatin1Char('M')) *
                                       82);
    m_ui->consoleView->setMaximumBlockCount(20000);
    m_ui->consoleView->setPlaceholderText(tr("What the device prints appears here."));

    m_ui->methodCombo->addItem(tr("SSH"));
    m_ui->methodCombo->addItem(tr("Serial console"));
    m_ui->methodCombo->addItem(tr("Paste a session"));
    connect(m_ui->methodCombo, &QComboBox::currentIndexChanged, m_ui->methodStack,
            &QStackedWidget::setCurrentIndex);

    m_ui->profileCombo->addItem(tr("Find out automatically"), QString::fromLatin1(DeviceCollector::kAuto));
    for (const DeviceProfile &profile : m_profiles.profiles())
        m_ui->profileCombo->addItem(profile.name, profile.id);

    // What the workbook declared fills the form: the profile of the declared maker, its address.
    const QString maker = device.maker.toLower();
    static const QList<QPair<QString, QString>> kMakers{
        {QStringLiteral("ヤマハ"), QStringLiteral("yamaha")},
        {QStringLiteral("yamaha"), QStringLiteral("yamaha")},
        {QStringLiteral("フォーティネット"), QStringLiteral("fortinet")},
        {QStringLiteral("fortinet"), QStringLiteral("fortinet")},
        {QStringLiteral("nec"), QStringLiteral("nec_ix")},
        {QStringLiteral("日本電気"), QStringLiteral("nec_ix")},
        {QStringLiteral("アライド"), QStringLiteral("allied_telesis_awplus")},
        {QStringLiteral("allied"), QStringLiteral("allied_telesis_awplus")},
        {QStringLiteral("富士通"), QStringLiteral("fsas_sir")},
        {QStringLiteral("パロアルト"), QStringLiteral("paloalto_panos")},
        {QStringLiteral("palo alto"), QStringLiteral("paloalto_panos")},
        {QStringLiteral("ジュニパー"), QStringLiteral("juniper_junos")},
        {QStringLiteral("juniper"), QStringLiteral("juniper_junos")},
        {QStringLiteral("ファーウェイ"), QStringLiteral("huawei_vrp")},
        {QStringLiteral("huawei"), QStringLiteral("huawei_vrp")},
        {QStringLiteral("ソニックウォール"), QStringLiteral("sonicwall")},
        {QStringLiteral("sonicwall"), QStringLiteral("sonicwall")}};
    for (const auto &[name, id] : kMakers) {
        if (!maker.isEmpty() && maker.contains(name)) {
            if (const int index = m_ui->profileCombo->findData(id); index >= 0)
                m_ui->profileCombo->setCurrentIndex(index);
            break;
        }
    }
    m_ui->hostEdit->setText(device.managementIp.section(QLatin1Char('/'), 0, 0).trimmed());
    if (const int port = device.accessPort.toInt(); port > 0 && port <= 65535)
        m_ui->portSpin->setValue(port);
    const QString access = device.accessMethod.toLower();
    if (access.contains(QStringLiteral("console")) || access.contains(QStringLiteral("コンソール")) ||
        access.contains(QStringLiteral("serial")))
        m_ui->methodCombo->setCurrentIndex(SerialMethod);

    for (const auto &port : SerialPorts::available())
        m_ui->serialPortCombo->addItem(port.systemPath.isEmpty() ? port.name : port.systemPath);
    for (int baud : {9600, 19200, 38400, 57600, 115200})
        m_ui->baudCombo->addItem(QString::number(baud));
    m_ui->formatCombo->addItems({QStringLiteral("8N1"), QStringLiteral("8E1"), QStringLiteral("8O1"),
                                 QStringLiteral("7E1"), QStringLiteral("8N2")});
    m_ui->flowCombo->addItem(tr("None"), int(QSerialPort::NoFlowControl));
    m_ui->flowCombo->addItem(tr("RTS/CTS (hardware)"), int(QSerialPort::HardwareControl));
    m_ui->flowCombo->addItem(tr("XON/XOFF (software)"), int(QSerialPort::SoftwareControl));

    connect(m_ui->startButton, &QPushButton::clicked, this, &CollectDialog::start);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &CollectDialog::stop);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &CollectDialog::reject);
    connect(m_ui->loadLogButton, &QPushButton::clicked, this, &CollectDialog::loadLog);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CollectDialog::finished);
}

CollectDialog::~CollectDialog()
{
    stop();
    m_watcher.waitForFinished();
}

bool CollectDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void CollectDialog::setRunning(bool running)
{
    m_ui->startButton->setEnabled(!running);
    m_ui->stopButton->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->methodCombo, m_ui->methodStack,
                                                       m_ui->profileCombo, m_ui->enablePasswordEdit})
        w->setEnabled(!running);
    if (running)
        m_ui->stopButton->setFocus();
}

void CollectDialog::appendConsole(const QString &text)
{
    auto *view = m_ui->consoleView;
    const bool atEnd = view->verticalScrollBar()->value() == view->verticalScrollBar()->maximum();
    view->moveCursor(QTextCursor::End);
    view->insertPlainText(text);
    if (atEnd)
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
}

void CollectDialog::loadLog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a terminal log"), QString(),
                                                      tr("Logs (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 8 * 1024 * 1024) {
        QMessageBox::warning(this, windowTitle(),
                             tr("%1 cannot be read, or is larger than 8 MiB.").arg(path));
        return;
    }
    m_ui->transcriptEdit->setPlainText(QString::fromLocal8Bit(file.readAll()));
}

Secret CollectDialog::passwordFor(QLineEdit *edit, bool needed)
{
    m_rememberable = false;
    if (!edit->text().isEmpty()) {
        m_rememberable = true;
        return secretOf(edit);
    }
    if (!needed)
        return Secret();
    // Nothing typed: the password remembered today for this login, if any.
    if (auto remembered = CredentialCache::recall(m_account, QDate::currentDate())) {
        appendConsole(tr("(using the password remembered today for %1)\n").arg(m_account));
        return std::move(*remembered);
    }
    return Secret();
}

void CollectDialog::start()
{
    if (isRunning())
        return;
    m_ui->consoleView->clear();
    m_ui->resultLabel->clear();
    const Method method = Method(m_ui->methodCombo->currentIndex());
    CollectRequest request{m_deviceUuid, m_ui->profileCombo->currentData().toString(), QString()};

    if (method == PasteMethod) {
        const QByteArray log = m_ui->transcriptEdit->toPlainText().toUtf8();
        if (log.trimmed().isEmpty()) {
            m_ui->resultLabel->setText(tr("Paste the session first."));
            return;
        }
        DeviceCollector collector(m_profiles);
        auto outcome = collector.importTranscript(log, request);
        if (!outcome) {
            m_outcome = CollectOutcome();
            m_outcome.error = outcome.error();
        } else {
            m_outcome = *outcome;
        }
        appendConsole(m_outcome.record.transcript.text);
        showOutcome();
        return;
    }

    auto job = std::make_shared<Job>();
    job->method = method;
    job->request = request;
    job->session.enablePassword = secretOf(m_ui->enablePasswordEdit);
    if (method == SshMethod) {
        job->ssh.host = m_ui->hostEdit->text().trimmed();
        job->ssh.port = m_ui->portSpin->value();
        job->ssh.user = m_ui->userEdit->text().trimmed();
        job->ssh.privateKeyPath = m_ui->keyEdit->text().trimmed();
        m_account = CredentialCache::account(
            QStringLiteral("ssh"), m_ui->userEdit->text().trimmed(),
            QStringLiteral("%1:%2").arg(m_ui->hostEdit->text().trimmed()).arg(m_ui->portSpin->value()));
        job->ssh.password = passwordFor(m_ui->passwordEdit, job->ssh.privateKeyPath.isEmpty());
        job->ssh.legacyAlgorithms = m_ui->legacyCheck->isChecked();
        job->request.userName = job->ssh.user;
        if (job->ssh.host.isEmpty() || job->ssh.user.isEmpty()) {
            m_ui->resultLabel->setText(tr("Enter the host and the user."));
            (job->ssh.host.isEmpty() ? m_ui->hostEdit : m_ui->userEdit)->setFocus();
            return;
        }
        m_sshHost = job->ssh.host;
        m_sshPort = job->ssh.port;
        auto known = m_store.knownHost(job->ssh.host, job->ssh.port);
        if (!known) {
            QMessageBox::warning(this, windowTitle(), ErrorMessages::headline(known.error()));
            return;
        }
        job->knownHost = *known;
    } else {
        job->serial.port = m_ui->serialPortCombo->currentText().trimmed();
        job->serial.baudRate = m_ui->baudCombo->currentText().toInt();
        const QString format = m_ui->formatCombo->currentText();
        job->serial.dataBits = format.startsWith(QLatin1Char('7')) ? QSerialPort::Data7 : QSerialPort::Data8;
        job->serial.parity = format.at(1) == QLatin1Char('E')   ? QSerialPort::EvenParity
                             : format.at(1) == QLatin1Char('O') ? QSerialPort::OddParity
                                                                : QSerialPort::NoParity;
        job->serial.stopBits =
            format.endsWith(QLatin1Char('2')) ? QSerialPort::TwoStop : QSerialPort::OneStop;
        job->session.user = m_ui->serialUserEdit->text().trimmed();
        m_account = CredentialCache::account(QStringLiteral("serial"), m_ui->serialUserEdit->text().trimmed(),
                                             m_ui->serialPortCombo->currentText().trimmed());
        job->session.password =
            passwordFor(m_ui->serialPasswordEdit, !m_ui->serialUserEdit->text().trimmed().isEmpty());
        job->request.userName = job->session.user;
        if (job->serial.port.isEmpty() || job->serial.baudRate <= 0) {
            m_ui->resultLabel->setText(tr("Choose the serial port and its speed."));
            m_ui->serialPortCombo->setFocus();
            return;
        }
    }

    m_cancellation = std::make_shared<Cancellation>();
    auto cancellation = m_cancellation;
    QPointer<CollectDialog> self(this);
    const auto observer = [self](const QString &text) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, text] {
                if (self)
                    self->appendConsole(text);
            },
            Qt::QueuedConnection);
    };
    const ProfileSet &profiles = m_profiles;
    setRunning(true);
    m_watcher.setFuture(QtConcurrent::run([job, cancellation, observer, &profiles]() -> CollectOutcome {
        const DeviceCollector collector(profiles);
        // The transport is made here: a serial port belongs to the thread that opens it.
        if (job->method == SshMethod) {
            SshTransport transport(std::move(job->ssh), DeviceCollector::knownHostCheck(job->knownHost));
            return collector.collect(transport, job->request, std::move(job->session), cancellation.get(),
                                     observer);
        }
        SerialTransport transport(job->serial);
        return collector.collect(transport, job->request, std::move(job->session), cancellation.get(),
                                 observer);
    }));
}

void CollectDialog::stop()
{
    if (m_cancellation)
        m_cancellation->cancel();
}

void CollectDialog::reject()
{
    if (isRunning()) {
        stop();
        return; // closes once the session has stopped
    }
    QDialog::reject();
}

void CollectDialog::finished()
{
    setRunning(false);
    m_outcome = m_watcher.result();
    if (m_outcome.error && m_outcome.error->code == ErrorCode::HostKeyUnknown) {
        // First contact: the investigator compares the fingerprint with the one the hospital gave.
        const QString key = m_outcome.hostKey.fingerprint;
        QMessageBox box(QMessageBox::Question, windowTitle(),
                        tr("This is the first connection to %1:%2 in this survey.\n\nIts host key is\n%3\n\n"
                           "Accept it only if it is the fingerprint the hospital's administrator confirms.")
                            .arg(m_sshHost)
                            .arg(m_sshPort)
                            .arg(key),
                        QMessageBox::NoButton, this);
        auto *accept = box.addButton(tr("&Accept and connect"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == accept) {
            if (auto a = m_store.acceptHostKey(
                    fs::model::KnownHost{m_sshHost, m_sshPort, m_outcome.hostKey.keyType, key, {}, {}});
                !a) {
                QMessageBox::warning(this, windowTitle(), ErrorMessages::headline(a.error()));
                return;
            }
            start();
            return;
        }
        m_ui->resultLabel->setText(tr("Not connected: the host key was not accepted."));
        return;
    }
    showOutcome();
}

void CollectDialog::showOutcome()
{
    if (auto kept = DeviceCollector::keep(m_store, m_outcome); !kept) {
        QMessageBox::warning(this, windowTitle(), ErrorMessages::headline(kept.error()));
        return;
    }
    if (!m_outcome.record.transcript.text.trimmed().isEmpty())
        emit collected();
    if (m_outcome.error) {
        QString text =
            QStringLiteral("<b>%1</b>").arg(ErrorMessages::headline(*m_outcome.error).toHtmlEscaped());
        text += QStringLiteral("<br>") + m_outcome.error->detail.toHtmlEscaped();
        if (!m_outcome.record.transcript.text.trimmed().isEmpty())
            text += QStringLiteral("<br>") + tr("The session so far is kept in the survey as evidence.");
        m_ui->resultLabel->setText(text);
        return;
    }
    if (m_rememberable && m_ui->rememberCheck->isChecked() && !m_account.isEmpty()) {
        QLineEdit *edit =
            m_ui->methodCombo->currentIndex() == SshMethod ? m_ui->passwordEdit : m_ui->serialPasswordEdit;
        Secret typed = secretOf(edit);
        if (auto r = CredentialCache::remember(m_account, typed, QDate::currentDate()); !r)
            qCInfo(lcUi) << "not remembered:" << describe(r.error());
    }
    const auto &f = m_outcome.facts;
    if (!f.identified()) {
        m_ui->resultLabel->setText(tr("The output was kept, but no vendor profile could read it: %1")
                                       .arg(f.notes.join(QStringLiteral("; ")).toHtmlEscaped()));
        return;
    }
    QString text =
        QStringLiteral("<b>%1</b><table>").arg(tr("Read from the device and recorded:").toHtmlEscaped());
    const QList<QPair<QString, QString>> rows{{tr("Vendor"), f.vendor},      {tr("Model"), f.model},
                                              {tr("Firmware"), f.version},   {tr("Serial number"), f.serial},
                                              {tr("Host name"), f.hostname}, {tr("Uptime"), f.uptime}};
    for (const auto &[name, value] : rows) {
        if (!value.isEmpty())
            text += QStringLiteral("<tr><td>%1:&nbsp;</td><td>%2</td></tr>")
                        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    text += QStringLiteral("</table>");
    if (!m_outcome.missing.isEmpty())
        text += tr("Not answered by the device: %1")
                    .arg(m_outcome.missing.join(QStringLiteral(", ")).toHtmlEscaped());
    m_ui->resultLabel->setText(text);
}

} // namespace fs::app
