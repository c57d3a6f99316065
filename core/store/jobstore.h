#pragma once

#include "core/domain/historyentry.h"
#include "core/domain/job.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;
class Schedule;
struct PolicyChange;
class QSqlQuery;

struct NewJob {
    QString name;
    QString description;
    qint64 intervalHours = 12;
    bool active = true;
    QString cronExpression; // empty: the interval drives next_run
    QString timeZone; // IANA zone of the cron expression (empty: UTC)
    QDateTime runAt; // valid: a one-shot job, run once at this instant, then disabled
};

// What every admin action may carry.
struct ActionOptions {
    // The row_version the user was looking at; when set and the job has moved on since, the
    // action is refused instead of overwriting someone else's change.
    std::optional<qint64> expectedVersion;
    QString reason; // goes into the audit row
    // reset only: go ahead although a runner's lease is live. The holder is fenced off and the
    // job stays unclaimable until that lease's expiry (Job::claimableAfter).
    bool force = false;
};

struct ActionOutcome {
    Job job; // the job after the action (before it, for remove)
    bool changed = false; // false when the job already was as asked (nothing written)
};

// The seed's actions on one connection. Every admin action is one transaction that changes the
// job and writes one tenant_logs audit row, or changes nothing. Not thread-safe: one store per
// connection, one connection per thread.
class JobStore final {
    Q_DECLARE_TR_FUNCTIONS(JobStore)
public:
    explicit JobStore(Database &database);
    Q_DISABLE_COPY_MOVE(JobStore)

    Result<QList<Job>> listJobs();
    Result<Job> job(const QString &name);

    Result<ActionOutcome> addJob(const NewJob &job, const ActionOptions &options = {});
    Result<ActionOutcome> removeJob(const QString &name, const ActionOptions &options = {});
    Result<ActionOutcome> setActive(
        const QString &name, bool active, const ActionOptions &options = {});
    // The seed's update_interval: every `hours` hours from now (a cron schedule is dropped).
    Result<ActionOutcome> updateInterval(
        const QString &name, qint64 hours, const ActionOptions &options = {});
    // A cron expression in a zone, or an interval; next_run moves to the schedule's next run.
    Result<ActionOutcome> setSchedule(
        const QString &name, const Schedule &schedule, const ActionOptions &options = {});
    // A running or stuck job back to 'pending'; its lease is dropped and fenced. Refused
    // (Error::Kind::Conflict) while a runner's lease is live unless options.force; a forced
    // reset keeps the job unclaimable by anyone until the old lease's expiry.
    Result<ActionOutcome> reset(const QString &name, const ActionOptions &options = {});
    // next_run = now; on PostgreSQL the change is announced to runners at once. Refused while
    // the job is running and not stuck, so it never starts a second copy.
    Result<ActionOutcome> runNow(const QString &name, const ActionOptions &options = {});

    // descricao; an empty text clears it (NULL). Audited as cron_admin_set_description.
    // (jobedits.cpp)
    Result<ActionOutcome> setDescription(
        const QString &name, const QString &description, const ActionOptions &options = {});
    // nome; audited as cron_admin_rename under the new name, with the old one. Refused while
    // the job is running (its runner and the platform finish it by name) and when the name is
    // taken. The history rows written so far keep the old name. (jobedits.cpp)
    Result<ActionOutcome> rename(
        const QString &name, const QString &newName, const ActionOptions &options = {});
    // Retries, catch-up and overdue (issue 17; core/store/jobpolicystore.cpp). Validated first;
    // a pending retry is dropped when max_retries becomes 0.
    Result<ActionOutcome> setPolicy(
        const QString &name, const PolicyChange &change, const ActionOptions &options = {});

    // The job's (or all) cron history in tenant_logs, newest first.
    Result<QList<HistoryEntry>> history(const HistoryQuery &query);

private:
    using Change = std::function<Result<bool>(const Job &before)>;
    // Lock the job, check the expected version, apply `change` (which returns whether it
    // wrote), re-read and audit, all in one transaction.
    Result<ActionOutcome> applyAction(const QString &name, const QString &action,
        const ActionOptions &options, const Change &change, const QJsonObject &auditExtras = {});
    Result<Job> selectJob(const QString &name, bool forUpdate);
    Result<ActionOutcome> applySchedule(const QString &name, const Schedule &schedule,
        const QString &action, const ActionOptions &options);
    // Runs a kept prepared statement with named values (keys without the colon).
    Result<QSqlQuery *> run(const QString &sql, const QVariantMap &values, const QString &what);
    Status exec(const QString &sql, const QVariantMap &values, const QString &what);
    // UPDATE cron_jobs SET <assignments> (plus row_version, updated_at) for one job.
    Result<bool> updateJob(
        qint64 id, const QString &assignments, QVariantMap values, const QString &what);

    Database &m_database;
};
