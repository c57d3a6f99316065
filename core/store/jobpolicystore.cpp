// JobStore::setPolicy (issue 17): per-job retries, catch-up and overdue, audited like every
// admin action.
#include "core/db/database.h"
#include "core/domain/jobpolicy.h"
#include "core/store/jobstore.h"

#include <QJsonObject>

namespace {

QJsonObject policyOf(const Job &job)
{
    return QJsonObject{{QStringLiteral("max_retries"), job.maxRetries},
        {QStringLiteral("retry_delay_seconds"), job.retryDelaySeconds},
        {QStringLiteral("retry_backoff"), job.retryBackoff},
        {QStringLiteral("catch_up"), job.catchUp},
        {QStringLiteral("catch_up_window_seconds"),
            job.catchUpWindowSeconds ? QJsonValue(*job.catchUpWindowSeconds)
                                     : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("overdue_after_seconds"), job.overdueAfterSeconds}};
}

// The fields the action asked for, for the audit row.
QJsonObject requested(const PolicyChange &change)
{
    QJsonObject object;
    if (change.maxRetries)
        object.insert(QStringLiteral("max_retries"), *change.maxRetries);
    if (change.retryDelaySeconds)
        object.insert(QStringLiteral("retry_delay_seconds"), *change.retryDelaySeconds);
    if (change.retryBackoff)
        object.insert(QStringLiteral("retry_backoff"), *change.retryBackoff);
    if (change.catchUp)
        object.insert(QStringLiteral("catch_up"), *change.catchUp);
    if (change.catchUpWindowSeconds)
        object.insert(QStringLiteral("catch_up_window_seconds"), *change.catchUpWindowSeconds);
    if (change.overdueAfterSeconds)
        object.insert(QStringLiteral("overdue_after_seconds"), *change.overdueAfterSeconds);
    return object;
}

} // namespace

Result<ActionOutcome> JobStore::setPolicy(
    const QString &name, const PolicyChange &change, const ActionOptions &options)
{
    QString problem;
    if (change.maxRetries)
        problem = JobPolicy::validateMaxRetries(*change.maxRetries);
    if (problem.isEmpty() && change.retryDelaySeconds)
        problem = JobPolicy::validateRetryDelay(*change.retryDelaySeconds);
    if (problem.isEmpty() && change.retryBackoff)
        problem = JobPolicy::validateRetryBackoff(*change.retryBackoff);
    if (problem.isEmpty() && change.catchUp)
        problem = JobPolicy::validateCatchUp(*change.catchUp);
    if (problem.isEmpty() && change.catchUpWindowSeconds)
        problem = JobPolicy::validateCatchUpWindow(*change.catchUpWindowSeconds);
    if (problem.isEmpty() && change.overdueAfterSeconds)
        problem = JobPolicy::validateOverdueAfter(*change.overdueAfterSeconds);
    if (!problem.isEmpty())
        return Error::invalidInput(problem);
    if (change.isEmpty())
        return Error::invalidInput(tr("set-policy needs at least one policy to change"));

    return applyAction(
        name, QStringLiteral("set_policy"), options,
        [&](const Job &job) -> Result<bool> {
            Job after = job;
            if (change.maxRetries)
                after.maxRetries = *change.maxRetries;
            if (change.retryDelaySeconds)
                after.retryDelaySeconds = *change.retryDelaySeconds;
            if (change.retryBackoff)
                after.retryBackoff = *change.retryBackoff;
            if (change.catchUp)
                after.catchUp = *change.catchUp;
            if (change.catchUpWindowSeconds)
                after.catchUpWindowSeconds = *change.catchUpWindowSeconds;
            if (change.overdueAfterSeconds)
                after.overdueAfterSeconds = *change.overdueAfterSeconds;
            if (policyOf(after) == policyOf(job))
                return false;
            // A pending retry of a job that may no longer retry is dropped.
            const bool dropRetry = after.maxRetries == 0;
            return updateJob(job.id,
                QStringLiteral(
                    "max_retries = :max_retries, retry_delay_seconds = :retry_delay, "
                    "retry_backoff = :retry_backoff, catch_up = :catch_up, "
                    "catch_up_window_seconds = :catch_up_window, overdue_after_seconds = :overdue, "
                    "retry_at = CASE WHEN :drop_retry = 1 THEN NULL ELSE retry_at END, "
                    "retry_attempt = CASE WHEN :drop_retry = 1 THEN 0 ELSE retry_attempt END"),
                {{QStringLiteral("max_retries"), after.maxRetries},
                    {QStringLiteral("retry_delay"), after.retryDelaySeconds},
                    {QStringLiteral("retry_backoff"), after.retryBackoff},
                    {QStringLiteral("catch_up"), after.catchUp},
                    {QStringLiteral("catch_up_window"),
                        after.catchUpWindowSeconds ? QVariant(*after.catchUpWindowSeconds)
                                                   : QVariant(QMetaType(QMetaType::Int))},
                    {QStringLiteral("overdue"), after.overdueAfterSeconds},
                    {QStringLiteral("drop_retry"), dropRetry ? 1 : 0}},
                tr("changing the policy of job \"%1\"").arg(name));
        },
        QJsonObject{{QStringLiteral("policy"), requested(change)}});
}
