-- Runners register here: who runs where, which jobs they may run, and what they run now.
CREATE TABLE IF NOT EXISTS cron_runners (
  runner_name VARCHAR(200) PRIMARY KEY,
  host VARCHAR(255) NOT NULL,
  pid INTEGER NOT NULL,
  version VARCHAR(50) NOT NULL,
  started_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  heartbeat_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  heartbeat_seconds INTEGER NOT NULL DEFAULT 20,
  stopped_at TIMESTAMP,
  jobs JSON NOT NULL DEFAULT '[]',
  running_jobs JSON NOT NULL DEFAULT '[]'
);
