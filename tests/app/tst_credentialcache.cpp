// "Remember for today" against a real keychain: gnome-keyring's Secret Service on a private D-Bus
// session bus, through QtKeychain.
#include "credentialcache.h"
#include "secretservice.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QTest>

using fs::app::CredentialCache;
using fs::model::Secret;

namespace {

Secret secret(const char *text)
{
    QByteArray bytes(text);
    return Secret::fromUtf8(bytes);
}

QByteArray bytesOf(const Secret &s)
{
    return QByteArray(s.reveal(), s.size());
}

} // namespace

class TestCredentialCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); }
    void cleanupTestCase() { m_keychain.stop(); }

    void remembersForTheDayOnly()
    {
        const QDate today(2026, 11, 24);
        const QString account = CredentialCache::account(QStringLiteral("ssh"), QStringLiteral("admin"),
                                                         QStringLiteral("192.168.1.1:22"));
        QCOMPARE(account, QStringLiteral("ssh admin@192.168.1.1:22"));
        QVERIFY(!CredentialCache::recall(account, today));
        QVERIFY(CredentialCache::remember(account, secret("Rtx-Adm1n!"), today));
        auto recalled = CredentialCache::recall(account, today);
        QVERIFY(recalled);
        QCOMPARE(bytesOf(*recalled), QByteArray("Rtx-Adm1n!"));
        // Another login is another entry.
        QVERIFY(
            !CredentialCache::recall(CredentialCache::account(QStringLiteral("ssh"), QStringLiteral("admin"),
                                                              QStringLiteral("192.168.1.2:22")),
                                     today));
        // The next day it is gone — and deleted, not just ignored.
        QVERIFY(!CredentialCache::recall(account, today.addDays(1)));
        QVERIFY(!CredentialCache::recall(account, today));
    }

    void forgetRemovesIt()
    {
        const QDate today = QDate::currentDate();
        const QString account = CredentialCache::account(QStringLiteral("serial"), QStringLiteral("admin"),
                                                         QStringLiteral("/dev/ttyUSB0"));
        QVERIFY(CredentialCache::remember(account, secret("c0nsole"), today));
        QVERIFY(CredentialCache::recall(account, today));
        CredentialCache::forget(account);
        QVERIFY(!CredentialCache::recall(account, today));
    }

    void notInPlainTextOnDisk()
    {
        const QDate today = QDate::currentDate();
        QVERIFY(
            CredentialCache::remember(QStringLiteral("ssh probe@h:22"), secret("Plaintext-Probe-42"), today));
        QDirIterator files(m_keychain.home(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int seen = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++seen;
            QVERIFY2(!file.readAll().contains("Plaintext-Probe-42"), qPrintable(file.fileName()));
        }
        QVERIFY(seen > 0); // the keyring file is there, encrypted
    }

private:
    fs::test::SecretService m_keychain;
};

QTEST_GUILESS_MAIN(TestCredentialCache)
#include "tst_credentialcache.moc"
