#include "demosurvey.h"
#include "surveystore.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace fs::model;

namespace {

constexpr int kCrashRounds = 60;
const char *const kInsideEnv = "FS_INSIDE_MOUNT_NAMESPACE";

QSet<QString> crashwriterValues(const QString &path)
{
    QSet<QString> values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT new_value FROM audit_log WHERE actor = 'crashwriter'"));
            while (q.next())
                values.insert(q.value(0).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    return values;
}

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

// Fills the file system holding directory until a write fails; returns the filler's path.
QString fillDisk(const QString &directory)
{
    const QString path = QDir(directory).filePath(QStringLiteral("filler.bin"));
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly))
        return {};
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    return path;
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private:
    // Runs one test function of this executable again inside a private mount namespace, where it
    // may mount a small tmpfs. Skips when the machine does not allow it.
    void runInsideMountNamespace(const char *function)
    {
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare (util-linux) is not installed");
        if (!run(unshare, {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                           QStringLiteral("private"), QStringLiteral("mount"), QStringLiteral("-t"),
                           QStringLiteral("tmpfs"), QStringLiteral("tmpfs"), QDir::tempPath()}))
            QSKIP("this machine does not allow mount namespaces with tmpfs (needs root)");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kInsideEnv), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(unshare,
                    {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                     QCoreApplication::applicationFilePath(), QString::fromLatin1(function)});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains(QByteArray(QByteArray("PASS   : TestDurability::") + function)),
                 output.constData());
    }

    // A small tmpfs of its own, for filling up or remounting read-only.
    QString mountTmpfs(const QTemporaryDir &dir, const QString &size)
    {
        QString output;
        if (!run(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir.path()},
                 &output))
            return QStringLiteral("mount failed: ") + output;
        return {};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A child process edits as fast as it can and is killed with SIGKILL at random moments.
    // Every edit it reported as committed must be in the file, and the file must stay sound.
    void everyReportedEditSurvivesSigkill()
    {
        if (qEnvironmentVariableIsSet(kInsideEnv))
            QSKIP("runs outside the mount namespace");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.fsv"));
        QVERIFY(DemoSurvey::createOrReplace(path).has_value());

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        long next = 0;
        int totalReported = 0;
        int roundsWithCommits = 0;
        for (int round = 0; round < kCrashRounds; ++round) {
            QProcess child;
            child.start(QStringLiteral(FS_CRASHWRITER), {path, QString::number(next)});
            QVERIFY(child.waitForStarted());
            // Odd rounds kill at any moment from the start (while it opens the file and takes its
            // lock, too); even rounds once it is writing, whose start-up time varies (under
            // sanitizers, a lot).
            QByteArray output;
            if (round % 2 == 0) {
                QElapsedTimer startup;
                startup.start();
                while (!output.contains("committed") && startup.elapsed() < 20000 &&
                       child.state() == QProcess::Running) {
                    child.waitForReadyRead(100);
                    output += child.readAllStandardOutput();
                }
                QThread::msleep(random.bounded(0, 200));
            } else {
                QThread::msleep(random.bounded(0, 250));
            }
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            output += child.readAllStandardOutput();
            const QString err = QString::fromLocal8Bit(child.readAllStandardError());
            QVERIFY2(!err.contains(QStringLiteral("crashwriter:")),
                     qPrintable(err)); // its own errors, not log lines

            QStringList reported;
            static const QRegularExpression committed(QStringLiteral("^committed (\\d+)$"),
                                                      QRegularExpression::MultilineOption);
            auto it = committed.globalMatch(QString::fromLatin1(output));
            while (it.hasNext())
                reported << QStringLiteral("edit ") + it.next().captured(1);
            totalReported += int(reported.size());
            roundsWithCommits += reported.isEmpty() ? 0 : 1;

            // The next editor takes over the dead process's lock and finds a sound file.
            auto store = SurveyStore::open(path);
            QVERIFY2(store.has_value(), qPrintable(store ? QString() : describe(store.error())));
            auto problems = (*store)->verify();
            QVERIFY(problems.has_value());
            QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
            store->reset();

            const QSet<QString> present = crashwriterValues(path);
            for (const QString &value : reported)
                QVERIFY2(present.contains(value),
                         qPrintable(QStringLiteral("round %1: %2 was reported committed "
                                                   "but is not in the file")
                                        .arg(round)
                                        .arg(value)));
            next += 1;
            for (const QString &value : present)
                next = std::max(next, value.mid(5).toLong() + 1);
        }
        qInfo("%d edits reported committed over %d kills (%d rounds killed after at least one commit)",
              totalReported, kCrashRounds, roundsWithCommits);
        QVERIFY2(roundsWithCommits >= kCrashRounds / 2,
                 "too few kills happened after commits to test anything");
    }

    void diskFullLosesNothing()
    {
        if (!qEnvironmentVariableIsSet(kInsideEnv))
            return runInsideMountNamespace("diskFullLosesNothing");
        QTemporaryDir dir;
        const QString mounted = mountTmpfs(dir, QStringLiteral("3m"));
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        const QString path = dir.filePath(QStringLiteral("full.fsv"));
        QVERIFY(DemoSurvey::createOrReplace(path).has_value());
        auto store = SurveyStore::open(path);
        QVERIFY(store.has_value());
        auto note = (*store)->resolvePath(QStringLiteral("line.CAF0001.note"));
        QVERIFY(note.has_value());
        QVERIFY((*store)
                    ->applyChanges({FieldChange{*note, QStringLiteral("before the disk filled up")}})
                    .has_value());

        const QString filler = fillDisk(dir.path());
        QVERIFY(!filler.isEmpty());
        // Edits that need new pages now fail, each with a clear code, and change nothing.
        QString lastSaved = QStringLiteral("before the disk filled up");
        fs::Result<QList<AppliedChange>> result = QList<AppliedChange>();
        for (int i = 0; i < 200 && result; ++i) {
            const QString value = QStringLiteral("%1: ").arg(i) + QString(20000, QLatin1Char('x'));
            result = (*store)->applyChanges({FieldChange{*note, value}});
            if (result)
                lastSaved = value;
        }
        QVERIFY2(!result.has_value(), "the disk never filled up");
        QCOMPARE(result.error().code, fs::ErrorCode::DiskFull);
        QCOMPARE((*store)->fieldValue(*note)->toString(), lastSaved);

        // A photo does not fit either, and leaves nothing behind.
        QImage image(256, 256, QImage::Format_RGB32);
        image.fill(Qt::blue);
        const QString photoFile = QDir::temp().filePath(
            QStringLiteral("fs-durability-%1.png").arg(QCoreApplication::applicationPid()));
        QVERIFY(image.save(photoFile));
        auto photo = (*store)->addPhoto(photoFile);
        QFile::remove(photoFile);
        QVERIFY(!photo.has_value());
        QCOMPARE(photo.error().code, fs::ErrorCode::DiskFull);
        QVERIFY((*store)->photos()->isEmpty());

        // Space is freed: the survey is intact and editing goes on.
        QVERIFY(QFile::remove(filler));
        auto problems = (*store)->verify();
        QVERIFY(problems.has_value());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
        QCOMPARE((*store)->fieldValue(*note)->toString(), lastSaved);
        QVERIFY((*store)->applyChanges({FieldChange{*note, QStringLiteral("after")}}).has_value());
        store->reset();
        run(QStringLiteral("umount"), {dir.path()});
    }

    void readOnlyMediaOpenForReviewOnly()
    {
        if (!qEnvironmentVariableIsSet(kInsideEnv))
            return runInsideMountNamespace("readOnlyMediaOpenForReviewOnly");
        QTemporaryDir dir;
        const QString mounted = mountTmpfs(dir, QStringLiteral("8m"));
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        const QString path = dir.filePath(QStringLiteral("stick.fsv"));
        const QString package = dir.filePath(QStringLiteral("package.fsv"));
        {
            auto store = DemoSurvey::createOrReplace(path);
            QVERIFY(store.has_value());
            QVERIFY((*store)->exportPackage(package).has_value());
        }
        QString output;
        QVERIFY2(run(QStringLiteral("mount"),
                     {QStringLiteral("-o"), QStringLiteral("remount,ro"), dir.path()}, &output),
                 qPrintable(output));

        auto editing = SurveyStore::open(path);
        QVERIFY(!editing.has_value());
        QCOMPARE(editing.error().code, fs::ErrorCode::ReadOnlyMedia);

        for (const QString &file : {path, package}) {
            auto review = SurveyStore::open(file, SurveyStore::OpenMode::ReadOnly);
            QVERIFY2(review.has_value(), qPrintable(review ? QString() : describe(review.error())));
            QCOMPARE((*review)->hospital()->name, QStringLiteral("さぬき中央病院"));
            QVERIFY((*review)->verify()->isEmpty());
        }
        run(QStringLiteral("umount"), {dir.path()});
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
