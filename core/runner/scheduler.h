#pragma once

#include "core/db/connectionspec.h"
#include "core/runner/executionresult.h"
#include "core/runner/leasestore.h"
#include "core/runner/runnerconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class Database;
class Notifier;
class OutputWriter;
class QThread;
class ResultJournal;
class RunOutputBuffer;
class RunnerAction;
class SqlSessionPool;

// The runner core, the same inside the console and in "cronctl scheduler": wakes at the
// earliest next_run of the jobs its configuration names (at least every max_poll_seconds, and at
// once on a cron_jobs_changed notification), claims due jobs with a lease, runs their actions,
// renews the leases while they run, and records each result under its fencing token. All its
// work happens in the thread it lives in; the console moves it to a worker thread.
//
// The promise (issue 11): a job never runs twice at once, and every run is recorded once.
//   - Every action must be gone by its hard deadline: the start of the last successful lease
//     renewal (or claim) plus 3/4 of the lease, on CLOCK_BOOTTIME. The server's expiry is at
//     least that start plus the whole lease, so the action stops at least a quarter of the lease
//     before anyone else may start the job. A command's guard process enforces the deadline
//     outside this process (paused, hung or cut-off runner); this class enforces it too.
//   - Every database call has a deadline (CallWatchdog, server-side timeouts, libpq keepalives):
//     a stalled server or dropped network costs a reconnect, never a hang.
//   - A result that cannot be recorded is kept on disk (ResultJournal) and retried; one that
//     cannot be stored as is is stored in part, and the job is never left running.
//   - Any failing step is retried with backoff, and the runner's state and last error are
//     published in cron_runners.
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

    // The hard deadline's share of the lease, and the resulting margin before the server expiry.
    static constexpr double hardStopShare = 0.75;
    // Where unrecorded results are kept; default ResultJournal::defaultDirectory(). Before start().
    void setJournalDirectory(const QString &directory) { m_journalDirectory = directory; }

public slots:
    // Connects (retrying in the background while the database is unreachable), registers the
    // runner and starts scheduling.
    void start();
    // Graceful: stops claiming, lets running actions finish within grace_seconds, then kills
    // them and records them as interrupted, releases everything and emits stopped().
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
        qint64 deadlineMs = 0; // BootClock: the action must be gone by then
        bool leaseLost = false;
        std::optional<ExecutionResult::Failure> killedFor; // why this runner stopped it
    };
    struct Pending {
        quint64 journalId = 0;
        Claim claim;
        ExecutionResult result;
        int attempts = 0;
        bool minimal = false; // the full result could not be stored
        QString whyMinimal;
        bool released = false; // the job was freed without its history row
    };

    void connectNow();
    Status prepareSession();
    void disconnectNow(const QString &reason);
    // Every database error goes through here: a lost connection starts reconnecting; any other
    // error is published and the step retried with backoff.
    void handleError(const Error &error);
    void noteError(const QString &message);
    void noteSuccess();
    qint64 backoffMs(int attempts) const;
    void scheduleWake(qint64 milliseconds);
    void wake();
    void startAction(const Claim &claim, qint64 claimSentMs, qint64 outputLimit);
    // Stops the runs whose abort was asked for (cronctl abort, the console's Abort run).
    void checkAborts();
    void startOutputWriter();
    void stopOutputWriter();
    void stopAction(Running &running, const QString &reason, ExecutionResult::Failure failure);
    void onActionFinished(const QString &job, const ExecutionResult &result);
    void record(Pending pending);
    void recordFinished();
    // This runner's own writes to cron_jobs, announced on cron_jobs_changed coalesced (its
    // session is quiet: 0017_scale.sql).
    void announceChanges();
    void sendAnnouncement();
    void recordedOne(const Pending &pending, const LeaseStore::Recorded &recorded);
    void recordAbandoned(const Claim &claim);
    bool endAbandoned(const Claim &claim);
    void retryPending();
    void heartbeat();
    void enforceLeases();
    void finishStop();
    // Alerts (issue 17, scheduleralerts.cpp): only a runner with a notify action looks for
    // stuck, overdue and stale ones and delivers the events it claims.
    void scanEvents();
    void deliverEvents();

    ConnectionSpec m_spec;
    RunnerConfig m_config;
    QString m_name;
    QString m_journalDirectory;
    std::unique_ptr<ResultJournal> m_journal;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LeaseStore> m_leases;
    QHash<QString, Running> m_running;
    QList<Pending> m_pending;
    QList<Pending> m_finished; // ended, to be recorded together (recordFinished)
    // Children of the scheduler, so moveToThread() takes them along.
    QTimer m_wakeTimer{this};
    QTimer m_heartbeatTimer{this};
    QTimer m_leaseGuardTimer{this};
    QTimer m_reconnectTimer{this};
    QTimer m_graceTimer{this};
    QTimer m_pendingTimer{this};
    QTimer m_abortPollTimer{this};
    QTimer m_finishedTimer{this};
    // Run output on its way to cron_run_output, written by its own thread and connection.
    std::shared_ptr<RunOutputBuffer> m_output;
    std::unique_ptr<QThread> m_outputThread;
    OutputWriter *m_outputWriter = nullptr; // lives in m_outputThread
    int m_reconnectAttempts = 0;
    int m_failures = 0; // consecutive failed scheduling steps
    QString m_lastError; // not yet published in cron_runners
    bool m_degraded = false;
    bool m_started = false;
    bool m_stopping = false;
    bool m_paused = false; // pause all, as last read
    QElapsedTimer m_pauseReadAt; // when the pause was last read
    QSet<QString> m_announce; // changed by this runner, not yet announced
    QElapsedTimer m_lastAnnounce;
    QTimer m_announceTimer{this};
    QStringList m_skipJobs; // configured jobs with catch-up "skip", as last read
    Notifier *m_notifier = nullptr; // a child; none without a notify action
    std::shared_ptr<SqlSessionPool> m_sqlSessions; // PostgreSQL: the sql actions' sessions
};
