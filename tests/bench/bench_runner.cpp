// Runner benchmark (PostgreSQL from the PG* variables): due-to-start and run-now-to-start
// latency through real runner processes, and claim throughput of 4 runners over 10,000 due jobs.
#include "core/db/database.h"
#include "core/runner/leasestore.h"
#include "support/testdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size()));
    return values[index];
}

double nowEpoch()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}

// Job name → epoch seconds at which its action started, from the lines the actions append.
QHash<QString, double> readStarts(const QString &path)
{
    QHash<QString, double> starts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return starts;
    while (!file.atEnd()) {
        const QList<QByteArray> parts = file.readLine().trimmed().split(' ');
        if (parts.size() == 2)
            starts.insert(QString::fromLatin1(parts[0]), parts[1].toLongLong() / 1e9);
    }
    return starts;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    if (!db) {
        std::fprintf(stderr, "bench_runner: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("starts.log"));
    constexpr int latencyJobs = 40;

    // --- Latency through a real runner process -------------------------------------------
    QJsonObject jobs;
    for (int i = 0; i < latencyJobs; ++i) {
        const QString name = QStringLiteral("lat_%1").arg(i, 2, 10, QLatin1Char('0'));
        jobs.insert(name,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("command")},
                {QStringLiteral("program"), QStringLiteral("/bin/sh")},
                {QStringLiteral("args"),
                    QJsonArray{QStringLiteral("-c"),
                        QStringLiteral("echo \"%1 $(date +%s%N)\" >> '%2'").arg(name, log)}}});
    }
    const QString configPath = dir.filePath(QStringLiteral("runner.json"));
    {
        QFile config(configPath);
        config.open(QIODevice::WriteOnly);
        config.write(QJsonDocument(QJsonObject{{QStringLiteral("max_concurrent_jobs"), 16},
                                       {QStringLiteral("jobs"), jobs}})
                         .toJson());
    }
    db->exec(QStringLiteral(
        "INSERT INTO cron_jobs (nome, intervalo_horas, last_run, next_run, ultimo_status) "
        "SELECT 'lat_' || lpad(g::text, 2, '0'), 12, NOW(), NOW() + INTERVAL '1 day', "
        "'success' FROM generate_series(0, %1) g")
                 .arg(latencyJobs - 1));
    QProcess runner;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(
        QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cron.runner.info=false"));
    runner.setProcessEnvironment(environment);
    runner.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    runner.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), db->url(), QStringLiteral("scheduler"), QStringLiteral("--config"),
            configPath});
    waitFor(
        [&] {
            return db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runners")).toInt() == 1;
        },
        10000);

    // Due-to-start: each job planned 150 ms after the previous, from 2 s ahead; the runner
    // must wake for each planned time by itself.
    const double plannedBase
        = db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM NOW())")).toDouble() + 2.0;
    db->exec(QStringLiteral("UPDATE cron_jobs SET next_run = (to_timestamp(%1 + 0.15 * "
                            "substr(nome, 5)::int))::timestamp WHERE nome LIKE 'lat_%'")
                 .arg(plannedBase, 0, 'f', 3));
    waitFor([&] { return readStarts(log).size() == latencyJobs; }, 30000);
    QList<double> dueLatency;
    const QHash<QString, double> starts = readStarts(log);
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        dueLatency << (it.value() - (plannedBase + 0.15 * it.key().mid(4).toInt())) * 1000.0;

    // Run-now from another process: cronctl run-now, then the action's start.
    QFile::remove(log);
    QList<double> runNowLatency;
    for (int i = 0; i < 20; ++i) {
        const QString name = QStringLiteral("lat_%1").arg(i, 2, 10, QLatin1Char('0'));
        const double before = nowEpoch();
        QProcess runNow;
        runNow.setStandardOutputFile(QProcess::nullDevice());
        runNow.start(QStringLiteral(CRONCTL_PATH),
            {QStringLiteral("--db"), db->url(), QStringLiteral("run-now"), name});
        runNow.waitForFinished(10000);
        waitFor([&] { return readStarts(log).contains(name); }, 10000);
        runNowLatency << (readStarts(log).value(name) - before) * 1000.0;
    }
    runner.terminate();
    runner.waitForFinished(20000);

    // --- Claim throughput: 4 runners (threads, one connection each) over 10,000 due jobs --
    constexpr int claimJobs = 10000;
    db->exec(QStringLiteral("DELETE FROM cron_jobs"));
    db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) SELECT 'claim_' || g, 1 "
                            "FROM generate_series(1, %1) g")
                 .arg(claimJobs));
    QStringList names;
    for (int i = 1; i <= claimJobs; ++i)
        names << QStringLiteral("claim_%1").arg(i);
    std::atomic<int> failures{0};
    QList<QStringList> claimedBy(4);
    QElapsedTimer clock;
    QList<QThread *> threads;
    std::atomic<bool> go{false};
    for (int r = 0; r < 4; ++r) {
        threads << QThread::create([&, r] {
            auto conn = db->connect(QStringLiteral("claimer%1").arg(r));
            LeaseStore leases(*conn, QStringLiteral("bench-%1").arg(r), 300);
            while (!go)
                QThread::yieldCurrentThread();
            for (;;) {
                const auto claims = leases.claimDue(names, 100);
                if (!claims) {
                    ++failures;
                    break;
                }
                if (claims->isEmpty())
                    break;
                for (const Claim &claim : *claims)
                    claimedBy[r] << claim.job.name;
            }
        });
        threads.last()->start();
    }
    QThread::msleep(300); // let the four connections open before the clock starts
    clock.start();
    go = true;
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    const double claimSeconds = clock.elapsed() / 1000.0;
    int total = 0;
    QSet<QString> unique;
    for (const QStringList &list : claimedBy) {
        total += int(list.size());
        for (const QString &name : list)
            unique.insert(name);
    }
    const int duplicates = total - int(unique.size());

    const double p50 = percentile(dueLatency, 0.5), p99 = percentile(dueLatency, 0.99);
    const double r50 = percentile(runNowLatency, 0.5), r99 = percentile(runNowLatency, 0.99);
    std::printf("due-to-start latency (%lld jobs, 1 runner process): p50 %.0f ms, p99 %.0f ms\n",
        qint64(dueLatency.size()), p50, p99);
    std::printf("run-now-to-start latency (cronctl run-now in another process, 20 runs): p50 %.0f "
                "ms, p99 %.0f ms\n",
        r50, r99);
    std::printf("claims: %d of %d due jobs by 4 runners in %.2f s = %.0f claims/s; duplicates %d; "
                "errors %d\n",
        total, claimJobs, claimSeconds, total / claimSeconds, duplicates, failures.load());
    const bool ok = p99 <= 1000 && r99 <= 1000 && total / claimSeconds >= 1000 && duplicates == 0
        && total == claimJobs && failures == 0;
    std::printf("targets (due p99 <= 1 s, run-now <= 1 s, >= 1000 claims/s, 0 duplicates): %s\n",
        ok ? "met" : "MISSED");
    return ok ? 0 : 1;
}
