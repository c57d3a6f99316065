#pragma once

#include "core/domain/job.h"

#include <QString>

#include <algorithm>
#include <optional>

// Per-job policies (issue 17) on plain values: retries, overdue, and what a claim is. They must
// agree with cron_job_retry_due() and the pause in sql/postgresql/0012_policies.sql.
namespace JobPolicy {

inline constexpr int maxMaxRetries = 100;
inline constexpr int maxRetryDelaySeconds = 7 * 24 * 3600;
inline constexpr double maxRetryBackoff = 10.0;
inline constexpr int maxOverdueAfterSeconds = 30 * 24 * 3600;

// A pending retry has come: active, not running, not held back, retry_at reached.
bool retryDue(const Job &job, const QDateTime &now);
// What a runner may claim: the seed's rule or a due retry, never while paused.
bool claimable(const Job &job, const QDateTime &now, bool paused);
// When claimable() becomes true (for the runner's wake-up): the earlier of the regular rule's
// time and retry_at.
QDateTime claimableFrom(const Job &job, const QDateTime &now);
// The attempt a claim of this row makes (1 unless a retry streak is on) and how many there may
// be.
int attemptOf(const Job &job);
inline int maxAttempts(const Job &job)
{
    return std::max(0, job.maxRetries) + 1;
}
// "retry" for a claim made because retry_at came, else "schedule".
QString triggerOf(const Job &job, const QDateTime &now);
// Seconds to wait after failed attempt `attempt` (1-based): delay * backoff^(attempt-1).
qint64 retryDelayAfter(const Job &job, int attempt);
// Since when the job has been due (invalid when it is not due).
QDateTime dueSince(const Job &job, const QDateTime &now);
// Due for longer than overdue_after_seconds and not running (never while paused: a pause holds
// jobs on purpose).
bool isOverdue(const Job &job, const QDateTime &now, bool paused);

// Catch-up after downtime (catch_up). The slot after a run: "all" serves every missed slot in
// turn (the next one after the planned slot, due at once while behind; at most
// maxCatchUpSlots behind, beyond that it collapses as "once"); "once" and "skip" as
// JobRules::nextSlot.
inline constexpr int maxCatchUpSlots = 100;
QDateTime nextSlotAfterRun(const Job &job, const QDateTime &now);
// "skip": a due slot later than catch_up_window_seconds is not run; the slot to move next_run
// to instead (invalid: run it).
QDateTime skipTo(const Job &job, const QDateTime &now);

// JobRules::state, or Overdue for a job overdue (the console's display state).
JobState displayState(const Job &job, const QDateTime &now);

// Validation with messages for people; an empty string means valid.
QString validateMaxRetries(qint64 value);
QString validateRetryDelay(qint64 seconds);
QString validateRetryBackoff(double factor);
QString validateCatchUp(const QString &mode);
QString validateCatchUpWindow(qint64 seconds);
QString validateOverdueAfter(qint64 seconds);

} // namespace JobPolicy

// What "cronctl set-policy" and the job dialog change: only the fields that are set.
struct PolicyChange {
    std::optional<int> maxRetries;
    std::optional<int> retryDelaySeconds;
    std::optional<double> retryBackoff;
    std::optional<QString> catchUp;
    std::optional<int> catchUpWindowSeconds;
    std::optional<int> overdueAfterSeconds;

    bool isEmpty() const
    {
        return !maxRetries && !retryDelaySeconds && !retryBackoff && !catchUp
            && !catchUpWindowSeconds && !overdueAfterSeconds;
    }
};
