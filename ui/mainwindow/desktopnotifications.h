#pragma once

#include <QHash>
#include <QObject>
#include <QString>

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus, as dunst, GNOME Shell and Plasma provide):
// each one carries the job it is about, and a click on it (ActionInvoked "default") asks for
// that job. Qt's own QSystemTrayIcon::showMessage draws its own balloon on X11 instead, so the
// console calls the service itself and keeps the tray balloon for when no service is there.
class DesktopNotifications final : public QObject {
    Q_OBJECT
public:
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 };

    explicit DesktopNotifications(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DesktopNotifications)

    // A notification service owns its name on the session bus now.
    bool isAvailable() const;
    // Sent asynchronously; `job` (may be empty) is what a click opens. `failed` is emitted when
    // the service does not answer or refuses, so the caller can fall back.
    void notify(const QString &summary, const QString &body, const QString &job, Urgency urgency);
    int sentCount() const { return m_sent; }

signals:
    void jobRequested(const QString &job); // a click on a notification of ours
    void failed(const QString &summary, const QString &body, const QString &job);

private slots:
    // QtDBus connects signals by signature string only, so these are slots by name.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    QHash<uint, QString> m_jobs; // notification id -> job (until closed)
    int m_sent = 0;
};
