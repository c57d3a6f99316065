-- Notifications delivered at least once (issue 17): see sql/postgresql/0014_event_retries.sql.
ALTER TABLE cron_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_events ADD COLUMN claim_expires_at TIMESTAMP;
UPDATE cron_events SET attempts = 1,
       claim_expires_at = strftime('%Y-%m-%d %H:%M:%f', claimed_at, '+10 minutes')
 WHERE claimed_by IS NOT NULL AND attempts = 0;
CREATE INDEX IF NOT EXISTS idx_cron_events_undelivered ON cron_events (id)
  WHERE delivered_at IS NULL;
