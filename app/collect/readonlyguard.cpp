#include "readonlyguard.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace fs::collect {

namespace {

struct Verb
{
    QLatin1StringView word;
    QLatin1StringView reason;
};

// Commands whose first word is one of these change the device, so they are never sent, whatever
// follows. Matching is on the whole first word, case-insensitive, after trimming.
//
//   conf*            (handled separately as a prefix) configure / config / conf t: configuration
//                    mode on IOS, NX-OS, ASA, AW+, NEC IX, Junos; FortiOS "config system ..." edits.
//   set, unset       FortiOS, Junos, PAN-OS, Check Point, VyOS configuration. Junos "set cli
//                    screen-length 0" and PAN-OS "set cli pager off" are session-only, but a rule
//                    with exceptions is a rule someone gets wrong: those pagers are answered instead.
//   delete, edit     configuration editing (Junos, FortiOS, PAN-OS).
//   write, copy      IOS "write memory" / "write erase", "copy running-config startup-config".
//   erase, format    wipe storage.
//   reload, reboot, restart, shutdown, boot
//                    restart or stop the device ("boot system" is configuration on IOS).
//   save, commit     Yamaha / Huawei "save", Junos / PAN-OS "commit".
//   request          Junos / PAN-OS "request system reboot", software installation.
//   clear            clears counters, sessions, logs: it destroys what the investigation looks at.
//   debug            changes device state and load.
//   undo, no         negation of a configuration statement (Huawei undo, Cisco-style no). SonicOS
//                    "no cli pager session" is session-only but starts with no: its pager is answered.
//   system-view      Huawei configuration view.
//   administrator    Yamaha administrator mode: the configuration mode of an RTX.
//   console          Yamaha "console lines infinity" / "console columns": need administrator mode
//                    and become part of the configuration.
//   execute          FortiOS execute (reboot, factory reset, backup, formatlogdisk).
//   pager            ASA "pager lines 0" is configuration ("terminal pager 0" is the session one).
//   enable-config, svintr-config
//                    NEC IX configuration modes.
//   reset, install, upgrade, rollback, load, rename, del, rm, rmdir, mkdir, mv, tee, dd, touch,
//   kill, passwd, service, systemctl, sudo
//                    file, software and process changes on network OSes and on Linux.
const QList<Verb> &deniedVerbs()
{
    static const QList<Verb> verbs = {
        {QLatin1StringView("set"), QLatin1StringView("changes configuration")},
        {QLatin1StringView("unset"), QLatin1StringView("changes configuration")},
        {QLatin1StringView("delete"), QLatin1StringView("deletes configuration or files")},
        {QLatin1StringView("edit"), QLatin1StringView("edits configuration")},
        {QLatin1StringView("write"), QLatin1StringView("writes configuration or storage")},
        {QLatin1StringView("copy"), QLatin1StringView("copies files or configuration")},
        {QLatin1StringView("erase"), QLatin1StringView("erases storage")},
        {QLatin1StringView("format"), QLatin1StringView("formats storage")},
        {QLatin1StringView("reload"), QLatin1StringView("restarts the device")},
        {QLatin1StringView("reboot"), QLatin1StringView("restarts the device")},
        {QLatin1StringView("restart"), QLatin1StringView("restarts the device or a service")},
        {QLatin1StringView("shutdown"), QLatin1StringView("stops the device or an interface")},
        {QLatin1StringView("boot"), QLatin1StringView("changes the boot image or restarts")},
        {QLatin1StringView("save"), QLatin1StringView("saves configuration")},
        {QLatin1StringView("commit"), QLatin1StringView("commits configuration")},
        {QLatin1StringView("request"), QLatin1StringView("requests a system operation (reboot, install)")},
        {QLatin1StringView("clear"), QLatin1StringView("clears counters, sessions or logs")},
        {QLatin1StringView("debug"), QLatin1StringView("changes device state")},
        {QLatin1StringView("undo"), QLatin1StringView("negates configuration")},
        {QLatin1StringView("no"), QLatin1StringView("negates configuration")},
        {QLatin1StringView("system-view"), QLatin1StringView("enters configuration view")},
        {QLatin1StringView("administrator"), QLatin1StringView("enters administrator (configuration) mode")},
        {QLatin1StringView("console"), QLatin1StringView("changes console settings in the configuration")},
        {QLatin1StringView("execute"), QLatin1StringView("executes a system operation")},
        {QLatin1StringView("pager"), QLatin1StringView("changes configuration (use terminal pager)")},
        {QLatin1StringView("enable-config"), QLatin1StringView("enters configuration mode")},
        {QLatin1StringView("svintr-config"), QLatin1StringView("enters configuration mode")},
        {QLatin1StringView("reset"), QLatin1StringView("resets the device or a component")},
        {QLatin1StringView("install"), QLatin1StringView("installs software")},
        {QLatin1StringView("upgrade"), QLatin1StringView("installs software")},
        {QLatin1StringView("rollback"), QLatin1StringView("changes configuration")},
        {QLatin1StringView("load"), QLatin1StringView("loads configuration")},
        {QLatin1StringView("rename"), QLatin1StringView("changes files")},
        {QLatin1StringView("del"), QLatin1StringView("deletes files")},
        {QLatin1StringView("rm"), QLatin1StringView("deletes files")},
        {QLatin1StringView("rmdir"), QLatin1StringView("deletes files")},
        {QLatin1StringView("mkdir"), QLatin1StringView("changes files")},
        {QLatin1StringView("mv"), QLatin1StringView("changes files")},
        {QLatin1StringView("tee"), QLatin1StringView("writes files")},
        {QLatin1StringView("dd"), QLatin1StringView("writes files")},
        {QLatin1StringView("touch"), QLatin1StringView("changes files")},
        {QLatin1StringView("kill"), QLatin1StringView("stops processes")},
        {QLatin1StringView("passwd"), QLatin1StringView("changes a password")},
        {QLatin1StringView("service"), QLatin1StringView("changes services")},
        {QLatin1StringView("systemctl"), QLatin1StringView("changes services")},
        {QLatin1StringView("sudo"), QLatin1StringView("runs a command with other privileges")},
    };
    return verbs;
}

// Cisco-style CLIs accept any unambiguous prefix of a command word ("wr mem", "rel", "conf t"). A
// first word that is a prefix of one of these verbs is refused, unless it is also a prefix of a
// harmless verb below (then the CLI itself would find it ambiguous or pick the harmless one: "sh"
// is show, "e" may be exit).
const QStringList &abbreviableVerbs()
{
    static const QStringList verbs = {
        QStringLiteral("configure"), QStringLiteral("write"),    QStringLiteral("copy"),
        QStringLiteral("erase"),     QStringLiteral("reload"),   QStringLiteral("reboot"),
        QStringLiteral("restart"),   QStringLiteral("shutdown"), QStringLiteral("delete"),
        QStringLiteral("debug"),     QStringLiteral("clear"),    QStringLiteral("save"),
        QStringLiteral("commit"),    QStringLiteral("request"),  QStringLiteral("undo"),
        QStringLiteral("unset"),     QStringLiteral("execute"),  QStringLiteral("rollback"),
        QStringLiteral("upgrade"),   QStringLiteral("install"),  QStringLiteral("format"),
        QStringLiteral("reset"),
    };
    return verbs;
}

// Verbs that only read or leave a mode; used to resolve abbreviations, never to allow by themselves.
const QStringList &harmlessVerbs()
{
    static const QStringList verbs = {
        QStringLiteral("show"), QStringLiteral("display"), QStringLiteral("get"),  QStringLiteral("terminal"),
        QStringLiteral("more"), QStringLiteral("exit"),    QStringLiteral("quit"), QStringLiteral("logout"),
        QStringLiteral("end"),  QStringLiteral("enable"),  QStringLiteral("dir"),  QStringLiteral("ping"),
    };
    return verbs;
}

// Verbs that take no argument: their abbreviation is refused only when it is the whole command
// (Huawei "sys" is system-view, Zyxel "sys atsh" is a read-only command).
const QStringList &standaloneVerbs()
{
    static const QStringList verbs = {QStringLiteral("system-view"), QStringLiteral("administrator")};
    return verbs;
}

// Words that must not appear anywhere in a MikroTik-style path command ("/system reboot",
// "/ip service set") or after a namespace word such as Zyxel's "sys".
const QStringList &deniedPathWords()
{
    static const QStringList words = {
        QStringLiteral("set"),
        QStringLiteral("add"),
        QStringLiteral("remove"),
        QStringLiteral("reboot"),
        QStringLiteral("reset-configuration"),
        QStringLiteral("shutdown"),
        QStringLiteral("upgrade"),
        QStringLiteral("install"),
        QStringLiteral("disable"),
        QStringLiteral("enable"),
        QStringLiteral("edit"),
        QStringLiteral("unset"),
        QStringLiteral("import"),
        QStringLiteral("run"),
        QStringLiteral("execute"),
        QStringLiteral("restart"),
        QStringLiteral("password"),
        QStringLiteral("reset"),
        QStringLiteral("default"),
        QStringLiteral("move"),
        QStringLiteral("save"),
        QStringLiteral("write"),
        QStringLiteral("erase"),
    };
    return words;
}

// Pipe stages that write files: IOS "| redirect flash:x", "| tee", "| append"; Junos "| save".
const QStringList &deniedPipeStages()
{
    static const QStringList words = {QStringLiteral("redirect"), QStringLiteral("tee"),
                                      QStringLiteral("append"),   QStringLiteral("save"),
                                      QStringLiteral("copy"),     QStringLiteral("write")};
    return words;
}

bool refuse(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

} // namespace

bool ReadOnlyGuard::isAllowed(const QString &command, QString *why)
{
    // One line, no control characters: a line break would smuggle a second command past the check.
    for (const QChar c : command) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return refuse(
                why,
                QStringLiteral("'%1' contains a control character or line break").arg(command.simplified()));
    }
    const QString trimmed = command.trimmed().toLower();
    if (trimmed.isEmpty())
        return true; // an empty line only wakes the prompt

    // Shell chaining and redirection (Linux profiles run through a shell).
    static const QRegularExpression shellMeta(QStringLiteral(R"(;|&&|\|\||`|\$\(|>)"));
    if (trimmed.contains(shellMeta))
        return refuse(why, QStringLiteral("'%1' chains commands or redirects output").arg(command.trimmed()));

    const QStringList stages = trimmed.split(QLatin1Char('|'));
    for (qsizetype i = 1; i < stages.size(); ++i) {
        const QString stageVerb = stages.at(i).trimmed().section(QLatin1Char(' '), 0, 0);
        if (deniedPipeStages().contains(stageVerb))
            return refuse(
                why,
                QStringLiteral("'%1' writes its output to a file (| %2)").arg(command.trimmed(), stageVerb));
    }

    const QStringList words = stages.constFirst().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return refuse(why, QStringLiteral("'%1' has no command before the pipe").arg(command.trimmed()));
    const QString &first = words.constFirst();

    if (first.startsWith(QLatin1StringView("conf")))
        return refuse(why, QStringLiteral("'%1' enters configuration mode").arg(command.trimmed()));

    for (const Verb &verb : deniedVerbs()) {
        if (first == verb.word)
            return refuse(why, QStringLiteral("'%1' %2").arg(command.trimmed(), verb.reason));
    }

    // Huawei: "screen-length 0 temporary" is the session-only form; without "temporary" it is
    // configuration of the user interface.
    if (first == QLatin1StringView("screen-length") && words.constLast() != QLatin1StringView("temporary"))
        return refuse(why, QStringLiteral("'%1' changes configuration (only 'screen-length N temporary' is "
                                          "session-only)")
                               .arg(command.trimmed()));

    if (first.startsWith(QLatin1Char('/')) || first == QLatin1StringView("sys")) {
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QString &word = words.at(i);
            if (deniedPathWords().contains(word) || word.startsWith(QLatin1StringView("file=")))
                return refuse(why,
                              QStringLiteral("'%1' changes the device (%2)").arg(command.trimmed(), word));
        }
    }

    const bool harmlessPrefix = std::any_of(harmlessVerbs().cbegin(), harmlessVerbs().cend(),
                                            [&first](const QString &verb) { return verb.startsWith(first); });
    if (!harmlessPrefix) {
        for (const QString &verb : abbreviableVerbs()) {
            if (verb.startsWith(first))
                return refuse(why, QStringLiteral("'%1' abbreviates '%2'").arg(command.trimmed(), verb));
        }
        if (words.size() == 1) {
            for (const QString &verb : standaloneVerbs()) {
                if (verb.startsWith(first))
                    return refuse(why, QStringLiteral("'%1' abbreviates '%2'").arg(command.trimmed(), verb));
            }
        }
    }
    return true;
}

bool ReadOnlyGuard::isAllowedAnswer(const QString &promptPattern, const QString &answer, QString *why)
{
    const QString key = answer.trimmed().toLower();
    static const QStringList negative = {QString(), QStringLiteral("n"), QStringLiteral("no"),
                                         QStringLiteral("q")};
    static const QStringList affirmative = {QStringLiteral("a"), QStringLiteral("y"), QStringLiteral("yes")};
    if (answer.size() > 8)
        return refuse(why, QStringLiteral("answer '%1' is not a single key or word").arg(answer));
    for (const QChar c : answer) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\r') && c != QLatin1Char('\n') &&
            (c.unicode() < 0x20 || c.unicode() == 0x7f))
            return refuse(why, QStringLiteral("answer contains a control character"));
    }
    if (negative.contains(key))
        return true;
    if (!affirmative.contains(key))
        return refuse(
            why, QStringLiteral("answer '%1' is not one of a, y, yes, n, no, q, space, empty").arg(answer));
    // An affirmative answer to a question about saving, committing or restarting would change the
    // device: those questions are answered with n.
    static const QRegularExpression risky(
        QStringLiteral("save|write|commit|change|reboot|reload|restart|shutdown|erase|delete|overwrite|"
                       "format|upgrade|reset|apply|proceed|continue\\?"),
        QRegularExpression::CaseInsensitiveOption);
    if (promptPattern.contains(risky))
        return refuse(
            why, QStringLiteral("answering '%1' to '%2' could change the device").arg(answer, promptPattern));
    return true;
}

} // namespace fs::collect
