#include "core/domain/jobrules.h"

#include "core/schedule/schedule.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace {

// This file's user-visible strings, in the "JobRules" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(JobRules)
};

} // namespace

namespace JobRules {

bool isStuck(const Job &job, const QDateTime &now)
{
    if (job.runStatus() != RunStatus::Running)
        return false;
    if (job.leaseExpiresAt.isValid())
        return job.leaseExpiresAt <= now;
    // Rows set running by the seed's own functions: the 2-hour rule, counted from when the job
    // started, else from its last update.
    const QDateTime since = job.runningSince.isValid() ? job.runningSince : job.updatedAt;
    if (!since.isValid())
        return true;
    return since.addSecs(std::chrono::seconds(stuckAfter).count()) <= now;
}

bool hasLiveLease(const Job &job, const QDateTime &now)
{
    return job.runStatus() == RunStatus::Running && job.leaseExpiresAt.isValid()
        && job.leaseExpiresAt > now;
}

bool isHeldBack(const Job &job, const QDateTime &now)
{
    return job.claimableAfter.isValid() && job.claimableAfter > now;
}

bool shouldRun(const Job &job, const QDateTime &now)
{
    if (!job.active || isHeldBack(job, now))
        return false;
    if (job.runStatus() == RunStatus::Running)
        return isStuck(job, now);
    // "Never ran" means "run now" for the seed's interval jobs; a cron job waits for its time.
    if (!job.lastRun.isValid() && job.cronExpression.isEmpty())
        return true;
    return !job.nextRun.isValid() || now >= job.nextRun;
}

QDateTime claimableFrom(const Job &job, const QDateTime &now)
{
    if (!job.active)
        return {};
    QDateTime at;
    if (job.runStatus() == RunStatus::Running) {
        const QDateTime since = job.runningSince.isValid() ? job.runningSince : job.updatedAt;
        at = job.leaseExpiresAt.isValid()
            ? job.leaseExpiresAt
            : (since.isValid() ? since.addSecs(std::chrono::seconds(stuckAfter).count()) : now);
    } else if (!job.lastRun.isValid() && job.cronExpression.isEmpty()) {
        at = now;
    } else {
        at = job.nextRun.isValid() ? job.nextRun : now;
    }
    // A forced reset holds everyone back until the fenced holder's lease has run out.
    if (job.claimableAfter.isValid() && job.claimableAfter > at)
        at = job.claimableAfter;
    return std::max(at, now);
}

JobState state(const Job &job, const QDateTime &now)
{
    if (job.runStatus() == RunStatus::Running)
        return isStuck(job, now) ? JobState::Stuck : JobState::Running;
    if (!job.active)
        return JobState::Disabled;
    if (shouldRun(job, now))
        return JobState::DueNow;
    switch (job.runStatus()) {
    case RunStatus::Success:
        return JobState::Success;
    case RunStatus::Error:
        return JobState::Error;
    default:
        return JobState::Pending;
    }
}

QString seedStatusDescription(const Job &job, const QDateTime &now)
{
    switch (state(job, now)) {
    case JobState::Disabled:
        return QStringLiteral("Job desativado");
    case JobState::Running:
        return QStringLiteral("Em execução");
    case JobState::Stuck:
        return QStringLiteral("Travado: em execução além do tempo limite");
    case JobState::DueNow:
    case JobState::Overdue: // never returned by state(); the seed has no such description
        return job.lastRun.isValid() ? QStringLiteral("Pronto para executar")
                                     : QStringLiteral("Aguardando primeira execução");
    case JobState::Success:
        return QStringLiteral("Última execução: sucesso");
    case JobState::Error:
        return QStringLiteral("Última execução: erro");
    case JobState::Pending:
        break;
    }
    return QStringLiteral("Aguardando próxima execução");
}

QDateTime nextSlot(const Job &job, const QDateTime &now)
{
    if (const Schedule schedule = Schedule::of(job); schedule.isCron()) {
        // A fire time that came while this run ran is owed one run, at once: the job never runs
        // twice at once, but no slot goes unserved. Slots missed before the run started (no
        // runner, downtime) were served by it; they collapse into it.
        QDateTime since = job.nextRun;
        if (job.runningSince.isValid() && (!since.isValid() || job.runningSince > since))
            since = job.runningSince;
        if (since.isValid()) {
            const QDateTime owed = schedule.nextAfter(since);
            if (owed.isValid() && owed <= now)
                return owed;
        }
        // Otherwise the next fire time after now.
        const QDateTime next = schedule.nextAfter(now);
        if (next.isValid())
            return next;
    }
    const qint64 interval = qint64(std::max(job.intervalHours, minIntervalHours)) * 3600 * 1000;
    const QDateTime planned = job.nextRun.isValid() ? job.nextRun : now;
    if (planned > now)
        return planned;
    const qint64 behind = planned.msecsTo(now);
    return planned.addMSecs((behind / interval + 1) * interval);
}

QString validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Text::tr("the job name must not be empty");
    // VARCHAR(100) counts characters (code points), not UTF-16 units: an emoji is one.
    const qsizetype length = name.toUcs4().size();
    if (length > maxNameLength)
        return Text::tr("the job name has %1 characters; at most %2 are allowed")
            .arg(length)
            .arg(maxNameLength);
    if (name != name.trimmed())
        return Text::tr("the job name must not start or end with white space");
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    if (name.contains(control))
        return Text::tr("the job name must not contain control characters");
    return {};
}

QString validateIntervalHours(qint64 hours)
{
    if (hours < minIntervalHours || hours > maxIntervalHours)
        return Text::tr("the interval must be a whole number of hours from %1 to %2, not %3")
            .arg(minIntervalHours)
            .arg(maxIntervalHours)
            .arg(hours);
    return {};
}

} // namespace JobRules
