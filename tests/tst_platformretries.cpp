// Platform runs retried (issue 17, sql/postgresql/0016_platform_retries.sql): a run the platform
// records through the seed's functions (called by a real node-postgres client) follows the job's
// retry policy as a runner's does, a runner whose runner.json names the job takes the retry, and
// the platform's failure and recovery are one event each. PostgreSQL only (SQLite has no
// platform functions); without a server, Node or node-postgres it fails.
#include "core/db/database.h"
#include "core/domain/jobpolicy.h"
#include "core/store/jobstore.h"
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TestPlatformRetries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void platformOnlyJobRetriedByThePlatform();
    void runnerTakesThePlatformsRetry();
    void platformFailureAndRecoveryAreOneEventEach();

private:
    // The platform's loop on `job` for at most `seconds`, stopping after `maxRuns` runs (0: no
    // limit); the lines it printed, one per run, or an empty list and a failure.
    QList<QJsonObject> platform(
        const QString &job, const QString &status, int seconds, int maxRuns = 0);
    int count(const QString &sql) const { return m_db->scalar(sql).toInt(); }

    QString m_node;
    QString m_nodePath;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
};

void TestPlatformRetries::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!m_node.isEmpty(), "node not found: run installer/build-deps.sh");
    // Where Debian's node-pg and a global npm install live, as tests/platform/run_platform.py.
    QStringList paths{QStringLiteral("/usr/share/nodejs"), QStringLiteral("/usr/lib/nodejs")};
    QProcess npm;
    npm.start(QStringLiteral("npm"), {QStringLiteral("root"), QStringLiteral("-g")});
    if (npm.waitForFinished(30000) && npm.exitCode() == 0)
        paths << QString::fromUtf8(npm.readAllStandardOutput()).trimmed();
    m_nodePath = paths.join(QLatin1Char(':'));
    QProcess probe;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), m_nodePath);
    probe.setProcessEnvironment(environment);
    probe.start(m_node, {QStringLiteral("-e"), QStringLiteral("require('pg')")});
    QVERIFY(probe.waitForFinished(30000));
    QVERIFY2(probe.exitCode() == 0,
        qPrintable(QStringLiteral("node-postgres (pg) not found in NODE_PATH=%1").arg(m_nodePath)));
}

void TestPlatformRetries::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestPlatformRetries::cleanup()
{
    m_conn.reset();
    m_db.reset();
}

QList<QJsonObject> TestPlatformRetries::platform(
    const QString &job, const QString &status, int seconds, int maxRuns)
{
    QProcess node;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), m_nodePath);
    environment.insert(QStringLiteral("PGDATABASE"), m_db->spec().database);
    node.setProcessEnvironment(environment);
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(m_node,
        {QStringLiteral(PLATFORM_RETRY_JS), job, status, QString::number(seconds),
            QString::number(maxRuns)});
    if (!node.waitForFinished((seconds + 30) * 1000) || node.exitStatus() != QProcess::NormalExit
        || node.exitCode() != 0) {
        qWarning("the platform loop failed (exit %d)", node.exitCode());
        return {};
    }
    QList<QJsonObject> runs;
    for (const QByteArray &line : node.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            runs << QJsonDocument::fromJson(line).object();
    }
    return runs;
}

void TestPlatformRetries::platformOnlyJobRetriedByThePlatform()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("plat"), {}, 1, true, {}, {}})); // due at once
    PolicyChange change;
    change.maxRetries = 2;
    change.retryDelaySeconds = 1;
    QVERIFY(store.setPolicy(QStringLiteral("plat"), change));

    // No runner names the job: the platform's own loop makes attempts 1, 2 and 3 (each retry
    // when deve_executar_cron answers true at retry_at), then nothing until the next slot.
    const QList<QJsonObject> runs = platform(QStringLiteral("plat"), QStringLiteral("error"), 7);
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(0).value(QStringLiteral("retry_attempt")).toInt(), 1);
    QCOMPARE(runs.at(1).value(QStringLiteral("retry_attempt")).toInt(), 2);
    QCOMPARE(runs.at(2).value(QStringLiteral("retry_attempt")).toInt(), 0); // streak over
    // Each retry waited for its delay (1 s) after the attempt before.
    for (int i = 1; i < runs.size(); ++i) {
        const qint64 gap = runs.at(i).value(QStringLiteral("at")).toInteger()
            - runs.at(i - 1).value(QStringLiteral("at")).toInteger();
        QVERIFY2(gap >= 900, qPrintable(QString::number(gap)));
    }
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(attempt || ':' || trigger || ':' || "
                                         "status, ',' ORDER BY id) FROM cron_runs"))
                 .toString(),
        QStringLiteral("1:platform:error,2:platform:error,3:platform:error"));
    const auto job = store.job(QStringLiteral("plat"));
    QVERIFY(job);
    QVERIFY(!job->retryAt.isValid());
    QCOMPARE(job->retryAttempt, 0);
    QCOMPARE(job->alertState, QStringLiteral("failing"));
    QCOMPARE(job->totalRuns, 3);
    QVERIFY(job->nextRun > job->readAt.addSecs(3000)); // the regular slot, an hour on
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT deve_executar_cron('plat')")).toBool(), false);
    // Exactly one failure event, after the last attempt, in the runners' shape.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cron_events")), 1);
    const QJsonObject event = QJsonDocument::fromJson(
        m_db->scalar(QStringLiteral("SELECT payload::text FROM cron_events")).toByteArray())
                                  .object();
    QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(event.value(QStringLiteral("job")).toString(), QStringLiteral("plat"));
    QCOMPARE(event.value(QStringLiteral("attempt")).toInt(), 3);
    QCOMPARE(event.value(QStringLiteral("max_attempts")).toInt(), 3);
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("error"));
    QVERIFY(!event.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY2(QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)
                 .isValid(),
        qPrintable(event.value(QStringLiteral("at")).toString()));
}

void TestPlatformRetries::runnerTakesThePlatformsRetry()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("shared"), {}, 1, true, {}, {}}));
    PolicyChange change;
    change.maxRetries = 1;
    change.retryDelaySeconds = 2;
    QVERIFY(store.setPolicy(QStringLiteral("shared"), change));
    // The platform's attempt fails; a retry is planned 2 s on.
    QCOMPARE(platform(QStringLiteral("shared"), QStringLiteral("error"), 10, 1).size(), 1);
    const auto failed = store.job(QStringLiteral("shared"));
    QVERIFY(failed && failed->retryAt.isValid());
    QCOMPARE(failed->retryAttempt, 1);

    // A runner that names the job takes the retry at retry_at, as attempt 2 of 2, and it works.
    RunnerProcesses runners;
    const QString config = runners.writeConfig(
        {{QStringLiteral("shared"), RunnerProcesses::shell(QStringLiteral("true"))}}, 6, 1, 1);
    runners.start(QStringLiteral("taker"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM cron_runs WHERE runner "
                                                   "IS NOT NULL AND status = 'success'")),
        1, 20000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(attempt || ':' || trigger || ':' || "
                                         "COALESCE(runner, '-') || ':' || status, ',' ORDER BY "
                                         "id) FROM cron_runs"))
                 .toString(),
        QStringLiteral("1:platform:-:error,2:retry:taker:success"));
    // Not before retry_at.
    const double waited
        = m_db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM (SELECT started_at FROM "
                                      "cron_runs WHERE runner IS NOT NULL) - (SELECT "
                                      "finished_at FROM cron_runs WHERE runner IS NULL))"))
              .toDouble();
    QVERIFY2(waited >= 1.9, qPrintable(QString::number(waited)));
    const auto job = store.job(QStringLiteral("shared"));
    QVERIFY(job);
    QVERIFY(!job->retryAt.isValid());
    QCOMPARE(job->retryAttempt, 0);
    QVERIFY(job->alertState.isEmpty());
    // The streak ended within its attempts: nothing to notify.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cron_events")), 0);
}

void TestPlatformRetries::platformFailureAndRecoveryAreOneEventEach()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("moody"), {}, 1, true, {}, {}})); // no retries
    QCOMPARE(platform(QStringLiteral("moody"), QStringLiteral("error"), 10, 1).size(), 1);
    QVERIFY(store.runNow(QStringLiteral("moody")));
    QCOMPARE(platform(QStringLiteral("moody"), QStringLiteral("error"), 10, 1).size(), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cron_events")), 1); // same streak
    QVERIFY(store.runNow(QStringLiteral("moody")));
    QCOMPARE(platform(QStringLiteral("moody"), QStringLiteral("success"), 10, 1).size(), 1);
    QVERIFY(store.runNow(QStringLiteral("moody")));
    QCOMPARE(platform(QStringLiteral("moody"), QStringLiteral("success"), 10, 1).size(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(event, ',' ORDER BY id) FROM "
                                         "cron_events"))
                 .toString(),
        QStringLiteral("failure,recovered"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT alert_state FROM cron_jobs WHERE nome = 'moody'"))
                .isNull());
}

QTEST_GUILESS_MAIN(TestPlatformRetries)
#include "tst_platformretries.moc"
