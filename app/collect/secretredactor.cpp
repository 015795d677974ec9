#include "secretredactor.h"

#include <QList>
#include <QRegularExpression>

namespace fs::collect {

namespace {

// Each pattern's "secret" group is masked. Written from the vendors' configuration syntax.
const QList<QRegularExpression> &patterns()
{
    static const QList<QRegularExpression> list = [] {
        // After the keyword: qualifiers (a type number, text / hex / ENC / cipher, …), then the
        // secret itself, possibly quoted; a qualifier word is never taken for the secret.
        const QString q = QStringLiteral(
            "(?:(?:\\d+|text|hex|enc|cipher|simple|irreversible-cipher|encrypted|hash|ascii-text|hexadecimal|"
            "local|remote)\\s+)*");
        const QString v = QStringLiteral(
            "\"?(?<secret>(?!(?:text|hex|enc|cipher|simple|irreversible-cipher|encrypted|hash|ascii-text|"
            "hexadecimal)\\b)[^\"\\s;]+)");
        const QStringList sources{
            // Yamaha RTX / NVR
            QStringLiteral("^\\s*pp auth (?:myname|username) \\S+ ") + v,
            QStringLiteral("^\\s*login user \\S+ ") + q + v,
            QStringLiteral("^\\s*l2tp tunnel auth on ") + v,
            // Cisco IOS / ASA / NX-OS, AlliedWare Plus, Huawei, Junos, Yamaha's login passwords
            QStringLiteral("\\b(?:password|passwd|passphrase|secret|psksecret|key-string|pre-shared-key|"
                           "authentication-key)\\b\\s+") +
                q + v,
            QStringLiteral("^\\s*crypto isakmp key ") + q + v,
            QStringLiteral("^\\s*snmp-server community ") + v,
            QStringLiteral("^\\s*snmp-agent community (?:read|write) ") + q + v,
            QStringLiteral("^\\s*(?:tacacs-server|radius-server)(?: host \\S+)? key ") + q + v,
            // FortiOS: set password / psksecret / passwd / … ENC <value>
            QStringLiteral("^\\s*set [\\w-]*(?:pass|secret|psk|key)[\\w-]*\\s+") + q + v,
            // key = value, key: value
            QStringLiteral("(?:password|passwd|passphrase|secret|psk|community)\\s*[:=]\\s*") + v,
        };
        QList<QRegularExpression> compiled;
        for (const QString &source : sources)
            compiled.append(QRegularExpression(source, QRegularExpression::CaseInsensitiveOption));
        return compiled;
    }();
    return list;
}

QString redactLine(QString line)
{
    for (const QRegularExpression &pattern : patterns()) {
        // Mask every occurrence; masking shortens nothing that a later match could depend on.
        qsizetype from = 0;
        for (int guard = 0; guard < 16; ++guard) {
            const auto match = pattern.match(line, from);
            if (!match.hasMatch())
                break;
            const qsizetype start = match.capturedStart(QStringLiteral("secret"));
            const qsizetype length = match.capturedLength(QStringLiteral("secret"));
            if (start < 0 || length <= 0)
                break;
            if (line.mid(start, length) != SecretRedactor::kMask)
                line.replace(start, length, SecretRedactor::kMask);
            from = start + SecretRedactor::kMask.size();
        }
    }
    return line;
}

} // namespace

QString SecretRedactor::redact(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.size() <= 4096) // a line that long is no configuration line; bound the work
            line = redactLine(line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fs::collect
