#include "portaldirectory.h"

#include "logging.h"

#include <QJsonArray>
#include <QSaveFile>

namespace fs::sync {

namespace {

constexpr int kPage = 500;             // kintone's largest page
constexpr int kMaxHospitals = 1000000; // bounds the loop against a misbehaving server

KintoneError protocolError(const QString &detail)
{
    KintoneError e;
    e.kind = KintoneError::Kind::Protocol;
    e.detail = detail;
    return e;
}

QString text(const QJsonObject &record, const QString &code)
{
    if (code.isEmpty())
        return {};
    const QJsonValue v = record.value(code).toObject().value(QStringLiteral("value"));
    return v.isString() ? v.toString() : QString();
}

} // namespace

PortalDirectory::PortalDirectory(KintoneClient &client, FieldMapping mapping)
    : m_client(client)
    , m_mapping(std::move(mapping))
{
}

KintoneResult<QList<PortalHospital>> PortalDirectory::hospitals(const QString &query)
{
    const HospitalAppMapping &h = m_mapping.hospitals();
    if (h.app <= 0)
        return tl::unexpected(protocolError(QStringLiteral("the field mapping has no hospital list app")));
    QJsonArray fields{QStringLiteral("$id"), h.codeField, h.nameField, h.workbookField};
    for (const QString &code : {h.prefectureField, h.fiscalYearField}) {
        if (!code.isEmpty())
            fields.append(code);
    }
    QList<PortalHospital> list;
    QString last = QStringLiteral("0");
    while (list.size() < kMaxHospitals) {
        const QString condition = QStringLiteral("$id > ") + last;
        const QString q =
            (query.trimmed().isEmpty() ? condition
                                       : QStringLiteral("(") + query + QStringLiteral(") and ") + condition) +
            QStringLiteral(" order by $id asc limit %1").arg(kPage);
        auto answer = m_client.get(QStringLiteral("records"), {{QStringLiteral("app"), h.app},
                                                               {QStringLiteral("query"), q},
                                                               {QStringLiteral("fields"), fields}});
        if (!answer)
            return tl::unexpected(answer.error());
        const QJsonArray records = answer->value(QStringLiteral("records")).toArray();
        for (const QJsonValue &v : records) {
            const QJsonObject r = v.toObject();
            PortalHospital hospital;
            hospital.recordId = text(r, QStringLiteral("$id"));
            hospital.code = text(r, h.codeField);
            hospital.name = text(r, h.nameField);
            hospital.prefecture = text(r, h.prefectureField);
            hospital.fiscalYear = text(r, h.fiscalYearField);
            const QJsonArray files =
                r.value(h.workbookField).toObject().value(QStringLiteral("value")).toArray();
            if (!files.isEmpty()) {
                const QJsonObject f = files.last().toObject(); // the latest submission
                hospital.workbookKey = f.value(QStringLiteral("fileKey")).toString();
                hospital.workbookName = f.value(QStringLiteral("name")).toString();
                hospital.workbookSize = f.value(QStringLiteral("size")).toString().toLongLong();
            }
            if (hospital.recordId.isEmpty() || hospital.recordId.toLongLong() <= last.toLongLong())
                return tl::unexpected(
                    protocolError(QStringLiteral("the portal's records are not in $id order")));
            last = hospital.recordId;
            list << hospital;
        }
        if (records.size() < kPage)
            break;
    }
    qCInfo(lcPortal) << "hospital list:" << list.size() << "hospitals";
    return list;
}

KintoneResult<PortalHospital> PortalDirectory::hospital(const QString &code)
{
    QString escaped = code;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    auto list =
        hospitals(m_mapping.hospitals().codeField + QStringLiteral(" = \"") + escaped + QLatin1Char('"'));
    if (!list)
        return tl::unexpected(list.error());
    if (list->isEmpty())
        return tl::unexpected(
            protocolError(QStringLiteral("no hospital with code %1 on the portal").arg(code)));
    return list->first();
}

KintoneResult<qint64> PortalDirectory::downloadWorkbook(const PortalHospital &hospital, const QString &path)
{
    if (hospital.workbookKey.isEmpty())
        return tl::unexpected(protocolError(
            QStringLiteral("%1 (%2) has not submitted a workbook yet").arg(hospital.name, hospital.code)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        KintoneError e;
        e.kind = KintoneError::Kind::Local;
        e.detail = path + QStringLiteral(": ") + file.errorString();
        return tl::unexpected(e);
    }
    auto size = m_client.download(hospital.workbookKey, file, kMaxWorkbookBytes);
    if (!size) {
        file.cancelWriting();
        return tl::unexpected(size.error());
    }
    if (!file.commit()) {
        KintoneError e;
        e.kind = KintoneError::Kind::Local;
        e.detail = path + QStringLiteral(": ") + file.errorString();
        return tl::unexpected(e);
    }
    return *size;
}

} // namespace fs::sync
