-- Runner health (issue 11, G3): a runner that cannot schedule says so where operators look.
ALTER TABLE cron_runners ADD COLUMN IF NOT EXISTS state VARCHAR(20) NOT NULL DEFAULT 'running';
ALTER TABLE cron_runners ADD COLUMN IF NOT EXISTS last_error TEXT;
ALTER TABLE cron_runners ADD COLUMN IF NOT EXISTS last_error_at TIMESTAMPTZ;

-- One row per recorded execution, keyed by its lease token (G2): a result sent again (a reply
-- lost with the connection, a journal replayed after a restart) writes its tenant_logs row once.
CREATE TABLE IF NOT EXISTS cron_run_records (
  job TEXT NOT NULL,
  lease_token BIGINT NOT NULL,
  runner VARCHAR(200) NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (job, lease_token)
);
CREATE INDEX IF NOT EXISTS idx_cron_run_records_recorded_at ON cron_run_records (recorded_at);

-- The server backend of a running sql action (G1): a runner that takes the job over from an
-- expired lease ends that statement before it starts the job again, so a paused or cut-off
-- runner's statement never runs beside the new run. Cleared whenever the lease changes hands.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS action_backend_pid INTEGER;

CREATE OR REPLACE FUNCTION cron_jobs_clear_action_backend() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- (an update that sets the column itself keeps its value)
    IF NEW.action_backend_pid IS NOT DISTINCT FROM OLD.action_backend_pid
       AND (NEW.lease_token IS DISTINCT FROM OLD.lease_token
            OR NEW.ultimo_status IS DISTINCT FROM 'running') THEN
        NEW.action_backend_pid := NULL;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cron_jobs_clear_action_backend ON cron_jobs;
CREATE TRIGGER cron_jobs_clear_action_backend BEFORE UPDATE ON cron_jobs
    FOR EACH ROW EXECUTE FUNCTION cron_jobs_clear_action_backend();
