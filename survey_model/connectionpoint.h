#pragma once

#include "device.h"
#include "enumkeys.h"
#include "origin.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fs::model {

// What terminates the line on the hospital side. Lines found on site are often not an ONU.
enum class EquipmentType
{
    Onu,
    CatvModem,
    Hgw,
    Ctu,
    AdslModem,
    HomeRouter,
    MobileRouter,
    UsbDongle,
    Other
};

inline constexpr EnumKeys<EquipmentType, 9> kEquipmentTypeKeys({{
    {EquipmentType::Onu, u"onu"},
    {EquipmentType::CatvModem, u"catv_modem"},
    {EquipmentType::Hgw, u"hgw"},
    {EquipmentType::Ctu, u"ctu"},
    {EquipmentType::AdslModem, u"adsl_modem"},
    {EquipmentType::HomeRouter, u"home_router"},
    {EquipmentType::MobileRouter, u"mobile_router"},
    {EquipmentType::UsbDongle, u"usb_dongle"},
    {EquipmentType::Other, u"other"},
}});

enum class OnuLocationStatus
{
    Unchecked,
    Confirmed,
    Corrected,
    NotFound
};

inline constexpr EnumKeys<OnuLocationStatus, 4> kOnuLocationStatusKeys({{
    {OnuLocationStatus::Unchecked, u"unchecked"},
    {OnuLocationStatus::Confirmed, u"confirmed"},
    {OnuLocationStatus::Corrected, u"corrected"},
    {OnuLocationStatus::NotFound, u"not_found"},
}});

// Can the EMR network be reached directly from this line (直通可 / 直通不可)?
enum class EmrReachability
{
    Unknown,
    Direct,
    NotDirect
};

inline constexpr EnumKeys<EmrReachability, 3> kEmrReachabilityKeys({{
    {EmrReachability::Unknown, u"unknown"},
    {EmrReachability::Direct, u"direct"},
    {EmrReachability::NotDirect, u"not_direct"},
}});

enum class Protection
{
    Unknown,
    Ipsec,
    SslVpn,
    None,
    ClosedNetwork
};

inline constexpr EnumKeys<Protection, 5> kProtectionKeys({{
    {Protection::Unknown, u"unknown"},
    {Protection::Ipsec, u"ipsec"},
    {Protection::SslVpn, u"ssl_vpn"},
    {Protection::None, u"none"},
    {Protection::ClosedNetwork, u"closed_network"},
}});

// 外部接続点 / 回線: one external line, as the hospital declared it and as found on site.
struct ConnectionPoint
{
    qint64 id = 0;
    QString uuid;
    QString cafId;  // CAF0001: assigned once by the store, never reused
    int lineNo = 0; // 回線No
    Origin origin = Origin::Declared;
    EquipmentType equipmentType = EquipmentType::Onu;

    // 回線・機器情報記入シート, in the sheet's own words
    QString wantsVersionCheck;      // 調査希望 技術バージョン確認
    QString wantsVulnerabilityScan; // 調査希望 脆弱性診断
    QString connectsToEmr;   // 電子カルテシステムと接続するネットワークとの接続
    QString purpose;         // 用途・システム名
    QString lineType;        // 回線種別
    QString carrier;         // 回線事業者
    QString carrierService;  // 回線サービス名
    QString lineId;          // 回線ID
    QString provider;        // プロバイダ名
    QString providerProduct; // プロバイダ品目
    QString onuLocation;     // 回線終端装置設置場所
    QString connectionType;  // 通信形態
    QString usesGlobalIp;    // グローバルIP利用
    QString ipAssignment;    // 固定IP / 動的IP
    QString globalIp;        // グローバルIPアドレス
    QString fqdn;
    QString declaredNote; // 備考
    // 脆弱性診断当日記入欄: the global IP confirmed with the hospital on the scan day
    QString scanIpConfirmed; // グローバルIP確認
    QString scanIp;          // 当日グローバルIPアドレス
    QString scanIpConfirmedBy;
    QDateTime scanIpConfirmedAt;

    // found on site
    OnuLocationStatus onuLocationStatus = OnuLocationStatus::Unchecked;
    QString onuLocationFound;
    EmrReachability emrReachability = EmrReachability::Unknown;
    Protection protection = Protection::Unknown;
    QString note;

    QList<Device> devices; // in wiring order

    friend bool operator==(const ConnectionPoint &, const ConnectionPoint &) = default;
};

} // namespace fs::model
