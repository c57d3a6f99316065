// Safe reset and run-now (issue 11, G5): a reset under a live lease is refused unless forced; a
// forced reset fences the holder and keeps everyone (our runners and the seed's functions) off
// the job until the old lease's expiry; a stuck job resets as before; run-now never starts a
// second copy. On SQLite and PostgreSQL, through the store, cronctl and the console's dialog.
#include "core/db/database.h"
#include "core/domain/jobrules.h"
#include "core/runner/leasestore.h"
#include "core/store/jobstore.h"
#include "support/testdatabase.h"
#include "tst_consolefixture.h"
#include "ui/dialogs/resetdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace {

const QString jobName = QStringLiteral("sgp_sync_inteligente");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestReset : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void refusedUnderLiveLease();
    void forcedResetHoldsEveryoneBackUntilExpiry();
    void stuckJobsResetWithoutForce();
    void runNowNeverStartsASecondCopy();
    void cronctlRefusesAndForces();
    void dialogOffersForceNamingHolder();
    void consoleRefusesThenForces();

private:
    bool isPostgres() const { return m_db->spec().backend == Backend::PostgreSQL; }
    // The seed's functions where they exist (PostgreSQL); true on SQLite, which has none.
    bool seedMayStart();
    int audits();
    QJsonObject lastAudit();
    Run cronctl(const QStringList &args);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_conn;
};

void TestReset::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestReset::initTestCase()
{
    ConsoleFixture::isolate();
}

void TestReset::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    if (!m_db)
        QFAIL(qPrintable(error));
    m_conn = m_db->connect();
    QVERIFY(m_conn);
}

void TestReset::cleanup()
{
    m_conn.reset();
    m_db.reset();
}

bool TestReset::seedMayStart()
{
    if (!isPostgres())
        return false;
    const bool due
        = m_db->scalar(QStringLiteral("SELECT deve_executar_cron('%1')").arg(jobName)).toBool();
    const bool started
        = m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('%1')").arg(jobName)).toBool();
    return due || started;
}

int TestReset::audits()
{
    return m_db
        ->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = 'cron_admin_reset'"))
        .toInt();
}

QJsonObject TestReset::lastAudit()
{
    const QString column
        = isPostgres() ? QStringLiteral("detalhes::text") : QStringLiteral("detalhes");
    return QJsonDocument::fromJson(
        m_db->scalar(QStringLiteral("SELECT %1 FROM tenant_logs WHERE acao = 'cron_admin_reset' "
                                    "ORDER BY id DESC LIMIT 1")
                         .arg(column))
            .toString()
            .toUtf8())
        .object();
}

Run TestReset::cronctl(const QStringList &args)
{
    QProcess process;
    process.start(
        QStringLiteral(CRONCTL_PATH), QStringList{QStringLiteral("--db"), m_db->url()} + args);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestReset::refusedUnderLiveLease()
{
    LeaseStore runner(*m_conn, QStringLiteral("runner-a:1"), 30);
    const auto claims = runner.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    JobStore store(*m_conn);
    const auto before = store.job(jobName);
    const auto refused = store.reset(jobName);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Conflict);
    QVERIFY2(refused.error().message.contains(QLatin1String("runner-a:1")),
        qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QLatin1String("--force")),
        qPrintable(refused.error().message));
    // Nothing changed, nothing audited, the holder still holds it.
    auto after = store.job(jobName);
    after.value().readAt = before->readAt;
    QCOMPARE(*after, *before);
    QCOMPARE(audits(), 0);
    QVERIFY(runner.renew(claims->first()).value().has_value());
}

void TestReset::forcedResetHoldsEveryoneBackUntilExpiry()
{
    LeaseStore holder(*m_conn, QStringLiteral("runner-a:1"), 3);
    const auto claims = holder.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    const Claim claim = claims->first();
    JobStore store(*m_conn);
    ActionOptions options;
    options.force = true;
    options.reason = QStringLiteral("stuck action");
    const auto outcome = store.reset(jobName, options);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->job.lastStatus, QStringLiteral("pending"));
    QCOMPARE(outcome->job.leaseToken, claim.token + 1); // the holder is fenced off
    QCOMPARE(outcome->job.claimableAfter, claim.leaseExpiresAt);
    QVERIFY(JobRules::isHeldBack(outcome->job, outcome->job.readAt));
    QVERIFY(!JobRules::shouldRun(outcome->job, outcome->job.readAt));
    // A runner looks again at the end of the hold-back, not in a loop before it.
    QCOMPARE(JobRules::claimableFrom(outcome->job, outcome->job.readAt), claim.leaseExpiresAt);
    const QJsonObject audit = lastAudit();
    QCOMPARE(audit.value(QStringLiteral("forced")).toBool(), true);
    QCOMPARE(audit.value(QStringLiteral("reason")).toString(), QStringLiteral("stuck action"));
    QCOMPARE(
        audit.value(QStringLiteral("before")).toObject().value(QStringLiteral("ultimo_status")),
        QJsonValue(QStringLiteral("running")));
    QVERIFY(audit.value(QStringLiteral("after"))
                .toObject()
                .contains(QStringLiteral("claimable_after")));

    // The holder learns it lost the job; its late result goes to the history only, never over
    // the reset job.
    QVERIFY(!holder.renew(claim).value().has_value());
    QCOMPARE(holder.finish(claim, ExecutionResult(), {})->fenced, true);
    // Nobody starts it while the holder may still be stopping: not another runner, not the
    // seed's functions, not after a run-now.
    QVERIFY(store.runNow(jobName).ok());
    LeaseStore other(*m_conn, QStringLiteral("runner-b:2"), 30);
    QCOMPARE(other.claimDue({jobName}, 1)->size(), 0);
    QVERIFY(!seedMayStart());
    // After the old lease's expiry the job is free again, within a second.
    QElapsedTimer timer;
    timer.start();
    QList<Claim> taken;
    while (taken.isEmpty() && timer.elapsed() < 10000) {
        taken = other.claimDue({jobName}, 1).value();
        if (taken.isEmpty())
            QTest::qWait(20);
    }
    QCOMPARE(taken.size(), 1);
    const qint64 late = claim.leaseExpiresAt.msecsTo(taken.first().job.readAt);
    QVERIFY2(late >= 0 && late <= 1000, qPrintable(QString::number(late)));
    QVERIFY(!store.job(jobName)->claimableAfter.isValid()); // cleared by the claim
}

void TestReset::stuckJobsResetWithoutForce()
{
    JobStore store(*m_conn);
    const bool pg = isPostgres();
    auto ago = [pg](int minutes) {
        return pg
            ? QStringLiteral("NOW() - INTERVAL '%1 minutes'").arg(minutes)
            : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', '-%1 minutes')").arg(minutes);
    };
    // A dead runner's expired lease.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                      "lease_owner = 'dead:1', running_since = %1, "
                                      "lease_expires_at = %2")
                           .arg(ago(10), ago(1))));
    auto outcome = store.reset(jobName);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QVERIFY(!outcome->job.claimableAfter.isValid());
    QCOMPARE(lastAudit().value(QStringLiteral("forced")).toBool(true), false);
    LeaseStore runner(*m_conn, QStringLiteral("runner-b:2"), 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 1); // free at once
    QVERIFY(store.reset(jobName, ActionOptions{{}, {}, true}).ok());

    // The seed's 2-hour case, and a platform run without a lease (the seed's rule holds it).
    for (int minutes : {180, 10}) {
        QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                          "running_since = %1, lease_owner = NULL, "
                                          "lease_expires_at = NULL, claimable_after = NULL")
                               .arg(ago(minutes))));
        outcome = store.reset(jobName);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->job.lastStatus, QStringLiteral("pending"));
        QVERIFY(!outcome->job.claimableAfter.isValid());
    }
}

void TestReset::runNowNeverStartsASecondCopy()
{
    LeaseStore runner(*m_conn, QStringLiteral("runner-a:1"), 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 1);
    JobStore store(*m_conn);
    const auto refused = store.runNow(jobName);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Conflict);
    QVERIFY(refused.error().message.contains(QLatin1String("runner-a:1")));
    LeaseStore other(*m_conn, QStringLiteral("runner-b:2"), 30);
    QCOMPARE(other.claimDue({jobName}, 1)->size(), 0);
    QVERIFY(!seedMayStart());
    if (isPostgres()) {
        // Started by the seed's platform (no lease): run-now is refused there too.
        QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'pending', "
                                          "next_run = NOW()")));
        QVERIFY(m_db->scalar(QStringLiteral("SELECT iniciar_execucao_cron('%1')").arg(jobName))
                    .toBool());
        QVERIFY(!store.runNow(jobName).ok());
        QCOMPARE(other.claimDue({jobName}, 1)->size(), 0);
        QVERIFY(!seedMayStart());
    }
}

void TestReset::cronctlRefusesAndForces()
{
    LeaseStore runner(*m_conn, QStringLiteral("runner-a:1"), 30);
    const auto claims = runner.claimDue({jobName}, 1);
    QCOMPARE(claims->size(), 1);
    Run run = cronctl({QStringLiteral("reset"), jobName});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.err.contains(QLatin1String("runner-a:1")) && run.err.contains(QLatin1String("--force")),
        qPrintable(run.err));
    QCOMPARE(audits(), 0);
    QCOMPARE(JobStore(*m_conn).job(jobName)->lastStatus, QStringLiteral("running"));

    run = cronctl({QStringLiteral("reset"), jobName, QStringLiteral("--force"),
        QStringLiteral("--reason"), QStringLiteral("hung")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("nobody starts it before")), qPrintable(run.out));
    const QString until = claims->first().leaseExpiresAt.toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(run.out.contains(until), qPrintable(run.out + QLatin1String(" / ") + until));
    QCOMPARE(audits(), 1);
    QCOMPARE(lastAudit().value(QStringLiteral("forced")).toBool(), true);
    QCOMPARE(JobStore(*m_conn).job(jobName)->lastStatus, QStringLiteral("pending"));
}

void TestReset::dialogOffersForceNamingHolder()
{
    LeaseStore runner(*m_conn, QStringLiteral("runner-a:1"), 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 1);
    const auto held = JobStore(*m_conn).job(jobName);
    {
        ResetDialog dialog(*held, held->readAt);
        QVERIFY(dialog.forceBox());
        QVERIFY2(dialog.forceBox()->text().contains(QLatin1String("runner-a:1")),
            qPrintable(dialog.forceBox()->text()));
        QVERIFY(dialog.holderText().contains(QLatin1String("refused unless you force")));
        QVERIFY(!dialog.force());
        dialog.forceBox()->setChecked(true);
        QVERIFY(dialog.force());
    }
    // Once the lease has expired (a dead runner) there is nothing to force.
    ResetDialog expired(*held, held->leaseExpiresAt.addSecs(1));
    QVERIFY(!expired.forceBox());
    QVERIFY(!expired.force());
}

void TestReset::consoleRefusesThenForces()
{
    using namespace ConsoleFixture;
    MessageBoxes::clearRecorded();
    LeaseStore runner(*m_conn, QStringLiteral("runner-a:1"), 30);
    QCOMPARE(runner.claimDue({jobName}, 1)->size(), 1);
    MainWindow window;
    window.openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    QSignalSpy finished(window.controller(), &JobActionController::actionFinished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(jobNamed(window, jobName)
            && jobNamed(window, jobName)->lastStatus == QLatin1String("running"),
        10000);
    window.jobsView()->selectJob(jobName);
    auto resetThroughDialog = [&](bool force) {
        QTRY_VERIFY(window.actions()->reset()->isEnabled());
        window.actions()->reset()->trigger();
        auto *dialog = window.findChild<ResetDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->forceBox());
        dialog->forceBox()->setChecked(force);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(finished.wait(10000) || !finished.isEmpty());
    };
    // Without Force: refused with the store's own words, the same as cronctl prints.
    resetThroughDialog(false);
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("runner-a:1"))
            && message.contains(QLatin1String("live lease")),
        qPrintable(message));
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QCOMPARE(MessageBoxes::recorded().first().text, message);
    QCOMPARE(audits(), 0);
    QCOMPARE(JobStore(*m_conn).job(jobName)->lastStatus, QStringLiteral("running"));
    // With Force: done, fenced and held back.
    finished.clear();
    resetThroughDialog(true);
    QCOMPARE(finished.first().at(0).toBool(), true);
    const auto after = JobStore(*m_conn).job(jobName);
    QCOMPARE(after->lastStatus, QStringLiteral("pending"));
    QVERIFY(JobRules::isHeldBack(*after, after->readAt));
    QCOMPARE(audits(), 1);
    QCOMPARE(lastAudit().value(QStringLiteral("forced")).toBool(), true);
}

QTEST_MAIN(TestReset)
#include "tst_reset.moc"
