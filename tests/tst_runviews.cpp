// The console's run views (issue 14): the Output tab shows a running job's output as it arrives,
// stderr marked; the History pane's Runs tab lists the runs; Abort run is offered for a running
// job only; the History pane's duration chart reads the runs. Real runner processes, SQLite and
// PostgreSQL.
#include "core/client/runclient.h"
#include "core/db/database.h"
#include "core/db/sqldialect.h"
#include "core/domain/job.h"
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"
#include "ui/actions/abortrunaction.h"
#include "ui/common/relativetime.h"
#include "ui/details/runoutputview.h"
#include "ui/history/durationchart.h"
#include "ui/history/historypanel.h"
#include "ui/history/runsview.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QScatterSeries>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

class TestRunViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void outputViewFollowsARunningJob();
    void durationChartReadsRuns();
    void emptyViewsTellEarlierExecutions();
};

// The demo's jobs have counts from before run records: the Output and Runs tabs said "no runs
// yet" beside "Runs 42" in the table (walk-through, issue 16).
void TestRunViews::emptyViewsTellEarlierExecutions()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    auto db = TestDatabase::create(backend, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->exec(QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas, "
                                    "total_execucoes) VALUES ('old', 1, 42), ('new', 1, 0)")));
    RunClient client(db->spec());
    RunOutputView view;
    view.setClient(&client);
    Job job;
    job.name = QStringLiteral("old");
    job.totalRuns = 42;
    view.setJob(job);
    QTRY_VERIFY2_WITH_TIMEOUT(
        view.headerText().contains(QLatin1String("History lists its 42 earlier execution")),
        qPrintable(view.headerText()), 10000);
    QVERIFY2(!view.headerText().contains(QLatin1String("no runs")), qPrintable(view.headerText()));
    job.name = QStringLiteral("new");
    job.totalRuns = 0;
    view.setJob(job);
    QTRY_COMPARE_WITH_TIMEOUT(view.headerText(), QStringLiteral("new has not run yet."), 10000);

    RunsView runs;
    runs.setClient(&client);
    runs.show();
    runs.setJob(QStringLiteral("old"));
    QTRY_VERIFY_WITH_TIMEOUT(
        runs.statusText().contains(QLatin1String("lists executions recorded without one")), 10000);
}

void TestRunViews::outputViewFollowsARunningJob()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    auto db = TestDatabase::create(backend, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->exec(
        QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('shown', 1)")));
    RunnerProcesses runners;
    runners.start(QStringLiteral("A"), db->url(),
        runners.writeConfig(QJsonObject{{QStringLiteral("shown"),
                                RunnerProcesses::shell(QStringLiteral(
                                    "for i in $(seq 1 10); do echo out $i; echo bad $i >&2; "
                                    "sleep 0.3; done"))}},
            10));
    QTRY_COMPARE_WITH_TIMEOUT(db->scalar(QStringLiteral("SELECT status FROM cron_runs")).toString(),
        QStringLiteral("running"), 15000);

    RunClient client(db->spec());
    RunOutputView view;
    view.setClient(&client);
    view.show();
    Job job;
    job.name = QStringLiteral("shown");
    job.lastStatus = QStringLiteral("running");
    view.setJob(job);
    // Live: lines appear while the run goes on.
    QTRY_VERIFY_WITH_TIMEOUT(view.outputText().contains(QLatin1String("out 2")), 10000);
    QVERIFY(view.headerText().contains(QLatin1String("running")));
    QTRY_VERIFY_WITH_TIMEOUT(view.headerText().contains(QLatin1String("success"))
            && view.outputText().contains(QLatin1String("bad 10")),
        20000);
    // Every line once, stderr lines in the stderr colour.
    const auto *text = view.findChild<QPlainTextEdit *>();
    QVERIFY(text);
    int outLines = 0;
    int badLines = 0;
    for (QTextBlock block = text->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().isEmpty())
            continue;
        const QColor colour = block.begin().fragment().charFormat().foreground().color();
        if (block.text().startsWith(QLatin1String("bad "))) {
            ++badLines;
            QCOMPARE(colour, QColor(0xb0, 0x00, 0x20));
        } else {
            ++outLines;
            QVERIFY(colour != QColor(0xb0, 0x00, 0x20));
        }
    }
    QCOMPARE(outLines, 10);
    QCOMPARE(badLines, 10);

    // The Runs tab lists it; Abort run is for running jobs only.
    RunsView runs;
    runs.setClient(&client);
    runs.show();
    runs.setJob(QStringLiteral("shown"));
    QTRY_COMPARE_WITH_TIMEOUT(runs.tree()->topLevelItemCount(), 1, 10000);
    QCOMPARE(runs.tree()->topLevelItem(0)->text(6), QStringLiteral("success"));
    QCOMPARE(runs.tree()->topLevelItem(0)->text(4), QStringLiteral("A"));
    // Its duration as the history shows it (tenths under 10 s), not cut to whole seconds.
    const double measured
        = db->scalar(QStringLiteral("SELECT duration_seconds FROM cron_runs")).toDouble();
    QVERIFY2(measured > 2.5 && measured < 10, qPrintable(QString::number(measured)));
    QCOMPARE(runs.tree()->topLevelItem(0)->text(3), RelativeTime::runDuration(measured));
    QVERIFY2(
        view.headerText().contains(RelativeTime::runDuration(measured) + QLatin1String(" long")),
        qPrintable(view.headerText()));
    QWidget window;
    AbortRunAction abort(&window);
    abort.setClient(&client);
    job.lastStatus = QStringLiteral("success");
    abort.update({job}, true);
    QVERIFY(!abort.action()->isEnabled());
    job.lastStatus = QStringLiteral("running");
    abort.update({job}, true);
    QVERIFY(abort.action()->isEnabled());
    abort.update({job}, false); // read-only database
    QVERIFY(!abort.action()->isEnabled());
}

void TestRunViews::durationChartReadsRuns()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    auto db = TestDatabase::create(backend, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->exec(
        QStringLiteral("INSERT INTO cron_jobs (nome, intervalo_horas) VALUES ('charted', 1)")));
    const qint64 jobId = db->scalar(QStringLiteral("SELECT id FROM cron_jobs")).toLongLong();
    auto connection = db->connect();
    QVERIFY(connection);
    const SqlDialect &d = connection->dialect();
    const double now = QDateTime::currentSecsSinceEpoch();
    // Three runs, the second failed; none of them has a tenant_logs row but the last.
    QSqlQuery run(connection->handle());
    QVERIFY(run.prepare(
        QStringLiteral("INSERT INTO cron_runs (job_id, job_name, trigger, lease_token, started_at, "
                       "finished_at, status, duration_seconds) VALUES (?, 'charted', 'schedule', "
                       "?, %1, %2, ?, ?)")
            .arg(
                d.instantFromEpoch(QStringLiteral("?")), d.instantFromEpoch(QStringLiteral("?")))));
    const struct {
        double ago;
        const char *status;
        double seconds;
    } runs[] = {{3600, "success", 5}, {1800, "error", 7}, {600, "success", 9}};
    qint64 token = 0;
    for (const auto &row : runs) {
        run.addBindValue(jobId);
        run.addBindValue(++token);
        run.addBindValue(now - row.ago);
        run.addBindValue(now - row.ago + row.seconds);
        run.addBindValue(QString::fromLatin1(row.status));
        run.addBindValue(row.seconds);
        QVERIFY2(run.exec(), qPrintable(run.lastError().text()));
    }
    const qint64 lastRun = db->scalar(QStringLiteral("SELECT MAX(id) FROM cron_runs")).toLongLong();
    // tenant_logs: a row from before runs were recorded (counted), the last run's own row (the
    // run is counted, its row not a second time).
    QSqlQuery log(connection->handle());
    QVERIFY(log.prepare(QStringLiteral("INSERT INTO tenant_logs (acao, detalhes, created_at) "
                                       "VALUES ('cron_job_success', %1, %2)")
                            .arg(d.json(QStringLiteral("?")), d.fromEpoch(QStringLiteral("?")))));
    const QJsonObject older{{"job", "charted"}, {"status", "success"}, {"duracao_segundos", 4}};
    const QJsonObject own{{"job", "charted"}, {"status", "success"}, {"duracao_segundos", 9},
        {"cron_run_id", lastRun}};
    for (const auto &[details, ago] : {std::pair{older, 86400.0}, std::pair{own, 590.0}}) {
        log.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
        log.addBindValue(now - ago);
        QVERIFY2(log.exec(), qPrintable(log.lastError().text()));
    }

    RunClient client(db->spec());
    HistoryPanel panel(db->spec());
    panel.setRunClient(&client);
    panel.show();
    panel.setJob(QStringLiteral("charted"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.chart()->durationSeries()->count(), 4, 10000);
    QList<double> seconds;
    for (const QPointF &point : panel.chart()->durationSeries()->points())
        seconds << point.y();
    QCOMPARE(seconds, (QList<double>{4, 5, 7, 9})); // oldest first
    QCOMPARE(panel.chart()->errorSeries()->count(), 1);
    QCOMPARE(panel.chart()->errorSeries()->at(0).y(), 7.0); // the failed run, from cron_runs

    // A new run without a tenant_logs row appears at the next reload.
    run.addBindValue(jobId);
    run.addBindValue(++token);
    run.addBindValue(now - 60);
    run.addBindValue(now - 58);
    run.addBindValue(QStringLiteral("timeout"));
    run.addBindValue(2.0);
    QVERIFY2(run.exec(), qPrintable(run.lastError().text()));
    panel.setJob({});
    panel.setJob(QStringLiteral("charted"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.chart()->durationSeries()->count(), 5, 10000);
    QCOMPARE(panel.chart()->errorSeries()->count(), 2);
}

QTEST_MAIN(TestRunViews)
#include "tst_runviews.moc"
