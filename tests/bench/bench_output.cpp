// A command printing 100 MB through the runner (issue 14): its time against the same command
// writing to /dev/null, the runner's peak RSS and the bytes stored. PostgreSQL from PG*
// (SQLite with --sqlite). Prints the figures; the targets are ratio <= 1.2, RSS <= 64 MB and
// stored <= the 1 MiB cap.
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <cstdio>

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

double direct()
{
    QElapsedTimer clock;
    clock.start();
    QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script + " > /dev/null"});
    return clock.elapsed() / 1000.0;
}

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
    const double alone = direct();
    db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('flood', 1)"));
    RunnerProcesses runners;
    QProcess *runner = runners.start(QStringLiteral("bench"), db->url(),
        runners.writeConfig(
            QJsonObject{{QStringLiteral("flood"), RunnerProcesses::shell(script)}}, 30));
    QElapsedTimer deadline;
    deadline.start();
    while (!db->scalar(QStringLiteral("SELECT output_complete FROM cron_runs WHERE job_name = "
                                      "'flood'"))
                .toBool()) {
        if (deadline.elapsed() > 300'000) {
            std::fprintf(stderr, "bench_output: the run did not end in 300 s\n");
            return 1;
        }
        QThread::msleep(50);
    }
    const qint64 rss = peakRssKb(runner->processId());
    const double through
        = db->scalar(QStringLiteral("SELECT duration_seconds FROM cron_runs")).toDouble();
    const qint64 stored
        = db->scalar(QStringLiteral("SELECT SUM(LENGTH(text)) FROM cron_run_output")).toLongLong();
    const qint64 printed
        = db->scalar(QStringLiteral("SELECT output_bytes FROM cron_runs")).toLongLong();
    const double ratio = through / alone;
    std::printf("bench_output (%s): 100 MB command: %.3f s to /dev/null, %.3f s through the runner "
                "(ratio %.2f, target <= 1.2); runner peak RSS %.1f MB (target <= 64); %lld of "
                "%lld bytes stored (cap 1048576)\n",
        backend == Backend::PostgreSQL ? "PostgreSQL" : "SQLite", alone, through, ratio,
        rss / 1024.0, stored, printed);
    const bool ok = ratio <= 1.2 && rss > 0 && rss <= 64 * 1024 && stored <= 1048576;
    return ok ? 0 : 1;
}
