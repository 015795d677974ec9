#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fs::model {

// A Windows edition the investigator can pick when entering a terminal's facts by hand (from
// winver or Settings → システム → バージョン情報).
struct ManualEdition
{
    QString key;       // "win10-pro"
    QString caption;   // "Microsoft Windows 10 Pro", as Win32_OperatingSystem would say
    QString editionId; // registry EditionID
    int productType = 1;
};

// The facts of a terminal where no script may run, as the investigator enters them: turned into
// the same terminal-facts JSON the collector writes (collector.name = "manual"), so the same rules
// judge them. What is left unknown becomes a skipped section.
struct ManualTerminalFacts
{
    enum class Answer
    {
        Unknown,
        Yes,
        No
    };

    QString computerName;
    QString editionKey; // see editions(); empty = unknown
    int build = 0;      // "OS ビルド 19045.6456" → 19045 and 6456
    int ubr = -1;
    QString displayVersion; // "22H2"
    Answer esu = Answer::Unknown;
    QDate lastUpdate; // invalid = unknown
    bool rebootPending = false;
    QString internet; // reachable, partial, unreachable; empty = not checked
    QString antivirusName;
    QString antivirusState; // on, outdated, off, none; empty = unknown
    QString usb;            // blocked, read_only, not_blocked; empty = not checked
    Answer smb1 = Answer::Unknown;
    Answer rdp = Answer::Unknown;
    Answer adminUser = Answer::Unknown;
    QString enteredBy;
    QDateTime enteredAt;

    [[nodiscard]] static const QList<ManualEdition> &editions();
    // Reads "19045.6456" or "19045" into build and ubr; false when it is neither.
    bool setBuildText(const QString &text);
    [[nodiscard]] QString buildText() const;

    [[nodiscard]] QJsonObject toJson() const;
    // The form again from facts entered by hand before (for editing them).
    [[nodiscard]] static ManualTerminalFacts fromJson(const QJsonObject &facts);

    friend bool operator==(const ManualTerminalFacts &, const ManualTerminalFacts &) = default;
};

} // namespace fs::model
