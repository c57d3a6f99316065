// The console end to end on both backends: each action through its dialog changes the database
// and writes its audit row; outside changes show up; 10,000 jobs load without stalling the GUI.
#include "tst_consolefixture.h"

#include "ui/details/jobdetailsview.h"
#include "ui/dialogs/deletejobdialog.h"
#include "ui/dialogs/newjobdialog.h"
#include "ui/dialogs/resetdialog.h"
#include "ui/dialogs/scheduledialog.h"
#include "ui/dialogs/scheduleeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>

using namespace ConsoleFixture;

namespace {
const QString seedJob = QStringLiteral("sgp_sync_inteligente");
}

class TestConsole : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void showsTheJobs();
    void disableAndEnable();
    void runNow();
    void changeScheduleThroughDialog();
    void scheduleDialogValidates();
    void cronScheduleThroughDialog();
    void newJobWithCronSchedule();
    void resetShowsHolderAndAuditsReason();
    void newJobThroughDialog();
    void deleteRequiresTypedName();
    void staleViewShowsServerMessage();
    void serverRefusalShowsServerMessage();
    void outsideChangeShowsUp();
    void detailsShowResultAndError();
    void tenThousandJobsWithoutStall();

private:
    int audits(const QString &action) const;
    QString lastAuditDetails() const;
    void openWindow();
    void select(const QString &name);
    bool waitForAction();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_finished;
};

void TestConsole::initTestCase_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

void TestConsole::initTestCase()
{
    isolate();
}

void TestConsole::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    MessageBoxes::clearRecorded();
    openWindow();
}

void TestConsole::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_finished = std::make_unique<QSignalSpy>(
        m_window->controller(), &JobActionController::actionFinished);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 1), 10000);
}

void TestConsole::cleanup()
{
    m_finished.reset();
    m_window.reset();
    m_db.reset();
}

int TestConsole::audits(const QString &action) const
{
    return m_db
        ->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = '%1'").arg(action))
        .toInt();
}

QString TestConsole::lastAuditDetails() const
{
    return m_db
        ->scalar(QStringLiteral("SELECT CAST(detalhes AS TEXT) FROM tenant_logs ORDER BY id DESC "
                                "LIMIT 1"))
        .toString();
}

void TestConsole::select(const QString &name)
{
    m_window->jobsView()->selectJob(name);
    QCOMPARE(m_window->jobsView()->currentJob()->name, name);
}

bool TestConsole::waitForAction()
{
    return m_finished->wait(10000) || !m_finished->isEmpty();
}

void TestConsole::showsTheJobs()
{
    const Job *job = jobNamed(*m_window, seedJob);
    QVERIFY(job);
    QCOMPARE(m_window->model()->index(0, JobTableModel::Schedule).data().toString(),
        QStringLiteral("every 12 h"));
    QCOMPARE(m_window->model()->index(0, JobTableModel::Status).data().toString(),
        QStringLiteral("due now")); // never ran
    QVERIFY(m_window->banner()->isHidden());
    QVERIFY(m_window->actions()->newJob()->isEnabled());
    // The first row is selected at start.
    QTRY_VERIFY(m_window->jobsView()->currentJob().has_value());
}

void TestConsole::disableAndEnable()
{
    select(seedJob);
    QVERIFY(m_window->actions()->disable()->isEnabled());
    QVERIFY(!m_window->actions()->enable()->isEnabled());
    m_window->actions()->disable()->trigger();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->takeFirst().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs")).toBool(), false);
    QCOMPARE(audits(QStringLiteral("cron_admin_disable")), 1);
    QTRY_VERIFY(!jobNamed(*m_window, seedJob)->active);
    QTRY_VERIFY(m_window->actions()->enable()->isEnabled());
    QVERIFY(!m_window->actions()->disable()->isEnabled());
    // The selection survived the in-place update.
    QCOMPARE(m_window->jobsView()->selectedJobs().size(), 1);

    m_window->actions()->enable()->trigger();
    QVERIFY(waitForAction());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs")).toBool(), true);
    QCOMPARE(audits(QStringLiteral("cron_admin_enable")), 1);
}

void TestConsole::runNow()
{
    const bool pg = m_db->spec().backend == Backend::PostgreSQL;
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET last_run = %1, ultimo_status = "
                                      "'success', next_run = %2")
                           .arg(pg ? QStringLiteral("NOW()")
                                   : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now')"),
                               pg ? QStringLiteral("NOW() + INTERVAL '5 hours'")
                                  : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','+5 "
                                                   "hours')"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->index(0, JobTableModel::Status).data().toString(),
        QStringLiteral("success"), 5000);
    select(seedJob);
    QVERIFY(m_window->actions()->runNow()->isEnabled());
    m_window->actions()->runNow()->trigger();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(audits(QStringLiteral("cron_admin_run_now")), 1);
    QTRY_COMPARE(m_window->model()->index(0, JobTableModel::Status).data().toString(),
        QStringLiteral("due now"));
}

void TestConsole::changeScheduleThroughDialog()
{
    select(seedJob);
    m_window->actions()->changeSchedule()->trigger();
    auto *dialog = m_window->findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->hours(), 12);
    dialog->setHours(6);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT intervalo_horas FROM cron_jobs")).toInt(), 6);
    QCOMPARE(audits(QStringLiteral("cron_admin_update_interval")), 1);
    QTRY_COMPARE(m_window->model()->index(0, JobTableModel::Schedule).data().toString(),
        QStringLiteral("every 6 h"));
}

void TestConsole::scheduleDialogValidates()
{
    select(seedJob);
    m_window->actions()->changeSchedule()->trigger();
    auto *dialog = m_window->findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    QSpinBox *hours = dialog->hoursField();
    QCOMPARE(hours->minimum(), 1);
    QCOMPARE(hours->maximum(), 8760);
    hours->setFocus();
    QTest::keyClick(hours, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(hours, Qt::Key_Backspace); // nothing typed: not a number of hours
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::keyClicks(hours, QStringLiteral("8760"));
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!m_finished->wait(300));
    QCOMPARE(audits(QStringLiteral("cron_admin_update_interval")), 0);
}

void TestConsole::cronScheduleThroughDialog()
{
    select(seedJob);
    m_window->actions()->changeSchedule()->trigger();
    auto *dialog = m_window->findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    ScheduleEditor *editor = dialog->editor();
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(editor->intervalChoice()->isChecked());
    // The zone starts as the system's.
    QCOMPARE(editor->zoneId(), QString::fromLatin1(QTimeZone::systemTimeZoneId()));

    editor->cronChoice()->setChecked(true);
    QVERIFY(!ok->isEnabled()); // nothing typed yet
    QTest::keyClicks(editor->expressionField(), QStringLiteral("61 * * * *"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(editor->errorText(), QStringLiteral("Minute: 61 is outside 0-59"));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("scheduleError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Minute: 61 is outside 0-59"));

    editor->zoneField()->setCurrentText(QStringLiteral("Mars/Olympus_Mons"));
    editor->expressionField()->setText(QStringLiteral("0 3 * * 1-5"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(editor->errorText().contains(QLatin1String("Mars/Olympus_Mons")),
        qPrintable(editor->errorText()));

    editor->zoneField()->setCurrentText(QStringLiteral("America/Sao_Paulo"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    QCOMPARE(editor->previewLines().size(), 5);
    // Weekdays at 03:00 São Paulo time.
    for (const QString &line : editor->previewLines())
        QVERIFY2(line.contains(QLatin1String(" 03:00")), qPrintable(line));

    ok->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT cron_expression FROM cron_jobs")).toString(),
        QStringLiteral("0 3 * * 1-5"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT schedule_timezone FROM cron_jobs")).toString(),
        QStringLiteral("America/Sao_Paulo"));
    QCOMPARE(audits(QStringLiteral("cron_admin_set_schedule")), 1);
    QTRY_COMPARE(m_window->model()->index(0, JobTableModel::Schedule).data().toString(),
        QStringLiteral("0 3 * * 1-5 (America/Sao_Paulo)"));

    // Back to an interval through the same dialog: the cron schedule is dropped.
    m_finished->clear();
    m_window->actions()->changeSchedule()->trigger();
    QTRY_COMPARE(m_window->findChildren<ScheduleDialog *>().size(), 1);
    dialog = m_window->findChild<ScheduleDialog *>();
    QVERIFY(dialog->editor()->cronChoice()->isChecked());
    QCOMPARE(dialog->editor()->expression(), QStringLiteral("0 3 * * 1-5"));
    dialog->setHours(8);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QTRY_COMPARE(m_window->model()->index(0, JobTableModel::Schedule).data().toString(),
        QStringLiteral("every 8 h"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT cron_expression FROM cron_jobs")).isNull());
}

void TestConsole::newJobWithCronSchedule()
{
    m_window->actions()->newJob()->trigger();
    auto *dialog = m_window->findChild<NewJobDialog *>();
    QVERIFY(dialog);
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    dialog->nameField()->setText(QStringLiteral("relatorio_diario"));
    QVERIFY(ok->isEnabled());
    ScheduleEditor *editor = dialog->scheduleEditor();
    editor->setCron(QStringLiteral("@daily"), QStringLiteral("Europe/Berlin"));
    QVERIFY(ok->isEnabled());
    editor->expressionField()->setText(QStringLiteral("0 25 * * *"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(editor->errorText(), QStringLiteral("Hour: 25 is outside 0-23"));
    editor->expressionField()->setText(QStringLiteral("30 6 * * *"));
    QVERIFY(ok->isEnabled());
    ok->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT cron_expression FROM cron_jobs WHERE nome = "
                                         "'relatorio_diario'"))
                 .toString(),
        QStringLiteral("30 6 * * *"));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT schedule_timezone FROM cron_jobs WHERE nome = "
                                         "'relatorio_diario'"))
                 .toString(),
        QStringLiteral("Europe/Berlin"));
}

void TestConsole::resetShowsHolderAndAuditsReason()
{
    const bool pg = m_db->spec().backend == Backend::PostgreSQL;
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'running', "
                                      "lease_owner = 'runner-x:42', running_since = %1, "
                                      "lease_expires_at = %2")
                           .arg(pg ? QStringLiteral("NOW() - INTERVAL '3 hours'")
                                   : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','-3 "
                                                    "hours')"),
                               pg ? QStringLiteral("NOW() - INTERVAL '1 hour'")
                                  : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now','-1 "
                                                   "hours')"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->index(0, JobTableModel::Status).data().toString(),
        QStringLiteral("stuck"), 5000);
    select(seedJob);
    QTRY_VERIFY(m_window->actions()->reset()->isEnabled());
    m_window->actions()->reset()->trigger();
    auto *dialog = m_window->findChild<ResetDialog *>();
    QVERIFY(dialog);
    QVERIFY2(dialog->holderText().contains(QLatin1String("runner-x:42")),
        qPrintable(dialog->holderText()));
    QVERIFY2(dialog->holderText().contains(QLatin1String("3 h")), qPrintable(dialog->holderText()));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("runner host rebooted"));
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ultimo_status FROM cron_jobs")).toString(),
        QStringLiteral("pending"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT lease_owner FROM cron_jobs")).isNull());
    QCOMPARE(audits(QStringLiteral("cron_admin_reset")), 1);
    QVERIFY2(lastAuditDetails().contains(QLatin1String("runner host rebooted")),
        qPrintable(lastAuditDetails()));
}

void TestConsole::newJobThroughDialog()
{
    m_window->actions()->newJob()->trigger();
    auto *dialog = m_window->findChild<NewJobDialog *>();
    QVERIFY(dialog);
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->nameField(), QStringLiteral(" bad"));
    QVERIFY(!ok->isEnabled()); // leading space
    dialog->nameField()->setText(QStringLiteral("limpar_logs"));
    QVERIFY(ok->isEnabled());
    dialog->descriptionField()->setPlainText(QStringLiteral("Limpa logs antigos"));
    dialog->hoursField()->setValue(24);
    dialog->activeField()->setChecked(false);
    ok->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT intervalo_horas FROM cron_jobs WHERE nome = "
                                         "'limpar_logs'"))
                 .toInt(),
        24);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs WHERE nome = "
                                         "'limpar_logs'"))
                 .toBool(),
        false);
    QCOMPARE(audits(QStringLiteral("cron_admin_add")), 1);
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
}

void TestConsole::deleteRequiresTypedName()
{
    select(seedJob);
    m_window->actions()->deleteJob()->trigger();
    auto *dialog = m_window->findChild<DeleteJobDialog *>();
    QVERIFY(dialog);
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->confirmField(), QStringLiteral("sgp_sync"));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->confirmField(), QStringLiteral("_inteligente"));
    QVERIFY(ok->isEnabled());
    ok->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs")).toInt(), 0);
    QCOMPARE(audits(QStringLiteral("cron_admin_remove")), 1);
    QTRY_COMPARE(m_window->model()->rowCount(), 0);
}

void TestConsole::staleViewShowsServerMessage()
{
    select(seedJob);
    m_window->actions()->changeSchedule()->trigger();
    auto *dialog = m_window->findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    // Someone else changes the job while the dialog is open.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'changed elsewhere', "
                                      "row_version = row_version + 1")));
    dialog->setHours(3);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(waitForAction());
    QCOMPARE(m_finished->first().at(0).toBool(), false);
    QVERIFY2(m_finished->first().at(1).toString().contains(QLatin1String("changed by someone")),
        qPrintable(m_finished->first().at(1).toString()));
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QVERIFY(MessageBoxes::recorded().first().text.contains(QLatin1String("changed by someone")));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT intervalo_horas FROM cron_jobs")).toInt(), 12);
    QCOMPARE(audits(QStringLiteral("cron_admin_update_interval")), 0);
    // The row is brought up to date.
    QTRY_COMPARE(jobNamed(*m_window, seedJob)->description, QStringLiteral("changed elsewhere"));
}

void TestConsole::serverRefusalShowsServerMessage()
{
    // Disabled behind the console's back, run now is refused by the store.
    select(seedJob);
    JobAction action = JobAction::make(JobAction::Kind::RunNow, seedJob, std::nullopt);
    QVERIFY(
        m_db->exec(QStringLiteral("UPDATE cron_jobs SET ativo = %1")
                       .arg(m_db->spec().backend == Backend::PostgreSQL ? QStringLiteral("FALSE")
                                                                        : QStringLiteral("0"))));
    bool done = false;
    QString message;
    m_window->client()->perform(action, this, [&](const Result<ActionOutcome> &outcome) {
        done = true;
        message = outcome ? QString() : outcome.error().message;
    });
    QTRY_VERIFY(done);
    QVERIFY2(message.contains(QLatin1String("disabled")), qPrintable(message));
}

void TestConsole::outsideChangeShowsUp()
{
    // PostgreSQL: LISTEN/NOTIFY, within a second; SQLite: the poll.
    const int timeout = m_db->spec().backend == Backend::PostgreSQL ? 1000 : 2000;
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'via psql'")));
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, seedJob)->description, QStringLiteral("via psql"), timeout);
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO cron_jobs (nome) VALUES ('from_outside')")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 2, timeout);
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM cron_jobs WHERE nome = 'from_outside'")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 1, timeout);
}

void TestConsole::detailsShowResultAndError()
{
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'error', ultimo_resultado = "
                       "'{\"error\":\"SMTP 451\",\"tentativas\":3}', lease_owner = NULL")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->index(0, JobTableModel::Status).data().toString(),
        QStringLiteral("due now"), 5000);
    select(seedJob);
    QTRY_COMPARE(m_window->details()->errorText(), QStringLiteral("SMTP 451"));
    QVERIFY2(m_window->details()->resultText().contains(QLatin1String("\"tentativas\": 3")),
        qPrintable(m_window->details()->resultText()));
    QCOMPARE(m_window->details()->runnerText(), QStringLiteral("none"));
}

void TestConsole::tenThousandJobsWithoutStall()
{
    m_window.reset();
    const QString insert = m_db->spec().backend == Backend::PostgreSQL
        ? QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas) "
                         "SELECT 'job_' || i, 'Job number ' || i, 1 + i % 24 "
                         "FROM generate_series(1, 10000) AS i")
        : QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas) "
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 10000) SELECT 'job_' || i, 'Job number ' || i, 1 + i % 24 "
                         "FROM n");
    QVERIFY(m_db->exec(insert));

    // A 10 ms timer on the GUI thread: the longest gap between its ticks is the worst stall.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QTimer probe;
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    clock.start();
    probe.start();
    QElapsedTimer loading;
    loading.start();
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 10001), 20000);
    const qint64 loaded = loading.elapsed();
    QTest::qWait(300); // a few countdown ticks over 10,000 rows
    probe.stop();
    qInfo("10,001 jobs shown in %lld ms; longest GUI-thread gap %lld ms", loaded, worst);
    QVERIFY2(worst <= 100, qPrintable(QStringLiteral("GUI thread stalled %1 ms").arg(worst)));
    // Sorted by name, search works.
    m_window->jobsView()->searchField()->setText(QStringLiteral("job_9999"));
    QCOMPARE(m_window->jobsView()->proxy()->rowCount(), 1);
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
