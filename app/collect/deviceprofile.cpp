#include "deviceprofile.h"

#include "readonlyguard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace fs::collect {

namespace {

constexpr int kFormatVersion = 1;

const QRegularExpression &identifierPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_]+$"));
    return pattern;
}

// Reads a profile while tracking where it is, so the first problem found is reported with its JSON
// path. After a failure every further read is a no-op.
class Reader
{
public:
    explicit Reader(QString sourceName)
        : m_source(std::move(sourceName))
    {
    }

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] fs::Error error() const { return *m_error; }

    bool fail(const QString &path, const QString &message)
    {
        if (!m_error)
            m_error = fs::Error{fs::ErrorCode::InvalidData,
                                QStringLiteral("%1: %2: %3").arg(m_source, path, message)};
        return false;
    }

    // Unknown keys are refused (a typo would otherwise silently disable a rule); keys starting with
    // an underscore are comments.
    bool checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().startsWith(QLatin1Char('_')))
                continue;
            if (!allowed.contains(it.key()))
                return fail(join(path, it.key()),
                            QStringLiteral("unknown key (allowed: %1)").arg(allowed.join(u", ")));
        }
        return true;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    static QString index(const QString &path, qsizetype i)
    {
        return QStringLiteral("%1[%2]").arg(path).arg(i);
    }

    QJsonObject object(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject())
            fail(path, QStringLiteral("must be an object"));
        return value.toObject();
    }

    QJsonArray array(const QJsonValue &value, const QString &path, bool required)
    {
        if (value.isUndefined() && !required)
            return {};
        if (!value.isArray())
            fail(path, required && value.isUndefined() ? QStringLiteral("required")
                                                       : QStringLiteral("must be an array"));
        return value.toArray();
    }

    QString string(const QJsonValue &value, const QString &path, bool required)
    {
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString()) {
            fail(path, value.isUndefined() ? QStringLiteral("required") : QStringLiteral("must be a string"));
            return {};
        }
        if (required && value.toString().isEmpty())
            fail(path, QStringLiteral("must not be empty"));
        return value.toString();
    }

    bool boolean(const QJsonValue &value, const QString &path, bool fallback)
    {
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(path, QStringLiteral("must be true or false"));
        return value.toBool(fallback);
    }

    int integer(const QJsonValue &value, const QString &path, int fallback, int min, int max)
    {
        if (value.isUndefined())
            return fallback;
        const double d = value.toDouble(-1e9);
        if (!value.isDouble() || d != double(int(d)) || d < min || d > max) {
            fail(path, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }

    QStringList strings(const QJsonValue &value, const QString &path)
    {
        QStringList list;
        const QJsonArray items = array(value, path, false);
        for (qsizetype i = 0; i < items.size(); ++i)
            list.append(string(items.at(i), index(path, i), true));
        return list;
    }

    QRegularExpression regex(const QJsonValue &value, const QString &path, const QStringList &flags = {},
                             const QString &flagsPath = {})
    {
        const QString pattern = string(value, path, true);
        QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
        for (qsizetype i = 0; i < flags.size(); ++i) {
            const QString &flag = flags.at(i);
            if (flag == QLatin1StringView("multiline"))
                continue;
            if (flag == QLatin1StringView("caseinsensitive"))
                options |= QRegularExpression::CaseInsensitiveOption;
            else if (flag == QLatin1StringView("dotall"))
                options |= QRegularExpression::DotMatchesEverythingOption;
            else if (flag == QLatin1StringView("extended"))
                options |= QRegularExpression::ExtendedPatternSyntaxOption;
            else
                fail(index(flagsPath, i),
                     QStringLiteral("unknown flag '%1' (multiline, caseinsensitive, dotall, "
                                    "extended)")
                         .arg(flag));
        }
        QRegularExpression re(pattern, options);
        if (!failed() && !re.isValid())
            fail(path, QStringLiteral("%1 at offset %2").arg(re.errorString()).arg(re.patternErrorOffset()));
        return re;
    }

    // A regex that may be absent (then an invalid, empty QRegularExpression is returned).
    QRegularExpression optionalRegex(const QJsonValue &value, const QString &path)
    {
        if (value.isUndefined() || value.isNull())
            return QRegularExpression(QStringLiteral("(?!)")); // matches nothing
        return regex(value, path);
    }

    // True when a capture group reference ("1", "name") exists in re.
    static bool hasGroup(const QRegularExpression &re, const QString &group)
    {
        bool numeric = false;
        const int number = group.toInt(&numeric);
        if (numeric)
            return number >= 0 && number <= re.captureCount();
        return re.namedCaptureGroups().contains(group);
    }

    DeviceProfile::Rule rule(const QJsonValue &value, const QString &path)
    {
        DeviceProfile::Rule rule;
        const QJsonObject o = object(value, path);
        checkKeys(o, path,
                  {QStringLiteral("command"), QStringLiteral("regex"), QStringLiteral("group"),
                   QStringLiteral("format"), QStringLiteral("all"), QStringLiteral("unique"),
                   QStringLiteral("join"), QStringLiteral("map"), QStringLiteral("value"),
                   QStringLiteral("absent"), QStringLiteral("flags"), QStringLiteral("requires_command")});
        rule.command =
            string(o.value(QLatin1StringView("command")), join(path, QStringLiteral("command")), false);
        const QStringList flags =
            strings(o.value(QLatin1StringView("flags")), join(path, QStringLiteral("flags")));
        rule.regex = regex(o.value(QLatin1StringView("regex")), join(path, QStringLiteral("regex")), flags,
                           join(path, QStringLiteral("flags")));
        const QJsonValue group = o.value(QLatin1StringView("group"));
        const QString groupPath = join(path, QStringLiteral("group"));
        if (group.isDouble())
            rule.group = QString::number(integer(group, groupPath, 1, 0, 99));
        else if (group.isString())
            rule.group = group.toString();
        else if (!group.isUndefined())
            fail(groupPath, QStringLiteral("must be a number or a group name"));
        rule.format =
            string(o.value(QLatin1StringView("format")), join(path, QStringLiteral("format")), false);
        rule.value = string(o.value(QLatin1StringView("value")), join(path, QStringLiteral("value")), false);
        rule.absent =
            string(o.value(QLatin1StringView("absent")), join(path, QStringLiteral("absent")), false);
        rule.all = boolean(o.value(QLatin1StringView("all")), join(path, QStringLiteral("all")), false);
        rule.unique =
            boolean(o.value(QLatin1StringView("unique")), join(path, QStringLiteral("unique")), false);
        rule.requiresCommand = boolean(o.value(QLatin1StringView("requires_command")),
                                       join(path, QStringLiteral("requires_command")), false);
        if (o.contains(QLatin1StringView("join")))
            rule.join = string(o.value(QLatin1StringView("join")), join(path, QStringLiteral("join")), false);
        const QJsonValue map = o.value(QLatin1StringView("map"));
        if (!map.isUndefined()) {
            const QJsonObject m = object(map, join(path, QStringLiteral("map")));
            for (auto it = m.begin(); it != m.end(); ++it)
                rule.map.insert(it.key(),
                                string(it.value(), join(join(path, QStringLiteral("map")), it.key()), false));
        }
        if (failed())
            return rule;
        if (rule.requiresCommand && rule.command.isEmpty())
            fail(join(path, QStringLiteral("requires_command")), QStringLiteral("needs command"));
        else if (!rule.absent.isEmpty() && rule.command.isEmpty())
            fail(join(path, QStringLiteral("absent")),
                 QStringLiteral("needs command: absence is only known for "
                                "a command whose output was read"));
        else if (!rule.group.isEmpty() && !rule.format.isEmpty())
            fail(path, QStringLiteral("use either group or format, not both"));
        else if (!rule.group.isEmpty() && !hasGroup(rule.regex, rule.group))
            fail(groupPath, QStringLiteral("the regex has no group '%1'").arg(rule.group));
        if (!rule.format.isEmpty()) {
            static const QRegularExpression placeholder(QStringLiteral(R"(\{([^{}]+)\})"));
            auto it = placeholder.globalMatch(rule.format);
            if (!it.hasNext())
                fail(join(path, QStringLiteral("format")), QStringLiteral("has no {group} placeholder"));
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                if (!hasGroup(rule.regex, name))
                    fail(join(path, QStringLiteral("format")),
                         QStringLiteral("the regex has no group '%1'").arg(name));
            }
        }
        if (rule.group.isEmpty() && rule.format.isEmpty())
            rule.group = rule.regex.captureCount() >= 1 ? QStringLiteral("1") : QStringLiteral("0");
        return rule;
    }

    DeviceProfile::Rules rules(const QJsonValue &value, const QString &path)
    {
        DeviceProfile::Rules list;
        const QJsonArray items = array(value, path, true);
        if (!failed() && items.isEmpty())
            fail(path, QStringLiteral("needs at least one rule"));
        for (qsizetype i = 0; i < items.size() && !failed(); ++i)
            list.append(rule(items.at(i), index(path, i)));
        return list;
    }

    QList<DeviceProfile::Answer> answers(const QJsonValue &value, const QString &path)
    {
        QList<DeviceProfile::Answer> list;
        const QJsonArray items = array(value, path, false);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString itemPath = index(path, i);
            const QJsonObject o = object(items.at(i), itemPath);
            checkKeys(o, itemPath, {QStringLiteral("pattern"), QStringLiteral("answer")});
            DeviceProfile::Answer answer;
            answer.pattern =
                regex(o.value(QLatin1StringView("pattern")), join(itemPath, QStringLiteral("pattern")));
            const QJsonValue text = o.value(QLatin1StringView("answer"));
            if (!text.isString())
                fail(join(itemPath, QStringLiteral("answer")), QStringLiteral("required string"));
            answer.answer = text.toString();
            QString why;
            if (!failed() && !ReadOnlyGuard::isAllowedAnswer(answer.pattern.pattern(), answer.answer, &why))
                fail(join(itemPath, QStringLiteral("answer")),
                     QStringLiteral("refused by the read-only guard: %1").arg(why));
            list.append(answer);
        }
        return list;
    }

    QString guardedCommand(const QJsonValue &value, const QString &path, bool required)
    {
        const QString command = string(value, path, required);
        QString why;
        if (!failed() && !command.isEmpty() && !ReadOnlyGuard::isAllowed(command, &why))
            fail(path, QStringLiteral("refused by the read-only guard: %1").arg(why));
        return command;
    }

    DeviceProfile::Session session(const QJsonValue &value, const QString &path)
    {
        DeviceProfile::Session s;
        const QJsonObject o = object(value, path);
        checkKeys(o, path,
                  {QStringLiteral("line_ending"), QStringLiteral("prompt"),
                   QStringLiteral("privileged_prompt"), QStringLiteral("enable"),
                   QStringLiteral("paging_off"), QStringLiteral("pagers"), QStringLiteral("banners"),
                   QStringLiteral("login"), QStringLiteral("errors"), QStringLiteral("exit_command"),
                   QStringLiteral("first_command_may_be_dropped"), QStringLiteral("wrap_columns"),
                   QStringLiteral("encodings")});
        const QString lineEndingPath = join(path, QStringLiteral("line_ending"));
        s.lineEnding = string(o.value(QLatin1StringView("line_ending")), lineEndingPath, true);
        if (!failed() && s.lineEnding != QLatin1StringView("\n") && s.lineEnding != QLatin1StringView("\r") &&
            s.lineEnding != QLatin1StringView("\r\n"))
            fail(lineEndingPath, QStringLiteral("must be \"\\n\", \"\\r\" or \"\\r\\n\""));
        s.prompt = regex(o.value(QLatin1StringView("prompt")), join(path, QStringLiteral("prompt")));
        s.privilegedPrompt = optionalRegex(o.value(QLatin1StringView("privileged_prompt")),
                                           join(path, QStringLiteral("privileged_prompt")));
        const QJsonValue enable = o.value(QLatin1StringView("enable"));
        if (!enable.isUndefined() && !enable.isNull()) {
            const QString enablePath = join(path, QStringLiteral("enable"));
            const QJsonObject e = object(enable, enablePath);
            checkKeys(e, enablePath, {QStringLiteral("command"), QStringLiteral("password_prompt")});
            DeviceProfile::Enable step;
            step.command = guardedCommand(e.value(QLatin1StringView("command")),
                                          join(enablePath, QStringLiteral("command")), true);
            step.passwordPrompt = regex(e.value(QLatin1StringView("password_prompt")),
                                        join(enablePath, QStringLiteral("password_prompt")));
            s.enable = step;
        }
        const QString pagingPath = join(path, QStringLiteral("paging_off"));
        const QJsonArray paging = array(o.value(QLatin1StringView("paging_off")), pagingPath, false);
        for (qsizetype i = 0; i < paging.size(); ++i)
            s.pagingOff.append(guardedCommand(paging.at(i), index(pagingPath, i), true));
        s.pagers = answers(o.value(QLatin1StringView("pagers")), join(path, QStringLiteral("pagers")));
        s.banners = answers(o.value(QLatin1StringView("banners")), join(path, QStringLiteral("banners")));
        const QJsonValue login = o.value(QLatin1StringView("login"));
        const QString loginPath = join(path, QStringLiteral("login"));
        if (!login.isUndefined() && !login.isNull()) {
            const QJsonObject l = object(login, loginPath);
            checkKeys(l, loginPath, {QStringLiteral("username_prompt"), QStringLiteral("password_prompt")});
            s.login.usernamePrompt = optionalRegex(l.value(QLatin1StringView("username_prompt")),
                                                   join(loginPath, QStringLiteral("username_prompt")));
            s.login.passwordPrompt = regex(l.value(QLatin1StringView("password_prompt")),
                                           join(loginPath, QStringLiteral("password_prompt")));
        } else {
            s.login.usernamePrompt = optionalRegex({}, {});
            s.login.passwordPrompt = optionalRegex({}, {});
        }
        const QString errorsPath = join(path, QStringLiteral("errors"));
        const QJsonArray errors = array(o.value(QLatin1StringView("errors")), errorsPath, false);
        for (qsizetype i = 0; i < errors.size(); ++i)
            s.errors.append(regex(errors.at(i), index(errorsPath, i)));
        if (o.contains(QLatin1StringView("exit_command")))
            s.exitCommand = guardedCommand(o.value(QLatin1StringView("exit_command")),
                                           join(path, QStringLiteral("exit_command")), true);
        s.firstCommandMayBeDropped =
            boolean(o.value(QLatin1StringView("first_command_may_be_dropped")),
                    join(path, QStringLiteral("first_command_may_be_dropped")), false);
        s.wrapColumns = integer(o.value(QLatin1StringView("wrap_columns")),
                                join(path, QStringLiteral("wrap_columns")), 0, 0, 1000);
        if (!failed() && s.wrapColumns != 0 && s.wrapColumns < 20)
            fail(join(path, QStringLiteral("wrap_columns")),
                 QStringLiteral("must be 0 (no wrapping) or at least 20"));
        s.encodings =
            strings(o.value(QLatin1StringView("encodings")), join(path, QStringLiteral("encodings")));
        return s;
    }

private:
    QString m_source;
    std::optional<fs::Error> m_error;
};

} // namespace

const QStringList &DeviceProfile::fieldNames()
{
    static const QStringList names = {QStringLiteral("vendor"),   QStringLiteral("model"),
                                      QStringLiteral("version"),  QStringLiteral("serial"),
                                      QStringLiteral("hostname"), QStringLiteral("uptime")};
    return names;
}

QString DeviceProfile::commandText(const QString &commandId) const
{
    for (const Command &c : commands) {
        if (c.id == commandId)
            return c.command;
    }
    return {};
}

fs::Result<DeviceProfile> DeviceProfile::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fs::fail(fs::ErrorCode::InvalidData, QStringLiteral("%1: not JSON: %2 at offset %3")
                                                        .arg(sourceName, parseError.errorString())
                                                        .arg(parseError.offset));
    if (!document.isObject())
        return fs::fail(fs::ErrorCode::InvalidData,
                        QStringLiteral("%1: a profile is a JSON object").arg(sourceName));

    Reader r(sourceName);
    const QJsonObject o = document.object();
    DeviceProfile p;
    p.sourceName = sourceName;
    r.checkKeys(o, {},
                {QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("name"),
                 QStringLiteral("vendor"), QStringLiteral("platforms"), QStringLiteral("notes"),
                 QStringLiteral("detect"), QStringLiteral("session"), QStringLiteral("commands"),
                 QStringLiteral("fields"), QStringLiteral("facts")});
    const int format = r.integer(o.value(QLatin1StringView("format")), QStringLiteral("format"), 0, 0, 1000);
    if (!r.failed() && format != kFormatVersion)
        r.fail(QStringLiteral("format"), QStringLiteral("must be %1").arg(kFormatVersion));
    p.id = r.string(o.value(QLatin1StringView("id")), QStringLiteral("id"), true);
    if (!r.failed() && !identifierPattern().match(p.id).hasMatch())
        r.fail(QStringLiteral("id"), QStringLiteral("only a-z, 0-9 and _"));
    p.name = r.string(o.value(QLatin1StringView("name")), QStringLiteral("name"), true);
    p.vendor = r.string(o.value(QLatin1StringView("vendor")), QStringLiteral("vendor"), true);
    p.platforms = r.strings(o.value(QLatin1StringView("platforms")), QStringLiteral("platforms"));
    p.notes = r.string(o.value(QLatin1StringView("notes")), QStringLiteral("notes"), false);

    const QJsonArray detect = r.array(o.value(QLatin1StringView("detect")), QStringLiteral("detect"), true);
    if (!r.failed() && detect.isEmpty())
        r.fail(QStringLiteral("detect"), QStringLiteral("needs at least one pattern"));
    for (qsizetype i = 0; i < detect.size() && !r.failed(); ++i) {
        const QString path = Reader::index(QStringLiteral("detect"), i);
        const QJsonObject d = r.object(detect.at(i), path);
        r.checkKeys(d, path, {QStringLiteral("regex"), QStringLiteral("weight"), QStringLiteral("flags")});
        const QStringList flags =
            r.strings(d.value(QLatin1StringView("flags")), Reader::join(path, QStringLiteral("flags")));
        DetectPattern pattern;
        pattern.regex =
            r.regex(d.value(QLatin1StringView("regex")), Reader::join(path, QStringLiteral("regex")), flags,
                    Reader::join(path, QStringLiteral("flags")));
        pattern.weight = r.integer(d.value(QLatin1StringView("weight")),
                                   Reader::join(path, QStringLiteral("weight")), 1, 1, 100);
        p.detect.append(pattern);
    }

    if (!r.failed())
        p.session = r.session(o.value(QLatin1StringView("session")), QStringLiteral("session"));

    const QJsonArray commands =
        r.array(o.value(QLatin1StringView("commands")), QStringLiteral("commands"), true);
    if (!r.failed() && commands.isEmpty())
        r.fail(QStringLiteral("commands"), QStringLiteral("needs at least one command"));
    for (qsizetype i = 0; i < commands.size() && !r.failed(); ++i) {
        const QString path = Reader::index(QStringLiteral("commands"), i);
        const QJsonObject c = r.object(commands.at(i), path);
        r.checkKeys(c, path,
                    {QStringLiteral("id"), QStringLiteral("command"), QStringLiteral("optional"),
                     QStringLiteral("privileged")});
        Command command;
        command.id =
            r.string(c.value(QLatin1StringView("id")), Reader::join(path, QStringLiteral("id")), true);
        if (!r.failed() && !identifierPattern().match(command.id).hasMatch())
            r.fail(Reader::join(path, QStringLiteral("id")), QStringLiteral("only a-z, 0-9 and _"));
        if (!r.failed() && !p.commandText(command.id).isEmpty())
            r.fail(Reader::join(path, QStringLiteral("id")),
                   QStringLiteral("'%1' is listed twice").arg(command.id));
        command.command = r.guardedCommand(c.value(QLatin1StringView("command")),
                                           Reader::join(path, QStringLiteral("command")), true);
        command.optional = r.boolean(c.value(QLatin1StringView("optional")),
                                     Reader::join(path, QStringLiteral("optional")), false);
        command.privileged = r.boolean(c.value(QLatin1StringView("privileged")),
                                       Reader::join(path, QStringLiteral("privileged")), false);
        p.commands.append(command);
    }
    if (!r.failed()) {
        for (const Command &c : std::as_const(p.commands)) {
            if (c.privileged && !p.session.enable)
                r.fail(QStringLiteral("commands"),
                       QStringLiteral("'%1' is privileged but the session has no enable step").arg(c.id));
        }
    }

    const QJsonObject fields =
        r.failed() ? QJsonObject() : r.object(o.value(QLatin1StringView("fields")), QStringLiteral("fields"));
    for (auto it = fields.begin(); it != fields.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        const QString path = Reader::join(QStringLiteral("fields"), it.key());
        if (!fieldNames().contains(it.key())) {
            r.fail(path, QStringLiteral("unknown field (allowed: %1)").arg(fieldNames().join(u", ")));
            break;
        }
        p.fields.insert(it.key(), r.rules(it.value(), path));
    }
    for (const char *required : {"model", "version"}) {
        if (!r.failed() && !p.fields.contains(QLatin1StringView(required)))
            r.fail(Reader::join(QStringLiteral("fields"), QLatin1StringView(required)),
                   QStringLiteral("required"));
    }

    const QJsonValue factsValue = o.value(QLatin1StringView("facts"));
    const QJsonObject facts = r.failed() || factsValue.isUndefined()
                                  ? QJsonObject()
                                  : r.object(factsValue, QStringLiteral("facts"));
    for (auto it = facts.begin(); it != facts.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        const QString path = Reader::join(QStringLiteral("facts"), it.key());
        if (!identifierPattern().match(it.key()).hasMatch()) {
            r.fail(path, QStringLiteral("fact names use only a-z, 0-9 and _"));
            break;
        }
        p.facts.insert(it.key(), r.rules(it.value(), path));
    }

    if (r.failed())
        return tl::unexpected(r.error());

    // A rule's command may name a command id; store the text the session sends.
    auto resolve = [&p](QMap<QString, Rules> &map) {
        for (Rules &list : map) {
            for (Rule &rule : list) {
                const QString text = p.commandText(rule.command);
                if (!text.isEmpty())
                    rule.command = text;
            }
        }
    };
    resolve(p.fields);
    resolve(p.facts);
    return p;
}

} // namespace fs::collect
