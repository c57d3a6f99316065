-- Per-job policies and alerts (issue 17); see the PostgreSQL twin 0012_policies.sql. Times are
-- UTC text like every time here.
ALTER TABLE cron_jobs ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_jobs ADD COLUMN retry_delay_seconds INTEGER NOT NULL DEFAULT 60;
ALTER TABLE cron_jobs ADD COLUMN retry_backoff REAL NOT NULL DEFAULT 1;
ALTER TABLE cron_jobs ADD COLUMN retry_attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_jobs ADD COLUMN retry_at TIMESTAMP;
ALTER TABLE cron_jobs ADD COLUMN catch_up VARCHAR(10) NOT NULL DEFAULT 'once';
ALTER TABLE cron_jobs ADD COLUMN catch_up_window_seconds INTEGER;
ALTER TABLE cron_jobs ADD COLUMN overdue_after_seconds INTEGER NOT NULL DEFAULT 300;
ALTER TABLE cron_jobs ADD COLUMN alert_state VARCHAR(20);
ALTER TABLE cron_jobs ADD COLUMN run_once BOOLEAN NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS cron_pause (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  paused BOOLEAN NOT NULL DEFAULT 0,
  reason TEXT,
  changed_by TEXT,
  changed_at TIMESTAMP
);
INSERT OR IGNORE INTO cron_pause (singleton) VALUES (1);

CREATE TABLE IF NOT EXISTS cron_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event VARCHAR(20) NOT NULL,
  job TEXT,
  runner VARCHAR(200),
  dedupe_key TEXT NOT NULL UNIQUE,
  payload JSON NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  claimed_by VARCHAR(200),
  claimed_at TIMESTAMP,
  delivered_at TIMESTAMP,
  delivery_error TEXT
);
CREATE INDEX IF NOT EXISTS idx_cron_events_unclaimed ON cron_events (id) WHERE claimed_by IS NULL;
