// JobTableModel: a well-behaved model, updated in place (selection survives every refresh).
#include "ui/jobs/jobfilterproxy.h"
#include "ui/jobs/jobsview.h"
#include "ui/jobs/jobtablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

class TestJobTableModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void loadsRowsAndColumns();
    void updatesInPlaceKeepingSelection();
    void addsAndRemovesPrecisely();
    void singleUpdatesAndRemovals();
    void statesAndCountdowns();
    void aBoundaryIsOneSignalPerBlock();
    void onlyTheSelectedRowsChangesRefreshTheSelection();
    void sortsByRawValues();
    void proxySortsEveryColumnAsItsRawValue();

private:
    static Job job(qint64 id, const QString &name, int hours = 12);
    QList<Job> threeJobs() const;

    const QDateTime m_now = QDateTime(QDate(2025, 1, 22), QTime(10, 30), Qt::UTC);
    JobTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

Job TestJobTableModel::job(qint64 id, const QString &name, int hours)
{
    Job job;
    job.id = id;
    job.name = name;
    job.description = QStringLiteral("about ") + name;
    job.intervalHours = hours;
    job.lastStatus = QStringLiteral("success");
    job.lastRun = QDateTime(QDate(2025, 1, 22), QTime(8, 0), Qt::UTC);
    job.nextRun = job.lastRun.addSecs(hours * 3600);
    job.rowVersion = 1;
    return job;
}

QList<Job> TestJobTableModel::threeJobs() const
{
    return {job(1, QStringLiteral("alpha")), job(2, QStringLiteral("bravo"), 6),
        job(3, QStringLiteral("charlie"), 24)};
}

void TestJobTableModel::init()
{
    m_model = new JobTableModel(this);
    m_model->setClock([this] { return m_now; });
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestJobTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestJobTableModel::loadsRowsAndColumns()
{
    m_model->setJobs(threeJobs());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(JobTableModel::ColumnCount));
    QCOMPARE(m_model->index(1, JobTableModel::Name).data().toString(), QStringLiteral("bravo"));
    QCOMPARE(
        m_model->index(0, JobTableModel::Schedule).data().toString(), QStringLiteral("every 12 h"));
    QCOMPARE(m_model->index(0, JobTableModel::Status).data().toString(), QStringLiteral("success"));
    QVERIFY(!m_model->index(0, JobTableModel::Status).data(Qt::DecorationRole).isNull());
    QCOMPARE(
        m_model->index(0, JobTableModel::LastRun).data().toString(), QStringLiteral("2 h ago"));
    QCOMPARE(m_model->index(0, JobTableModel::NextRun).data().toString(),
        QStringLiteral("in 9 h 30 min"));
    QVERIFY(!m_model->index(0, JobTableModel::LastRun).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestJobTableModel::updatesInPlaceKeepingSelection()
{
    m_model->setJobs(threeJobs());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(JobTableModel::SortRole);
    proxy.sort(JobTableModel::Name);
    QItemSelectionModel selection(&proxy);
    selection.select(proxy.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(proxy.index(1, 0), QItemSelectionModel::NoUpdate);

    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    QList<Job> jobs = threeJobs();
    jobs[1].lastStatus = QStringLiteral("error");
    jobs[1].rowVersion = 2;
    for (Job &job : jobs)
        job.readAt = m_now; // a reload reads every row again: not a change
    m_model->setJobs(jobs);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(m_model->index(1, JobTableModel::Status).data().toString(), QStringLiteral("error"));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("bravo"));
}

void TestJobTableModel::addsAndRemovesPrecisely()
{
    m_model->setJobs(threeJobs());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(JobTableModel::SortRole);
    proxy.sort(JobTableModel::Name);
    QItemSelectionModel selection(&proxy);
    selection.select(proxy.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    // bravo goes, delta and echo arrive.
    m_model->setJobs({job(1, QStringLiteral("alpha")), job(3, QStringLiteral("charlie"), 24),
        job(4, QStringLiteral("delta")), job(5, QStringLiteral("echo"))});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(removed.first().at(2).toInt(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(inserted.first().at(2).toInt(), 3);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOfId(4), 2);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("charlie"));

    m_model->setJobs({}); // everything removed, still without a reset
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestJobTableModel::singleUpdatesAndRemovals()
{
    m_model->setJobs(threeJobs());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    Job updated = threeJobs().at(2);
    updated.active = false;
    m_model->updateJob(updated);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(
        m_model->index(2, JobTableModel::Status).data().toString(), QStringLiteral("disabled"));
    m_model->updateJob(updated); // the same again: nothing to signal
    QCOMPARE(changed.size(), 1);
    m_model->updateJob(job(9, QStringLiteral("zulu")));
    QCOMPARE(m_model->rowCount(), 4);
    m_model->removeJob(QStringLiteral("alpha"));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOfId(9), 2);
    m_model->removeJob(QStringLiteral("nobody"));
    QCOMPARE(m_model->rowCount(), 3);
}

void TestJobTableModel::statesAndCountdowns()
{
    Job running = job(1, QStringLiteral("running"));
    running.lastStatus = QStringLiteral("running");
    running.runningSince = m_now.addSecs(-600);
    running.leaseOwner = QStringLiteral("runner-a:1");
    running.leaseExpiresAt = m_now.addSecs(60);
    Job stuck = running;
    stuck.id = 2;
    stuck.name = QStringLiteral("stuck");
    stuck.leaseExpiresAt = m_now.addSecs(-60);
    Job due = job(3, QStringLiteral("due"));
    due.nextRun = m_now.addSecs(-5);
    Job error = job(4, QStringLiteral("error"));
    error.lastStatus = QStringLiteral("error");
    Job disabled = job(5, QStringLiteral("disabled"));
    disabled.active = false;
    Job never = job(6, QStringLiteral("never"));
    never.lastRun = {};
    m_model->setJobs({running, stuck, due, error, disabled, never});
    const QStringList expected
        = {QStringLiteral("running"), QStringLiteral("stuck"), QStringLiteral("due now"),
            QStringLiteral("error"), QStringLiteral("disabled"), QStringLiteral("due now")};
    for (int row = 0; row < expected.size(); ++row)
        QCOMPARE(m_model->index(row, JobTableModel::Status).data().toString(), expected.at(row));
    QCOMPARE(
        m_model->index(0, JobTableModel::Runner).data().toString(), QStringLiteral("runner-a:1"));
    QCOMPARE(m_model->index(5, JobTableModel::LastRun).data().toString(), QStringLiteral("never"));
}

// At a minute boundary every job of `* * * * *` turns due at the same tick. One signal per
// block of such rows, not one per row: per row, each of ten consoles re-sorted, recounted and
// refreshed its details a thousand times at the boundary (issue 15).
void TestJobTableModel::aBoundaryIsOneSignalPerBlock()
{
    QDateTime now = m_now;
    m_model->setClock([&now] { return now; });
    QList<Job> jobs;
    for (int i = 0; i < 1000; ++i) {
        Job next = job(i + 1, QStringLiteral("bench_%1").arg(i, 4, 10, QLatin1Char('0')));
        next.nextRun = m_now.addSecs(i == 500 ? 3600 : 30); // row 500 is not due yet
        jobs << next;
    }
    m_model->setJobs(jobs);
    QCOMPARE(m_model->countInState(JobState::DueNow), 0);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy ticked(m_model, &JobTableModel::countdownsTicked);
    now = m_now.addSecs(31);
    m_model->tick();
    QCOMPARE(m_model->countInState(JobState::DueNow), 999);
    QCOMPARE(changed.size(), 2); // rows 0-499, rows 501-999
    QCOMPARE(ticked.size(), 1); // and the countdowns of all, without a dataChanged
    const auto rows = [&](int signal) {
        return std::pair(changed.at(signal).at(0).toModelIndex().row(),
            changed.at(signal).at(1).toModelIndex().row());
    };
    QCOMPARE(rows(0), std::pair(0, 499));
    QCOMPARE(rows(1), std::pair(501, 999));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), JobTableModel::ColumnCount - 1);
    // The next tick changes no state: the countdowns only, which change no row's data (a
    // dataChanged over every row had each console's proxy, tray and counts walk them all).
    now = now.addSecs(1);
    changed.clear();
    ticked.clear();
    m_model->tick();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(ticked.size(), 1);
}

// The actions and the details follow the selected job: a change to another row does not redo
// them (a burst's blocks of rows each did, in every console).
void TestJobTableModel::onlyTheSelectedRowsChangesRefreshTheSelection()
{
    m_model->setJobs(threeJobs());
    JobsView view(m_model);
    QSignalSpy refreshed(&view, &JobsView::selectionChanged);
    const int bravo = view.proxy()->mapFromSource(m_model->index(1, 0)).row();
    view.table()->selectRow(bravo);
    QVERIFY(!refreshed.isEmpty());
    refreshed.clear();
    Job alpha = threeJobs().at(0);
    alpha.lastStatus = QStringLiteral("error");
    alpha.rowVersion = 2;
    m_model->updateJobs({alpha});
    QCOMPARE(refreshed.size(), 0);
    Job changed = threeJobs().at(1);
    changed.lastStatus = QStringLiteral("error");
    changed.rowVersion = 2;
    m_model->updateJobs({changed});
    QCOMPARE(refreshed.size(), 1);
}

void TestJobTableModel::sortsByRawValues()
{
    m_model->setJobs(threeJobs());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(JobTableModel::SortRole);
    proxy.sort(JobTableModel::Schedule);
    QCOMPARE(proxy.index(0, JobTableModel::Name).data().toString(), QStringLiteral("bravo"));
    QCOMPARE(proxy.index(2, JobTableModel::Name).data().toString(), QStringLiteral("charlie"));
}

void TestJobTableModel::proxySortsEveryColumnAsItsRawValue()
{
    // The console's proxy compares rows without QVariants; the order must stay the one the
    // SortRole values give (strings without regard to case, as the proxy is set up).
    QList<Job> jobs;
    const QStringList names{QStringLiteral("delta"), QStringLiteral("Alpha"),
        QStringLiteral("charlie"), QStringLiteral("Bravo"), QStringLiteral("echo"),
        QStringLiteral("foxtrot")};
    for (int i = 0; i < names.size(); ++i) {
        Job one = job(i + 1, names.at(i), 1 + (i * 7) % 24);
        one.description = i % 2 ? names.at(i).toUpper() : names.at(i);
        one.totalRuns = (i * 5) % 4;
        one.lastDurationSeconds = i % 3 ? std::optional<int>(i * 10) : std::nullopt;
        one.leaseOwner = i % 2 ? QStringLiteral("Runner-%1").arg(i) : QString();
        one.lastStatus = i % 3 == 0 ? QStringLiteral("error") : QStringLiteral("success");
        one.active = i != 4;
        if (i == 5) {
            one.lastStatus = QStringLiteral("running");
            one.runningSince = m_now.addSecs(-60);
            one.leaseExpiresAt = m_now.addSecs(60);
        }
        one.lastRun = m_now.addSecs(-600 * (i + 1));
        one.nextRun = m_now.addSecs(300 * ((i * 3) % 6) - 100);
        jobs << one;
    }
    m_model->setJobs(jobs);
    JobFilterProxy proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(JobTableModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    const auto after = [](const QVariant &a, const QVariant &b) {
        if (a.metaType().id() == QMetaType::QString)
            return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) > 0;
        return QVariant::compare(a, b) == QPartialOrdering::Greater;
    };
    for (int column = 0; column < JobTableModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            for (int row = 1; row < proxy.rowCount(); ++row) {
                QVariant earlier = proxy.index(row - 1, column).data(JobTableModel::SortRole);
                QVariant later = proxy.index(row, column).data(JobTableModel::SortRole);
                if (order == Qt::DescendingOrder)
                    std::swap(earlier, later);
                QVERIFY2(!after(earlier, later),
                    qPrintable(QStringLiteral("column %1, %2 order, row %3: %4 before %5")
                                   .arg(column)
                                   .arg(order == Qt::AscendingOrder ? "ascending" : "descending")
                                   .arg(row)
                                   .arg(earlier.toString(), later.toString())));
            }
        }
    }
    // Not vacuous: the names really were reordered, without regard to case.
    proxy.sort(JobTableModel::Name);
    QCOMPARE(proxy.index(0, JobTableModel::Name).data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(proxy.index(1, JobTableModel::Name).data().toString(), QStringLiteral("Bravo"));
}

QTEST_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
