-- Cron expressions with time zones (issue 4): when cron_expression is set it drives next_run.
ALTER TABLE cron_jobs ADD COLUMN cron_expression VARCHAR(200);
ALTER TABLE cron_jobs ADD COLUMN schedule_timezone VARCHAR(64);
