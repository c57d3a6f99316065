// The console's desktop notifications (issue 17, point 5) through freedesktop D-Bus: a private
// session bus (a real dbus-daemon) with a real notification service on it, written here, that
// records each Notify call and emits ActionInvoked as a notification server does on a click.
// A failing job makes one notification with its text; clicking it selects the job; the setting
// turns them off; without a service they fall back to the tray balloon (none offscreen).
#include "tst_consolefixture.h"

#include "core/store/jobstore.h"
#include "ui/mainwindow/alerttray.h"
#include "ui/mainwindow/desktopnotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QTabWidget>

using namespace ConsoleFixture;

namespace {

const QString serviceName = QStringLiteral("org.freedesktop.Notifications");
const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");

} // namespace

// The service side of org.freedesktop.Notifications (the methods a client calls).
class RecordingNotificationServer final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint id = 0;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
        const QString &summary, const QString &body, const QStringList &actions,
        const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(expireTimeout)
        calls << Call{appName, summary, body, actions, hints, uint(100 + calls.size())};
        return calls.constLast().id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint) { }
};

class TestDesktopNotifications : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void notificationTextAndClickOpensTheJob();
    void withoutAServiceFallsBackToTheTray();

private:
    // The server's side: a click on notification `id`.
    bool click(uint id);

    QProcess m_daemon;
    QString m_address;
    RecordingNotificationServer m_server;
    std::optional<QDBusConnection> m_serverBus;
};

void TestDesktopNotifications::initTestCase()
{
    isolate();
    // A bus of this test's own; the console's QDBusConnection::sessionBus() is made on first
    // use, after this.
    m_daemon.start(QStringLiteral("dbus-daemon"),
        {QStringLiteral("--session"), QStringLiteral("--nofork"),
            QStringLiteral("--print-address=1")});
    QVERIFY2(m_daemon.waitForStarted(10000), "dbus-daemon (package dbus) did not start");
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 10000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY2(m_address.startsWith(QLatin1String("unix:")), qPrintable(m_address));
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());

    m_serverBus = QDBusConnection::connectToBus(m_address, QStringLiteral("notification-server"));
    QVERIFY2(m_serverBus->isConnected(), qPrintable(m_serverBus->lastError().message()));
    QVERIFY(m_serverBus->registerObject(objectPath, &m_server, QDBusConnection::ExportAllSlots));
    QVERIFY(m_serverBus->registerService(serviceName));
    // The console's bus is that one.
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(serviceName));
}

void TestDesktopNotifications::cleanupTestCase()
{
    if (m_serverBus)
        QDBusConnection::disconnectFromBus(QStringLiteral("notification-server"));
    m_daemon.kill();
    m_daemon.waitForFinished(5000);
}

bool TestDesktopNotifications::click(uint id)
{
    QDBusMessage signal = QDBusMessage::createSignal(objectPath,
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
    signal << id << QStringLiteral("default");
    return m_serverBus->send(signal);
}

void TestDesktopNotifications::notificationTextAndClickOpensTheJob()
{
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    const auto conn = db->connect();
    JobStore store(*conn);
    QVERIFY(store.addJob(NewJob{QStringLiteral("broken"), {}, 6, true, {}, {}}));
    QVERIFY(store.addJob(NewJob{QStringLiteral("calm"), {}, 6, true, {}, {}}));
    const int rows = db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs")).toInt();
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, rows), 10000);
    auto *trayAction = window.findChild<QAction *>(QStringLiteral("trayNotificationsAction"));
    QVERIFY(trayAction && trayAction->isChecked());
    AlertTray *tray = window.alertTray();
    // The first look reports a summary (nothing here); what follows is news.
    QTRY_VERIFY(tray->hasCounted());
    QCOMPARE(tray->attentionCount(), 0);
    QCOMPARE(m_server.calls.size(), 0);

    // The last retry of "broken" failed (as a runner records it).
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'error', alert_state = "
                                    "'failing', row_version = row_version + 1 WHERE nome = "
                                    "'broken'")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 1, 10000);
    QCOMPARE(tray->lastDelivery(), AlertTray::Delivery::Desktop);
    const RecordingNotificationServer::Call call = m_server.calls.constFirst();
    QCOMPARE(call.appName, QStringLiteral("Cron Console"));
    QCOMPARE(call.summary, QStringLiteral("Cron Console: a job needs attention"));
    QCOMPARE(call.body, QStringLiteral("broken failed"));
    QVERIFY2(call.actions.contains(QStringLiteral("default")), qPrintable(call.actions.join(',')));
    QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    QCOMPARE(tray->attentionCount(), 1);

    // Another job is selected, another tab shown; the click brings "broken" up.
    window.jobsView()->selectJob(QStringLiteral("calm"));
    QTRY_COMPARE(window.jobsView()->currentJob()->name, QStringLiteral("calm"));
    QTabWidget *sideTabs = window.sideTabs();
    sideTabs->setCurrentIndex(sideTabs->count() - 1);
    const QWidget *before = sideTabs->currentWidget();
    QVERIFY(click(call.id + 1000)); // not ours: nothing happens
    QVERIFY(click(call.id));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.jobsView()->currentJob()->name, QStringLiteral("broken"), 5000);
    QVERIFY(sideTabs->currentWidget() != before);

    // Off in the settings: "calm" failing makes no notification (the count still follows).
    trayAction->setChecked(false);
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'error', alert_state = "
                                    "'failing', row_version = row_version + 1 WHERE nome = "
                                    "'calm'")));
    QTRY_COMPARE_WITH_TIMEOUT(tray->attentionCount(), 2, 10000);
    QTest::qWait(500); // an absence: a call would have been made with the recount (200 ms)
    QCOMPARE(m_server.calls.size(), 1);
    trayAction->setChecked(true);
}

void TestDesktopNotifications::withoutAServiceFallsBackToTheTray()
{
    QVERIFY(m_serverBus->unregisterService(serviceName));
    QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(serviceName));
    QString error;
    const auto db = TestDatabase::create(Backend::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    const auto conn = db->connect();
    QVERIFY(JobStore(*conn).addJob(NewJob{QStringLiteral("alone"), {}, 6, true, {}, {}}));
    const int rows = db->scalar(QStringLiteral("SELECT COUNT(*) FROM cron_jobs")).toInt();
    MainWindow window;
    window.openDatabase(db->spec(), fastOptions(uniquePurpose()));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(connectedWithRows(window, rows), 10000);
    AlertTray *tray = window.alertTray();
    QVERIFY(!tray->desktop()->isAvailable());
    QTRY_VERIFY(tray->hasCounted());
    m_server.calls.clear();
    QVERIFY(db->exec(QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'error', alert_state = "
                                    "'failing', row_version = row_version + 1")));
    QTRY_COMPARE_WITH_TIMEOUT(tray->attentionCount(), rows, 10000);
    // Offscreen there is no system tray either: the balloon had nowhere to go.
    QTRY_COMPARE(tray->lastDelivery(),
        tray->isVisible() ? AlertTray::Delivery::TrayBalloon : AlertTray::Delivery::Nowhere);
    QCOMPARE(m_server.calls.size(), 0);
    QCOMPARE(tray->desktop()->sentCount(), 0);
    QVERIFY(m_serverBus->registerService(serviceName));
}

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
