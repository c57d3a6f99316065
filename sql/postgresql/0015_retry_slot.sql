-- A retry belongs to the slot that failed (issue 14): attempt n of a slot records that slot as
-- its scheduled_for, so (job, scheduled_for, attempt) of cron_runs says which slot it retried.
-- Written when a retry is planned (the failed run's own slot), read when the retry is claimed,
-- cleared when the streak ends. NULL for jobs with no retry pending.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS retry_slot TIMESTAMPTZ;
