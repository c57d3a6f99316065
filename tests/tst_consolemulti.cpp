// Actions on a multi-selection (issue 16, item 13): Enable/Disable, Run now and Reset act on
// every selected job they apply to, each audited, with one message naming them all.
#include "tst_consolefixture.h"

#include "ui/dialogs/resetdialog.h"

#include <QDialogButtonBox>
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
    selectJobs(
        {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("sgp_sync_inteligente")});
    QVERIFY(m_window->actions()->runNow()->isEnabled());
    m_window->actions()->runNow()->trigger();
    const QString message = waitForMessage();
    QCOMPARE(m_finished->size(), 1);
    QVERIFY2(message.contains(QLatin1String("alpha")) && message.contains(QLatin1String("beta"))
            && message.contains(QLatin1String("sgp_sync_inteligente"))
            && message.endsWith(QLatin1String("will run at the next runner check")),
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

QTEST_MAIN(TestConsoleMulti)
#include "tst_consolemulti.moc"
