-- Runners register here: who runs where, which jobs they may run, and what they run now.
CREATE TABLE IF NOT EXISTS cron_runners (
  runner_name VARCHAR(200) PRIMARY KEY,
  host VARCHAR(255) NOT NULL,
  pid INTEGER NOT NULL,
  version VARCHAR(50) NOT NULL,
  started_at TIMESTAMP NOT NULL DEFAULT NOW(),
  heartbeat_at TIMESTAMP NOT NULL DEFAULT NOW(),
  heartbeat_seconds INTEGER NOT NULL DEFAULT 20,
  stopped_at TIMESTAMP,
  jobs JSONB NOT NULL DEFAULT '[]',
  running_jobs JSONB NOT NULL DEFAULT '[]'
);

CREATE INDEX IF NOT EXISTS idx_cron_jobs_lease_owner ON cron_jobs (lease_owner)
  WHERE lease_owner IS NOT NULL;
