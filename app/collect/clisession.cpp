#include "clisession.h"

#include "deviceoutput.h"
#include "deviceprofile.h"
#include "logging.h"
#include "readonlyguard.h"
#include "secretredactor.h"
#include "transport.h"

#include <QElapsedTimer>

#include <algorithm>

namespace fs::collect {

namespace {

constexpr int kReadSliceMs = 200;      // how often a waiting session looks at the Stop button
constexpr int kWakeAfterMs = 2000;     // a silent console gets one Enter to show its prompt
constexpr qsizetype kTailBytes = 2048; // prompts and pagers are looked for at the end only

// What devices print for a command they do not have.
const QRegularExpression kUnknownCommand(
    QStringLiteral("% ?Invalid input|% ?Unknown command|Unknown action|Invalid command|command not found|"
                   "Unrecognized command|Incomplete command|Error: Unrecognized|Syntax error|"
                   "Invalid parameter|not found\\.?$"),
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);

QString lastLine(const QString &text)
{
    const qsizetype newline = text.lastIndexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.mid(newline + 1);
}

} // namespace

SessionRules SessionRules::fromProfile(const DeviceProfile &profile)
{
    const auto &session = profile.session;
    SessionRules rules;
    rules.prompt = session.prompt;
    rules.privilegedPrompt = session.privilegedPrompt;
    if (session.enable) {
        rules.enableCommand = session.enable->command;
        rules.enablePasswordPrompt = session.enable->passwordPrompt;
    }
    rules.usernamePrompt = session.login.usernamePrompt;
    rules.passwordPrompt = session.login.passwordPrompt;
    for (const auto &pager : session.pagers)
        rules.pagers.append(Answer{pager.pattern, pager.answer.toUtf8(), false});
    for (const auto &banner : session.banners)
        rules.banners.append(Answer{banner.pattern, banner.answer.toUtf8(), false});
    rules.pagingOff = session.pagingOff;
    for (const auto &command : profile.commands)
        rules.commands.append(Command{command.id, command.command, command.optional, command.privileged});
    rules.errors = session.errors;
    rules.exitCommand = session.exitCommand;
    rules.lineEnding = session.lineEnding.toUtf8();
    rules.firstCommandMayBeDropped = session.firstCommandMayBeDropped;
    rules.encodings = session.encodings;
    rules.wrapColumns = session.wrapColumns;
    return rules;
}

CliSession::CliSession(Transport &transport, SessionRules rules, SessionOptions options,
                       const Cancellation *cancellation)
    : m_transport(transport)
    , m_rules(std::move(rules))
    , m_options(std::move(options))
    , m_cancellation(cancellation)
{
}

QString CliSession::tailText(const QByteArray &bytes) const
{
    const QByteArray tail = bytes.right(kTailBytes);
    return DeviceOutput::decode(tail, m_rules.encodings).text;
}

QString CliSession::redact(QString text) const
{
    text = SecretRedactor::redact(text);
    for (const Secret *secret : {&m_options.password, &m_options.enablePassword}) {
        if (secret->isEmpty())
            continue;
        QString plain = QString::fromUtf8(secret->reveal(), secret->size());
        text.replace(plain, QStringLiteral("********"));
        wipe(plain);
    }
    return text;
}

void CliSession::record(const QByteArray &bytes)
{
    m_session.append(bytes);
    m_live.append(bytes);
    showLive(false);
}

void CliSession::showLive(bool flush)
{
    if (!m_observer) {
        m_live.clear();
        return;
    }
    const qsizetype end = flush ? m_live.size() : m_live.lastIndexOf('\n') + 1;
    if (end <= 0)
        return;
    QString text = redact(DeviceOutput::decode(m_live.left(end), m_rules.encodings).text);
    m_live.remove(0, end);
    if (!text.isEmpty())
        m_observer(text);
}

fs::Result<void> CliSession::send(const QByteArray &bytes, bool secret)
{
    if (!secret)
        qCDebug(lcSsh) << "send" << m_transport.peer() << bytes.trimmed();
    return m_transport.write(bytes);
}

fs::Result<QByteArray> CliSession::waitFor(Wait what, int timeoutMs, bool answerLogin)
{
    QByteArray buffer;
    QElapsedTimer total;
    QElapsedTimer idle;
    total.start();
    idle.start();
    bool wokeUp = false;
    QList<bool> bannerAnswered(m_rules.banners.size(), false);
    bool userSent = false;
    bool passwordSent = false;
    for (;;) {
        if (m_cancellation && m_cancellation->isCancelled())
            return fs::fail(fs::ErrorCode::Cancelled, QStringLiteral("%1: stopped").arg(m_transport.peer()));
        if (total.elapsed() > timeoutMs || idle.elapsed() > m_options.idleTimeoutMs) {
            const QString seen = lastLine(tailText(buffer)).trimmed();
            return fs::fail(fs::ErrorCode::Timeout,
                            QStringLiteral("%1: no prompt after %2 s%3")
                                .arg(m_transport.peer())
                                .arg(total.elapsed() / 1000)
                                .arg(seen.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (last line: «%1»)").arg(seen.left(80))));
        }
        auto chunk = m_transport.read(kReadSliceMs);
        if (!chunk)
            return tl::unexpected(chunk.error());
        if (chunk->isEmpty()) {
            if (answerLogin && !wokeUp && buffer.isEmpty() && idle.elapsed() > kWakeAfterMs) {
                wokeUp = true;
                if (auto s = send(m_rules.lineEnding); !s)
                    return tl::unexpected(s.error());
            }
            continue;
        }
        idle.restart();
        m_received += chunk->size();
        if (m_received > m_options.maxBytes)
            return fs::fail(fs::ErrorCode::InvalidData,
                            QStringLiteral("%1 sent more than %2 MiB; the session was cut off")
                                .arg(m_transport.peer())
                                .arg(m_options.maxBytes / (1024 * 1024)));
        record(*chunk);
        buffer.append(*chunk);

        const QString line = lastLine(tailText(buffer));
        bool answered = false;
        for (const auto &pager : std::as_const(m_rules.pagers)) {
            const auto match = pager.pattern.match(line);
            if (!match.hasMatch())
                continue;
            // The pager's text is not part of the output.
            const QByteArray shown = match.captured(0).toUtf8();
            if (const qsizetype at = buffer.lastIndexOf(shown); at >= 0)
                buffer.remove(at, shown.size());
            if (auto s = send(pager.answer); !s)
                return tl::unexpected(s.error());
            answered = true;
            break;
        }
        if (answered)
            continue;
        for (int i = 0; i < m_rules.banners.size(); ++i) {
            const auto &banner = m_rules.banners[i];
            if (bannerAnswered[i] || !banner.pattern.match(line).hasMatch())
                continue;
            QString why;
            if (!ReadOnlyGuard::isAllowedAnswer(banner.pattern.pattern(), QString::fromUtf8(banner.answer),
                                                &why))
                return fs::fail(fs::ErrorCode::NotReadOnly, why);
            bannerAnswered[i] = true;
            if (auto s = send(banner.answer + (banner.withLineEnding ? m_rules.lineEnding : QByteArray()));
                !s)
                return tl::unexpected(s.error());
            answered = true;
        }
        if (answered)
            continue;
        if (answerLogin && m_rules.usernamePrompt.isValid() && !m_rules.usernamePrompt.pattern().isEmpty() &&
            m_rules.usernamePrompt.match(line).hasMatch()) {
            if (userSent || m_options.user.isEmpty())
                return fs::fail(fs::ErrorCode::AuthenticationFailed,
                                QStringLiteral("%1 asks for a user name again").arg(m_transport.peer()));
            userSent = true;
            if (auto s = send(m_options.user.toUtf8() + m_rules.lineEnding); !s)
                return tl::unexpected(s.error());
            continue;
        }
        if (answerLogin && !m_rules.passwordPrompt.pattern().isEmpty() &&
            m_rules.passwordPrompt.match(line).hasMatch()) {
            if (passwordSent || m_options.password.isEmpty())
                return fs::fail(fs::ErrorCode::AuthenticationFailed,
                                QStringLiteral("%1 refused the login").arg(m_transport.peer()));
            passwordSent = true;
            const QByteArray secret(m_options.password.reveal(), m_options.password.size());
            QByteArray bytes = secret + m_rules.lineEnding;
            auto s = send(bytes, true);
            wipe(bytes);
            if (!s)
                return tl::unexpected(s.error());
            continue;
        }
        if ((what == Wait::EnablePassword && m_rules.enablePasswordPrompt.match(line).hasMatch()) ||
            m_rules.prompt.match(line).hasMatch()) {
            showLive(true);
            return buffer;
        }
    }
}

fs::Result<QByteArray> CliSession::runCommand(const QString &command)
{
    QString why;
    if (!ReadOnlyGuard::isAllowed(command, &why))
        return fs::fail(fs::ErrorCode::NotReadOnly, why);
    if (auto s = send(command.toUtf8() + m_rules.lineEnding); !s)
        return tl::unexpected(s.error());
    auto buffer = waitFor(Wait::Prompt, m_options.commandTimeoutMs, false);
    if (!buffer)
        return buffer;
    QByteArray output = *buffer;
    // Drop the echoed command line and the closing prompt line.
    const qsizetype firstNewline = output.indexOf('\n');
    if (firstNewline >= 0 && output.left(firstNewline).contains(command.toUtf8()))
        output.remove(0, firstNewline + 1);
    const qsizetype lastNewline = output.lastIndexOf('\n');
    output = lastNewline >= 0 ? output.left(lastNewline + 1) : QByteArray();
    return output;
}

QString CliSession::transcript() const
{
    return redact(DeviceOutput::decode(m_session, m_rules.encodings, m_rules.wrapColumns).text);
}

fs::Result<SessionResult> CliSession::run()
{
    SessionResult result;
    if (auto o = m_transport.open(); !o)
        return tl::unexpected(o.error());
    auto outcome = [&]() -> fs::Result<void> {
        auto first = waitFor(Wait::Prompt, m_options.promptTimeoutMs, true);
        if (!first)
            return tl::unexpected(first.error());
        if (m_rules.firstCommandMayBeDropped) {
            // The device may swallow the first line after its banner: give it an empty one.
            if (auto s = send(m_rules.lineEnding); !s)
                return s;
            if (auto w = waitFor(Wait::Prompt, m_options.promptTimeoutMs, false); !w)
                return tl::unexpected(w.error());
        }
        QString prompt = lastLine(tailText(m_session));
        if (!m_rules.enableCommand.isEmpty() && !m_options.enablePassword.isEmpty() &&
            !m_rules.privilegedPrompt.match(prompt).hasMatch()) {
            QString why;
            if (!ReadOnlyGuard::isAllowed(m_rules.enableCommand, &why))
                return fs::fail(fs::ErrorCode::NotReadOnly, why);
            if (auto s = send(m_rules.enableCommand.toUtf8() + m_rules.lineEnding); !s)
                return s;
            auto asked = waitFor(Wait::EnablePassword, m_options.commandTimeoutMs, false);
            if (!asked)
                return tl::unexpected(asked.error());
            if (m_rules.enablePasswordPrompt.match(lastLine(tailText(*asked))).hasMatch()) {
                QByteArray bytes =
                    QByteArray(m_options.enablePassword.reveal(), m_options.enablePassword.size()) +
                    m_rules.lineEnding;
                auto s = send(bytes, true);
                wipe(bytes);
                if (!s)
                    return s;
                if (auto w = waitFor(Wait::Prompt, m_options.commandTimeoutMs, false); !w)
                    return tl::unexpected(w.error());
            }
            prompt = lastLine(tailText(m_session));
            if (!m_rules.privilegedPrompt.match(prompt).hasMatch())
                return fs::fail(fs::ErrorCode::AuthenticationFailed,
                                QStringLiteral("%1 refused the enable password").arg(m_transport.peer()));
        }
        result.privileged = !m_rules.privilegedPrompt.pattern().isEmpty() &&
                            m_rules.privilegedPrompt.match(prompt).hasMatch();
        // Session-only paging off; a device that does not know the command still pages, and the
        // pagers are answered.
        for (const QString &command : std::as_const(m_rules.pagingOff)) {
            if (auto r = runCommand(command); !r)
                return tl::unexpected(r.error());
        }
        for (const auto &command : std::as_const(m_rules.commands)) {
            if (command.privileged && !result.privileged) {
                result.missing.append(command.text);
                continue;
            }
            auto output = runCommand(command.text);
            if (!output)
                return tl::unexpected(output.error());
            const QString text = DeviceOutput::decode(*output, m_rules.encodings).text;
            const bool failed =
                std::any_of(m_rules.errors.cbegin(), m_rules.errors.cend(),
                            [&text](const QRegularExpression &e) { return e.match(text).hasMatch(); });
            if (text.trimmed().isEmpty() ||
                ((failed || kUnknownCommand.match(text).hasMatch()) && text.size() < 400)) {
                if (!command.optional)
                    qCInfo(lcSsh) << m_transport.peer() << "did not answer" << command.text;
                result.missing.append(command.text);
                continue;
            }
            result.outputs.insert(command.text, *output);
        }
        // Leave the device as it was: log out (on a console the session would stay open).
        if (m_rules.exitCommand.isEmpty() || !ReadOnlyGuard::isAllowed(m_rules.exitCommand))
            return {};
        if (auto s = send(m_rules.exitCommand.toUtf8() + m_rules.lineEnding); !s)
            qCDebug(lcSsh) << "exit not sent:" << describe(s.error());
        return {};
    }();
    // Whatever arrived until now is kept, also when the session failed (evidence of what happened).
    result.transcript = transcript();
    m_transport.close();
    if (!outcome)
        return tl::unexpected(outcome.error());
    return result;
}

} // namespace fs::collect
