// PostgreSQL-only contracts: the seed's functions and SQL snippets, the atomic claim under
// concurrency, migrations over the seed's own schema, time zones, notifications, roles.
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/db/sqlscript.h"
#include "core/domain/jobrules.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QWaitCondition>

#include <atomic>
#include <ctime>

namespace {

// Lets N threads start each round together, so the claims really race.
class Barrier {
public:
    explicit Barrier(int parties)
        : m_parties(parties)
    { }
    void arriveAndWait()
    {
        QMutexLocker lock(&m_mutex);
        const int generation = m_generation;
        if (++m_waiting == m_parties) {
            m_waiting = 0;
            ++m_generation;
            m_condition.wakeAll();
            return;
        }
        while (generation == m_generation)
            m_condition.wait(&m_mutex);
    }

private:
    QMutex m_mutex;
    QWaitCondition m_condition;
    const int m_parties;
    int m_waiting = 0;
    int m_generation = 0;
};

QStringList rows(QSqlQuery &query)
{
    QStringList result;
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < query.record().count(); ++i)
            cells << query.value(i).toString();
        result << cells.join(QLatin1Char('|'));
    }
    return result;
}

} // namespace

class TestPostgresSchema : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void seedTableHasSeedColumns();
    void claimIsAtomicUnderConcurrency();
    void seedFunctionsFollowTheSeed();
    void monitoringSnippetsRunVerbatim();
    void troubleshootingSnippetsRunVerbatim();
    void advancedConfigurationSnippetsRunVerbatim();
    void migrationsOverSeedSchemaChangeNoData();
    void timesAreRightAcrossZones();
    void changesAreAnnounced();
    void readOnlyRoleGetsClearError();
    void lostConnectionIsReported();

private:
    QSqlQuery query(const QString &sql);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
};

void TestPostgresSchema::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestPostgresSchema::cleanup()
{
    m_conn.reset();
    m_db.reset();
}

QSqlQuery TestPostgresSchema::query(const QString &sql)
{
    QSqlQuery q(m_conn->handle());
    if (!q.exec(sql))
        qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q;
}

void TestPostgresSchema::seedTableHasSeedColumns()
{
    // Every column of the seed's DDL, with its type and default.
    QSqlQuery q = query(QStringLiteral(
        "SELECT column_name, data_type, COALESCE(character_maximum_length::text, ''), "
        "COALESCE(column_default, ''), is_nullable FROM information_schema.columns "
        "WHERE table_name = 'cron_jobs' AND column_name IN ('id','nome','descricao',"
        "'intervalo_horas','ativo','last_run','next_run','total_execucoes',"
        "'ultima_duracao_segundos','ultimo_status','ultimo_resultado','created_at','updated_at') "
        "ORDER BY ordinal_position"));
    const QStringList expected{
        "id|integer||nextval('cron_jobs_id_seq'::regclass)|NO",
        "nome|character varying|100||NO",
        "descricao|text|||YES",
        "intervalo_horas|integer||12|YES",
        "ativo|boolean||true|YES",
        "last_run|timestamp without time zone|||YES",
        "next_run|timestamp without time zone|||YES",
        "total_execucoes|integer||0|YES",
        "ultima_duracao_segundos|integer|||YES",
        "ultimo_status|character varying|20||YES",
        "ultimo_resultado|jsonb|||YES",
        "created_at|timestamp without time zone||now()|YES",
        "updated_at|timestamp without time zone||now()|YES",
    };
    QCOMPARE(rows(q), expected);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = "
                                         "'cron_jobs'::regclass AND contype = 'u'"))
                 .toInt(),
        1); // UNIQUE (nome)
}

void TestPostgresSchema::claimIsAtomicUnderConcurrency()
{
    constexpr int threads = 8;
    constexpr int rounds = 1000;
    Barrier barrier(threads + 1);
    std::atomic<int> winners{0};
    std::atomic<int> failures{0};
    QList<int> winnersPerRound;
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers << QThread::create([&, t] {
            auto conn = m_db->connect(QStringLiteral("claimer%1").arg(t));
            QSqlQuery claim(conn ? conn->handle() : QSqlDatabase());
            if (conn)
                claim.prepare(QStringLiteral("SELECT iniciar_execucao_cron(:nome)"));
            for (int round = 0; round < rounds; ++round) {
                barrier.arriveAndWait(); // start together
                claim.bindValue(QStringLiteral(":nome"), QStringLiteral("sgp_sync_inteligente"));
                if (conn && claim.exec() && claim.next()) {
                    if (claim.value(0).toBool())
                        ++winners;
                } else {
                    ++failures;
                }
                barrier.arriveAndWait(); // round over
            }
        });
        workers.last()->start();
    }
    QSqlQuery makeDue(m_conn->handle());
    for (int round = 0; round < rounds; ++round) {
        // Due again: it ran, and next_run has passed.
        makeDue.exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'success', "
                                    "last_run = NOW(), next_run = NOW() - INTERVAL '1 second'"));
        barrier.arriveAndWait();
        barrier.arriveAndWait();
        winnersPerRound << winners.exchange(0);
    }
    for (QThread *worker : workers) {
        QVERIFY(worker->wait(60000));
        delete worker;
    }
    QCOMPARE(failures.load(), 0);
    QCOMPARE(winnersPerRound.size(), rounds);
    for (int round = 0; round < rounds; ++round)
        QVERIFY2(winnersPerRound[round] == 1,
            qPrintable(
                QStringLiteral("round %1 had %2 winners").arg(round).arg(winnersPerRound[round])));
}

void TestPostgresSchema::seedFunctionsFollowTheSeed()
{
    // Never ran: due, and exactly one claim.
    QVERIFY(query(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).next());
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('sgp_sync_inteligente')"))
                 .toBool(),
        true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('sgp_sync_inteligente')"))
                 .toBool(),
        false);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        false);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs")).toString(),
        QStringLiteral("running"));
    // Unknown job: not due, not claimable.
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('nao_existe')")).toBool(), false);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('nao_existe')")).toBool(), false);

    // Finish: counters, duration, result, and next_run = calcular_proximo_run(intervalo_horas).
    QVERIFY(m_db->exec(
        QStringLiteral("SELECT finalizar_execucao_cron('sgp_sync_inteligente', 'success', "
                       "'{\"total_novos\": 3}', 42)")));
    JobStore store(*m_conn);
    const auto job = store.job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job->lastStatus, QStringLiteral("success"));
    QCOMPARE(job->totalRuns, 1);
    QCOMPARE(job->lastDurationSeconds.value_or(-1), 42);
    QVERIFY(job->lastResultJson.contains("total_novos"));
    QVERIFY(!job->runningSince.isValid());
    QVERIFY(qAbs(job->lastRun.secsTo(job->readAt)) < 5);
    QVERIFY(qAbs(job->lastRun.secsTo(job->nextRun) - 12 * 3600) < 5);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        false);
    // calcular_proximo_run itself.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT EXTRACT(EPOCH FROM calcular_proximo_run(6) - "
                                         "NOW()::timestamp)::int"))
                 .toInt(),
        6 * 3600);

    // The 2-hour rule for a caller that does not heartbeat.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                      "running_since = NOW() - INTERVAL '119 minutes'")));
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        false);
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET running_since = NOW() - INTERVAL '2 hours'")));
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('sgp_sync_inteligente')"))
                 .toBool(),
        true);
    // The C++ rules agree with the SQL function on the same row.
    const auto claimed = store.job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(JobRules::shouldRun(*claimed, claimed->readAt),
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool());
}

void TestPostgresSchema::monitoringSnippetsRunVerbatim()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob({QStringLiteral("meu_job"), QString(), 24, true}).ok());
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET last_run = NOW(), next_run = NOW() + "
                       "INTERVAL '1 hour', ultimo_status = 'success' WHERE nome = 'meu_job'")));

    // "Status de Todos os Jobs"
    QSqlQuery all = query(QStringLiteral(R"(SELECT
  nome,
  ativo,
  intervalo_horas,
  last_run,
  next_run,
  total_execucoes,
  ultimo_status,
  deve_executar_cron(nome) as deve_executar_agora
FROM cron_jobs
ORDER BY nome;)"));
    QVERIFY(all.isActive());
    QStringList seen;
    while (all.next())
        seen << all.value(0).toString() + QLatin1Char('=') + all.value(7).toString();
    QCOMPARE(seen, QStringList({"meu_job=false", "sgp_sync_inteligente=true"}));

    // "Jobs que Devem Executar Agora"
    QSqlQuery due = query(QStringLiteral(R"(SELECT nome, last_run, next_run
FROM cron_jobs
WHERE ativo = TRUE
AND deve_executar_cron(nome) = TRUE;)"));
    QVERIFY(due.isActive());
    QStringList dueNames;
    while (due.next())
        dueNames << due.value(0).toString();
    QCOMPARE(dueNames, QStringList{"sgp_sync_inteligente"});

    // "Últimas Execuções": the rows the runner writes for the seed's job keep these keys.
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO tenant_logs (acao, detalhes) VALUES ('sync_automatico_persistente', "
        "'{\"job\": \"sgp_sync_inteligente\", \"status\": \"success\", \"duracao_segundos\": 3, "
        "\"runner\": \"r1\", \"total_provedores\": 4, \"total_novos\": 7, \"total_atualizados\": "
        "9}')")));
    QSqlQuery last = query(QStringLiteral(R"(SELECT
  acao,
  detalhes->>'total_provedores' as provedores,
  detalhes->>'total_novos' as novos_clientes,
  detalhes->>'total_atualizados' as atualizados,
  created_at
FROM tenant_logs
WHERE acao = 'sync_automatico_persistente'
ORDER BY created_at DESC LIMIT 10;)"));
    QVERIFY(last.next());
    QCOMPARE(last.value(1).toString(), QStringLiteral("4"));
    QCOMPARE(last.value(2).toString(), QStringLiteral("7"));
    QCOMPARE(last.value(3).toString(), QStringLiteral("9"));
    QVERIFY(!last.next());
}

void TestPostgresSchema::troubleshootingSnippetsRunVerbatim()
{
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET last_run = NOW(), next_run = NOW() + "
                                      "INTERVAL '5 hours', ultimo_status = 'success'")));
    // "Verificar se está ativo"
    QSqlQuery check = query(QStringLiteral(R"(SELECT nome, ativo, deve_executar_cron(nome)
FROM cron_jobs WHERE nome = 'sgp_sync_inteligente';)"));
    QVERIFY(check.next());
    QCOMPARE(check.value(1).toBool(), true);
    QCOMPARE(check.value(2).toBool(), false);
    // "Forçar próxima execução"
    QSqlQuery force = query(QStringLiteral(
        "UPDATE cron_jobs SET next_run = NOW() WHERE nome = 'sgp_sync_inteligente';"));
    QCOMPARE(force.numRowsAffected(), 1);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')")).toBool(),
        true);
    JobStore store(*m_conn);
    const auto job = store.job(QStringLiteral("sgp_sync_inteligente"));
    QVERIFY(JobRules::shouldRun(*job, job->readAt));
}

void TestPostgresSchema::advancedConfigurationSnippetsRunVerbatim()
{
    // "Adicionar Novo Job"
    QSqlQuery insert
        = query(QStringLiteral(R"(INSERT INTO cron_jobs (nome, descricao, intervalo_horas, ativo)
VALUES ('meu_novo_job', 'Descrição do job', 24, TRUE);)"));
    QCOMPARE(insert.numRowsAffected(), 1);
    JobStore store(*m_conn);
    const auto added = store.job(QStringLiteral("meu_novo_job"));
    QVERIFY(added.ok());
    QCOMPARE(added->intervalHours, 24);
    QCOMPARE(added->description, QStringLiteral("Descrição do job"));
    QVERIFY(JobRules::shouldRun(*added, added->readAt)); // never ran

    // "Alterar Configurações"
    QSqlQuery update = query(QStringLiteral(R"(UPDATE cron_jobs SET
  intervalo_horas = 6,
  next_run = calcular_proximo_run(6)
WHERE nome = 'sgp_sync_inteligente';)"));
    QCOMPARE(update.numRowsAffected(), 1);
    const auto job = store.job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job->intervalHours, 6);
    QVERIFY(qAbs(job->readAt.secsTo(job->nextRun) - 6 * 3600) < 5);
}

void TestPostgresSchema::migrationsOverSeedSchemaChangeNoData()
{
    QString error;
    auto seeded = TestDatabase::create(Backend::PostgreSQL, &error, false);
    QVERIFY2(seeded, qPrintable(error));
    QFile file(QStringLiteral(CRON_SOURCE_DIR "/tests/fixtures/seed_original.sql"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (const QString &statement : SqlScript::split(QString::fromUtf8(file.readAll())))
        QVERIFY2(seeded->exec(statement, &error),
            qPrintable(statement.left(60) + QLatin1String(": ") + error));

    const QString snapshotSql = QStringLiteral(
        "SELECT string_agg(concat_ws('|', id, nome, descricao, intervalo_horas, ativo, last_run, "
        "next_run, total_execucoes, ultima_duracao_segundos, ultimo_status, ultimo_resultado, "
        "created_at, updated_at), E'\\n' ORDER BY id) FROM cron_jobs");
    const QString logsSql = QStringLiteral(
        "SELECT string_agg(concat_ws('|', id, tenant_id, acao, detalhes, ip_address, created_at), "
        "E'\\n' ORDER BY id) FROM tenant_logs");
    const QString jobsBefore = seeded->scalar(snapshotSql).toString();
    const QString logsBefore = seeded->scalar(logsSql).toString();
    QVERIFY(jobsBefore.contains(QLatin1String("travado")));

    auto conn = seeded->connect();
    Migrator migrator(*conn);
    QCOMPARE(migrator.currentVersion().value(), 0);
    auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(applied->size(), migrator.available().size());
    applied = migrator.migrate();
    QVERIFY(applied.ok());
    QVERIFY(applied->isEmpty());
    QVERIFY(migrator.checkUpToDate().ok());

    QCOMPARE(seeded->scalar(snapshotSql).toString(), jobsBefore);
    QCOMPARE(seeded->scalar(logsSql).toString(), logsBefore);

    // The seed's functions are ours now, with no ambiguous overloads left.
    QCOMPARE(seeded
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_proc WHERE proname IN "
                                         "('deve_executar_cron','iniciar_execucao_cron',"
                                         "'finalizar_execucao_cron','calcular_proximo_run')"))
                 .toInt(),
        4);
    // The job left 'running' three hours ago by the platform is stuck, hence due.
    QCOMPARE(seeded->scalar(QStringLiteral("SELECT deve_executar_cron('travado')")).toBool(), true);
    QCOMPARE(seeded->scalar(QStringLiteral("SELECT deve_executar_cron('sgp_sync_inteligente')"))
                 .toBool(),
        false);

    // Our rows fit the platform's wider tenant_logs, and its legacy rows are the seed job's
    // history.
    JobStore store(*conn);
    QVERIFY(store.setActive(QStringLiteral("relatorio_semanal"), true).ok());
    HistoryQuery history;
    history.job = QStringLiteral("sgp_sync_inteligente");
    history.limit = 100;
    QCOMPARE(store.history(history)->size(), 20);
    const auto jobs = store.listJobs();
    QVERIFY(jobs.ok());
    QCOMPARE(jobs->size(), 3);
}

void TestPostgresSchema::timesAreRightAcrossZones()
{
    // The server session writes NOW() into TIMESTAMP columns as São Paulo wall time; this
    // client runs in Tokyo. Instants must still be right.
    QVERIFY(m_db->exec(QStringLiteral("ALTER DATABASE %1 SET timezone = 'America/Sao_Paulo'")
                           .arg(m_db->spec().database)));
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "Asia/Tokyo");
    tzset();
    auto restore = qScopeGuard([&] {
        if (oldTz.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", oldTz);
        tzset();
    });
    auto conn = m_db->connect(QStringLiteral("zones"));
    QVERIFY(conn);
    QSqlQuery zone(conn->handle());
    QVERIFY(zone.exec(QStringLiteral("SHOW timezone")) && zone.next());
    QCOMPARE(zone.value(0).toString(), QStringLiteral("America/Sao_Paulo"));

    JobStore store(*conn);
    const auto outcome = store.runNow(QStringLiteral("sgp_sync_inteligente"));
    QVERIFY(outcome.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY2(qAbs(outcome->job.nextRun.secsTo(now)) < 5,
        qPrintable(outcome->job.nextRun.toString(Qt::ISODate)));
    // Stored as the server session's wall time, as the seed's own NOW() writes would be.
    QSqlQuery stored(conn->handle());
    QVERIFY(stored.exec(
        QStringLiteral("SELECT to_char(next_run, 'YYYY-MM-DD HH24:MI') FROM cron_jobs")));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toString(),
        outcome->job.nextRun.toTimeZone(QTimeZone("America/Sao_Paulo"))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    // update_interval: next_run is interval hours after the server's now, whatever the zones.
    const auto updated = store.updateInterval(QStringLiteral("sgp_sync_inteligente"), 5);
    QVERIFY(qAbs(now.secsTo(updated->job.nextRun) - 5 * 3600) < 5);
}

void TestPostgresSchema::changesAreAnnounced()
{
    auto listener = m_db->connect(QStringLiteral("listener"));
    QVERIFY(listener);
    QSqlDriver *driver = listener->handle().driver();
    QVERIFY(driver->subscribeToNotification(QStringLiteral("cron_jobs_changed")));
    QSignalSpy spy(driver,
        qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
            &QSqlDriver::notification));

    // From the store, and from anybody's plain SQL.
    JobStore store(*m_conn);
    QVERIFY(store.runNow(QStringLiteral("sgp_sync_inteligente")).ok());
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("cron_jobs_changed"));
    QCOMPARE(spy.first().at(2).toString(), QStringLiteral("sgp_sync_inteligente"));
    spy.clear();
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES ('via_psql')")));
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().at(2).toString(), QStringLiteral("via_psql"));
    spy.clear();
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome = 'via_psql'")));
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().at(2).toString(), QStringLiteral("via_psql"));

    // One notification per statement, not per row (issue 15): a statement over several jobs
    // sends one with an empty payload. The single-row marker after it proves nothing else came.
    spy.clear();
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome) SELECT 'many_' || g FROM "
                                      "generate_series(1, 50) AS g")));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'x' WHERE nome LIKE "
                                      "'many\\_%'")));
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome LIKE 'many\\_%'")));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = descricao WHERE nome = "
                                      "'sgp_sync_inteligente'")));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 4, 5000);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(spy.at(i).at(2).toString(), QString());
    QCOMPARE(spy.at(3).at(2).toString(), QStringLiteral("sgp_sync_inteligente"));
    // A statement that changes no row sends nothing.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'y' WHERE FALSE")));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = descricao WHERE nome = "
                                      "'sgp_sync_inteligente'")));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 5, 5000);
    QCOMPARE(spy.at(4).at(2).toString(), QStringLiteral("sgp_sync_inteligente"));
}

void TestPostgresSchema::readOnlyRoleGetsClearError()
{
    const QString role = QStringLiteral("reader_%1").arg(m_db->spec().database.right(8));
    QVERIFY(m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)));
    QVERIFY(m_db->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'reader-pw'").arg(role)));
    auto dropRole = qScopeGuard([&] {
        m_db->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    });
    QVERIFY(
        m_db->exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    ConnectionSpec spec = m_db->spec();
    spec.user = role;
    spec.password = QStringLiteral("reader-pw");
    {
        auto opened = Database::open(spec, QStringLiteral("reader"));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        JobStore store(*opened.value());
        QVERIFY(store.listJobs().ok()); // reading works
        const auto outcome = store.setActive(QStringLiteral("sgp_sync_inteligente"), false);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind, Error::Kind::PermissionDenied);
        QVERIFY2(outcome.error().message.contains(QLatin1String("permission denied")),
            qPrintable(outcome.error().message));
        Migrator migrator(*opened.value());
        const auto migrated = migrator.migrate();
        QVERIFY(migrated.ok()); // nothing to do is fine even for a reader
    }
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs")).toBool(), true);
}

void TestPostgresSchema::lostConnectionIsReported()
{
    auto victim = m_db->connect(QStringLiteral("victim"));
    QVERIFY(victim);
    QSqlQuery pid(victim->handle());
    QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
    QVERIFY(
        m_db->exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toInt())));
    JobStore store(*victim);
    const auto outcome = store.setActive(QStringLiteral("sgp_sync_inteligente"), false);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, Error::Kind::Connection);
    QVERIFY(!outcome.error().message.isEmpty());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestPostgresSchema)
#include "tst_postgresschema.moc"
