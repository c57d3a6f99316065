-- Runner health (issue 11, G3) and one history row per execution (G2); see the PostgreSQL twin.
ALTER TABLE cron_runners ADD COLUMN state VARCHAR(20) NOT NULL DEFAULT 'running';
ALTER TABLE cron_runners ADD COLUMN last_error TEXT;
ALTER TABLE cron_runners ADD COLUMN last_error_at TIMESTAMP;

CREATE TABLE IF NOT EXISTS cron_run_records (
  job TEXT NOT NULL,
  lease_token INTEGER NOT NULL,
  runner VARCHAR(200) NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  recorded_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  PRIMARY KEY (job, lease_token)
);
CREATE INDEX IF NOT EXISTS idx_cron_run_records_recorded_at ON cron_run_records (recorded_at);
