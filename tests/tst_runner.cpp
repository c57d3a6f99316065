// The runner: claims with leases, fencing, actions, and several real runner processes against
// one PostgreSQL server.
#include "core/db/database.h"
#include "core/runner/leasestore.h"
#include "core/runner/runnerconfig.h"
#include "core/runner/scheduler.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

ActionSpec shell(const QString &script, int timeoutSeconds = 30)
{
    ActionSpec spec;
    spec.type = ActionSpec::Type::Command;
    spec.program = QStringLiteral("/bin/sh");
    spec.args = QStringList{QStringLiteral("-c"), script};
    spec.timeoutSeconds = timeoutSeconds;
    return spec;
}

RunnerConfig config(const QMap<QString, ActionSpec> &jobs, int leaseSeconds = 6)
{
    RunnerConfig config;
    config.filePath = QStringLiteral("test");
    config.leaseSeconds = leaseSeconds;
    config.maxPollSeconds = 2;
    config.graceSeconds = 1;
    config.jobs = jobs;
    return config;
}

QJsonObject configJson(const QMap<QString, ActionSpec> &jobs, int leaseSeconds, int graceSeconds)
{
    QJsonObject jobObject;
    for (auto it = jobs.cbegin(); it != jobs.cend(); ++it)
        jobObject.insert(it.key(),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("command")},
                {QStringLiteral("program"), it->program},
                {QStringLiteral("args"), QJsonArray::fromStringList(it->args)},
                {QStringLiteral("timeout_seconds"), it->timeoutSeconds}});
    return QJsonObject{{QStringLiteral("lease_seconds"), leaseSeconds},
        {QStringLiteral("max_poll_seconds"), 5}, {QStringLiteral("grace_seconds"), graceSeconds},
        {QStringLiteral("max_concurrent_jobs"), 8}, {QStringLiteral("jobs"), jobObject}};
}

// A sleep length no other process uses ("3001.<our pid>"), so pgrep/pkill find only the
// processes this test run started, even with another run of the suite on the machine.
QString sleepMarker(int n)
{
    return QStringLiteral("%1.%2").arg(3000 + n).arg(QCoreApplication::applicationPid());
}

} // namespace

class TestRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void runsDueJobOnceAndRecordsIt();
    void recreatedJobRecordsItsFirstRun();
    void missedPeriodsRunOnceWithoutDrift();
    void lateFinisherIsFenced();
    void expiredLeaseCanBeClaimedAgain();
    void seedCallersAndRunnersExcludeEachOther();
    void timeoutKillsTheProcessTree();
    void largeAndNonJsonOutput();
    void failingCommandIsAnError();
    void sqlAction();
    void httpAction();
    void sigtermDuringRunRecordsInterrupted();
    void invalidConfigDoesNotStart();
    void fourRunnersRunEachSlotExactlyOnce();
    void killedRunnerIsTakenOverAfterLease();
    void survivesDatabaseRestart();

private:
    bool isPostgres() const { return m_db->spec().backend == Backend::PostgreSQL; }
    QString now(int plusSeconds = 0) const;
    QProcess *startRunner(const QString &name, const QString &configPath);
    QString writeConfig(const QMap<QString, ActionSpec> &jobs, int lease, int grace);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
    QTemporaryDir m_dir;
    QList<QProcess *> m_processes;
};

void TestRunner::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestRunner::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestRunner::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
        delete process;
    }
    m_processes.clear();
    QProcess::execute(QStringLiteral("pkill"),
        {QStringLiteral("-f"),
            QStringLiteral("sleep 300[0-9]\\.%1").arg(QCoreApplication::applicationPid())});
    m_conn.reset();
    m_db.reset();
}

QString TestRunner::now(int plusSeconds) const
{
    return isPostgres()
        ? QStringLiteral("(NOW() + INTERVAL '%1 seconds')").arg(plusSeconds)
        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','%1 seconds')")
              .arg(plusSeconds >= 0 ? QLatin1Char('+') + QString::number(plusSeconds)
                                    : QString::number(plusSeconds));
}

QString TestRunner::writeConfig(const QMap<QString, ActionSpec> &jobs, int lease, int grace)
{
    static int counter = 0;
    const QString path = m_dir.filePath(QStringLiteral("runner%1.json").arg(++counter));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(configJson(jobs, lease, grace)).toJson());
    return path;
}

QProcess *TestRunner::startRunner(const QString &name, const QString &configPath)
{
    auto *process = new QProcess;
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Warnings only: four runners logging every start and finish would drown the test output.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(
            QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cron.runner.info=false"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), m_db->url(), QStringLiteral("scheduler"),
            QStringLiteral("--config"), configPath, QStringLiteral("--name"), name});
    m_processes << process;
    return process;
}

void TestRunner::runsDueJobOnceAndRecordsIt()
{
    const QString out = m_dir.filePath(QStringLiteral("ran-%1.txt").arg(isPostgres()));
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("sgp_sync_inteligente"),
            shell(QStringLiteral(
                "echo run >> '%1'; echo '{\"total_provedores\": 4, \"total_novos\": 2}'")
                      .arg(out))}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(2).toBool(), true); // recorded

    JobStore store(*m_conn);
    const auto job = store.job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job->lastStatus, QStringLiteral("success"));
    QCOMPARE(job->totalRuns, 1);
    QVERIFY(job->leaseOwner.isEmpty());
    QVERIFY(job->lastResultJson.contains("total_novos"));
    // Never ran before: the grid starts at the run, 12 hours on.
    QVERIFY(qAbs(job->lastRun.secsTo(job->nextRun) - 12 * 3600) < 5);
    // One row under the seed job's own action name, with the seed's keys at the top level.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'sync_automatico_persistente'"))
                 .toInt(),
        1);
    const QJsonObject details = QJsonDocument::fromJson(
        m_db->scalar(QStringLiteral("SELECT CAST(detalhes AS TEXT) FROM tenant_logs"))
            .toString()
            .toUtf8())
                                    .object();
    QCOMPARE(
        details.value(QStringLiteral("job")).toString(), QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(details.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(details.value(QStringLiteral("runner")).toString(), scheduler.runnerName());
    QCOMPARE(details.value(QStringLiteral("total_provedores")).toInt(), 4);
    QVERIFY(details.contains(QStringLiteral("duracao_segundos")));

    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(5000));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("run\n"));
    QVERIFY(!m_db->scalar(QStringLiteral("SELECT stopped_at FROM cron_runners")).isNull());
}

void TestRunner::recreatedJobRecordsItsFirstRun()
{
    // A job deleted and created again under its name starts its lease tokens at 1 again: its
    // first run is not a replay of the old job's first run (it was taken for one, left running
    // and ran again a lease later).
    const QString name = QStringLiteral("sgp_sync_inteligente");
    const auto runOnce = [&]() -> bool {
        Scheduler scheduler(m_db->spec(), config({{name, shell(QStringLiteral("echo '{}'"))}}));
        QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
        QSignalSpy stopped(&scheduler, &Scheduler::stopped);
        scheduler.start();
        const bool ran = finished.wait(10000);
        scheduler.stop();
        return ran && (stopped.count() == 1 || stopped.wait(5000));
    };
    QVERIFY(runOnce());
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome = '%1'").arg(name)));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                      "ativo) VALUES ('%1', 'again', 12, TRUE)")
                           .arg(name)));
    QVERIFY(runOnce());
    JobStore store(*m_conn);
    const auto job = store.job(name);
    QVERIFY(job);
    QCOMPARE(job->leaseToken, 1);
    QCOMPARE(job->lastStatus, QStringLiteral("success"));
    QCOMPARE(job->totalRuns, 1);
    QVERIFY(job->leaseOwner.isEmpty());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao IN "
                                         "('sync_automatico_persistente', 'cron_job_success')"))
                 .toInt(),
        2);
}

void TestRunner::missedPeriodsRunOnceWithoutDrift()
{
    // Planned for 5.5 hours ago with a 1-hour interval: five slots were missed while no runner
    // ran. One run, and the next slot stays on the original grid.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET intervalo_horas = 1, last_run = %1, "
                                      "next_run = %2, ultimo_status = 'success'")
                           .arg(now(-7 * 3600), now(-(5 * 3600 + 1800)))));
    JobStore store(*m_conn);
    const QDateTime planned = store.job(QStringLiteral("sgp_sync_inteligente"))->nextRun;
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("sgp_sync_inteligente"), shell(QStringLiteral("true"))}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(10000));
    const auto job = store.job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job->totalRuns, 1);
    QCOMPARE(job->nextRun, planned.addSecs(6 * 3600)); // 30 minutes from now, on the grid
    QVERIFY(job->nextRun > job->readAt);
    QVERIFY(job->nextRun <= job->readAt.addSecs(3600));
    QCOMPARE(finished.count(), 1);
}

void TestRunner::lateFinisherIsFenced()
{
    LeaseStore runner(*m_conn, QStringLiteral("runner-a"), 60);
    const auto claims = runner.claimDue({QStringLiteral("sgp_sync_inteligente")}, 10);
    QVERIFY(claims.ok());
    QCOMPARE(claims->size(), 1);
    // An admin resets the job while runner-a still runs it (its lease is live: forced).
    JobStore store(*m_conn);
    ActionOptions force;
    force.force = true;
    QVERIFY(store.reset(QStringLiteral("sgp_sync_inteligente"), force).ok());
    ExecutionResult result;
    result.success = true;
    const auto recorded = runner.finish(claims->first(), result, {});
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->fenced, true);
    QCOMPARE(store.job(QStringLiteral("sgp_sync_inteligente"))->totalRuns, 0);
    // The run happened, so the history shows it (once), marked as fenced; the job is untouched.
    QCOMPARE(
        m_db->scalar(QStringLiteral(
                         "SELECT COUNT(*) FROM tenant_logs WHERE acao NOT LIKE 'cron_admin_%'"))
            .toInt(),
        1);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT detalhes FROM tenant_logs WHERE acao NOT LIKE "
                                        "'cron_admin_%'"))
                .toString()
                .contains(QLatin1String("fenced")));
    // Sent again (a lost reply, a replayed journal): nothing is written twice.
    QCOMPARE(runner.finish(claims->first(), result, {})->duplicate, true);
    QCOMPARE(
        m_db->scalar(QStringLiteral(
                         "SELECT COUNT(*) FROM tenant_logs WHERE acao NOT LIKE 'cron_admin_%'"))
            .toInt(),
        1);
    QCOMPARE(runner.renew(claims->first()).value().has_value(), false);
}

void TestRunner::expiredLeaseCanBeClaimedAgain()
{
    LeaseStore a(*m_conn, QStringLiteral("runner-a"), 3);
    LeaseStore b(*m_conn, QStringLiteral("runner-b"), 3);
    const QStringList names{QStringLiteral("sgp_sync_inteligente")};
    const auto first = a.claimDue(names, 5);
    QCOMPARE(first->size(), 1);
    QCOMPARE(b.claimDue(names, 5)->size(), 0); // held
    QVERIFY(a.renew(first->first()).value().has_value());
    // Runner A dies; after its lease B takes over with a newer token.
    // claimDue has an effect, so poll it by hand (QTRY_* evaluate their expression again).
    QList<Claim> taken;
    QElapsedTimer deadline;
    deadline.start();
    while (taken.isEmpty() && deadline.elapsed() < 10000) {
        taken = b.claimDue(names, 5).value();
        if (taken.isEmpty())
            QTest::qWait(100);
    }
    QCOMPARE(taken.size(), 1);
    QVERIFY(deadline.elapsed() >= 2000); // not before the lease ran out
    QCOMPARE(taken.first().token, first->first().token + 1);
    QCOMPARE(a.renew(first->first()).value().has_value(), false);
    ExecutionResult late;
    QCOMPARE(a.finish(first->first(), late, {})->fenced, true);
    ExecutionResult result;
    result.success = true;
    QCOMPARE(b.finish(taken.first(), result, {})->fenced, false);
}

void TestRunner::seedCallersAndRunnersExcludeEachOther()
{
    if (!isPostgres())
        return; // the seed's SQL functions exist on PostgreSQL only
    LeaseStore runner(*m_conn, QStringLiteral("runner-a"), 60);
    const QStringList names{QStringLiteral("sgp_sync_inteligente")};
    // The web platform claims first: the runner gets nothing.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('sgp_sync_inteligente')"))
                 .toBool(),
        true);
    QCOMPARE(runner.claimDue(names, 5)->size(), 0);
    QVERIFY(m_db->exec(QStringLiteral(
        "SELECT finalizar_execucao_cron('sgp_sync_inteligente', 'success', NULL, 1)")));
    QCOMPARE(runner.claimDue(names, 5)->size(), 0); // not due for 12 hours
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET next_run = NOW()")));
    // Now the runner claims, and the platform cannot.
    const auto claims = runner.claimDue(names, 5);
    QCOMPARE(claims->size(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('sgp_sync_inteligente')"))
                 .toBool(),
        false);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        false);
}

void TestRunner::timeoutKillsTheProcessTree()
{
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("sgp_sync_inteligente"),
            shell(QStringLiteral("sleep %1 & sleep %2; true").arg(sleepMarker(1), sleepMarker(2)),
                1)}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    QElapsedTimer clock;
    clock.start();
    scheduler.start();
    QVERIFY(finished.wait(15000));
    QVERIFY(clock.elapsed() < 10000);
    const ExecutionResult result = finished.first().at(1).value<ExecutionResult>();
    QVERIFY(!result.success);
    QVERIFY2(result.error.contains(QLatin1String("timed out after 1 s")), qPrintable(result.error));
    // Neither sleep survives: the whole group was killed.
    QTRY_COMPARE_WITH_TIMEOUT(
        QProcess::execute(QStringLiteral("pgrep"),
            {QStringLiteral("-f"),
                QStringLiteral("sleep 300[12]\\.%1").arg(QCoreApplication::applicationPid())}),
        1, 5000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs")).toString(),
        QStringLiteral("error"));
}

void TestRunner::largeAndNonJsonOutput()
{
    // 20 MB on stdout and on stderr; kept: a bounded head and tail.
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("sgp_sync_inteligente"),
            shell(QStringLiteral("head -c 20000000 /dev/zero | tr '\\0' 'x'; head -c 20000000 "
                                 "/dev/zero | tr '\\0' 'y' >&2; echo END"))}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(30000));
    const ExecutionResult result = finished.first().at(1).value<ExecutionResult>();
    QVERIFY2(result.success, qPrintable(result.error));
    QCOMPARE(result.result.value(QStringLiteral("output_truncated")).toBool(), true);
    QCOMPARE(result.result.value(QStringLiteral("stdout_bytes")).toDouble(), 20000004.0);
    const QString tail = result.result.value(QStringLiteral("stdout_tail")).toString();
    QVERIFY(tail.size() <= 64 * 1024);
    QVERIFY(tail.endsWith(QLatin1String("xxxEND\n")));
    QVERIFY(result.result.value(QStringLiteral("stderr_tail")).toString().size() <= 64 * 1024);
    // Stored in the job row too, at that bounded size.
    QVERIFY(
        m_db->scalar(QStringLiteral("SELECT LENGTH(CAST(ultimo_resultado AS TEXT)) FROM cron_jobs"))
            .toInt()
        < 200 * 1024);
}

void TestRunner::failingCommandIsAnError()
{
    QVERIFY(m_db->exec(
        QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('falha', 1)")));
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("falha"),
            shell(QStringLiteral("echo not json; echo boom >&2; exit 3"))}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(10000));
    const ExecutionResult result = finished.first().at(1).value<ExecutionResult>();
    QVERIFY(!result.success);
    QCOMPARE(result.error, QStringLiteral("exit code 3: boom"));
    QCOMPARE(result.result.value(QStringLiteral("stdout_tail")).toString(),
        QStringLiteral("not json\n"));
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_job_error'"))
                 .toInt(),
        1);
    JobStore store(*m_conn);
    HistoryQuery query;
    query.job = QStringLiteral("falha");
    const auto history = store.history(query);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().status, QStringLiteral("error"));
}

void TestRunner::sqlAction()
{
    ActionSpec spec;
    spec.type = ActionSpec::Type::Sql;
    spec.sql = QStringLiteral(
        "UPDATE cron_jobs SET descricao = 'tocado' WHERE nome = 'sgp_sync_inteligente'");
    spec.timeoutSeconds = 10;
    Scheduler scheduler(m_db->spec(), config({{QStringLiteral("sgp_sync_inteligente"), spec}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(10000));
    ExecutionResult result = finished.first().at(1).value<ExecutionResult>();
    QVERIFY2(result.success, qPrintable(result.error));
    QCOMPARE(result.result.value(QStringLiteral("rows_affected")).toInt(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT descricao FROM cron_jobs")).toString(),
        QStringLiteral("tocado"));
    if (!isPostgres())
        return;
    // The statement timeout is enforced by the server.
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES ('lento')")));
    ActionSpec slow;
    slow.type = ActionSpec::Type::Sql;
    slow.sql = QStringLiteral("SELECT pg_sleep(30)");
    slow.timeoutSeconds = 1;
    Scheduler second(m_db->spec(), config({{QStringLiteral("lento"), slow}}));
    QSignalSpy slowFinished(&second, &Scheduler::jobFinished);
    second.start();
    QVERIFY(slowFinished.wait(15000));
    result = slowFinished.first().at(1).value<ExecutionResult>();
    QVERIFY(!result.success);
    QVERIFY2(result.error.contains(QLatin1String("statement timeout")), qPrintable(result.error));
}

void TestRunner::httpAction()
{
    // A tiny HTTP server on loopback: 200 with JSON for /ok, 500 for anything else.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            const QByteArray request = socket->readAll();
            const bool ok = request.startsWith("POST /ok");
            const QByteArray body = ok ? QByteArray("{\"aquecidos\": 12}") : QByteArray("falhou");
            socket->write(
                (ok ? QByteArray("HTTP/1.1 200 OK\r\n") : QByteArray("HTTP/1.1 500 Internal\r\n"))
                + "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    });
    ActionSpec ok;
    ok.type = ActionSpec::Type::Http;
    ok.method = QStringLiteral("POST");
    ok.url = QStringLiteral("http://127.0.0.1:%1/ok").arg(server.serverPort());
    ok.body = "{}";
    ok.timeoutSeconds = 10;
    ActionSpec bad = ok;
    bad.url = QStringLiteral("http://127.0.0.1:%1/bad").arg(server.serverPort());
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES ('http_ruim')")));
    Scheduler scheduler(m_db->spec(),
        config({{QStringLiteral("sgp_sync_inteligente"), ok}, {QStringLiteral("http_ruim"), bad}}));
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const ExecutionResult result = signal.at(1).value<ExecutionResult>();
        if (signal.at(0).toString() == QLatin1String("http_ruim")) {
            QVERIFY(!result.success);
            QVERIFY2(result.error.startsWith(QLatin1String("HTTP 500")), qPrintable(result.error));
        } else {
            QVERIFY2(result.success, qPrintable(result.error));
            QCOMPARE(result.result.value(QStringLiteral("aquecidos")).toInt(), 12);
        }
    }
}

void TestRunner::sigtermDuringRunRecordsInterrupted()
{
    const QString path = writeConfig({{QStringLiteral("sgp_sync_inteligente"),
                                         shell(QStringLiteral("sleep ") + sleepMarker(3), 120)}},
        6, 1);
    QProcess *runner = startRunner(QStringLiteral("term-test"), path);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs")).toString(),
        QStringLiteral("running"), 15000);
    runner->terminate(); // SIGTERM
    QVERIFY(runner->waitForFinished(15000));
    QCOMPARE(runner->exitStatus(), QProcess::NormalExit);
    QCOMPARE(runner->exitCode(), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs")).toString(),
        QStringLiteral("error"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT lease_owner FROM cron_jobs")).isNull());
    QVERIFY(m_db->scalar(QStringLiteral("SELECT CAST(ultimo_resultado AS TEXT) FROM cron_jobs"))
                .toString()
                .contains(QLatin1String("interrupted")));
    QVERIFY(
        !m_db->scalar(QStringLiteral(
                          "SELECT stopped_at FROM cron_runners WHERE runner_name = 'term-test'"))
             .isNull());
    QTRY_COMPARE_WITH_TIMEOUT(
        QProcess::execute(QStringLiteral("pgrep"),
            {QStringLiteral("-f"), QStringLiteral("sleep ") + sleepMarker(3)}),
        1, 5000);
}

void TestRunner::invalidConfigDoesNotStart()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"jobs": {"x": {"type": "command", "program": "relative"}}})");
    file.close();
    QProcess process;
    process.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), m_db->url(), QStringLiteral("scheduler"),
            QStringLiteral("--config"), path});
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(
        err.startsWith(QStringLiteral("cronctl: ") + path + QStringLiteral(": jobs.x.program: ")),
        qPrintable(err));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runners")).toInt(), 0);
}

void TestRunner::fourRunnersRunEachSlotExactlyOnce()
{
    if (!isPostgres())
        return; // several runners share one PostgreSQL; SQLite is one machine's
    constexpr int jobCount = 50;
    const int soakMs = qEnvironmentVariableIntValue("CRON_TEST_SOAK_SECONDS") > 0
        ? qEnvironmentVariableIntValue("CRON_TEST_SOAK_SECONDS") * 1000
        : 60000;
    const QString log = m_dir.filePath(QStringLiteral("soak.log"));
    QMap<QString, ActionSpec> jobs;
    for (int i = 0; i < jobCount; ++i) {
        const QString name = QStringLiteral("soak_%1").arg(i, 2, 10, QLatin1Char('0'));
        // Each run appends its start and end; O_APPEND keeps small lines whole across processes.
        jobs.insert(name,
            shell(QStringLiteral("echo \"start %1 $(date +%s%N)\" >> '%2'; sleep 0.02; "
                                 "echo \"end %1 $(date +%s%N)\" >> '%2'")
                      .arg(name, log)));
    }
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO cron_jobs (nome, intervalo_horas, last_run, next_run, ultimo_status) "
        "SELECT 'soak_' || lpad(g::text, 2, '0'), 12, NOW(), NOW() + INTERVAL '1 day', 'success' "
        "FROM generate_series(0, %1) g")
                           .arg(jobCount - 1)));
    const QString path = writeConfig(jobs, 10, 5);
    for (int r = 0; r < 4; ++r)
        startRunner(QStringLiteral("soak-%1").arg(r), path);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runners WHERE stopped_at IS NULL"))
            .toInt(),
        4, 15000);

    QElapsedTimer clock;
    clock.start();
    int generations = 0;
    while (clock.elapsed() < soakMs) {
        ++generations;
        // The seed's troubleshooting step, for every job at once.
        QVERIFY(m_db->exec(
            QStringLiteral("UPDATE cron_jobs SET next_run = NOW() WHERE nome LIKE 'soak_%'")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs WHERE nome LIKE 'soak_%' "
                                        "AND total_execucoes = %1 "
                                        "AND ultimo_status <> 'running'")
                             .arg(generations))
                    .toInt()
                == jobCount,
            30000);
    }
    for (QProcess *runner : std::as_const(m_processes))
        runner->terminate();
    for (QProcess *runner : std::as_const(m_processes))
        QVERIFY(runner->waitForFinished(20000));

    // Exactly once per slot, in the database...
    QCOMPARE(
        m_db
            ->scalar(QStringLiteral(
                "SELECT COUNT(*) FROM cron_jobs WHERE nome LIKE 'soak_%' AND total_execucoes <> %1")
                         .arg(generations))
            .toInt(),
        0);
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_job_success'"))
                 .toInt(),
        jobCount * generations);
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_job_error'"))
                 .toInt(),
        0);
    QVERIFY(
        m_db->scalar(QStringLiteral("SELECT COUNT(DISTINCT detalhes->>'runner') FROM tenant_logs"))
            .toInt()
        >= 2);
    // ...and in what really ran: per job, as many runs as slots, never two at once.
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<QString, QList<QPair<qint64, qint64>>> runs;
    QHash<QString, qint64> open;
    int overlaps = 0;
    int lines = 0;
    while (!file.atEnd()) {
        const QList<QByteArray> parts = file.readLine().trimmed().split(' ');
        QCOMPARE(parts.size(), 3);
        ++lines;
        const QString job = QString::fromLatin1(parts[1]);
        const qint64 at = parts[2].toLongLong();
        if (parts[0] == "start") {
            if (open.contains(job))
                ++overlaps;
            open.insert(job, at);
        } else {
            runs[job] << qMakePair(open.take(job), at);
        }
    }
    QCOMPARE(overlaps, 0);
    QVERIFY(open.isEmpty());
    QCOMPARE(runs.size(), jobCount);
    for (auto it = runs.cbegin(); it != runs.cend(); ++it) {
        QCOMPARE(it->size(), generations);
        for (int i = 1; i < it->size(); ++i)
            QVERIFY2(it->at(i).first >= it->at(i - 1).second, qPrintable(it.key()));
    }
    qInfo("soak: %d generations x %d jobs = %d runs in %lld ms on 4 runners, 0 duplicates, 0 "
          "overlaps",
        generations, jobCount, lines / 2, clock.elapsed());
}

void TestRunner::killedRunnerIsTakenOverAfterLease()
{
    if (!isPostgres())
        return;
    ActionSpec sleeper;
    sleeper.program = QStringLiteral("/bin/sleep");
    sleeper.args = QStringList{sleepMarker(4)};
    sleeper.timeoutSeconds = 120;
    const QString path = writeConfig({{QStringLiteral("sgp_sync_inteligente"), sleeper}}, 5, 1);
    QProcess *a = startRunner(QStringLiteral("victim"), path);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT lease_owner FROM cron_jobs")).toString(),
        QStringLiteral("victim"), 15000);
    const qint64 token
        = m_db->scalar(QStringLiteral("SELECT lease_token FROM cron_jobs")).toLongLong();
    ::kill(pid_t(a->processId()), SIGKILL);
    QVERIFY(a->waitForFinished(5000));
    // Its action dies with it: nothing of the dead runner keeps running the job.
    QTRY_COMPARE_WITH_TIMEOUT(
        QProcess::execute(QStringLiteral("pgrep"),
            {QStringLiteral("-f"), QStringLiteral("sleep ") + sleepMarker(4)}),
        1, 5000);
    startRunner(QStringLiteral("heir"), path);
    // The heir waits for the lease to run out, then runs the job again with a newer token.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT lease_owner FROM cron_jobs")).toString(),
        QStringLiteral("heir"), 20000);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT lease_token FROM cron_jobs")).toLongLong(), token + 1);
    // The dead runner is visibly stale; the heir is live.
    auto states = [&] {
        QProcess list;
        list.start(QStringLiteral(CRONCTL_PATH),
            {QStringLiteral("--db"), m_db->url(), QStringLiteral("runners"),
                QStringLiteral("--json")});
        list.waitForFinished(10000);
        const QJsonArray runners = QJsonDocument::fromJson(list.readAllStandardOutput())
                                       .object()
                                       .value(QStringLiteral("runners"))
                                       .toArray();
        QStringList result;
        for (const QJsonValue runner : runners)
            result << runner[QStringLiteral("runner_name")].toString() + QLatin1Char('=')
                    + runner[QStringLiteral("state")].toString();
        result.sort();
        return result;
    };
    QTRY_COMPARE_WITH_TIMEOUT(states(), QStringList({"heir=live", "victim=stale"}), 15000);
}

void TestRunner::survivesDatabaseRestart()
{
    if (!isPostgres())
        return;
    QString restart = qEnvironmentVariable("CRON_TEST_PG_RESTART");
    if (restart.isEmpty() && qEnvironmentVariableIsSet("PG_CLUSTER_CONF_ROOT"))
        restart = QStringLiteral("pg_ctlcluster %1 regress restart -m fast")
                      .arg(qEnvironmentVariable("PGVERSION"));
    QVERIFY2(!restart.isEmpty(),
        "set CRON_TEST_PG_RESTART to the command that restarts the test server "
        "(tests/run-all.sh does it through pg_virtualenv)");
    const QString path = writeConfig(
        {{QStringLiteral("sgp_sync_inteligente"), shell(QStringLiteral("true"))}}, 6, 1);
    QProcess *runner = startRunner(QStringLiteral("survivor"), path);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs")).toInt(), 1, 15000);
    m_conn.reset();
    QCOMPARE(QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), restart}), 0);
    // Due again after the restart: the same runner process runs it, without being restarted.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_db->exec(QStringLiteral("UPDATE cron_jobs SET next_run = NOW()")), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs")).toInt(), 2, 40000);
    QCOMPARE(runner->state(), QProcess::Running);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT heartbeat_at > NOW() - INTERVAL '10 seconds' FROM "
                                    "cron_runners WHERE runner_name = 'survivor'"))
            .toBool(),
        15000);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
