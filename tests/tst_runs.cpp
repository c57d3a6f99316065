// Runs you can watch and stop (issue 14): run records, output chunks and caps, live output through
// cronctl, abort across runners, one run per slot; real runner processes, SQLite and PostgreSQL.
#include "core/client/runclient.h"
#include "core/client/runoutputfollower.h"
#include "core/db/database.h"
#include "core/runner/leasestore.h"
#include "core/store/jobstore.h"
#include "core/store/runstore.h"
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

// Polls `done` until it holds or `timeoutMs` passes.
template <typename F> bool waitFor(F done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

// Peak resident memory of a process in kB (VmHWM), or -1.
qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

} // namespace

class TestRuns : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void runRecordAndReplayedResult();
    void liveOutputThroughCronctl();
    void liveOutputThroughTheConsoleModel();
    void abortAcrossTwoRunners();
    void slotRacedByFourRunnersAndRunNowStartsOneRun();
    void outputCapKeepsTheNewest();
    void outputSurvivesAConnectionTheServerEnded();
    void httpAndSqlActionsKeepTheirOutput();
    void hundredMegabytesStayFlat();
    void platformRunsAreRecordedAndCannotBeAborted();
    void pruneHistoryRemovesOldRunsAndTheirOutput();

private:
    bool isPostgres() const { return m_db->spec().backend == Backend::PostgreSQL; }
    void addJob(const QString &name);
    // Gives the job a schedule slot a minute ago (due now).
    void makeDue(const QString &name);
    int runCronctl(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QVariant runValue(const QString &job, const QString &column) const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<RunnerProcesses> m_runners;
};

void TestRuns::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestRuns::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_runners = std::make_unique<RunnerProcesses>();
}

void TestRuns::cleanup()
{
    m_runners.reset();
    m_db.reset();
}

void TestRuns::addJob(const QString &name)
{
    // Never run: due at once.
    QVERIFY(
        m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas, ativo) "
                                  "VALUES ('%1', 1, %2)")
                       .arg(name, isPostgres() ? QStringLiteral("TRUE") : QStringLiteral("1"))));
}

void TestRuns::makeDue(const QString &name)
{
    QVERIFY(m_db->exec(isPostgres()
            ? QStringLiteral("UPDATE cron_jobs SET last_run = NOW() - INTERVAL '2 hours', "
                             "next_run = date_trunc('second', NOW()) - INTERVAL '1 minute' "
                             "WHERE nome = '%1'")
                  .arg(name)
            : QStringLiteral("UPDATE cron_jobs SET last_run = strftime('%Y-%m-%d %H:%M:%f', "
                             "'now', '-2 hours'), next_run = strftime('%Y-%m-%d %H:%M:%S.000', "
                             "'now', '-1 minutes') WHERE nome = '%1'")
                  .arg(name)));
}

int TestRuns::runCronctl(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.start(
        QStringLiteral(CRONCTL_PATH), QStringList{QStringLiteral("--db"), m_db->url()} + args);
    if (!process.waitForFinished(60000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitCode();
}

QVariant TestRuns::runValue(const QString &job, const QString &column) const
{
    return m_db->scalar(
        QStringLiteral("SELECT %1 FROM cron_runs WHERE job_name = '%2' ORDER BY id DESC LIMIT 1")
            .arg(column, job));
}

void TestRuns::runRecordAndReplayedResult()
{
    addJob(QStringLiteral("replayed"));
    makeDue(QStringLiteral("replayed"));
    auto conn = m_db->connect();
    QVERIFY(conn);
    LeaseStore leases(*conn, QStringLiteral("R"), 30);
    auto claims = leases.claimDue({QStringLiteral("replayed")}, 1);
    QVERIFY(claims);
    QCOMPARE(claims->size(), 1);
    Claim claim = claims->constFirst();
    claim.owner = QStringLiteral("R");
    const auto cap = leases.openRun(claim);
    QVERIFY2(cap, cap ? "" : qPrintable(cap.error().message));
    QCOMPARE(*cap, qint64(1024 * 1024)); // the default cap
    QVERIFY(claim.runId > 0);
    QCOMPARE(runValue(QStringLiteral("replayed"), QStringLiteral("status")).toString(),
        QStringLiteral("running"));
    QCOMPARE(runValue(QStringLiteral("replayed"), QStringLiteral("trigger")).toString(),
        QStringLiteral("schedule"));

    ExecutionResult result;
    result.success = true;
    result.durationSeconds = 1.5;
    result.result.insert(QStringLiteral("exit_code"), 0);
    const auto first = leases.finish(claim, result, {});
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QVERIFY(!first->duplicate);
    // The journal replays the same result: nothing new, neither a run nor a history row.
    const auto again = leases.finish(claim, result, {});
    QVERIFY(again);
    QVERIFY(again->duplicate);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toInt(), 1);
    QCOMPARE(runValue(QStringLiteral("replayed"), QStringLiteral("status")).toString(),
        QStringLiteral("success"));
    QCOMPARE(runValue(QStringLiteral("replayed"), QStringLiteral("exit_code")).toInt(), 0);
    QCOMPARE(
        runValue(QStringLiteral("replayed"), QStringLiteral("duration_seconds")).toDouble(), 1.5);
    const QString details
        = m_db->scalar(QStringLiteral("SELECT detalhes FROM tenant_logs WHERE acao = "
                                      "'cron_job_success'"))
              .toString();
    QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value("cron_run_id").toInteger(),
        claim.runId);

    // Run-now: the claim it causes is a run_now run.
    QVERIFY(JobStore(*conn).runNow(QStringLiteral("replayed")));
    claims = leases.claimDue({QStringLiteral("replayed")}, 1);
    QVERIFY(claims && claims->size() == 1);
    Claim asked = claims->constFirst();
    QVERIFY(leases.openRun(asked));
    QCOMPARE(asked.trigger, QStringLiteral("run_now"));
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs WHERE trigger = 'run_now'"))
            .toInt(),
        1);
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_runs WHERE trigger = 'run_now'")));

    // The database refuses a second schedule run of one slot, whoever writes it.
    QString error;
    QVERIFY(!m_db->exec(
        QStringLiteral("INSERT INTO cron_runs (job_id, job_name, trigger, attempt, lease_token, "
                       "scheduled_for) SELECT job_id, job_name, 'schedule', attempt, lease_token "
                       "+ 100, scheduled_for FROM cron_runs"),
        &error));
    QVERIFY2(error.contains("unique", Qt::CaseInsensitive)
            || error.contains("UNIQUE", Qt::CaseInsensitive),
        qPrintable(error));
}

void TestRuns::liveOutputThroughCronctl()
{
    addJob(QStringLiteral("talker"));
    const QString config = m_runners->writeConfig(
        QJsonObject{{QStringLiteral("talker"),
            RunnerProcesses::shell(QStringLiteral("for i in $(seq 1 12); do echo tick $i; echo "
                                                  "warn $i >&2; sleep 0.3; done"))}},
        10);
    m_runners->start(QStringLiteral("A"), m_db->url(), config);
    QVERIFY(waitFor(
        [&] { return runValue(QStringLiteral("talker"), QStringLiteral("status")) == "running"; },
        15000));

    QProcess follow;
    follow.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), m_db->url(), QStringLiteral("logs"), QStringLiteral("talker"),
            QStringLiteral("--follow")});
    QByteArray out;
    QByteArray err;
    // Live: "tick 3" arrives while the run still goes on (it prints for 3.6 s).
    QVERIFY(waitFor(
        [&] {
            out += follow.readAllStandardOutput();
            return out.contains("tick 3\n");
        },
        10000));
    QCOMPARE(runValue(QStringLiteral("talker"), QStringLiteral("status")).toString(),
        QStringLiteral("running"));
    QVERIFY(follow.waitForFinished(20000));
    out += follow.readAllStandardOutput();
    err += follow.readAllStandardError();
    QCOMPARE(follow.exitCode(), 0);
    QByteArray expected;
    QByteArray expectedErr;
    for (int i = 1; i <= 12; ++i) {
        expected += "tick " + QByteArray::number(i) + '\n';
        expectedErr += "warn " + QByteArray::number(i) + '\n';
    }
    QCOMPARE(out, expected); // in order, nothing twice
    QVERIFY2(err.contains(expectedErr), err.constData());
    QVERIFY2(err.contains("ended: success"), err.constData());

    // A finished run reads back the same, interleaved in the order it came.
    QByteArray again;
    QCOMPARE(runCronctl({QStringLiteral("logs"), QStringLiteral("talker")}, &again), 0);
    QCOMPARE(again, expected);
    const int stderrChunks = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_run_output "
                                                         "WHERE stream = 'e'"))
                                 .toInt();
    QVERIFY(stderrChunks >= 1);
    QByteArray runs;
    QCOMPARE(
        runCronctl(
            {QStringLiteral("runs"), QStringLiteral("talker"), QStringLiteral("--json")}, &runs),
        0);
    const QJsonObject run = QJsonDocument::fromJson(runs).object().value("runs")[0].toObject();
    QCOMPARE(run.value("status").toString(), QStringLiteral("success"));
    QCOMPARE(run.value("runner").toString(), QStringLiteral("A"));
    QCOMPARE(run.value("trigger").toString(), QStringLiteral("schedule"));
    QCOMPARE(run.value("output_bytes").toInteger(), qint64(expected.size() + expectedErr.size()));
    QCOMPARE(run.value("output_dropped_bytes").toInteger(), 0);
}

void TestRuns::liveOutputThroughTheConsoleModel()
{
    addJob(QStringLiteral("watched"));
    m_runners->start(QStringLiteral("A"), m_db->url(),
        m_runners->writeConfig(QJsonObject{{QStringLiteral("watched"),
                                   RunnerProcesses::shell(QStringLiteral(
                                       "for i in $(seq 1 12); do echo tick $i; echo warn $i >&2; "
                                       "sleep 0.3; done"))}},
            10));
    QVERIFY(waitFor(
        [&] { return runValue(QStringLiteral("watched"), QStringLiteral("status")) == "running"; },
        15000));
    RunClient client(m_db->spec());
    RunOutputFollower follower(&client);
    QString text;
    QString errors;
    connect(
        &follower, &RunOutputFollower::chunksAdded, this, [&](const QList<RunOutputChunk> &chunks) {
            for (const RunOutputChunk &chunk : chunks)
                (chunk.stderrStream ? errors : text) += chunk.text;
        });
    QString failure;
    connect(&follower, &RunOutputFollower::failed, this,
        [&](const QString &message) { failure = message; });
    follower.follow(QStringLiteral("watched"));
    QVERIFY(waitFor([&] { return text.contains(QLatin1String("tick 3\n")); }, 10000));
    QVERIFY(follower.run() && follower.run()->isRunning()); // live, not after the fact
    QVERIFY(waitFor(
        [&] {
            return follower.run() && !follower.run()->isRunning() && text.contains("tick 12\n");
        },
        20000));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QString expected;
    QString expectedErrors;
    for (int i = 1; i <= 12; ++i) {
        expected += QStringLiteral("tick %1\n").arg(i);
        expectedErrors += QStringLiteral("warn %1\n").arg(i);
    }
    QCOMPARE(text, expected);
    QCOMPARE(errors, expectedErrors);
    QCOMPARE(follower.run()->status, QStringLiteral("success"));
}

void TestRuns::abortAcrossTwoRunners()
{
    addJob(QStringLiteral("long"));
    const QJsonObject jobs{{QStringLiteral("long"),
        RunnerProcesses::shell(QStringLiteral("echo started; sleep 60; echo never"))}};
    m_runners->start(QStringLiteral("A"), m_db->url(), m_runners->writeConfig(jobs, 10));
    m_runners->start(QStringLiteral("B"), m_db->url(), m_runners->writeConfig(jobs, 10));
    QVERIFY(waitFor(
        [&] { return runValue(QStringLiteral("long"), QStringLiteral("status")) == "running"; },
        15000));
    const QString holder = runValue(QStringLiteral("long"), QStringLiteral("runner")).toString();
    QVERIFY(holder == QLatin1String("A") || holder == QLatin1String("B"));

    QByteArray out;
    QByteArray err;
    QCOMPARE(runCronctl({QStringLiteral("abort"), QStringLiteral("long"),
                            QStringLiteral("--reason"), QStringLiteral("stuck on a lock")},
                 &out, &err),
        0);
    QVERIFY2(
        out.contains(QStringLiteral("asked %1 to abort").arg(holder).toUtf8()), out.constData());
    QVERIFY2(out.contains("ended: aborted"), out.constData());
    QCOMPARE(runValue(QStringLiteral("long"), QStringLiteral("status")).toString(),
        QStringLiteral("aborted"));
    QCOMPARE(runValue(QStringLiteral("long"), QStringLiteral("abort_reason")).toString(),
        QStringLiteral("stuck on a lock"));
    QVERIFY(runValue(QStringLiteral("long"), QStringLiteral("abort_requested_by"))
                .toString()
                .contains('@'));
    // Within 1 s on PostgreSQL (NOTIFY); SQLite runners poll every 0.5 s.
    const double latency = runValue(QStringLiteral("long"),
        isPostgres()
            ? QStringLiteral("EXTRACT(EPOCH FROM finished_at - abort_requested_at)")
            : QStringLiteral("(julianday(finished_at) - julianday(abort_requested_at)) * 86400"))
                               .toDouble();
    qInfo("abort: request to recorded end %.3f s", latency);
    QVERIFY2(latency < (isPostgres() ? 1.0 : 1.5), qPrintable(QString::number(latency)));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'cron_admin_abort'"))
                 .toInt(),
        1);
    const QString details
        = m_db->scalar(QStringLiteral("SELECT detalhes FROM tenant_logs WHERE acao = "
                                      "'cron_job_error'"))
              .toString();
    const QJsonObject row = QJsonDocument::fromJson(details.toUtf8()).object();
    QCOMPARE(row.value("outcome").toString(), QStringLiteral("aborted"));
    QVERIFY(row.value("cron_run_id").toInteger() > 0);
    // The other runner did not start it again: one run, its next slot an hour away.
    QTest::qWait(1500);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toInt(), 1);

    // Nothing running now: a clear refusal.
    QCOMPARE(runCronctl({QStringLiteral("abort"), QStringLiteral("long")}, &out, &err), 2);
    QVERIFY2(err.contains("no running run"), err.constData());
}

void TestRuns::slotRacedByFourRunnersAndRunNowStartsOneRun()
{
    addJob(QStringLiteral("raced"));
    makeDue(QStringLiteral("raced"));
    const QJsonObject jobs{
        {QStringLiteral("raced"), RunnerProcesses::shell(QStringLiteral("sleep 2; echo done"))}};
    for (const QString &name :
        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")})
        m_runners->start(name, m_db->url(), m_runners->writeConfig(jobs, 10));
    QByteArray out;
    // Run-now at the same time: it makes the due slot due now, or is refused while it runs.
    runCronctl({QStringLiteral("run-now"), QStringLiteral("raced")}, &out);
    QVERIFY(waitFor(
        [&] { return runValue(QStringLiteral("raced"), QStringLiteral("status")) == "success"; },
        20000));
    QTest::qWait(1500); // any second start would have happened by now
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toInt(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'cron_job_success'"))
                 .toInt(),
        1);
}

void TestRuns::outputCapKeepsTheNewest()
{
    addJob(QStringLiteral("chatty"));
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET output_limit_bytes = 20000 WHERE nome = 'chatty'")));
    // 2,000 lines of 51 bytes: 102,000 bytes, five times the cap.
    m_runners->start(QStringLiteral("A"), m_db->url(),
        m_runners->writeConfig(
            QJsonObject{{QStringLiteral("chatty"),
                RunnerProcesses::shell(QStringLiteral(
                    "seq -f 'line %04g xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' 1 2000"))}},
            10));
    QVERIFY(waitFor(
        [&] {
            return runValue(QStringLiteral("chatty"), QStringLiteral("output_complete")).toBool();
        },
        20000));
    const qint64 stored
        = m_db->scalar(QStringLiteral("SELECT SUM(LENGTH(text)) FROM cron_run_output"))
              .toLongLong();
    QVERIFY2(stored <= 20000, qPrintable(QString::number(stored)));
    QVERIFY(stored > 15000); // the cap is used, not emptied
    QCOMPARE(runValue(QStringLiteral("chatty"), QStringLiteral("output_bytes")).toLongLong(),
        qint64(102000));
    QCOMPARE(
        runValue(QStringLiteral("chatty"), QStringLiteral("output_dropped_bytes")).toLongLong(),
        102000 - stored);
    QByteArray out;
    QByteArray err;
    QCOMPARE(runCronctl({QStringLiteral("logs"), QStringLiteral("chatty")}, &out, &err), 0);
    QVERIFY(out.endsWith("line 2000 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"));
    QVERIFY(!out.contains("line 0001 "));
    QVERIFY(out.startsWith("line ")); // cut at a line start
    QVERIFY2(err.contains("not kept"), err.constData());
}

// A walk-through restarted PostgreSQL under a runner: the first run afterwards kept no output
// ("output not written: … terminating connection due to administrator command"), as the
// output writer's connection looked open. The server ends that connection here as a restart
// does (pg_terminate_backend: the same FATAL), and the next run's output is stored. SQLite has
// no server to end a connection. Only this test's database: suites run side by side on one
// server, and their runners have output connections too.
void TestRuns::outputSurvivesAConnectionTheServerEnded()
{
    if (!isPostgres())
        return;
    addJob(QStringLiteral("after_restart"));
    m_runners->start(QStringLiteral("A"), m_db->url(),
        m_runners->writeConfig(QJsonObject{{QStringLiteral("after_restart"),
                                   RunnerProcesses::shell(QStringLiteral("echo run $$"))}},
            10));
    const auto completeRuns = [&] {
        return m_db
            ->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs WHERE job_name = "
                                    "'after_restart' AND output_complete"))
            .toInt();
    };
    QVERIFY(waitFor([&] { return completeRuns() == 1; }, 20000));
    const int ended
        = m_db->scalar(
                  QStringLiteral("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM "
                                 "pg_stat_activity WHERE datname = current_database() AND "
                                 "application_name LIKE '%/runner-output'"))
              .toInt();
    QCOMPARE(ended, 1);
    QCOMPARE(runCronctl({QStringLiteral("run-now"), QStringLiteral("after_restart")}), 0);
    QVERIFY2(waitFor([&] { return completeRuns() == 2; }, 20000),
        qPrintable(
            QStringLiteral("runs: %1, the last with %2 bytes of output")
                .arg(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toString(),
                    runValue(QStringLiteral("after_restart"), QStringLiteral("output_bytes"))
                        .toString())));
    const QString stored
        = m_db->scalar(QStringLiteral("SELECT string_agg(o.text, '' ORDER BY o.seq) FROM "
                                      "cron_run_output o WHERE o.run_id = (SELECT MAX(id) FROM "
                                      "cron_runs WHERE job_name = 'after_restart')"))
              .toString();
    QVERIFY2(stored.startsWith(QStringLiteral("run ")), qPrintable(stored));
}

void TestRuns::httpAndSqlActionsKeepTheirOutput()
{
    // A real HTTP server in this process: one answer, a body of three lines with a signed URL.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray body = "alpha 1\nsee https://files.example/x?token=SECRET123&n=2\ngamma 3\n";
    connect(&server, &QTcpServer::newConnection, &server, [&server, body] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, body] {
                if (!socket->peek(1 << 16).contains("\r\n\r\n"))
                    return;
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    addJob(QStringLiteral("fetch"));
    addJob(QStringLiteral("query"));
    // PostgreSQL: notices (a warning on stderr) and the summary; SQLite: the summary.
    const QString sql = isPostgres()
        ? QStringLiteral("DO $$ BEGIN RAISE NOTICE 'step one'; RAISE WARNING 'careful'; END $$")
        : QStringLiteral("SELECT 41 + 1");
    m_runners->start(QStringLiteral("A"), m_db->url(),
        m_runners->writeConfig(
            QJsonObject{
                {QStringLiteral("fetch"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                        {QStringLiteral("url"),
                            QStringLiteral("http://127.0.0.1:%1/report").arg(server.serverPort())},
                        {QStringLiteral("timeout_seconds"), 20}}},
                {QStringLiteral("query"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("sql")},
                        {QStringLiteral("sql"), sql}, {QStringLiteral("timeout_seconds"), 20}}}},
            10));
    for (const QString &job : {QStringLiteral("fetch"), QStringLiteral("query")}) {
        QVERIFY2(waitFor([&] { return runValue(job, QStringLiteral("output_complete")).toBool(); },
                     20000),
            qPrintable(job));
        QCOMPARE(runValue(job, QStringLiteral("status")).toString(), QStringLiteral("success"));
    }
    const auto stored = [this](const QString &job, char stream) {
        return m_db
            ->scalar(QStringLiteral("SELECT %1 FROM cron_run_output o JOIN cron_runs r ON r.id = "
                                    "o.run_id WHERE r.job_name = '%2' AND o.stream = '%3'")
                         .arg(isPostgres() ? QStringLiteral("string_agg(text, '' ORDER BY seq)")
                                           : QStringLiteral("group_concat(text, '')"),
                             job, QString(QLatin1Char(stream))))
            .toString();
    };
    // The response body, line by line, the URL's secret masked.
    const QString fetched = stored(QStringLiteral("fetch"), 'o');
    QVERIFY2(fetched.startsWith(QLatin1String("alpha 1\nsee https://files.example/x?token=")),
        qPrintable(fetched));
    QVERIFY2(fetched.endsWith(QLatin1String("&n=2\ngamma 3\n")), qPrintable(fetched));
    QVERIFY2(!fetched.contains(QLatin1String("SECRET123")), qPrintable(fetched));
    QCOMPARE(runValue(QStringLiteral("fetch"), QStringLiteral("output_bytes")).toLongLong(),
        qint64(fetched.toUtf8().size()));
    QCOMPARE(runValue(QStringLiteral("fetch"), QStringLiteral("http_status")).toInt(), 200);
    // What was kept, in the run record.
    const auto kept = [this](const QString &job) {
        return QJsonDocument::fromJson(runValue(job, QStringLiteral("result")).toByteArray())
            .object()
            .value(QStringLiteral("output_kept"))
            .toString();
    };
    QCOMPARE(kept(QStringLiteral("fetch")), QStringLiteral("response body"));
    const QString queried = stored(QStringLiteral("query"), 'o');
    if (isPostgres()) {
        QVERIFY2(queried.startsWith(QLatin1String("NOTICE:  step one\n")), qPrintable(queried));
        QVERIFY2(queried.endsWith(QLatin1String("rows affected: 0\n")), qPrintable(queried));
        QCOMPARE(stored(QStringLiteral("query"), 'e'), QStringLiteral("WARNING:  careful\n"));
        QCOMPARE(kept(QStringLiteral("query")), QStringLiteral("notices and result summary"));
    } else {
        QCOMPARE(queried, QStringLiteral("first value: 42\n"));
        QCOMPARE(kept(QStringLiteral("query")), QStringLiteral("result summary"));
    }
}

void TestRuns::hundredMegabytesStayFlat()
{
    addJob(QStringLiteral("flood"));
    QProcess *runner = m_runners->start(QStringLiteral("A"), m_db->url(),
        m_runners->writeConfig(QJsonObject{{QStringLiteral("flood"),
                                   RunnerProcesses::shell(QStringLiteral(
                                       "head -c 100000000 /dev/zero | tr '\\0' x | fold -w 99"))}},
            30));
    QVERIFY(waitFor(
        [&] {
            return runValue(QStringLiteral("flood"), QStringLiteral("output_complete")).toBool();
        },
        120000));
    const qint64 rssKb = peakRssKb(runner->processId());
    const qint64 stored
        = m_db->scalar(QStringLiteral("SELECT SUM(LENGTH(text)) FROM cron_run_output"))
              .toLongLong();
    const double seconds
        = runValue(QStringLiteral("flood"), QStringLiteral("duration_seconds")).toDouble();
    qInfo("100 MB: %.2f s, runner peak RSS %lld kB, %lld bytes stored", seconds, rssKb, stored);
    QCOMPARE(runValue(QStringLiteral("flood"), QStringLiteral("status")).toString(),
        QStringLiteral("success"));
    QVERIFY(
        runValue(QStringLiteral("flood"), QStringLiteral("output_bytes")).toLongLong() > 100000000);
    QVERIFY2(stored <= 1024 * 1024, qPrintable(QString::number(stored)));
    QVERIFY2(rssKb > 0 && rssKb <= 64 * 1024, qPrintable(QString::number(rssKb)));
}

void TestRuns::platformRunsAreRecordedAndCannotBeAborted()
{
    if (!isPostgres())
        QSKIP("the seed's functions exist on PostgreSQL only");
    addJob(QStringLiteral("platform_job"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('platform_job')")).toBool());
    QCOMPARE(runValue(QStringLiteral("platform_job"), QStringLiteral("trigger")).toString(),
        QStringLiteral("platform"));
    QVERIFY(runValue(QStringLiteral("platform_job"), QStringLiteral("runner")).isNull());
    QByteArray out;
    QByteArray err;
    QCOMPARE(runCronctl({QStringLiteral("abort"), QStringLiteral("platform_job")}, &out, &err), 2);
    QVERIFY2(err.contains("cannot be stopped from here"), err.constData());
    QVERIFY(m_db->exec(QStringLiteral(
        "SELECT finalizar_execucao_cron('platform_job', 'success', '{\"n\": 1}'::jsonb, 3)")));
    QCOMPARE(runValue(QStringLiteral("platform_job"), QStringLiteral("status")).toString(),
        QStringLiteral("success"));
    QCOMPARE(
        runValue(QStringLiteral("platform_job"), QStringLiteral("duration_seconds")).toDouble(),
        3.0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toInt(), 1);
}

void TestRuns::pruneHistoryRemovesOldRunsAndTheirOutput()
{
    addJob(QStringLiteral("old"));
    const QString longAgo = isPostgres() ? QStringLiteral("NOW() - INTERVAL '40 days'")
                                         : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', "
                                                          "'-40 days')");
    const QString recent = isPostgres() ? QStringLiteral("NOW()")
                                        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now')");
    for (int token = 1; token <= 3; ++token)
        QVERIFY(m_db->exec(
            QStringLiteral("INSERT INTO cron_runs (job_id, job_name, trigger, runner, lease_token, "
                           "started_at, status) SELECT id, nome, 'schedule', 'A', %1, %2, '%3' "
                           "FROM cron_jobs WHERE nome = 'old'")
                .arg(token)
                .arg(token == 3 ? recent : longAgo,
                    token == 2 ? QStringLiteral("running") : QStringLiteral("success"))));
    for (int token = 1; token <= 3; ++token)
        for (int seq = 1; seq <= 5; ++seq)
            QVERIFY(m_db->exec(
                QStringLiteral("INSERT INTO cron_run_output (run_id, seq, stream, text) SELECT id, "
                               "%1, 'o', 'x' FROM cron_runs WHERE lease_token = %2")
                    .arg(seq)
                    .arg(token)));
    QByteArray out;
    QCOMPARE(
        runCronctl({QStringLiteral("prune-history"), QStringLiteral("--older-than-days"),
                       QStringLiteral("30"), QStringLiteral("--batch-size"), QStringLiteral("2")},
            &out),
        0);
    QVERIFY2(out.contains("deleted 1 run record and 5 output chunks"), out.constData());
    // The old finished run is gone with its output; a running one (however old) and a recent
    // one stay.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs")).toInt(), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runs WHERE lease_token = 1"))
                 .toInt(),
        0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_run_output")).toInt(), 10);
}

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
