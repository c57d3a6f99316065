-- Runs you can watch and stop (issue 14); see the PostgreSQL twin (0011_runs.sql) for what writes
-- here and for the trigger values. Times are UTC text like every time here; no platform
-- functions exist on SQLite, so every run has a runner. Abort is polled (no NOTIFY).
CREATE TABLE IF NOT EXISTS cron_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id INTEGER NOT NULL,
  job_name TEXT NOT NULL,
  trigger VARCHAR(20) NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1,
  runner VARCHAR(200),
  host VARCHAR(255),
  lease_token INTEGER NOT NULL,
  scheduled_for TIMESTAMP,
  started_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  finished_at TIMESTAMP,
  status VARCHAR(20) NOT NULL DEFAULT 'running',
  exit_code INTEGER,
  http_status INTEGER,
  duration_seconds REAL,
  result JSON,
  error TEXT,
  output_bytes INTEGER NOT NULL DEFAULT 0,
  output_dropped_bytes INTEGER NOT NULL DEFAULT 0,
  output_complete BOOLEAN NOT NULL DEFAULT 0,
  abort_requested_at TIMESTAMP,
  abort_requested_by TEXT,
  abort_reason TEXT,
  UNIQUE (job_id, lease_token)
);
CREATE UNIQUE INDEX IF NOT EXISTS cron_runs_one_per_slot ON cron_runs (job_id, scheduled_for, attempt)
    WHERE trigger IN ('schedule', 'retry') AND scheduled_for IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_cron_runs_job_started ON cron_runs (job_name, started_at DESC);
CREATE INDEX IF NOT EXISTS idx_cron_runs_started ON cron_runs (started_at);
CREATE INDEX IF NOT EXISTS idx_cron_runs_running ON cron_runs (job_name) WHERE status = 'running';

CREATE TABLE IF NOT EXISTS cron_run_output (
  run_id INTEGER NOT NULL REFERENCES cron_runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  stream CHAR(1) NOT NULL,
  at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  text TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);

ALTER TABLE cron_jobs ADD COLUMN output_limit_bytes INTEGER NOT NULL DEFAULT 1048576;
ALTER TABLE cron_jobs ADD COLUMN run_now_requested BOOLEAN NOT NULL DEFAULT 0;
