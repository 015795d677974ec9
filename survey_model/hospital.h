#pragma once

#include <QString>

#include <optional>

namespace fs::model {

// 医療機関: the 基本情報記入シート of the hospital's workbook.
struct Hospital
{
    QString uuid;
    QString code;            // 医療機関コード
    QString name;            // 医療機関名
    QString nameKana;        // 医療機関名（かな）
    QString postal;          // 〒
    QString prefecture;      // 都道府県
    QString address;         // 住所
    QString addressKana;     // 住所（かな）
    QString building;        // ビル名
    std::optional<int> beds; // 病床数
    QString consent;         // 本施策の同意確認: 同意する / 同意しない
    QString confirmer;       // 確認者名

    friend bool operator==(const Hospital &, const Hospital &) = default;
};

} // namespace fs::model
