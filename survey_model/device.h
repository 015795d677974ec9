#pragma once

#include "enumkeys.h"
#include "observation.h"
#include "origin.h"

#include <QString>

namespace fs::model {

// Where a device sits in the wiring chain below a line.
enum class ChainRole
{
    Unknown,
    Onu,
    Router,
    Utm,
    Firewall,
    Switch,
    VpnGateway,
    Other
};

inline constexpr EnumKeys<ChainRole, 8> kChainRoleKeys({{
    {ChainRole::Unknown, u"unknown"},
    {ChainRole::Onu, u"onu"},
    {ChainRole::Router, u"router"},
    {ChainRole::Utm, u"utm"},
    {ChainRole::Firewall, u"firewall"},
    {ChainRole::Switch, u"switch"},
    {ChainRole::VpnGateway, u"vpn_gateway"},
    {ChainRole::Other, u"other"},
}});

// 機器: a router, UTM, firewall or switch on a line, as declared and as found.
struct Device
{
    qint64 id = 0;
    QString uuid;
    Origin origin = Origin::Declared;
    QString deviceType;        // 機器種別 (ルータ, UTM, …) in the workbook's words
    QString maker;             // メーカー
    QString model;             // 機種名
    QString hostname;          // 機器名
    QString managementIp;      // 管理IPアドレス
    QString accessMethod;      // 接続方法: SSH / Telnet / コンソール / Web
    QString accessPort;        // ポート番号
    QString maintenanceVendor; // 保守ベンダ
    ChainRole chainRole = ChainRole::Unknown;
    QString note;
    QList<Observation> facts; // the current facts collected on site

    friend bool operator==(const Device &, const Device &) = default;
};

} // namespace fs::model
