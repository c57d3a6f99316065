-- Per-job policies and alerts (issue 17): retries with backoff, catch-up, overdue, pause all and
-- the events runners deliver. Independent of 0011 (run records): nothing here names its tables.

-- Retries: a failed or timed-out run is tried again retry_delay_seconds * retry_backoff^(n-1)
-- after attempt n, up to max_retries more times, by any runner. retry_at is when the next
-- attempt is due (NULL: none pending) and retry_attempt how many attempts of the current streak
-- have failed; next_run (the regular slot) does not move for a retry.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS max_retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS retry_delay_seconds INTEGER NOT NULL DEFAULT 60;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS retry_backoff DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS retry_attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS retry_at TIMESTAMPTZ;
-- Catch-up after downtime: 'once' (the seed's behaviour), 'skip' (a slot missed by more than
-- catch_up_window_seconds is skipped), 'all' (every missed slot, bounded).
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS catch_up VARCHAR(10) NOT NULL DEFAULT 'once';
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS catch_up_window_seconds INTEGER;
-- Due for longer than this and not running: overdue.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS overdue_after_seconds INTEGER NOT NULL DEFAULT 300;
-- One-shot jobs (cronctl add --at): run once at next_run (held back until then by
-- claimable_after), then disabled by the runner that recorded the run.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS run_once BOOLEAN NOT NULL DEFAULT FALSE;
-- 'failing' from the first failure after the last retry until a success: one alert per streak.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS alert_state VARCHAR(20);

-- Pause all: one row. While paused no runner claims anything and deve_executar_cron /
-- iniciar_execucao_cron answer false (they follow cron_job_claimable).
CREATE TABLE IF NOT EXISTS cron_pause (
  singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  paused BOOLEAN NOT NULL DEFAULT FALSE,
  reason TEXT,
  changed_by TEXT,
  changed_at TIMESTAMPTZ
);
INSERT INTO cron_pause (singleton) VALUES (TRUE) ON CONFLICT DO NOTHING;

-- SECURITY DEFINER: the platform's role calls deve_executar_cron without a grant on cron_pause.
-- Written for the schema being migrated, so its search_path cannot be redirected by a caller.
DO $$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I.cron_console_paused() RETURNS BOOLEAN
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp AS
        'SELECT COALESCE((SELECT p.paused FROM %1$I.cron_pause p WHERE p.singleton), FALSE)'
    $f$, current_schema());
END
$$;

-- Consoles learn of a pause from the same channel as job changes (an empty payload: no job).
CREATE OR REPLACE FUNCTION cron_pause_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cron_jobs_changed', '');
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cron_pause_notify ON cron_pause;
CREATE TRIGGER cron_pause_notify AFTER UPDATE ON cron_pause
    FOR EACH STATEMENT EXECUTE FUNCTION cron_pause_notify();

-- The claim rule of 0007 with the pause: the same signature, so cron_console_should_run and
-- cron_console_start_run (0009), which the seed's functions call, stop too.
CREATE OR REPLACE FUNCTION cron_job_claimable(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMPTZ,
    p_running_since TIMESTAMPTZ, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMPTZ,
    p_cron_expression VARCHAR DEFAULT NULL, p_claimable_after TIMESTAMPTZ DEFAULT NULL)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE)
       AND NOT cron_console_paused()
       AND (p_claimable_after IS NULL OR p_claimable_after <= NOW())
       AND CASE
        WHEN p_status = 'running' THEN
            CASE WHEN p_lease_expires_at IS NOT NULL THEN p_lease_expires_at <= NOW()
                 ELSE COALESCE(p_running_since, p_updated_at::timestamptz, '-infinity')
                      <= NOW() - INTERVAL '2 hours'
            END
        WHEN p_last_run IS NULL AND p_cron_expression IS NULL THEN TRUE
        ELSE p_next_run IS NULL OR NOW() >= p_next_run
    END
$$;

-- The platform asks the same question; written out so the pause is visible where it is asked.
CREATE OR REPLACE FUNCTION cron_console_should_run(p_job TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT NOT cron_console_paused() AND COALESCE((
        SELECT cron_job_claimable(j.ativo, j.ultimo_status, j.last_run, j.next_run_tz,
                                  j.running_since_tz, j.updated_at, j.lease_expires_at,
                                  j.cron_expression, j.claimable_after)
          FROM cron_jobs j
         WHERE j.nome = p_job), FALSE)
$$;

-- A retry is due (runners only: the platform retries nothing): active, not running, not held
-- back by a forced reset, not paused, retry_at reached.
CREATE OR REPLACE FUNCTION cron_job_retry_due(p_ativo BOOLEAN, p_status VARCHAR,
                                              p_retry_at TIMESTAMPTZ,
                                              p_claimable_after TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE)
       AND p_retry_at IS NOT NULL AND p_retry_at <= NOW()
       AND p_status IS DISTINCT FROM 'running'
       AND (p_claimable_after IS NULL OR p_claimable_after <= NOW())
       AND NOT cron_console_paused()
$$;

-- Alerts for runners' notify actions. dedupe_key makes each event exist once (one failure per
-- streak, one overdue per missed slot); claimed_by makes one runner deliver it.
CREATE TABLE IF NOT EXISTS cron_events (
  id BIGSERIAL PRIMARY KEY,
  event VARCHAR(20) NOT NULL,
  job TEXT,
  runner VARCHAR(200),
  dedupe_key TEXT NOT NULL UNIQUE,
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  claimed_by VARCHAR(200),
  claimed_at TIMESTAMPTZ,
  delivered_at TIMESTAMPTZ,
  delivery_error TEXT
);
CREATE INDEX IF NOT EXISTS idx_cron_events_unclaimed ON cron_events (id) WHERE claimed_by IS NULL;
