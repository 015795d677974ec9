#include "reportdata.h"

#include "findingsengine.h"
#include "surveystore.h"

namespace fs::report {

using namespace fs::model;

Result<ReportData> ReportData::gather(const SurveyStore &store, const QDate &today)
{
    ReportData report;
    auto input = FindingsEngine::gather(store, today);
    if (!input)
        return tl::unexpected(input.error());
    auto stored = store.findings();
    if (!stored)
        return tl::unexpected(stored.error());
    report.findings = FindingsEngine::merge(*stored, FindingsEngine::evaluate(*input));
    report.data = std::move(input->data);
    report.scanPorts = std::move(input->scanPorts);
    report.scanHosts = std::move(input->scanHosts);
    auto imports = store.scanImports();
    if (!imports)
        return tl::unexpected(imports.error());
    report.scanImports = *imports;
    report.asOf = input->asOf;
    auto plans = store.floorPlans();
    if (!plans)
        return tl::unexpected(plans.error());
    report.data.floorPlans = *plans;
    auto photos = store.photos();
    if (!photos)
        return tl::unexpected(photos.error());
    report.photos = *photos;
    auto backup = store.backupQuestionnaire();
    if (!backup)
        return tl::unexpected(backup.error());
    report.backup = std::move(*backup);
    report.backupAssessment = BackupClassifier::assess(report.backup, today);
    return report;
}

QList<Finding> ReportData::activeFindings(const QString &entity, qint64 id) const
{
    QList<Finding> list;
    for (const Finding &f : findings) {
        if (f.isActive() && f.targetEntity == entity &&
            (entity == QStringLiteral("survey") || f.targetId == id))
            list << f;
    }
    return list;
}

QList<Finding> ReportData::lineFindings(const ConnectionPoint &cp) const
{
    QList<Finding> list = activeFindings(QStringLiteral("connection_point"), cp.id);
    for (const Device &d : cp.devices)
        list += activeFindings(QStringLiteral("device"), d.id);
    FindingsEngine::sortByStatus(list);
    return list;
}

QString ReportData::targetLabel(const Finding &finding) const
{
    if (finding.targetEntity == QStringLiteral("connection_point")) {
        for (const ConnectionPoint &cp : data.connectionPoints) {
            if (cp.id == finding.targetId)
                return cp.cafId;
        }
    } else if (finding.targetEntity == QStringLiteral("device")) {
        for (const ConnectionPoint &cp : data.connectionPoints) {
            for (const Device &d : cp.devices) {
                if (d.id != finding.targetId)
                    continue;
                const QString name = !d.hostname.isEmpty() ? d.hostname
                                     : !d.model.isEmpty()  ? d.model
                                                           : factValue(d.facts, QStringLiteral("model"));
                return QString(cp.cafId + QLatin1Char(' ') + name).trimmed();
            }
        }
    } else if (finding.targetEntity == QStringLiteral("terminal")) {
        for (const Terminal &t : data.terminals) {
            if (t.id == finding.targetId)
                return QString(QStringLiteral("端末%1 ").arg(t.terminalNo) + t.hostname).trimmed();
        }
    } else if (finding.targetEntity == QStringLiteral("survey")) {
        return QStringLiteral("全体");
    }
    return QStringLiteral("（削除済み）");
}

QString ReportData::photoTargetLabel(const Photo &photo) const
{
    if (photo.target.entity.isEmpty())
        return {};
    if (photo.target.entity == QStringLiteral("pin")) {
        for (const FloorPlan &plan : data.floorPlans) {
            for (const Pin &pin : plan.pins) {
                if (pin.id == photo.target.id)
                    return plan.title + QStringLiteral(" ") + pin.label;
            }
        }
        return {};
    }
    Finding probe;
    probe.targetEntity = photo.target.entity;
    probe.targetId = photo.target.id;
    return targetLabel(probe);
}

namespace labels {

QString findingStatus(const QString &status)
{
    if (status == QStringLiteral("danger"))
        return QStringLiteral("危険");
    if (status == QStringLiteral("caution"))
        return QStringLiteral("注意");
    return QStringLiteral("—");
}

QString checkEvaluation(const QString &evaluation)
{
    if (evaluation == QStringLiteral("ok"))
        return QStringLiteral("問題なし");
    if (evaluation == QStringLiteral("caution"))
        return QStringLiteral("注意");
    if (evaluation == QStringLiteral("danger"))
        return QStringLiteral("危険");
    return QStringLiteral("未評価");
}

QString checkItem(const QString &item)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("os"), QStringLiteral("OS のバージョン")},
        {QStringLiteral("windows_update"), QStringLiteral("Windows Update")},
        {QStringLiteral("internet"), QStringLiteral("インターネット接続")},
        {QStringLiteral("antivirus"), QStringLiteral("ウイルス対策ソフト")},
        {QStringLiteral("usb_storage"), QStringLiteral("USB ストレージ")},
    };
    return names.value(item, item);
}

QString emrReachability(EmrReachability value)
{
    switch (value) {
    case EmrReachability::Direct:
        return QStringLiteral("直通可");
    case EmrReachability::NotDirect:
        return QStringLiteral("直通不可");
    case EmrReachability::Unknown:
        break;
    }
    return QStringLiteral("未確認");
}

QString protection(Protection value)
{
    switch (value) {
    case Protection::Ipsec:
        return QStringLiteral("IPsec");
    case Protection::SslVpn:
        return QStringLiteral("SSL-VPN");
    case Protection::None:
        return QStringLiteral("なし");
    case Protection::ClosedNetwork:
        return QStringLiteral("閉域網");
    case Protection::Unknown:
        break;
    }
    return QStringLiteral("未確認");
}

QString pinKind(PinKind kind)
{
    switch (kind) {
    case PinKind::Onu:
        return QStringLiteral("回線終端装置（ONU）");
    case PinKind::Router:
        return QStringLiteral("ルータ・UTM");
    case PinKind::Terminal:
        return QStringLiteral("端末");
    case PinKind::Other:
        break;
    }
    return QStringLiteral("その他");
}

QString date(const QDate &date)
{
    if (!date.isValid())
        return QStringLiteral("未定");
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

} // namespace labels

} // namespace fs::report
