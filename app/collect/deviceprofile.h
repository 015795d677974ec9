#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace fs::collect {

// How to talk to one platform (a vendor OS) and how to read its version commands: one JSON file in
// resources/profiles/ (format described in docs/device-profiles.md). Loading validates everything:
// required keys, known keys only, every regex compiles, capture groups exist, and every command and
// answer passes the ReadOnlyGuard. A profile that could change a device does not load.
struct DeviceProfile
{
    // One way to extract a value. Alternatives for a field are tried in order; the first that yields
    // a non-empty value wins.
    struct Rule
    {
        QString command;              // only output of this command (text as sent); empty: any output.
                                      // Output of an unknown command is read by every rule, unless:
        bool requiresCommand = false; // only output known to come from command (whole-output rules)
        QRegularExpression regex;     // always MultilineOption (^ and $ per line), plus the rule's flags
        QString group;                // capture group number or name; "1" when absent, "0" for the match
        QString format;               // instead of group: "{1} build {2}", "{name}"
        bool all = false;             // every match, joined with join (capped, see ProfileParser)
        bool unique = false;          // with all: drop repeated values
        QString join = QStringLiteral("; ");
        QMap<QString, QString> map; // value mapping applied to each match (exact, after trimming)
        QString value;              // constant result when the regex matches (facts: "yes")
        QString absent;             // result when command's output is present but nothing matched ("no")
    };
    using Rules = QList<Rule>;

    // Scores the output for auto-detection: a profile scores the weights of its distinct patterns
    // that match.
    struct DetectPattern
    {
        QRegularExpression regex;
        int weight = 1;
    };

    // A prompt that needs an answer before output continues: a pager (--More--) or a banner
    // ("(Press 'a' to accept):"). The answer is sent as is, without a line ending, unless it
    // contains one.
    struct Answer
    {
        QRegularExpression pattern;
        QString answer;
    };

    struct Enable
    {
        QString command;                   // "enable"
        QRegularExpression passwordPrompt; // matched against the last line after the command
    };

    struct Login
    {
        QRegularExpression usernamePrompt; // serial console / telnet login; never matches when absent
        QRegularExpression passwordPrompt;
    };

    struct Command
    {
        QString id;              // "version", "inventory", "running_config"
        QString command;         // sent as is, followed by the session's line ending
        bool optional = false;   // the platform may not support it or the account may lack rights
        bool privileged = false; // needs the enable step first
    };

    struct Session
    {
        QString lineEnding = QStringLiteral("\n"); // Yamaha: "\r"
        QRegularExpression prompt;                 // the last line (escapes stripped) is a prompt
        QRegularExpression privilegedPrompt;       // the prompt in privileged mode; never matches when absent
        std::optional<Enable> enable;
        QStringList pagingOff; // session-only commands, sent after login, may fail
        QList<Answer> pagers;
        QList<Answer> banners;
        Login login;
        QList<QRegularExpression> errors; // a line that says the command failed
        QString exitCommand = QStringLiteral("exit");
        bool firstCommandMayBeDropped = false; // send an empty line first
        int wrapColumns = 0;                   // console wraps at this width; 0: no wrapping
        QStringList encodings;                 // tried after UTF-8, in order
    };

    QString id;            // "cisco_ios"; equals the file name without .json
    QString name;          // "Cisco IOS / IOS-XE"
    QString vendor;        // used when fields.vendor extracts nothing
    QStringList platforms; // netmiko / ntc-templates platform names this profile reads
    QString notes;         // free text for people
    QString sourceName;    // where it was loaded from, for messages
    QList<DetectPattern> detect;
    Session session;
    QList<Command> commands;
    QMap<QString, Rules> fields; // vendor, model, version, serial, hostname, uptime
    QMap<QString, Rules> facts;  // ipsec_configured, ssl_vpn_configured, remote_admin_services, ...

    // The field names a profile may define.
    [[nodiscard]] static const QStringList &fieldNames();

    // Parses and validates one profile; errors name the source and the JSON path:
    // "profiles/cisco_ios.json: fields.model[0].regex: missing ) at offset 12".
    [[nodiscard]] static fs::Result<DeviceProfile> fromJson(const QByteArray &json,
                                                            const QString &sourceName);

    // The command text for an id, or an empty string.
    [[nodiscard]] QString commandText(const QString &commandId) const;
};

} // namespace fs::collect
