#pragma once

#include "error.h"
#include "secret.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>

namespace fs::collect {

class Cancellation;
class Transport;
struct DeviceProfile;

// How to talk to one kind of device's command line: what its prompts look like, how it pages and
// what it must be answered. Taken from a vendor profile (SessionRules::fromProfile).
struct SessionRules
{
    struct Answer
    {
        QRegularExpression pattern; // matched against the end of what the device printed
        QByteArray answer;          // sent as is (a pager's space) or with the line ending (a word)
        bool withLineEnding = false;
    };
    struct Command
    {
        QString id;
        QString text;
        bool optional = false;   // a device that does not know it is no failure
        bool privileged = false; // needs the enable step; skipped without it
    };

    QRegularExpression prompt;           // the last line is a prompt: the device waits for a command
    QRegularExpression privilegedPrompt; // the prompt in privileged (enable) mode
    QString enableCommand;               // empty when the device has no enable step
    QRegularExpression enablePasswordPrompt;
    QRegularExpression usernamePrompt; // console login
    QRegularExpression passwordPrompt;
    QList<Answer> pagers;  // --More-- and its kin: answered with a space, never paging-off config
    QList<Answer> banners; // disclaimers: answered only as the profile says
    QStringList pagingOff; // session-only commands (terminal length 0), checked by ReadOnlyGuard
    QList<Command> commands;
    QByteArray lineEnding = "\n";     // Yamaha RTX: "\r"
    QList<QRegularExpression> errors; // a line saying the command failed (unknown command, …)
    QString exitCommand = QStringLiteral("exit");
    bool firstCommandMayBeDropped = false;
    QStringList encodings; // besides UTF-8: Shift_JIS, EUC-JP
    int wrapColumns = 0;

    [[nodiscard]] static SessionRules fromProfile(const DeviceProfile &profile);
};

struct SessionOptions
{
    QString user; // console login
    Secret password;
    Secret enablePassword;
    int promptTimeoutMs = 20000;           // for the first prompt (login, banners)
    int commandTimeoutMs = 60000;          // for one command's whole output
    int idleTimeoutMs = 20000;             // no byte at all for this long: the device went silent
    qsizetype maxBytes = 16 * 1024 * 1024; // the whole session; a flooding device is cut off
};

struct SessionResult
{
    QMap<QString, QByteArray> outputs; // by command text: what the device printed for it
    QStringList missing;               // optional commands the device did not know
    QString transcript;                // the whole session as text, secrets removed
    bool privileged = false;
};

// Drives one read-only session: waits for the prompt (answering banners and a console login),
// enters enable mode when a password is given, turns paging off only with session-only commands,
// runs the profile's commands answering pagers, and keeps the transcript. Runs synchronously on a
// worker thread; cancel() from any thread stops it within about 200 ms. Nothing is sent that
// ReadOnlyGuard refuses.
class CliSession
{
public:
    CliSession(Transport &transport, SessionRules rules, SessionOptions options,
               const Cancellation *cancellation = nullptr);

    // Called with every chunk as it arrives (for a live console view), secrets already removed.
    void setDataObserver(std::function<void(const QString &)> observer) { m_observer = std::move(observer); }

    [[nodiscard]] fs::Result<SessionResult> run();
    // The session so far as text, secrets removed: kept as evidence also when run() failed.
    [[nodiscard]] QString transcript() const;

private:
    enum class Wait
    {
        Prompt,
        EnablePassword
    };
    [[nodiscard]] fs::Result<QByteArray> waitFor(Wait what, int timeoutMs, bool answerLogin);
    [[nodiscard]] fs::Result<QByteArray> runCommand(const QString &command);
    [[nodiscard]] fs::Result<void> send(const QByteArray &bytes, bool secret = false);
    [[nodiscard]] QString tailText(const QByteArray &bytes) const;
    [[nodiscard]] QString redact(QString text) const;
    void record(const QByteArray &bytes);
    // Passes the complete lines received so far to the observer (a secret is recognised only on a
    // whole line); flush also the incomplete last line (a prompt).
    void showLive(bool flush);

    Transport &m_transport;
    SessionRules m_rules;
    SessionOptions m_options;
    const Cancellation *m_cancellation;
    std::function<void(const QString &)> m_observer;
    QByteArray m_session; // everything received (what is sent is echoed by the device)
    QByteArray m_live;    // received, not yet shown to the observer
    qsizetype m_received = 0;
};

} // namespace fs::collect
