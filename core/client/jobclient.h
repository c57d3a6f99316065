#pragma once

#include "core/client/jobaction.h"
#include "core/db/connectionspec.h"
#include "core/domain/job.h"
#include "core/runner/leasestore.h"
#include "core/store/pausestore.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <chrono>
#include <functional>

class Database;
class DbThread;

// The console's door to cron_jobs, usable from the GUI thread: a thin façade over a DbThread
// that turns its answers and change feed into the signals the job table and the panes use.
class JobClient final : public QObject {
    Q_OBJECT
public:
    enum class State {
        Connecting, // first open
        Connected,
        Reconnecting, // the connection was lost or could not be opened; retrying with backoff
    };
    Q_ENUM(State)

    struct Options {
        QString purpose = QStringLiteral("console"); // in application_name
        std::chrono::milliseconds pollInterval{2000}; // SQLite change polling
        std::chrono::milliseconds pingInterval{2000}; // PostgreSQL liveness check
        std::chrono::milliseconds firstRetry{250};
        std::chrono::milliseconds maxRetry{10000};
        // Runs on the database thread after every open (the demo seeds its jobs here).
        std::function<Status(Database &)> onOpen;
    };

    using ActionCallback = std::function<void(const Result<ActionOutcome> &)>;

    explicit JobClient(const ConnectionSpec &spec, QObject *parent = nullptr);
    JobClient(const ConnectionSpec &spec, const Options &options, QObject *parent = nullptr);
    ~JobClient() override;
    Q_DISABLE_COPY_MOVE(JobClient)

    // Starts the database thread, which connects, migrates (SQLite) or checks the schema
    // (PostgreSQL) and loads the jobs.
    void start();

    const ConnectionSpec &spec() const;
    State state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    bool isWritable() const { return m_writable; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    QString databaseUser() const { return m_databaseUser; }

    void reload();
    // `callback` runs on this thread, and only while `context` lives.
    void perform(const JobAction &action, QObject *context, ActionCallback callback);
    // Reads cron_runners; the answer comes as runnersLoaded() or runnersFailed(). After the
    // first request they are also refreshed on every cron_jobs_changed notification.
    void refreshRunners();
    // Pause all (issue 17, jobclientpause.cpp): reads cron_pause, answered by pauseLoaded(),
    // and after the first request on every change the feed reports.
    void refreshPause();
    void setPaused(bool paused, const QString &reason, QObject *context,
        std::function<void(const Result<bool> &)> callback);

signals:
    void stateChanged(JobClient::State state, const QString &message);
    void writableChanged(bool writable, const QString &reason);
    void jobsLoaded(const QList<Job> &jobs); // the whole list
    void jobsUpdated(const QList<Job> &jobs); // these jobs changed or appeared
    void jobRemoved(const QString &name); // once per job that was loaded or updated
    void runnersLoaded(const QList<RunnerInfo> &runners);
    void runnersFailed(const QString &message);
    void pauseLoaded(const PauseState &state);

private:
    struct Session {
        bool writable = true;
        QString reason;
        QString user;
    };

    void setState(State state, const QString &message);
    void onConnected();
    void onChanged();
    // `since` empty: every job (jobsLoaded); otherwise those written since (jobsUpdated).
    void readChanges(const QString &since);
    void reportReadError(const Error &error);
    void showAll(const QList<Job> &jobs);
    void showJobs(const QList<Job> &jobs);
    void forgetJob(const QString &name);

    DbThread *m_db; // child
    State m_state = State::Connecting;
    QString m_stateMessage;
    bool m_writable = false;
    QString m_readOnlyReason;
    QString m_databaseUser;
    QSet<QString> m_shown; // the jobs reported; a removal is reported only for these
    QString m_snapshot; // PostgreSQL: the snapshot of the last read (JobChangeFeed)
    bool m_watchRunners = false; // someone asked for the runners: keep them fresh
    bool m_watchPause = false; // someone asked whether all is paused: keep it fresh
};
