#pragma once

#include "core/db/connectionspec.h"
#include "core/runner/runneraction.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <memory>

class SqlSessionPool;

// Runs the configured SQL on PostgreSQL on a session of the runner's pool (SqlSessionPool: a
// connection in a thread of its own per concurrent run, kept between runs), on SQLite on a
// connection and thread of its own per run. On PostgreSQL the session has the job's
// statement_timeout, and server-side keepalives and client_connection_check_interval, so a
// statement whose runner died or was cut off stops on the server within seconds. kill() sends
// a cancel request and closes the socket at once: a hung server cannot keep the action alive.
// On SQLite, kill() interrupts the statement (sqlite3_interrupt). Its output: the server's
// notices as they arrive (PostgreSQL) and a summary line (rows returned or affected).
class SqlAction final : public RunnerAction {
    Q_OBJECT
public:
    // `pool` may be null: then every run opens its own connection.
    SqlAction(const ActionSpec &spec, const ConnectionSpec &database,
        std::shared_ptr<SqlSessionPool> pool = {}, QObject *parent = nullptr);
    ~SqlAction() override;

    void start() override;
    void kill(const QString &reason) override;

    // The PostgreSQL server process running the statement (pg_backend_pid()); 0 before it is
    // known and on SQLite. Whoever takes the job over may pg_terminate_backend() it.
    qint64 backendPid() const;
    // Whether a runner that takes the job over finds the session by its application_name alone
    // (a pooled session sets it for each run); otherwise the scheduler writes the backend on
    // backendStarted.
    bool foundByApplicationName() const { return m_pool != nullptr; }
    // Emits the notices and summary waiting (on the action's thread; the worker asks for it).
    void flushOutput();

    // After kill(), how long the worker may take to report what really happened before the
    // action finishes without it.
    static constexpr int killGraceMs = 1000;
    // How long the destructor waits for the worker to close its connection.
    static constexpr int destroyWaitMs = 200;
    // Server-side keepalives: a runner cut off stops answering; its statement ends after about
    // idle + interval * count seconds (plus the 1 s connection check).
    static constexpr int keepaliveIdleSeconds = 2;
    static constexpr int keepaliveIntervalSeconds = 1;
    static constexpr int keepaliveCount = 3;

    // The session's application_name while it runs a job's statement: whoever takes the job
    // over ends that backend only while it still runs this very run (job id and lease token).
    static QString applicationName(qint64 jobId, qint64 token);

    struct Shared; // state shared with the worker thread

signals:
    // The statement's server process is known (PostgreSQL only), before the statement runs.
    void backendStarted(qint64 pid);

private:
    void onWorkerDone();
    void finish(ExecutionResult result);

    ActionSpec m_spec;
    ConnectionSpec m_database;
    std::shared_ptr<SqlSessionPool> m_pool;
    std::shared_ptr<Shared> m_shared;
    QPointer<QThread> m_thread; // deletes itself when done; may outlive us after kill()
    QTimer m_timeout;
    QTimer m_killGrace;
    QElapsedTimer m_clock;
    QString m_killReason;
    bool m_done = false;
};
