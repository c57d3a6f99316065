#pragma once

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QString>

class DesktopNotifications;
class JobTableModel;
class QSystemTrayIcon;
class QTimer;
class QWidget;

// The console's alerts (issue 17): a tray icon with the number of failing (after their last
// retry), stuck and overdue jobs, and one desktop notification when a job enters one of these
// states (once per streak) and when it recovers; clicking a notification opens its job. Qt's
// QSystemTrayIcon::showMessage goes to the freedesktop notification service over D-Bus where
// one runs. Nothing shows without a system tray.
class AlertTray final : public QObject {
    Q_OBJECT
public:
    AlertTray(JobTableModel *model, QWidget *window);
    Q_DISABLE_COPY_MOVE(AlertTray)

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isVisible() const;
    int attentionCount() const { return m_count; } // as of the last look (200 ms after a change)
    bool hasCounted() const { return m_primed; } // the first rows have been looked at
    QString summary() const; // "Jobs needing attention: 3 (1 failing, 1 stuck, 1 overdue)"
    QString toolTip() const;
    // Where the last notification went (for tests and the log).
    enum class Delivery { None, Desktop, TrayBalloon, Nowhere };
    Delivery lastDelivery() const { return m_lastDelivery; }
    DesktopNotifications *desktop() const { return m_desktop; }

signals:
    void openJob(const QString &name);

private:
    enum class Attention { None, Failing, Stuck, Overdue };
    void recount();
    void updateIcon();
    Attention attentionOf(int row) const;
    void showMessage(const QString &title, const QString &body, const QString &job, bool warning);
    void showBalloon(const QString &title, const QString &body, const QString &job, bool warning);

    JobTableModel *m_model;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr; // null without a system tray
    DesktopNotifications *m_desktop = nullptr;
    Delivery m_lastDelivery = Delivery::None;
    QTimer *m_recount = nullptr; // coalesces model changes
    QHash<QString, Attention> m_seen; // per job, as last counted
    QPixmap m_appIcon; // the badge's background
    QString m_lastMessageJob; // the job a click on the last notification opens
    int m_count = 0;
    int m_failing = 0;
    int m_stuck = 0;
    int m_overdue = 0;
    bool m_enabled = true;
    bool m_forget = false; // jobs went away since the last look
    bool m_primed = false; // the first load reports a summary, not one message per job
};
