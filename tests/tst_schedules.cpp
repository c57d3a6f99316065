// Cron schedules in the store, the runner and cronctl, on both backends.
#include "core/db/database.h"
#include "core/domain/jobrules.h"
#include "core/runner/scheduler.h"
#include "core/schedule/schedule.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

class TestSchedules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();
    void slotDuringARunIsOwedOneRun();

    void setCronScheduleMovesNextRun();
    void badScheduleChangesNothing_data();
    void badScheduleChangesNothing();
    void zonesBeyondQtsList();
    void intervalClearsCron();
    void newCronJobWaitsForItsTime();
    void runnerFollowsTheExpression();
    void cronctlSchedules();
    void cronctlNextRuns_data();
    void cronctlNextRuns();

private:
    QProcess *cronctl(const QStringList &args);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
    std::unique_ptr<JobStore> m_store;
    QProcess m_process;
};

void TestSchedules::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestSchedules::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
    m_store = std::make_unique<JobStore>(*m_conn);
}

void TestSchedules::cleanup()
{
    m_store.reset();
    m_conn.reset();
    m_db.reset();
}

QProcess *TestSchedules::cronctl(const QStringList &args)
{
    m_process.start(
        QStringLiteral(CRONCTL_PATH), QStringList{QStringLiteral("--db"), m_db->url()} + args);
    m_process.waitForFinished(30000);
    return &m_process;
}

void TestSchedules::setCronScheduleMovesNextRun()
{
    const auto schedule
        = Schedule::cron(QStringLiteral("0 3 * * 1-5"), QStringLiteral("America/Sao_Paulo"));
    QVERIFY(schedule.ok());
    const auto outcome = m_store->setSchedule(QStringLiteral("sgp_sync_inteligente"), *schedule);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    const Job &job = outcome->job;
    QCOMPARE(job.cronExpression, QStringLiteral("0 3 * * 1-5"));
    QCOMPARE(job.timeZone, QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(job.intervalHours, 12); // kept for the seed's finalizar_execucao_cron
    // next_run is the next weekday 03:00 in São Paulo after the server's now.
    const QDateTime local = job.nextRun.toTimeZone(QTimeZone("America/Sao_Paulo"));
    QCOMPARE(local.time(), QTime(3, 0));
    QVERIFY(local.date().dayOfWeek() <= 5);
    QVERIFY(job.nextRun > job.readAt);
    QVERIFY(job.nextRun <= job.readAt.addDays(4));
    const QJsonObject audit = QJsonDocument::fromJson(
        m_db->scalar(QStringLiteral("SELECT CAST(detalhes AS TEXT) FROM tenant_logs WHERE acao = "
                                    "'cron_admin_set_schedule'"))
            .toString()
            .toUtf8())
                                  .object();
    QVERIFY(audit.value(QStringLiteral("before"))
                .toObject()
                .value(QStringLiteral("cron_expression"))
                .isNull());
    QCOMPARE(audit.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("cron_expression"))
                 .toString(),
        QStringLiteral("0 3 * * 1-5"));
    if (m_db->spec().backend == Backend::PostgreSQL) // the seed's function sees the new time
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')"))
                     .toBool(),
            false);
}

// The tz database's names that Qt does not list (it lists zone1970.tab's): Etc/UTC is the system
// zone of Debian servers and containers, New job's default there, and it was refused.
void TestSchedules::zonesBeyondQtsList()
{
    for (const char *zone : {"Etc/UTC", "Etc/GMT+3", "UTC", "America/Sao_Paulo"}) {
        const auto schedule
            = Schedule::cron(QStringLiteral("0 3 * * *"), QString::fromLatin1(zone));
        QVERIFY2(schedule.ok(),
            qPrintable(QLatin1String(zone) + QLatin1String(": ")
                + (schedule.ok() ? QString() : schedule.error().message)));
    }
    const QString system = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    const auto own = Schedule::cron(QStringLiteral("0 3 * * *"), system);
    QVERIFY2(own.ok(), qPrintable(system));
    // Etc/GMT+3 is three hours behind UTC (the tz database's sign): 03:00 there is 06:00 UTC.
    const auto behind = Schedule::cron(QStringLiteral("0 3 * * *"), QStringLiteral("Etc/GMT+3"));
    QVERIFY(behind.ok());
    const QDateTime next
        = behind->nextRuns(QDateTime(QDate(2026, 12, 3), QTime(0, 0), Qt::UTC), 1).value(0);
    QCOMPARE(next, QDateTime(QDate(2026, 12, 3), QTime(6, 0), Qt::UTC));
}

void TestSchedules::badScheduleChangesNothing_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("message");
    QTest::newRow("minute range") << "61 * * * *"
                                  << "UTC"
                                  << "minute: 61 is outside 0-59";
    QTest::newRow("fields") << "* * * *"
                            << "UTC"
                            << "expected 5 fields, got 4";
    QTest::newRow("reboot") << "@reboot"
                            << "UTC"
                            << "unknown macro \"@reboot\"";
    QTest::newRow("zone") << "0 3 * * *"
                          << "America/Atlantis"
                          << "unknown time zone \"America/Atlantis\"";
    // Accepted as POSIX rules at UTC+0 before (issue 12): jobs hours off with no warning.
    QTest::newRow("abbreviation") << "0 3 * * *"
                                  << "BRT"
                                  << "\"BRT\" is not a time zone name; did you mean "
                                     "America/Sao_Paulo?";
    QTest::newRow("half-typed city") << "0 3 * * *"
                                     << "Sao"
                                     << "\"Sao\" is not a time zone name; did you mean "
                                        "America/Sao_Paulo";
    QTest::newRow("city without region") << "0 3 * * *"
                                         << "Sao_Paulo"
                                         << "\"Sao_Paulo\" is not a time zone name; did you "
                                            "mean America/Sao_Paulo?";
    QTest::newRow("made up") << "0 3 * * *"
                             << "XYZ"
                             << "unknown time zone \"XYZ\"";
    QTest::newRow("not a zone file") << "0 3 * * *"
                                     << "../../etc/passwd"
                                     << "unknown time zone \"../../etc/passwd\"";
    QTest::newRow("no such Etc zone") << "0 3 * * *"
                                      << "Etc/Nowhere"
                                      << "unknown time zone \"Etc/Nowhere\"";
    QTest::newRow("never fires") << "0 0 30 2 *"
                                 << "UTC"
                                 << "the expression \"0 0 30 2 *\" never fires";
}

void TestSchedules::badScheduleChangesNothing()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, message);
    const auto schedule = Schedule::cron(expression, zone);
    QVERIFY(!schedule.ok());
    QCOMPARE(schedule.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(schedule.error().message.startsWith(message), qPrintable(schedule.error().message));
    // The same input through cronctl: exit 2, the same message, nothing written.
    QProcess *process
        = cronctl({QStringLiteral("set-schedule"), QStringLiteral("sgp_sync_inteligente"),
            QStringLiteral("--cron"), expression, QStringLiteral("--timezone"), zone});
    QCOMPARE(process->exitCode(), 2);
    QCOMPARE(QString::fromUtf8(process->readAllStandardError()).trimmed(),
        QStringLiteral("cronctl: ") + schedule.error().message);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT cron_expression FROM cron_jobs")).isNull());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs")).toInt(), 0);
    // And through add and next-runs: refused the same way, no job written.
    process = cronctl({QStringLiteral("add"), QStringLiteral("novo"), QStringLiteral("--cron"),
        expression, QStringLiteral("--timezone"), zone});
    QCOMPARE(process->exitCode(), 2);
    QCOMPARE(QString::fromUtf8(process->readAllStandardError()).trimmed(),
        QStringLiteral("cronctl: ") + schedule.error().message);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs WHERE nome = 'novo'")).toInt(),
        0);
    process = cronctl({QStringLiteral("next-runs"), QStringLiteral("--cron"), expression,
        QStringLiteral("--timezone"), zone});
    QCOMPARE(process->exitCode(), 2);
}

void TestSchedules::intervalClearsCron()
{
    QVERIFY(m_store
                ->setSchedule(QStringLiteral("sgp_sync_inteligente"),
                    *Schedule::cron(QStringLiteral("@daily"), {}))
                .ok());
    const auto outcome = m_store->updateInterval(QStringLiteral("sgp_sync_inteligente"), 3);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->job.cronExpression.isEmpty());
    QVERIFY(outcome->job.timeZone.isEmpty());
    QCOMPARE(outcome->job.intervalHours, 3);
    QVERIFY(qAbs(outcome->job.readAt.secsTo(outcome->job.nextRun) - 3 * 3600) < 5);
}

void TestSchedules::newCronJobWaitsForItsTime()
{
    NewJob job;
    job.name = QStringLiteral("noturno");
    job.cronExpression = QStringLiteral("0 3 * * *");
    job.timeZone = QStringLiteral("Europe/Berlin");
    const auto added = m_store->addJob(job);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    // Never ran, yet not due: a cron job waits for its first fire time.
    QVERIFY(!JobRules::shouldRun(added->job, added->job.readAt));
    QCOMPARE(added->job.nextRun.toTimeZone(QTimeZone("Europe/Berlin")).time(), QTime(3, 0));
    if (m_db->spec().backend == Backend::PostgreSQL)
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT deve_executar_cron('noturno')")).toBool(), false);
}

void TestSchedules::runnerFollowsTheExpression()
{
    QVERIFY(m_store
                ->setSchedule(QStringLiteral("sgp_sync_inteligente"),
                    *Schedule::cron(QStringLiteral("*/5 * * * *"), QStringLiteral("Asia/Kolkata")))
                .ok());
    QVERIFY(m_store->runNow(QStringLiteral("sgp_sync_inteligente")).ok()); // run-now still works
    ActionSpec spec;
    spec.program = QStringLiteral("/bin/true");
    RunnerConfig config;
    config.filePath = QStringLiteral("test");
    config.jobs.insert(QStringLiteral("sgp_sync_inteligente"), spec);
    Scheduler scheduler(m_db->spec(), config);
    QSignalSpy finished(&scheduler, &Scheduler::jobFinished);
    scheduler.start();
    QVERIFY(finished.wait(10000));
    const auto job = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job->totalRuns, 1);
    // The next fire time after the run: within five minutes, on a 5-minute boundary (Kolkata is
    // UTC+05:30, so the boundary is in local minutes, not UTC ones).
    QVERIFY(job->nextRun > job->lastRun);
    QVERIFY(job->nextRun <= job->lastRun.addSecs(300));
    QCOMPARE(job->nextRun.toTimeZone(QTimeZone("Asia/Kolkata")).time().minute() % 5, 0);
    QCOMPARE(job->nextRun.time().second(), 0);
}

void TestSchedules::cronctlSchedules()
{
    QProcess *process = cronctl({QStringLiteral("add"), QStringLiteral("semanal"),
        QStringLiteral("--cron"), QStringLiteral("@weekly"), QStringLiteral("--timezone"),
        QStringLiteral("America/New_York")});
    QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT schedule_timezone FROM cron_jobs WHERE nome = 'semanal'"))
                 .toString(),
        QStringLiteral("America/New_York"));
    process = cronctl({QStringLiteral("set-schedule"), QStringLiteral("semanal"),
        QStringLiteral("--interval-hours"), QStringLiteral("4")});
    QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    QVERIFY(
        m_db->scalar(QStringLiteral("SELECT cron_expression FROM cron_jobs WHERE nome = 'semanal'"))
            .isNull());
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT intervalo_horas FROM cron_jobs WHERE nome = 'semanal'"))
            .toInt(),
        4);
    // Both kinds at once, or neither: a usage error.
    process = cronctl({QStringLiteral("set-schedule"), QStringLiteral("semanal"),
        QStringLiteral("--interval-hours"), QStringLiteral("4"), QStringLiteral("--cron"),
        QStringLiteral("@daily")});
    QCOMPARE(process->exitCode(), 2);
    process = cronctl({QStringLiteral("set-schedule"), QStringLiteral("semanal")});
    QCOMPARE(process->exitCode(), 2);
    process = cronctl({QStringLiteral("set-schedule"), QStringLiteral("nao_existe"),
        QStringLiteral("--cron"), QStringLiteral("@daily")});
    QCOMPARE(process->exitCode(), 2);
    QVERIFY(process->readAllStandardError().contains("no job named"));
}

void TestSchedules::cronctlNextRuns_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spring forward New York") << QStringList{"--cron", "30 2 * * *", "--timezone",
        "America/New_York", "--from", "2025-03-08T00:00:00Z", "--count",
        "3"} << "2025-03-08T02:30:00-05:00\n2025-03-09T03:00:00-04:00\n2025-03-10T02:30:00-04:00\n";
    QTest::newRow("fall back Berlin") << QStringList{"--cron", "30 2 * * *", "--timezone",
        "Europe/Berlin", "--from", "2025-10-25T12:00:00Z", "--count", "2"}
                                      << "2025-10-26T02:30:00+02:00\n2025-10-27T02:30:00+01:00\n";
    QTest::newRow("leap day") << QStringList{"--cron", "0 0 29 2 *", "--from",
        "2025-01-01T00:00:00Z", "--count", "1"}
                              << "2028-02-29T00:00:00+00:00\n";
    QTest::newRow("interval") << QStringList{"--interval-hours", "12", "--from",
        "2025-01-01T06:00:00Z", "--count", "2"}
                              << "2025-01-01T18:00:00+00:00\n2025-01-02T06:00:00+00:00\n";
}

void TestSchedules::cronctlNextRuns()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::SQLite)
        return; // no database involved: once is enough
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    m_process.start(QStringLiteral(CRONCTL_PATH), QStringList{QStringLiteral("next-runs")} + args);
    QVERIFY(m_process.waitForFinished(10000));
    QCOMPARE(m_process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(m_process.readAllStandardOutput()), expected);
}

void TestSchedules::slotDuringARunIsOwedOneRun()
{
    QFETCH_GLOBAL(Backend, backend);
    if (backend != Backend::SQLite)
        return; // no database involved: once is enough
    const auto at = [](const char *text) {
        return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    };
    Job job;
    job.cronExpression = QStringLiteral("* * * * *");
    job.timeZone = QStringLiteral("UTC");
    job.nextRun = at("2026-12-01T10:00:00Z");
    job.runningSince = at("2026-12-01T10:00:00.5Z");
    // A short run: the next fire time after now.
    QCOMPARE(JobRules::nextSlot(job, at("2026-12-01T10:00:20Z")), at("2026-12-01T10:01:00Z"));
    // The 10:01 slot came while it ran: owed, due at once (never beside the run, never lost).
    QCOMPARE(JobRules::nextSlot(job, at("2026-12-01T10:01:20Z")), at("2026-12-01T10:01:00Z"));
    // Slots missed before the run started (downtime) collapse into it.
    job.nextRun = at("2026-12-01T08:00:00Z");
    job.runningSince = at("2026-12-01T10:00:30Z");
    QCOMPARE(JobRules::nextSlot(job, at("2026-12-01T10:00:50Z")), at("2026-12-01T10:01:00Z"));
}

QTEST_GUILESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
