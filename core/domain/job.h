#pragma once

#include "core/domain/runstatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

// One row of cron_jobs as every layer above the store sees it: plain values, times as UTC
// instants (the store reads next_run and running_since from their instant shadows on
// PostgreSQL, so no session's TimeZone moves them).
struct Job {
    qint64 id = 0;
    QString name; // cron_jobs.nome
    QString description; // descricao
    int intervalHours = 12; // intervalo_horas
    bool active = true; // ativo
    QDateTime lastRun; // last_run (invalid when NULL)
    QDateTime nextRun; // next_run
    int totalRuns = 0; // total_execucoes
    std::optional<int> lastDurationSeconds; // ultima_duracao_segundos
    QString lastStatus; // ultimo_status as written: pending, running, success, error (or empty)
    QByteArray lastResultJson; // ultimo_resultado, compact JSON text (empty when NULL)
    QDateTime createdAt;
    QDateTime updatedAt;

    // Columns Cron Console adds (nullable or defaulted, so the seed's writers keep working).
    qint64 rowVersion = 0; // bumped by a trigger on every meaningful change
    QDateTime runningSince; // when ultimo_status became 'running'
    QString leaseOwner; // runner holding the job
    QDateTime leaseExpiresAt; // a runner's lease; NULL for writers that do not heartbeat
    qint64 leaseToken = 0; // fencing token, incremented on every claim and reset
    QString successAction; // tenant_logs.acao for a successful run (NULL: cron_job_success)
    QString errorAction; // tenant_logs.acao for a failed run (NULL: cron_job_error)
    QString cronExpression; // cron_expression: when set, it (not intervalo_horas) drives next_run
    QString timeZone; // schedule_timezone: IANA zone of the cron expression (NULL: UTC)
    // claimable_after: after a forced reset, nobody starts the job before this instant (the
    // fenced holder's lease expiry); invalid when NULL.
    QDateTime claimableAfter;

    // Policies (issue 17, sql/*/..._policies.sql).
    int maxRetries = 0; // max_retries: attempts after the first failed one
    int retryDelaySeconds = 60; // retry_delay_seconds: before the first retry
    double retryBackoff = 1.0; // retry_backoff: each later delay is this times the one before
    int retryAttempt = 0; // retry_attempt: failed attempts of the current streak
    QDateTime retryAt; // retry_at: the next attempt is due (invalid: none pending)
    QDateTime retrySlot; // retry_slot: the slot the pending retry belongs to (the failed one)
    QString catchUp = QStringLiteral("once"); // catch_up: once | skip | all
    std::optional<int> catchUpWindowSeconds; // catch_up_window_seconds
    int overdueAfterSeconds = 300; // overdue_after_seconds
    QString alertState; // alert_state: "failing" from the final failure until a success
    bool runOnce = false; // run_once: disabled after its one run (cronctl add --at)

    // The server's clock when the row was read, so derived state does not depend on the
    // client's clock.
    QDateTime readAt;

    bool operator==(const Job &) const = default;
    RunStatus runStatus() const { return runStatusFromText(lastStatus); }
};

// The job's state as the console and the seed's API describe it.
enum class JobState {
    Disabled,
    Pending, // waiting for next_run
    DueNow, // deve_executar_cron would return true
    Running,
    Stuck, // running past its lease, or past the seed's 2-hour rule
    Success, // last run succeeded, waiting for next_run
    Error, // last run failed, waiting for next_run
    // Due for longer than its overdue_after_seconds and not started (issue 17). JobRules::state
    // never returns it; the console shows it (JobPolicy::displayState).
    Overdue,
};
