// The sql and http actions on their own, against real parts: a PostgreSQL server, loopback
// HTTP servers, a real cronctl scheduler process (issue 11: G6, G9).
#include "core/runner/httpaction.h"
#include "core/runner/sqlaction.h"
#include "core/runner/sqlsessionpool.h"
#include "support/testdatabase.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

#include <unistd.h>

namespace {

// A loopback HTTP server: each complete request (head only; tests send no bodies that matter)
// is recorded and handed to `respond`, which writes to the socket.
class TinyHttpServer final {
public:
    using Responder = std::function<void(QTcpSocket *, const QByteArray &request)>;

    explicit TinyHttpServer(Responder respond)
        : m_respond(std::move(respond))
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                auto *buffer = new QByteArray;
                QObject::connect(socket, &QObject::destroyed, [buffer] { delete buffer; });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray request = buffer->left(end + 4);
                    buffer->remove(0, end + 4);
                    m_requests << request;
                    m_respond(socket, request);
                });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    int connections() const { return m_connections; }
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    QTcpServer m_server;
    Responder m_respond;
    int m_connections = 0;
    QList<QByteArray> m_requests;
};

void reply(
    QTcpSocket *socket, const QByteArray &status, const QByteArray &headers, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

ActionSpec httpSpec(const QString &url, int timeoutSeconds = 10)
{
    ActionSpec spec;
    spec.type = ActionSpec::Type::Http;
    spec.url = url;
    spec.timeoutSeconds = timeoutSeconds;
    return spec;
}

ActionSpec sqlSpec(const QString &sql, int timeoutSeconds = 30)
{
    ActionSpec spec;
    spec.type = ActionSpec::Type::Sql;
    spec.sql = sql;
    spec.timeoutSeconds = timeoutSeconds;
    return spec;
}

ExecutionResult resultOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? ExecutionResult() : spy.first().at(0).value<ExecutionResult>();
}

const QMap<QString, QString> secretHeaders{{QStringLiteral("X-Token"), QStringLiteral("t0k3n")},
    {QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t")},
    {QStringLiteral("Cookie"), QStringLiteral("session=c00k13")}};

} // namespace

class TestActions : public QObject {
    Q_OBJECT
private slots:
    void httpTimeoutIsWallClock();
    void httpRefusesRedirectsToAnotherOrigin();
    void httpSameOriginRedirectKeepsHeaders();
    void httpMasksSecretsInErrorsAndResults();
    void sqlActionsRunOnThreadsOfTheirOwn();
    void sqlSessionHasServerSideLimits();
    void pooledSessionsAreReusedResetAndDropped();
    void sqlKillStopsEvenAHungBackend();
    void sqliteKillInterruptsTheStatement();
    void killedRunnersStatementEndsOnTheServer();
    void partitionedRunnersStatementEndsOnTheServer();

private:
    std::unique_ptr<TestDatabase> postgres();
    // Server processes running `sql` right now (pids), as pg_stat_activity says.
    static QList<qint64> backendsRunning(const TestDatabase &db, const QString &sql);
};

std::unique_ptr<TestDatabase> TestActions::postgres()
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

QList<qint64> TestActions::backendsRunning(const TestDatabase &db, const QString &sql)
{
    auto conn = db.connect(QStringLiteral("activity"));
    QList<qint64> pids;
    if (!conn)
        return {-1};
    QSqlQuery query(conn->handle());
    query.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query = ? AND state = "
                                 "'active' ORDER BY pid"));
    query.addBindValue(sql);
    if (!query.exec())
        return {-1};
    while (query.next())
        pids << query.value(0).toLongLong();
    return pids;
}

void TestActions::httpTimeoutIsWallClock()
{
    // Headers at once, then one byte a second: never idle, never done.
    QList<QTimer *> drips;
    const auto stopDrips = qScopeGuard([&drips] { qDeleteAll(drips); });
    TinyHttpServer server([&drips](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        auto *drip = new QTimer;
        drips << drip;
        QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write("x"); });
        drip->start(1000);
    });
    HttpAction action(httpSpec(server.url(QStringLiteral("/slow")), 3));
    QSignalSpy finished(&action, &RunnerAction::finished);
    QElapsedTimer clock;
    clock.start();
    action.start();
    QVERIFY(finished.wait(10000));
    const qint64 elapsed = clock.elapsed();
    const ExecutionResult result = resultOf(finished);
    QVERIFY(!result.success);
    QCOMPARE(result.error, QStringLiteral("timed out after 3 s"));
    QVERIFY2(elapsed >= 2900 && elapsed < 3800, qPrintable(QString::number(elapsed)));
    QVERIFY(qAbs(result.durationSeconds - 3.0) < 0.8);
    QCOMPARE(server.requests().size(), 1);
}

void TestActions::httpRefusesRedirectsToAnotherOrigin()
{
    TinyHttpServer other([](QTcpSocket *socket, const QByteArray &) {
        reply(socket, "200 OK", "Content-Type: application/json\r\n", "{\"at\": \"other\"}");
    });
    TinyHttpServer first([&other](QTcpSocket *socket, const QByteArray &) {
        reply(socket, "302 Found",
            "Location: " + other.url(QStringLiteral("/landing")).toUtf8() + "\r\n", QByteArray());
    });
    ActionSpec spec = httpSpec(first.url(QStringLiteral("/start")));
    spec.headers = secretHeaders;
    HttpAction action(spec);
    QSignalSpy finished(&action, &RunnerAction::finished);
    action.start();
    QVERIFY(finished.wait(10000));
    const ExecutionResult result = resultOf(finished);
    QVERIFY(!result.success);
    QVERIFY2(result.error.startsWith(QStringLiteral("refused the redirect from %1 to %2")
                                         .arg(first.url(QStringLiteral("/start")),
                                             other.url(QStringLiteral("/landing")))),
        qPrintable(result.error));
    // The first server got the headers it was configured for; the other origin got nothing.
    QCOMPARE(first.requests().size(), 1);
    QVERIFY(first.requests().first().contains("X-Token: t0k3n"));
    QCOMPARE(other.connections(), 0);
    QVERIFY(other.requests().isEmpty());
    // Another port of the same host is another origin as well as another host: same test with
    // "localhost" for 127.0.0.1 would need a resolver; the port is what differs here.
}

void TestActions::httpSameOriginRedirectKeepsHeaders()
{
    TinyHttpServer server([](QTcpSocket *socket, const QByteArray &request) {
        if (request.startsWith("GET /start"))
            reply(socket, "302 Found", "Location: /final?step=2\r\n", QByteArray());
        else
            reply(socket, "200 OK", "Content-Type: application/json\r\n", "{\"landed\": true}");
    });
    ActionSpec spec = httpSpec(server.url(QStringLiteral("/start")));
    spec.headers = secretHeaders;
    HttpAction action(spec);
    QSignalSpy finished(&action, &RunnerAction::finished);
    action.start();
    QVERIFY(finished.wait(10000));
    const ExecutionResult result = resultOf(finished);
    QVERIFY2(result.success, qPrintable(result.error));
    QCOMPARE(result.result.value(QStringLiteral("landed")).toBool(), true);
    QCOMPARE(server.requests().size(), 2);
    const QByteArray followed = server.requests().at(1);
    QVERIFY2(followed.startsWith("GET /final?step=2"), followed.constData());
    QVERIFY2(followed.contains("X-Token: t0k3n"), followed.constData());
    QVERIFY2(followed.contains("Authorization: Bearer s3cr3t"), followed.constData());
    QVERIFY2(followed.contains("Cookie: session=c00k13"), followed.constData());
}

void TestActions::httpMasksSecretsInErrorsAndResults()
{
    TinyHttpServer server([](QTcpSocket *socket, const QByteArray &request) {
        if (request.startsWith("GET /signed"))
            reply(socket, "200 OK", "Content-Type: application/json\r\n",
                R"({"download": "https://cdn.example/f?X-Amz-Signature=abc123&x=1"})");
        else
            reply(socket, "500 Internal", "", "failed");
    });
    const QString secretUrl
        = QStringLiteral("http://robot:pa55w0rd@127.0.0.1:%1/bad?token=tok123&page=2")
              .arg(server.port());
    HttpAction failing(httpSpec(secretUrl));
    QSignalSpy failed(&failing, &RunnerAction::finished);
    failing.start();
    QVERIFY(failed.wait(10000));
    ExecutionResult result = resultOf(failed);
    QCOMPARE(result.error,
        QStringLiteral("HTTP 500 from http://robot:***@127.0.0.1:%1/bad?token=***&page=2")
            .arg(server.port()));
    const QByteArray stored = QJsonDocument(result.result).toJson() + result.error.toUtf8();
    QVERIFY(!stored.contains("pa55w0rd"));
    QVERIFY(!stored.contains("tok123"));

    // A refused connection: Qt's own message names the URL; it is masked too.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    HttpAction refused(
        httpSpec(QStringLiteral("http://u:pa55w0rd@127.0.0.1:%1/?api_key=k3y").arg(closedPort)));
    QSignalSpy refusedSpy(&refused, &RunnerAction::finished);
    refused.start();
    QVERIFY(refusedSpy.wait(10000));
    result = resultOf(refusedSpy);
    QVERIFY(!result.success);
    QVERIFY(!result.error.isEmpty());
    QVERIFY2(!result.error.contains(QLatin1String("pa55w0rd")), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QLatin1String("k3y")), qPrintable(result.error));

    HttpAction signedUrl(httpSpec(server.url(QStringLiteral("/signed"))));
    QSignalSpy signedSpy(&signedUrl, &RunnerAction::finished);
    signedUrl.start();
    QVERIFY(signedSpy.wait(10000));
    result = resultOf(signedSpy);
    QVERIFY2(result.success, qPrintable(result.error));
    QCOMPARE(result.result.value(QStringLiteral("download")).toString(),
        QStringLiteral("https://cdn.example/f?X-Amz-Signature=***&x=1"));
}

void TestActions::sqlActionsRunOnThreadsOfTheirOwn()
{
    const auto db = postgres();
    QVERIFY(db);
    // Four at once on a machine with fewer cores: a pool of CPU-count threads ran the third
    // only when the first was done.
    const QString sql = QStringLiteral("SELECT pg_sleep(2)");
    std::vector<std::unique_ptr<SqlAction>> actions;
    std::vector<std::unique_ptr<QSignalSpy>> finished;
    QList<qint64> startedAfter;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 4; ++i) {
        actions.push_back(std::make_unique<SqlAction>(sqlSpec(sql), db->spec(), nullptr));
        finished.push_back(
            std::make_unique<QSignalSpy>(actions.back().get(), &RunnerAction::finished));
        connect(actions.back().get(), &SqlAction::backendStarted, this,
            [&startedAfter, &clock] { startedAfter << clock.elapsed(); });
        actions.back()->start();
    }
    // All four statements run on the server at the same time.
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sql).size(), 4, 1500);
    const qint64 allRunning = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(finished.cbegin(), finished.cend(),
                                 [](const auto &spy) { return !spy->isEmpty(); }),
        10000);
    const qint64 allDone = clock.elapsed();
    qInfo("4 concurrent pg_sleep(2): sessions started at %s ms, all running at %lld ms, all done "
          "at %lld ms",
        qPrintable(QStringList([&] {
            QStringList list;
            for (qint64 ms : std::as_const(startedAfter))
                list << QString::number(ms);
            return list;
        }())
                       .join(QLatin1Char(','))),
        allRunning, allDone);
    QCOMPARE(startedAfter.size(), 4);
    QVERIFY2(*std::max_element(startedAfter.cbegin(), startedAfter.cend()) < 700,
        "a session started late: the actions waited for each other");
    QVERIFY2(allDone < 3500, qPrintable(QString::number(allDone)));
    QSet<qint64> pids;
    for (const auto &action : actions)
        pids.insert(action->backendPid());
    QCOMPARE(pids.size(), 4);
    QVERIFY(!pids.contains(0));
    for (const auto &spy : finished)
        QVERIFY2(resultOf(*spy).success, qPrintable(resultOf(*spy).error));
}

void TestActions::sqlSessionHasServerSideLimits()
{
    const auto db = postgres();
    QVERIFY(db);
    SqlAction action(
        sqlSpec(QStringLiteral("SELECT concat_ws(',', current_setting('statement_timeout'), "
                               "current_setting('client_connection_check_interval'), "
                               "current_setting('tcp_keepalives_idle'), "
                               "current_setting('tcp_keepalives_interval'), "
                               "current_setting('tcp_keepalives_count'), "
                               "inet_server_addr() IS NOT NULL)"),
            90),
        db->spec());
    QSignalSpy finished(&action, &RunnerAction::finished);
    QSignalSpy started(&action, &SqlAction::backendStarted);
    action.start();
    QVERIFY(finished.wait(10000));
    const ExecutionResult result = resultOf(finished);
    QVERIFY2(result.success, qPrintable(result.error));
    const QStringList values
        = result.result.value(QStringLiteral("first_value")).toString().split(QLatin1Char(','));
    QCOMPARE(values.size(), 6);
    QCOMPARE(values.at(0), QStringLiteral("90s"));
    QCOMPARE(values.at(1), QStringLiteral("1s"));
    if (values.at(5) == QLatin1String("true")) { // TCP; on a socket the server reports 0
        QCOMPARE(values.at(2), QStringLiteral("2"));
        QCOMPARE(values.at(3), QStringLiteral("1"));
        QCOMPARE(values.at(4), QStringLiteral("3"));
    }
    QCOMPARE(started.size(), 1);
    QVERIFY(started.first().at(0).toLongLong() > 0);
    QCOMPARE(started.first().at(0).toLongLong(), action.backendPid());
}

void TestActions::pooledSessionsAreReusedResetAndDropped()
{
    const auto db = postgres();
    QVERIFY(db);
    auto pool = std::make_shared<SqlSessionPool>(db->spec());
    const auto runOnPool = [&](const QString &sql, qint64 jobId, qint64 token) {
        SqlAction action(sqlSpec(sql, 90), db->spec(), pool);
        action.setContext(
            {QStringLiteral("job%1").arg(jobId), token, {}, QStringLiteral("r"), jobId, 0});
        QSignalSpy finished(&action, &RunnerAction::finished);
        action.start();
        if (!finished.wait(10000))
            return ExecutionResult{};
        return resultOf(finished);
    };
    // A run that changes its session: a setting, a session lock.
    const ExecutionResult first
        = runOnPool(QStringLiteral("SELECT concat_ws(',', pg_backend_pid(), "
                                   "current_setting('application_name'), "
                                   "current_setting('statement_timeout'), "
                                   "set_config('search_path', 'pg_catalog', false), "
                                   "pg_advisory_lock(4242))"),
            7, 3);
    QVERIFY2(first.success, qPrintable(first.error));
    const QStringList one
        = first.result.value(QStringLiteral("first_value")).toString().split(QLatin1Char(','));
    QCOMPARE(one.size(), 5);
    QVERIFY2(one.at(1).endsWith(QLatin1String("#7.3/job-sql")), qPrintable(one.at(1)));
    QCOMPARE(one.at(2), QStringLiteral("90s"));
    QTRY_COMPARE_WITH_TIMEOUT(pool->idleCount(), 1, 5000); // reset, then back in the pool
    // The next run gets the same backend, named after its own run, with nothing left over.
    const ExecutionResult second = runOnPool(
        QStringLiteral("SELECT concat_ws('|', pg_backend_pid(), "
                       "current_setting('application_name'), current_setting('search_path'), "
                       "(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                       "pid = pg_backend_pid()))"),
        8, 4);
    QVERIFY2(second.success, qPrintable(second.error));
    const QStringList two
        = second.result.value(QStringLiteral("first_value")).toString().split(QLatin1Char('|'));
    QCOMPARE(two.size(), 4);
    QCOMPARE(two.at(0), one.at(0));
    QVERIFY2(two.at(1).endsWith(QLatin1String("#8.4/job-sql")), qPrintable(two.at(1)));
    QVERIFY2(!two.at(2).contains(QLatin1String("pg_catalog")), qPrintable(two.join('|')));
    QCOMPARE(two.at(3), QStringLiteral("0"));
    QTRY_COMPARE_WITH_TIMEOUT(pool->idleCount(), 1, 5000);
    QCOMPARE(pool->sessionCount(), 1);
    // A run that leaves a transaction open: its session is closed, not handed on.
    const ExecutionResult open = runOnPool(QStringLiteral("BEGIN; SELECT 1"), 9, 5);
    QVERIFY2(open.success, qPrintable(open.error));
    QTRY_COMPARE_WITH_TIMEOUT(pool->sessionCount(), 0, 5000);
    // A killed run: its session is closed too, and its statement is gone from the server.
    const QString sleeper = QStringLiteral("SELECT pg_sleep(60) /* pooled */");
    SqlAction killed(sqlSpec(sleeper, 90), db->spec(), pool);
    killed.setContext({QStringLiteral("job10"), 6, {}, QStringLiteral("r"), 10, 0});
    QSignalSpy finished(&killed, &RunnerAction::finished);
    QSignalSpy started(&killed, &SqlAction::backendStarted);
    killed.start();
    QVERIFY(started.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sleeper).size(), 1, 5000);
    killed.kill(QStringLiteral("lease lost"));
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QCOMPARE(resultOf(finished).error, QStringLiteral("lease lost"));
    QTRY_COMPARE_WITH_TIMEOUT(pool->sessionCount(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sleeper).size(), 0, 10000);
}

void TestActions::sqlKillStopsEvenAHungBackend()
{
    const auto db = postgres();
    QVERIFY(db);
    const QString sql = QStringLiteral("SELECT pg_sleep(60) /* hung */");
    SqlAction action(sqlSpec(sql, 120), db->spec());
    QSignalSpy finished(&action, &RunnerAction::finished);
    QSignalSpy started(&action, &SqlAction::backendStarted);
    action.start();
    QVERIFY(started.wait(10000));
    const qint64 pid = action.backendPid();
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sql), QList<qint64>{pid}, 5000);
    // The server process stops answering (as a stalled backend would); kill() must not wait
    // for it.
    QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
    const auto resume = qScopeGuard([pid] { ::kill(pid_t(pid), SIGCONT); });
    QElapsedTimer clock;
    clock.start();
    action.kill(QStringLiteral("lease lost"));
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    const qint64 stoppedAfter = clock.elapsed();
    // Well before killGraceMs: the worker itself returned (its socket was closed), the action
    // did not just give up waiting for it.
    QVERIFY2(stoppedAfter < SqlAction::killGraceMs / 2, qPrintable(QString::number(stoppedAfter)));
    QCOMPARE(resultOf(finished).error, QStringLiteral("lease lost"));
    QVERIFY(!resultOf(finished).success);
    // Once the server process runs again, it finds the cancel and the closed socket: the
    // statement is gone.
    ::kill(pid_t(pid), SIGCONT);
    QTRY_VERIFY_WITH_TIMEOUT(backendsRunning(*db, sql).isEmpty(), 3000);
    qInfo("kill() with the backend stopped returned the action in %lld ms", stoppedAfter);
}

void TestActions::sqliteKillInterruptsTheStatement()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    // Minutes of work for SQLite, with nothing to wait on that a timer could interrupt.
    SqlAction action(sqlSpec(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
                                            "x + 1 FROM c WHERE x < 5000000000) "
                                            "SELECT count(*) FROM c")),
        db->spec());
    QSignalSpy finished(&action, &RunnerAction::finished);
    action.start();
    QVERIFY(!finished.wait(1000)); // it really runs
    QElapsedTimer clock;
    clock.start();
    action.kill(QStringLiteral("timed out after 1 s"));
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    const qint64 stoppedAfter = clock.elapsed();
    // The worker returned (interrupted), well before the action would give up on it.
    QVERIFY2(stoppedAfter < SqlAction::killGraceMs / 2, qPrintable(QString::number(stoppedAfter)));
    QCOMPARE(resultOf(finished).error, QStringLiteral("timed out after 1 s"));
    // And the file is free at once for the next writer.
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'livre'")));
    qInfo("kill() interrupted the SQLite statement in %lld ms", stoppedAfter);
}

void TestActions::killedRunnersStatementEndsOnTheServer()
{
    const auto db = postgres();
    QVERIFY(db);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sql = QStringLiteral("SELECT pg_sleep(60) /* orphan */");
    const QJsonObject config{{QStringLiteral("lease_seconds"), 30},
        {QStringLiteral("jobs"),
            QJsonObject{{QStringLiteral("sgp_sync_inteligente"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("sql")},
                    {QStringLiteral("sql"), sql}, {QStringLiteral("timeout_seconds"), 120}}}}}};
    const QString configPath = dir.filePath(QStringLiteral("runner.json"));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    QProcess runner;
    runner.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    runner.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), db->url(), QStringLiteral("scheduler"), QStringLiteral("--config"),
            configPath, QStringLiteral("--name"), QStringLiteral("doomed")});
    const auto stopRunner = qScopeGuard([&runner] {
        runner.kill();
        runner.waitForFinished(5000);
    });
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sql).size(), 1, 15000);
    const qint64 pid = backendsRunning(*db, sql).first();
    QCOMPARE(::kill(pid_t(runner.processId()), SIGKILL), 0);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(runner.waitForFinished(5000));
    // Nobody cancels it: the server notices the closed socket by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!backendsRunning(*db, sql).contains(pid), 3000);
    qInfo("the dead runner's statement ended on the server %lld ms after kill -9", clock.elapsed());
}

void TestActions::partitionedRunnersStatementEndsOnTheServer()
{
    const auto db = postgres();
    QVERIFY(db);
    if (::geteuid() != 0)
        QFAIL("needs root for iptables (CI runs as root)");
    // Over TCP, whatever PGHOST says: keepalives are a TCP matter.
    ConnectionSpec tcp = db->spec();
    tcp.host = QStringLiteral("127.0.0.1");
    tcp.port = qEnvironmentVariableIntValue("PGPORT") > 0 ? qEnvironmentVariableIntValue("PGPORT")
                                                          : 5432;
    const QString sql = QStringLiteral("SELECT pg_sleep(60) /* partitioned */");
    SqlAction action(sqlSpec(sql, 120), tcp);
    QSignalSpy started(&action, &SqlAction::backendStarted);
    action.start();
    QVERIFY(started.wait(10000));
    const qint64 pid = action.backendPid();
    QTRY_COMPARE_WITH_TIMEOUT(backendsRunning(*db, sql), QList<qint64>{pid}, 5000);
    const QString clientPort
        = db->scalar(
                QStringLiteral("SELECT client_port FROM pg_stat_activity WHERE pid = %1").arg(pid))
              .toString();
    QVERIFY(clientPort.toInt() > 0);
    // Every packet of this one connection is dropped, both ways: the runner is cut off.
    const QList<QStringList> rules{
        {QStringLiteral("INPUT"), QStringLiteral("-i"), QStringLiteral("lo"), QStringLiteral("-p"),
            QStringLiteral("tcp"), QStringLiteral("--sport"), clientPort, QStringLiteral("-j"),
            QStringLiteral("DROP")},
        {QStringLiteral("INPUT"), QStringLiteral("-i"), QStringLiteral("lo"), QStringLiteral("-p"),
            QStringLiteral("tcp"), QStringLiteral("--dport"), clientPort, QStringLiteral("-j"),
            QStringLiteral("DROP")}};
    const auto heal = qScopeGuard([&rules] {
        for (const QStringList &rule : rules)
            QProcess::execute(QStringLiteral("iptables"), QStringList{QStringLiteral("-D")} + rule);
    });
    for (const QStringList &rule : rules)
        QCOMPARE(
            QProcess::execute(QStringLiteral("iptables"), QStringList{QStringLiteral("-I")} + rule),
            0);
    QElapsedTimer clock;
    clock.start();
    // idle + interval * count, plus the 1 s connection check and some slack.
    const int expectedMs
        = (SqlAction::keepaliveIdleSeconds
              + SqlAction::keepaliveIntervalSeconds * SqlAction::keepaliveCount + 1)
        * 1000;
    QTRY_VERIFY_WITH_TIMEOUT(!backendsRunning(*db, sql).contains(pid), expectedMs + 3000);
    qInfo("the cut-off runner's statement ended on the server %lld ms after the partition",
        clock.elapsed());
    QVERIFY(clock.elapsed() > 1000); // it was the partition, not something else, that ended it
}

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"
