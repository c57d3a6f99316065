// A command printing 100 MB through the runner (issue 14): its time against the same command
// writing to /dev/null, the runner's peak RSS and the bytes stored. PostgreSQL from PG*
// (SQLite with --sqlite). Prints the figures; the targets are ratio <= 1.2, RSS <= 64 MB and
// stored <= the 1 MiB cap. A shared machine is noisy, so the legs run interleaved, round by
// round (/dev/null, a plain `| cat > /dev/null` reader, the runner), and the median ratio and
// its spread are printed. The `cat` leg is the floor any reader of a pipe pays on this machine
// (the writer's pipe copies and wake-ups, one more process on the cores); the runner's own CPU
// per run (utime + stime of its process) says what the runner itself costs. CPU seconds (the
// command's, and through the runner the command's, its guard's and the runner's) are printed
// beside the wall times: they depend much less on what else the machine is doing.
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
#include <sys/resource.h>
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

// CPU seconds of the waited-for children of this process (user + system).
double childrenCpu()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timed {
    double seconds = 0;
    double cpu = 0; // of the command (every process of it)
};

Timed timed(const QString &tail)
{
    const double cpuBefore = childrenCpu();
    QElapsedTimer clock;
    clock.start();
    QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script + tail});
    return {clock.elapsed() / 1000.0, childrenCpu() - cpuBefore};
}

// A process's CPU seconds: its own (all threads), and its waited-for children's (for the runner:
// the guards and the commands under them).
struct ProcessCpu {
    double self = -1;
    double children = -1;
};

ProcessCpu processCpu(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // Fields after the command name (which is in parentheses and may hold spaces): utime,
    // stime, cutime and cstime are fields 14-17 of proc(5).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return {};
    const double tick = double(sysconf(_SC_CLK_TCK));
    return {(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / tick,
        (fields.at(13).toLongLong() + fields.at(14).toLongLong()) / tick};
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
    QList<double> aloneCpu;
    QList<double> piped;
    QList<double> pipedCpu;
    const auto plainLegs = [&] {
        const Timed direct = timed(QStringLiteral(" > /dev/null"));
        alone << direct.seconds;
        aloneCpu << direct.cpu;
        const Timed cat = timed(QStringLiteral(" | cat > /dev/null"));
        piped << cat.seconds;
        pipedCpu << cat.cpu;
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
    QList<double> cpu; // the runner's own, per run
    QList<double> cpuRatios; // (command + guard + runner) / the command to /dev/null
    ProcessCpu cpuBefore;
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
        if (round > 1) { // round 1 includes the runner's start-up
            const ProcessCpu cpuNow = processCpu(runner->processId());
            cpu << cpuNow.self - cpuBefore.self;
            cpuRatios << (cpuNow.self - cpuBefore.self + cpuNow.children - cpuBefore.children)
                    / aloneCpu.constLast();
        }
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
        cpuBefore = processCpu(runner->processId());
        db->exec( // due again
            backend == Backend::PostgreSQL
                ? QStringLiteral("UPDATE cron_jobs SET next_run = NOW()")
                : QStringLiteral("UPDATE cron_jobs SET next_run = strftime('%Y-%m-%d "
                                 "%H:%M:%f', 'now')"));
    }
    const qint64 rss = peakRssKb(runner->processId());
    const double ratio = median(ratios);
    QList<double> catRatios;
    QList<double> catCpuRatios;
    for (int i = 0; i < rounds; ++i) {
        catRatios << piped.at(i) / alone.at(i);
        catCpuRatios << pipedCpu.at(i) / aloneCpu.at(i);
    }
    std::printf("bench_output (%s): 100 MB command, %d interleaved rounds, medians (spread):\n"
                "  wall: %.3f s to /dev/null; %.3f s to `| cat > /dev/null`, ratio %.2f "
                "(%.2f-%.2f); %.3f s through the runner, ratio %.2f (%.2f-%.2f), target <= 1.2\n"
                "  CPU: %.3f s to /dev/null; `| cat`: ratio %.2f (%.2f-%.2f); through the runner "
                "(command, guard and runner): ratio %.2f (%.2f-%.2f); the runner's own %.3f s "
                "(%.2f-%.2f)\n"
                "  runner peak RSS %.1f MB (target <= 64); %lld of %lld bytes stored (cap %s)\n",
        backend == Backend::PostgreSQL ? "PostgreSQL" : "SQLite", rounds, median(alone),
        median(piped), median(catRatios), lowest(catRatios), highest(catRatios), median(through),
        ratio, lowest(ratios), highest(ratios), median(aloneCpu), median(catCpuRatios),
        lowest(catCpuRatios), highest(catCpuRatios), median(cpuRatios), lowest(cpuRatios),
        highest(cpuRatios), median(cpu), lowest(cpu), highest(cpu), rss / 1024.0, stored, printed,
        qEnvironmentVariableIsSet("BENCH_OUTPUT_CAP") ? qgetenv("BENCH_OUTPUT_CAP").constData()
                                                      : "1048576");
    const bool ok = ratio <= 1.2 && rss > 0 && rss <= 64 * 1024 && stored <= 1048576;
    return ok ? 0 : 1;
}
