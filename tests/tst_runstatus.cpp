// ultimo_status read in one place (RunStatus); statuses of other writers kept as written
// (issue 13, point 6).

#include "core/domain/jobrules.h"
#include "core/domain/runstatus.h"
#include "ui/dialogs/resetdialog.h"
#include "ui/jobs/jobtablemodel.h"

#include <QApplication>
#include <QTest>

class TestRunStatus final : public QObject {
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void unknownStatusShownAsWritten();
    void runningDrivesTheState();
};

void TestRunStatus::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RunStatus>("status");
    QTest::newRow("null") << QString() << RunStatus::None;
    QTest::newRow("empty") << QStringLiteral("") << RunStatus::None;
    QTest::newRow("pending") << QStringLiteral("pending") << RunStatus::Pending;
    QTest::newRow("running") << QStringLiteral("running") << RunStatus::Running;
    QTest::newRow("success") << QStringLiteral("success") << RunStatus::Success;
    QTest::newRow("error") << QStringLiteral("error") << RunStatus::Error;
    QTest::newRow("other case") << QStringLiteral("Running") << RunStatus::Other;
    QTest::newRow("platform's own") << QStringLiteral("skipped_by_platform") << RunStatus::Other;
}

void TestRunStatus::parses()
{
    QFETCH(QString, text);
    QFETCH(RunStatus, status);
    QCOMPARE(runStatusFromText(text), status);
    Job job;
    job.lastStatus = text;
    QCOMPARE(job.runStatus(), status);
    if (status != RunStatus::None && status != RunStatus::Other)
        QCOMPARE(runStatusText(status), text); // what the runners write back
    else
        QVERIFY(runStatusText(status).isEmpty());
}

void TestRunStatus::unknownStatusShownAsWritten()
{
    const QDateTime now = QDateTime(QDate(2025, 1, 22), QTime(10, 30), Qt::UTC);
    Job job;
    job.id = 1;
    job.name = QStringLiteral("platform_job");
    job.lastStatus = QStringLiteral("skipped_by_platform");
    job.lastRun = now.addSecs(-3600);
    job.nextRun = now.addSecs(3600);
    QCOMPARE(JobRules::state(job, now), JobState::Pending);
    const ResetDialog dialog(job, now);
    QVERIFY2(dialog.holderText().contains(QStringLiteral("skipped_by_platform")),
        qPrintable(dialog.holderText()));
}

void TestRunStatus::runningDrivesTheState()
{
    const QDateTime now = QDateTime(QDate(2025, 1, 22), QTime(10, 30), Qt::UTC);
    Job job;
    job.lastStatus = runStatusText(RunStatus::Running);
    job.runningSince = now.addSecs(-60);
    job.leaseExpiresAt = now.addSecs(60);
    QCOMPARE(JobRules::state(job, now), JobState::Running);
    QVERIFY(JobRules::hasLiveLease(job, now));
    job.leaseExpiresAt = now.addSecs(-1);
    QCOMPARE(JobRules::state(job, now), JobState::Stuck);
    QVERIFY(!JobRules::hasLiveLease(job, now));
}

QTEST_MAIN(TestRunStatus)
#include "tst_runstatus.moc"
