#pragma once

#include "core/db/connectionspec.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;
class WorkstationRunner;

// The "Run jobs on this workstation" switch: turns the embedded runner on and off, reports
// why it could not start (a config error names the file and the key), remembers the choice,
// and stops the runner gracefully when the database changes or the window closes.
class WorkstationSwitch final : public QObject {
    Q_OBJECT
public:
    WorkstationSwitch(QAction *action, QWidget *window);
    Q_DISABLE_COPY_MOVE(WorkstationSwitch)

    WorkstationRunner *runner() const { return m_runner; }
    QAction *action() const { return m_action; }

    void setConfigPath(const QString &path) { m_configPath = path; }
    QString configPath() const { return m_configPath; }
    // Whether the user's on/off choice is saved to QSettings (not for --demo and tests).
    void setRemembered(bool remembered) { m_remembered = remembered; }
    static bool rememberedOn();

    // The database the runner works on; a running runner restarts on the new one.
    void setDatabase(const ConnectionSpec &spec);
    void turnOn();
    void turnOff();
    // After the config changed on disk: a running runner stops and starts again with it.
    void restartIfRunning();
    // Stops (if running) and then calls `done`.
    void stopThen(std::function<void()> done);

signals:
    void statusMessage(const QString &message, int timeoutMs);
    // A short permanent text for the status bar ("Runner: 2 running"), empty when off.
    void summaryChanged(const QString &summary);
    void editConfigRequested();

private:
    void onToggled(bool on);
    void onStopped();
    void updateAction();
    void remember(bool on) const;

    QAction *m_action;
    QWidget *m_window;
    WorkstationRunner *m_runner;
    ConnectionSpec m_spec;
    bool m_hasSpec = false;
    QString m_configPath;
    bool m_remembered = true;
    bool m_restartAfterStop = false;
    std::function<void()> m_afterStop;
};
