#include "core/client/changecoalescer.h"
#include "core/client/dbthread.h"
#include "core/client/jobclient.h"
#include "core/db/database.h"
#include "core/db/pghandle.h"
#include "core/runner/leasestore.h"
#include "core/runner/outputwriter.h"
#include "core/runner/runoutputbuffer.h"
#include "core/runner/scheduler.h"
#include "core/runner/sqloutput.h"
#include "core/store/jobchangefeed.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The burst paths of issue 15 against a real server: finished runs recorded together write
// exactly what recording them one by one writes; a runner's own writes are announced coalesced;
// a console re-reads when changes pause, or every 2 s while they keep coming, and only the rows
// that changed.
namespace {

// The runner's "recorded N runs set-wise / one by one" lines while a test collects them.
QStringList recordedLines;
QtMessageHandler previousHandler = nullptr;

void collectRecorded(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "cron.runner") == 0
        && message.startsWith(QLatin1String("recorded ")))
        recordedLines << message;
    else if (previousHandler)
        previousHandler(type, context, message);
}

ExecutionResult succeeded(int value)
{
    ExecutionResult result;
    result.success = true;
    result.durationSeconds = 0.25;
    result.result.insert(QStringLiteral("value"), value);
    return result;
}

ExecutionResult failed(const QString &why, ExecutionResult::Failure failure)
{
    ExecutionResult result;
    result.error = why;
    result.failure = failure;
    result.durationSeconds = 1.5;
    return result;
}

// What a recorded run left, without what differs between two jobs by nature (name, id, times,
// token): one line per table.
QStringList footprint(const TestDatabase &db, const QString &job)
{
    const bool pg = db.spec().backend == Backend::PostgreSQL;
    const QString text = pg ? QStringLiteral("CAST(%1 AS TEXT)") : QStringLiteral("%1");
    QStringList lines;
    lines << db.scalar(QStringLiteral("SELECT ultimo_status || '/' || total_execucoes || '/' || "
                                      "retry_attempt || '/' || (retry_at IS NULL) || '/' || "
                                      "COALESCE(alert_state, '-') || '/' || ativo || '/' || "
                                      "(lease_owner IS NULL) || '/' || ultima_duracao_segundos || "
                                      "'/' || %1 FROM cron_jobs WHERE nome = '%2'")
                           .arg(text.arg(QStringLiteral("ultimo_resultado")), job))
                 .toString();
    lines << db.scalar(QStringLiteral("SELECT status || '/' || COALESCE(exit_code, -1) || '/' || "
                                      "COALESCE(error, '-') || '/' || duration_seconds || '/' || "
                                      "(finished_at IS NOT NULL) FROM cron_runs WHERE job_name = "
                                      "'%1'")
                           .arg(job))
                 .toString();
    QJsonObject details = QJsonDocument::fromJson(
        db.scalar(QStringLiteral("SELECT %1 FROM tenant_logs WHERE %2 = '%3'")
                      .arg(text.arg(QStringLiteral("detalhes")),
                          pg ? QStringLiteral("detalhes->>'job'")
                             : QStringLiteral("json_extract(detalhes, '$.job')"),
                          job))
            .toString()
            .toUtf8())
                              .object();
    for (const char *differs : {"job", "cron_run_id", "lease_token", "host"})
        details.remove(QLatin1String(differs));
    lines << db.scalar(QStringLiteral("SELECT acao FROM tenant_logs WHERE %1 = '%2'")
                           .arg(pg ? QStringLiteral("detalhes->>'job'")
                                   : QStringLiteral("json_extract(detalhes, '$.job')"),
                               job))
                 .toString()
            + QLatin1Char(' ')
            + QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    lines << db.scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE %1 = '%2'")
                           .arg(pg ? QStringLiteral("detalhes->>'job'")
                                   : QStringLiteral("json_extract(detalhes, '$.job')"),
                               job))
                 .toString();
    return lines;
}

// A connection of its own listening on cron_jobs_changed, and what it heard.
struct Listener {
    explicit Listener(const TestDatabase &db)
        : connection(db.connect(QStringLiteral("listener")))
    {
        if (!connection)
            return;
        QSqlDriver *driver = connection->handle().driver();
        listening = driver->subscribeToNotification(QStringLiteral("cron_jobs_changed"));
        notified = std::make_unique<QSignalSpy>(driver,
            qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                &QSqlDriver::notification));
    }
    std::unique_ptr<Database> connection;
    std::unique_ptr<QSignalSpy> notified;
    bool listening = false;
};

} // namespace

class TestScale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void burstIsRecordedAsOneByOne();
    void runnerWritesAreAnnouncedCoalesced();
    void quietSessionsAndTransactionsNotifyOnce();
    void consoleRereadsWhenAStreamPauses();
    void coalescerTimesReads();
    void consoleReadsABurstOnceItPauses();
    void claimsReadTheRunnersJobsFromItsTable();
    void changeFeedFindsEveryWriteSinceItsSnapshot();
    void consoleReadsOnlyTheChangedRows();
    void claimsWalkTheClaimOrder();
    void wakeReadsOnlyJobsDueWithinTheHorizon();
    void burstOutputIsWrittenTogether();

private:
    std::unique_ptr<TestDatabase> database();
};

namespace {

// A console's database thread: listening for job changes on a schema already made.
DbThread::Options consoleThreadOptions()
{
    DbThread::Options options;
    options.purpose = QStringLiteral("console");
    options.changeChannel = QStringLiteral("cron_jobs_changed");
    options.schema = SchemaPolicy::None;
    return options;
}

} // namespace

std::unique_ptr<TestDatabase> TestScale::database()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    auto db = TestDatabase::create(backend, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

void TestScale::burstIsRecordedAsOneByOne()
{
    const auto db = database();
    QVERIFY(db);
    const bool pg = db->spec().backend == Backend::PostgreSQL;
    // Two twin sets of six jobs: one recorded as a burst, one run by run.
    QStringList names;
    for (const QChar set : {QLatin1Char('b'), QLatin1Char('s')}) {
        for (int i = 0; i < 6; ++i)
            names << QStringLiteral("%1%2").arg(set).arg(i);
    }
    for (const QString &name : std::as_const(names))
        QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                        "ativo, max_retries, retry_delay_seconds) VALUES ('%1', "
                                        "'twin', 1, TRUE, %2, 30)")
                             .arg(name)
                             .arg(name.endsWith(QLatin1Char('2')) ? 2 : 0)));
    auto conn = db->connect();
    QVERIFY(conn);
    LeaseStore store(*conn, QStringLiteral("runner-a"), 60);
    const auto claimed = store.claimDue(names, 100);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().message));
    QList<Claim> claims = *claimed;
    QCOMPARE(claims.size(), names.size());
    QVERIFY(store.openRuns(claims));
    // Every run has its row: on PostgreSQL the burst takes the set-wise path.
    for (const Claim &claim : std::as_const(claims))
        QVERIFY(claim.runId > 0);
    // 0, 1: successes; 2: a failure with retries left; 3: a timeout, the last attempt;
    // 4: fenced off (reset meanwhile); 5: interrupted (its slot stays due).
    const auto resultFor = [](const QString &name) {
        switch (name.back().digitValue()) {
        case 0:
        case 1:
        case 4:
            return succeeded(name.back().digitValue());
        case 2:
            return failed(QStringLiteral("exit code 3: boom"), ExecutionResult::Failure::Error);
        case 3:
            return failed(QStringLiteral("timed out after 1 s"), ExecutionResult::Failure::Timeout);
        default:
            return failed(QStringLiteral("runner stopping"), ExecutionResult::Failure::Interrupted);
        }
    };
    QVERIFY(db->exec(QStringLiteral(
        "UPDATE cron_jobs SET lease_token = lease_token + 1 WHERE nome IN ('b4', 's4')")));
    QList<LeaseStore::Finished> burst;
    for (const Claim &claim : std::as_const(claims)) {
        if (claim.job.name.startsWith(QLatin1Char('b'))) {
            burst << LeaseStore::Finished{claim, resultFor(claim.job.name)};
        } else {
            const auto one = store.finish(claim, resultFor(claim.job.name), {});
            QVERIFY2(one, qPrintable(one ? QString() : one.error().message));
            QCOMPARE(one->fenced, claim.job.name == QLatin1String("s4"));
        }
    }
    const auto recorded = store.finish(burst);
    QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().message));
    QCOMPARE(recorded->size(), burst.size());
    for (qsizetype i = 0; i < burst.size(); ++i) {
        QCOMPARE(recorded->at(i).duplicate, false);
        QCOMPARE(recorded->at(i).fenced, burst.at(i).claim.job.name == QLatin1String("b4"));
    }
    for (int i = 0; i < 6; ++i) {
        const QStringList asBurst = footprint(*db, QStringLiteral("b%1").arg(i));
        QCOMPARE(asBurst, footprint(*db, QStringLiteral("s%1").arg(i)));
        QCOMPARE(asBurst.last(), QStringLiteral("1"));
    }
    // Attempt 1 of 3 failed: a retry is planned (retry_at is set).
    QVERIFY(
        footprint(*db, QStringLiteral("b2"))
            .first()
            .startsWith(pg ? QStringLiteral("error/1/1/false/") : QStringLiteral("error/1/1/0/")));
    // The same burst again (a reply lost with the connection): nothing is written twice.
    const auto again = store.finish(burst);
    QVERIFY(again);
    for (const LeaseStore::Recorded &one : *again)
        QVERIFY(one.duplicate);
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs")).toInt(), 12);
    if (pg) // one transaction wrote the burst's history rows
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(DISTINCT xmin::text) FROM tenant_logs "
                                           "WHERE detalhes->>'job' LIKE 'b%'"))
                     .toInt(),
            1);
}

// A runner's claims name its jobs through a temporary table of its session (PostgreSQL), not a
// list of every name per claim: QPSQL prepared the CREATE, which PostgreSQL refuses, so claims
// silently sent all names (10,000 at a time in bench_scale, 7.8 ms of server per claim).
void TestScale::claimsReadTheRunnersJobsFromItsTable()
{
    const auto db = database();
    QVERIFY(db);
    const bool pg = db->spec().backend == Backend::PostgreSQL;
    QStringList names;
    for (int i = 0; i < 20; ++i) {
        names << QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                        "ativo) VALUES ('%1', 'table', 1, TRUE)")
                             .arg(names.last())));
    }
    // A job of another runner, due too: never claimed here.
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                    "ativo) VALUES ('elsewhere', 'x', 1, TRUE)")));
    auto conn = db->connect();
    QVERIFY(conn);
    LeaseStore store(*conn, QStringLiteral("runner-t"), 60);
    store.useConfiguredJobs(names);
    QCOMPARE(store.claimsFromTable(), pg);
    if (pg) {
        QSqlQuery count(conn->handle());
        QVERIFY(
            count.exec(QStringLiteral("SELECT COUNT(*) FROM pg_temp.cron_console_runner_jobs")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), names.size());
    }
    // Two of them are running here: the claim leaves them out, and takes the other 18, first
    // 10 as the runner asks (naming only those running), then the rest by their names.
    const QStringList idle = names.mid(2);
    const auto first = store.claimIdle(names.mid(0, 2), 10);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->size(), 10);
    QStringList got;
    QStringList running = names.mid(0, 2);
    for (const Claim &claim : *first) {
        got << claim.job.name;
        running << claim.job.name;
    }
    const auto rest = store.claimIdle(running, 10);
    QVERIFY(rest);
    QCOMPARE(rest->size(), 8); // the last 8: the 10 taken first are running here now too
    for (const Claim &claim : *rest)
        QVERIFY(!running.contains(claim.job.name));
    const auto claimed = store.claimDue(idle, 100);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().message));
    QCOMPARE(claimed->size(), 0); // all held: nothing left to claim
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'pending', "
                                    "lease_owner = NULL, lease_expires_at = NULL WHERE nome LIKE "
                                    "'t%' AND nome NOT IN ('t00', 't01')")));
    const auto again = store.claimDue(idle, 100);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    got.clear();
    for (const Claim &claim : *again)
        got << claim.job.name;
    got.sort();
    QCOMPARE(got, idle);
    // Asked for a name the table does not hold, the claim sends the names and still works.
    const auto other = store.claimDue({QStringLiteral("t00"), QStringLiteral("elsewhere")}, 100);
    QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
    QCOMPARE(other->size(), 2);
}

void TestScale::runnerWritesAreAnnouncedCoalesced()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return; // SQLite has no notifications; consoles poll its data_version
    const auto db = database();
    QVERIFY(db);
    Listener listener(*db);
    QVERIFY(listener.listening);
    QSignalSpy &notified = *listener.notified;
    RunnerConfig config;
    config.filePath = QStringLiteral("test");
    config.leaseSeconds = 30;
    config.maxPollSeconds = 2;
    config.graceSeconds = 1;
    config.maxConcurrentJobs = 8;
    const int jobs = 40;
    for (int i = 0; i < jobs; ++i) {
        const QString name = QStringLiteral("burst_%1").arg(i);
        QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                        "ativo) VALUES ('%1', 'burst', 1, TRUE)")
                             .arg(name)));
        ActionSpec spec;
        spec.type = ActionSpec::Type::Sql;
        spec.sql = QStringLiteral("SELECT 1");
        spec.timeoutSeconds = 30;
        config.jobs.insert(name, spec);
    }
    QTest::qWait(300); // the inserts' own notifications, then count from zero
    notified.clear();
    recordedLines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("cron.runner.debug=true"));
    previousHandler = qInstallMessageHandler(collectRecorded);
    const auto restore = qScopeGuard([] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });
    Scheduler scheduler(db->spec(), config);
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), jobs, 20000);
    // Runs that ended together were recorded set-wise (five statements a burst), none
    // statement by statement: the scheduler names itself as every claim's owner, which once
    // sent every burst the slow way.
    QVERIFY2(!recordedLines.filter(QStringLiteral("set-wise")).isEmpty(),
        qPrintable(recordedLines.join(QLatin1String("; "))));
    QVERIFY2(recordedLines.filter(QStringLiteral("one by one")).isEmpty(),
        qPrintable(recordedLines.join(QLatin1String("; "))));
    // Announced: the console learns of the last results within the interval.
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 2000);
    QElapsedTimer quiet;
    quiet.start();
    QTest::qWait(600);
    // 40 claims and 40 finishes used to send a notification each (80 and more); announced
    // coalesced, a few a second.
    QVERIFY2(notified.size() < jobs / 2, qPrintable(QString::number(notified.size())));
    QCOMPARE(db->scalar(QStringLiteral("SELECT SUM(total_execucoes) FROM cron_jobs WHERE nome "
                                       "LIKE 'burst%'"))
                 .toInt(),
        jobs);
    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(5000));
}

void TestScale::quietSessionsAndTransactionsNotifyOnce()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return;
    const auto db = database();
    QVERIFY(db);
    for (int i = 0; i < 5; ++i)
        QVERIFY(db->exec(
            QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('t%1', 1)")
                .arg(i)));
    Listener listener(*db);
    QVERIFY(listener.listening);
    QSignalSpy &notified = *listener.notified;
    QTest::qWait(300);
    notified.clear();
    // Five statements in one transaction: the first job's name, then one "several".
    auto writer = db->connect(QStringLiteral("writer"));
    QVERIFY(writer);
    QSqlQuery query(writer->handle());
    QVERIFY(query.exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 5; ++i)
        QVERIFY(query.exec(
            QStringLiteral("UPDATE cron_jobs SET descricao = 'x' WHERE nome = 't%1'").arg(i)));
    QVERIFY(query.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 3000);
    QTest::qWait(300);
    QCOMPARE(notified.size(), 2);
    QCOMPARE(notified.at(0).at(2).toString(), QStringLiteral("t0"));
    QCOMPARE(notified.at(1).at(2).toString(), QString());
    // A runner's session (quiet) writes without notifying; anybody else's write still does.
    notified.clear();
    QVERIFY(query.exec(QStringLiteral("SELECT set_config('cron_console.quiet', 'on', false)")));
    QVERIFY(query.exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'y' WHERE nome = 't1'")));
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'z' WHERE nome = 't2'")));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 3000);
    QTest::qWait(300);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(2).toString(), QStringLiteral("t2"));
}

void TestScale::consoleRereadsWhenAStreamPauses()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return;
    const auto db = database();
    QVERIFY(db);
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES "
                                    "('lone', 1), ('busy', 1)")));
    DbThread thread(db->spec(), consoleThreadOptions());
    QSignalSpy state(&thread, &DbThread::stateChanged);
    QSignalSpy changed(&thread, &DbThread::changed);
    thread.start();
    QTRY_COMPARE_WITH_TIMEOUT(thread.state(), DbThread::State::Connected, 10000);
    QTest::qWait(700);
    // A lone change is reported at once.
    changed.clear();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'a' WHERE nome = 'lone'")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 2000);
    QVERIFY2(clock.elapsed() < 400, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(2200); // a quiet moment: the next change starts a stream
    // Sixty changes over three seconds: the first at once, then no report while they keep
    // coming but one every 2 s, and one 0.4 s after they stop; every name in them, none lost.
    changed.clear();
    QList<qint64> at;
    connect(&thread, &DbThread::changed, &thread, [&] { at << clock.elapsed(); });
    clock.restart();
    for (int i = 0; i < 60; ++i) {
        QVERIFY(db->exec(
            QStringLiteral("UPDATE cron_jobs SET descricao = '%1' WHERE nome = 'busy'").arg(i)));
        QTest::qWait(50);
    }
    const qint64 spanMs = clock.elapsed();
    // The last ones too (reported after the last change, sent 50 ms before spanMs), and
    // nothing after them.
    QTRY_VERIFY_WITH_TIMEOUT(!at.isEmpty() && at.last() > spanMs - 50, 3000);
    QTest::qWait(1000);
    const auto times = [&] {
        QStringList out;
        for (const qint64 t : std::as_const(at))
            out << QString::number(t);
        return out.join(QLatin1Char(' '));
    };
    QVERIFY2(changed.size() >= 3 && changed.size() <= spanMs / 2000 + 2, qPrintable(times()));
    QVERIFY2(at.at(0) < 400, qPrintable(times()));
    for (qsizetype i = 1; i + 1 < at.size(); ++i) // while they came: 2 s apart
        QVERIFY2(at.at(i) - at.at(i - 1) >= 1900 && at.at(i) - at.at(i - 1) <= 2300,
            qPrintable(times()));
    QVERIFY2(at.last() <= spanMs + 900, qPrintable(times()));
    for (const QList<QVariant> &report : std::as_const(changed))
        QCOMPARE(report.at(0).value<QSet<QString>>(), QSet<QString>{QStringLiteral("busy")});
    // After a quiet moment a lone change is reported at once again.
    QTest::qWait(2200);
    changed.clear();
    clock.restart();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'b' WHERE nome = 'lone'")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 2000);
    QVERIFY2(clock.elapsed() < 400, qPrintable(QString::number(clock.elapsed())));
}

// The rule alone, on a clock of its own: a lone job's change at once; several jobs after a quiet
// spell (a burst's start) when they pause, 1 s at most; during a burst every 2 s at the latest.
void TestScale::coalescerTimesReads()
{
    ChangeCoalescer lone;
    QCOMPARE(lone.notified(false, 10000), 10000 + ChangeCoalescer::loneMs);
    QCOMPARE(lone.notified(true, 10005), 10000 + ChangeCoalescer::loneMs); // keeps its time
    lone.reported(10020);

    ChangeCoalescer burst;
    qint64 due = burst.notified(true, 50000);
    QCOMPARE(due, 50000 + ChangeCoalescer::pauseMs);
    due = burst.notified(true, 50250); // the pause starts again with every change
    QCOMPARE(due, 50250 + ChangeCoalescer::pauseMs);
    due = burst.notified(true, 50750); // never later than 1 s after the first
    QCOMPARE(due, 50000 + ChangeCoalescer::firstBurstMs);
    burst.reported(due);
    // Still in the burst: a lone job's change waits too, at most 2 s after the last read.
    due = burst.notified(false, 51100);
    QCOMPARE(due, 51100 + ChangeCoalescer::pauseMs);
    for (qint64 t = 51300; t < 52900; t += 200)
        due = burst.notified(true, t);
    QCOMPARE(due, 51000 + ChangeCoalescer::staleMs);
    burst.reported(due);
    // A deadline already past is read at once, never in the past.
    QCOMPARE(burst.notified(true, 56000), 56000 + ChangeCoalescer::pauseMs); // quiet again
    ChangeCoalescer late;
    late.reported(0);
    QCOMPARE(late.notified(true, 1990), 1990 + 10); // the 2 s after the last read end at 2000
    QCOMPARE(late.notified(true, 2500), 2500);
}

// A burst seen by a real console thread: statements changing several jobs every 60 ms for
// 0.3 s after a quiet spell (a minute boundary's claims and finishes) are read once, after the
// last of them, not in the middle of the burst; a single statement changing several jobs is
// read within a second.
void TestScale::consoleReadsABurstOnceItPauses()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return; // SQLite has no notifications; consoles poll its data_version
    const auto db = database();
    QVERIFY(db);
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES "
                                    "('a', 1), ('b', 1), ('c', 1)")));
    DbThread thread(db->spec(), consoleThreadOptions());
    QSignalSpy changed(&thread, &DbThread::changed);
    thread.start();
    QTRY_COMPARE_WITH_TIMEOUT(thread.state(), DbThread::State::Connected, 10000);
    QTest::qWait(ChangeCoalescer::quietMs + 200);
    QElapsedTimer clock;
    QList<qint64> at;
    connect(&thread, &DbThread::changed, &thread, [&] { at << clock.elapsed(); });
    changed.clear();
    clock.start();
    qint64 lastChange = 0;
    for (int i = 0; i < 6; ++i) {
        QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = '%1'").arg(i)));
        lastChange = clock.elapsed();
        QTest::qWait(60);
    }
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 3000);
    QTest::qWait(ChangeCoalescer::pauseMs + 200);
    QCOMPARE(changed.size(), 1); // once for the whole burst
    QVERIFY2(at.first() >= lastChange && at.first() <= ChangeCoalescer::firstBurstMs + 250,
        qPrintable(
            QStringLiteral("read at %1 ms, last change at %2 ms").arg(at.first()).arg(lastChange)));
    QCOMPARE(changed.first().at(0).value<QSet<QString>>(), QSet<QString>{QString()});

    QTest::qWait(ChangeCoalescer::quietMs + 200);
    changed.clear();
    at.clear();
    clock.restart();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'once'")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 2000);
    QVERIFY2(at.first() >= ChangeCoalescer::pauseMs - 50 && at.first() < 1000,
        qPrintable(QString::number(at.first())));
}

namespace {

QStringList namesOf(const QList<Job> &jobs)
{
    QStringList names;
    for (const Job &job : jobs)
        names << job.name;
    names.sort();
    return names;
}

} // namespace

// JobChangeFeed (0018_change_feed.sql): the rows written since a snapshot, whatever the order in
// which their transactions took an id and committed, also inside a savepoint; a deletion shows
// in the count.
void TestScale::changeFeedFindsEveryWriteSinceItsSnapshot()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return;
    const auto db = database();
    QVERIFY(db);
    const int before = db->scalar(QStringLiteral("SELECT count(*) FROM cron_jobs")).toInt();
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) SELECT "
                                    "'feed_' || g, 1 FROM generate_series(1, 20) g")));
    auto reader = db->connect(QStringLiteral("reader"));
    auto writer = db->connect(QStringLiteral("writer"));
    QVERIFY(reader && writer);
    const auto read = [&](const QString &since) {
        const Result<JobChanges> changes = JobChangeFeed::read(*reader, since);
        if (!changes)
            qWarning("%s", qPrintable(changes.error().message));
        return changes ? *changes : JobChanges{};
    };
    const JobChanges all = read(QString());
    QCOMPARE(all.jobs.size(), before + 20);
    QCOMPARE(all.total, before + 20);
    QVERIFY(!all.snapshot.isEmpty());

    // Nothing written: no rows, the count, and a snapshot to go on from.
    const JobChanges none = read(all.snapshot);
    QCOMPARE(none.jobs.size(), 0);
    QCOMPARE(none.total, before + 20);
    QVERIFY(!none.snapshot.isEmpty());

    // One statement over three rows (one '' notification): exactly those three.
    QVERIFY(db->exec(QStringLiteral(
        "UPDATE cron_jobs SET descricao = 'x' WHERE nome IN ('feed_2', 'feed_5', 'feed_9')")));
    const JobChanges three = read(none.snapshot);
    QCOMPARE(namesOf(three.jobs),
        (QStringList{
            QStringLiteral("feed_2"), QStringLiteral("feed_5"), QStringLiteral("feed_9")}));
    QCOMPARE(three.jobs.first().description, QStringLiteral("x"));

    // A transaction that took its id before a read and committed after it, its write inside a
    // savepoint (a subtransaction's xmin): the read after the commit finds it.
    QSqlQuery open(writer->handle());
    QVERIFY(open.exec(QStringLiteral("BEGIN")));
    QVERIFY(open.exec(QStringLiteral("SAVEPOINT s")));
    QVERIFY(
        open.exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'late' WHERE nome = 'feed_7'")));
    QVERIFY(open.exec(QStringLiteral("RELEASE SAVEPOINT s")));
    // A later transaction, committed at once: seen by the read in between.
    QVERIFY(
        db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'early' WHERE nome = 'feed_8'")));
    const JobChanges between = read(three.snapshot);
    QCOMPARE(namesOf(between.jobs), QStringList{QStringLiteral("feed_8")});
    QVERIFY(open.exec(QStringLiteral("COMMIT")));
    const JobChanges after = read(between.snapshot);
    QCOMPARE(namesOf(after.jobs), QStringList{QStringLiteral("feed_7")});
    QCOMPARE(after.jobs.first().description, QStringLiteral("late"));

    // A new row is found; deleted ones show in the count.
    QVERIFY(db->exec(
        QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('feed_new', 2)")));
    QVERIFY(db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome IN ('feed_1', 'feed_3')")));
    const JobChanges mixed = read(after.snapshot);
    QCOMPARE(namesOf(mixed.jobs), QStringList{QStringLiteral("feed_new")});
    QCOMPARE(mixed.total, before + 19);
}

// A console on PostgreSQL: a statement that changed several of 300 jobs (notified as '') brings
// exactly those rows, not all 300; a deletion brings one full read without the deleted rows.
void TestScale::consoleReadsOnlyTheChangedRows()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return;
    const auto db = database();
    QVERIFY(db);
    const int before = db->scalar(QStringLiteral("SELECT count(*) FROM cron_jobs")).toInt();
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) SELECT "
                                    "'row_' || lpad(g::text, 3, '0'), 1 "
                                    "FROM generate_series(1, 300) g")));
    JobClient::Options options;
    options.purpose = QStringLiteral("console");
    JobClient client(db->spec(), options);
    QList<QList<Job>> loaded;
    QList<QList<Job>> updated;
    connect(
        &client, &JobClient::jobsLoaded, &client, [&](const QList<Job> &jobs) { loaded << jobs; });
    connect(&client, &JobClient::jobsUpdated, &client,
        [&](const QList<Job> &jobs) { updated << jobs; });
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QCOMPARE(loaded.first().size(), before + 300);

    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'seen' WHERE nome IN "
                                    "('row_010', 'row_150', 'row_299')")));
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 5000);
    QList<Job> seen;
    for (const QList<Job> &jobs : std::as_const(updated))
        seen << jobs;
    QCOMPARE(namesOf(seen),
        (QStringList{
            QStringLiteral("row_010"), QStringLiteral("row_150"), QStringLiteral("row_299")}));
    for (const Job &job : std::as_const(seen))
        QCOMPARE(job.description, QStringLiteral("seen"));
    QCOMPARE(loaded.size(), 1); // no full read

    // Two rows deleted from elsewhere: one full read, without them.
    QVERIFY(db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome IN ('row_001', 'row_002')")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
    QCOMPARE(loaded.last().size(), before + 298);
    QVERIFY(!namesOf(loaded.last()).contains(QStringLiteral("row_001")));
    // And the feed goes on from there.
    updated.clear();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET ativo = FALSE WHERE nome = 'row_200'")));
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 5000);
    QCOMPARE(namesOf(updated.first()), QStringList{QStringLiteral("row_200")});
    QCOMPARE(updated.first().first().active, false);
    QCOMPARE(loaded.size(), 2);
}

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"

// A claim with statistics taken before its jobs became due (as before every burst) reads them in
// claim order through idx_cron_jobs_claim_order and stops after its limit: no sort of every due
// row per claim. The plan comes from auto_explain, sent to the claiming session as a notice.
void TestScale::claimsWalkTheClaimOrder()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::PostgreSQL)
        return;
    const auto db = database();
    QVERIFY(db);
    QVERIFY(db->exec(QStringLiteral(
        "INSERT INTO cron_jobs (nome, descricao, intervalo_horas, cron_expression, "
        "schedule_timezone, ativo, next_run, next_run_tz) SELECT 'walk_' || lpad(g::text, 5, '0'), "
        "'walk', 1, '* * * * *', 'UTC', TRUE, (NOW() + INTERVAL '1 hour')::timestamp, NOW() + "
        "INTERVAL '1 hour' FROM generate_series(1, 2000) g")));
    QVERIFY(db->exec(QStringLiteral("ANALYZE cron_jobs")));
    // Now all are due, the oldest slot first: the statistics still say none is.
    QVERIFY(db->exec(
        QStringLiteral("UPDATE cron_jobs SET next_run_tz = NOW() - make_interval(secs => 3000 - "
                       "substr(nome, 6)::int), next_run = (NOW() - make_interval(secs => 3000 - "
                       "substr(nome, 6)::int))::timestamp WHERE nome LIKE 'walk_%'")));
    QStringList names;
    for (int i = 1; i <= 2000; ++i)
        names << QStringLiteral("walk_%1").arg(i, 5, 10, QLatin1Char('0'));
    auto conn = db->connect(QStringLiteral("walker"));
    QVERIFY(conn);
    pg_conn *pg = PgHandle::of(conn->handle());
    QVERIFY(pg);
    SqlOutput plans;
    SqlOutput::Capture capture(pg, &plans, [] {});
    QSqlQuery setup(conn->handle());
    for (const char *statement : {"LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0",
             "SET auto_explain.log_level = 'notice'", "SET client_min_messages = 'notice'"})
        QVERIFY2(setup.exec(QString::fromLatin1(statement)), qPrintable(setup.lastError().text()));
    LeaseStore store(*conn, QStringLiteral("runner-w"), 60);
    store.useConfiguredJobs(names);
    QVERIFY(store.claimsFromTable());
    (void)plans.take(); // the set-up's own plans
    const auto claimed = store.claimDue(names, 8);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().message));
    // The eight oldest slots, in claim order.
    QCOMPARE(claimed->size(), 8);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(claimed->at(i).job.name, names.at(i));
    QString plan;
    for (const SqlOutput::Line &line : plans.take()) {
        if (line.text.contains("cron_job_due"))
            plan = QString::fromUtf8(line.text);
    }
    QVERIFY2(!plan.isEmpty(), "no plan of the claim came back");
    QVERIFY2(plan.contains(QLatin1String("idx_cron_jobs_claim_order")), qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("Sort")), qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("Seq Scan on cron_jobs")), qPrintable(plan));
}

// Working out when to wake reads only the jobs that may become claimable within the horizon
// (and those with catch-up "skip"), not every job of the runner after each finish of a burst.
void TestScale::wakeReadsOnlyJobsDueWithinTheHorizon()
{
    QFETCH_GLOBAL(Backend, backend);
    const auto db = database();
    QVERIFY(db);
    const bool pg = backend == Backend::PostgreSQL;
    const QString in = pg ? QStringLiteral("NOW() + INTERVAL '%1 seconds'")
                          : QStringLiteral("datetime('now', '%1 seconds')");
    const auto add = [&](const QString &name, int inSeconds, const QString &extra = {}) {
        return db->exec(
            QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                           "ativo, last_run, next_run%1%2) VALUES ('%3', 'w', 1, TRUE, "
                           "%4, %5%6%7)")
                .arg(pg ? QStringLiteral(", next_run_tz") : QString(),
                    extra.isEmpty() ? QString() : QStringLiteral(", catch_up"), name, in.arg(-3600),
                    in.arg(inSeconds), pg ? QStringLiteral(", ") + in.arg(inSeconds) : QString(),
                    extra.isEmpty() ? QString() : QStringLiteral(", '%1'").arg(extra)));
    };
    QVERIFY(add(QStringLiteral("soon"), 5));
    QVERIFY(add(QStringLiteral("later"), 600));
    QVERIFY(add(QStringLiteral("skipper"), 600, QStringLiteral("skip")));
    auto conn = db->connect();
    QVERIFY(conn);
    LeaseStore store(*conn, QStringLiteral("runner-h"), 60);
    const QStringList names{
        QStringLiteral("soon"), QStringLiteral("later"), QStringLiteral("skipper")};
    store.useConfiguredJobs(names);
    const auto read = store.wakeCandidates(names, 10);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QStringList got;
    for (const Job &job : *read)
        got << job.name;
    got.sort();
    // SQLite reads them all (its runner looks as far as its poll period).
    QCOMPARE(got,
        pg ? QStringList({QStringLiteral("skipper"), QStringLiteral("soon")})
           : QStringList(
               {QStringLiteral("later"), QStringLiteral("skipper"), QStringLiteral("soon")}));
}

// The output of runs that print in the same half second is written in a few statements; when
// that fails (here a run row deleted meanwhile), each run is written on its own, so the others
// keep their output.
void TestScale::burstOutputIsWrittenTogether()
{
    QFETCH_GLOBAL(Backend, backend);
    const auto db = database();
    QVERIFY(db);
    QStringList names;
    for (int i = 0; i < 4; ++i) {
        names << QStringLiteral("out%1").arg(i);
        QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, "
                                        "ativo) VALUES ('%1', 'out', 1, TRUE)")
                             .arg(names.last())));
    }
    auto conn = db->connect();
    QVERIFY(conn);
    LeaseStore store(*conn, QStringLiteral("runner-o"), 60);
    const auto claimed = store.claimDue(names, 10);
    QVERIFY(claimed);
    QList<Claim> claims = *claimed;
    QCOMPARE(claims.size(), 4);
    QVERIFY(store.openRuns(claims));
    auto buffer = std::make_shared<RunOutputBuffer>();
    OutputWriter writer(db->spec(), 5000, buffer);
    const auto printAll = [&](int round) {
        for (const Claim &claim : std::as_const(claims)) {
            buffer->open(claim.runId, 1 << 20);
            buffer->append(claim.runId, false,
                QStringLiteral("%1 line %2\n").arg(claim.job.name).arg(round).toUtf8());
            buffer->append(claim.runId, true, QByteArrayLiteral("warn\n"));
        }
    };
    const auto stored = [&](qint64 runId) {
        return db
            ->scalar(
                QStringLiteral("SELECT COUNT(*) FROM cron_run_output WHERE run_id = %1").arg(runId))
            .toInt();
    };
    printAll(1);
    writer.flush();
    for (const Claim &claim : std::as_const(claims)) {
        QCOMPARE(stored(claim.runId), 2);
        QCOMPARE(db->scalar(QStringLiteral("SELECT output_bytes FROM cron_runs WHERE id = %1")
                                .arg(claim.runId))
                     .toLongLong(),
            qint64(QStringLiteral("%1 line 1\nwarn\n").arg(claim.job.name).toUtf8().size()));
    }
    // One run's row is gone: the others still get their second round.
    QVERIFY(db->exec(
        QStringLiteral("DELETE FROM cron_run_output WHERE run_id = %1").arg(claims.at(2).runId)));
    QVERIFY(
        db->exec(QStringLiteral("DELETE FROM cron_runs WHERE id = %1").arg(claims.at(2).runId)));
    printAll(2);
    writer.flush();
    for (int i = 0; i < claims.size(); ++i)
        QCOMPARE(stored(claims.at(i).runId), i == 2 ? 0 : 4);
    // In order: stdout and stderr as they came, round after round.
    const QString lines
        = db->scalar(
                (backend == Backend::PostgreSQL
                        ? QStringLiteral("SELECT string_agg(text, '' ORDER BY seq) FROM "
                                         "cron_run_output WHERE run_id = %1")
                        : QStringLiteral("SELECT group_concat(text, '') FROM (SELECT text FROM "
                                         "cron_run_output WHERE run_id = %1 ORDER BY seq)"))
                    .arg(claims.at(0).runId))
              .toString();
    QCOMPARE(lines, QStringLiteral("out0 line 1\nwarn\nout0 line 2\nwarn\n"));
}
