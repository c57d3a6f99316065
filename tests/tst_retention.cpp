// Retention of cron history: only old rows that the job rule calls cron history go, in batches,
// with one audit row; a dry run changes nothing; cronctl prune-history as a process.
#include "core/db/database.h"
#include "core/maintenance/historyretention.h"
#include "core/store/auditwriter.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(Backend)

namespace {

constexpr int deadlineMs = 60000;

void addBackendRows()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

// A tenant_logs row `daysAgo` days old by the database's clock.
bool insertAged(
    const TestDatabase &db, const QString &action, const QJsonObject &details, int daysAgo)
{
    const bool pg = db.spec().backend == Backend::PostgreSQL;
    const QString json = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))
                             .replace('\'', "''");
    const QString when = pg
        ? QStringLiteral("(NOW() - INTERVAL '%1 days')::timestamp").arg(daysAgo)
        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', '-%1 days')").arg(daysAgo);
    return db.exec(QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) VALUES "
                                  "('%1', '%2', %3)")
                       .arg(action, json, when));
}

// 7 old cron rows (40, 42, … 52 days), 2 old legacy rows (cron history too), 3 old logins and 1 old
// admin row without a job (not cron history), 4 recent cron rows.
bool fill(const TestDatabase &db)
{
    bool ok = true;
    for (int i = 0; i < 7; ++i)
        ok = ok
            && insertAged(db, "cron_job_success",
                {{"job", "limpar_logs"}, {"status", "success"}, {"runner", "r"}, {"n", i}},
                40 + 2 * i);
    for (int i = 0; i < 2; ++i)
        ok = ok && insertAged(db, "sync_automatico_persistente", {{"total_novos", i}}, 100);
    for (int i = 0; i < 3; ++i)
        ok = ok && insertAged(db, "login", {{"user", "maria"}, {"job", "x"}}, 200);
    ok = ok && insertAged(db, "cron_admin_prune_history", {{"deleted", 1}}, 300);
    for (int i = 0; i < 4; ++i)
        ok = ok
            && insertAged(db, "cron_job_error",
                {{"job", "limpar_logs"}, {"status", "error"}, {"runner", "r"}}, 29);
    return ok;
}

int count(const TestDatabase &db, const QString &where)
{
    return db.scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE ") + where).toInt();
}

QJsonObject lastAudit(const TestDatabase &db)
{
    return QJsonDocument::fromJson(
        db.scalar("SELECT CAST(detalhes AS TEXT) FROM tenant_logs WHERE acao = "
                  "'cron_admin_prune_history' ORDER BY id DESC LIMIT 1")
            .toString()
            .toUtf8())
        .object();
}

std::unique_ptr<TestDatabase> createDatabase(Backend backend, QString *problem)
{
    QString error;
    auto db = TestDatabase::create(backend, &error);
    if (!db)
        *problem = QStringLiteral("cannot create the %1 test database: %2")
                       .arg(TestDatabase::backendName(backend), error);
    return db;
}

struct CliRun {
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("\n  exit %1\n  stdout: %2\n  stderr: %3")
            .arg(finished ? exitCode : -1)
            .arg(out, err);
    }
};

CliRun runCronctl(const QStringList &arguments, const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HOME", home);
    environment.remove("XDG_DATA_HOME");
    environment.remove("CRON_CONSOLE_DB");
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CRONCTL_PATH), arguments);
    CliRun result;
    if (process.waitForFinished(deadlineMs) && process.exitStatus() == QProcess::NormalExit) {
        result.finished = true;
        result.exitCode = process.exitCode();
    } else {
        process.kill();
        process.waitForFinished(deadlineMs);
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

const QString oldCron
    = QStringLiteral("acao IN ('cron_job_success', 'sync_automatico_persistente')");

} // namespace

class TestRetention : public QObject {
    Q_OBJECT

private slots:
    void deletesOnlyOldCronHistoryInBatches_data() { addBackendRows(); }
    void deletesOnlyOldCronHistoryInBatches();
    void dryRunDeletesNothing_data() { addBackendRows(); }
    void dryRunDeletesNothing();
    void nothingToDelete_data() { addBackendRows(); }
    void nothingToDelete();
    void rejectsBadOptions();
    void cronctlPruneHistory_data() { addBackendRows(); }
    void cronctlPruneHistory();
    void cronctlRejectsBadValues_data();
    void cronctlRejectsBadValues();
};

void TestRetention::deletesOnlyOldCronHistoryInBatches()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(fill(*db));
    const auto connection = db->connect();
    QVERIFY(connection);
    HistoryRetention retention(*connection);
    QList<QPair<int, qint64>> progress;
    retention.setProgressCallback([&](int batch, qint64 deleted) {
        progress.append({batch, deleted});
    });
    const auto outcome = retention.prune({30, 3, false});
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->deleted, qint64(9));
    QCOMPARE(outcome->batches, 3);
    QCOMPARE(progress, (QList<QPair<int, qint64>>{{1, 3}, {2, 6}, {3, 9}}));

    QCOMPARE(count(*db, oldCron), 0);
    QCOMPARE(count(*db, "acao = 'login'"), 3);
    QCOMPARE(count(*db, "acao = 'cron_job_error'"), 4); // 29 days old: kept
    QCOMPARE(count(*db, "acao = 'cron_admin_prune_history'"), 2); // the old one and ours

    const QJsonObject audit = lastAudit(*db);
    QCOMPARE(audit.value("older_than_days").toInt(), 30);
    QCOMPARE(audit.value("deleted").toInt(), 9);
    QCOMPARE(audit.value("batches").toInt(), 3);
    for (const char *key : {"db_user", "os_user", "host", "client"})
        QVERIFY2(!audit.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY(audit.value("client").toString().startsWith("tst_retention"));
}

void TestRetention::dryRunDeletesNothing()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(fill(*db));
    const int before = count(*db, "1 = 1");
    const auto connection = db->connect();
    QVERIFY(connection);
    HistoryRetention retention(*connection);
    const auto outcome = retention.prune({30, 4, true});
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->deleted, qint64(9));
    QCOMPARE(outcome->batches, 3);
    QCOMPARE(count(*db, "1 = 1"), before);
    QCOMPARE(count(*db, "acao = 'cron_admin_prune_history'"), 1);
    // A longer age: fewer rows would go.
    const auto older = retention.prune({45, 5000, true});
    QVERIFY(older.ok());
    QCOMPARE(older->deleted, qint64(4 + 2)); // 46..52 days, and the 100-day legacy rows
}

void TestRetention::nothingToDelete()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(fill(*db));
    const auto connection = db->connect();
    QVERIFY(connection);
    HistoryRetention retention(*connection);
    const auto outcome = retention.prune({1000, 10, false});
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->deleted, qint64(0));
    QCOMPARE(outcome->batches, 0);
    QCOMPARE(count(*db, oldCron), 9);
    QCOMPARE(lastAudit(*db).value("deleted").toInt(-1), 0); // still audited
}

void TestRetention::rejectsBadOptions()
{
    QVERIFY(!HistoryRetention::validate({0, 10, false}).ok());
    QVERIFY(!HistoryRetention::validate({30, 0, false}).ok());
    QVERIFY(!HistoryRetention::validate({30, HistoryRetention::maxBatchSize + 1, false}).ok());
    QCOMPARE(HistoryRetention::validate({-1, 10, false}).error().kind, Error::Kind::InvalidInput);
    QVERIFY(HistoryRetention::validate({1, 1, false}).ok());
}

void TestRetention::cronctlPruneHistory()
{
    QFETCH(Backend, backend);
    QString problem;
    const auto db = createDatabase(backend, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(fill(*db));
    QTemporaryDir home;
    const CliRun dry = runCronctl(
        {"--db", db->url(), "prune-history", "--older-than-days", "30", "--dry-run"}, home.path());
    QVERIFY2(dry.finished && dry.exitCode == 0, qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains("would delete 9 rows"), qPrintable(dry.describe()));
    QCOMPARE(count(*db, oldCron), 9);

    const CliRun run = runCronctl(
        {"--db", db->url(), "prune-history", "--older-than-days", "30", "--batch-size", "4"},
        home.path());
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("deleted 9 rows") && run.out.contains("3 batches"),
        qPrintable(run.describe()));
    QCOMPARE(run.err.count("prune-history: batch"), 3);
    QCOMPARE(count(*db, oldCron), 0);
    QCOMPARE(count(*db, "acao = 'login'"), 3);
    QCOMPARE(lastAudit(*db).value("client").toString().section(' ', 0, 0), QString("cronctl"));
}

void TestRetention::cronctlRejectsBadValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no age") << QStringList{} << "--older-than-days";
    QTest::newRow("zero days") << QStringList{"--older-than-days", "0"} << "--older-than-days";
    QTest::newRow("words") << QStringList{"--older-than-days", "thirty"} << "thirty";
    QTest::newRow("fraction") << QStringList{"--older-than-days", "1.5"} << "1.5";
    QTest::newRow("batch zero") << QStringList{"--older-than-days", "3", "--batch-size", "0"}
                                << "--batch-size";
    QTest::newRow("batch huge") << QStringList{"--older-than-days", "3", "--batch-size", "1000001"}
                                << "--batch-size";
}

void TestRetention::cronctlRejectsBadValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    QString problem;
    const auto db = createDatabase(Backend::SQLite, &problem);
    if (!db)
        QFAIL(qPrintable(problem));
    QVERIFY(fill(*db));
    QTemporaryDir home;
    const CliRun run
        = runCronctl(QStringList{"--db", db->url(), "prune-history"} + arguments, home.path());
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(
        run.err.startsWith("cronctl: ") && run.err.count('\n') == 1 && run.err.contains(fragment),
        qPrintable(run.describe()));
    QCOMPARE(count(*db, oldCron), 9);
    QCOMPARE(count(*db, "acao = 'cron_admin_prune_history'"), 1);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
