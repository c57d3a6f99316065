// One clock (issue 11, G4, points 6-8): leases, running_since and every due check use the
// server's clock whatever a session's TimeZone, DST included; renewals and claims write
// clock_timestamp()-based expiries; max_concurrent_jobs holds on a database without statistics.
// PostgreSQL sessions in Asia/Tokyo, America/Sao_Paulo and UTC on a database whose default zone
// is Europe/Berlin; SQLite (one clock, UTC text) for the rules that apply to it.
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/domain/jobrules.h"
#include "core/runner/leasestore.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

namespace {

const QString jobName = QStringLiteral("clock_job");

// The first column of the first row, or an invalid QVariant (with a warning) on failure.
QVariant valueOn(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db.handle());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.next() ? query.value(0) : QVariant(true);
}

bool execOn(Database &db, const QString &sql)
{
    QSqlQuery query(db.handle());
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

bool deve(Database &db)
{
    return valueOn(db, QStringLiteral("SELECT deve_executar_cron(?)"), {jobName}).toBool();
}

bool iniciar(Database &db)
{
    return valueOn(db, QStringLiteral("SELECT iniciar_execucao_cron(?)"), {jobName}).toBool();
}

// Claims by hand until something is claimed or the deadline passes (claimDue has an effect, so
// QTRY_* cannot poll it).
QList<Claim> claimWithin(LeaseStore &store, int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const auto claims = store.claimDue({jobName}, 1);
        if (!claims || !claims->isEmpty() || timer.elapsed() > milliseconds)
            return claims ? *claims : QList<Claim>();
        QTest::qWait(20);
    }
}

qint64 msBetween(const QDateTime &from, const QDateTime &to)
{
    return from.msecsTo(to);
}

} // namespace

class TestClock : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void sessionsAreInTheirZones();
    void tokyoNeverTakesSaoPaulosLiveLease_data();
    void tokyoNeverTakesSaoPaulosLiveLease();
    void expiredLeaseTakenOverWithinOneSecond_data();
    void expiredLeaseTakenOverWithinOneSecond();
    void seedTwoHourRuleAcrossZones_data();
    void seedTwoHourRuleAcrossZones();
    void platformNextRunAcrossZones_data();
    void platformNextRunAcrossZones();
    void repeatedDstHourKeepsInstants_data();
    void repeatedDstHourKeepsInstants();
    void renewalAfterRowLockWaitIsFresh();
    void maxConcurrentOnFreshDatabase_data();
    void maxConcurrentOnFreshDatabase();
    void sqliteRulesOnItsOwnClock();
    void migrationWaitsBoundedAndRetries();

private:
    Database &session(const QString &zone);
    bool prepareJob();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_tokyo;
    std::unique_ptr<Database> m_saoPaulo;
    std::unique_ptr<Database> m_utc;
};

void TestClock::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::PostgreSQL, &error);
    if (!m_db)
        QFAIL(qPrintable(error));
    // The server's zone (for every session that does not choose one) has DST.
    QVERIFY(m_db->exec(QStringLiteral("ALTER DATABASE %1 SET timezone = 'Europe/Berlin'")
                           .arg(m_db->spec().database)));
    // Three ways a platform session gets its zone: libpq options, PGTZ, SET.
    ConnectionSpec tokyo = m_db->spec();
    tokyo.options.insert(QStringLiteral("options"), QStringLiteral("-c TimeZone=Asia/Tokyo"));
    auto opened = Database::open(tokyo, QStringLiteral("tokyo"));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_tokyo = std::move(opened).value();
    qputenv("PGTZ", "America/Sao_Paulo");
    m_saoPaulo = m_db->connect(QStringLiteral("sao-paulo"));
    qunsetenv("PGTZ");
    QVERIFY(m_saoPaulo);
    m_utc = m_db->connect(QStringLiteral("utc"));
    QVERIFY(m_utc);
    QVERIFY(execOn(*m_utc, QStringLiteral("SET TimeZone = 'UTC'")));
    QVERIFY(prepareJob());
}

void TestClock::cleanup()
{
    m_tokyo.reset();
    m_saoPaulo.reset();
    m_utc.reset();
    m_db.reset();
}

Database &TestClock::session(const QString &zone)
{
    if (zone == QLatin1String("tokyo"))
        return *m_tokyo;
    if (zone == QLatin1String("saopaulo"))
        return *m_saoPaulo;
    return *m_utc;
}

bool TestClock::prepareJob()
{
    // A job that ran a day ago and is due: only the lease rules decide who takes it.
    return m_db->exec(QStringLiteral(
        "INSERT INTO cron_jobs (nome, intervalo_horas, ativo, last_run, next_run) "
        "VALUES ('clock_job', 12, TRUE, NOW() - INTERVAL '1 day', NOW() - INTERVAL '1 hour')"));
}

void TestClock::sessionsAreInTheirZones()
{
    auto plain = m_db->connect(QStringLiteral("plain"));
    QVERIFY(plain);
    QCOMPARE(valueOn(*plain, QStringLiteral("SELECT current_setting('TimeZone')")).toString(),
        QStringLiteral("Europe/Berlin"));
    QCOMPARE(valueOn(*m_tokyo, QStringLiteral("SELECT current_setting('TimeZone')")).toString(),
        QStringLiteral("Asia/Tokyo"));
    QCOMPARE(valueOn(*m_saoPaulo, QStringLiteral("SELECT current_setting('TimeZone')")).toString(),
        QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(valueOn(*m_utc, QStringLiteral("SELECT current_setting('TimeZone')")).toString(),
        QStringLiteral("UTC"));
    // The columns the seed owns keep their type; the lease is an instant now.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM "
                                         "pg_attribute WHERE attrelid = 'cron_jobs'::regclass "
                                         "AND attname = 'next_run'"))
                 .toString(),
        QStringLiteral("timestamp without time zone"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM "
                                         "pg_attribute WHERE attrelid = 'cron_jobs'::regclass "
                                         "AND attname = 'lease_expires_at'"))
                 .toString(),
        QStringLiteral("timestamp with time zone"));
}

void TestClock::tokyoNeverTakesSaoPaulosLiveLease_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("other");
    QTest::newRow("sao paulo holds, tokyo tries") << "saopaulo"
                                                  << "tokyo";
    QTest::newRow("tokyo holds, sao paulo tries") << "tokyo"
                                                  << "saopaulo";
    QTest::newRow("utc holds, tokyo tries") << "utc"
                                            << "tokyo";
}

void TestClock::tokyoNeverTakesSaoPaulosLiveLease()
{
    QFETCH(QString, holder);
    QFETCH(QString, other);
    LeaseStore holding(session(holder), QStringLiteral("runner-") + holder, 30);
    const auto claims = holding.claimDue({jobName}, 1);
    QVERIFY(claims.ok());
    QCOMPARE(claims->size(), 1);
    const Claim claim = claims->first();
    // The expiry is the server's clock plus the lease, as an instant.
    const qint64 ahead = msBetween(claim.job.readAt, claim.leaseExpiresAt);
    QVERIFY2(ahead >= 29900 && ahead <= 31000, qPrintable(QString::number(ahead)));

    LeaseStore taker(session(other), QStringLiteral("runner-") + other, 30);
    QCOMPARE(taker.claimDue({jobName}, 1)->size(), 0);
    QVERIFY(!deve(session(other)));
    QVERIFY(!iniciar(session(other)));
    QCOMPARE(taker.claimDue({jobName}, 1)->size(), 0);
    // Every session reads the same instants.
    for (const QString &zone :
        {QStringLiteral("tokyo"), QStringLiteral("saopaulo"), QStringLiteral("utc")}) {
        JobStore store(session(zone));
        const auto job = store.job(jobName);
        QVERIFY(job.ok());
        QCOMPARE(job->leaseExpiresAt, claim.leaseExpiresAt);
        QCOMPARE(job->runningSince, claim.job.runningSince);
        QCOMPARE(job->leaseToken, claim.token);
    }
    QVERIFY(holding.renew(claim).value().has_value());
}

void TestClock::expiredLeaseTakenOverWithinOneSecond_data()
{
    tokyoNeverTakesSaoPaulosLiveLease_data();
}

void TestClock::expiredLeaseTakenOverWithinOneSecond()
{
    QFETCH(QString, holder);
    QFETCH(QString, other);
    LeaseStore dying(session(holder), QStringLiteral("runner-") + holder, 2);
    const auto claims = dying.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    const QDateTime expiry = claims->first().leaseExpiresAt;
    // The holder dies; the other runner polls as a scheduler would after the expiry.
    LeaseStore taker(session(other), QStringLiteral("runner-") + other, 30);
    const QList<Claim> taken = claimWithin(taker, 10000);
    QCOMPARE(taken.size(), 1);
    const qint64 late = msBetween(expiry, taken.first().job.readAt);
    qInfo("%s took over %lld ms after %s's lease expired", qPrintable(other), late,
        qPrintable(holder));
    QVERIFY2(late >= 0, qPrintable(QString::number(late))); // never before the expiry
    QVERIFY2(late <= 1000, qPrintable(QString::number(late)));
    QCOMPARE(taken.first().token, claims->first().token + 1);
}

void TestClock::seedTwoHourRuleAcrossZones_data()
{
    tokyoNeverTakesSaoPaulosLiveLease_data();
}

void TestClock::seedTwoHourRuleAcrossZones()
{
    QFETCH(QString, holder);
    QFETCH(QString, other);
    // The platform's service loop in one zone starts the job (no lease: the 2-hour rule).
    QVERIFY(deve(session(holder)));
    QVERIFY(iniciar(session(holder)));
    QVERIFY(!deve(session(other)));
    QVERIFY(!iniciar(session(other)));
    LeaseStore runner(session(other), QStringLiteral("runner-") + other, 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 0);
    // The platform moves the start back in its own zone: 1 h 59 min is not stuck, 2 h 1 min is.
    QVERIFY(execOn(session(holder),
        QStringLiteral("UPDATE cron_jobs SET running_since = NOW() - INTERVAL '119 minutes' "
                       "WHERE nome = 'clock_job'")));
    QVERIFY(!deve(session(other)));
    QVERIFY(!iniciar(session(other)));
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 0);
    QVERIFY(execOn(session(holder),
        QStringLiteral("UPDATE cron_jobs SET running_since = NOW() - INTERVAL '121 minutes' "
                       "WHERE nome = 'clock_job'")));
    QVERIFY(deve(session(other)));
    QVERIFY(iniciar(session(other))); // exactly one caller wins
    QVERIFY(!iniciar(session(holder)));
    QVERIFY(!deve(session(holder)));
}

void TestClock::platformNextRunAcrossZones_data()
{
    tokyoNeverTakesSaoPaulosLiveLease_data();
}

void TestClock::platformNextRunAcrossZones()
{
    QFETCH(QString, holder);
    QFETCH(QString, other);
    // The seed's finalizar: next run in an hour, written in the platform's zone.
    QVERIFY(execOn(session(holder),
        QStringLiteral("UPDATE cron_jobs SET last_run = NOW(), next_run = NOW() + INTERVAL "
                       "'1 hour' WHERE nome = 'clock_job'")));
    QVERIFY(!deve(session(other)));
    LeaseStore runner(session(other), QStringLiteral("runner-") + other, 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 0);
    JobStore store(session(other));
    const auto job = store.job(jobName);
    const qint64 wait = msBetween(job->readAt, job->nextRun);
    QVERIFY2(wait > 3590000 && wait <= 3600000, qPrintable(QString::number(wait)));
    // The seed's "Forçar próxima execução".
    QVERIFY(execOn(session(holder),
        QStringLiteral("UPDATE cron_jobs SET next_run = NOW() WHERE nome = 'clock_job'")));
    QVERIFY(deve(session(other)));
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 1);
}

void TestClock::repeatedDstHourKeepsInstants_data()
{
    QTest::addColumn<int>("endOffsetMinutes");
    // now() in the second pass of the repeated hour, and in the first.
    QTest::newRow("DST ended 30 min ago") << -30;
    QTest::newRow("DST ends in 30 min") << 30;
}

void TestClock::repeatedDstHourKeepsInstants()
{
    QFETCH(int, endOffsetMinutes);
    // A zone (UTC+1, UTC+2 in summer) whose DST end is endOffsetMinutes from now, as a POSIX
    // rule: the end's wall time is given in summer time, days as zero-based days of the year.
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(endOffsetMinutes * 60);
    const QDateTime endWall = end.addSecs(2 * 3600);
    const int endDay = endWall.date().dayOfYear() - 1;
    const int startDay = (endDay + 182) % 365;
    const QString zone = QStringLiteral("XST-1XDT-2,%1/02:00:00,%2/%3")
                             .arg(startDay)
                             .arg(endDay)
                             .arg(endWall.time().toString(QStringLiteral("HH:mm:ss")));
    auto dst = m_db->connect(QStringLiteral("dst"));
    QVERIFY(dst);
    QVERIFY(
        valueOn(*dst, QStringLiteral("SELECT set_config('TimeZone', ?, false)"), {zone}).isValid());
    // The session really is inside the repeated hour: its wall clock showed the same time an
    // hour before (or will an hour later).
    const QString sameWall = endOffsetMinutes < 0
        ? QStringLiteral("SELECT now()::timestamp = (now() - INTERVAL '1 hour')::timestamp")
        : QStringLiteral("SELECT now()::timestamp = (now() + INTERVAL '1 hour')::timestamp");
    QVERIFY2(valueOn(*dst, sameWall).toBool(), qPrintable(zone));

    // The platform forces the next run and starts the job with NOW() in that hour.
    QVERIFY(execOn(*dst, QStringLiteral("BEGIN")));
    QVERIFY(execOn(*dst,
        QStringLiteral("UPDATE cron_jobs SET next_run = NOW(), ultimo_status = 'running', "
                       "updated_at = NOW() WHERE nome = 'clock_job'")));
    const double writtenAt
        = valueOn(*dst, QStringLiteral("SELECT EXTRACT(EPOCH FROM now())::float8")).toDouble();
    QVERIFY(execOn(*dst, QStringLiteral("COMMIT")));
    const double nextRun
        = m_db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM next_run_tz)::float8 FROM "
                                      "cron_jobs WHERE nome = 'clock_job'"))
              .toDouble();
    const double runningSince
        = m_db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM running_since_tz)::float8 FROM "
                                      "cron_jobs WHERE nome = 'clock_job'"))
              .toDouble();
    QCOMPARE(qRound64((nextRun - writtenAt) * 1e6), 0);
    QCOMPARE(qRound64((runningSince - writtenAt) * 1e6), 0);
    JobStore store(*m_utc);
    const auto job = store.job(jobName);
    QCOMPARE(job->nextRun.toMSecsSinceEpoch(), qRound64(writtenAt * 1000));
    QVERIFY(!JobRules::isStuck(*job, job->readAt)); // started just now, not an hour ago
    QVERIFY(!deve(*m_utc));

    // The platform finishes; next_run = NOW() again: due at once, for every session.
    QVERIFY(execOn(*dst,
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'success', last_run = NOW(), "
                       "next_run = NOW() WHERE nome = 'clock_job'")));
    QVERIFY(deve(*dst));
    QVERIFY(deve(*m_utc));
    QVERIFY(deve(*m_tokyo));

    // Our runner in that session: running_since and the lease are the server's instants.
    LeaseStore runner(*dst, QStringLiteral("runner-dst"), 30);
    const auto claims = runner.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    const auto held = JobStore(*m_utc).job(jobName);
    QCOMPARE(held->runningSince, claims->first().job.runningSince);
    QVERIFY(qAbs(msBetween(held->runningSince, held->readAt)) < 5000);
    QVERIFY(!deve(*m_utc));
}

void TestClock::renewalAfterRowLockWaitIsFresh()
{
    LeaseStore runner(*m_utc, QStringLiteral("runner-a"), 2);
    const auto claims = runner.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    // Another program (psql, a real process) holds the row for 3 s; the renewal waits for it.
    QProcess psql;
    psql.start(QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), m_db->spec().database,
            QStringLiteral("-c"),
            QStringLiteral("BEGIN; SELECT 1 FROM cron_jobs WHERE nome = 'clock_job' FOR UPDATE; "
                           "SELECT pg_sleep(3) /* clock-lock-holder */; COMMIT;")});
    QVERIFY(psql.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE query "
                                    "LIKE '%clock-lock-holder%' AND wait_event = "
                                    "'PgSleep' AND pid <> pg_backend_pid()"))
                .toInt()
            == 1,
        10000);
    QElapsedTimer waited;
    waited.start();
    const auto renewed = runner.renew(claims->first());
    const qint64 waitedMs = waited.elapsed();
    QVERIFY(renewed.ok());
    QVERIFY(renewed->has_value());
    const QDateTime clock = QDateTime::fromMSecsSinceEpoch(
        qRound64(
            m_db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM clock_timestamp())::float8"))
                .toDouble()
            * 1000),
        Qt::UTC);
    const qint64 left = msBetween(clock, **renewed);
    qInfo("the renewal waited %lld ms for the row lock; %lld ms of its 2 s lease left after it",
        waitedMs, left);
    QVERIFY2(waitedMs >= 2000, qPrintable(QString::number(waitedMs)));
    QVERIFY2(left > 1500 && left <= 2000, qPrintable(QString::number(left)));
    // What renew() returned is what the server wrote.
    QCOMPARE(JobStore(*m_utc).job(jobName)->leaseExpiresAt, **renewed);
    QVERIFY(psql.waitForFinished(10000));
    QCOMPARE(psql.exitCode(), 0);
}

void TestClock::maxConcurrentOnFreshDatabase_data()
{
    QTest::addColumn<int>("due");
    QTest::addColumn<int>("limit");
    QTest::newRow("10 due, limit 4") << 10 << 4;
    QTest::newRow("50 due, limit 8") << 50 << 8;
}

void TestClock::maxConcurrentOnFreshDatabase()
{
    QFETCH(int, due);
    QFETCH(int, limit);
    // init() made a new database: cron_jobs has never been analysed.
    QStringList names;
    for (int i = 0; i < due; ++i) {
        names << QStringLiteral("due_%1").arg(i);
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, ativo) VALUES ('%1', TRUE)")
                               .arg(names.constLast())));
    }
    qInfo("pg_class.reltuples of cron_jobs: %s (no statistics: -1 or 0)",
        qPrintable(
            m_db->scalar(QStringLiteral(
                             "SELECT reltuples FROM pg_class WHERE oid = 'cron_jobs'::regclass"))
                .toString()));
    LeaseStore runner(*m_utc, QStringLiteral("runner-a"), 30);
    const auto claims = runner.claimDue(names, limit);
    QVERIFY(claims.ok());
    QCOMPARE(claims->size(), limit);
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM cron_jobs WHERE ultimo_status = 'running'"))
                 .toInt(),
        limit);
    // And again: the next claim takes the next `limit`, still never more.
    QCOMPARE(runner.claimDue(names, limit)->size(), limit);
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM cron_jobs WHERE ultimo_status = 'running'"))
                 .toInt(),
        2 * limit);
}

void TestClock::sqliteRulesOnItsOwnClock()
{
    QString error;
    auto lite = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(lite, qPrintable(error));
    QStringList names;
    for (int i = 0; i < 10; ++i) {
        names << QStringLiteral("due_%1").arg(i);
        QVERIFY(lite->exec(QStringLiteral("INSERT INTO cron_jobs (nome, ativo) VALUES ('%1', 1)")
                               .arg(names.constLast())));
    }
    auto conn = lite->connect();
    QVERIFY(conn);
    LeaseStore a(*conn, QStringLiteral("runner-a"), 2);
    const auto claims = a.claimDue(names, 4);
    QCOMPARE(claims->size(), 4);
    const Claim claim = claims->first();
    const qint64 ahead = msBetween(claim.job.readAt, claim.leaseExpiresAt);
    QVERIFY2(ahead >= 1900 && ahead <= 2500, qPrintable(QString::number(ahead)));
    QCOMPARE(JobStore(*conn).job(claim.job.name)->leaseExpiresAt, claim.leaseExpiresAt);
    // A renewal returns the expiry it wrote, later than the claim's.
    const auto renewed = a.renew(claim);
    QVERIFY(renewed->has_value());
    QVERIFY(**renewed >= claim.leaseExpiresAt);
    QCOMPARE(JobStore(*conn).job(claim.job.name)->leaseExpiresAt, **renewed);
    // Another runner takes an expired lease over, not before its expiry, within a second.
    LeaseStore b(*conn, QStringLiteral("runner-b"), 30);
    QElapsedTimer timer;
    timer.start();
    QList<Claim> taken;
    while (timer.elapsed() < 10000) {
        taken = b.claimDue({claim.job.name}, 1).value();
        if (!taken.isEmpty())
            break;
        QTest::qWait(20);
    }
    QCOMPARE(taken.size(), 1);
    const qint64 late = msBetween(**renewed, taken.first().job.readAt);
    QVERIFY2(late >= 0 && late <= 1000, qPrintable(QString::number(late)));
    QVERIFY(!a.renew(claim)->has_value());
}

void TestClock::migrationWaitsBoundedAndRetries()
{
    // 0007 again (it is idempotent) while another program (psql) holds a lock on cron_jobs for
    // 4 s: the first attempt gives up after lock_timeout (3 s), the retry succeeds.
    const int latest
        = m_db->scalar(QStringLiteral("SELECT MAX(version) FROM cron_console_migrations")).toInt();
    QVERIFY(latest >= 7);
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_console_migrations WHERE version >= 7")));
    QProcess psql;
    psql.start(QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), m_db->spec().database,
            QStringLiteral("-c"),
            QStringLiteral("BEGIN; LOCK TABLE cron_jobs IN ACCESS SHARE MODE; "
                           "SELECT pg_sleep(4) /* clock-table-holder */; COMMIT;")});
    QVERIFY(psql.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE query "
                                    "LIKE '%clock-table-holder%' AND wait_event = "
                                    "'PgSleep' AND pid <> pg_backend_pid()"))
                .toInt()
            == 1,
        10000);
    auto conn = m_db->connect(QStringLiteral("migrate"));
    QVERIFY(conn);
    QElapsedTimer timer;
    timer.start();
    const auto applied = Migrator(*conn).migrate();
    const qint64 took = timer.elapsed();
    qInfo("migrate took %lld ms behind a 4 s lock (lock_timeout 3 s, then a retry)", took);
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    // 0007 and every later one, again (counted, since versions may have gaps between branches).
    const auto all = Migrator(*conn).available();
    QCOMPARE(applied->size(), qsizetype(std::count_if(all.cbegin(), all.cend(), [](const auto &m) {
        return m.version >= 7;
    })));
    QVERIFY2(took >= 3000, qPrintable(QString::number(took)));
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT MAX(version) FROM cron_console_migrations")).toInt(),
        latest);
    QVERIFY(psql.waitForFinished(10000));
    QCOMPARE(psql.exitCode(), 0);
    // The rules still work after the second run.
    QVERIFY(deve(*m_tokyo));
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
