#include "credentialcache.h"

#include "logging.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace fs::app {

using fs::model::Secret;

namespace {

const QString kService = QStringLiteral("FieldSurvey device logins");

// Runs a keychain job to its end (bounded); true when it succeeded.
bool run(QKeychain::Job &job)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    timeout.start(CredentialCache::kTimeoutMs);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (timeout.isActive() && job.error() == QKeychain::NoError)
        return true;
    if (job.error() != QKeychain::EntryNotFound)
        qCInfo(lcUi) << "keychain:" << (timeout.isActive() ? job.errorString() : QStringLiteral("no answer"));
    return false;
}

} // namespace

QString CredentialCache::account(const QString &method, const QString &user, const QString &peer)
{
    return QStringLiteral("%1 %2@%3").arg(method, user, peer);
}

fs::Result<void> CredentialCache::remember(const QString &account, const Secret &password, const QDate &today)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(account);
    // The day it is valid for, then the password (bytes only here, inside the keychain call).
    QByteArray value =
        today.toString(Qt::ISODate).toLatin1() + '\n' + QByteArray(password.reveal(), password.size());
    job.setBinaryData(value);
    fs::model::wipe(value);
    if (!run(job))
        return fs::fail(fs::ErrorCode::Io,
                        QStringLiteral("the keychain did not store the password: %1").arg(job.errorString()));
    return {};
}

std::optional<Secret> CredentialCache::recall(const QString &account, const QDate &today)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(account);
    if (!run(job))
        return std::nullopt;
    QByteArray value = job.binaryData();
    const qsizetype newline = value.indexOf('\n');
    const QDate day = QDate::fromString(QString::fromLatin1(value.left(newline)), Qt::ISODate);
    if (newline < 0 || day != today) {
        fs::model::wipe(value);
        forget(account); // yesterday's password does not stay in the keychain
        return std::nullopt;
    }
    QByteArray password = value.mid(newline + 1);
    fs::model::wipe(value);
    return Secret::fromUtf8(password);
}

void CredentialCache::forget(const QString &account)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(account);
    run(job);
}

} // namespace fs::app
