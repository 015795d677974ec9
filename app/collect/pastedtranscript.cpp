#include "pastedtranscript.h"

namespace fs::collect {

namespace {

bool looksLikePrompt(const QString &prefix)
{
    const QString p = prefix.trimmed();
    if (p.isEmpty() || p.size() > 80)
        return false;
    const QChar last = p.back();
    return last == QLatin1Char('>') || last == QLatin1Char('#') || last == QLatin1Char('$') ||
           last == QLatin1Char('%') || last == QLatin1Char(']');
}

// A line that starts with the prompt: the stem, then (after spaces) a mode marker — the same one
// for a bare prompt ("> "), so that a "# comment" in Yamaha's output is not taken for a prompt.
bool isPromptLine(const QString &line, const QString &stem, QChar promptMarker)
{
    if (!line.startsWith(stem))
        return false;
    const QString rest = line.mid(stem.size()).trimmed();
    if (rest.isEmpty())
        return false;
    const QChar marker = rest.front();
    if (stem.isEmpty())
        return marker == promptMarker && (rest.size() == 1 || rest.at(1).isSpace());
    // "Router#", "Router(config)#" or "Router# show ip route"; not "Router uptime is 2 weeks".
    return marker == QLatin1Char('>') || marker == QLatin1Char('#') || marker == QLatin1Char('$') ||
           marker == QLatin1Char('%') || marker == QLatin1Char(']') || marker == QLatin1Char('(');
}

} // namespace

QMap<QString, QString> PastedTranscript::commandOutputs(const QString &text, const QStringList &commands)
{
    QMap<QString, QString> outputs;
    const QStringList lines = text.left(kMaxBytes).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        for (const QString &command : commands) {
            if (command.isEmpty() || !line.endsWith(command))
                continue;
            const QString prefix = line.left(line.size() - command.size());
            if (!looksLikePrompt(prefix))
                continue;
            // The prompt without its mode marker and spaces: "Router" of "Router#", "FGT60F" of
            // "FGT60F #"; the output ends at the next line that starts with it and looks like a
            // prompt.
            QString promptStem = prefix.trimmed();
            const QChar marker = promptStem.back();
            promptStem.chop(1);
            promptStem = promptStem.trimmed();
            QStringList output;
            qsizetype j = i + 1;
            for (; j < lines.size() && !isPromptLine(lines[j].trimmed(), promptStem, marker); ++j)
                output.append(lines[j]);
            if (!outputs.contains(command))
                outputs.insert(command, output.join(QLatin1Char('\n')));
            i = j - 1;
            break;
        }
    }
    return outputs;
}

} // namespace fs::collect
