#pragma once

#include "client/jobaction.h"
#include "db/connectionspec.h"
#include "domain/historyentry.h"
#include "domain/job.h"
#include "runner/leasestore.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <functional>

class JobWorker;

// The console's only door to the database, usable from the GUI thread. Every query runs on a
// worker thread with its own connection; answers come back as plain values, through signals or
// through callbacks that are dropped when their context object is gone.
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
        bool seedDemo = false; // fill an empty database with the demo jobs
    };

    using ActionCallback = std::function<void(const Result<ActionOutcome> &)>;
    using HistoryCallback = std::function<void(const Result<QList<HistoryEntry>> &)>;

    explicit JobClient(const ConnectionSpec &spec, QObject *parent = nullptr);
    JobClient(const ConnectionSpec &spec, const Options &options, QObject *parent = nullptr);
    ~JobClient() override;
    Q_DISABLE_COPY_MOVE(JobClient)

    // Starts the worker thread, which connects, migrates (SQLite) or checks the schema
    // (PostgreSQL) and loads the jobs.
    void start();

    const ConnectionSpec &spec() const { return m_spec; }
    State state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    bool isWritable() const { return m_writable; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    QString databaseUser() const { return m_databaseUser; }

    void reload();
    // `callback` runs on this thread, and only while `context` lives.
    void perform(const JobAction &action, QObject *context, ActionCallback callback);
    void fetchHistory(const HistoryQuery &query, QObject *context, HistoryCallback callback);
    // Reads cron_runners; the answer comes as runnersLoaded() or runnersFailed(). After the
    // first request the worker also refreshes them on every cron_jobs_changed notification.
    void refreshRunners();

signals:
    void stateChanged(JobClient::State state, const QString &message);
    void writableChanged(bool writable, const QString &reason);
    void jobsLoaded(const QList<Job> &jobs); // the whole list
    void jobUpdated(const Job &job); // one job changed or appeared
    void jobRemoved(const QString &name);
    void runnersLoaded(const QList<RunnerInfo> &runners);
    void runnersFailed(const QString &message);

private:
    friend class JobWorker; // delivers its answers through the methods below, on this thread
    void deliverState(State state, const QString &message);
    void deliverSession(bool writable, const QString &reason, const QString &databaseUser);
    void deliverAction(quint64 id, const Result<ActionOutcome> &outcome);
    void deliverHistory(quint64 id, const Result<QList<HistoryEntry>> &history);

    template <typename Callback> struct Pending {
        QPointer<QObject> context;
        Callback callback;
    };

    ConnectionSpec m_spec;
    Options m_options;
    QThread m_thread;
    JobWorker *m_worker = nullptr; // lives in m_thread
    State m_state = State::Connecting;
    QString m_stateMessage;
    bool m_writable = false;
    QString m_readOnlyReason;
    QString m_databaseUser;
    quint64 m_nextId = 0;
    QHash<quint64, Pending<ActionCallback>> m_actions;
    QHash<quint64, Pending<HistoryCallback>> m_histories;
};
