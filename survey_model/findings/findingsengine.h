#pragma once

#include "device.h"
#include "error.h"
#include "finding.h"
#include "scanport.h"
#include "surveydata.h"
#include "terminalfacts.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace fs::model {

class SurveyStore;
class VulnKb;
struct FindingRefresh;

// One rule of the connection-point and device rule set (docs/findings-rules.md is the table; a
// test keeps the two equal).
struct FindingRule
{
    QString id;
    QString target; // connection_point, device
    QString status; // danger, caution; "danger/caution" when the facts decide
    QString category;
    QString text;
    QString recommendation;
    QString checklist; // MHLW checklist item, e.g. "2-(2)"
};

// How one scanned port is judged on its own (the report's 評価 column).
struct PortAssessment
{
    QString status; // danger, caution; empty when the port raises nothing
    QString note;   // 管理サービス, SSL-VPN (FortiGate SSL-VPN), IKE/IPsec, KEV: FortiOS 6.0.4, …
};

// Everything the rules read: the captured survey, each terminal's current facts, the scans.
struct FindingsInput
{
    SurveyData data;
    QHash<qint64, TerminalFacts> terminalFacts; // by terminal id
    QList<ScanPort> scanPorts;                  // the current ports (SurveyStore::scanPorts)
    QList<ScanHost> scanHosts; // every imported host, matched or not (SurveyStore::scanHosts)
    QDate asOf;                // the day terminals are judged on (TerminalMatch::evaluationDate)
};

// The rules engine over captured facts: connection points (lines), their devices (firmware in a
// known-exploited range, management services), and the terminals (TerminalEvaluator). Rules only
// raise findings; the store keeps them with the investigator's judgment on top (an edited finding
// is never changed by the rules again).
class FindingsEngine
{
public:
    [[nodiscard]] static const QList<FindingRule> &rules();
    // Management services that must not face the internet, by port (scan) and by name (device
    // configuration).
    [[nodiscard]] static bool isManagementService(const QString &protocol, int port, const QString &service);
    // IKE / IPsec NAT-T endpoints (500/udp, 4500/udp, IKE over TCP 4500/tcp, isakmp).
    [[nodiscard]] static bool isIkeEndpoint(const ScanPort &port);
    // What SSL-VPN portal a port serves ("FortiGate SSL-VPN", …), from the service, product and
    // script output (http-title redirects, certificates); empty when none is recognised.
    [[nodiscard]] static QString sslVpnPortal(const ScanPort &port);
    // The product a scanned service names, as a device the firmware rules understand (vendor,
    // model and firmware from the CPE or the product and version); the family is empty when the
    // service is no known edge product.
    [[nodiscard]] static Device scannedProduct(const ScanPort &port);
    // The port judged alone by the scan rules (open ports only; others raise nothing).
    [[nodiscard]] static PortAssessment assessPort(const ScanPort &port);

    [[nodiscard]] static Result<FindingsInput> gather(const SurveyStore &store, const QDate &today);
    // Every finding the rules raise now (uuid empty, target set), danger first.
    [[nodiscard]] static QList<Finding> evaluate(const FindingsInput &input);
    [[nodiscard]] static QList<Finding> evaluate(const FindingsInput &input, const VulnKb &kb);
    // The survey's findings as the report shows them, without writing: the stored ones (with the
    // investigator's judgment), rule findings raised now but not stored yet, and not the stored
    // rule findings no longer raised (unless the investigator edited them).
    [[nodiscard]] static QList<Finding> merge(const QList<Finding> &stored, const QList<Finding> &raised);
    // gather + evaluate + merge over a store opened read-only or read-write.
    [[nodiscard]] static Result<QList<Finding>> current(const SurveyStore &store, const QDate &today);
    // gather + evaluate + SurveyStore::refreshRuleFindings.
    [[nodiscard]] static Result<FindingRefresh> refresh(SurveyStore &store, const QDate &today);

    // The worst status among active findings ("danger", "caution", "none"; empty when none).
    [[nodiscard]] static QString worstStatus(const QList<Finding> &findings);
    // Orders findings danger → caution → none, keeping the order within a status.
    static void sortByStatus(QList<Finding> &findings);
};

} // namespace fs::model
