#include "ui/mainwindow/desktopnotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");
// The installed icon and desktop file (installer/io.github.cronconsole.CronConsole.desktop).
const QString appId = QStringLiteral("io.github.cronconsole.CronConsole");

} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // By service name: QtDBus follows whichever connection owns it (a service started later
    // or restarted included).
    bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));
}

bool DesktopNotifications::isAvailable() const
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()
        && bus.interface()->isServiceRegistered(service).value();
}

void DesktopNotifications::notify(
    const QString &summary, const QString &body, const QString &job, Urgency urgency)
{
    QDBusMessage call
        = QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("Notify"));
    // "default" is the action of a click on the notification itself.
    const QStringList actions = job.isEmpty()
        ? QStringList()
        : QStringList{QStringLiteral("default"), tr("Open %1").arg(job)};
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
        {QStringLiteral("desktop-entry"), appId},
        {QStringLiteral("category"), QStringLiteral("cron.job")}};
    call << tr("Cron Console") << uint(0) << appId << summary << body << actions << hints
         << int(-1);
    auto *watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, 10000), this);
    ++m_sent;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, summary, body, job](QDBusPendingCallWatcher *self) {
            self->deleteLater();
            const QDBusPendingReply<uint> reply = *self;
            if (reply.isError()) {
                qWarning("desktop notification: %s", qPrintable(reply.error().message()));
                emit failed(summary, body, job);
                return;
            }
            if (!job.isEmpty())
                m_jobs.insert(reply.value(), job);
        });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    // Other applications' notifications come through the same signal: only ours count.
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.constEnd())
        return;
    if (actionKey == QLatin1String("default") || actionKey.isEmpty())
        emit jobRequested(*it);
}

void DesktopNotifications::onNotificationClosed(uint id, uint)
{
    m_jobs.remove(id);
}
