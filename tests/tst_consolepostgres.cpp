// The console on PostgreSQL only: a read-only role, and a lost connection that comes back by
// itself. Fails, never skips, when no server is reachable.
#include "tst_consolefixture.h"

#include "ui/common/elidinglabel.h"

#include <QStatusBar>

#include <QLabel>

#include <QSqlQuery>

using namespace ConsoleFixture;

class TestConsolePostgres : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void readOnlyRoleDisablesEditActions();
    void lostConnectionShowsBannerAndRecovers();
    void removalIsReportedOnce();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestConsolePostgres::initTestCase()
{
    isolate();
}

void TestConsolePostgres::init()
{
    QString error;
    m_db = TestDatabase::create(Backend::PostgreSQL, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestConsolePostgres::cleanup()
{
    m_db.reset();
}

void TestConsolePostgres::readOnlyRoleDisablesEditActions()
{
    const QString role = QStringLiteral("reader_%1").arg(m_db->spec().database.right(8));
    QVERIFY(m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)));
    QVERIFY(m_db->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'reader-pw'").arg(role)));
    auto dropRole = qScopeGuard([&] {
        m_db->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    });
    QVERIFY(
        m_db->exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    ConnectionSpec spec = m_db->spec();
    spec.user = role;
    spec.password = QStringLiteral("reader-pw");
    {
        MainWindow window;
        window.openDatabase(spec, fastOptions(uniquePurpose()));
        QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
        QTRY_VERIFY(!window.client()->isWritable());
        window.jobsView()->selectJob(QStringLiteral("sgp_sync_inteligente"));
        QVERIFY(window.jobsView()->currentJob().has_value());
        for (QAction *action : window.actions()->editActions()) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(QLatin1String("read-only")),
                qPrintable(action->toolTip()));
            QVERIFY2(action->toolTip().contains(role), qPrintable(action->toolTip()));
        }
        QVERIFY(window.actions()->refresh()->isEnabled());
        // The status bar says so with a real dash (issue 16: it read "â□□", UTF-8 as Latin-1).
        bool dashed = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            const auto *eliding = qobject_cast<const ElidingLabel *>(label);
            const QString text = eliding ? eliding->fullText() : label->text();
            dashed = dashed || text.endsWith(QStringLiteral(" \u2014 read-only"));
        }
        QVERIFY(dashed);
        // A write the server refuses shows the server's message.
        bool done = false;
        QString message;
        window.client()->perform(JobAction::make(JobAction::Kind::Disable,
                                     QStringLiteral("sgp_sync_inteligente"), std::nullopt),
            &window, [&](const Result<ActionOutcome> &outcome) {
                done = true;
                message = outcome ? QString() : outcome.error().message;
            });
        QTRY_VERIFY(done);
        QVERIFY2(message.contains(QLatin1String("permission denied")), qPrintable(message));
    }
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT ativo FROM cron_jobs")).toBool(), true);
}

void TestConsolePostgres::lostConnectionShowsBannerAndRecovers()
{
    const QString purpose = uniquePurpose();
    MainWindow window;
    window.openDatabase(m_db->spec(), fastOptions(purpose));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, 1), 10000);
    window.jobsView()->selectJob(QStringLiteral("sgp_sync_inteligente"));
    QTRY_VERIFY(window.actions()->disable()->isEnabled());

    // What the window showed while the connection was gone (the banner may be brief).
    bool sawBanner = false;
    bool actionsDisabled = false;
    QObject::connect(
        window.client(), &JobClient::stateChanged, &window, [&](JobClient::State state) {
            if (state != JobClient::State::Reconnecting)
                return;
            sawBanner = sawBanner
                || (!window.banner()->isHidden()
                    && window.banner()->text().contains(QStringLiteral("Reconnecting…")));
            actionsDisabled = !window.actions()->disable()->isEnabled();
        });

    const int killed
        = m_db->scalar(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM "
                                      "pg_stat_activity WHERE application_name LIKE '%%1%'")
                           .arg(purpose))
              .toInt();
    QCOMPARE(killed, 1);
    QTRY_VERIFY_WITH_TIMEOUT(sawBanner, 5000);
    QVERIFY(actionsDisabled);
    QVERIFY2(window.actions()->disable()->toolTip().contains(QLatin1String("reconnecting"))
            || window.client()->state() == JobClient::State::Connected,
        qPrintable(window.actions()->disable()->toolTip()));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.banner()->isHidden() && window.client()->state() == JobClient::State::Connected,
        10000);
    QTRY_VERIFY(window.actions()->disable()->isEnabled());

    // Listening again: a change from elsewhere shows up.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = 'after reconnect'")));
    QTRY_COMPARE_WITH_TIMEOUT(jobNamed(window, QStringLiteral("sgp_sync_inteligente"))->description,
        QStringLiteral("after reconnect"), 2000);
}

// Our own removal also comes back as a NOTIFY: the job table hears of it once.
void TestConsolePostgres::removalIsReportedOnce()
{
    JobClient client(m_db->spec(), fastOptions(uniquePurpose()));
    QStringList removed;
    QStringList updated;
    bool loaded = false;
    QObject::connect(&client, &JobClient::jobRemoved, &client,
        [&](const QString &name) { removed.append(name); });
    QObject::connect(&client, &JobClient::jobsUpdated, &client, [&](const QList<Job> &jobs) {
        for (const Job &job : jobs)
            updated.append(job.name);
    });
    QObject::connect(&client, &JobClient::jobsLoaded, &client, [&] { loaded = true; });
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(loaded, 10000);

    const auto performed = [&](const JobAction &action) {
        std::optional<bool> ok;
        client.perform(action, &client, [&](const Result<ActionOutcome> &outcome) {
            ok = bool(outcome);
            if (!outcome)
                qWarning("%s", qPrintable(outcome.error().message));
        });
        return QTest::qWaitFor([&] { return ok.has_value(); }, 5000) && *ok;
    };
    JobAction add;
    add.kind = JobAction::Kind::Add;
    add.newJob.name = QStringLiteral("marker_job");
    QVERIFY(performed(add));
    QVERIFY(performed(JobAction::make(
        JobAction::Kind::Remove, QStringLiteral("sgp_sync_inteligente"), std::nullopt)));
    QCOMPARE(removed, QStringList{QStringLiteral("sgp_sync_inteligente")});

    // A later change from elsewhere: once it shows, the removal's own NOTIFY was handled too.
    updated.clear();
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE cron_jobs SET descricao = 'marker' WHERE nome = 'marker_job'")));
    QTRY_VERIFY_WITH_TIMEOUT(updated.contains(QStringLiteral("marker_job")), 5000);
    QCOMPARE(removed, QStringList{QStringLiteral("sgp_sync_inteligente")});
}

QTEST_MAIN(TestConsolePostgres)
#include "tst_consolepostgres.moc"
