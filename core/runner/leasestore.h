#pragma once

#include "core/domain/job.h"
#include "core/runner/executionresult.h"
#include "core/store/runstore.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class Database;
class JobStore;

// A job this runner holds: the row as claimed (next_run is still the planned slot) and the
// fencing token every later write must present.
struct Claim {
    Job job;
    qint64 token = 0;
    QString owner; // the lease owner's name; empty: this store's owner
    // Set when this claim took the job over from a runner whose lease had expired: that run
    // was abandoned (its runner died, or was cut off) and this claimer records it (G2).
    struct Abandoned {
        QString owner;
        qint64 token = 0;
        QDateTime since;
        qint64 backendPid = 0; // its sql action's server backend, if it had one
    };
    std::optional<Abandoned> abandoned;
    QDateTime leaseExpiresAt; // as the server wrote it (its clock, an instant)
    // What started this run (cron_runs.trigger, see sql/postgresql/0011_runs.sql): "schedule",
    // "run_now", "retry", "takeover" or "platform"; and which attempt of its slot it is.
    QString trigger = QStringLiteral("schedule");
    int attempt = 1;
    qint64 runId = 0; // its cron_runs row, once written (0: none yet)
};

struct RunnerInfo {
    QString name;
    QString host;
    qint64 pid = 0;
    QString version;
    QDateTime startedAt;
    QDateTime heartbeatAt;
    QDateTime stoppedAt;
    int heartbeatSeconds = 20;
    QStringList jobs;
    QStringList runningJobs;
    bool stale = false; // no heartbeat for three periods and not stopped: probably dead
    // What the runner says of itself: "running", "degraded" (it cannot schedule: see lastError),
    // "stopping" or "stopped".
    QString state;
    QString lastError;
    QDateTime lastErrorAt;
};

// What a heartbeat reports.
struct RunnerHealth {
    QStringList runningJobs;
    QString state = QStringLiteral("running");
    QString lastError; // empty: none since the last success
};

// The runner's SQL: claims with a lease, renewals, fenced finishes, the runners table. One
// instance per connection.
class LeaseStore final {
    Q_DECLARE_TR_FUNCTIONS(LeaseStore)
public:
    LeaseStore(Database &database, const QString &owner, int leaseSeconds);
    Q_DISABLE_COPY_MOVE(LeaseStore)

    QString owner() const { return m_owner; }
    // The slot a run belongs to: a retry's is the slot that failed (retry_slot), else next_run.
    static QDateTime slotOf(const Claim &claim);

    // The jobs this store's own writes changed since the last call (PostgreSQL: the runner's
    // session is quiet, and the scheduler announces these, coalesced; see 0017_scale.sql).
    QSet<QString> takeChanged() { return std::exchange(m_changed, {}); }

    // The runner's configured jobs, kept in a temporary table of the session (PostgreSQL), so a
    // claim sends only the few jobs it must leave out (those running here), not thousands of
    // names each time. Without the table (no TEMP privilege) claims send the names as before.
    void useConfiguredJobs(const QStringList &names);
    // Whether claims read the configured jobs from that table.
    bool claimsFromTable() const { return !m_configured.isEmpty(); }
    // The configured jobs as they are now (for working out when to wake).
    Result<QList<Job>> jobs(const QStringList &names);
    // Those of the named jobs that may become claimable within `horizonSeconds`, and those
    // with catch-up "skip" (for working out when to wake: a burst's tail reads few rows).
    Result<QList<Job>> wakeCandidates(const QStringList &names, int horizonSeconds);
    // claimDue() and wakeCandidates() for the configured jobs but those in `running` (the ones
    // running here, a handful): with the session's table nothing per configured job is built or
    // sent (10,000 jobs: the runner's CPU per run grew with N before).
    Result<QList<Claim>> claimIdle(const QStringList &running, int limit);
    Result<QList<Job>> wakeCandidatesIdle(const QStringList &running, int horizonSeconds);
    // Claims up to `limit` (never more, new database or not) of the named jobs that
    // deve_executar_cron would run, atomically against every other runner and every
    // iniciar_execucao_cron caller. Each claim carries the lease expiry the server wrote.
    Result<QList<Claim>> claimDue(const QStringList &names, int limit);
    // Extends the lease to the server's real time plus the lease length and returns the expiry
    // the server wrote; std::nullopt when the lease is no longer ours (reset, or taken after
    // expiry).
    Result<std::optional<QDateTime>> renew(const Claim &claim);
    struct Recorded {
        bool duplicate = false; // this (job, token) was recorded before: nothing written now
        bool fenced = false; // the lease was no longer ours: history row only, job untouched
    };
    struct FinishDetail {
        bool minimal = false; // the full result could not be stored: keep the essentials
        QString whyMinimal;
    };
    // Records one execution, idempotently: exactly one tenant_logs row per (job, lease token),
    // and the job's new state when the lease is still ours (one transaction). NUL characters
    // are replaced, since jsonb refuses them.
    Result<Recorded> finish(
        const Claim &claim, const ExecutionResult &result, const FinishDetail &detail);
    struct Finished {
        Claim claim;
        ExecutionResult result;
    };
    // finish() for runs that ended together, in one transaction (issue 15: one commit, and one
    // change notification, for a burst). All or nothing: on an error none is recorded, and the
    // caller records them one by one (each with its own fallbacks).
    Result<QList<Recorded>> finish(const QList<Finished> &runs);
    // Writes the run row of a fresh claim (cron_runs, status running) and sets claim.runId and
    // the trigger as stored; returns the job's output cap in bytes.
    Result<qint64> openRun(Claim &claim);
    // openRun() for a burst of claims, in one statement on PostgreSQL; the output caps in the
    // claims' order.
    Result<QList<qint64>> openRuns(QList<Claim> &claims);
    // Notes the server backend that runs a claim's sql action (PostgreSQL).
    Status setActionBackend(const Claim &claim, qint64 pid);
    // Ends the statement of an abandoned sql action and waits for it to be gone; false when it
    // could not be ended (then the job must not start again yet).
    Result<bool> endAbandonedStatement(qint64 pid, qint64 jobId, qint64 token);
    // Gives a claim back to the abandoned run it took over (its statement could not be ended):
    // the job stays held, and is tried again a few seconds later.
    Status revertClaim(const Claim &claim);
    // Frees a job whose run cannot be recorded at all, so it does not stay running; false when
    // the lease is no longer ours.
    Result<bool> releaseUnrecorded(const Claim &claim, const QString &why);
    // Gives the job back without recording a run (a claim this runner cannot start).
    Status release(const Claim &claim);
    // Catch-up "skip" (issue 17, leasestorepolicy.cpp): next_run of the row as read moves to
    // `to`, with a cron_job_skipped history row; false when the row changed meanwhile.
    Result<bool> skipSlot(const Job &job, const QDateTime &to);

    Status registerRunner(const RunnerInfo &info);
    Status heartbeat(const RunnerHealth &health);
    Status deregister();
    Result<QList<RunnerInfo>> runners();

private:
    // Which jobs a statement means, as an SQL condition on `c.nome` and the :names it binds.
    struct Which {
        QString clause;
        QString names; // a JSON array
    };
    Which whichJobs(const QStringList &names) const;
    // One execution's writes, inside the caller's transaction.
    Status recordIn(const Claim &claim, const ExecutionResult &result, const FinishDetail &detail,
        Recorded &recorded);
    // What applyFinish() leaves for finishSetWise() to write, one JSON object per row.
    struct Deferred {
        QJsonArray jobs;
        QJsonArray runs;
        QJsonArray audits;
    };
    // recordIn() after its reads: `row` is the job as held under this claim's lease (none:
    // fenced). With `deferred`, the writes of cron_jobs, cron_runs and tenant_logs are left there.
    Status applyFinish(const Claim &claim, const ExecutionResult &result,
        const FinishDetail &detail, const std::optional<Job> &row, Recorded &recorded,
        Deferred *deferred);
    Status finishSetWise(const QList<Finished> &runs, QList<Recorded> &recorded);
    static RunStore::Start runStart(const Claim &claim, const QString &owner);
    Result<QList<Claim>> claimPostgres(const Which &which, int limit);
    Result<QList<Job>> wakeCandidates(const Which &which, int horizonSeconds);
    // The configured jobs but `running`: the table's clause leaving them out.
    Which tableWhich(const QStringList &leftOut) const;
    QStringList idleOf(const QStringList &running) const;
    Result<QList<Claim>> claimSqlite(const QStringList &names, int limit);

    QSet<QString> m_changed;
    QSet<QString> m_configured; // in pg_temp.cron_console_runner_jobs; empty: no such table
    QStringList m_configuredNames; // as given to useConfiguredJobs(), on every backend
    Database &m_database;
    QString m_owner;
    int m_leaseSeconds;
};
