#pragma once

#include "core/domain/run.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

class Database;

// The SQL of cron_runs and cron_run_output: what the runner writes while a run goes on, what
// cronctl and the console read, and abort requests. One instance per connection.
class RunStore final {
    Q_DECLARE_TR_FUNCTIONS(RunStore)
public:
    explicit RunStore(Database &database);
    Q_DISABLE_COPY_MOVE(RunStore)

    // --- the runner's side ---
    struct Start {
        qint64 jobId = 0;
        QString jobName;
        QString trigger;
        int attempt = 1;
        QString runner;
        QString host;
        qint64 leaseToken = 0;
        QDateTime scheduledFor;
    };
    struct Opened {
        qint64 runId = 0;
        QString trigger; // as stored: a second run of a slot becomes "takeover"
        qint64 outputLimit = 1024 * 1024;
    };
    // Writes the run row of a claim (status running), once per (job, lease token).
    Result<Opened> open(const Start &start);
    // open() for several claims: one statement on PostgreSQL (issue 15: a burst of claims costs
    // one round trip, not three per run), open() one by one on SQLite. The answer is in the
    // order of `starts`; a run whose row could not be written at once is retried alone.
    Result<QList<Opened>> open(const QList<Start> &starts);
    struct Finish {
        QString status;
        std::optional<int> exitCode;
        std::optional<int> httpStatus;
        double durationSeconds = 0;
        QString resultJson; // compact JSON without NUL characters
        QString error;
    };
    // Closes the run of (job, lease token); writes the row when it is missing (its start was not
    // recorded). Meant to run inside the transaction that records the execution. Returns the
    // run's id.
    Result<qint64> close(const Start &start, const Finish &finish);
    // Output: one chunk; dropping the chunks before `seq`; the figures.
    Status appendOutput(qint64 runId, qint64 seq, bool stderrStream, const QString &text);
    Status dropOutputBefore(qint64 runId, qint64 seq);
    Status setOutputFigures(qint64 runId, qint64 bytes, qint64 dropped, bool complete);
    // The same for many runs in one statement each (PostgreSQL): what an output writer stores
    // in one flush of a burst, a statement per kind of write instead of four per run.
    struct OutputChunk {
        qint64 runId = 0;
        qint64 seq = 0;
        bool stderrStream = false;
        QString text;
    };
    struct OutputFigures {
        qint64 runId = 0;
        qint64 bytes = 0;
        qint64 dropped = 0;
        bool complete = false;
    };
    Status appendOutputs(const QList<OutputChunk> &chunks);
    // Drops, for each run, the chunks before its seq.
    Status dropOutputsBefore(const QHash<qint64, qint64> &keepFrom);
    Status setOutputFigures(const QList<OutputFigures> &figures);
    struct AbortRequest {
        QString by;
        QString reason;
    };
    // The abort requests among these runs.
    Result<QHash<qint64, AbortRequest>> abortRequests(const QList<qint64> &runIds);

    // --- readers ---
    Result<QList<RunRecord>> runs(const QString &job, int limit);
    // The job's ended runs with a duration, started in [since, until) (invalid: open), newest
    // first, at most `limit` (the duration chart).
    Result<QList<RunRecord>> endedRuns(
        const QString &job, const QDateTime &since, const QDateTime &until, int limit);
    // When the job's first recorded run started (invalid: none): older history has no runs.
    Result<QDateTime> firstRunStarted(const QString &job);
    Result<std::optional<RunRecord>> run(qint64 id);
    // The job's running run, or else its latest one.
    Result<std::optional<RunRecord>> current(const QString &job);
    // Chunks after `afterSeq`, in order, at most `limit`.
    Result<QList<RunOutputChunk>> output(qint64 runId, qint64 afterSeq, int limit = 1000);

    // --- abort ---
    // Asks the runner holding the job's running run to stop it (a NOTIFY on PostgreSQL; runners
    // on SQLite poll), and audits it (cron_admin_abort). Conflict when nothing runs or when the
    // run is the platform's (no lease: it cannot be stopped from here).
    Result<RunRecord> requestAbort(const QString &job, const QString &reason);

    static constexpr const char *abortChannel = "cron_run_abort";

private:
    Result<QList<RunRecord>> select(
        const QString &where, const QVariantMap &values, const QString &tail);

    Database &m_database;
};
