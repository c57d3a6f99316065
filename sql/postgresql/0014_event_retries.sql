-- Notifications delivered at least once (issue 17). A claim holds an event for the claimer's
-- notify timeout plus a margin (claim_expires_at): an event whose runner died or was cut off
-- while delivering it is claimed again once that passes; a delivery that failed is tried again
-- after a backoff. At most cron_console's limit of attempts (5); the last error stays visible.
ALTER TABLE cron_events ADD COLUMN IF NOT EXISTS attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_events ADD COLUMN IF NOT EXISTS claim_expires_at TIMESTAMPTZ;
-- Rows of our own table claimed before this migration: one attempt, held for ten minutes.
UPDATE cron_events SET attempts = 1, claim_expires_at = claimed_at + INTERVAL '10 minutes'
 WHERE claimed_by IS NOT NULL AND attempts = 0;
CREATE INDEX IF NOT EXISTS idx_cron_events_undelivered ON cron_events (id)
  WHERE delivered_at IS NULL;
