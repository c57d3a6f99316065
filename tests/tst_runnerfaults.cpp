// The runner under the faults production has (issue 11), with real `cronctl scheduler`
// processes: a paused runner, a runner killed while its command had forked, leftovers of a
// finished command, output the database refuses, a history table that refuses our rows, a locked
// jobs table, and a database that goes away while a result finishes. Network partitions and
// stalled backends need network namespaces: tests/faults does those.
#include "support/runnerprocesses.h"
#include "support/tcpproxy.h"
#include "support/testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

namespace {

// A command that appends "tick <token> <epoch ms>" to `file` every 100 ms for `seconds`.
QJsonObject ticker(const QString &file, int seconds)
{
    return RunnerProcesses::shell(
        QStringLiteral("i=0; while [ $i -lt %1 ]; do echo \"tick $CRON_CONSOLE_TOKEN "
                       "$(date +%s%3N)\" >> %2; sleep 0.1; i=$((i+1)); done")
            .arg(seconds * 10)
            .arg(file));
}

struct Span {
    qint64 first = 0;
    qint64 last = 0;
    int ticks = 0;
};

// Each run's (by fencing token) first and last tick.
QMap<qint64, Span> runs(const QString &file)
{
    QMap<qint64, Span> spans;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return spans;
    for (const QByteArray &line : in.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || parts[0] != "tick")
            continue;
        Span &span = spans[parts[1].toLongLong()];
        const qint64 at = parts[2].toLongLong();
        span.first = span.ticks == 0 ? at : std::min(span.first, at);
        span.last = std::max(span.last, at);
        ++span.ticks;
    }
    return spans;
}

// Processes whose command line holds `marker`.
int processCount(const QString &marker)
{
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-c"), QStringLiteral("-f"), marker});
    pgrep.waitForFinished(5000);
    return pgrep.readAllStandardOutput().trimmed().toInt();
}

QString marker(int n)
{
    return QStringLiteral("%1.%2").arg(3100 + n).arg(QCoreApplication::applicationPid());
}

} // namespace

class TestRunnerFaults : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void pausedRunnerStopsItsActionBeforeTheLeaseEnds();
    void pausedRunnersStatementNeverRunsBesideTheNextRun();
    void killedRunnerTakesItsWholeProcessTreeAlong();
    void leftoversOfAFinishedCommandAreStopped();
    void nulBytesInOutputAreRecordedOnce();
    void actionKnowsWhoItIs();
    void historyThatRefusesRowsNeverLeavesTheJobRunning();
    void lockedJobsTableMakesTheRunnerSayItIsDegraded();
    void resultFinishedWhileDatabaseIsAwaySurvivesARestart();

private:
    QString jobColumn(const QString &job, const QString &column) const;
    void addJob(const QString &job);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<RunnerProcesses> m_runners;
};

void TestRunnerFaults::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(m_db, qPrintable(error));
    // Only the jobs a test adds: the seed's default job would run beside them.
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs")));
    m_runners = std::make_unique<RunnerProcesses>();
}

void TestRunnerFaults::cleanup()
{
    m_runners.reset();
    QProcess::execute(QStringLiteral("pkill"),
        {QStringLiteral("-f"),
            QStringLiteral("sleep 31[0-9][0-9]\\.%1").arg(QCoreApplication::applicationPid())});
    m_db.reset();
}

QString TestRunnerFaults::jobColumn(const QString &job, const QString &column) const
{
    return m_db
        ->scalar(
            QStringLiteral("SELECT %1::text FROM cron_jobs WHERE nome = '%2'").arg(column, job))
        .toString();
}

void TestRunnerFaults::addJob(const QString &job)
{
    // Never ran, so due at once (the seed's rule); hourly afterwards.
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas, ativo) "
                                      "VALUES ('%1', 1, true)")
                           .arg(job)));
}

void TestRunnerFaults::pausedRunnerStopsItsActionBeforeTheLeaseEnds()
{
    // The smallest lease allowed: the margin is tightest here.
    const int lease = 5;
    const QString ticks = m_runners->path(QStringLiteral("ticks"));
    addJob(QStringLiteral("paused"));
    const QString config
        = m_runners->writeConfig({{QStringLiteral("paused"), ticker(ticks, 30)}}, lease);
    QProcess *a = m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QTRY_VERIFY_WITH_TIMEOUT(runs(ticks).size() == 1 && runs(ticks).first().ticks >= 10, 15000);
    const qint64 firstToken = runs(ticks).firstKey();

    // SIGSTOP of the runner alone: its action goes on, and nobody renews the lease.
    ::kill(pid_t(a->processId()), SIGSTOP);
    QTest::qWait(300); // a renewal in flight has reached the server by now
    const qint64 expiresAt
        = m_db->scalar(QStringLiteral("SELECT (EXTRACT(EPOCH FROM lease_expires_at::"
                                      "timestamptz) * 1000)::bigint FROM cron_jobs"))
              .toLongLong();
    QVERIFY(expiresAt > 0);
    // The action stops although its runner cannot act: the guard process enforces the deadline.
    QTRY_VERIFY_WITH_TIMEOUT(
        QDateTime::currentMSecsSinceEpoch() - runs(ticks).value(firstToken).last > 1500, 15000);
    const qint64 margin = expiresAt - runs(ticks).value(firstToken).last;
    qInfo("paused runner (lease %d s): its action stopped %lld ms before the lease expired", lease,
        margin);
    QVERIFY2(margin >= 1000, qPrintable(QString::number(margin)));
    QCOMPARE(processCount(QStringLiteral("CRON_CONSOLE_TOKEN")), 0);

    // Another runner takes the job over after the lease, never beside the first run.
    m_runners->start(QStringLiteral("B"), m_db->url(), config);
    QTRY_VERIFY_WITH_TIMEOUT(runs(ticks).size() == 2, 20000);
    const QMap<qint64, Span> spans = runs(ticks);
    QVERIFY(spans.lastKey() > firstToken);
    QVERIFY2(spans.last().first > spans.first().last,
        qPrintable(QStringLiteral("overlap: second run started at %1, first ended at %2")
                       .arg(spans.last().first)
                       .arg(spans.first().last)));

    // The run is recorded once, as a lost lease: by the runner that took over (an abandoned run,
    // its duration an upper bound) or by the resumed runner (the guard's own measure), whichever
    // comes first; never with the time the runner spent paused (kept well past the run's length).
    QTRY_VERIFY_WITH_TIMEOUT(
        QDateTime::currentMSecsSinceEpoch() - spans.first().first > 14000, 20000);
    ::kill(pid_t(a->processId()), SIGCONT);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE "
                                                          "detalhes->>'lease_token' = '%1'")
                                               .arg(firstToken))
                                  .toInt(),
        1, 15000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT detalhes->>'outcome' FROM tenant_logs WHERE "
                                         "detalhes->>'lease_token' = '%1'")
                              .arg(firstToken))
                 .toString(),
        QStringLiteral("lease_lost"));
    const double recorded = m_db->scalar(QStringLiteral("SELECT (detalhes->>'duracao_segundos')::"
                                                        "float8 FROM tenant_logs WHERE "
                                                        "detalhes->>'lease_token' = '%1'")
                                             .arg(firstToken))
                                .toDouble();
    const double ticked = (spans.first().last - spans.first().first) / 1000.0;
    QVERIFY2(recorded >= ticked && recorded <= ticked + lease + 1.5,
        qPrintable(
            QStringLiteral("recorded %1 s for a run that ticked %2 s").arg(recorded).arg(ticked)));
}

void TestRunnerFaults::pausedRunnersStatementNeverRunsBesideTheNextRun()
{
    addJob(QStringLiteral("sql_pause"));
    const QString config = m_runners->writeConfig(
        {{QStringLiteral("sql_pause"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("sql")},
                {QStringLiteral("sql"), QStringLiteral("SELECT pg_sleep(30) /* sql_pause */")},
                {QStringLiteral("timeout_seconds"), 60}}}},
        5);
    const auto statements = [this] {
        return m_db
            ->scalar(QStringLiteral("SELECT string_agg(pid::text, ',') FROM pg_stat_activity "
                                    "WHERE query LIKE '%/* sql_pause */' AND "
                                    "pid <> pg_backend_pid() AND state = 'active'"))
            .toString();
    };
    QProcess *a = m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QTRY_VERIFY_WITH_TIMEOUT(!statements().isEmpty(), 15000);
    const QString first = statements();
    // A pooled session writes no backend pid (issue 15: 0.4 ms of server time a run): the
    // runner that takes over finds it by its application_name alone.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM cron_runs WHERE "
                                         "action_backend_pid IS NOT NULL"))
                 .toInt(),
        0);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT action_backend_pid FROM cron_jobs WHERE nome = "
                                        "'sql_pause'"))
                .isNull());
    // Paused, its runner cannot stop the statement; the server keeps running it.
    ::kill(pid_t(a->processId()), SIGSTOP);
    m_runners->start(QStringLiteral("B"), m_db->url(), config);
    QElapsedTimer timer;
    timer.start();
    QString now;
    while (timer.elapsed() < 25000) {
        now = statements();
        QVERIFY2(
            !now.contains(QLatin1Char(',')), qPrintable(QStringLiteral("two statements: ") + now));
        if (!now.isEmpty() && now != first)
            break;
        QTest::qWait(50);
    }
    // B ended A's statement before it started its own.
    QVERIFY2(!now.isEmpty() && now != first, qPrintable(now));
    QCOMPARE(
        jobColumn(QStringLiteral("sql_pause"), QStringLiteral("lease_owner")), QStringLiteral("B"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE "
                                         "detalhes->>'job' = 'sql_pause' AND "
                                         "detalhes->>'outcome' = 'lease_lost'"))
                 .toInt(),
        1);
    ::kill(pid_t(a->processId()), SIGCONT);
}

void TestRunnerFaults::killedRunnerTakesItsWholeProcessTreeAlong()
{
    addJob(QStringLiteral("forks"));
    // A background child, a daemon in its own session, a pipeline, and a foreground sleep.
    const QString script = QStringLiteral("sleep %1 & setsid sleep %2 & sleep %3 | cat & sleep %4")
                               .arg(marker(1), marker(2), marker(3), marker(4));
    const QString config
        = m_runners->writeConfig({{QStringLiteral("forks"), RunnerProcesses::shell(script)}}, 10);
    QProcess *a = m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(
        processCount(
            QStringLiteral("^sleep 310[1-4]\\.%1").arg(QCoreApplication::applicationPid())),
        4, 15000);
    ::kill(pid_t(a->processId()), SIGKILL);
    QVERIFY(a->waitForFinished(5000));
    // Nothing the dead runner started keeps running the job.
    QTRY_COMPARE_WITH_TIMEOUT(
        processCount(
            QStringLiteral("^sleep 310[1-4]\\.%1").arg(QCoreApplication::applicationPid())),
        0, 3000);
}

void TestRunnerFaults::leftoversOfAFinishedCommandAreStopped()
{
    addJob(QStringLiteral("leaves"));
    const QString script = QStringLiteral("setsid sleep %1 & echo done").arg(marker(5));
    const QString config
        = m_runners->writeConfig({{QStringLiteral("leaves"), RunnerProcesses::shell(script)}}, 10);
    m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(jobColumn(QStringLiteral("leaves"), QStringLiteral("ultimo_status")),
        QStringLiteral("success"), 15000);
    QCOMPARE(processCount(QLatin1Char('^') + QStringLiteral("sleep ") + marker(5)), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT detalhes->>'leftover_processes_killed' FROM "
                                         "tenant_logs WHERE detalhes->>'job' = 'leaves'"))
                 .toString(),
        QStringLiteral("1"));
}

void TestRunnerFaults::nulBytesInOutputAreRecordedOnce()
{
    addJob(QStringLiteral("nul_text"));
    addJob(QStringLiteral("nul_json"));
    const QString config = m_runners->writeConfig(
        {{QStringLiteral("nul_text"),
             RunnerProcesses::shell(QStringLiteral("printf 'a\\000b'; printf 'c\\000' >&2"))},
            {QStringLiteral("nul_json"),
                RunnerProcesses::shell(QStringLiteral("printf '{\"x\": \"a\\\\u0000b\"}'"))}},
        5);
    m_runners->start(QStringLiteral("A"), m_db->url(), config);
    for (const QString &job : {QStringLiteral("nul_text"), QStringLiteral("nul_json")}) {
        QTRY_COMPARE_WITH_TIMEOUT(
            jobColumn(job, QStringLiteral("ultimo_status")), QStringLiteral("success"), 15000);
        QCOMPARE(jobColumn(job, QStringLiteral("total_execucoes")), QStringLiteral("1"));
        // Planned an hour ahead: it does not run again every lease period.
        QVERIFY(m_db->scalar(QStringLiteral("SELECT next_run > NOW() + INTERVAL '50 minutes' "
                                            "FROM cron_jobs WHERE nome = '%1'")
                                 .arg(job))
                    .toBool());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE "
                                             "detalhes->>'job' = '%1' AND acao NOT LIKE "
                                             "'cron_admin_%'")
                                  .arg(job))
                     .toInt(),
            1);
    }
    QVERIFY(m_db->scalar(QStringLiteral("SELECT detalhes->>'nul_bytes_replaced' FROM tenant_logs "
                                        "WHERE detalhes->>'job' = 'nul_json'"))
                .toInt()
        >= 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT detalhes->>'x' FROM tenant_logs WHERE "
                                         "detalhes->>'job' = 'nul_json'"))
                 .toString(),
        QStringLiteral("a\uFFFDb"));
}

void TestRunnerFaults::actionKnowsWhoItIs()
{
    addJob(QStringLiteral("whoami"));
    const QString script = QStringLiteral(
        "printf '{\"job\": \"%s\", \"token\": \"%s\", \"runner\": \"%s\", \"at\": \"%s\"}' "
        "\"$CRON_CONSOLE_JOB\" \"$CRON_CONSOLE_TOKEN\" \"$CRON_CONSOLE_RUNNER\" "
        "\"$CRON_CONSOLE_SCHEDULED_AT\"");
    const QString config
        = m_runners->writeConfig({{QStringLiteral("whoami"), RunnerProcesses::shell(script)}}, 10);
    m_runners->start(QStringLiteral("me"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(jobColumn(QStringLiteral("whoami"), QStringLiteral("ultimo_status")),
        QStringLiteral("success"), 15000);
    const QJsonObject result = QJsonDocument::fromJson(
        jobColumn(QStringLiteral("whoami"), QStringLiteral("ultimo_resultado")).toUtf8())
                                   .object();
    QCOMPARE(result.value(QStringLiteral("job")).toString(), QStringLiteral("whoami"));
    QCOMPARE(result.value(QStringLiteral("token")).toString(),
        jobColumn(QStringLiteral("whoami"), QStringLiteral("lease_token")));
    QCOMPARE(result.value(QStringLiteral("runner")).toString(), QStringLiteral("me"));
    // A job that never ran has no planned slot yet; the variable is then empty.
    QVERIFY(result.contains(QStringLiteral("at")));
}

void TestRunnerFaults::historyThatRefusesRowsNeverLeavesTheJobRunning()
{
    // A platform that requires a tenant on every new row: we have none to give.
    QString error;
    QVERIFY2(m_db->exec(QStringLiteral("ALTER TABLE tenant_logs ADD CONSTRAINT tenant_required "
                                       "CHECK (tenant_id IS NOT NULL) NOT VALID"),
                 &error),
        qPrintable(error));
    addJob(QStringLiteral("refused"));
    const QString config = m_runners->writeConfig(
        {{QStringLiteral("refused"), RunnerProcesses::shell(QStringLiteral("echo ok"))}}, 5);
    m_runners->start(QStringLiteral("A"), m_db->url(), config);
    // The job is freed (not running, planned ahead) although no history row could be written...
    QTRY_COMPARE_WITH_TIMEOUT(jobColumn(QStringLiteral("refused"), QStringLiteral("ultimo_status")),
        QStringLiteral("error"), 20000);
    QVERIFY(jobColumn(QStringLiteral("refused"), QStringLiteral("ultimo_resultado"))
                .contains(QLatin1String("tenant_required")));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT next_run > NOW() + INTERVAL '50 minutes' FROM "
                                        "cron_jobs WHERE nome = 'refused'"))
                .toBool());
    // ...and the runner says what is wrong where operators look.
    QTRY_VERIFY_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT last_error FROM cron_runners "
                                                         "WHERE runner_name = 'A'"))
                                 .toString()
                                 .contains(QLatin1String("tenant_required")),
        10000);
    // Once the platform accepts rows again, the kept history row is written, once.
    QVERIFY(m_db->exec(QStringLiteral("ALTER TABLE tenant_logs DROP CONSTRAINT tenant_required")));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE detalhes->>'job' = "
                                    "'refused' AND acao NOT LIKE 'cron_admin_%'"))
            .toInt(),
        1, 60000);
    QCOMPARE(jobColumn(QStringLiteral("refused"), QStringLiteral("total_execucoes")),
        QStringLiteral("0"));
}

void TestRunnerFaults::lockedJobsTableMakesTheRunnerSayItIsDegraded()
{
    addJob(QStringLiteral("blocked"));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET next_run = NOW() + INTERVAL '1 hour', "
                                      "last_run = NOW() WHERE nome = 'blocked'")));
    const QString config = m_runners->writeConfig(
        {{QStringLiteral("blocked"), RunnerProcesses::shell(QStringLiteral("echo ok"))}}, 5);
    m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT state FROM cron_runners WHERE runner_name = 'A'"))
            .toString(),
        QStringLiteral("running"), 15000);
    // Another session holds the jobs table: every claim and read of it times out.
    auto locker = m_db->connect(QStringLiteral("locker"));
    QVERIFY(locker);
    QSqlQuery lock(locker->handle());
    QVERIFY(lock.exec(QStringLiteral("BEGIN")));
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE cron_jobs IN ACCESS EXCLUSIVE MODE")));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT state FROM cron_runners WHERE runner_name = 'A'"))
            .toString(),
        QStringLiteral("degraded"), 20000);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT last_error FROM cron_runners WHERE runner_name = "
                                        "'A'"))
                .toString()
                .contains(QLatin1String("lock")));
    QProcess runners;
    runners.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), m_db->url(), QStringLiteral("runners"), QStringLiteral("--json")});
    QVERIFY(runners.waitForFinished(10000));
    const QJsonObject listed = QJsonDocument::fromJson(runners.readAllStandardOutput())
                                   .object()
                                   .value(QStringLiteral("runners"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("degraded"));
    QVERIFY(!listed.value(QStringLiteral("last_error")).toString().isEmpty());
    // Released, the runner schedules again by itself: the job made due now runs.
    QVERIFY(lock.exec(QStringLiteral("UPDATE cron_jobs SET next_run = NOW() - INTERVAL '1 "
                                     "second' WHERE nome = 'blocked'")));
    QVERIFY(lock.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(jobColumn(QStringLiteral("blocked"), QStringLiteral("ultimo_status")),
        QStringLiteral("success"), 40000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT state FROM cron_runners WHERE runner_name = 'A'"))
            .toString(),
        QStringLiteral("running"), 15000);
}

void TestRunnerFaults::resultFinishedWhileDatabaseIsAwaySurvivesARestart()
{
    // The runners reach the server through a proxy the test cuts: the database "goes away".
    TcpProxy proxy(QStringLiteral("127.0.0.1"), quint16(qEnvironmentVariableIntValue("PGPORT")));
    QVERIFY(proxy.listening());
    const QString url = QStringLiteral("postgresql://127.0.0.1:%1/%2")
                            .arg(proxy.port())
                            .arg(m_db->spec().database);
    addJob(QStringLiteral("away"));
    const QString started = m_runners->path(QStringLiteral("started"));
    const QString config = m_runners->writeConfig(
        {{QStringLiteral("away"),
            RunnerProcesses::shell(
                QStringLiteral("touch %1; sleep 2; echo finished").arg(started))}},
        20);
    QProcess *a = m_runners->start(QStringLiteral("A"), url, config);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(started), 15000);
    const QString token = jobColumn(QStringLiteral("away"), QStringLiteral("lease_token"));
    proxy.cut();
    // The action finishes while the database is away; then the runner is stopped.
    QTest::qWait(3000);
    ::kill(pid_t(a->processId()), SIGTERM);
    QVERIFY(a->waitForFinished(10000));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE "
                                         "detalhes->>'job' = 'away'"))
                 .toInt(),
        0);
    // A new runner process (same machine, same journal) records it: once, with its result.
    proxy.restore();
    m_runners->start(QStringLiteral("A2"), url, config);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT count(*) FROM tenant_logs WHERE detalhes->>'job' = "
                                    "'away' AND detalhes->>'lease_token' = '%1'")
                         .arg(token))
            .toInt(),
        1, 20000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT detalhes->>'status' FROM tenant_logs WHERE "
                                         "detalhes->>'job' = 'away'"))
                 .toString(),
        QStringLiteral("success"));
    QCOMPARE(jobColumn(QStringLiteral("away"), QStringLiteral("ultimo_status")),
        QStringLiteral("success"));
    QCOMPARE(
        jobColumn(QStringLiteral("away"), QStringLiteral("total_execucoes")), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestRunnerFaults)
#include "tst_runnerfaults.moc"
