#include "core/runner/jobalerts.h"

#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/store/statusjson.h"

QJsonObject JobAlert::toJson(const Job &job) const
{
    return QJsonObject{{QStringLiteral("overdue"), overdue},
        {QStringLiteral("no_runner"), noRunner}, {QStringLiteral("stuck"), stuck},
        {QStringLiteral("failing"), failing},
        {QStringLiteral("retry_at"), StatusJson::isoTime(job.retryAt)},
        {QStringLiteral("attempt"), JobPolicy::attemptOf(job)},
        {QStringLiteral("max_attempts"), JobPolicy::maxAttempts(job)},
        {QStringLiteral("overdue_after_seconds"), job.overdueAfterSeconds}};
}

namespace JobAlerts {

QSet<QString> runnable(const QList<RunnerInfo> &runners)
{
    QSet<QString> names;
    for (const RunnerInfo &runner : runners) {
        if (!runner.stale && !runner.stoppedAt.isValid()) {
            for (const QString &job : runner.jobs)
                names.insert(job);
        }
    }
    return names;
}

JobAlert of(const Job &job, bool paused, const QSet<QString> &runnable)
{
    const QDateTime now = job.readAt.isValid() ? job.readAt : QDateTime::currentDateTimeUtc();
    JobAlert alert;
    alert.overdue = JobPolicy::isOverdue(job, now, paused);
    alert.noRunner = job.active && !runnable.contains(job.name);
    alert.stuck = JobRules::isStuck(job, now);
    alert.failing = job.alertState == QLatin1String("failing");
    return alert;
}

} // namespace JobAlerts
