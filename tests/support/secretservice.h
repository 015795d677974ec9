#pragma once

// A private Secret Service for tests: a D-Bus session bus and gnome-keyring-daemon with a fresh,
// unlocked login keyring in a temporary HOME, so that QtKeychain talks to a real keychain. Both
// are started and stopped by the test; nothing touches the user's own keychain.

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace fs::test {

class SecretService
{
public:
    SecretService() = default;
    SecretService(const SecretService &) = delete;
    SecretService &operator=(const SecretService &) = delete;
    ~SecretService() { stop(); }

    // Starts the bus and the keyring daemon and points this process at them (environment).
    [[nodiscard]] bool start()
    {
        if (!m_home.isValid())
            return fail(QStringLiteral("no temporary directory"));
        for (const char *tool : {"dbus-daemon", "gnome-keyring-daemon"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                return fail(QStringLiteral("%1 is not installed (installer/deps-debian.sh installs it)")
                                .arg(QString::fromLatin1(tool)));
        }
        const QString runtime = m_home.filePath(QStringLiteral("run"));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());

        QProcess bus;
        bus.start(QStringLiteral("dbus-daemon"),
                  {QStringLiteral("--session"), QStringLiteral("--fork"), QStringLiteral("--print-address=1"),
                   QStringLiteral("--print-pid=1")});
        if (!bus.waitForFinished(10000) || bus.exitCode() != 0)
            return fail(QStringLiteral("dbus-daemon: ") + QString::fromLocal8Bit(bus.readAllStandardError()));
        const QList<QByteArray> lines = bus.readAllStandardOutput().trimmed().split('\n');
        if (lines.size() < 2)
            return fail(QStringLiteral("dbus-daemon printed no address"));
        m_busPid = lines[1].trimmed().toLongLong();
        qputenv("DBUS_SESSION_BUS_ADDRESS", lines[0].trimmed());

        QProcess keyring;
        keyring.start(QStringLiteral("gnome-keyring-daemon"),
                      {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"),
                       QStringLiteral("--daemonize")});
        keyring.write("test-keyring-password");
        keyring.closeWriteChannel();
        if (!keyring.waitForFinished(10000))
            return fail(QStringLiteral("gnome-keyring-daemon did not start"));
        // It prints GNOME_KEYRING_CONTROL=… and its pid.
        for (const QByteArray &line : keyring.readAllStandardOutput().split('\n')) {
            if (line.startsWith("GNOME_KEYRING_PID="))
                m_keyringPid = line.mid(18).toLongLong();
        }
        return true;
    }

    void stop()
    {
        for (qint64 *pid : {&m_keyringPid, &m_busPid}) {
            if (*pid > 0)
                ::kill(pid_t(*pid), SIGTERM);
            *pid = 0;
        }
    }

    [[nodiscard]] QString home() const { return m_home.path(); }
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    QTemporaryDir m_home;
    qint64 m_busPid = 0;
    qint64 m_keyringPid = 0;
    QString m_error;
};

} // namespace fs::test
