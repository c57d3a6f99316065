// Export and history paging on a realistic tenant_logs: 1,000,000 rows of which 100,000 are
// cron history of 50 jobs. Connects with the PG* variables, creates (and drops) its own
// database, and prints its figures and one PASS/MISS line per target of issue 6.
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/export/historyexporter.h"
#include "core/store/jobstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int totalRows = 1000000;
constexpr double exportRatioTarget = 1.2;
constexpr double rssTargetMb = 64.0;
constexpr double pageTargetMs = 50.0;

void say(const QString &line)
{
    std::printf("%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_export: %s\n", message.toLocal8Bit().constData());
    std::exit(1);
}

bool exec(Database &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(db.handle());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

// Peak resident set of a whole program run, in KiB, measured by /usr/bin/time -f %M: its
// child's ru_maxrss is clean. Our own posix_spawn child would not be: a child made with
// fork/vfork starts with this process's resident pages and keeps that high-water mark.
long childPeakRssKb(const QStringList &arguments, int *exitCode)
{
    QProcess time;
    time.setStandardOutputFile(QProcess::nullDevice());
    time.start(QStringLiteral("/usr/bin/time"),
        QStringList{QStringLiteral("-f"), QStringLiteral("maxrss=%M")} + arguments);
    if (!time.waitForFinished(600000))
        return -1;
    *exitCode = time.exitCode();
    const QList<QByteArray> lines = time.readAllStandardError().trimmed().split('\n');
    const QByteArray last = lines.isEmpty() ? QByteArray() : lines.constLast();
    return last.startsWith("maxrss=") ? last.mid(7).toLong() : -1;
}

// VmHWM or VmRSS of this process, in KiB.
long ownMemoryKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').constFirst().toLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_export"));
    QString error;

    ConnectionSpec serverSpec;
    serverSpec.backend = Backend::PostgreSQL;
    if (qEnvironmentVariableIsEmpty("PGDATABASE"))
        serverSpec.database = QStringLiteral("postgres");
    auto server = Database::open(serverSpec, QStringLiteral("bench-admin"));
    if (!server)
        die(QStringLiteral("PostgreSQL is not reachable through PG*: ") + server.error().message);
    // CRON_BENCH_DATABASE names a database to fill once and keep (for EXPLAIN and reruns).
    const QString kept = qEnvironmentVariable("CRON_BENCH_DATABASE");
    const QString name = !kept.isEmpty()
        ? kept
        : QStringLiteral("cron_bench_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    bool reuse = false;
    if (!kept.isEmpty()) {
        QSqlQuery exists(server.value()->handle());
        exists.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(kept));
        reuse = exists.next();
    }
    if (!reuse && !exec(*server.value(), QStringLiteral("CREATE DATABASE %1").arg(name), &error))
        die(error);
    ConnectionSpec spec;
    spec.backend = Backend::PostgreSQL;
    spec.database = name;
    QTemporaryDir dir;
    int status = 0;
    {
        auto opened = Database::open(spec, QStringLiteral("bench"));
        if (!opened)
            die(opened.error().message);
        Database &db = *opened.value();

        // A deployment's tenant_logs exists before Cron Console does: fill it, then migrate
        // (which builds the history indexes concurrently over the existing rows).
        QElapsedTimer clock;
        clock.start();
        const QString fill = QStringLiteral(
            "CREATE TABLE tenant_logs (id BIGSERIAL PRIMARY KEY, tenant_id INTEGER, "
            "acao VARCHAR(100) NOT NULL, detalhes JSONB, created_at TIMESTAMP DEFAULT NOW());"
            "INSERT INTO tenant_logs (tenant_id, acao, detalhes, created_at) "
            "SELECT 1 + i % 200, "
            " CASE WHEN i % 10 = 0 THEN CASE WHEN i % 70 = 0 THEN 'cron_job_error' "
            "      ELSE 'cron_job_success' END "
            "   ELSE (ARRAY['login','logout','update_cliente','create_provedor',"
            "         'export_relatorio'])[1 + i % 5] END, "
            " CASE WHEN i % 10 = 0 THEN jsonb_build_object("
            "   'job', 'job_' || lpad(((i / 10) % 50)::text, 2, '0'), "
            "   'status', CASE WHEN i % 70 = 0 THEN 'error' ELSE 'success' END, "
            "   'duracao_segundos', i % 3600, 'runner', 'runner-' || i % 3 || ':' || 1000 + i % 7, "
            "   'resultado', jsonb_build_object('processados', i % 1000, 'novos', i % 17, "
            "     'mensagem', 'Sincronização concluída, ' || i % 1000 || ' registros; \"ok\"')) "
            " ELSE jsonb_build_object('user_id', i % 5000, 'ip', '10.0.' || i % 256 || '.' || "
            "   i % 200, 'path', '/api/clientes/' || i, 'user_agent', "
            "   'Mozilla/5.0 (X11; Linux x86_64)') END, "
            " NOW()::timestamp - make_interval(secs => (%1 - i) * 30) "
            "FROM generate_series(1, %1) AS i")
                                 .arg(totalRows);
        if (!reuse && !exec(db, fill, &error))
            die(QStringLiteral("filling tenant_logs: ") + error);
        say(QString::fromLatin1(reuse ? "reused tenant_logs with %1 rows (%2 s)"
                                      : "filled tenant_logs with %1 rows in %2 s")
                .arg(totalRows)
                .arg(clock.elapsed() / 1000.0, 0, 'f', 1));
        clock.restart();
        Migrator migrator(db);
        const auto applied = migrator.migrate();
        if (!applied)
            die(QStringLiteral("migrating: ") + applied.error().message);
        exec(db, QStringLiteral("VACUUM ANALYZE tenant_logs"));
        say(QStringLiteral("migrations (history indexes built concurrently) in %1 s")
                .arg(clock.elapsed() / 1000.0, 0, 'f', 1));
        QSqlQuery count(db.handle());
        count.exec(QStringLiteral(
            "SELECT COUNT(*), COUNT(DISTINCT cron_log_job(acao, detalhes)) FROM tenant_logs "
            "WHERE cron_log_job(acao, detalhes) IS NOT NULL"));
        count.next();
        const qint64 cronRows = count.value(0).toLongLong();
        say(QStringLiteral("cron history: %1 rows of %2 jobs")
                .arg(cronRows)
                .arg(count.value(1).toInt()));
        count.finish();

        // Export: a new connection, COPY, temporary file renamed, as ExportJob does. Best of 3.
        const QString ours = dir.filePath(QStringLiteral("ours.csv"));
        QList<double> exportMs;
        const long rssBefore = ownMemoryKb("VmRSS:");
        const long hwmBefore = ownMemoryKb("VmHWM:");
        for (int i = 0; i < 3; ++i) {
            clock.restart();
            auto connection = Database::open(spec, QStringLiteral("export"));
            if (!connection)
                die(connection.error().message);
            HistoryExporter exporter(*connection.value());
            const auto summary = exporter.exportToFile(ours, {});
            if (!summary || summary->rows != cronRows)
                die(QStringLiteral("export failed: ")
                    + (summary ? QStringLiteral("%1 rows").arg(summary->rows)
                               : summary.error().message));
            exportMs << clock.nsecsElapsed() / 1e6;
        }
        say(QStringLiteral("in-process exports: VmRSS %1 -> %2 MB, VmHWM %3 -> %4 MB")
                .arg(rssBefore / 1024.0, 0, 'f', 1)
                .arg(ownMemoryKb("VmRSS:") / 1024.0, 0, 'f', 1)
                .arg(hwmBefore / 1024.0, 0, 'f', 1)
                .arg(ownMemoryKb("VmHWM:") / 1024.0, 0, 'f', 1));
        HistoryExporter exporter(db);
        const auto select = exporter.postgresSelect({});
        if (!select)
            die(select.error().message);
        const QString theirs = dir.filePath(QStringLiteral("psql.csv"));
        QList<double> psqlMs;
        for (int i = 0; i < 3; ++i) {
            QProcess psql;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PGDATABASE"), name);
            environment.insert(QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8"));
            psql.setProcessEnvironment(environment);
            psql.setStandardOutputFile(theirs);
            clock.restart();
            psql.start(QStringLiteral("psql"),
                {QStringLiteral("-X"), QStringLiteral("-c"),
                    QStringLiteral("\\copy (%1) TO STDOUT WITH (FORMAT csv, HEADER)")
                        .arg(*select)});
            if (!psql.waitForFinished(600000) || psql.exitCode() != 0)
                die(QStringLiteral("psql failed: ")
                    + QString::fromLocal8Bit(psql.readAllStandardError()));
            psqlMs << clock.nsecsElapsed() / 1e6;
        }
        const double bestOurs = *std::min_element(exportMs.cbegin(), exportMs.cend());
        const double bestPsql = *std::min_element(psqlMs.cbegin(), psqlMs.cend());
        const double ratio = bestOurs / bestPsql;
        QFile a(ours), b(theirs);
        a.open(QIODevice::ReadOnly);
        b.open(QIODevice::ReadOnly);
        const bool identical = a.readAll() == b.readAll();
        say(QStringLiteral("export of %1 rows (%2 MB): best %3 ms (runs %4); psql \\copy best %5 "
                           "ms (runs %6); files byte-identical: %7")
                .arg(cronRows)
                .arg(QFileInfo(ours).size() / 1048576.0, 0, 'f', 1)
                .arg(bestOurs, 0, 'f', 0)
                .arg(QStringLiteral("%1/%2/%3")
                         .arg(exportMs[0], 0, 'f', 0)
                         .arg(exportMs[1], 0, 'f', 0)
                         .arg(exportMs[2], 0, 'f', 0))
                .arg(bestPsql, 0, 'f', 0)
                .arg(QStringLiteral("%1/%2/%3")
                         .arg(psqlMs[0], 0, 'f', 0)
                         .arg(psqlMs[1], 0, 'f', 0)
                         .arg(psqlMs[2], 0, 'f', 0))
                .arg(identical ? QStringLiteral("yes") : QStringLiteral("NO")));

        // Peak memory of a whole cronctl export-history process.
        int exitCode = -1;
        clock.restart();
        const long rssKb = childPeakRssKb(
            {QStringLiteral(CRONCTL_PATH), QStringLiteral("--db"),
                QStringLiteral("postgresql:///") + name, QStringLiteral("export-history"),
                QStringLiteral("--output"), dir.filePath(QStringLiteral("cronctl.csv"))},
            &exitCode);
        const double cronctlMs = clock.nsecsElapsed() / 1e6;
        if (rssKb < 0 || exitCode != 0)
            die(QStringLiteral("cronctl export-history failed (exit %1)").arg(exitCode));
        const double rssMb = rssKb / 1024.0;
        say(QStringLiteral("cronctl export-history: %1 ms, peak RSS %2 MB")
                .arg(cronctlMs, 0, 'f', 0)
                .arg(rssMb, 0, 'f', 1));

        // History pages through the store (keyset on created_at, id).
        JobStore store(db);
        auto timePage = [&](const HistoryQuery &query, int *rows) {
            QElapsedTimer timer;
            timer.start();
            const auto page = store.history(query);
            const double ms = timer.nsecsElapsed() / 1e6;
            if (!page)
                die(page.error().message);
            *rows = int(page->size());
            return ms;
        };
        int rows = 0;
        HistoryQuery first;
        first.limit = 50;
        const double firstCold = timePage(first, &rows);
        QList<double> firstRuns;
        for (int i = 0; i < 5; ++i)
            firstRuns << timePage(first, &rows);
        // Walk the cursor 50,000 rows deep once, then time the page found there.
        HistoryQuery walk;
        walk.limit = 10000;
        for (int i = 0; i < 5; ++i) {
            const auto page = store.history(walk);
            if (!page || page->isEmpty())
                die(QStringLiteral("walking the history failed"));
            walk.cursor = HistoryCursor::after(page->constLast());
        }
        HistoryQuery deep;
        deep.limit = 50;
        deep.cursor = walk.cursor;
        const double deepCold = timePage(deep, &rows);
        const int deepRows = rows;
        QList<double> deepRuns;
        for (int i = 0; i < 5; ++i)
            deepRuns << timePage(deep, &rows);
        say(QStringLiteral("history, all jobs: first page %1 ms (first call %2 ms); page 50,000 "
                           "rows deep (%3 rows) %4 ms (first call %5 ms); medians of 5")
                .arg(median(firstRuns), 0, 'f', 2)
                .arg(firstCold, 0, 'f', 2)
                .arg(deepRows)
                .arg(median(deepRuns), 0, 'f', 2)
                .arg(deepCold, 0, 'f', 2));
        // One job (2,000 rows): its first page and one 1,500 rows deep.
        HistoryQuery job;
        job.job = QStringLiteral("job_07");
        job.limit = 50;
        QList<double> jobFirst;
        for (int i = 0; i < 5; ++i)
            jobFirst << timePage(job, &rows);
        HistoryQuery jobWalk = job;
        jobWalk.limit = 1500;
        const auto jobPage = store.history(jobWalk);
        job.cursor = HistoryCursor::after(jobPage->constLast());
        QList<double> jobDeep;
        for (int i = 0; i < 5; ++i)
            jobDeep << timePage(job, &rows);
        say(QStringLiteral("history, one job: first page %1 ms; 1,500 rows deep %2 ms")
                .arg(median(jobFirst), 0, 'f', 2)
                .arg(median(jobDeep), 0, 'f', 2));

        // The same statement with the one change proposed for JobStore::history: the text copy
        // of created_at gets its own alias, so ORDER BY created_at sorts by the column (and uses
        // idx_tenant_logs_cron_log_time) instead of by the text output column of the same name.
        auto fixedPage = [&](const HistoryCursor &cursor) {
            QSqlQuery query(db.handle());
            query.setForwardOnly(true);
            const QString sql
                = QStringLiteral(
                    "SELECT id, created_at::text AS created_at_raw, "
                    "EXTRACT(EPOCH FROM (created_at)::timestamptz)::float8, acao, "
                    "cron_log_job(acao, detalhes), detalhes::text FROM tenant_logs WHERE "
                    "cron_log_job(acao, detalhes) IS NOT NULL%1 "
                    "ORDER BY created_at DESC, id DESC LIMIT 50")
                      .arg(cursor.isNull() ? QString()
                                           : QStringLiteral(" AND (created_at, id) < (:ts, :id)"));
            query.prepare(sql);
            if (!cursor.isNull()) {
                query.bindValue(QStringLiteral(":ts"), cursor.rawCreatedAt);
                query.bindValue(QStringLiteral(":id"), cursor.id);
            }
            QList<double> runs;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                if (!query.exec())
                    die(query.lastError().text());
                int n = 0;
                while (query.next())
                    ++n;
                runs << timer.nsecsElapsed() / 1e6;
                if (n != 50)
                    die(QStringLiteral("fixed page: %1 rows").arg(n));
            }
            return median(runs);
        };
        say(QStringLiteral("history, all jobs, with the proposed JobStore fix: first page %1 ms; "
                           "50,000 rows deep %2 ms")
                .arg(fixedPage({}), 0, 'f', 2)
                .arg(fixedPage(deep.cursor), 0, 'f', 2));

        const double firstPage = std::max(median(firstRuns), firstCold);
        const double deepPage = std::max(median(deepRuns), deepCold);
        const bool exportOk = ratio <= exportRatioTarget && identical;
        say(QStringLiteral("TARGET export time <= %1 x psql \\copy: %2 x  %3")
                .arg(exportRatioTarget)
                .arg(ratio, 0, 'f', 2)
                .arg(verdict(exportOk)));
        say(QStringLiteral("TARGET peak RSS <= %1 MB: %2 MB  %3")
                .arg(rssTargetMb)
                .arg(rssMb, 0, 'f', 1)
                .arg(verdict(rssMb <= rssTargetMb)));
        say(QStringLiteral("TARGET first page <= %1 ms: %2 ms  %3")
                .arg(pageTargetMs)
                .arg(firstPage, 0, 'f', 2)
                .arg(verdict(firstPage <= pageTargetMs)));
        say(QStringLiteral("TARGET deep page <= %1 ms: %2 ms  %3")
                .arg(pageTargetMs)
                .arg(deepPage, 0, 'f', 2)
                .arg(verdict(deepPage <= pageTargetMs)));
        status = exportOk && rssMb <= rssTargetMb && firstPage <= pageTargetMs
                && deepPage <= pageTargetMs
            ? 0
            : 3;
    }
    if (kept.isEmpty())
        exec(*server.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    return status;
}
