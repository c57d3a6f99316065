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
