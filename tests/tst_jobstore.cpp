// The store contract: every seed action behaves the same on PostgreSQL and on SQLite.
#include "core/db/database.h"
#include "core/domain/jobrules.h"
#include "core/store/auditwriter.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

class TestJobStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void defaultJobIsTheSeeds();
    void addValidatesAndAudits();
    void addRejectsDuplicatesAndBadValues_data();
    void addRejectsDuplicatesAndBadValues();
    void enableDisable();
    void updateIntervalRecomputesNextRun();
    void updateIntervalRejectsBadValues_data();
    void updateIntervalRejectsBadValues();
    void resetReleasesRunningJob();
    void runNow();
    void unknownJobChangesNothing();
    void staleViewIsRefused();
    void removeJob();
    void failedAuditLeavesJobUntouched();
    void historyPagesWithKeyset();
    void historyAssignsLegacyRowsToSeedJob();
    void rulesAgreeWithStoredState();

private:
    int auditCount(const QString &action = QString()) const;
    QJsonObject lastAudit() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_connection;
    std::unique_ptr<JobStore> m_store;
};

void TestJobStore::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestJobStore::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_connection = m_db->connect();
    QVERIFY(m_connection);
    m_store = std::make_unique<JobStore>(*m_connection);
}

void TestJobStore::cleanup()
{
    m_store.reset();
    m_connection.reset();
    m_db.reset();
}

int TestJobStore::auditCount(const QString &action) const
{
    const QString where = action.isEmpty() ? QStringLiteral("acao LIKE 'cron_admin_%'")
                                           : QStringLiteral("acao = '%1'").arg(action);
    return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE ") + where).toInt();
}

QJsonObject TestJobStore::lastAudit() const
{
    const QString text
        = m_db->scalar(QStringLiteral("SELECT CAST(detalhes AS TEXT) FROM tenant_logs "
                                      "ORDER BY id DESC LIMIT 1"))
              .toString();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

void TestJobStore::defaultJobIsTheSeeds()
{
    const auto jobs = m_store->listJobs();
    QVERIFY2(jobs.ok(), jobs.ok() ? "" : qPrintable(jobs.error().message));
    QCOMPARE(jobs->size(), 1);
    const Job &job = jobs->first();
    QCOMPARE(job.name, QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(job.intervalHours, 12);
    QVERIFY(job.active);
    QVERIFY(!job.lastRun.isValid());
    QCOMPARE(job.totalRuns, 0);
    QCOMPARE(job.successAction, QStringLiteral("sync_automatico_persistente"));
    QCOMPARE(job.errorAction, QStringLiteral("sync_automatico_erro"));
    // Never ran: due at once (the seed's second criterion).
    QVERIFY(JobRules::shouldRun(job, job.readAt));
    // The server's clock is the reference, and it is close to ours.
    QVERIFY(qAbs(job.readAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestJobStore::addValidatesAndAudits()
{
    const auto added
        = m_store->addJob({QStringLiteral("limpar_logs"), QStringLiteral("Limpa logs"), 24, false});
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QVERIFY(added->changed);
    QCOMPARE(added->job.name, QStringLiteral("limpar_logs"));
    QCOMPARE(added->job.description, QStringLiteral("Limpa logs"));
    QCOMPARE(added->job.intervalHours, 24);
    QVERIFY(!added->job.active);

    const auto fetched = m_store->job(QStringLiteral("limpar_logs"));
    QVERIFY(fetched.ok());
    QCOMPARE(fetched->id, added->job.id);

    QCOMPARE(auditCount(QStringLiteral("cron_admin_add")), 1);
    const QJsonObject audit = lastAudit();
    QCOMPARE(audit.value(QStringLiteral("job")).toString(), QStringLiteral("limpar_logs"));
    QVERIFY(audit.value(QStringLiteral("before")).isNull());
    QCOMPARE(audit.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("intervalo_horas"))
                 .toInt(),
        24);
    for (const char *key : {"db_user", "os_user", "host", "client"})
        QVERIFY2(!audit.value(QLatin1String(key)).toString().isEmpty(), key);
}

void TestJobStore::addRejectsDuplicatesAndBadValues_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("hours");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("duplicate") << "sgp_sync_inteligente" << qint64(12) << Error::Kind::Conflict
                               << "already exists";
    QTest::newRow("empty name") << "" << qint64(12) << Error::Kind::InvalidInput << "empty";
    QTest::newRow("101 characters") << QString(101, QLatin1Char('x')) << qint64(12)
                                    << Error::Kind::InvalidInput << "101 characters";
    QTest::newRow("padded name") << " x" << qint64(12) << Error::Kind::InvalidInput
                                 << "white space";
    QTest::newRow("control char") << "a\nb" << qint64(12) << Error::Kind::InvalidInput << "control";
    QTest::newRow("zero hours") << "ok" << qint64(0) << Error::Kind::InvalidInput << "1 to 8760";
    QTest::newRow("too many hours")
        << "ok" << qint64(8761) << Error::Kind::InvalidInput << "not 8761";
}

void TestJobStore::addRejectsDuplicatesAndBadValues()
{
    QFETCH(QString, name);
    QFETCH(qint64, hours);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, messagePart);
    const int before = auditCount();
    const auto added = m_store->addJob({name, QString(), hours, true});
    QVERIFY(!added.ok());
    QCOMPARE(added.error().kind, kind);
    QVERIFY2(added.error().message.contains(messagePart), qPrintable(added.error().message));
    QCOMPARE(auditCount(), before);
    QCOMPARE(m_store->listJobs()->size(), 1);
    // The limit itself is allowed.
    QVERIFY(m_store->addJob({QString(100, QLatin1Char('y')), QString(), 8760, true}).ok());
}

void TestJobStore::enableDisable()
{
    const QString name = QStringLiteral("sgp_sync_inteligente");
    auto outcome = m_store->setActive(name, false);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->changed);
    QVERIFY(!outcome->job.active);
    QVERIFY(!JobRules::shouldRun(outcome->job, outcome->job.readAt));
    QCOMPARE(auditCount(QStringLiteral("cron_admin_disable")), 1);
    QCOMPARE(lastAudit()
                 .value(QStringLiteral("before"))
                 .toObject()
                 .value(QStringLiteral("ativo"))
                 .toBool(),
        true);
    QCOMPARE(lastAudit()
                 .value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("ativo"))
                 .toBool(),
        false);

    // Already disabled: nothing to write, nothing audited.
    outcome = m_store->setActive(name, false);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome->changed);
    QCOMPARE(auditCount(QStringLiteral("cron_admin_disable")), 1);

    outcome = m_store->setActive(name, true);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->job.active);
    QCOMPARE(auditCount(QStringLiteral("cron_admin_enable")), 1);
}

void TestJobStore::updateIntervalRecomputesNextRun()
{
    const auto outcome = m_store->updateInterval(QStringLiteral("sgp_sync_inteligente"), 6);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->job.intervalHours, 6);
    // calcular_proximo_run(6): six hours after the server's now.
    const qint64 delta = outcome->job.readAt.secsTo(outcome->job.nextRun);
    QVERIFY2(qAbs(delta - 6 * 3600) < 30, qPrintable(QString::number(delta)));
    const QJsonObject audit = lastAudit();
    QCOMPARE(audit.value(QStringLiteral("before"))
                 .toObject()
                 .value(QStringLiteral("intervalo_horas"))
                 .toInt(),
        12);
    QCOMPARE(audit.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("intervalo_horas"))
                 .toInt(),
        6);
}

void TestJobStore::updateIntervalRejectsBadValues_data()
{
    QTest::addColumn<qint64>("hours");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("negative") << qint64(-3);
    QTest::newRow("over a year") << qint64(8761);
    QTest::newRow("huge") << (qint64(1) << 40);
}

void TestJobStore::updateIntervalRejectsBadValues()
{
    QFETCH(qint64, hours);
    const auto before = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    const auto outcome = m_store->updateInterval(QStringLiteral("sgp_sync_inteligente"), hours);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, Error::Kind::InvalidInput);
    QVERIFY(outcome.error().message.contains(QString::number(hours)));
    auto after = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    after.value().readAt = before->readAt;
    QCOMPARE(*after, *before);
    QCOMPARE(auditCount(), 0);
}

void TestJobStore::resetReleasesRunningJob()
{
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                      "lease_owner = 'host:1', lease_token = 7 "
                                      "WHERE nome = 'sgp_sync_inteligente'")));
    const auto running = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    QCOMPARE(running->lastStatus, QStringLiteral("running"));
    QVERIFY(running->runningSince.isValid());

    ActionOptions options;
    options.reason = QStringLiteral("runner host crashed");
    const auto outcome = m_store->reset(QStringLiteral("sgp_sync_inteligente"), options);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->job.lastStatus, QStringLiteral("pending"));
    QVERIFY(outcome->job.leaseOwner.isEmpty());
    QVERIFY(!outcome->job.runningSince.isValid());
    QCOMPARE(outcome->job.leaseToken, 8); // fenced: the old holder's token no longer matches
    const QJsonObject audit = lastAudit();
    QCOMPARE(
        audit.value(QStringLiteral("reason")).toString(), QStringLiteral("runner host crashed"));
    QCOMPARE(audit.value(QStringLiteral("before"))
                 .toObject()
                 .value(QStringLiteral("ultimo_status"))
                 .toString(),
        QStringLiteral("running"));
}

void TestJobStore::runNow()
{
    const QString name = QStringLiteral("sgp_sync_inteligente");
    // A job that ran and is not due for hours.
    QVERIFY(m_db->exec(m_db->spec().backend == Backend::PostgreSQL
            ? QStringLiteral("UPDATE cron_jobs SET last_run = NOW(), next_run = NOW() + INTERVAL "
                             "'5 hours', ultimo_status = 'success'")
            : QStringLiteral("UPDATE cron_jobs SET last_run = strftime('%Y-%m-%d %H:%M:%f','now'), "
                             "next_run = strftime('%Y-%m-%d %H:%M:%f','now','+5 hours'), "
                             "ultimo_status = 'success'")));
    QVERIFY(!JobRules::shouldRun(*m_store->job(name), m_store->job(name)->readAt));

    auto outcome = m_store->runNow(name);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QVERIFY(JobRules::shouldRun(outcome->job, outcome->job.readAt));
    QVERIFY(qAbs(outcome->job.nextRun.secsTo(outcome->job.readAt)) < 5);
    QCOMPARE(auditCount(QStringLiteral("cron_admin_run_now")), 1);

    // Disabled: refused, not silently ignored.
    QVERIFY(m_store->setActive(name, false).ok());
    outcome = m_store->runNow(name);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, Error::Kind::Conflict);
    QVERIFY(outcome.error().message.contains(QLatin1String("disabled")));

    // Running (not stuck): refused, says who holds it.
    QVERIFY(m_store->setActive(name, true).ok());
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                      "lease_owner = 'runner-a'")));
    outcome = m_store->runNow(name);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error().message.contains(QLatin1String("runner-a")));
    QCOMPARE(auditCount(QStringLiteral("cron_admin_run_now")), 1);
}

void TestJobStore::unknownJobChangesNothing()
{
    const QString ghost = QStringLiteral("nao_existe");
    const QList<Error> errors{m_store->setActive(ghost, true).error(),
        m_store->setActive(ghost, false).error(), m_store->updateInterval(ghost, 3).error(),
        m_store->reset(ghost).error(), m_store->runNow(ghost).error(),
        m_store->removeJob(ghost).error(), m_store->job(ghost).error()};
    for (const Error &error : errors) {
        QCOMPARE(error.kind, Error::Kind::NotFound);
        QVERIFY2(error.message.contains(ghost), qPrintable(error.message));
    }
    QCOMPARE(auditCount(), 0);
}

void TestJobStore::staleViewIsRefused()
{
    const QString name = QStringLiteral("sgp_sync_inteligente");
    const auto seen = m_store->job(name);
    QVERIFY(seen.ok());
    // Someone else changes the job meanwhile, by hand.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET intervalo_horas = 3 WHERE nome = "
                                      "'sgp_sync_inteligente'")));
    ActionOptions options;
    options.expectedVersion = seen->rowVersion;
    const auto outcome = m_store->setActive(name, false, options);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, Error::Kind::Conflict);
    QVERIFY2(outcome.error().message.contains(QLatin1String("changed by someone else")),
        qPrintable(outcome.error().message));
    QVERIFY(m_store->job(name)->active);
    QCOMPARE(m_store->job(name)->intervalHours, 3);
    QCOMPARE(auditCount(), 0);

    // With the current version it goes through.
    options.expectedVersion = m_store->job(name)->rowVersion;
    QVERIFY(m_store->setActive(name, false, options).ok());
}

void TestJobStore::removeJob()
{
    QVERIFY(m_store->addJob({QStringLiteral("temp"), QString(), 1, true}).ok());
    const auto removed = m_store->removeJob(QStringLiteral("temp"));
    QVERIFY(removed.ok());
    QCOMPARE(removed->job.name, QStringLiteral("temp"));
    QCOMPARE(m_store->job(QStringLiteral("temp")).error().kind, Error::Kind::NotFound);
    const QJsonObject audit = lastAudit();
    QCOMPARE(
        audit.value(QStringLiteral("before")).toObject().value(QStringLiteral("nome")).toString(),
        QStringLiteral("temp"));
    QVERIFY(audit.value(QStringLiteral("after")).isNull());
}

void TestJobStore::failedAuditLeavesJobUntouched()
{
    // Make every audit insert fail; the job change in the same transaction must roll back.
    if (m_db->spec().backend == Backend::PostgreSQL) {
        QVERIFY(m_db->exec(
            QStringLiteral("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           "RAISE EXCEPTION 'audit refused'; END $$")));
        QVERIFY(m_db->exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON tenant_logs "
                                          "FOR EACH ROW EXECUTE FUNCTION refuse()")));
    } else {
        QVERIFY(m_db->exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON tenant_logs "
                                          "BEGIN SELECT RAISE(ABORT, 'audit refused'); END")));
    }
    const auto before = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    const auto outcome = m_store->updateInterval(QStringLiteral("sgp_sync_inteligente"), 2);
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().message.contains(QLatin1String("audit refused")),
        qPrintable(outcome.error().message));
    auto after = m_store->job(QStringLiteral("sgp_sync_inteligente"));
    after.value().readAt = before->readAt;
    QCOMPARE(*after, *before);
    QVERIFY(!m_store->addJob({QStringLiteral("novo"), QString(), 1, true}).ok());
    QCOMPARE(m_store->job(QStringLiteral("novo")).error().kind, Error::Kind::NotFound);
}

void TestJobStore::historyPagesWithKeyset()
{
    const QString name = QStringLiteral("sgp_sync_inteligente");
    // 240 admin rows for the job, and unrelated tenant activity interleaved.
    for (int i = 0; i < 120; ++i) {
        QVERIFY(m_store->setActive(name, false).ok());
        QVERIFY(m_store->setActive(name, true).ok());
        if (i % 10 == 0)
            QVERIFY(AuditWriter::insert(*m_connection, QStringLiteral("login"),
                {{QStringLiteral("user"), QStringLiteral("maria")}})
                        .ok());
    }
    QVERIFY(m_store->addJob({QStringLiteral("outro"), QString(), 1, true}).ok());

    QList<HistoryEntry> all;
    HistoryQuery query;
    query.job = name;
    query.limit = 50;
    int pages = 0;
    for (;;) {
        const auto page = m_store->history(query);
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
        if (page->isEmpty())
            break;
        QVERIFY(page->size() <= 50);
        all += *page;
        query.cursor = HistoryCursor::after(page->constLast());
        ++pages;
    }
    QCOMPARE(all.size(), 240);
    QCOMPARE(pages, 5);
    QSet<qint64> ids;
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].job, name);
        QVERIFY(all[i].action.startsWith(QLatin1String("cron_admin_")));
        QVERIFY(!all[i].who.isEmpty());
        ids.insert(all[i].id.toLongLong());
        if (i > 0)
            QVERIFY(all[i - 1].id.toLongLong() > all[i].id.toLongLong());
    }
    QCOMPARE(ids.size(), 240);
    QCOMPARE(all.first().action, QStringLiteral("cron_admin_enable")); // newest first

    // All cron history: the other job's add is there, the logins are not.
    HistoryQuery everything;
    everything.limit = 1000;
    const auto page = m_store->history(everything);
    QCOMPARE(page->size(), 241);
    QCOMPARE(page->first().job, QStringLiteral("outro"));
}

void TestJobStore::historyAssignsLegacyRowsToSeedJob()
{
    // Rows the web platform wrote: no "job" key.
    QVERIFY(AuditWriter::insert(*m_connection, QStringLiteral("sync_automatico_persistente"),
        {{QStringLiteral("total_provedores"), 3}, {QStringLiteral("total_novos"), 10}})
                .ok());
    QVERIFY(AuditWriter::insert(*m_connection, QStringLiteral("sync_automatico_erro"),
        {{QStringLiteral("erro"), QStringLiteral("timeout")}})
                .ok());
    QVERIFY(AuditWriter::insert(*m_connection, QStringLiteral("outra_coisa"),
        {{QStringLiteral("job"), QStringLiteral("sgp_sync_inteligente")}})
                .ok());
    HistoryQuery query;
    query.job = QStringLiteral("sgp_sync_inteligente");
    const auto entries = m_store->history(query);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).action, QStringLiteral("sync_automatico_erro"));
    QCOMPARE(entries->at(1).action, QStringLiteral("sync_automatico_persistente"));
    QVERIFY(entries->at(1).detailsJson.contains("total_provedores"));
}

void TestJobStore::rulesAgreeWithStoredState()
{
    // The seed's four criteria, as the store reads them back.
    const bool pg = m_db->spec().backend == Backend::PostgreSQL;
    auto ago = [pg](int minutes) {
        return pg ? QStringLiteral("NOW() - INTERVAL '%1 minutes'").arg(minutes)
                  : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','%1%2 minutes')")
                        .arg(minutes < 0 ? QLatin1Char('+') : QLatin1Char('-'))
                        .arg(qAbs(minutes));
    };
    auto set = [&](const QString &assignments) {
        return m_db->exec(QStringLiteral("UPDATE cron_jobs SET ") + assignments
            + QStringLiteral(" WHERE nome = 'sgp_sync_inteligente'"));
    };
    auto due = [&] {
        const auto job = m_store->job(QStringLiteral("sgp_sync_inteligente"));
        return JobRules::shouldRun(*job, job->readAt);
    };
    QVERIFY(due()); // never ran
    QVERIFY(set(QStringLiteral("last_run = %1, next_run = %2, ultimo_status = 'success'")
                    .arg(ago(10), ago(-60))));
    QVERIFY(!due()); // next_run in an hour
    QVERIFY(set(QStringLiteral("next_run = %1").arg(ago(1))));
    QVERIFY(due()); // next_run passed
    QVERIFY(
        set(QStringLiteral("ativo = %1").arg(pg ? QStringLiteral("FALSE") : QStringLiteral("0"))));
    QVERIFY(!due()); // inactive
    QVERIFY(set(QStringLiteral("ativo = %1, ultimo_status = 'running', running_since = %2")
                    .arg(pg ? QStringLiteral("TRUE") : QStringLiteral("1"), ago(60))));
    QVERIFY(!due()); // running for an hour
    QVERIFY(set(QStringLiteral("running_since = %1").arg(ago(121))));
    QVERIFY(due()); // stuck: running for 2 hours or more
    QVERIFY(set(QStringLiteral("lease_expires_at = %1").arg(ago(-1))));
    QVERIFY(!due()); // a runner's live lease beats the 2-hour rule
    QVERIFY(set(QStringLiteral("lease_expires_at = %1").arg(ago(1))));
    QVERIFY(due()); // the lease expired: its runner died
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
