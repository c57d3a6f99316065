// Actions on a multi-selection (issue 16, item 13): Enable/Disable, Run now and Reset act on
// every selected job they apply to, each audited, with one message naming them all.
#include "tst_consolefixture.h"

#include "ui/dialogs/resetdialog.h"
#include "ui/runners/runnerspanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTranslator>

using namespace ConsoleFixture;

class TestConsoleMulti : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void disableAndEnableSeveral();
    void runNowSeveral();
    void resetSeveral();
    void oneMessageNamesFailures();
    void resetSeveralNamesEachHolder();
    void resetSeveralForcesEachLiveHolder();

private:
    void selectJobs(const QStringList &names);
    int audits(const QString &action) const;
    // The last status message once `count` actionFinished arrived.
    QString waitForMessage();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_messages;
    std::unique_ptr<QSignalSpy> m_finished;
    QTranslator m_english;
};

void TestConsoleMulti::initTestCase_data()
{
    TestDatabase::addBackendRows();
}

void TestConsoleMulti::initTestCase()
{
    isolate();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "a and b"
    // As the console loads it: the English plurals ("are pending").
    QVERIFY(m_english.load(QStringLiteral(":/i18n/cron-console_en")));
    QCoreApplication::installTranslator(&m_english);
}

void TestConsoleMulti::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    MessageBoxes::clearRecorded();
    auto connection = m_db->connect();
    QVERIFY(connection);
    QSqlQuery insert(connection->handle());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES (?)")));
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
        insert.addBindValue(name);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    m_window = std::make_unique<MainWindow>();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_messages
        = std::make_unique<QSignalSpy>(m_window->controller(), &JobActionController::statusMessage);
    m_finished = std::make_unique<QSignalSpy>(
        m_window->controller(), &JobActionController::actionFinished);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 3), 10000);
}

void TestConsoleMulti::cleanup()
{
    m_messages.reset();
    m_finished.reset();
    m_window.reset();
    m_db.reset();
}

void TestConsoleMulti::selectJobs(const QStringList &names)
{
    QTableView *table = m_window->jobsView()->table();
    table->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, JobTableModel::Name);
        if (names.contains(index.data().toString()))
            table->selectionModel()->select(
                index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(m_window->jobsView()->selectedJobs().size(), names.size());
}

int TestConsoleMulti::audits(const QString &action) const
{
    auto connection = m_db->connect();
    QSqlQuery count(connection->handle());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = ?"));
    count.addBindValue(action);
    if (!count.exec() || !count.next())
        return -1;
    return count.value(0).toInt();
}

QString TestConsoleMulti::waitForMessage()
{
    if (!QTest::qWaitFor([this] { return m_finished->size() > 0; }, 10000))
        return QStringLiteral("(no answer)");
    return m_messages->isEmpty() ? QString() : m_messages->last().at(0).toString();
}

void TestConsoleMulti::disableAndEnableSeveral()
{
    selectJobs({QStringLiteral("alpha"), QStringLiteral("beta")});
    QVERIFY(m_window->actions()->disable()->isEnabled());
    m_window->actions()->disable()->trigger();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1); // one answer for the whole selection
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(message, QStringLiteral("Disabled alpha and beta"));
    QCOMPARE(audits(QStringLiteral("cron_admin_disable")), 2);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs WHERE ativo = FALSE")).toInt(),
        2);

    m_finished->clear();
    QTRY_VERIFY(m_window->actions()->enable()->isEnabled());
    m_window->actions()->enable()->trigger();
    QCOMPARE(waitForMessage(), QStringLiteral("Enabled alpha and beta"));
    QCOMPARE(audits(QStringLiteral("cron_admin_enable")), 2);
}

void TestConsoleMulti::runNowSeveral()
{
    // A runner that is up serves alpha and beta; nobody has sgp_sync_inteligente in a config.
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_runners (runner_name, host, pid, version, "
                                      "jobs) VALUES ('runner-a', 'host-a', 1, 'test', "
                                      "'[\"alpha\", \"beta\"]')")));
    auto *runners = m_window->findChild<RunnersPanel *>();
    QVERIFY(runners);
    bool seen = false;
    connect(m_window->client(), &JobClient::runnersLoaded, this,
        [&seen](const QList<RunnerInfo> &list) {
            seen = seen || std::any_of(list.cbegin(), list.cend(), [](const RunnerInfo &r) {
                return r.name == QLatin1String("runner-a");
            });
        });
    runners->refresh();
    QTRY_VERIFY(seen);
    selectJobs(
        {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("sgp_sync_inteligente")});
    QVERIFY(m_window->actions()->runNow()->isEnabled());
    m_window->actions()->runNow()->trigger();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1);
    QVERIFY2(message.contains(QLatin1String("alpha")) && message.contains(QLatin1String("beta"))
            && message.contains(QLatin1String("will run at the next runner check; "))
            && message.endsWith(QLatin1String("no runner that is up has sgp_sync_inteligente in "
                                              "its runner config; due jobs wait for one that has")),
        qPrintable(message));
    QCOMPARE(audits(QStringLiteral("cron_admin_run_now")), 3);
}

void TestConsoleMulti::resetSeveral()
{
    const bool pg = m_db->spec().backend == Backend::PostgreSQL;
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', running_since = %1 WHERE "
                       "nome IN ('alpha', 'beta')")
            .arg(pg ? QStringLiteral("NOW() - INTERVAL '3 hours'")
                    : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','-3 hours')"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, QStringLiteral("beta"))->lastStatus, QStringLiteral("running"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, QStringLiteral("alpha"))->lastStatus, QStringLiteral("running"), 5000);
    // The whole table selected: Reset takes the two stuck jobs only.
    selectJobs(
        {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("sgp_sync_inteligente")});
    QTRY_VERIFY(m_window->actions()->reset()->isEnabled());
    m_window->actions()->reset()->trigger();
    auto *dialog = m_window->findChild<ResetDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Reset 2 jobs"));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("host rebooted"));
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1);
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QVERIFY2(message == QLatin1String("alpha and beta are pending again")
            || message == QLatin1String("beta and alpha are pending again"),
        qPrintable(message));
    QCOMPARE(audits(QStringLiteral("cron_admin_reset")), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs WHERE ultimo_status = "
                                         "'pending'"))
                 .toInt(),
        2);
}

void TestConsoleMulti::oneMessageNamesFailures()
{
    selectJobs({QStringLiteral("alpha"), QStringLiteral("beta")});
    // beta changes behind the console's back: its version is stale, alpha's is not.
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome = 'beta'")));
    m_window->actions()->disable()->trigger();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1);
    QCOMPARE(m_finished->first().at(0).toBool(), false);
    QCOMPARE(message, QStringLiteral("Disabled alpha; 1 failed"));
    const auto boxes = MessageBoxes::recorded();
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(
        boxes.first().text.startsWith(QLatin1String("beta: ")), qPrintable(boxes.first().text));
}

// Issue 16: the multi-job Reset named no job ("Held by runner-a:2231…"), spoke of "the job",
// and titled its failure box with every job though only one failed.
void TestConsoleMulti::resetSeveralNamesEachHolder()
{
    const bool pg = m_db->spec().backend == Backend::PostgreSQL;
    const auto ago = [pg](int minutes) {
        return pg
            ? QStringLiteral("NOW() - INTERVAL '%1 minutes'").arg(minutes)
            : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','-%1 minutes')").arg(minutes);
    };
    // Two dead runners' jobs, their leases expired a minute ago.
    for (const auto &[job, holder] : {std::pair{"alpha", "runner-a:2231"}, {"beta", "runner-b:77"}})
        QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                          "lease_owner = '%1', running_since = %2, "
                                          "lease_expires_at = %3 WHERE nome = '%4'")
                               .arg(QLatin1String(holder), ago(180), ago(1), QLatin1String(job))));
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("beta")})
        QTRY_COMPARE_WITH_TIMEOUT(jobNamed(*m_window, name)->leaseOwner.isEmpty(), false, 5000);
    selectJobs(
        {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("sgp_sync_inteligente")});
    QTRY_VERIFY(m_window->actions()->reset()->isEnabled());
    m_window->actions()->reset()->trigger();
    auto *dialog = m_window->findChild<ResetDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->jobs().size(), 2);

    // One line per job, each naming the job and its holder.
    QStringList lines = dialog->holderText().split(u'\n');
    lines.sort();
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("alpha: Held by runner-a:2231, running for 3 h")),
        qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("beta: Held by runner-b:77, running for 3 h")),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QLatin1String("Its lease expired")), qPrintable(lines.at(1)));
    // The plural, on the label and the button; no Force (no live lease).
    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        texts << label->text();
    const QString all = texts.join(u'\n');
    QVERIFY2(all.contains(QLatin1String("Reset puts the 2 jobs back to pending. A runner still "
                                        "working on one of them can no longer record its result.")),
        qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("the job back")), qPrintable(all));
    QCOMPARE(
        dialog->buttons()->button(QDialogButtonBox::Ok)->text(), QStringLiteral("&Reset 2 jobs"));
    QVERIFY(!dialog->forceBox());

    // beta goes away before OK: its reset fails, alpha's does not. The box names beta alone.
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome = 'beta'")));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("host rebooted"));
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1);
    QCOMPARE(m_finished->first().at(0).toBool(), false);
    QCOMPARE(message, QStringLiteral("alpha is pending again; 1 failed"));
    const auto boxes = MessageBoxes::recorded();
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.first().title, QStringLiteral("Resetting beta failed"));
    QVERIFY2(
        boxes.first().text.startsWith(QLatin1String("beta: ")), qPrintable(boxes.first().text));
    QCOMPARE(audits(QStringLiteral("cron_admin_reset")), 1);
}

void TestConsoleMulti::resetSeveralForcesEachLiveHolder()
{
    // The dialog alone, on rows as the store reads them: two live leases and a lease-less run.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto running = [now](const char *name, const char *holder, int leaseMinutes) {
        Job job;
        job.name = QLatin1String(name);
        job.lastStatus = QStringLiteral("running");
        job.runningSince = now.addSecs(-600);
        job.readAt = now;
        if (holder) {
            job.leaseOwner = QLatin1String(holder);
            job.leaseExpiresAt = now.addSecs(leaseMinutes * 60);
        }
        return job;
    };
    ResetDialog dialog({running("alpha", "runner-a:1", 2), running("beta", "runner-b:2", 5),
                           running("gamma", nullptr, 0)},
        now);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Reset 3 jobs"));
    const QStringList lines = dialog.holderText().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("alpha: Held by runner-a:1,"))
            && lines.at(0).contains(QLatin1String("Its lease is valid until")),
        qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("beta: Held by runner-b:2,")),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(QLatin1String(
                 "gamma: Held by a program that does not identify itself (no lease)")),
        qPrintable(lines.at(2)));
    QVERIFY(dialog.forceBox());
    const QString force = dialog.forceBox()->text();
    QVERIFY2(force.startsWith(QLatin1String(
                 "&Force: fence off runner-a:1 on alpha and runner-b:2 on beta now; nobody starts "
                 "these jobs before their leases expire (the last at ")),
        qPrintable(force));
    QVERIFY(!dialog.force());
    dialog.forceBox()->setChecked(true);
    QVERIFY(dialog.force());

    // One job keeps its singular wording.
    ResetDialog single(running("alpha", "runner-a:1", 2), now);
    QCOMPARE(single.windowTitle(), QStringLiteral("Reset alpha"));
    QVERIFY2(single.holderText().startsWith(QLatin1String("Held by runner-a:1,")),
        qPrintable(single.holderText()));
    QCOMPARE(single.buttons()->button(QDialogButtonBox::Ok)->text(), QStringLiteral("&Reset job"));
    QVERIFY(single.forceBox()->text().startsWith(
        QLatin1String("&Force: fence off runner-a:1 now; nobody starts the job before")));

    // In Portuguese, the plural too.
    QTranslator portuguese;
    QVERIFY(portuguese.load(QStringLiteral(":/i18n/cron-console_pt_BR")));
    QCoreApplication::installTranslator(&portuguese);
    ResetDialog translated(
        {running("alpha", "runner-a:1", 2), running("beta", "runner-b:2", 5)}, now);
    QCoreApplication::removeTranslator(&portuguese);
    QCOMPARE(translated.windowTitle(), QStringLiteral("Resetar 2 jobs"));
    QCOMPARE(translated.buttons()->button(QDialogButtonBox::Ok)->text(),
        QStringLiteral("&Resetar 2 jobs"));
    // (The list's "and" is the locale's, English here.)
    const QString forced = translated.forceBox()->text();
    QVERIFY2(forced.startsWith(QStringLiteral("&Forçar: isolar runner-a:1 em alpha"))
            && forced.contains(QLatin1String("runner-b:2 em beta agora;")),
        qPrintable(forced));
}

QTEST_MAIN(TestConsoleMulti)
#include "tst_consolemulti.moc"
