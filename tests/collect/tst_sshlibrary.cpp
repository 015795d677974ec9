#include "sshlibrary.h"

#include <QTest>

using namespace fs::collect;

class TestSshLibrary : public QObject
{
    Q_OBJECT

private slots:
    void initialisesAndReportsTheLinkedVersion()
    {
        const SshLibrary library;
        QVERIFY(library.isInitialised());
        // The version CMake found at configure time is the one that runs.
        const QString version = SshLibrary::version();
        QVERIFY2(
            version.startsWith(QStringLiteral(FS_LIBSSH_VERSION)),
            qPrintable(
                QStringLiteral("runtime %1, configured %2").arg(version, QStringLiteral(FS_LIBSSH_VERSION))));
    }
};

QTEST_GUILESS_MAIN(TestSshLibrary)
#include "tst_sshlibrary.moc"
