// The console's run views (issue 14): the Output tab shows a running job's output as it arrives,
// stderr marked; the History pane's Runs tab lists the runs; Abort run is offered for a running
// job only. Real runner processes, SQLite and PostgreSQL.
#include "core/client/runclient.h"
#include "core/domain/job.h"
#include "support/runnerprocesses.h"
#include "support/testdatabase.h"
#include "ui/actions/abortrunaction.h"
#include "ui/details/runoutputview.h"
#include "ui/history/runsview.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

class TestRunViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void outputViewFollowsARunningJob();
};

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

QTEST_MAIN(TestRunViews)
#include "tst_runviews.moc"
