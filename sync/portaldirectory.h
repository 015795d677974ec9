#pragma once

#include "fieldmapping.h"
#include "kintoneclient.h"

#include <QList>
#include <QString>

namespace fs::sync {

// A hospital on the portal's hospital list, with its submitted workbook (別紙2-1).
struct PortalHospital
{
    QString recordId;
    QString code;
    QString name;
    QString prefecture;
    QString fiscalYear;
    QString workbookKey; // download key; empty when nothing was submitted yet
    QString workbookName;
    qint64 workbookSize = 0;
};

// What the office prepared before the visit: the hospital list and each hospital's submission.
class PortalDirectory
{
public:
    // The largest workbook that is downloaded (a 別紙2-1 with a floor plan is a few MB).
    static constexpr qint64 kMaxWorkbookBytes = 200LL * 1024 * 1024;

    PortalDirectory(KintoneClient &client, FieldMapping mapping);

    // Every hospital, read 500 at a time by record id ($id > last order by $id asc), so that
    // lists beyond kintone's offset limit of 10,000 are read whole. query narrows it (kintone
    // query syntax, without order/limit).
    [[nodiscard]] KintoneResult<QList<PortalHospital>> hospitals(const QString &query = {});
    // The hospital whose code is code; NotFound-like Protocol error when none.
    [[nodiscard]] KintoneResult<PortalHospital> hospital(const QString &code);
    // Writes the hospital's submitted workbook to path (replaced only when complete).
    [[nodiscard]] KintoneResult<qint64> downloadWorkbook(const PortalHospital &hospital, const QString &path);

private:
    KintoneClient &m_client;
    FieldMapping m_mapping;
};

} // namespace fs::sync
