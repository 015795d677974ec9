#include "workbookimporter.h"

#include "imageformat.h"
#include "ipv4.h"
#include "logging.h"
#include "textnormalizer.h"
#include "xlsxreader.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace fs::model {

namespace {

enum class SheetRole
{
    Basic,
    Lines,
    Terminals,
    FloorPlan,
    Passwords,
    Unknown
};

SheetRole roleOf(const QString &sheetName)
{
    const QString k = TextNormalizer::key(sheetName);
    if (k.contains(QStringLiteral("パスワード")) ||
        (k.contains(QStringLiteral("アカウント")) && k.contains(QStringLiteral("id"))))
        return SheetRole::Passwords;
    if (k.startsWith(QStringLiteral("基本情報")))
        return SheetRole::Basic;
    if (k.startsWith(QStringLiteral("回線")))
        return SheetRole::Lines;
    if (k.startsWith(QStringLiteral("調査端末")) || k.startsWith(QStringLiteral("端末")))
        return SheetRole::Terminals;
    if (k.startsWith(QStringLiteral("設置場所")) || k.contains(QStringLiteral("平面図")))
        return SheetRole::FloorPlan;
    return SheetRole::Unknown;
}

// How a field's value is cleaned.
enum class ValueKind
{
    Plain,   // NFKC, trimmed
    Compact, // NFKC, no spaces at all (IP addresses, host names, codes)
    Prose,   // trimmed only (notes keep their punctuation)
};

struct FieldDef
{
    QString field;
    ValueKind kind;
};

using Dictionary = QHash<QString, FieldDef>; // header key → field

Dictionary lineDictionary()
{
    const auto plain = ValueKind::Plain;
    const auto compact = ValueKind::Compact;
    Dictionary d;
    const auto add = [&d](std::initializer_list<const char16_t *> keys, const char *field, ValueKind kind) {
        for (const char16_t *k : keys)
            d.insert(TextNormalizer::key(QString::fromUtf16(k)), FieldDef{QString::fromLatin1(field), kind});
    };
    add({u"回線No", u"回線番号", u"No"}, "line_no", plain);
    add({u"技術バージョン確認"}, "wants_version_check", plain);
    add({u"脆弱性診断"}, "wants_vulnerability_scan", plain);
    add({u"電子カルテシステムと接続するネットワークとの接続", u"電子カルテとの接続", u"電子カルテ接続"},
        "connects_to_emr", plain);
    add({u"用途・システム名", u"用途", u"システム名"}, "purpose", plain);
    add({u"回線種別"}, "line_type", plain);
    add({u"回線事業者"}, "carrier", plain);
    add({u"回線サービス名"}, "carrier_service", plain);
    add({u"回線ID"}, "line_id", compact);
    add({u"プロバイダ名", u"プロバイダ"}, "provider", plain);
    add({u"プロバイダ品目"}, "provider_product", plain);
    add({u"回線終端装置設置場所", u"ONU設置場所", u"設置場所"}, "onu_location", plain);
    add({u"通信形態"}, "connection_type", plain);
    add({u"グローバルIP利用"}, "uses_global_ip", plain);
    add({u"固定IP/動的IP", u"固定IP・動的IP"}, "ip_assignment", plain);
    add({u"グローバルIPアドレス"}, "global_ip", compact);
    add({u"FQDN"}, "fqdn", compact);
    add({u"グローバルIP確認"}, "scan_ip_confirmed", plain);
    add({u"当日グローバルIPアドレス"}, "scan_ip", compact);
    add({u"機器種別"}, "device_type", plain);
    add({u"メーカー", u"メーカ"}, "maker", plain);
    add({u"機種名", u"型番"}, "model", plain);
    add({u"機器名", u"ホスト名"}, "hostname", compact);
    add({u"管理IPアドレス"}, "management_ip", compact);
    add({u"接続方法"}, "access_method", plain);
    add({u"ポート番号", u"ポート"}, "access_port", compact);
    add({u"保守ベンダ", u"保守ベンダー", u"保守業者"}, "maintenance_vendor", plain);
    add({u"備考"}, "declared_note", ValueKind::Prose);
    return d;
}

Dictionary terminalDictionary()
{
    Dictionary d;
    const auto add = [&d](std::initializer_list<const char16_t *> keys, const char *field, ValueKind kind) {
        for (const char16_t *k : keys)
            d.insert(TextNormalizer::key(QString::fromUtf16(k)), FieldDef{QString::fromLatin1(field), kind});
    };
    add({u"No", u"端末No", u"番号"}, "terminal_no", ValueKind::Plain);
    add({u"システム種別"}, "system_type", ValueKind::Plain);
    add({u"利用形態"}, "usage_form", ValueKind::Plain);
    add({u"端末ホスト名", u"ホスト名"}, "hostname", ValueKind::Compact);
    add({u"IPアドレス"}, "ip", ValueKind::Compact);
    add({u"設置場所"}, "location", ValueKind::Plain);
    add({u"VDIホスト名"}, "vdi_hostname", ValueKind::Compact);
    add({u"VDIIPアドレス"}, "vdi_ip", ValueKind::Compact);
    add({u"セキュリティ対策製品"}, "security_product", ValueKind::Plain);
    add({u"備考"}, "note", ValueKind::Prose);
    return d;
}

const QSet<QString> kDeviceFields = {
    QStringLiteral("device_type"),   QStringLiteral("maker"),
    QStringLiteral("model"),         QStringLiteral("hostname"),
    QStringLiteral("management_ip"), QStringLiteral("access_method"),
    QStringLiteral("access_port"),   QStringLiteral("maintenance_vendor"),
};

struct Column
{
    int column = 0;
    FieldDef def;
    bool required = false;
};

struct Layout
{
    int headerRow = 0;
    QList<Column> columns;
};

// The values of one data row: field → (text, where it came from).
struct RowValues
{
    int row = 0;
    QHash<QString, QString> values;
    QHash<QString, int> columns;

    QString value(const QString &field) const { return values.value(field); }
    bool has(const QString &field) const { return !values.value(field).isEmpty(); }
};

QString clean(const QString &text, ValueKind kind)
{
    switch (kind) {
    case ValueKind::Plain:
        return TextNormalizer::value(text);
    case ValueKind::Compact:
        return TextNormalizer::compact(text);
    case ValueKind::Prose:
        return TextNormalizer::prose(text);
    }
    return text;
}

bool isExampleRow(const XlsxSheet &sheet, int row)
{
    const auto r = sheet.rows.constFind(row);
    if (r == sheet.rows.constEnd())
        return false;
    // 記入例 has no other forms under NFKC, so a plain search is enough.
    for (const XlsxCell &cell : *r) {
        if (cell.text.contains(QStringLiteral("記入例")))
            return true;
    }
    return false;
}

class Importer
{
public:
    Importer(const XlsxReader &reader, const WorkbookImporter::Options &options)
        : m_reader(reader)
        , m_options(options)
    {
    }

    Result<WorkbookImport> run();

private:
    void warn(const QString &code, const QString &where, const QString &subject, const QString &detail)
    {
        m_result.data.importWarnings.append(ImportWarning{code, where, subject, detail});
    }
    static QString at(const XlsxSheet &sheet, int row, int column)
    {
        return sheet.name + QLatin1Char('!') + CellRef{row, column}.toA1();
    }

    Result<void> readBasic(const XlsxSheet &sheet);
    Result<Layout> findLayout(const XlsxSheet &sheet, const Dictionary &dictionary, bool terminals);
    QList<RowValues> dataRows(const XlsxSheet &sheet, const Layout &layout, const QString &numberField);
    Result<void> readLines(const XlsxSheet &sheet);
    Result<void> readTerminals(const XlsxSheet &sheet);
    Result<void> readFloorPlans(const XlsxSheet &sheet);
    void validate();
    void checkIp(const QString &value, bool allowPrefix, const QString &where, const QString &subject,
                 const QString &what);

    const XlsxReader &m_reader;
    WorkbookImporter::Options m_options;
    WorkbookImport m_result;
    // Where each value came from, for warnings: "line:1/global_ip" → "回線…!P6".
    QHash<QString, QString> m_where;
    // Required columns per table: "line" / "device" / "terminal" field → header cell.
    QHash<QString, QSet<QString>> m_required;
};

// ---- 基本情報記入シート --------------------------------------------------------------------------

Result<void> Importer::readBasic(const XlsxSheet &sheet)
{
    Hospital &h = m_result.data.hospital;
    static const QHash<QString, QString> labels = {
        {TextNormalizer::key(QStringLiteral("医療機関コード")), QStringLiteral("code")},
        {TextNormalizer::key(QStringLiteral("医療機関名")), QStringLiteral("name")},
        {TextNormalizer::key(QStringLiteral("(かな)")), QStringLiteral("kana")},
        {TextNormalizer::key(QStringLiteral("かな")), QStringLiteral("kana")},
        {TextNormalizer::key(QStringLiteral("住所")), QStringLiteral("address")},
        {TextNormalizer::key(QStringLiteral("〒")), QStringLiteral("postal")},
        {TextNormalizer::key(QStringLiteral("郵便番号")), QStringLiteral("postal")},
        {TextNormalizer::key(QStringLiteral("ビル名")), QStringLiteral("building")},
        {TextNormalizer::key(QStringLiteral("病床数")), QStringLiteral("beds")},
    };
    const auto labelOf = [](const QString &text) -> QString {
        const QString k = TextNormalizer::key(text);
        if (const auto it = labels.constFind(k); it != labels.constEnd())
            return *it;
        if (k.startsWith(QStringLiteral("確認者名")))
            return QStringLiteral("confirmer");
        if (k.startsWith(QStringLiteral("本施策の同意確認")) || k == QStringLiteral("同意確認"))
            return QStringLiteral("consent");
        return {};
    };

    bool consentSeen = false;
    int contactHeaderRow = 0;
    QHash<QString, int> contactColumns;
    for (auto rowIt = sheet.rows.cbegin(); rowIt != sheet.rows.cend(); ++rowIt) {
        const int row = rowIt.key();
        QList<std::pair<int, QString>> tokens;
        for (auto c = rowIt->cbegin(); c != rowIt->cend(); ++c) {
            if (!c->text.trimmed().isEmpty())
                tokens.append({c.key(), c->text});
        }
        if (tokens.isEmpty())
            continue;

        // The contacts table: a header row with 所属・役職, 担当者名, 電話番号, Mailアドレス.
        QHash<QString, int> headers;
        for (const auto &[column, text] : tokens) {
            const QString k = TextNormalizer::key(text);
            if (k == QStringLiteral("所属・役職") || k == QStringLiteral("所属") ||
                k == QStringLiteral("役職"))
                headers.insert(QStringLiteral("dept"), column);
            else if (k == QStringLiteral("担当者名") || k == QStringLiteral("氏名"))
                headers.insert(QStringLiteral("name"), column);
            else if (k == QStringLiteral("電話番号"))
                headers.insert(QStringLiteral("phone"), column);
            else if (k == QStringLiteral("mailアドレス") || k == QStringLiteral("メールアドレス") ||
                     k == QStringLiteral("e-mail"))
                headers.insert(QStringLiteral("mail"), column);
        }
        if (headers.size() >= 2) {
            contactHeaderRow = row;
            contactColumns = headers;
            continue;
        }
        const QString first = TextNormalizer::key(tokens.first().second);
        if (contactHeaderRow > 0 && row > contactHeaderRow) {
            if (first.startsWith(QStringLiteral("■")) || !labelOf(tokens.first().second).isEmpty()) {
                contactHeaderRow = 0; // the table ended
            } else {
                Contact contact;
                contact.dept =
                    TextNormalizer::value(sheet.text(row, contactColumns.value(QStringLiteral("dept"))));
                contact.name =
                    TextNormalizer::value(sheet.text(row, contactColumns.value(QStringLiteral("name"))));
                contact.phone =
                    TextNormalizer::compact(sheet.text(row, contactColumns.value(QStringLiteral("phone"))));
                contact.mail =
                    TextNormalizer::compact(sheet.text(row, contactColumns.value(QStringLiteral("mail"))));
                if (!contact.dept.isEmpty() || !contact.name.isEmpty() || !contact.phone.isEmpty() ||
                    !contact.mail.isEmpty())
                    m_result.data.contacts.append(contact);
                continue;
            }
        }

        // Label/value pairs: each label takes the next cell that is not itself a label.
        QString previousLabel;
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString label = labelOf(tokens[i].second);
            if (label.isEmpty())
                continue;
            if (label == QStringLiteral("consent")) {
                consentSeen = true;
                // The answer is a list choice somewhere on the row (the label's neighbour is
                // usually the instructions).
                for (const auto &[column, text] : tokens) {
                    const QString v = TextNormalizer::value(text);
                    if (v == QStringLiteral("同意する") || v == QStringLiteral("同意しない")) {
                        h.consent = v;
                        m_where.insert(QStringLiteral("hospital/consent"), at(sheet, row, column));
                    }
                }
                if (h.consent.isEmpty()) {
                    int answerColumn = tokens.last().first + 1;
                    for (const DataValidation &v : sheet.validations) {
                        if (v.listItems.contains(QStringLiteral("同意する")) && !v.ranges.isEmpty() &&
                            v.ranges.first().first.row == row)
                            answerColumn = v.ranges.first().first.column;
                    }
                    m_where.insert(QStringLiteral("hospital/consent"), at(sheet, row, answerColumn));
                }
                break;
            }
            QString value;
            int valueColumn = tokens[i].first + 1;
            if (i + 1 < tokens.size() && labelOf(tokens[i + 1].second).isEmpty()) {
                value = tokens[i + 1].second;
                valueColumn = tokens[i + 1].first;
            }
            const QString where = at(sheet, row, valueColumn);
            if (label == QStringLiteral("code")) {
                h.code = TextNormalizer::compact(value);
                m_where.insert(QStringLiteral("hospital/code"), where);
            } else if (label == QStringLiteral("name")) {
                h.name = TextNormalizer::value(value);
                m_where.insert(QStringLiteral("hospital/name"), where);
            } else if (label == QStringLiteral("kana")) {
                if (previousLabel == QStringLiteral("address"))
                    h.addressKana = TextNormalizer::value(value);
                else
                    h.nameKana = TextNormalizer::value(value);
            } else if (label == QStringLiteral("address")) {
                if (!value.isEmpty()) {
                    h.address = TextNormalizer::value(value);
                    m_where.insert(QStringLiteral("hospital/address"), where);
                }
            } else if (label == QStringLiteral("postal")) {
                h.postal = TextNormalizer::compact(value);
            } else if (label == QStringLiteral("building")) {
                h.building = TextNormalizer::value(value);
            } else if (label == QStringLiteral("beds")) {
                if (!value.isEmpty()) {
                    const int beds = TextNormalizer::firstNumber(value);
                    if (beds >= 0)
                        h.beds = beds;
                    else
                        warn(QStringLiteral("invalid_number"), where, QStringLiteral("hospital"),
                             QStringLiteral("病床数 «%1» is not a number").arg(value.left(40)));
                }
            } else if (label == QStringLiteral("confirmer")) {
                h.confirmer = TextNormalizer::value(value);
                m_where.insert(QStringLiteral("hospital/confirmer"), where);
            }
            previousLabel = label;
        }
    }

    // 〒 written into the address cell.
    static const QRegularExpression postalInAddress(QStringLiteral("^〒?\\s*(\\d{3}-?\\d{4})\\s*(.*)$"));
    if (h.postal.isEmpty()) {
        const auto match = postalInAddress.match(h.address);
        if (match.hasMatch() && h.address.startsWith(QStringLiteral("〒"))) {
            h.postal = match.captured(1);
            h.address = match.captured(2).trimmed();
        }
    }
    static const QRegularExpression prefecture(QStringLiteral("^(東京都|北海道|京都府|大阪府|.{2,3}?県)"));
    if (const auto match = prefecture.match(h.address); match.hasMatch())
        h.prefecture = match.captured(1);

    if (h.consent != QStringLiteral("同意する"))
        warn(QStringLiteral("consent_missing"),
             m_where.value(QStringLiteral("hospital/consent"), consentSeen ? QString() : sheet.name),
             QStringLiteral("hospital"),
             h.consent.isEmpty()
                 ? QStringLiteral("本施策の同意確認 is not answered")
                 : QStringLiteral("本施策の同意確認 is «%1»; the survey needs 同意する").arg(h.consent));
    for (const auto &[field, label] : {std::pair{"code", "医療機関コード"}, std::pair{"name", "医療機関名"},
                                       std::pair{"address", "住所"}}) {
        const QString value = QString::fromLatin1(field) == QStringLiteral("code")   ? h.code
                              : QString::fromLatin1(field) == QStringLiteral("name") ? h.name
                                                                                     : h.address;
        if (value.isEmpty())
            warn(QStringLiteral("required_missing"),
                 m_where.value(QStringLiteral("hospital/") + QString::fromLatin1(field), sheet.name),
                 QStringLiteral("hospital/") + QString::fromLatin1(field),
                 QStringLiteral("%1 is empty").arg(QString::fromUtf8(label)));
    }
    return {};
}

// ---- table sheets ---------------------------------------------------------------------------

Result<Layout> Importer::findLayout(const XlsxSheet &sheet, const Dictionary &dictionary, bool terminals)
{
    // The field header row is the one naming the most known fields near the top of the sheet.
    int bestRow = 0;
    int bestCount = 0;
    const int lastColumn = sheet.lastColumn();
    for (int row = 1; row <= std::min(sheet.lastRow(), 40); ++row) {
        int count = 0;
        for (int column = 1; column <= lastColumn; ++column) {
            if (dictionary.contains(TextNormalizer::key(sheet.text(row, column))))
                ++count;
        }
        if (count > bestCount) {
            bestCount = count;
            bestRow = row;
        }
    }
    if (bestCount < 3)
        return fail(ErrorCode::InvalidData,
                    QStringLiteral("%1: no header row found (looked for %2 in the first 40 rows)")
                        .arg(sheet.name, terminals
                                             ? QStringLiteral("システム種別, 端末ホスト名, IPアドレス …")
                                             : QStringLiteral("回線No, 用途・システム名, 回線種別 …")));
    Layout layout;
    layout.headerRow = bestRow;
    QSet<QString> taken;
    for (int column = 1; column <= lastColumn; ++column) {
        QString header = sheet.text(bestRow, column);
        if (header.trimmed().isEmpty() && bestRow > 1)
            header = sheet.text(bestRow - 1, column); // a group header standing for its field
        if (header.trimmed().isEmpty())
            continue;
        const QString group = bestRow > 1 ? TextNormalizer::key(sheet.text(bestRow - 1, column)) : QString();
        const auto found = dictionary.constFind(TextNormalizer::key(header));
        if (found == dictionary.constEnd()) {
            warn(QStringLiteral("unknown_column"), at(sheet, bestRow, column), QString(),
                 QStringLiteral("column «%1» is not a 別紙2-1 field; its values were not imported")
                     .arg(header.trimmed().left(60)));
            continue;
        }
        FieldDef def = *found;
        // Group headers tell same-named fields apart.
        if (terminals &&
            (group.contains(QStringLiteral("仮想デスクトップ")) || group.contains(QStringLiteral("vdi")))) {
            if (def.field == QStringLiteral("hostname"))
                def.field = QStringLiteral("vdi_hostname");
            else if (def.field == QStringLiteral("ip"))
                def.field = QStringLiteral("vdi_ip");
        }
        if (!terminals && group.contains(QStringLiteral("当日")) && def.field == QStringLiteral("global_ip"))
            def.field = QStringLiteral("scan_ip");
        if (taken.contains(def.field)) {
            warn(QStringLiteral("unknown_column"), at(sheet, bestRow, column), QString(),
                 QStringLiteral("a second «%1» column; only the first was imported")
                     .arg(header.trimmed().left(60)));
            continue;
        }
        taken.insert(def.field);
        layout.columns.append(Column{column, def, TextNormalizer::isRequiredMark(header)});
    }
    return layout;
}

QList<RowValues> Importer::dataRows(const XlsxSheet &sheet, const Layout &layout, const QString &numberField)
{
    QList<RowValues> rows;
    for (auto it = sheet.rows.upperBound(layout.headerRow); it != sheet.rows.cend(); ++it) {
        const int row = it.key();
        if (isExampleRow(sheet, row))
            continue;
        RowValues values;
        values.row = row;
        bool any = false;
        for (const Column &column : layout.columns) {
            // A merged 回線No or No covers the rows below it; other merged cells count once.
            const bool mergeAware = column.def.field == numberField;
            const QString raw =
                mergeAware ? sheet.text(row, column.column) : sheet.cell(row, column.column).text;
            const QString text = clean(raw, column.def.kind);
            values.values.insert(column.def.field, text);
            values.columns.insert(column.def.field, column.column);
            if (!text.isEmpty() && column.def.field != numberField)
                any = true;
        }
        if (any)
            rows.append(values);
    }
    return rows;
}

Result<void> Importer::readLines(const XlsxSheet &sheet)
{
    auto layout = findLayout(sheet, lineDictionary(), false);
    if (!layout)
        return tl::unexpected(layout.error());
    for (const Column &c : layout->columns) {
        if (c.required)
            m_required[kDeviceFields.contains(c.def.field) ? QStringLiteral("device")
                                                           : QStringLiteral("line")]
                .insert(c.def.field);
    }
    QList<ConnectionPoint> &lines = m_result.data.connectionPoints;
    int previous = -1;
    for (const RowValues &row : dataRows(sheet, *layout, QStringLiteral("line_no"))) {
        const QString numberText = row.value(QStringLiteral("line_no"));
        int number = numberText.isEmpty() ? -1 : TextNormalizer::firstNumber(numberText);
        const QString numberCell = at(sheet, row.row, row.columns.value(QStringLiteral("line_no"), 1));
        if (number < 1) {
            if (previous >= 1 && numberText.isEmpty()) {
                number = previous; // a continuation row: another device on the line above
            } else {
                number = lines.isEmpty() ? 1 : lines.constLast().lineNo + 1;
                while (std::any_of(lines.cbegin(), lines.cend(),
                                   [number](const ConnectionPoint &c) { return c.lineNo == number; }))
                    ++number;
                warn(QStringLiteral("required_missing"), numberCell, QStringLiteral("line:%1").arg(number),
                     QStringLiteral("回線No is missing or not a number («%1»); numbered %2")
                         .arg(numberText.left(20))
                         .arg(number));
            }
        }
        previous = number;
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [number](const ConnectionPoint &c) { return c.lineNo == number; });
        const QString subject = QStringLiteral("line:%1").arg(number);
        const bool isNew = line == lines.end();
        if (isNew) {
            ConnectionPoint point;
            point.lineNo = number;
            lines.append(point);
            line = lines.end() - 1;
        }
        // Line fields come from the line's first row; a continuation row only fills gaps.
        const auto take = [&](const char *field, QString &target) {
            const QString f = QString::fromLatin1(field);
            if (!target.isEmpty() || !row.has(f))
                return;
            target = row.value(f);
            m_where.insert(subject + QLatin1Char('/') + f, at(sheet, row.row, row.columns.value(f)));
        };
        take("wants_version_check", line->wantsVersionCheck);
        take("wants_vulnerability_scan", line->wantsVulnerabilityScan);
        take("connects_to_emr", line->connectsToEmr);
        take("purpose", line->purpose);
        take("line_type", line->lineType);
        take("carrier", line->carrier);
        take("carrier_service", line->carrierService);
        take("line_id", line->lineId);
        take("provider", line->provider);
        take("provider_product", line->providerProduct);
        take("onu_location", line->onuLocation);
        take("connection_type", line->connectionType);
        take("uses_global_ip", line->usesGlobalIp);
        take("ip_assignment", line->ipAssignment);
        take("global_ip", line->globalIp);
        take("fqdn", line->fqdn);
        take("scan_ip_confirmed", line->scanIpConfirmed);
        take("scan_ip", line->scanIp);
        take("declared_note", line->declaredNote);
        if (isNew) {
            for (const QString &field : m_required.value(QStringLiteral("line")))
                m_where.insert(subject + QStringLiteral("/") + field,
                               m_where.value(subject + QLatin1Char('/') + field,
                                             at(sheet, row.row, row.columns.value(field))));
        }

        bool hasDevice = false;
        for (const QString &field : kDeviceFields)
            hasDevice = hasDevice || row.has(field);
        if (hasDevice) {
            Device device;
            device.deviceType = row.value(QStringLiteral("device_type"));
            device.maker = row.value(QStringLiteral("maker"));
            device.model = row.value(QStringLiteral("model"));
            device.hostname = row.value(QStringLiteral("hostname"));
            device.managementIp = row.value(QStringLiteral("management_ip"));
            device.accessMethod = row.value(QStringLiteral("access_method"));
            device.accessPort = row.value(QStringLiteral("access_port"));
            device.maintenanceVendor = row.value(QStringLiteral("maintenance_vendor"));
            const QString deviceSubject =
                subject + QStringLiteral("/device:%1").arg(line->devices.size() + 1);
            for (const QString &field : kDeviceFields)
                m_where.insert(deviceSubject + QLatin1Char('/') + field,
                               at(sheet, row.row, row.columns.value(field)));
            line->devices.append(device);
        }
    }
    std::sort(lines.begin(), lines.end(),
              [](const ConnectionPoint &a, const ConnectionPoint &b) { return a.lineNo < b.lineNo; });
    return {};
}

Result<void> Importer::readTerminals(const XlsxSheet &sheet)
{
    auto layout = findLayout(sheet, terminalDictionary(), true);
    if (!layout)
        return tl::unexpected(layout.error());
    for (const Column &c : layout->columns) {
        if (c.required)
            m_required[QStringLiteral("terminal")].insert(c.def.field);
    }
    QList<Terminal> &terminals = m_result.data.terminals;
    for (const RowValues &row : dataRows(sheet, *layout, QStringLiteral("terminal_no"))) {
        int number = TextNormalizer::firstNumber(row.value(QStringLiteral("terminal_no")));
        if (number < 1 || std::any_of(terminals.cbegin(), terminals.cend(),
                                      [number](const Terminal &t) { return t.terminalNo == number; })) {
            number = terminals.isEmpty() ? 1 : terminals.constLast().terminalNo + 1;
            while (std::any_of(terminals.cbegin(), terminals.cend(),
                               [number](const Terminal &t) { return t.terminalNo == number; }))
                ++number;
        }
        Terminal t;
        t.terminalNo = number;
        t.systemType = row.value(QStringLiteral("system_type"));
        t.usageForm = row.value(QStringLiteral("usage_form"));
        t.hostname = row.value(QStringLiteral("hostname"));
        t.ip = row.value(QStringLiteral("ip"));
        t.location = row.value(QStringLiteral("location"));
        t.vdiHostname = row.value(QStringLiteral("vdi_hostname"));
        t.vdiIp = row.value(QStringLiteral("vdi_ip"));
        t.securityProduct = row.value(QStringLiteral("security_product"));
        t.declaredNote = row.value(QStringLiteral("note"));
        const QString subject = QStringLiteral("terminal:%1").arg(number);
        for (auto it = row.columns.cbegin(); it != row.columns.cend(); ++it)
            m_where.insert(subject + QLatin1Char('/') + it.key(), at(sheet, row.row, it.value()));
        terminals.append(t);
    }
    std::sort(terminals.begin(), terminals.end(),
              [](const Terminal &a, const Terminal &b) { return a.terminalNo < b.terminalNo; });
    return {};
}

// ---- 設置場所記入シート ---------------------------------------------------------------------------

Result<void> Importer::readFloorPlans(const XlsxSheet &sheet)
{
    struct Plan
    {
        FloorPlan plan;
        EmuRect rect;
    };
    QList<Plan> plans;
    for (const XlsxPicture &picture : sheet.pictures) {
        const int index = int(m_result.data.floorPlans.size() + plans.size()) + 1;
        if (picture.mediaPart.isEmpty()) {
            warn(QStringLiteral("image_unreadable"), sheet.name, QStringLiteral("floorplan:%1").arg(index),
                 QStringLiteral("picture «%1» refers to no image in the workbook").arg(picture.name));
            continue;
        }
        // A dry run checks the image's header; an import keeps the whole image.
        auto bytes = m_options.loadImages ? m_reader.readMedia(picture.mediaPart)
                                          : m_reader.readMediaHeader(picture.mediaPart);
        if (!bytes)
            return tl::unexpected(bytes.error());
        QBuffer buffer(&*bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader image(&buffer);
        const QSize size = image.size();
        if (!image.canRead() || !size.isValid() || size.isEmpty()) {
            warn(QStringLiteral("image_unreadable"), sheet.name, QStringLiteral("floorplan:%1").arg(index),
                 QStringLiteral("%1 is not an image FieldSurvey can read").arg(picture.mediaPart));
            continue;
        }
        Plan p;
        p.rect = picture.rect;
        p.plan.title = sheet.pictures.size() > 1
                           ? QStringLiteral("%1 (%2)").arg(sheet.name).arg(plans.size() + 1)
                           : sheet.name;
        p.plan.sourceKind = QStringLiteral("workbook_image");
        p.plan.width = size.width();
        p.plan.height = size.height();
        p.plan.mimeType = mimeTypeForImageFormat(image.format());
        if (m_options.loadImages)
            p.plan.imageData = *bytes;
        plans.append(p);
    }

    const QList<Terminal> &terminals = m_result.data.terminals;
    const QList<ConnectionPoint> &lines = m_result.data.connectionPoints;
    static const QRegularExpression lineNumber(QStringLiteral("回線(?:no\\.?|番号)?(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression terminalNumber(QStringLiteral("端末(?:no\\.?|番号)?(\\d+)"),
                                                   QRegularExpression::CaseInsensitiveOption);
    for (const XlsxShape &shape : sheet.shapes) {
        if (!shape.tail)
            continue; // a plain text box, not a callout
        const QString subject = QStringLiteral("callout:%1").arg(shape.name);
        if (plans.isEmpty()) {
            warn(QStringLiteral("callout_unmatched"), sheet.name, subject,
                 QStringLiteral("callout «%1» has no floor plan to point at").arg(shape.name));
            continue;
        }
        // The plan under the tail, or the nearest one.
        const QPointF tail = *shape.tail;
        qsizetype best = -1;
        double bestDistance = 0;
        for (qsizetype i = 0; i < plans.size(); ++i) {
            const EmuRect &r = plans[i].rect;
            const double dx = std::max({r.x - tail.x(), 0.0, tail.x() - (r.x + r.width)});
            const double dy = std::max({r.y - tail.y(), 0.0, tail.y() - (r.y + r.height)});
            const double distance = std::hypot(dx, dy);
            if (best < 0 || distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        Plan &plan = plans[best];
        Pin pin;
        pin.x = (tail.x() - plan.rect.x) / plan.rect.width;
        pin.y = (tail.y() - plan.rect.y) / plan.rect.height;
        if (bestDistance > 0) {
            warn(QStringLiteral("pin_outside_plan"), sheet.name, subject,
                 QStringLiteral("callout «%1» points outside the floor plan; its pin was put on the edge")
                     .arg(shape.name));
            pin.x = std::clamp(pin.x, 0.0, 1.0);
            pin.y = std::clamp(pin.y, 0.0, 1.0);
        }
        pin.sourceText = TextNormalizer::prose(shape.text);
        pin.label = pin.sourceText.section(QLatin1Char('\n'), 0, 0).trimmed();

        // What the callout names: 回線N, 端末N, a terminal's host name or a line's 回線ID.
        const QString key = TextNormalizer::key(shape.text);
        if (const auto m = lineNumber.match(key); m.hasMatch()) {
            pin.target = QStringLiteral("line:%1").arg(m.captured(1).toInt());
            pin.kind = PinKind::Onu;
        } else if (const auto t = terminalNumber.match(key); t.hasMatch()) {
            pin.target = QStringLiteral("terminal:%1").arg(t.captured(1).toInt());
            pin.kind = PinKind::Terminal;
        } else {
            for (const Terminal &terminal : terminals) {
                if (!terminal.hostname.isEmpty() && key.contains(terminal.hostname.toLower())) {
                    pin.target = QStringLiteral("terminal:%1").arg(terminal.terminalNo);
                    pin.kind = PinKind::Terminal;
                    break;
                }
            }
            for (const ConnectionPoint &line : lines) {
                if (pin.target.isEmpty() && !line.lineId.isEmpty() && key.contains(line.lineId.toLower())) {
                    pin.target = QStringLiteral("line:%1").arg(line.lineNo);
                    pin.kind = PinKind::Onu;
                }
            }
        }
        // A callout that names nothing is reported, not pinned: a pin always stands for something.
        if (pin.target.isEmpty()) {
            warn(QStringLiteral("callout_unmatched"), sheet.name, subject,
                 QStringLiteral("callout «%1» («%2») names no line or terminal; no pin was made")
                     .arg(shape.name, pin.label.left(40)));
            continue;
        }
        plan.plan.pins.append(pin);
    }
    for (Plan &p : plans)
        m_result.data.floorPlans.append(p.plan);
    return {};
}

// ---- validation -----------------------------------------------------------------------------

void Importer::checkIp(const QString &value, bool allowPrefix, const QString &where, const QString &subject,
                       const QString &what)
{
    if (value.isEmpty())
        return;
    if (!Ipv4::parse(value, allowPrefix))
        warn(QStringLiteral("invalid_ip"), where, subject,
             QStringLiteral("%1 «%2» is not an IPv4 address%3")
                 .arg(what, value.left(60), allowPrefix ? QStringLiteral(" (/prefix allowed)") : QString()));
}

void Importer::validate()
{
    SurveyData &data = m_result.data;
    const QSet<QString> lineRequired = m_required.value(QStringLiteral("line"));
    const QSet<QString> deviceRequired = m_required.value(QStringLiteral("device"));
    const QSet<QString> terminalRequired = m_required.value(QStringLiteral("terminal"));
    const QString wanted = QStringLiteral("調査希望あり");

    QHash<QString, QString> deviceHosts;
    QHash<QString, QString> deviceIps;
    for (const ConnectionPoint &line : std::as_const(data.connectionPoints)) {
        const QString subject = QStringLiteral("line:%1").arg(line.lineNo);
        const auto where = [&](const char *field) {
            return m_where.value(subject + QLatin1Char('/') + QString::fromLatin1(field));
        };
        const bool usesGlobal = line.usesGlobalIp == QStringLiteral("あり");
        const bool dynamic = line.ipAssignment.contains(QStringLiteral("動的"));
        const QHash<QString, QString> values = {
            {QStringLiteral("wants_version_check"), line.wantsVersionCheck},
            {QStringLiteral("wants_vulnerability_scan"), line.wantsVulnerabilityScan},
            {QStringLiteral("connects_to_emr"), line.connectsToEmr},
            {QStringLiteral("purpose"), line.purpose},
            {QStringLiteral("line_type"), line.lineType},
            {QStringLiteral("carrier"), line.carrier},
            {QStringLiteral("carrier_service"), line.carrierService},
            {QStringLiteral("line_id"), line.lineId},
            {QStringLiteral("provider"), line.provider},
            {QStringLiteral("provider_product"), line.providerProduct},
            {QStringLiteral("onu_location"), line.onuLocation},
            {QStringLiteral("connection_type"), line.connectionType},
            {QStringLiteral("uses_global_ip"), line.usesGlobalIp},
            {QStringLiteral("ip_assignment"), line.ipAssignment},
            {QStringLiteral("global_ip"), line.globalIp},
            {QStringLiteral("fqdn"), line.fqdn},
        };
        for (const QString &field : lineRequired) {
            if (!values.contains(field) || !values.value(field).isEmpty())
                continue;
            // Address fields are required only when the line uses a (fixed) global address.
            if (field == QStringLiteral("ip_assignment") && !usesGlobal)
                continue;
            if (field == QStringLiteral("global_ip") && (!usesGlobal || dynamic))
                continue;
            warn(QStringLiteral("required_missing"), m_where.value(subject + QLatin1Char('/') + field),
                 subject, QStringLiteral("回線%1: %2 is empty").arg(line.lineNo).arg(field));
        }
        checkIp(line.globalIp, false, where("global_ip"), subject + QStringLiteral("/global_ip"),
                QStringLiteral("グローバルIPアドレス"));
        if (const auto ip = Ipv4::parse(line.globalIp, false); ip && !Ipv4::isPublic(ip->value))
            warn(QStringLiteral("global_ip_not_public"), where("global_ip"),
                 subject + QStringLiteral("/global_ip"),
                 QStringLiteral("回線%1: %2 is a private or reserved address, not a global one")
                     .arg(line.lineNo)
                     .arg(line.globalIp));
        checkIp(line.scanIp, false, where("scan_ip"), subject + QStringLiteral("/scan_ip"),
                QStringLiteral("当日グローバルIPアドレス"));
        if (line.wantsVulnerabilityScan == wanted) {
            if (dynamic)
                warn(QStringLiteral("dynamic_ip_scan_day"), where("ip_assignment"),
                     subject + QStringLiteral("/ip_assignment"),
                     QStringLiteral("回線%1 asks for 脆弱性診断 with a dynamic IP: the address must be "
                                    "confirmed on the scan day")
                         .arg(line.lineNo));
            else if (line.globalIp.isEmpty() && line.fqdn.isEmpty())
                warn(QStringLiteral("scan_without_ip"), where("wants_vulnerability_scan"),
                     subject + QStringLiteral("/global_ip"),
                     QStringLiteral("回線%1 asks for 脆弱性診断 but gives no global IP address")
                         .arg(line.lineNo));
        }
        for (qsizetype i = 0; i < line.devices.size(); ++i) {
            const Device &d = line.devices[i];
            const QString deviceSubject = subject + QStringLiteral("/device:%1").arg(i + 1);
            const auto dwhere = [&](const char *field) {
                return m_where.value(deviceSubject + QLatin1Char('/') + QString::fromLatin1(field));
            };
            const QHash<QString, QString> dv = {
                {QStringLiteral("device_type"), d.deviceType},
                {QStringLiteral("maker"), d.maker},
                {QStringLiteral("model"), d.model},
                {QStringLiteral("hostname"), d.hostname},
                {QStringLiteral("management_ip"), d.managementIp},
                {QStringLiteral("access_method"), d.accessMethod},
                {QStringLiteral("access_port"), d.accessPort},
                {QStringLiteral("maintenance_vendor"), d.maintenanceVendor},
            };
            for (const QString &field : deviceRequired) {
                if (dv.value(field).isEmpty())
                    warn(QStringLiteral("required_missing"),
                         m_where.value(deviceSubject + QLatin1Char('/') + field), subject,
                         QStringLiteral("回線%1 機器%2: %3 is empty").arg(line.lineNo).arg(i + 1).arg(field));
            }
            checkIp(d.managementIp, false, dwhere("management_ip"), subject,
                    QStringLiteral("管理IPアドレス"));
            if (!d.hostname.isEmpty()) {
                const QString k = d.hostname.toLower();
                if (deviceHosts.contains(k))
                    warn(
                        QStringLiteral("duplicate_host"), dwhere("hostname"), subject,
                        QStringLiteral("機器名 %1 is also used by %2").arg(d.hostname, deviceHosts.value(k)));
                else
                    deviceHosts.insert(k, QStringLiteral("回線%1").arg(line.lineNo));
            }
            if (!d.managementIp.isEmpty()) {
                if (deviceIps.contains(d.managementIp))
                    warn(QStringLiteral("duplicate_ip"), dwhere("management_ip"),
                         subject + QStringLiteral("/management_ip"),
                         QStringLiteral("管理IPアドレス %1 is also used by %2")
                             .arg(d.managementIp, deviceIps.value(d.managementIp)));
                else
                    deviceIps.insert(d.managementIp, QStringLiteral("回線%1").arg(line.lineNo));
            }
        }
    }

    QHash<QString, int> hosts;
    QHash<QString, int> ips;
    for (const Terminal &t : std::as_const(data.terminals)) {
        const QString subject = QStringLiteral("terminal:%1").arg(t.terminalNo);
        const auto where = [&](const char *field) {
            return m_where.value(subject + QLatin1Char('/') + QString::fromLatin1(field));
        };
        const QHash<QString, QString> values = {
            {QStringLiteral("system_type"), t.systemType},
            {QStringLiteral("usage_form"), t.usageForm},
            {QStringLiteral("hostname"), t.hostname},
            {QStringLiteral("ip"), t.ip},
            {QStringLiteral("location"), t.location},
            {QStringLiteral("security_product"), t.securityProduct},
        };
        for (const QString &field : terminalRequired) {
            if (values.contains(field) && values.value(field).isEmpty())
                warn(QStringLiteral("required_missing"), m_where.value(subject + QLatin1Char('/') + field),
                     subject, QStringLiteral("端末%1: %2 is empty").arg(t.terminalNo).arg(field));
        }
        checkIp(t.ip, true, where("ip"), subject + QStringLiteral("/ip"), QStringLiteral("IPアドレス"));
        checkIp(t.vdiIp, true, where("vdi_ip"), subject + QStringLiteral("/vdi_ip"),
                QStringLiteral("仮想デスクトップ IPアドレス"));
        if (!t.hostname.isEmpty()) {
            const QString k = t.hostname.toLower();
            if (hosts.contains(k))
                warn(QStringLiteral("duplicate_host"), where("hostname"),
                     subject + QStringLiteral("/hostname"),
                     QStringLiteral("端末ホスト名 %1 is also 端末%2's").arg(t.hostname).arg(hosts.value(k)));
            else
                hosts.insert(k, t.terminalNo);
        }
        if (!t.ip.isEmpty()) {
            const QString address = Ipv4::withoutPrefix(t.ip);
            if (ips.contains(address))
                warn(QStringLiteral("duplicate_ip"), where("ip"), subject + QStringLiteral("/ip"),
                     QStringLiteral("IPアドレス %1 is also 端末%2's").arg(address).arg(ips.value(address)));
            else
                ips.insert(address, t.terminalNo);
        }
    }
    if (data.terminals.size() != 5)
        warn(QStringLiteral("terminal_count"), m_where.value(QStringLiteral("terminal_sheet")),
             QStringLiteral("terminals"),
             QStringLiteral("%1 terminals listed; the survey checks 5").arg(data.terminals.size()));
}

Result<WorkbookImport> Importer::run()
{
    m_result.sheets = m_reader.sheetNames();
    QStringList basic;
    QStringList linesSheets;
    QStringList terminalSheets;
    QStringList floorPlanSheets;
    for (const QString &name : std::as_const(m_result.sheets)) {
        switch (roleOf(name)) {
        case SheetRole::Basic:
            basic << name;
            break;
        case SheetRole::Lines:
            linesSheets << name;
            break;
        case SheetRole::Terminals:
            terminalSheets << name;
            break;
        case SheetRole::FloorPlan:
            floorPlanSheets << name;
            break;
        case SheetRole::Passwords:
            // Never read: not one cell of it is parsed, stored or logged.
            m_result.passwordSheetIgnored = true;
            warn(QStringLiteral("password_sheet_ignored"), name, QString(),
                 QStringLiteral("the account/password sheet must not be submitted; it was not read"));
            break;
        case SheetRole::Unknown:
            warn(QStringLiteral("unknown_sheet"), name, QString(),
                 QStringLiteral("sheet «%1» is not part of 別紙2-1; it was not imported").arg(name));
            break;
        }
    }
    const QString file = m_reader.archive().fileName();
    if (basic.isEmpty() || linesSheets.isEmpty())
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral(
                "%1 is not a 別紙2-1 workbook: it needs 基本情報記入シート and 回線・機器情報記入シート "
                "(its sheets: %2)")
                .arg(file, m_result.sheets.join(QStringLiteral(", ")).left(300)));

    for (const QString &name : basic.mid(0, 1)) {
        auto sheet = m_reader.readSheet(name);
        if (!sheet)
            return tl::unexpected(sheet.error());
        if (auto r = readBasic(*sheet); !r)
            return tl::unexpected(r.error());
    }
    for (const QString &name : basic.mid(1))
        warn(QStringLiteral("unknown_sheet"), name, QString(),
             QStringLiteral("a second 基本情報 sheet was not imported"));
    for (const QString &name : std::as_const(linesSheets)) {
        auto sheet = m_reader.readSheet(name);
        if (!sheet)
            return tl::unexpected(sheet.error());
        if (auto r = readLines(*sheet); !r)
            return tl::unexpected(r.error());
    }
    if (terminalSheets.isEmpty())
        warn(QStringLiteral("missing_sheet"), QString(), QStringLiteral("terminals"),
             QStringLiteral("調査端末情報記入シート is missing"));
    for (const QString &name : std::as_const(terminalSheets)) {
        m_where.insert(QStringLiteral("terminal_sheet"), name);
        auto sheet = m_reader.readSheet(name);
        if (!sheet)
            return tl::unexpected(sheet.error());
        if (auto r = readTerminals(*sheet); !r)
            return tl::unexpected(r.error());
    }
    if (floorPlanSheets.isEmpty())
        warn(QStringLiteral("missing_sheet"), QString(), QStringLiteral("floorplans"),
             QStringLiteral("設置場所記入シート is missing"));
    for (const QString &name : std::as_const(floorPlanSheets)) {
        auto sheet = m_reader.readSheet(name);
        if (!sheet)
            return tl::unexpected(sheet.error());
        if (auto r = readFloorPlans(*sheet); !r)
            return tl::unexpected(r.error());
    }
    validate();
    m_result.data.survey.sourceWorkbook = file;
    qCInfo(lcIntake) << "read" << file << ":" << m_result.data.connectionPoints.size() << "lines,"
                     << m_result.data.terminals.size() << "terminals," << m_result.data.floorPlans.size()
                     << "floor plans," << m_result.data.importWarnings.size() << "warnings";
    return m_result;
}

} // namespace

Result<WorkbookImport> WorkbookImporter::read(const QString &path, const Options &options)
{
    auto reader = XlsxReader::open(path, options.limits);
    if (!reader)
        return tl::unexpected(reader.error());
    Importer importer(**reader, options);
    return importer.run();
}

Result<WorkbookImport> WorkbookImporter::read(const QByteArray &bytes, const QString &name,
                                              const Options &options)
{
    auto archive = XlsxArchive::open(bytes, name, options.limits);
    if (!archive)
        return tl::unexpected(archive.error());
    auto reader = XlsxReader::open(std::move(*archive));
    if (!reader)
        return tl::unexpected(reader.error());
    Importer importer(**reader, options);
    return importer.run();
}

} // namespace fs::model
