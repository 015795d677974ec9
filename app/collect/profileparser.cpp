#include "profileparser.h"

#include "deviceoutput.h"
#include "logging.h"
#include "profileset.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>

namespace fs::collect {

namespace {

// One command's output, ready for matching.
struct Input
{
    QString command; // as sent; empty when unknown
    QString text;
};

QString normalisedCommand(const QString &command)
{
    return command.simplified().toLower();
}

// The bounded text a rule may see.
QString capped(QString text, QStringList &notes)
{
    if (text.size() > ProfileParser::kMaxTextChars) {
        notes.append(QStringLiteral("output longer than %1 characters: only the beginning was read")
                         .arg(ProfileParser::kMaxTextChars));
        text.truncate(ProfileParser::kMaxTextChars);
    }
    return text;
}

QString captured(const QRegularExpressionMatch &match, const QString &group)
{
    bool numeric = false;
    const int number = group.toInt(&numeric);
    return numeric ? match.captured(number) : match.captured(group);
}

// The value one match yields: the constant, the formatted groups or the group; trimmed and mapped.
QString extract(const DeviceProfile::Rule &rule, const QRegularExpressionMatch &match)
{
    QString value;
    if (!rule.value.isEmpty()) {
        value = rule.value;
    } else if (!rule.format.isEmpty()) {
        static const QRegularExpression placeholder(QStringLiteral(R"(\{([^{}]+)\})"));
        qsizetype last = 0;
        auto it = placeholder.globalMatch(rule.format);
        while (it.hasNext()) {
            const QRegularExpressionMatch p = it.next();
            value += QStringView(rule.format).mid(last, p.capturedStart() - last);
            value += captured(match, p.captured(1));
            last = p.capturedEnd();
        }
        value += QStringView(rule.format).mid(last);
    } else {
        value = captured(match, rule.group);
    }
    value = value.trimmed();
    const auto mapped = rule.map.constFind(value);
    return mapped == rule.map.cend() ? value : mapped.value();
}

QString applyRule(const DeviceProfile::Rule &rule, const QString &text)
{
    if (!rule.all) {
        const QRegularExpressionMatch match = rule.regex.match(text);
        return match.hasMatch() ? extract(rule, match) : QString();
    }
    QStringList values;
    auto it = rule.regex.globalMatch(text);
    int matches = 0;
    while (it.hasNext() && matches < ProfileParser::kMaxMatches) {
        ++matches;
        const QString value = extract(rule, it.next());
        if (value.isEmpty() || (rule.unique && values.contains(value)))
            continue;
        values.append(value);
    }
    return values.join(rule.join);
}

bool ruleApplies(const DeviceProfile::Rule &rule, const Input &input)
{
    if (rule.command.isEmpty())
        return true;
    if (input.command.isEmpty())
        return !rule.requiresCommand; // unknown command: every rule, except whole-output ones
    return normalisedCommand(rule.command) == normalisedCommand(input.command);
}

// Evaluates alternatives in order; the first non-empty value wins. When none matches, the first
// rule with an "absent" value whose command's output was read gives that value.
class Evaluator
{
public:
    Evaluator(const QList<Input> &inputs, QStringList &notes)
        : m_inputs(inputs)
        , m_notes(notes)
        , m_deadline(ProfileParser::kTimeBudgetMs)
    {
    }

    QString evaluate(const QString &name, const DeviceProfile::Rules &rules)
    {
        for (const DeviceProfile::Rule &rule : rules) {
            for (const Input &input : m_inputs) {
                if (outOfTime(name))
                    return {};
                if (!ruleApplies(rule, input))
                    continue;
                const QString value = applyRule(rule, input.text);
                if (!value.isEmpty())
                    return value;
            }
        }
        for (const DeviceProfile::Rule &rule : rules) {
            if (rule.absent.isEmpty())
                continue;
            for (const Input &input : m_inputs) {
                if (!input.command.isEmpty() &&
                    normalisedCommand(rule.command) == normalisedCommand(input.command))
                    return rule.absent;
            }
        }
        return {};
    }

private:
    bool outOfTime(const QString &name)
    {
        if (!m_deadline.hasExpired())
            return false;
        if (!m_reported) {
            m_notes.append(QStringLiteral("parsing stopped at '%1': the %2 ms time budget was used up")
                               .arg(name)
                               .arg(ProfileParser::kTimeBudgetMs));
            m_reported = true;
        }
        return true;
    }

    const QList<Input> &m_inputs;
    QStringList &m_notes;
    QDeadlineTimer m_deadline;
    bool m_reported = false;
};

DeviceFacts parseInputs(const DeviceProfile &profile, const QList<Input> &inputs, DeviceFacts facts)
{
    facts.profileId = profile.id;
    QElapsedTimer timer;
    timer.start();
    Evaluator evaluator(inputs, facts.notes);
    QMap<QString, QString> values;
    for (auto it = profile.fields.cbegin(); it != profile.fields.cend(); ++it)
        values.insert(it.key(), evaluator.evaluate(it.key(), it.value()));
    for (auto it = profile.facts.cbegin(); it != profile.facts.cend(); ++it) {
        const QString value = evaluator.evaluate(it.key(), it.value());
        if (!value.isEmpty())
            facts.facts.insert(it.key(), value);
    }
    facts.model = values.value(QStringLiteral("model"));
    facts.version = values.value(QStringLiteral("version"));
    facts.serial = values.value(QStringLiteral("serial"));
    facts.hostname = values.value(QStringLiteral("hostname"));
    facts.uptime = values.value(QStringLiteral("uptime"));
    facts.vendor = values.value(QStringLiteral("vendor"));

    const bool foundAnything = !facts.model.isEmpty() || !facts.version.isEmpty() ||
                               !facts.serial.isEmpty() || !facts.hostname.isEmpty() ||
                               !facts.vendor.isEmpty();
    // The profile's vendor stands in only when its rules recognised something: a profile forced
    // onto unrelated output must not claim a vendor.
    if (facts.vendor.isEmpty() && foundAnything)
        facts.vendor = profile.vendor;
    if (!foundAnything) {
        facts.notes.append(QStringLiteral("the %1 profile found none of vendor, model, version, serial or "
                                          "hostname in this output")
                               .arg(profile.id));
    } else {
        for (const char *field : {"model", "version", "serial", "hostname"}) {
            const QString name = QLatin1StringView(field);
            if (profile.fields.contains(name) && values.value(name).isEmpty())
                facts.notes.append(QStringLiteral("%1: not found in the output").arg(name));
        }
    }
    qCDebug(lcProfiles) << "parsed with" << profile.id << "in" << timer.elapsed() << "ms:" << facts.vendor
                        << facts.model << facts.version;
    return facts;
}

// Output of a known command, decoded for profile and added to inputs.
void addBytes(const DeviceProfile &profile, const QString &command, const QByteArray &bytes,
              QList<Input> &inputs, DeviceFacts &facts, QStringList &encodings)
{
    const DecodedText decoded =
        DeviceOutput::decode(bytes, profile.session.encodings, profile.session.wrapColumns);
    const QString label =
        command.isEmpty() ? QStringLiteral("the output") : QStringLiteral("'%1'").arg(command);
    if (decoded.truncated)
        facts.notes.append(QStringLiteral("%1 was longer than %2 bytes and was cut")
                               .arg(label)
                               .arg(DeviceOutput::kMaxBytes));
    if (decoded.lossy)
        facts.notes.append(QStringLiteral("%1 is not valid UTF-8 nor any of %2; invalid bytes were replaced")
                               .arg(label, profile.session.encodings.isEmpty()
                                               ? QStringLiteral("the profile's encodings")
                                               : profile.session.encodings.join(u", ")));
    if (!encodings.contains(decoded.encoding))
        encodings.append(decoded.encoding);
    inputs.append(Input{command, capped(decoded.text, facts.notes)});
}

} // namespace

bool DeviceFacts::identified() const
{
    return (!vendor.isEmpty() && !model.isEmpty()) || !version.isEmpty();
}

QJsonObject DeviceFacts::toJson() const
{
    QJsonObject factObject;
    for (auto it = facts.cbegin(); it != facts.cend(); ++it)
        factObject.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("profile"), profileId}, {QStringLiteral("vendor"), vendor},
        {QStringLiteral("model"), model},       {QStringLiteral("version"), version},
        {QStringLiteral("serial"), serial},     {QStringLiteral("hostname"), hostname},
        {QStringLiteral("uptime"), uptime},     {QStringLiteral("facts"), factObject},
        {QStringLiteral("encoding"), encoding}, {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
    };
}

QString ProfileParser::noProfileNote()
{
    return QStringLiteral("no profile recognises this output");
}

DeviceFacts ProfileParser::parse(const DeviceProfile &profile, const QMap<QString, QByteArray> &outputs)
{
    DeviceFacts facts;
    QList<Input> inputs;
    QStringList encodings;
    // The profile's own commands first (its rules are written in that order), then anything else.
    QStringList seen;
    for (const DeviceProfile::Command &command : profile.commands) {
        for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
            if (normalisedCommand(it.key()) == normalisedCommand(command.command) &&
                !seen.contains(it.key())) {
                seen.append(it.key());
                addBytes(profile, it.key(), it.value(), inputs, facts, encodings);
            }
        }
    }
    for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
        if (!seen.contains(it.key()))
            addBytes(profile, it.key(), it.value(), inputs, facts, encodings);
    }
    facts.encoding = encodings.join(u", ");
    if (inputs.isEmpty()) {
        facts.profileId = profile.id;
        facts.notes.append(QStringLiteral("no command output to read"));
        return facts;
    }
    return parseInputs(profile, inputs, std::move(facts));
}

DeviceFacts ProfileParser::parseBytes(const DeviceProfile &profile, const QByteArray &bytes,
                                      const QString &command)
{
    DeviceFacts facts;
    QList<Input> inputs;
    QStringList encodings;
    addBytes(profile, command, bytes, inputs, facts, encodings);
    facts.encoding = encodings.join(u", ");
    return parseInputs(profile, inputs, std::move(facts));
}

DeviceFacts ProfileParser::parseText(const DeviceProfile &profile, const QString &text,
                                     const QString &command)
{
    DeviceFacts facts;
    const QString cleaned = DeviceOutput::clean(text.left(kMaxTextChars + 1), profile.session.wrapColumns);
    QList<Input> inputs{Input{command, capped(cleaned, facts.notes)}};
    return parseInputs(profile, inputs, std::move(facts));
}

DeviceFacts ProfileParser::parseAuto(const ProfileSet &profiles, const QString &text)
{
    const QString cleaned = DeviceOutput::clean(text.left(ProfileSet::kDetectWindow));
    const QList<Detection> detections = profiles.detect(cleaned);
    if (detections.isEmpty() || detections.constFirst().score < ProfileSet::kMinimumScore) {
        DeviceFacts facts;
        facts.notes.append(noProfileNote());
        if (!detections.isEmpty())
            facts.notes.append(QStringLiteral("closest: %1 (score %2, below %3)")
                                   .arg(detections.constFirst().profileId)
                                   .arg(detections.constFirst().score)
                                   .arg(ProfileSet::kMinimumScore));
        return facts;
    }
    return parseText(*profiles.profile(detections.constFirst().profileId), text);
}

DeviceFacts ProfileParser::parseAutoBytes(const ProfileSet &profiles, const QByteArray &bytes)
{
    // Detection needs the beginning only; cut at a line end so no multi-byte character is split.
    QByteArray head = bytes;
    if (head.size() > ProfileSet::kDetectWindow) {
        const qsizetype lineEnd = head.lastIndexOf('\n', ProfileSet::kDetectWindow);
        head.truncate(lineEnd > 0 ? lineEnd : ProfileSet::kDetectWindow);
    }
    const DecodedText decoded = DeviceOutput::decode(head, profiles.encodings());
    const QList<Detection> detections = profiles.detect(decoded.text);
    if (detections.isEmpty() || detections.constFirst().score < ProfileSet::kMinimumScore) {
        DeviceFacts facts;
        facts.encoding = decoded.encoding;
        facts.notes.append(noProfileNote());
        if (!detections.isEmpty())
            facts.notes.append(QStringLiteral("closest: %1 (score %2, below %3)")
                                   .arg(detections.constFirst().profileId)
                                   .arg(detections.constFirst().score)
                                   .arg(ProfileSet::kMinimumScore));
        return facts;
    }
    return parseBytes(*profiles.profile(detections.constFirst().profileId), bytes);
}

} // namespace fs::collect
