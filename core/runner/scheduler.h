#pragma once

#include "db/connectionspec.h"
#include "runner/executionresult.h"
#include "runner/leasestore.h"
#include "runner/runnerconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class Database;
class RunnerAction;

// The runner core, the same inside the console and in "cronctl scheduler": wakes at the
// earliest next_run of the jobs its configuration names (at least every max_poll_seconds, and at
// once on a cron_jobs_changed notification), claims due jobs with a lease, runs their actions,
// renews the leases while they run, and records each result under its fencing token. Survives a
// lost database by reconnecting with capped backoff. All its work happens in the thread it
// lives in; the console moves it to a worker thread.
class Scheduler final : public QObject {
    Q_OBJECT
public:
    Scheduler(
        const ConnectionSpec &database, const RunnerConfig &config, QObject *parent = nullptr);
    ~Scheduler() override;
    Q_DISABLE_COPY_MOVE(Scheduler)

    QString runnerName() const { return m_name; }
    bool isConnected() const { return m_leases != nullptr; }
    QStringList runningJobs() const { return m_running.keys(); }

public slots:
    // Connects (retrying in the background while the database is unreachable), registers the
    // runner and starts scheduling.
    void start();
    // Graceful: stops claiming, lets running actions finish within grace_seconds, then kills
    // them and records them as interrupted errors, releases everything and emits stopped().
    void stop();

signals:
    void connected();
    void connectionLost(const QString &message);
    void jobStarted(const QString &job, qint64 token);
    void jobFinished(const QString &job, const ExecutionResult &result, bool recorded);
    void stopped();

private:
    struct Running {
        Claim claim;
        RunnerAction *action = nullptr;
        QElapsedTimer sinceRenewal;
        bool leaseLost = false;
    };
    struct PendingFinish {
        Claim claim;
        ExecutionResult result;
    };

    void connectNow();
    void disconnectNow(const QString &reason);
    // Every database error goes through here: a lost connection starts reconnecting.
    void handleError(const Error &error);
    void scheduleWake(qint64 milliseconds);
    void wake();
    void startAction(const Claim &claim);
    void onActionFinished(const QString &job, const ExecutionResult &result);
    void record(const Claim &claim, const ExecutionResult &result);
    void heartbeat();
    void enforceLeases();
    void finishStop();
    QStringList idleJobNames() const;

    ConnectionSpec m_spec;
    RunnerConfig m_config;
    QString m_name;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LeaseStore> m_leases;
    QHash<QString, Running> m_running;
    QList<PendingFinish> m_pending;
    // Children of the scheduler, so moveToThread() takes them along.
    QTimer m_wakeTimer{this};
    QTimer m_heartbeatTimer{this};
    QTimer m_leaseGuardTimer{this};
    QTimer m_reconnectTimer{this};
    QTimer m_graceTimer{this};
    int m_reconnectAttempts = 0;
    bool m_started = false;
    bool m_stopping = false;
};
