#pragma once

#include "enumkeys.h"
#include "terminalcheck.h"

#include <QList>
#include <QString>

namespace fs::model {

enum class TerminalCheckState
{
    NotStarted,
    InProgress,
    Done,
    NotPossible
};

inline constexpr EnumKeys<TerminalCheckState, 4> kTerminalCheckStateKeys({{
    {TerminalCheckState::NotStarted, u"not_started"},
    {TerminalCheckState::InProgress, u"in_progress"},
    {TerminalCheckState::Done, u"done"},
    {TerminalCheckState::NotPossible, u"not_possible"},
}});

// 調査端末: one of the five Windows terminals checked on the day.
struct Terminal
{
    qint64 id = 0;
    QString uuid;
    int terminalNo = 0;
    QString systemType;      // システム種別
    QString usageForm;       // 利用形態: 単体 / シンクライアント / 仮想デスクトップ
    QString hostname;        // 端末ホスト名
    QString ip;              // IPアドレス, with /prefix when given
    QString location;        // 設置場所
    QString vdiHostname;     // VDI ホスト名
    QString vdiIp;           // VDI IPアドレス
    QString securityProduct; // セキュリティ対策製品 (declared)
    QString declaredNote;    // 備考
    TerminalCheckState checkState = TerminalCheckState::NotStarted;
    QString note;
    QList<TerminalCheck> checks; // in kTerminalCheckItems order, only those recorded

    friend bool operator==(const Terminal &, const Terminal &) = default;
};

} // namespace fs::model
