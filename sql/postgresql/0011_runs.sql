-- Runs you can watch and stop (issue 14): one row per execution, its output in chunks, abort.
--
-- What writes here:
--   - the runner (core/runner/runstore.cpp): a cron_runs row when it claims a job (status
--     'running'), the output chunks while the action runs (its own connection, core/runner/
--     outputwriter.cpp), and the final status in the same transaction as the job's finish and
--     its tenant_logs row (core/runner/leasestore.cpp). A replayed result updates that row, never
--     adds one: (job_id, lease_token) is unique.
--   - the platform, through the seed's functions: cron_console_start_run opens a 'platform' run
--     (no runner, no lease) and cron_console_finish_run closes it.
--   - cronctl abort / the console's Abort run (core/store/runstore.cpp): abort_requested_*, a
--     NOTIFY cron_run_abort with the run's id, and a cron_admin_abort row in tenant_logs.
--   - prune-history (core/maintenance): deletes old runs and their output in small batches.
--
-- trigger, what started the run:
--   schedule  the job's slot (next_run) came due
--   run_now   the first claim after cronctl run-now / the console's Run now (run_now_requested)
--   retry     a retry attempt of a failed slot (issue 17), attempt > 1
--   takeover  a claim of a slot that already has a run: the earlier one was abandoned (its
--             runner stopped renewing) or cut short (lease lost, runner stopped)
--   platform  iniciar_execucao_cron (the seed's function) on the platform's side
--
-- "A schedule slot starts at most one run": the partial unique index below allows one schedule or
-- retry run per (job, slot, attempt). A takeover of the same slot is a new execution of it and is
-- counted separately (trigger 'takeover'); run-now makes a slot of its own (now).

CREATE TABLE IF NOT EXISTS cron_runs (
  id BIGSERIAL PRIMARY KEY,
  job_id INTEGER NOT NULL,
  job_name TEXT NOT NULL,
  trigger VARCHAR(20) NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1,
  runner VARCHAR(200),
  host VARCHAR(255),
  lease_token BIGINT NOT NULL,
  scheduled_for TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  finished_at TIMESTAMPTZ,
  -- running, success, error, timeout, interrupted, aborted, lease_lost, fenced
  status VARCHAR(20) NOT NULL DEFAULT 'running',
  exit_code INTEGER,
  http_status INTEGER,
  duration_seconds DOUBLE PRECISION,
  result JSONB,
  error TEXT,
  output_bytes BIGINT NOT NULL DEFAULT 0,
  output_dropped_bytes BIGINT NOT NULL DEFAULT 0,
  output_complete BOOLEAN NOT NULL DEFAULT FALSE,
  abort_requested_at TIMESTAMPTZ,
  abort_requested_by TEXT,
  abort_reason TEXT,
  CONSTRAINT cron_runs_job_token UNIQUE (job_id, lease_token)
);
CREATE UNIQUE INDEX IF NOT EXISTS cron_runs_one_per_slot ON cron_runs (job_id, scheduled_for, attempt)
    WHERE trigger IN ('schedule', 'retry') AND scheduled_for IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_cron_runs_job_started ON cron_runs (job_name, started_at DESC);
CREATE INDEX IF NOT EXISTS idx_cron_runs_started ON cron_runs (started_at);
CREATE INDEX IF NOT EXISTS idx_cron_runs_running ON cron_runs (job_name) WHERE status = 'running';

-- Output, interleaved in arrival order: one chunk is consecutive lines of one stream.
CREATE TABLE IF NOT EXISTS cron_run_output (
  run_id BIGINT NOT NULL REFERENCES cron_runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  stream CHAR(1) NOT NULL, -- 'o' stdout, 'e' stderr
  at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  text TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- Bytes of output kept per run (the newest; what is older is dropped and counted).
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS output_limit_bytes BIGINT NOT NULL DEFAULT 1048576;
-- Set by run-now, cleared by the claim it causes: that run's trigger is 'run_now'.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS run_now_requested BOOLEAN NOT NULL DEFAULT FALSE;

-- The seed's iniciar_execucao_cron: as in 0009, and a 'platform' run row for the claim.
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
       AND cron_job_claimable(ativo, ultimo_status, last_run, next_run_tz, running_since_tz,
                              updated_at, lease_expires_at, cron_expression, claimable_after)
    RETURNING id, nome, lease_token, next_run_tz INTO claimed;
    IF NOT FOUND THEN
        RETURN FALSE;
    END IF;
    INSERT INTO cron_runs (job_id, job_name, trigger, runner, host, lease_token, scheduled_for)
    VALUES (claimed.id, claimed.nome, 'platform', NULL, inet_client_addr()::TEXT,
            claimed.lease_token, claimed.next_run_tz)
    ON CONFLICT DO NOTHING;
    RETURN TRUE;
END
$$;

-- The seed's finalizar_execucao_cron: as in 0009, and closes the open platform run (if any).
CREATE OR REPLACE FUNCTION cron_console_finish_run(p_job TEXT, p_status TEXT, p_result JSONB,
                                                   p_duration_seconds NUMERIC)
RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    the_job INTEGER;
    token BIGINT;
    holder TEXT;
    holder_until TIMESTAMPTZ;
    expression TEXT;
    zone TEXT;
    interval_hours INTEGER;
    next_at TIMESTAMPTZ;
BEGIN
    SELECT id, lease_token, lease_owner, lease_expires_at, cron_expression, schedule_timezone,
           intervalo_horas
      INTO the_job, token, holder, holder_until, expression, zone, interval_hours
      FROM cron_jobs WHERE nome = p_job FOR UPDATE;
    IF NOT FOUND THEN
        RETURN FALSE;
    END IF;
    IF holder IS NOT NULL AND holder_until > clock_timestamp() THEN
        RAISE NOTICE 'finalizar_execucao_cron(%): runner % holds the job until %; nothing changed',
            p_job, holder, holder_until;
        RETURN FALSE;
    END IF;
    IF expression IS NOT NULL THEN
        BEGIN
            next_at := cron_console_cron_next(expression, COALESCE(zone, 'UTC'), NOW());
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'finalizar_execucao_cron(%): cron expression "%": %', p_job, expression,
                SQLERRM;
        END;
    END IF;
    IF next_at IS NULL THEN
        next_at := NOW() + make_interval(hours => COALESCE(interval_hours, 12));
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
           updated_at = NOW()
     WHERE id = the_job;
    UPDATE cron_runs
       SET finished_at = clock_timestamp(),
           status = CASE WHEN COALESCE(p_status, 'success') = 'success' THEN 'success' ELSE 'error' END,
           duration_seconds = COALESCE(p_duration_seconds::DOUBLE PRECISION,
                                       EXTRACT(EPOCH FROM clock_timestamp() - started_at)),
           result = p_result,
           output_complete = TRUE
     WHERE cron_runs.job_id = the_job AND cron_runs.lease_token = token
       AND runner IS NULL AND status = 'running';
    RETURN TRUE;
END
$$;
