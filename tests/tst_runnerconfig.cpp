#include "runner/boundedbuffer.h"
#include "runner/runnerconfig.h"

#include <QTemporaryDir>
#include <QTest>

class TestRunnerConfig : public QObject {
    Q_OBJECT
private slots:
    void parsesTheDesignExample();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void missingFileNamesIt();
    void boundedBufferKeepsHeadAndTail();
};

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

QTEST_GUILESS_MAIN(TestRunnerConfig)
#include "tst_runnerconfig.moc"
