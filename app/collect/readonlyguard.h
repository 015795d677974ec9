#pragma once

#include <QString>

namespace fs::collect {

// The investigator only reads: nothing FieldSurvey sends to a device may change its configuration,
// its files or its state. Every command a profile lists (commands, paging-off, enable, exit) and
// every answer it gives to a banner or a pager passes through here when the profile is loaded, and
// the session driver asks again right before it sends anything.
//
// The check is a deny list on the trimmed, lower-cased command (see readonlyguard.cpp for the list
// and why each entry is there), plus abbreviations of the dangerous verbs (Cisco-style CLIs accept
// "wr" for "write", "rel" for "reload"), shell metacharacters and embedded line breaks (a second
// command smuggled into one line).
class ReadOnlyGuard
{
public:
    // True when sending command cannot change the device. why (when given) receives the reason a
    // command is refused, e.g. "'configure terminal' enters configuration mode".
    [[nodiscard]] static bool isAllowed(const QString &command, QString *why = nullptr);

    // True when answer may be sent in reply to a prompt matched by promptPattern (a banner or a
    // pager). Answers are single keys or words (a, y, yes, n, no, q, a space, an empty line); an
    // affirmative answer is refused when the prompt asks to save, write, commit, change or reboot
    // (Yamaha's "Save new configuration ? (Y/N)" must be answered N).
    [[nodiscard]] static bool isAllowedAnswer(const QString &promptPattern, const QString &answer,
                                              QString *why = nullptr);
};

} // namespace fs::collect
