// Imported scans of the lines' global IPs (現地検出 / 脆弱性診断): imports, hosts and ports.
#include "database.h"
#include "outbox.h"
#include "surveystore.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace fs::model {

namespace {

const QString kScanImport = QStringLiteral("scan_import");

QString warningsJson(const QList<ImportWarning> &warnings)
{
    QJsonArray array;
    for (const ImportWarning &w : warnings) {
        array.append(QJsonObject{{QStringLiteral("code"), w.code},
                                 {QStringLiteral("where"), w.where},
                                 {QStringLiteral("subject"), w.subject},
                                 {QStringLiteral("detail"), w.detail}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ImportWarning> warningsFromJson(const QString &text)
{
    QList<ImportWarning> warnings;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        warnings << ImportWarning{
            o.value(QStringLiteral("code")).toString(), o.value(QStringLiteral("where")).toString(),
            o.value(QStringLiteral("subject")).toString(), o.value(QStringLiteral("detail")).toString()};
    }
    return warnings;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant lineOrNull(qint64 id)
{
    return id == 0 ? QVariant() : QVariant(id);
}

// The columns ScanPort is read from (h: scan_host, p: scan_port, s: scan_import).
const QString kPortColumns = QStringLiteral(
    "p.id, COALESCE(h.connection_point_id, 0), h.address, h.hostnames, p.protocol, p.port, p.state, "
    "p.service, p.product, p.version, p.script_output, s.tool, COALESCE(s.scanned_at, ''), p.reason, "
    "p.extra_info, p.cpe");

ScanPort portFromRow(const QSqlQuery &q)
{
    ScanPort p;
    p.id = q.value(0).toLongLong();
    p.connectionPointId = q.value(1).toLongLong();
    p.address = q.value(2).toString();
    p.hostname = q.value(3).toString().section(QLatin1Char('\n'), 0, 0).section(QStringLiteral(" ("), 0, 0);
    p.protocol = q.value(4).toString();
    p.port = q.value(5).toInt();
    p.state = q.value(6).toString();
    p.service = q.value(7).toString();
    p.product = q.value(8).toString();
    p.version = q.value(9).toString();
    p.scriptOutput = q.value(10).toString();
    p.tool = q.value(11).toString();
    p.scannedAt = q.value(12).toString();
    p.reason = q.value(13).toString();
    p.extraInfo = q.value(14).toString();
    p.cpe = q.value(15).toString();
    return p;
}

} // namespace

Result<ScanImport> SurveyStore::addScanImport(const ScanImport &header, const QList<ScanHost> &hosts)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    if (!header.sha256.isEmpty()) {
        auto existing = m_database->firstRow(
            QStringLiteral("SELECT file_name, imported_at FROM scan_import WHERE sha256 = ?"),
            {header.sha256});
        if (!existing)
            return tl::unexpected(existing.error());
        if (*existing)
            return fail(
                ErrorCode::InvalidArgument,
                QStringLiteral("%1: this scan was already imported (as %2 on %3)")
                    .arg(header.fileName, (**existing).at(0).toString(), (**existing).at(1).toString()));
    }
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());

    ScanImport saved = header;
    saved.uuid = header.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : header.uuid;
    saved.importedAt = m_clock.now();
    saved.importedBy = m_actor;
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO scan_import (uuid, tool, file_name, sha256, scanned_at, imported_at, "
                       "scanner_version, args, protocols, finished_at, imported_by, warnings) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {saved.uuid, textValue(saved.tool), textValue(saved.fileName), textValue(saved.sha256),
         nullIfEmpty(saved.scannedAt), toStoredTimestamp(saved.importedAt), textValue(saved.scannerVersion),
         textValue(saved.args), saved.protocols.join(QLatin1Char(',')), nullIfEmpty(saved.finishedAt),
         textValue(saved.importedBy), warningsJson(saved.warnings)});
    if (!inserted)
        return tl::unexpected(inserted.error());
    saved.id = inserted->lastInsertId;
    saved.hostCount = 0;
    saved.matchedHostCount = 0;
    saved.openPortCount = 0;

    for (const ScanHost &host : hosts) {
        auto h = m_database->run(
            QStringLiteral("INSERT INTO scan_host (scan_import_id, connection_point_id, matched_by, address, "
                           "hostnames, status, os_match, host_scripts, started_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {saved.id, lineOrNull(host.connectionPointId), textValue(host.matchedBy), host.address,
             textValue(host.hostnames), host.status.isEmpty() ? QStringLiteral("up") : host.status,
             textValue(host.osMatch), textValue(host.hostScripts), nullIfEmpty(host.startedAt)});
        if (!h)
            return tl::unexpected(h.error());
        ++saved.hostCount;
        if (host.connectionPointId != 0)
            ++saved.matchedHostCount;
        for (const ScanPort &p : host.ports) {
            auto r = m_database->run(
                QStringLiteral("INSERT INTO scan_port (scan_host_id, protocol, port, state, reason, service, "
                               "product, version, extra_info, cpe, script_output) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {h->lastInsertId, p.protocol, p.port, p.state, textValue(p.reason), textValue(p.service),
                 textValue(p.product), textValue(p.version), textValue(p.extraInfo), textValue(p.cpe),
                 textValue(p.scriptOutput)});
            if (!r)
                return tl::unexpected(r.error());
            if (p.isOpen())
                ++saved.openPortCount;
        }
    }
    if (auto a = audit(QStringLiteral("insert"), kScanImport, saved.uuid, QStringLiteral("file_name"),
                       QVariant(), saved.fileName);
        !a)
        return tl::unexpected(a.error());
    if (auto q =
            Outbox::enqueue(*m_database, kScanImport, saved.uuid, QStringLiteral("upsert"), m_clock.now());
        !q)
        return tl::unexpected(q.error());
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return saved;
}

Result<void> SurveyStore::removeScanImport(const QString &uuid)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    auto name =
        m_database->scalar(QStringLiteral("SELECT file_name FROM scan_import WHERE uuid = ?"), {uuid});
    if (!name)
        return tl::unexpected(name.error());
    if (!name->isValid())
        return fail(ErrorCode::NotFound, QStringLiteral("no scan import ") + uuid);
    if (auto r = m_database->run(QStringLiteral("DELETE FROM scan_import WHERE uuid = ?"), {uuid}); !r)
        return tl::unexpected(r.error());
    if (auto a = audit(QStringLiteral("delete"), kScanImport, uuid, QStringLiteral("file_name"), *name,
                       QVariant());
        !a)
        return tl::unexpected(a.error());
    if (auto q = Outbox::enqueue(*m_database, kScanImport, uuid, QStringLiteral("delete"), m_clock.now()); !q)
        return tl::unexpected(q.error());
    return transaction.commit();
}

Result<int> SurveyStore::setScanHostMatches(const QList<ScanHost> &hosts)
{
    if (auto r = ensureWritable(); !r)
        return tl::unexpected(r.error());
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return tl::unexpected(transaction.begun().error());
    int changed = 0;
    QSet<qint64> imports;
    for (const ScanHost &host : hosts) {
        auto r = m_database->run(
            QStringLiteral("UPDATE scan_host SET connection_point_id = ?, matched_by = ? WHERE id = ? AND "
                           "(COALESCE(connection_point_id, 0) <> ? OR matched_by <> ?)"),
            {lineOrNull(host.connectionPointId), textValue(host.matchedBy), host.id, host.connectionPointId,
             textValue(host.matchedBy)});
        if (!r)
            return tl::unexpected(r.error());
        if (r->rowsAffected > 0) {
            ++changed;
            imports.insert(host.scanImportId);
        }
    }
    for (qint64 id : std::as_const(imports)) {
        auto uuid = m_database->scalar(QStringLiteral("SELECT uuid FROM scan_import WHERE id = ?"), {id});
        if (!uuid)
            return tl::unexpected(uuid.error());
        if (auto a =
                audit(QStringLiteral("update"), kScanImport, uuid->toString(), QStringLiteral("matches"));
            !a)
            return tl::unexpected(a.error());
        if (auto q = Outbox::enqueue(*m_database, kScanImport, uuid->toString(), QStringLiteral("upsert"),
                                     m_clock.now());
            !q)
            return tl::unexpected(q.error());
    }
    if (auto c = transaction.commit(); !c)
        return tl::unexpected(c.error());
    return changed;
}

Result<QList<ScanImport>> SurveyStore::scanImports() const
{
    auto q = m_database->exec(QStringLiteral(
        "SELECT s.id, s.uuid, s.tool, s.file_name, s.sha256, COALESCE(s.scanned_at, ''), "
        "COALESCE(s.finished_at, ''), s.imported_at, s.imported_by, s.scanner_version, s.args, s.protocols, "
        "s.warnings, (SELECT COUNT(*) FROM scan_host h WHERE h.scan_import_id = s.id), "
        "(SELECT COUNT(*) FROM scan_host h WHERE h.scan_import_id = s.id AND h.connection_point_id IS NOT "
        "NULL), (SELECT COUNT(*) FROM scan_port p JOIN scan_host h ON h.id = p.scan_host_id "
        "WHERE h.scan_import_id = s.id AND p.state = 'open') "
        "FROM scan_import s ORDER BY COALESCE(s.scanned_at, ''), s.id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<ScanImport> list;
    while (q->next()) {
        ScanImport s;
        s.id = q->value(0).toLongLong();
        s.uuid = q->value(1).toString();
        s.tool = q->value(2).toString();
        s.fileName = q->value(3).toString();
        s.sha256 = q->value(4).toString();
        s.scannedAt = q->value(5).toString();
        s.finishedAt = q->value(6).toString();
        s.importedAt = fromStoredTimestamp(q->value(7).toString());
        s.importedBy = q->value(8).toString();
        s.scannerVersion = q->value(9).toString();
        s.args = q->value(10).toString();
        s.protocols = q->value(11).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        s.warnings = warningsFromJson(q->value(12).toString());
        s.hostCount = q->value(13).toInt();
        s.matchedHostCount = q->value(14).toInt();
        s.openPortCount = q->value(15).toInt();
        list << s;
    }
    return list;
}

Result<QList<ScanHost>> SurveyStore::scanHosts() const
{
    auto q = m_database->exec(QStringLiteral(
        "SELECT h.id, h.scan_import_id, COALESCE(h.connection_point_id, 0), h.matched_by, h.address, "
        "h.hostnames, h.status, h.os_match, h.host_scripts, COALESCE(h.started_at, '') FROM scan_host h "
        "JOIN scan_import s ON s.id = h.scan_import_id ORDER BY COALESCE(s.scanned_at, ''), s.id, h.id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<ScanHost> hosts;
    QHash<qint64, qsizetype> index;
    while (q->next()) {
        ScanHost h;
        h.id = q->value(0).toLongLong();
        h.scanImportId = q->value(1).toLongLong();
        h.connectionPointId = q->value(2).toLongLong();
        h.matchedBy = q->value(3).toString();
        h.address = q->value(4).toString();
        h.hostnames = q->value(5).toString();
        h.status = q->value(6).toString();
        h.osMatch = q->value(7).toString();
        h.hostScripts = q->value(8).toString();
        h.startedAt = q->value(9).toString();
        index.insert(h.id, hosts.size());
        hosts << h;
    }
    auto p = m_database->exec(QStringLiteral("SELECT ") + kPortColumns +
                              QStringLiteral(", p.scan_host_id FROM scan_port p "
                                             "JOIN scan_host h ON h.id = p.scan_host_id "
                                             "JOIN scan_import s ON s.id = h.scan_import_id "
                                             "ORDER BY p.scan_host_id, p.protocol, p.port"));
    if (!p)
        return tl::unexpected(p.error());
    while (p->next()) {
        const auto at = index.constFind(p->value(16).toLongLong());
        if (at != index.constEnd())
            hosts[*at].ports << portFromRow(*p);
    }
    return hosts;
}

Result<QList<ScanPort>> SurveyStore::scanPorts() const
{
    // A port is current unless a later import scanned the same address, up, for its protocol.
    auto q = m_database->exec(
        QStringLiteral("SELECT ") + kPortColumns +
        QStringLiteral(
            " FROM scan_port p JOIN scan_host h ON h.id = p.scan_host_id "
            "JOIN scan_import s ON s.id = h.scan_import_id "
            "WHERE NOT EXISTS (SELECT 1 FROM scan_host h2 JOIN scan_import s2 ON s2.id = h2.scan_import_id "
            "  WHERE h2.address = h.address AND h2.status = 'up' AND s2.id <> s.id "
            "  AND (',' || s2.protocols || ',') LIKE ('%,' || p.protocol || ',%') "
            "  AND (COALESCE(s2.scanned_at, '') > COALESCE(s.scanned_at, '') "
            "       OR (COALESCE(s2.scanned_at, '') = COALESCE(s.scanned_at, '') AND s2.id > s.id))) "
            "ORDER BY COALESCE(h.connection_point_id, 0) = 0, h.connection_point_id, h.address, p.protocol, "
            "p.port, p.state = 'open' DESC, p.id"));
    if (!q)
        return tl::unexpected(q.error());
    QList<ScanPort> list;
    while (q->next()) {
        ScanPort port = portFromRow(*q);
        // One file may scan an address twice (listed by IP and by name): one row per port.
        if (!list.isEmpty() && list.last().address == port.address && list.last().protocol == port.protocol &&
            list.last().port == port.port && list.last().connectionPointId == port.connectionPointId)
            continue;
        list << port;
    }
    return list;
}

} // namespace fs::model
