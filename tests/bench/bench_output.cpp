// A command printing 100 MB through the runner (issue 14): its time against the same command
// writing to /dev/null, the runner's peak RSS and the bytes stored. PostgreSQL from PG*
// (SQLite with --sqlite). Prints the figures; the targets are ratio <= 1.2, RSS <= 64 MB and
// stored <= the 1 MiB cap. A shared machine is noisy, so the legs run interleaved, round by
// round (/dev/null, a plain `| cat > /dev/null` reader, the runner), and the median ratio and
// its spread are printed. The `cat` leg is the floor any reader of a pipe pays on this machine
// (the writer's pipe copies and wake-ups, one more process on the cores); the runner's own CPU
// per run (utime + stime of its process) says what the runner itself costs.
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {

const QString script = QStringLiteral("head -c 100000000 /dev/zero | tr '\\0' x | fold -w 99");

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

double timed(const QString &tail)
{
    QElapsedTimer clock;
    clock.start();
    QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script + tail});
    return clock.elapsed() / 1000.0;
}

// utime + stime of a process (all its threads), in seconds.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which is in parentheses and may hold spaces).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double lowest(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::min_element(values.cbegin(), values.cend());
}

double highest(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

constexpr int rounds = 7; // a shared machine is noisy: medians of seven interleaved rounds

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Backend backend = app.arguments().contains(QStringLiteral("--sqlite"))
        ? Backend::SQLite
        : Backend::PostgreSQL;
    QString error;
    auto db = TestDatabase::create(backend, &error);
    if (!db) {
        std::fprintf(stderr, "bench_output: %s\n", qPrintable(error));
        return 1;
    }
    QList<double> alone;
    QList<double> piped;
    const auto plainLegs = [&] {
        alone << timed(QStringLiteral(" > /dev/null"));
        piped << timed(QStringLiteral(" | cat > /dev/null"));
    };
    plainLegs(); // round 1's, before the runner starts (its first run is due at once)
    db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('flood', 1)"));
    // BENCH_OUTPUT_CAP=0: output counted, not kept (the runner's reading alone).
    if (qEnvironmentVariableIsSet("BENCH_OUTPUT_CAP"))
        db->exec(QStringLiteral("UPDATE cron_jobs SET output_limit_bytes = %1")
                     .arg(qEnvironmentVariableIntValue("BENCH_OUTPUT_CAP")));
    RunnerProcesses runners;
    QProcess *runner = runners.start(QStringLiteral("bench"), db->url(),
        runners.writeConfig(
            QJsonObject{{QStringLiteral("flood"), RunnerProcesses::shell(script)}}, 30, 1, 1));
    QList<double> through;
    QList<double> ratios;
    QList<double> cpu;
    double cpuBefore = 0;
    qint64 stored = 0;
    qint64 printed = 0;
    for (int round = 1; round <= rounds; ++round) {
        QElapsedTimer deadline;
        deadline.start();
        const QString done = QStringLiteral("SELECT COUNT(*) FROM cron_runs WHERE job_name = "
                                            "'flood' AND output_complete");
        while (db->scalar(done).toInt() < round) {
            if (deadline.elapsed() > 300'000) {
                std::fprintf(stderr, "bench_output: run %d did not end in 300 s\n", round);
                return 1;
            }
            // Slow polls: the bench itself must not take the cores from the run it measures (the
            // duration is the guard's own measure, not this loop's).
            QThread::msleep(250);
        }
        const QString last = QStringLiteral("(SELECT MAX(id) FROM cron_runs)");
        through << db->scalar(QStringLiteral("SELECT duration_seconds FROM cron_runs WHERE id = ")
                         + last)
                       .toDouble();
        ratios << through.constLast() / alone.constLast();
        const double cpuNow = cpuSeconds(runner->processId());
        cpu << cpuNow - cpuBefore; // round 1 includes the runner's start-up
        cpuBefore = cpuNow;
        stored = db->scalar(QStringLiteral("SELECT SUM(LENGTH(text)) FROM cron_run_output WHERE "
                                           "run_id = ")
                       + last)
                     .toLongLong();
        printed
            = db->scalar(QStringLiteral("SELECT output_bytes FROM cron_runs WHERE id = ") + last)
                  .toLongLong();
        if (round == rounds)
            break;
        plainLegs();
        db->exec( // due again
            backend == Backend::PostgreSQL
                ? QStringLiteral("UPDATE cron_jobs SET next_run = NOW()")
                : QStringLiteral("UPDATE cron_jobs SET next_run = strftime('%Y-%m-%d "
                                 "%H:%M:%f', 'now')"));
    }
    const qint64 rss = peakRssKb(runner->processId());
    const double ratio = median(ratios);
    QList<double> catRatios;
    for (int i = 0; i < rounds; ++i)
        catRatios << piped.at(i) / alone.at(i);
    std::printf("bench_output (%s): 100 MB command, %d interleaved rounds, medians: %.3f s to "
                "/dev/null, %.3f s to `| cat > /dev/null` (ratio %.2f, %.2f-%.2f), %.3f s through "
                "the runner (ratio %.2f, spread %.2f-%.2f, target <= 1.2); runner CPU per run "
                "%.3f s (%.2f-%.2f); runner peak RSS %.1f MB (target <= 64); %lld of %lld bytes "
                "stored (cap %s)\n",
        backend == Backend::PostgreSQL ? "PostgreSQL" : "SQLite", rounds, median(alone),
        median(piped), median(catRatios), lowest(catRatios), highest(catRatios), median(through),
        ratio, lowest(ratios), highest(ratios), median(cpu.mid(1)), lowest(cpu.mid(1)),
        highest(cpu.mid(1)), rss / 1024.0, stored, printed,
        qEnvironmentVariableIsSet("BENCH_OUTPUT_CAP") ? qgetenv("BENCH_OUTPUT_CAP").constData()
                                                      : "1048576");
    const bool ok = ratio <= 1.2 && rss > 0 && rss <= 64 * 1024 && stored <= 1048576;
    return ok ? 0 : 1;
}
