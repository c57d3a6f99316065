#include "core/store/jobrow.h"

#include "core/db/sqldialect.h"

#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace JobRow {

namespace {

enum Column {
    Id,
    Name,
    Description,
    IntervalHours,
    Active,
    LastRun,
    NextRun,
    TotalRuns,
    LastDuration,
    LastStatus,
    LastResult,
    CreatedAt,
    UpdatedAt,
    RowVersion,
    RunningSince,
    LeaseOwner,
    LeaseExpiresAt,
    LeaseToken,
    SuccessAction,
    ErrorAction,
    CronExpression,
    TimeZone,
    ClaimableAfter,
    MaxRetries,
    RetryDelay,
    RetryBackoff,
    RetryAttempt,
    RetryAt,
    CatchUp,
    CatchUpWindow,
    OverdueAfter,
    AlertState,
    RunOnce,
    RetrySlot,
    ReadAt,
};

} // namespace

QString selectList(const SqlDialect &d)
{
    const QString resultText = d.isPostgres() ? QStringLiteral("ultimo_resultado::text")
                                              : QStringLiteral("ultimo_resultado");
    return QStringList{QStringLiteral("id"), QStringLiteral("nome"), QStringLiteral("descricao"),
        QStringLiteral("intervalo_horas"), QStringLiteral("ativo"),
        d.epoch(QStringLiteral("last_run")), d.epoch(d.instant(QStringLiteral("next_run"))),
        QStringLiteral("total_execucoes"), QStringLiteral("ultima_duracao_segundos"),
        QStringLiteral("ultimo_status"), resultText, d.epoch(QStringLiteral("created_at")),
        d.epoch(QStringLiteral("updated_at")), QStringLiteral("row_version"),
        d.epoch(d.instant(QStringLiteral("running_since"))), QStringLiteral("lease_owner"),
        d.epoch(QStringLiteral("lease_expires_at")), QStringLiteral("lease_token"),
        QStringLiteral("acao_sucesso"), QStringLiteral("acao_erro"),
        QStringLiteral("cron_expression"), QStringLiteral("schedule_timezone"),
        d.epoch(QStringLiteral("claimable_after")), QStringLiteral("max_retries"),
        QStringLiteral("retry_delay_seconds"), QStringLiteral("retry_backoff"),
        QStringLiteral("retry_attempt"), d.epoch(QStringLiteral("retry_at")),
        QStringLiteral("catch_up"), QStringLiteral("catch_up_window_seconds"),
        QStringLiteral("overdue_after_seconds"), QStringLiteral("alert_state"),
        QStringLiteral("run_once"), d.epoch(d.instant(QStringLiteral("retry_slot"))),
        d.epoch(d.now())}
        .join(QStringLiteral(", "));
}

QDateTime fromEpoch(const QVariant &value)
{
    if (value.isNull())
        return {};
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), Qt::UTC);
}

int columnCount()
{
    return ReadAt + 1;
}

Job read(const QSqlQuery &q)
{
    Job job;
    job.id = q.value(Id).toLongLong();
    job.name = q.value(Name).toString();
    job.description = q.value(Description).toString();
    job.intervalHours = q.value(IntervalHours).toInt();
    job.active = q.value(Active).toBool();
    job.lastRun = fromEpoch(q.value(LastRun));
    job.nextRun = fromEpoch(q.value(NextRun));
    job.totalRuns = q.value(TotalRuns).toInt();
    if (!q.value(LastDuration).isNull())
        job.lastDurationSeconds = q.value(LastDuration).toInt();
    job.lastStatus = q.value(LastStatus).toString();
    job.lastResultJson = q.value(LastResult).toString().toUtf8();
    job.createdAt = fromEpoch(q.value(CreatedAt));
    job.updatedAt = fromEpoch(q.value(UpdatedAt));
    job.rowVersion = q.value(RowVersion).toLongLong();
    job.runningSince = fromEpoch(q.value(RunningSince));
    job.leaseOwner = q.value(LeaseOwner).toString();
    job.leaseExpiresAt = fromEpoch(q.value(LeaseExpiresAt));
    job.leaseToken = q.value(LeaseToken).toLongLong();
    job.successAction = q.value(SuccessAction).toString();
    job.errorAction = q.value(ErrorAction).toString();
    job.cronExpression = q.value(CronExpression).toString();
    job.timeZone = q.value(TimeZone).toString();
    job.claimableAfter = fromEpoch(q.value(ClaimableAfter));
    job.maxRetries = q.value(MaxRetries).toInt();
    job.retryDelaySeconds = q.value(RetryDelay).toInt();
    job.retryBackoff = q.value(RetryBackoff).toDouble();
    job.retryAttempt = q.value(RetryAttempt).toInt();
    job.retryAt = fromEpoch(q.value(RetryAt));
    job.catchUp = q.value(CatchUp).toString();
    if (!q.value(CatchUpWindow).isNull())
        job.catchUpWindowSeconds = q.value(CatchUpWindow).toInt();
    job.overdueAfterSeconds = q.value(OverdueAfter).toInt();
    job.alertState = q.value(AlertState).toString();
    job.runOnce = q.value(RunOnce).toBool();
    job.retrySlot = fromEpoch(q.value(RetrySlot));
    job.readAt = fromEpoch(q.value(ReadAt));
    return job;
}

} // namespace JobRow
