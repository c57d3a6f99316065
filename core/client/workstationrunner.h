#pragma once

#include "core/db/connectionspec.h"
#include "core/util/result.h"

#include <QObject>
#include <QStringList>

class QThread;
class Scheduler;

// "Run jobs on this workstation": the same runner core as `cronctl scheduler`, inside the
// console. The Scheduler lives on its own thread (never the GUI's) and is only ever touched
// through queued calls; this object reports its life on the thread that owns it.
class WorkstationRunner final : public QObject {
    Q_OBJECT
public:
    enum class State { Off, Running, Stopping };
    Q_ENUM(State)

    explicit WorkstationRunner(QObject *parent = nullptr);
    // Stops a running runner gracefully, waiting for it (the window asks first; this is the
    // last resort so no action is left orphaned).
    ~WorkstationRunner() override;
    Q_DISABLE_COPY_MOVE(WorkstationRunner)

    // Loads `configPath` (errors of Error::Kind::Config name the file and the key) and starts a
    // runner on `database`. Nothing starts on error. Refused while not Off.
    Status start(const ConnectionSpec &database, const QString &configPath);
    // Graceful: running actions get the config's grace_seconds; emits stopped() when done.
    void stop();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Off; }
    QString runnerName() const { return m_name; }
    QString configPath() const { return m_configPath; }
    ConnectionSpec spec() const { return m_spec; }
    QStringList runningJobs() const { return m_running; }
    bool isConnected() const { return m_connected; }

signals:
    void stateChanged(WorkstationRunner::State state);
    void runningJobsChanged(const QStringList &jobs);
    void connectionChanged(bool connected, const QString &message);
    void jobFinished(const QString &job, bool success, const QString &error);
    void stopped();

private:
    void setState(State state);
    void onThreadFinished();

    State m_state = State::Off;
    void stopInThread();

    QThread *m_thread = nullptr;
    // Lives in m_thread and parents the Scheduler, which is made there: Scheduler's timers are
    // plain members, so moving a Scheduler made here would leave them on the GUI thread.
    QObject *m_host = nullptr;
    ConnectionSpec m_spec;
    QString m_configPath;
    QString m_name;
    QStringList m_running;
    bool m_connected = false;
};
