// The platform's own seed functions (issue 12, points 1, 3 and 4): migrate keeps each signature a
// platform wrote and serves it with the claim, refuses one it cannot serve before changing
// anything, rehearses with --dry-run, fences a late finalizar_execucao_cron off a runner's live
// lease, follows cron_expression (the SQL evaluator agrees with the C++ one on random
// expressions), and waits briefly for locks the platform holds. Real PostgreSQL throughout.
#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/runner/leasestore.h"
#include "core/schedule/cronexpression.h"
#include "support/expressiongenerator.h"
#include "support/testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <atomic>
#include <thread>

namespace {

// The seed's table as a platform created it, before Cron Console.
const char *const seedTable = R"(
CREATE TABLE cron_jobs (
  id SERIAL PRIMARY KEY, nome VARCHAR(100) UNIQUE NOT NULL, descricao TEXT,
  intervalo_horas INTEGER DEFAULT 12, ativo BOOLEAN DEFAULT TRUE, last_run TIMESTAMP,
  next_run TIMESTAMP, total_execucoes INTEGER DEFAULT 0, ultima_duracao_segundos INTEGER,
  ultimo_status VARCHAR(20), ultimo_resultado JSONB, created_at TIMESTAMP DEFAULT NOW(),
  updated_at TIMESTAMP DEFAULT NOW());
CREATE TABLE tenant_logs (id BIGSERIAL PRIMARY KEY, tenant_id INTEGER,
  acao VARCHAR(100) NOT NULL, detalhes JSONB, created_at TIMESTAMP DEFAULT NOW());
INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('plataforma', 6);
)";

QVariant valueOn(
    Database &db, const QString &sql, const QVariantList &values = {}, QString *error = nullptr)
{
    QSqlQuery query(db.handle());
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql); // BEGIN and COMMIT cannot be prepared
    } else {
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (!ok) {
        if (error)
            *error = query.lastError().text();
        else
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.next() ? query.value(0) : QVariant(true);
}

// Each seed function's signature as PostgreSQL prints it (names, types, defaults, return type).
QString signatures(TestDatabase &db)
{
    return db
        .scalar(
            QStringLiteral("SELECT string_agg(p.proname || '(' || pg_get_function_arguments(p.oid) "
                           "|| ') ' || format_type(p.prorettype, NULL) || ' ' || p.prosecdef, "
                           "E'\\n' ORDER BY p.proname, p.oid) FROM pg_proc p "
                           "WHERE p.proname IN ('deve_executar_cron', 'iniciar_execucao_cron', "
                           "'finalizar_execucao_cron', 'calcular_proximo_run')"))
        .toString();
}

} // namespace

class TestPlatformFunctions : public QObject {
    Q_OBJECT

private slots:
    void migrateKeepsThePlatformsSignatures_data();
    void migrateKeepsThePlatformsSignatures();
    void unservableSignatureIsRefusedUnchanged();
    void dryRunChangesNothing();
    void lateFinishIsFencedOffALiveLease();
    void finishFollowsTheCronExpression();
    void sqlCronAgreesWithCpp();
    void ddlWaitsBrieflyForThePlatformsLocks();

private:
    std::unique_ptr<TestDatabase> platformDatabase(const QString &functions);
};

std::unique_ptr<TestDatabase> TestPlatformFunctions::platformDatabase(const QString &functions)
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error, false);
    if (!db) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    if (!db->exec(QString::fromUtf8(seedTable) + functions, &error)) {
        qWarning("fixture: %s", qPrintable(error));
        return nullptr;
    }
    return db;
}

void TestPlatformFunctions::migrateKeepsThePlatformsSignatures_data()
{
    QTest::addColumn<QString>("functions");
    QTest::addColumn<QString>("finishCall");
    QTest::addColumn<QString>("expectedStatus");

    QTest::newRow("seed-like") << QStringLiteral(R"(
CREATE FUNCTION deve_executar_cron(nome_job VARCHAR) RETURNS BOOLEAN LANGUAGE sql AS
  $$ SELECT ativo AND (last_run IS NULL OR next_run <= NOW()) FROM cron_jobs WHERE nome = nome_job $$;
CREATE FUNCTION iniciar_execucao_cron(nome_job VARCHAR) RETURNS BOOLEAN LANGUAGE plpgsql AS
  $$ BEGIN UPDATE cron_jobs SET ultimo_status = 'running' WHERE nome = nome_job; RETURN FOUND; END $$;
CREATE FUNCTION finalizar_execucao_cron(nome_job VARCHAR, status VARCHAR, resultado JSONB,
  duracao_segundos INTEGER) RETURNS VOID LANGUAGE sql AS
  $$ UPDATE cron_jobs SET ultimo_status = status, last_run = NOW() WHERE nome = nome_job $$;
CREATE FUNCTION calcular_proximo_run(intervalo_horas INTEGER) RETURNS TIMESTAMP LANGUAGE sql AS
  $$ SELECT NOW()::timestamp + intervalo_horas * INTERVAL '1 hour' $$;
)") << QStringLiteral("SELECT finalizar_execucao_cron(?, 'success', '{\"n\": 1}', 3)")
                               << QStringLiteral("success");

    QTest::newRow("text-boolean-id")
        << QStringLiteral(R"(
CREATE FUNCTION deve_executar_cron(p_nome TEXT) RETURNS BOOLEAN LANGUAGE sql AS
  $$ SELECT ativo FROM cron_jobs WHERE nome = p_nome $$;
CREATE FUNCTION iniciar_execucao_cron(p_id INTEGER) RETURNS BOOLEAN LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ BEGIN UPDATE cron_jobs SET ultimo_status = 'running' WHERE id = p_id; RETURN FOUND; END $$;
CREATE FUNCTION finalizar_execucao_cron(p_nome TEXT, p_sucesso BOOLEAN, p_resultado JSON,
  p_duracao NUMERIC, p_mensagem TEXT DEFAULT NULL) RETURNS BOOLEAN LANGUAGE plpgsql AS
  $$ BEGIN UPDATE cron_jobs SET last_run = NOW() WHERE nome = p_nome; RETURN FOUND; END $$;
)")
        << QStringLiteral(
               "SELECT finalizar_execucao_cron(?, false, '{\"out\": \"a\\u0000b\"}', 2.6, 'x')")
        << QStringLiteral("error");

    QTest::newRow("short-finish") << QStringLiteral(R"(
CREATE FUNCTION deve_executar_cron(job_name CHARACTER VARYING(100)) RETURNS BOOLEAN LANGUAGE sql AS
  $$ SELECT TRUE $$;
CREATE FUNCTION iniciar_execucao_cron(job_name TEXT, worker TEXT DEFAULT NULL) RETURNS BOOLEAN
  LANGUAGE sql AS $$ UPDATE cron_jobs SET ultimo_status = 'running' WHERE nome = job_name
  RETURNING TRUE $$;
CREATE FUNCTION finalizar_execucao_cron(nome TEXT, status TEXT) RETURNS VOID LANGUAGE sql AS
  $$ SELECT $$;
CREATE FUNCTION calcular_proximo_run(horas INTEGER DEFAULT 12) RETURNS TIMESTAMPTZ LANGUAGE sql AS
  $$ SELECT NOW() + horas * INTERVAL '1 hour' $$;
)") << QStringLiteral("SELECT finalizar_execucao_cron(?, 'ok')")
                                  << QStringLiteral("ok");

    QTest::newRow("none") << QString()
                          << QStringLiteral("SELECT finalizar_execucao_cron(?, 'success')")
                          << QStringLiteral("success");
}

void TestPlatformFunctions::migrateKeepsThePlatformsSignatures()
{
    QFETCH(QString, functions);
    QFETCH(QString, finishCall);
    QFETCH(QString, expectedStatus);
    auto db = platformDatabase(functions);
    QVERIFY(db);
    const QString before = signatures(*db);
    const QString job = QStringLiteral("plataforma");

    auto conn = db->connect();
    Migrator migrator(*conn);
    const auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(migrator.report().size(), 4); // a line for each seed function
    QVERIFY(migrator.migrate().ok()); // twice: nothing left to do
    // Every platform function keeps its exact signature, so every call resolves as before; the
    // missing ones were added.
    const QStringList after = signatures(*db).split(QLatin1Char('\n'));
    for (const QString &signature : before.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(after.contains(signature), qPrintable(signature + QStringLiteral(" is gone")));
    QCOMPARE(after.size(), 4);

    // The platform's calls, as the platform makes them, with the seed's meaning.
    const bool byId = functions.contains(QLatin1String("p_id INTEGER"));
    const QVariant startArg = byId
        ? QVariant(db->scalar(QStringLiteral("SELECT id FROM cron_jobs WHERE nome = 'plataforma'")))
        : QVariant(job);
    QCOMPARE(valueOn(*conn, QStringLiteral("SELECT deve_executar_cron(?)"), {job}).toBool(), true);
    QCOMPARE(valueOn(*conn, QStringLiteral("SELECT iniciar_execucao_cron(?)"), {startArg}).toBool(),
        true);
    // The claim is atomic: a second platform call and a runner both lose.
    QCOMPARE(valueOn(*conn, QStringLiteral("SELECT iniciar_execucao_cron(?)"), {startArg}).toBool(),
        false);
    QCOMPARE(valueOn(*conn, QStringLiteral("SELECT deve_executar_cron(?)"), {job}).toBool(), false);
    LeaseStore runner(*conn, QStringLiteral("runner-a"), 30);
    const auto claims = runner.claimDue({job}, 1);
    QVERIFY(claims.ok());
    QVERIFY(claims->isEmpty());

    QString error;
    QVERIFY2(valueOn(*conn, finishCall, {job}, &error).isValid(), qPrintable(error));
    QCOMPARE(db->scalar(QStringLiteral("SELECT ultimo_status || ' ' || total_execucoes || ' ' || "
                                       "(next_run_tz > NOW() + INTERVAL '5 hours') FROM cron_jobs"))
                 .toString(),
        expectedStatus + QStringLiteral(" 1 true"));
    if (functions.contains(QLatin1String("p_mensagem")))
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT ultimo_resultado::text FROM cron_jobs")).toString(),
            QStringLiteral("{\"out\": \"a\uFFFDb\", \"p_mensagem\": \"x\"}"));
    // A job just finished is not due; the platform's own calcular_proximo_run still answers.
    QCOMPARE(valueOn(*conn, QStringLiteral("SELECT iniciar_execucao_cron(?)"), {startArg}).toBool(),
        false);
    QVERIFY(valueOn(*conn, QStringLiteral("SELECT calcular_proximo_run(6)")).isValid());
}

void TestPlatformFunctions::unservableSignatureIsRefusedUnchanged()
{
    auto db = platformDatabase(QStringLiteral(R"(
CREATE FUNCTION iniciar_execucao_cron(nome_job TEXT) RETURNS VOID LANGUAGE plpgsql AS
  $$ BEGIN UPDATE cron_jobs SET ultimo_status = 'running' WHERE nome = nome_job; END $$;
CREATE FUNCTION finalizar_execucao_cron(nome_job TEXT, onde POINT) RETURNS VOID LANGUAGE sql AS
  $$ SELECT $$;
)"));
    QVERIFY(db);
    const QString schemaSql = QStringLiteral(
        "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY "
        "table_name, column_name) || '|' || (SELECT string_agg(proname || prosrc, ',' ORDER BY "
        "proname) FROM pg_proc WHERE pronamespace = 'public'::regnamespace) || '|' || (SELECT "
        "count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace) FROM "
        "information_schema.columns WHERE table_schema = 'public'");
    const QString before = db->scalar(schemaSql).toString();
    QVERIFY(!before.isEmpty());

    QProcess cronctl;
    cronctl.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), db->url(), QStringLiteral("migrate")});
    QVERIFY(cronctl.waitForFinished(60000));
    const QString err = QString::fromUtf8(cronctl.readAllStandardError());
    QCOMPARE(cronctl.exitCode(), 1);
    QVERIFY2(err.contains(QLatin1String("iniciar_execucao_cron(nome_job text) returns void")),
        qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("finalizar_execucao_cron(nome_job text, onde point)")),
        qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("nothing was changed")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("HINT")), qPrintable(err));
    QCOMPARE(db->scalar(schemaSql).toString(), before);
    QCOMPARE(db->scalar(QStringLiteral("SELECT to_regclass('cron_console_migrations') IS NULL"))
                 .toBool(),
        true);
}

void TestPlatformFunctions::dryRunChangesNothing()
{
    auto db = platformDatabase(QStringLiteral("CREATE FUNCTION deve_executar_cron(p TEXT) RETURNS "
                                              "BOOLEAN LANGUAGE sql AS $$ SELECT TRUE $$;"));
    QVERIFY(db);
    QProcess cronctl;
    cronctl.start(QStringLiteral(CRONCTL_PATH),
        {QStringLiteral("--db"), db->url(), QStringLiteral("migrate"),
            QStringLiteral("--dry-run")});
    QVERIFY(cronctl.waitForFinished(60000));
    const QString out = QString::fromUtf8(cronctl.readAllStandardOutput());
    QCOMPARE(cronctl.exitCode(), 0);
    QVERIFY2(out.contains(QLatin1String("would apply 0001_seed_schema")), qPrintable(out));
    QVERIFY2(
        out.contains(QLatin1String("deve_executar_cron(p text) returns boolean: signature kept")),
        qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("iniciar_execucao_cron(nome_job character varying) returns "
                                        "boolean: missing")),
        qPrintable(out));
    QCOMPARE(db->scalar(QStringLiteral("SELECT to_regclass('cron_console_migrations') IS NULL"))
                 .toBool(),
        true);
    QCOMPARE(
        db->scalar(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname LIKE 'cron\\_%'"))
            .toInt(),
        0);
    QCOMPARE(db->scalar(QStringLiteral(
                            "SELECT prosrc FROM pg_proc WHERE proname = 'deve_executar_cron'"))
                 .toString(),
        QStringLiteral(" SELECT TRUE "));
}

void TestPlatformFunctions::lateFinishIsFencedOffALiveLease()
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    auto conn = db->connect();
    const QString job = QStringLiteral("sgp_sync_inteligente");
    // The platform starts the job, stalls past the 2-hour rule, a runner takes it over...
    QCOMPARE(
        valueOn(*conn, QStringLiteral("SELECT iniciar_execucao_cron(?)"), {job}).toBool(), true);
    QVERIFY(db->exec(
        QStringLiteral("UPDATE cron_jobs SET running_since_tz = NOW() - INTERVAL '3 hours', "
                       "running_since = running_since - INTERVAL '3 hours'")));
    LeaseStore runner(*conn, QStringLiteral("runner-a"), 30);
    const auto claims = runner.claimDue({job}, 1);
    QVERIFY(claims.ok());
    QCOMPARE(claims->size(), 1);
    const QString leaseBefore
        = db->scalar(QStringLiteral("SELECT concat_ws('|', ultimo_status, lease_owner, "
                                    "lease_token, lease_expires_at, "
                                    "total_execucoes) FROM cron_jobs"))
              .toString();

    // ...and the platform's late finish must not end the runner's run.
    QCOMPARE(valueOn(*conn,
                 QStringLiteral("SELECT finalizar_execucao_cron(?, 'success', NULL, 7200)"), {job})
                 .isValid(),
        true);
    QCOMPARE(
        db->scalar(QStringLiteral("SELECT concat_ws('|', ultimo_status, lease_owner, lease_token, "
                                  "lease_expires_at, total_execucoes) FROM cron_jobs"))
            .toString(),
        leaseBefore);
    QVERIFY(runner.renew(claims->first()).ok());
    QVERIFY(runner.renew(claims->first())->has_value()); // still the runner's

    // Once the lease is gone (the runner died) a finish is recorded again.
    QVERIFY(db->exec(QStringLiteral(
        "UPDATE cron_jobs SET lease_expires_at = clock_timestamp() - INTERVAL '1 s'")));
    QVERIFY(valueOn(
        *conn, QStringLiteral("SELECT finalizar_execucao_cron(?, 'success', NULL, 1)"), {job})
                .isValid());
    QCOMPARE(db->scalar(QStringLiteral(
                            "SELECT ultimo_status || ' ' || (lease_owner IS NULL) FROM cron_jobs"))
                 .toString(),
        QStringLiteral("success true"));
}

void TestPlatformFunctions::finishFollowsTheCronExpression()
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    auto conn = db->connect();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET cron_expression = '0 3 * * *', "
                                    "schedule_timezone = 'America/Sao_Paulo'")));
    // Whatever zone the platform's session is in.
    for (const char *sessionZone : {"Asia/Tokyo", "UTC", "America/New_York"}) {
        QVERIFY(valueOn(*conn, QStringLiteral("SELECT set_config('TimeZone', ?, false)"),
            {QString::fromLatin1(sessionZone)})
                    .isValid());
        QVERIFY(valueOn(*conn,
            QStringLiteral("SELECT finalizar_execucao_cron('sgp_sync_inteligente', "
                           "'success', NULL, 1)"))
                    .isValid());
        const QDateTime next
            = db->scalar(QStringLiteral("SELECT next_run_tz FROM cron_jobs")).toDateTime();
        const QDateTime now = db->scalar(QStringLiteral("SELECT NOW()")).toDateTime();
        const QDateTime expected = CronExpression::parse(QStringLiteral("0 3 * * *"))
                                       ->nextAfter(now, QTimeZone("America/Sao_Paulo"));
        QCOMPARE(next.toUTC(), expected.toUTC());
        QCOMPARE(expected.toUTC().time(), QTime(6, 0)); // 03:00 in São Paulo (no DST since 2019)
        // next_run, the seed's local time, is that instant in the writer's zone.
        QCOMPARE(
            valueOn(*conn,
                QStringLiteral("SELECT next_run = (next_run_tz AT TIME ZONE ?) FROM cron_jobs"),
                {QString::fromLatin1(sessionZone)})
                .toBool(),
            true);
    }
}

void TestPlatformFunctions::sqlCronAgreesWithCpp()
{
    QString error;
    auto db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(db, qPrintable(error));
    auto conn = db->connect();
    ExpressionGenerator generator(20261201);
    const char *const zoneIds[]
        = {"UTC", "America/New_York", "Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe",
            "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Europe/London"};
    const qint64 start = QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 end = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    constexpr int cases = 300;
    int compared = 0;
    int nearTransition = 0;
    QSqlQuery query(conn->handle());
    QVERIFY(query.prepare(QStringLiteral("SELECT cron_console_cron_next(?, $2, $3::timestamptz)")));
    for (int n = 0; n < cases; ++n) {
        const GeneratedExpression generated = generator.next();
        const QTimeZone zone{QByteArray(zoneIds[generator.bounded(int(std::size(zoneIds)))])};
        qint64 afterSecs = start + generator.bounded64(end - start);
        if (generator.bounded(2) && zone.hasTransitions()) {
            const auto transition
                = zone.nextTransition(QDateTime::fromSecsSinceEpoch(afterSecs, Qt::UTC));
            if (transition.atUtc.isValid()) {
                afterSecs = transition.atUtc.toSecsSinceEpoch() - generator.bounded64(2 * 86400);
                ++nearTransition;
            }
        }
        const auto parsed = CronExpression::parse(generated.text);
        QVERIFY(parsed);
        QDateTime after = QDateTime::fromSecsSinceEpoch(afterSecs, Qt::UTC);
        for (int run = 0; run < 3; ++run) {
            const QDateTime cpp = parsed->nextAfter(after, zone);
            query.bindValue(0, generated.text);
            query.bindValue(1, QString::fromLatin1(zone.id()));
            query.bindValue(2, after.toString(Qt::ISODateWithMs));
            QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
            const QDateTime sql = query.value(0).toDateTime();
            const QString what = QStringLiteral("\"%1\" in %2 after %3: C++ %4, SQL %5")
                                     .arg(generated.text, QString::fromLatin1(zone.id()),
                                         after.toString(Qt::ISODate), cpp.toString(Qt::ISODate),
                                         sql.toUTC().toString(Qt::ISODate));
            QVERIFY2(cpp.isValid() == !query.value(0).isNull(), qPrintable(what));
            if (!cpp.isValid())
                break;
            QVERIFY2(sql.toUTC() == cpp.toUTC(), qPrintable(what));
            ++compared;
            after = cpp;
        }
    }
    qInfo("SQL and C++ agree on %d fire times of %d random expressions (%d near a DST transition)",
        compared, cases, nearTransition);
    QVERIFY(compared > cases);
}

void TestPlatformFunctions::ddlWaitsBrieflyForThePlatformsLocks()
{
    auto db = platformDatabase(QString());
    QVERIFY(db);
    // A platform transaction holds cron_jobs (a long report, say) while migrate runs; meanwhile
    // the platform keeps querying the table.
    auto holder = db->connect(QStringLiteral("platform-holder"));
    QVERIFY(valueOn(*holder, QStringLiteral("BEGIN")).isValid());
    QVERIFY(valueOn(*holder, QStringLiteral("SELECT count(*) FROM cron_jobs")).isValid());

    std::atomic<bool> migrated{false};
    QString migrateError;
    std::thread migrating([&] {
        auto conn = db->connect(QStringLiteral("migrate"));
        Migrator migrator(*conn);
        const auto applied = migrator.migrate();
        if (!applied)
            migrateError = applied.error().message;
        migrated = true;
    });
    auto platform = db->connect(QStringLiteral("platform"));
    qint64 longest = 0;
    QElapsedTimer held;
    held.start();
    // The holder keeps its lock for 6 s; each platform query must not wait behind the ALTER TABLE
    // for longer than its lock_timeout (1 s) and a little.
    while (held.elapsed() < 6000) {
        QElapsedTimer one;
        one.start();
        QVERIFY(valueOn(*platform, QStringLiteral("SELECT count(*) FROM cron_jobs")).isValid());
        longest = qMax(longest, one.elapsed());
        QThread::msleep(100);
    }
    QVERIFY(!migrated); // still trying: the lock is held
    QVERIFY(valueOn(*holder, QStringLiteral("COMMIT")).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(migrated.load(), 60000);
    migrating.join();
    qInfo("longest platform query while migrate waited for the lock: %lld ms", longest);
    QVERIFY2(migrateError.isEmpty(), qPrintable(migrateError));
    QVERIFY2(longest < 1800, qPrintable(QString::number(longest)));
    auto conn = db->connect();
    QVERIFY(Migrator(*conn).checkUpToDate().ok());
}

QTEST_GUILESS_MAIN(TestPlatformFunctions)
#include "tst_platformfunctions.moc"
