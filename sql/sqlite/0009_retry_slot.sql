-- A retry belongs to the slot that failed (issue 14): see sql/postgresql/0015_retry_slot.sql.
ALTER TABLE cron_jobs ADD COLUMN retry_slot TIMESTAMP;
