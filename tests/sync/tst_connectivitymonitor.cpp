#include "connectivitymonitor.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using fs::sync::Connectivity;
using fs::sync::ConnectivityMonitor;

class TestConnectivityMonitor : public QObject
{
    Q_OBJECT

private slots:
    // In a network namespace of its own a process has only a loopback interface that is down:
    // the monitor must say offline, whichever backend it uses. The test re-runs itself inside
    // `unshare --net`.
    void offlineInAnEmptyNetworkNamespace()
    {
        if (qEnvironmentVariableIsSet("FS_INSIDE_EMPTY_NETNS")) {
            const ConnectivityMonitor monitor;
            QCOMPARE(fs::sync::connectivityKey(monitor.connectivity()), QStringLiteral("offline"));
            QCOMPARE(fs::sync::connectivityKey(ConnectivityMonitor::fromInterfaces()),
                     QStringLiteral("offline"));
            return;
        }
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare (util-linux) is not installed");
        QProcess probe;
        probe.start(unshare, {QStringLiteral("--net"), QStringLiteral("true")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("this machine does not allow new network namespaces (needs root or user namespaces)");

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FS_INSIDE_EMPTY_NETNS"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(unshare, {QStringLiteral("--net"), QCoreApplication::applicationFilePath(),
                              QStringLiteral("offlineInAnEmptyNetworkNamespace")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestConnectivityMonitor::offlineInAnEmptyNetworkNamespace"),
                 output.constData());
    }

    void reportsItsSource()
    {
        const ConnectivityMonitor monitor;
        QVERIFY(!monitor.source().isEmpty());
        if (monitor.source() != QStringLiteral("networkmanager"))
            QVERIFY2(monitor.connectivity() != Connectivity::Online,
                     "only NetworkManager checks internet reachability; other sources must not claim online");
    }
};

QTEST_GUILESS_MAIN(TestConnectivityMonitor)
#include "tst_connectivitymonitor.moc"
