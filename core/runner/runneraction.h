#pragma once

#include "core/runner/executionresult.h"
#include "core/runner/runnerconfig.h"

#include <QDateTime>
#include <QObject>

#include <memory>

struct ConnectionSpec;
class SqlSessionPool;

// Who an execution is: given to the action (a command sees it in its environment, so it can fence
// its own writes with the token).
struct ActionContext {
    QString job;
    qint64 token = 0; // the lease's fencing token
    QDateTime scheduledAt; // the slot this run was planned for (UTC)
    QString runner;
    qint64 jobId = 0;
    qint64 runId = 0; // its cron_runs row; 0: none was written
};

// One running execution of a job's configured action. Emits finished() exactly once, also
// after kill() (then with an error result).
class RunnerAction : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RunnerAction() override = default;

    void setContext(const ActionContext &context) { m_context = context; }
    const ActionContext &context() const { return m_context; }

    virtual void start() = 0;
    // Stop now: the process tree is killed, the request aborted. `reason` ends up in the error.
    virtual void kill(const QString &reason) = 0;
    // The action must be gone by `bootMs` (BootClock): the runner's lease ends soon after. The
    // scheduler enforces it in-process; a command's guard process enforces it outside the runner
    // too, so a paused or hung runner cannot let it run on.
    virtual void setHardDeadline(qint64 bootMs) { Q_UNUSED(bootMs) }

    // The right action for the spec. `database` is where sql actions connect: on a session of
    // `sqlSessions` when given, else on a connection of their own.
    static std::unique_ptr<RunnerAction> create(const ActionSpec &spec,
        const ConnectionSpec &database, const std::shared_ptr<SqlSessionPool> &sqlSessions,
        QObject *parent = nullptr);

    // Bytes of output kept from each stream; more is counted and dropped, never held.
    static constexpr qsizetype outputLimit = 64 * 1024;

signals:
    void finished(const ExecutionResult &result);
    // What the action prints, as it arrives, for the run's stored output: a command's stdout and
    // stderr, an http action's response body, a sql action's notices and summary.
    void output(bool stderrStream, const QByteArray &data);

private:
    ActionContext m_context;
};
