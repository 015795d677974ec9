#include "connectivitymonitor.h"

#include "logging.h"

#include <QNetworkInformation>
#include <QNetworkInterface>

namespace fs::sync {

namespace {

constexpr int kPollIntervalMs = 5000;

// Only NetworkManager checks that the internet really answers; GLib's monitor reports "full"
// for any default route, which a hospital's closed network has too.
Connectivity fromReachability(QNetworkInformation::Reachability reachability, const QString &backend)
{
    switch (reachability) {
    case QNetworkInformation::Reachability::Online:
        return backend == QStringLiteral("networkmanager") ? Connectivity::Online
                                                           : Connectivity::LocalNetwork;
    case QNetworkInformation::Reachability::Local:
    case QNetworkInformation::Reachability::Site:
        return Connectivity::LocalNetwork;
    case QNetworkInformation::Reachability::Disconnected:
        return Connectivity::Offline;
    case QNetworkInformation::Reachability::Unknown:
        break;
    }
    return ConnectivityMonitor::fromInterfaces();
}

} // namespace

QString connectivityKey(Connectivity connectivity)
{
    switch (connectivity) {
    case Connectivity::Offline:
        return QStringLiteral("offline");
    case Connectivity::LocalNetwork:
        return QStringLiteral("local_network");
    case Connectivity::Online:
        return QStringLiteral("online");
    }
    return QStringLiteral("offline");
}

ConnectivityMonitor::ConnectivityMonitor(QObject *parent)
    : QObject(parent)
{
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        auto *info = QNetworkInformation::instance();
        m_source = info->backendName();
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                &ConnectivityMonitor::updateFromBackend);
        m_connectivity = fromReachability(info->reachability(), m_source);
    } else {
        m_source = QStringLiteral("interfaces");
        m_connectivity = fromInterfaces();
        m_pollTimer.setInterval(kPollIntervalMs);
        connect(&m_pollTimer, &QTimer::timeout, this, [this] { update(fromInterfaces()); });
        m_pollTimer.start();
    }
    qCInfo(lcNetwork) << "connectivity" << connectivityKey(m_connectivity) << "from" << m_source;
}

void ConnectivityMonitor::updateFromBackend()
{
    update(fromReachability(QNetworkInformation::instance()->reachability(), m_source));
}

void ConnectivityMonitor::update(Connectivity connectivity)
{
    if (connectivity == m_connectivity)
        return;
    m_connectivity = connectivity;
    qCInfo(lcNetwork) << "connectivity changed to" << connectivityKey(connectivity);
    emit connectivityChanged(connectivity);
}

Connectivity ConnectivityMonitor::fromInterfaces()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress ip = entry.ip();
            if (!ip.isNull() && !ip.isLoopback() && !ip.isLinkLocal())
                return Connectivity::LocalNetwork;
        }
    }
    return Connectivity::Offline;
}

} // namespace fs::sync
