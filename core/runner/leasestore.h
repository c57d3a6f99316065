#pragma once

#include "domain/job.h"
#include "runner/executionresult.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
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
    QDateTime leaseExpiresAt; // as the server wrote it (its clock, an instant)
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
};

// The runner's SQL: claims with a lease, renewals, fenced finishes, the runners table. One
// instance per connection.
class LeaseStore final {
public:
    LeaseStore(Database &database, const QString &owner, int leaseSeconds);
    Q_DISABLE_COPY_MOVE(LeaseStore)

    QString owner() const { return m_owner; }

    // The configured jobs as they are now (for working out when to wake).
    Result<QList<Job>> jobs(const QStringList &names);
    // Claims up to `limit` (never more, new database or not) of the named jobs that
    // deve_executar_cron would run, atomically against every other runner and every
    // iniciar_execucao_cron caller. Each claim carries the lease expiry the server wrote.
    Result<QList<Claim>> claimDue(const QStringList &names, int limit);
    // Extends the lease to the server's real time plus the lease length and returns the expiry
    // the server wrote; std::nullopt when the lease is no longer ours (reset, or taken after
    // expiry).
    Result<std::optional<QDateTime>> renew(const Claim &claim);
    // Records the result (cron_jobs and one tenant_logs row, one transaction) if the token still
    // matches; false when fenced off (nothing written).
    Result<bool> finish(const Claim &claim, const ExecutionResult &result);
    // Gives the job back without recording a run (a claim this runner cannot start).
    Status release(const Claim &claim);

    Status registerRunner(const RunnerInfo &info);
    Status heartbeat(const QStringList &runningJobs);
    Status deregister();
    Result<QList<RunnerInfo>> runners();

private:
    Result<QList<Claim>> claimPostgres(const QStringList &names, int limit);
    Result<QList<Claim>> claimSqlite(const QStringList &names, int limit);

    Database &m_database;
    QString m_owner;
    int m_leaseSeconds;
};
