// Issue 16 (item 14): a job's description and name edited through the store and cronctl on both
// backends, audited in tenant_logs as the other admin actions are; renaming refused while the job
// runs, onto a taken name, with a bad name, and from a stale view.
#include "core/domain/historyentry.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
const QString seedJob = QStringLiteral("sgp_sync_inteligente");
}

class TestJobEdits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void setDescriptionIsAudited();
    void renameIsAudited();
    void renameRefusals();
    void cronctlCommands();

private:
    QJsonObject lastAudit(const QString &action) const;
    int runCronctl(const QStringList &args, QByteArray *out = nullptr) const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
};

void TestJobEdits::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestJobEdits::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestJobEdits::cleanup()
{
    m_conn.reset();
    m_db.reset();
}

QJsonObject TestJobEdits::lastAudit(const QString &action) const
{
    const QString text
        = m_db->scalar(QStringLiteral("SELECT CAST(detalhes AS TEXT) FROM tenant_logs WHERE acao = "
                                      "'%1' ORDER BY id DESC LIMIT 1")
                           .arg(action))
              .toString();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

int TestJobEdits::runCronctl(const QStringList &args, QByteArray *out) const
{
    QProcess cronctl;
    cronctl.start(
        QStringLiteral(CRONCTL_PATH), QStringList{QStringLiteral("--db"), m_db->url()} + args);
    cronctl.waitForFinished(60000);
    if (out)
        *out = cronctl.readAllStandardOutput() + cronctl.readAllStandardError();
    return cronctl.exitCode();
}

void TestJobEdits::setDescriptionIsAudited()
{
    JobStore store(*m_conn);
    const Job before = *store.job(seedJob);
    ActionOptions options;
    options.expectedVersion = before.rowVersion;
    options.reason = QStringLiteral("documenting");
    const auto outcome
        = store.setDescription(seedJob, QStringLiteral("  Sincroniza o SGP  "), options);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QVERIFY(outcome->changed);
    QCOMPARE(outcome->job.description, QStringLiteral("Sincroniza o SGP"));
    QCOMPARE(outcome->job.rowVersion, before.rowVersion + 1);
    const QJsonObject audit = lastAudit(QStringLiteral("cron_admin_set_description"));
    QCOMPARE(audit.value(QStringLiteral("job")).toString(), seedJob);
    QCOMPARE(audit.value(QStringLiteral("reason")).toString(), QStringLiteral("documenting"));
    QCOMPARE(audit.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("descricao"))
                 .toString(),
        QStringLiteral("Sincroniza o SGP"));
    // The same text again writes nothing.
    const auto again = store.setDescription(seedJob, QStringLiteral("Sincroniza o SGP"));
    QVERIFY(again && !again->changed);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'cron_admin_set_description'"))
                 .toInt(),
        1);
    // Empty clears it.
    QVERIFY(store.setDescription(seedJob, QString()));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT descricao FROM cron_jobs")).isNull());
}

void TestJobEdits::renameIsAudited()
{
    JobStore store(*m_conn);
    const Job before = *store.job(seedJob);
    ActionOptions options;
    options.expectedVersion = before.rowVersion;
    const auto outcome = store.rename(seedJob, QStringLiteral("sgp_sync"), options);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QVERIFY(outcome->changed);
    QCOMPARE(outcome->job.name, QStringLiteral("sgp_sync"));
    QCOMPARE(outcome->job.id, before.id);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT nome FROM cron_jobs")).toString(),
        QStringLiteral("sgp_sync"));
    const QJsonObject audit = lastAudit(QStringLiteral("cron_admin_rename"));
    QCOMPARE(audit.value(QStringLiteral("job")).toString(), QStringLiteral("sgp_sync"));
    QCOMPARE(audit.value(QStringLiteral("nome_anterior")).toString(), seedJob);
    QCOMPARE(audit.value(QStringLiteral("nome_novo")).toString(), QStringLiteral("sgp_sync"));
    // The audit row is in the renamed job's history.
    HistoryQuery query;
    query.job = QStringLiteral("sgp_sync");
    query.limit = 10;
    const auto history = store.history(query);
    QVERIFY(history);
    QVERIFY(std::any_of(history->cbegin(), history->cend(), [](const HistoryEntry &entry) {
        return entry.action == QLatin1String("cron_admin_rename");
    }));
}

void TestJobEdits::renameRefusals()
{
    JobStore store(*m_conn);
    QVERIFY(store.addJob({QStringLiteral("other"), QString(), 6, true}));
    const auto taken = store.rename(seedJob, QStringLiteral("other"));
    QVERIFY(!taken);
    QCOMPARE(taken.error().kind, Error::Kind::Conflict);
    QVERIFY2(taken.error().message.contains(QStringLiteral("already exists")),
        qPrintable(taken.error().message));

    const auto bad = store.rename(seedJob, QStringLiteral(" padded"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Error::Kind::InvalidInput);

    ActionOptions stale;
    stale.expectedVersion = store.job(seedJob)->rowVersion - 1;
    const auto old = store.rename(seedJob, QStringLiteral("fresh_name"), stale);
    QVERIFY(!old);
    QVERIFY2(old.error().message.contains(QStringLiteral("changed by someone else")),
        qPrintable(old.error().message));

    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running' WHERE nome = '%1'")
            .arg(seedJob)));
    const auto running = store.rename(seedJob, QStringLiteral("fresh_name"));
    QVERIFY(!running);
    QCOMPARE(running.error().kind, Error::Kind::Conflict);
    QVERIFY2(running.error().message.contains(QStringLiteral("is running")),
        qPrintable(running.error().message));
    // Nothing was renamed nor audited.
    QCOMPARE(
        m_db->scalar(
                QStringLiteral("SELECT COUNT(*) FROM cron_jobs WHERE nome = '%1'").arg(seedJob))
            .toInt(),
        1);
    QCOMPARE(m_db->scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_admin_rename'"))
                 .toInt(),
        0);
}

void TestJobEdits::cronctlCommands()
{
    QByteArray out;
    QCOMPARE(runCronctl({QStringLiteral("set-description"), seedJob, QStringLiteral("Texto novo"),
                            QStringLiteral("--reason"), QStringLiteral("why")},
                 &out),
        0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT descricao FROM cron_jobs")).toString(),
        QStringLiteral("Texto novo"));
    QCOMPARE(lastAudit(QStringLiteral("cron_admin_set_description"))
                 .value(QStringLiteral("reason"))
                 .toString(),
        QStringLiteral("why"));
    QCOMPARE(runCronctl({QStringLiteral("rename"), seedJob, QStringLiteral("renamed")}, &out), 0);
    QVERIFY2(out.contains("renamed sgp_sync_inteligente to renamed"), out.constData());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT nome FROM cron_jobs")).toString(),
        QStringLiteral("renamed"));
    QCOMPARE(runCronctl(
                 {QStringLiteral("rename"), QStringLiteral("renamed"), QStringLiteral(" x")}, &out),
        2);
    // An unknown job is the caller's mistake, as for every other command (exit 2).
    QCOMPARE(
        runCronctl({QStringLiteral("rename"), QStringLiteral("nope"), QStringLiteral("x")}, &out),
        2);
    QVERIFY2(out.contains("nope"), out.constData());
    QCOMPARE(runCronctl({QStringLiteral("rename"), QStringLiteral("renamed")}, &out), 2); // usage
}

QTEST_GUILESS_MAIN(TestJobEdits)
#include "tst_jobedits.moc"
