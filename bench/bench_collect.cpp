// Collecting from 10 devices at once, against 10 sequential runs of the OpenSSH client doing the
// same commands, both against the same sshd and device emulator, in the same run.
// Target (issue 6): the concurrent collection takes at most half the time of the sequential runs.
#include "devicecollector.h"
#include "profileset.h"
#include "sshtestserver.h"
#include "sshtransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <atomic>
#include <thread>
#include <vector>

using namespace fs::collect;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int kDevices = 10;

    fs::test::OpenSshServer server({{QStringLiteral("cisco"), {}}, false});
    if (!server.start()) {
        out << "cannot start sshd: " << server.diagnostics() << Qt::endl;
        return 1;
    }
    auto profiles = ProfileSet::builtIn();
    if (!profiles) {
        out << "profiles: " << fs::describe(profiles.error()) << Qt::endl;
        return 1;
    }
    const DeviceProfile &profile = *profiles->profile(QStringLiteral("cisco_ios"));
    const DeviceCollector collector(*profiles);
    QStringList commands = profile.session.pagingOff;
    for (const auto &command : profile.commands) {
        if (!command.privileged) // no enable password here: FieldSurvey skips these too
            commands << command.command;
    }
    const QString fingerprint = server.hostKeyFingerprintSha256();

    // FieldSurvey: kDevices sessions at once.
    std::atomic<int> identified{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int i = 0; i < kDevices; ++i) {
        workers.emplace_back([&] {
            SshOptions options;
            options.host = server.host();
            options.port = server.port();
            options.user = server.userName();
            options.privateKeyPath = server.clientPrivateKeyPath();
            SshTransport transport(std::move(options),
                                   [&fingerprint](const HostKeyInfo &key) -> fs::Result<void> {
                                       if (key.fingerprint != fingerprint)
                                           return fs::fail(fs::ErrorCode::HostKeyChanged, key.fingerprint);
                                       return {};
                                   });
            const auto outcome =
                collector.collect(transport, {{}, QStringLiteral("cisco_ios"), {}}, SessionOptions());
            if (!outcome.error && outcome.facts.identified())
                ++identified;
        });
    }
    for (auto &worker : workers)
        worker.join();
    const qint64 concurrentMs = timer.elapsed();

    // OpenSSH: the same commands, one device after the other.
    QByteArray script;
    for (const QString &command : commands)
        script += command.toUtf8() + '\n';
    script += "exit\n";
    int sequentialOk = 0;
    timer.restart();
    for (int i = 0; i < kDevices; ++i) {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  {QStringLiteral("-tt"), QStringLiteral("-p"), QString::number(server.port()),
                   QStringLiteral("-i"), server.clientPrivateKeyPath(), QStringLiteral("-o"),
                   QStringLiteral("StrictHostKeyChecking=no"), QStringLiteral("-o"),
                   QStringLiteral("UserKnownHostsFile=/dev/null"), QStringLiteral("-o"),
                   QStringLiteral("LogLevel=ERROR"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                   QStringLiteral("%1@%2").arg(server.userName(), server.host())});
        ssh.write(script);
        ssh.closeWriteChannel();
        if (ssh.waitForFinished(60000) && ssh.readAllStandardOutput().contains("12.2(54)SG1"))
            ++sequentialOk;
        else
            ssh.kill();
    }
    const qint64 sequentialMs = timer.elapsed();

    out << "bench_collect: " << kDevices
        << " devices (cisco emulator behind OpenSSH sshd on 127.0.0.1), commands: "
        << commands.join(QStringLiteral(", ")) << '\n'
        << "  FieldSurvey, " << kDevices << " sessions at once:      " << concurrentMs << " ms ("
        << identified.load() << "/" << kDevices << " identified)\n"
        << "  OpenSSH ssh, " << kDevices << " runs one after another: " << sequentialMs << " ms ("
        << sequentialOk << "/" << kDevices << " printed the version)\n"
        << "  ratio "
        << QString::number(double(concurrentMs) / double(std::max<qint64>(sequentialMs, 1)), 'f', 2)
        << " (target <= 0.50)" << Qt::endl;
    return identified.load() == kDevices && sequentialOk == kDevices ? 0 : 1;
}
