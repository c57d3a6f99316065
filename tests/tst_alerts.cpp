// The console's side of issue 17: the overdue display state and count in the job model, the
// tray's attention count, and the pause-all banner fed by a real database on both backends.
#include "core/client/jobclient.h"
#include "core/store/jobstore.h"
#include "core/store/pausestore.h"
#include "support/testdatabase.h"
#include "ui/common/statusstyle.h"
#include "ui/jobs/jobtablemodel.h"
#include "ui/mainwindow/alerttray.h"
#include "ui/mainwindow/pausebanner.h"

#include <QAction>
#include <QLabel>
#include <QTest>
#include <QWidget>

class TestAlerts : public QObject {
    Q_OBJECT
private slots:
    void overdueStateAndCount();
    void trayCountsFailingStuckOverdue();
    void pauseBannerInEveryConsole_data();
    void pauseBannerInEveryConsole();

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    Job job(qint64 id, const QString &name) const
    {
        Job job;
        job.id = id;
        job.name = name;
        job.intervalHours = 1;
        job.lastStatus = QStringLiteral("success");
        job.lastRun = m_now.addSecs(-7200);
        job.nextRun = m_now.addSecs(600);
        job.rowVersion = 1;
        job.readAt = m_now;
        return job;
    }
};

void TestAlerts::overdueStateAndCount()
{
    JobTableModel model;
    model.setClock([this] { return m_now; });
    Job late = job(1, QStringLiteral("late"));
    late.nextRun = m_now.addSecs(-301); // due for longer than the default 300 s
    Job due = job(2, QStringLiteral("due"));
    due.nextRun = m_now.addSecs(-60);
    Job patient = job(3, QStringLiteral("patient"));
    patient.nextRun = m_now.addSecs(-3000);
    patient.overdueAfterSeconds = 3600;
    model.setJobs({late, due, patient, job(4, QStringLiteral("later"))});
    QCOMPARE(model.index(0, JobTableModel::Status).data().toString(), QStringLiteral("overdue"));
    QCOMPARE(model.stateAt(0), JobState::Overdue);
    QCOMPARE(model.index(1, JobTableModel::Status).data().toString(), QStringLiteral("due now"));
    QCOMPARE(model.index(2, JobTableModel::Status).data().toString(), QStringLiteral("due now"));
    QCOMPARE(model.countInState(JobState::Overdue), 1);
    QVERIFY(StatusStyle::color(JobState::Overdue) != StatusStyle::color(JobState::DueNow));
    QVERIFY(!model.index(0, JobTableModel::Status).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestAlerts::trayCountsFailingStuckOverdue()
{
    QWidget window;
    JobTableModel model;
    model.setClock([this] { return m_now; });
    AlertTray tray(&model, &window);
    Job failing = job(1, QStringLiteral("failing"));
    failing.lastStatus = QStringLiteral("error");
    failing.alertState = QStringLiteral("failing");
    Job retrying = job(2, QStringLiteral("retrying")); // failed, a retry pending: not yet
    retrying.lastStatus = QStringLiteral("error");
    retrying.retryAt = m_now.addSecs(30);
    Job stuck = job(3, QStringLiteral("stuck"));
    stuck.lastStatus = QStringLiteral("running");
    stuck.runningSince = m_now.addSecs(-600);
    stuck.leaseOwner = QStringLiteral("r:1");
    stuck.leaseExpiresAt = m_now.addSecs(-60);
    Job overdue = job(4, QStringLiteral("overdue"));
    overdue.nextRun = m_now.addSecs(-900);
    model.setJobs({failing, retrying, stuck, overdue, job(5, QStringLiteral("fine"))});
    QTRY_COMPARE(tray.attentionCount(), 3);
    QCOMPARE(tray.summary(),
        QStringLiteral("Jobs needing attention: 3 (1 failing, 1 stuck, 1 overdue)"));
    failing.lastStatus = QStringLiteral("success");
    failing.alertState.clear();
    model.updateJob(failing);
    QTRY_COMPARE(tray.attentionCount(), 2);
}

void TestAlerts::pauseBannerInEveryConsole_data()
{
    TestDatabase::addBackendRows();
}

void TestAlerts::pauseBannerInEveryConsole()
{
    QFETCH(Backend, backend);
    QString error;
    const auto db = TestDatabase::create(backend, &error);
    QVERIFY2(db, qPrintable(error));
    // Two consoles on one database; one pauses, both show the banner.
    JobClient first(db->spec());
    JobClient second(db->spec());
    PauseBanner firstBanner;
    PauseBanner secondBanner;
    firstBanner.setClient(&first);
    secondBanner.setClient(&second);
    first.start();
    second.start();
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), JobClient::State::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), JobClient::State::Connected, 20000);
    QVERIFY(!firstBanner.isPaused());
    QVERIFY(firstBanner.toggleAction()->isEnabled());

    bool done = false;
    first.setPaused(true, QStringLiteral("backup window"), this, [&](const Result<bool> &changed) {
        QVERIFY(changed && *changed);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(firstBanner.isPaused(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(secondBanner.isPaused(), 15000);
    QVERIFY2(secondBanner.text().contains(QStringLiteral("backup window")),
        qPrintable(secondBanner.text()));
    QVERIFY(secondBanner.toggleAction()->text().contains(QStringLiteral("Resume")));
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                       "'cron_admin_pause_all'"))
                 .toInt(),
        1);

    done = false;
    second.setPaused(false, {}, this, [&](const Result<bool> &changed) {
        QVERIFY(changed && *changed);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!firstBanner.isPaused(), 15000);
    QVERIFY(firstBanner.isHidden());
}

QTEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
