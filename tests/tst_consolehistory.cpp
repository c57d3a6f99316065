// The History pane inside the console on both backends (issue 16, items 2 and 3): new runs show
// up without Refresh and the chart follows; another job starts at the newest rows; the pane
// recovers after its connection is lost; all activity has a Job column; a multi-selection shows
// the selected jobs' history; a deselection is not undone by the next reload; the Runs tab
// follows runs that start and end; a live run wider than the first page's rows widens their
// columns instead of being cut.
#include "tst_consolefixture.h"

#include "ui/history/durationchart.h"
#include "ui/history/historymodel.h"
#include "ui/history/historypanel.h"
#include "ui/history/runsview.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace ConsoleFixture;

class TestConsoleHistory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void newRunsAppearWithoutRefresh();
    void liveRunWidensItsColumns();
    void anotherJobStartsAtTheNewestRows();
    void recoversAfterLostConnection();
    void allActivityHasJobColumn();
    void multiSelectionShowsSelectedJobs();
    void deselectionStays();
    void runsTabIsLive();

private:
    void addJobs(const QStringList &names);
    void addRuns(const QString &job, int count, qint64 secondsAgo = 0);
    void openWindow();
    HistoryPanel *panel() const;
    QStringList shownJobs() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleHistory::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestConsoleHistory::initTestCase()
{
    isolate();
}

void TestConsoleHistory::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error)); // PostgreSQL unreachable: a failure, never a skip
    MessageBoxes::clearRecorded();
}

void TestConsoleHistory::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void TestConsoleHistory::addJobs(const QStringList &names)
{
    auto connection = m_db->connect();
    QVERIFY(connection);
    QSqlQuery insert(connection->handle());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES (?)")));
    for (const QString &name : names) {
        insert.addBindValue(name);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
}

// `count` successful runs of `job`, one a second up to `secondsAgo`, the way a runner logs them.
void TestConsoleHistory::addRuns(const QString &job, int count, qint64 secondsAgo)
{
    auto connection = m_db->connect();
    QVERIFY(connection);
    const SqlDialect &d = connection->dialect();
    QSqlQuery insert(connection->handle());
    QVERIFY(
        insert.prepare(QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                                      "VALUES ('cron_job_success', %1, %2)")
                           .arg(d.json(QStringLiteral("?")), d.fromEpoch(QStringLiteral("?")))));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = count; i >= 1; --i) {
        const QJsonObject details{
            {"job", job}, {"status", "success"}, {"duracao_segundos", 1.5 + i}, {"runner", "r1"}};
        insert.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson()));
        insert.addBindValue(now - secondsAgo - i);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
}

void TestConsoleHistory::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    const int jobs = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs")).toInt();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, jobs), 10000);
    QVERIFY(panel());
    panel()->setPollInterval(300);
    // The pane on screen: its poll runs only while it is visible.
    m_window->sideTabs()->setCurrentWidget(
        m_window->findChild<QWidget *>(QStringLiteral("historyTab")));
    QVERIFY(panel()->isVisible());
}

HistoryPanel *TestConsoleHistory::panel() const
{
    return m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
}

// The distinct jobs of the rows the pane shows.
QStringList TestConsoleHistory::shownJobs() const
{
    QStringList jobs;
    HistoryModel *model = panel()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString job = model->entryAt(row).job;
        if (!jobs.contains(job))
            jobs << job;
    }
    jobs.sort();
    return jobs;
}

void TestConsoleHistory::newRunsAppearWithoutRefresh()
{
    addJobs({QStringLiteral("alpha")});
    addRuns(QStringLiteral("alpha"), 3, 60);
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->chart()->durationSeries()->count(), 3, 5000);

    // A runner logs two runs and updates the job row: both appear on top, the chart follows.
    addRuns(QStringLiteral("alpha"), 2);
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET total_execucoes = 5 WHERE nome = 'alpha'")));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 5, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->chart()->durationSeries()->count(), 5, 5000);
    // Newest first still, and nothing twice.
    HistoryModel *model = panel()->model();
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->entryAt(row - 1).createdAt >= model->entryAt(row).createdAt);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->entryAt(row).id.toLongLong());
    QCOMPARE(ids.size(), 5);

    // A row no cron_jobs change announces comes with the poll.
    addRuns(QStringLiteral("alpha"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 6, 5000);
}

// The first page had only an admin row (no status, no duration): the columns were sized for it.
// A run that comes live has a status with its icon and a duration; they show whole ("s…" in
// pt_BR before).
void TestConsoleHistory::liveRunWidensItsColumns()
{
    addJobs({QStringLiteral("alpha")});
    {
        auto connection = m_db->connect();
        QVERIFY(connection);
        QSqlQuery insert(connection->handle());
        QVERIFY(
            insert.prepare(QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                                          "VALUES ('cron_admin_enable', %1, %2)")
                               .arg(connection->dialect().json(QStringLiteral("?")),
                                   connection->dialect().fromEpoch(QStringLiteral("?")))));
        insert.addBindValue(QStringLiteral("{\"job\": \"alpha\"}"));
        insert.addBindValue(QDateTime::currentSecsSinceEpoch() - 60); // before the run below
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 1, 5000);
    QTableView *view = panel()->view();
    addRuns(QStringLiteral("alpha"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 2, 5000);
    QCOMPARE(panel()->model()->entryAt(0).status, QStringLiteral("success"));
    for (const int column : {HistoryModel::StatusColumn, HistoryModel::DurationColumn}) {
        QTRY_VERIFY2_WITH_TIMEOUT(view->horizontalHeader()->sectionSize(column)
                >= static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column),
            qPrintable(QStringLiteral("column %1: %2 px for %3 px of text")
                           .arg(column)
                           .arg(view->horizontalHeader()->sectionSize(column))
                           .arg(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column))),
            3000);
    }
}

void TestConsoleHistory::anotherJobStartsAtTheNewestRows()
{
    addJobs({QStringLiteral("alpha"), QStringLiteral("beta")});
    addRuns(QStringLiteral("alpha"), 400, 3600);
    addRuns(QStringLiteral("beta"), 400);
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->model()->rowCount() >= 200, 5000);
    QTableView *view = panel()->view();
    view->scrollToBottom();
    QTRY_VERIFY(view->verticalScrollBar()->value() > 0);

    m_window->jobsView()->selectJob(QStringLiteral("beta"));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->model()->rowCount() > 0
            && panel()->model()->entryAt(0).job == QLatin1String("beta"),
        5000);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    QCOMPARE(view->rowAt(0), 0); // the newest row is the first one seen
}

void TestConsoleHistory::recoversAfterLostConnection()
{
    addJobs({QStringLiteral("alpha")});
    addRuns(QStringLiteral("alpha"), 2, 60);
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 2, 5000);
    auto *status = panel()->findChild<QLabel *>(QStringLiteral("historyStatus"));
    QVERIFY(status);

    QFETCH_GLOBAL(Backend, backend);
    if (backend == Backend::PostgreSQL) {
        // The server drops the history connection (a restart does the same to every backend):
        // the next read reconnects, no Refresh needed.
        QVERIFY(m_db->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                          "pg_stat_activity WHERE application_name LIKE "
                                          "'%console-history%'")));
        addRuns(QStringLiteral("alpha"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 3, 10000);
    }
    // The history cannot be read for a while (the table is away, as in a restore), then can.
    const int before = panel()->model()->rowCount();
    QVERIFY(m_db->exec(QStringLiteral("ALTER TABLE tenant_logs RENAME TO tenant_logs_away")));
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().contains(QLatin1String("Could not read the history")), 10000);
    // Said once, not "…history: reading the history: …"; wrapped, not widening the pane.
    QCOMPARE(status->text().count(QLatin1String("the history")), 1);
    QVERIFY(status->wordWrap());
    QVERIFY(m_db->exec(QStringLiteral("ALTER TABLE tenant_logs_away RENAME TO tenant_logs")));
    addRuns(QStringLiteral("alpha"), 1);
    // No Refresh: the poll reads again and the rows and status come back.
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), before + 1, 10000);
    QTRY_VERIFY(!status->text().contains(QLatin1String("Could not read")));
}

void TestConsoleHistory::allActivityHasJobColumn()
{
    addJobs({QStringLiteral("alpha"), QStringLiteral("beta")});
    addRuns(QStringLiteral("alpha"), 2);
    addRuns(QStringLiteral("beta"), 2);
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    QTRY_COMPARE_WITH_TIMEOUT(shownJobs(), QStringList{QStringLiteral("alpha")}, 5000);
    QTableView *view = panel()->view();
    QVERIFY(view->isColumnHidden(HistoryModel::JobColumn)); // one job: its name is the title

    m_window->jobsView()->table()->clearSelection();
    QTRY_COMPARE_WITH_TIMEOUT(
        shownJobs(), (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}), 5000);
    QVERIFY(!view->isColumnHidden(HistoryModel::JobColumn));
    QCOMPARE(panel()->model()->headerData(HistoryModel::JobColumn, Qt::Horizontal).toString(),
        QStringLiteral("Job"));
    QStringList cells;
    for (int row = 0; row < panel()->model()->rowCount(); ++row)
        cells << panel()->model()->index(row, HistoryModel::JobColumn).data().toString();
    QVERIFY2(cells.contains(QLatin1String("alpha")) && cells.contains(QLatin1String("beta")),
        qPrintable(cells.join(QLatin1Char(','))));
}

void TestConsoleHistory::multiSelectionShowsSelectedJobs()
{
    addJobs({QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")});
    addRuns(QStringLiteral("alpha"), 2);
    addRuns(QStringLiteral("beta"), 2);
    addRuns(QStringLiteral("gamma"), 2);
    openWindow();
    QTableView *table = m_window->jobsView()->table();
    table->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString name = table->model()->index(row, JobTableModel::Name).data().toString();
        if (name == QLatin1String("alpha") || name == QLatin1String("gamma"))
            table->selectionModel()->select(table->model()->index(row, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(m_window->jobsView()->selectedJobs().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(
        shownJobs(), (QStringList{QStringLiteral("alpha"), QStringLiteral("gamma")}), 5000);
    QCOMPARE(panel()->model()->rowCount(), 4);
    QVERIFY(!panel()->view()->isColumnHidden(HistoryModel::JobColumn));
}

void TestConsoleHistory::deselectionStays()
{
    addJobs({QStringLiteral("alpha")});
    openWindow();
    QTableView *table = m_window->jobsView()->table();
    QTRY_VERIFY(m_window->jobsView()->currentJob().has_value()); // the first row, at start
    table->clearSelection();
    table->selectionModel()->clearCurrentIndex();
    QVERIFY(!m_window->jobsView()->currentJob());

    // A change elsewhere reloads the list (SQLite: the data_version poll; PostgreSQL: NOTIFY).
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'changed' WHERE "
                                      "nome = 'alpha'")));
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, QStringLiteral("alpha"))->description, QStringLiteral("changed"), 5000);
    // A few more polls: still nothing selected.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'again' WHERE "
                                      "nome = 'alpha'")));
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, QStringLiteral("alpha"))->description, QStringLiteral("again"), 5000);
    QVERIFY(!m_window->jobsView()->currentJob());
    QVERIFY(table->selectionModel()->selectedRows().isEmpty());
}

void TestConsoleHistory::runsTabIsLive()
{
    addJobs({QStringLiteral("alpha")});
    openWindow();
    m_window->jobsView()->selectJob(QStringLiteral("alpha"));
    RunsView *runs = panel()->runsView();
    auto *tabs = qobject_cast<QTabWidget *>(runs->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(runs);
    QTRY_VERIFY_WITH_TIMEOUT(
        runs->findChild<QLabel *>()->text().contains(QLatin1String("No run records of")), 5000);

    // A runner starts a run (and the job row changes): it shows without Refresh, then its end.
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO cron_runs (job_id, job_name, trigger, runner, lease_token) "
        "SELECT id, nome, 'schedule', 'r1', 1 FROM cron_jobs WHERE nome = 'alpha'")));
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running' WHERE nome = 'alpha'")));
    QTRY_COMPARE_WITH_TIMEOUT(runs->tree()->topLevelItemCount(), 1, 5000);
    QCOMPARE(runs->tree()->topLevelItem(0)->text(6), QStringLiteral("running"));
    runs->tree()->setCurrentItem(runs->tree()->topLevelItem(0));
    const QString selected = runs->tree()->topLevelItem(0)->text(0);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_runs SET status = 'aborted'")));
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'error' WHERE nome = 'alpha'")));
    QTRY_COMPARE_WITH_TIMEOUT(
        runs->tree()->topLevelItem(0)->text(6), QStringLiteral("aborted"), 5000);
    // The reload kept the selection.
    QVERIFY(runs->tree()->currentItem());
    QCOMPARE(runs->tree()->currentItem()->text(0), selected);
}

QTEST_MAIN(TestConsoleHistory)
#include "tst_consolehistory.moc"
