// "Run jobs on this workstation", the runners panel and the runner config editor, end to end on
// both backends: the switch starts a real Scheduler on its own thread that runs a due job, and
// stops it gracefully; a broken config is refused with its message.
#include "tst_consolefixture.h"

#include "core/client/workstationrunner.h"
#include "ui/runners/runnerconfigeditor.h"
#include "ui/runners/runnerspanel.h"
#include "ui/runners/workstationswitch.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace ConsoleFixture;

namespace {

const QString seedJob = QStringLiteral("sgp_sync_inteligente");

QByteArray runnerConfig(const QString &name)
{
    return QStringLiteral(R"({
  "runner_name": "%1", "max_poll_seconds": 1, "lease_seconds": 5, "grace_seconds": 2,
  "jobs": {
    "sgp_sync_inteligente": { "type": "command", "program": "/bin/sh",
                              "args": ["-c", "echo '{\"ok\": true, \"from\": \"console\"}'"],
                              "timeout_seconds": 30 }
  }
})")
        .arg(name)
        .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestConsoleRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void switchRunsADueJobAndStops();
    void brokenConfigKeepsTheSwitchOff();
    void missingConfigOffersTheTemplate();
    void configEditorValidatesAndSaves();

private:
    const RunnerInfo *runnerNamed(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
    QString m_configPath;
    QString m_runnerName;
};

void TestConsoleRunner::initTestCase_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

void TestConsoleRunner::initTestCase()
{
    isolate();
}

void TestConsoleRunner::init()
{
    QFETCH_GLOBAL(Backend, backend);
    QString error;
    m_db = TestDatabase::create(backend, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_configPath = m_dir->filePath(QStringLiteral("runner.json"));
    m_runnerName = uniquePurpose();
    MessageBoxes::clearRecorded();
    m_window = std::make_unique<MainWindow>();
    m_window->workstation()->setRemembered(false);
    m_window->setRunnerConfigPath(m_configPath);
    m_window->runnersPanel()->setRefreshInterval(300);
    m_window->openDatabase(m_db->spec(), fastOptions(uniquePurpose()));
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(*m_window, 1), 10000);
}

void TestConsoleRunner::cleanup()
{
    m_window.reset(); // a running runner is stopped and waited for
    m_db.reset();
    m_dir.reset();
}

const RunnerInfo *TestConsoleRunner::runnerNamed(const QString &name) const
{
    static QList<RunnerInfo> runners;
    runners = m_window->runnersPanel()->runners();
    for (const RunnerInfo &runner : runners) {
        if (runner.name == name)
            return &runner;
    }
    return nullptr;
}

void TestConsoleRunner::switchRunsADueJobAndStops()
{
    QVERIFY(writeFile(m_configPath, runnerConfig(m_runnerName)));
    QAction *runnerSwitch = m_window->actions()->runOnWorkstation();
    QVERIFY(runnerSwitch->isEnabled());
    QVERIFY(!runnerSwitch->isChecked());
    runnerSwitch->trigger();
    WorkstationRunner *runner = m_window->workstation()->runner();
    QVERIFY2(
        MessageBoxes::recorded().isEmpty(), qPrintable(MessageBoxes::recorded().value(0).text));
    QVERIFY(runner->isActive());
    QVERIFY(runnerSwitch->isChecked());
    QCOMPARE(runner->runnerName(), m_runnerName);

    // The seed's job never ran, so it is due: the runner takes it and the table shows it.
    QTRY_COMPARE_WITH_TIMEOUT(
        jobNamed(*m_window, seedJob)->lastStatus, QStringLiteral("success"), 20000);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE acao = "
                                         "'sync_automatico_persistente'"))
                 .toInt(),
        1);

    // The runners panel lists it, live.
    QTRY_VERIFY_WITH_TIMEOUT(runnerNamed(m_runnerName), 10000);
    QCOMPARE(RunnersPanel::stateText(*runnerNamed(m_runnerName)), QStringLiteral("live"));
    QTableWidget *table = m_window->runnersPanel()->runnersTable();
    QVERIFY(!table->findItems(m_runnerName, Qt::MatchExactly).isEmpty());

    // Off: stop() in the runner's thread, the GUI keeps running, the row shows stopped.
    runnerSwitch->trigger();
    QVERIFY(!runnerSwitch->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), WorkstationRunner::State::Off, 15000);
    QVERIFY(runnerSwitch->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(runnerNamed(m_runnerName)
            && RunnersPanel::stateText(*runnerNamed(m_runnerName)) == QLatin1String("stopped"),
        10000);
    QCOMPARE(
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_runners WHERE runner_name = '%1' "
                                    "AND stopped_at IS NOT NULL")
                         .arg(m_runnerName))
            .toInt(),
        1);
}

void TestConsoleRunner::brokenConfigKeepsTheSwitchOff()
{
    QVERIFY(writeFile(
        m_configPath, R"({"jobs": {"x": {"type": "command", "program": "relative/path"}}})"));
    QAction *runnerSwitch = m_window->actions()->runOnWorkstation();
    runnerSwitch->trigger();
    QVERIFY(!m_window->workstation()->runner()->isActive());
    QVERIFY(!runnerSwitch->isChecked());
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    const QString message = MessageBoxes::recorded().first().text;
    QVERIFY2(message.contains(QLatin1String("runner.json")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("jobs.x.program")), qPrintable(message));
    // The editor opens on the broken file, with the same message inline.
    QCOMPARE(m_window->sideTabs()->currentWidget(), m_window->runnerConfigEditor());
    QVERIFY(m_window->runnerConfigEditor()->errorText().contains(QLatin1String("jobs.x.program")));
}

void TestConsoleRunner::missingConfigOffersTheTemplate()
{
    m_window->actions()->runOnWorkstation()->trigger();
    QVERIFY(!m_window->workstation()->runner()->isActive());
    QVERIFY(!m_window->actions()->runOnWorkstation()->isChecked());
    QCOMPARE(MessageBoxes::recorded().size(), 1);
    QCOMPARE(MessageBoxes::recorded().first().icon, QMessageBox::Question);
    QVERIFY(MessageBoxes::recorded().first().text.contains(m_configPath));
    // The template itself is valid.
    QVERIFY(RunnerConfig::parse(RunnerConfigEditor::templateJson(), m_configPath));
}

void TestConsoleRunner::configEditorValidatesAndSaves()
{
    RunnerConfigEditor *editor = m_window->runnerConfigEditor();
    QCOMPARE(editor->filePath(), m_configPath);
    QPushButton *save = editor->saveButton();

    editor->textEdit()->setPlainText(QStringLiteral("{\"jobs\": {"));
    QVERIFY(!editor->isValid());
    QVERIFY(!save->isEnabled());
    QVERIFY2(editor->errorText().contains(QLatin1String("runner.json")),
        qPrintable(editor->errorText()));

    editor->textEdit()->setPlainText(QStringLiteral(R"({"lease_seconds": 1, "jobs": {}})"));
    QVERIFY(!save->isEnabled());
    QVERIFY2(editor->errorText().contains(QLatin1String("lease_seconds")),
        qPrintable(editor->errorText()));
    QVERIFY(!QFile::exists(m_configPath));

    const QByteArray valid = runnerConfig(m_runnerName);
    editor->textEdit()->setPlainText(QString::fromUtf8(valid));
    QVERIFY(editor->isValid());
    QVERIFY(save->isEnabled());
    // The workstation's job actions follow the text.
    QTableWidget *actions = m_window->runnersPanel()->actionsTable();
    QCOMPARE(actions->rowCount(), 1);
    QCOMPARE(actions->item(0, 0)->text(), seedJob);
    QCOMPARE(actions->item(0, 1)->text(), QStringLiteral("command"));
    QVERIFY(actions->item(0, 2)->text().startsWith(QLatin1String("/bin/sh -c")));

    save->click();
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), valid);
    QVERIFY(!save->isEnabled()); // nothing left to save
    QVERIFY(RunnerConfig::load(m_configPath));
}

QTEST_MAIN(TestConsoleRunner)
#include "tst_consolerunner.moc"
