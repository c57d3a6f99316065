-- Safe resets (issue 11, G5): after a forced reset nobody may start the job before this time
-- (the fenced holder's lease expiry, UTC text like every time here). SQLite has one clock and
-- stores UTC, so it needs no instant columns.
ALTER TABLE cron_jobs ADD COLUMN claimable_after TIMESTAMP;
