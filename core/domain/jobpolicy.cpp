#include "core/domain/jobpolicy.h"

#include "core/domain/jobrules.h"
#include "core/schedule/schedule.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>

namespace {

// This file's user-visible strings, in the "JobPolicy" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(JobPolicy)
};

} // namespace

namespace JobPolicy {

bool retryDue(const Job &job, const QDateTime &now)
{
    return job.active && job.retryAt.isValid() && job.retryAt <= now
        && job.runStatus() != RunStatus::Running && !JobRules::isHeldBack(job, now);
}

bool claimable(const Job &job, const QDateTime &now, bool paused)
{
    return !paused && (JobRules::shouldRun(job, now) || retryDue(job, now));
}

QDateTime claimableFrom(const Job &job, const QDateTime &now)
{
    QDateTime at = JobRules::claimableFrom(job, now);
    if (at.isValid() && job.retryAt.isValid() && job.runStatus() != RunStatus::Running) {
        QDateTime retry = std::max(job.retryAt, now);
        if (job.claimableAfter.isValid() && job.claimableAfter > retry)
            retry = job.claimableAfter;
        at = std::min(at, retry);
    }
    return at;
}

int attemptOf(const Job &job)
{
    return job.retryAt.isValid() ? std::max(0, job.retryAttempt) + 1 : 1;
}

QString triggerOf(const Job &job, const QDateTime &now)
{
    return job.retryAt.isValid() && job.retryAt <= now ? QStringLiteral("retry")
                                                       : QStringLiteral("schedule");
}

qint64 retryDelayAfter(const Job &job, int attempt)
{
    const double factor = std::clamp(job.retryBackoff, 1.0, maxRetryBackoff);
    const double seconds
        = std::max(0, job.retryDelaySeconds) * std::pow(factor, std::max(0, attempt - 1));
    return qint64(std::min(seconds, double(maxRetryDelaySeconds)));
}

QDateTime dueSince(const Job &job, const QDateTime &now)
{
    if (!JobRules::shouldRun(job, now) && !retryDue(job, now))
        return {};
    if (job.runStatus() == RunStatus::Running) // stuck: due again since its lease ran out
        return job.leaseExpiresAt.isValid() ? job.leaseExpiresAt : job.runningSince;
    QDateTime since = job.nextRun.isValid() ? job.nextRun : job.createdAt;
    if (!job.lastRun.isValid() && job.cronExpression.isEmpty() && job.createdAt.isValid())
        since = job.createdAt; // never ran: due since it was added
    if (retryDue(job, now) && (!since.isValid() || job.retryAt < since || since > now))
        since = job.retryAt;
    if (JobRules::isHeldBack(job, now)
        || (job.claimableAfter.isValid() && job.claimableAfter > since))
        since = std::max(since, job.claimableAfter);
    return since;
}

bool isOverdue(const Job &job, const QDateTime &now, bool paused)
{
    if (paused || !job.active || JobRules::hasLiveLease(job, now))
        return false;
    if (job.runStatus() == RunStatus::Running && !JobRules::isStuck(job, now))
        return false;
    const QDateTime since = dueSince(job, now);
    return since.isValid() && since.addSecs(std::max(0, job.overdueAfterSeconds)) < now;
}

namespace {

// The schedule's slot after `slot` (a cron fire time, or one interval later).
QDateTime slotAfter(const Job &job, const QDateTime &slot)
{
    if (const Schedule schedule = Schedule::of(job); schedule.isCron())
        return schedule.nextAfter(slot);
    return slot.addSecs(qint64(std::max(job.intervalHours, JobRules::minIntervalHours)) * 3600);
}

} // namespace

QDateTime nextSlotAfterRun(const Job &job, const QDateTime &now)
{
    if (job.catchUp != QLatin1String("all") || !job.nextRun.isValid() || job.nextRun > now)
        return JobRules::nextSlot(job, now);
    const QDateTime next = slotAfter(job, job.nextRun);
    if (!next.isValid() || next > now)
        return JobRules::nextSlot(job, now);
    // Bounded: count the slots still owed; too many collapse into the next regular one.
    QDateTime slot = next;
    for (int owed = 1; slot.isValid() && slot <= now; ++owed) {
        if (owed > maxCatchUpSlots)
            return JobRules::nextSlot(job, now);
        slot = slotAfter(job, slot);
    }
    return next;
}

QDateTime skipTo(const Job &job, const QDateTime &now)
{
    if (job.catchUp != QLatin1String("skip") || !job.catchUpWindowSeconds || !job.nextRun.isValid()
        || job.runStatus() == RunStatus::Running || !JobRules::shouldRun(job, now)
        || job.nextRun.addSecs(*job.catchUpWindowSeconds) >= now)
        return {};
    // The first slot after now that is not in the past: the missed ones are skipped.
    QDateTime slot = job.nextRun;
    for (int i = 0; slot.isValid() && slot <= now && i < 100000; ++i)
        slot = slotAfter(job, slot);
    return slot.isValid() && slot > now ? slot : JobRules::nextSlot(job, now);
}

JobState displayState(const Job &job, const QDateTime &now)
{
    const JobState state = JobRules::state(job, now);
    return state == JobState::DueNow && isOverdue(job, now, false) ? JobState::Overdue : state;
}

QString validateMaxRetries(qint64 value)
{
    if (value < 0 || value > maxMaxRetries)
        return Text::tr("--max-retries must be a whole number from 0 to %1, not %2")
            .arg(maxMaxRetries)
            .arg(value);
    return {};
}

QString validateRetryDelay(qint64 seconds)
{
    if (seconds < 0 || seconds > maxRetryDelaySeconds)
        return Text::tr("--retry-delay must be a whole number of seconds from 0 to %1, not %2")
            .arg(maxRetryDelaySeconds)
            .arg(seconds);
    return {};
}

QString validateRetryBackoff(double factor)
{
    if (!std::isfinite(factor) || factor < 1.0 || factor > maxRetryBackoff)
        return Text::tr("--retry-backoff must be a factor from 1 to %1 (1: the same delay each "
                        "time), not %2")
            .arg(maxRetryBackoff)
            .arg(factor);
    return {};
}

QString validateCatchUp(const QString &mode)
{
    if (mode != QLatin1String("once") && mode != QLatin1String("skip")
        && mode != QLatin1String("all"))
        return Text::tr("--catch-up must be once, skip or all, not \"%1\"").arg(mode);
    return {};
}

QString validateCatchUpWindow(qint64 seconds)
{
    if (seconds < 1 || seconds > maxRetryDelaySeconds * 52LL)
        return Text::tr("--catch-up-window must be a whole number of seconds from 1 to %1, not %2")
            .arg(maxRetryDelaySeconds * 52LL)
            .arg(seconds);
    return {};
}

QString validateOverdueAfter(qint64 seconds)
{
    if (seconds < 1 || seconds > maxOverdueAfterSeconds)
        return Text::tr("--overdue-after must be a whole number of seconds from 1 to %1, not %2")
            .arg(maxOverdueAfterSeconds)
            .arg(seconds);
    return {};
}

} // namespace JobPolicy
