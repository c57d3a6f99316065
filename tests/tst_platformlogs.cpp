// A platform's own tenant_logs (issue 12, point 2): detalhes of type json or text, more columns,
// rows holding \u0000, text that is not JSON, scalars and arrays. Migrations never make one of
// the platform's INSERTs fail, complete over such rows, and a failed index migration leaves the
// database exactly as it was. History, export and prune work on it and use the indexes.
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/db/sqldialect.h"
#include "core/db/sqlscript.h"
#include "core/export/historyexporter.h"
#include "core/maintenance/historyretention.h"
#include "core/store/historyfilter.h"
#include "core/store/historypager.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {

constexpr int deadlineMs = 60000;
const QString newJobIndex = QStringLiteral("idx_tenant_logs_cron_log_job");
const QString newTimeIndex = QStringLiteral("idx_tenant_logs_cron_log_time");

// The platform's table: wider than ours, detalhes of the given type.
QString platformTable(const QString &type)
{
    return QStringLiteral("CREATE TABLE tenant_logs (id SERIAL PRIMARY KEY, tenant_id INTEGER, "
                          "usuario_id INTEGER, acao VARCHAR(100) NOT NULL, detalhes %1, "
                          "ip_address VARCHAR(45), user_agent TEXT, "
                          "created_at TIMESTAMP DEFAULT NOW())")
        .arg(type);
}

struct PlatformRow {
    QString acao;
    QString detalhes; // SQL text of the value, as the platform sends it
    QString job; // what the history says (empty: not cron history)
};

// What a platform may write, for each type of detalhes (jsonb refuses \u0000 and 1e1000000 by
// itself, so those rows only exist in json and text columns).
QList<PlatformRow> platformRows(const QString &type)
{
    QList<PlatformRow> rows{
        {"login", R"({"user": "maria", "ip": "10.0.0.1"})", {}},
        {"sync_automatico_persistente", R"({"total_provedores": 4, "total_novos": 7})",
            "sgp_sync_inteligente"},
        {"sync_automatico_erro", R"([1, 2, "job"])", "sgp_sync_inteligente"},
        {"sync_automatico_erro", R"("just a string")", "sgp_sync_inteligente"},
        {"cron_job_success", R"({"job": "plain", "status": "success", "runner": "r1"})", "plain"},
        {"login", R"(["job", "runner"])", {}},
        {"login", R"(42)", {}},
    };
    if (type == QLatin1String("jsonb"))
        return rows;
    rows << PlatformRow{"login", R"({"user": "a\u0000b", "ip": "10.0.0.2"})", {}}
         << PlatformRow{"login", R"({"job": "x", "runner": "r", "k\u0000": 1})", "x"}
         << PlatformRow{"sync_automatico_persistente", R"({"total_novos": 3, "obs": "x\u0000y"})",
                "sgp_sync_inteligente"}
         << PlatformRow{"cron_job_success",
                R"({"job": "nul_job", "status": "success", "duracao_segundos": 2, )"
                R"("runner": "r1", "saida": "a\u0000b"})",
                "nul_job"}
         << PlatformRow{"cron_job_error",
                R"({"job": "big", "status": "error", "runner": "r", )"
                R"("n": 1e1000000})",
                "big"};
    if (type != QLatin1String("json")) // text, varchar: anything at all
        rows << PlatformRow{"sync_automatico_erro", "not json at all", "sgp_sync_inteligente"}
             << PlatformRow{"cron_job_success", R"({"job": "cut")", {}}
             << PlatformRow{"login", R"({"user": "b", "runner")", {}};
    return rows;
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// The platform's INSERT, one statement per row as node-postgres sends them.
QString insertSql(const PlatformRow &row)
{
    return QStringLiteral("INSERT INTO tenant_logs (tenant_id, usuario_id, acao, detalhes, "
                          "ip_address, user_agent) VALUES (1, 7, %1, %2, '10.0.0.9', 'node')")
        .arg(quoted(row.acao), quoted(row.detalhes));
}

// Index name -> definition, and whether any is invalid.
QString indexState(const TestDatabase &db)
{
    return db
        .scalar(QStringLiteral(
            "SELECT string_agg(c.relname || '=' || pg_get_indexdef(c.oid) || "
            "CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END, E'\\n' ORDER BY c.relname) "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'tenant_logs'::regclass"))
        .toString();
}

QString functionState(const TestDatabase &db)
{
    return db
        .scalar(QStringLiteral(
            "SELECT string_agg(pg_get_functiondef(p.oid), E'\\n' ORDER BY "
            "p.oid::regprocedure::text) "
            "FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'"))
        .toString();
}

int invalidIndexes(const TestDatabase &db)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid")).toInt();
}

} // namespace

class TestPlatformLogs : public QObject {
    Q_OBJECT
private slots:
    void migrateOverPlatformRows_data();
    void migrateOverPlatformRows();
    void stuckAtVersion3Recovers();
    void oldCastIndexesAreReplaced_data();
    void oldCastIndexesAreReplaced();
    void failedIndexBuildLeavesDatabaseAsItWas();
    void lockTimeoutIsRetriedThenLeavesDatabaseAsItWas();
    void historyQueriesUseTheIndexes();

private:
    // A database with the platform's tenant_logs, unmigrated.
    std::unique_ptr<TestDatabase> platformDatabase(const QString &type);
    // Migrated, then put back to what the first 0004 left: indexes cast to jsonb, no overloads,
    // version below 0010.
    bool makeOld(TestDatabase &db, QString *error);
    // The migrations from `toVersion` on undone as far as history goes (indexes, functions,
    // versions); from 4 on, the first 0004's function is back but not its indexes.
    bool rollBack(TestDatabase &db, int toVersion, QString *error);
};

std::unique_ptr<TestDatabase> TestPlatformLogs::platformDatabase(const QString &type)
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error, false);
    if (!db) {
        qWarning("cannot create the test database: %s", qPrintable(error));
        return nullptr;
    }
    if (!db->exec(platformTable(type), &error)) {
        qWarning("cannot create the platform table: %s", qPrintable(error));
        return nullptr;
    }
    return db;
}

bool TestPlatformLogs::makeOld(TestDatabase &db, QString *error)
{
    return rollBack(db, 10, error);
}

bool TestPlatformLogs::rollBack(TestDatabase &db, int toVersion, QString *error)
{
    QFile file(QStringLiteral(CRON_SOURCE_DIR "/tests/fixtures/old_0004_history_indexes.sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QStringList statements{
        QStringLiteral("DROP INDEX %1").arg(newJobIndex),
        QStringLiteral("DROP INDEX %1").arg(newTimeIndex),
        QStringLiteral("DROP FUNCTION cron_log_job(text, json)"),
        QStringLiteral("DROP FUNCTION cron_log_job(text, text)"),
        QStringLiteral("DROP FUNCTION cron_log_job_json(text, json)"),
        QStringLiteral("DROP FUNCTION cron_log_details(json)"),
        QStringLiteral("DROP FUNCTION cron_log_details(text)"),
        QStringLiteral("DROP FUNCTION cron_log_details(jsonb)"),
        QStringLiteral("DELETE FROM cron_console_migrations WHERE version >= %1").arg(toVersion),
    };
    const QStringList old = SqlScript::split(QString::fromUtf8(file.readAll()));
    if (toVersion > 4)
        statements << old;
    else
        statements << old.first() << old.at(1); // its function and clean-up, not its indexes
    for (const QString &statement : statements) {
        if (!db.exec(statement, error)) {
            *error = statement.left(60) + QLatin1String(": ") + *error;
            return false;
        }
    }
    return true;
}

void TestPlatformLogs::migrateOverPlatformRows_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("json") << "json";
    QTest::newRow("text") << "text";
    QTest::newRow("varchar") << "varchar(4000)";
    QTest::newRow("jsonb") << "jsonb";
}

void TestPlatformLogs::migrateOverPlatformRows()
{
    QFETCH(QString, type);
    const auto db = platformDatabase(type);
    QVERIFY(db);
    const QList<PlatformRow> rows = platformRows(type);
    QString error;
    for (const PlatformRow &row : rows)
        QVERIFY2(db->exec(insertSql(row), &error), qPrintable(row.detalhes + ": " + error));

    auto conn = db->connect();
    QVERIFY(conn);
    Migrator migrator(*conn);
    auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(applied->size(), migrator.available().size());
    QCOMPARE(invalidIndexes(*db), 0);
    const QString indexes = indexState(*db);
    QVERIFY2(indexes.contains(newJobIndex + "=") && indexes.contains(newTimeIndex + "="),
        qPrintable(indexes));
    QVERIFY2(!indexes.contains("::jsonb") && !indexes.contains("idx_tenant_logs_cron_job="),
        qPrintable(indexes));
    // Twice: nothing to do.
    applied = migrator.migrate();
    QVERIFY(applied.ok() && applied->isEmpty());
    QCOMPARE(indexState(*db), indexes);

    // Every platform write that worked before still works.
    for (const PlatformRow &row : rows)
        QVERIFY2(db->exec(insertSql(row), &error), qPrintable(row.detalhes + ": " + error));

    // Each row is the job's history it belongs to, the same as the rule says row by row.
    QMap<QString, int> expected;
    int historyRows = 0;
    for (const PlatformRow &row : rows) {
        if (!row.job.isEmpty()) {
            expected[row.job] += 2;
            historyRows += 2;
        }
    }
    JobStore store(*conn);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        HistoryQuery query;
        query.job = it.key();
        query.limit = 100;
        const auto history = store.history(query);
        QVERIFY2(history.ok(), history.ok() ? "" : qPrintable(history.error().message));
        QVERIFY2(history->size() == it.value(),
            qPrintable(QStringLiteral("%1: %2 rows, expected %3")
                           .arg(it.key())
                           .arg(history->size())
                           .arg(it.value())));
    }
    HistoryPager pager(*conn);
    const auto page = pager.page(HistoryQuery::of(HistoryFilter{}, 1000));
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
    QCOMPARE(page->size(), historyRows);
    HistoryFilter textFilter;
    textFilter.text = QStringLiteral("saida");
    const auto filtered = pager.page(HistoryQuery::of(textFilter, 1000));
    QVERIFY2(filtered.ok(), filtered.ok() ? "" : qPrintable(filtered.error().message));
    QCOMPARE(filtered->size(), type == QLatin1String("jsonb") ? 0 : 2);

    // cronctl history, as an operator runs it.
    QProcess cronctl;
    cronctl.start(QStringLiteral(CRONCTL_PATH),
        {"--db", db->url(), "history", "sgp_sync_inteligente", "--limit", "100", "--json"});
    QVERIFY(cronctl.waitForFinished(deadlineMs));
    QVERIFY2(cronctl.exitCode() == 0, cronctl.readAllStandardError().constData());
    QCOMPARE(cronctl.readAllStandardOutput().count("\"sync_automatico_"),
        qsizetype(expected.value("sgp_sync_inteligente")));

    // Export: every history row, none failing; \u0000 comes out as U+FFFD, fields are read.
    HistoryExporter exporter(*conn);
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    const auto summary = exporter.exportTo(csv, HistoryExporter::Options{});
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary->rows, qint64(historyRows));
    const QString text = QString::fromUtf8(csv.data());
    if (type != QLatin1String("jsonb")) {
        QVERIFY2(text.contains(QStringLiteral(",cron_job_success,nul_job,success,2,r1,")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("a\uFFFDb")));
        // jsonb cannot hold 1e1000000: the row is exported as stored, its fields left empty.
        QVERIFY2(text.contains(QStringLiteral(",cron_job_error,big,,,,,\"{\"\"job\"\"")),
            qPrintable(text));
    }
    if (type != QLatin1String("json") && type != QLatin1String("jsonb"))
        QVERIFY(text.contains(QStringLiteral(",sync_automatico_erro,sgp_sync_inteligente,,,,,not "
                                             "json at all")));

    // Prune: the cron history goes, the platform's other rows stay, the audit row is written.
    const int total = db->scalar("SELECT COUNT(*) FROM tenant_logs").toInt();
    QVERIFY(db->exec("UPDATE tenant_logs SET created_at = NOW() - INTERVAL '40 days'"));
    HistoryRetention retention(*conn);
    HistoryRetention::Options options;
    options.olderThanDays = 30;
    options.batchSize = 3;
    options.dryRun = true;
    auto pruned = retention.prune(options);
    QVERIFY2(pruned.ok(), pruned.ok() ? "" : qPrintable(pruned.error().message));
    QCOMPARE(pruned->deleted, qint64(historyRows));
    options.dryRun = false;
    pruned = retention.prune(options);
    QVERIFY2(pruned.ok(), pruned.ok() ? "" : qPrintable(pruned.error().message));
    QCOMPARE(pruned->deleted, qint64(historyRows));
    QCOMPARE(db->scalar("SELECT COUNT(*) FROM tenant_logs").toInt(), total - historyRows + 1);
    QCOMPARE(db->scalar("SELECT acao FROM tenant_logs WHERE created_at > NOW() - INTERVAL '1 day'")
                 .toString(),
        QStringLiteral("cron_admin_prune_history"));
}

void TestPlatformLogs::stuckAtVersion3Recovers()
{
    // The issue as an operator met it: the first 0004 over a json detalhes holding \u0000
    // stopped at version 3 with an invalid index, and every program refused the database.
    const auto db = platformDatabase(QStringLiteral("json"));
    QVERIFY(db);
    const QList<PlatformRow> rows = platformRows(QStringLiteral("json"));
    for (const PlatformRow &row : rows)
        QVERIFY(db->exec(insertSql(row)));
    auto conn = db->connect();
    QVERIFY(conn);
    Migrator migrator(*conn);
    QVERIFY(migrator.migrate().ok());
    QString error;
    QVERIFY2(rollBack(*db, 4, &error), qPrintable(error));
    QVERIFY(!db->exec("CREATE INDEX CONCURRENTLY idx_tenant_logs_cron_job ON tenant_logs "
                      "(cron_log_job(acao, detalhes::jsonb), created_at DESC, id DESC) WHERE "
                      "cron_log_job(acao, detalhes::jsonb) IS NOT NULL",
        &error));
    QVERIFY2(error.contains("\\u0000"), qPrintable(error));
    QCOMPARE(invalidIndexes(*db), 1);
    QCOMPARE(migrator.currentVersion().value(), 3);
    QVERIFY(!migrator.checkUpToDate().ok());

    const auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(applied->first(), QStringLiteral("0004_history_indexes"));
    QVERIFY(migrator.checkUpToDate().ok());
    QCOMPARE(invalidIndexes(*db), 0);
    const QString indexes = indexState(*db);
    QVERIFY2(indexes.contains(newJobIndex + "=") && !indexes.contains("idx_tenant_logs_cron_job="),
        qPrintable(indexes));
    for (const PlatformRow &row : rows)
        QVERIFY2(db->exec(insertSql(row), &error), qPrintable(row.detalhes + ": " + error));
    HistoryQuery query;
    query.job = QStringLiteral("nul_job");
    QCOMPARE(JobStore(*conn).history(query)->size(), 2);
}

void TestPlatformLogs::oldCastIndexesAreReplaced_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("json") << "json";
    QTest::newRow("jsonb") << "jsonb";
}

void TestPlatformLogs::oldCastIndexesAreReplaced()
{
    QFETCH(QString, type);
    const auto db = platformDatabase(type);
    QVERIFY(db);
    auto conn = db->connect();
    QVERIFY(conn);
    Migrator migrator(*conn);
    QVERIFY(migrator.migrate().ok());
    QString error;
    QVERIFY2(makeOld(*db, &error), qPrintable(error));
    const int oldVersion = migrator.currentVersion().value();
    QVERIFY(oldVersion < 10);
    const QVariant oldJobOid = db->scalar("SELECT 'idx_tenant_logs_cron_job'::regclass::oid");
    const QVariant oldTimeOid = db->scalar("SELECT 'idx_tenant_logs_cron_time'::regclass::oid");
    const PlatformRow nul{"login", R"({"user": "a\u0000b"})", {}};
    if (type == QLatin1String("json")) {
        // The bug this migration fixes: the cast index refuses the platform's row.
        QVERIFY(!db->exec(insertSql(nul), &error));
        QVERIFY2(error.contains("\\u0000"), qPrintable(error));
    }
    for (const PlatformRow &row : platformRows(QStringLiteral("jsonb")))
        QVERIFY(db->exec(insertSql(row)));

    const auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(
        applied->value(0), QStringLiteral("0010_history_indexes_any_json")); // later ones follow
    QCOMPARE(invalidIndexes(*db), 0);
    const QString indexes = indexState(*db);
    QVERIFY2(!indexes.contains("::jsonb") && !indexes.contains("idx_tenant_logs_cron_job=")
            && !indexes.contains("idx_tenant_logs_cron_time="),
        qPrintable(indexes));
    if (type == QLatin1String("json")) {
        QVERIFY2(db->exec(insertSql(nul), &error), qPrintable(error));
    } else {
        // jsonb: the old indexes were these already, renamed rather than built again.
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT '%1'::regclass::oid").arg(newJobIndex)), oldJobOid);
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT '%1'::regclass::oid").arg(newTimeIndex)), oldTimeOid);
        // ...and they are what a fresh database builds.
        const auto fresh = platformDatabase(type);
        QVERIFY(fresh);
        auto freshConn = fresh->connect();
        QVERIFY(Migrator(*freshConn).migrate().ok());
        QCOMPARE(indexState(*fresh), indexes);
        QCOMPARE(functionState(*fresh), functionState(*db));
    }
    QVERIFY(migrator.migrate()->isEmpty());
    QVERIFY(migrator.checkUpToDate().ok());
}

void TestPlatformLogs::failedIndexBuildLeavesDatabaseAsItWas()
{
    const auto db = platformDatabase(QStringLiteral("json"));
    QVERIFY(db);
    {
        auto conn = db->connect();
        QVERIFY(Migrator(*conn).migrate().ok());
    }
    QString error;
    QVERIFY2(makeOld(*db, &error), qPrintable(error));
    for (const PlatformRow &row : platformRows(QStringLiteral("jsonb")))
        QVERIFY(db->exec(insertSql(row)));
    const QString indexesBefore = indexState(*db);
    const QString functionsBefore = functionState(*db);
    const int versionBefore
        = db->scalar("SELECT MAX(version) FROM cron_console_migrations").toInt();

    // A platform writer in an open transaction: CREATE INDEX CONCURRENTLY waits for it after
    // creating its (invalid) index; cancelling the build then is a real failure midway.
    auto writer = db->connect(QStringLiteral("platform-writer"));
    QVERIFY(writer);
    QSqlQuery write(writer->handle());
    QVERIFY(write.exec("BEGIN"));
    QVERIFY(write.exec(insertSql(platformRows("jsonb").first())));

    std::atomic<bool> done{false};
    QString failure;
    bool migrated = true;
    QThread *migrating = QThread::create([&] {
        auto conn = db->connect(QStringLiteral("migrator"));
        if (!conn) {
            failure = QStringLiteral("no connection");
        } else {
            const auto result = Migrator(*conn).migrate();
            migrated = result.ok();
            if (!result)
                failure = result.error().message;
        }
        done = true;
    });
    migrating->start();
    auto waitingIn = [&](const char *statement) {
        return db->scalar(
                     QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name "
                                    "LIKE '%migrator%' AND wait_event_type = 'Lock' AND query "
                                    "LIKE '%1%'")
                         .arg(QLatin1String(statement)))
                   .toInt()
            > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitingIn("CREATE INDEX CONCURRENTLY") || done, deadlineMs);
    QVERIFY2(!done, qPrintable(failure));
    QCOMPARE(invalidIndexes(*db), 1); // the build's catalog entry exists, invalid
    QVERIFY(db->exec("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE "
                     "application_name LIKE '%migrator%' AND query LIKE 'CREATE INDEX%'"));
    // Putting back waits for the writer too (DROP INDEX CONCURRENTLY); then it ends.
    QTRY_VERIFY_WITH_TIMEOUT(waitingIn("DROP INDEX CONCURRENTLY") || done, deadlineMs);
    QVERIFY(write.exec("ROLLBACK"));
    QTRY_VERIFY_WITH_TIMEOUT(done, deadlineMs);
    QVERIFY(migrating->wait(deadlineMs));
    delete migrating;

    QVERIFY(!migrated);
    QVERIFY2(failure.contains("0010") && failure.contains("canceling statement")
            && failure.contains("CREATE INDEX CONCURRENTLY")
            && failure.contains("the database is as it was"),
        qPrintable(failure));
    QCOMPARE(invalidIndexes(*db), 0);
    QCOMPARE(indexState(*db), indexesBefore);
    QCOMPARE(functionState(*db), functionsBefore);
    QCOMPARE(db->scalar("SELECT MAX(version) FROM cron_console_migrations").toInt(), versionBefore);

    // Again, with nobody in the way: it completes, and a third time does nothing.
    auto conn = db->connect();
    Migrator migrator(*conn);
    const auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(
        applied->value(0), QStringLiteral("0010_history_indexes_any_json")); // later ones follow
    QCOMPARE(invalidIndexes(*db), 0);
    QVERIFY(migrator.migrate()->isEmpty());
    QVERIFY(db->exec(insertSql({"login", R"({"user": "a\u0000b"})", {}})));
}

void TestPlatformLogs::lockTimeoutIsRetriedThenLeavesDatabaseAsItWas()
{
    const auto db = platformDatabase(QStringLiteral("json"));
    QVERIFY(db);
    {
        auto conn = db->connect();
        QVERIFY(Migrator(*conn).migrate().ok());
    }
    QString error;
    QVERIFY2(makeOld(*db, &error), qPrintable(error));
    const QString indexesBefore = indexState(*db);
    const QString functionsBefore = functionState(*db);
    const int versionBefore
        = db->scalar("SELECT MAX(version) FROM cron_console_migrations").toInt();

    // Another session's DDL (or a manual VACUUM) holds a lock every index build needs; the
    // migrator's sessions give up after 200 ms each time.
    auto holder = db->connect(QStringLiteral("lock-holder"));
    QVERIFY(holder);
    QSqlQuery hold(holder->handle());
    QVERIFY(hold.exec("BEGIN"));
    QVERIFY(hold.exec("LOCK TABLE tenant_logs IN SHARE UPDATE EXCLUSIVE MODE"));
    QVERIFY(db->exec(
        QStringLiteral("ALTER DATABASE %1 SET lock_timeout = '200ms'").arg(db->spec().database)));
    {
        auto conn = db->connect(QStringLiteral("migrator"));
        QVERIFY(conn);
        QElapsedTimer timer;
        timer.start();
        const auto result = Migrator(*conn).migrate();
        QVERIFY(!result.ok());
        // Five attempts with backoff between them (0.5 + 1 + 1.5 + 2 s).
        QVERIFY2(timer.elapsed() >= 5000, qPrintable(QString::number(timer.elapsed())));
        const QString message = result.error().message;
        QVERIFY2(message.contains("0010") && message.contains("lock timeout")
                && message.contains("the database is as it was"),
            qPrintable(message));
        QCOMPARE(result.error().kind, Error::Kind::Database);
    }
    QCOMPARE(invalidIndexes(*db), 0);
    QCOMPARE(indexState(*db), indexesBefore);
    QCOMPARE(functionState(*db), functionsBefore);
    QCOMPARE(db->scalar("SELECT MAX(version) FROM cron_console_migrations").toInt(), versionBefore);

    QVERIFY(hold.exec("ROLLBACK"));
    auto conn = db->connect(QStringLiteral("migrator"));
    const auto applied = Migrator(*conn).migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(
        applied->value(0), QStringLiteral("0010_history_indexes_any_json")); // later ones follow
    QVERIFY(db->exec(insertSql({"login", R"({"user": "a\u0000b"})", {}})));
}

void TestPlatformLogs::historyQueriesUseTheIndexes()
{
    const auto db = platformDatabase(QStringLiteral("json"));
    QVERIFY(db);
    // 100k rows: one in ten is cron history of one of 20 jobs, some hold \u0000.
    QVERIFY(db->exec(
        "INSERT INTO tenant_logs (tenant_id, acao, detalhes, created_at) SELECT 1, "
        "CASE WHEN i % 10 = 0 THEN 'cron_job_success' ELSE 'login' END, "
        "CASE WHEN i % 10 = 0 THEN json_build_object('job', 'job_' || (i % 20), 'status', "
        "'success', 'runner', 'r') ELSE json_build_object('user_id', i, 'ip', '10.0.0.1') END, "
        "NOW() - make_interval(secs => i) FROM generate_series(1, 100000) AS i"));
    QVERIFY(db->exec("INSERT INTO tenant_logs (acao, detalhes) VALUES ('cron_job_success', "
                     "'{\"job\": \"job_0\", \"runner\": \"r\", \"out\": \"\\u0000\"}')"));
    auto conn = db->connect();
    QVERIFY(conn);
    QVERIFY(Migrator(*conn).migrate().ok());
    QVERIFY(db->exec("ANALYZE tenant_logs"));

    auto plan = [&](const QString &sql) {
        QSqlQuery query(conn->handle());
        if (!query.exec(QStringLiteral("EXPLAIN ") + sql))
            return QStringLiteral("EXPLAIN failed: ") + query.lastError().text();
        QStringList lines;
        while (query.next())
            lines << query.value(0).toString();
        return lines.join(QLatin1Char('\n'));
    };
    auto literal = [](const QString &value) { return quoted(value); };
    const SqlDialect &dialect = conn->dialect();

    HistoryFilter oneJob;
    oneJob.job = QStringLiteral("job_0");
    HistoryFilter all;
    HistoryFilter old;
    old.until = QDateTime::currentDateTimeUtc().addSecs(-50000);
    // The history pane and cronctl history: a page, newest first.
    for (const HistoryFilter &filter : {oneJob, all}) {
        const QString page = plan(QStringLiteral("SELECT id FROM tenant_logs WHERE %1 ORDER BY "
                                                 "tenant_logs.created_at DESC, tenant_logs.id "
                                                 "DESC LIMIT 50")
                                      .arg(HistoryFilters::whereClause(filter, dialect, literal)));
        QVERIFY2(
            page.contains(filter.job.isEmpty() ? newTimeIndex : newJobIndex), qPrintable(page));
    }
    // The export, the statement it runs.
    HistoryExporter exporter(*conn);
    const auto select = exporter.postgresSelect(oneJob);
    QVERIFY(select.ok());
    const QString exportPlan = plan(*select);
    QVERIFY2(exportPlan.contains(newJobIndex), qPrintable(exportPlan));
    // Prune's batch.
    const QString prunePlan = plan(QStringLiteral("SELECT id FROM tenant_logs WHERE %1 LIMIT 5000")
                                       .arg(HistoryFilters::whereClause(old, dialect, literal)));
    QVERIFY2(prunePlan.contains(newTimeIndex), qPrintable(prunePlan));

    // The history the pager gives over these rows, with the \u0000 row first.
    HistoryPager pager(*conn);
    const auto page = pager.page(HistoryQuery::of(oneJob, 10));
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
    QCOMPARE(page->size(), 10);
    QVERIFY(page->first().detailsJson.contains("\\u0000"));
}

QTEST_GUILESS_MAIN(TestPlatformLogs)
#include "tst_platformlogs.moc"
