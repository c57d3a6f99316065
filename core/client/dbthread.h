#pragma once

#include "core/db/connectionspec.h"
#include "core/db/database.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>

#include <chrono>
#include <functional>

class DbThreadWorker;

// One database connection on its own thread (Qt's SQL rule: a connection belongs to the thread
// that opened it), usable from the GUI thread. call() runs a piece of work on that thread and
// hands its Result back, in the order asked, to a callback that runs only while its context
// object lives. A persistent DbThread also reconnects with backoff and reports other
// connections' changes (LISTEN on PostgreSQL, data_version polling on SQLite) as changed().
class DbThread final : public QObject {
    Q_OBJECT
public:
    enum class State {
        Connecting, // first open
        Connected,
        Reconnecting, // the connection was lost or could not be opened; retrying with backoff
    };
    Q_ENUM(State)

    struct Options {
        QString purpose; // in application_name
        SchemaPolicy schema = SchemaPolicy::MigrateEmbedded;
        // True: connect at start(), watch the connection and reconnect with backoff. False: open
        // on the first call and again on the call after a lost connection; no change feed.
        bool persistent = true;
        QString changeChannel; // PostgreSQL channel to LISTEN on (empty: none)
        std::chrono::milliseconds pollInterval{2000}; // SQLite change polling
        std::chrono::milliseconds pingInterval{2000}; // PostgreSQL liveness check
        std::chrono::milliseconds firstRetry{250};
        std::chrono::milliseconds maxRetry{10000};
        // Runs on the thread after every successful open; a failure counts as a failed open.
        std::function<Status(Database &)> onOpen;
    };

    DbThread(const ConnectionSpec &spec, const Options &options, QObject *parent = nullptr);
    ~DbThread() override;
    Q_DISABLE_COPY_MOVE(DbThread)

    // Starts the thread; a persistent DbThread connects.
    void start();

    const ConnectionSpec &spec() const { return m_spec; }
    State state() const { return m_state; }

    // Runs `work` on the thread with the open connection (or answers a connection error when
    // there is none), then `callback` on this object's thread while `context` lives. A
    // connection error from `work` moves a persistent DbThread to Reconnecting first.
    template <typename T>
    void call(QObject *context, std::function<Result<T>(Database &)> work,
        std::function<void(const Result<T> &)> callback)
    {
        runOnThread([this, guard = QPointer<QObject>(context), work = std::move(work),
                        callback = std::move(callback)](const Result<Database *> &db) {
            Result<T> result = db ? work(**db) : Result<T>(db.error());
            if (!result)
                handleError(result.error());
            deliver([guard, callback, result = std::move(result)] {
                if (guard && callback)
                    callback(result);
            });
        });
    }

signals:
    void stateChanged(DbThread::State state, const QString &message);
    // Rows changed through another connection: the notified names (PostgreSQL payloads), or an
    // empty name for "anything may have changed".
    void changed(const QSet<QString> &names);

private:
    // Runs `task` on the thread with the connection, or why there is none (after trying to
    // open it, for a non-persistent DbThread).
    void runOnThread(std::function<void(const Result<Database *> &)> task);
    void handleError(const Error &error); // on the thread
    void deliver(std::function<void()> answer); // from the thread to this object's thread
    void setState(State state, const QString &message);

    ConnectionSpec m_spec;
    QThread m_thread;
    DbThreadWorker *m_worker = nullptr; // lives in m_thread
    State m_state = State::Connecting;
};
