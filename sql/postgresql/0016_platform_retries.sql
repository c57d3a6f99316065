-- Platform runs retried (issue 17). A run the platform records through the seed's functions
-- (iniciar_execucao_cron / finalizar_execucao_cron, that is cron_console_start_run /
-- cron_console_finish_run) follows the job's retry policy as a runner's run does:
--   * a failure with attempts left sets retry_at (clock + retry_delay_seconds *
--     retry_backoff^(attempt-1), at most a week) and retry_attempt; the regular slot moves on
--     as before (next_run is not held back for a retry);
--   * the first failure after the last attempt sets alert_state 'failing' and adds one
--     'failure' event to cron_events (a runner with a notify action delivers it); the success
--     that ends the streak clears it and adds one 'recovered' event;
--   * the retry is due for whoever asks first: a runner whose runner.json names the job claims
--     it (cron_job_retry_due, 0012), and the seed's deve_executar_cron / iniciar_execucao_cron
--     answer true at retry_at, so a platform-only job is retried by the platform itself. One
--     of them wins: the claim is one UPDATE of the row (lease_token + 1).
-- The platform run's row in cron_runs carries the attempt. SQLite has no platform functions.
-- Replaces the functions of 0011 and 0012 with their signatures kept.

-- The seed's deve_executar_cron: the claim rule (with the pause) or a due retry.
CREATE OR REPLACE FUNCTION cron_console_should_run(p_job TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT NOT cron_console_paused() AND COALESCE((
        SELECT cron_job_claimable(j.ativo, j.ultimo_status, j.last_run, j.next_run_tz,
                                  j.running_since_tz, j.updated_at, j.lease_expires_at,
                                  j.cron_expression, j.claimable_after)
            OR cron_job_retry_due(j.ativo, j.ultimo_status, j.retry_at, j.claimable_after)
          FROM cron_jobs j
         WHERE j.nome = p_job), FALSE)
$$;

-- The seed's iniciar_execucao_cron: as in 0011, a due retry claims too, and the run row
-- says which attempt it is.
CREATE OR REPLACE FUNCTION cron_console_start_run(p_job TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    claimed RECORD;
BEGIN
    UPDATE cron_jobs
       SET ultimo_status = 'running',
           running_since = NOW(),
           running_since_tz = NOW(),
           updated_at = NOW(),
           lease_owner = NULL,
           lease_expires_at = NULL,
           lease_token = lease_token + 1,
           claimable_after = NULL
     WHERE nome = p_job
       AND (cron_job_claimable(ativo, ultimo_status, last_run, next_run_tz, running_since_tz,
                               updated_at, lease_expires_at, cron_expression, claimable_after)
            OR cron_job_retry_due(ativo, ultimo_status, retry_at, claimable_after))
    RETURNING id, nome, lease_token, next_run_tz,
              CASE WHEN retry_at IS NOT NULL THEN GREATEST(retry_attempt, 0) + 1 ELSE 1 END
                  AS attempt
         INTO claimed;
    IF NOT FOUND THEN
        RETURN FALSE;
    END IF;
    INSERT INTO cron_runs (job_id, job_name, trigger, attempt, runner, host, lease_token,
                           scheduled_for)
    VALUES (claimed.id, claimed.nome, 'platform', claimed.attempt, NULL,
            inet_client_addr()::TEXT, claimed.lease_token, claimed.next_run_tz)
    ON CONFLICT DO NOTHING;
    RETURN TRUE;
END
$$;

-- The seed's finalizar_execucao_cron: as in 0011, with the retry policy and the alerts.
CREATE OR REPLACE FUNCTION cron_console_finish_run(p_job TEXT, p_status TEXT, p_result JSONB,
                                                   p_duration_seconds NUMERIC)
RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    j RECORD;
    next_at TIMESTAMPTZ;
    failed BOOLEAN := COALESCE(p_status, 'success') <> 'success';
    attempt_no INTEGER;
    attempts_max INTEGER;
    retrying BOOLEAN;
    delay_seconds DOUBLE PRECISION;
    new_alert TEXT;
    alert TEXT;
    message TEXT;
BEGIN
    SELECT id, lease_token, lease_owner, lease_expires_at, cron_expression, schedule_timezone,
           intervalo_horas, max_retries, retry_delay_seconds, retry_backoff, retry_attempt,
           retry_at, alert_state
      INTO j
      FROM cron_jobs WHERE nome = p_job FOR UPDATE;
    IF NOT FOUND THEN
        RETURN FALSE;
    END IF;
    IF j.lease_owner IS NOT NULL AND j.lease_expires_at > clock_timestamp() THEN
        RAISE NOTICE 'finalizar_execucao_cron(%): runner % holds the job until %; nothing changed',
            p_job, j.lease_owner, j.lease_expires_at;
        RETURN FALSE;
    END IF;
    IF j.cron_expression IS NOT NULL THEN
        BEGIN
            next_at := cron_console_cron_next(j.cron_expression, COALESCE(j.schedule_timezone, 'UTC'),
                                              NOW());
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'finalizar_execucao_cron(%): cron expression "%": %', p_job,
                j.cron_expression, SQLERRM;
        END;
    END IF;
    IF next_at IS NULL THEN
        next_at := NOW() + make_interval(hours => COALESCE(j.intervalo_horas, 12));
    END IF;

    -- As JobPolicy::attemptOf / retryDelayAfter (core/domain/jobpolicy.cpp).
    attempt_no := CASE WHEN j.retry_at IS NOT NULL THEN GREATEST(j.retry_attempt, 0) + 1 ELSE 1 END;
    attempts_max := GREATEST(j.max_retries, 0) + 1;
    retrying := failed AND attempt_no < attempts_max;
    delay_seconds := LEAST(GREATEST(j.retry_delay_seconds, 0)
                               * power(LEAST(GREATEST(j.retry_backoff, 1), 10), attempt_no - 1),
                           7 * 24 * 3600);
    new_alert := j.alert_state;
    IF failed AND NOT retrying AND j.alert_state IS DISTINCT FROM 'failing' THEN
        new_alert := 'failing';
        alert := 'failure';
        message := format('job %s failed (attempt %s of %s): finalizar_execucao_cron status %s',
                          p_job, attempt_no, attempts_max, p_status);
    ELSIF NOT failed AND j.alert_state = 'failing' THEN
        new_alert := NULL;
        alert := 'recovered';
        message := format('job %s succeeded again', p_job);
    END IF;

    UPDATE cron_jobs
       SET last_run = NOW(),
           next_run = next_at::TIMESTAMP,
           next_run_tz = next_at,
           total_execucoes = COALESCE(total_execucoes, 0) + 1,
           ultima_duracao_segundos = round(p_duration_seconds)::INTEGER,
           ultimo_status = left(COALESCE(p_status, 'success'), 20),
           ultimo_resultado = p_result,
           running_since = NULL,
           lease_owner = NULL,
           lease_expires_at = NULL,
           updated_at = NOW(),
           retry_at = CASE WHEN retrying
                           THEN clock_timestamp() + make_interval(secs => delay_seconds)
                      END,
           retry_attempt = CASE WHEN retrying THEN attempt_no ELSE 0 END,
           alert_state = new_alert
     WHERE id = j.id;
    UPDATE cron_runs
       SET finished_at = clock_timestamp(),
           status = CASE WHEN failed THEN 'error' ELSE 'success' END,
           duration_seconds = COALESCE(p_duration_seconds::DOUBLE PRECISION,
                                       EXTRACT(EPOCH FROM clock_timestamp() - started_at)),
           result = p_result,
           output_complete = TRUE
     WHERE cron_runs.job_id = j.id AND cron_runs.lease_token = j.lease_token
       AND runner IS NULL AND status = 'running';
    -- The same event and dedupe key a runner writes (leasestore.cpp): once per streak.
    IF alert IS NOT NULL THEN
        INSERT INTO cron_events (event, job, dedupe_key, payload)
        VALUES (alert, p_job, format('%s:%s:%s', alert, p_job, j.lease_token),
                jsonb_build_object(
                    'event', alert, 'job', p_job,
                    'at', to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'message', message,
                    'outcome', CASE WHEN failed THEN 'error' ELSE 'success' END,
                    'status', left(COALESCE(p_status, 'success'), 20),
                    'attempt', attempt_no, 'max_attempts', attempts_max,
                    'lease_token', j.lease_token,
                    'duration_seconds', p_duration_seconds,
                    'source', 'platform'))
        ON CONFLICT (dedupe_key) DO NOTHING;
    END IF;
    RETURN TRUE;
END
$$;
