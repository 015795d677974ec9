#include "xlsxexport.h"

#include "findingsengine.h"
#include "reportdata.h"
#include "reportlogging.h"
#include "xlsxwriterapi.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryFile>

#include <algorithm>
#include <filesystem>
#include <functional>
namespace fs::report {

namespace {

using fs::model::ConnectionPoint;
using fs::model::Device;
using fs::model::Finding;
using fs::model::SurveyData;
using fs::model::Terminal;

// The programme's date format (as on the schedule and in the command line's output).
const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
const QString kDateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

const QString kResultGroup = QStringLiteral("調査結果");

// libxlsxwriter's functions; XlsxExport::write has checked that they are there.
const XlsxWriterApi &lxw()
{
    return *XlsxWriterApi::get(nullptr);
}

// Excel refuses longer cell texts.
constexpr qsizetype kMaxCellText = 32000;

// ---- the programme's words ------------------------------------------------------------------------

QString onuLocationResult(const ConnectionPoint &line)
{
    using fs::model::OnuLocationStatus;
    switch (line.onuLocationStatus) {
    case OnuLocationStatus::Confirmed:
        return QStringLiteral("申告どおり");
    case OnuLocationStatus::Corrected:
        return line.onuLocationFound.isEmpty() ? QStringLiteral("申告と相違")
                                               : QStringLiteral("申告と相違：") + line.onuLocationFound;
    case OnuLocationStatus::NotFound:
        return QStringLiteral("発見できず");
    case OnuLocationStatus::Unchecked:
        break;
    }
    return QStringLiteral("未確認");
}

// ---- findings by target -----------------------------------------------------------------------------

class FindingIndex
{
public:
    explicit FindingIndex(const QList<Finding> &findings)
    {
        for (const Finding &f : findings) {
            if (f.isActive() && f.targetId != 0)
                m_active[{f.targetEntity, f.targetId}].append(&f);
        }
    }

    // The active findings of the targets, in the given order.
    [[nodiscard]] QList<const Finding *> of(const QList<std::pair<QString, qint64>> &targets) const
    {
        QList<const Finding *> out;
        for (const auto &target : targets) {
            if (target.second != 0)
                out += m_active.value(target);
        }
        return out;
    }

    static QString status(const QList<const Finding *> &findings)
    {
        QList<Finding> list;
        for (const Finding *f : findings)
            list << *f;
        return labels::findingStatus(fs::model::FindingsEngine::worstStatus(list));
    }

    static QString texts(const QList<const Finding *> &findings)
    {
        QStringList out;
        for (const Finding *f : findings)
            out << f->text;
        return out.join(QLatin1Char('\n'));
    }

private:
    QHash<std::pair<QString, qint64>, QList<const Finding *>> m_active;
};

QList<std::pair<QString, qint64>> lineTargets(const ConnectionPoint &line)
{
    QList<std::pair<QString, qint64>> targets{{QStringLiteral("connection_point"), line.id}};
    for (const Device &d : line.devices)
        targets.append({QStringLiteral("device"), d.id});
    return targets;
}

QString terminalName(const Terminal &t)
{
    return QStringLiteral("No.%1").arg(t.terminalNo);
}

QString lineName(const ConnectionPoint &line)
{
    return line.cafId.isEmpty() ? QStringLiteral("回線%1").arg(line.lineNo) : line.cafId;
}

// ---- the workbook -----------------------------------------------------------------------------------

// A group header that only repeats its field's header (回線No, 備考), "(*)" aside: the header
// then spans both header rows.
bool repeatsItsField(const QString &group, const QString &header)
{
    QString h = header;
    h.remove(QStringLiteral(" (*)"));
    return group == h;
}

// One column of a table sheet: its group (row 3) and field header (row 4), width, and value.
template <typename Row>
struct TableColumn
{
    QString group;
    QString header;
    double width = 12;
    bool result = false;  // in the 調査結果 group
    bool perLine = false; // 回線・機器: a line's value, written once per line
    bool status = false;  // coloured by status
    std::function<QString(const Row &)> value;
};

// A 回線・機器 row: a line and one of its devices (or none).
struct LineRow
{
    const ConnectionPoint *line = nullptr;
    const Device *device = nullptr;
    bool first = true; // the line's first row
};

class Writer
{
public:
    explicit Writer(lxw_workbook *workbook)
        : m_workbook(workbook)
    {
        m_title = format();
        lxw().format_set_bold(m_title);
        lxw().format_set_font_size(m_title, 14);

        m_section = format();
        lxw().format_set_bold(m_section);

        const auto header = [this](uint32_t fill) {
            lxw_format *f = format();
            lxw().format_set_bold(f);
            lxw().format_set_bg_color(f, fill);
            lxw().format_set_border(f, LXW_BORDER_THIN);
            lxw().format_set_text_wrap(f);
            lxw().format_set_align(f, LXW_ALIGN_CENTER);
            lxw().format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
            return f;
        };
        m_group = header(0xB4C6E7);
        m_header = header(0xD9E1F2);
        m_resultGroup = header(0xA9D08E);
        m_resultHeader = header(0xE2EFDA);
        m_label = header(0xF2F2F2);
        lxw().format_set_align(m_label, LXW_ALIGN_LEFT);

        const auto cell = [this]() {
            lxw_format *f = format();
            lxw().format_set_num_format(f, "@"); // text: Excel must not turn 0120… or 10.2.36 into numbers
            lxw().format_set_border(f, LXW_BORDER_THIN);
            lxw().format_set_text_wrap(f);
            lxw().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            return f;
        };
        m_text = cell();
        m_danger = cell();
        lxw().format_set_bold(m_danger);
        lxw().format_set_font_color(m_danger, 0x9C0006);
        lxw().format_set_bg_color(m_danger, 0xFFC7CE);
        lxw().format_set_align(m_danger, LXW_ALIGN_CENTER);
        m_caution = cell();
        lxw().format_set_bold(m_caution);
        lxw().format_set_font_color(m_caution, 0x9C5700);
        lxw().format_set_bg_color(m_caution, 0xFFEB9C);
        lxw().format_set_align(m_caution, LXW_ALIGN_CENTER);
        m_none = cell();
        lxw().format_set_align(m_none, LXW_ALIGN_CENTER);
    }

    [[nodiscard]] lxw_error error() const { return m_error; }
    [[nodiscard]] QString errorWhere() const { return m_errorWhere; }

    lxw_worksheet *sheet(const QString &name)
    {
        m_sheetName = name;
        lxw_worksheet *ws = lxw().workbook_add_worksheet(m_workbook, name.toUtf8().constData());
        if (!ws)
            note(LXW_ERROR_PARAMETER_VALIDATION, 0, 0);
        return ws;
    }

    void text(lxw_worksheet *ws, int row, int column, const QString &value, lxw_format *f)
    {
        if (!ws)
            return;
        const QByteArray utf8 = value.left(kMaxCellText).toUtf8();
        note(lxw().worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(column), utf8.constData(), f), row,
             column);
    }

    // Writes value over the range (merged when it spans more than one cell).
    void span(lxw_worksheet *ws, int row, int column, int lastRow, int lastColumn, const QString &value,
              lxw_format *f)
    {
        if (!ws)
            return;
        if (row == lastRow && column == lastColumn) {
            text(ws, row, column, value, f);
            return;
        }
        const QByteArray utf8 = value.left(kMaxCellText).toUtf8();
        note(lxw().worksheet_merge_range(ws, lxw_row_t(row), lxw_col_t(column), lxw_row_t(lastRow),
                                         lxw_col_t(lastColumn), utf8.constData(), f),
             row, column);
    }

    lxw_format *statusFormat(const QString &label) const
    {
        if (label == QStringLiteral("危険"))
            return m_danger;
        if (label == QStringLiteral("注意"))
            return m_caution;
        return m_none;
    }

    void basicSheet(const SurveyData &data);
    void linesSheet(const SurveyData &data, const FindingIndex &index);
    void terminalsSheet(const SurveyData &data, const FindingIndex &index);
    void findingsSheet(const SurveyData &data, const QList<Finding> &findings);

private:
    lxw_format *format() { return lxw().workbook_add_format(m_workbook); }

    void note(lxw_error error, int row, int column)
    {
        if (error == LXW_NO_ERROR || m_error != LXW_NO_ERROR)
            return;
        m_error = error;
        m_errorWhere = QStringLiteral("%1 row %2 column %3").arg(m_sheetName).arg(row + 1).arg(column + 1);
    }

    // The title, the two header rows (groups merged across their fields; a field that is its own
    // group spans both rows) and the column widths of a table sheet.
    template <typename Row>
    void tableHeader(lxw_worksheet *ws, const QString &title, const QList<TableColumn<Row>> &columns)
    {
        if (!ws)
            return;
        text(ws, 0, 0, title, m_title);
        lxw().worksheet_set_row(ws, kGroupRow, 22, nullptr);
        lxw().worksheet_set_row(ws, kHeaderRow, 48, nullptr);
        for (int c = 0; c < columns.size();) {
            const TableColumn<Row> &col = columns[c];
            int last = c;
            while (last + 1 < columns.size() && columns[last + 1].group == col.group &&
                   columns[last + 1].result == col.result)
                ++last;
            lxw_format *groupFormat = col.result ? m_resultGroup : m_group;
            lxw_format *headerFormat = col.result ? m_resultHeader : m_header;
            if (last == c && repeatsItsField(col.group, col.header)) {
                span(ws, kGroupRow, c, kHeaderRow, c, col.header, headerFormat);
            } else {
                span(ws, kGroupRow, c, kGroupRow, last, col.group, groupFormat);
                for (int i = c; i <= last; ++i)
                    text(ws, kHeaderRow, i, columns[i].header, headerFormat);
            }
            c = last + 1;
        }
        for (int c = 0; c < columns.size(); ++c)
            lxw().worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), columns[c].width, nullptr);
        lxw().worksheet_freeze_panes(ws, kFirstDataRow, 1);
        lxw().worksheet_set_landscape(ws);
        lxw().worksheet_set_paper(ws, 9); // A4
        lxw().worksheet_fit_to_pages(ws, 1, 0);
        lxw().worksheet_repeat_rows(ws, kGroupRow, kHeaderRow);
    }

    static constexpr int kGroupRow = 2;     // row 3
    static constexpr int kHeaderRow = 3;    // row 4
    static constexpr int kFirstDataRow = 4; // row 5

    lxw_workbook *m_workbook;
    lxw_error m_error = LXW_NO_ERROR;
    QString m_errorWhere;
    QString m_sheetName;
    lxw_format *m_title = nullptr;
    lxw_format *m_section = nullptr;
    lxw_format *m_group = nullptr;
    lxw_format *m_header = nullptr;
    lxw_format *m_resultGroup = nullptr;
    lxw_format *m_resultHeader = nullptr;
    lxw_format *m_label = nullptr;
    lxw_format *m_text = nullptr;
    lxw_format *m_danger = nullptr;
    lxw_format *m_caution = nullptr;
    lxw_format *m_none = nullptr;
};

// ---- 基本情報記入シート ---------------------------------------------------------------------------

void Writer::basicSheet(const SurveyData &data)
{
    lxw_worksheet *ws = sheet(QStringLiteral("基本情報記入シート"));
    if (!ws)
        return;
    const fs::model::Hospital &h = data.hospital;
    lxw().worksheet_set_column(ws, 0, 0, 30, nullptr);
    lxw().worksheet_set_column(ws, 1, 1, 34, nullptr);
    lxw().worksheet_set_column(ws, 2, 2, 18, nullptr);
    lxw().worksheet_set_column(ws, 3, 3, 18, nullptr);
    lxw().worksheet_set_column(ws, 4, 4, 34, nullptr);
    lxw().worksheet_set_column(ws, 5, 5, 14, nullptr);
    lxw().worksheet_set_paper(ws, 9);

    text(ws, 0, 0, QStringLiteral("医療機関記入依頼書（回線・機器情報等記入） 基本情報記入シート"), m_title);
    text(ws, 2, 0, QStringLiteral("本施策の同意確認"), m_label);
    text(ws, 2, 1,
         QStringLiteral("(別紙)規約に記載の内容をご確認のうえ、本施策実施に同意いただける場合は「同意する」"
                        "を選択してください"),
         m_text);
    lxw().worksheet_set_row(ws, 2, 45, nullptr);
    text(ws, 2, 5, h.consent, m_text);

    text(ws, 4, 0, QStringLiteral("■お客様情報(医療機関情報)"), m_section);
    text(ws, 5, 0, QStringLiteral("医療機関コード"), m_label);
    text(ws, 5, 1, h.code, m_text);
    text(ws, 6, 0, QStringLiteral("医療機関名"), m_label);
    text(ws, 6, 1, h.name, m_text);
    text(ws, 6, 3, QStringLiteral("(かな)"), m_label);
    text(ws, 6, 4, h.nameKana, m_text);
    text(ws, 7, 0, QStringLiteral("住所"), m_label);
    text(ws, 7, 1, QStringLiteral("〒"), m_label);
    text(ws, 7, 2, h.postal, m_text);
    text(ws, 8, 0, QStringLiteral("住所"), m_label);
    text(ws, 8, 1, h.address, m_text);
    text(ws, 8, 3, QStringLiteral("(かな)"), m_label);
    text(ws, 8, 4, h.addressKana, m_text);
    text(ws, 9, 0, QStringLiteral("ビル名"), m_label);
    text(ws, 9, 1, h.building, m_text);
    text(ws, 10, 0, QStringLiteral("病床数"), m_label);
    if (h.beds)
        note(lxw().worksheet_write_number(ws, 10, 1, *h.beds, nullptr), 10, 1);
    else
        text(ws, 10, 1, QString(), m_text);

    text(ws, 12, 0, QStringLiteral("■ご担当者情報"), m_section);
    const QStringList contactHeaders = {QStringLiteral("No"), QStringLiteral("所属・役職"),
                                        QStringLiteral("担当者名"), QStringLiteral("電話番号"),
                                        QStringLiteral("Mailアドレス")};
    for (int c = 0; c < contactHeaders.size(); ++c)
        text(ws, 13, c, contactHeaders[c], m_header);
    const int contactRows = int(std::max<qsizetype>(4, data.contacts.size()));
    int row = 14;
    for (int i = 0; i < contactRows; ++i, ++row) {
        text(ws, row, 0, QStringLiteral("担当者%1").arg(i + 1), m_label);
        const fs::model::Contact contact = data.contacts.value(i);
        text(ws, row, 1, contact.dept, m_text);
        text(ws, row, 2, contact.name, m_text);
        text(ws, row, 3, contact.phone, m_text);
        text(ws, row, 4, contact.mail, m_text);
    }

    ++row;
    text(ws, row++, 0, QStringLiteral("■申込内容の確認"), m_section);
    text(ws, row, 0, QStringLiteral("確認者名(医療機関のご担当者名)"), m_label);
    text(ws, row++, 3, h.confirmer, m_text);

    // What FieldSurvey adds; the importer reads none of it (a ■ line ends the contacts table).
    ++row;
    text(ws, row++, 0, QStringLiteral("■調査情報(FieldSurvey)"), m_section);
    QStringList dates;
    for (const fs::model::VisitDay &day : data.days) {
        if (day.date.isValid())
            dates << day.date.toString(kDateFormat);
    }
    text(ws, row, 0, QStringLiteral("調査日"), m_label);
    text(ws, row++, 1, dates.join(QStringLiteral(", ")), m_text);
    text(ws, row, 0, QStringLiteral("出力日時"), m_label);
    text(ws, row++, 1, QDateTime::currentDateTime().toString(kDateTimeFormat), m_text);
}

// ---- 回線・機器情報記入シート ------------------------------------------------------------------------

void Writer::linesSheet(const SurveyData &data, const FindingIndex &index)
{
    lxw_worksheet *ws = sheet(QStringLiteral("回線・機器情報記入シート"));
    if (!ws)
        return;
    using Col = TableColumn<LineRow>;
    QList<Col> columns;
    const auto line = [&columns](const QString &group, const QString &header, double width,
                                 QString ConnectionPoint::*field) {
        columns.append(Col{group, header, width, false, true, false,
                           [field](const LineRow &r) { return r.line->*field; }});
    };
    const auto device = [&columns](const QString &header, double width, QString Device::*field) {
        columns.append(Col{QStringLiteral("機器情報"), header, width, false, false, false,
                           [field](const LineRow &r) { return r.device ? r.device->*field : QString(); }});
    };
    columns.append(Col{QStringLiteral("回線No"), QStringLiteral("回線No"), 8, false, false, false,
                       [](const LineRow &r) { return QStringLiteral("回線%1").arg(r.line->lineNo); }});
    const QString wish = QStringLiteral("調査希望");
    line(wish, QStringLiteral("技術バージョン確認 (*)"), 13, &ConnectionPoint::wantsVersionCheck);
    line(wish, QStringLiteral("脆弱性診断 (*)"), 13, &ConnectionPoint::wantsVulnerabilityScan);
    line(QStringLiteral("電子カルテ"), QStringLiteral("電子カルテシステムと接続するネットワークとの接続 (*)"),
         16, &ConnectionPoint::connectsToEmr);
    line(QStringLiteral("用途"), QStringLiteral("用途・システム名 (*)"), 18, &ConnectionPoint::purpose);
    const QString lineInfo = QStringLiteral("回線情報");
    line(lineInfo, QStringLiteral("回線種別"), 14, &ConnectionPoint::lineType);
    line(lineInfo, QStringLiteral("回線事業者"), 14, &ConnectionPoint::carrier);
    line(lineInfo, QStringLiteral("回線サービス名"), 18, &ConnectionPoint::carrierService);
    line(lineInfo, QStringLiteral("回線ID"), 18, &ConnectionPoint::lineId);
    const QString providerInfo = QStringLiteral("プロバイダ情報");
    line(providerInfo, QStringLiteral("プロバイダ名"), 14, &ConnectionPoint::provider);
    line(providerInfo, QStringLiteral("プロバイダ品目"), 18, &ConnectionPoint::providerProduct);
    line(QStringLiteral("回線終端装置(ONU/モデム)情報"), QStringLiteral("回線終端装置設置場所 (*)"), 24,
         &ConnectionPoint::onuLocation);
    const QString globalIp = QStringLiteral("回線と紐付くグローバルIPアドレス");
    line(globalIp, QStringLiteral("通信形態 (*)"), 16, &ConnectionPoint::connectionType);
    line(globalIp, QStringLiteral("グローバルIP利用 (*)"), 11, &ConnectionPoint::usesGlobalIp);
    line(globalIp, QStringLiteral("固定IP/動的IP (*)"), 11, &ConnectionPoint::ipAssignment);
    line(globalIp, QStringLiteral("グローバルIPアドレス (*)"), 16, &ConnectionPoint::globalIp);
    line(globalIp, QStringLiteral("FQDN"), 22, &ConnectionPoint::fqdn);
    const QString scanDay = QStringLiteral("脆弱性診断当日記入欄");
    line(scanDay, QStringLiteral("グローバルIP確認"), 12, &ConnectionPoint::scanIpConfirmed);
    line(scanDay, QStringLiteral("当日グローバルIPアドレス"), 16, &ConnectionPoint::scanIp);
    device(QStringLiteral("機器種別 (*)"), 10, &Device::deviceType);
    device(QStringLiteral("メーカー (*)"), 12, &Device::maker);
    device(QStringLiteral("機種名 (*)"), 16, &Device::model);
    device(QStringLiteral("機器名 (*)"), 14, &Device::hostname);
    device(QStringLiteral("管理IPアドレス (*)"), 15, &Device::managementIp);
    device(QStringLiteral("接続方法 (*)"), 10, &Device::accessMethod);
    device(QStringLiteral("ポート番号"), 8, &Device::accessPort);
    device(QStringLiteral("保守ベンダ"), 12, &Device::maintenanceVendor);
    line(QStringLiteral("備考"), QStringLiteral("備考"), 24, &ConnectionPoint::declaredNote);

    // 調査結果
    const auto result = [&columns](const QString &header, double width, bool perLine, bool status,
                                   std::function<QString(const LineRow &)> value) {
        columns.append(Col{kResultGroup, header, width, true, perLine, status, std::move(value)});
    };
    result(QStringLiteral("CAF ID"), 10, false, false, [](const LineRow &r) { return r.line->cafId; });
    result(QStringLiteral("終端装置の設置場所（確認結果）"), 22, true, false,
           [](const LineRow &r) { return onuLocationResult(*r.line); });
    result(QStringLiteral("電子カルテ直通"), 10, true, false,
           [](const LineRow &r) { return labels::emrReachability(r.line->emrReachability); });
    result(QStringLiteral("暗号化"), 10, true, false,
           [](const LineRow &r) { return labels::protection(r.line->protection); });
    const auto fact = [](const char *key) {
        return [k = QString::fromLatin1(key)](const LineRow &r) {
            return r.device ? fs::model::factValue(r.device->facts, k) : QString();
        };
    };
    result(QStringLiteral("実機メーカー"), 12, false, false, fact("vendor"));
    result(QStringLiteral("実機機種"), 16, false, false, fact("model"));
    result(QStringLiteral("ファームウェア"), 14, false, false, fact("firmware"));
    result(QStringLiteral("状況"), 7, true, true,
           [&index](const LineRow &r) { return FindingIndex::status(index.of(lineTargets(*r.line))); });
    result(kResultGroup, 48, true, false,
           [&index](const LineRow &r) { return FindingIndex::texts(index.of(lineTargets(*r.line))); });

    tableHeader(ws, QStringLiteral("回線・機器情報記入シート"), columns);

    // One row per device; a line without devices takes one row. The line's own values go on its
    // first row (as the hospital fills the sheet); its results span all its rows.
    int row = kFirstDataRow;
    for (const ConnectionPoint &point : data.connectionPoints) {
        const int rowCount = int(std::max<qsizetype>(1, point.devices.size()));
        for (int i = 0; i < rowCount; ++i) {
            const LineRow r{&point, point.devices.isEmpty() ? nullptr : &point.devices[i], i == 0};
            for (int c = 0; c < columns.size(); ++c) {
                const Col &col = columns[c];
                if (col.perLine && col.result) {
                    if (r.first) {
                        const QString value = col.value(r);
                        span(ws, row, c, row + rowCount - 1, c, value,
                             col.status ? statusFormat(value) : m_text);
                    }
                    continue;
                }
                text(ws, row, c, col.perLine && !r.first ? QString() : col.value(r), m_text);
            }
            ++row;
        }
    }
}

// ---- 調査端末情報記入シート -----------------------------------------------------------------------

void Writer::terminalsSheet(const SurveyData &data, const FindingIndex &index)
{
    lxw_worksheet *ws = sheet(QStringLiteral("調査端末情報記入シート"));
    if (!ws)
        return;
    using Col = TableColumn<Terminal>;
    QList<Col> columns;
    const auto declared = [&columns](const QString &group, const QString &header, double width,
                                     QString Terminal::*field) {
        columns.append(
            Col{group, header, width, false, false, false, [field](const Terminal &t) { return t.*field; }});
    };
    columns.append(Col{QStringLiteral("No"), QStringLiteral("No"), 6, false, false, false,
                       [](const Terminal &t) { return terminalName(t); }});
    declared(QStringLiteral("システム種別"), QStringLiteral("システム種別 (*)"), 14, &Terminal::systemType);
    declared(QStringLiteral("利用形態"), QStringLiteral("利用形態 (*)"), 14, &Terminal::usageForm);
    const QString fat = QStringLiteral("シンクライアント/FAT端末");
    declared(fat, QStringLiteral("端末ホスト名 (*)"), 14, &Terminal::hostname);
    declared(fat, QStringLiteral("IPアドレス (*)"), 17, &Terminal::ip);
    declared(fat, QStringLiteral("設置場所 (*)"), 18, &Terminal::location);
    const QString vdi = QStringLiteral("仮想デスクトップ");
    declared(vdi, QStringLiteral("端末ホスト名"), 14, &Terminal::vdiHostname);
    declared(vdi, QStringLiteral("IPアドレス"), 17, &Terminal::vdiIp);
    declared(QStringLiteral("セキュリティ対策製品"), QStringLiteral("セキュリティ対策製品"), 20,
             &Terminal::securityProduct);
    declared(QStringLiteral("備考"), QStringLiteral("備考"), 24, &Terminal::declaredNote);

    const auto check = [](const Terminal &t, const QString &item) {
        for (const fs::model::TerminalCheck &c : t.checks) {
            if (c.item == item)
                return c;
        }
        return fs::model::TerminalCheck{};
    };
    const std::pair<const char *, QString> items[] = {
        {"os", QStringLiteral("OS")},
        {"windows_update", QStringLiteral("Windows Update")},
        {"internet", QStringLiteral("インターネット接続")},
        {"antivirus", QStringLiteral("ウイルス対策")},
        {"usb_storage", QStringLiteral("USBストレージ")},
    };
    for (const auto &[key, label] : items) {
        const QString item = QString::fromLatin1(key);
        columns.append(Col{kResultGroup, label, 20, true, false, false,
                           [item, check](const Terminal &t) { return check(t, item).value; }});
        columns.append(Col{
            kResultGroup, label + QStringLiteral("（評価）"), 9, true, false, true,
            [item, check](const Terminal &t) { return labels::checkEvaluation(check(t, item).evaluation); }});
    }
    const auto targets = [](const Terminal &t) {
        return QList<std::pair<QString, qint64>>{{QStringLiteral("terminal"), t.id}};
    };
    columns.append(
        Col{kResultGroup, QStringLiteral("状況"), 7, true, false, true,
            [&index, targets](const Terminal &t) { return FindingIndex::status(index.of(targets(t))); }});
    columns.append(
        Col{kResultGroup, kResultGroup, 48, true, false, false,
            [&index, targets](const Terminal &t) { return FindingIndex::texts(index.of(targets(t))); }});

    tableHeader(ws, QStringLiteral("調査端末情報記入シート（調査対象端末を5台ご記入ください）"), columns);
    int row = kFirstDataRow;
    for (const Terminal &t : data.terminals) {
        for (int c = 0; c < columns.size(); ++c) {
            const QString value = columns[c].value(t);
            text(ws, row, c, value, columns[c].status ? statusFormat(value) : m_text);
        }
        ++row;
    }
}

// ---- 所見一覧 -----------------------------------------------------------------------------------

void Writer::findingsSheet(const SurveyData &data, const QList<Finding> &findings)
{
    lxw_worksheet *ws = sheet(QStringLiteral("所見一覧"));
    if (!ws)
        return;
    // Where each target stands in the survey's order, and what it is called.
    QHash<std::pair<QString, qint64>, std::pair<int, QString>> targets;
    int order = 0;
    for (const ConnectionPoint &line : data.connectionPoints) {
        targets.insert({QStringLiteral("connection_point"), line.id}, {++order, lineName(line)});
        for (qsizetype i = 0; i < line.devices.size(); ++i) {
            const Device &d = line.devices[i];
            const QString name = !d.hostname.isEmpty() ? d.hostname
                                 : !d.model.isEmpty()
                                     ? d.model
                                     : QStringLiteral("%1 機器%2").arg(lineName(line)).arg(i + 1);
            targets.insert({QStringLiteral("device"), d.id}, {++order, name});
        }
    }
    for (const Terminal &t : data.terminals)
        targets.insert({QStringLiteral("terminal"), t.id},
                       {++order, QStringLiteral("端末") + terminalName(t)});

    QList<const Finding *> rows;
    for (const Finding &f : findings) {
        if (!f.deleted)
            rows.append(&f);
    }
    const auto place = [&targets](const Finding *f) {
        if (f->targetEntity == QStringLiteral("survey"))
            return 0;
        return targets.value({f->targetEntity, f->targetId}, {1 << 30, QString()}).first;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&place](const Finding *a, const Finding *b) { return place(a) < place(b); });

    const QList<std::pair<QString, double>> headers = {
        {QStringLiteral("No"), 5},        {QStringLiteral("対象"), 14},
        {QStringLiteral("状況"), 7},      {QStringLiteral("区分"), 14},
        {QStringLiteral("所見"), 44},     {QStringLiteral("根拠"), 36},
        {QStringLiteral("推奨対策"), 36}, {QStringLiteral("ルール"), 16},
        {QStringLiteral("要確認"), 8},    {QStringLiteral("却下（理由）"), 24},
    };
    lxw().worksheet_set_row(ws, 0, 22, nullptr);
    for (int c = 0; c < headers.size(); ++c) {
        text(ws, 0, c, headers[c].first, m_header);
        lxw().worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), headers[c].second, nullptr);
    }
    int row = 1;
    for (const Finding *f : std::as_const(rows)) {
        QString target;
        if (f->targetEntity == QStringLiteral("survey"))
            target = QStringLiteral("調査全体");
        else
            target = targets.value({f->targetEntity, f->targetId}).second;
        const QString status = labels::findingStatus(f->status);
        QString dismissed;
        if (f->dismissed) {
            dismissed = QStringLiteral("却下：") + f->dismissedReason;
            if (f->dismissedAt.isValid())
                dismissed += QStringLiteral("（%1）").arg(f->dismissedAt.toLocalTime().toString(kDateFormat));
        }
        const QStringList values = {QString::number(row),
                                    target,
                                    status,
                                    f->category,
                                    f->text,
                                    f->evidence,
                                    f->recommendation,
                                    f->ruleId,
                                    f->needsConfirmation ? QStringLiteral("要確認") : QString(),
                                    dismissed};
        for (int c = 0; c < values.size(); ++c)
            text(ws, row, c, values[c], c == 2 ? statusFormat(status) : m_text);
        ++row;
    }
    lxw().worksheet_freeze_panes(ws, 1, 0);
    lxw().worksheet_autofilter(ws, 0, 0, lxw_row_t(std::max(0, row - 1)), lxw_col_t(headers.size() - 1));
    lxw().worksheet_set_landscape(ws);
    lxw().worksheet_set_paper(ws, 9);
    lxw().worksheet_fit_to_pages(ws, 1, 0);
    lxw().worksheet_repeat_rows(ws, 0, 0);
}

} // namespace

Result<void> XlsxExport::write(const fs::model::SurveyData &data, const QList<fs::model::Finding> &findings,
                               const QString &path)
{
    const QFileInfo target(path);
    const QDir dir = target.absoluteDir();
    if (path.isEmpty() || target.fileName().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no file name given for the Excel export"));
    if (!dir.exists())
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write %1: the folder %2 does not exist").arg(path, dir.path()));
    if (target.isDir())
        return fail(ErrorCode::Io, QStringLiteral("cannot write %1: it is a folder").arg(path));

    QString loadError;
    if (!XlsxWriterApi::get(&loadError))
        return fail(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, loadError));

    // Written beside the target and renamed into place: a failed export leaves nothing at path.
    QTemporaryFile temp(dir.filePath(QStringLiteral(".fieldsurvey-export-XXXXXX.xlsx")));
    if (!temp.open())
        return fail(ErrorCode::ReadOnlyMedia,
                    QStringLiteral("cannot write %1: %2").arg(path, temp.errorString()));
    const QString tempPath = temp.fileName();
    temp.close(); // libxlsxwriter writes it by name; the object still removes it unless renamed

    lxw_workbook *workbook = lxw().workbook_new(QFile::encodeName(tempPath).constData());
    if (!workbook)
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write %1: the workbook could not be created").arg(path));

    QByteArray title = QStringLiteral("%1 調査結果").arg(data.hospital.name).toUtf8();
    QByteArray author = QByteArrayLiteral("FieldSurvey");
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    lxw().workbook_set_properties(workbook, &properties);

    const FindingIndex index(findings);
    Writer writer(workbook);
    writer.basicSheet(data);
    writer.linesSheet(data, index);
    writer.terminalsSheet(data, index);
    writer.findingsSheet(data, findings);

    const lxw_error closed = lxw().workbook_close(workbook); // frees the workbook
    if (writer.error() != LXW_NO_ERROR)
        return fail(
            ErrorCode::InvalidData,
            QStringLiteral("cannot write %1: %2 (%3)")
                .arg(path, QString::fromUtf8(lxw().lxw_strerror(writer.error())), writer.errorWhere()));
    if (closed != LXW_NO_ERROR)
        return fail(
            ErrorCode::Io,
            QStringLiteral("cannot write %1: %2").arg(path, QString::fromUtf8(lxw().lxw_strerror(closed))));

    QFile::setPermissions(tempPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                        QFileDevice::WriteUser | QFileDevice::ReadGroup |
                                        QFileDevice::ReadOther);
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(tempPath.toStdU16String()),
                            std::filesystem::path(target.absoluteFilePath().toStdU16String()), ec);
    if (ec)
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(ec.message())));
    temp.setAutoRemove(false);
    qCInfo(lcReport) << "exported" << data.connectionPoints.size() << "lines," << data.terminals.size()
                     << "terminals," << findings.size() << "findings to" << path;
    return {};
}

} // namespace fs::report
