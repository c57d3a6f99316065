// Per-job policies and alerts (issue 17) with real runner processes on SQLite and PostgreSQL:
// retries, one failure notification per streak, pause all, overdue and "no runner".
#include "core/db/database.h"
#include "core/domain/jobpolicy.h"
#include "core/store/eventstore.h"
#include "core/store/jobstore.h"
#include "core/store/pausestore.h"
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

QStringList lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList list;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            list << QString::fromUtf8(line);
    }
    return list;
}

// A real HTTP/1.1 server on 127.0.0.1 that records each request's body and answers with the
// next status of `statuses` (then 200). It reads a request whole (headers, then Content-Length
// bytes) before answering, however the bytes arrive.
class RecordingHttpServer final {
public:
    explicit RecordingHttpServer(QList<int> statuses)
        : m_statuses(std::move(statuses))
    {
        m_clock.start();
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                QObject::connect(
                    socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    const QList<QByteArray> &bodies() const { return m_bodies; }
    const QList<int> &answered() const { return m_answered; }
    const QList<QByteArray> &heads() const { return m_heads; }
    const QList<qint64> &receivedAt() const { return m_receivedAt; } // ms since the start

private:
    void read(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        m_heads << head;
        m_receivedAt << m_clock.elapsed();
        m_bodies << buffer.mid(end + 4, length);
        const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
        m_answered << status;
        const QByteArray reply = status == 200 ? QByteArray("ok") : QByteArray("down");
        socket->write("HTTP/1.1 " + QByteArray::number(status)
            + (status == 200 ? " OK" : " Internal Server Error")
            + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(reply.size())
            + "\r\nConnection: close\r\n\r\n" + reply);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<int> m_statuses;
    QList<QByteArray> m_bodies;
    QList<QByteArray> m_heads;
    QList<int> m_answered;
    QList<qint64> m_receivedAt;
    QElapsedTimer m_clock;
};

} // namespace

class TestPolicies : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void setPolicyValidatesAndAudits();
    void retriesThenOneFailureNotification();
    void failureThenRecoveredOncePerStreak();
    void failedDeliveryRetriedAndOrphanTakenOver();
    void httpNotifyDeliversOneFailureBody();
    void httpNotifyRetriedAfterA500();
    void pauseAllHoldsRunnersAndSeedFunction();
    void overdueAndNoRunnerInStatusJson();
    void catchUpRules();
    void catchUpSkipAndAllWithARunner();
    void oneShotRunsOnceThenDisables();

private:
    bool isPostgres() const { return m_db->spec().backend == Backend::PostgreSQL; }
    QString json(const QString &column) const
    {
        return isPostgres() ? column + QStringLiteral("::text") : column;
    }
    QJsonObject statusJson();
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
};

void TestPolicies::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestPolicies::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestPolicies::cleanup()
{
    m_conn.reset();
    m_db.reset();
}

QJsonObject TestPolicies::statusJson()
{
    QProcess cronctl;
    cronctl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cronctl.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), m_db->url(), QStringLiteral("status"), QStringLiteral("--json")});
    if (!cronctl.waitForFinished(30000) || cronctl.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(cronctl.readAllStandardOutput()).object();
}

void TestPolicies::setPolicyValidatesAndAudits()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("p"), {}, 1, true, {}, {}}));
    PolicyChange bad;
    bad.maxRetries = -1;
    const auto refused = store.setPolicy(QStringLiteral("p"), bad);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("--max-retries")),
        qPrintable(refused.error().message));
    PolicyChange badBackoff;
    badBackoff.retryBackoff = 0.5;
    QVERIFY(!store.setPolicy(QStringLiteral("p"), badBackoff));
    PolicyChange change;
    change.maxRetries = 2;
    change.retryDelaySeconds = 5;
    change.retryBackoff = 2;
    change.overdueAfterSeconds = 60;
    const auto set = store.setPolicy(QStringLiteral("p"), change);
    QVERIFY2(set, set ? "" : qPrintable(set.error().message));
    QVERIFY(set->changed);
    QCOMPARE(set->job.maxRetries, 2);
    QCOMPARE(set->job.retryDelaySeconds, 5);
    QCOMPARE(set->job.retryBackoff, 2.0);
    QCOMPARE(set->job.overdueAfterSeconds, 60);
    QCOMPARE(JobPolicy::retryDelayAfter(set->job, 1), 5);
    QCOMPARE(JobPolicy::retryDelayAfter(set->job, 2), 10);
    QVERIFY(!store.setPolicy(QStringLiteral("p"), change)->changed);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'cron_admin_set_policy'"))
                 .toInt(),
        1);
}

void TestPolicies::retriesThenOneFailureNotification()
{
    // Two runners share the database; the job fails every time.
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("flaky"), {}, 1, true, {}, {}}));
    PolicyChange change;
    change.maxRetries = 2;
    change.retryDelaySeconds = 2;
    QVERIFY(store.setPolicy(QStringLiteral("flaky"), change));
    // A slot of its own (a new job's next_run is NULL: due, but no slot).
    QVERIFY(m_db->exec(isPostgres() ? QStringLiteral("UPDATE cron_jobs SET next_run = NOW()")
                                    : QStringLiteral("UPDATE cron_jobs SET next_run = "
                                                     "strftime('%Y-%m-%d %H:%M:%f', 'now')")));

    RunnerProcesses runners;
    const QString notifyLog = runners.path(QStringLiteral("notify.log"));
    // Each delivery appends the event (stdin) as one line; two runners, one file.
    const QJsonObject notify = RunnerProcesses::shell(
        QStringLiteral("cat | tr -d '\\n' >> '%1'; echo >> '%1'").arg(notifyLog), 10);
    const QString config
        = runners.writeConfig({{QStringLiteral("flaky"),
                                  RunnerProcesses::shell(QStringLiteral("echo nope >&2; exit 3"))}},
            6, 1, 2, {{QStringLiteral("notify"), notify}});
    runners.start(QStringLiteral("r1"), m_db->url(), config);
    runners.start(QStringLiteral("r2"), m_db->url(), config);

    const QString errors
        = QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_job_error'");
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(errors).toInt(), 3, 40000);
    QTRY_COMPARE_WITH_TIMEOUT(lines(notifyLog).size(), 1, 20000);
    // The streak is over: no fourth attempt is planned, the regular slot is an hour away.
    const auto job = store.job(QStringLiteral("flaky"));
    QVERIFY(job);
    QVERIFY2(!job->retryAt.isValid(), qPrintable(job->retryAt.toString(Qt::ISODate)));
    QCOMPARE(job->retryAttempt, 0);
    QCOMPARE(job->alertState, QStringLiteral("failing"));
    QCOMPARE(job->totalRuns, 3);
    QVERIFY(job->nextRun > job->readAt.addSecs(3000));

    const QString attempts = isPostgres()
        ? QStringLiteral("SELECT string_agg((detalhes->>'attempt') || '/' || "
                         "(detalhes->>'max_attempts'), ',' ORDER BY id) FROM tenant_logs "
                         "WHERE acao = 'cron_job_error'")
        : QStringLiteral("SELECT group_concat(a, ',') FROM (SELECT json_extract(detalhes, "
                         "'$.attempt') || '/' || json_extract(detalhes, '$.max_attempts') AS a "
                         "FROM tenant_logs WHERE acao = 'cron_job_error' ORDER BY id)");
    QCOMPARE(m_db->scalar(attempts).toString(), QStringLiteral("1/3,2/3,3/3"));
    // The three attempts are runs of one slot: the retries carry the failed slot as their
    // scheduled_for (retry_slot), not the next regular one, and the slot rule tells them apart
    // by attempt.
    const auto runs = [this](const QString &what) {
        return m_db
            ->scalar(QStringLiteral("SELECT %1 FROM cron_runs WHERE job_name = 'flaky'").arg(what))
            .toInt();
    };
    QCOMPARE(runs(QStringLiteral("COUNT(*)")), 3);
    QCOMPARE(runs(QStringLiteral("COUNT(scheduled_for)")), 3);
    QCOMPARE(runs(QStringLiteral("COUNT(DISTINCT scheduled_for)")), 1);
    QCOMPARE(runs(QStringLiteral("COUNT(DISTINCT attempt)")), 3);
    QCOMPARE(runs(QStringLiteral("SUM(CASE WHEN trigger = 'retry' THEN 1 ELSE 0 END)")), 2);
    QVERIFY(!job->retrySlot.isValid()); // the streak is over
    // The retries waited for their delay (2 s) after the attempt before.
    const QString gaps = isPostgres()
        ? QStringLiteral(
            "SELECT MIN(g) FROM (SELECT EXTRACT(EPOCH FROM created_at - LAG(created_at) "
            "OVER (ORDER BY id)) AS g FROM tenant_logs WHERE acao = "
            "'cron_job_error') x")
        : QStringLiteral("SELECT MIN(g) FROM (SELECT (julianday(created_at) - julianday(LAG("
                         "created_at) OVER (ORDER BY id))) * 86400.0 AS g FROM tenant_logs "
                         "WHERE acao = 'cron_job_error')");
    QVERIFY2(m_db->scalar(gaps).toDouble() >= 1.9, qPrintable(m_db->scalar(gaps).toString()));

    const QJsonObject event
        = QJsonDocument::fromJson(lines(notifyLog).constFirst().toUtf8()).object();
    QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(event.value(QStringLiteral("job")).toString(), QStringLiteral("flaky"));
    QCOMPARE(event.value(QStringLiteral("attempt")).toInt(), 3);
    QVERIFY(
        QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODate).isValid());
    QVERIFY(!event.value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("error"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events WHERE event = "
                                         "'failure' AND delivered_at IS NOT NULL"))
                 .toInt(),
        1);
}

void TestPolicies::failureThenRecoveredOncePerStreak()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("mood"), {}, 1, true, {}, {}}));
    RunnerProcesses runners;
    const QString notifyLog = runners.path(QStringLiteral("notify.log"));
    const QString okFile = runners.path(QStringLiteral("ok"));
    const QJsonObject notify = RunnerProcesses::shell(
        QStringLiteral("cat | tr -d '\\n' >> '%1'; echo >> '%1'").arg(notifyLog), 10);
    const QString config = runners.writeConfig(
        {{QStringLiteral("mood"),
            RunnerProcesses::shell(QStringLiteral("test -f '%1'").arg(okFile))}},
        6, 1, 1, {{QStringLiteral("notify"), notify}});
    runners.start(QStringLiteral("moody"), m_db->url(), config);
    const QString runs
        = QStringLiteral("SELECT total_execucoes FROM cron_jobs WHERE nome = 'mood'");
    const auto event = [&](int line) {
        const QStringList all = lines(notifyLog);
        return all.size() > line ? QJsonDocument::fromJson(all.at(line).toUtf8())
                                       .object()
                                       .value(QStringLiteral("event"))
                                       .toString()
                                 : QString();
    };
    // Fails (no retries): one failure event. Fails again: nothing more, same streak.
    QTRY_COMPARE_WITH_TIMEOUT(event(0), QStringLiteral("failure"), 20000);
    QVERIFY(store.runNow(QStringLiteral("mood")));
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(runs).toInt(), 2, 20000);
    // Succeeds: one recovered event. Succeeds again: nothing more.
    QFile ok(okFile);
    QVERIFY(ok.open(QIODevice::WriteOnly));
    ok.close();
    QVERIFY(store.runNow(QStringLiteral("mood")));
    QTRY_COMPARE_WITH_TIMEOUT(event(1), QStringLiteral("recovered"), 20000);
    QVERIFY(store.runNow(QStringLiteral("mood")));
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(runs).toInt(), 4, 20000);
    // Every event is delivered (notify runs after the run is recorded, on each heartbeat too).
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events "
                                                          "WHERE delivered_at IS NULL"))
                                  .toInt(),
        0, 10000);
    QCOMPARE(lines(notifyLog).size(), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events")).toInt(), 2);
}

// At least once: a delivery that failed is tried again (notify_retry_seconds), and an event a
// dead runner had claimed is delivered by a live one once its hold has passed; each event
// reaches the notify command exactly once with success.
void TestPolicies::failedDeliveryRetriedAndOrphanTakenOver()
{
    // The orphan: claimed by a runner that never reported (held for 1 s).
    QVERIFY(EventStore::add(*m_conn, QStringLiteral("stuck"), QStringLiteral("ghost"), {},
        QStringLiteral("orphan-1"), QJsonObject{{QStringLiteral("message"), QStringLiteral("x")}}));
    const auto claimed = EventStore::claim(*m_conn, QStringLiteral("dead-runner"), 1, 1);
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 1);

    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("broken"), {}, 1, true, {}, {}}));
    RunnerProcesses runners;
    const QString notifyLog = runners.path(QStringLiteral("notify.log"));
    const QString tried = runners.path(QStringLiteral("tried"));
    // The first delivery fails (exit 3), every later one succeeds.
    const QJsonObject notify = RunnerProcesses::shell(
        QStringLiteral("if [ -f '%2' ]; then cat | tr -d '\\n' >> '%1'; echo >> '%1'; "
                       "else touch '%2'; cat > /dev/null; exit 3; fi")
            .arg(notifyLog, tried),
        10);
    const QString config
        = runners.writeConfig({{QStringLiteral("broken"), RunnerProcesses::shell("false")}}, 6, 1,
            1, {{QStringLiteral("notify"), notify}, {QStringLiteral("notify_retry_seconds"), 1}});
    runners.start(QStringLiteral("notifier"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events "
                                                          "WHERE delivered_at IS NOT NULL"))
                                  .toInt(),
        2, 30000);
    QVERIFY(QFile::exists(tried));
    const QStringList delivered = lines(notifyLog);
    QCOMPARE(delivered.size(), 2);
    QStringList events;
    for (const QString &line : delivered)
        events << QJsonDocument::fromJson(line.toUtf8()).object().value("event").toString();
    events.sort();
    QCOMPARE(events, (QStringList{QStringLiteral("failure"), QStringLiteral("stuck")}));
    // Four attempts in all (the dead runner's, one failed, two delivered), no error left, both
    // delivered by the live runner.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT SUM(attempts) FROM cron_events")).toInt(), 4);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events WHERE "
                                         "delivery_error IS NOT NULL OR claimed_by <> 'notifier'"))
                 .toInt(),
        0);
}

// The http notify type (issue 17): the event is the body of a POST to a real local server.
void TestPolicies::httpNotifyDeliversOneFailureBody()
{
    RecordingHttpServer server({});
    QVERIFY(server.port() != 0);
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("webfail"), {}, 1, true, {}, {}}));
    RunnerProcesses runners;
    const QJsonObject notify{{QStringLiteral("type"), QStringLiteral("http")},
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(server.port())},
        {QStringLiteral("timeout_seconds"), 10}};
    const QString config
        = runners.writeConfig({{QStringLiteral("webfail"),
                                  RunnerProcesses::shell(QStringLiteral("echo bad >&2; exit 4"))}},
            6, 1, 1, {{QStringLiteral("notify"), notify}});
    // Two runners share the database: the event still reaches the server once.
    runners.start(QStringLiteral("web1"), m_db->url(), config);
    runners.start(QStringLiteral("web2"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(server.bodies().size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events "
                                                          "WHERE delivered_at IS NOT NULL"))
                                  .toInt(),
        1, 10000);
    const QByteArray head = server.heads().constFirst();
    QVERIFY2(head.startsWith("POST /hook "), head.constData());
    QVERIFY2(head.toLower().contains("content-type: application/json"), head.constData());
    QJsonParseError parseError;
    const QJsonObject event
        = QJsonDocument::fromJson(server.bodies().constFirst(), &parseError).object();
    QVERIFY2(
        parseError.error == QJsonParseError::NoError, server.bodies().constFirst().constData());
    QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(event.value(QStringLiteral("job")).toString(), QStringLiteral("webfail"));
    QVERIFY(
        QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODate).isValid());
    QVERIFY(!event.value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("error"));
    // The job fails again on its next run-now: the same streak, nothing more is posted.
    QVERIFY(store.runNow(QStringLiteral("webfail")));
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs "
                                                          "WHERE nome = 'webfail'"))
                                  .toInt(),
        2, 20000);
    QTest::qWait(2500); // an absence: two heartbeats (1 s) in which nothing may be posted
    QCOMPARE(server.bodies().size(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events")).toInt(), 1);
}

// A 500 answer is a failed delivery: tried again after notify_retry_seconds, delivered once.
void TestPolicies::httpNotifyRetriedAfterA500()
{
    RecordingHttpServer server({500});
    QVERIFY(server.port() != 0);
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("webretry"), {}, 1, true, {}, {}}));
    RunnerProcesses runners;
    const QJsonObject notify{{QStringLiteral("type"), QStringLiteral("http")},
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(server.port())},
        {QStringLiteral("timeout_seconds"), 10}};
    const QString config = runners.writeConfig(
        {{QStringLiteral("webretry"), RunnerProcesses::shell(QStringLiteral("exit 1"))}}, 6, 1, 1,
        {{QStringLiteral("notify"), notify}, {QStringLiteral("notify_retry_seconds"), 2}});
    runners.start(QStringLiteral("webretrier"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events "
                                                          "WHERE delivered_at IS NOT NULL"))
                                  .toInt(),
        1, 30000);
    QCOMPARE(server.answered(), (QList<int>{500, 200}));
    QCOMPARE(server.bodies().size(), 2);
    // The same event both times, and the retry waited for notify_retry_seconds.
    QCOMPARE(server.bodies().at(0), server.bodies().at(1));
    QCOMPARE(QJsonDocument::fromJson(server.bodies().at(1))
                 .object()
                 .value(QStringLiteral("event"))
                 .toString(),
        QStringLiteral("failure"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT attempts FROM cron_events")).toInt(), 2);
    QVERIFY2(server.receivedAt().at(1) - server.receivedAt().at(0) >= 1900,
        qPrintable(QString::number(server.receivedAt().at(1) - server.receivedAt().at(0))));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_events WHERE delivery_error "
                                         "IS NOT NULL"))
                 .toInt(),
        0);
    QTest::qWait(2500); // an absence: no third post once delivered
    QCOMPARE(server.bodies().size(), 2);
}

void TestPolicies::pauseAllHoldsRunnersAndSeedFunction()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("held"), {}, 1, true, {}, {}})); // due at once
    if (isPostgres())
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT deve_executar_cron('held')")).toBool(), true);
    const auto paused = PauseStore::set(*m_conn, true, QStringLiteral("maintenance"));
    QVERIFY2(paused && *paused, paused ? "" : qPrintable(paused.error().message));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'cron_admin_pause_all'"))
                 .toInt(),
        1);
    if (isPostgres()) {
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT deve_executar_cron('held')")).toBool(), false);
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('held')")).toBool(), false);
    }
    QCOMPARE(statusJson().value(QStringLiteral("paused")), QJsonValue(true));

    RunnerProcesses runners;
    const QString config = runners.writeConfig(
        {{QStringLiteral("held"), RunnerProcesses::shell(QStringLiteral("true"))}}, 6, 1, 1);
    runners.start(QStringLiteral("pauser"), m_db->url(), config);
    // The runner is up and polling (it registered and beat); several polls (1 s) go by.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runners WHERE state = 'running'"))
            .toInt(),
        1, 20000);
    QTest::qWait(4000); // an absence: nothing to wait for but time
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs WHERE nome = "
                                         "'held'"))
                 .toInt(),
        0);

    QVERIFY(PauseStore::set(*m_conn, false, {}));
    QCOMPARE(statusJson().value(QStringLiteral("paused")), QJsonValue(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs "
                                                          "WHERE nome = 'held'"))
                                  .toInt(),
        1, 20000);
}

void TestPolicies::overdueAndNoRunnerInStatusJson()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("orphan"), {}, 1, true, {}, {}}));
    QVERIFY(store.addJob(NewJob{QStringLiteral("served"), {}, 1, true, {}, {}}));
    PolicyChange change;
    change.overdueAfterSeconds = 1;
    QVERIFY(store.setPolicy(QStringLiteral("orphan"), change));

    // A live runner names "served" only; its action never finishes quickly, so it stays
    // running (not overdue) while "orphan" waits for a runner that does not exist.
    RunnerProcesses runners;
    const QString config = runners.writeConfig(
        {{QStringLiteral("served"), RunnerProcesses::shell(QStringLiteral("sleep 30"), 60)}}, 6);
    runners.start(QStringLiteral("server"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs "
                                                          "WHERE nome = 'served'"))
                                  .toString(),
        QStringLiteral("running"), 20000);

    QJsonObject alerts;
    QTRY_VERIFY_WITH_TIMEOUT(
        (alerts = statusJson().value(QStringLiteral("job_alerts")).toObject(),
            alerts.value(QStringLiteral("orphan")).toObject().value(QStringLiteral("overdue"))
                == QJsonValue(true)),
        15000);
    const QJsonObject orphan = alerts.value(QStringLiteral("orphan")).toObject();
    QCOMPARE(orphan.value(QStringLiteral("no_runner")), QJsonValue(true));
    const QJsonObject served = alerts.value(QStringLiteral("served")).toObject();
    QCOMPARE(served.value(QStringLiteral("no_runner")), QJsonValue(false));
    QCOMPARE(served.value(QStringLiteral("overdue")), QJsonValue(false));
    // The seed's shape is unchanged beside the additions.
    const QJsonObject status = statusJson();
    QCOMPARE(status.value(QStringLiteral("paused")), QJsonValue(false));
    QCOMPARE(status.value(QStringLiteral("versao")), QJsonValue(QStringLiteral("persistente")));
    // Each job says "overdue" itself, as job_alerts does.
    const QJsonObject now = statusJson();
    const QJsonObject nowAlerts = now.value(QStringLiteral("job_alerts")).toObject();
    int seen = 0;
    for (const QJsonValue entry : now.value(QStringLiteral("cron_jobs")).toArray()) {
        const QJsonObject job = entry.toObject();
        const QString name = job.value(QStringLiteral("nome")).toString();
        QVERIFY2(job.value(QStringLiteral("overdue")).isBool(), qPrintable(name));
        QCOMPARE(job.value(QStringLiteral("overdue")),
            nowAlerts.value(name).toObject().value(QStringLiteral("overdue")));
        if (name == QLatin1String("orphan"))
            QCOMPARE(job.value(QStringLiteral("overdue")), QJsonValue(true));
        ++seen;
    }
    QVERIFY(seen >= 2);
}

void TestPolicies::catchUpRules()
{
    const QDateTime now(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
    Job job;
    job.name = QStringLiteral("c");
    job.intervalHours = 1;
    job.lastRun = now.addSecs(-4 * 3600);
    job.nextRun = now.addSecs(-150 * 60); // 2.5 h behind: slots at -2.5, -1.5, -0.5 h
    job.readAt = now;
    // once (the default): the missed slots collapse into this run.
    QCOMPARE(JobPolicy::nextSlotAfterRun(job, now), now.addSecs(30 * 60));
    QVERIFY(!JobPolicy::skipTo(job, now).isValid());
    job.catchUp = QStringLiteral("all");
    QCOMPARE(JobPolicy::nextSlotAfterRun(job, now), now.addSecs(-90 * 60));
    job.nextRun = now.addSecs(-30 * 60);
    QCOMPARE(JobPolicy::nextSlotAfterRun(job, now), now.addSecs(30 * 60));
    job.nextRun = now.addSecs(-200 * 3600); // beyond the bound: collapses
    QCOMPARE(JobPolicy::nextSlotAfterRun(job, now), now.addSecs(3600));
    job.catchUp = QStringLiteral("skip");
    job.catchUpWindowSeconds = 600;
    job.nextRun = now.addSecs(-300); // within the window: it runs
    QVERIFY(!JobPolicy::skipTo(job, now).isValid());
    job.nextRun = now.addSecs(-150 * 60);
    QCOMPARE(JobPolicy::skipTo(job, now), now.addSecs(30 * 60));
}

void TestPolicies::catchUpSkipAndAllWithARunner()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("skipper"), {}, 1, true, {}, {}}));
    QVERIFY(store.addJob(NewJob{QStringLiteral("keeper"), {}, 1, true, {}, {}}));
    PolicyChange skip;
    skip.catchUp = QStringLiteral("skip");
    skip.catchUpWindowSeconds = 60;
    QVERIFY(store.setPolicy(QStringLiteral("skipper"), skip));
    PolicyChange all;
    all.catchUp = QStringLiteral("all");
    QVERIFY(store.setPolicy(QStringLiteral("keeper"), all));
    // Both missed their slots by 2.5 h (a runner was down), and ran before.
    const QString behind = isPostgres() ? QStringLiteral("NOW() - INTERVAL '150 minutes'")
                                        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', "
                                                         "'-150 minutes')");
    const QString before = isPostgres() ? QStringLiteral("NOW() - INTERVAL '4 hours'")
                                        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', "
                                                         "'-4 hours')");
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET next_run = %1, last_run = %2 WHERE "
                                      "nome IN ('skipper', 'keeper')")
                           .arg(behind, before)));
    RunnerProcesses runners;
    const QString config = runners.writeConfig(
        {{QStringLiteral("skipper"), RunnerProcesses::shell(QStringLiteral("true"))},
            {QStringLiteral("keeper"), RunnerProcesses::shell(QStringLiteral("true"))}},
        6);
    runners.start(QStringLiteral("catcher"), m_db->url(), config);
    // keeper: every missed slot (-2.5 h, -1.5 h, -0.5 h) once, then the next one ahead.
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs "
                                                          "WHERE nome = 'keeper'"))
                                  .toInt(),
        3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE "
                                                          "acao = 'cron_job_skipped'"))
                                  .toInt(),
        1, 20000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs WHERE nome = "
                                         "'skipper'"))
                 .toInt(),
        0);
    const auto skipper = store.job(QStringLiteral("skipper"));
    QVERIFY(skipper);
    QVERIFY(skipper->nextRun > skipper->readAt);
    QVERIFY(skipper->nextRun < skipper->readAt.addSecs(3600));
    const auto keeper = store.job(QStringLiteral("keeper"));
    QVERIFY(keeper);
    QCOMPARE(keeper->totalRuns, 3);
    QVERIFY(keeper->nextRun > keeper->readAt);
}

void TestPolicies::oneShotRunsOnceThenDisables()
{
    JobStore store(*m_conn);
    NewJob once{QStringLiteral("once"), {}, 1, true, {}, {}};
    once.runAt = QDateTime::currentDateTimeUtc().addSecs(3);
    QVERIFY(store.addJob(once));
    if (isPostgres()) // held until then for the platform too
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT deve_executar_cron('once')")).toBool(), false);
    RunnerProcesses runners;
    const QString startedAt = runners.path(QStringLiteral("started"));
    const QString config = runners.writeConfig(
        {{QStringLiteral("once"),
            RunnerProcesses::shell(QStringLiteral("date +%s%3N >> '%1'").arg(startedAt))}},
        6, 1, 1);
    runners.start(QStringLiteral("oneshot"), m_db->url(), config);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT total_execucoes FROM cron_jobs WHERE nome = 'once'"))
            .toInt(),
        1, 20000);
    const auto job = store.job(QStringLiteral("once"));
    QVERIFY(job);
    QVERIFY(!job->active);
    // It started at its time, not before (the action wrote when, in epoch milliseconds).
    const QStringList starts = lines(startedAt);
    QCOMPARE(starts.size(), 1);
    QVERIFY2(starts.constFirst().toLongLong() >= once.runAt.toMSecsSinceEpoch() - 50,
        qPrintable(starts.constFirst()));
}

QTEST_GUILESS_MAIN(TestPolicies)
#include "tst_policies.moc"
