#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace fs::sync {

// What the machine's network allows right now, for the status bar and for deciding whether a
// sync is worth trying. Investigators are usually offline in the server room.
enum class Connectivity
{
    Offline,      // no usable network interface / no route
    LocalNetwork, // connected, but the internet is not known to be reachable
    Online,       // the OS reports internet reachability
};

// Follows the OS's network reachability (QNetworkInformation: NetworkManager or GLib). Where no
// backend is available it checks the interfaces every few seconds: an interface that is up,
// running, not loopback and has an address counts as a local network.
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    explicit ConnectivityMonitor(QObject *parent = nullptr);

    [[nodiscard]] Connectivity connectivity() const { return m_connectivity; }
    // "networkmanager", "glib", or "interfaces" for the fallback.
    [[nodiscard]] QString source() const { return m_source; }

    // The state from the network interfaces alone.
    [[nodiscard]] static Connectivity fromInterfaces();

signals:
    void connectivityChanged(fs::sync::Connectivity connectivity);

private:
    void update(Connectivity connectivity);
    void updateFromBackend();

    Connectivity m_connectivity = Connectivity::Offline;
    QString m_source;
    QTimer m_pollTimer;
};

[[nodiscard]] QString connectivityKey(Connectivity connectivity);

} // namespace fs::sync
