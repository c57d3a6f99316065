#pragma once

#include "core/db/connectionspec.h"

#include <functional>
#include <memory>

class Database;

// The runner's PostgreSQL sessions for sql actions (issue 15): opening a connection per run
// cost the server a backend start and the runner a thread start, about 5 ms of CPU per run.
// Each session is a thread of its own holding one connection (Qt's one-connection-per-thread
// rule); a run is handed to an idle session, or to a new one, so a run never waits for another
// (the pool has no upper bound: the runner's max_concurrent_jobs is the bound). A session whose
// run was cancelled, whose connection broke or was left inside a transaction is closed, never
// reused; the others are reset (DISCARD ALL) before they go back. Idle sessions close after
// idleSeconds. Thread-safe.
class SqlSessionPool final {
public:
    // What a session hands a run: its connection (opened on first use; nullptr when opening
    // failed, with the reason in openError).
    struct Session {
        std::unique_ptr<Database> database;
        QString openError;
    };
    // Runs in the session's thread. Returns whether the session may be reused.
    using Work = std::function<bool(Session &session)>;

    explicit SqlSessionPool(const ConnectionSpec &database, int idleSeconds = 60);
    ~SqlSessionPool();
    Q_DISABLE_COPY_MOVE(SqlSessionPool)

    void post(Work work);
    // Sessions that exist now, idle or busy (for tests and the runner's log).
    int sessionCount() const;
    int idleCount() const;

    struct State;

private:
    std::shared_ptr<State> m_state;
};
