#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace fs::collect {

// A session the investigator pastes or loads from another terminal program's log (Tera Term,
// PuTTY, screen): finds the command lines ("RTX1220> show environment", "FGT60F # get system
// status") and the output under each, up to the next prompt.
class PastedTranscript
{
public:
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

    // The output of each of commands found in text, by command. A line is a command line when it
    // ends with the command and what comes before it looks like a prompt (ends in >, #, $, % or ]).
    [[nodiscard]] static QMap<QString, QString> commandOutputs(const QString &text,
                                                               const QStringList &commands);
};

} // namespace fs::collect
