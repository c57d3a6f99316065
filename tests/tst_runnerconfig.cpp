#include "core/runner/boundedbuffer.h"
#include "core/runner/runnerconfig.h"
#include "core/runner/runoutputbuffer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

class TestRunnerConfig : public QObject {
    Q_OBJECT
private slots:
    void parsesTheDesignExample();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void missingFileNamesIt();
    void boundedBufferKeepsHeadAndTail();
    void runOutputBufferKeepsWholeLinesAndTheNewest();
    void refusesFilesOthersMayWrite_data();
    void refusesFilesOthersMayWrite();
    void refusesFilesOfAnotherUser();
    void followsSymbolicLinks();
    void cronctlSchedulerRefusesAnUnsafeFile();
    void saveKeepsTheFileOwnerOnly();

private:
    static QString writeFile(const QString &path, mode_t mode);
};

namespace {

const QByteArray minimalConfig = R"({"jobs": {"a": {"type": "command", "program": "/bin/true"}}})";

} // namespace

QString TestRunnerConfig::writeFile(const QString &path, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(minimalConfig) != minimalConfig.size())
        return {};
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0 ? path : QString();
}

void TestRunnerConfig::parsesTheDesignExample()
{
    const QByteArray json = R"({
      "runner_name": "batch-1",
      "max_poll_seconds": 30,
      "lease_seconds": 90,
      "jobs": {
        "sgp_sync_inteligente": { "type": "command", "program": "/usr/local/bin/sgp-sync",
                                  "args": ["--smart"], "timeout_seconds": 3600,
                                  "env": {"LANG": "C"}, "working_directory": "/tmp" },
        "limpar_logs": { "type": "sql", "sql": "DELETE FROM x", "timeout_seconds": 600 },
        "aquecer_cache": { "type": "http", "method": "post", "url": "https://example.invalid/warm",
                           "headers": {"X-Token": "t"}, "body": "{}", "timeout_seconds": 30 }
      }
    })";
    const auto config = RunnerConfig::parse(json, QStringLiteral("runner.json"));
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QCOMPARE(config->runnerName, QStringLiteral("batch-1"));
    QCOMPARE(config->maxPollSeconds, 30);
    QCOMPARE(config->leaseSeconds, 90);
    QCOMPARE(config->graceSeconds, 30);
    QCOMPARE(config->jobs.size(), 3);
    const ActionSpec command = config->jobs.value(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(command.type, ActionSpec::Type::Command);
    QCOMPARE(command.program, QStringLiteral("/usr/local/bin/sgp-sync"));
    QCOMPARE(command.args, QStringList{"--smart"});
    QCOMPARE(command.env.value(QStringLiteral("LANG")), QStringLiteral("C"));
    QCOMPARE(config->jobs.value(QStringLiteral("limpar_logs")).type, ActionSpec::Type::Sql);
    const ActionSpec http = config->jobs.value(QStringLiteral("aquecer_cache"));
    QCOMPARE(http.method, QStringLiteral("POST"));
    QCOMPARE(http.timeoutSeconds, 30);
    QCOMPARE(http.headers.value(QStringLiteral("X-Token")), QStringLiteral("t"));
}

void TestRunnerConfig::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{ jobs: ") << "runner.json: not valid JSON";
    QTest::newRow("array") << QByteArray("[]") << "runner.json: the top level must be";
    QTest::newRow("no jobs") << QByteArray("{}") << "runner.json: jobs: is required";
    QTest::newRow("typo key") << QByteArray(R"({"jobs": {}, "lease_secs": 5})")
                              << "runner.json: lease_secs: unknown key";
    QTest::newRow("NUL in a job name")
        << QByteArray(R"({"jobs": {"a\u0000b": {"type": "command", "program": "/bin/true"}}})")
        << "runner.json: jobs.a\\u0000b: is not a job name";
    QTest::newRow("lease too short") << QByteArray(R"({"jobs": {}, "lease_seconds": 1})")
                                     << "runner.json: lease_seconds: must be a whole number from 5";
    QTest::newRow("poll not a number") << QByteArray(R"({"jobs": {}, "max_poll_seconds": "60"})")
                                       << "runner.json: max_poll_seconds: must be a whole number";
    QTest::newRow("no type") << QByteArray(R"({"jobs": {"a": {}}})")
                             << "runner.json: jobs.a.type: is required";
    QTest::newRow("unknown type") << QByteArray(R"({"jobs": {"a": {"type": "shell"}}})")
                                  << "runner.json: jobs.a.type: \"shell\" is not a job type";
    QTest::newRow("relative program")
        << QByteArray(R"({"jobs": {"a": {"type": "command", "program": "sgp-sync"}}})")
        << "runner.json: jobs.a.program: must be an absolute path";
    QTest::newRow("args not strings") << QByteArray(
        R"({"jobs": {"a": {"type": "command", "program": "/bin/true", "args": [1]}}})")
                                      << "runner.json: jobs.a.args: must be an array of strings";
    QTest::newRow("bad timeout") << QByteArray(
        R"({"jobs": {"a": {"type": "command", "program": "/bin/true", "timeout_seconds": 0}}})")
                                 << "runner.json: jobs.a.timeout_seconds: must be a whole number "
                                    "from 1";
    QTest::newRow("fractional timeout") << QByteArray(
        R"({"jobs": {"a": {"type": "command", "program": "/bin/true", "timeout_seconds": 1.5}}})")
                                        << "runner.json: jobs.a.timeout_seconds";
    QTest::newRow("sql without sql") << QByteArray(R"({"jobs": {"a": {"type": "sql"}}})")
                                     << "runner.json: jobs.a.sql: is required";
    QTest::newRow("http bad url") << QByteArray(
        R"({"jobs": {"a": {"type": "http", "url": "ftp://x"}}})")
                                  << "runner.json: jobs.a.url: must be an http:// or https:// URL";
    QTest::newRow("http bad method")
        << QByteArray(R"({"jobs": {"a": {"type": "http", "url": "http://x", "method": "FETCH"}}})")
        << "runner.json: jobs.a.method: must be one of";
    QTest::newRow("env not strings") << QByteArray(
        R"({"jobs": {"a": {"type": "command", "program": "/bin/true", "env": {"A": 1}}}})")
                                     << "runner.json: jobs.a.env.A: must be a string";
    QTest::newRow("sql key on command")
        << QByteArray(R"({"jobs": {"a": {"type": "command", "program": "/bin/true", "sql": "x"}}})")
        << "runner.json: jobs.a.sql: unknown key";
}

void TestRunnerConfig::rejectsBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto config = RunnerConfig::parse(json, QStringLiteral("runner.json"));
    QVERIFY(!config.ok());
    QCOMPARE(config.error().kind, Error::Kind::Config);
    QVERIFY2(config.error().message.startsWith(expected), qPrintable(config.error().message));
}

void TestRunnerConfig::missingFileNamesIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.json"));
    const auto config = RunnerConfig::load(path);
    QVERIFY(!config.ok());
    QVERIFY(config.error().message.startsWith(path));
}

void TestRunnerConfig::boundedBufferKeepsHeadAndTail()
{
    BoundedBuffer buffer(8);
    buffer.append("0123");
    QVERIFY(!buffer.truncated());
    QCOMPARE(buffer.tail(), QByteArray("0123"));
    buffer.append("456789");
    buffer.append("abcdefghij");
    QVERIFY(buffer.truncated());
    QCOMPARE(buffer.totalBytes(), 20);
    QCOMPARE(buffer.head(), QByteArray("01234567"));
    QCOMPARE(buffer.tail(), QByteArray("cdefghij"));
    // A stream of 10 MB keeps 16 bytes.
    for (int i = 0; i < 10000; ++i)
        buffer.append(QByteArray(1000, 'x'));
    QCOMPARE(buffer.totalBytes(), 20 + 10000 * 1000);
    QCOMPARE(buffer.head().size() + buffer.tail().size(), 16);
}

void TestRunnerConfig::runOutputBufferKeepsWholeLinesAndTheNewest()
{
    const auto joined = [](const QList<RunOutputBuffer::Segment> &segments) {
        QByteArray all;
        for (const RunOutputBuffer::Segment &segment : segments)
            all += (segment.stderrStream ? "E:" : "O:") + segment.data + '|';
        return all;
    };
    RunOutputBuffer buffer;
    // Lines of two streams in arrival order; a line split across blocks is joined.
    buffer.open(1, 1000);
    buffer.append(1, false, "aaa\nbb");
    buffer.append(1, true, "E1\n");
    buffer.append(1, false, "b\ncc\ndd");
    buffer.close(1);
    QList<RunOutputBuffer::Batch> batches = buffer.take();
    QCOMPARE(batches.size(), 1);
    QCOMPARE(joined(batches.constFirst().segments), QByteArray("O:aaa\n|E:E1\n|O:bbb\ncc\ndd|"));
    QCOMPARE(batches.constFirst().printed, 16);
    QVERIFY(batches.constFirst().closed);
    QVERIFY(buffer.isEmpty());

    // Over the cap: the newest whole lines stay, from a line start.
    buffer.open(2, 25);
    QByteArray block;
    for (int i = 0; i < 10; ++i)
        block += "line " + QByteArray::number(i) + '\n';
    buffer.append(2, false, block);
    block.fill('x'); // the caller's copy changes: what was kept does not
    batches = buffer.take();
    QCOMPARE(joined(batches.constFirst().segments), QByteArray("O:line 7\nline 8\nline 9\n|"));
    QCOMPARE(batches.constFirst().printed, 70);
    // Several blocks, the cap cutting into an older one.
    buffer.append(2, false, "line 10\nline 11\n");
    buffer.append(2, true, "err 12\n");
    batches = buffer.take();
    QCOMPARE(joined(batches.constFirst().segments), QByteArray("O:line 10\nline 11\n|E:err 12\n|"));
    buffer.append(2, false, "line 13\nline 14\nline 15\n");
    buffer.append(2, false, "line 16\n");
    batches = buffer.take();
    QCOMPARE(joined(batches.constFirst().segments), QByteArray("O:line 14\nline 15\nline 16\n|"));

    // One block far over the cap (and the longest line): only its newest lines are kept.
    buffer.open(3, 100);
    QByteArray big;
    for (int i = 0; big.size() < 200'000; ++i)
        big += "row " + QByteArray::number(i) + '\n';
    buffer.append(3, false, big + "open");
    buffer.close(3);
    batches = buffer.take();
    const QByteArray kept = batches.constFirst().segments.constFirst().data;
    QVERIFY2(kept.size() <= 100 + 4, kept.constData());
    QVERIFY(kept.startsWith("row "));
    QVERIFY(big.contains("\n" + kept.first(kept.size() - 4)));
    QVERIFY(kept.endsWith("\nopen"));
}

void TestRunnerConfig::refusesFilesOthersMayWrite_data()
{
    QTest::addColumn<uint>("fileMode");
    QTest::addColumn<uint>("folderMode");
    QTest::addColumn<QString>("expected"); // empty: accepted
    QTest::newRow("0644 in 0700") << 0644u << 0700u << "";
    QTest::newRow("0600 in 0755") << 0600u << 0755u << "";
    QTest::newRow("0444 in sticky 1777") << 0444u << 01777u << "";
    QTest::newRow("group-writable file") << 0664u << 0700u << "its group may write it (mode 0664)";
    QTest::newRow("world-writable file") << 0646u << 0700u << "everyone may write it (mode 0646)";
    QTest::newRow("0666 file") << 0666u << 0700u << "its group and everyone may write it";
    QTest::newRow("group-writable folder") << 0644u << 0770u << "may be written by its group";
    QTest::newRow("world-writable folder")
        << 0644u << 0777u << "may be written by its group and everyone (mode 0777)";
}

void TestRunnerConfig::refusesFilesOthersMayWrite()
{
    QFETCH(uint, fileMode);
    QFETCH(uint, folderMode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("etc"));
    QVERIFY(QDir().mkdir(folder));
    const QString path = writeFile(folder + QStringLiteral("/runner.json"), fileMode);
    QVERIFY(!path.isEmpty());
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), folderMode), 0);
    const auto config = RunnerConfig::load(path);
    if (expected.isEmpty()) {
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config->jobs.size(), 1);
        return;
    }
    QVERIFY(!config.ok());
    const QString message = config.error().message;
    QCOMPARE(config.error().kind, Error::Kind::Config);
    QVERIFY2(message.startsWith(path + QStringLiteral(": refusing")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    // The fix names what to change: the file, or the folder that lets others replace it.
    const QString fixed = fileMode & 022 ? path : folder;
    QVERIFY2(message.endsWith(QStringLiteral("Fix: chmod go-w ") + fixed), qPrintable(message));
    // And the fix works.
    QCOMPARE(QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("go-w"), fixed}), 0);
    const auto again = RunnerConfig::load(path);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
}

void TestRunnerConfig::refusesFilesOfAnotherUser()
{
    if (::geteuid() != 0)
        QSKIP("needs root to give a file to another user");
    QTemporaryDir dir;
    const QString path = writeFile(dir.filePath(QStringLiteral("runner.json")), 0644);
    QVERIFY(!path.isEmpty());
    const uid_t nobody = 65534;
    QCOMPARE(::chown(QFile::encodeName(path).constData(), nobody, nobody), 0);
    auto config = RunnerConfig::load(path);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(QLatin1String("it belongs to nobody, who is neither "
                                                           "root nor the runner's user root")),
        qPrintable(config.error().message));
    QVERIFY2(config.error().message.endsWith(QStringLiteral("Fix: chown root ") + path),
        qPrintable(config.error().message));
    // A folder of another user lets that user replace the file.
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 0, 0), 0);
    QCOMPARE(::chown(QFile::encodeName(dir.path()).constData(), nobody, nobody), 0);
    config = RunnerConfig::load(path);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(
                 QStringLiteral("its folder %1 belongs to nobody").arg(dir.path())),
        qPrintable(config.error().message));
    QCOMPARE(::chown(QFile::encodeName(dir.path()).constData(), 0, 0), 0);
    QVERIFY(RunnerConfig::load(path).ok());
}

void TestRunnerConfig::followsSymbolicLinks()
{
    // What counts is the file that is read: a safe link to an unsafe file is refused.
    QTemporaryDir dir;
    const QString target = writeFile(dir.filePath(QStringLiteral("real.json")), 0666);
    QVERIFY(!target.isEmpty());
    const QString link = dir.filePath(QStringLiteral("runner.json"));
    QVERIFY(QFile::link(target, link));
    const auto config = RunnerConfig::load(link);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.endsWith(QStringLiteral("chmod go-w ") + target),
        qPrintable(config.error().message));
}

void TestRunnerConfig::cronctlSchedulerRefusesAnUnsafeFile()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir.filePath(QStringLiteral("runner.json")), 0664);
    QVERIFY(!path.isEmpty());
    QProcess cronctl;
    cronctl.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.db")),
            QStringLiteral("scheduler"), QStringLiteral("--config"), path});
    QVERIFY(cronctl.waitForFinished(30000));
    const QString errors = QString::fromLocal8Bit(cronctl.readAllStandardError());
    QCOMPARE(cronctl.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cronctl.exitCode(), 2);
    QVERIFY2(errors.contains(path + QStringLiteral(": refusing")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("chmod go-w ") + path), qPrintable(errors));
    // It never got as far as the database.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.db"))));
}

void TestRunnerConfig::saveKeepsTheFileOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/runner.json"));
    const mode_t oldMask = ::umask(002); // a desktop session's umask: files 0664 by default
    const auto restoreMask = qScopeGuard([oldMask] { ::umask(oldMask); });
    const Status saved = RunnerConfig::save(path, minimalConfig);
    struct stat info { };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0644));
    QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("sub"))).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0755)); // the folder it made, too
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    // An owner-only file stays owner-only; a group-writable one loses group write.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    QVERIFY(RunnerConfig::save(path, minimalConfig).ok());
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0664), 0);
    QVERIFY(RunnerConfig::save(path, minimalConfig).ok());
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0644));
    QVERIFY(RunnerConfig::load(path).ok());
}

QTEST_GUILESS_MAIN(TestRunnerConfig)
#include "tst_runnerconfig.moc"
